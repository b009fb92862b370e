//! `/api/v1/activities`, and who attended each.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::activity::{ActivityType, Mode, Schedule};
use coproduce_domain::ladder::Rung;
use coproduce_domain::person::AttendanceStatus;
use coproduce_domain::text::{FieldErrors, SHORT};
use coproduce_domain::time;
use coproduce_store::activities::{Activity, ActivityFields, Attendance};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    ApiJson, ApiQuery, Id, ListOut, created, id_field, list_base, optional, reach, required,
    scoped_page, vocab,
};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};
use coproduce_app::scope::{Owned, referenced};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/activities", C::ReadWork, list)
        .post("/api/v1/activities", C::WriteWork, create)
        .get("/api/v1/activities/{id}", C::ReadWork, read)
        .put("/api/v1/activities/{id}", C::WriteWork, update)
        .post("/api/v1/activities/{id}/publish", C::WriteWork, publish)
        .post("/api/v1/activities/{id}/cancel", C::WriteWork, cancel)
        .post("/api/v1/activities/{id}/close", C::WriteWork, close)
        .get(
            "/api/v1/activities/{id}/attendance",
            C::ReadWork,
            attendance,
        )
        .put(
            "/api/v1/activities/{id}/attendance/{person_id}",
            C::WriteWork,
            set_attendance,
        )
}

fn type_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<ActivityType>()
}
fn mode_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Mode>()
}
fn rung_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Rung>()
}
fn status_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<AttendanceStatus>()
}

/// A meeting, workshop, survey, panel or event.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityOut {
    pub id: i64,
    pub project_id: i64,
    pub title: String,
    #[schema(schema_with = type_schema)]
    pub activity_type: &'static str,
    #[schema(schema_with = mode_schema)]
    pub mode: &'static str,
    /// The rung of the ladder of co-production this activity honestly reaches.
    #[schema(schema_with = rung_schema)]
    pub rung: &'static str,
    /// Start, in UTC (RFC 3339).
    #[schema(format = DateTime)]
    pub starts_at: String,
    /// End, in UTC (RFC 3339).
    #[schema(format = DateTime)]
    pub ends_at: String,
    /// Start as shown in London, for people.
    pub starts_at_london: String,
    /// When it was published (UTC, RFC 3339); null while it is a draft.
    #[schema(format = DateTime)]
    pub published_at: Option<String>,
    /// The venue, from the organisation's register, and its name.
    pub venue_id: Option<i64>,
    pub venue_name: Option<String>,
    /// How to join online.
    pub joining_link: Option<String>,
    /// Who chairs it, and who facilitates it.
    pub chair: Option<String>,
    pub facilitator: Option<String>,
    /// How many places there are.
    pub places: Option<i64>,
    /// How long the debrief after it lasts, in minutes.
    pub debrief_minutes: Option<i64>,
    /// Raised by every change. Send it back as `version` with a change, and a change
    /// someone else made meanwhile is refused rather than overwritten.
    pub version: i64,
    /// When it was called off (UTC, RFC 3339); null unless it was.
    #[schema(format = DateTime)]
    pub cancelled_at: Option<String>,
    /// The organiser's closing notes, and when they were last written.
    pub closing_notes: Option<String>,
    #[schema(format = DateTime)]
    pub closed_at: Option<String>,
    /// The ground rules attached: where they came from, and their words as attached.
    pub ground_rules_title: Option<String>,
    pub ground_rules: Option<String>,
}

impl From<Activity> for ActivityOut {
    fn from(a: Activity) -> Self {
        ActivityOut {
            id: a.id,
            project_id: a.project_id,
            title: a.title,
            activity_type: a.activity_type.slug(),
            mode: a.mode.slug(),
            rung: a.rung.slug(),
            starts_at: time::machine(a.starts_at),
            ends_at: time::machine(a.ends_at),
            starts_at_london: time::show(a.starts_at),
            published_at: a.published_at.map(time::machine),
            venue_id: a.venue_id,
            venue_name: a.venue_name,
            joining_link: a.joining_link,
            chair: a.chair,
            facilitator: a.facilitator,
            places: a.places,
            debrief_minutes: a.debrief_minutes,
            version: a.version,
            cancelled_at: a.cancelled_at.map(time::machine),
            closing_notes: a.closing_notes,
            closed_at: a.closed_at.map(time::machine),
            ground_rules_title: a.ground_rules_title,
            ground_rules: a.ground_rules,
        }
    }
}

