//! An organisation's recognition policy (`/api/v1/organisations/{id}/recognition-…`):
//! the version in force on a day, every version, and setting a new one from a day.
//! Money is whole pence.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_app::recognition::PolicyVersion;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::activity::ActivityType;
use coproduce_domain::opportunity::Recognition;
use coproduce_domain::recognition::{ExpensesDraft, PolicyDraft, RateBasis, RateDraft, TierDraft};
use coproduce_domain::text::FieldErrors;
use coproduce_domain::time;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiQuery, Id, created};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get(
        "/api/v1/organisations/{id}/recognition-policy",
        C::ReadWork,
        in_force,
    )
    .get(
        "/api/v1/organisations/{id}/recognition-policies",
        C::ReadWork,
        versions,
    )
    .post(
        "/api/v1/organisations/{id}/recognition-policies",
        C::ManageRecognition,
        set,
    )
}

fn offered_schema() -> utoipa::openapi::schema::Array {
    super::vocabulary_list_schema::<Recognition>()
}
fn basis_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<RateBasis>()
}
fn activity_type_schema() -> utoipa::openapi::schema::Schema {
    super::optional_vocabulary_schema::<ActivityType>()
}
fn key_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::Object::builder()
        .schema_type(utoipa::openapi::schema::SchemaType::new(
            utoipa::openapi::schema::Type::String,
        ))
        .pattern(Some("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$"))
        .build()
}
fn advice_schema() -> utoipa::openapi::schema::Object {
    super::text_schema(coproduce_domain::recognition::ADVICE)
}

/// A role tier people take part in.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TierIo {
    /// How rates name it.
    #[schema(schema_with = key_schema)]
    pub key: String,
    #[schema(schema_with = super::short_text)]
    pub name: String,
    /// What taking part at this tier means; null or empty for none.
    #[schema(schema_with = super::optional_short_text)]
    #[serde(default)]
    pub description: Option<String>,
}

/// What a tier is paid.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RateIo {
    /// The key of one of the policy's tiers.
    #[schema(schema_with = key_schema)]
    pub tier: String,
    #[schema(schema_with = basis_schema)]
    pub basis: String,
    /// For a rate per activity, the activity's type; otherwise null.
    #[schema(schema_with = activity_type_schema)]
    #[serde(default)]
    pub activity_type: Option<String>,
    /// In whole pence, from 1 to 100000 (£1,000).
    #[schema(minimum = 1, maximum = 100000)]
    pub amount_pence: i64,
}

/// What expenses are repaid, and how.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpensesIo {
    /// Each mile driven, in pence (0 to 200).
    #[schema(minimum = 0, maximum = 200)]
    pub per_mile_pence: i64,
    /// Each mile for each passenger carried, in pence (0 to 200).
    #[schema(minimum = 0, maximum = 200)]
    pub per_mile_passenger_pence: i64,
    /// Each mile cycled, in pence (0 to 200).
    #[schema(minimum = 0, maximum = 200)]
    pub per_mile_bicycle_pence: i64,
    /// Whether public transport fares are repaid.
    pub public_transport: bool,
    /// Whether taxis are repaid, when approved before the journey.
    pub taxis_with_approval: bool,
    /// Whether the costs of care and childcare while taking part are repaid.
    pub care_costs: bool,
    /// The most a meal is repaid at, in pence (0 to 10000): 0 when meals are not.
    #[schema(minimum = 0, maximum = 10000)]
    pub meal_cap_pence: i64,
    /// Paid for each online meeting, in pence (0 to 10000): 0 for none.
    #[schema(minimum = 0, maximum = 10000)]
    pub home_working_pence: i64,
    /// How many days after an activity a claim may be made (1 to 365).
    #[schema(minimum = 1, maximum = 365)]
    pub claim_within_days: i64,
}

/// A version of a recognition policy to set.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyBody {
    /// The day it takes effect from (YYYY-MM-DD).
    #[schema(format = Date)]
    pub effective_from: String,
    /// What recognition is offered, each once.
    #[schema(schema_with = offered_schema)]
    pub offered: Vec<String>,
    /// Whether someone who comes for part of an activity is paid for that part.
    pub pro_rata: bool,
    /// From 1 to 8 tiers, each with its own key.
    pub tiers: Vec<TierIo>,
    /// At most 64 rates, none for the same tier, basis and activity type twice; at
    /// least one when payment is offered.
    pub rates: Vec<RateIo>,
    pub expenses: ExpensesIo,
    /// Where someone can get advice on how a payment affects their benefits.
    #[schema(schema_with = advice_schema)]
    pub advice: String,
}

