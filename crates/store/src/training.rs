//! Training: courses, their sessions, and who completed them when. A completion's
//! expiry day is worked out once, when it is recorded, from the course's length of
//! validity (`coproduce_domain::network::expires_on`), and stored so that "who has
//! expired" is a lookup, not a calculation over every row.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::network::{self, Audience};

use crate::{Page, PageRequest, Store, StoreError, Within};

/// A course as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseFields {
    pub organisation_id: i64,
    pub title: String,
    pub audience: Audience,
    /// Months a completion lasts; `None` when it never runs out.
    pub valid_months: Option<i64>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct CourseRow {
    id: i64,
    organisation_id: i64,
    title: String,
    audience: String,
    valid_months: Option<i64>,
    description: Option<String>,
    created_at: DateTime<Utc>,
    completions: i64,
    expired: i64,
}
has_id!(CourseRow);

/// A course, with how many completions it has and how many of those have run out
/// (on the day asked about).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub id: i64,
    pub organisation_id: i64,
    pub title: String,
    pub audience: Audience,
    pub valid_months: Option<i64>,
    pub description: Option<String>,
    pub created_at: DateTime<Utc>,
    pub completions: i64,
    pub expired: i64,
}

impl CourseRow {
    fn read(self) -> Result<Course, StoreError> {
        Ok(Course {
            id: self.id,
            organisation_id: self.organisation_id,
            title: self.title,
            audience: Audience::parse(&self.audience)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            valid_months: self.valid_months,
            description: self.description,
            created_at: self.created_at,
            completions: self.completions,
            expired: self.expired,
        })
    }
}

/// Counts are as of `$today`, bound after the query's other values.
macro_rules! course_select {
    ($today:literal, $rest:literal) => {
        concat!(
            "SELECT c.id, c.organisation_id, c.title, c.audience, c.valid_months, c.description, c.created_at, (SELECT COUNT(*) FROM completions k WHERE k.course_id = c.id) AS completions, (SELECT COUNT(*) FROM completions k WHERE k.course_id = c.id AND k.expires_on <= ",
            $today,
            ") AS expired FROM courses c ",
            $rest
        )
    };
}

/// A session of a course: when, where and who ran it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFields {
    pub held_on: NaiveDate,
    pub place: String,
    pub trainer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TrainingSession {
    pub id: i64,
    pub course_id: i64,
    pub course_title: String,
    pub held_on: NaiveDate,
    pub place: String,
    pub trainer: Option<String>,
    /// How many completions name this session.
    pub completions: i64,
}

macro_rules! session_select {
    ($rest:literal) => {
        concat!(
            "SELECT s.id, s.course_id, c.title AS course_title, s.held_on, s.place, s.trainer, (SELECT COUNT(*) FROM completions k WHERE k.session_id = s.id) AS completions FROM training_sessions s JOIN courses c ON c.id = s.course_id ",
            $rest
        )
    };
}

/// A completion as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionFields {
    pub course_id: i64,
    pub session_id: Option<i64>,
    pub person_id: i64,
    pub completed_on: NaiveDate,
}

/// One person's completion of one course.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Completion {
    pub id: i64,
    pub course_id: i64,
    pub course_title: String,
    pub session_id: Option<i64>,
    pub person_id: i64,
    pub person_name: String,
    pub completed_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
}

macro_rules! completion_select {
    ($rest:literal) => {
        concat!(
            "SELECT k.id, k.course_id, c.title AS course_title, k.session_id, k.person_id, p.name AS person_name, k.completed_on, k.expires_on FROM completions k JOIN courses c ON c.id = k.course_id JOIN people p ON p.id = k.person_id ",
            $rest
        )
    };
}

impl Store {
    pub async fn create_course(
        &self,
        f: &CourseFields,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Course, StoreError> {
        self.require_organisation("organisation_id", f.organisation_id)
            .await?;
        let id = on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO courses (organisation_id, title, audience, valid_months, description, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(f.organisation_id)
            .bind(&f.title)
            .bind(f.audience.slug())
            .bind(f.valid_months)
            .bind(&f.description)
            .bind(now)
            .fetch_one(p)
            .await
        })?;
        self.course(id, now.date_naive()).await
    }

    /// A course, with its completions counted and those expired by `today`.
    pub async fn course(&self, id: i64, today: NaiveDate) -> Result<Course, StoreError> {
        let row: Option<CourseRow> = on_pool!(self, |p| sqlx::query_as(course_select!(
            "$2",
            "WHERE c.id = $1"
        ))
        .bind(id)
        .bind(today)
        .fetch_optional(p)
        .await)?;
        row.ok_or(StoreError::NotFound)?.read()
    }

