//! "You said, we did": inputs people gave at activities, the organisation's response,
//! and the date the response reached the people who gave the input.

use chrono::NaiveDate;
use coproduce_domain::Vocabulary;
use coproduce_domain::input::ResponseStatus;

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Input {
    pub id: i64,
    pub activity_id: i64,
    /// What people said.
    pub said: String,
    pub received_on: NaiveDate,
    /// What the organisation did, will do, or could not do and why.
    pub response: Option<String>,
    pub response_status: Option<String>,
    pub responded_on: Option<NaiveDate>,
    /// When the response reached the people who gave the input.
    pub fed_back_on: Option<NaiveDate>,
}

has_id!(Input);

impl Input {
    /// The response status, if one was recorded and still reads as valid.
    pub fn status(&self) -> Option<ResponseStatus> {
        self.response_status
            .as_deref()
            .and_then(|s| ResponseStatus::parse(s).ok())
    }
}

/// An input's fields, already checked: a response has a status, and no date comes
/// before the input was received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFields {
    pub activity_id: i64,
    pub said: String,
    pub received_on: NaiveDate,
    pub response: Option<String>,
    pub response_status: Option<ResponseStatus>,
    pub responded_on: Option<NaiveDate>,
    pub fed_back_on: Option<NaiveDate>,
}

impl Store {
    pub async fn create_input(&self, f: &InputFields) -> Result<Input, StoreError> {
        self.require_activity("activity_id", f.activity_id).await?;
        let mut tx = self.begin().await?;
        let id = insert_input(&mut tx, f).await?;
        tx.commit().await?;
        self.input(id).await
    }

    pub async fn input(&self, id: i64) -> Result<Input, StoreError> {
        self.by_id(
            "SELECT id, activity_id, said, received_on, response, response_status, responded_on, fed_back_on FROM inputs WHERE id = $1",
            id,
        )
        .await
    }

    /// Inputs in id order, optionally only those of one activity.
    pub async fn inputs(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Input>, StoreError> {
        self.page_within([
            "SELECT id, activity_id, said, received_on, response, response_status, responded_on, fed_back_on FROM inputs WHERE id > $1 ORDER BY id LIMIT $2",
            "SELECT id, activity_id, said, received_on, response, response_status, responded_on, fed_back_on FROM inputs WHERE id > $1 AND activity_id = $3 ORDER BY id LIMIT $2",
            "SELECT i.id, i.activity_id, i.said, i.received_on, i.response, i.response_status, i.responded_on, i.fed_back_on FROM inputs i JOIN activities a ON a.id = i.activity_id JOIN projects p ON p.id = a.project_id WHERE i.id > $1 AND p.organisation_id = $3 ORDER BY i.id LIMIT $2",
        ], page, within)
        .await
    }

    pub async fn update_input(&self, id: i64, f: &InputFields) -> Result<Input, StoreError> {
        self.require_activity("activity_id", f.activity_id).await?;
        let mut tx = self.begin().await?;
        update_input_in(&mut tx, id, f).await?;
        tx.commit().await?;
        self.input(id).await
    }
}

/// Changes an input and its answer on the caller's transaction.
pub async fn update_input_in(tx: &mut Tx, id: i64, f: &InputFields) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE inputs SET activity_id = $1, said = $2, received_on = $3, response = $4, response_status = $5, responded_on = $6, fed_back_on = $7 WHERE id = $8",
        )
        .bind(f.activity_id)
        .bind(&f.said)
        .bind(f.received_on)
        .bind(&f.response)
        .bind(f.response_status.map(|s| s.slug()))
        .bind(f.responded_on)
        .bind(f.fed_back_on)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Writes an input on the caller's transaction.
pub async fn insert_input(tx: &mut Tx, f: &InputFields) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO inputs (activity_id, said, received_on, response, response_status, responded_on, fed_back_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(f.activity_id)
        .bind(&f.said)
        .bind(f.received_on)
        .bind(&f.response)
        .bind(f.response_status.map(|s| s.slug()))
        .bind(f.responded_on)
        .bind(f.fed_back_on)
        .fetch_one(c)
        .await
    })?)
}
