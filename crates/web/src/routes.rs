//! The route table: every route, with the capability it needs, in one place.
//!
//! Routes are added through [`Routes`], never straight to the axum router, so no route
//! can exist without a declared capability, and [`table`] can list them all for the
//! permission tests. The guard added to each route refuses:
//! - a viewer whose role lacks the capability (401 signed out, 403 signed in; a page
//!   sends the signed-out to the sign-in page instead);
//! - a state-changing request sent from another site (403, nothing changed);
//! - a state-changing request with a session but without the session's form token
//!   (403, nothing changed): in the body of a form, in the `X-CSRF-Token` header, or
//!   for a file upload in the form's address;
//! - a state-changing request with a read-only API token (403).

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post, put};
use coproduce_app::scope::Owned;
use coproduce_domain::account::Capability;

use crate::auth::{Credential, Viewer, secret};
use crate::{ApiError, AppState};

/// One route: method, path pattern, the capability it needs, and what each
/// placeholder in its path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteEntry {
    pub method: Method,
    pub path: &'static str,
    pub capability: Capability,
    pub ids: Vec<(&'static str, PathId)>,
}

/// What a placeholder in a route's path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathId {
    /// A record of one organisation: the guard answers 404 unless the viewer may see
    /// that organisation's records.
    Record(Owned),
    /// A record anyone may read (a charter).
    Public,
    /// A record of the viewer's own account (an API token): the handler checks it.
    OwnAccount,
    /// A record of Coproduce itself (a job), for administrators.
    System,
    /// Not a record: a secret link, a language code, a file.
    NotARecord,
}

/// What each placeholder of `path` names. Every placeholder must be known here:
/// a route whose ids name nothing known is refused when the router is built, so no
/// route can skip the organisation check.
pub fn path_ids(path: &'static str) -> Vec<(&'static str, PathId)> {
    let segments: Vec<&'static str> = path.split('/').collect();
    let mut ids = Vec::new();
    for (i, seg) in segments.iter().enumerate() {
        let Some(name) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
            continue;
        };
        let before = if i > 0 { segments[i - 1] } else { "" };
        let named = match (name, before) {
            ("token" | "key" | "code" | "on" | "action" | "*path", _) => PathId::NotARecord,
            ("need", _) => PathId::Record(Owned::Need),
            ("person_id", _) => PathId::Record(Owned::Person),
            ("invitation_id", _) => PathId::Record(Owned::Invitation),
            ("paper_id", _) => PathId::Record(Owned::Paper),
            ("told_id", _) => PathId::Record(Owned::Told),
            ("evidence_id", _) => PathId::Record(Owned::Evidence),
            ("id", "outcomes") => PathId::Record(Owned::Outcome),
            ("id", "forms") => PathId::Record(Owned::SaidForm),
            ("id", "payments") => PathId::Record(Owned::Payment),
            // A feedback form's public page: anyone may answer it.
            ("id", "say") => PathId::Public,
            ("id", "opportunities" | "open-opportunities") => PathId::Record(Owned::Opportunity),
            ("id", "organisations") => PathId::Record(Owned::Organisation),
            ("id", "people") => PathId::Record(Owned::Person),
            ("id", "import") => PathId::Record(Owned::Import),
            ("id", "projects") => PathId::Record(Owned::Project),
            ("id", "activities") => PathId::Record(Owned::Activity),
            ("id", "inputs") => PathId::Record(Owned::Input),
            ("id", "networks") => PathId::Record(Owned::Network),
            ("id", "memberships") => PathId::Record(Owned::Membership),
            ("id", "training" | "courses") => PathId::Record(Owned::Course),
            ("id", "sessions") => PathId::Record(Owned::TrainingSession),
            ("id", "completions") => PathId::Record(Owned::Completion),
            ("id", "documents") => PathId::Record(Owned::Document),
            ("id", "venues") => PathId::Record(Owned::Venue),
            ("id", "invitations") => PathId::Record(Owned::Invitation),
            ("id", "consents") => PathId::Record(Owned::Consent),
            ("id", "charters") => PathId::Public,
            // An organisation's public "You said, we did": anyone may read it.
            ("id", "you-said-we-did") => PathId::Public,
            ("id", "tokens") => PathId::OwnAccount,
            ("id", "jobs") => PathId::System,
            _ => panic!(
                "the route {path} has a placeholder {{{name}}} after \"{before}\" that names no known kind of record: say what it names in routes::path_ids"
            ),
        };
        ids.push((name, named));
    }
    ids
}

