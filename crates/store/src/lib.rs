//! Persistence for Coproduce: one body of SQL that runs on SQLite and PostgreSQL.
//!
//! [`Store`] is the only way in. It holds either a SQLite or a PostgreSQL pool, and
//! every query is written once, in the portable dialect both understand (`$1`
//! placeholders, `RETURNING`), then run on whichever pool is present through the
//! `on_pool!` and `on_tx!` macros: the one dispatch point. Where the dialects differ
//! (date arithmetic) the difference is one small macro in [`sql`].
//!
//! Every write that touches more than one row runs in one transaction. Times are
//! stored in UTC to the whole second; dates as calendar dates.
//!
//! This crate knows nothing of HTTP or HTML, and never decides who may see what: the
//! application layer (`coproduce-app`) does that before it calls in.

#[macro_use]
mod db;
mod error;

pub mod accounts;
pub mod activities;
pub mod audit;
pub mod charters;
pub mod consents;
pub mod demo;
pub mod equality;
pub mod feedback;
pub mod import;
pub mod indicators;
pub mod inputs;
pub mod invitations;
pub mod jobs;
pub mod meeting_rules;
pub mod memberships;
pub mod needs;
pub mod networks;
pub mod opportunities;
pub mod organisations;
pub mod outcomes;
pub mod owners;
pub mod papers;
pub mod payments;
pub mod people;
pub mod projects;
pub mod provision;
pub mod published;
pub mod recognition;
pub mod said_forms;
pub mod sessions;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod tokens;
pub mod training;
pub mod venues;

pub use db::{Backend, Store, Tx, redact};
pub use error::StoreError;

/// A page of a list in a stable order (by id), and where the next page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The id to pass as `after` for the next page; `None` on the last page.
    pub next_after: Option<i64>,
}

/// How far a list reaches: everything, the children of one parent record (the
/// projects of an organisation, the activities of a project), or everything that
/// belongs to one organisation however deep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    All,
    Parent(i64),
    Organisation(i64),
}

/// Which page of a list to read: the rows after id `after`, at most `limit` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub after: i64,
    pub limit: i64,
}

impl PageRequest {
    pub const MAX_LIMIT: i64 = 200;

    pub fn first(limit: i64) -> Self {
        Self {
            after: 0,
            limit: limit.clamp(1, Self::MAX_LIMIT),
        }
    }

    pub fn new(after: Option<i64>, limit: Option<i64>) -> Self {
        Self {
            after: after.unwrap_or(0).max(0),
            limit: limit.unwrap_or(50).clamp(1, Self::MAX_LIMIT),
        }
    }

    /// For a list read newest first: the key to read below (`after` is then the
    /// last key of the page before; 0 means the start, the newest).
    fn below(&self) -> i64 {
        if self.after <= 0 {
            i64::MAX
        } else {
            self.after
        }
    }

    /// The number of rows to fetch: one more than the page, to learn whether another
    /// page follows.
    fn fetch(&self) -> i64 {
        self.limit + 1
    }

    fn page<T>(&self, mut rows: Vec<T>, id: impl Fn(&T) -> i64) -> Page<T> {
        let more = rows.len() as i64 > self.limit;
        rows.truncate(self.limit as usize);
        let next_after = if more { rows.last().map(id) } else { None };
        Page {
            items: rows,
            next_after,
        }
    }
}
