//! `/api/v1/payments`: payments for taking part as a ledger (worked out for an
//! activity, approved, marked paid, put right by a reversal), and each person's
//! choices about them (`/api/v1/people/{id}/recognition-choices`). Money is whole
//! pence; a reversal's amount is negative.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_app::payments::Worked;
use coproduce_app::payments::{Payment, PaymentFilter, StoredChoice};
use coproduce_domain::account::Capability as C;
use coproduce_domain::payment::{ChoiceDraft, PaidAs, PaymentChoice, PaymentStatus, REASON};
use coproduce_domain::text::FieldErrors;
use coproduce_domain::time;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiQuery, Id, ListOut, created, parse_number};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/payments", C::ManagePayments, list)
        .get("/api/v1/payments/{id}", C::ManagePayments, read)
        .post(
            "/api/v1/activities/{id}/payments",
            C::ManagePayments,
            work_out,
        )
        .post(
            "/api/v1/payments/{id}/approve",
            C::ManageRecognition,
            approve,
        )
        .post("/api/v1/payments/{id}/paid", C::ManageRecognition, paid)
        .post("/api/v1/payments/{id}/reverse", C::ManagePayments, reverse)
        .get(
            "/api/v1/people/{id}/recognition-choices",
            C::ReadPeople,
            choices,
        )
        .post(
            "/api/v1/people/{id}/recognition-choices",
            C::WritePeople,
            record_choice,
        )
}

fn status_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<PaymentStatus>()
}
fn paid_as_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<PaidAs>()
}
fn choice_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<PaymentChoice>()
}
fn reason_schema() -> utoipa::openapi::schema::Object {
    super::text_schema(REASON)
}

/// An entry of the payments ledger.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentOut {
    pub id: i64,
    pub organisation_id: i64,
    pub person_id: i64,
    pub activity_id: Option<i64>,
    pub project_id: Option<i64>,
    /// The version of the recognition policy it was worked out under.
    pub policy_id: Option<i64>,
    /// The tier, basis and rate it was worked out at, and the minutes the activity
    /// lasted and the person came for.
    pub tier: Option<String>,
    pub basis: Option<String>,
    pub rate_pence: Option<i64>,
    pub scheduled_minutes: Option<i64>,
    pub attended_minutes: Option<i64>,
    /// In whole pence: negative for a reversal.
    pub amount_pence: i64,
    #[schema(schema_with = paid_as_schema)]
    pub paid_as: String,
    pub charity: Option<String>,
    /// The entry this one reverses, and why.
    pub reverses_id: Option<i64>,
    pub reason: Option<String>,
    /// The entry that reverses this one.
    pub reversed_by: Option<i64>,
    #[schema(schema_with = status_schema)]
    pub status: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    pub created_by: Option<i64>,
    #[schema(format = DateTime)]
    pub approved_at: Option<String>,
    pub approved_by: Option<i64>,
    #[schema(format = Date)]
    pub paid_on: Option<String>,
}

