//! `/api/v1/people`

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::person::PersonRole;
use coproduce_domain::text::{FieldErrors, SHORT};
use coproduce_store::Within;
use coproduce_store::people::{Person, PersonFields};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    ApiJson, ApiQuery, Id, ListOut, created, id_field, list_base, optional, required, scoped_page,
    visible_organisation, vocab,
};
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

fn role_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<PersonRole>()
}

/// A participant or member of staff.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonOut {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    #[schema(schema_with = role_schema)]
    pub role: &'static str,
    pub email: Option<String>,
    pub created_at: String,
}

impl From<Person> for PersonOut {
    fn from(p: Person) -> Self {
        PersonOut {
            id: p.id,
            organisation_id: p.organisation_id,
            name: p.name,
            role: p.role.slug(),
            email: p.email,
            created_at: coproduce_domain::time::machine(p.created_at),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonBody {
    pub organisation_id: i64,
    pub name: String,
    #[schema(schema_with = role_schema)]
    pub role: String,
    pub email: Option<String>,
}

impl PersonBody {
    pub(crate) fn check(&self) -> Result<PersonFields, ApiError> {
        let mut errs = FieldErrors::new();
        let organisation_id = id_field(&mut errs, "organisation_id", self.organisation_id);
        let name = required(&mut errs, "name", &self.name, SHORT);
        let role = vocab(&mut errs, "role", &self.role);
        let email = match optional(&mut errs, "email", self.email.as_deref(), 254) {
            Some(Some(e)) => errs
                .take("email", coproduce_domain::text::email(&e))
                .map(Some),
            other => other,
        };
        match (organisation_id, name, role, email) {
            (Some(organisation_id), Some(name), Some(role), Some(email)) if errs.is_empty() => {
                Ok(PersonFields {
                    organisation_id,
                    name,
                    role,
                    email,
                })
            }
            _ => Err(errs.into()),
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    pub after: Option<String>,
    pub limit: Option<String>,
    /// Only people of this organisation.
    pub organisation_id: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/people", tag = "people", params(PeopleQuery),
    responses((status = 200, body = ListOut<PersonOut>), (status = 422, body = Problem)))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<PeopleQuery>,
) -> Result<Json<ListOut<PersonOut>>, ApiError> {
    let (page, org) = scoped_page(
        q.after.as_deref(),
        q.limit.as_deref(),
        "organisation_id",
        q.organisation_id.as_deref(),
    )?;
    let within = viewer.scope(org)?.map_or(Within::All, Within::Parent);
    let rows = s.store.people(page, within).await?;
    let base = list_base("/api/v1/people", "organisation_id", org);
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
    viewer.check(p.organisation_id)?;
    Ok(Json(p.into()))
}

#[utoipa::path(post, path = "/api/v1/people", tag = "people", request_body = PersonBody,
    responses((status = 201, body = PersonOut), (status = 400, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiJson(body): ApiJson<PersonBody>,
) -> Result<Response, ApiError> {
    let fields = body.check()?;
    visible_organisation(&viewer, fields.organisation_id)?;
    let p = s.store.create_person(&fields).await?;
    Ok(created(
        format!("/api/v1/people/{}", p.id),
        PersonOut::from(p),
    ))
}

#[utoipa::path(put, path = "/api/v1/people/{id}", tag = "people", params(("id" = i64, Path)), request_body = PersonBody,
    responses((status = 200, body = PersonOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<PersonBody>,
) -> Result<Json<PersonOut>, ApiError> {
    let fields = body.check()?;
    viewer.check(s.store.person(id).await?.organisation_id)?;
    visible_organisation(&viewer, fields.organisation_id)?;
    Ok(Json(s.store.update_person(id, &fields).await?.into()))
}
