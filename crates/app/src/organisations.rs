//! Organisations and their settings. Whether an organisation requires a second
//! factor of its staff is a security setting: each change of an organisation is
//! audited, saying when that setting changed.

use coproduce_domain::account::Capability;
use coproduce_store::organisations::{
    Organisation, OrganisationFields, insert_organisation, update_organisation_in,
};

use crate::audit::{self, Entry};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context};

/// Adds an organisation.
pub async fn create(
    ctx: &Context,
    actor: &Actor,
    f: &OrganisationFields,
) -> Result<Organisation, AppError> {
    actor.require(Capability::ManageOrganisations)?;
    let mut tx = ctx.begin().await?;
    let id = insert_organisation(&mut tx, f, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("organisation.create", "organisation", id).organisation(Some(id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.organisation(id).await?)
}

/// Changes an organisation and its settings.
pub async fn update(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    f: &OrganisationFields,
) -> Result<Organisation, AppError> {
    actor.require(Capability::ManageOrganisations)?;
    visible_record(ctx, actor, Owned::Organisation, id).await?;
    let before = ctx.store.organisation(id).await?;
    let mut tx = ctx.begin().await?;
    update_organisation_in(&mut tx, id, f).await?;
    let detail = match (before.require_second_factor, f.require_second_factor) {
        (false, true) => "second factor now required of staff",
        (true, false) => "second factor no longer required of staff",
        _ => "",
    };
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("organisation.update", "organisation", id)
            .organisation(Some(id))
            .detail(detail),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.organisation(id).await?)
}
