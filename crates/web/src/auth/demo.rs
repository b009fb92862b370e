//! Sign-ins for the demo: one account for each role, with a password made up at each
//! start. Used only by `serve --demo`, on the demo's own fresh database.

use coproduce_domain::Vocabulary;
use coproduce_domain::account::Role;
use coproduce_store::Store;
use coproduce_store::accounts::AccountFields;

use super::password;

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

/// Creates the demo accounts and returns (role, email, password) for each.
pub async fn create_demo_accounts(store: &Store) -> Result<Vec<(String, String, String)>, String> {
    let now = coproduce_store::now();
    let mut out = Vec::new();
    for (role, email, organisation_id) in ACCOUNTS {
        let bytes: [u8; 5] = rand::random();
        let pass = format!(
            "demo-{}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        );
        let account = store
            .create_account(
                &AccountFields {
                    email: email.into(),
                    name: format!("Demo {}", role.label().to_lowercase()),
                    role,
                    organisation_id,
                },
                now,
            )
            .await
            .map_err(|e| e.to_string())?;
        if role == Role::Participant
            && let Some(org) = organisation_id
        {
            // The participant is someone in the demo register, so "my record" has
            // something in it.
            let first = store
                .people(
                    coproduce_store::PageRequest::first(1),
                    coproduce_store::Within::Parent(org),
                )
                .await
                .map_err(|e| e.to_string())?;
            if let Some(p) = first.items.first() {
                store
                    .link_account_to_person(account.id, Some(p.id))
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
        let hash = password::hash(pass.clone()).await?;
        store
            .set_password(account.id, &hash)
            .await
            .map_err(|e| e.to_string())?;
        out.push((role.label().to_string(), email.to_string(), pass));
    }
    Ok(out)
}
