//! `/api/v1/networks` and `/api/v1/courses`: networks with their documents and current
//! members, and training courses with who completed them, to read. Changes are made
//! from the pages, where each is checked against the member's other dates.

use axum::Json;
use axum::extract::State;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::network::{Audience, DocumentKind, MemberRole, NetworkKind};
use coproduce_store::Within;
use coproduce_store::networks::{Network, current_documents};
use coproduce_store::training::{Completion, Course};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiQuery, Id, ListOut, ListQuery, list_base, scoped_page};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/networks", C::ReadPeople, list)
        .get("/api/v1/networks/{id}", C::ReadPeople, read)
        .get("/api/v1/networks/{id}/members", C::ReadPeople, members)
        .get("/api/v1/courses", C::ReadPeople, courses)
        .get(
            "/api/v1/courses/{id}/completions",
            C::ReadPeople,
            completions,
        )
}

/// A network, with how many current members it has.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkOut {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    #[schema(schema_with = network_kind_schema)]
    pub kind: &'static str,
    pub description: Option<String>,
    pub members: i64,
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl From<Network> for NetworkOut {
    fn from(n: Network) -> Self {
        NetworkOut {
            id: n.id,
            organisation_id: n.organisation_id,
            name: n.name,
            kind: n.kind.slug(),
            description: n.description,
            members: n.members,
            created_at: coproduce_domain::time::machine(n.created_at),
        }
    }
}

/// A version of a network's charter or code of conduct.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentOut {
    pub id: i64,
    #[schema(schema_with = document_kind_schema)]
    pub kind: &'static str,
    pub title: String,
    pub version: String,
    /// The charter, for a document of kind `charter`.
    pub charter_id: Option<i64>,
    #[schema(format = Date)]
    pub adopted_on: String,
    /// Whether this is the newest version of its kind, the one members must sign.
    pub current: bool,
    /// For a current version: how many current members have not signed it.
    pub unsigned: Option<i64>,
    /// The words of this version as adopted, which members read when they sign:
    /// paragraphs split by a blank line, list items starting "- ".
    pub body: String,
    /// The Easy Read version, if one was adopted with it.
    pub easy_read: Option<String>,
}

/// A network with the documents it has adopted, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkDetail {
    #[serde(flatten)]
    pub network: NetworkOut,
    pub documents: Vec<DocumentOut>,
}

/// A current member of a network.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    /// The membership's id (a person who leaves and joins again has a new one).
    pub id: i64,
    pub person_id: i64,
    pub name: String,
    #[schema(schema_with = member_role_schema)]
    pub role: &'static str,
    #[schema(format = Date)]
    pub joined_on: String,
    #[schema(format = Date)]
    pub inducted_on: Option<String>,
    pub inducted_by: Option<String>,
    /// While stood down: the day they stood down, and the day it is to be reviewed.
    #[schema(format = Date)]
    pub stood_down_on: Option<String>,
    #[schema(format = Date)]
    pub review_on: Option<String>,
    /// The kinds of the current documents they have not signed.
    #[schema(schema_with = document_kinds_schema)]
    pub needs_to_sign: Vec<&'static str>,
}

fn network_kind_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<NetworkKind>()
}
fn document_kind_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<DocumentKind>()
}
fn document_kinds_schema() -> utoipa::openapi::schema::Array {
    super::vocabulary_list_schema::<DocumentKind>()
}
fn member_role_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<MemberRole>()
}
fn audience_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Audience>()
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OrganisationQuery {
    /// Return records with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many records to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only records of this organisation.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub organisation_id: Option<String>,
}

