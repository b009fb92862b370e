//! The demo: its partnership of organisations, charters, people and work, dated from
//! the context's clock, and one sign-in for each role with a password made up at
//! each start. Used only by `serve --demo` and `demo`, on a fresh database.

use coproduce_domain::Vocabulary;
use coproduce_domain::account::Role;
use coproduce_store::accounts::AccountFields;

use crate::{Actor, AppError, Context, accounts, password};

/// (role, email, organisation index in the demo, 1-based id).
const ACCOUNTS: [(Role, &str, Option<i64>); 6] = [
    (Role::Administrator, "admin@demo.example", None),
    (
        Role::InvolvementLead,
        "involvement.lead@demo.example",
        Some(1),
    ),
    (Role::Staff, "project.lead@demo.example", Some(1)),
    (Role::Participant, "participant@demo.example", Some(2)),
    (Role::Partner, "healthwatch@demo.example", Some(4)),
    (Role::BoardViewer, "board@demo.example", Some(1)),
];

/// Loads the demo partnership, dated relative to now, in one transaction. A
/// database that already holds organisations is refused.
pub async fn load(ctx: &Context) -> Result<coproduce_store::demo::DemoSummary, AppError> {
    Ok(ctx.store.load_demo(ctx.now()).await?)
}

/// Creates the demo accounts and returns (role, email, password) for each. Made by
/// Coproduce itself, so each is in the audit trail.
pub async fn create_demo_accounts(
    ctx: &Context,
) -> Result<Vec<(String, String, String)>, AppError> {
    let system = Actor::system();
    let mut out = Vec::new();
    for (role, email, organisation_id) in ACCOUNTS {
        let bytes: [u8; 5] = rand::random();
        let pass = format!(
            "demo-{}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        );
        let hash = password::hash(pass.clone())
            .await
            .map_err(AppError::Internal)?;
        let account = accounts::create_with_password(
            ctx,
            &system,
            &AccountFields {
                email: email.into(),
                name: format!("Demo {}", role.label().to_lowercase()),
                role,
                organisation_id,
            },
            &hash,
        )
        .await?;
        if role == Role::Participant
            && let Some(org) = organisation_id
        {
            // The participant is someone in the demo register, so "my record" has
            // something in it.
            let first = ctx
                .store
                .people(
                    coproduce_store::PageRequest::first(1),
                    coproduce_store::Within::Parent(org),
                )
                .await?;
            if let Some(p) = first.items.first() {
                accounts::link_person(ctx, &system, account.id, p.id).await?;
            }
        }
        if role == Role::Staff
            && let Some(org) = organisation_id
        {
            // The project lead leads the organisation's projects.
            lead_projects(ctx, &system, org, account.id).await?;
        }
        out.push((role.label().to_string(), email.to_string(), pass));
    }
    Ok(out)
}

/// Makes an account the lead of every project of an organisation, through the same
/// operation a person would use, so each change is audited.
async fn lead_projects(
    ctx: &Context,
    system: &Actor,
    organisation_id: i64,
    lead: i64,
) -> Result<(), AppError> {
    let projects = ctx
        .store
        .projects(
            coproduce_store::PageRequest::first(coproduce_store::PageRequest::MAX_LIMIT),
            coproduce_store::Within::Parent(organisation_id),
        )
        .await?;
    for p in projects.items {
        let partners = ctx.store.partners(p.id).await?;
        let fields = coproduce_store::projects::ProjectFields {
            organisation_id: p.organisation_id,
            title: p.title.clone(),
            stage: p.stage,
            level: p.level,
            scope_and_limits: p.scope_and_limits.clone(),
            lead_account_id: Some(lead),
            target_rung: p.target_rung(),
            budget_pence: p.budget_pence,
            cannot_change: p.cannot_change.clone(),
            partners: partners
                .iter()
                .map(|x| (x.organisation_id, x.part))
                .collect(),
            stage_began_on: None,
        };
        crate::work::update_project(ctx, system, p.id, &fields).await?;
    }
    Ok(())
}
