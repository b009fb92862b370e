//! Projects: pieces of work an organisation involves people in.

use chrono::{DateTime, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::ladder::{Level, Stage};

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Project {
    pub id: i64,
    pub organisation_id: i64,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub stage: Stage,
    #[sqlx(try_from = "String")]
    pub level: Level,
    /// What is being co-produced and what is not open to change, said up front.
    pub scope_and_limits: Option<String>,
    pub created_at: DateTime<Utc>,
}

has_id!(Project);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFields {
    pub organisation_id: i64,
    pub title: String,
    pub stage: Stage,
    pub level: Level,
    pub scope_and_limits: Option<String>,
}

impl Store {
    pub async fn create_project(
        &self,
        f: &ProjectFields,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Project, StoreError> {
        self.require_organisation("organisation_id", f.organisation_id)
            .await?;
        let mut tx = self.begin().await?;
        let id = insert_project(&mut tx, f, now).await?;
        tx.commit().await?;
        self.project(id).await
    }

    pub async fn project(&self, id: i64) -> Result<Project, StoreError> {
        self.by_id(
            "SELECT id, organisation_id, title, stage, level, scope_and_limits, created_at FROM projects WHERE id = $1",
            id,
        )
        .await
    }

    /// Projects in id order, optionally only those of one organisation.
    pub async fn projects(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Project>, StoreError> {
        self.page_within([
            "SELECT id, organisation_id, title, stage, level, scope_and_limits, created_at FROM projects WHERE id > $1 ORDER BY id LIMIT $2",
            "SELECT id, organisation_id, title, stage, level, scope_and_limits, created_at FROM projects WHERE id > $1 AND organisation_id = $3 ORDER BY id LIMIT $2",
            "SELECT id, organisation_id, title, stage, level, scope_and_limits, created_at FROM projects WHERE id > $1 AND organisation_id = $3 ORDER BY id LIMIT $2",
        ], page, within)
        .await
    }

    pub async fn update_project(&self, id: i64, f: &ProjectFields) -> Result<Project, StoreError> {
        self.require_organisation("organisation_id", f.organisation_id)
            .await?;
        let mut tx = self.begin().await?;
        update_project_in(&mut tx, id, f).await?;
        tx.commit().await?;
        self.project(id).await
    }

    /// The organisation a project belongs to.
    pub async fn organisation_of_project(&self, project_id: i64) -> Result<i64, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>("SELECT organisation_id FROM projects WHERE id = $1")
                .bind(project_id)
                .fetch_optional(p)
                .await
        })?
        .ok_or(StoreError::NotFound)
    }

    /// The organisation an activity belongs to, through its project.
    pub async fn organisation_of_activity(&self, activity_id: i64) -> Result<i64, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "SELECT p.organisation_id FROM activities a JOIN projects p ON p.id = a.project_id WHERE a.id = $1",
            )
            .bind(activity_id)
            .fetch_optional(p)
            .await
        })?
        .ok_or(StoreError::NotFound)
    }

    pub(crate) async fn require_project(
        &self,
        field: &'static str,
        id: i64,
    ) -> Result<(), StoreError> {
        self.require("SELECT 1 FROM projects WHERE id = $1", field, "project", id)
            .await
    }
}

/// Changes a project on the caller's transaction.
pub async fn update_project_in(tx: &mut Tx, id: i64, f: &ProjectFields) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE projects SET organisation_id = $1, title = $2, stage = $3, level = $4, scope_and_limits = $5 WHERE id = $6",
        )
        .bind(f.organisation_id)
        .bind(&f.title)
        .bind(f.stage.slug())
        .bind(f.level.slug())
        .bind(&f.scope_and_limits)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Writes a project on the caller's transaction.
pub async fn insert_project(
    tx: &mut Tx,
    f: &ProjectFields,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO projects (organisation_id, title, stage, level, scope_and_limits, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(f.organisation_id)
        .bind(&f.title)
        .bind(f.stage.slug())
        .bind(f.level.slug())
        .bind(&f.scope_and_limits)
        .bind(now)
        .fetch_one(c)
        .await
    })?)
}
