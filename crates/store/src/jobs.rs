//! The job queue: work a worker does later, kept in the database on both backends.
//!
//! A job is written with [`enqueue`] on the caller's transaction, so it commits with
//! the change that causes it or not at all (the outbox). A worker takes one with
//! [`Store::claim_job`]: a single `UPDATE ... WHERE id = (SELECT ...) RETURNING` that
//! sets a lease. The outer `WHERE` repeats the test, so when two workers race for the
//! same row, the one that waits for the other's lock finds the row no longer free and
//! takes nothing. A job whose worker died keeps its lease until it runs out, then is
//! free again. Finishing, failing and releasing a job all name the worker holding it,
//! so a worker whose lease ran out cannot overwrite what the next one did.
//!
//! Every function takes the time from its caller: the store reads no clock here.
//! What a job does, how often it is retried and how long it waits are the
//! application's business, not this module's.

use chrono::{DateTime, Utc};

use crate::{Page, PageRequest, Store, StoreError, Tx};

/// Where a job is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobState {
    /// To be run at `run_at` (perhaps again, after a failure).
    Waiting,
    /// Claimed by a worker until `lease_until`.
    Running,
    /// Finished.
    Done,
    /// Failed as many times as it may; kept with its last error until retried.
    Dead,
}

impl JobState {
    pub const ALL: [JobState; 4] = [
        JobState::Waiting,
        JobState::Running,
        JobState::Done,
        JobState::Dead,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            JobState::Waiting => "waiting",
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Dead => "dead",
        }
    }

    pub fn parse(s: &str) -> Option<JobState> {
        JobState::ALL.into_iter().find(|k| k.slug() == s)
    }
}

impl TryFrom<String> for JobState {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        JobState::parse(&s).ok_or_else(|| format!("unknown job state {s:?}"))
    }
}

/// A job as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    /// The job's data as JSON text; its shape belongs to the job's kind.
    pub payload: String,
    #[sqlx(try_from = "String")]
    pub state: JobState,
    pub run_at: DateTime<Utc>,
    /// How many times a worker has started it.
    pub attempts: i64,
    pub max_attempts: i64,
    pub last_error: Option<String>,
    pub locked_by: Option<String>,
    pub lease_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

has_id!(Job);

/// A job to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJob {
    pub kind: String,
    pub payload: String,
    pub run_at: DateTime<Utc>,
    pub max_attempts: i64,
}

/// How many jobs are in each state, and how many waiting jobs have failed before.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub waiting: i64,
    pub failed: i64,
    pub running: i64,
    pub done: i64,
    pub dead: i64,
}

/// The columns of [`Job`], in the order every query reads them.
macro_rules! job_columns {
    () => {
        "id, kind, payload, state, run_at, attempts, max_attempts, last_error, locked_by, lease_until, created_at, finished_at"
    };
}

/// Writes a job on the caller's transaction; it runs once that commits.
pub async fn enqueue(tx: &mut Tx, job: &NewJob, now: DateTime<Utc>) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO jobs (kind, payload, state, run_at, attempts, max_attempts, created_at) VALUES ($1, $2, 'waiting', $3, 0, $4, $5) RETURNING id",
        )
        .bind(&job.kind)
        .bind(&job.payload)
        .bind(job.run_at)
        .bind(job.max_attempts)
        .bind(now)
        .fetch_one(c)
        .await
    })?)
}