/// A version of a recognition policy.
#[derive(Debug, Serialize, ToSchema)]
pub struct PolicyOut {
    pub id: i64,
    pub organisation_id: i64,
    #[schema(format = Date)]
    pub effective_from: String,
    #[schema(schema_with = offered_schema)]
    pub offered: Vec<&'static str>,
    pub pro_rata: bool,
    pub tiers: Vec<TierIo>,
    pub rates: Vec<RateIo>,
    pub expenses: ExpensesIo,
    pub advice: String,
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl From<PolicyVersion> for PolicyOut {
    fn from(v: PolicyVersion) -> Self {
        let p = v.policy;
        let e = p.expenses;
        PolicyOut {
            id: v.id,
            organisation_id: v.organisation_id,
            effective_from: p.effective_from.to_string(),
            offered: p.offered.iter().map(|o| o.slug()).collect(),
            pro_rata: p.pro_rata,
            tiers: p
                .tiers
                .into_iter()
                .map(|t| TierIo {
                    key: t.key,
                    name: t.name,
                    description: t.description,
                })
                .collect(),
            rates: p
                .rates
                .into_iter()
                .map(|r| RateIo {
                    tier: r.tier,
                    basis: r.basis.slug().into(),
                    activity_type: r.activity_type.map(|t| t.slug().into()),
                    amount_pence: r.amount_pence,
                })
                .collect(),
            expenses: ExpensesIo {
                per_mile_pence: e.per_mile,
                per_mile_passenger_pence: e.per_mile_passenger,
                per_mile_bicycle_pence: e.per_mile_bicycle,
                public_transport: e.public_transport,
                taxis_with_approval: e.taxis_with_approval,
                care_costs: e.care_costs,
                meal_cap_pence: e.meal_cap,
                home_working_pence: e.home_working,
                claim_within_days: e.claim_within_days,
            },
            advice: p.advice,
            created_at: time::machine(v.created_at),
        }
    }
}

impl PolicyBody {
    fn draft(&self) -> PolicyDraft {
        let e = &self.expenses;
        PolicyDraft {
            effective_from: self.effective_from.clone(),
            offered: self.offered.clone(),
            pro_rata: Some(self.pro_rata),
            tiers: self
                .tiers
                .iter()
                .map(|t| TierDraft {
                    key: t.key.clone(),
                    name: t.name.clone(),
                    description: t.description.clone().unwrap_or_default(),
                })
                .collect(),
            rates: self
                .rates
                .iter()
                .map(|r| RateDraft {
                    tier: r.tier.clone(),
                    basis: r.basis.clone(),
                    activity_type: r.activity_type.clone().unwrap_or_default(),
                    amount_pence: r.amount_pence,
                })
                .collect(),
            expenses: ExpensesDraft {
                per_mile: e.per_mile_pence,
                per_mile_passenger: e.per_mile_passenger_pence,
                per_mile_bicycle: e.per_mile_bicycle_pence,
                public_transport: e.public_transport,
                taxis_with_approval: e.taxis_with_approval,
                care_costs: e.care_costs,
                meal_cap: e.meal_cap_pence,
                home_working: e.home_working_pence,
                claim_within_days: e.claim_within_days,
            },
            advice: self.advice.clone(),
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OnQuery {
    /// The day (YYYY-MM-DD); empty or absent: today.
    #[param(schema_with = super::optional_date_schema)]
    pub on: Option<String>,
}

/// Read the version of an organisation's recognition policy in force on a day.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/recognition-policy", tag = "recognition",
    operation_id = "getRecognitionPolicy",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id"), OnQuery),
    responses(
        (status = 200, description = "The version in force that day.", body = PolicyOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn in_force(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiQuery(q): ApiQuery<OnQuery>,
) -> Result<Json<PolicyOut>, ApiError> {
    let mut errs = FieldErrors::new();
    let day = match q.on.as_deref().map(str::trim) {
        None | Some("") => Some(crate::today(&s.ctx)),
        Some(d) => errs.take("on", time::parse_date(d)),
    };
    let day = errs.finish(|| day.unwrap_or_default())?;
    match coproduce_app::recognition::in_force(&s.ctx, &viewer.actor(), id, day).await? {
        Some(v) => Ok(Json(v.into())),
        None => Err(ApiError::NotFound(crate::i18n::API.t1(
            "api-no-policy-in-force",
            "date",
            day,
        ))),
    }
}

/// List every version of an organisation's recognition policy, the latest to take
/// effect first.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/recognition-policies", tag = "recognition",
    operation_id = "listRecognitionPolicies",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id")),
    responses(
        (status = 200, description = "Every version.", body = Vec<PolicyOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn versions(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<PolicyOut>>, ApiError> {
    Ok(Json(
        coproduce_app::recognition::versions(&s.ctx, &viewer.actor(), id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Set a new version of an organisation's recognition policy, in force from its
/// `effective_from`; earlier versions stay as they were.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/recognition-policies", tag = "recognition",
    operation_id = "setRecognitionPolicy",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id")),
    request_body = PolicyBody,
    responses(
        (status = 201, description = "Set; `Location` is the organisation's policy in force.", body = PolicyOut,
            headers(("Location" = String, description = "The organisation's policy in force"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn set(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<PolicyBody>,
) -> Result<Response, ApiError> {
    let v =
        coproduce_app::recognition::set_policy(&s.ctx, &viewer.actor(), id, &body.draft()).await?;
    Ok(created(
        format!(
            "/api/v1/organisations/{id}/recognition-policy?on={}",
            v.policy.effective_from
        ),
        PolicyOut::from(v),
    ))
}
