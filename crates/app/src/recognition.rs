//! Recognition policies: an organisation's role tiers, rates, recognition offered
//! and expenses repaid, set as versions that each take effect from a day. A new
//! version never changes one before it: what was worked out under an earlier
//! version stays as it was. Setting one is audited.

use chrono::NaiveDate;
use coproduce_domain::account::Capability;
use coproduce_domain::recognition::PolicyDraft;
/// A version of a policy as kept, for the pages and the API.
pub use coproduce_store::recognition::PolicyVersion;
use coproduce_store::recognition::insert_policy_in;

use crate::audit::{self, Entry};
use crate::scope::referenced_organisation;
use crate::{Actor, AppError, Context};

/// Sets a new version of an organisation's policy, from the day it says. Audited.
pub async fn set_policy(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    draft: &PolicyDraft,
) -> Result<PolicyVersion, AppError> {
    actor.require(Capability::ManageRecognition)?;
    actor.visible(organisation_id)?;
    ctx.store.organisation(organisation_id).await?;
    let policy = draft.check()?;
    let mut tx = ctx.begin().await?;
    let id = insert_policy_in(
        &mut tx,
        organisation_id,
        &policy,
        actor.account_id,
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("recognition_policy.create", "recognition policy", id)
            .organisation(Some(organisation_id))
            .detail(format!(
                "from {}: {} tiers, {} rates",
                policy.effective_from,
                policy.tiers.len(),
                policy.rates.len()
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.policy_version(id).await?)
}

/// The version of an organisation's policy in force on a day, if any.
pub async fn in_force(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    day: NaiveDate,
) -> Result<Option<PolicyVersion>, AppError> {
    actor.require(Capability::ReadWork)?;
    referenced_organisation(ctx, actor, organisation_id)
        .await
        .map_err(|_| AppError::NotFound)?;
    Ok(ctx.store.policy_in_force(organisation_id, day).await?)
}

/// Every version of an organisation's policy, the latest to take effect first.
pub async fn versions(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
) -> Result<Vec<PolicyVersion>, AppError> {
    actor.require(Capability::ReadWork)?;
    referenced_organisation(ctx, actor, organisation_id)
        .await
        .map_err(|_| AppError::NotFound)?;
    Ok(ctx.store.policy_versions(organisation_id).await?)
}
