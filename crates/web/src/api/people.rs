//! `/api/v1/people`

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::needs::Need;
use coproduce_domain::person::{
    ContactMethod, Language, PersonDraft, PersonRole, Profile, ServiceArea, Slot,
};
use coproduce_store::Within;
use coproduce_store::people::{Person, PersonSummary};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiQuery, Id, ListOut, created, list_base, scoped_page};
use crate::auth::Viewer;
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
    #[schema(schema_with = contact_schema)]
    pub preferred_contact: Option<&'static str>,
    /// Person role slugs.
    #[schema(schema_with = roles_schema)]
    pub roles: Vec<&'static str>,
    pub affiliations: Option<String>,
    /// Service area slugs.
    #[schema(schema_with = interests_schema)]
    pub interests: Vec<&'static str>,
    /// Times of the week, like `mon-morning`.
    #[schema(schema_with = availability_schema)]
    pub availability: Vec<String>,
    pub avoid_rush_hour: bool,
    /// Language codes.
    #[schema(schema_with = languages_schema)]
    pub languages: Vec<&'static str>,
    #[schema(format = Date)]
    pub born_on: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: Option<String>,
}

fn contact_schema() -> utoipa::openapi::schema::Object {
    super::nullable_vocabulary_schema::<ContactMethod>()
}

pub(crate) fn roles_schema() -> utoipa::openapi::schema::Array {
    super::vocabulary_list_schema::<PersonRole>()
}

pub(crate) fn interests_schema() -> utoipa::openapi::schema::Array {
    super::vocabulary_list_schema::<ServiceArea>()
}

pub(crate) fn languages_schema() -> utoipa::openapi::schema::Array {
    super::vocabulary_list_schema::<Language>()
}

/// The schema of a time of the week, like `mon-morning`.
pub(crate) fn slot_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{Object, SchemaType, Type};
    Object::builder()
        .schema_type(SchemaType::new(Type::String))
        .enum_values(Some(Slot::all().map(Slot::slug)))
        .description(Some("A time of the week: a day and a part of it."))
        .build()
}

pub(crate) fn availability_schema() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::Array::new(slot_schema())
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
    #[schema(schema_with = roles_schema)]
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
#[serde(deny_unknown_fields)]
pub struct PeopleQuery {
    /// Return people with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many people to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only people of this organisation.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub organisation_id: Option<String>,
    /// Only people whose name has words starting with these words.
    pub name: Option<String>,
    /// Only people with this role.
    #[param(schema_with = role_param)]
    pub role: Option<String>,
    /// Only people with this access need.
    #[param(schema_with = need_param)]
    pub need: Option<String>,
    /// Only people interested in this service area.
    #[param(schema_with = interest_param)]
    pub interest: Option<String>,
    /// Only people who speak this language (a language code).
    #[param(schema_with = language_param)]
    pub language: Option<String>,
    /// Only current members of this network (a network id).
    #[param(value_type = Option<i64>, minimum = 1)]
    pub network: Option<String>,
}

fn role_param() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<PersonRole>()
}
fn need_param() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Need>()
}
fn interest_param() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<ServiceArea>()
}
fn language_param() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<Language>()
}

impl PeopleQuery {
    fn filter(&self) -> Result<coproduce_store::people::PeopleFilter, ApiError> {
        let mut errs = coproduce_domain::text::FieldErrors::new();
        fn pick<V: Vocabulary>(
            errs: &mut coproduce_domain::text::FieldErrors,
            field: &str,
            raw: &Option<String>,
        ) -> Option<V> {
            // An empty value is not one of the vocabulary's, as the document says.
            match raw.as_deref().map(str::trim) {
                None => None,
                Some(s) => errs.take(field, V::read_exact(s)),
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
                None => None,
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

/// Find people in the register, a page at a time: every filter given must match.
#[utoipa::path(get, path = "/api/v1/people", tag = "people",
    operation_id = "listPeople",
    security(("bearer" = [])),
    params(PeopleQuery),
    responses(
        (status = 200, description = "A page of the people found, by id.", body = ListOut<PersonListed>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
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

/// Read a person's record in the register.
#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "people",
    operation_id = "getPerson",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Person id")),
    responses(
        (status = 200, description = "The person.", body = PersonOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<PersonOut>, ApiError> {
    let p = s.store.person(id).await?;
    viewer.check(p.organisation_id())?;
    Ok(Json(p.into()))
}

/// Add a person to the register.
#[utoipa::path(post, path = "/api/v1/people", tag = "people",
    operation_id = "createPerson",
    security(("bearer" = [])),
    request_body = PersonDraft,
    responses(
        (status = 201, description = "Added; `Location` is their address.", body = PersonOut,
            headers(("Location" = String, description = "The new person's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 422, response = super::Unprocessable),
    ))]
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

/// Replace a person's record in the register.
#[utoipa::path(put, path = "/api/v1/people/{id}", tag = "people",
    operation_id = "updatePerson",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Person id")),
    request_body = PersonDraft,
    responses(
        (status = 200, description = "The person as changed.", body = PersonOut),
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
    ApiJson(body): ApiJson<PersonDraft>,
) -> Result<Json<PersonOut>, ApiError> {
    let fields = check(&body, crate::today(&s.ctx))?;
    Ok(Json(
        coproduce_app::people::update(&s.ctx, &viewer.actor(), id, &fields)
            .await?
            .into(),
    ))
}
