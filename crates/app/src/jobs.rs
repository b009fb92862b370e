//! The job queue's worker: runs the jobs the store holds, one at a time.
//!
//! A worker claims the job due first with a lease ([`Settings::job_lease`]), runs its
//! handler in a task of its own, and records the outcome: done; failed and waiting
//! again after a backoff (30 seconds, doubling, at most an hour); or dead after its
//! last attempt, with the error, until an administrator retries it. A handler that
//! panics fails only its own job. A handler that runs past most of its lease is
//! stopped and counted as failed, so no second worker takes a job still running.
//! When the worker is told to stop it lets the job in hand finish for a while, then
//! gives it back to the queue, the attempt not counted.
//!
//! `coproduce serve` runs one worker in its own process; `coproduce worker` runs one
//! alone. Any number may share a database: the claim makes sure each job is run by
//! one at a time.
//!
//! [`Settings::job_lease`]: crate::Settings::job_lease

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::Duration;
use coproduce_store::jobs::Job;
use tokio::sync::watch;

use crate::{AppError, Context, outbox};

/// What a handler's work comes to: `Ok(Some(payload))` keeps a new payload with the
/// finished job (less than it held, say); `Ok(None)` keeps the one it had; `Err` is
/// why it failed.
pub type Outcome = Result<Option<String>, String>;

/// A handler's work, to be run in a task of its own.
pub type HandlerFuture = Pin<Box<dyn Future<Output = Outcome> + Send>>;

/// Runs one kind of job, given the context and the job.
pub type Handler = Arc<dyn Fn(Context, Job) -> HandlerFuture + Send + Sync>;

/// The handler of each kind of job.
#[derive(Clone)]
pub struct Handlers(HashMap<&'static str, Handler>);

impl Default for Handlers {
    /// Every kind of job Coproduce queues.
    fn default() -> Self {
        Handlers(HashMap::new())
            .with(outbox::EMAIL, |ctx, job| {
                Box::pin(async move { outbox::deliver(&ctx, &job.payload).await })
            })
            .with(crate::reminders::REMINDER, |ctx, job| {
                Box::pin(async move { crate::reminders::send(&ctx, &job.payload).await })
            })
            .with(crate::inputs::DUE, |ctx, job| {
                Box::pin(async move { crate::inputs::remind(&ctx, &job.payload).await })
            })
    }
}

impl Handlers {
    /// Adds (or replaces) the handler of one kind.
    pub fn with(
        mut self,
        kind: &'static str,
        f: impl Fn(Context, Job) -> HandlerFuture + Send + Sync + 'static,
    ) -> Handlers {
        self.0.insert(kind, Arc::new(f));
        self
    }
}

/// The wait before the next try after `attempts` tries: 30 seconds, doubling, at
/// most an hour.
pub fn backoff(attempts: i64) -> Duration {
    let doublings = attempts.clamp(1, 8) - 1;
    (Duration::seconds(30) * 2i32.pow(doublings as u32)).min(Duration::hours(1))
}

/// What became of a job a worker ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ran {
    Done {
        id: i64,
    },
    /// Failed; waiting to be tried again.
    Retrying {
        id: i64,
        error: String,
    },
    /// Failed for the last time.
    Dead {
        id: i64,
        error: String,
    },
    /// Given back unfinished because the worker is stopping.
    Released {
        id: i64,
    },
    /// Its lease ran out while it ran, and another worker has it now.
    Lost {
        id: i64,
    },
}

/// How long a worker that is stopping waits for the job in hand.
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(10);
/// How often an idle worker looks for work it was not woken for (jobs queued by
/// another process, leases run out).
const POLL: std::time::Duration = std::time::Duration::from_secs(2);

/// One worker.
pub struct Worker {
    ctx: Context,
    name: String,
    handlers: Handlers,
}

impl Worker {
    pub fn new(ctx: Context, handlers: Handlers) -> Worker {
        let name = format!(
            "{}-{}-{:08x}",
            hostname(),
            std::process::id(),
            rand::random::<u32>()
        );
        Worker {
            ctx,
            name,
            handlers,
        }
    }

    /// The name the worker claims jobs under.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Claims and runs the job due first, if any.
    pub async fn run_one(&self) -> Result<Option<Ran>, AppError> {
        let (_never, mut stop) = watch::channel(false);
        self.run_one_until(&mut stop).await
    }

    /// Runs jobs until none is due. Answers what became of each.
    pub async fn run_pending(&self) -> Result<Vec<Ran>, AppError> {
        let mut ran = Vec::new();
        while let Some(r) = self.run_one().await? {
            ran.push(r);
        }
        Ok(ran)
    }

