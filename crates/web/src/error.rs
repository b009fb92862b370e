//! Errors in the JSON API, answered as `application/problem+json` (RFC 9457).
//!
//! Policy: a person's mistake gets a 4xx naming each field and what is wrong with it
//! (400 for a body that is not JSON, 422 for values that are not acceptable, 404 for an
//! unknown id, 409 for a duplicate). A fault of ours is logged in full with a reference
//! and answered with a 500 that shows only the reference: no database message, query or
//! secret ever reaches the response.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use coproduce_app::AppError;
use coproduce_domain::text::{FieldError, FieldErrors};
use coproduce_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// What went wrong with an API request.
#[derive(Debug)]
pub enum ApiError {
    /// The request could not be read at all (a body that is not JSON, say).
    BadRequest(String),
    /// The request was read, but some values are not acceptable.
    Invalid(Vec<FieldError>),
    /// Not signed in, or the credential is not valid.
    Unauthorised(String),
    /// Signed in, but the role may not do this, or the request came from another site.
    Forbidden(String),
    NotFound(String),
    Conflict(String),
    /// A fault of ours, already logged under this reference.
    Internal(String),
}

/// A problem report (RFC 9457), with one entry per field at fault.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status code says what kind of problem it is.
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// For 422: each field at fault and what is wrong with it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemField {
    /// The field's path in the request, like `name` or `sections[0].key`.
    pub field: String,
    /// Why, as a stable code a client can translate from (`empty`, `too-long`); absent
    /// where the message comes from reading the JSON itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    pub message: String,
}

impl ApiError {
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::Invalid(vec![FieldError::worded(field, message)])
    }

    /// A value a check refused, on one field.
    pub fn refused(field: impl Into<String>, problem: coproduce_domain::text::Problem) -> Self {
        ApiError::Invalid(vec![FieldError::new(field, problem)])
    }

    /// Logs an unexpected failure and returns the error that shows only a reference.
    pub fn internal(e: &dyn std::fmt::Display) -> Self {
        let reference = format!("{:08x}", rand::random::<u32>());
        tracing::error!(reference = %reference, error = %e, "request failed");
        ApiError::Internal(reference)
    }

    /// The reference of an internal error ("" for any other).
    pub fn reference(&self) -> String {
        match self {
            ApiError::Internal(r) => r.clone(),
            _ => String::new(),
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorised(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn problem(&self) -> Problem {
        let status = self.status();
        let (detail, errors) = match self {
            ApiError::BadRequest(m)
            | ApiError::Unauthorised(m)
            | ApiError::Forbidden(m)
            | ApiError::NotFound(m)
            | ApiError::Conflict(m) => (m.clone(), vec![]),
            ApiError::Invalid(fields) => (
                crate::i18n::API.tn("api-fields-not-acceptable", &[("n", fields.len() as i64)]),
                fields
                    .iter()
                    .map(|f| ProblemField {
                        field: f.field.clone(),
                        code: f.problem.as_ref().map(|p| p.code()),
                        message: f.message.clone(),
                    })
                    .collect(),
            ),
            ApiError::Internal(reference) => (
                crate::i18n::API.t1("api-internal", "reference", reference),
                vec![],
            ),
        };
        Problem {
            problem_type: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail,
            errors,
        }
    }
}

impl From<FieldErrors> for ApiError {
    fn from(e: FieldErrors) -> Self {
        ApiError::Invalid(e.0)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiError::NotFound(crate::i18n::API.t("api-nothing-with-id")),
            StoreError::Missing { field, noun, id } => {
                ApiError::refused(field, coproduce_domain::text::Problem::NoSuch { noun, id })
            }
            StoreError::Duplicate(m) => ApiError::Conflict(m),
            other => ApiError::internal(&other),
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound => ApiError::NotFound(crate::i18n::API.t("api-nothing-with-id")),
            AppError::Forbidden(_) => {
                ApiError::Forbidden(crate::i18n::API.t("api-role-does-not-allow"))
            }
            AppError::Invalid(fields) => ApiError::Invalid(fields.0),
            AppError::Conflict(m) => ApiError::Conflict(m),
            AppError::Store(e) => ApiError::from(e),
            AppError::Internal(m) => ApiError::internal(&m),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut res = (status, body).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}
