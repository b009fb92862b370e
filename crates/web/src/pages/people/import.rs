//! Importing a register spreadsheet from the web: upload, a dry run showing every
//! problem by row and column, the columns as matched (and a way to change them), the
//! people already in the register, then one button that imports everyone or no one.
//!
//! The uploaded file is kept only for the account that uploaded it, until it is
//! imported or a day has passed. The rules are `coproduce_app::import`'s, shared with the
//! command line.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::text::FieldError;
use coproduce_import::Field;
use coproduce_store::PageRequest;
use serde::Deserialize;
use std::collections::HashMap;

use super::super::forms::{Choice, Select};
use super::super::{Chrome, PageError, render, show};
use crate::AppState;
use crate::auth::Viewer;
use coproduce_app::import::{self, MAX_BYTES, Plan, parse_override};

#[derive(Template)]
#[template(path = "people_import.html")]
struct UploadPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    file_errors: Vec<String>,
    organisation: Option<Select>,
    fields: Vec<&'static str>,
}

async fn upload_page(
    state: &AppState,
    viewer: &Viewer,
    file_errors: Vec<String>,
) -> Result<UploadPage, PageError> {
    let organisation = if viewer
        .account()
        .is_some_and(|a| a.role.sees_every_organisation())
    {
        let orgs = state
            .store
            .organisations(PageRequest::first(PageRequest::MAX_LIMIT))
            .await?;
        Some(Select {
            id: "organisation_id",
            label: "staff-import-organisation".into(),
            options: orgs
                .items
                .into_iter()
                .map(|o| Choice {
                    value: o.id.to_string(),
                    label: o.name,
                    hint: None,
                })
                .collect(),
            selected: String::new(),
            error: None,
        })
    } else {
        None
    };
    Ok(UploadPage {
        chrome: Chrome::new(state, viewer, "people"),
        errors: file_errors
            .iter()
            .map(|m| FieldError::worded("file", m.clone()))
            .collect(),
        file_errors,
        organisation,
        fields: Field::ALL.iter().map(|f| f.key()).collect(),
    })
}

pub(in crate::pages) async fn form(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = upload_page(&state, &viewer, vec![]).await;
    show(&state, &viewer, result)
}

