//! An organisation's equality monitoring totals, as a page: suppressed counts only.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use coproduce_domain::equality::{FEWEST_ANSWERS, QUESTIONS, Shown};

use super::{Chrome, PageError, show};
use crate::AppState;
use crate::auth::Viewer;

/// One question's table: its title and each answer with its count as shown.
pub struct QuestionTable {
    title: &'static str,
    rows: Vec<(String, Option<i64>)>,
}

#[derive(Template)]
#[template(path = "equality.html")]
struct EqualityPage {
    chrome: Chrome,
    organisation_id: i64,
    organisation: String,
    answered: i64,
    fewest: i64,
    questions: Option<Vec<QuestionTable>>,
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let o = state.store.organisation(id).await?;
        if !viewer.sees(id) {
            return Err(PageError::NotFound);
        }
        let (answered, totals) = crate::api::equality::read_totals(&state, id)
            .await
            .map_err(|e| PageError::Internal(e.reference()))?;
        let questions = totals.map(|qs| {
            qs.into_iter()
                .map(|q| QuestionTable {
                    title: QUESTIONS
                        .iter()
                        .find(|(k, _)| *k == q.question)
                        .map_or(q.question, |(_, t)| t),
                    rows: q
                        .rows
                        .into_iter()
                        .map(|(_, label, shown)| {
                            (
                                label,
                                match shown {
                                    Shown::Count(n) => Some(n),
                                    Shown::Suppressed => None,
                                },
                            )
                        })
                        .collect(),
                })
                .collect()
        });
        Ok(EqualityPage {
            chrome: Chrome::new(&state, &viewer, "home"),
            organisation_id: id,
            organisation: o.name,
            answered,
            fewest: FEWEST_ANSWERS,
            questions,
        })
    }
    .await;
    show(&state, &viewer, result)
}
