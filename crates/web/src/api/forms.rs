//! `/api/v1/forms`: feedback forms a project publishes at `/say/ID`, whose answers
//! become inputs of the project (listed by `/api/v1/inputs?form_id=ID`). Answering
//! is done on the form's page, where the spam guard is; the API makes, changes,
//! opens and closes forms.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_app::said_forms::SaidForm;
use coproduce_domain::account::Capability as C;
use coproduce_domain::said_form::{FormDraft, QUESTION};
use coproduce_domain::text::FieldErrors;
use coproduce_domain::time;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiQuery, Id, ListOut, created, parse_number};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/forms", C::ReadWork, list)
        .post("/api/v1/forms", C::WriteWork, create)
        .get("/api/v1/forms/{id}", C::ReadWork, read)
        .put("/api/v1/forms/{id}", C::WriteWork, update)
        .post("/api/v1/forms/{id}/open", C::WriteWork, open)
        .post("/api/v1/forms/{id}/close", C::WriteWork, close)
}

fn question_schema() -> utoipa::openapi::schema::Object {
    super::text_schema(QUESTION)
}

fn optional_question_schema() -> utoipa::openapi::schema::Object {
    super::optional_text_schema(QUESTION)
}

/// A feedback form: one question about a project, in English, Polish and Easy Read.
#[derive(Debug, Serialize, ToSchema)]
pub struct FormOut {
    pub id: i64,
    pub organisation_id: i64,
    pub project_id: i64,
    pub title: String,
    pub question: String,
    /// The question in Polish, or null: Polish readers then see the English.
    pub question_pl: Option<String>,
    /// The question in Easy Read.
    pub question_easy: String,
    /// Whether it takes answers.
    pub open: bool,
    /// When it stopped taking answers, or null while open.
    #[schema(format = DateTime)]
    pub closed_at: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    /// Where people answer it, from the server's root.
    pub address: String,
    /// How many answers it has had.
    pub answer_count: i64,
}

impl From<SaidForm> for FormOut {
    fn from(f: SaidForm) -> Self {
        FormOut {
            open: f.is_open(),
            address: format!("/say/{}", f.id),
            id: f.id,
            organisation_id: f.organisation_id,
            project_id: f.project_id,
            title: f.title,
            question: f.question,
            question_pl: f.question_pl,
            question_easy: f.question_easy,
            closed_at: f.closed_at.map(time::machine),
            created_at: time::machine(f.created_at),
            answer_count: f.answer_count,
        }
    }
}

/// A feedback form to make or change.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FormBody {
    /// The project it asks about: one of an organisation the account sees (on a
    /// change, of the form's organisation).
    #[schema(schema_with = super::id_schema)]
    pub project_id: i64,
    /// What staff call it; the heading of its page.
    #[schema(schema_with = super::short_text)]
    pub title: String,
    #[schema(schema_with = question_schema)]
    pub question: String,
    /// The question in Polish; null or empty for none.
    #[schema(schema_with = optional_question_schema)]
    pub question_pl: Option<String>,
    /// The question in Easy Read: short words, one idea a sentence.
    #[schema(schema_with = question_schema)]
    pub question_easy: String,
}

