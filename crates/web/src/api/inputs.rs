//! `/api/v1/inputs`: "you said, we did".

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_domain::account::Capability as C;
use coproduce_domain::input::{Answer, ResponseStatus, check_answer};
use coproduce_domain::text::{FieldErrors, LONG};
use coproduce_domain::time;
use coproduce_store::inputs::{Input, InputFields};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    ApiJson, ApiQuery, Id, ListOut, created, id_field, list_base, optional, reach, required,
    scoped_page, vocab,
};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};
use coproduce_app::scope::{Owned, referenced};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/inputs", C::ReadWork, list)
        .post("/api/v1/inputs", C::WriteWork, create)
        .get("/api/v1/inputs/{id}", C::ReadWork, read)
        .put("/api/v1/inputs/{id}", C::WriteWork, update)
}

/// Something people said at an activity, and what the organisation did about it.
#[derive(Debug, Serialize, ToSchema)]
pub struct InputOut {
    pub id: i64,
    pub activity_id: i64,
    /// What people said.
    pub said: String,
    /// The date it was said (YYYY-MM-DD).
    #[schema(format = Date)]
    pub received_on: String,
    /// What was done, will be done, or why it could not be done.
    pub response: Option<String>,
    #[schema(schema_with = nullable_status_schema)]
    pub response_status: Option<String>,
    #[schema(format = Date)]
    pub responded_on: Option<String>,
    /// The date the response reached the people who gave the input.
    #[schema(format = Date)]
    pub fed_back_on: Option<String>,
    /// The ids of the people named as having said it, in id order; empty when no
    /// one is named.
    pub said_by: Vec<i64>,
}

fn nullable_status_schema() -> utoipa::openapi::schema::Object {
    super::nullable_vocabulary_schema::<ResponseStatus>()
}

fn optional_status_schema() -> utoipa::openapi::schema::Schema {
    super::optional_vocabulary_schema::<ResponseStatus>()
}

impl From<Input> for InputOut {
    fn from(i: Input) -> Self {
        InputOut {
            id: i.id,
            activity_id: i.activity_id,
            said: i.said,
            received_on: i.received_on.to_string(),
            response: i.response,
            response_status: i.response_status,
            responded_on: i.responded_on.map(|d| d.to_string()),
            fed_back_on: i.fed_back_on.map(|d| d.to_string()),
            said_by: i.said_by,
        }
    }
}

/// The fields of an input. Dates are `YYYY-MM-DD`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InputBody {
    #[schema(minimum = 1)]
    pub activity_id: i64,
    /// What people said.
    #[schema(schema_with = super::long_text)]
    pub said: String,
    /// The day it was said; not after today.
    #[schema(format = Date)]
    pub received_on: String,
    /// What was done, will be done, or why it could not be done; given with a
    /// `response_status`, and only with one.
    #[schema(schema_with = super::optional_long_text)]
    pub response: Option<String>,
    #[schema(schema_with = optional_status_schema)]
    pub response_status: Option<String>,
    /// The day of the response: not before `received_on`, not after today.
    #[schema(schema_with = super::optional_date_schema)]
    pub responded_on: Option<String>,
    /// The day the response reached the people who gave the input: only with a
    /// response, not before `received_on`, not after today.
    #[schema(schema_with = super::optional_date_schema)]
    pub fed_back_on: Option<String>,
    /// The ids of people who said it, each on the activity's roster (invited, came
    /// or did not come); leave out, or give an empty list, to name no one. On a
    /// change, the list replaces the one held.
    #[schema(schema_with = said_by_schema)]
    pub said_by: Option<Vec<i64>>,
}

fn said_by_schema() -> utoipa::openapi::schema::Schema {
    super::id_list_schema(0, 100)
}

