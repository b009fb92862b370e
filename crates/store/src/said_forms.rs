//! Feedback forms a project publishes, and the hashed addresses and times of the
//! answers each was given lately, for the limit on answers from one address.

use chrono::{DateTime, Utc};
use coproduce_domain::said_form::Form as Terms;

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within};

macro_rules! form_select {
    ($rest:literal) => {
        concat!(
            "SELECT f.id, f.organisation_id, f.project_id, p.title AS project_title, g.name AS organisation_name, f.title, f.question, f.question_pl, f.question_easy, f.signing_key, f.closed_at, f.created_at, ",
            "(SELECT COUNT(*) FROM inputs i WHERE i.form_id = f.id) AS answer_count ",
            "FROM said_forms f JOIN projects p ON p.id = f.project_id JOIN organisations g ON g.id = f.organisation_id ",
            $rest
        )
    };
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SaidForm {
    pub id: i64,
    pub organisation_id: i64,
    pub project_id: i64,
    pub project_title: String,
    pub organisation_name: String,
    pub title: String,
    pub question: String,
    pub question_pl: Option<String>,
    pub question_easy: String,
    /// Signs the time each copy of the form is shown and salts address hashes:
    /// never shown to anyone.
    pub signing_key: String,
    /// When it stopped taking answers; `None` while open.
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// How many answers it has had (inputs made from it).
    pub answer_count: i64,
}

has_id!(SaidForm);

impl SaidForm {
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}

impl Store {
    pub async fn said_form(&self, id: i64) -> Result<SaidForm, StoreError> {
        self.by_id(form_select!("WHERE f.id = $1"), id).await
    }

    /// Forms in id order: all, a project's, or an organisation's.
    pub async fn said_forms(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<SaidForm>, StoreError> {
        self.page_within(
            [
                form_select!("WHERE f.id > $1 ORDER BY f.id LIMIT $2"),
                form_select!("WHERE f.id > $1 AND f.project_id = $3 ORDER BY f.id LIMIT $2"),
                form_select!("WHERE f.id > $1 AND f.organisation_id = $3 ORDER BY f.id LIMIT $2"),
            ],
            page,
            within,
        )
        .await
    }
}

/// Writes a form on the caller's transaction, open.
pub async fn insert_said_form_in(
    tx: &mut Tx,
    organisation_id: i64,
    f: &Terms,
    signing_key: &str,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO said_forms (organisation_id, project_id, title, question, question_pl, question_easy, signing_key, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(organisation_id)
        .bind(f.project_id)
        .bind(&f.title)
        .bind(&f.question)
        .bind(&f.question_pl)
        .bind(&f.question_easy)
        .bind(signing_key)
        .bind(now)
        .bind(by)
        .fetch_one(c)
        .await
    })?)
}

/// Changes a form's project, title and question on the caller's transaction.
pub async fn update_said_form_in(tx: &mut Tx, id: i64, f: &Terms) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE said_forms SET project_id = $1, title = $2, question = $3, question_pl = $4, question_easy = $5 WHERE id = $6",
        )
        .bind(f.project_id)
        .bind(&f.title)
        .bind(&f.question)
        .bind(&f.question_pl)
        .bind(&f.question_easy)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Opens a form (`closed_at` `None`) or closes it, on the caller's transaction.
pub async fn close_said_form_in(
    tx: &mut Tx,
    id: i64,
    closed_at: Option<DateTime<Utc>>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE said_forms SET closed_at = $1 WHERE id = $2")
            .bind(closed_at)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Notes an answer from an address (as hashed) on the caller's transaction, and
/// forgets the form's notes from before `forget_before`.
pub async fn note_said_form_answer_in(
    tx: &mut Tx,
    form_id: i64,
    address_hash: &str,
    now: DateTime<Utc>,
    forget_before: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_tx!(&mut *tx, |c| {
        sqlx::query("DELETE FROM said_form_answers WHERE form_id = $1 AND answered_at < $2")
            .bind(form_id)
            .bind(forget_before)
            .execute(c)
            .await
            .map(|_| ())
    })?;
    on_tx!(&mut *tx, |c| {
        sqlx::query(
            "INSERT INTO said_form_answers (form_id, address_hash, answered_at) VALUES ($1, $2, $3)",
        )
        .bind(form_id)
        .bind(address_hash)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Locks a form on the caller's transaction, so answers to it are counted in turn,
/// and answers whether it is open.
pub async fn lock_said_form_in(tx: &mut Tx, id: i64) -> Result<bool, StoreError> {
    let sql = match tx {
        Tx::Sqlite(_) => "SELECT closed_at IS NULL FROM said_forms WHERE id = $1",
        Tx::Postgres(_) => "SELECT closed_at IS NULL FROM said_forms WHERE id = $1 FOR UPDATE",
    };
    let open: Option<bool> = on_tx!(&mut *tx, |c| sqlx::query_scalar(sql)
        .bind(id)
        .fetch_optional(c)
        .await)?;
    open.ok_or(StoreError::NotFound)
}

/// How many answers an address (as hashed) gave a form since a time, read on the
/// caller's transaction.
pub async fn said_form_answers_since_in(
    tx: &mut Tx,
    form_id: i64,
    address_hash: &str,
    since: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM said_form_answers WHERE form_id = $1 AND address_hash = $2 AND answered_at >= $3",
        )
        .bind(form_id)
        .bind(address_hash)
        .bind(since)
        .fetch_one(c)
        .await
    })?)
}
