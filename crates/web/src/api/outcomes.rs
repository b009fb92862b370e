//! `/api/v1/outcomes`: the changes people's contributions led to, the inputs behind
//! each, and their evidence.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_app::outcomes::OutcomeRecord;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::outcome::{OutcomeDraft, OutcomeKind};
use coproduce_domain::text::{FieldErrors, SHORT};
use coproduce_domain::time;
use coproduce_store::outcomes::{Evidence, Outcome};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiQuery, Id, ListOut, created, parse_number};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/outcomes", C::ReadWork, list)
        .post("/api/v1/organisations/{id}/outcomes", C::WriteWork, create)
        .get("/api/v1/outcomes/{id}", C::ReadWork, read)
        .put("/api/v1/outcomes/{id}", C::WriteWork, update)
        .post_upload(
            "/api/v1/outcomes/{id}/evidence",
            C::WriteWork,
            add_evidence,
            super::papers::PAPER_BODY,
        )
}

fn kind_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<OutcomeKind>()
}

/// A file of evidence, without its bytes (they are at `/outcomes/ID/evidence/ID`).
#[derive(Debug, Serialize, ToSchema)]
pub struct EvidenceOut {
    pub id: i64,
    pub title: String,
    pub file_name: String,
    /// Its type, as read from its content.
    pub media_type: String,
    pub size_bytes: i64,
    /// The SHA-256 of its bytes, as hex.
    pub sha256: String,
    #[schema(format = DateTime)]
    pub added_at: String,
}

impl From<Evidence> for EvidenceOut {
    fn from(e: Evidence) -> Self {
        EvidenceOut {
            id: e.id,
            title: e.title,
            file_name: e.file_name,
            media_type: e.media_type,
            size_bytes: e.size_bytes,
            sha256: e.sha256,
            added_at: time::machine(e.added_at),
        }
    }
}

/// A change people's contributions led to.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomeOut {
    pub id: i64,
    pub organisation_id: i64,
    pub project_id: Option<i64>,
    pub title: String,
    #[schema(schema_with = kind_schema)]
    pub kind: &'static str,
    /// The day the change was made.
    #[schema(format = Date)]
    pub happened_on: String,
    /// What difference it made, and to whom.
    pub impact: String,
    /// How many inputs it is linked to.
    pub input_count: i64,
}

impl From<Outcome> for OutcomeOut {
    fn from(o: Outcome) -> Self {
        OutcomeOut {
            id: o.id,
            organisation_id: o.organisation_id,
            project_id: o.project_id,
            title: o.title,
            kind: o.kind.slug(),
            happened_on: o.happened_on.to_string(),
            impact: o.impact,
            input_count: o.input_count,
        }
    }
}

/// An outcome with the inputs behind it and its evidence.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomeRecordOut {
    #[serde(flatten)]
    pub outcome: OutcomeOut,
    /// The ids of the inputs behind it, in id order.
    pub inputs: Vec<i64>,
    pub evidence: Vec<EvidenceOut>,
}

impl From<OutcomeRecord> for OutcomeRecordOut {
    fn from(r: OutcomeRecord) -> Self {
        OutcomeRecordOut {
            outcome: r.outcome.into(),
            inputs: r.inputs.iter().map(|i| i.id).collect(),
            evidence: r.evidence.into_iter().map(Into::into).collect(),
        }
    }
}

/// An outcome to record or change.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRecordBody {
    #[schema(schema_with = super::short_text)]
    pub title: String,
    #[schema(schema_with = kind_schema)]
    pub kind: String,
    /// The day the change was made: not after today.
    #[schema(format = Date)]
    pub happened_on: String,
    /// What difference it made, and to whom.
    #[schema(schema_with = super::long_text)]
    pub impact: String,
    /// A project of the organisation, or null.
    #[schema(schema_with = super::optional_id_schema)]
    pub project_id: Option<i64>,
    /// The inputs behind it, each of the organisation, each once; on a change, the
    /// list replaces the one held.
    #[schema(schema_with = inputs_schema)]
    pub inputs: Option<Vec<i64>>,
}

fn inputs_schema() -> utoipa::openapi::schema::Schema {
    super::id_list_schema(0, coproduce_domain::outcome::MAX_INPUTS)
}

