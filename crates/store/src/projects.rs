//! Projects: pieces of work an organisation involves people in.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::ladder::{Level, Rung, Stage};
use coproduce_domain::project::PartnerPart;

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
    /// The staff account that leads it, and its name.
    pub lead_account_id: Option<i64>,
    pub lead_name: Option<String>,
    /// The rung of the ladder it aims for, as a slug (see [`Project::target_rung`]).
    pub target_rung: Option<String>,
    /// The involvement budget, in pence.
    pub budget_pence: Option<i64>,
    /// What cannot change, and why (money, staff, time).
    pub cannot_change: Option<String>,
}

has_id!(Project);

impl Project {
    /// The rung it aims for, if one was given and still reads as valid.
    pub fn target_rung(&self) -> Option<Rung> {
        self.target_rung
            .as_deref()
            .and_then(|r| Rung::parse(r).ok())
    }
}

/// A partner organisation of a project, and its part.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Partner {
    pub organisation_id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub part: PartnerPart,
}

/// A stage a project reached, and the day it began.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StageBegun {
    #[sqlx(try_from = "String")]
    pub stage: Stage,
    pub began_on: NaiveDate,
}

/// When people were first involved in a project, and the stage it was at then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstInvolved {
    pub on: NaiveDate,
    pub stage: Stage,
}

/// The stage a project was at on a day, from its history (oldest first): the last
/// that began on or before it, or the first if the day comes before them all.
pub fn stage_on(history: &[StageBegun], day: NaiveDate) -> Option<Stage> {
    history
        .iter()
        .rev()
        .find(|s| s.began_on <= day)
        .or(history.first())
        .map(|s| s.stage)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFields {
    pub organisation_id: i64,
    pub title: String,
    pub stage: Stage,
    pub level: Level,
    pub scope_and_limits: Option<String>,
    pub lead_account_id: Option<i64>,
    pub target_rung: Option<Rung>,
    pub budget_pence: Option<i64>,
    pub cannot_change: Option<String>,
    /// Partner organisations and their part; each once, none the project's own.
    pub partners: Vec<(i64, PartnerPart)>,
    /// The day the stage began, when it is new (today if not given); checked by the
    /// caller not to come before the stage it follows.
    pub stage_began_on: Option<NaiveDate>,
}

/// The columns a project is read with: its own, and its lead's name.
macro_rules! project_select {
    ($rest:literal) => {
        concat!(
            "SELECT p.id, p.organisation_id, p.title, p.stage, p.level, p.scope_and_limits, p.created_at, p.lead_account_id, a.name AS lead_name, p.target_rung, p.budget_pence, p.cannot_change FROM projects p LEFT JOIN accounts a ON a.id = p.lead_account_id ",
            $rest
        )
    };
}

impl Store {
    /// Whether anything that keeps its own organisation belongs to a project:
    /// inputs, outcomes, feedback forms or opportunities. One query.
    pub async fn project_is_tied(&self, id: i64) -> Result<bool, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, bool>(
                "SELECT EXISTS (SELECT 1 FROM inputs WHERE project_id = $1) OR EXISTS (SELECT 1 FROM outcomes WHERE project_id = $1) OR EXISTS (SELECT 1 FROM said_forms WHERE project_id = $1) OR EXISTS (SELECT 1 FROM opportunities WHERE project_id = $1)",
            )
            .bind(id)
            .fetch_one(p)
            .await
        })?)
    }

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
        self.by_id(project_select!("WHERE p.id = $1"), id).await
    }

    /// A project's partner organisations, by name.
    pub async fn partners(&self, project_id: i64) -> Result<Vec<Partner>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Partner>(
            "SELECT pp.organisation_id, o.name, pp.part FROM project_partners pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = $1 ORDER BY o.name, o.id"
        )
        .bind(project_id)
        .fetch_all(p)
        .await
        })?)
    }

    /// The stages a project has reached, oldest first, each with the day it began.
    pub async fn stage_history(&self, project_id: i64) -> Result<Vec<StageBegun>, StoreError> {
        Ok(on_pool!(self, |p| sqlx::query_as::<_, StageBegun>(
            "SELECT stage, began_on FROM project_stages WHERE project_id = $1 ORDER BY began_on, id"
        )
        .bind(project_id)
        .fetch_all(p)
        .await)?)
    }

    /// When people were first involved in a project (the first of its activities
    /// that someone came to), and the stage it was at that day; `None` before anyone
    /// has come to one.
    pub async fn first_involved(
        &self,
        project_id: i64,
    ) -> Result<Option<FirstInvolved>, StoreError> {
        let first: Option<DateTime<Utc>> = on_pool!(self, |p| {
            sqlx::query_scalar(
            "SELECT MIN(a.starts_at) FROM activities a WHERE a.project_id = $1 AND EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.status = 'attended')"
        )
        .bind(project_id)
        .fetch_one(p)
        .await
        })?;
        let Some(first) = first else {
            return Ok(None);
        };
        let on = coproduce_domain::time::london_date(first);
        let history = self.stage_history(project_id).await?;
        Ok(stage_on(&history, on).map(|stage| FirstInvolved { on, stage }))
    }

    /// Projects in id order, optionally only those of one organisation.
    pub async fn projects(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Project>, StoreError> {
        self.page_within(
            [
                project_select!("WHERE p.id > $1 ORDER BY p.id LIMIT $2"),
                project_select!(
                    "WHERE p.id > $1 AND p.organisation_id = $3 ORDER BY p.id LIMIT $2"
                ),
                project_select!(
                    "WHERE p.id > $1 AND p.organisation_id = $3 ORDER BY p.id LIMIT $2"
                ),
            ],
            page,
            within,
        )
        .await
    }

    pub async fn update_project(
        &self,
        id: i64,
        f: &ProjectFields,
        now: DateTime<Utc>,
    ) -> Result<Project, StoreError> {
        self.require_organisation("organisation_id", f.organisation_id)
            .await?;
        let mut tx = self.begin().await?;
        update_project_in(&mut tx, id, f, now).await?;
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

/// Changes a project on the caller's transaction: its partners are replaced, and a
/// new stage is added to its history from the day given (or today).
pub async fn update_project_in(
    tx: &mut Tx,
    id: i64,
    f: &ProjectFields,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE projects SET organisation_id = $1, title = $2, stage = $3, level = $4, scope_and_limits = $5, lead_account_id = $6, target_rung = $7, budget_pence = $8, cannot_change = $9 WHERE id = $10",
        )
        .bind(f.organisation_id)
        .bind(&f.title)
        .bind(f.stage.slug())
        .bind(f.level.slug())
        .bind(&f.scope_and_limits)
        .bind(f.lead_account_id)
        .bind(f.target_rung.map(Vocabulary::slug))
        .bind(f.budget_pence)
        .bind(&f.cannot_change)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)?;
    let latest: Option<String> = on_tx!(&mut *tx, |c| {
        sqlx::query_scalar(
        "SELECT stage FROM project_stages WHERE project_id = $1 ORDER BY began_on DESC, id DESC LIMIT 1"
    )
    .bind(id)
    .fetch_optional(c)
    .await
    })?;
    if latest.as_deref() != Some(f.stage.slug()) {
        insert_stage(tx, id, f, now).await?;
    }
    write_partners(tx, id, &f.partners, true).await
}

