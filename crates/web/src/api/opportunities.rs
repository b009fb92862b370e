//! `/api/v1/opportunities`: roles offered to participants, the people invited to
//! apply, people's interest, choosing, and the make-up of those interested; and
//! `/api/v1/open-opportunities`, the public list. The rules are
//! `coproduce_app::opportunities`'.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::equality::Shown;
use coproduce_domain::ladder::Rung;
use coproduce_domain::opportunity::{
    ApplicationStatus, EASY_READ_LENGTH, MAX_INVITED, MAX_PLACES, OpportunityDraft, Recognition,
    TIME_LENGTH, WHY_LENGTH, WhoMayApply,
};
use coproduce_domain::text::{FieldErrors, Problem};
use coproduce_store::Within;
use coproduce_store::opportunities::{Application, Opportunity};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::equality::{AnswerTotal, QuestionOut};
use super::{ApiJson, ApiQuery, Id, ListOut, created, id_field, list_base, scoped_page};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/opportunities", C::ReadWork, list)
        .post(
            "/api/v1/organisations/{id}/opportunities",
            C::WriteWork,
            create,
        )
        .get("/api/v1/opportunities/{id}", C::ReadWork, read)
        .put("/api/v1/opportunities/{id}", C::WriteWork, update)
        .post("/api/v1/opportunities/{id}/publish", C::WriteWork, publish)
        .get("/api/v1/opportunities/{id}/invited", C::ReadPeople, invited)
        .post("/api/v1/opportunities/{id}/invited", C::WriteWork, invite)
        .get(
            "/api/v1/opportunities/{id}/applications",
            C::ReadPeople,
            applications,
        )
        .post(
            "/api/v1/opportunities/{id}/applications",
            C::WriteWork,
            apply,
        )
        .post(
            "/api/v1/opportunities/{id}/applications/{person_id}/withdraw",
            C::WriteWork,
            withdraw,
        )
        .post("/api/v1/opportunities/{id}/decide", C::WriteWork, decide)
        .get(
            "/api/v1/opportunities/{id}/make-up",
            C::ReadEquality,
            make_up,
        )
        .get("/api/v1/open-opportunities", C::ReadPublic, open_list)
}

fn recognition_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Recognition>()
}
fn who_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<WhoMayApply>()
}
fn rung_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Rung>()
}
fn status_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<ApplicationStatus>()
}
fn time_schema() -> utoipa::openapi::schema::Object {
    super::text_schema(TIME_LENGTH)
}
fn easy_read_schema() -> utoipa::openapi::schema::Object {
    super::optional_text_schema(EASY_READ_LENGTH)
}
fn why_schema() -> utoipa::openapi::schema::Object {
    super::optional_text_schema(WHY_LENGTH)
}
fn invited_ids_schema() -> utoipa::openapi::schema::Schema {
    super::id_list_schema(1, MAX_INVITED)
}
fn chosen_schema() -> utoipa::openapi::schema::Schema {
    super::id_list_schema(0, MAX_PLACES as usize)
}
fn standing_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::Object::builder()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(["draft", "open", "closed", "decided"]))
        .description(Some(
            "draft: not yet opened; open: people may say they are interested; closed: past its closing date, nobody chosen yet; decided: its people chosen and everyone told.",
        ))
        .build()
}

/// A role offered to participants.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpportunityOut {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub project_id: Option<i64>,
    pub title: String,
    /// What is expected of the people taking part.
    pub expected: String,
    /// What taking part involves.
    pub involved: String,
    /// The time asked.
    pub time_asked: String,
    #[schema(schema_with = recognition_schema)]
    pub recognition: &'static str,
    /// How much, at what rate, and what expenses are repaid.
    pub recognition_detail: Option<String>,
    /// The access support available.
    pub access_support: String,
    #[schema(schema_with = rung_schema)]
    pub rung: &'static str,
    /// Open to the end of this day, London time.
    #[schema(format = Date)]
    pub closes_on: String,
    pub places: i64,
    #[schema(schema_with = who_schema)]
    pub who_may_apply: &'static str,
    pub network_id: Option<i64>,
    pub network_name: Option<String>,
    /// The role in Easy Read.
    pub easy_read: Option<String>,
    #[schema(schema_with = standing_schema)]
    pub standing: &'static str,
    /// How many people said they are interested (not those who withdrew).
    pub applicants: i64,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub published_at: Option<String>,
    #[schema(format = DateTime)]
    pub decided_at: Option<String>,
}

