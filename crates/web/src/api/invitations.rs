//! `/api/v1/activities/{id}/invitations` and `/api/v1/invitations/{id}/reply`:
//! inviting people, and recording the replies they give the organiser.

use axum::Json;
use axum::extract::{Path, State};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::invitation::{Place, Reach, Reply};
use coproduce_domain::text::FieldErrors;
use coproduce_domain::time;
use coproduce_store::invitations::Invitation;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, Id, id_field, vocab};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/activities/{id}/invitations", C::ReadWork, list)
        .post("/api/v1/activities/{id}/invitations", C::WriteWork, invite)
        .put("/api/v1/invitations/{id}/reply", C::WriteWork, reply)
        .post(
            "/api/v1/invitations/{id}/contacted",
            C::WriteWork,
            contacted,
        )
        .get("/api/v1/activities/{id}/reminders", C::ReadWork, reminders)
        .post(
            "/api/v1/activities/{id}/reminders/{key}/remove",
            C::WriteWork,
            remove_reminder,
        )
        .post(
            "/api/v1/activities/{id}/reminders",
            C::WriteWork,
            add_reminder,
        )
}

fn place_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Place>()
}
fn reach_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Reach>()
}
fn reply_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Reply>()
}
fn optional_reply_schema() -> utoipa::openapi::schema::Object {
    super::nullable_vocabulary_schema::<Reply>()
}

/// One person's invitation to an activity.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationOut {
    pub id: i64,
    pub activity_id: i64,
    pub person_id: i64,
    pub person_name: String,
    /// Whether they have a place or are on the waiting list.
    #[schema(schema_with = place_schema)]
    pub place: &'static str,
    /// How it reaches them: by email (sent), or on the organiser's list to phone
    /// or post.
    #[schema(schema_with = reach_schema)]
    pub reach: &'static str,
    /// Their reply; null until they give one.
    #[schema(schema_with = optional_reply_schema)]
    pub reply: Option<&'static str>,
    #[schema(format = DateTime)]
    pub replied_at: Option<String>,
    #[schema(format = DateTime)]
    pub invited_at: String,
    /// When they were given a place: at once, or when the waiting list moved up.
    #[schema(format = DateTime)]
    pub offered_at: Option<String>,
    /// For someone reached by phone or letter: when the organiser last phoned them
    /// or posted the letter; null until then.
    #[schema(format = DateTime)]
    pub contacted_at: Option<String>,
}

impl From<Invitation> for InvitationOut {
    fn from(i: Invitation) -> Self {
        InvitationOut {
            id: i.id,
            activity_id: i.activity_id,
            person_id: i.person_id,
            person_name: i.person_name.clone(),
            place: i.place.slug(),
            reach: i.reach.slug(),
            reply: i.reply().map(|r| r.slug()),
            replied_at: i.replied_at.map(time::machine),
            invited_at: time::machine(i.invited_at),
            offered_at: i.offered_at.map(time::machine),
            contacted_at: i.contacted_at.map(time::machine),
        }
    }
}

/// A person who was not invited by this request, and their name.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotInvitedOut {
    pub person_id: i64,
    pub person_name: String,
}

/// What inviting did.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitedOut {
    /// The new invitations, with a place or on the waiting list.
    pub invited: Vec<InvitationOut>,
    /// People not contacted, because they have no consent to contact in force.
    pub held_back: Vec<NotInvitedOut>,
    /// People already invited, left as they were.
    pub already_invited: Vec<NotInvitedOut>,
}

/// The people to invite.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteBody {
    /// People of the activity's organisation, 1 to 500 of them, each once.
    #[schema(schema_with = person_ids_schema)]
    pub person_ids: Vec<i64>,
}

fn person_ids_schema() -> utoipa::openapi::schema::Schema {
    super::id_list_schema(1, 500)
}

/// A reply.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyBody {
    #[schema(schema_with = reply_schema)]
    pub reply: String,
}