/// Writes a project on the caller's transaction, with its first stage (from the day
/// given, or today) and its partners.
pub async fn insert_project(
    tx: &mut Tx,
    f: &ProjectFields,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let id = on_tx!(&mut *tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO projects (organisation_id, title, stage, level, scope_and_limits, created_at, lead_account_id, target_rung, budget_pence, cannot_change) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(f.organisation_id)
        .bind(&f.title)
        .bind(f.stage.slug())
        .bind(f.level.slug())
        .bind(&f.scope_and_limits)
        .bind(now)
        .bind(f.lead_account_id)
        .bind(f.target_rung.map(Vocabulary::slug))
        .bind(f.budget_pence)
        .bind(&f.cannot_change)
        .fetch_one(c)
        .await
    })?;
    insert_stage(tx, id, f, now).await?;
    write_partners(tx, id, &f.partners, false).await?;
    Ok(id)
}

async fn insert_stage(
    tx: &mut Tx,
    id: i64,
    f: &ProjectFields,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let began_on = f
        .stage_began_on
        .unwrap_or_else(|| coproduce_domain::time::london_date(now));
    Ok(on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO project_stages (project_id, stage, began_on, recorded_at) VALUES ($1, $2, $3, $4)"
    )
    .bind(id)
    .bind(f.stage.slug())
    .bind(began_on)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })?)
}

async fn write_partners(
    tx: &mut Tx,
    id: i64,
    partners: &[(i64, PartnerPart)],
    replace: bool,
) -> Result<(), StoreError> {
    if replace {
        on_tx!(&mut *tx, |c| sqlx::query(
            "DELETE FROM project_partners WHERE project_id = $1"
        )
        .bind(id)
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    if partners.is_empty() {
        return Ok(());
    }
    Ok(on_tx!(tx, |c| {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO project_partners (project_id, organisation_id, part) ",
        );
        q.push_values(partners, |mut row, (org, part)| {
            row.push_bind(id).push_bind(*org).push_bind(part.slug());
        });
        q.build().execute(c).await.map(|_| ())
    })?)
}