fn out(o: Opportunity, today: chrono::NaiveDate) -> OpportunityOut {
    let machine = coproduce_domain::time::machine;
    OpportunityOut {
        standing: o.standing(today).slug(),
        id: o.id,
        organisation_id: o.organisation_id,
        organisation_name: o.organisation_name,
        project_id: o.project_id,
        title: o.title,
        expected: o.expected,
        involved: o.involved,
        time_asked: o.time_asked,
        recognition: o.recognition.slug(),
        recognition_detail: o.recognition_detail,
        access_support: o.access_support,
        rung: o.rung.slug(),
        closes_on: o.closes_on.to_string(),
        places: o.places,
        who_may_apply: o.who_may_apply.slug(),
        network_id: o.network_id,
        network_name: o.network_name,
        easy_read: o.easy_read,
        applicants: o.applicants,
        created_at: machine(o.created_at),
        published_at: o.published_at.map(machine),
        decided_at: o.decided_at.map(machine),
    }
}

/// An opportunity's terms. Opening it needs `easy_read`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpportunityBody {
    #[schema(schema_with = super::short_text)]
    pub title: String,
    /// What is expected of the people taking part.
    #[schema(schema_with = super::long_text)]
    pub expected: String,
    /// What taking part involves.
    #[schema(schema_with = super::long_text)]
    pub involved: String,
    /// The time asked: "Four 2-hour meetings between March and June".
    #[schema(schema_with = time_schema)]
    pub time_asked: String,
    #[schema(schema_with = recognition_schema)]
    pub recognition: String,
    /// How much, at what rate, and what expenses are repaid.
    #[serde(default)]
    #[schema(schema_with = super::optional_long_text)]
    pub recognition_detail: Option<String>,
    /// The access support available.
    #[schema(schema_with = super::long_text)]
    pub access_support: String,
    #[schema(schema_with = rung_schema)]
    pub rung: String,
    /// Today or later; open to the end of this day, London time.
    #[schema(schema_with = super::date_schema)]
    pub closes_on: String,
    #[schema(minimum = 1, maximum = 500)]
    pub places: i64,
    /// `network` needs `network_id`; the others must leave it out.
    #[schema(schema_with = who_schema)]
    pub who_may_apply: String,
    /// A network of the organisation, whose current members may apply.
    #[serde(default)]
    #[schema(schema_with = super::optional_id_schema)]
    pub network_id: Option<i64>,
    /// A project of the organisation it is part of.
    #[serde(default)]
    #[schema(schema_with = super::optional_id_schema)]
    pub project_id: Option<i64>,
    /// The role in Easy Read: short sentences, one idea each.
    #[serde(default)]
    #[schema(schema_with = easy_read_schema)]
    pub easy_read: Option<String>,
}

impl OpportunityBody {
    pub(crate) fn draft(&self) -> OpportunityDraft {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        OpportunityDraft {
            title: self.title.clone(),
            expected: self.expected.clone(),
            involved: self.involved.clone(),
            time_asked: self.time_asked.clone(),
            recognition: self.recognition.clone(),
            recognition_detail: text(&self.recognition_detail),
            access_support: self.access_support.clone(),
            rung: self.rung.clone(),
            closes_on: self.closes_on.clone(),
            places: self.places.to_string(),
            who_may_apply: self.who_may_apply.clone(),
            network_id: self.network_id,
            project_id: self.project_id,
            easy_read: text(&self.easy_read),
        }
    }
}