/// The fields of an activity. Times are either London wall-clock times
/// (`2026-03-14T18:30`) or carry an offset (`2026-03-14T18:30:00Z`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityBody {
    #[schema(minimum = 1)]
    pub project_id: i64,
    #[schema(schema_with = super::short_text)]
    pub title: String,
    #[schema(schema_with = type_schema)]
    pub activity_type: String,
    #[schema(schema_with = mode_schema)]
    pub mode: String,
    #[schema(schema_with = rung_schema)]
    pub rung: String,
    /// When it starts: a London wall-clock time (`2026-03-14T18:30`) or a time with an
    /// offset. A London time the clocks skip or repeat is refused.
    #[schema(format = DateTime)]
    pub starts_at: String,
    /// When it ends, after it starts; written as `starts_at` is.
    #[schema(format = DateTime)]
    pub ends_at: String,
    /// A venue of the project's organisation, from its register.
    #[schema(schema_with = super::optional_id_schema)]
    pub venue_id: Option<i64>,
    /// How to join online: an `https://` address.
    #[schema(schema_with = link_schema)]
    pub joining_link: Option<String>,
    /// Who chairs it.
    #[schema(schema_with = super::optional_short_text)]
    pub chair: Option<String>,
    /// Who facilitates it.
    #[schema(schema_with = super::optional_short_text)]
    pub facilitator: Option<String>,
    /// How many places there are, 1 to 10,000.
    #[schema(schema_with = places_schema)]
    pub places: Option<i64>,
    /// How long the debrief after it lasts, 0 to 240 minutes.
    #[schema(schema_with = debrief_schema)]
    pub debrief_minutes: Option<i64>,
    /// On a change: the `version` you read. If someone changed the activity since,
    /// the change is refused with 409 and nothing is written. Left out, the change
    /// is made whatever the version. Not used when adding an activity.
    #[serde(default)]
    #[schema(schema_with = version_schema)]
    pub version: Option<i64>,
    /// On a change to a published activity that breaks one of the charter's meeting
    /// rules (see `listActivityWarnings`): why it goes ahead anyway. Without it such
    /// a change is refused with 422 on this field. Kept against each rule it breaks.
    #[serde(default)]
    #[schema(schema_with = super::meeting_rules::reason_schema)]
    pub go_ahead_reason: Option<String>,
}

fn version_schema() -> utoipa::openapi::schema::Object {
    whole_number(0, i64::MAX, "The version read")
}

/// The longest joining link.
const LINK_LENGTH: usize = 500;

fn link_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::Object::builder()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
            utoipa::openapi::schema::Type::String,
            utoipa::openapi::schema::Type::Null,
        ]))
        .pattern(Some(format!("^https://[!-~]{{1,{}}}$", LINK_LENGTH - 8)))
        .description(Some(
            "An https:// address of printable characters without spaces, at most 500 long; or null for none.",
        ))
        .build()
}

fn whole_number(min: i64, max: i64, what: &str) -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::Object::builder()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
            utoipa::openapi::schema::Type::Integer,
            utoipa::openapi::schema::Type::Null,
        ]))
        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
            utoipa::openapi::KnownFormat::Int64,
        )))
        .minimum(Some(min))
        .maximum(Some(max))
        .description(Some(format!("{what}, {min} to {max}; or null.")))
        .build()
}

fn places_schema() -> utoipa::openapi::schema::Object {
    whole_number(1, 10_000, "How many places")
}

fn debrief_schema() -> utoipa::openapi::schema::Object {
    whole_number(0, 240, "Minutes of debrief")
}

