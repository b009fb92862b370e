//! Access and communication needs recorded against people, and the needs that may be
//! shown on an activity's roster: only those of people who consented to share them.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::consent::Purpose;
use coproduce_domain::needs::Need;
use coproduce_domain::person::Language;

use crate::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct NeedRow {
    id: i64,
    person_id: i64,
    need: String,
    language: String,
    detail: Option<String>,
    recorded_at: DateTime<Utc>,
}

/// One need of one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonNeed {
    pub id: i64,
    pub person_id: i64,
    pub need: Need,
    /// The language, for a spoken-language interpreter.
    pub language: Option<Language>,
    pub detail: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

impl NeedRow {
    fn read(self) -> Result<PersonNeed, StoreError> {
        Ok(PersonNeed {
            id: self.id,
            person_id: self.person_id,
            need: Need::parse(&self.need).map_err(|e| StoreError::Corrupt(e.to_string()))?,
            language: Language::parse(&self.language).ok(),
            detail: self.detail,
            recorded_at: self.recorded_at,
        })
    }
}

/// A need as it is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedFields {
    pub need: Need,
    pub language: Option<Language>,
    pub detail: Option<String>,
}

impl Store {
    /// Records a need; the same need (and language) twice is a duplicate.
    pub async fn add_need(
        &self,
        person_id: i64,
        f: &NeedFields,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<PersonNeed, StoreError> {
        self.require(
            "SELECT 1 FROM people WHERE id = $1 AND erased_at IS NULL",
            "person_id",
            "person",
            person_id,
        )
        .await?;
        let mut tx = self.begin().await?;
        let id = insert_need(&mut tx, person_id, f, now).await?;
        tx.commit().await?;
        let row: NeedRow = on_pool!(self, |p| {
            sqlx::query_as(
            "SELECT id, person_id, need, language, detail, recorded_at FROM person_needs WHERE id = $1"
        )
        .bind(id)
        .fetch_one(p)
        .await
        })?;
        row.read()
    }

    /// A person's needs, in the order the standard groups them.
    pub async fn needs_of(&self, person_id: i64) -> Result<Vec<PersonNeed>, StoreError> {
        let rows: Vec<NeedRow> = on_pool!(self, |p| {
            sqlx::query_as(
            "SELECT id, person_id, need, language, detail, recorded_at FROM person_needs WHERE person_id = $1 ORDER BY id"
        )
        .bind(person_id)
        .fetch_all(p)
        .await
        })?;
        let mut needs = rows
            .into_iter()
            .map(NeedRow::read)
            .collect::<Result<Vec<_>, _>>()?;
        needs.sort_by_key(|n| (n.need, n.id));
        Ok(needs)
    }

    /// Removes one of a person's needs.
    pub async fn remove_need(&self, person_id: i64, need_id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        remove_need_in(&mut tx, person_id, need_id).await?;
        tx.commit().await
    }

    /// One need by id.
    pub async fn need(&self, id: i64) -> Result<PersonNeed, StoreError> {
        let row: Option<NeedRow> = on_pool!(self, |p| {
            sqlx::query_as(
                "SELECT id, person_id, need, language, detail, recorded_at FROM person_needs WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(p)
            .await
        })?;
        row.ok_or(StoreError::NotFound)?.read()
    }

    /// The needs of the people on an activity's roster who have consented, on
    /// `today`, to share them with the people who run activities: one query.
    pub async fn shared_needs_on_roster(
        &self,
        activity_id: i64,
        today: NaiveDate,
    ) -> Result<Vec<PersonNeed>, StoreError> {
        let rows: Vec<NeedRow> = on_pool!(self, |p| {
            sqlx::query_as(
            "SELECT n.id, n.person_id, n.need, n.language, n.detail, n.recorded_at FROM person_needs n JOIN attendance a ON a.person_id = n.person_id WHERE a.activity_id = $1 AND EXISTS (SELECT 1 FROM consents c WHERE c.person_id = n.person_id AND c.purpose = $2 AND c.given_on <= $3 AND c.withdrawn_on IS NULL) ORDER BY n.person_id, n.id"
        )
        .bind(activity_id)
        .bind(Purpose::ShareNeeds.slug())
        .bind(today)
        .fetch_all(p)
        .await
        })?;
        rows.into_iter().map(NeedRow::read).collect()
    }
}

/// Removes one of a person's needs on the caller's transaction.
pub async fn remove_need_in(
    tx: &mut crate::Tx,
    person_id: i64,
    need_id: i64,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| sqlx::query(
        "DELETE FROM person_needs WHERE id = $1 AND person_id = $2"
    )
    .bind(need_id)
    .bind(person_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    crate::db::updated(rows)
}

/// Inserts a need on the caller's transaction; the same need twice is a duplicate.
pub async fn insert_need(
    tx: &mut crate::Tx,
    person_id: i64,
    f: &NeedFields,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let language = f.language.map_or("", Vocabulary::slug);
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "INSERT INTO person_needs (person_id, need, language, detail, recorded_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(person_id)
    .bind(f.need.slug())
    .bind(language)
    .bind(&f.detail)
    .bind(now)
    .fetch_one(c)
    .await)
    .map_err(|e| {
        if StoreError::is_unique_violation(&e) {
            StoreError::Duplicate(format!("{} is already recorded", f.need.label()))
        } else {
            e.into()
        }
    })
}