/// List everyone invited to an activity: those with a place, then the waiting list
/// in order.
#[utoipa::path(get, path = "/api/v1/activities/{id}/invitations", tag = "invitations",
    operation_id = "listInvitations",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "Everyone invited.", body = Vec<InvitationOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<InvitationOut>>, ApiError> {
    viewer.check(s.store.organisation_of_activity(id).await?)?;
    Ok(Json(
        s.store
            .invitations(id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Invite people to a published activity that has not ended. Each is given a place
/// while places last, then a turn on the waiting list, and is sent the invitation
/// by email with its calendar event, or put on the organiser's list to phone or
/// post. Nobody without consent to contact is contacted; someone under 18 needs a
/// parent or guardian's consent on record.
#[utoipa::path(post, path = "/api/v1/activities/{id}/invitations", tag = "invitations",
    operation_id = "invitePeople",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = InviteBody,
    responses(
        (status = 200, description = "Who was invited, and who was not and why.", body = InvitedOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity is a draft, cancelled or over.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn invite(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<InviteBody>,
) -> Result<Json<InvitedOut>, ApiError> {
    let mut errs = FieldErrors::new();
    if body.person_ids.len() > 500 {
        errs.add("person_ids", coproduce_domain::text::Problem::TooMany(500));
    }
    for (i, p) in body.person_ids.iter().enumerate() {
        id_field(&mut errs, &format!("person_ids[{i}]"), *p);
    }
    errs.finish(|| ())?;
    let done =
        coproduce_app::invitations::invite(&s.ctx, &viewer.actor(), id, &body.person_ids).await?;
    let named = |v: Vec<(i64, String)>| {
        v.into_iter()
            .map(|(person_id, person_name)| NotInvitedOut {
                person_id,
                person_name,
            })
            .collect()
    };
    Ok(Json(InvitedOut {
        invited: done.invited.into_iter().map(Into::into).collect(),
        held_back: named(done.held_back),
        already_invited: named(done.already),
    }))
}

/// Record the reply a person gave the organiser (on the phone, by letter). Saying no
/// frees their place for the first person waiting, who is offered it and told.
#[utoipa::path(put, path = "/api/v1/invitations/{id}/reply", tag = "invitations",
    operation_id = "recordReply",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Invitation id")),
    request_body = ReplyBody,
    responses(
        (status = 200, description = "The invitation with its reply.", body = InvitationOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity is cancelled or over.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn reply(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<ReplyBody>,
) -> Result<Json<InvitationOut>, ApiError> {
    let mut errs = FieldErrors::new();
    let Some(reply) = vocab::<Reply>(&mut errs, "reply", &body.reply) else {
        return Err(errs.into());
    };
    Ok(Json(
        coproduce_app::invitations::record_reply(&s.ctx, &viewer.actor(), id, reply)
            .await?
            .into(),
    ))
}

/// A reminder set for an activity.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReminderOut {
    pub id: i64,
    pub activity_id: i64,
    /// How many days before the activity's day it goes.
    pub days_before: i64,
    /// At what London time, `HH:MM`.
    pub at: String,
    /// When it goes (UTC, RFC 3339), worked out from the activity as it is now.
    #[schema(format = DateTime)]
    pub goes_at: String,
    pub words: Option<String>,
    /// When it was sent (UTC, RFC 3339), and to how many people by email.
    #[schema(format = DateTime)]
    pub sent_at: Option<String>,
    pub sent_to: Option<i64>,
}

fn reminder_out(
    r: coproduce_store::invitations::Reminder,
    starts_at: chrono::DateTime<chrono::Utc>,
) -> ReminderOut {
    let at = chrono::NaiveTime::parse_from_str(&r.at_time, "%H:%M").unwrap_or_default();
    ReminderOut {
        goes_at: time::machine(coproduce_domain::invitation::reminder_time(
            starts_at,
            r.days_before,
            at,
        )),
        id: r.id,
        activity_id: r.activity_id,
        days_before: r.days_before,
        at: r.at_time,
        words: r.words,
        sent_at: r.sent_at.map(time::machine),
        sent_to: r.sent_to,
    }
}

/// A reminder to set.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReminderBody {
    /// How many days before the activity's day, 0 to 60.
    #[schema(minimum = 0, maximum = 60)]
    pub days_before: i64,
    /// At what London time, `HH:MM` on a 24-hour clock.
    #[schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    pub at: String,
    /// The organiser's own words, at most 1,000 characters.
    #[schema(max_length = 1000)]
    pub words: Option<String>,
}

/// List the reminders set for an activity.
#[utoipa::path(get, path = "/api/v1/activities/{id}/reminders", tag = "invitations",
    operation_id = "listReminders",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    responses(
        (status = 200, description = "The reminders, in the order they were set.", body = Vec<ReminderOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn reminders(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<ReminderOut>>, ApiError> {
    viewer.check(s.store.organisation_of_activity(id).await?)?;
    let a = s.store.activity(id).await?;
    Ok(Json(
        s.store
            .reminders(id)
            .await?
            .into_iter()
            .map(|r| reminder_out(r, a.starts_at))
            .collect(),
    ))
}

/// Set a reminder for an open activity. It goes by email to everyone with a place
/// who has not said no, with the organiser's words and their reply link; if the
/// activity moves, the reminder moves with it.
#[utoipa::path(post, path = "/api/v1/activities/{id}/reminders", tag = "invitations",
    operation_id = "addReminder",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Activity id")),
    request_body = ReminderBody,
    responses(
        (status = 201, description = "Set; `Location` is the activity's reminders.", body = ReminderOut,
            headers(("Location" = String, description = "The activity's reminders"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The activity is a draft, cancelled or over.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn add_reminder(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<ReminderBody>,
) -> Result<axum::response::Response, ApiError> {
    let Ok(at) = chrono::NaiveTime::parse_from_str(body.at.trim(), "%H:%M") else {
        let mut errs = FieldErrors::new();
        errs.add(
            "at",
            coproduce_domain::text::Problem::NotDateTime(body.at.chars().take(20).collect()),
        );
        return Err(errs.into());
    };
    let r = coproduce_app::reminders::add_reminder(
        &s.ctx,
        &viewer.actor(),
        id,
        body.days_before,
        at,
        body.words.as_deref(),
    )
    .await?;
    let a = s.store.activity(id).await?;
    Ok(super::created(
        format!("/api/v1/activities/{id}/reminders"),
        reminder_out(r, a.starts_at),
    ))
}

/// Remove a reminder before it is sent; one already sent stays on record.
#[utoipa::path(post, path = "/api/v1/activities/{id}/reminders/{key}/remove", tag = "invitations",
    operation_id = "removeReminder",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, minimum = 1, description = "Activity id"),
        ("key" = i64, Path, minimum = 1, description = "Reminder id"),
    ),
    responses(
        (status = 200, description = "The reminder as it was before it was removed.", body = ReminderOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The reminder has been sent.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn remove_reminder(
    State(s): State<AppState>,
    viewer: Viewer,
    Path((raw, key)): Path<(String, String)>,
) -> Result<Json<ReminderOut>, ApiError> {
    let parse = |raw: &str| raw.parse::<i64>().ok().filter(|n| *n > 0);
    let (Some(id), Some(reminder)) = (parse(&raw), parse(&key)) else {
        return Err(ApiError::NotFound(
            crate::i18n::API.t("api-ids-are-whole-numbers"),
        ));
    };
    let r =
        coproduce_app::reminders::remove_reminder(&s.ctx, &viewer.actor(), id, reminder).await?;
    let a = s.store.activity(id).await?;
    Ok(Json(reminder_out(r, a.starts_at)))
}

/// Record that the organiser phoned someone invited by phone, or posted the letter
/// to someone invited by letter, now.
#[utoipa::path(post, path = "/api/v1/invitations/{id}/contacted", tag = "invitations",
    operation_id = "recordContacted",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Invitation id")),
    responses(
        (status = 200, description = "The invitation, with when they were contacted.", body = InvitationOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "They were invited by email, or the activity is a draft, cancelled or over.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn contacted(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<InvitationOut>, ApiError> {
    Ok(Json(
        coproduce_app::invitations::mark_contacted(&s.ctx, &viewer.actor(), id)
            .await?
            .into(),
    ))
}
