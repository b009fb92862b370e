//! Static files under `/assets/`: the NHS.UK design system and Coproduce's own CSS,
//! compiled into the binary by `build.rs`, so the server needs no files beside it.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use coproduce_domain::account::Capability;

use crate::routes::Routes;

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

pub fn routes(r: Routes) -> Routes {
    r.get("/assets/{*path}", Capability::ReadPublic, asset)
}

async fn asset(Path(path): Path<String>) -> Response {
    match FILES.iter().find(|(p, _, _)| *p == path) {
        Some((_, kind, bytes)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=3600"),
                ),
            ],
            *bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "Not found").into_response(),
    }
}
