//! The audit trail: who did what to which record, when and from where.
//!
//! Entries are only ever added, with [`append`] on the caller's transaction, so an
//! entry commits with the change it records or not at all. Each entry is numbered
//! (`seq`) and carries the hash of the entry before it and a hash of its own
//! contents: [`Store::verify_audit`] walks the chain and names every entry that was
//! changed, removed or put in out of order. The single row of `audit_head` holds the
//! last number and hash; [`append`] updates it first, which makes concurrent writers
//! take turns and lets the check see entries removed from the end.
//!
//! The chain shows tampering by anyone who edits the table by hand without
//! recomputing every hash after the edit; it is not a signature.
//! This module decides nothing about what is audited: the application does.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use crate::{Page, PageRequest, Store, StoreError, Tx};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// The account that acted; `None` for the system (a job, the command line).
    pub account_id: Option<i64>,
    /// The role it acted in, as its slug.
    pub role: Option<String>,
    /// The organisation the record belongs to, when it belongs to one.
    pub organisation_id: Option<i64>,
    /// What was done: `person.update`, `needs.view`, `account.invite`...
    pub action: String,
    /// What kind of record: `person`, `account`, `job`...
    pub record_kind: String,
    pub record_id: Option<i64>,
    /// The person in the register whose data it was, if any.
    pub person_id: Option<i64>,
    /// The network address the request came from.
    pub address: Option<String>,
    /// A short note: which fields, how many rows. Never a secret.
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
    /// The name of the account that acted, where a page of the trail was read with
    /// it (not part of the entry, nor of its hash).
    #[sqlx(default)]
    pub account_name: Option<String>,
}

has_id!(AuditEntry);

/// An entry to add.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAuditEntry {
    pub account_id: Option<i64>,
    pub role: Option<String>,
    pub organisation_id: Option<i64>,
    pub action: String,
    pub record_kind: String,
    pub record_id: Option<i64>,
    pub person_id: Option<i64>,
    pub address: Option<String>,
    pub detail: String,
}

/// Which entries to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub person_id: Option<i64>,
    pub account_id: Option<i64>,
    /// A record: its kind and id.
    pub record: Option<(String, i64)>,
}

/// Something `audit verify` found wrong with the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditProblem {
    /// The entry's contents no longer match its hash: it was edited.
    Changed { seq: i64, id: i64 },
    /// Entries with these numbers are gone.
    Removed { from_seq: i64, to_seq: i64 },
    /// The entry does not follow the one before it: it was put in out of order, or
    /// the one before it was replaced.
    OutOfOrder { seq: i64, id: i64 },
    /// The chain ends at a different entry from the one the head records.
    HeadMismatch { head_seq: i64, last_seq: i64 },
}

impl std::fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuditProblem::Changed { seq, id } => {
                write!(f, "entry {seq} (id {id}) was changed after it was written")
            }
            AuditProblem::Removed { from_seq, to_seq } if from_seq == to_seq => {
                write!(f, "entry {from_seq} was removed")
            }
            AuditProblem::Removed { from_seq, to_seq } => {
                write!(f, "entries {from_seq} to {to_seq} were removed")
            }
            AuditProblem::OutOfOrder { seq, id } => write!(
                f,
                "entry {seq} (id {id}) does not follow the entry before it: it was inserted out of order or the one before it was replaced"
            ),
            AuditProblem::HeadMismatch { head_seq, last_seq } => write!(
                f,
                "the trail should end at entry {head_seq} but ends at entry {last_seq}: entries were added or removed at its end"
            ),
        }
    }
}

/// What a check of the whole chain found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditReport {
    pub entries: i64,
    pub problems: Vec<AuditProblem>,
}

