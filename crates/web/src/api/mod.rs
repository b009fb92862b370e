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
use utoipa::openapi::schema::{Object, SchemaFormat, SchemaType, Type};
use utoipa::{IntoParams, ToResponse, ToSchema};

use crate::ApiError;
use crate::auth::Viewer;
use crate::error::Problem as ProblemReport;
use crate::routes::Routes;
use coproduce_store::Within;

pub mod activities;
pub mod charters;
pub mod equality;
pub mod feedback;
pub mod forms;
pub mod indicators;
pub mod inputs;
pub mod invitations;
pub mod meeting_rules;
pub mod networks;
pub mod opportunities;
pub mod organisations;
pub mod outcomes;
pub mod papers;
pub mod payments;
pub mod people;
pub mod projects;
pub mod provision;
pub mod recognition;
pub mod responses;
pub mod venues;

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
    let r = responses::routes(r);
    let r = invitations::routes(r);
    let r = indicators::routes(r);
    let r = equality::routes(r);
    let r = networks::routes(r);
    let r = venues::routes(r);
    let r = provision::routes(r);
    let r = meeting_rules::routes(r);
    let r = papers::routes(r);
    let r = feedback::routes(r);
    let r = opportunities::routes(r);
    let r = outcomes::routes(r);
    let r = forms::routes(r);
    let r = recognition::routes(r);
    let r = payments::routes(r);
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
        from_value(value).map(ApiJson)
    }
}

