//! Organisations.

use chrono::{DateTime, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::organisation::OrganisationKind;

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: OrganisationKind,
    /// Whether staff accounts must give a second factor (TOTP) to sign in.
    pub require_second_factor: bool,
    pub created_at: DateTime<Utc>,
}

has_id!(Organisation);

/// What is needed to create or update an organisation; already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationFields {
    pub name: String,
    pub kind: OrganisationKind,
    pub require_second_factor: bool,
}

impl Store {
    pub async fn create_organisation(
        &self,
        f: &OrganisationFields,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Organisation, StoreError> {
        let mut tx = self.begin().await?;
        let id = insert_organisation(&mut tx, f, now).await?;
        tx.commit().await?;
        self.organisation(id).await
    }

    /// Which of `ids` are organisations that exist, in one query.
    pub async fn organisations_among(&self, ids: &[i64]) -> Result<Vec<i64>, StoreError> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        Ok(on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new("SELECT id FROM organisations WHERE id IN (");
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY id");
            q.build_query_scalar::<i64>().fetch_all(p).await
        })?)
    }

    pub async fn organisation(&self, id: i64) -> Result<Organisation, StoreError> {
        self.by_id(
            "SELECT id, name, kind, require_second_factor, created_at FROM organisations WHERE id = $1",
            id,
        )
        .await
    }

    pub async fn organisations(&self, page: PageRequest) -> Result<Page<Organisation>, StoreError> {
        self.page(
            "SELECT id, name, kind, require_second_factor, created_at FROM organisations WHERE id > $1 ORDER BY id LIMIT $2",
            page,
            None,
        )
        .await
    }

    pub async fn update_organisation(
        &self,
        id: i64,
        f: &OrganisationFields,
    ) -> Result<Organisation, StoreError> {
        let mut tx = self.begin().await?;
        update_organisation_in(&mut tx, id, f).await?;
        tx.commit().await?;
        self.organisation(id).await
    }

    /// Fails with [`StoreError::Missing`] naming `field` unless the organisation exists.
    pub async fn require_organisation(
        &self,
        field: &'static str,
        id: i64,
    ) -> Result<(), StoreError> {
        self.require(
            "SELECT 1 FROM organisations WHERE id = $1",
            field,
            "organisation",
            id,
        )
        .await
    }
}

/// Writes an organisation on the caller's transaction.
pub async fn insert_organisation(
    tx: &mut Tx,
    f: &OrganisationFields,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64, StoreError> {
    let id = on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO organisations (name, kind, require_second_factor, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(&f.name)
        .bind(f.kind.slug())
        .bind(f.require_second_factor)
        .bind(now)
        .fetch_one(c)
        .await
    })?;
    Ok(id)
}

/// Changes an organisation on the caller's transaction.
pub async fn update_organisation_in(
    tx: &mut Tx,
    id: i64,
    f: &OrganisationFields,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE organisations SET name = $1, kind = $2, require_second_factor = $3 WHERE id = $4")
            .bind(&f.name)
            .bind(f.kind.slug())
            .bind(f.require_second_factor)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}