/// Checks an optional joining link: an `https://` address of printable characters
/// without spaces.
fn joining_link(errs: &mut FieldErrors, raw: Option<&str>) -> Option<Option<String>> {
    match raw {
        None => Some(None),
        Some(l) => {
            let ok = l.len() <= LINK_LENGTH
                && l.len() > 8
                && l.starts_with("https://")
                && l.bytes().all(|b| (b'!'..=b'~').contains(&b));
            if ok {
                Some(Some(l.to_string()))
            } else {
                errs.add(
                    "joining_link",
                    coproduce_domain::text::Problem::NotLink(l.chars().take(60).collect()),
                );
                None
            }
        }
    }
}

/// Checks an optional whole number within a range.
fn in_range(
    errs: &mut FieldErrors,
    field: &str,
    v: Option<i64>,
    min: i64,
    max: i64,
) -> Option<Option<i64>> {
    match v {
        Some(n) if !(min..=max).contains(&n) => {
            errs.add(
                field,
                coproduce_domain::text::Problem::OutOfRange { min, max, given: n },
            );
            None
        }
        other => Some(other),
    }
}

impl ActivityBody {
    pub(crate) fn check(&self) -> Result<ActivityFields, ApiError> {
        let mut errs = FieldErrors::new();
        let project_id = id_field(&mut errs, "project_id", self.project_id);
        let title = required(&mut errs, "title", &self.title, SHORT);
        let activity_type = vocab(&mut errs, "activity_type", &self.activity_type);
        let mode = vocab(&mut errs, "mode", &self.mode);
        let rung = vocab(&mut errs, "rung", &self.rung);
        let starts = errs.take("starts_at", time::parse_london(&self.starts_at));
        let ends = errs.take("ends_at", time::parse_london(&self.ends_at));
        let schedule = match (starts, ends) {
            (Some(s), Some(e)) => errs.take("ends_at", Schedule::new(s, e)),
            _ => None,
        };
        let venue_id = self
            .venue_id
            .map(|v| id_field(&mut errs, "venue_id", v))
            .unwrap_or(Some(0))
            .filter(|v| *v > 0);
        let link = joining_link(&mut errs, self.joining_link.as_deref());
        let chair = optional(&mut errs, "chair", self.chair.as_deref(), SHORT).flatten();
        let facilitator =
            optional(&mut errs, "facilitator", self.facilitator.as_deref(), SHORT).flatten();
        let places = in_range(&mut errs, "places", self.places, 1, 10_000).flatten();
        let debrief =
            in_range(&mut errs, "debrief_minutes", self.debrief_minutes, 0, 240).flatten();
        // Checked whenever it is sent, though it is kept only when a rule is broken.
        optional(
            &mut errs,
            "go_ahead_reason",
            self.go_ahead_reason.as_deref(),
            coproduce_app::meeting_rules::REASON_LENGTH,
        );
        let details = coproduce_store::activities::MeetingDetails {
            venue_id,
            joining_link: link.flatten(),
            chair,
            facilitator,
            places,
            debrief_minutes: debrief,
        };
        match (project_id, title, activity_type, mode, rung, schedule) {
            (
                Some(project_id),
                Some(title),
                Some(activity_type),
                Some(mode),
                Some(rung),
                Some(schedule),
            ) if errs.is_empty() => Ok(ActivityFields {
                project_id,
                title,
                activity_type,
                mode,
                rung,
                schedule,
                details,
            }),
            _ => Err(errs.into()),
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ActivitiesQuery {
    /// Return activities with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many activities to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only activities of this project.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub project_id: Option<String>,
}

/// List activities, a page at a time, of one project or of every project the token's
/// account sees.
#[utoipa::path(get, path = "/api/v1/activities", tag = "activities",
    operation_id = "listActivities",
    security(("bearer" = [])),
    params(ActivitiesQuery),
    responses(
        (status = 200, description = "A page of activities, by id.", body = ListOut<ActivityOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<ActivitiesQuery>,
) -> Result<Json<ListOut<ActivityOut>>, ApiError> {
    let (page, project) = scoped_page(
        q.after.as_deref(),
        q.limit.as_deref(),
        "project_id",
        q.project_id.as_deref(),
    )?;
    if let Some(p) = project {
        referenced(&s.ctx, &viewer.actor(), Owned::Project, "project_id", p).await?;
    }
    let rows = s.store.activities(page, reach(&viewer, project)?).await?;
    let base = list_base("/api/v1/activities", "project_id", project);
    Ok(Json(ListOut::from_page(
        rows,
        &base,
        page.limit,
        Into::into,
    )))
}

/// Read an activity.
#[utoipa::path(get, path = "/api/v1/activities/{id}", tag = "activities",
    operation_id = "getActivity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "The activity.", body = ActivityOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<ActivityOut>, ApiError> {
    let a = s.store.activity(id).await?;
    viewer.check(s.store.organisation_of_project(a.project_id).await?)?;
    Ok(Json(a.into()))
}

/// Add an activity to a project.
#[utoipa::path(post, path = "/api/v1/activities", tag = "activities",
    operation_id = "createActivity",
    security(("bearer" = [])),
    request_body = ActivityBody,
    responses(
        (status = 201, description = "Created; `Location` is its address.", body = ActivityOut,
            headers(("Location" = String, description = "The new activity's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn create(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiJson(body): ApiJson<ActivityBody>,
) -> Result<Response, ApiError> {
    let fields = body.check()?;
    let a = coproduce_app::work::create_activity(&s.ctx, &viewer.actor(), &fields).await?;
    Ok(created(
        format!("/api/v1/activities/{}", a.id),
        ActivityOut::from(a),
    ))
}

/// Replace an activity's fields.
#[utoipa::path(put, path = "/api/v1/activities/{id}", tag = "activities",
    operation_id = "updateActivity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = ActivityBody,
    responses(
        (status = 200, description = "The activity as changed. Everyone invited by email is sent its calendar event again.", body = ActivityOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "Someone changed it after the `version` given was read; nothing was written.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is refused, or the change to a published activity breaks a meeting rule and `go_ahead_reason` is missing.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn update(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<ActivityBody>,
) -> Result<Json<ActivityOut>, ApiError> {
    let fields = body.check()?;
    Ok(Json(
        coproduce_app::work::update_activity(
            &s.ctx,
            &viewer.actor(),
            id,
            &fields,
            body.version,
            body.go_ahead_reason.as_deref(),
        )
        .await?
        .into(),
    ))
}

/// Call an activity off. It stays on record; everyone invited by email is sent the
/// cancellation of its calendar event.
#[utoipa::path(post, path = "/api/v1/activities/{id}/cancel", tag = "activities",
    operation_id = "cancelActivity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "The activity, cancelled.", body = ActivityOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It is already cancelled.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn cancel(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<ActivityOut>, ApiError> {
    Ok(Json(
        coproduce_app::work::cancel_activity(&s.ctx, &viewer.actor(), id)
            .await?
            .into(),
    ))
}

/// Publish an activity. Its project must first say what people can change and what
/// they cannot (`scope_and_limits` and `cannot_change`), and it needs a venue to meet
/// in or a link to join by; until then this answers 409. If it breaks one of the
/// charter's meeting rules nobody has given a reason for (see
/// `listActivityWarnings`), send `go_ahead_reason`; without it, 422 on that field.
/// The body may be `{}`. Publishing one already published changes nothing.
#[utoipa::path(post, path = "/api/v1/activities/{id}/publish", tag = "activities",
    operation_id = "publishActivity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = super::meeting_rules::GoAheadBody,
    responses(
        (status = 200, description = "The activity, published.", body = ActivityOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "Its project does not yet say what people can change and what they cannot, or it has no venue or joining link.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn publish(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<super::meeting_rules::GoAheadBody>,
) -> Result<Json<ActivityOut>, ApiError> {
    let mut errs = FieldErrors::new();
    let reason = optional(
        &mut errs,
        "go_ahead_reason",
        body.go_ahead_reason.as_deref(),
        coproduce_app::meeting_rules::REASON_LENGTH,
    )
    .flatten();
    if !errs.is_empty() {
        return Err(errs.into());
    }
    Ok(Json(
        coproduce_app::work::publish_activity(&s.ctx, &viewer.actor(), id, reason.as_deref())
            .await?
            .into(),
    ))
}

/// One person's attendance at an activity.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttendanceOut {
    pub person_id: i64,
    pub person_name: String,
    #[schema(schema_with = status_schema)]
    pub status: &'static str,
    /// For someone who came: how long they took part, in minutes.
    pub minutes: Option<i64>,
}

impl From<Attendance> for AttendanceOut {
    fn from(a: Attendance) -> Self {
        AttendanceOut {
            person_id: a.person_id,
            person_name: a.person_name,
            status: a.status.slug(),
            minutes: a.minutes,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceBody {
    #[schema(schema_with = status_schema)]
    pub status: String,
    /// For someone who came (`attended`): how long they took part, 1 to 1,440
    /// minutes; left out, the whole activity. Refused with any other status.
    #[serde(default)]
    #[schema(schema_with = minutes_schema)]
    pub minutes: Option<i64>,
}

fn minutes_schema() -> utoipa::openapi::schema::Object {
    whole_number(1, coproduce_app::work::MAX_MINUTES, "Minutes taken part")
}

/// Closing notes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseBody {
    /// What happened, what was agreed, what comes next: 1 to 10,000 characters.
    #[schema(schema_with = super::long_text)]
    pub notes: String,
}

/// Write (or rewrite) an activity's closing notes, once it has started.
#[utoipa::path(post, path = "/api/v1/activities/{id}/close", tag = "activities",
    operation_id = "closeActivity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = CloseBody,
    responses(
        (status = 200, description = "The activity with its closing notes.", body = ActivityOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It is cancelled, or has not started yet.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn close(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<CloseBody>,
) -> Result<Json<ActivityOut>, ApiError> {
    let mut errs = FieldErrors::new();
    let Some(notes) = required(
        &mut errs,
        "notes",
        &body.notes,
        coproduce_domain::text::LONG,
    ) else {
        return Err(errs.into());
    };
    Ok(Json(
        coproduce_app::work::close_activity(&s.ctx, &viewer.actor(), id, &notes)
            .await?
            .into(),
    ))
}

/// List who was invited to, came to or missed an activity.
#[utoipa::path(get, path = "/api/v1/activities/{id}/attendance", tag = "activities",
    operation_id = "listActivityAttendance",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "Everyone recorded against the activity.", body = Vec<AttendanceOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn attendance(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<AttendanceOut>>, ApiError> {
    viewer.check(s.store.organisation_of_activity(id).await?)?;
    Ok(Json(
        s.store
            .attendance(id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Record a person's attendance at an activity. Someone under 18 cannot be invited or
/// recorded as attending without a parent or guardian's consent on record.
#[utoipa::path(put, path = "/api/v1/activities/{id}/attendance/{person_id}", tag = "activities",
    operation_id = "setAttendance",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, minimum = 1, description = "Activity id"),
        ("person_id" = i64, Path, minimum = 1, description = "Person id"),
    ),
    request_body = AttendanceBody,
    responses(
        (status = 200, description = "The attendance as recorded.", body = AttendanceOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn set_attendance(
    State(s): State<AppState>,
    viewer: Viewer,
    Path((id, person_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<AttendanceBody>,
) -> Result<Json<AttendanceOut>, ApiError> {
    let parse = |raw: &str| raw.parse::<i64>().ok().filter(|n| *n > 0);
    let (Some(id), Some(person_id)) = (parse(&id), parse(&person_id)) else {
        return Err(ApiError::NotFound(
            crate::i18n::API.t("api-ids-are-whole-numbers"),
        ));
    };
    let mut errs = FieldErrors::new();
    let status = vocab::<AttendanceStatus>(&mut errs, "status", &body.status);
    let Some(status) = status else {
        return Err(errs.into());
    };
    let a = coproduce_app::work::set_attendance(
        &s.ctx,
        &viewer.actor(),
        id,
        person_id,
        status,
        body.minutes,
    )
    .await?;
    Ok(Json(a.into()))
}
