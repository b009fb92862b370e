//! `/healthz`: the process is up. `/readyz`: the database answers too.

use axum::extract::State;
use axum::http::StatusCode;
use coproduce_domain::account::Capability;

use crate::AppState;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/healthz", Capability::ReadPublic, alive)
        .get("/readyz", Capability::ReadPublic, ready)
}

async fn alive() -> &'static str {
    "ok"
}

async fn ready(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "the database does not answer",
            )
        }
    }
}
