//! The application layer's tests, in one binary: every test runs on SQLite and PostgreSQL.
// Tests may panic on anything unexpected: that is how they fail.
#![allow(clippy::unwrap_used)]

mod app;
mod calendar_mail;
mod feedback;
mod inputs;
mod invitations;
#[path = "../../../../tests/smtp/mailbox.rs"]
mod mailbox;
mod meeting_rules;
mod opportunities;
mod payments;
mod people;
mod recognition;
mod said_forms;
mod sessions;
