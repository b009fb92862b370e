//! Experience feedback as stored: requests (one per person and activity, by a link
//! kept only as its hash) and answers, kept apart so an anonymous answer names
//! nobody. Totals are counted in one query.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::feedback::{Agreement, Answers, Statement};

use crate::{Store, StoreError, Tx};

/// One person asked about one activity.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FeedbackRequest {
    pub id: i64,
    pub activity_id: i64,
    pub person_id: i64,
    pub asked_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// A request as its person sees it on their own record.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OwnRequest {
    pub activity_id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// An activity's feedback, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackCounts {
    pub asked: i64,
    pub answered: i64,
    pub counts: Vec<(Statement, Agreement, i64)>,
    pub comments: Vec<String>,
}

const REQUEST: &str =
    "SELECT id, activity_id, person_id, asked_at, answered_at FROM feedback_requests ";

impl Store {
    pub async fn feedback_request_by_token(
        &self,
        token_hash: &str,
    ) -> Result<FeedbackRequest, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_as::<_, FeedbackRequest>(sqlx::AssertSqlSafe(format!(
                "{REQUEST}WHERE token_hash = $1"
            )))
            .bind(token_hash)
            .fetch_optional(p)
            .await
        })?
        .ok_or(StoreError::NotFound)
    }

    pub async fn feedback_request_of(
        &self,
        activity_id: i64,
        person_id: i64,
    ) -> Result<FeedbackRequest, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_as::<_, FeedbackRequest>(sqlx::AssertSqlSafe(format!(
                "{REQUEST}WHERE activity_id = $1 AND person_id = $2"
            )))
            .bind(activity_id)
            .bind(person_id)
            .fetch_optional(p)
            .await
        })?
        .ok_or(StoreError::NotFound)
    }

    /// The activities a person was asked about, newest first.
    pub async fn own_feedback_requests(
        &self,
        person_id: i64,
    ) -> Result<Vec<OwnRequest>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, OwnRequest>(
                "SELECT r.activity_id, a.title, a.starts_at, r.answered_at FROM feedback_requests r JOIN activities a ON a.id = r.activity_id WHERE r.person_id = $1 ORDER BY a.starts_at DESC",
            )
            .bind(person_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// An activity's feedback: how many were asked and answered, each statement's
    /// answers counted in one query, and the comments.
    pub async fn feedback_counts(&self, activity_id: i64) -> Result<FeedbackCounts, StoreError> {
        let (asked, answered): (i64, i64) = on_pool!(self, |p| {
            sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM feedback_requests WHERE activity_id = $1), (SELECT COUNT(*) FROM feedback_answers WHERE activity_id = $1)",
            )
            .bind(activity_id)
            .fetch_one(p)
            .await
        })?;
        let rows: Vec<(String, String, i64)> = on_pool!(self, |p| {
            sqlx::query_as(
                "SELECT 'listened-to', listened_to, COUNT(*) FROM feedback_answers WHERE activity_id = $1 AND listened_to IS NOT NULL GROUP BY listened_to UNION ALL SELECT 'needs-met', needs_met, COUNT(*) FROM feedback_answers WHERE activity_id = $1 AND needs_met IS NOT NULL GROUP BY needs_met UNION ALL SELECT 'know-next', know_next, COUNT(*) FROM feedback_answers WHERE activity_id = $1 AND know_next IS NOT NULL GROUP BY know_next",
            )
            .bind(activity_id)
            .fetch_all(p)
            .await
        })?;
        let comments: Vec<String> = on_pool!(self, |p| {
            sqlx::query_scalar(
                "SELECT comment FROM feedback_answers WHERE activity_id = $1 AND comment IS NOT NULL ORDER BY id",
            )
            .bind(activity_id)
            .fetch_all(p)
            .await
        })?;
        let mut counts = Vec::with_capacity(rows.len());
        for (s, a, n) in rows {
            let s = Statement::parse(&s).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let a = Agreement::parse(&a).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            counts.push((s, a, n));
        }
        Ok(FeedbackCounts {
            asked,
            answered,
            counts,
            comments,
        })
    }
}

/// Asks a person about an activity, unless they were asked already; whether a new
/// request was made.
pub async fn ask_in(
    tx: &mut Tx,
    activity_id: i64,
    person_id: i64,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO feedback_requests (activity_id, person_id, token_hash, asked_at) VALUES ($1, $2, $3, $4) ON CONFLICT (activity_id, person_id) DO NOTHING",
        )
        .bind(activity_id)
        .bind(person_id)
        .bind(token_hash)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(rows == 1)
}

/// Keeps answers, with the person only when they give their name, and marks their
/// request answered; `request` is `None` for a paper form staff type in.
pub async fn answer_in(
    tx: &mut Tx,
    activity_id: i64,
    request: Option<i64>,
    named: Option<i64>,
    a: &Answers,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let slug = |x: Option<Agreement>| x.map(|v| v.slug());
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO feedback_answers (activity_id, person_id, listened_to, needs_met, know_next, comment, answered_on, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(activity_id)
        .bind(named)
        .bind(slug(a.listened_to))
        .bind(slug(a.needs_met))
        .bind(slug(a.know_next))
        .bind(&a.comment)
        .bind(day)
        .bind(if request.is_some() { "person" } else { "paper" })
        .execute(c)
        .await
        .map(|_| ())
    })?;
    if let Some(r) = request {
        let rows = on_tx!(tx, |c| {
            sqlx::query(
                "UPDATE feedback_requests SET answered_at = $1 WHERE id = $2 AND answered_at IS NULL",
            )
            .bind(now)
            .bind(r)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
        })?;
        // Answered meanwhile, by the same person in another window.
        if rows == 0 {
            return Err(StoreError::Stale);
        }
    }
    Ok(())
}
