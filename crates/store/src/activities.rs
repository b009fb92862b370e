//! Activities and who attended them.

use chrono::{DateTime, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::activity::{ActivityType, Mode, Schedule};
use coproduce_domain::ladder::Rung;
use coproduce_domain::person::AttendanceStatus;

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Activity {
    pub id: i64,
    pub project_id: i64,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub activity_type: ActivityType,
    #[sqlx(try_from = "String")]
    pub mode: Mode,
    #[sqlx(try_from = "String")]
    pub rung: Rung,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// When it was published; a draft until then.
    pub published_at: Option<DateTime<Utc>>,
    pub venue_id: Option<i64>,
    /// The venue's name, when it has one.
    pub venue_name: Option<String>,
    pub joining_link: Option<String>,
    pub chair: Option<String>,
    pub facilitator: Option<String>,
    pub places: Option<i64>,
    pub debrief_minutes: Option<i64>,
    /// Raised by every change: the `SEQUENCE` of its calendar event, and how a second
    /// editor learns that someone changed it first.
    pub version: i64,
    /// When it was called off; it stays on record.
    pub cancelled_at: Option<DateTime<Utc>>,
    /// The organiser's notes on closing it, and when they were last written.
    pub closing_notes: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    /// The ground rules attached: where they came from, and a copy of their words.
    pub ground_rules_title: Option<String>,
    pub ground_rules: Option<String>,
}

has_id!(Activity);

/// What an organiser plans beyond an activity's time, all optional while it is a
/// draft: the venue, the joining link of an online meeting, who chairs and who
/// facilitates, how many places, and how long the debrief after it lasts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingDetails {
    /// A venue of the activity's organisation (the caller checks).
    pub venue_id: Option<i64>,
    pub joining_link: Option<String>,
    pub chair: Option<String>,
    pub facilitator: Option<String>,
    pub places: Option<i64>,
    pub debrief_minutes: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFields {
    pub project_id: i64,
    pub title: String,
    pub activity_type: ActivityType,
    pub mode: Mode,
    pub rung: Rung,
    pub schedule: Schedule,
    pub details: MeetingDetails,
}

/// One person's attendance at one activity.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Attendance {
    pub id: i64,
    pub activity_id: i64,
    pub person_id: i64,
    pub person_name: String,
    #[sqlx(try_from = "String")]
    pub status: AttendanceStatus,
    /// How long someone who came took part, in minutes.
    pub minutes: Option<i64>,
}

has_id!(Attendance);

/// The columns an activity is read with, and its venue's name.
macro_rules! activity_select {
    ($rest:literal) => {
        concat!(
            "SELECT a.id, a.project_id, a.title, a.activity_type, a.mode, a.rung, a.starts_at, a.ends_at, a.published_at, a.venue_id, v.name AS venue_name, a.joining_link, a.chair, a.facilitator, a.places, a.debrief_minutes, a.version, a.cancelled_at, a.closing_notes, a.closed_at, a.ground_rules_title, a.ground_rules FROM activities a LEFT JOIN venues v ON v.id = a.venue_id ",
            $rest
        )
    };
}

impl Store {
    pub async fn create_activity(&self, f: &ActivityFields) -> Result<Activity, StoreError> {
        self.require_project("project_id", f.project_id).await?;
        let mut tx = self.begin().await?;
        let id = insert_activity(&mut tx, f).await?;
        tx.commit().await?;
        self.activity(id).await
    }

    pub async fn activity(&self, id: i64) -> Result<Activity, StoreError> {
        self.by_id(activity_select!("WHERE a.id = $1"), id).await
    }

    /// Activities in id order, optionally only those of one project.
    pub async fn activities(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Activity>, StoreError> {
        self.page_within([
            activity_select!("WHERE a.id > $1 ORDER BY a.id LIMIT $2"),
            activity_select!("WHERE a.id > $1 AND a.project_id = $3 ORDER BY a.id LIMIT $2"),
            activity_select!("JOIN projects p ON p.id = a.project_id WHERE a.id > $1 AND p.organisation_id = $3 ORDER BY a.id LIMIT $2"),
        ], page, within)
        .await
    }

    pub async fn update_activity(
        &self,
        id: i64,
        f: &ActivityFields,
    ) -> Result<Activity, StoreError> {
        self.require_project("project_id", f.project_id).await?;
        let mut tx = self.begin().await?;
        update_activity_in(&mut tx, id, f, None).await?;
        tx.commit().await?;
        self.activity(id).await
    }

    pub(crate) async fn require_activity(
        &self,
        field: &'static str,
        id: i64,
    ) -> Result<(), StoreError> {
        self.require(
            "SELECT 1 FROM activities WHERE id = $1",
            field,
            "activity",
            id,
        )
        .await
    }

    /// Records a person's attendance at an activity, replacing any earlier record for
    /// the same person and activity.
    pub async fn set_attendance(
        &self,
        activity_id: i64,
        person_id: i64,
        status: AttendanceStatus,
    ) -> Result<Attendance, StoreError> {
        self.require_activity("activity_id", activity_id).await?;
        self.require(
            "SELECT 1 FROM people WHERE id = $1",
            "person_id",
            "person",
            person_id,
        )
        .await?;
        let mut tx = self.begin().await?;
        let id = upsert_attendance(&mut tx, activity_id, person_id, status).await?;
        tx.commit().await?;
        self.attendance_record(id).await
    }

    /// One attendance record, with the person's name.
    pub async fn attendance_record(&self, id: i64) -> Result<Attendance, StoreError> {
        self.by_id(
            "SELECT a.id, a.activity_id, a.person_id, p.name AS person_name, a.status, a.minutes FROM attendance a JOIN people p ON p.id = a.person_id WHERE a.id = $1",
            id,
        )
        .await
    }

    /// Everyone recorded against an activity, in the order they were added.
    pub async fn attendance(&self, activity_id: i64) -> Result<Vec<Attendance>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Attendance>(
                "SELECT a.id, a.activity_id, a.person_id, p.name AS person_name, a.status, a.minutes FROM attendance a JOIN people p ON p.id = a.person_id WHERE a.activity_id = $1 ORDER BY a.id",
            )
            .bind(activity_id)
            .fetch_all(p)
            .await
        })?)
    }
}

