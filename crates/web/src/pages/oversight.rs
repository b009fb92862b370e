//! Administrators' view of Coproduce at work: the job queue (waiting, failed, dead,
//! with each error; a dead job can be retried) and the audit trail, filtered by
//! person, account or record. What they show comes from `coproduce_app::oversight`;
//! this module only reads the request and draws the page.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_app::oversight::{self, JobList};
use coproduce_domain::account::Capability as C;
use coproduce_domain::text::FieldError;
use coproduce_domain::time;
use coproduce_store::PageRequest;
use coproduce_store::audit::AuditFilter;
use coproduce_store::jobs::JobState;
use serde::Deserialize;

use super::forms::FormField;
use super::{Chrome, PageError, id_of, render, show};
use crate::AppState;
use crate::auth::Viewer;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/admin/jobs", C::Oversee, jobs)
        .post("/admin/jobs/{id}/retry", C::Oversee, retry)
        .get("/admin/audit", C::Oversee, audit)
}

#[derive(Deserialize, Default)]
pub struct JobsQuery {
    list: Option<String>,
    after: Option<String>,
}

/// One row of the job table.
struct JobRow {
    id: i64,
    about: String,
    when: String,
    tries: String,
    error: String,
    dead: bool,
}

#[derive(Template)]
#[template(path = "jobs.html")]
struct JobsPage {
    chrome: Chrome,
    /// (slug, label key, count, current)
    lists: Vec<(&'static str, &'static str, i64, bool)>,
    heading: &'static str,
    rows: Vec<JobRow>,
    next: Option<String>,
}

fn list_label(l: JobList) -> &'static str {
    match l {
        JobList::State(JobState::Waiting) => "staff-jobs-waiting",
        JobList::Failed => "staff-jobs-failed",
        JobList::State(JobState::Dead) => "staff-jobs-dead",
        JobList::State(JobState::Running) => "staff-jobs-running",
        JobList::State(JobState::Done) => "staff-jobs-done",
    }
}

async fn jobs(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<JobsQuery>,
) -> Response {
    let result = async {
        // An unknown list is the default list, not an error: it is a link, not a form.
        let list = q
            .list
            .as_deref()
            .and_then(JobList::parse)
            .unwrap_or(JobList::State(JobState::Waiting));
        let after = q.after.as_deref().and_then(|a| a.parse().ok());
        let (counts, page) = oversight::job_queue(
            &state.ctx,
            &viewer.actor(),
            list,
            PageRequest::new(after, Some(50)),
        )
        .await?;
        let rows = page
            .items
            .into_iter()
            .map(|v| {
                let j = v.job;
                let when = match (j.state, j.finished_at, j.lease_until) {
                    (JobState::Done | JobState::Dead, Some(at), _) => time::show(at),
                    (JobState::Running, _, Some(until)) => time::show(until),
                    _ => time::show(j.run_at),
                };
                JobRow {
                    id: j.id,
                    about: v.about,
                    when,
                    tries: format!("{} of {}", j.attempts, j.max_attempts),
                    error: j.last_error.unwrap_or_default(),
                    dead: j.state == JobState::Dead,
                }
            })
            .collect();
        Ok::<_, PageError>(JobsPage {
            chrome: Chrome::new(&state, &viewer, "accounts"),
            lists: JobList::ALL
                .into_iter()
                .map(|l| (l.slug(), list_label(l), l.count(&counts), l == list))
                .collect(),
            heading: list_label(list),
            rows,
            next: page
                .next_after
                .map(|a| format!("/admin/jobs?list={}&after={a}", list.slug())),
        })
    }
    .await;
    show(&state, &viewer, result)
}

async fn retry(State(state): State<AppState>, viewer: Viewer, Path(raw): Path<String>) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        match oversight::retry_job(&state.ctx, &viewer.actor(), id).await {
            Ok(_) => Ok(Redirect::to("/admin/jobs?list=waiting").into_response()),
            // Retried already (two administrators at once, or a second click): the
            // queue shows where it is now.
            Err(coproduce_app::AppError::Conflict(_)) => {
                Ok(Redirect::to("/admin/jobs?list=waiting").into_response())
            }
            Err(e) => Err(PageError::from(e)),
        }
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    person: String,
    #[serde(default)]
    account: String,
    #[serde(default)]
    record_kind: String,
    #[serde(default)]
    record_id: String,
    after: Option<String>,
}

