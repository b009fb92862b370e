//! The JSON API under `/api/v1`.
//!
//! Every resource has list (paginated by id, a stable order), get, create and update.
//! Request bodies are read in two steps so every mistake gets the right answer: a body
//! that is not a JSON object is a 400; a value of the wrong type, a missing field or an
//! unknown field is a 422 naming the field; then the domain checks every value and
//! reports every problem at once, also as a 422.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::text::{FieldErrors, Problem};
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::openapi::schema::{Object, SchemaType, Type};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};
use coproduce_store::{StoreError, Within};

pub mod activities;
pub mod charters;
pub mod equality;
pub mod indicators;
pub mod inputs;
pub mod networks;
pub mod organisations;
pub mod people;
pub mod projects;

/// Refuses a reference to an organisation the viewer may not see, as if it did not
/// exist.
pub fn visible_organisation(viewer: &Viewer, organisation_id: i64) -> Result<(), ApiError> {
    if viewer.sees(organisation_id) {
        Ok(())
    } else {
        Err(ApiError::refused(
            "organisation_id",
            Problem::NoSuch {
                noun: "organisation",
                id: organisation_id,
            },
        ))
    }
}

/// The organisation of a referenced project, if the viewer may see it; otherwise an
/// error on `field`, as if the project did not exist.
pub async fn visible_project(
    s: &AppState,
    viewer: &Viewer,
    field: &str,
    project_id: i64,
) -> Result<i64, ApiError> {
    match s.store.organisation_of_project(project_id).await {
        Ok(org) if viewer.sees(org) => Ok(org),
        Ok(_) | Err(StoreError::NotFound) => Err(ApiError::refused(
            field,
            Problem::NoSuch {
                noun: "project",
                id: project_id,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

/// The organisation of a referenced activity, if the viewer may see it; otherwise an
/// error on `field`, as if the activity did not exist.
pub async fn visible_activity(
    s: &AppState,
    viewer: &Viewer,
    field: &str,
    activity_id: i64,
) -> Result<i64, ApiError> {
    match s.store.organisation_of_activity(activity_id).await {
        Ok(org) if viewer.sees(org) => Ok(org),
        Ok(_) | Err(StoreError::NotFound) => Err(ApiError::refused(
            field,
            Problem::NoSuch {
                noun: "activity",
                id: activity_id,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

/// How far a list of records below projects reaches for this viewer: one visible
/// parent, the viewer's organisation, or everything for those who see everything.
pub fn reach(viewer: &Viewer, parent: Option<i64>) -> Result<Within, ApiError> {
    Ok(match parent {
        Some(p) => Within::Parent(p),
        None => viewer
            .scope(None)?
            .map_or(Within::All, Within::Organisation),
    })
}

/// The largest request body the API reads: a big charter fits many times over.
pub const MAX_BODY: usize = 1024 * 1024;

pub fn routes(r: Routes) -> Routes {
    let r = organisations::routes(r);
    let r = charters::routes(r);
    let r = people::routes(r);
    let r = projects::routes(r);
    let r = activities::routes(r);
    let r = inputs::routes(r);
    let r = indicators::routes(r);
    let r = equality::routes(r);
    let r = networks::routes(r);
    r.get(
        "/api/openapi.json",
        coproduce_domain::account::Capability::ReadPublic,
        crate::openapi::serve,
    )
}

/// A JSON request body, read as described in the module docs.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                let v = v.to_ascii_lowercase();
                v.starts_with("application/json") || v.contains("+json")
            })
            .unwrap_or(false);
        if !is_json {
            return Err(ApiError::BadRequest(crate::i18n::API.t("api-send-json")));
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::BadRequest(crate::i18n::API.t1("api-body-too-large", "max", MAX_BODY))
                } else {
                    ApiError::BadRequest(crate::i18n::API.t1(
                        "api-body-unreadable",
                        "why",
                        e.body_text(),
                    ))
                }
            })?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            ApiError::BadRequest(crate::i18n::API.t1("api-body-not-json", "why", e))
        })?;
        if !value.is_object() {
            return Err(ApiError::BadRequest(
                crate::i18n::API.t("api-body-not-object"),
            ));
        }
        serde_path_to_error::deserialize(value)
            .map(ApiJson)
            .map_err(|e| {
                let path = e.path().to_string();
                let message = e.inner().to_string();
                // "missing field `name`" is reported at the object that lacks it:
                // name the field itself. (An unknown field's path already ends in it.)
                let inner_field = message
                    .strip_prefix("missing field `")
                    .and_then(|rest| rest.split('`').next())
                    .map(str::to_string);
                let field = match (inner_field, path.as_str()) {
                    (Some(f), ".") => f,
                    (Some(f), p) => format!("{p}.{f}"),
                    (None, p) => p.to_string(),
                };
                ApiError::field(field, message)
            })
    }
}

/// A record id from the path. Anything but a positive whole number is a 404: no record
/// has such an id.
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state)
                .await
                .map_err(|_| ApiError::NotFound(crate::i18n::API.t("api-nothing-here")))?;
        match raw.parse::<i64>() {
            Ok(id) if id > 0 => Ok(Id(id)),
            _ => Err(ApiError::NotFound(crate::i18n::API.t1(
                "api-not-an-id",
                "given",
                raw,
            ))),
        }
    }
}

