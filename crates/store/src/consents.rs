//! Consent records. Withdrawing consent takes effect in the same transaction as the
//! withdrawal: withdrawn consent to keep equality answers deletes them.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};

use crate::{Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct ConsentRow {
    id: i64,
    person_id: i64,
    purpose: String,
    given_on: NaiveDate,
    method: String,
    given_by: Option<String>,
    withdrawn_on: Option<NaiveDate>,
    recorded_by: Option<i64>,
    recorded_by_name: Option<String>,
    recorded_at: DateTime<Utc>,
}

/// One consent, given and perhaps withdrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub id: i64,
    pub person_id: i64,
    pub purpose: Purpose,
    pub given_on: NaiveDate,
    pub method: ConsentMethod,
    pub given_by: Option<String>,
    pub withdrawn_on: Option<NaiveDate>,
    /// The account that recorded it; `None` when the person recorded it themselves
    /// through an import or before accounts existed.
    pub recorded_by: Option<i64>,
    pub recorded_by_name: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

impl Consent {
    /// Whether the consent stands on `day`.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.given_on <= day && self.withdrawn_on.is_none_or(|w| w > day)
    }
}

impl ConsentRow {
    fn read(self) -> Result<Consent, StoreError> {
        let corrupt = |e: coproduce_domain::UnknownValue| StoreError::Corrupt(e.to_string());
        Ok(Consent {
            id: self.id,
            person_id: self.person_id,
            purpose: Purpose::parse(&self.purpose).map_err(corrupt)?,
            given_on: self.given_on,
            method: ConsentMethod::parse(&self.method).map_err(corrupt)?,
            given_by: self.given_by,
            withdrawn_on: self.withdrawn_on,
            recorded_by: self.recorded_by,
            recorded_by_name: self.recorded_by_name,
            recorded_at: self.recorded_at,
        })
    }
}

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT c.id, c.person_id, c.purpose, c.given_on, c.method, c.given_by, c.withdrawn_on, c.recorded_by, a.name AS recorded_by_name, c.recorded_at FROM consents c LEFT JOIN accounts a ON a.id = c.recorded_by ",
            $rest
        )
    };
}

impl Store {
    /// Records consent given, by the account `recorded_by`.
    pub async fn record_consent(
        &self,
        person_id: i64,
        c: &ConsentGiven,
        recorded_by: Option<i64>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Consent, StoreError> {
        self.require(
            "SELECT 1 FROM people WHERE id = $1 AND erased_at IS NULL",
            "person_id",
            "person",
            person_id,
        )
        .await?;
        let mut tx = self.begin().await?;
        let id = insert_consent(&mut tx, person_id, c, recorded_by, now).await?;
        tx.commit().await?;
        self.consent(id).await
    }

    pub async fn consent(&self, id: i64) -> Result<Consent, StoreError> {
        let row: Option<ConsentRow> =
            on_pool!(self, |p| sqlx::query_as(select!("WHERE c.id = $1"))
                .bind(id)
                .fetch_optional(p)
                .await)?;
        row.ok_or(StoreError::NotFound)?.read()
    }

    /// A person's consents, newest first.
    pub async fn consents_of(&self, person_id: i64) -> Result<Vec<Consent>, StoreError> {
        let rows: Vec<ConsentRow> = on_pool!(self, |p| sqlx::query_as(select!(
            "WHERE c.person_id = $1 ORDER BY c.given_on DESC, c.id DESC"
        ))
        .bind(person_id)
        .fetch_all(p)
        .await)?;
        rows.into_iter().map(ConsentRow::read).collect()
    }

    /// Whether a person's consent for `purpose` stands on `day`.
    pub async fn has_consent(
        &self,
        person_id: i64,
        purpose: Purpose,
        day: NaiveDate,
    ) -> Result<bool, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM consents WHERE person_id = $1 AND purpose = $2 AND given_on <= $3 AND (withdrawn_on IS NULL OR withdrawn_on > $3)"
        )
        .bind(person_id)
        .bind(purpose.slug())
        .bind(day)
        .fetch_one(p)
        .await
        })? > 0)
    }

    /// Withdraws a consent from `on`: see [`withdraw_consent_in`].
    pub async fn withdraw_consent(&self, id: i64, on: NaiveDate) -> Result<Consent, StoreError> {
        let consent = self.consent(id).await?;
        let mut tx = self.begin().await?;
        withdraw_consent_in(&mut tx, &consent, on).await?;
        tx.commit().await?;
        self.consent(id).await
    }
}

/// Withdraws a consent from `on`, on the caller's transaction. Withdrawing consent to
/// keep equality answers deletes them in the same transaction, unless another
/// equality consent stands.
pub async fn withdraw_consent_in(
    tx: &mut Tx,
    consent: &Consent,
    on: NaiveDate,
) -> Result<(), StoreError> {
    on_tx!(&mut *tx, |c| sqlx::query(
        "UPDATE consents SET withdrawn_on = $1 WHERE id = $2 AND withdrawn_on IS NULL"
    )
    .bind(on)
    .bind(consent.id)
    .execute(c)
    .await
    .map(|_| ()))?;
    if consent.purpose == Purpose::Equality {
        on_tx!(&mut *tx, |c| {
            sqlx::query(
            "DELETE FROM equality_answers WHERE person_id = $1 AND NOT EXISTS (SELECT 1 FROM consents WHERE person_id = $1 AND purpose = $2 AND withdrawn_on IS NULL)"
        )
        .bind(consent.person_id)
        .bind(Purpose::Equality.slug())
        .execute(c)
        .await
        .map(|_| ())
        })?;
    }
    Ok(())
}

/// Inserts a consent on the caller's transaction.
pub async fn insert_consent(
    tx: &mut Tx,
    person_id: i64,
    c: &ConsentGiven,
    recorded_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
        "INSERT INTO consents (person_id, purpose, given_on, method, given_by, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(person_id)
    .bind(c.purpose.slug())
    .bind(c.given_on)
    .bind(c.method.slug())
    .bind(&c.given_by)
    .bind(recorded_by)
    .bind(now)
    .fetch_one(conn)
    .await
    })?)
}
