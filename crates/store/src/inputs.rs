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
    /// The people on the activity's roster named as having said it, in id order.
    #[sqlx(skip)]
    pub said_by: Vec<i64>,
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
    /// The people who said it; each must be on the activity's roster (the caller
    /// checks), and none is named twice.
    pub said_by: Vec<i64>,
}

/// One thing a person said, and what was done about it, for their history.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Said {
    pub input_id: i64,
    pub activity_id: i64,
    pub activity_title: String,
    pub said: String,
    pub received_on: NaiveDate,
    pub response: Option<String>,
    pub response_status: Option<String>,
    pub responded_on: Option<NaiveDate>,
    pub fed_back_on: Option<NaiveDate>,
}

impl Said {
    /// The response status, if one was recorded and still reads as valid.
    pub fn status(&self) -> Option<ResponseStatus> {
        self.response_status
            .as_deref()
            .and_then(|s| ResponseStatus::parse(s).ok())
    }
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
        let mut input: Input = self.by_id(
            "SELECT id, activity_id, said, received_on, response, response_status, responded_on, fed_back_on FROM inputs WHERE id = $1",
            id,
        )
        .await?;
        self.fill_said_by(std::slice::from_mut(&mut input)).await?;
        Ok(input)
    }

    /// Fills in who said each of `inputs`, in one query.
    async fn fill_said_by(&self, inputs: &mut [Input]) -> Result<(), StoreError> {
        if inputs.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = inputs.iter().map(|i| i.id).collect();
        let pairs: Vec<(i64, i64)> = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT input_id, person_id FROM input_people WHERE input_id IN (",
            );
            let mut list = q.separated(", ");
            for id in &ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY input_id, person_id");
            q.build_query_as::<(i64, i64)>().fetch_all(p).await
        })?;
        for input in inputs.iter_mut() {
            input.said_by = pairs
                .iter()
                .filter(|(i, _)| *i == input.id)
                .map(|(_, person)| *person)
                .collect();
        }
        Ok(())
    }

    /// Everything a person was named as saying, with what was done about it, newest
    /// first.
    pub async fn said_by(&self, person_id: i64) -> Result<Vec<Said>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Said>(
                "SELECT i.id AS input_id, i.activity_id, a.title AS activity_title, i.said, i.received_on, i.response, i.response_status, i.responded_on, i.fed_back_on FROM input_people ip JOIN inputs i ON i.id = ip.input_id JOIN activities a ON a.id = i.activity_id WHERE ip.person_id = $1 ORDER BY i.received_on DESC, i.id DESC",
            )
            .bind(person_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// Inputs in id order, optionally only those of one activity.
    pub async fn inputs(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Input>, StoreError> {
        let mut page: Page<Input> = self.page_within([
            "SELECT id, activity_id, said, received_on, response, response_status, responded_on, fed_back_on FROM inputs WHERE id > $1 ORDER BY id LIMIT $2",
            "SELECT id, activity_id, said, received_on, response, response_status, responded_on, fed_back_on FROM inputs WHERE id > $1 AND activity_id = $3 ORDER BY id LIMIT $2",
            "SELECT i.id, i.activity_id, i.said, i.received_on, i.response, i.response_status, i.responded_on, i.fed_back_on FROM inputs i JOIN activities a ON a.id = i.activity_id JOIN projects p ON p.id = a.project_id WHERE i.id > $1 AND p.organisation_id = $3 ORDER BY i.id LIMIT $2",
        ], page, within)
        .await?;
        self.fill_said_by(&mut page.items).await?;
        Ok(page)
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
    let rows = on_tx!(&mut *tx, |c| {
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
    updated(rows)?;
    on_tx!(&mut *tx, |c| sqlx::query(
        "DELETE FROM input_people WHERE input_id = $1"
    )
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    insert_said_by(tx, id, &f.said_by).await
}

/// Names who said an input, in one statement.
async fn insert_said_by(tx: &mut Tx, input_id: i64, people: &[i64]) -> Result<(), StoreError> {
    if people.is_empty() {
        return Ok(());
    }
    Ok(on_tx!(tx, |c| {
        let mut q = sqlx::QueryBuilder::new("INSERT INTO input_people (input_id, person_id) ");
        q.push_values(people, |mut row, person| {
            row.push_bind(input_id).push_bind(*person);
        });
        q.build().execute(c).await.map(|_| ())
    })?)
}

/// Writes an input on the caller's transaction.
pub async fn insert_input(tx: &mut Tx, f: &InputFields) -> Result<i64, StoreError> {
    let id = on_tx!(&mut *tx, |c| {
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
    })?;
    insert_said_by(tx, id, &f.said_by).await?;
    Ok(id)
}
