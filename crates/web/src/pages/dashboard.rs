//! An organisation's dashboard: the charter measures, the charters it signed, its
//! projects.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::text::FieldError;
use coproduce_store::PageRequest;
use coproduce_store::charters::Adoption;
use coproduce_store::organisations::Organisation;

use super::{Chrome, PageError, period_of, render, show_date};
use crate::AppState;
use crate::api::indicators::PeriodQuery;

pub struct FeedbackView {
    pub days: u16,
    pub percentage: Option<String>,
    pub on_time: i64,
    pub due: i64,
    pub pending: i64,
    pub overdue: i64,
    pub set_by: Option<String>,
}

pub struct AdoptionView {
    pub charter_id: i64,
    pub title: String,
    pub version: String,
    pub signed_on: Option<String>,
}

impl From<Adoption> for AdoptionView {
    fn from(a: Adoption) -> Self {
        AdoptionView {
            charter_id: a.charter_id,
            title: a.title,
            version: a.version,
            signed_on: a.signed_on.map(show_date),
        }
    }
}

pub struct ProjectRow {
    pub title: String,
    pub stage: &'static str,
    pub level: &'static str,
    pub scope_stated: bool,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    chrome: Chrome,
    organisation: Organisation,
    kind: &'static str,
    from: String,
    to: String,
    errors: Vec<FieldError>,
    from_error: Option<String>,
    to_error: Option<String>,
    feedback: Option<FeedbackView>,
    adoptions: Vec<AdoptionView>,
    projects: Vec<ProjectRow>,
}

pub async fn page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Response {
    let Ok(id) = raw.parse::<i64>() else {
        return PageError::NotFound.respond(&state);
    };
    match build(&state, id, q).await {
        Ok(d) => render(StatusCode::OK, &d),
        Err(e) => e.respond(&state),
    }
}

async fn build(state: &AppState, id: i64, q: PeriodQuery) -> Result<Dashboard, PageError> {
    let store = &state.store;
    let organisation = store.organisation(id).await?;
    let period = period_of(&q);
    let (feedback, errors, from, to) = match period {
        Ok(p) => {
            let promise = store.feedback_promise(id).await?;
            let tally = store
                .feedback_tally(id, p.from, p.to, promise.days, crate::today())
                .await?;
            let view = FeedbackView {
                days: promise.days,
                percentage: tally.percentage().map(|_| tally.shown()),
                on_time: tally.on_time,
                due: tally.due,
                pending: tally.pending,
                overdue: tally.overdue,
                set_by: promise.set_by,
            };
            (Some(view), vec![], p.from.to_string(), p.to.to_string())
        }
        // Keep exactly what was typed, so it can be corrected.
        Err(errs) => (
            None,
            errs.0,
            q.from.clone().unwrap_or_default(),
            q.to.clone().unwrap_or_default(),
        ),
    };
    let field_error = |f: &str| errors.iter().find(|e| e.field == f).map(|e| e.message.clone());
    let from_error = field_error("from");
    let to_error = field_error("to");
    let adoptions = store.adoptions(id).await?.into_iter().map(Into::into).collect();
    let projects = store
        .projects(PageRequest::first(PageRequest::MAX_LIMIT), Some(id))
        .await?
        .items
        .into_iter()
        .map(|p| ProjectRow {
            title: p.title,
            stage: p.stage.label(),
            level: p.level.label(),
            scope_stated: p.scope_and_limits.is_some(),
        })
        .collect();
    Ok(Dashboard {
        chrome: Chrome::new(state, "home"),
        kind: organisation.kind.label(),
        organisation,
        from,
        to,
        errors,
        from_error,
        to_error,
        feedback,
        adoptions,
        projects,
    })
}