fn today(s: &AppState) -> chrono::NaiveDate {
    crate::today(&s.ctx)
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OpportunitiesQuery {
    /// Return opportunities with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only those of this organisation.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub organisation_id: Option<String>,
}

/// List opportunities, a page at a time, whatever their standing.
#[utoipa::path(get, path = "/api/v1/opportunities", tag = "opportunities",
    operation_id = "listOpportunities",
    security(("bearer" = [])),
    params(OpportunitiesQuery),
    responses(
        (status = 200, description = "A page of opportunities, by id.", body = ListOut<OpportunityOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<OpportunitiesQuery>,
) -> Result<Json<ListOut<OpportunityOut>>, ApiError> {
    let (page, org) = scoped_page(
        q.after.as_deref(),
        q.limit.as_deref(),
        "organisation_id",
        q.organisation_id.as_deref(),
    )?;
    let within = viewer.scope(org)?.map_or(Within::All, Within::Parent);
    let rows = s.store.opportunities(page, within).await?;
    let base = list_base("/api/v1/opportunities", "organisation_id", org);
    let day = today(&s);
    Ok(Json(ListOut::from_page(rows, &base, page.limit, |o| {
        out(o, day)
    })))
}

/// The open opportunities anyone may read about: open to anyone or to a network's
/// members, the soonest to close first. Needs no token.
#[utoipa::path(get, path = "/api/v1/open-opportunities", tag = "opportunities",
    operation_id = "listOpenOpportunities",
    responses(
        (status = 200, description = "The open opportunities.", body = Vec<OpportunityOut>),
    ))]
pub async fn open_list(State(s): State<AppState>) -> Result<Json<Vec<OpportunityOut>>, ApiError> {
    let day = today(&s);
    let rows = s.store.listed_opportunities(day).await?;
    Ok(Json(rows.into_iter().map(|o| out(o, day)).collect()))
}

/// Read an opportunity.
#[utoipa::path(get, path = "/api/v1/opportunities/{id}", tag = "opportunities",
    operation_id = "getOpportunity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Opportunity id")),
    responses(
        (status = 200, description = "The opportunity.", body = OpportunityOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<OpportunityOut>, ApiError> {
    let o = s.store.opportunity(id).await?;
    viewer.check(o.organisation_id)?;
    Ok(Json(out(o, today(&s))))
}

/// Write a draft opportunity for an organisation.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/opportunities", tag = "opportunities",
    operation_id = "createOpportunity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id")),
    request_body = OpportunityBody,
    responses(
        (status = 201, description = "Created, as a draft; `Location` is its address.", body = OpportunityOut,
            headers(("Location" = String, description = "The new opportunity's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn create(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<OpportunityBody>,
) -> Result<Response, ApiError> {
    let o =
        coproduce_app::opportunities::create(&s.ctx, &viewer.actor(), id, &body.draft()).await?;
    Ok(created(
        format!("/api/v1/opportunities/{}", o.id),
        out(o, today(&s)),
    ))
}

/// Replace an opportunity's terms, until its people are chosen.
#[utoipa::path(put, path = "/api/v1/opportunities/{id}", tag = "opportunities",
    operation_id = "updateOpportunity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Opportunity id")),
    request_body = OpportunityBody,
    responses(
        (status = 200, description = "The opportunity as changed.", body = OpportunityOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "Its people have been chosen.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn update(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<OpportunityBody>,
) -> Result<Json<OpportunityOut>, ApiError> {
    let o =
        coproduce_app::opportunities::update(&s.ctx, &viewer.actor(), id, &body.draft()).await?;
    Ok(Json(out(o, today(&s))))
}

/// Who was told, and how.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpportunityToldOut {
    pub emailed: usize,
    /// Names of people with no email, to phone or write to.
    pub to_tell: Vec<String>,
    /// Names of people with no consent to contact in force: not told.
    pub not_contacted: Vec<String>,
}

impl From<coproduce_app::opportunities::Told> for OpportunityToldOut {
    fn from(t: coproduce_app::opportunities::Told) -> Self {
        OpportunityToldOut {
            emailed: t.emailed,
            to_tell: t.to_tell,
            not_contacted: t.not_contacted,
        }
    }
}

/// Open an opportunity to the people it is for. It needs an Easy Read version, a
/// closing date not past, and, when only for people invited, someone invited; they
/// are told it is open.
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/publish", tag = "opportunities",
    operation_id = "publishOpportunity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Opportunity id")),
    responses(
        (status = 200, description = "Open; who was told.", body = OpportunityToldOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "Something stands in the way, named.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn publish(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<OpportunityToldOut>, ApiError> {
    Ok(Json(
        coproduce_app::opportunities::publish(&s.ctx, &viewer.actor(), id)
            .await?
            .into(),
    ))
}

/// One person invited to apply.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitedPersonOut {
    pub person_id: i64,
    pub name: String,
    #[schema(format = DateTime)]
    pub invited_at: String,
}

