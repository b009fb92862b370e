//! People: participants and staff, each belonging to one organisation.

use chrono::{DateTime, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::person::PersonRole;

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within, now};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Person {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub role: PersonRole,
    pub email: Option<String>,
    pub created_at: DateTime<Utc>,
}

has_id!(Person);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFields {
    pub organisation_id: i64,
    pub name: String,
    pub role: PersonRole,
    pub email: Option<String>,
}

impl Store {
    pub async fn create_person(&self, f: &PersonFields) -> Result<Person, StoreError> {
        self.require_organisation("organisation_id", f.organisation_id)
            .await?;
        let mut tx = self.begin().await?;
        let id = insert_person(&mut tx, f).await?;
        tx.commit().await?;
        self.person(id).await
    }

    pub async fn person(&self, id: i64) -> Result<Person, StoreError> {
        self.by_id(
            "SELECT id, organisation_id, name, role, email, created_at FROM people WHERE id = $1",
            id,
        )
        .await
    }

    /// People in id order, optionally only those of one organisation.
    pub async fn people(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Person>, StoreError> {
        self.page_within([
            "SELECT id, organisation_id, name, role, email, created_at FROM people WHERE id > $1 ORDER BY id LIMIT $2",
            "SELECT id, organisation_id, name, role, email, created_at FROM people WHERE id > $1 AND organisation_id = $3 ORDER BY id LIMIT $2",
            "SELECT id, organisation_id, name, role, email, created_at FROM people WHERE id > $1 AND organisation_id = $3 ORDER BY id LIMIT $2",
        ], page, within)
        .await
    }

    pub async fn update_person(&self, id: i64, f: &PersonFields) -> Result<Person, StoreError> {
        self.require_organisation("organisation_id", f.organisation_id)
            .await?;
        let rows = on_pool!(self, |p| {
            sqlx::query("UPDATE people SET organisation_id = $1, name = $2, role = $3, email = $4 WHERE id = $5")
                .bind(f.organisation_id)
                .bind(&f.name)
                .bind(f.role.slug())
                .bind(&f.email)
                .bind(id)
                .execute(p)
                .await
                .map(|r| r.rows_affected())
        })?;
        updated(rows)?;
        self.person(id).await
    }
}

pub(crate) async fn insert_person(tx: &mut Tx, f: &PersonFields) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO people (organisation_id, name, role, email, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(f.organisation_id)
        .bind(&f.name)
        .bind(f.role.slug())
        .bind(&f.email)
        .bind(now())
        .fetch_one(c)
        .await
    })?)
}
