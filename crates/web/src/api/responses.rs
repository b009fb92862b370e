//! `/api/v1/inputs/{id}/…`: the responses given to an input, whom each reached,
//! feedback given by hand, and publishing it on its organisation's public page.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use coproduce_app::inputs::{InputRecord, Reached};
use coproduce_domain::account::Capability as C;
use coproduce_domain::input::{self, ResponseStatus};
use coproduce_domain::text::FieldErrors;
use coproduce_domain::time;
use coproduce_store::inputs::{GivenResponse, Told};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::inputs::{InputOut, optional_date, optional_id, out, status_schema};
use super::{ApiJson, Id, created, vocab};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/inputs/{id}/responses", C::ReadWork, responses)
        .post("/api/v1/inputs/{id}/responses", C::WriteWork, respond)
        .get("/api/v1/inputs/{id}/told", C::ReadPeople, told)
        .post(
            "/api/v1/inputs/{id}/told/{told_id}/done",
            C::WriteWork,
            told_by_hand,
        )
        .post("/api/v1/inputs/{id}/fed-back", C::WriteWork, fed_back)
        .post("/api/v1/inputs/{id}/publish", C::WriteWork, publish)
        .post("/api/v1/inputs/{id}/unpublish", C::WriteWork, unpublish)
}

/// One response given to an input, as it was given.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResponseOut {
    pub id: i64,
    #[schema(schema_with = status_schema)]
    pub status: String,
    pub response: String,
    #[schema(format = Date)]
    pub will_do_by: Option<String>,
    pub owner_account_id: Option<i64>,
    #[schema(format = Date)]
    pub given_on: String,
    #[schema(format = DateTime)]
    pub given_at: String,
    /// The account that gave it; null for one recorded before responses were kept.
    pub given_by: Option<i64>,
    /// Whether it went to the people who gave the input: the first response, and
    /// each that changed the status.
    pub sent: bool,
}

impl From<GivenResponse> for ResponseOut {
    fn from(r: GivenResponse) -> Self {
        ResponseOut {
            id: r.id,
            status: r.status,
            response: r.response,
            will_do_by: r.will_do_by.map(|d| d.to_string()),
            owner_account_id: r.owner_account_id,
            given_on: r.given_on.to_string(),
            given_at: time::machine(r.given_at),
            given_by: r.given_by,
            sent: r.told,
        }
    }
}