/// What the guard of one route knows.
#[derive(Debug, Clone)]
struct Guarded {
    capability: Capability,
    path: &'static str,
    /// The position in the path of each id naming an organisation's record.
    records: Vec<(usize, Owned)>,
}

/// The router being built, and the table of what was added.
pub struct Routes {
    router: Router<AppState>,
    table: Vec<RouteEntry>,
}

impl Default for Routes {
    fn default() -> Self {
        Routes {
            router: Router::new(),
            table: Vec::new(),
        }
    }
}

impl Routes {
    fn add(
        mut self,
        method: Method,
        path: &'static str,
        capability: Capability,
        route: MethodRouter<AppState>,
    ) -> Self {
        let ids = path_ids(path);
        // What anyone may read is not narrowed to an organisation.
        let records = if capability == Capability::ReadPublic {
            vec![]
        } else {
            path.split('/')
                .enumerate()
                .filter_map(|(i, seg)| {
                    let name = seg.strip_prefix('{')?.strip_suffix('}')?;
                    match ids.iter().find(|(n, _)| *n == name)?.1 {
                        PathId::Record(kind) => Some((i, kind)),
                        _ => None,
                    }
                })
                .collect()
        };
        self.table.push(RouteEntry {
            method,
            path,
            capability,
            ids,
        });
        let guarded = Guarded {
            capability,
            path,
            records,
        };
        self.router = self
            .router
            .route(path, route.route_layer(from_fn_with_state(guarded, guard)));
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        c: Capability,
        h: H,
    ) -> Self {
        self.add(Method::GET, path, c, get(h))
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        c: Capability,
        h: H,
    ) -> Self {
        self.add(Method::POST, path, c, post(h))
    }

    /// A form that uploads a file of up to `limit` bytes (more than the usual body
    /// limit allows).
    pub fn post_upload<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        c: Capability,
        h: H,
        limit: usize,
    ) -> Self {
        self.add(
            Method::POST,
            path,
            c,
            post(h).layer(axum::extract::DefaultBodyLimit::max(limit)),
        )
    }

    pub fn put<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        c: Capability,
        h: H,
    ) -> Self {
        self.add(Method::PUT, path, c, put(h))
    }

    pub fn into_parts(self) -> (Router<AppState>, Vec<RouteEntry>) {
        (self.router, self.table)
    }
}

