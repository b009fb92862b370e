//! Reminders an organiser sets for an activity: so many days before its day, at a
//! London time, with their own words. Each is a job: when it runs it works the time
//! out again from the activity as it is then (a meeting moved keeps its reminders
//! in step, the job waiting again if its time is now later), and emails everyone
//! with a place who has not said no, in their language, with their reply link.
//! Nothing is sent for an activity called off or already started.

use chrono::NaiveTime;
use coproduce_domain::account::Capability;
use coproduce_domain::invitation::{Place, Reach, Reply, check_reminder, reminder_time};
use coproduce_domain::text::Problem;
use coproduce_domain::time::london_date;
use coproduce_store::Tx;
use coproduce_store::invitations::{
    Reminder, insert_reminder, invitations_in, lock_activity, mark_reminder_sent_in,
};
use coproduce_store::jobs::{NewJob, enqueue};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Entry};
use crate::invitations::{Meeting, Notice, closed_now, email};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context};

/// The job kind of a reminder.
pub const REMINDER: &str = "reminder";

/// How many times a reminder job is tried.
const ATTEMPTS: i64 = 10;

/// The longest an organiser's words may be.
pub const WORDS: usize = 1000;

#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    reminder: i64,
}

async fn queue(
    tx: &mut Tx,
    ctx: &Context,
    reminder: i64,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let payload = serde_json::to_string(&Payload { reminder })
        .map_err(|e| AppError::Internal(e.to_string()))?;
    enqueue(
        tx,
        &NewJob {
            kind: REMINDER.into(),
            payload,
            run_at: at,
            max_attempts: ATTEMPTS,
        },
        ctx.now(),
    )
    .await?;
    Ok(())
}

/// Sets a reminder for an open activity: `days_before` its day (0 to 60), at `at`
/// London time, which must fall after now and before it starts; `words` are the
/// organiser's own (at most [`WORDS`] characters). Audited.
pub async fn add_reminder(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    days_before: i64,
    at: NaiveTime,
    words: Option<&str>,
) -> Result<Reminder, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let activity = ctx.store.activity(activity_id).await?;
    if let Some(why) = closed_now(&activity, ctx.now()) {
        return Err(AppError::Conflict(why.explain().into()));
    }
    let words = words.map(str::trim).filter(|w| !w.is_empty());
    if let Some(w) = words
        && w.chars().count() > WORDS
    {
        return Err(AppError::refused(
            "words",
            Problem::TooLong {
                max: WORDS,
                len: w.chars().count(),
            },
        ));
    }
    let when = check_reminder(activity.starts_at, days_before, at, ctx.now())?;
    let mut tx = ctx.begin().await?;
    let id = insert_reminder(
        &mut tx,
        activity_id,
        days_before,
        &at.format("%H:%M").to_string(),
        words,
        ctx.now(),
    )
    .await?;
    queue(&mut tx, ctx, id, when).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("reminder.create", "activity", activity_id).organisation(Some(org)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.reminder(id).await?)
}

/// Removes a reminder of an activity the actor sees before it is sent: one already
/// sent stays on record (a conflict); one of another activity is not found.
/// Audited.
pub async fn remove_reminder(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    reminder_id: i64,
) -> Result<Reminder, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let reminder = match ctx.store.reminder(reminder_id).await {
        Ok(r) if r.activity_id == activity_id => r,
        Ok(_) | Err(coproduce_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let mut tx = ctx.begin().await?;
    if !coproduce_store::invitations::delete_reminder_in(&mut tx, reminder_id).await? {
        return Err(AppError::Conflict(
            "the reminder has been sent, so it stays on record".into(),
        ));
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("reminder.remove", "activity", activity_id).organisation(Some(org)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(reminder)
}

/// The job: sends a reminder when its time comes. Answers what the job keeps.
pub async fn send(ctx: &Context, payload: &str) -> Result<Option<String>, String> {
    let p: Payload =
        serde_json::from_str(payload).map_err(|e| format!("the job cannot be read: {e}"))?;
    send_reminder(ctx, p.reminder)
        .await
        .map(|outcome| {
            Some(serde_json::json!({ "reminder": p.reminder, "outcome": outcome }).to_string())
        })
        .map_err(|e| e.to_string())
}

async fn send_reminder(ctx: &Context, id: i64) -> Result<String, AppError> {
    let reminder = match ctx.store.reminder(id).await {
        Ok(r) => r,
        Err(coproduce_store::StoreError::NotFound) => return Ok("gone".into()),
        Err(e) => return Err(e.into()),
    };
    if reminder.sent_at.is_some() {
        return Ok("already sent".into());
    }
    let activity = ctx.store.activity(reminder.activity_id).await?;
    if closed_now(&activity, ctx.now()).is_some() || activity.starts_at <= ctx.now() {
        return Ok("not sent: the activity is called off or has started".into());
    }
    let at = NaiveTime::parse_from_str(&reminder.at_time, "%H:%M")
        .map_err(|e| AppError::Internal(format!("reminder {id}: {e}")))?;
    let due = reminder_time(activity.starts_at, reminder.days_before, at);
    let mut tx = ctx.begin().await?;
    // Moved later with its activity: wait again.
    if due > ctx.now() + chrono::Duration::seconds(30) {
        queue(&mut tx, ctx, id, due).await?;
        ctx.commit(tx).await?;
        return Ok("moved with its activity".into());
    }
    lock_activity(&mut tx, activity.id).await?;
    let told: Vec<_> = invitations_in(&mut tx, activity.id)
        .await?
        .into_iter()
        .filter(|i| {
            i.place == Place::Offered
                && i.reach == Reach::Email
                && i.reply() != Some(Reply::NotComing)
        })
        .collect();
    let ids: Vec<i64> = told.iter().map(|i| i.person_id).collect();
    let people = ctx.store.invitees(&ids, london_date(ctx.now())).await?;
    let meeting = Meeting::of(ctx, activity).await?;
    let mut n = 0;
    for i in &told {
        // Consent to contact may have been withdrawn since they were invited.
        let Some(p) = people.iter().find(|p| p.id == i.person_id && p.may_contact) else {
            continue;
        };
        email(
            &mut tx,
            ctx,
            &meeting,
            Notice::Reminder,
            i.id,
            p,
            reminder.words.as_deref(),
        )
        .await?;
        n += 1;
    }
    if !mark_reminder_sent_in(&mut tx, id, n, ctx.now()).await? {
        return Ok("already sent".into());
    }
    ctx.commit(tx).await?;
    Ok(format!("sent to {n}"))
}
