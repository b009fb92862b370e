//! `/api/v1/people`

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::person::{PersonDraft, Profile};
use coproduce_store::Within;
use coproduce_store::people::{Person, PersonSummary};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiQuery, Id, ListOut, created, list_base, scoped_page};
use crate::auth::Viewer;
use crate::error::Problem;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/people", C::ReadPeople, list)
        .post("/api/v1/people", C::WritePeople, create)
        .get("/api/v1/people/{id}", C::ReadPeople, read)
        .put("/api/v1/people/{id}", C::WritePeople, update)
}

/// A person in the register, with every part of their profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonOut {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub preferred_name: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub preferred_contact: Option<&'static str>,
    /// Person role slugs.
    pub roles: Vec<&'static str>,
    pub affiliations: Option<String>,
    /// Service area slugs.
    pub interests: Vec<&'static str>,
    /// Times of the week, like `mon-morning`.
    pub availability: Vec<String>,
    pub avoid_rush_hour: bool,
    /// Language codes.
    pub languages: Vec<&'static str>,
    pub born_on: Option<String>,
    pub created_at: String,
    pub updated_at: Option<String>,
}

fn slugs<V: Vocabulary>(set: &std::collections::BTreeSet<V>) -> Vec<&'static str> {
    set.iter().map(|v| v.slug()).collect()
}

impl From<Person> for PersonOut {
    fn from(p: Person) -> Self {
        let f = p.profile;
        PersonOut {
            id: p.id,
            organisation_id: f.organisation_id,
            roles: slugs(&f.roles),
            interests: slugs(&f.interests),
            availability: f.availability.iter().map(|s| s.slug()).collect(),
            languages: slugs(&f.languages),
            name: f.name,
            preferred_name: f.preferred_name,
            pronouns: f.pronouns,
            email: f.email,
            phone: f.phone,
            address: f.address,
            postcode: f.postcode,
            preferred_contact: f.preferred_contact.map(Vocabulary::slug),
            affiliations: f.affiliations,
            avoid_rush_hour: f.avoid_rush_hour,
            born_on: f.born_on.map(|d| d.to_string()),
            created_at: coproduce_domain::time::machine(p.created_at),
            updated_at: p.updated_at.map(coproduce_domain::time::machine),
        }
    }
}

/// One person in a list of the register.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonListed {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub email: Option<String>,
    /// Person role slugs.
    pub roles: Vec<&'static str>,
}

impl From<PersonSummary> for PersonListed {
    fn from(p: PersonSummary) -> Self {
        PersonListed {
            id: p.id,
            organisation_id: p.organisation_id,
            name: p.name,
            email: p.email,
            roles: p.roles.iter().map(|r| r.slug()).collect(),
        }
    }
}

/// Checks a person sent to the API by the register's rules.
pub(crate) fn check(body: &PersonDraft, today: chrono::NaiveDate) -> Result<Profile, ApiError> {
    Ok(body.check(today)?)
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    pub after: Option<String>,
    pub limit: Option<String>,
    /// Only people of this organisation.
    pub organisation_id: Option<String>,
    /// Only people whose name has words starting with these words.
    pub name: Option<String>,
    /// Only people with this role (a person role slug).
    pub role: Option<String>,
    /// Only people with this access need (a need slug).
    pub need: Option<String>,
    /// Only people interested in this service area (a slug).
    pub interest: Option<String>,
    /// Only people who speak this language (a language code).
    pub language: Option<String>,
    /// Only current members of this network (a network id).
    pub network: Option<String>,
}

impl PeopleQuery {
    fn filter(&self) -> Result<coproduce_store::people::PeopleFilter, ApiError> {
        let mut errs = coproduce_domain::text::FieldErrors::new();
        fn pick<V: Vocabulary>(
            errs: &mut coproduce_domain::text::FieldErrors,
            field: &str,
            raw: &Option<String>,
        ) -> Option<V> {
            match raw.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(s) => errs.take(field, V::parse(s)),
            }
        }
        let filter = coproduce_store::people::PeopleFilter {
            name: self
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string),
            role: pick(&mut errs, "role", &self.role),
            need: pick(&mut errs, "need", &self.need),
            interest: pick(&mut errs, "interest", &self.interest),
            language: pick(&mut errs, "language", &self.language),
            network: match self.network.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(s) => match s.parse::<i64>() {
                    Ok(id) if id > 0 => Some(id),
                    _ => {
                        errs.add("network", coproduce_domain::text::Problem::NotAnId);
                        None
                    }
                },
            },
        };
        Ok(errs.finish(|| filter)?)
    }
}

#[utoipa::path(get, path = "/api/v1/people", tag = "people", params(PeopleQuery),
    responses((status = 200, body = ListOut<PersonListed>), (status = 422, body = Problem)))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<PeopleQuery>,
) -> Result<Json<ListOut<PersonListed>>, ApiError> {
    let (page, org) = scoped_page(
        q.after.as_deref(),
        q.limit.as_deref(),
        "organisation_id",
        q.organisation_id.as_deref(),
    )?;
    let within = viewer.scope(org)?.map_or(Within::All, Within::Parent);
    let filter = q.filter()?;
    let rows = s.store.find_people(&filter, page, within).await?;
    let mut base = list_base("/api/v1/people", "organisation_id", org);
    // The next page is of the same search.
    for (key, value) in [
        ("name", &q.name),
        ("role", &q.role),
        ("need", &q.need),
        ("interest", &q.interest),
        ("language", &q.language),
        ("network", &q.network),
    ] {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            let sep = if base.contains('?') { '&' } else { '?' };
            base.push_str(&format!("{sep}{key}={}", crate::pages::url_encode(v)));
        }
    }
    Ok(Json(ListOut::from_page(
        rows,
        &base,
        page.limit,
        Into::into,
    )))
}

#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "people", params(("id" = i64, Path)),
    responses((status = 200, body = PersonOut), (status = 404, body = Problem)))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<PersonOut>, ApiError> {
    let p = s.store.person(id).await?;
    viewer.check(p.organisation_id())?;
    Ok(Json(p.into()))
}

#[utoipa::path(post, path = "/api/v1/people", tag = "people", request_body = PersonDraft,
    responses((status = 201, body = PersonOut), (status = 400, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiJson(body): ApiJson<PersonDraft>,
) -> Result<Response, ApiError> {
    let fields = check(&body, crate::today(&s.ctx))?;
    let p = coproduce_app::people::create(&s.ctx, &viewer.actor(), &fields).await?;
    Ok(created(
        format!("/api/v1/people/{}", p.id),
        PersonOut::from(p),
    ))
}

#[utoipa::path(put, path = "/api/v1/people/{id}", tag = "people", params(("id" = i64, Path)), request_body = PersonDraft,
    responses((status = 200, body = PersonOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<PersonDraft>,
) -> Result<Json<PersonOut>, ApiError> {
    let fields = check(&body, crate::today(&s.ctx))?;
    Ok(Json(
        coproduce_app::people::update(&s.ctx, &viewer.actor(), id, &fields)
            .await?
            .into(),
    ))
}
