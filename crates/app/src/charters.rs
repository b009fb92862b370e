//! Charters: adopting one (a built-in template or a file), changing its settings, and
//! recording which organisations were invited to sign it and did. Charters are public
//! records; changing them is for those who manage charters.

use chrono::NaiveDate;
use coproduce_domain::account::Capability;
use coproduce_domain::charter::{Charter, SignatoryStatus};
use coproduce_store::charters::{CharterFields, CharterRecord, Signatory};

use crate::{Actor, AppError, Context};

/// Stores a checked charter (a template or a file), all or nothing.
pub async fn adopt(
    ctx: &Context,
    actor: &Actor,
    charter: &Charter,
) -> Result<CharterRecord, AppError> {
    actor.require(Capability::ManageCharters)?;
    Ok(ctx.store.import_charter(charter, ctx.now()).await?)
}

/// Changes a charter version's title, summary and settings.
pub async fn update(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    f: &CharterFields,
) -> Result<CharterRecord, AppError> {
    actor.require(Capability::ManageCharters)?;
    Ok(ctx.store.update_charter(id, f).await?)
}

/// Records an organisation as invited to sign, having signed, or having declined.
/// The organisation must exist (refused on `organisation_id` otherwise).
pub async fn add_signatory(
    ctx: &Context,
    actor: &Actor,
    charter_id: i64,
    organisation_id: i64,
    status: SignatoryStatus,
    invited_on: NaiveDate,
    signed_on: Option<NaiveDate>,
) -> Result<Signatory, AppError> {
    actor.require(Capability::ManageCharters)?;
    ctx.store.charter_record(charter_id).await?;
    Ok(ctx
        .store
        .add_signatory(charter_id, organisation_id, status, invited_on, signed_on)
        .await?)
}