/// Changes an activity on the caller's transaction, raising its version. With
/// `seen`, the version the editor started from, a change made meanwhile by someone
/// else is refused as [`StoreError::Stale`] and nothing is written.
pub async fn update_activity_in(
    tx: &mut Tx,
    id: i64,
    f: &ActivityFields,
    seen: Option<i64>,
) -> Result<(), StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE activities SET project_id = $1, title = $2, activity_type = $3, mode = $4, rung = $5, starts_at = $6, ends_at = $7, venue_id = $8, joining_link = $9, chair = $10, facilitator = $11, places = $12, debrief_minutes = $13, version = version + 1 WHERE id = $14 AND ($15 IS NULL OR version = $15)",
        )
        .bind(f.project_id)
        .bind(&f.title)
        .bind(f.activity_type.slug())
        .bind(f.mode.slug())
        .bind(f.rung.slug())
        .bind(f.schedule.starts_at())
        .bind(f.schedule.ends_at())
        .bind(f.details.venue_id)
        .bind(&f.details.joining_link)
        .bind(&f.details.chair)
        .bind(&f.details.facilitator)
        .bind(f.details.places)
        .bind(f.details.debrief_minutes)
        .bind(id)
        .bind(seen)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    if rows == 0 && seen.is_some() {
        let exists = on_tx!(tx, |c| {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM activities WHERE id = $1")
                .bind(id)
                .fetch_one(c)
                .await
        })?;
        if exists > 0 {
            return Err(StoreError::Stale);
        }
    }
    updated(rows)
}

/// Calls an activity off on the caller's transaction, raising its version; one
/// already cancelled keeps the time it was first cancelled.
pub async fn cancel_activity_in(
    tx: &mut Tx,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE activities SET cancelled_at = $1, version = version + 1 WHERE id = $2 AND cancelled_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Publishes an activity on the caller's transaction; one already published keeps
/// the time it was first published.
pub async fn publish_activity_in(
    tx: &mut Tx,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE activities SET published_at = COALESCE(published_at, $1) WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Writes an activity on the caller's transaction.
pub async fn insert_activity(tx: &mut Tx, f: &ActivityFields) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO activities (project_id, title, activity_type, mode, rung, starts_at, ends_at, venue_id, joining_link, chair, facilitator, places, debrief_minutes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(f.project_id)
        .bind(&f.title)
        .bind(f.activity_type.slug())
        .bind(f.mode.slug())
        .bind(f.rung.slug())
        .bind(f.schedule.starts_at())
        .bind(f.schedule.ends_at())
        .bind(f.details.venue_id)
        .bind(&f.details.joining_link)
        .bind(&f.details.chair)
        .bind(&f.details.facilitator)
        .bind(f.details.places)
        .bind(f.details.debrief_minutes)
        .fetch_one(c)
        .await
    })?)
}

/// Records a person's attendance on the caller's transaction, replacing any earlier
/// record for the same person and activity.
pub async fn upsert_attendance(
    tx: &mut Tx,
    activity_id: i64,
    person_id: i64,
    status: AttendanceStatus,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO attendance (activity_id, person_id, status) VALUES ($1, $2, $3) ON CONFLICT (activity_id, person_id) DO UPDATE SET status = excluded.status RETURNING id",
        )
        .bind(activity_id)
        .bind(person_id)
        .bind(status.slug())
        .fetch_one(c)
        .await
    })?)
}

/// Records a person's attendance on the caller's transaction unless something is
/// recorded already (an invitation does not undo "attended").
pub async fn upsert_attendance_if_none(
    tx: &mut Tx,
    activity_id: i64,
    person_id: i64,
    status: AttendanceStatus,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO attendance (activity_id, person_id, status) VALUES ($1, $2, $3) ON CONFLICT (activity_id, person_id) DO NOTHING",
        )
        .bind(activity_id)
        .bind(person_id)
        .bind(status.slug())
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// One activity, read on the caller's transaction (after a change to it).
pub async fn activity_in(tx: &mut Tx, id: i64) -> Result<Activity, StoreError> {
    on_tx!(tx, |c| {
        sqlx::query_as::<_, Activity>(activity_select!("WHERE a.id = $1"))
            .bind(id)
            .fetch_optional(c)
            .await
    })?
    .ok_or(StoreError::NotFound)
}

/// Sets how long someone took part, on the caller's transaction.
pub async fn set_minutes_in(
    tx: &mut Tx,
    attendance_id: i64,
    minutes: Option<i64>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE attendance SET minutes = $1 WHERE id = $2")
            .bind(minutes)
            .bind(attendance_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Writes an activity's closing notes, on the caller's transaction.
pub async fn close_activity_in(
    tx: &mut Tx,
    id: i64,
    notes: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE activities SET closing_notes = $1, closed_at = $2 WHERE id = $3")
            .bind(notes)
            .bind(now)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}
