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
use coproduce_app::import::{self, MAX_BYTES, Plan, ValueMap};
use coproduce_domain::Vocabulary;

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

/// Rows with problems shown on one page of the report.
const ROWS_PER_PAGE: usize = 50;

/// A value the file has that Coproduce does not know, with the entries it could
/// mean.
pub struct UnknownRow {
    index: usize,
    column: String,
    value: String,
    /// The value, its column and how many rows have it, for its label.
    label: String,
    options: Vec<Choice>,
}

/// The entries of the vocabulary a field is read in, as (slug, label).
fn entries(field: Option<Field>) -> Vec<(&'static str, &'static str)> {
    fn all<V: Vocabulary>() -> Vec<(&'static str, &'static str)> {
        V::ALL.iter().map(|v| (v.slug(), v.label())).collect()
    }
    use coproduce_domain::person as p;
    match field {
        Some(Field::Roles) => all::<p::PersonRole>(),
        Some(Field::Interests) => all::<p::ServiceArea>(),
        Some(Field::Languages) => all::<p::Language>(),
        Some(Field::PreferredContact) => all::<p::ContactMethod>(),
        Some(Field::Needs) => all::<coproduce_domain::needs::Need>(),
        Some(Field::EthnicGroup) => all::<coproduce_domain::equality::EthnicGroup>(),
        _ => Vec::new(),
    }
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
    /// Where (a column, or the whole file), what is wrong, and on how many rows.
    groups: Vec<(String, String, usize)>,
    unknown: Vec<UnknownRow>,
    /// Where (row and column) and what is wrong, for this page of rows.
    problems: Vec<(String, String)>,
    problem_count: usize,
    rows_caption: String,
    /// The address and words of the pages of rows before and after this one.
    previous: Option<(String, String)>,
    next: Option<(String, String)>,
    repeated_headers: usize,
    can_import: bool,
    /// The organisation's networks, any of which the people may join as they are
    /// imported.
    networks: Vec<Choice>,
}

