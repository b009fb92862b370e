//! Access support for activities: what the people coming need, counted from the
//! needs they consented to share, and what was booked and met for each.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::consent::Purpose;

use crate::{Store, StoreError, Tx};

/// How many of the people coming need one thing.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Needed {
    pub need: String,
    /// The language of an interpreter; empty for other needs.
    pub language: String,
    pub people: i64,
}

/// What was booked for one need of an activity, and whether it was met.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Provision {
    pub id: i64,
    pub activity_id: i64,
    pub need: String,
    pub language: String,
    /// From whom it was booked (an agency, a supplier, a team).
    pub booked_with: Option<String>,
    /// Who booked it.
    pub booked_by: Option<String>,
    pub cost_pence: Option<i64>,
    pub booked_at: Option<DateTime<Utc>>,
    /// Whether it was met; `None` until recorded after the activity.
    pub met: Option<bool>,
    /// Why it was not met.
    pub reason: Option<String>,
    pub outcome_at: Option<DateTime<Utc>>,
}

impl Store {
    /// The needs of the people coming to an activity (on its roster, not absent,
    /// not on the waiting list and not having said no) who consent on `day` to share
    /// them, counted in one query.
    pub async fn needed(
        &self,
        activity_id: i64,
        day: NaiveDate,
    ) -> Result<Vec<Needed>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Needed>(
                "SELECT n.need, n.language, COUNT(DISTINCT n.person_id) AS people FROM person_needs n JOIN attendance a ON a.person_id = n.person_id AND a.activity_id = $1 AND a.status <> 'absent' WHERE EXISTS (SELECT 1 FROM consents c WHERE c.person_id = n.person_id AND c.purpose = $2 AND c.given_on <= $3 AND (c.withdrawn_on IS NULL OR c.withdrawn_on > $3)) AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.activity_id = $1 AND i.person_id = n.person_id AND (i.place = 'waiting' OR i.reply = 'not-coming')) GROUP BY n.need, n.language ORDER BY n.need, n.language",
            )
            .bind(activity_id)
            .bind(Purpose::ShareNeeds.slug())
            .bind(day)
            .fetch_all(p)
            .await
        })?)
    }

    /// What was booked and met for an activity.
    pub async fn provisions(&self, activity_id: i64) -> Result<Vec<Provision>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Provision>(
                "SELECT id, activity_id, need, language, booked_with, booked_by, cost_pence, booked_at, met, reason, outcome_at FROM provisions WHERE activity_id = $1 ORDER BY need, language",
            )
            .bind(activity_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// How many needs of an organisation's activities were recorded as not met.
    pub async fn unmet_needs(&self, organisation_id: i64) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM provisions v JOIN activities a ON a.id = v.activity_id JOIN projects p ON p.id = a.project_id WHERE v.met = FALSE AND p.organisation_id = $1",
            )
            .bind(organisation_id)
            .fetch_one(p)
            .await
        })?)
    }
}

/// Records a booking for one need of an activity, replacing an earlier one.
#[allow(clippy::too_many_arguments)]
pub async fn book_in(
    tx: &mut Tx,
    activity_id: i64,
    need: &str,
    language: &str,
    booked_with: &str,
    booked_by: Option<&str>,
    cost_pence: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO provisions (activity_id, need, language, booked_with, booked_by, cost_pence, booked_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (activity_id, need, language) DO UPDATE SET booked_with = excluded.booked_with, booked_by = excluded.booked_by, cost_pence = excluded.cost_pence, booked_at = excluded.booked_at",
        )
        .bind(activity_id)
        .bind(need)
        .bind(language)
        .bind(booked_with)
        .bind(booked_by)
        .bind(cost_pence)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Records whether one need of an activity was met, replacing an earlier record.
pub async fn outcome_in(
    tx: &mut Tx,
    activity_id: i64,
    need: &str,
    language: &str,
    met: bool,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO provisions (activity_id, need, language, met, reason, outcome_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (activity_id, need, language) DO UPDATE SET met = excluded.met, reason = excluded.reason, outcome_at = excluded.outcome_at",
        )
        .bind(activity_id)
        .bind(need)
        .bind(language)
        .bind(met)
        .bind(reason)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}
