//! Payments for taking part, and each person's choice about them.
//!
//! A person records their choice themselves (on `/me`) or staff record it for them,
//! with the day they chose. Staff work out an activity's payments from who came
//! and for how long, under the recognition policy in force on its day and each
//! person's choice on that day; someone who declined is not paid. An involvement
//! lead or administrator other than whoever created an entry approves it, then
//! marks it paid with the day it was paid. A mistake is put right by a reversing
//! entry, approved in turn. Every step is audited, each in the transaction that
//! makes it.

use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability;
use coproduce_domain::opportunity::Recognition;
use coproduce_domain::payment::{
    self, ChoiceDraft, PaymentStatus, REASON, check_paid_on, check_reversal, under_choice,
};
use coproduce_domain::person::AttendanceStatus;
use coproduce_domain::text::{Problem, required};
use coproduce_domain::time::london_date;
use coproduce_store::payments::{
    NewPayment, approve_payment_in, insert_choice_in, insert_payment_in, lock_activity_in,
    lock_payment_in, mark_paid_in, paid_for_in,
};
/// A payment, a list's narrowing and a choice as kept, for the pages and the API.
pub use coproduce_store::payments::{Payment, PaymentFilter, StoredChoice};
use coproduce_store::{Page, PageRequest};

use crate::audit::{self, Entry};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context};

/// The person's own record, or one of an organisation the actor may change people
/// of: its organisation.
async fn person_for(
    ctx: &Context,
    actor: &Actor,
    person_id: i64,
    staff_needs: Capability,
) -> Result<i64, AppError> {
    if actor.person_id == Some(person_id) && actor.can(Capability::OwnAccount) {
        return Ok(ctx.store.owner_of(Owned::Person, person_id).await?);
    }
    actor.require(staff_needs)?;
    visible_record(ctx, actor, Owned::Person, person_id).await
}

