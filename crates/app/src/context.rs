//! What every operation can reach: the store, the clock, the mailer and the settings.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use coproduce_store::{Store, Tx};
use tokio::sync::Notify;

use crate::{AppError, Clock, Mailer};

/// How this installation is set up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The address people reach Coproduce at, for links in emails
    /// (`https://coproduce.trust.example`), without a trailing slash.
    pub public_url: String,
    /// How long a worker holds a job before another may take it.
    pub job_lease: chrono::Duration,
    /// The address email comes from, without a name: the organiser of the calendar
    /// events it carries.
    pub mail_address: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            public_url: "http://127.0.0.1:8080".into(),
            job_lease: chrono::Duration::minutes(5),
            mail_address: "coproduce@localhost".into(),
        }
    }
}

impl Settings {
    /// The bare address of a sender written as `Name <address>` or `address`.
    pub fn address_of(from: &str) -> String {
        match from.rsplit_once('<') {
            Some((_, rest)) => rest.trim_end().trim_end_matches('>').trim().to_string(),
            None => from.trim().to_string(),
        }
    }

    /// The host part of the public address, for `Message-ID`s.
    pub fn host(&self) -> &str {
        let rest = self
            .public_url
            .split_once("://")
            .map_or(self.public_url.as_str(), |(_, r)| r);
        let host = rest.split(['/', ':']).next().unwrap_or("");
        if host.is_empty() { "localhost" } else { host }
    }
}

/// The application: cheap to clone, shared by every request, command and job.
#[derive(Debug, Clone)]
pub struct Context {
    pub store: Store,
    pub clock: Clock,
    pub mailer: Mailer,
    pub settings: Arc<Settings>,
    /// Woken when a transaction that queued a job commits, so a worker in this
    /// process starts at once instead of at its next look.
    pub(crate) jobs_queued: Arc<Notify>,
}

impl Context {
    pub fn new(store: Store, clock: Clock, mailer: Mailer, settings: Settings) -> Context {
        Context {
            store,
            clock,
            mailer,
            settings: Arc::new(settings),
            jobs_queued: Arc::new(Notify::new()),
        }
    }

    /// Now, from the context's clock, to the whole second.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Starts the transaction an operation writes in.
    pub async fn begin(&self) -> Result<Tx, AppError> {
        Ok(self.store.begin().await?)
    }

    /// Commits an operation's transaction and wakes a worker in this process, in
    /// case it queued a job.
    pub async fn commit(&self, tx: Tx) -> Result<(), AppError> {
        tx.commit().await?;
        self.jobs_queued.notify_one();
        Ok(())
    }
}
