//! An organisation's dashboard: the charter measures, the charters it signed, its
//! projects.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::text::FieldError;
use coproduce_store::charters::Adoption;
use coproduce_store::organisations::Organisation;
use coproduce_store::{PageRequest, Within};

use chrono::NaiveDate;
use coproduce_domain::text::FieldErrors;
use serde::Deserialize;

use super::forms::DateField;
use super::{Chrome, PageError, render, show_date};
use crate::AppState;
use crate::auth::Viewer;
use crate::i18n::Tr;

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
    pub id: i64,
    pub title: String,
    pub stage: &'static str,
    pub level: &'static str,
    pub scope_stated: bool,
}

/// The period form as typed: day, month and year for each end.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PeriodForm {
    #[serde(rename = "from-day", default)]
    from_day: String,
    #[serde(rename = "from-month", default)]
    from_month: String,
    #[serde(rename = "from-year", default)]
    from_year: String,
    #[serde(rename = "to-day", default)]
    to_day: String,
    #[serde(rename = "to-month", default)]
    to_month: String,
    #[serde(rename = "to-year", default)]
    to_year: String,
}

impl PeriodForm {
    /// The period asked for (default: the twelve months to today), and the fields to
    /// show again, with an error on each that is wrong.
    pub(crate) fn read(
        &self,
        tr: &Tr,
        today: NaiveDate,
    ) -> (
        Option<(NaiveDate, NaiveDate)>,
        DateField,
        DateField,
        FieldErrors,
    ) {
        let mut errs = FieldErrors::new();
        let mut from = DateField::typed(
            "from",
            "staff-from",
            "staff-for-example-1-4-2026",
            &self.from_day,
            &self.from_month,
            &self.from_year,
        );
        let mut to = DateField::typed(
            "to",
            "staff-to",
            "staff-for-example-31-3-2027",
            &self.to_day,
            &self.to_month,
            &self.to_year,
        );
        let (from_date, to_date) = match (from.read(), to.read()) {
            (Ok(f), Ok(t)) => (f, t),
            (f, t) => {
                for (field, r, name) in [
                    (&mut from, f, "staff-the-start-date"),
                    (&mut to, t, "staff-the-end-date"),
                ] {
                    if let Err(problem) = r {
                        let message = tr.why(&problem, &tr.t(name));
                        field.error = Some(message.clone());
                        errs.add_worded(field.id, message);
                    }
                }
                return (None, from, to, errs);
            }
        };
        let end = to_date.unwrap_or(today);
        let start = from_date.unwrap_or_else(|| end - chrono::Duration::days(364));
        if start > end {
            let message = tr.t("staff-start-after-end");
            from.error = Some(message.clone());
            errs.add_worded("from", message);
            return (None, from, to, errs);
        }
        from.show(start);
        to.show(end);
        (Some((start, end)), from, to, errs)
    }
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    chrome: Chrome,
    reads_equality: bool,
    /// Whether the viewer works out payments.
    writes_work: bool,
    organisation: Organisation,
    kind: &'static str,
    from: DateField,
    to: DateField,
    period_shown: Option<String>,
    errors: Vec<FieldError>,
    feedback: Option<FeedbackView>,
    adoptions: Vec<AdoptionView>,
    projects: Vec<ProjectRow>,
    /// How many access needs of the organisation's activities were not met.
    unmet_needs: i64,
    /// How many of the organisation's inputs are past their due day with no
    /// feedback today, whenever they were received.
    overdue_now: i64,
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(q): Query<PeriodForm>,
) -> Response {
    // Another organisation's dashboard is, to this viewer, a page that does not exist.
    let Some(id) = raw.parse::<i64>().ok().filter(|id| viewer.sees(*id)) else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    match build(&state, &viewer, id, q).await {
        Ok(d) => render(StatusCode::OK, &d),
        Err(e) => e.respond(&state, &viewer),
    }
}

async fn build(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    q: PeriodForm,
) -> Result<Dashboard, PageError> {
    let store = &state.store;
    let organisation = store.organisation(id).await?;
    let today = crate::today(&state.ctx);
    let (period, from, to, errors) = q.read(&viewer.tr, today);
    let feedback = match period {
        Some((start, end)) => {
            let promise = store.feedback_promise(id).await?;
            let tally = store.feedback_tally(id, start, end, today).await?;
            Some(FeedbackView {
                days: promise.days,
                percentage: tally.percentage().map(|_| tally.shown()),
                on_time: tally.on_time,
                due: tally.due,
                pending: tally.pending,
                overdue: tally.overdue,
                set_by: promise.set_by,
            })
        }
        None => None,
    };
    let period_shown = period.map(|(s, e)| format!("{} to {}", show_date(s), show_date(e)));
    let adoptions = store
        .adoptions(id)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    let projects = store
        .projects(
            PageRequest::first(PageRequest::MAX_LIMIT),
            Within::Parent(id),
        )
        .await?
        .items
        .into_iter()
        .map(|p| ProjectRow {
            id: p.id,
            title: p.title,
            stage: p.stage.label(),
            level: p.level.label(),
            scope_stated: p.scope_and_limits.is_some(),
        })
        .collect();
    Ok(Dashboard {
        unmet_needs: state.store.unmet_needs(organisation.id).await?,
        overdue_now: state.store.overdue_count(organisation.id, today).await?,
        reads_equality: viewer.can(coproduce_domain::account::Capability::ReadEquality),
        writes_work: viewer.can(coproduce_domain::account::Capability::ManagePayments),
        chrome: Chrome::new(state, viewer, "home"),
        kind: organisation.kind.label(),
        organisation,
        from,
        to,
        period_shown,
        errors: errors.0,
        feedback,
        adoptions,
        projects,
    })
}
