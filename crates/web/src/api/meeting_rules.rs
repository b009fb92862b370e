//! The charter's meeting rules: an organisation's rules
//! (`/api/v1/organisations/{id}/meeting-rules`), the warnings about an activity's
//! plan with the reasons given to go ahead (`/api/v1/activities/{id}/warnings`), and
//! the ground rules attached to it (`/api/v1/activities/{id}/ground-rules`).

use axum::Json;
use axum::extract::{Path, State};
use coproduce_app::meeting_rules::{GroundRules, Setting, Warning};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::activity::ActivityType;
use coproduce_domain::meeting_rules::{RuleKind, Source};
use coproduce_domain::time;
use coproduce_store::meeting_rules::RuleSetting;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::activities::ActivityOut;
use super::{ApiJson, Id};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get(
        "/api/v1/organisations/{id}/meeting-rules",
        C::ReadWork,
        list_rules,
    )
    .put(
        "/api/v1/organisations/{id}/meeting-rules/{key}",
        C::ManageCharters,
        set_rule,
    )
    .get("/api/v1/activities/{id}/warnings", C::ReadWork, warnings)
    .get(
        "/api/v1/activities/{id}/ground-rules",
        C::ReadWork,
        ground_rules_choices,
    )
    .put(
        "/api/v1/activities/{id}/ground-rules",
        C::WriteWork,
        attach_ground_rules,
    )
}

pub(crate) fn reason_schema() -> utoipa::openapi::schema::Object {
    super::optional_text_schema(coproduce_app::meeting_rules::REASON_LENGTH)
}
fn rule_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<RuleKind>()
}
fn setting_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::Object::builder()
        .schema_type(utoipa::openapi::schema::SchemaType::new(
            utoipa::openapi::schema::Type::String,
        ))
        .enum_values(Some(["charter", "off", "on"]))
        .description(Some(
            "charter: as the organisation's charters say; off; on: with the values given.",
        ))
        .build()
}
fn types_schema() -> utoipa::openapi::schema::Array {
    super::vocabulary_list_schema::<ActivityType>()
}

/// Why an organiser goes ahead with a plan that breaks a meeting rule.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoAheadBody {
    /// Why it goes ahead anyway: at most 1,000 characters. Kept against each rule
    /// the plan breaks, with who gave it and when.
    #[serde(default)]
    #[schema(schema_with = reason_schema)]
    pub go_ahead_reason: Option<String>,
}

/// The charter commitment a rule comes from.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommitmentOut {
    pub charter_id: i64,
    pub charter_title: String,
    /// The commitment's key within the charter, such as GR7.
    pub key: String,
    pub text: String,
}

impl From<Source> for CommitmentOut {
    fn from(s: Source) -> Self {
        CommitmentOut {
            charter_id: s.charter_id,
            charter_title: s.charter_title,
            key: s.commitment_key,
            text: s.commitment_text,
        }
    }
}

/// One meeting rule as an organisation has it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RuleOut {
    #[schema(schema_with = rule_schema)]
    pub rule: &'static str,
    /// What the rule asks, in one sentence.
    pub explanation: &'static str,
    /// Whether it is checked.
    pub in_force: bool,
    /// Minutes (time limits, debrief), days (papers before) or meetings (spread of
    /// times: checked from this many); null for rush hours and ground rules, or
    /// when not in force.
    pub amount: Option<i64>,
    /// Rush hours to avoid, in London time, such as "Mon-Fri 06:30-09:30".
    pub windows: Vec<String>,
    /// Kinds of activity a time limit does not count.
    #[schema(schema_with = types_schema)]
    pub not_counting: Vec<&'static str>,
    /// The values in words.
    pub summary: Option<String>,
    /// Whether the organisation set it itself, rather than taking its charters'.
    pub set_here: bool,
    /// The charter commitment the rule comes from, when a signed charter states it.
    pub commitment: Option<CommitmentOut>,
}

