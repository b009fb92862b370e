//! Outcomes: the changes inputs led to, the inputs behind each, and their evidence.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::outcome::{Outcome as Terms, OutcomeKind};

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within};

macro_rules! outcome_select {
    ($rest:literal) => {
        concat!(
            "SELECT o.id, o.organisation_id, o.project_id, p.title AS project_title, o.title, o.kind, o.happened_on, o.impact, o.created_at, ",
            "(SELECT COUNT(*) FROM outcome_inputs x WHERE x.outcome_id = o.id) AS input_count ",
            "FROM outcomes o LEFT JOIN projects p ON p.id = o.project_id ",
            $rest
        )
    };
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Outcome {
    pub id: i64,
    pub organisation_id: i64,
    pub project_id: Option<i64>,
    pub project_title: Option<String>,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub kind: OutcomeKind,
    pub happened_on: NaiveDate,
    pub impact: String,
    pub created_at: DateTime<Utc>,
    /// How many inputs it is linked to.
    pub input_count: i64,
}

has_id!(Outcome, Evidence);

/// A file kept as evidence of an outcome, without its content.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Evidence {
    pub id: i64,
    pub outcome_id: i64,
    pub title: String,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub added_at: DateTime<Utc>,
}

/// A file to keep as evidence, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvidence<'a> {
    pub outcome_id: i64,
    pub title: &'a str,
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub sha256: &'a str,
    pub content: &'a [u8],
}

/// One outcome an input led to, for the input's page.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LedTo {
    pub input_id: i64,
    pub outcome_id: i64,
    pub title: String,
    pub happened_on: NaiveDate,
}

impl Store {
    pub async fn outcome(&self, id: i64) -> Result<Outcome, StoreError> {
        self.by_id(outcome_select!("WHERE o.id = $1"), id).await
    }

    /// Outcomes in id order: all, a project's, or an organisation's.
    pub async fn outcomes(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Outcome>, StoreError> {
        self.page_within(
            [
                outcome_select!("WHERE o.id > $1 ORDER BY o.id LIMIT $2"),
                outcome_select!("WHERE o.id > $1 AND o.project_id = $3 ORDER BY o.id LIMIT $2"),
                outcome_select!(
                    "WHERE o.id > $1 AND o.organisation_id = $3 ORDER BY o.id LIMIT $2"
                ),
            ],
            page,
            within,
        )
        .await
    }

    /// The ids of the inputs behind an outcome, in id order.
    pub async fn outcome_inputs(&self, outcome_id: i64) -> Result<Vec<i64>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "SELECT input_id FROM outcome_inputs WHERE outcome_id = $1 ORDER BY input_id",
            )
            .bind(outcome_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// The outcomes each of `inputs` led to, in one query.
    pub async fn led_to(&self, inputs: &[i64]) -> Result<Vec<LedTo>, StoreError> {
        if inputs.is_empty() {
            return Ok(Vec::new());
        }
        Ok(on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT x.input_id, o.id AS outcome_id, o.title, o.happened_on FROM outcome_inputs x JOIN outcomes o ON o.id = x.outcome_id WHERE x.input_id IN (",
            );
            let mut list = q.separated(", ");
            for id in inputs {
                list.push_bind(*id);
            }
            q.push(") ORDER BY x.input_id, o.happened_on, o.id");
            q.build_query_as::<LedTo>().fetch_all(p).await
        })?)
    }

    /// The inputs of `ids` that belong to an organisation, in one query.
    pub async fn inputs_of_organisation(
        &self,
        organisation_id: i64,
        ids: &[i64],
    ) -> Result<Vec<i64>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new("SELECT id FROM inputs WHERE organisation_id = ");
            q.push_bind(organisation_id).push(" AND id IN (");
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(")");
            q.build_query_scalar::<i64>().fetch_all(p).await
        })?)
    }

    /// The evidence of an outcome, first added first.
    pub async fn evidence(&self, outcome_id: i64) -> Result<Vec<Evidence>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Evidence>(
                "SELECT id, outcome_id, title, file_name, media_type, size_bytes, sha256, added_at FROM outcome_evidence WHERE outcome_id = $1 ORDER BY id LIMIT 500",
            )
            .bind(outcome_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// One file of evidence, without its content.
    pub async fn evidence_file(&self, id: i64) -> Result<Evidence, StoreError> {
        self.by_id(
            "SELECT id, outcome_id, title, file_name, media_type, size_bytes, sha256, added_at FROM outcome_evidence WHERE id = $1",
            id,
        )
        .await
    }

    /// The content of one file of evidence.
    pub async fn evidence_content(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_scalar::<_, Vec<u8>>("SELECT content FROM outcome_evidence WHERE id = $1")
                .bind(id)
                .fetch_optional(p)
                .await
        })?
        .ok_or(StoreError::NotFound)
    }
}

/// Writes an outcome and links it to its inputs on the caller's transaction.
pub async fn insert_outcome_in(
    tx: &mut Tx,
    organisation_id: i64,
    o: &Terms,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let id = on_tx!(&mut *tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO outcomes (organisation_id, project_id, title, kind, happened_on, impact, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(organisation_id)
        .bind(o.project_id)
        .bind(&o.title)
        .bind(o.kind.slug())
        .bind(o.happened_on)
        .bind(&o.impact)
        .bind(now)
        .bind(by)
        .fetch_one(c)
        .await
    })?;
    link_inputs(tx, id, &o.inputs).await?;
    Ok(id)
}

/// Changes an outcome and replaces its inputs on the caller's transaction.
pub async fn update_outcome_in(tx: &mut Tx, id: i64, o: &Terms) -> Result<(), StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE outcomes SET project_id = $1, title = $2, kind = $3, happened_on = $4, impact = $5 WHERE id = $6",
        )
        .bind(o.project_id)
        .bind(&o.title)
        .bind(o.kind.slug())
        .bind(o.happened_on)
        .bind(&o.impact)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)?;
    on_tx!(&mut *tx, |c| sqlx::query(
        "DELETE FROM outcome_inputs WHERE outcome_id = $1"
    )
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    link_inputs(tx, id, &o.inputs).await
}

async fn link_inputs(tx: &mut Tx, outcome_id: i64, inputs: &[i64]) -> Result<(), StoreError> {
    if inputs.is_empty() {
        return Ok(());
    }
    on_tx!(&mut *tx, |c| {
        let mut q = sqlx::QueryBuilder::new("INSERT INTO outcome_inputs (outcome_id, input_id) ");
        q.push_values(inputs, |mut row, input| {
            row.push_bind(outcome_id).push_bind(*input);
        });
        q.build().execute(c).await.map(|_| ())
    })?;
    Ok(())
}

/// Keeps a file of evidence on the caller's transaction.
pub async fn insert_evidence_in(
    tx: &mut Tx,
    e: &NewEvidence<'_>,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO outcome_evidence (outcome_id, title, file_name, media_type, size_bytes, sha256, content, added_at, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(e.outcome_id)
        .bind(e.title)
        .bind(e.file_name)
        .bind(e.media_type)
        .bind(e.content.len() as i64)
        .bind(e.sha256)
        .bind(e.content)
        .bind(now)
        .bind(by)
        .fetch_one(c)
        .await
    })?)
}