impl From<Payment> for PaymentOut {
    fn from(p: Payment) -> Self {
        PaymentOut {
            id: p.id,
            organisation_id: p.organisation_id,
            person_id: p.person_id,
            activity_id: p.activity_id,
            project_id: p.project_id,
            policy_id: p.policy_id,
            tier: p.tier,
            basis: p.basis,
            rate_pence: p.rate_pence,
            scheduled_minutes: p.scheduled_minutes,
            attended_minutes: p.attended_minutes,
            amount_pence: p.amount_pence,
            paid_as: p.paid_as,
            charity: p.charity,
            reverses_id: p.reverses_id,
            reason: p.reason,
            reversed_by: p.reversed_by,
            status: p.status,
            created_at: time::machine(p.created_at),
            created_by: p.created_by,
            approved_at: p.approved_at.map(time::machine),
            approved_by: p.approved_by,
            paid_on: p.paid_on.map(|d| d.to_string()),
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PaymentsQuery {
    /// Return entries with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only entries of this organisation.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub organisation_id: Option<String>,
    /// Only entries for this person.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub person_id: Option<String>,
    /// Only entries for this activity.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub activity_id: Option<String>,
    /// Only entries that stand here.
    #[param(schema_with = status_schema)]
    pub status: Option<String>,
}

/// List the payments ledger, a page at a time, narrowed as asked.
#[utoipa::path(get, path = "/api/v1/payments", tag = "recognition",
    operation_id = "listPayments",
    security(("bearer" = [])),
    params(PaymentsQuery),
    responses(
        (status = 200, description = "A page of entries, by id.", body = ListOut<PaymentOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<PaymentsQuery>,
) -> Result<Json<ListOut<PaymentOut>>, ApiError> {
    let mut errs = FieldErrors::new();
    let after = parse_number(&mut errs, "after", q.after.as_deref(), 0, i64::MAX);
    let limit = parse_number(
        &mut errs,
        "limit",
        q.limit.as_deref(),
        1,
        coproduce_store::PageRequest::MAX_LIMIT,
    );
    let mut id = |field: &str, raw: &Option<String>| {
        parse_number(&mut errs, field, raw.as_deref(), 1, i64::MAX)
    };
    let filter = PaymentFilter {
        organisation_id: id("organisation_id", &q.organisation_id),
        person_id: id("person_id", &q.person_id),
        activity_id: id("activity_id", &q.activity_id),
        status: match q.status.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => super::vocab(&mut errs, "status", s),
        },
        ..PaymentFilter::default()
    };
    let page = errs.finish(|| coproduce_store::PageRequest::new(after, limit))?;
    let mut pairs: Vec<(&str, String)> = Vec::new();
    for (name, v) in [
        ("organisation_id", filter.organisation_id),
        ("person_id", filter.person_id),
        ("activity_id", filter.activity_id),
    ] {
        if let Some(v) = v {
            pairs.push((name, v.to_string()));
        }
    }
    if let Some(st) = filter.status {
        pairs.push(("status", coproduce_domain::Vocabulary::slug(st).into()));
    }
    let base = if pairs.is_empty() {
        "/api/v1/payments".to_string()
    } else {
        format!(
            "/api/v1/payments?{}",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    };
    let rows = coproduce_app::payments::list(&s.ctx, &viewer.actor(), page, filter).await?;
    Ok(Json(ListOut::from_page(
        rows,
        &base,
        page.limit,
        Into::into,
    )))
}

/// Read an entry of the payments ledger.
#[utoipa::path(get, path = "/api/v1/payments/{id}", tag = "recognition",
    operation_id = "getPayment",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Payment id")),
    responses(
        (status = 200, description = "The entry.", body = PaymentOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<PaymentOut>, ApiError> {
    Ok(Json(
        coproduce_app::payments::read(&s.ctx, &viewer.actor(), id)
            .await?
            .into(),
    ))
}

/// The tier an activity's payments are worked out at.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOutBody {
    /// The key of a tier of the recognition policy in force on the activity's day.
    #[schema(min_length = 1, max_length = 40)]
    pub tier: String,
}

/// What working out an activity's payments did.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkedOut {
    /// The entries made, waiting for approval.
    pub created: Vec<PaymentOut>,
    /// The names of those who came but declined payment.
    pub declined: Vec<String>,
    /// The names of those paid for it already.
    pub already: Vec<String>,
    /// The names of those who came for no time the policy pays for.
    pub no_fee: Vec<String>,
}

/// Work out an activity's payments, at a tier of the recognition policy in force on
/// its day, for everyone who came and has not been paid for it: each as their choice
/// on that day says, none for someone who declined.
#[utoipa::path(post, path = "/api/v1/activities/{id}/payments", tag = "recognition",
    operation_id = "createActivityPayments",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = WorkOutBody,
    responses(
        (status = 200, description = "What was made, and who was not paid and why.", body = WorkedOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity was called off or has not finished, or no policy in force on its day offers payment. Nothing was written.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn work_out(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<WorkOutBody>,
) -> Result<Json<WorkedOut>, ApiError> {
    let actor = viewer.actor();
    let Worked {
        created,
        declined,
        already,
        no_fee,
    } = coproduce_app::payments::work_out(&s.ctx, &actor, id, &body.tier).await?;
    let mut made = Vec::new();
    for p in created {
        made.push(
            coproduce_app::payments::read(&s.ctx, &actor, p)
                .await?
                .into(),
        );
    }
    Ok(Json(WorkedOut {
        created: made,
        declined,
        already,
        no_fee,
    }))
}

/// Approve an entry waiting for approval: someone other than whoever created it.
#[utoipa::path(post, path = "/api/v1/payments/{id}/approve", tag = "recognition",
    operation_id = "approvePayment",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Payment id")),
    responses(
        (status = 200, description = "The entry, approved.", body = PaymentOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It is approved already, or the token's account created it. Nothing was written.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn approve(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<PaymentOut>, ApiError> {
    Ok(Json(
        coproduce_app::payments::approve(&s.ctx, &viewer.actor(), id)
            .await?
            .into(),
    ))
}

/// The day an entry was paid.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaidBody {
    /// Not after today, nor before it was approved.
    #[schema(format = Date)]
    pub paid_on: String,
}

/// Mark an approved entry paid, with the day it was paid.
#[utoipa::path(post, path = "/api/v1/payments/{id}/paid", tag = "recognition",
    operation_id = "recordPaymentPaid",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Payment id")),
    request_body = PaidBody,
    responses(
        (status = 200, description = "The entry, paid.", body = PaymentOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It is waiting for approval, or is marked paid already. Nothing was written.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn paid(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<PaidBody>,
) -> Result<Json<PaymentOut>, ApiError> {
    Ok(Json(
        coproduce_app::payments::mark_paid(&s.ctx, &viewer.actor(), id, &body.paid_on)
            .await?
            .into(),
    ))
}

/// Why an entry is reversed.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReverseBody {
    #[schema(schema_with = reason_schema)]
    pub reason: String,
}

/// Put a mistake right: a new entry reversing this one, waiting for approval.
#[utoipa::path(post, path = "/api/v1/payments/{id}/reverse", tag = "recognition",
    operation_id = "createPaymentReversal",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Payment id")),
    request_body = ReverseBody,
    responses(
        (status = 201, description = "The reversing entry; `Location` is its address.", body = PaymentOut,
            headers(("Location" = String, description = "The reversing entry's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It is itself a reversal, or has been reversed already. Nothing was written.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn reverse(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<ReverseBody>,
) -> Result<Response, ApiError> {
    let p = coproduce_app::payments::reverse(&s.ctx, &viewer.actor(), id, &body.reason).await?;
    Ok(created(
        format!("/api/v1/payments/{}", p.id),
        PaymentOut::from(p),
    ))
}

/// A person's choice about payments for taking part.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChoiceOut {
    pub id: i64,
    pub person_id: i64,
    #[schema(schema_with = choice_schema)]
    pub choice: String,
    /// For "take less": the most taken for each activity, in whole pence.
    pub amount_pence: Option<i64>,
    pub charity: Option<String>,
    #[schema(format = Date)]
    pub chosen_on: String,
    #[schema(format = DateTime)]
    pub recorded_at: String,
}

impl From<StoredChoice> for ChoiceOut {
    fn from(c: StoredChoice) -> Self {
        ChoiceOut {
            id: c.id,
            person_id: c.person_id,
            choice: c.choice,
            amount_pence: c.amount_pence,
            charity: c.charity,
            chosen_on: c.chosen_on.to_string(),
            recorded_at: time::machine(c.recorded_at),
        }
    }
}

/// A choice to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceBody {
    #[schema(schema_with = choice_schema)]
    pub choice: String,
    /// For "take less" only, and then needed: the most to take for each activity, in
    /// whole pence, from 1 to 1000000.
    #[schema(minimum = 1, maximum = 1000000)]
    #[serde(default)]
    pub amount_pence: Option<i64>,
    /// For "give it to a charity" only, and then needed: which.
    #[schema(schema_with = super::optional_short_text)]
    #[serde(default)]
    pub charity: Option<String>,
    /// The day they chose (YYYY-MM-DD), not after today; empty or absent: today.
    #[schema(schema_with = super::optional_date_schema)]
    #[serde(default)]
    pub chosen_on: Option<String>,
}

/// List a person's choices about payments, the latest first.
#[utoipa::path(get, path = "/api/v1/people/{id}/recognition-choices", tag = "recognition",
    operation_id = "listRecognitionChoices",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Person id")),
    responses(
        (status = 200, description = "Their choices, the latest first.", body = Vec<ChoiceOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn choices(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<ChoiceOut>>, ApiError> {
    Ok(Json(
        coproduce_app::payments::choices(&s.ctx, &viewer.actor(), id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Record a person's choice about payments, from the day they chose.
#[utoipa::path(post, path = "/api/v1/people/{id}/recognition-choices", tag = "recognition",
    operation_id = "recordRecognitionChoice",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Person id")),
    request_body = ChoiceBody,
    responses(
        (status = 201, description = "Recorded; `Location` lists their choices.", body = ChoiceOut,
            headers(("Location" = String, description = "Their choices"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn record_choice(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<ChoiceBody>,
) -> Result<Response, ApiError> {
    let c = coproduce_app::payments::record_choice(
        &s.ctx,
        &viewer.actor(),
        id,
        &ChoiceDraft {
            choice: body.choice,
            amount_pence: body.amount_pence,
            charity: body.charity.unwrap_or_default(),
            chosen_on: body.chosen_on.unwrap_or_default(),
        },
    )
    .await?;
    Ok(created(
        format!("/api/v1/people/{id}/recognition-choices"),
        ChoiceOut::from(c),
    ))
}