impl FormBody {
    fn draft(&self) -> FormDraft {
        FormDraft {
            project_id: Some(self.project_id),
            title: self.title.clone(),
            question: self.question.clone(),
            question_pl: self.question_pl.clone().unwrap_or_default(),
            question_easy: self.question_easy.clone(),
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FormsQuery {
    /// Return forms with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only forms of this organisation.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub organisation_id: Option<String>,
    /// Only forms of this project.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub project_id: Option<String>,
}

/// List the feedback forms the token's account sees, a page at a time, of one
/// organisation or project.
#[utoipa::path(get, path = "/api/v1/forms", tag = "inputs",
    operation_id = "listForms",
    security(("bearer" = [])),
    params(FormsQuery),
    responses(
        (status = 200, description = "A page of feedback forms, by id.", body = ListOut<FormOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<FormsQuery>,
) -> Result<Json<ListOut<FormOut>>, ApiError> {
    let mut errs = FieldErrors::new();
    let after = parse_number(&mut errs, "after", q.after.as_deref(), 0, i64::MAX);
    let limit = parse_number(
        &mut errs,
        "limit",
        q.limit.as_deref(),
        1,
        coproduce_store::PageRequest::MAX_LIMIT,
    );
    let org = parse_number(
        &mut errs,
        "organisation_id",
        q.organisation_id.as_deref(),
        1,
        i64::MAX,
    );
    let project = parse_number(
        &mut errs,
        "project_id",
        q.project_id.as_deref(),
        1,
        i64::MAX,
    );
    let page = errs.finish(|| coproduce_store::PageRequest::new(after, limit))?;
    let rows = coproduce_app::said_forms::list(&s.ctx, &viewer.actor(), page, org, project).await?;
    let base = match (org, project) {
        (Some(o), Some(p)) => format!("/api/v1/forms?organisation_id={o}&project_id={p}"),
        (None, Some(p)) => format!("/api/v1/forms?project_id={p}"),
        (Some(o), None) => format!("/api/v1/forms?organisation_id={o}"),
        (None, None) => "/api/v1/forms".into(),
    };
    Ok(Json(ListOut::from_page(
        rows,
        &base,
        page.limit,
        Into::into,
    )))
}

/// Read a feedback form.
#[utoipa::path(get, path = "/api/v1/forms/{id}", tag = "inputs",
    operation_id = "getForm",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Feedback form id")),
    responses(
        (status = 200, description = "The feedback form.", body = FormOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<FormOut>, ApiError> {
    Ok(Json(
        coproduce_app::said_forms::read(&s.ctx, &viewer.actor(), id)
            .await?
            .into(),
    ))
}

/// Make a feedback form for a project, open to answers at once.
#[utoipa::path(post, path = "/api/v1/forms", tag = "inputs",
    operation_id = "createForm",
    security(("bearer" = [])),
    request_body = FormBody,
    responses(
        (status = 201, description = "Made; `Location` is its address.", body = FormOut,
            headers(("Location" = String, description = "The new form's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn create(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiJson(body): ApiJson<FormBody>,
) -> Result<Response, ApiError> {
    let f = coproduce_app::said_forms::create(&s.ctx, &viewer.actor(), &body.draft()).await?;
    Ok(created(format!("/api/v1/forms/{}", f.id), FormOut::from(f)))
}

/// Change a feedback form's project, title or question; its answers stay.
#[utoipa::path(put, path = "/api/v1/forms/{id}", tag = "inputs",
    operation_id = "updateForm",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Feedback form id")),
    request_body = FormBody,
    responses(
        (status = 200, description = "The feedback form as changed.", body = FormOut),
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
    ApiJson(body): ApiJson<FormBody>,
) -> Result<Json<FormOut>, ApiError> {
    Ok(Json(
        coproduce_app::said_forms::change(&s.ctx, &viewer.actor(), id, &body.draft())
            .await?
            .into(),
    ))
}

/// Open a feedback form to answers; one open already stays as it is.
#[utoipa::path(post, path = "/api/v1/forms/{id}/open", tag = "inputs",
    operation_id = "openForm",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Feedback form id")),
    responses(
        (status = 200, description = "The feedback form, open.", body = FormOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn open(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<FormOut>, ApiError> {
    Ok(Json(
        coproduce_app::said_forms::set_open(&s.ctx, &viewer.actor(), id, true)
            .await?
            .into(),
    ))
}

/// Close a feedback form: it takes no more answers; one closed already stays as
/// it is.
#[utoipa::path(post, path = "/api/v1/forms/{id}/close", tag = "inputs",
    operation_id = "closeForm",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Feedback form id")),
    responses(
        (status = 200, description = "The feedback form, closed.", body = FormOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn close(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<FormOut>, ApiError> {
    Ok(Json(
        coproduce_app::said_forms::set_open(&s.ctx, &viewer.actor(), id, false)
            .await?
            .into(),
    ))
}
