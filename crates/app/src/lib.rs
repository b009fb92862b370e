//! Coproduce's application layer: every operation a person or a job performs.
//!
//! Each operation is a plain function of the [`Context`] (the store, the clock, the
//! mailer, the settings), the [`Actor`] (who is acting) and a checked domain value.
//! It checks the actor's capability and organisation scope once, here; writes all its
//! records in one transaction together with their audit entries ([`audit`]) and the
//! jobs they cause ([`outbox`], [`jobs`]); and answers a domain result or one
//! [`AppError`]. Pages, the JSON API, the command line and the job worker all call
//! these functions, and none of them holds a business rule of its own.
//!
//! This crate knows nothing of HTTP, HTML or the command line, writes no SQL (the
//! store does), and reads the time only from the context's [`Clock`].

pub mod accounts;
pub mod actor;
pub mod audit;
pub mod charters;
pub mod clock;
pub mod context;
pub mod demo;
pub mod error;
pub mod feedback;
pub mod i18n;
pub mod import;
pub mod inputs;
pub mod invitations;
pub mod jobs;
pub mod mail;
pub mod meeting_rules;
pub mod networks;
pub mod opportunities;
pub mod organisations;
pub mod outbox;
pub mod outcomes;
pub mod oversight;
pub mod papers;
pub mod password;
pub mod payments;
pub mod people;
pub mod provision;
pub mod published;
pub mod recognition;
pub mod reminders;
pub mod said_forms;
pub mod scope;
pub mod second_factor;
pub mod secret;
pub mod sessions;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod venues;
pub mod work;

pub use actor::Actor;
pub use clock::Clock;
pub use context::{Context, Settings};
pub use error::AppError;
pub use mail::Mailer;