struct AuditRow {
    seq: i64,
    when: String,
    who: String,
    action: String,
    record: String,
    person: Option<i64>,
    address: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    person: FormField,
    account: FormField,
    record_kind: FormField,
    record_id: FormField,
    rows: Vec<AuditRow>,
    next: Option<String>,
    filtered: bool,
}

/// Reads an optional id typed into the filter; a problem names the field.
fn typed_id(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    message: &'static str,
    raw: &str,
) -> Option<i64> {
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    match t.parse::<i64>() {
        Ok(n) if n > 0 => Some(n),
        _ => {
            errors.push(FieldError::worded(field, message));
            None
        }
    }
}

async fn audit(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AuditQuery>,
) -> Response {
    let result = async {
        let mut errors = Vec::new();
        let person_id = typed_id(
            &mut errors,
            "person",
            "staff-audit-person-number",
            &q.person,
        );
        let account_id = typed_id(
            &mut errors,
            "account",
            "staff-audit-account-number",
            &q.account,
        );
        let record_id = typed_id(
            &mut errors,
            "record_id",
            "staff-audit-record-number",
            &q.record_id,
        );
        let kind = q.record_kind.trim().to_string();
        let record = match (kind.is_empty(), record_id) {
            (false, Some(id)) => Some((kind.clone(), id)),
            (true, None) => None,
            (true, Some(_)) => {
                errors.push(FieldError::worded(
                    "record_kind",
                    "staff-audit-say-what-kind",
                ));
                None
            }
            (false, None) => {
                if !errors.iter().any(|e| e.field == "record_id") {
                    errors.push(FieldError::worded(
                        "record_id",
                        "staff-audit-say-which-record",
                    ));
                }
                None
            }
        };
        let filter = AuditFilter {
            person_id,
            account_id,
            record,
        };
        let filtered = filter != AuditFilter::default();
        let after = q.after.as_deref().and_then(|a| a.parse().ok());
        let page = if errors.is_empty() {
            oversight::audit_trail(
                &state.ctx,
                &viewer.actor(),
                filter,
                PageRequest::new(after, Some(50)),
            )
            .await?
        } else {
            coproduce_store::Page {
                items: vec![],
                next_after: None,
            }
        };
        let tr = viewer.tr;
        let rows = page
            .items
            .into_iter()
            .map(|e| AuditRow {
                seq: e.seq,
                when: time::show(e.at),
                who: match (&e.account_name, e.account_id, e.role.as_deref()) {
                    (_, None, Some("system")) => tr.t("staff-audit-coproduce"),
                    (Some(name), Some(id), role) => {
                        format!(
                            "{name} (account {id}{})",
                            role.map(|r| format!(", {r}")).unwrap_or_default()
                        )
                    }
                    (None, Some(id), _) => format!("account {id}"),
                    (_, None, _) => tr.t("staff-audit-not-signed-in"),
                },
                action: e.action,
                record: match e.record_id {
                    Some(id) => format!("{} {id}", e.record_kind),
                    None => e.record_kind,
                },
                person: e.person_id,
                address: e.address.unwrap_or_default(),
                detail: e.detail,
            })
            .collect();
        let keep = format!(
            "person={}&account={}&record_kind={}&record_id={}",
            super::url_encode(q.person.trim()),
            super::url_encode(q.account.trim()),
            super::url_encode(q.record_kind.trim()),
            super::url_encode(q.record_id.trim()),
        );
        let status = if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        let page = AuditPage {
            chrome: Chrome::new(&state, &viewer, "accounts"),
            person: FormField::new("person", "staff-audit-person", "text")
                .numeric_code()
                .hint("staff-audit-person-hint")
                .value(q.person.trim())
                .errors(&errors),
            account: FormField::new("account", "staff-audit-account", "text")
                .numeric_code()
                .value(q.account.trim())
                .errors(&errors),
            record_kind: FormField::new("record_kind", "staff-audit-record-kind", "text")
                .hint("staff-audit-record-kind-hint")
                .value(q.record_kind.trim())
                .errors(&errors),
            record_id: FormField::new("record_id", "staff-audit-record-id", "text")
                .numeric_code()
                .value(q.record_id.trim())
                .errors(&errors),
            errors,
            rows,
            next: page
                .next_after
                .map(|a| format!("/admin/audit?{keep}&after={a}")),
            filtered,
        };
        Ok::<_, PageError>((status, page))
    }
    .await;
    match result {
        Ok((status, page)) => render(status, &page),
        Err(e) => e.respond(&state, &viewer),
    }
}