/// Records a person's choice about payments, by themselves or by staff for them.
/// Audited.
pub async fn record_choice(
    ctx: &Context,
    actor: &Actor,
    person_id: i64,
    draft: &ChoiceDraft,
) -> Result<StoredChoice, AppError> {
    let organisation = person_for(ctx, actor, person_id, Capability::WritePeople).await?;
    let choice = draft.check(london_date(ctx.now()))?;
    let mut tx = ctx.begin().await?;
    let id = insert_choice_in(&mut tx, person_id, &choice, actor.account_id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("recognition_choice.record", "recognition choice", id)
            .organisation(Some(organisation))
            .person(Some(person_id))
            .detail(format!(
                "{} from {}",
                choice.choice.slug(),
                choice.chosen_on
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    ctx.store
        .recognition_choices(person_id)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)
}

/// A person's choices, the latest first, for themselves or staff who read people.
pub async fn choices(
    ctx: &Context,
    actor: &Actor,
    person_id: i64,
) -> Result<Vec<StoredChoice>, AppError> {
    person_for(ctx, actor, person_id, Capability::ReadPeople).await?;
    Ok(ctx.store.recognition_choices(person_id).await?)
}

/// What working out an activity's payments did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Worked {
    /// The entries made, waiting for approval.
    pub created: Vec<i64>,
    /// Who came but declined payment: not paid.
    pub declined: Vec<String>,
    /// Who has a payment for it already.
    pub already: Vec<String>,
    /// Who came for no time the policy pays for.
    pub no_fee: Vec<String>,
}

/// Works out the payments of an activity that has happened, at a tier of the
/// recognition policy in force on its day, for everyone who came: each person's fee
/// as their choice on that day says, none for someone who declined, and nothing
/// again for someone paid for it already. Each entry is audited.
pub async fn work_out(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    tier: &str,
) -> Result<Worked, AppError> {
    actor.require(Capability::ManagePayments)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let activity = ctx.store.activity(activity_id).await?;
    if activity.cancelled_at.is_some() {
        return Err(AppError::Conflict("the activity was called off".into()));
    }
    if activity.ends_at > ctx.now() {
        return Err(AppError::Conflict(
            "the activity has not finished yet: payments are worked out once it has".into(),
        ));
    }
    let day = london_date(activity.starts_at);
    let Some(policy) = ctx.store.policy_in_force(organisation, day).await? else {
        return Err(AppError::Conflict(format!(
            "no recognition policy was in force on {day}: set one from that day first"
        )));
    };
    if !policy.policy.offered.iter().any(|o| {
        matches!(
            o,
            Recognition::Payment | Recognition::Vouchers | Recognition::TimeCredits
        )
    }) {
        return Err(AppError::Conflict(
            "the recognition policy in force that day offers no payment, voucher or time credits"
                .into(),
        ));
    }
    let tier = tier.trim();
    if !policy.policy.tiers.iter().any(|t| t.key == tier) {
        return Err(AppError::refused(
            "tier",
            Problem::NotKnown {
                noun: "tier",
                given: tier.to_string(),
            },
        ));
    }
    let scheduled = (activity.ends_at - activity.starts_at).num_minutes();
    let came: Vec<_> = ctx
        .store
        .attendance(activity_id)
        .await?
        .into_iter()
        .filter(|a| a.status == AttendanceStatus::Attended)
        .collect();
    let people: Vec<i64> = came.iter().map(|a| a.person_id).collect();
    let choices = ctx.store.choices_on(&people, day).await?;
    let mut worked = Worked::default();
    let mut tx = ctx.begin().await?;
    lock_activity_in(&mut tx, activity_id).await?;
    let already = paid_for_in(&mut tx, activity_id).await?;
    for a in &came {
        if already.contains(&a.person_id) {
            worked.already.push(a.person_name.clone());
            continue;
        }
        let attended = a.minutes.unwrap_or(scheduled);
        let Some(fee) = policy
            .policy
            .fee(tier, activity.activity_type, scheduled, attended)
        else {
            worked.no_fee.push(a.person_name.clone());
            continue;
        };
        let choice = choices
            .iter()
            .find(|c| c.person_id == a.person_id)
            .and_then(StoredChoice::choice);
        let Some((amount, paid_as)) = under_choice(fee.amount_pence, choice.as_ref()) else {
            worked.declined.push(a.person_name.clone());
            continue;
        };
        let id = insert_payment_in(
            &mut tx,
            &NewPayment {
                organisation_id: organisation,
                person_id: a.person_id,
                activity_id: Some(activity_id),
                project_id: Some(activity.project_id),
                policy_id: Some(policy.id),
                tier: Some(tier.to_string()),
                basis: Some(fee.basis.slug().into()),
                rate_pence: Some(fee.rate_pence),
                scheduled_minutes: Some(scheduled),
                attended_minutes: Some(attended),
                amount_pence: amount,
                paid_as,
                charity: choice.and_then(|c| c.charity),
                reverses_id: None,
                reason: None,
            },
            actor.account_id,
            ctx.now(),
        )
        .await?;
        audit::record(
            &mut tx,
            ctx,
            actor,
            Entry::new("payment.create", "payment", id)
                .organisation(Some(organisation))
                .person(Some(a.person_id))
                .detail(format!(
                    "{amount}p as {} for activity {activity_id}",
                    paid_as.slug()
                )),
        )
        .await?;
        worked.created.push(id);
    }
    ctx.commit(tx).await?;
    Ok(worked)
}

/// Approves an entry waiting for approval: by someone other than whoever created
/// it. Audited.
pub async fn approve(ctx: &Context, actor: &Actor, id: i64) -> Result<Payment, AppError> {
    actor.require(Capability::ManageRecognition)?;
    let organisation = visible_record(ctx, actor, Owned::Payment, id).await?;
    let mut tx = ctx.begin().await?;
    let p = lock_payment_in(&mut tx, id).await?;
    if p.status != PaymentStatus::Created.slug() {
        return Err(AppError::Conflict("it is approved already".into()));
    }
    if actor.account_id.is_some() && p.created_by == actor.account_id {
        return Err(AppError::Conflict(
            "you created it: someone else must approve it".into(),
        ));
    }
    approve_payment_in(&mut tx, id, actor.account_id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("payment.approve", "payment", id).organisation(Some(organisation)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.payment(id).await?)
}

/// Marks an approved entry paid, on a day not after today nor before it was
/// approved. Audited.
pub async fn mark_paid(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    paid_on: &str,
) -> Result<Payment, AppError> {
    actor.require(Capability::ManageRecognition)?;
    let organisation = visible_record(ctx, actor, Owned::Payment, id).await?;
    let mut tx = ctx.begin().await?;
    let p = lock_payment_in(&mut tx, id).await?;
    let approved = match (p.status.as_str(), p.approved_at) {
        ("approved", Some(at)) => london_date(at),
        ("paid", _) => return Err(AppError::Conflict("it is marked paid already".into())),
        _ => {
            return Err(AppError::Conflict(
                "it is waiting for approval: approve it first".into(),
            ));
        }
    };
    let on = check_paid_on(paid_on, approved, london_date(ctx.now()))
        .map_err(|e| AppError::refused("paid_on", e))?;
    mark_paid_in(&mut tx, id, on, actor.account_id).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("payment.paid", "payment", id)
            .organisation(Some(organisation))
            .detail(format!("paid on {on}")),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.payment(id).await?)
}

/// Puts a mistake right: a new entry reversing one, with the reason, waiting for
/// approval. A reversal is not reversed, and nothing is reversed twice. Audited.
pub async fn reverse(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    reason: &str,
) -> Result<Payment, AppError> {
    actor.require(Capability::ManagePayments)?;
    let organisation = visible_record(ctx, actor, Owned::Payment, id).await?;
    let reason = required(reason, REASON).map_err(|e| AppError::refused("reason", e))?;
    let original = ctx.store.payment(id).await?;
    let mut tx = ctx.begin().await?;
    let p = lock_payment_in(&mut tx, id).await?;
    check_reversal(p.reverses_id.is_some(), p.reversed_by.is_some())
        .map_err(|why| AppError::Conflict(why.into()))?;
    let new = insert_payment_in(
        &mut tx,
        &NewPayment {
            organisation_id: organisation,
            person_id: original.person_id,
            activity_id: original.activity_id,
            project_id: original.project_id,
            policy_id: original.policy_id,
            tier: original.tier.clone(),
            basis: original.basis.clone(),
            rate_pence: original.rate_pence,
            scheduled_minutes: original.scheduled_minutes,
            attended_minutes: original.attended_minutes,
            amount_pence: -original.amount_pence,
            paid_as: original.paid_as().unwrap_or(payment::PaidAs::Money),
            charity: original.charity.clone(),
            reverses_id: Some(id),
            reason: Some(reason),
        },
        actor.account_id,
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("payment.reverse", "payment", new)
            .organisation(Some(organisation))
            .person(Some(original.person_id))
            .detail(format!("reverses payment {id}")),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.payment(new).await?)
}

/// A page of the entries the actor sees, narrowed by `filter`.
pub async fn list(
    ctx: &Context,
    actor: &Actor,
    page: PageRequest,
    mut filter: PaymentFilter,
) -> Result<Page<Payment>, AppError> {
    actor.require(Capability::ManagePayments)?;
    filter.organisation_id = actor.scope(filter.organisation_id)?;
    if let Some(p) = filter.person_id {
        crate::scope::referenced(ctx, actor, Owned::Person, "person_id", p).await?;
    }
    if let Some(a) = filter.activity_id {
        crate::scope::referenced(ctx, actor, Owned::Activity, "activity_id", a).await?;
    }
    Ok(ctx.store.payments(page, &filter).await?)
}

/// One entry the actor sees.
pub async fn read(ctx: &Context, actor: &Actor, id: i64) -> Result<Payment, AppError> {
    actor.require(Capability::ManagePayments)?;
    visible_record(ctx, actor, Owned::Payment, id).await?;
    Ok(ctx.store.payment(id).await?)
}

/// An activity whose payments the actor may work out, with its organisation.
pub async fn activity(
    ctx: &Context,
    actor: &Actor,
    id: i64,
) -> Result<(coproduce_store::activities::Activity, i64), AppError> {
    actor.require(Capability::ManagePayments)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, id).await?;
    Ok((ctx.store.activity(id).await?, organisation))
}