    /// A page of courses, in id order.
    pub async fn courses(
        &self,
        page: PageRequest,
        within: Within,
        today: NaiveDate,
    ) -> Result<Page<Course>, StoreError> {
        let organisation = match within {
            Within::All => None,
            Within::Parent(o) | Within::Organisation(o) => Some(o),
        };
        let rows: Vec<CourseRow> = on_pool!(self, |p| sqlx::query_as(course_select!(
            "$4",
            "WHERE c.id > $1 AND ($3 IS NULL OR c.organisation_id = $3) ORDER BY c.id LIMIT $2"
        ))
        .bind(page.after)
        .bind(page.limit + 1)
        .bind(organisation)
        .bind(today)
        .fetch_all(p)
        .await)?;
        let rows = page.page(rows, |r| r.id);
        Ok(Page {
            items: rows
                .items
                .into_iter()
                .map(CourseRow::read)
                .collect::<Result<_, _>>()?,
            next_after: rows.next_after,
        })
    }

    pub async fn add_session(
        &self,
        course_id: i64,
        f: &SessionFields,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<TrainingSession, StoreError> {
        let id = on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO training_sessions (course_id, held_on, place, trainer, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(course_id)
            .bind(f.held_on)
            .bind(&f.place)
            .bind(&f.trainer)
            .bind(now)
            .fetch_one(p)
            .await
        })?;
        self.training_session(id).await
    }

    pub async fn training_session(&self, id: i64) -> Result<TrainingSession, StoreError> {
        on_pool!(self, |p| sqlx::query_as(session_select!("WHERE s.id = $1"))
            .bind(id)
            .fetch_optional(p)
            .await)?
        .ok_or(StoreError::NotFound)
    }

    /// A course's sessions, newest first (at most 200).
    pub async fn sessions_of(&self, course_id: i64) -> Result<Vec<TrainingSession>, StoreError> {
        Ok(on_pool!(self, |p| sqlx::query_as(session_select!(
            "WHERE s.course_id = $1 ORDER BY s.held_on DESC, s.id DESC LIMIT 200"
        ))
        .bind(course_id)
        .fetch_all(p)
        .await)?)
    }

    /// The sessions held since `since` by courses of one organisation (or all), newest
    /// first, at most 200: the choices when recording who completed one.
    pub async fn recent_sessions(
        &self,
        organisation: Option<i64>,
        since: NaiveDate,
    ) -> Result<Vec<TrainingSession>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as(session_select!(
            "WHERE s.held_on >= $1 AND ($2 IS NULL OR c.organisation_id = $2) ORDER BY s.held_on DESC, s.id DESC LIMIT 200"
        ))
        .bind(since)
        .bind(organisation)
        .fetch_all(p)
        .await
        })?)
    }

    /// Every course of one organisation (or all), by title, at most 200: the choices
    /// when recording a completion.
    pub async fn course_choices(
        &self,
        organisation: Option<i64>,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as(
            "SELECT id, title FROM courses WHERE ($1 IS NULL OR organisation_id = $1) ORDER BY title, id LIMIT 200"
        )
        .bind(organisation)
        .fetch_all(p)
        .await
        })?)
    }

    /// Records that a person completed a course; the expiry day comes from the
    /// course. The same course on the same day twice is refused.
    pub async fn record_completion(
        &self,
        f: &CompletionFields,
        recorded_by: Option<i64>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Completion, StoreError> {
        self.require(
            "SELECT 1 FROM people WHERE id = $1 AND erased_at IS NULL",
            "person_id",
            "person",
            f.person_id,
        )
        .await?;
        let course = self.course(f.course_id, f.completed_on).await?;
        let mut tx = self.begin().await?;
        let id = insert_completion(&mut tx, f, course.valid_months, recorded_by, now).await?;
        tx.commit().await?;
        self.completion(id).await
    }

    /// One completion, with its course and person.
    pub async fn completion(&self, id: i64) -> Result<Completion, StoreError> {
        on_pool!(self, |p| sqlx::query_as(completion_select!(
            "WHERE k.id = $1"
        ))
        .bind(id)
        .fetch_one(p)
        .await)
        .map_err(Into::into)
    }

    /// A page of a course's completions in the order recorded; with `expired_by`,
    /// only those run out by that day.
    pub async fn completions_of_course(
        &self,
        course_id: i64,
        expired_by: Option<NaiveDate>,
        page: PageRequest,
    ) -> Result<Page<Completion>, StoreError> {
        let rows: Vec<Completion> = on_pool!(self, |p| {
            sqlx::query_as(completion_select!(
            "WHERE k.course_id = $1 AND k.id > $2 AND ($4 IS NULL OR k.expires_on <= $4) ORDER BY k.id LIMIT $3"
        ))
        .bind(course_id)
        .bind(page.after)
        .bind(page.limit + 1)
        .bind(expired_by)
        .fetch_all(p)
        .await
        })?;
        Ok(page.page(rows, |c| c.id))
    }

    /// A person's completions, newest first.
    pub async fn completions_of(&self, person_id: i64) -> Result<Vec<Completion>, StoreError> {
        Ok(on_pool!(self, |p| sqlx::query_as(completion_select!(
            "WHERE k.person_id = $1 ORDER BY k.completed_on DESC, k.id DESC"
        ))
        .bind(person_id)
        .fetch_all(p)
        .await)?)
    }
}