    /// Runs jobs as they fall due until `stop` turns true, then finishes or gives
    /// back the job in hand.
    pub async fn run(&self, mut stop: watch::Receiver<bool>) {
        tracing::info!(worker = %self.name, "worker started");
        while !*stop.borrow() {
            match self.run_one_until(&mut stop).await {
                Ok(Some(ran)) => {
                    tracing::debug!(worker = %self.name, ?ran, "job ran");
                    continue;
                }
                Ok(None) => {}
                Err(e) => tracing::error!(worker = %self.name, error = %e, "could not claim a job"),
            }
            let wait = match self.ctx.store.next_job_due().await {
                Ok(Some(at)) => (at - self.ctx.now())
                    .to_std()
                    .unwrap_or(std::time::Duration::ZERO)
                    .min(POLL),
                _ => POLL,
            };
            tokio::select! {
                _ = stop.changed() => {}
                _ = self.ctx.jobs_queued.notified() => {}
                _ = tokio::time::sleep(wait) => {}
            }
        }
        tracing::info!(worker = %self.name, "worker stopped");
    }

    async fn run_one_until(
        &self,
        stop: &mut watch::Receiver<bool>,
    ) -> Result<Option<Ran>, AppError> {
        let now = self.ctx.now();
        let lease = self.ctx.settings.job_lease;
        let Some(job) = self
            .ctx
            .store
            .claim_job(&self.name, now, now + lease)
            .await?
        else {
            return Ok(None);
        };
        let id = job.id;
        let (attempts, max_attempts) = (job.attempts, job.max_attempts);
        let Some(handler) = self.handlers.0.get(job.kind.as_str()).cloned() else {
            let error = format!("no handler for jobs of kind {:?}", job.kind);
            return self.failed(id, attempts, max_attempts, error).await;
        };
        let mut task = tokio::spawn(handler(self.ctx.clone(), job));
        // Stop the handler before the lease runs out, so no other worker takes the
        // job while it still runs.
        let limit = (lease * 4 / 5)
            .to_std()
            .unwrap_or(std::time::Duration::from_secs(1));
        let deadline = tokio::time::sleep(limit);
        tokio::pin!(deadline);
        let joined = tokio::select! {
            joined = &mut task => Some(joined),
            _ = &mut deadline => None,
            _ = wait_for_stop(stop) => {
                tokio::select! {
                    joined = &mut task => Some(joined),
                    _ = tokio::time::sleep(STOP_GRACE) => {
                        task.abort();
                        let _ = (&mut task).await;
                        self.ctx.store.release_job(id, &self.name).await?;
                        tracing::warn!(job = id, "job given back unfinished: the worker is stopping");
                        return Ok(Some(Ran::Released { id }));
                    }
                }
            }
        };
        let outcome = match joined {
            Some(Ok(outcome)) => outcome,
            Some(Err(e)) if e.is_panic() => {
                Err(format!("the job's handler panicked: {}", panic_message(e)))
            }
            Some(Err(e)) => Err(format!("the job's task ended: {e}")),
            None => {
                task.abort();
                let _ = (&mut task).await;
                Err(format!(
                    "the job took longer than {} seconds and was stopped",
                    limit.as_secs()
                ))
            }
        };
        match outcome {
            Ok(keep) => {
                let now = self.ctx.now();
                if self
                    .ctx
                    .store
                    .finish_job(id, &self.name, now, keep.as_deref())
                    .await?
                {
                    Ok(Some(Ran::Done { id }))
                } else {
                    Ok(Some(Ran::Lost { id }))
                }
            }
            Err(error) => self.failed(id, attempts, max_attempts, error).await,
        }
    }

    async fn failed(
        &self,
        id: i64,
        attempts: i64,
        max_attempts: i64,
        error: String,
    ) -> Result<Option<Ran>, AppError> {
        let now = self.ctx.now();
        let retry_at = (attempts < max_attempts).then(|| now + backoff(attempts));
        tracing::warn!(job = id, attempts, error = %error, "job failed");
        let held = self
            .ctx
            .store
            .fail_job(id, &self.name, &error, retry_at, now)
            .await?;
        Ok(Some(match (held, retry_at) {
            (false, _) => Ran::Lost { id },
            (true, Some(_)) => Ran::Retrying { id, error },
            (true, None) => Ran::Dead { id, error },
        }))
    }
}

async fn wait_for_stop(stop: &mut watch::Receiver<bool>) {
    if stop.wait_for(|s| *s).await.is_err() {
        // The sender is gone: nobody can ask this worker to stop.
        std::future::pending::<()>().await;
    }
}

fn panic_message(e: tokio::task::JoinError) -> String {
    let payload = e.into_panic();
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

fn hostname() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "worker".into())
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use chrono::Duration;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(5), Duration::minutes(8));
        assert_eq!(backoff(8), Duration::hours(1));
        assert_eq!(backoff(30), Duration::hours(1));
    }
}