/// The hash of an entry: SHA-256 over the hash before it and each field, every field
/// prefixed with its length so no two entries read the same.
pub fn entry_hash(prev_hash: &str, seq: i64, at: DateTime<Utc>, e: &NewAuditEntry) -> String {
    fn field(h: &mut Sha256, v: Option<&str>) {
        match v {
            Some(v) => h.update(format!("{}:{v}|", v.len())),
            None => h.update("-|"),
        }
    }
    let mut h = Sha256::new();
    field(&mut h, Some(prev_hash));
    field(&mut h, Some(&seq.to_string()));
    field(&mut h, Some(&at.format("%Y-%m-%dT%H:%M:%SZ").to_string()));
    field(&mut h, e.account_id.map(|v| v.to_string()).as_deref());
    field(&mut h, e.role.as_deref());
    field(&mut h, e.organisation_id.map(|v| v.to_string()).as_deref());
    field(&mut h, Some(&e.action));
    field(&mut h, Some(&e.record_kind));
    field(&mut h, e.record_id.map(|v| v.to_string()).as_deref());
    field(&mut h, e.person_id.map(|v| v.to_string()).as_deref());
    field(&mut h, e.address.as_deref());
    field(&mut h, Some(&e.detail));
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

impl AuditEntry {
    fn contents(&self) -> NewAuditEntry {
        NewAuditEntry {
            account_id: self.account_id,
            role: self.role.clone(),
            organisation_id: self.organisation_id,
            action: self.action.clone(),
            record_kind: self.record_kind.clone(),
            record_id: self.record_id,
            person_id: self.person_id,
            address: self.address.clone(),
            detail: self.detail.clone(),
        }
    }
}

/// Adds an entry on the caller's transaction, chained to the one before.
pub async fn append(tx: &mut Tx, e: &NewAuditEntry, at: DateTime<Utc>) -> Result<i64, StoreError> {
    // Taking the head's row first makes a second writer wait until this transaction
    // ends, then read the head this one left.
    let (seq, prev): (i64, String) = on_tx!(tx, |c| {
        sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
            .fetch_one(&mut *c)
            .await
    })?;
    // `hash` in the RETURNING row is still the previous entry's: only seq moved.
    let hash = entry_hash(&prev, seq, at, e);
    let id = on_tx!(tx, |c| {
        sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
            .bind(&hash)
            .execute(&mut *c)
            .await?;
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO audit_entries (seq, at, account_id, role, organisation_id, action, record_kind, record_id, person_id, address, detail, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(seq)
        .bind(at)
        .bind(e.account_id)
        .bind(&e.role)
        .bind(e.organisation_id)
        .bind(&e.action)
        .bind(&e.record_kind)
        .bind(e.record_id)
        .bind(e.person_id)
        .bind(&e.address)
        .bind(&e.detail)
        .bind(&prev)
        .bind(&hash)
        .fetch_one(&mut *c)
        .await
    })?;
    Ok(id)
}

/// The columns of [`AuditEntry`], in the order every query reads them.
macro_rules! audit_columns {
    () => {
        "id, seq, at, account_id, role, organisation_id, action, record_kind, record_id, person_id, address, detail, prev_hash, hash"
    };
}

/// How many entries `verify_audit` reads at a time.
const VERIFY_BATCH: i64 = 2000;

impl Store {
    /// A page of entries, newest first, narrowed by `filter`: `after` is the number
    /// (`seq`) to read below.
    pub async fn audit_entries(
        &self,
        filter: AuditFilter,
        page: PageRequest,
    ) -> Result<Page<AuditEntry>, StoreError> {
        let before = page.below();
        let (kind, record_id) = match &filter.record {
            Some((k, id)) => (Some(k.as_str()), Some(*id)),
            None => (None, None),
        };
        let rows = on_pool!(self, |p| {
            sqlx::query_as::<_, AuditEntry>(
                "SELECT e.id, e.seq, e.at, e.account_id, e.role, e.organisation_id, e.action, e.record_kind, e.record_id, e.person_id, e.address, e.detail, e.prev_hash, e.hash, a.name AS account_name \
                 FROM audit_entries e LEFT JOIN accounts a ON a.id = e.account_id WHERE e.seq < $1 \
                 AND ($2 IS NULL OR e.person_id = $2) \
                 AND ($3 IS NULL OR e.account_id = $3) \
                 AND ($4 IS NULL OR (e.record_kind = $4 AND e.record_id = $5)) \
                 ORDER BY e.seq DESC LIMIT $6",
            )
            .bind(before)
            .bind(filter.person_id)
            .bind(filter.account_id)
            .bind(kind)
            .bind(record_id)
            .bind(page.fetch())
            .fetch_all(p)
            .await
        })?;
        Ok(page.page(rows, |r| r.seq))
    }

    /// Walks the whole chain in order, a batch at a time, and lists every problem.
    pub async fn verify_audit(&self) -> Result<AuditReport, StoreError> {
        let mut report = AuditReport::default();
        let mut expected_seq = 1;
        let mut prev_hash = GENESIS.to_string();
        let mut last: Option<(i64, DateTime<Utc>)> = None;
        let mut last_seq = 0;
        loop {
            let batch = on_pool!(self, |p| {
                sqlx::query_as::<_, AuditEntry>(concat!(
                    "SELECT ",
                    audit_columns!(),
                    " FROM audit_entries WHERE seq >= $1 ORDER BY seq LIMIT $2"
                ))
                .bind(expected_seq)
                .bind(VERIFY_BATCH)
                .fetch_all(p)
                .await
            })?;
            let Some(end) = batch.last().map(|e| e.seq) else {
                break;
            };
            for e in &batch {
                report.entries += 1;
                if e.seq != expected_seq {
                    report.problems.push(AuditProblem::Removed {
                        from_seq: expected_seq,
                        to_seq: e.seq - 1,
                    });
                } else if e.prev_hash != prev_hash
                    || matches!(last, Some((id, at)) if e.id < id || e.at < at)
                {
                    report.problems.push(AuditProblem::OutOfOrder {
                        seq: e.seq,
                        id: e.id,
                    });
                }
                if entry_hash(&e.prev_hash, e.seq, e.at, &e.contents()) != e.hash {
                    report.problems.push(AuditProblem::Changed {
                        seq: e.seq,
                        id: e.id,
                    });
                }
                prev_hash = e.hash.clone();
                expected_seq = e.seq + 1;
                last = Some((e.id, e.at));
                last_seq = e.seq;
            }
            expected_seq = end + 1;
        }
        let (head_seq, head_hash): (i64, String) = on_pool!(self, |p| {
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_one(p)
                .await
        })?;
        if head_seq > last_seq {
            report.problems.push(AuditProblem::Removed {
                from_seq: last_seq + 1,
                to_seq: head_seq,
            });
        } else if head_seq != last_seq || head_hash != prev_hash {
            report
                .problems
                .push(AuditProblem::HeadMismatch { head_seq, last_seq });
        }
        Ok(report)
    }
}
