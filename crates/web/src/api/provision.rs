//! `/api/v1/activities/{id}/provision`: the access support the people coming to an
//! activity need, what was booked, and whether it was met.

use axum::Json;
use axum::extract::State;
use coproduce_app::provision::Item;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::needs::Need;
use coproduce_domain::person::Language;
use coproduce_domain::text::{FieldErrors, SHORT};
use coproduce_domain::time;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, Id, vocab};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/activities/{id}/provision", C::ReadWork, list)
        .post(
            "/api/v1/activities/{id}/provision/booking",
            C::WriteWork,
            book,
        )
        .post(
            "/api/v1/activities/{id}/provision/outcome",
            C::WriteWork,
            outcome,
        )
}

fn need_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Need>()
}
fn language_schema() -> utoipa::openapi::schema::Object {
    super::nullable_vocabulary_schema::<Language>()
}

/// One thing the people coming need, how many need it, and what was done.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProvisionOut {
    #[schema(schema_with = need_schema)]
    pub need: &'static str,
    /// The language of an interpreter.
    #[schema(schema_with = language_schema)]
    pub language: Option<&'static str>,
    /// How many of the people coming need it (0 if booked for people no longer coming).
    pub people: i64,
    pub booked_with: Option<String>,
    pub booked_by: Option<String>,
    pub cost_pence: Option<i64>,
    #[schema(format = DateTime)]
    pub booked_at: Option<String>,
    /// Whether it was met; null until recorded.
    pub met: Option<bool>,
    pub reason: Option<String>,
}

impl From<Item> for ProvisionOut {
    fn from(i: Item) -> Self {
        let p = i.provision;
        ProvisionOut {
            need: i.need.slug(),
            language: i.language.map(|l| l.slug()),
            people: i.people,
            booked_with: p.as_ref().and_then(|p| p.booked_with.clone()),
            booked_by: p.as_ref().and_then(|p| p.booked_by.clone()),
            cost_pence: p.as_ref().and_then(|p| p.cost_pence),
            booked_at: p.as_ref().and_then(|p| p.booked_at.map(time::machine)),
            met: p.as_ref().and_then(|p| p.met),
            reason: p.and_then(|p| p.reason),
        }
    }
}

/// A booking for one need on the list.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BookingBody {
    #[schema(schema_with = need_schema)]
    pub need: String,
    #[serde(default)]
    #[schema(schema_with = language_schema)]
    pub language: Option<String>,
    /// From whom it was booked: an agency, a supplier or a team.
    #[schema(schema_with = super::short_text)]
    pub booked_with: String,
    /// Who booked it.
    #[serde(default)]
    #[schema(schema_with = super::optional_short_text)]
    pub booked_by: Option<String>,
    /// What it costs, in whole pence, 0 to 10,000,000.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 10000000)]
    pub cost_pence: Option<i64>,
}

/// Whether one need on the list was met.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeBody {
    #[schema(schema_with = need_schema)]
    pub need: String,
    #[serde(default)]
    #[schema(schema_with = language_schema)]
    pub language: Option<String>,
    pub met: bool,
    /// Why it was not met: needed when `met` is false; at most 1,000 characters.
    #[serde(default)]
    #[schema(schema_with = reason_schema)]
    pub reason: Option<String>,
}

fn reason_schema() -> utoipa::openapi::schema::Object {
    super::optional_text_schema(REASON)
}

/// The longest reason.
const REASON: usize = 1000;

fn item_of(
    errs: &mut FieldErrors,
    need: &str,
    language: Option<&str>,
) -> Option<(Need, Option<Language>)> {
    let need = vocab::<Need>(errs, "need", need);
    let language = match language {
        None => Some(None),
        Some(l) => vocab::<Language>(errs, "language", l).map(Some),
    };
    need.zip(language)
}

/// List the access support the people coming to an activity need, counted from the
/// needs they agreed to share (no names), with what was booked and met.
#[utoipa::path(get, path = "/api/v1/activities/{id}/provision", tag = "activities",
    operation_id = "listProvision",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "The provision list.", body = Vec<ProvisionOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<ProvisionOut>>, ApiError> {
    let items = coproduce_app::provision::list(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(items.into_iter().map(Into::into).collect()))
}

/// Record a booking for one need on the list.
#[utoipa::path(post, path = "/api/v1/activities/{id}/provision/booking", tag = "activities",
    operation_id = "bookProvision",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = BookingBody,
    responses(
        (status = 200, description = "The item as booked.", body = ProvisionOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity is cancelled, or nobody coming has shared this need.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn book(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<BookingBody>,
) -> Result<Json<ProvisionOut>, ApiError> {
    let mut errs = FieldErrors::new();
    let item = item_of(&mut errs, &body.need, body.language.as_deref());
    let with = super::required(&mut errs, "booked_with", &body.booked_with, SHORT);
    let by = super::optional(&mut errs, "booked_by", body.booked_by.as_deref(), SHORT);
    let (Some((need, language)), Some(with), Some(by)) = (item, with, by) else {
        return Err(errs.into());
    };
    let item = coproduce_app::provision::book(
        &s.ctx,
        &viewer.actor(),
        id,
        need,
        language,
        &with,
        by.as_deref(),
        body.cost_pence,
    )
    .await?;
    Ok(Json(item.into()))
}

/// Record, once the activity has started, whether one need on the list was met.
#[utoipa::path(post, path = "/api/v1/activities/{id}/provision/outcome", tag = "activities",
    operation_id = "recordProvisionOutcome",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = OutcomeBody,
    responses(
        (status = 200, description = "The item with its outcome.", body = ProvisionOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity has not started yet, or nobody coming has shared this need.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn outcome(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<OutcomeBody>,
) -> Result<Json<ProvisionOut>, ApiError> {
    let mut errs = FieldErrors::new();
    let item = item_of(&mut errs, &body.need, body.language.as_deref());
    let reason = super::optional(&mut errs, "reason", body.reason.as_deref(), REASON);
    let (Some((need, language)), Some(reason)) = (item, reason) else {
        return Err(errs.into());
    };
    let item = coproduce_app::provision::record_outcome(
        &s.ctx,
        &viewer.actor(),
        id,
        need,
        language,
        body.met,
        reason.as_deref(),
    )
    .await?;
    Ok(Json(item.into()))
}
