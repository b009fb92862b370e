//! Server-rendered HTML pages, built on the NHS.UK design system.
//!
//! Pages work without JavaScript. Every value shown passes through askama's HTML
//! escaping. A page never shows a database message: faults are logged with a
//! reference, and the page shows the reference.

use askama::Template;
use axum::extract::{OriginalUri, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use coproduce_domain::account::Capability as C;
use coproduce_domain::templates;
use coproduce_domain::time;
use coproduce_store::{PageRequest, StoreError};
use serde::Deserialize;

use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::routes::Routes;
use crate::{ApiError, AppState};

mod account;
mod accounts;
mod charters;
mod dashboard;
mod equality;
mod forms;
mod me;
mod networks;
mod opportunities;
mod oversight;
mod people;
mod preferences;
mod recovery;
mod register;
mod said_public;
mod say;
mod training;
pub(crate) mod work;

pub fn routes(r: Routes) -> Routes {
    let r = r
        .get("/", C::ReadPublic, home)
        .get("/organisations/{id}", C::ReadDashboard, dashboard::page)
        .get(
            "/organisations/{id}/equality",
            C::ReadEquality,
            equality::page,
        )
        .get("/charters", C::ReadPublic, charters::list)
        .get("/charters/{id}", C::ReadPublic, charters::page)
        .post("/charters/adopt", C::ManageCharters, charters::adopt)
        .post(
            "/charters/{id}/signatories",
            C::ManageCharters,
            charters::add_signatory,
        )
        .post("/charters/import", C::ManageCharters, charters::import)
        .get(
            "/charters/{id}/settings",
            C::ManageCharters,
            charters::settings_page,
        )
        .post(
            "/charters/{id}/settings",
            C::ManageCharters,
            charters::save_settings,
        );
    let r = account::routes(r);
    let r = accounts::routes(r);
    let r = work::routes(r);
    let r = opportunities::routes(r);
    let r = preferences::routes(r);
    let r = register::routes(r);
    let r = people::routes(r);
    let r = networks::routes(r);
    let r = training::routes(r);
    let r = me::routes(r);
    let r = oversight::routes(r);
    let r = said_public::routes(r);
    let r = say::routes(r);
    recovery::routes(r)
}

/// What the page frame needs: which part of the site this is, whether it is the demo,
/// who is signed in (with the form token their sign-out button carries), and the
/// words to use. Pages for participants are `translated`: they speak the chosen
/// language and offer Easy Read; the others are in British English.
pub struct Chrome {
    pub tr: Tr,
    pub translated: bool,
    pub section: &'static str,
    pub demo: bool,
    pub account_name: Option<String>,
    pub csrf: String,
    pub manages_accounts: bool,
    pub reads_work: bool,
    pub reads_people: bool,
    /// Whether the account is linked to a record in the register ("Your record").
    pub has_record: bool,
}

impl Chrome {
    pub fn new(state: &AppState, viewer: &Viewer, section: &'static str) -> Self {
        Chrome {
            tr: Tr::default(),
            translated: false,
            section,
            demo: state.demo,
            account_name: viewer.account().map(|a| a.name.clone()),
            csrf: viewer.csrf().unwrap_or_default().to_string(),
            manages_accounts: viewer.can(C::ManageAccounts),
            reads_work: viewer.can(C::ReadWork),
            reads_people: viewer.can(C::ReadPeople),
            has_record: viewer.account().is_some_and(|a| a.person_id.is_some()),
        }
    }

    /// Every language: (tag, own name, whether it is the one in use).
    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        crate::i18n::Lang::ALL
            .iter()
            .map(|l| (l.code(), l.own_name(), *l == self.tr.lang))
            .collect()
    }

    /// The frame for a page participants use: in their language, with Easy Read.
    pub fn participant(state: &AppState, viewer: &Viewer, section: &'static str) -> Self {
        Chrome {
            tr: viewer.tr,
            translated: true,
            ..Chrome::new(state, viewer, section)
        }
    }

    /// The frame for pages shown before the viewer is known (errors from the guard).
    pub fn bare(viewer: &Viewer) -> Self {
        Chrome {
            tr: viewer.tr,
            translated: true,
            section: "",
            demo: false,
            account_name: viewer.account().map(|a| a.name.clone()),
            csrf: viewer.csrf().unwrap_or_default().to_string(),
            manages_accounts: viewer.can(C::ManageAccounts),
            reads_work: viewer.can(C::ReadWork),
            reads_people: viewer.can(C::ReadPeople),
            has_record: viewer.account().is_some_and(|a| a.person_id.is_some()),
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
    refusal(viewer, StatusCode::FORBIDDEN, message)
}

/// A page saying a request was refused and why; nothing was changed.
pub fn refusal(viewer: &Viewer, status: StatusCode, message: &str) -> Response {
    render(
        status,
        &ErrorPage {
            chrome: Chrome::bare(viewer),
            heading: viewer.tr.t("forbidden-heading"),
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

/// Shows a page, or the error that stopped it.
pub fn show<T: Template>(
    state: &AppState,
    viewer: &Viewer,
    page: Result<T, PageError>,
) -> Response {
    match page {
        Ok(p) => render(StatusCode::OK, &p),
        Err(e) => e.respond(state, viewer),
    }
}

/// A page that could not be shown.
pub enum PageError {
    NotFound,
    /// The record is not in a state that allows it (already cancelled, over): said
    /// in words, answered 409.
    Conflict(String),
    Internal(String),
}

impl PageError {
    pub fn respond(self, state: &AppState, viewer: &Viewer) -> Response {
        match self {
            PageError::NotFound => not_found_page(state, viewer),
            PageError::Conflict(why) => render(
                StatusCode::CONFLICT,
                &ErrorPage {
                    chrome: Chrome::participant(state, viewer, ""),
                    heading: viewer.tr.t("conflict-heading"),
                    paragraphs: vec![why],
                },
            ),
            PageError::Internal(reference) => render(
                StatusCode::INTERNAL_SERVER_ERROR,
                &ErrorPage {
                    chrome: Chrome::participant(state, viewer, ""),
                    heading: viewer.tr.t("error-heading"),
                    paragraphs: vec![
                        viewer.tr.t("error-try-later"),
                        viewer.tr.t1("error-reference", "reference", &reference),
                    ],
                },
            ),
        }
    }
}

impl From<coproduce_app::AppError> for PageError {
    fn from(e: coproduce_app::AppError) -> Self {
        match e {
            coproduce_app::AppError::NotFound => PageError::NotFound,
            coproduce_app::AppError::Conflict(why) => PageError::Conflict(why),
            coproduce_app::AppError::Store(e) => PageError::from(e),
            other => match ApiError::internal(&other) {
                ApiError::Internal(reference) => PageError::Internal(reference),
                _ => PageError::Internal(String::new()),
            },
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

pub(crate) fn not_found_page(state: &AppState, viewer: &Viewer) -> Response {
    render(
        StatusCode::NOT_FOUND,
        &ErrorPage {
            chrome: Chrome::participant(state, viewer, ""),
            heading: viewer.tr.t("not-found-heading"),
            paragraphs: vec![
                viewer.tr.t("not-found-typed"),
                viewer.tr.t("not-found-pasted"),
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
        ApiError::NotFound(crate::i18n::API.t("api-nothing-here")).into_response()
    } else {
        not_found_page(&state, &viewer)
    }
}

pub struct OrganisationCard {
    pub id: i64,
    pub name: String,
    pub kind: String,
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

impl AfterQuery {
    /// The page of a list asked for: the rows after `?after=`, `limit` of them.
    pub fn page(&self, limit: i64) -> PageRequest {
        PageRequest::new(
            self.after.as_deref().and_then(|a| a.parse().ok()),
            Some(limit),
        )
    }
}

/// The organisation choice a form offers those who see every organisation; `None`
/// for everyone else, whose records are always their own organisation's.
pub(crate) async fn organisation_part(
    state: &AppState,
    viewer: &Viewer,
    selected: &str,
    errors: &[coproduce_domain::text::FieldError],
) -> Result<Option<forms::Part>, PageError> {
    if !viewer
        .account()
        .is_some_and(|a| a.role.sees_every_organisation())
    {
        return Ok(None);
    }
    let orgs = state
        .store
        .organisations(PageRequest::first(PageRequest::MAX_LIMIT))
        .await?;
    Ok(Some(forms::Part::Pick(forms::Select {
        id: "organisation_id",
        label: "staff-organisation".into(),
        options: orgs
            .items
            .into_iter()
            .map(|o| forms::Choice {
                value: o.id.to_string(),
                label: o.name,
                hint: None,
            })
            .collect(),
        selected: selected.to_string(),
        error: forms::error_of(errors, "organisation_id"),
    })))
}

/// The organisation a form's record belongs to: the viewer's own, unless they see
/// every organisation and chose one (`raw`); 0 when none was chosen.
pub(crate) fn chosen_organisation(viewer: &Viewer, raw: &str) -> i64 {
    match viewer.account() {
        Some(a) if !a.role.sees_every_organisation() => a.organisation_id.unwrap_or(0),
        _ => raw.trim().parse().unwrap_or(0),
    }
}

/// A record, if the viewer sees its organisation; otherwise "not found", as if it did
/// not exist.
pub(crate) fn seen<T>(viewer: &Viewer, organisation_id: i64, record: T) -> Result<T, PageError> {
    if viewer.sees(organisation_id) {
        Ok(record)
    } else {
        Err(PageError::NotFound)
    }
}

/// The id in a page's address: a whole number above 0, or "not found".
pub(crate) fn id_of(raw: &str) -> Result<i64, PageError> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or(PageError::NotFound)
}

/// How far a list of an organisation's records reaches for this viewer: their own
/// organisation, or everything for those who see every organisation.
pub fn own_records(viewer: &Viewer) -> Result<coproduce_store::Within, PageError> {
    viewer
        .scope(None)
        .map(|o| {
            o.map_or(
                coproduce_store::Within::All,
                coproduce_store::Within::Parent,
            )
        })
        .map_err(|_| PageError::NotFound)
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
            chrome: Chrome::participant(&state, &viewer, "home"),
            next: page.next_after.map(|a| format!("/?after={a}")),
            organisations: page
                .items
                .into_iter()
                .map(|o| OrganisationCard {
                    id: o.id,
                    name: o.name,
                    kind: viewer.tr.label(o.kind),
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
