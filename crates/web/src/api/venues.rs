//! `/api/v1/venues`: the places an organisation holds its activities, and what each
//! offers for access.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::activity::VenueFeature;
use coproduce_domain::text::{FieldErrors, LONG, SHORT};
use coproduce_store::Within;
use coproduce_store::venues::{Venue, VenueFields};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    ApiJson, ApiQuery, Id, ListOut, created, id_field, list_base, optional, required, scoped_page,
    vocab,
};
use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/venues", C::ReadWork, list)
        .post("/api/v1/venues", C::WriteWork, create)
        .get("/api/v1/venues/{id}", C::ReadWork, read)
        .put("/api/v1/venues/{id}", C::WriteWork, update)
}

fn features_schema() -> utoipa::openapi::schema::Array {
    super::vocabulary_list_schema::<VenueFeature>()
}

/// A place activities are held.
#[derive(Debug, Serialize, ToSchema)]
pub struct VenueOut {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub address: Option<String>,
    pub postcode: Option<String>,
    /// Anything else an organiser should know: the entrance to use, who to ask.
    pub notes: Option<String>,
    /// What it offers for access.
    #[schema(schema_with = features_schema)]
    pub features: Vec<&'static str>,
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl From<Venue> for VenueOut {
    fn from(v: Venue) -> Self {
        VenueOut {
            id: v.id,
            organisation_id: v.organisation_id,
            name: v.name,
            address: v.address,
            postcode: v.postcode,
            notes: v.notes,
            features: v.features.iter().map(|f| f.slug()).collect(),
            created_at: coproduce_domain::time::machine(v.created_at),
        }
    }
}

/// The fields of a venue.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VenueBody {
    #[schema(minimum = 1)]
    pub organisation_id: i64,
    #[schema(schema_with = super::short_text)]
    pub name: String,
    #[schema(schema_with = address_schema)]
    pub address: Option<String>,
    #[schema(schema_with = crate::openapi::optional_postcode_schema)]
    pub postcode: Option<String>,
    #[schema(schema_with = super::optional_long_text)]
    pub notes: Option<String>,
    /// What it offers for access; a value given twice, in any of its spellings, is
    /// kept once. Leave out for none.
    #[serde(default)]
    #[schema(schema_with = features_schema)]
    pub features: Vec<String>,
}

fn address_schema() -> utoipa::openapi::schema::Object {
    super::optional_text_schema(500)
}

impl VenueBody {
    pub(crate) fn check(&self) -> Result<VenueFields, ApiError> {
        let mut errs = FieldErrors::new();
        let organisation_id = id_field(&mut errs, "organisation_id", self.organisation_id);
        let name = required(&mut errs, "name", &self.name, SHORT);
        let address = optional(&mut errs, "address", self.address.as_deref(), 500);
        let notes = optional(&mut errs, "notes", self.notes.as_deref(), LONG);
        let postcode = match self.postcode.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(p) => errs
                .take("postcode", coproduce_domain::person::postcode(p))
                .map(Some),
        };
        let mut features: Vec<VenueFeature> = Vec::new();
        for (i, raw) in self.features.iter().enumerate() {
            if let Some(f) = vocab::<VenueFeature>(&mut errs, &format!("features[{i}]"), raw)
                && !features.contains(&f)
            {
                features.push(f);
            }
        }
        match (organisation_id, name, address, notes, postcode) {
            (Some(organisation_id), Some(name), Some(address), Some(notes), Some(postcode))
                if errs.is_empty() =>
            {
                Ok(VenueFields {
                    organisation_id,
                    name,
                    address,
                    postcode,
                    notes,
                    features,
                })
            }
            _ => Err(errs.into()),
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct VenuesQuery {
    /// Return venues with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many venues to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// Only venues of this organisation.
    #[param(value_type = Option<i64>, minimum = 1)]
    pub organisation_id: Option<String>,
}

/// List venues, a page at a time: those of the token's organisation, or of any for
/// those who see every organisation.
#[utoipa::path(get, path = "/api/v1/venues", tag = "venues",
    operation_id = "listVenues",
    security(("bearer" = [])),
    params(VenuesQuery),
    responses(
        (status = 200, description = "A page of venues, by id.", body = ListOut<VenueOut>),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<VenuesQuery>,
) -> Result<Json<ListOut<VenueOut>>, ApiError> {
    let (page, org) = scoped_page(
        q.after.as_deref(),
        q.limit.as_deref(),
        "organisation_id",
        q.organisation_id.as_deref(),
    )?;
    let within = viewer.scope(org)?.map_or(Within::All, Within::Parent);
    let rows = s.store.venues(page, within).await?;
    let base = list_base("/api/v1/venues", "organisation_id", org);
    Ok(Json(ListOut::from_page(
        rows,
        &base,
        page.limit,
        Into::into,
    )))
}

/// Read a venue.
#[utoipa::path(get, path = "/api/v1/venues/{id}", tag = "venues",
    operation_id = "getVenue",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Venue id")),
    responses(
        (status = 200, description = "The venue.", body = VenueOut),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(
    State(s): State<AppState>,
    viewer: Viewer,
    Id(id): Id,
) -> Result<Json<VenueOut>, ApiError> {
    let v = s.store.venue(id).await?;
    viewer.check(v.organisation_id)?;
    Ok(Json(v.into()))
}

/// Add a venue.
#[utoipa::path(post, path = "/api/v1/venues", tag = "venues",
    operation_id = "createVenue",
    security(("bearer" = [])),
    request_body = VenueBody,
    responses(
        (status = 201, description = "Created; `Location` is its address.", body = VenueOut,
            headers(("Location" = String, description = "The new venue's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn create(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiJson(body): ApiJson<VenueBody>,
) -> Result<Response, ApiError> {
    let fields = body.check()?;
    let v = coproduce_app::venues::create_venue(&s.ctx, &viewer.actor(), &fields).await?;
    Ok(created(
        format!("/api/v1/venues/{}", v.id),
        VenueOut::from(v),
    ))
}

/// Replace a venue's fields.
#[utoipa::path(put, path = "/api/v1/venues/{id}", tag = "venues",
    operation_id = "updateVenue",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Venue id")),
    request_body = VenueBody,
    responses(
        (status = 200, description = "The venue as changed.", body = VenueOut),
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
    ApiJson(body): ApiJson<VenueBody>,
) -> Result<Json<VenueOut>, ApiError> {
    let fields = body.check()?;
    Ok(Json(
        coproduce_app::venues::update_venue(&s.ctx, &viewer.actor(), id, &fields)
            .await?
            .into(),
    ))
}
