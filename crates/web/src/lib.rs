//! Coproduce's web interface: server-rendered HTML pages, the JSON API under
//! `/api/v1` with its OpenAPI document, health checks and the embedded static files.
//!
//! Handlers turn requests into checked domain values, call the store, and turn the
//! results into pages or JSON. They hold no business rules of their own (those live in
//! the domain crate) and write no SQL (that lives in the store).

use std::sync::Arc;

use axum::Router;
use coproduce_app::Context;
use coproduce_store::Store;

pub mod api;
mod assets;
pub mod auth;
mod error;
mod feeds;
mod health;
pub use coproduce_app::i18n;
mod openapi;
mod pages;
pub mod routes;
mod security;

pub use error::ApiError;
pub use openapi::openapi_json;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The application: every operation goes through it.
    pub ctx: Context,
    /// The application's store, for reads that have not moved into the application
    /// layer yet.
    pub store: Store,
    pub config: Arc<Config>,
    /// Whether this server is showing the demo partnership (shown on every page).
    pub demo: bool,
}

/// How the web side is set up, beyond the application's settings.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Demo sign-ins shown on the sign-in page: (role, email, password). Only ever
    /// filled in by `serve --demo`.
    pub demo_sign_ins: Vec<(String, String, String)>,
}

impl AppState {
    pub fn new(ctx: Context, config: Config, demo: bool) -> Self {
        AppState {
            store: ctx.store.clone(),
            ctx,
            config: Arc::new(config),
            demo,
        }
    }

    /// Whether the session cookie is marked Secure: when people reach Coproduce over
    /// https.
    pub fn secure_cookies(&self) -> bool {
        self.ctx.settings.public_url.starts_with("https://")
    }
}

/// Every route, each with the capability it needs.
pub(crate) fn routes_of_app() -> routes::Routes {
    let r = routes::Routes::default();
    let r = pages::routes(r);
    let r = api::routes(r);
    let r = health::routes(r);
    let r = feeds::routes(r);
    assets::routes(r)
}

/// The whole application: pages, API, health checks and static files.
pub fn app(state: AppState) -> Router {
    let (router, _) = routes_of_app().into_parts();
    router
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::resolve,
        ))
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state)
}

/// Serves the application on a bound listener until Ctrl-C or SIGTERM.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

/// Waits for Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
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

/// Today's date on a London calendar, by the application's clock.
pub(crate) fn today(ctx: &Context) -> chrono::NaiveDate {
    coproduce_domain::time::london_date(ctx.now())
}
