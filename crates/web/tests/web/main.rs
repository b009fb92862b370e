//! The web crate's tests, in one binary: each module is one part of the site, every
//! storage-touching test run on SQLite and PostgreSQL (`support::site_tests!`).
// Tests may panic on anything unexpected: that is how they fail.
#![allow(clippy::unwrap_used)]

#[path = "../../../../tests/smtp/mailbox.rs"]
mod mailbox;
mod support;

mod accounts;
mod api;
mod import_pages;
mod invitation_pages;
mod isolation;
mod languages;
mod me_pages;
mod network_pages;
mod openapi;
mod opportunity_pages;
mod oversight_pages;
mod pages;
mod payment_pages;
mod people_pages;
mod permissions;
mod recognition_pages;
mod register_pages;
mod rules_pages;
mod said_form_pages;
mod work_pages;
