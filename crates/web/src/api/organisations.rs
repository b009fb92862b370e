//! `/api/v1/organisations`

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::organisation::OrganisationKind;
use coproduce_domain::text::{FieldErrors, SHORT};
use coproduce_store::organisations::{Organisation, OrganisationFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiQuery, Id, ListOut, ListQuery, created, required, vocab};
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/organisations", C::ReadPublic, list)
        .post("/api/v1/organisations", C::ManageOrganisations, create)
        .get("/api/v1/organisations/{id}", C::ReadPublic, read)
        .put("/api/v1/organisations/{id}", C::ManageOrganisations, update)
}

fn kind_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<OrganisationKind>()
}

/// An organisation taking part in co-production.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationOut {
    pub id: i64,
    pub name: String,
    #[schema(schema_with = kind_schema)]
    pub kind: &'static str,
    /// Whether staff must give a second factor (a code from an authenticator app).
    pub require_second_factor: bool,
    /// When the record was created (UTC).
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl From<Organisation> for OrganisationOut {
    fn from(o: Organisation) -> Self {
        OrganisationOut {
            id: o.id,
            name: o.name,
            kind: o.kind.slug(),
            require_second_factor: o.require_second_factor,
            created_at: coproduce_domain::time::machine(o.created_at),
        }
    }
}

/// The fields of an organisation, to create or replace one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationBody {
    /// 1 to 200 characters.
    #[schema(schema_with = super::short_text)]
    pub name: String,
    #[schema(schema_with = kind_schema)]
    pub kind: String,
    /// Whether staff must give a second factor; default false.
    #[serde(default)]
    pub require_second_factor: bool,
}

impl OrganisationBody {
    pub(crate) fn check(&self) -> Result<OrganisationFields, ApiError> {
        let mut errs = FieldErrors::new();
        let name = required(&mut errs, "name", &self.name, SHORT);
        let kind = vocab(&mut errs, "kind", &self.kind);
        match (name, kind) {
            (Some(name), Some(kind)) if errs.is_empty() => Ok(OrganisationFields {
                name,
                kind,
                require_second_factor: self.require_second_factor,
            }),
            _ => Err(errs.into()),
        }
    }
}

/// List organisations, a page at a time. Anyone may.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    operation_id = "listOrganisations",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of organisations, by id.", body = ListOut<OrganisationOut>),
        (status = 400, response = super::BadRequest),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<ListOut<OrganisationOut>>, ApiError> {
    let page = q.page()?;
    let rows = s.store.organisations(page).await?;
    Ok(Json(ListOut::from_page(
        rows,
        "/api/v1/organisations",
        page.limit,
        Into::into,
    )))
}

/// Read one organisation. Anyone may.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations",
    operation_id = "getOrganisation",
    params(("id" = i64, Path, minimum = 1, description = "Organisation id")),
    responses(
        (status = 200, description = "The organisation.", body = OrganisationOut),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    Id(id): Id,
) -> Result<Json<OrganisationOut>, ApiError> {
    Ok(Json(s.store.organisation(id).await?.into()))
}

/// Add an organisation. Administrators only.
#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations",
    operation_id = "createOrganisation",
    security(("bearer" = [])),
    request_body = OrganisationBody,
    responses(
        (status = 201, description = "Created; `Location` is its address.", body = OrganisationOut,
            headers(("Location" = String, description = "The new organisation's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn create(
    State(s): State<AppState>,
    viewer: crate::auth::Viewer,
    ApiJson(body): ApiJson<OrganisationBody>,
) -> Result<Response, ApiError> {
    let o = coproduce_app::organisations::create(&s.ctx, &viewer.actor(), &body.check()?).await?;
    Ok(created(
        format!("/api/v1/organisations/{}", o.id),
        OrganisationOut::from(o),
    ))
}

/// Replace an organisation's fields.
#[utoipa::path(put, path = "/api/v1/organisations/{id}", tag = "organisations",
    operation_id = "updateOrganisation",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Organisation id")),
    request_body = OrganisationBody,
    responses(
        (status = 200, description = "The organisation as changed.", body = OrganisationOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn update(
    State(s): State<AppState>,
    viewer: crate::auth::Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<OrganisationBody>,
) -> Result<Json<OrganisationOut>, ApiError> {
    let fields = body.check()?;
    Ok(Json(
        coproduce_app::organisations::update(&s.ctx, &viewer.actor(), id, &fields)
            .await?
            .into(),
    ))
}
