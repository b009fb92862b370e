//! `/api/v1/inputs`: "you said, we did": what people said, where it came from and
//! who said it. The responses, whom they reached and publishing are `responses`.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_app::inputs::SaidFields;
use coproduce_domain::account::Capability as C;
use coproduce_domain::input::{self, MAX_ANONYMOUS, ResponseStatus};
use coproduce_domain::text::{FieldErrors, LONG, Problem};
use coproduce_domain::time;
use coproduce_store::inputs::{Input, InputFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiQuery, Id, ListOut, created, parse_number, required};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/inputs", C::ReadWork, list)
        .post("/api/v1/inputs", C::WriteWork, create)
        .get("/api/v1/inputs/{id}", C::ReadWork, read)
        .put("/api/v1/inputs/{id}", C::WriteWork, update)
}

/// Something people said, where it came from, and what was done about it.
#[derive(Debug, Serialize, ToSchema)]
pub struct InputOut {
    pub id: i64,
    pub organisation_id: i64,
    pub project_id: Option<i64>,
    /// The activity it was said at, or null.
    pub activity_id: Option<i64>,
    /// The opportunity it was said about, or null.
    pub opportunity_id: Option<i64>,
    /// The feedback form it was sent through, or null.
    pub form_id: Option<i64>,
    /// The title of the activity, opportunity, feedback form or project it came
    /// from.
    pub came_from: String,
    /// What people said.
    pub said: String,
    /// The date it was said (YYYY-MM-DD).
    #[schema(format = Date)]
    pub received_on: String,
    /// The ids of the people named as having said it, in id order.
    pub said_by: Vec<i64>,
    /// How many more said it without being named.
    pub anonymous_count: i64,
    /// Its themes, lower case, in order.
    pub themes: Vec<String>,
    /// The account answering for it.
    pub owner_account_id: Option<i64>,
    /// The day feedback is due by: the charter's deadline after it was received,
    /// unless changed.
    #[schema(format = Date)]
    pub due_on: String,
    /// The current response's words.
    pub response: Option<String>,
    #[schema(schema_with = nullable_status_schema)]
    pub response_status: Option<String>,
    #[schema(format = Date)]
    pub responded_on: Option<String>,
    /// By when a "will do" will be done.
    #[schema(format = Date)]
    pub will_do_by: Option<String>,
    /// The first day a response reached the people who gave the input.
    #[schema(format = Date)]
    pub fed_back_on: Option<String>,
    /// Not fed back, and past its due day.
    pub overdue: bool,
}

fn nullable_status_schema() -> utoipa::openapi::schema::Object {
    super::nullable_vocabulary_schema::<ResponseStatus>()
}

pub(super) fn status_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<ResponseStatus>()
}

pub(super) fn out(i: Input, today: chrono::NaiveDate) -> InputOut {
    InputOut {
        overdue: input::overdue(i.due_on, i.fed_back_on, today),
        id: i.id,
        organisation_id: i.organisation_id,
        project_id: i.project_id,
        activity_id: i.activity_id,
        opportunity_id: i.opportunity_id,
        form_id: i.form_id,
        came_from: i.came_from,
        said: i.said,
        received_on: i.received_on.to_string(),
        said_by: i.said_by,
        anonymous_count: i.anonymous_count,
        themes: i.themes,
        owner_account_id: i.owner_account_id,
        due_on: i.due_on.to_string(),
        response: i.response,
        response_status: i.response_status,
        responded_on: i.responded_on.map(|d| d.to_string()),
        will_do_by: i.will_do_by.map(|d| d.to_string()),
        fed_back_on: i.fed_back_on.map(|d| d.to_string()),
    }
}

/// What people said, where it came from and who said it. Dates are `YYYY-MM-DD`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InputBody {
    /// The project it was said about. Needed when it came from neither an activity
    /// nor an opportunity (by letter, email or phone, say); otherwise taken from
    /// the activity or opportunity.
    #[schema(schema_with = super::optional_id_schema)]
    pub project_id: Option<i64>,
    /// The activity it was said at.
    #[schema(schema_with = super::optional_id_schema)]
    pub activity_id: Option<i64>,
    /// The opportunity it was said about; not with an activity.
    #[schema(schema_with = super::optional_id_schema)]
    pub opportunity_id: Option<i64>,
    /// What people said.
    #[schema(schema_with = super::long_text)]
    pub said: String,
    /// The day it was said; not after today.
    #[schema(format = Date)]
    pub received_on: String,
    /// The ids of people who said it: for an activity, each on its list of people
    /// (invited, came or did not come); for an opportunity, each who said they were
    /// interested; otherwise each on the organisation's register. Leave out, or
    /// give an empty list, to name no one. On a change, the list replaces the one
    /// held.
    #[schema(schema_with = said_by_schema)]
    pub said_by: Option<Vec<i64>>,
    /// How many more said it without being named, 0 to 10,000 (default 0).
    #[schema(minimum = 0, maximum = 10000)]
    pub anonymous_count: Option<i64>,
    /// Its themes: at most 10, each at most 60 characters; a theme may also hold
    /// several with commas between them. Kept lower case, each once.
    #[schema(schema_with = themes_schema)]
    pub themes: Option<Vec<String>>,
    /// The staff account answering for it, of the input's organisation. Left out:
    /// whoever records it, and on a change the one it has.
    #[schema(schema_with = super::optional_id_schema)]
    pub owner_account_id: Option<i64>,
    /// The day feedback is due by, not before `received_on`. Left out: the
    /// charter's feedback deadline after `received_on`; on a change, the one it has
    /// unless `received_on` changes.
    #[schema(schema_with = super::optional_date_schema)]
    pub due_on: Option<String>,
}

