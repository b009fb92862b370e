//! `/api/v1/activities/{id}/papers`: an activity's papers, adding one (its bytes
//! as base64; its type read from its content), and sending them to the people
//! coming.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::papers::PaperFormat;
use coproduce_domain::text::{FieldErrors, SHORT};
use coproduce_domain::time;
use coproduce_store::papers::Paper;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, Id, created, vocab};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

/// The largest body that adds a paper: the largest paper, as base64, with room for
/// the other fields.
pub const PAPER_BODY: usize = coproduce_domain::papers::MAX_BYTES / 3 * 4 + 64 * 1024;

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/activities/{id}/papers", C::ReadWork, list)
        .post_upload(
            "/api/v1/activities/{id}/papers",
            C::WriteWork,
            add,
            PAPER_BODY,
        )
        .post("/api/v1/activities/{id}/papers/send", C::WriteWork, send)
}

fn format_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<PaperFormat>()
}

/// A paper of an activity, without its bytes.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaperOut {
    pub id: i64,
    pub activity_id: i64,
    pub title: String,
    pub file_name: String,
    /// Its type, as read from its content.
    pub media_type: String,
    #[schema(schema_with = format_schema)]
    pub format: &'static str,
    pub size_bytes: i64,
    /// The SHA-256 of its bytes, as hex.
    pub sha256: String,
    #[schema(format = DateTime)]
    pub added_at: String,
    /// When it was first sent to the people coming; null until then.
    #[schema(format = DateTime)]
    pub sent_at: Option<String>,
}

impl From<Paper> for PaperOut {
    fn from(p: Paper) -> Self {
        PaperOut {
            id: p.id,
            activity_id: p.activity_id,
            title: p.title,
            file_name: p.file_name,
            media_type: p.media_type,
            format: p.format.slug(),
            size_bytes: p.size_bytes,
            sha256: p.sha256,
            added_at: time::machine(p.added_at),
            sent_at: p.sent_at.map(time::machine),
        }
    }
}

/// A paper to add.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaperBody {
    #[schema(schema_with = super::short_text)]
    pub title: String,
    #[schema(schema_with = format_schema)]
    pub format: String,
    /// The file's name, with the extension of its kind: .pdf, .docx, .odt, .rtf,
    /// .pptx, .xlsx, .jpg, .png, .mp3 or .txt.
    #[schema(min_length = 1, max_length = 200)]
    pub file_name: String,
    /// The file's bytes, in standard base64: at most 20 MB once decoded. Its content
    /// must be of the kind its name says.
    #[schema(min_length = 1)]
    pub content_base64: String,
}

/// List an activity's papers, oldest first, with when each was sent.
#[utoipa::path(get, path = "/api/v1/activities/{id}/papers", tag = "activities",
    operation_id = "listPapers",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "The papers.", body = Vec<PaperOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<PaperOut>>, ApiError> {
    let papers = coproduce_app::papers::list(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(papers.into_iter().map(Into::into).collect()))
}

/// Add a paper to an activity. Its type is read from its content: a file whose
/// content is not what its name says (a program renamed `.pdf`) is refused on
/// `content_base64`, as is one over 20 MB.
#[utoipa::path(post, path = "/api/v1/activities/{id}/papers", tag = "activities",
    operation_id = "addPaper",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = PaperBody,
    responses(
        (status = 201, description = "Added; `Location` is the activity's list of papers.", body = PaperOut,
            headers(("Location" = String, description = "The activity's papers"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity is cancelled.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn add(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<PaperBody>,
) -> Result<Response, ApiError> {
    let mut errs = FieldErrors::new();
    let format = vocab::<PaperFormat>(&mut errs, "format", &body.format);
    super::required(&mut errs, "title", &body.title, SHORT);
    let bytes = super::base64_file(&mut errs, "content_base64", &body.content_base64);
    let (Some(format), Some(bytes)) = (format, bytes) else {
        return Err(errs.into());
    };
    let p = coproduce_app::papers::add(
        &s.ctx,
        &viewer.actor(),
        id,
        &body.title,
        format,
        &body.file_name,
        &bytes,
    )
    .await
    .map_err(super::as_content)?;
    Ok(created(
        format!("/api/v1/activities/{id}/papers"),
        PaperOut::from(p),
    ))
}

/// Who the papers went to.
#[derive(Debug, Serialize, ToSchema)]
pub struct SentOut {
    /// People sent a link to the papers by email.
    pub emailed: usize,
    /// People reached by phone or letter, for the organiser to post the papers to.
    pub to_post: Vec<i64>,
    /// Papers sent for the first time.
    pub papers: u64,
}

/// Send an activity's papers to everyone with a place who has not said no: by
/// email with a link to read them, or listed to post. Records when each paper
/// first went out.
#[utoipa::path(post, path = "/api/v1/activities/{id}/papers/send", tag = "activities",
    operation_id = "sendPapers",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "Who the papers went to.", body = SentOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity is a draft, cancelled or over, or has no papers.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn send(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<SentOut>, ApiError> {
    let sent = coproduce_app::papers::send(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(SentOut {
        emailed: sent.emailed,
        to_post: sent.to_post,
        papers: sent.papers,
    }))
}
