//! The OpenAPI 3.1 document of the JSON API, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

use crate::api::{
    activities, charters, equality, indicators, inputs, networks, organisations, people, projects,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Coproduce API",
        description = "Run co-production and measure a co-production charter. Errors are application/problem+json (RFC 9457) with a message per field.",
        license(name = "MIT")
    ),
    paths(
        organisations::list,
        organisations::read,
        organisations::create,
        organisations::update,
        charters::list,
        charters::read,
        charters::create,
        charters::update,
        charters::signatories,
        charters::add_signatory,
        charters::template_list,
        charters::adopt_template,
        people::list,
        people::read,
        people::create,
        people::update,
        projects::list,
        projects::read,
        projects::create,
        projects::update,
        activities::list,
        activities::read,
        activities::create,
        activities::update,
        activities::attendance,
        activities::set_attendance,
        inputs::list,
        inputs::read,
        inputs::create,
        inputs::update,
        indicators::feedback_within_days,
        equality::totals,
        networks::list,
        networks::read,
        networks::members,
        networks::courses,
        networks::completions,
    ),
    components(schemas(crate::error::Problem, crate::error::ProblemField))
)]
struct ApiDoc;

/// The document as JSON text, for the CLI and tests.
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

pub async fn serve() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