/// Turns every number with no fractional part into a whole number: JSON Schema counts
/// `2.0` as an integer, so the API accepts it where it takes one.
fn whole_numbers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f >= i64::MIN as f64
                && f < i64::MAX as f64
            {
                *value = serde_json::Value::from(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

/// Refuses an array where `path` must hold an object (serde would read a struct from
/// an array of its fields in order, which the API does not document).
pub fn object_at(value: &serde_json::Value, path: &str) -> Result<(), ApiError> {
    if value.is_array() {
        Err(ApiError::field(
            path,
            "invalid type: sequence, expected an object",
        ))
    } else {
        Ok(())
    }
}

/// Reads a body already known to be a JSON object into `T`, naming the field of any
/// value of the wrong type, missing field or unknown field (422).
pub fn from_value<T: DeserializeOwned>(mut value: serde_json::Value) -> Result<T, ApiError> {
    whole_numbers(&mut value);
    serde_path_to_error::deserialize(value).map_err(|e| {
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
///
/// The parameters are read as text so that a value that is not a whole number in range
/// gets the API's own 422 naming it; the document gives their real type.
#[derive(Debug, Default, serde::Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Return records with ids after this one (from the previous page's `next`).
    #[param(value_type = Option<i64>, minimum = 0)]
    pub after: Option<String>,
    /// How many records to return, 1 to 200 (default 50).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 200)]
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

/// Reads an optional whole number from a query parameter, within a range. A parameter
/// given empty (`?limit=`) is not a number, as the document says.
pub fn parse_number(
    errs: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    min: i64,
    max: i64,
) -> Option<i64> {
    let raw = raw.map(str::trim)?;
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
        .enum_values(Some(V::spellings()))
        .description(Some(format!(
            "One of the {} values: its slug, which answers always give, or its label or a common spelling, written exactly as listed.",
            V::NOUN
        )))
        .build()
}

/// The OpenAPI schema of a list of vocabulary values.
pub fn vocabulary_list_schema<V: Vocabulary>() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::Array::new(vocabulary_schema::<V>())
}

/// The OpenAPI schema of an optional vocabulary value in a body: one of its slugs, or
/// null or empty for none.
pub fn optional_vocabulary_schema<V: Vocabulary>() -> utoipa::openapi::schema::Schema {
    utoipa::openapi::schema::AnyOfBuilder::new()
        .item(vocabulary_schema::<V>())
        .item(blank_schema())
        .item(Object::builder().schema_type(SchemaType::new(Type::Null)))
        .description(Some(format!(
            "One of the {} values, or null or empty for none.",
            V::NOUN
        )))
        .build()
        .into()
}

/// The OpenAPI schema of a vocabulary value in a response that may be null.
pub fn nullable_vocabulary_schema<V: Vocabulary>() -> Object {
    Object::builder()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(
            V::spellings()
                .into_iter()
                .map(serde_json::Value::from)
                .chain([serde_json::Value::Null]),
        ))
        .description(Some(format!(
            "One of the {} values (its slug, or its label or a common spelling, written exactly as listed), or null.",
            V::NOUN
        )))
        .build()
}

/// The characters the text checks trim from either end (Unicode white space, as
/// `str::trim` knows it).
pub(crate) const SPACE: &str =
    r"\t\n\x0B\f\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";
/// The control characters the text checks refuse (all but tabs and line breaks).
const CONTROL: &str = r"\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F";

/// A pattern for text the checks accept: after trimming, 1 to `max` characters with
/// no control characters but tabs and line breaks; with `empty`, also nothing but
/// white space (optional text, read as not given).
fn text_pattern(max: usize, empty: bool) -> String {
    let inner = format!(
        "[^{SPACE}{CONTROL}](?:[^{CONTROL}]{{0,{}}}[^{SPACE}{CONTROL}])?[{SPACE}]*",
        max.saturating_sub(2)
    );
    if empty {
        format!("^[{SPACE}]*(?:{inner})?$")
    } else {
        format!("^[{SPACE}]*{inner}$")
    }
}

/// The schema of required text of up to `max` characters.
pub fn text_schema(max: usize) -> Object {
    Object::builder()
        .schema_type(SchemaType::new(Type::String))
        .pattern(Some(text_pattern(max, false)))
        .description(Some(format!(
            "Text of 1 to {max} characters once spaces at either end are trimmed, without control characters other than tabs and line breaks."
        )))
        .build()
}

/// The schema of optional text of up to `max` characters: null or only spaces mean
/// none.
pub fn optional_text_schema(max: usize) -> Object {
    Object::builder()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .pattern(Some(text_pattern(max, true)))
        .description(Some(format!(
            "Text of up to {max} characters once spaces at either end are trimmed, without control characters other than tabs and line breaks; null or empty for none."
        )))
        .build()
}

/// Required short text: names and titles.
pub fn short_text() -> Object {
    text_schema(coproduce_domain::text::SHORT)
}

/// Required long text: statements and descriptions.
pub fn long_text() -> Object {
    text_schema(coproduce_domain::text::LONG)
}

/// Optional short text.
pub fn optional_short_text() -> Object {
    optional_text_schema(coproduce_domain::text::SHORT)
}

/// Optional long text.
pub fn optional_long_text() -> Object {
    optional_text_schema(coproduce_domain::text::LONG)
}

/// The schema of a calendar date, `YYYY-MM-DD`.
pub fn date_schema() -> Object {
    Object::builder()
        .schema_type(SchemaType::new(Type::String))
        .format(Some(SchemaFormat::KnownFormat(
            utoipa::openapi::KnownFormat::Date,
        )))
        .build()
}

/// A string of nothing but white space: an optional value left empty, read as not
/// given.
fn blank_schema() -> Object {
    Object::builder()
        .schema_type(SchemaType::new(Type::String))
        .pattern(Some(format!("^[{SPACE}]*$")))
        .build()
}

/// The schema of an optional calendar date: a date, or null or empty for none.
pub fn optional_date_schema() -> utoipa::openapi::schema::Schema {
    utoipa::openapi::schema::AnyOfBuilder::new()
        .item(date_schema())
        .item(blank_schema())
        .item(Object::builder().schema_type(SchemaType::new(Type::Null)))
        .description(Some("A date (YYYY-MM-DD), or null or empty for none."))
        .build()
        .into()
}

/// The schema of an id in a body: a whole number from 1.
pub fn id_schema() -> Object {
    Object::builder()
        .schema_type(SchemaType::new(Type::Integer))
        .format(Some(SchemaFormat::KnownFormat(
            utoipa::openapi::KnownFormat::Int64,
        )))
        .minimum(Some(1))
        .build()
}

/// The schema of an optional id in a body: a whole number from 1, or null.
pub fn optional_id_schema() -> Object {
    Object::builder()
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .format(Some(SchemaFormat::KnownFormat(
            utoipa::openapi::KnownFormat::Int64,
        )))
        .minimum(Some(1))
        .build()
}

/// A list of distinct record ids, `min` to `max` of them.
pub fn id_list_schema(min: usize, max: usize) -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder};
    let mut list = ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(SchemaFormat::KnownFormat(
                    utoipa::openapi::KnownFormat::Int64,
                )))
                .minimum(Some(1)),
        )
        .max_items(Some(max))
        .unique_items(true);
    if min > 0 {
        list = list.min_items(Some(min));
    }
    list.into()
}