fn said_by_schema() -> utoipa::openapi::schema::Schema {
    super::id_list_schema(0, 100)
}

fn themes_schema() -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::schema::{ArrayBuilder, Type};
    ArrayBuilder::new()
        .items(super::text_schema(input::THEME_LENGTH))
        .max_items(Some(input::MAX_THEMES))
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
            Type::Array,
            Type::Null,
        ]))
        .build()
        .into()
}

/// Checks a list of ids: at most `max`, each an id, none twice.
fn id_list(errs: &mut FieldErrors, field: &str, ids: &[i64], max: usize) -> Vec<i64> {
    if ids.len() > max {
        errs.add(
            field,
            Problem::OutOfRange {
                min: 0,
                max: max as i64,
                given: ids.len() as i64,
            },
        );
    }
    if ids.iter().any(|id| *id < 1) {
        errs.add(field, Problem::NotAnId);
    }
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
        errs.add(
            field,
            Problem::KeyUsedTwice {
                what: "person",
                key: w[0].to_string(),
            },
        );
    }
    sorted
}

pub(super) fn optional_id(errs: &mut FieldErrors, field: &str, id: Option<i64>) -> Option<i64> {
    let id = id?;
    if id < 1 {
        errs.add(field, Problem::NotAnId);
        return None;
    }
    Some(id)
}

pub(super) fn optional_date(
    errs: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
) -> Option<chrono::NaiveDate> {
    match raw.map(str::trim) {
        None | Some("") => None,
        Some(s) => errs.take(field, time::parse_date(s)),
    }
}

