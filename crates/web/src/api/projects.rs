//! `/api/v1/projects`

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::ladder::{Level, Rung, Stage};
use coproduce_domain::project::{MAX_PENCE, PartnerPart};
use coproduce_domain::text::{FieldErrors, LONG, SHORT};
use coproduce_store::Within;
use coproduce_store::projects::{Project, ProjectFields};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    ApiJson, ApiQuery, Id, ListOut, created, id_field, list_base, optional, required, scoped_page,
    vocab,
};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/projects", C::ReadWork, list)
        .post("/api/v1/projects", C::WriteWork, create)
        .get("/api/v1/projects/{id}", C::ReadWork, read)
        .put("/api/v1/projects/{id}", C::WriteWork, update)
}

fn stage_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Stage>()
}

fn level_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Level>()
}

fn nullable_rung_schema() -> utoipa::openapi::schema::Object {
    super::nullable_vocabulary_schema::<Rung>()
}

fn optional_rung_schema() -> utoipa::openapi::schema::Schema {
    super::optional_vocabulary_schema::<Rung>()
}

fn part_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<PartnerPart>()
}

fn budget_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::Object::builder()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
            utoipa::openapi::schema::Type::Integer,
            utoipa::openapi::schema::Type::Null,
        ]))
        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
            utoipa::openapi::KnownFormat::Int64,
        )))
        .minimum(Some(0))
        .maximum(Some(MAX_PENCE))
        .description(Some(
            "The involvement budget in pence (125050 is £1,250.50), or null for none.",
        ))
        .build()
}

fn lead_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::Object::builder()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
            utoipa::openapi::schema::Type::Integer,
            utoipa::openapi::schema::Type::Null,
        ]))
        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
            utoipa::openapi::KnownFormat::Int64,
        )))
        .minimum(Some(1))
        .description(Some(
            "The account of a member of the organisation's staff who leads it, or null.",
        ))
        .build()
}

/// A partner organisation of a project and its part.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerBody {
    /// Another organisation in Coproduce.
    #[schema(minimum = 1)]
    pub organisation_id: i64,
    #[schema(schema_with = part_schema)]
    pub part: String,
}

/// A partner organisation of a project, as read.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerOut {
    pub organisation_id: i64,
    pub name: String,
    #[schema(schema_with = part_schema)]
    pub part: &'static str,
}

/// A stage the project reached, and the day it began.
#[derive(Debug, Serialize, ToSchema)]
pub struct StageOut {
    #[schema(schema_with = stage_schema)]
    pub stage: &'static str,
    #[schema(format = Date)]
    pub began_on: String,
}

/// A project with its partners, the history of its stages, and when people were
/// first involved.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectDetail {
    #[serde(flatten)]
    pub project: ProjectOut,
    pub partners: Vec<PartnerOut>,
    /// Oldest first.
    pub stages: Vec<StageOut>,
    /// The day of the first activity someone came to, or null before then.
    #[schema(format = Date)]
    pub first_involved_on: Option<String>,
    /// The stage the project was at then, or null.
    #[schema(schema_with = nullable_stage_schema)]
    pub first_involved_stage: Option<&'static str>,
    /// Whether people were first involved at initiation or design: "from the start".
    pub involved_from_the_start: Option<bool>,
}

fn nullable_stage_schema() -> utoipa::openapi::schema::Object {
    super::nullable_vocabulary_schema::<Stage>()
}

/// A piece of work people are involved in.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectOut {
    pub id: i64,
    pub organisation_id: i64,
    pub title: String,
    #[schema(schema_with = stage_schema)]
    pub stage: &'static str,
    #[schema(schema_with = level_schema)]
    pub level: &'static str,
    /// What is being co-produced, and what is not open to change.
    pub scope_and_limits: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    /// The staff account that leads it.
    pub lead_account_id: Option<i64>,
    pub lead_name: Option<String>,
    /// The rung of the ladder it aims for.
    #[schema(schema_with = nullable_rung_schema)]
    pub target_rung: Option<&'static str>,
    /// The involvement budget in pence.
    pub budget_pence: Option<i64>,
    /// What cannot change, and why (money, staff, time).
    pub cannot_change: Option<String>,
}

