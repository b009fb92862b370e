//! `/api/v1/organisations/{id}/equality`: equality monitoring totals, with small
//! numbers suppressed. No operation returns a person's answers but their own (a page,
//! `/me`), and none selects people by an answer.

use axum::Json;
use axum::extract::State;
use coproduce_domain::account::Capability as C;
use coproduce_domain::equality::{self, Shown};
use serde::Serialize;
use utoipa::ToSchema;

use super::Id;
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get(
        "/api/v1/organisations/{id}/equality",
        C::ReadEquality,
        totals,
    )
}

/// One answer's count. `count` is absent when it is suppressed.
#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerTotal {
    pub answer: String,
    pub count: Option<i64>,
    /// Hidden because it is from 1 to 4, or because it would reveal one that is.
    pub suppressed: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionOut {
    pub question: &'static str,
    pub answers: Vec<AnswerTotal>,
}

/// An organisation's equality monitoring totals.
#[derive(Debug, Serialize, ToSchema)]
pub struct EqualityOut {
    pub organisation_id: i64,
    /// How many people answered at least one question.
    pub answered: i64,
    /// Whether totals are shown: not until enough people have answered.
    pub shown: bool,
    pub fewest_answers_shown: i64,
    pub questions: Vec<QuestionOut>,
}

/// Reads and suppresses an organisation's totals: the one way they leave the store.
pub(crate) async fn read_totals(
    s: &AppState,
    organisation_id: i64,
) -> Result<(i64, Option<Vec<equality::QuestionTotals>>), ApiError> {
    let (answered, counts) = s.store.equality_counts(organisation_id).await?;
    let counts: Vec<(String, String, i64)> = counts
        .into_iter()
        .map(|c| (c.question, c.value, c.count))
        .collect();
    Ok((answered, equality::totals(answered, &counts)))
}

/// Read an organisation's equality monitoring totals, with small numbers suppressed.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/equality", tag = "equality",
    operation_id = "getEqualityTotals",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id")),
    responses(
        (status = 200, description = "The totals, or none while too few people have answered.", body = EqualityOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn totals(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<EqualityOut>, ApiError> {
    s.store.organisation(id).await?;
    viewer.check(id)?;
    let (answered, totals) = read_totals(&s, id).await?;
    Ok(Json(EqualityOut {
        organisation_id: id,
        answered,
        shown: totals.is_some(),
        fewest_answers_shown: equality::FEWEST_ANSWERS,
        questions: totals
            .unwrap_or_default()
            .into_iter()
            .map(|q| QuestionOut {
                question: q.question,
                answers: q
                    .rows
                    .into_iter()
                    .map(|(answer, _, shown)| AnswerTotal {
                        answer,
                        count: match shown {
                            Shown::Count(n) => Some(n),
                            Shown::Suppressed => None,
                        },
                        suppressed: shown == Shown::Suppressed,
                    })
                    .collect(),
            })
            .collect(),
    }))
}