impl OutcomeRecordBody {
    fn draft(&self) -> OutcomeDraft {
        OutcomeDraft {
            title: self.title.clone(),
            kind: self.kind.clone(),
            happened_on: self.happened_on.clone(),
            impact: self.impact.clone(),
            project_id: self.project_id,
            inputs: self.inputs.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OutcomesQuery {
    /// Return outcomes with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only outcomes of this organisation.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub organisation_id: Option<String>,
    /// Only outcomes of this project.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub project_id: Option<String>,
}

/// List the outcomes the token's account sees, a page at a time, of one
/// organisation or project.
#[utoipa::path(get, path = "/api/v1/outcomes", tag = "inputs",
    operation_id = "listOutcomes",
    security(("bearer" = [])),
    params(OutcomesQuery),
    responses(
        (status = 200, description = "A page of outcomes, by id.", body = ListOut<OutcomeOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<OutcomesQuery>,
) -> Result<Json<ListOut<OutcomeOut>>, ApiError> {
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
    let rows = coproduce_app::outcomes::list(&s.ctx, &viewer.actor(), page, org, project).await?;
    let base = match (org, project) {
        (_, Some(p)) => format!("/api/v1/outcomes?project_id={p}"),
        (Some(o), None) => format!("/api/v1/outcomes?organisation_id={o}"),
        (None, None) => "/api/v1/outcomes".into(),
    };
    Ok(Json(ListOut::from_page(
        rows,
        &base,
        page.limit,
        Into::into,
    )))
}

/// Read an outcome, with the inputs behind it and its evidence.
#[utoipa::path(get, path = "/api/v1/outcomes/{id}", tag = "inputs",
    operation_id = "getOutcome",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Outcome id")),
    responses(
        (status = 200, description = "The outcome.", body = OutcomeRecordOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<OutcomeRecordOut>, ApiError> {
    Ok(Json(
        coproduce_app::outcomes::read(&s.ctx, &viewer.actor(), id)
            .await?
            .into(),
    ))
}

/// Record a change people's contributions led to, linked to the inputs behind it.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/outcomes", tag = "inputs",
    operation_id = "createOutcome",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id")),
    request_body = OutcomeRecordBody,
    responses(
        (status = 201, description = "Recorded; `Location` is its address.", body = OutcomeRecordOut,
            headers(("Location" = String, description = "The new outcome's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn create(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(org): Id,
    ApiJson(body): ApiJson<OutcomeRecordBody>,
) -> Result<Response, ApiError> {
    let o = coproduce_app::outcomes::create(&s.ctx, &viewer.actor(), org, &body.draft()).await?;
    let r = coproduce_app::outcomes::read(&s.ctx, &viewer.actor(), o.id).await?;
    Ok(created(
        format!("/api/v1/outcomes/{}", o.id),
        OutcomeRecordOut::from(r),
    ))
}

/// Change an outcome: the inputs given replace those it had.
#[utoipa::path(put, path = "/api/v1/outcomes/{id}", tag = "inputs",
    operation_id = "updateOutcome",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Outcome id")),
    request_body = OutcomeRecordBody,
    responses(
        (status = 200, description = "The outcome as changed.", body = OutcomeRecordOut),
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
    ApiJson(body): ApiJson<OutcomeRecordBody>,
) -> Result<Json<OutcomeRecordOut>, ApiError> {
    coproduce_app::outcomes::update(&s.ctx, &viewer.actor(), id, &body.draft()).await?;
    Ok(Json(
        coproduce_app::outcomes::read(&s.ctx, &viewer.actor(), id)
            .await?
            .into(),
    ))
}

/// A file to keep as evidence.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceBody {
    #[schema(schema_with = super::short_text)]
    pub title: String,
    /// The file's name, with the extension of its kind: .pdf, .docx, .odt, .rtf,
    /// .pptx, .xlsx, .jpg, .png, .mp3 or .txt.
    #[schema(min_length = 1, max_length = 200)]
    pub file_name: String,
    /// The file's bytes, in standard base64: at most 20 MB once decoded. Its content
    /// must be of the kind its name says.
    #[schema(min_length = 1)]
    pub content_base64: String,
}

/// Keep a file as evidence of an outcome. Its type is read from its content: a
/// file whose content is not what its name says is refused on `content_base64`, as
/// is one over 20 MB.
#[utoipa::path(post, path = "/api/v1/outcomes/{id}/evidence", tag = "inputs",
    operation_id = "addOutcomeEvidence",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Outcome id")),
    request_body = EvidenceBody,
    responses(
        (status = 201, description = "Kept; `Location` is the outcome.", body = EvidenceOut,
            headers(("Location" = String, description = "The outcome's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn add_evidence(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<EvidenceBody>,
) -> Result<Response, ApiError> {
    let mut errs = FieldErrors::new();
    super::required(&mut errs, "title", &body.title, SHORT);
    let bytes = super::base64_file(&mut errs, "content_base64", &body.content_base64);
    let Some(bytes) = bytes else {
        return Err(errs.into());
    };
    let e = coproduce_app::outcomes::add_evidence(
        &s.ctx,
        &viewer.actor(),
        id,
        &body.title,
        &body.file_name,
        &bytes,
    )
    .await
    .map_err(super::as_content)?;
    Ok(created(
        format!("/api/v1/outcomes/{id}"),
        EvidenceOut::from(e),
    ))
}