impl From<Project> for ProjectOut {
    fn from(p: Project) -> Self {
        let target_rung = p.target_rung().map(Vocabulary::slug);
        ProjectOut {
            id: p.id,
            organisation_id: p.organisation_id,
            title: p.title,
            stage: p.stage.slug(),
            level: p.level.slug(),
            target_rung,
            scope_and_limits: p.scope_and_limits,
            created_at: coproduce_domain::time::machine(p.created_at),
            lead_account_id: p.lead_account_id,
            lead_name: p.lead_name,
            budget_pence: p.budget_pence,
            cannot_change: p.cannot_change,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectBody {
    #[schema(minimum = 1)]
    pub organisation_id: i64,
    #[schema(schema_with = super::short_text)]
    pub title: String,
    #[schema(schema_with = stage_schema)]
    pub stage: String,
    #[schema(schema_with = level_schema)]
    pub level: String,
    /// What is being co-produced, and what is not open to change.
    #[schema(schema_with = super::optional_long_text)]
    pub scope_and_limits: Option<String>,
    /// What cannot change, and why: money, staff, time.
    #[schema(schema_with = super::optional_long_text)]
    pub cannot_change: Option<String>,
    #[schema(schema_with = lead_schema)]
    pub lead_account_id: Option<i64>,
    /// The rung of the ladder the project aims for.
    #[schema(schema_with = optional_rung_schema)]
    pub target_rung: Option<String>,
    #[schema(schema_with = budget_schema)]
    pub budget_pence: Option<i64>,
    /// Partner organisations, each once and none the project's own; on a change,
    /// the list replaces the one held. Leave out for none.
    #[schema(max_items = 20)]
    pub partners: Option<Vec<PartnerBody>>,
    /// The day the stage began, when it is new: not after today, and on a change not
    /// before the stage it follows began. Today if left out.
    #[schema(schema_with = super::optional_date_schema)]
    pub stage_began_on: Option<String>,
}

impl ProjectBody {
    pub(crate) fn check(&self, today: chrono::NaiveDate) -> Result<ProjectFields, ApiError> {
        let mut errs = FieldErrors::new();
        let cannot_change = optional(
            &mut errs,
            "cannot_change",
            self.cannot_change.as_deref(),
            LONG,
        )
        .flatten();
        let lead_account_id = self
            .lead_account_id
            .and_then(|id| id_field(&mut errs, "lead_account_id", id));
        let target_rung = match self.target_rung.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(r) => vocab::<Rung>(&mut errs, "target_rung", r),
        };
        let budget_pence = match self.budget_pence {
            Some(p) if !(0..=MAX_PENCE).contains(&p) => {
                errs.add(
                    "budget_pence",
                    coproduce_domain::text::Problem::OutOfRange {
                        min: 0,
                        max: MAX_PENCE,
                        given: p,
                    },
                );
                None
            }
            other => other,
        };
        let mut partners: Vec<(i64, PartnerPart)> = Vec::new();
        for (i, p) in self.partners.iter().flatten().enumerate() {
            let org = id_field(
                &mut errs,
                &format!("partners[{i}].organisation_id"),
                p.organisation_id,
            );
            let part = vocab::<PartnerPart>(&mut errs, &format!("partners[{i}].part"), &p.part);
            if let (Some(org), Some(part)) = (org, part) {
                if partners.iter().any(|(o, _)| *o == org) {
                    errs.add(
                        format!("partners[{i}].organisation_id"),
                        coproduce_domain::text::Problem::PartnerTwice,
                    );
                } else {
                    partners.push((org, part));
                }
            }
        }
        let stage_began_on = match self.stage_began_on.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => errs
                .take("stage_began_on", coproduce_domain::time::parse_date(d))
                .and_then(|d| {
                    if d > today {
                        errs.add("stage_began_on", coproduce_domain::text::Problem::InFuture);
                        None
                    } else {
                        Some(d)
                    }
                }),
        };
        let organisation_id = id_field(&mut errs, "organisation_id", self.organisation_id);
        let title = required(&mut errs, "title", &self.title, SHORT);
        let stage = vocab(&mut errs, "stage", &self.stage);
        let level = vocab(&mut errs, "level", &self.level);
        let scope = optional(
            &mut errs,
            "scope_and_limits",
            self.scope_and_limits.as_deref(),
            LONG,
        );
        match (organisation_id, title, stage, level, scope) {
            (
                Some(organisation_id),
                Some(title),
                Some(stage),
                Some(level),
                Some(scope_and_limits),
            ) if errs.is_empty() => Ok(ProjectFields {
                organisation_id,
                title,
                stage,
                level,
                scope_and_limits,
                lead_account_id,
                target_rung,
                budget_pence,
                cannot_change,
                partners,
                stage_began_on,
            }),
            _ => Err(errs.into()),
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ProjectsQuery {
    /// Return projects with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many projects to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only projects of this organisation.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub organisation_id: Option<String>,
}

/// List projects, a page at a time: those of the token's organisation, or of any for
/// those who see every organisation.
#[utoipa::path(get, path = "/api/v1/projects", tag = "projects",
    operation_id = "listProjects",
    security(("bearer" = [])),
    params(ProjectsQuery),
    responses(
        (status = 200, description = "A page of projects, by id.", body = ListOut<ProjectOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<ProjectsQuery>,
) -> Result<Json<ListOut<ProjectOut>>, ApiError> {
    let (page, org) = scoped_page(
        q.after.as_deref(),
        q.limit.as_deref(),
        "organisation_id",
        q.organisation_id.as_deref(),
    )?;
    let within = viewer.scope(org)?.map_or(Within::All, Within::Parent);
    let rows = s.store.projects(page, within).await?;
    let base = list_base("/api/v1/projects", "organisation_id", org);
    Ok(Json(ListOut::from_page(
        rows,
        &base,
        page.limit,
        Into::into,
    )))
}

/// Read a project.
#[utoipa::path(get, path = "/api/v1/projects/{id}", tag = "projects",
    operation_id = "getProject",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Project id")),
    responses(
        (status = 200, description = "The project, with its partners and stages.", body = ProjectDetail),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<ProjectDetail>, ApiError> {
    let p = s.store.project(id).await?;
    viewer.check(p.organisation_id)?;
    let partners = s.store.partners(id).await?;
    let stages = s.store.stage_history(id).await?;
    let first = s.store.first_involved(id).await?;
    Ok(Json(ProjectDetail {
        project: p.into(),
        partners: partners
            .into_iter()
            .map(|p| PartnerOut {
                organisation_id: p.organisation_id,
                name: p.name,
                part: p.part.slug(),
            })
            .collect(),
        stages: stages
            .into_iter()
            .map(|s| StageOut {
                stage: s.stage.slug(),
                began_on: s.began_on.to_string(),
            })
            .collect(),
        first_involved_on: first.map(|f| f.on.to_string()),
        first_involved_stage: first.map(|f| f.stage.slug()),
        involved_from_the_start: first.map(|f| f.stage.is_from_the_start()),
    }))
}

/// Start a project.
#[utoipa::path(post, path = "/api/v1/projects", tag = "projects",
    operation_id = "createProject",
    security(("bearer" = [])),
    request_body = ProjectBody,
    responses(
        (status = 201, description = "Created; `Location` is its address.", body = ProjectOut,
            headers(("Location" = String, description = "The new project's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn create(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiJson(body): ApiJson<ProjectBody>,
) -> Result<Response, ApiError> {
    let fields = body.check(crate::today(&s.ctx))?;
    let p = coproduce_app::work::create_project(&s.ctx, &viewer.actor(), &fields).await?;
    Ok(created(
        format!("/api/v1/projects/{}", p.id),
        ProjectOut::from(p),
    ))
}

/// Replace a project's fields.
#[utoipa::path(put, path = "/api/v1/projects/{id}", tag = "projects",
    operation_id = "updateProject",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Project id")),
    request_body = ProjectBody,
    responses(
        (status = 200, description = "The project as changed.", body = ProjectOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
        (status = 409, description = "It cannot move to another organisation: inputs, outcomes, feedback forms or opportunities of its organisation belong to it. Nothing was written.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn update(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<ProjectBody>,
) -> Result<Json<ProjectOut>, ApiError> {
    let fields = body.check(crate::today(&s.ctx))?;
    Ok(Json(
        coproduce_app::work::update_project(&s.ctx, &viewer.actor(), id, &fields)
            .await?
            .into(),
    ))
}