pub(in crate::pages) async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    mut form: Multipart,
) -> Response {
    let result = async {
        let Some(_) = viewer.account() else {
            return Err(PageError::NotFound);
        };
        let tr = viewer.tr;
        let mut file: Option<(String, Vec<u8>)> = None;
        let mut chosen_org = None;
        let mut problems = Vec::new();
        loop {
            match form.next_field().await {
                Ok(Some(field)) if field.name() == Some("file") => {
                    let name = field.file_name().unwrap_or("upload").to_string();
                    match field.bytes().await {
                        Ok(b) => file = Some((name, b.to_vec())),
                        Err(_) => problems.push(tr.t1(
                            "staff-import-too-large",
                            "max",
                            MAX_BYTES / (1024 * 1024),
                        )),
                    }
                }
                Ok(Some(field)) if field.name() == Some("organisation_id") => {
                    chosen_org = field
                        .text()
                        .await
                        .ok()
                        .and_then(|t| t.trim().parse::<i64>().ok());
                }
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(_) => {
                    problems.push(tr.t1(
                        "staff-import-too-large",
                        "max",
                        MAX_BYTES / (1024 * 1024),
                    ));
                    break;
                }
            }
        }
        let actor = viewer.actor();
        let organisation = match import::organisation_for(&state.ctx, &actor, chosen_org).await {
            Ok(o) => Some(o),
            Err(coproduce_app::AppError::Invalid(_)) => {
                problems.push(tr.t("staff-choose-an-organisation"));
                None
            }
            Err(e) => return Err(e.into()),
        };
        match &file {
            Some((_, bytes)) if !bytes.is_empty() => {}
            _ => problems.push(tr.t("staff-import-choose")),
        }
        if let (Some((name, bytes)), Some(org), true) = (file, organisation, problems.is_empty()) {
            let id = import::keep(&state.ctx, &actor, Some(org), &name, &bytes).await?;
            return Ok(Redirect::to(&format!("/people/import/{id}")).into_response());
        }
        let page = upload_page(&state, &viewer, problems).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// One column of the file, as the report shows it with its field to change.
pub struct ColumnRow {
    index: usize,
    header: String,
    field: Select,
}

#[derive(Template)]
#[template(path = "import_report.html")]
struct ReportPage {
    chrome: Chrome,
    id: i64,
    filename: String,
    header_row: usize,
    columns: Vec<ColumnRow>,
    ready: usize,
    blank_rows: usize,
    /// Row, existing person's id and name, what matched.
    duplicates: Vec<(usize, i64, String, &'static str)>,
    /// Where (row and column) and what is wrong.
    problems: Vec<(String, String)>,
    can_import: bool,
}

/// The kept file of this viewer, its overrides, and its plan.
async fn planned(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(coproduce_store::import::PendingImport, Plan), PageError> {
    let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
    let pending = import::kept(&state.ctx, &viewer.actor(), id).await?;
    let overrides: Vec<(String, Option<Field>)> = pending
        .overrides
        .lines()
        .filter_map(|l| parse_override(l).ok())
        .collect();
    let plan = import::plan(
        &state.ctx,
        &viewer.actor(),
        pending.organisation_id,
        &pending.content,
        &overrides,
        crate::today(&state.ctx),
    )
    .await?;
    Ok((pending, plan))
}

fn report_page(
    state: &AppState,
    viewer: &Viewer,
    pending: &coproduce_store::import::PendingImport,
    plan: &Plan,
) -> ReportPage {
    let tr = viewer.tr;
    let report = &plan.report;
    let problems: Vec<(String, String)> = report
        .problems
        .iter()
        .map(|p| {
            let place = match (p.row, &p.column) {
                (Some(r), Some(c)) if !c.is_empty() => {
                    tr.t2("staff-import-row-column", ("row", r), ("column", c))
                }
                (Some(r), _) => tr.t1("staff-import-row", "row", r),
                _ => tr.t("staff-import-whole-file"),
            };
            let field = p.column.clone().unwrap_or_default();
            (place, tr.why(&p.problem, &field))
        })
        .collect();
    let mut options = vec![Choice {
        value: "ignore".into(),
        label: tr.t("staff-import-ignore"),
        hint: None,
    }];
    options.extend(Field::ALL.iter().map(|f| Choice {
        value: f.key().into(),
        label: f.key().into(),
        hint: None,
    }));
    ReportPage {
        chrome: Chrome::new(state, viewer, "people"),
        id: pending.id,
        filename: pending.filename.clone(),
        header_row: report.header_row,
        columns: report
            .columns
            .iter()
            .enumerate()
            .map(|(i, (header, field))| ColumnRow {
                index: i,
                header: header.clone(),
                field: Select {
                    id: "column",
                    label: String::new(),
                    options: options.clone(),
                    selected: field.map_or("ignore".into(), |f| f.key().into()),
                    error: None,
                },
            })
            .collect(),
        ready: plan.to_add().len(),
        blank_rows: report.blank_rows,
        duplicates: plan
            .duplicates
            .iter()
            .map(|d| {
                (
                    d.row,
                    d.existing_id,
                    d.existing_name.clone(),
                    if d.on == Field::Email {
                        "staff-import-same-email"
                    } else {
                        "staff-import-same-phone"
                    },
                )
            })
            .collect(),
        problems,
        can_import: plan.can_import(),
    }
}

pub(in crate::pages) async fn report(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let (pending, plan) = planned(&state, &viewer, &raw).await?;
        Ok(report_page(&state, &viewer, &pending, &plan))
    }
    .await;
    show(&state, &viewer, result)
}

/// The columns form: `column-N` = a field key or `ignore`, one for each column.
#[derive(Deserialize, Default)]
pub struct ColumnsForm {
    #[serde(flatten)]
    columns: HashMap<String, String>,
}

pub(in crate::pages) async fn columns(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    axum::Form(f): axum::Form<ColumnsForm>,
) -> Response {
    let result = async {
        let (pending, plan) = planned(&state, &viewer, &raw).await?;
        let mut lines = Vec::new();
        for (i, (header, _)) in plan.report.columns.iter().enumerate() {
            let Some(choice) = f.columns.get(&format!("column-{i}")) else {
                continue;
            };
            if header.is_empty() || (choice != "ignore" && Field::parse(choice).is_none()) {
                continue;
            }
            lines.push(format!("{header}={choice}"));
        }
        import::choose_columns(&state.ctx, &viewer.actor(), pending.id, &lines).await?;
        Ok(Redirect::to(&format!("/people/import/{}", pending.id)).into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(in crate::pages) async fn run(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let (pending, plan) = planned(&state, &viewer, &raw).await?;
        if !plan.can_import() {
            let page = report_page(&state, &viewer, &pending, &plan);
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
        import::import_kept(
            &state.ctx,
            &viewer.actor(),
            &pending,
            &plan,
            crate::today(&state.ctx),
        )
        .await?;
        Ok(Redirect::to("/people").into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
