//! `/api/v1/networks` and `/api/v1/courses`: networks with their documents and current
//! members, and training courses with who completed them, to read. Changes are made
//! from the pages, where each is checked against the member's other dates.

use axum::Json;
use axum::extract::State;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_store::Within;
use coproduce_store::networks::{Network, current_documents};
use coproduce_store::training::{Completion, Course};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiQuery, Id, ListOut, ListQuery, list_base, scoped_page};
use crate::auth::Viewer;
use crate::error::Problem;
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
    /// A network kind slug.
    pub kind: &'static str,
    pub description: Option<String>,
    pub members: i64,
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
    /// `charter` or `code-of-conduct`.
    pub kind: &'static str,
    pub title: String,
    pub version: String,
    /// The charter, for a document of kind `charter`.
    pub charter_id: Option<i64>,
    pub adopted_on: String,
    /// Whether this is the newest version of its kind, the one members must sign.
    pub current: bool,
    /// For a current version: how many current members have not signed it.
    pub unsigned: Option<i64>,
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
    /// A member role slug.
    pub role: &'static str,
    pub joined_on: String,
    pub inducted_on: Option<String>,
    pub inducted_by: Option<String>,
    /// While stood down: the day they stood down, and the day it is to be reviewed.
    pub stood_down_on: Option<String>,
    pub review_on: Option<String>,
    /// The kinds of the current documents they have not signed.
    pub needs_to_sign: Vec<&'static str>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationQuery {
    pub after: Option<String>,
    pub limit: Option<String>,
    /// Only records of this organisation.
    pub organisation_id: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/networks", tag = "networks", params(OrganisationQuery),
    responses((status = 200, body = ListOut<NetworkOut>), (status = 422, body = Problem)))]
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

#[utoipa::path(get, path = "/api/v1/networks/{id}", tag = "networks", params(("id" = i64, Path)),
    responses((status = 200, body = NetworkDetail), (status = 404, body = Problem)))]
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
            })
            .collect(),
        network: n.into(),
    }))
}

#[utoipa::path(get, path = "/api/v1/networks/{id}/members", tag = "networks", params(("id" = i64, Path), ListQuery),
    responses((status = 200, body = ListOut<MemberOut>), (status = 404, body = Problem), (status = 422, body = Problem)))]
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
    /// `staff`, `participants` or `everyone`.
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
    pub completed_on: String,
    /// Null when it never runs out.
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

#[utoipa::path(get, path = "/api/v1/courses", tag = "training", params(OrganisationQuery),
    responses((status = 200, body = ListOut<CourseOut>), (status = 422, body = Problem)))]
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
pub struct CompletionsQuery {
    pub after: Option<String>,
    pub limit: Option<String>,
    /// `true` for only the completions that have run out by today.
    pub expired: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/courses/{id}/completions", tag = "training", params(("id" = i64, Path), CompletionsQuery),
    responses((status = 200, body = ListOut<CompletionOut>), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn completions(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiQuery(q): ApiQuery<CompletionsQuery>,
) -> Result<Json<ListOut<CompletionOut>>, ApiError> {
    let mut errs = coproduce_domain::text::FieldErrors::new();
    let expired = match q.expired.as_deref().map(str::trim) {
        None | Some("") | Some("false") => false,
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
