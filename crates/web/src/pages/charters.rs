//! The charters list and a charter's page.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use coproduce_store::PageRequest;
use coproduce_store::charters::CharterRecord;

use axum::Form;
use axum::response::{IntoResponse, Redirect};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::charter::SignatoryStatus;
use coproduce_domain::templates;
use coproduce_domain::text::FieldError;
use serde::Deserialize;

use super::forms::{
    Choice, DateField, FormField, FormPage, Named, Part, Radios, Select, error_of, field_errors,
    worded,
};
use super::{Chrome, PageError, render, show, template_titles};
use crate::AppState;
use crate::api::charters::{CharterUpdateBody, SettingsOut};
use crate::auth::Viewer;
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "charters.html")]
struct List {
    chrome: Chrome,
    errors: Vec<FieldError>,
    file_errors: Vec<String>,
    charters: Vec<CharterRecord>,
    templates: Vec<(String, String)>,
    can_manage: bool,
    adopt: Select,
}

async fn list_page(
    state: &AppState,
    viewer: &Viewer,
    errors: Vec<FieldError>,
) -> Result<List, PageError> {
    let page = state
        .store
        .charters(PageRequest::first(PageRequest::MAX_LIMIT))
        .await?;
    Ok(List {
        chrome: Chrome::participant(state, viewer, "charters"),
        file_errors: errors
            .iter()
            .filter(|e| e.field == "file")
            .map(|e| e.message.clone())
            .collect(),
        charters: page.items,
        templates: template_titles(),
        can_manage: viewer.can(C::ManageCharters),
        adopt: Select {
            id: "template",
            label: viewer.tr.t("adopt-label"),
            options: templates::all()
                .into_iter()
                .map(|c| Choice {
                    value: c.key,
                    label: c.title,
                    hint: None,
                })
                .collect(),
            selected: String::new(),
            error: error_of(&errors, "template"),
        },
        errors,
    })
}

pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Response {
    match list_page(&state, &viewer, vec![]).await {
        Ok(p) => render(StatusCode::OK, &p),
        Err(e) => e.respond(&state, &viewer),
    }
}

#[derive(Deserialize, Default)]
pub struct AdoptForm {
    #[serde(default)]
    template: String,
}

