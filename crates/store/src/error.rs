//! Errors from the store.
//!
//! Callers match on the kind of failure (not found, a missing referenced record, a
//! duplicate) to answer people clearly; anything else is a database failure that is
//! logged in full and shown only as "something went wrong".

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A record refers to another that does not exist: `field` names the reference.
    #[error("{field}: there is no {noun} with id {id}")]
    Missing {
        field: &'static str,
        noun: &'static str,
        id: i64,
    },
    /// A record would duplicate one that must be unique.
    #[error("{0}")]
    Duplicate(String),
    /// The record changed after the caller read it: someone else changed it first.
    #[error("someone else changed it after you opened it")]
    Stale,
    /// The database URL could not be used.
    #[error("{0}")]
    Config(String),
    /// The database could not be reached.
    #[error("cannot reach the database: {0}")]
    Unreachable(String),
    /// Stored data that no longer reads as a valid value (a corrupted slug, say).
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// Whether a database error is a unique-constraint violation.
    pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
        matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
    }
}
