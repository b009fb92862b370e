//! The `coproduce` command's tests, in one binary: real processes, real files, real databases.
// Tests may panic on anything unexpected: that is how they fail.
#![allow(clippy::unwrap_used)]

mod cli;
#[path = "../../../../tests/smtp/mailbox.rs"]
mod mailbox;
mod worker;