/// 400: the request could not be read.
#[derive(ToResponse)]
#[response(
    description = "The request could not be read: a body that is not a JSON object, or a query string that cannot be parsed.",
    content_type = "application/problem+json"
)]
pub struct BadRequest(pub ProblemReport);

/// 401: no credential, or one that is not valid.
#[derive(ToResponse)]
#[response(
    description = "No API token was sent, or the token is not valid (unknown, revoked or expired).",
    content_type = "application/problem+json"
)]
pub struct Unauthorised(pub ProblemReport);

/// 403: the credential may not do this.
#[derive(ToResponse)]
#[response(
    description = "The token's account has a role that may not do this, or a read-only token was used to change something.",
    content_type = "application/problem+json"
)]
pub struct Forbidden(pub ProblemReport);

/// 404: no such record, as far as the viewer may know.
#[derive(ToResponse)]
#[response(
    description = "There is no record with this id, or it belongs to an organisation the token's account does not see.",
    content_type = "application/problem+json"
)]
pub struct NotFound(pub ProblemReport);

/// 422: values that are not acceptable.
#[derive(ToResponse)]
#[response(
    description = "Some values are not acceptable: `errors` names each field and says why, with a stable `code`.",
    content_type = "application/problem+json"
)]
pub struct Unprocessable(pub ProblemReport);

/// Checks a vocabulary value in a body, recording an error under `field`.
pub fn vocab<V: Vocabulary>(errs: &mut FieldErrors, field: &str, raw: &str) -> Option<V> {
    errs.take(field, V::read_exact(raw))
}

/// Reads a file sent as standard base64, naming `field` when it is not.
pub fn base64_file(errs: &mut FieldErrors, field: &str, raw: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    match base64::engine::general_purpose::STANDARD.decode(raw.trim()) {
        Ok(b) => Some(b),
        Err(_) => {
            errs.add(field, Problem::FileUnreadable("not base64".into()));
            None
        }
    }
}

/// A file's problems, which the application names as the `file`'s, named as the
/// API's `content_base64`.
pub fn as_content(e: coproduce_app::AppError) -> coproduce_app::AppError {
    match e {
        coproduce_app::AppError::Invalid(mut f) => {
            for e in &mut f.0 {
                if e.field == "file" {
                    e.field = "content_base64".into();
                }
            }
            coproduce_app::AppError::Invalid(f)
        }
        other => other,
    }
}

/// Reads two ids from a path (a record and one of its parts): anything but a
/// positive whole number is not found.
pub fn two_ids(a: &str, b: &str) -> Result<(i64, i64), ApiError> {
    let parse = |raw: &str| raw.parse::<i64>().ok().filter(|n| *n > 0);
    match (parse(a), parse(b)) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(ApiError::NotFound(
            crate::i18n::API.t("api-ids-are-whole-numbers"),
        )),
    }
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
