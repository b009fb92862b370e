//! The outbox: every email is written as a job in the transaction of the change that
//! causes it, and sent by a worker.
//!
//! So a message goes only if its change committed, and is never lost: when the SMTP
//! server is down or refuses, the job waits and is tried again with backoff. Each
//! message's `Message-ID` is fixed when it is queued; the one case that can send a
//! message twice (a crash after the server took it and before the job was marked
//! done) sends a copy with the same `Message-ID`, which mail programs show once.
//! Once sent, the job keeps only the recipient, subject and `Message-ID`: the body,
//! which may hold a single-use link, is dropped.

use coproduce_store::Tx;
use coproduce_store::jobs::{NewJob, enqueue};

use crate::mail::{CalendarPart, Email};
use crate::{AppError, Context};

/// The job kind of an email.
pub const EMAIL: &str = "email";

/// How many times an email is tried before it is dead (waiting for an administrator
/// to retry it): with the backoff, about a day.
pub const EMAIL_ATTEMPTS: i64 = 30;

/// A `Message-ID` unique to this message.
fn message_id(ctx: &Context) -> String {
    format!(
        "<{:016x}{:016x}@{}>",
        rand::random::<u64>(),
        rand::random::<u64>(),
        ctx.settings.host()
    )
}

/// Queues a plain-text email on the caller's transaction. Answers the job's id.
pub async fn queue_email(
    tx: &mut Tx,
    ctx: &Context,
    to: &str,
    subject: &str,
    body: String,
) -> Result<i64, AppError> {
    queue_email_with(tx, ctx, to, subject, body, None).await
}

/// Queues an email that carries a calendar event on the caller's transaction.
pub async fn queue_email_with(
    tx: &mut Tx,
    ctx: &Context,
    to: &str,
    subject: &str,
    body: String,
    calendar: Option<CalendarPart>,
) -> Result<i64, AppError> {
    let email = Email {
        to: to.to_string(),
        subject: subject.to_string(),
        body,
        message_id: message_id(ctx),
        calendar,
    };
    let payload = serde_json::to_string(&email).map_err(|e| AppError::Internal(e.to_string()))?;
    let now = ctx.now();
    Ok(enqueue(
        tx,
        &NewJob {
            kind: EMAIL.into(),
            payload,
            run_at: now,
            max_attempts: EMAIL_ATTEMPTS,
        },
        now,
    )
    .await?)
}

/// Sends the email a job holds. Answers what the job keeps once sent.
pub async fn deliver(ctx: &Context, payload: &str) -> Result<Option<String>, String> {
    let email: Email =
        serde_json::from_str(payload).map_err(|e| format!("the message cannot be read: {e}"))?;
    ctx.mailer.send(&email).await.map_err(|e| e.to_string())?;
    let kept = serde_json::json!({
        "to": email.to,
        "subject": email.subject,
        "message_id": email.message_id,
    });
    Ok(Some(kept.to_string()))
}

/// What an administrator sees of an email job: to whom, and its subject.
pub fn describe(payload: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(payload).unwrap_or_default();
    format!(
        "To {}: {}",
        v["to"].as_str().unwrap_or("?"),
        v["subject"].as_str().unwrap_or("?")
    )
}