/// Every route of the application.
pub fn table() -> Vec<RouteEntry> {
    crate::routes_of_app().into_parts().1
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// Whether a state-changing request came from a page of this site. Browsers send
/// `Sec-Fetch-Site` and `Origin`; a request with neither (a script or a test client)
/// carries no cookies a browser would add on its own, so it is let through to the
/// session and token checks.
fn from_this_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .map(|(_, rest)| rest.trim_end_matches('/') == host)
            .unwrap_or(false),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// The largest form body read: forms are short.
const MAX_FORM: usize = 256 * 1024;

/// Answers 404 unless every record the address names exists and is of an
/// organisation the viewer sees ([`coproduce_app::scope::visible_record`]).
async fn records_visible(
    g: &Guarded,
    state: Option<AppState>,
    path: &str,
    viewer: &Viewer,
) -> Option<Response> {
    if g.records.is_empty() {
        return None;
    }
    let state = state?;
    let api = is_api(g.path);
    let not_found = || {
        Some(if api {
            ApiError::NotFound(crate::i18n::API.t("api-nothing-with-id")).into_response()
        } else {
            crate::pages::not_found_page(&state, viewer)
        })
    };
    let segments: Vec<&str> = path.split('/').collect();
    let actor = viewer.actor();
    for (i, kind) in &g.records {
        let Some(id) = segments
            .get(*i)
            .and_then(|s| s.parse::<i64>().ok())
            .filter(|id| *id > 0)
        else {
            return not_found();
        };
        match coproduce_app::scope::visible_record(&state.ctx, &actor, *kind, id).await {
            Ok(_) => {}
            Err(coproduce_app::AppError::NotFound) => return not_found(),
            Err(e) => return Some(ApiError::from(e).into_response()),
        }
    }
    None
}

async fn guard(State(g): State<Guarded>, req: Request, next: Next) -> Response {
    let capability = g.capability;
    let viewer = req
        .extensions()
        .get::<Viewer>()
        .cloned()
        .unwrap_or_default();
    let path = req.uri().path().to_string();
    let api = is_api(&path);
    if !viewer.can(capability) {
        return match (viewer.account().is_some(), api) {
            (false, true) => {
                ApiError::Unauthorised(crate::i18n::API.t("api-sign-in")).into_response()
            }
            (false, false) => {
                let next_page = req
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                Redirect::to(&format!(
                    "/sign-in?next={}",
                    crate::pages::url_encode(next_page)
                ))
                .into_response()
            }
            (true, true) => {
                ApiError::Forbidden(crate::i18n::API.t("api-role-does-not-allow")).into_response()
            }
            (true, false) => crate::pages::forbidden(&viewer, &viewer.tr.t("forbidden-role")),
        };
    }
    let state = req.extensions().get::<AppState>().cloned();
    if let Some(refused) = records_visible(&g, state, &path, &viewer).await {
        return refused;
    }
    let changes_state = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !changes_state {
        return next.run(req).await;
    }
    // The API answers programs in British English; pages speak the viewer's language.
    let refuse = |key: &str| -> Response {
        if api {
            ApiError::Forbidden(crate::i18n::API.t(key)).into_response()
        } else {
            crate::pages::forbidden(&viewer, &viewer.tr.t(key))
        }
    };
    match &viewer.signed_in {
        Some((_, Credential::Token { write: false })) => {
            return refuse("forbidden-read-token");
        }
        Some((_, Credential::Token { write: true })) => return next.run(req).await,
        _ => {}
    }
    if !from_this_site(req.headers()) {
        return refuse("forbidden-other-site");
    }
    let Some(expected) = viewer.csrf().map(str::to_string) else {
        // Signed out: only the sign-in and account recovery forms change state, and
        // they are protected by the origin check above.
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let is_upload = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    // A file upload cannot carry the token in a header without script, and its body
    // is too large to read here twice, so its form names the token in its address.
    let header_token = if is_upload {
        parts
            .uri
            .query()
            .and_then(|q| url_form_field(q.as_bytes(), "csrf"))
    } else {
        parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (token, body) = if is_form {
        let bytes = match axum::body::to_bytes(body, MAX_FORM).await {
            Ok(b) => b,
            Err(_) => {
                let tr = viewer.tr;
                return crate::pages::refusal(
                    &viewer,
                    StatusCode::PAYLOAD_TOO_LARGE,
                    &tr.t("form-too-large"),
                );
            }
        };
        let token = url_form_field(&bytes, "csrf");
        (token, Body::from(bytes))
    } else {
        (header_token, body)
    };
    match token {
        Some(t) if secret::same(&t, &expected) => next.run(Request::from_parts(parts, body)).await,
        _ => refuse("forbidden-stale-form"),
    }
}

/// One field of a URL-encoded form body.
fn url_form_field(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}
