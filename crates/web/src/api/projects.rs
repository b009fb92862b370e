//! `/api/v1/projects`

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::ladder::{Level, Stage};
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
}

impl From<Project> for ProjectOut {
    fn from(p: Project) -> Self {
        ProjectOut {
            id: p.id,
            organisation_id: p.organisation_id,
            title: p.title,
            stage: p.stage.slug(),
            level: p.level.slug(),
            scope_and_limits: p.scope_and_limits,
            created_at: coproduce_domain::time::machine(p.created_at),
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
}

impl ProjectBody {
    pub(crate) fn check(&self) -> Result<ProjectFields, ApiError> {
        let mut errs = FieldErrors::new();
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
            }),
            _ => Err(errs.into()),
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
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
        (status = 200, description = "The project.", body = ProjectOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<ProjectOut>, ApiError> {
    let p = s.store.project(id).await?;
    viewer.check(p.organisation_id)?;
    Ok(Json(p.into()))
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
    let fields = body.check()?;
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
    ))]
pub async fn update(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<ProjectBody>,
) -> Result<Json<ProjectOut>, ApiError> {
    let fields = body.check()?;
    Ok(Json(
        coproduce_app::work::update_project(&s.ctx, &viewer.actor(), id, &fields)
            .await?
            .into(),
    ))
}