/// List networks, a page at a time.
#[utoipa::path(get, path = "/api/v1/networks", tag = "networks",
    operation_id = "listNetworks",
    security(("bearer" = [])),
    params(OrganisationQuery),
    responses(
        (status = 200, description = "A page of networks, by id.", body = ListOut<NetworkOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<OrganisationQuery>,
) -> Result<Json<ListOut<NetworkOut>>, ApiError> {
    let (page, org) = scoped_page(
        q.after.as_deref(),
        q.limit.as_deref(),
        "organisation_id",
        q.organisation_id.as_deref(),
    )?;
    let within = viewer.scope(org)?.map_or(Within::All, Within::Parent);
    let rows = s.store.networks(page, within).await?;
    Ok(Json(ListOut::from_page(
        rows,
        &list_base("/api/v1/networks", "organisation_id", org),
        page.limit,
        Into::into,
    )))
}

/// A network the viewer may see.
async fn visible(s: &AppState, viewer: &Viewer, id: i64) -> Result<Network, ApiError> {
    let n = s.store.network(id).await?;
    viewer.check(n.organisation_id)?;
    Ok(n)
}

/// Read a network, with the documents it adopted and how many members have not signed
/// each current one.
#[utoipa::path(get, path = "/api/v1/networks/{id}", tag = "networks",
    operation_id = "getNetwork",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Network id")),
    responses(
        (status = 200, description = "The network.", body = NetworkDetail),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<NetworkDetail>, ApiError> {
    let n = visible(&s, &viewer, id).await?;
    let all = s.store.documents(n.id).await?;
    let current: Vec<i64> = current_documents(&all).iter().map(|d| d.id).collect();
    let unsigned = s.store.unsigned_counts(n.id, &current).await?;
    Ok(Json(NetworkDetail {
        documents: all
            .into_iter()
            .map(|d| DocumentOut {
                current: current.contains(&d.id),
                unsigned: unsigned.iter().find(|(id, _)| *id == d.id).map(|(_, n)| *n),
                id: d.id,
                kind: d.kind.slug(),
                title: d.title,
                version: d.version,
                charter_id: d.charter_id,
                adopted_on: d.adopted_on.to_string(),
                body: d.body,
                easy_read: d.easy_read,
            })
            .collect(),
        network: n.into(),
    }))
}

/// List a network's current members, a page at a time, with what they still need to
/// sign.
#[utoipa::path(get, path = "/api/v1/networks/{id}/members", tag = "networks",
    operation_id = "listNetworkMembers",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Network id"), ListQuery),
    responses(
        (status = 200, description = "A page of current members.", body = ListOut<MemberOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn members(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<ListOut<MemberOut>>, ApiError> {
    let page = q.page()?;
    let n = visible(&s, &viewer, id).await?;
    let all = s.store.documents(n.id).await?;
    let current = current_documents(&all);
    let ids: Vec<i64> = current.iter().map(|d| d.id).collect();
    let rows = s.store.members(n.id, &ids, page).await?;
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    Ok(Json(ListOut::from_page(
        rows,
        &format!("/api/v1/networks/{}/members", n.id),
        page.limit,
        |m| {
            let ms = m.membership;
            MemberOut {
                needs_to_sign: current
                    .iter()
                    .filter(|d| !m.signed.contains(&d.id))
                    .map(|d| d.kind.slug())
                    .collect(),
                id: ms.id,
                person_id: ms.person_id,
                name: ms.person_name,
                role: ms.role.slug(),
                joined_on: ms.joined_on.to_string(),
                inducted_on: day(ms.inducted_on),
                inducted_by: ms.inducted_by,
                stood_down_on: day(ms.stood_down.map(|(d, _)| d)),
                review_on: day(ms.stood_down.and_then(|(_, r)| r)),
            }
        },
    )))
}

/// A training course, with its completions counted.
#[derive(Debug, Serialize, ToSchema)]
pub struct CourseOut {
    pub id: i64,
    pub organisation_id: i64,
    pub title: String,
    #[schema(schema_with = audience_schema)]
    pub audience: &'static str,
    /// Months a completion lasts; null when it never runs out.
    pub valid_months: Option<i64>,
    pub description: Option<String>,
    pub completions: i64,
    /// Completions that have run out by today.
    pub expired: i64,
}

impl From<Course> for CourseOut {
    fn from(c: Course) -> Self {
        CourseOut {
            id: c.id,
            organisation_id: c.organisation_id,
            title: c.title,
            audience: c.audience.slug(),
            valid_months: c.valid_months,
            description: c.description,
            completions: c.completions,
            expired: c.expired,
        }
    }
}

/// Someone's completion of a course.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompletionOut {
    pub id: i64,
    pub person_id: i64,
    pub name: String,
    pub session_id: Option<i64>,
    #[schema(format = Date)]
    pub completed_on: String,
    /// Null when it never runs out.
    #[schema(format = Date)]
    pub expires_on: Option<String>,
}

impl From<Completion> for CompletionOut {
    fn from(c: Completion) -> Self {
        CompletionOut {
            id: c.id,
            person_id: c.person_id,
            name: c.person_name,
            session_id: c.session_id,
            completed_on: c.completed_on.to_string(),
            expires_on: c.expires_on.map(|d| d.to_string()),
        }
    }
}

/// List training courses, a page at a time, with their completions counted.
#[utoipa::path(get, path = "/api/v1/courses", tag = "training",
    operation_id = "listCourses",
    security(("bearer" = [])),
    params(OrganisationQuery),
    responses(
        (status = 200, description = "A page of courses, by id.", body = ListOut<CourseOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn courses(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<OrganisationQuery>,
) -> Result<Json<ListOut<CourseOut>>, ApiError> {
    let (page, org) = scoped_page(
        q.after.as_deref(),
        q.limit.as_deref(),
        "organisation_id",
        q.organisation_id.as_deref(),
    )?;
    let within = viewer.scope(org)?.map_or(Within::All, Within::Parent);
    let rows = s.store.courses(page, within, crate::today(&s.ctx)).await?;
    Ok(Json(ListOut::from_page(
        rows,
        &list_base("/api/v1/courses", "organisation_id", org),
        page.limit,
        Into::into,
    )))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CompletionsQuery {
    /// Return completions with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many completions to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// `true` for only the completions that have run out by today.
    #[param(value_type = Option<bool>)]
    pub expired: Option<String>,
}

/// List who completed a course, a page at a time.
#[utoipa::path(get, path = "/api/v1/courses/{id}/completions", tag = "training",
    operation_id = "listCourseCompletions",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Course id"), CompletionsQuery),
    responses(
        (status = 200, description = "A page of completions.", body = ListOut<CompletionOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn completions(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiQuery(q): ApiQuery<CompletionsQuery>,
) -> Result<Json<ListOut<CompletionOut>>, ApiError> {
    let mut errs = coproduce_domain::text::FieldErrors::new();
    let expired = match q.expired.as_deref().map(str::trim) {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => {
            errs.add(
                "expired",
                coproduce_domain::text::Problem::NotYesNo(other.to_string()),
            );
            false
        }
    };
    errs.finish(|| ())?;
    let (page, _) = scoped_page(q.after.as_deref(), q.limit.as_deref(), "", None)?;
    let today = crate::today(&s.ctx);
    let course = s.store.course(id, today).await?;
    viewer.check(course.organisation_id)?;
    let rows = s
        .store
        .completions_of_course(course.id, expired.then_some(today), page)
        .await?;
    let base = if expired {
        format!("/api/v1/courses/{}/completions?expired=true", course.id)
    } else {
        format!("/api/v1/courses/{}/completions", course.id)
    };
    Ok(Json(ListOut::from_page(
        rows,
        &base,
        page.limit,
        Into::into,
    )))
}