impl InputBody {
    pub(crate) fn check(&self, today: chrono::NaiveDate) -> Result<InputFields, ApiError> {
        let mut errs = FieldErrors::new();
        let activity_id = id_field(&mut errs, "activity_id", self.activity_id);
        let said = required(&mut errs, "said", &self.said, LONG);
        let received_on = errs.take("received_on", time::parse_date(&self.received_on));
        let response = optional(&mut errs, "response", self.response.as_deref(), LONG);
        let status = match self.response_status.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => vocab::<ResponseStatus>(&mut errs, "response_status", s).map(Some),
        };
        let mut date = |field: &str, raw: &Option<String>| match raw.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => errs.take(field, time::parse_date(s)).map(Some),
        };
        let responded_on = date("responded_on", &self.responded_on);
        let fed_back_on = date("fed_back_on", &self.fed_back_on);
        let mut said_by = self.said_by.clone().unwrap_or_default();
        if said_by.len() > 100 {
            errs.add(
                "said_by",
                coproduce_domain::text::Problem::OutOfRange {
                    min: 0,
                    max: 100,
                    given: said_by.len() as i64,
                },
            );
        }
        if said_by.iter().any(|id| *id < 1) {
            errs.add("said_by", coproduce_domain::text::Problem::NotAnId);
        }
        said_by.sort_unstable();
        if let Some(w) = said_by.windows(2).find(|w| w[0] == w[1]) {
            errs.add(
                "said_by",
                coproduce_domain::text::Problem::KeyUsedTwice {
                    what: "person",
                    key: w[0].to_string(),
                },
            );
        }
        let (
            Some(activity_id),
            Some(said),
            Some(received_on),
            Some(response),
            Some(response_status),
            Some(responded_on),
            Some(fed_back_on),
        ) = (
            activity_id,
            said,
            received_on,
            response,
            status,
            responded_on,
            fed_back_on,
        )
        else {
            return Err(errs.into());
        };
        check_answer(
            &Answer {
                received_on,
                response: response.as_deref(),
                status: response_status,
                responded_on,
                fed_back_on,
            },
            today,
            &mut errs,
        );
        errs.finish(|| InputFields {
            activity_id,
            said,
            received_on,
            response,
            response_status,
            responded_on,
            fed_back_on,
            said_by,
        })
        .map_err(Into::into)
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct InputsQuery {
    /// Return inputs with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many inputs to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only inputs given at this activity.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub activity_id: Option<String>,
}

/// List "you said, we did" inputs, a page at a time, of one activity or of every
/// activity the token's account sees.
#[utoipa::path(get, path = "/api/v1/inputs", tag = "inputs",
    operation_id = "listInputs",
    security(("bearer" = [])),
    params(InputsQuery),
    responses(
        (status = 200, description = "A page of inputs, by id.", body = ListOut<InputOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<InputsQuery>,
) -> Result<Json<ListOut<InputOut>>, ApiError> {
    let (page, activity) = scoped_page(
        q.after.as_deref(),
        q.limit.as_deref(),
        "activity_id",
        q.activity_id.as_deref(),
    )?;
    if let Some(a) = activity {
        referenced(&s.ctx, &viewer.actor(), Owned::Activity, "activity_id", a).await?;
    }
    let rows = s.store.inputs(page, reach(&viewer, activity)?).await?;
    let base = list_base("/api/v1/inputs", "activity_id", activity);
    Ok(Json(ListOut::from_page(
        rows,
        &base,
        page.limit,
        Into::into,
    )))
}

/// Read an input and what was done about it.
#[utoipa::path(get, path = "/api/v1/inputs/{id}", tag = "inputs",
    operation_id = "getInput",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Input id")),
    responses(
        (status = 200, description = "The input.", body = InputOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<InputOut>, ApiError> {
    let i = s.store.input(id).await?;
    viewer.check(s.store.organisation_of_activity(i.activity_id).await?)?;
    Ok(Json(i.into()))
}

/// Record something people said at an activity.
#[utoipa::path(post, path = "/api/v1/inputs", tag = "inputs",
    operation_id = "createInput",
    security(("bearer" = [])),
    request_body = InputBody,
    responses(
        (status = 201, description = "Recorded; `Location` is its address.", body = InputOut,
            headers(("Location" = String, description = "The new input's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn create(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiJson(body): ApiJson<InputBody>,
) -> Result<Response, ApiError> {
    let fields = body.check(crate::today(&s.ctx))?;
    let i = coproduce_app::work::create_input(&s.ctx, &viewer.actor(), &fields).await?;
    Ok(created(
        format!("/api/v1/inputs/{}", i.id),
        InputOut::from(i),
    ))
}

/// Replace an input's fields: say what was done about it, and when it was fed back.
#[utoipa::path(put, path = "/api/v1/inputs/{id}", tag = "inputs",
    operation_id = "updateInput",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Input id")),
    request_body = InputBody,
    responses(
        (status = 200, description = "The input as changed.", body = InputOut),
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
    ApiJson(body): ApiJson<InputBody>,
) -> Result<Json<InputOut>, ApiError> {
    let fields = body.check(crate::today(&s.ctx))?;
    Ok(Json(
        coproduce_app::work::update_input(&s.ctx, &viewer.actor(), id, &fields)
            .await?
            .into(),
    ))
}
