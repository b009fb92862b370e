//! Server-rendered HTML pages, built on the NHS.UK design system.
//!
//! Pages work without JavaScript. Every value shown passes through askama's HTML
//! escaping. A page never shows a database message: faults are logged with a
//! reference, and the page shows the reference.

use askama::Template;
use axum::extract::{OriginalUri, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::templates;
use coproduce_domain::time;
use coproduce_store::{PageRequest, StoreError};
use serde::Deserialize;

use crate::auth::Viewer;
use crate::routes::Routes;
use crate::{ApiError, AppState};

mod account;
mod accounts;
mod charters;
mod dashboard;
mod forms;
mod recovery;
mod work;

pub fn routes(r: Routes) -> Routes {
    let r = r
        .get("/", C::ReadPublic, home)
        .get("/organisations/{id}", C::ReadDashboard, dashboard::page)
        .get("/charters", C::ReadPublic, charters::list)
        .get("/charters/{id}", C::ReadPublic, charters::page);
    let r = account::routes(r);
    let r = accounts::routes(r);
    let r = work::routes(r);
    recovery::routes(r)
}

/// What the page frame needs: which part of the site this is, whether it is the demo,
/// and who is signed in (with the form token their sign-out button carries).
pub struct Chrome {
    pub section: &'static str,
    pub demo: bool,
    pub account_name: Option<String>,
    pub csrf: String,
    pub manages_accounts: bool,
    pub reads_work: bool,
}

impl Chrome {
    pub fn new(state: &AppState, viewer: &Viewer, section: &'static str) -> Self {
        Chrome {
            section,
            demo: state.demo,
            account_name: viewer.account().map(|a| a.name.clone()),
            csrf: viewer.csrf().unwrap_or_default().to_string(),
            manages_accounts: viewer.can(C::ManageAccounts),
            reads_work: viewer.can(C::ReadWork),
        }
    }

    /// The frame for pages shown before the viewer is known (errors from the guard).
    pub fn bare(viewer: &Viewer) -> Self {
        Chrome {
            section: "",
            demo: false,
            account_name: viewer.account().map(|a| a.name.clone()),
            csrf: viewer.csrf().unwrap_or_default().to_string(),
            manages_accounts: viewer.can(C::ManageAccounts),
            reads_work: viewer.can(C::ReadWork),
        }
    }
}

/// Percent-encodes a value for a query string.
pub fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A 403 page that says why.
pub fn forbidden(viewer: &Viewer, message: &str) -> Response {
    render(
        StatusCode::FORBIDDEN,
        &ErrorPage {
            chrome: Chrome::bare(viewer),
            heading: "You cannot do this".into(),
            paragraphs: vec![message.to_string()],
        },
    )
}

/// Renders a template into a response, or an error page if rendering fails.
pub fn render(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            let reference = format!("{:08x}", rand::random::<u32>());
            tracing::error!(reference = %reference, error = %e, "template failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html(format!(
                    "<!DOCTYPE html><html lang=\"en\"><title>Something went wrong</title><h1>Something went wrong</h1><p>Quote reference {reference}.</p></html>"
                )),
            )
                .into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    heading: String,
    paragraphs: Vec<String>,
}

/// A page that could not be shown.
pub enum PageError {
    NotFound,
    Internal(String),
}

impl PageError {
    pub fn respond(self, state: &AppState, viewer: &Viewer) -> Response {
        match self {
            PageError::NotFound => not_found_page(state, viewer),
            PageError::Internal(reference) => render(
                StatusCode::INTERNAL_SERVER_ERROR,
                &ErrorPage {
                    chrome: Chrome::new(state, viewer, ""),
                    heading: "Sorry, there is a problem with the service".into(),
                    paragraphs: vec![
                        "Try again later.".into(),
                        format!(
                            "If it happens again, tell your administrator and quote reference {reference}."
                        ),
                    ],
                },
            ),
        }
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => PageError::NotFound,
            other => match ApiError::internal(&other) {
                ApiError::Internal(reference) => PageError::Internal(reference),
                _ => PageError::Internal(String::new()),
            },
        }
    }
}

fn not_found_page(state: &AppState, viewer: &Viewer) -> Response {
    render(
        StatusCode::NOT_FOUND,
        &ErrorPage {
            chrome: Chrome::new(state, viewer, ""),
            heading: "Page not found".into(),
            paragraphs: vec![
                "If you typed the web address, check it is correct.".into(),
                "If you pasted the web address, check you copied the entire address.".into(),
            ],
        },
    )
}

/// The answer for any address nothing else matched: a problem report under `/api/`,
/// a helpful page elsewhere.
pub async fn not_found(
    State(state): State<AppState>,
    viewer: Viewer,
    OriginalUri(uri): OriginalUri,
) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError::NotFound("There is nothing at this address.".into()).into_response()
    } else {
        not_found_page(&state, &viewer)
    }
}

pub struct OrganisationCard {
    pub id: i64,
    pub name: String,
    pub kind: &'static str,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    chrome: Chrome,
    organisations: Vec<OrganisationCard>,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct AfterQuery {
    after: Option<String>,
}

async fn home(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let after = q.after.as_deref().and_then(|a| a.parse::<i64>().ok());
    let page = match state
        .store
        .organisations(PageRequest::new(after, Some(50)))
        .await
    {
        Ok(p) => p,
        Err(e) => return PageError::from(e).respond(&state, &viewer),
    };
    render(
        StatusCode::OK,
        &Home {
            chrome: Chrome::new(&state, &viewer, "home"),
            next: page.next_after.map(|a| format!("/?after={a}")),
            organisations: page
                .items
                .into_iter()
                .map(|o| OrganisationCard {
                    id: o.id,
                    name: o.name,
                    kind: o.kind.label(),
                })
                .collect(),
        },
    )
}

/// The built-in templates as (title, source) pairs, for the charters page.
fn template_titles() -> Vec<(String, String)> {
    templates::all()
        .into_iter()
        .map(|c| (c.title, c.source))
        .collect()
}

/// A date as people read it.
fn show_date(d: chrono::NaiveDate) -> String {
    time::show_date(d)
}
