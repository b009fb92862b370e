//! The venue register: the places an organisation holds its activities and what each
//! offers for access. Anyone who records the work may add and change venues of their
//! own organisation; each change is audited.

use coproduce_domain::account::Capability;
use coproduce_store::venues::{Venue, VenueFields, insert_venue, update_venue_in};

use crate::audit::{self, Entry};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context};

/// Adds a venue to an organisation the actor sees.
pub async fn create_venue(
    ctx: &Context,
    actor: &Actor,
    f: &VenueFields,
) -> Result<Venue, AppError> {
    actor.require(Capability::WriteWork)?;
    crate::scope::referenced_organisation(ctx, actor, f.organisation_id).await?;
    let mut tx = ctx.begin().await?;
    let id = insert_venue(&mut tx, f, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("venue.create", "venue", id).organisation(Some(f.organisation_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.venue(id).await?)
}

/// Changes a venue the actor sees; it may move only to an organisation they see.
pub async fn update_venue(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    f: &VenueFields,
) -> Result<Venue, AppError> {
    actor.require(Capability::WriteWork)?;
    visible_record(ctx, actor, Owned::Venue, id).await?;
    crate::scope::referenced_organisation(ctx, actor, f.organisation_id).await?;
    let mut tx = ctx.begin().await?;
    update_venue_in(&mut tx, id, f).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("venue.update", "venue", id).organisation(Some(f.organisation_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.venue(id).await?)
}
