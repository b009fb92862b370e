//! The owner's reminders of an input: three days before its due day and the day
//! after it, each a job that sends nothing once the input has been fed back or its
//! due day has moved.

use chrono::{NaiveDate, NaiveTime};
use coproduce_domain::time::{from_london, show_date};
use coproduce_store::Tx;
use coproduce_store::jobs::{NewJob, enqueue};
use serde::{Deserialize, Serialize};

use crate::{AppError, Context, outbox};

/// The job kind of a reminder to an input's owner.
pub const DUE: &str = "input-due";

/// How many days before the due day the owner is reminded.
pub const REMIND_BEFORE_DAYS: u64 = 3;

/// How many times a reminder job is tried.
const ATTEMPTS: i64 = 10;

#[derive(Debug, Serialize, Deserialize)]
struct DuePayload {
    input: i64,
    due_on: NaiveDate,
    /// Before the due day, or after it.
    before: bool,
}

/// Nine in the morning, London time, on `day`.
fn morning(day: NaiveDate) -> Option<chrono::DateTime<chrono::Utc>> {
    from_london(day.and_time(NaiveTime::from_hms_opt(9, 0, 0)?)).ok()
}

/// Queues the owner's two reminders for an input due on `due_on`: the one before
/// only while its time is still to come.
pub(crate) async fn queue_reminders(
    tx: &mut Tx,
    ctx: &Context,
    input: i64,
    due_on: NaiveDate,
) -> Result<(), AppError> {
    let before = due_on
        .checked_sub_days(chrono::Days::new(REMIND_BEFORE_DAYS))
        .and_then(morning)
        .filter(|t| *t > ctx.now());
    let after = due_on
        .checked_add_days(chrono::Days::new(1))
        .and_then(morning);
    for (at, is_before) in [(before, true), (after, false)] {
        let Some(at) = at else { continue };
        let payload = serde_json::to_string(&DuePayload {
            input,
            due_on,
            before: is_before,
        })
        .map_err(|e| AppError::Internal(e.to_string()))?;
        enqueue(
            tx,
            &NewJob {
                kind: DUE.into(),
                payload,
                run_at: at,
                max_attempts: ATTEMPTS,
            },
            ctx.now(),
        )
        .await?;
    }
    Ok(())
}

/// The job: reminds an input's owner that feedback is due soon, or overdue.
/// Answers what the job keeps.
pub async fn remind(ctx: &Context, payload: &str) -> Result<Option<String>, String> {
    let p: DuePayload =
        serde_json::from_str(payload).map_err(|e| format!("the job cannot be read: {e}"))?;
    remind_owner(ctx, &p)
        .await
        .map(|outcome| {
            Some(serde_json::json!({ "input": p.input, "outcome": outcome }).to_string())
        })
        .map_err(|e| e.to_string())
}

async fn remind_owner(ctx: &Context, p: &DuePayload) -> Result<&'static str, AppError> {
    let input = match ctx.store.input(p.input).await {
        Ok(i) => i,
        Err(coproduce_store::StoreError::NotFound) => return Ok("gone"),
        Err(e) => return Err(e.into()),
    };
    if input.due_on != p.due_on {
        return Ok("not sent: its due day has changed");
    }
    if input.fed_back_on.is_some() {
        return Ok("not sent: it has been fed back");
    }
    let Some(owner) = input.owner_account_id else {
        return Ok("not sent: it has no owner");
    };
    let account = ctx.store.account(owner).await?;
    let (subject, lead) = if p.before {
        (
            format!("Feedback due by {}", show_date(input.due_on)),
            format!(
                "Feedback on what people said is due by {}, and has not yet reached them.",
                show_date(input.due_on)
            ),
        )
    } else {
        (
            format!("Feedback overdue since {}", show_date(input.due_on)),
            format!(
                "Feedback on what people said was due by {}, and has not reached them. The charter's deadline has passed.",
                show_date(input.due_on)
            ),
        )
    };
    let body = format!(
        "Hello {},\n\n{}\n\nThey said: \"{}\"\n(from {}, on {})\n\nGive a response, and it goes to them: {}/inputs/{}\n",
        account.name,
        lead,
        input.said,
        input.came_from,
        show_date(input.received_on),
        ctx.settings.public_url,
        input.id
    );
    let mut tx = ctx.begin().await?;
    outbox::queue_email(&mut tx, ctx, &account.email, &subject, body).await?;
    ctx.commit(tx).await?;
    Ok(if p.before {
        "the owner was reminded"
    } else {
        "the owner was told it is overdue"
    })
}
