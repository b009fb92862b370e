//! `/api/v1/organisations/{id}/indicators/…`: figures measured from the work.

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use coproduce_domain::account::Capability as C;
use coproduce_domain::text::{FieldErrors, Problem as Why};
use coproduce_domain::time;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiQuery, Id};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get(
        "/api/v1/organisations/{id}/indicators/feedback-within-days",
        C::ReadDashboard,
        feedback_within_days,
    )
    .get(
        "/api/v1/organisations/{id}/indicators/you-said-we-did",
        C::ReadDashboard,
        you_said_we_did,
    )
}

/// The period to measure: inputs received from `from` to `to`, both included.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PeriodQuery {
    /// First day (YYYY-MM-DD), not after `to`; empty or absent: a year before `to`.
    #[param(schema_with = super::optional_date_schema)]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD); empty or absent: today.
    #[param(schema_with = super::optional_date_schema)]
    pub to: Option<String>,
}

/// A period, checked: `from` is not after `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl PeriodQuery {
    /// The period asked for, defaulting to the twelve months to today.
    pub fn period(&self, today: NaiveDate) -> Result<Period, FieldErrors> {
        let mut errs = FieldErrors::new();
        let mut date = |field: &str, raw: &Option<String>| match raw.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => errs.take(field, time::parse_date(s)).map(Some),
        };
        let to = date("to", &self.to);
        let from = date("from", &self.from);
        if let (Some(to), Some(from)) = (to, from) {
            let to = to.unwrap_or(today);
            let from = from.unwrap_or_else(|| to - chrono::Duration::days(364));
            if from > to {
                errs.add("from", Why::StartsAfterEnd);
            }
            return errs.finish(|| Period { from, to });
        }
        Err(errs)
    }
}

/// "Inputs fed back within N days" for one organisation and period.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedbackIndicatorOut {
    pub organisation_id: i64,
    #[schema(format = Date)]
    pub from: String,
    #[schema(format = Date)]
    pub to: String,
    /// N: the strictest deadline among the charters the organisation signed.
    pub within_days: u16,
    /// The charter that sets N, or null when none is signed and the default applies.
    pub set_by: Option<String>,
    /// Inputs fed back within N days.
    pub numerator: i64,
    /// Inputs fed back, or whose N days have passed.
    pub denominator: i64,
    /// numerator / denominator as a percentage, or null when nothing was due ("no data").
    pub percentage: Option<f64>,
    /// Inputs still within their N days and not yet fed back: in neither count.
    pub pending: i64,
    /// Inputs past their N days with no feedback.
    pub overdue: i64,
}

/// Measure "inputs fed back within N days" for an organisation and a period.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/indicators/feedback-within-days", tag = "indicators",
    operation_id = "getFeedbackWithinDays",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id"), PeriodQuery),
    responses(
        (status = 200, description = "The indicator for the period.", body = FeedbackIndicatorOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn feedback_within_days(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiQuery(q): ApiQuery<PeriodQuery>,
) -> Result<Json<FeedbackIndicatorOut>, ApiError> {
    let period = q.period(crate::today(&s.ctx))?;
    let (promise, tally) =
        coproduce_app::inputs::feedback_within(&s.ctx, &viewer.actor(), id, period.from, period.to)
            .await?;
    Ok(Json(FeedbackIndicatorOut {
        organisation_id: id,
        from: period.from.to_string(),
        to: period.to.to_string(),
        within_days: promise.days,
        set_by: promise.set_by,
        numerator: tally.on_time,
        denominator: tally.due,
        percentage: tally.percentage().map(|p| (p * 10.0).round() / 10.0),
        pending: tally.pending,
        overdue: tally.overdue,
    }))
}

/// "You said, we did" figures for a group of inputs.
#[derive(Debug, Serialize, ToSchema)]
pub struct SaidFiguresOut {
    /// The project, or null for all the organisation's inputs together (and for
    /// inputs of no project, in the list by project).
    pub project_id: Option<i64>,
    pub project_title: Option<String>,
    /// Inputs received in the period.
    pub received: i64,
    /// Of those, the ones fed back or past their due day.
    pub due: i64,
    /// Of those, the ones fed back by their due day.
    pub fed_back_on_time: i64,
    /// fed_back_on_time / due as a percentage, or null when nothing was due.
    pub percentage_on_time: Option<f64>,
    pub fed_back: i64,
    /// The median whole days from an input to its feedback, of those fed back, or
    /// null when none was.
    pub median_days_to_feedback: Option<f64>,
    /// Inputs that led to at least one outcome.
    pub led_to_outcome: i64,
}

/// "You said, we did" for an organisation and a period, and each project apart.
#[derive(Debug, Serialize, ToSchema)]
pub struct SaidIndicatorOut {
    pub organisation_id: i64,
    #[schema(format = Date)]
    pub from: String,
    #[schema(format = Date)]
    pub to: String,
    pub all: SaidFiguresOut,
    pub projects: Vec<SaidFiguresOut>,
}

fn said_out(
    project: Option<(i64, String)>,
    f: coproduce_store::indicators::SaidFigures,
) -> SaidFiguresOut {
    SaidFiguresOut {
        project_id: project.as_ref().map(|p| p.0),
        project_title: project.map(|p| p.1),
        received: f.received,
        due: f.due,
        fed_back_on_time: f.on_time,
        percentage_on_time: (f.due > 0)
            .then(|| (f.on_time as f64 * 1000.0 / f.due as f64).round() / 10.0),
        fed_back: f.fed_back,
        median_days_to_feedback: f.median_days,
        led_to_outcome: f.led_to_outcome,
    }
}

/// Measure "you said, we did" for an organisation and a period: inputs fed back by
/// their due day, the median days to feedback, and inputs that led to an outcome,
/// all together and for each project.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/indicators/you-said-we-did", tag = "indicators",
    operation_id = "getYouSaidWeDid",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id"), PeriodQuery),
    responses(
        (status = 200, description = "The figures.", body = SaidIndicatorOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn you_said_we_did(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiQuery(q): ApiQuery<PeriodQuery>,
) -> Result<Json<SaidIndicatorOut>, ApiError> {
    let today = crate::today(&s.ctx);
    let period = q.period(today)?;
    let (all, projects) =
        coproduce_app::inputs::figures(&s.ctx, &viewer.actor(), id, period.from, period.to).await?;
    Ok(Json(SaidIndicatorOut {
        organisation_id: id,
        from: period.from.to_string(),
        to: period.to.to_string(),
        all: said_out(None, all),
        projects: projects.into_iter().map(|(p, f)| said_out(p, f)).collect(),
    }))
}
