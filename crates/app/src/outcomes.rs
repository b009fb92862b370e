//! Outcomes: the changes people's contributions led to, recorded by staff with the
//! inputs behind each (all of the outcome's organisation) and files of evidence
//! (their type read from their content, as papers' are). Every change is audited.

use coproduce_domain::account::Capability;
use coproduce_domain::outcome::OutcomeDraft;
use coproduce_domain::text::{self, FieldErrors, Problem};
use coproduce_domain::time::london_date;
use coproduce_domain::{Vocabulary, papers};
use coproduce_store::inputs::Input;
use coproduce_store::outcomes::{
    Evidence, NewEvidence, Outcome, insert_evidence_in, insert_outcome_in, update_outcome_in,
};
use coproduce_store::{Page, PageRequest, Within};

use crate::audit::{self, Entry};
use crate::scope::{Owned, referenced, referenced_organisation, visible_record};
use crate::{Actor, AppError, Context};

/// Checks what an outcome names: its project and every input are the
/// organisation's own.
async fn check_names(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    o: &coproduce_domain::outcome::Outcome,
) -> Result<(), AppError> {
    let mut errs = FieldErrors::new();
    if let Some(p) = o.project_id {
        let org = referenced(ctx, actor, Owned::Project, "project_id", p).await?;
        if org != organisation_id {
            errs.add(
                "project_id",
                Problem::NoSuch {
                    noun: "project",
                    id: p,
                },
            );
        }
    }
    let found = ctx
        .store
        .inputs_of_organisation(organisation_id, &o.inputs)
        .await?;
    for id in &o.inputs {
        if !found.contains(id) {
            errs.add(
                "inputs",
                Problem::NoSuch {
                    noun: "input",
                    id: *id,
                },
            );
        }
    }
    errs.finish(|| ()).map_err(AppError::from)
}

/// Records an outcome of an organisation the actor sees. Audited.
pub async fn create(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    draft: &OutcomeDraft,
) -> Result<Outcome, AppError> {
    actor.require(Capability::WriteWork)?;
    referenced_organisation(ctx, actor, organisation_id).await?;
    let o = draft.check(london_date(ctx.now()))?;
    check_names(ctx, actor, organisation_id, &o).await?;
    let mut tx = ctx.begin().await?;
    let id = insert_outcome_in(&mut tx, organisation_id, &o, actor.account_id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("outcome.create", "outcome", id)
            .organisation(Some(organisation_id))
            .detail(format!(
                "{} linked to {} inputs",
                o.kind.slug(),
                o.inputs.len()
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.outcome(id).await?)
}

/// Changes an outcome: the inputs given replace those it had. Audited.
pub async fn update(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    draft: &OutcomeDraft,
) -> Result<Outcome, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation_id = visible_record(ctx, actor, Owned::Outcome, id).await?;
    let o = draft.check(london_date(ctx.now()))?;
    check_names(ctx, actor, organisation_id, &o).await?;
    let mut tx = ctx.begin().await?;
    update_outcome_in(&mut tx, id, &o).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("outcome.change", "outcome", id)
            .organisation(Some(organisation_id))
            .detail(format!("linked to {} inputs", o.inputs.len())),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.outcome(id).await?)
}

/// Keeps a file as evidence of an outcome: its type is read from its content, and
/// one named as one kind but of another is refused, as are empty and oversized
/// files. Audited.
pub async fn add_evidence(
    ctx: &Context,
    actor: &Actor,
    outcome_id: i64,
    title: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<Evidence, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation_id = visible_record(ctx, actor, Owned::Outcome, outcome_id).await?;
    let mut errs = FieldErrors::new();
    let title = errs.take("title", text::required(title, text::SHORT));
    let kind = errs.take("file", papers::check_file(file_name, bytes));
    let (Some(title), Some(kind)) = (title, kind) else {
        return Err(errs.into());
    };
    let name = papers::clean_name(file_name);
    let sha256 = crate::secret::sha256_hex(bytes);
    let mut tx = ctx.begin().await?;
    let id = insert_evidence_in(
        &mut tx,
        &NewEvidence {
            outcome_id,
            title: &title,
            file_name: &name,
            media_type: kind.media_type,
            sha256: &sha256,
            content: bytes,
        },
        actor.account_id,
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("outcome.evidence", "outcome", outcome_id)
            .organisation(Some(organisation_id))
            .detail(name),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.evidence_file(id).await?)
}

/// A page of the outcomes the actor sees: of one project, of one organisation, or
/// of every organisation they see.
pub async fn list(
    ctx: &Context,
    actor: &Actor,
    page: PageRequest,
    organisation_id: Option<i64>,
    project_id: Option<i64>,
) -> Result<Page<Outcome>, AppError> {
    actor.require(Capability::ReadWork)?;
    let within = match project_id {
        Some(p) => {
            referenced(ctx, actor, Owned::Project, "project_id", p).await?;
            Within::Parent(p)
        }
        None => actor
            .scope(organisation_id)?
            .map_or(Within::All, Within::Organisation),
    };
    Ok(ctx.store.outcomes(page, within).await?)
}

/// What an outcome of an organisation the actor sees may name: its projects (id
/// and title) and its inputs.
pub async fn choices(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
) -> Result<(Vec<(i64, String)>, Vec<Input>), AppError> {
    actor.require(Capability::ReadWork)?;
    actor.visible(organisation_id)?;
    let projects = ctx
        .store
        .projects(
            PageRequest::first(PageRequest::MAX_LIMIT),
            Within::Parent(organisation_id),
        )
        .await?
        .items
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let inputs = ctx
        .store
        .inputs(
            PageRequest::first(PageRequest::MAX_LIMIT),
            &coproduce_store::inputs::InputFilter {
                organisation_id: Some(organisation_id),
                ..Default::default()
            },
        )
        .await?
        .items;
    Ok((projects, inputs))
}

/// An outcome with the inputs behind it and its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeRecord {
    pub outcome: Outcome,
    pub inputs: Vec<Input>,
    pub evidence: Vec<Evidence>,
}

/// Reads an outcome the actor sees.
pub async fn read(ctx: &Context, actor: &Actor, id: i64) -> Result<OutcomeRecord, AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Outcome, id).await?;
    let outcome = ctx.store.outcome(id).await?;
    let ids = ctx.store.outcome_inputs(id).await?;
    Ok(OutcomeRecord {
        inputs: ctx.store.inputs_with_ids(&ids).await?,
        evidence: ctx.store.evidence(id).await?,
        outcome,
    })
}

/// One file of evidence with its content, if the actor sees its outcome and it is
/// that outcome's.
pub async fn evidence_file(
    ctx: &Context,
    actor: &Actor,
    outcome_id: i64,
    evidence_id: i64,
) -> Result<(Evidence, Vec<u8>), AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Outcome, outcome_id).await?;
    let e = match ctx.store.evidence_file(evidence_id).await {
        Ok(e) if e.outcome_id == outcome_id => e,
        Ok(_) | Err(coproduce_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(err) => return Err(err.into()),
    };
    let content = ctx.store.evidence_content(evidence_id).await?;
    Ok((e, content))
}