/// For the signed-in person: their choices, the latest first, and where their
/// organisation says to get advice on benefits (from its policy in force today).
pub async fn own_choices(
    ctx: &Context,
    actor: &Actor,
) -> Result<(Vec<StoredChoice>, Option<String>), AppError> {
    actor.require(Capability::OwnAccount)?;
    let person = crate::people::own(ctx, actor).await?;
    let advice = ctx
        .store
        .policy_in_force(person.organisation_id(), london_date(ctx.now()))
        .await?
        .map(|v| v.policy.advice);
    Ok((ctx.store.recognition_choices(person.id).await?, advice))
}

/// The most entries one export holds.
pub const EXPORT_MAX: usize = 100_000;

/// Every approved or paid entry of an organisation for days from `from` to `to`
/// (London days, both included), in id order, for finance: read a page at a time.
/// Audited, as it takes people's names and money out of Coproduce.
pub async fn export(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<Payment>, AppError> {
    actor.require(Capability::ManageRecognition)?;
    crate::scope::referenced_organisation(ctx, actor, organisation_id).await?;
    if from > to {
        return Err(AppError::refused("from", Problem::StartsAfterEnd));
    }
    let start = |d: chrono::NaiveDate| {
        coproduce_domain::time::scheduled_london(d.and_time(chrono::NaiveTime::MIN))
    };
    let filter = PaymentFilter {
        organisation_id: Some(organisation_id),
        approved: true,
        from: Some(start(from)),
        until: to.succ_opt().map(start),
        ..PaymentFilter::default()
    };
    let mut rows = Vec::new();
    let mut page = PageRequest::first(PageRequest::MAX_LIMIT);
    loop {
        let got = ctx.store.payments(page, &filter).await?;
        rows.extend(got.items);
        match got.next_after {
            Some(after) if rows.len() < EXPORT_MAX => {
                page = PageRequest::new(Some(after), Some(PageRequest::MAX_LIMIT))
            }
            _ => break,
        }
    }
    let mut tx = ctx.begin().await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("payments.export", "organisation", organisation_id)
            .organisation(Some(organisation_id))
            .detail(format!("{} entries, {from} to {to}", rows.len())),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(rows)
}
