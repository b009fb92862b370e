//! Meeting papers as stored: the file's bytes with what was read from them, and
//! when the papers were first sent. Lists never read the bytes; one paper's bytes
//! are read only to be downloaded.

use chrono::{DateTime, Utc};
use coproduce_domain::papers::PaperFormat;

use crate::{Store, StoreError, Tx};

/// A paper, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Paper {
    pub id: i64,
    pub activity_id: i64,
    pub title: String,
    pub file_name: String,
    pub media_type: String,
    #[sqlx(try_from = "String")]
    pub format: PaperFormat,
    pub size_bytes: i64,
    pub sha256: String,
    pub added_at: DateTime<Utc>,
    /// When it was first sent to the people coming; `None` until then.
    pub sent_at: Option<DateTime<Utc>>,
}

has_id!(Paper);

/// A paper to keep, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPaper<'a> {
    pub activity_id: i64,
    pub title: &'a str,
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub format: PaperFormat,
    pub sha256: &'a str,
    pub content: &'a [u8],
}

/// The columns a paper is read with, without its bytes.
macro_rules! paper_select {
    ($rest:literal) => {
        concat!(
            "SELECT id, activity_id, title, file_name, media_type, format, size_bytes, sha256, added_at, sent_at FROM papers ",
            $rest
        )
    };
}

impl Store {
    /// An activity's papers, oldest first.
    pub async fn papers(&self, activity_id: i64) -> Result<Vec<Paper>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Paper>(paper_select!("WHERE activity_id = $1 ORDER BY id"))
                .bind(activity_id)
                .fetch_all(p)
                .await
        })?)
    }

    pub async fn paper(&self, id: i64) -> Result<Paper, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_as::<_, Paper>(paper_select!("WHERE id = $1"))
                .bind(id)
                .fetch_optional(p)
                .await
        })?
        .ok_or(StoreError::NotFound)
    }

    /// A paper's bytes.
    pub async fn paper_content(&self, id: i64) -> Result<Vec<u8>, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_scalar::<_, Vec<u8>>("SELECT content FROM papers WHERE id = $1")
                .bind(id)
                .fetch_optional(p)
                .await
        })?
        .ok_or(StoreError::NotFound)
    }

    /// When an activity's papers were first sent, if they were.
    pub async fn papers_sent_at(
        &self,
        activity_id: i64,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, Option<DateTime<Utc>>>(
                "SELECT MIN(sent_at) FROM papers WHERE activity_id = $1",
            )
            .bind(activity_id)
            .fetch_one(p)
            .await
        })?)
    }
}

pub async fn insert_paper_in(
    tx: &mut Tx,
    p: &NewPaper<'_>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO papers (activity_id, title, file_name, media_type, format, size_bytes, sha256, content, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(p.activity_id)
        .bind(p.title)
        .bind(p.file_name)
        .bind(p.media_type)
        .bind(coproduce_domain::Vocabulary::slug(p.format))
        .bind(p.content.len() as i64)
        .bind(p.sha256)
        .bind(p.content)
        .bind(now)
        .fetch_one(c)
        .await
    })?)
}

pub async fn delete_paper_in(tx: &mut Tx, id: i64) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("DELETE FROM papers WHERE id = $1")
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    crate::db::updated(rows)
}

/// Marks the papers of an activity not yet sent as sent now; how many were.
pub async fn mark_sent_in(
    tx: &mut Tx,
    activity_id: i64,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query("UPDATE papers SET sent_at = $1 WHERE activity_id = $2 AND sent_at IS NULL")
            .bind(now)
            .bind(activity_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?)
}
