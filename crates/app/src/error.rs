//! The one error every operation returns.
//!
//! Policy: a person's mistake is named ([`AppError::Invalid`] lists each field and its
//! reason as a code with values, worded at the edge); a record of another
//! organisation is [`AppError::NotFound`], exactly as a record that does not exist; a
//! role that may not do something is [`AppError::Forbidden`]. Anything else is a
//! fault of ours, which the web logs in full and shows only as a reference. The web
//! maps these to problem+json or to a page with its form errors; the command line to
//! a message and an exit code.

use coproduce_domain::account::Capability;
use coproduce_domain::text::{FieldError, FieldErrors, Problem};
use coproduce_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such record, or one the actor may not know exists.
    #[error("not found")]
    NotFound,
    /// The actor's role does not allow this.
    #[error("the role may not {}", coproduce_domain::Vocabulary::label(*.0))]
    Forbidden(Capability),
    /// Values that are not acceptable, each with its field.
    #[error("{0}")]
    Invalid(FieldErrors),
    /// The change would clash with a record that exists, or a record is not in a
    /// state that allows it.
    #[error("{0}")]
    Conflict(String),
    /// A fault: the database, a broken invariant.
    #[error("{0}")]
    Store(StoreError),
    #[error("{0}")]
    Internal(String),
}

impl AppError {
    /// A value refused on one field.
    pub fn refused(field: impl Into<String>, problem: impl Into<Problem>) -> Self {
        AppError::Invalid(FieldErrors(vec![FieldError::new(field, problem)]))
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> Self {
        AppError::Invalid(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Missing { field, noun, id } => {
                AppError::refused(field, Problem::NoSuch { noun, id })
            }
            StoreError::Duplicate(m) => AppError::Conflict(m),
            StoreError::Stale => AppError::Conflict(StoreError::Stale.to_string()),
            other => AppError::Store(other),
        }
    }
}