/// Puts a dead job back in the queue on the caller's transaction, to run at `now`,
/// with its attempts counted afresh. [`StoreError::NotFound`] unless it is dead.
pub async fn retry(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<Job, StoreError> {
    on_tx!(tx, |c| {
        sqlx::query_as::<_, Job>(concat!(
            "UPDATE jobs SET state = 'waiting', run_at = $2, attempts = 0, finished_at = NULL WHERE id = $1 AND state = 'dead' RETURNING ",
            job_columns!()
        ))
        .bind(id)
        .bind(now)
        .fetch_optional(c)
        .await
    })?
    .ok_or(StoreError::NotFound)
}

impl Store {
    /// Writes one job in a transaction of its own.
    pub async fn enqueue_job(&self, job: &NewJob, now: DateTime<Utc>) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let id = enqueue(&mut tx, job, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Claims the job due first, for `worker` until `lease_until`: a waiting job whose
    /// time has come, or a running job whose lease ran out (its worker died). `None`
    /// when nothing is due. Counts the attempt.
    pub async fn claim_job(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> Result<Option<Job>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Job>(concat!(
                "UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = $2, lease_until = $3 \
                 WHERE id = (SELECT id FROM jobs WHERE (state = 'waiting' AND run_at <= $1) OR (state = 'running' AND lease_until < $1) ORDER BY run_at, id LIMIT 1) \
                 AND ((state = 'waiting' AND run_at <= $1) OR (state = 'running' AND lease_until < $1)) \
                 RETURNING ",
                job_columns!()
            ))
            .bind(now)
            .bind(worker)
            .bind(lease_until)
            .fetch_optional(p)
            .await
        })?)
    }

    /// Marks a job done, if `worker` still holds it, keeping `payload` in place of
    /// the one it had when given. Answers whether `worker` still held it.
    pub async fn finish_job(
        &self,
        id: i64,
        worker: &str,
        now: DateTime<Utc>,
        payload: Option<&str>,
    ) -> Result<bool, StoreError> {
        let rows = on_pool!(self, |p| {
            sqlx::query(
                "UPDATE jobs SET state = 'done', finished_at = $3, payload = COALESCE($4, payload), locked_by = NULL, lease_until = NULL WHERE id = $1 AND locked_by = $2 AND state = 'running'",
            )
            .bind(id)
            .bind(worker)
            .bind(now)
            .bind(payload)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(rows == 1)
    }

    /// Records a failure of a job `worker` holds: it waits until `retry_at`, or is dead
    /// when that is `None`. Answers whether `worker` still held it.
    pub async fn fail_job(
        &self,
        id: i64,
        worker: &str,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let rows = on_pool!(self, |p| {
            match retry_at {
                Some(at) => sqlx::query(
                    "UPDATE jobs SET state = 'waiting', run_at = $4, last_error = $3, locked_by = NULL, lease_until = NULL WHERE id = $1 AND locked_by = $2 AND state = 'running'",
                )
                .bind(id)
                .bind(worker)
                .bind(error)
                .bind(at),
                None => sqlx::query(
                    "UPDATE jobs SET state = 'dead', finished_at = $4, last_error = $3, locked_by = NULL, lease_until = NULL WHERE id = $1 AND locked_by = $2 AND state = 'running'",
                )
                .bind(id)
                .bind(worker)
                .bind(error)
                .bind(now),
            }
            .execute(p)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(rows == 1)
    }

    /// Gives back a job `worker` holds but did not run to the end (it is stopping):
    /// waiting again, the attempt not counted.
    pub async fn release_job(&self, id: i64, worker: &str) -> Result<bool, StoreError> {
        let rows = on_pool!(self, |p| {
            sqlx::query(
                "UPDATE jobs SET state = 'waiting', attempts = attempts - 1, locked_by = NULL, lease_until = NULL WHERE id = $1 AND locked_by = $2 AND state = 'running'",
            )
            .bind(id)
            .bind(worker)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(rows == 1)
    }

    pub async fn job(&self, id: i64) -> Result<Job, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_as::<_, Job>(concat!(
                "SELECT ",
                job_columns!(),
                " FROM jobs WHERE id = $1"
            ))
            .bind(id)
            .fetch_optional(p)
            .await
        })?
        .ok_or(StoreError::NotFound)
    }

    /// A page of jobs in one state, newest first: `after` is the id to read below.
    pub async fn jobs(
        &self,
        state: JobState,
        failed_only: bool,
        page: PageRequest,
    ) -> Result<Page<Job>, StoreError> {
        let before = page.below();
        let sql = if failed_only {
            concat!(
                "SELECT ",
                job_columns!(),
                " FROM jobs WHERE state = $1 AND id < $2 AND last_error IS NOT NULL ORDER BY id DESC LIMIT $3"
            )
        } else {
            concat!(
                "SELECT ",
                job_columns!(),
                " FROM jobs WHERE state = $1 AND id < $2 ORDER BY id DESC LIMIT $3"
            )
        };
        let rows = on_pool!(self, |p| {
            sqlx::query_as::<_, Job>(sql)
                .bind(state.slug())
                .bind(before)
                .bind(page.fetch())
                .fetch_all(p)
                .await
        })?;
        Ok(page.page(rows, |r| r.id))
    }

    /// How many jobs are in each state, in one query.
    pub async fn job_counts(&self) -> Result<JobCounts, StoreError> {
        let rows: Vec<(String, bool, i64)> = on_pool!(self, |p| {
            sqlx::query_as(
                "SELECT state, last_error IS NOT NULL, COUNT(*) FROM jobs GROUP BY state, last_error IS NOT NULL",
            )
            .fetch_all(p)
            .await
        })?;
        let mut c = JobCounts::default();
        for (state, failed, n) in rows {
            match JobState::parse(&state) {
                Some(JobState::Waiting) => {
                    c.waiting += n;
                    if failed {
                        c.failed += n;
                    }
                }
                Some(JobState::Running) => c.running += n,
                Some(JobState::Done) => c.done += n,
                Some(JobState::Dead) => c.dead += n,
                None => return Err(StoreError::Corrupt(format!("job state {state:?}"))),
            }
        }
        Ok(c)
    }

    /// When the next waiting job is due, if any: how long a worker may sleep.
    pub async fn next_job_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, DateTime<Utc>>(
                "SELECT run_at FROM jobs WHERE state = 'waiting' ORDER BY run_at LIMIT 1",
            )
            .fetch_optional(p)
            .await
        })?)
    }
}