/// Every response given to an input, first given first: its history.
#[utoipa::path(get, path = "/api/v1/inputs/{id}/responses", tag = "inputs",
    operation_id = "listInputResponses",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Input id")),
    responses(
        (status = 200, description = "The responses, first given first.", body = Vec<ResponseOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn responses(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<ResponseOut>>, ApiError> {
    let r: InputRecord = coproduce_app::inputs::read(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(r.responses.into_iter().map(Into::into).collect()))
}

/// A response to give.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseBody {
    #[schema(schema_with = status_schema)]
    pub status: String,
    /// What was done, what will be done, why it cannot be, or what is being
    /// weighed: written for the people who said it.
    #[schema(schema_with = super::long_text)]
    pub response: String,
    /// The staff account answering for it, of the input's organisation.
    #[schema(minimum = 1)]
    pub owner_account_id: Option<i64>,
    /// By when it will be done: needed for `will-do`, not before the input was
    /// received; not kept with another status.
    #[schema(schema_with = super::optional_date_schema)]
    pub will_do_by: Option<String>,
}

/// Whom a response reached.
#[derive(Debug, Serialize, ToSchema)]
pub struct RespondedOut {
    pub input: InputOut,
    /// Whether it went to the people who said it: the first response, and each
    /// that changes the status. New words with the same status are kept only.
    pub sent: bool,
    /// How many were emailed.
    pub emailed: usize,
    /// The names of those to post a letter to or phone (see `…/told`).
    pub to_tell: Vec<String>,
    /// The names of those not told, having withdrawn consent to contact; the owner
    /// is emailed their names.
    pub held_back: Vec<String>,
}

/// Give a response. The first, and each that changes the status, goes to
/// everyone named as having said it, each the way they prefer: emailed now, or
/// listed to post or phone. Someone who withdrew consent to contact is not told,
/// and the owner is emailed their name.
#[utoipa::path(post, path = "/api/v1/inputs/{id}/responses", tag = "inputs",
    operation_id = "respondToInput",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Input id")),
    request_body = ResponseBody,
    responses(
        (status = 201, description = "Given; `Location` is the input's responses.", body = RespondedOut,
            headers(("Location" = String, description = "The input's responses"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn respond(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<ResponseBody>,
) -> Result<Response, ApiError> {
    let mut errs = FieldErrors::new();
    let status = vocab::<ResponseStatus>(&mut errs, "status", &body.status);
    let will_do_by = optional_date(&mut errs, "will_do_by", body.will_do_by.as_deref());
    let owner = optional_id(&mut errs, "owner_account_id", body.owner_account_id);
    errs.finish(|| ())?;
    let reached: Reached = coproduce_app::inputs::respond(
        &s.ctx,
        &viewer.actor(),
        id,
        &input::Response {
            status,
            text: &body.response,
            owner,
            will_do_by,
        },
    )
    .await?;
    let r = coproduce_app::inputs::read(&s.ctx, &viewer.actor(), id).await?;
    Ok(created(
        format!("/api/v1/inputs/{id}/responses"),
        RespondedOut {
            input: out(r.input, crate::today(&s.ctx)),
            sent: reached.sent,
            emailed: reached.emailed,
            to_tell: reached.to_tell,
            held_back: reached.held_back,
        },
    ))
}

/// Whom a response was to reach, how, and the day it did.
#[derive(Debug, Serialize, ToSchema)]
pub struct InputToldOut {
    pub id: i64,
    pub response_id: i64,
    pub person_id: i64,
    pub name: String,
    /// `email`, `letter`, `phone`, or `held-back` (withdrew consent to contact:
    /// not told).
    #[schema(pattern = "^(email|letter|phone|held-back)$")]
    pub reach: String,
    /// The day it reached them; null while a letter or call waits, and when held
    /// back.
    #[schema(format = Date)]
    pub told_on: Option<String>,
}

impl From<Told> for InputToldOut {
    fn from(t: Told) -> Self {
        InputToldOut {
            id: t.id,
            response_id: t.response_id,
            person_id: t.person_id,
            name: t.person_name,
            reach: t.reach,
            told_on: t.told_on.map(|d| d.to_string()),
        }
    }
}

/// Whom each response to an input was to reach, newest response first.
#[utoipa::path(get, path = "/api/v1/inputs/{id}/told", tag = "inputs",
    operation_id = "listInputTold",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Input id")),
    responses(
        (status = 200, description = "Whom each response was to reach.", body = Vec<InputToldOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn told(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<InputToldOut>>, ApiError> {
    let r = coproduce_app::inputs::read(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(r.told.into_iter().map(Into::into).collect()))
}

/// Record that a letter was posted, or a call made, today. Someone emailed,
/// someone held back, or one already recorded answers 409.
#[utoipa::path(post, path = "/api/v1/inputs/{id}/told/{told_id}/done", tag = "inputs",
    operation_id = "recordInputToldByHand",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, minimum = 1, description = "Input id"),
        ("told_id" = i64, Path, minimum = 1, description = "The id of the row in `…/told`"),
    ),
    responses(
        (status = 200, description = "Recorded.", body = InputToldOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "They were emailed, or held back, or it was already recorded.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn told_by_hand(
    State(s): State<AppState>,
    viewer: Viewer,
    Path((raw, told_raw)): Path<(String, String)>,
) -> Result<Json<InputToldOut>, ApiError> {
    let (id, told_id) = super::two_ids(&raw, &told_raw)?;
    let t = coproduce_app::inputs::mark_told(&s.ctx, &viewer.actor(), id, told_id).await?;
    Ok(Json(t.into()))
}

/// The day a response was given by hand.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FedBackBody {
    /// The day: not before the input was received, not after today.
    #[schema(format = Date)]
    pub fed_back_on: String,
}

/// Record the day a response was given by hand (read out at a meeting, say), for
/// people not named. Needs a response; an earlier day replaces a later one.
#[utoipa::path(post, path = "/api/v1/inputs/{id}/fed-back", tag = "inputs",
    operation_id = "recordInputFedBack",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Input id")),
    request_body = FedBackBody,
    responses(
        (status = 200, description = "Recorded.", body = InputOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn fed_back(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<FedBackBody>,
) -> Result<Json<InputOut>, ApiError> {
    let mut errs = FieldErrors::new();
    let on = errs.take("fed_back_on", time::parse_date(&body.fed_back_on));
    let Some(on) = on else {
        return Err(errs.into());
    };
    let i = coproduce_app::inputs::record_fed_back(&s.ctx, &viewer.actor(), id, on).await?;
    Ok(Json(out(i, crate::today(&s.ctx))))
}

/// What is published of an input on its organisation's public page.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicationOut {
    /// What was said, as approved.
    pub said: String,
    /// The response, as approved.
    pub response: String,
    #[schema(schema_with = status_schema)]
    pub status: String,
    #[schema(format = Date)]
    pub will_do_by: Option<String>,
    #[schema(format = DateTime)]
    pub published_at: String,
}

/// Publish an answered input on its organisation's public "You said, we did"
/// page (`/you-said-we-did/ORGANISATION`), as its words are now. Refused on
/// `said` or `response` while either names a person known to the organisation or
/// holds an email address or a phone number; 409 before there is a response.
#[utoipa::path(post, path = "/api/v1/inputs/{id}/publish", tag = "inputs",
    operation_id = "publishInput",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Input id")),
    responses(
        (status = 200, description = "Published.", body = PublicationOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It has no response yet.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn publish(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<PublicationOut>, ApiError> {
    let p = coproduce_app::published::publish(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(PublicationOut {
        said: p.said,
        response: p.response,
        status: p.status,
        will_do_by: p.will_do_by.map(|d| d.to_string()),
        published_at: time::machine(p.published_at),
    }))
}

/// Take an input off the public page; 409 when it is not on it.
#[utoipa::path(post, path = "/api/v1/inputs/{id}/unpublish", tag = "inputs",
    operation_id = "unpublishInput",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Input id")),
    responses(
        (status = 200, description = "Taken off; the input.", body = InputOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It is not on the public page.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn unpublish(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<InputOut>, ApiError> {
    coproduce_app::published::unpublish(&s.ctx, &viewer.actor(), id).await?;
    let r = coproduce_app::inputs::read(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(out(r.input, crate::today(&s.ctx))))
}
