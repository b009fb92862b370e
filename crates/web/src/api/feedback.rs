//! `/api/v1/activities/{id}/feedback`: how an activity went for the people who
//! came, with small numbers hidden; asking them; and answers from a paper form.

use axum::Json;
use axum::extract::State;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::equality::Shown;
use coproduce_domain::feedback::{Agreement, Answers, Statement};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, Id};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/activities/{id}/feedback", C::ReadWork, summary)
        .post("/api/v1/activities/{id}/feedback", C::WriteWork, record)
        .post("/api/v1/activities/{id}/feedback/ask", C::WriteWork, ask)
}

fn statement_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Statement>()
}
fn agreement_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Agreement>()
}
fn optional_agreement_schema() -> utoipa::openapi::schema::Object {
    super::nullable_vocabulary_schema::<Agreement>()
}
fn comment_schema() -> utoipa::openapi::schema::Object {
    super::optional_text_schema(coproduce_domain::feedback::COMMENT_LENGTH)
}

/// One answer to a statement and how many gave it; null when hidden.
#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerCount {
    #[schema(schema_with = agreement_schema)]
    pub answer: &'static str,
    /// Null when it is from 1 to 4, or would let one that is be worked out.
    pub count: Option<i64>,
}

/// One statement's totals.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatementOut {
    #[schema(schema_with = statement_schema)]
    pub statement: &'static str,
    pub answers: Vec<AnswerCount>,
}

/// How an activity went.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedbackOut {
    pub asked: i64,
    pub answered: i64,
    /// Null with fewer than 5 answers.
    pub totals: Option<Vec<StatementOut>>,
    /// The comments, without names; empty with fewer than 5 answers.
    pub comments: Vec<String>,
}

/// How an activity went for the people who came: each statement's answers counted,
/// small numbers hidden, and the comments.
#[utoipa::path(get, path = "/api/v1/activities/{id}/feedback", tag = "activities",
    operation_id = "getFeedback",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "The feedback.", body = FeedbackOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn summary(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<FeedbackOut>, ApiError> {
    let f = coproduce_app::feedback::summary(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(FeedbackOut {
        asked: f.asked,
        answered: f.answered,
        totals: f.totals.map(|t| {
            t.into_iter()
                .map(|st| StatementOut {
                    statement: st.statement.slug(),
                    answers: st
                        .rows
                        .into_iter()
                        .map(|(a, shown)| AnswerCount {
                            answer: a.slug(),
                            count: match shown {
                                Shown::Count(n) => Some(n),
                                Shown::Suppressed => None,
                            },
                        })
                        .collect(),
                })
                .collect()
        }),
        comments: f.comments,
    }))
}

/// Answers from a paper form: at least one answer or a comment.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaperAnswers {
    #[serde(default, rename = "listened-to")]
    #[schema(schema_with = optional_agreement_schema)]
    pub listened_to: Option<String>,
    #[serde(default, rename = "needs-met")]
    #[schema(schema_with = optional_agreement_schema)]
    pub needs_met: Option<String>,
    #[serde(default, rename = "know-next")]
    #[schema(schema_with = optional_agreement_schema)]
    pub know_next: Option<String>,
    #[serde(default)]
    #[schema(schema_with = comment_schema)]
    pub comment: Option<String>,
}

/// Record answers given on a paper form; kept without a name.
#[utoipa::path(post, path = "/api/v1/activities/{id}/feedback", tag = "activities",
    operation_id = "recordFeedback",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = PaperAnswers,
    responses(
        (status = 200, description = "Recorded; the feedback now.", body = FeedbackOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity has not started.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn record(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<PaperAnswers>,
) -> Result<Json<FeedbackOut>, ApiError> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let answers = Answers::read(
        &text(&body.listened_to),
        &text(&body.needs_met),
        &text(&body.know_next),
        &text(&body.comment),
    )?;
    coproduce_app::feedback::record_paper(&s.ctx, &viewer.actor(), id, &answers).await?;
    summary(State(s), viewer, Id(id)).await
}

/// Who was asked.
#[derive(Debug, Serialize, ToSchema)]
pub struct AskedOut {
    pub emailed: usize,
    /// Names of people who came and have no email, to ask another way.
    pub to_ask: Vec<String>,
    /// Names of people who came and have no consent to contact: not asked.
    pub not_contacted: Vec<String>,
}

/// Ask everyone recorded as having come, who has not been asked before, how it
/// went: by email with a link of their own.
#[utoipa::path(post, path = "/api/v1/activities/{id}/feedback/ask", tag = "activities",
    operation_id = "askFeedback",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "Who was asked.", body = AskedOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity has not started, or is cancelled.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn ask(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<AskedOut>, ApiError> {
    let a = coproduce_app::feedback::ask(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(AskedOut {
        emailed: a.emailed,
        to_ask: a.to_ask,
        not_contacted: a.not_contacted,
    }))
}