impl InputBody {
    /// Checks the values as given; the application checks them against the records
    /// they name.
    pub(crate) fn check(&self) -> Result<SaidFields, ApiError> {
        let mut errs = FieldErrors::new();
        let project_id = optional_id(&mut errs, "project_id", self.project_id);
        let activity_id = optional_id(&mut errs, "activity_id", self.activity_id);
        let opportunity_id = optional_id(&mut errs, "opportunity_id", self.opportunity_id);
        let owner_account_id = optional_id(&mut errs, "owner_account_id", self.owner_account_id);
        let said = required(&mut errs, "said", &self.said, LONG);
        let received_on = errs.take("received_on", time::parse_date(&self.received_on));
        let due_on = optional_date(&mut errs, "due_on", self.due_on.as_deref());
        let said_by = id_list(
            &mut errs,
            "said_by",
            self.said_by.as_deref().unwrap_or_default(),
            100,
        );
        let anonymous_count = self.anonymous_count.unwrap_or(0);
        if !(0..=MAX_ANONYMOUS).contains(&anonymous_count) {
            errs.add(
                "anonymous_count",
                Problem::OutOfRange {
                    min: 0,
                    max: MAX_ANONYMOUS,
                    given: anonymous_count,
                },
            );
        }
        let themes = errs.take(
            "themes",
            input::read_themes(self.themes.as_deref().unwrap_or_default()),
        );
        let (Some(said), Some(received_on), Some(themes)) = (said, received_on, themes) else {
            return Err(errs.into());
        };
        errs.finish(|| SaidFields {
            project_id,
            activity_id,
            opportunity_id,
            said,
            received_on,
            anonymous_count,
            said_by,
            themes,
            owner_account_id,
            due_on,
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
    /// Only inputs of this organisation.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub organisation_id: Option<String>,
    /// Only inputs of this project.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub project_id: Option<String>,
    /// Only inputs given at this activity.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub activity_id: Option<String>,
    /// Only inputs given about this opportunity.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub opportunity_id: Option<String>,
    /// Only inputs sent through this feedback form.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub form_id: Option<String>,
    /// Only inputs this account answers for.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub owner_account_id: Option<String>,
    /// Only inputs with this theme (matched as kept: trimmed and in lower case).
    #[param(value_type = Option<String>, max_length = 60)]
    pub theme: Option<String>,
    /// `true` for only those overdue today: not fed back, and past their due day.
    #[param(value_type = Option<bool>)]
    pub overdue: Option<String>,
}

impl InputsQuery {
    fn read(
        &self,
        today: chrono::NaiveDate,
    ) -> Result<(coproduce_store::PageRequest, InputFilter), ApiError> {
        let mut errs = FieldErrors::new();
        let after = parse_number(&mut errs, "after", self.after.as_deref(), 0, i64::MAX);
        let limit = parse_number(
            &mut errs,
            "limit",
            self.limit.as_deref(),
            1,
            coproduce_store::PageRequest::MAX_LIMIT,
        );
        let mut id = |field: &str, raw: &Option<String>| {
            parse_number(&mut errs, field, raw.as_deref(), 1, i64::MAX)
        };
        let filter = InputFilter {
            organisation_id: id("organisation_id", &self.organisation_id),
            project_id: id("project_id", &self.project_id),
            activity_id: id("activity_id", &self.activity_id),
            opportunity_id: id("opportunity_id", &self.opportunity_id),
            form_id: id("form_id", &self.form_id),
            owner_account_id: id("owner_account_id", &self.owner_account_id),
            theme: None,
            overdue_on: None,
        };
        // A theme is matched as it is kept: trimmed, single-spaced, lower case.
        let theme = self
            .theme
            .as_deref()
            .map(|t| {
                t.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .filter(|t| !t.is_empty());
        if let Some(t) = &theme
            && t.chars().count() > input::THEME_LENGTH
        {
            errs.add(
                "theme",
                Problem::TooLong {
                    max: input::THEME_LENGTH,
                    len: t.chars().count(),
                },
            );
        }
        let overdue = match self.overdue.as_deref().map(str::trim) {
            None | Some("false") => false,
            Some("true") => true,
            Some(_) => {
                errs.add("overdue", Problem::NotYesNo("overdue".into()));
                false
            }
        };
        errs.finish(|| {
            (
                coproduce_store::PageRequest::new(after, limit),
                InputFilter {
                    theme,
                    overdue_on: overdue.then_some(today),
                    ..filter
                },
            )
        })
        .map_err(Into::into)
    }

    /// The list's address with the same narrowing, for its `next`.
    fn base(&self, f: &InputFilter) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (name, v) in [
            ("organisation_id", f.organisation_id),
            ("project_id", f.project_id),
            ("activity_id", f.activity_id),
            ("opportunity_id", f.opportunity_id),
            ("form_id", f.form_id),
            ("owner_account_id", f.owner_account_id),
        ] {
            if let Some(v) = v {
                pairs.push((name, v.to_string()));
            }
        }
        if let Some(t) = &f.theme {
            pairs.push(("theme", t.clone()));
        }
        if f.overdue_on.is_some() {
            pairs.push(("overdue", "true".into()));
        }
        if pairs.is_empty() {
            "/api/v1/inputs".into()
        } else {
            format!(
                "/api/v1/inputs?{}",
                serde_urlencoded::to_string(&pairs).unwrap_or_default()
            )
        }
    }
}

/// List "you said, we did" inputs the token's account sees, a page at a time,
/// narrowed by organisation, project, activity, opportunity, owner, theme, or to
/// those overdue.
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
    let today = crate::today(&s.ctx);
    let (page, filter) = q.read(today)?;
    let base = q.base(&filter);
    let rows = coproduce_app::inputs::list(&s.ctx, &viewer.actor(), page, filter).await?;
    Ok(Json(ListOut::from_page(rows, &base, page.limit, |i| {
        out(i, today)
    })))
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
    let r = coproduce_app::inputs::read(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(out(r.input, crate::today(&s.ctx))))
}

/// Record something people said: at an activity, about an opportunity, or to a
/// project another way. Its owner is reminded three days before it is due and
/// the day after, unless it has been fed back.
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
    let fields = body.check()?;
    let i = coproduce_app::inputs::record(&s.ctx, &viewer.actor(), &fields).await?;
    Ok(created(
        format!("/api/v1/inputs/{}", i.id),
        out(i, crate::today(&s.ctx)),
    ))
}

/// Replace what was said, where it came from, who said it, its themes, owner and
/// due day. Its responses are given with `POST …/responses` and stay as they are.
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
    let fields = body.check()?;
    let i = coproduce_app::inputs::change(&s.ctx, &viewer.actor(), id, &fields).await?;
    Ok(Json(out(i, crate::today(&s.ctx))))
}
