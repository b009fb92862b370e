//! Writing the audit trail: who did what to which record, when and from where.
//!
//! An operation that changes a person's data, consents, needs, equality answers,
//! roles, accounts, tokens, imports, erasures or exports, or that shows a person's
//! access needs or equality answers to someone else, calls [`record`] on its own
//! transaction, so the entry commits with the change or not at all. The store chains
//! the entries by hash (`coproduce_store::audit`). An entry never holds a secret or
//! the data itself: only which record, and a short note of what.

use coproduce_store::Tx;
use coproduce_store::audit::{NewAuditEntry, append};

use crate::{Actor, AppError, Context};

/// What was done, to which record.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    action: &'static str,
    record_kind: &'static str,
    record_id: Option<i64>,
    organisation_id: Option<i64>,
    person_id: Option<i64>,
    detail: String,
}

impl Entry {
    /// `action` is `kind.verb` (`account.invite`); `record_kind` names the table.
    pub fn new(action: &'static str, record_kind: &'static str, record_id: i64) -> Entry {
        Entry {
            action,
            record_kind,
            record_id: Some(record_id),
            ..Entry::default()
        }
    }

    /// The organisation the record belongs to.
    pub fn organisation(mut self, id: Option<i64>) -> Entry {
        self.organisation_id = id;
        self
    }

    /// The person in the register whose data it is.
    pub fn person(mut self, id: Option<i64>) -> Entry {
        self.person_id = id;
        self
    }

    /// A short note: which fields, how many rows. Never a secret or the data itself.
    pub fn detail(mut self, detail: impl Into<String>) -> Entry {
        self.detail = detail.into();
        self
    }
}

/// Adds an entry on the operation's transaction, timed by the context's clock.
pub async fn record(
    tx: &mut Tx,
    ctx: &Context,
    actor: &Actor,
    entry: Entry,
) -> Result<(), AppError> {
    append(
        tx,
        &NewAuditEntry {
            account_id: actor.account_id,
            role: actor.role_slug(),
            organisation_id: entry.organisation_id,
            action: entry.action.to_string(),
            record_kind: entry.record_kind.to_string(),
            record_id: entry.record_id,
            person_id: entry.person_id,
            address: actor.address.clone(),
            detail: entry.detail,
        },
        ctx.now(),
    )
    .await?;
    Ok(())
}
