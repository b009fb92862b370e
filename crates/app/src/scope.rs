//! Whether the actor may know of a record an address names: the one check that
//! another organisation's record does not exist for them.
//!
//! The web's route table says which kind of record each id in an address names; its
//! guard asks [`visible_record`] before any handler runs, so every route answers
//! "not found" alike for a record of another organisation and for one that does not
//! exist, whatever the rest of the request holds.

pub use coproduce_store::owners::Owned;

use crate::{Actor, AppError, Context};

/// The organisation of a record the actor may know of; [`AppError::NotFound`] when
/// there is no such record or it belongs to an organisation the actor does not see.
pub async fn visible_record(
    ctx: &Context,
    actor: &Actor,
    kind: Owned,
    id: i64,
) -> Result<i64, AppError> {
    let org = ctx.store.owner_of(kind, id).await?;
    actor.visible(org)?;
    Ok(org)
}

/// A record named in a value (a project's organisation, an activity's project): one
/// the actor may not know of is refused on `field` as if it did not exist, which it
/// may not.
pub async fn referenced(
    ctx: &Context,
    actor: &Actor,
    kind: Owned,
    field: &'static str,
    id: i64,
) -> Result<i64, AppError> {
    match visible_record(ctx, actor, kind, id).await {
        Err(AppError::NotFound) => Err(AppError::refused(
            field,
            coproduce_domain::text::Problem::NoSuch {
                noun: kind.noun(),
                id,
            },
        )),
        other => other,
    }
}

/// The organisation named in a value (`organisation_id`): one the actor does not
/// see, or that does not exist, is refused on that field.
pub async fn referenced_organisation(
    ctx: &Context,
    actor: &Actor,
    id: i64,
) -> Result<i64, AppError> {
    referenced(ctx, actor, Owned::Organisation, "organisation_id", id).await
}