/// The people invited to apply, by name.
#[utoipa::path(get, path = "/api/v1/opportunities/{id}/invited", tag = "opportunities",
    operation_id = "listOpportunityInvited",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Opportunity id")),
    responses(
        (status = 200, description = "Who is invited.", body = Vec<InvitedPersonOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn invited(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<InvitedPersonOut>>, ApiError> {
    let o = s.store.opportunity(id).await?;
    viewer.check(o.organisation_id)?;
    Ok(Json(
        s.store
            .invited(id)
            .await?
            .into_iter()
            .map(|i| InvitedPersonOut {
                person_id: i.person_id,
                name: i.name,
                invited_at: coproduce_domain::time::machine(i.invited_at),
            })
            .collect(),
    ))
}

/// People to invite.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpportunityInviteBody {
    /// People of the organisation, each once.
    #[schema(schema_with = invited_ids_schema)]
    pub person_ids: Vec<i64>,
}

/// Checks a list of ids: each a positive id, each once, at most `max`.
fn id_list(errs: &mut FieldErrors, field: &str, ids: &[i64], max: usize) {
    if ids.len() > max {
        errs.add(field, Problem::TooMany(max));
    }
    for (i, id) in ids.iter().enumerate() {
        id_field(errs, &format!("{field}[{i}]"), *id);
        if ids[..i].contains(id) {
            errs.add(
                format!("{field}[{i}]"),
                Problem::KeyUsedTwice {
                    what: "person",
                    key: id.to_string(),
                },
            );
        }
    }
}

/// What inviting did.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpportunityInvitedOut {
    /// How many were newly invited (not those invited before).
    pub added: usize,
    /// Who was told, when it is open already.
    pub told: OpportunityToldOut,
}

/// Invite people to apply for an opportunity only for people invited, while it is
/// a draft or open. Those invited to one already open are told; the rest when it
/// opens.
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/invited", tag = "opportunities",
    operation_id = "inviteToOpportunity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Opportunity id")),
    request_body = OpportunityInviteBody,
    responses(
        (status = 200, description = "Invited; who was told.", body = OpportunityInvitedOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It is open to more than people invited, or has closed.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn invite(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<OpportunityInviteBody>,
) -> Result<Json<OpportunityInvitedOut>, ApiError> {
    let mut errs = FieldErrors::new();
    id_list(&mut errs, "person_ids", &body.person_ids, MAX_INVITED);
    errs.finish(|| ())?;
    let done =
        coproduce_app::opportunities::invite(&s.ctx, &viewer.actor(), id, &body.person_ids).await?;
    Ok(Json(OpportunityInvitedOut {
        added: done.added,
        told: done.told.into(),
    }))
}

/// One person's interest.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationOut {
    pub person_id: i64,
    pub name: String,
    #[schema(schema_with = status_schema)]
    pub status: &'static str,
    /// What they said about why they are interested.
    pub why: Option<String>,
    #[schema(format = DateTime)]
    pub expressed_at: String,
    /// The member of staff who said it for them; null when they said it themselves.
    pub expressed_by_name: Option<String>,
}

impl From<Application> for ApplicationOut {
    fn from(a: Application) -> Self {
        ApplicationOut {
            person_id: a.person_id,
            name: a.name,
            status: a.status.slug(),
            why: a.why,
            expressed_at: coproduce_domain::time::machine(a.expressed_at),
            expressed_by_name: a.expressed_by_name,
        }
    }
}

/// Everyone who said they are interested, in the order they said it.
#[utoipa::path(get, path = "/api/v1/opportunities/{id}/applications", tag = "opportunities",
    operation_id = "listApplications",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Opportunity id")),
    responses(
        (status = 200, description = "The applications.", body = Vec<ApplicationOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn applications(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<Vec<ApplicationOut>>, ApiError> {
    let o = s.store.opportunity(id).await?;
    viewer.check(o.organisation_id)?;
    Ok(Json(
        s.store
            .applications(id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// A person's interest, said by staff for them.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplyBody {
    #[schema(minimum = 1)]
    pub person_id: i64,
    /// What they said about why they are interested.
    #[serde(default)]
    #[schema(schema_with = why_schema)]
    pub why: Option<String>,
}

/// Say a person is interested, for them: someone it is for, while it is open.
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/applications", tag = "opportunities",
    operation_id = "applyForPerson",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Opportunity id")),
    request_body = ApplyBody,
    responses(
        (status = 200, description = "Recorded; the applications now.", body = Vec<ApplicationOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It is not open, or they already said so.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn apply(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<ApplyBody>,
) -> Result<Json<Vec<ApplicationOut>>, ApiError> {
    let mut errs = FieldErrors::new();
    let person = id_field(&mut errs, "person_id", body.person_id);
    let Some(person) = person else {
        return Err(errs.into());
    };
    coproduce_app::opportunities::apply_for(
        &s.ctx,
        &viewer.actor(),
        id,
        person,
        body.why.as_deref(),
    )
    .await?;
    applications(State(s), viewer, Id(id)).await
}

/// Withdraw a person's interest, for them, while it is open.
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/applications/{person_id}/withdraw", tag = "opportunities",
    operation_id = "withdrawApplication",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, minimum = 1, description = "Opportunity id"),
        ("person_id" = i64, Path, minimum = 1, description = "Person id"),
    ),
    responses(
        (status = 200, description = "Withdrawn; the applications now.", body = Vec<ApplicationOut>),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It has closed, or they have not said they are interested.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn withdraw(
    State(s): State<AppState>,
    viewer: Viewer,
    Path((id, person_id)): Path<(String, String)>,
) -> Result<Json<Vec<ApplicationOut>>, ApiError> {
    let (id, person_id) = super::two_ids(&id, &person_id)?;
    coproduce_app::opportunities::withdraw(&s.ctx, &viewer.actor(), id, person_id).await?;
    applications(State(s), viewer, Id(id)).await
}

/// The people chosen.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecideBody {
    /// People who said they are interested, no more than the places; everyone else
    /// interested is not chosen.
    #[schema(schema_with = chosen_schema)]
    pub chosen: Vec<i64>,
}

/// Choose the people taking part, once it has closed; everyone interested is told,
/// chosen or not.
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/decide", tag = "opportunities",
    operation_id = "decideOpportunity",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Opportunity id")),
    request_body = DecideBody,
    responses(
        (status = 200, description = "Decided; who was told.", body = OpportunityToldOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It is not closed yet, or already decided.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn decide(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<DecideBody>,
) -> Result<Json<OpportunityToldOut>, ApiError> {
    let mut errs = FieldErrors::new();
    id_list(&mut errs, "chosen", &body.chosen, MAX_PLACES as usize);
    errs.finish(|| ())?;
    Ok(Json(
        coproduce_app::opportunities::decide(&s.ctx, &viewer.actor(), id, &body.chosen)
            .await?
            .into(),
    ))
}

/// One group's equality make-up.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupOut {
    /// How many of the group answered at least one question.
    pub answered: i64,
    /// Whether totals are shown: not until enough of the group have answered.
    pub shown: bool,
    pub questions: Vec<QuestionOut>,
}

/// The make-up of those interested beside the group they are drawn from.
#[derive(Debug, Serialize, ToSchema)]
pub struct MakeUpOut {
    pub applicants: GroupOut,
    /// The network whose other members are compared; null when compared with the
    /// rest of the organisation's register.
    pub network_name: Option<String>,
    pub compared_with: GroupOut,
    pub fewest_answers_shown: i64,
}

fn group_out(g: coproduce_app::opportunities::GroupMakeUp) -> GroupOut {
    GroupOut {
        answered: g.answered,
        shown: g.totals.is_some(),
        questions: g
            .totals
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
    }
}

/// Once it has closed, the equality make-up of those interested beside the rest of
/// the network's members (or of the organisation's register): totals only, small
/// numbers hidden.
#[utoipa::path(get, path = "/api/v1/opportunities/{id}/make-up", tag = "opportunities",
    operation_id = "getOpportunityMakeUp",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Opportunity id")),
    responses(
        (status = 200, description = "The two groups' totals.", body = MakeUpOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "It has not closed: until then who is interested changes, and each change would show that person's answers.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn make_up(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<MakeUpOut>, ApiError> {
    let m = coproduce_app::opportunities::make_up(&s.ctx, &viewer.actor(), id).await?;
    Ok(Json(MakeUpOut {
        applicants: group_out(m.applicants),
        network_name: m.network_name,
        compared_with: group_out(m.compared_with),
        fewest_answers_shown: coproduce_domain::equality::FEWEST_ANSWERS,
    }))
}