/// Adopts a built-in charter: stores it as a charter version of this Coproduce.
pub async fn adopt(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<AdoptForm>,
) -> Response {
    let result = async {
        let problem = match templates::get(f.template.trim()) {
            None => viewer.tr.t("adopt-choose"),
            Some(charter) => {
                match coproduce_app::charters::adopt(&state.ctx, &viewer.actor(), &charter).await {
                    Ok(r) => {
                        return Ok(Redirect::to(&format!("/charters/{}", r.id)).into_response());
                    }
                    Err(coproduce_app::AppError::Conflict(_)) => viewer.tr.t("adopt-already"),
                    Err(e) => return Err(PageError::from(e)),
                }
            }
        };
        let errors = vec![FieldError::worded("template", problem)];
        Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &list_page(&state, &viewer, errors).await?,
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

struct SectionView {
    anchor: String,
    title: String,
    intro: Option<String>,
    commitments: Vec<CommitmentView>,
}

struct CommitmentView {
    key: String,
    text: String,
    source_ref: String,
    kind: String,
    rung: Option<String>,
    indicator: Option<String>,
}

struct SignatoryView {
    organisation_id: i64,
    organisation_name: String,
    status: String,
    signed: bool,
    signed_on: String,
}

#[derive(Template)]
#[template(path = "charter.html")]
struct Page {
    chrome: Chrome,
    errors: Vec<FieldError>,
    record: CharterRecord,
    commitment_summary: String,
    sections: Vec<SectionView>,
    signatories: Vec<SignatoryView>,
    can_manage: bool,
    organisation: Select,
    status: Radios,
    signed_on: DateField,
}

#[derive(Deserialize, Default)]
pub struct SignatoryForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    status: String,
    #[serde(rename = "signed_on-day", default)]
    day: String,
    #[serde(rename = "signed_on-month", default)]
    month: String,
    #[serde(rename = "signed_on-year", default)]
    year: String,
}

async fn charter_view(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    f: &SignatoryForm,
    errors: Vec<FieldError>,
) -> Result<Page, PageError> {
    let (record, charter) = state.store.charter(id).await?;
    let signatories = state.store.signatories(id).await?;
    let tr = viewer.tr;
    let commitment_summary = tr.t2(
        "charter-commitment-count",
        ("n", charter.commitment_count()),
        ("sections", charter.sections.len()),
    );
    let sections = charter
        .sections
        .into_iter()
        .map(|s| SectionView {
            anchor: s
                .key
                .to_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "-"),
            title: s.title,
            intro: s.intro,
            commitments: s
                .commitments
                .into_iter()
                .map(|c| CommitmentView {
                    key: c.key,
                    text: c.text,
                    source_ref: c.source_ref,
                    kind: tr.label(c.kind),
                    rung: c.rung.map(|r| tr.label(r)),
                    indicator: c.indicator.map(|i| tr.label(i)),
                })
                .collect(),
        })
        .collect();
    let signatories = signatories
        .into_iter()
        .map(|s| SignatoryView {
            organisation_id: s.organisation_id,
            organisation_name: s.organisation_name,
            status: tr.label(s.status),
            signed: s.signed_on.is_some(),
            signed_on: s
                .signed_on
                .map(|d| tr.date(d))
                .unwrap_or_else(|| tr.t("not-yet")),
        })
        .collect();
    let can_manage = viewer.can(C::ManageCharters);
    let organisations = if can_manage {
        state
            .store
            .organisations(PageRequest::first(PageRequest::MAX_LIMIT))
            .await?
            .items
    } else {
        Vec::new()
    };
    let mut signed_on = DateField::typed("signed_on", "", "", &f.day, &f.month, &f.year);
    signed_on.error = error_of(&errors, "signed_on-day");
    Ok(Page {
        chrome: Chrome::participant(state, viewer, "charters"),
        record,
        commitment_summary,
        sections,
        signatories,
        can_manage,
        organisation: Select {
            id: "organisation_id",
            label: tr.t("organisation-column"),
            options: organisations
                .into_iter()
                .map(|o| Choice {
                    value: o.id.to_string(),
                    label: o.name,
                    hint: None,
                })
                .collect(),
            selected: f.organisation_id.clone(),
            error: error_of(&errors, "organisation_id"),
        },
        status: Radios {
            id: "status",
            legend: "",
            hint: None,
            options: SignatoryStatus::ALL
                .iter()
                .map(|s| Choice {
                    value: s.slug().into(),
                    label: tr.label(*s),
                    hint: None,
                })
                .collect(),
            selected: f.status.clone(),
            error: error_of(&errors, "status"),
        },
        signed_on,
        errors,
    })
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        charter_view(&state, &viewer, id, &SignatoryForm::default(), vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

/// Records that an organisation was invited to sign, signed, or declined.
pub async fn add_signatory(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<SignatoryForm>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        state.store.charter_record(id).await?;
        let tr = viewer.tr;
        let today = crate::today(&state.ctx);
        let mut errors = Vec::new();
        let organisation = match f.organisation_id.trim().parse::<i64>() {
            Ok(o) if state.store.organisation(o).await.is_ok() => Some(o),
            _ => {
                errors.push(FieldError::worded(
                    "organisation_id",
                    tr.t("signatory-choose-organisation"),
                ));
                None
            }
        };
        let status = SignatoryStatus::parse(f.status.trim()).ok();
        if status.is_none() {
            errors.push(FieldError::worded(
                "status",
                tr.t("signatory-choose-status"),
            ));
        }
        let signed_on = match coproduce_domain::time::date_from_parts(&f.day, &f.month, &f.year) {
            Ok(Some(d)) if d > today => {
                errors.push(FieldError::worded(
                    "signed_on-day",
                    tr.t("signatory-date-future"),
                ));
                None
            }
            Ok(d) => d,
            Err(_) => {
                errors.push(FieldError::worded(
                    "signed_on-day",
                    tr.t("signatory-date-real"),
                ));
                None
            }
        };
        match (status, signed_on) {
            (Some(SignatoryStatus::Signed), None)
                if !errors.iter().any(|e| e.field == "signed_on-day") =>
            {
                errors.push(FieldError::worded(
                    "signed_on-day",
                    tr.t("signatory-date-needed"),
                ));
            }
            (Some(s), Some(_)) if s != SignatoryStatus::Signed => {
                errors.push(FieldError::worded(
                    "signed_on-day",
                    tr.t("signatory-date-only-signed"),
                ));
            }
            _ => {}
        }
        if let (Some(org), Some(status), true) = (organisation, status, errors.is_empty()) {
            match coproduce_app::charters::add_signatory(
                &state.ctx,
                &viewer.actor(),
                id,
                org,
                status,
                signed_on.unwrap_or(today),
                signed_on,
            )
            .await
            {
                Ok(_) => return Ok(Redirect::to(&format!("/charters/{id}")).into_response()),
                Err(coproduce_app::AppError::Conflict(_)) => {
                    errors.push(FieldError::worded(
                        "organisation_id",
                        tr.t("signatory-already"),
                    ));
                }
                Err(e) => return Err(PageError::from(e)),
            }
        }
        Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &charter_view(&state, &viewer, id, &f, errors).await?,
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct SettingsForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    feedback_days: String,
    #[serde(default)]
    review_months: String,
}

fn settings_form(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    f: &SettingsForm,
    errors: Vec<FieldError>,
) -> FormPage {
    FormPage {
        chrome: Chrome::new(state, viewer, "charters"),
        back: Some((
            format!("/charters/{id}"),
            "staff-back-to-the-charter".into(),
        )),
        caption: None,
        heading: "staff-charter-settings".into(),
        intro: vec!["staff-charter-settings-intro".into()],
        action: format!("/charters/{id}/settings"),
        parts: vec![
            Part::Field(
                FormField::new("title", "staff-charter-title", "text")
                    .value(&f.title)
                    .errors(&errors),
            ),
            Part::Text(
                FormField::new("summary", "staff-charter-summary", "text")
                    .value(&f.summary)
                    .errors(&errors),
            ),
            Part::Field(
                FormField::new("feedback_days", "staff-charter-feedback-days", "text")
                    .hint("staff-charter-feedback-days-hint")
                    .value(&f.feedback_days)
                    .errors(&errors)
                    .numeric_code(),
            ),
            Part::Field(
                FormField::new("review_months", "staff-charter-review-months", "text")
                    .hint("staff-charter-review-months-hint")
                    .value(&f.review_months)
                    .errors(&errors)
                    .numeric_code(),
            ),
        ],
        errors,
        button: "staff-save-settings",
    }
    .ordered()
}

pub async fn settings_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let r = state.store.charter_record(id).await?;
        let f = SettingsForm {
            title: r.title,
            summary: r.summary.unwrap_or_default(),
            feedback_days: r.feedback_days.to_string(),
            review_months: r.review_months.to_string(),
        };
        Ok::<_, PageError>(settings_form(&state, &viewer, id, &f, vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

/// A whole number typed into a form, or an error naming the field.
fn whole_number(tr: &Tr, field: &str, raw: &str, errors: &mut Vec<FieldError>) -> i64 {
    match raw.trim().parse::<i64>() {
        Ok(n) => n,
        Err(_) => {
            errors.push(FieldError::worded(
                field,
                tr.t("staff-enter-a-whole-number"),
            ));
            1
        }
    }
}

pub async fn save_settings(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<SettingsForm>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        state.store.charter_record(id).await?;
        let mut errors = Vec::new();
        let body = CharterUpdateBody {
            title: f.title.clone(),
            summary: Some(f.summary.clone()),
            settings: SettingsOut {
                feedback_days: whole_number(
                    &viewer.tr,
                    "feedback_days",
                    &f.feedback_days,
                    &mut errors,
                ),
                review_months: whole_number(
                    &viewer.tr,
                    "review_months",
                    &f.review_months,
                    &mut errors,
                ),
            },
        };
        match body.check() {
            Ok(fields) if errors.is_empty() => {
                coproduce_app::charters::update(&state.ctx, &viewer.actor(), id, &fields).await?;
                Ok(Redirect::to(&format!("/charters/{id}")).into_response())
            }
            Ok(_) => Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &settings_form(&state, &viewer, id, &f, errors),
            )),
            Err(e) => {
                for mut e in field_errors(e)? {
                    e.field = e.field.trim_start_matches("settings.").to_string();
                    if !errors.iter().any(|x: &FieldError| x.field == e.field) {
                        errors.push(e);
                    }
                }
                let errors = worded(
                    &viewer.tr,
                    errors,
                    &[
                        Named::As("title", "staff-charter-title"),
                        Named::As("summary", "staff-charter-summary"),
                        Named::Always("feedback_days", "staff-charter-feedback-days-range"),
                        Named::Always("review_months", "staff-charter-review-months-range"),
                    ],
                );
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &settings_form(&state, &viewer, id, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// The largest charter file read from the web: far more than any real charter.
const MAX_CHARTER_FILE: usize = 2 * 1024 * 1024;

/// Stores a charter from an uploaded file (the charter file format). Nothing is stored
/// unless the whole file is right; every problem is listed with its line.
pub async fn import(
    State(state): State<AppState>,
    viewer: Viewer,
    mut form: axum::extract::Multipart,
) -> Response {
    let result = async {
        let tr = viewer.tr;
        let mut text = None;
        let mut problems = Vec::new();
        loop {
            match form.next_field().await {
                Ok(Some(field)) if field.name() == Some("file") => match field.bytes().await {
                    Ok(bytes) if bytes.is_empty() => problems.push(tr.t("import-empty")),
                    Ok(bytes) if bytes.len() > MAX_CHARTER_FILE => {
                        problems.push(tr.t("import-too-large"))
                    }
                    Ok(bytes) => match String::from_utf8(bytes.to_vec()) {
                        Ok(t) => text = Some(t),
                        Err(_) => problems.push(tr.t("import-not-text")),
                    },
                    Err(_) => problems.push(tr.t("import-too-large")),
                },
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(_) => {
                    problems.push(tr.t("import-unreadable"));
                    break;
                }
            }
        }
        if let Some(text) = text {
            match coproduce_domain::charter_file::parse(&text) {
                Ok(charter) => {
                    match coproduce_app::charters::adopt(&state.ctx, &viewer.actor(), &charter)
                        .await
                    {
                        Ok(r) => {
                            return Ok(Redirect::to(&format!("/charters/{}", r.id)).into_response());
                        }
                        Err(coproduce_app::AppError::Conflict(_)) => problems.push(tr.t2(
                            "import-duplicate",
                            ("key", &charter.key),
                            ("version", &charter.version),
                        )),
                        Err(e) => return Err(PageError::from(e)),
                    }
                }
                Err(errs) => problems.extend(errs.0.iter().map(|p| {
                    // A problem the charter's checks found is worded here; the TOML
                    // reader's own description of a syntax error is quoted as it is.
                    let why = match (&p.problem, &p.field) {
                        (Some(problem), Some(field)) => tr.why(problem, field),
                        _ => p.message.clone(),
                    };
                    match p.line {
                        Some(line) => tr.t2("import-problem-line", ("line", line), ("why", why)),
                        None => why,
                    }
                })),
            }
        } else if problems.is_empty() {
            problems.push(tr.t("import-choose"));
        }
        let errors = problems
            .into_iter()
            .map(|message| FieldError::worded("file", message))
            .collect();
        Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &list_page(&state, &viewer, errors).await?,
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