/// `?after=ID&limit=N`, and an optional filter by parent.
#[derive(Debug, Default, serde::Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Return records with ids after this one (from the previous page's `next`).
    pub after: Option<String>,
    /// How many records to return, 1 to 200 (default 50).
    pub limit: Option<String>,
}

impl ListQuery {
    pub fn page(&self) -> Result<coproduce_store::PageRequest, ApiError> {
        scoped_page(self.after.as_deref(), self.limit.as_deref(), "", None).map(|(page, _)| page)
    }
}

/// Reads `after` and `limit`, and the id of a parent (`scope_field`) that narrows a
/// list, reporting every bad parameter at once.
pub fn scoped_page(
    after: Option<&str>,
    limit: Option<&str>,
    scope_field: &str,
    scope: Option<&str>,
) -> Result<(coproduce_store::PageRequest, Option<i64>), ApiError> {
    let mut errs = FieldErrors::new();
    let after = parse_number(&mut errs, "after", after, 0, i64::MAX);
    let limit = parse_number(
        &mut errs,
        "limit",
        limit,
        1,
        coproduce_store::PageRequest::MAX_LIMIT,
    );
    let scope = parse_number(&mut errs, scope_field, scope, 1, i64::MAX);
    errs.finish(|| (coproduce_store::PageRequest::new(after, limit), scope))
        .map_err(Into::into)
}

/// The address of a list, narrowed to one parent when `scope` is given.
pub fn list_base(path: &str, scope_field: &str, scope: Option<i64>) -> String {
    match scope {
        Some(id) => format!("{path}?{scope_field}={id}"),
        None => path.to_string(),
    }
}

/// Reads an optional whole number from a query parameter, within a range.
pub fn parse_number(
    errs: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    min: i64,
    max: i64,
) -> Option<i64> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    match raw.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            errs.add(field, Problem::NotWholeNumber { min, max });
            None
        }
    }
}

/// Reads the query string, answering a malformed one with a 400.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Default> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|e| {
                ApiError::BadRequest(crate::i18n::API.t1(
                    "api-query-not-acceptable",
                    "why",
                    e.body_text(),
                ))
            })
    }
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListOut<T> {
    pub items: Vec<T>,
    /// The address of the next page, or null on the last page.
    pub next: Option<String>,
}

impl<T> ListOut<T> {
    /// Builds a page from the store's, with `next` pointing at `base` (which may
    /// already carry query parameters).
    pub fn from_page<R>(
        page: coproduce_store::Page<R>,
        base: &str,
        limit: i64,
        f: impl Fn(R) -> T,
    ) -> Self {
        let sep = if base.contains('?') { '&' } else { '?' };
        ListOut {
            next: page
                .next_after
                .map(|after| format!("{base}{sep}after={after}&limit={limit}")),
            items: page.items.into_iter().map(f).collect(),
        }
    }
}

/// A created record: 201 with its address in `Location`.
pub fn created<T: Serialize>(location: String, body: T) -> Response {
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        axum::Json(body),
    )
        .into_response()
}

/// The OpenAPI schema of a vocabulary: a string with its slugs as the allowed values.
pub fn vocabulary_schema<V: Vocabulary>() -> Object {
    Object::builder()
        .schema_type(SchemaType::new(Type::String))
        .enum_values(Some(V::ALL.iter().map(|v| v.slug())))
        .description(Some(format!("One of the {} values.", V::NOUN)))
        .build()
}

/// Checks a vocabulary value in a body, recording an error under `field`.
pub fn vocab<V: Vocabulary>(errs: &mut FieldErrors, field: &str, raw: &str) -> Option<V> {
    errs.take(field, V::parse(raw.trim()))
}

/// Checks required text in a body.
pub fn required(errs: &mut FieldErrors, field: &str, raw: &str, max: usize) -> Option<String> {
    errs.take(field, coproduce_domain::text::required(raw, max))
}

/// Checks optional text in a body.
pub fn optional(
    errs: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    max: usize,
) -> Option<Option<String>> {
    errs.take(field, coproduce_domain::text::optional(raw, max))
}

/// Checks an id in a body: a whole number above 0.
pub fn id_field(errs: &mut FieldErrors, field: &str, id: i64) -> Option<i64> {
    if id > 0 {
        Some(id)
    } else {
        errs.add(field, Problem::NotAnId);
        None
    }
}