/// Records that a person completed a course on the caller's transaction; the expiry
/// day comes from how long the course lasts. The same course on the same day twice
/// is refused.
pub async fn insert_completion(
    tx: &mut crate::Tx,
    f: &CompletionFields,
    valid_months: Option<i64>,
    recorded_by: Option<i64>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64, StoreError> {
    let expires = network::expires_on(f.completed_on, valid_months);
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO completions (course_id, session_id, person_id, completed_on, expires_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(f.course_id)
        .bind(f.session_id)
        .bind(f.person_id)
        .bind(f.completed_on)
        .bind(expires)
        .bind(recorded_by)
        .bind(now)
        .fetch_one(c)
        .await
    })
    .map_err(|e| {
        if StoreError::is_unique_violation(&e) {
            StoreError::Duplicate("this completion is already recorded".into())
        } else {
            e.into()
        }
    })
}

/// Changes a course's title, audience, length and description on the caller's
/// transaction (its organisation stays), and works each completion's expiry out again
/// by the new length, as [`network::expires_on`] does when one is recorded.
pub async fn update_course_in(
    tx: &mut crate::Tx,
    id: i64,
    f: &CourseFields,
) -> Result<(), StoreError> {
    let changed = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE courses SET title = $1, audience = $2, valid_months = $3, description = $4 WHERE id = $5",
        )
        .bind(&f.title)
        .bind(f.audience.slug())
        .bind(f.valid_months)
        .bind(&f.description)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    // One statement for each day completions were recorded on: a course has tens of
    // such days, not thousands, and the month arithmetic stays in one place.
    let days: Vec<NaiveDate> = on_tx!(tx, |c| {
        sqlx::query_scalar(
            "SELECT DISTINCT completed_on FROM completions WHERE course_id = $1 ORDER BY completed_on",
        )
        .bind(id)
        .fetch_all(c)
        .await
    })?;
    for day in days {
        let expires = network::expires_on(day, f.valid_months);
        on_tx!(tx, |c| {
            sqlx::query(
                "UPDATE completions SET expires_on = $1 WHERE course_id = $2 AND completed_on = $3",
            )
            .bind(expires)
            .bind(id)
            .bind(day)
            .execute(c)
            .await
            .map(|_| ())
        })?;
    }
    Ok(())
}

/// Removes a session on the caller's transaction; completions recorded with it stay,
/// without their session.
pub async fn delete_session_in(tx: &mut crate::Tx, id: i64) -> Result<(), StoreError> {
    // The schema sets a completion's session to NULL; done here too, so it holds on
    // SQLite without foreign-key enforcement.
    on_tx!(tx, |c| {
        sqlx::query("UPDATE completions SET session_id = NULL WHERE session_id = $1")
            .bind(id)
            .execute(c)
            .await
            .map(|_| ())
    })?;
    delete_one(tx, "DELETE FROM training_sessions WHERE id = $1", id).await
}

/// Removes a completion recorded by mistake, on the caller's transaction.
pub async fn delete_completion_in(tx: &mut crate::Tx, id: i64) -> Result<(), StoreError> {
    delete_one(tx, "DELETE FROM completions WHERE id = $1", id).await
}

/// Runs a `DELETE ... WHERE id = $1`; [`StoreError::NotFound`] when there was none.
async fn delete_one(tx: &mut crate::Tx, sql: &'static str, id: i64) -> Result<(), StoreError> {
    let gone = on_tx!(tx, |c| {
        sqlx::query(sql)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    if gone == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
