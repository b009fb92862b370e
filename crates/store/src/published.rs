//! The public "You said, we did": the words of an input and its response as they
//! were approved for publication, kept apart from the working words, and the
//! names a text might hold, for the check before approval.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Store, StoreError, Tx};

/// What is published of an input, and when.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Publication {
    pub said: String,
    pub response: String,
    pub status: String,
    pub will_do_by: Option<NaiveDate>,
    pub published_at: DateTime<Utc>,
}

/// One item of the public page: no one's name, only the approved words.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PublicItem {
    pub input_id: i64,
    pub project_id: Option<i64>,
    pub project_title: Option<String>,
    pub received_on: NaiveDate,
    pub said: String,
    pub response: String,
    pub status: String,
    pub will_do_by: Option<NaiveDate>,
    pub published_at: DateTime<Utc>,
}

/// The words to publish, already checked for personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToPublish<'a> {
    pub said: &'a str,
    pub response: &'a str,
    pub status: &'a str,
    pub will_do_by: Option<NaiveDate>,
    pub by: Option<i64>,
    pub at: DateTime<Utc>,
}

/// The most items the public page, its feed and its CSV hold: the newest.
pub const PUBLIC_LIMIT: i64 = 1000;

impl Store {
    /// What is published of an input, if anything.
    pub async fn publication(&self, input_id: i64) -> Result<Option<Publication>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Publication>(
                "SELECT public_said AS said, public_response AS response, public_status AS status, public_will_do_by AS will_do_by, published_at FROM inputs WHERE id = $1 AND published_at IS NOT NULL",
            )
            .bind(input_id)
            .fetch_optional(p)
            .await
        })?)
    }

    /// An organisation's published inputs, or one project's, newest first, at most
    /// [`PUBLIC_LIMIT`].
    pub async fn public_items(
        &self,
        organisation_id: i64,
        project_id: Option<i64>,
    ) -> Result<Vec<PublicItem>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, PublicItem>(
                "SELECT i.id AS input_id, i.project_id, pr.title AS project_title, i.received_on, i.public_said AS said, i.public_response AS response, i.public_status AS status, i.public_will_do_by AS will_do_by, i.published_at FROM inputs i LEFT JOIN projects pr ON pr.id = i.project_id WHERE i.organisation_id = $1 AND i.published_at IS NOT NULL AND ($2 IS NULL OR i.project_id = $2) ORDER BY i.published_at DESC, i.id DESC LIMIT $3",
            )
            .bind(organisation_id)
            .bind(project_id)
            .bind(PUBLIC_LIMIT)
            .fetch_all(p)
            .await
        })?)
    }

    /// The names, of people on an organisation's register and of its accounts,
    /// that `text` holds somewhere (ignoring case), in one query each: the caller
    /// decides which it holds as whole words.
    pub async fn names_in_text(
        &self,
        organisation_id: i64,
        text: &str,
    ) -> Result<Vec<String>, StoreError> {
        let lower = text.to_lowercase();
        let (people, accounts) = match self.backend() {
            crate::Backend::Sqlite => (
                "SELECT name FROM people WHERE organisation_id = $1 AND instr($2, lower(name)) > 0 LIMIT 100",
                "SELECT name FROM accounts WHERE organisation_id = $1 AND instr($2, lower(name)) > 0 LIMIT 100",
            ),
            crate::Backend::Postgres => (
                "SELECT name FROM people WHERE organisation_id = $1 AND position(lower(name) in $2) > 0 LIMIT 100",
                "SELECT name FROM accounts WHERE organisation_id = $1 AND position(lower(name) in $2) > 0 LIMIT 100",
            ),
        };
        let mut names = Vec::new();
        for sql in [people, accounts] {
            let found: Vec<String> = on_pool!(self, |p| {
                sqlx::query_scalar::<_, String>(sql)
                    .bind(organisation_id)
                    .bind(&lower)
                    .fetch_all(p)
                    .await
            })?;
            names.extend(found);
        }
        Ok(names)
    }
}

/// Publishes an input's words on the caller's transaction.
pub async fn publish_in(tx: &mut Tx, input_id: i64, p: &ToPublish<'_>) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE inputs SET public_said = $1, public_response = $2, public_status = $3, public_will_do_by = $4, published_at = $5, published_by = $6 WHERE id = $7",
        )
        .bind(p.said)
        .bind(p.response)
        .bind(p.status)
        .bind(p.will_do_by)
        .bind(p.at)
        .bind(p.by)
        .bind(input_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    crate::db::updated(rows)
}

/// Takes an input off the public page on the caller's transaction. Answers whether
/// it was on it.
pub async fn unpublish_in(tx: &mut Tx, input_id: i64) -> Result<bool, StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE inputs SET public_said = NULL, public_response = NULL, public_status = NULL, public_will_do_by = NULL, published_at = NULL, published_by = NULL WHERE id = $1 AND published_at IS NOT NULL",
        )
        .bind(input_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(rows == 1)
}