impl From<RuleSetting> for RuleOut {
    fn from(s: RuleSetting) -> Self {
        let rule = s.in_force.as_ref().map(|r| &r.rule);
        RuleOut {
            rule: s.kind.slug(),
            explanation: s.kind.explain(),
            in_force: rule.is_some(),
            amount: rule.and_then(|r| r.amount),
            windows: rule
                .map(|r| r.windows.iter().map(ToString::to_string).collect())
                .unwrap_or_default(),
            not_counting: rule
                .map(|r| r.not_counting.iter().map(|t| t.slug()).collect())
                .unwrap_or_default(),
            summary: rule.map(|r| r.values()),
            set_here: s.set_here,
            commitment: s.from_charter.map(|(_, src)| src.into()),
        }
    }
}

/// List an organisation's meeting rules: each rule, whether it is in force, its
/// values, and the charter commitment it comes from.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/meeting-rules", tag = "organisations",
    operation_id = "listMeetingRules",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id")),
    responses(
        (status = 200, description = "Every rule, in a fixed order.", body = Vec<RuleOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn list_rules(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<RuleOut>>, ApiError> {
    let settings = coproduce_app::meeting_rules::settings(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(settings.into_iter().map(Into::into).collect()))
}

/// What an organisation sets for one rule.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleBody {
    #[schema(schema_with = setting_schema)]
    pub setting: String,
    /// With `on`: minutes for a time limit (15 to 1,440) or the debrief (5 to 120),
    /// days for papers before (1 to 60), meetings for a spread of times (2 to 50);
    /// left out for a default. Not for rush hours or ground rules.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1440)]
    pub amount: Option<i64>,
    /// With `on`, for rush hours: spans of the week in London time, such as
    /// "Mon-Fri 06:30-09:30". Left out: weekdays 06:30-09:30 and 16:00-19:00.
    #[serde(default)]
    #[schema(max_items = 14)]
    pub windows: Vec<String>,
    /// With `on`, for a time limit: kinds of activity it does not count.
    #[serde(default)]
    #[schema(schema_with = types_schema)]
    pub not_counting: Vec<String>,
}

/// Set one of an organisation's meeting rules: as its charters say, off, or on
/// with its own values. For administrators and involvement leads.
#[utoipa::path(put, path = "/api/v1/organisations/{id}/meeting-rules/{key}", tag = "organisations",
    operation_id = "setMeetingRule",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, minimum = 1, description = "Organisation id"),
        ("key" = String, Path, description = "The rule: longest-face-to-face, longest-online, rush-hours, debrief, papers-before, ground-rules or spread-of-times"),
    ),
    request_body = RuleBody,
    responses(
        (status = 200, description = "The rule as it now is.", body = RuleOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn set_rule(
    State(s): State<AppState>,
    viewer: Viewer,
    Path((raw, key)): Path<(String, String)>,
    ApiJson(body): ApiJson<RuleBody>,
) -> Result<Json<RuleOut>, ApiError> {
    let Some(id) = raw.parse::<i64>().ok().filter(|n| *n > 0) else {
        return Err(ApiError::NotFound(
            crate::i18n::API.t("api-ids-are-whole-numbers"),
        ));
    };
    let kind = coproduce_app::meeting_rules::kind_of(&key)?;
    // Values the schema refuses are refused whatever the setting.
    let mut errs = coproduce_domain::text::FieldErrors::new();
    if let Some(n) = body.amount
        && !(1..=1440).contains(&n)
    {
        errs.add(
            "amount",
            coproduce_domain::text::Problem::OutOfRange {
                min: 1,
                max: 1440,
                given: n,
            },
        );
    }
    if body.windows.len() > 14 {
        errs.add("windows", coproduce_domain::text::Problem::TooMany(14));
    }
    for (i, t) in body.not_counting.iter().enumerate() {
        super::vocab::<ActivityType>(&mut errs, &format!("not_counting[{i}]"), t);
    }
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let setting = match body.setting.as_str() {
        "charter" => Setting::FromCharter,
        "off" => Setting::Off,
        "on" => Setting::On(coproduce_app::meeting_rules::read_rule(
            kind,
            body.amount,
            &body.windows.join("\n"),
            &body.not_counting,
        )?),
        other => {
            return Err(ApiError::field(
                "setting",
                format!("\"{other}\" is not charter, off or on"),
            ));
        }
    };
    let out =
        coproduce_app::meeting_rules::set(&s.ctx, &viewer.actor(), id, kind, &setting).await?;
    Ok(Json(out.into()))
}

/// A reason given to go ahead with a plan that breaks a rule.
#[derive(Debug, Serialize, ToSchema)]
pub struct WentAheadOut {
    pub reason: String,
    /// What the plan broke when they went ahead.
    pub found: String,
    /// Who gave it (their email), if their account still exists.
    pub decided_by: Option<String>,
    #[schema(format = DateTime)]
    pub decided_at: String,
}

/// One warning about an activity's plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct WarningOut {
    /// The rule's slug, or `venue-` and the venue feature lacking.
    pub check: String,
    pub title: String,
    /// What is wrong with this plan.
    pub found: String,
    /// Why the rule exists.
    pub rule: &'static str,
    /// The charter commitment the rule comes from; null for one the organisation
    /// set itself and for a venue lacking what someone needs.
    pub commitment: Option<CommitmentOut>,
    /// The reason given to go ahead, if one was.
    pub went_ahead: Option<WentAheadOut>,
}

impl From<Warning> for WarningOut {
    fn from(w: Warning) -> Self {
        WarningOut {
            check: w.breach.check.key(),
            title: w.breach.check.title(),
            found: w.breach.found,
            rule: w.breach.rule,
            commitment: w.breach.source.map(Into::into),
            went_ahead: w.went_ahead.map(|e| WentAheadOut {
                reason: e.reason,
                found: e.found,
                decided_by: e.decided_by,
                decided_at: time::machine(e.decided_at),
            }),
        }
    }
}

/// List the warnings about an activity's plan: each meeting rule it breaks, and a
/// venue lacking what someone coming needs, with the reason given to go ahead.
#[utoipa::path(get, path = "/api/v1/activities/{id}/warnings", tag = "activities",
    operation_id = "listActivityWarnings",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "The warnings; empty when the plan keeps every rule.", body = Vec<WarningOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn warnings(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<WarningOut>>, ApiError> {
    let found = coproduce_app::meeting_rules::warnings(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(found.into_iter().map(Into::into).collect()))
}

/// Ground rules that can be attached to an activity.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroundRulesOut {
    /// What to send as `choice` to attach them: `document-ID` or `charter-ID`.
    pub choice: String,
    pub title: String,
    pub words: String,
}

impl From<GroundRules> for GroundRulesOut {
    fn from(g: GroundRules) -> Self {
        GroundRulesOut {
            choice: g.key,
            title: g.title,
            words: g.words,
        }
    }
}

/// List the ground rules that can be attached to an activity: each network's
/// current code of conduct or ground rules, and the ground rules of a signed
/// charter.
#[utoipa::path(get, path = "/api/v1/activities/{id}/ground-rules", tag = "activities",
    operation_id = "listGroundRules",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "What can be attached.", body = Vec<GroundRulesOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn ground_rules_choices(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<GroundRulesOut>>, ApiError> {
    let found =
        coproduce_app::meeting_rules::ground_rules_choices(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(found.into_iter().map(Into::into).collect()))
}

/// Which ground rules to attach.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroundRulesBody {
    /// A `choice` from `listGroundRules`, or null to take them off.
    #[schema(pattern = "^(document|charter)-[1-9][0-9]{0,17}$")]
    pub choice: Option<String>,
}

/// Attach ground rules to an activity: a copy of their words, shown on its page,
/// in its invitations and letters. Null takes them off.
#[utoipa::path(put, path = "/api/v1/activities/{id}/ground-rules", tag = "activities",
    operation_id = "setGroundRules",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = GroundRulesBody,
    responses(
        (status = 200, description = "The activity with its ground rules.", body = ActivityOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn attach_ground_rules(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<GroundRulesBody>,
) -> Result<Json<ActivityOut>, ApiError> {
    let a = coproduce_app::meeting_rules::attach_ground_rules(
        &s.ctx,
        &viewer.actor(),
        id,
        body.choice.as_deref(),
    )
    .await?;
    Ok(Json(a.into()))
}
