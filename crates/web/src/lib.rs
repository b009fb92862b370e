//! Coproduce's web interface: server-rendered HTML pages, the JSON API under
//! `/api/v1` with its OpenAPI document, health checks and the embedded static files.
//!
//! Handlers turn requests into checked domain values, call the store, and turn the
//! results into pages or JSON. They hold no business rules of their own (those live in
//! the domain crate) and write no SQL (that lives in the store).

use axum::Router;
use coproduce_store::Store;

pub mod api;
mod assets;
mod error;
mod health;
mod openapi;
mod pages;
mod security;

pub use error::ApiError;
pub use openapi::openapi_json;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// Whether this server is showing the demo partnership (shown on every page).
    pub demo: bool,
}

/// The whole application: pages, API, health checks and static files.
pub fn app(state: AppState) -> Router {
    Router::new()
        .merge(pages::router())
        .merge(api::router())
        .merge(health::router())
        .merge(assets::router())
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state)
}

/// Serves the application on a bound listener until Ctrl-C or SIGTERM.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Today's date on a London calendar.
pub(crate) fn today() -> chrono::NaiveDate {
    coproduce_domain::time::london_date(chrono::Utc::now())
}
