//! Calendar feeds a calendar program subscribes to: a person's own, at a secret
//! address they can replace (`/calendar/{token}.ics`), and the public events of
//! every organisation (`/calendar/public.ics`). What each holds is decided in
//! `coproduce_app::invitations`; this module only answers it as `text/calendar`.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use coproduce_app::AppError;
use coproduce_domain::account::Capability;

use crate::AppState;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/calendar/public.ics", Capability::ReadPublic, public)
        .get("/calendar/{token}", Capability::ReadPublic, personal)
}

fn calendar(result: Result<String, AppError>) -> Response {
    match result {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                // A feed address is a secret: no cache in between keeps it.
                (header::CACHE_CONTROL, "private, max-age=300"),
            ],
            text,
        )
            .into_response(),
        Err(AppError::NotFound) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "There is no calendar at this address. It may have been replaced by a new one.",
        )
            .into_response(),
        Err(e) => {
            // Logged in full with a reference; the caller sees neither.
            let _ = crate::ApiError::internal(&e);
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "The calendar cannot be made just now.",
            )
                .into_response()
        }
    }
}

async fn personal(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let token = token.strip_suffix(".ics").unwrap_or(&token);
    calendar(coproduce_app::invitations::personal_feed(&state.ctx, token).await)
}

async fn public(State(state): State<AppState>) -> Response {
    calendar(coproduce_app::invitations::public_feed(&state.ctx).await)
}
