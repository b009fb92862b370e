//! Watching over Coproduce: the job queue and the audit trail, for administrators;
//! and, for each person, who has looked at or changed their record.

use coproduce_domain::account::Capability;
use coproduce_store::audit::{AuditEntry, AuditFilter};
use coproduce_store::jobs::{Job, JobCounts, JobState};
use coproduce_store::{Page, PageRequest};

use crate::audit::{self, Entry};
use crate::{Actor, AppError, Context, outbox};

/// Which jobs to list: one state, or the waiting jobs that failed before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobList {
    State(JobState),
    /// Waiting to be tried again after a failure.
    Failed,
}

impl JobList {
    pub const ALL: [JobList; 5] = [
        JobList::State(JobState::Waiting),
        JobList::Failed,
        JobList::State(JobState::Dead),
        JobList::State(JobState::Running),
        JobList::State(JobState::Done),
    ];

    pub fn slug(self) -> &'static str {
        match self {
            JobList::Failed => "failed",
            JobList::State(s) => s.slug(),
        }
    }

    pub fn parse(s: &str) -> Option<JobList> {
        JobList::ALL.into_iter().find(|l| l.slug() == s)
    }

    /// How many jobs the list holds.
    pub fn count(self, c: &JobCounts) -> i64 {
        match self {
            JobList::Failed => c.failed,
            JobList::State(JobState::Waiting) => c.waiting,
            JobList::State(JobState::Running) => c.running,
            JobList::State(JobState::Done) => c.done,
            JobList::State(JobState::Dead) => c.dead,
        }
    }
}

/// A job as an administrator sees it: never an email's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobView {
    pub job: Job,
    /// What the job is about: "To ann@example.org: Reset your password".
    pub about: String,
}

/// The counts of every list, and one page of the list asked for.
pub async fn job_queue(
    ctx: &Context,
    actor: &Actor,
    list: JobList,
    page: PageRequest,
) -> Result<(JobCounts, Page<JobView>), AppError> {
    actor.require(Capability::Oversee)?;
    let counts = ctx.store.job_counts().await?;
    let (state, failed_only) = match list {
        JobList::Failed => (JobState::Waiting, true),
        JobList::State(s) => (s, false),
    };
    let jobs = ctx.store.jobs(state, failed_only, page).await?;
    let items = jobs
        .items
        .into_iter()
        .map(|job| {
            let about = if job.kind == outbox::EMAIL {
                outbox::describe(&job.payload)
            } else {
                job.kind.clone()
            };
            JobView { job, about }
        })
        .collect();
    Ok((
        counts,
        Page {
            items,
            next_after: jobs.next_after,
        },
    ))
}

/// Puts a dead job back in the queue, to run now.
pub async fn retry_job(ctx: &Context, actor: &Actor, id: i64) -> Result<Job, AppError> {
    actor.require(Capability::Oversee)?;
    let job = ctx.store.job(id).await?;
    if job.state != JobState::Dead {
        return Err(AppError::Conflict(format!(
            "job {id} is {}: only a dead job can be retried",
            job.state.slug()
        )));
    }
    let mut tx = ctx.begin().await?;
    let retried = coproduce_store::jobs::retry(&mut tx, id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("job.retry", "job", id).detail(job.kind),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(retried)
}

/// A page of the audit trail, newest first, narrowed by `filter`.
pub async fn audit_trail(
    ctx: &Context,
    actor: &Actor,
    filter: AuditFilter,
    page: PageRequest,
) -> Result<Page<AuditEntry>, AppError> {
    actor.require(Capability::Oversee)?;
    Ok(ctx.store.audit_entries(filter, page).await?)
}

/// Who has looked at or changed the actor's own record in the register: a page of
/// the entries about them, newest first. Someone with no record has none.
pub async fn my_record_trail(
    ctx: &Context,
    actor: &Actor,
    page: PageRequest,
) -> Result<Page<AuditEntry>, AppError> {
    let Some(person_id) = actor.person_id else {
        return Ok(Page {
            items: vec![],
            next_after: None,
        });
    };
    Ok(ctx
        .store
        .audit_entries(
            AuditFilter {
                person_id: Some(person_id),
                ..AuditFilter::default()
            },
            page,
        )
        .await?)
}