/// The kept file of this viewer, its overrides, and its plan.
async fn planned(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(coproduce_store::import::PendingImport, Plan), PageError> {
    let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
    let pending = import::kept(&state.ctx, &viewer.actor(), id).await?;
    let choices = import::choices_of(&pending);
    let plan = import::plan(
        &state.ctx,
        &viewer.actor(),
        pending.organisation_id,
        &pending.content,
        &choices,
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
    page: usize,
    networks: Vec<Choice>,
) -> ReportPage {
    let tr = viewer.tr;
    let report = &plan.report;
    let pages = report.problems.len().div_ceil(ROWS_PER_PAGE).max(1);
    let page = page.clamp(1, pages);
    let caption = |n: usize| tr.t2("staff-import-rows-page", ("page", n), ("pages", pages));
    let link = |n: usize| {
        (
            format!("/people/import/{}?page={n}#rows", pending.id),
            caption(n),
        )
    };
    let groups = report
        .groups()
        .iter()
        .map(|g| {
            let column = g.column.clone().unwrap_or_default();
            let place = if column.is_empty() {
                tr.t("staff-import-whole-file")
            } else {
                column.clone()
            };
            (place, tr.why(&g.problem, &column), g.rows.len())
        })
        .collect();
    let unknown = report
        .unknown_values()
        .into_iter()
        .enumerate()
        .map(|(index, u)| {
            let mut options = vec![
                Choice {
                    value: String::new(),
                    label: tr.t("staff-import-value-choose"),
                    hint: None,
                },
                Choice {
                    value: "ignore".into(),
                    label: tr.t("staff-import-value-ignore"),
                    hint: None,
                },
            ];
            options.extend(entries(u.field).into_iter().map(|(slug, label)| Choice {
                value: slug.into(),
                label: label.into(),
                hint: None,
            }));
            let label = format!(
                "{} ({})",
                tr.t2(
                    "staff-import-unknown-label",
                    ("column", &u.column),
                    ("value", &u.value)
                ),
                tr.t1("staff-import-rows-with-it", "n", u.rows)
            );
            UnknownRow {
                index,
                column: u.column,
                value: u.value,
                label,
                options,
            }
        })
        .collect();
    let problems: Vec<(String, String)> = report
        .problems
        .iter()
        .skip((page - 1) * ROWS_PER_PAGE)
        .take(ROWS_PER_PAGE)
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
        groups,
        unknown,
        problems,
        problem_count: report.problems.len(),
        rows_caption: caption(page),
        previous: (page > 1).then(|| link(page - 1)),
        next: (page < pages).then(|| link(page + 1)),
        repeated_headers: report.repeated_headers,
        can_import: plan.can_import(),
        networks,
    }
}

/// The networks of the organisation an upload is for, to join on import.
async fn networks_of(
    state: &AppState,
    pending: &coproduce_store::import::PendingImport,
) -> Result<Vec<Choice>, PageError> {
    Ok(state
        .store
        .networks(
            PageRequest::first(PageRequest::MAX_LIMIT),
            coproduce_store::Within::Parent(pending.organisation_id),
        )
        .await?
        .items
        .into_iter()
        .map(|n| Choice {
            value: n.id.to_string(),
            label: n.name,
            hint: None,
        })
        .collect())
}

/// Which page of rows with problems to show.
#[derive(Deserialize, Default)]
pub struct ReportQuery {
    page: Option<String>,
}

pub(in crate::pages) async fn report(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    axum::extract::Query(q): axum::extract::Query<ReportQuery>,
) -> Response {
    let result = async {
        let (pending, plan) = planned(&state, &viewer, &raw).await?;
        // A page that is not a number, or past the end, shows the nearest page.
        let page = q.page.and_then(|p| p.trim().parse().ok()).unwrap_or(1);
        let networks = networks_of(&state, &pending).await?;
        Ok(report_page(
            &state, &viewer, &pending, &plan, page, networks,
        ))
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

/// The import button's form: the network to join, if any (empty for none).
#[derive(Deserialize, Default)]
pub struct RunForm {
    #[serde(default)]
    network_id: String,
}

pub(in crate::pages) async fn run(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    axum::Form(f): axum::Form<RunForm>,
) -> Response {
    let result = async {
        let (pending, plan) = planned(&state, &viewer, &raw).await?;
        let network = f.network_id.trim();
        // A network that is not a number, or not one of the organisation's, is no
        // network to choose: the report again, nothing imported.
        let network_id = match network.parse::<i64>() {
            _ if network.is_empty() => None,
            Ok(id) => Some(id),
            Err(_) => Some(0),
        };
        let networks = networks_of(&state, &pending).await?;
        let known = network_id.is_none_or(|id| networks.iter().any(|n| n.value == id.to_string()));
        if !plan.can_import() || !known {
            let page = report_page(&state, &viewer, &pending, &plan, 1, networks);
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
        import::import_kept(
            &state.ctx,
            &viewer.actor(),
            &pending,
            network_id,
            &plan,
            crate::today(&state.ctx),
        )
        .await?;
        Ok(Redirect::to("/people").into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// The values form: for each unknown value N, `column-N` and `value-N` name it and
/// `to-N` is the entry it means, `ignore`, or empty to leave it for now.
#[derive(Deserialize, Default)]
pub struct ValuesForm {
    #[serde(flatten)]
    fields: HashMap<String, String>,
}

pub(in crate::pages) async fn values(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    axum::Form(f): axum::Form<ValuesForm>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let mut maps = Vec::new();
        for i in 0..f.fields.len() {
            let (Some(column), Some(value), Some(to)) = (
                f.fields.get(&format!("column-{i}")),
                f.fields.get(&format!("value-{i}")),
                f.fields.get(&format!("to-{i}")),
            ) else {
                continue;
            };
            if to.trim().is_empty() || column.trim().is_empty() || value.trim().is_empty() {
                continue;
            }
            maps.push(ValueMap {
                column: column.trim().to_string(),
                value: value.trim().to_string(),
                to: (to.trim() != "ignore").then(|| to.trim().to_string()),
            });
        }
        import::choose_values(&state.ctx, &viewer.actor(), id, &maps).await?;
        Ok(Redirect::to(&format!("/people/import/{id}")).into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
