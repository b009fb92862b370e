//! Outcomes for staff: the changes people's contributions led to, each with the
//! inputs behind it and its evidence; recording and changing one, adding evidence
//! and downloading it. The rules are `coproduce_app::outcomes`'.

#[allow(unused_imports)]
use super::*;
use axum::extract::Multipart;
use coproduce_domain::outcome::{OutcomeDraft, OutcomeKind};
use coproduce_domain::papers::{MAX_BYTES, kinds_in_words};
use coproduce_store::outcomes::Outcome;

use super::papers::{download_response, read_upload, size_words};

/// The names of the outcome form's fields in its error messages.
const NAMES: &[Named] = &[
    Named::As("title", "staff-outcome-title"),
    Named::Always("kind", "staff-choose-what-changed"),
    Named::As("happened_on", "staff-outcome-happened-on"),
    Named::As("happened_on-day", "staff-outcome-happened-on"),
    Named::As("impact", "staff-outcome-impact"),
    Named::As("project_id", "staff-project"),
    Named::As("inputs", "staff-outcome-inputs"),
];

#[derive(Template)]
#[template(path = "outcomes.html")]
pub struct OutcomesPage {
    chrome: Chrome,
    rows: Vec<Outcome>,
    next: Option<String>,
    can_write: bool,
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let result = async {
        let page = q.page(50);
        let rows =
            coproduce_app::outcomes::list(&state.ctx, &viewer.actor(), page, None, None).await?;
        Ok::<_, PageError>(OutcomesPage {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            next: rows.next_after.map(|a| format!("/outcomes?after={a}")),
            rows: rows.items,
            // Someone of no one organisation records one from an input's page.
            can_write: viewer.can(C::WriteWork)
                && matches!(viewer.scope(None), Ok(Some(o)) if o > 0),
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// A file of evidence, in words.
pub struct EvidenceRow {
    id: i64,
    title: String,
    file: String,
}

#[derive(Template)]
#[template(path = "outcome.html")]
pub struct OutcomePage {
    chrome: Chrome,
    outcome: Outcome,
    kind: String,
    happened: String,
    /// The inputs behind it: id and what was said.
    inputs: Vec<(i64, String)>,
    evidence: Vec<EvidenceRow>,
    can_write: bool,
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let r = coproduce_app::outcomes::read(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        Ok::<_, PageError>(OutcomePage {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            kind: viewer.tr.label(r.outcome.kind),
            happened: viewer.tr.date(r.outcome.happened_on),
            inputs: r.inputs.into_iter().map(|i| (i.id, i.said)).collect(),
            evidence: r
                .evidence
                .into_iter()
                .map(|e| EvidenceRow {
                    id: e.id,
                    file: format!("{}, {}", e.file_name, size_words(e.size_bytes)),
                    title: e.title,
                })
                .collect(),
            can_write: viewer.can(C::WriteWork),
            outcome: r.outcome,
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct OutcomeForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    kind: String,
    #[serde(rename = "happened_on-day", default)]
    day: String,
    #[serde(rename = "happened_on-month", default)]
    month: String,
    #[serde(rename = "happened_on-year", default)]
    year: String,
    #[serde(default)]
    impact: String,
    #[serde(default)]
    project_id: String,
    #[serde(default)]
    inputs: Vec<String>,
    /// An input to start with ticked, from its page (`?input=ID`).
    #[serde(default)]
    input: String,
}

/// The form for a new outcome (`editing` none) or a change to one, with the
/// organisation's projects and inputs to choose from.
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    organisation_id: i64,
    editing: Option<i64>,
    f: &OutcomeForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let actor = viewer.actor();
    let (projects, inputs) =
        coproduce_app::outcomes::choices(&state.ctx, &actor, organisation_id).await?;
    let projects = projects
        .into_iter()
        .map(|(id, title)| Choice {
            value: id.to_string(),
            label: title,
            hint: None,
        })
        .collect();
    let inputs = inputs
        .into_iter()
        .map(|i| Choice {
            value: i.id.to_string(),
            hint: Some(i.came_from.clone()),
            label: i.said,
        })
        .collect();
    let mut happened = DateField::typed(
        "happened_on",
        "staff-outcome-happened-on",
        "staff-for-example-14-3-2027",
        &f.day,
        &f.month,
        &f.year,
    );
    happened.error =
        error_of(&errors, "happened_on-day").or_else(|| error_of(&errors, "happened_on"));
    let mut checked = f.inputs.clone();
    if !f.input.is_empty() && !checked.contains(&f.input) {
        checked.push(f.input.clone());
    }
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        back: Some(match editing {
            Some(id) => (
                format!("/outcomes/{id}"),
                "staff-back-to-the-outcome".into(),
            ),
            None => ("/outcomes".into(), "staff-back-to-the-outcomes".into()),
        }),
        caption: Some("staff-you-said-we-did".into()),
        heading: if editing.is_some() {
            "staff-change-the-outcome".into()
        } else {
            "staff-record-an-outcome".into()
        },
        intro: vec![viewer.tr.t("staff-outcome-intro")],
        action: match editing {
            Some(id) => format!("/outcomes/{id}"),
            None => "/outcomes".into(),
        },
        parts: vec![
            Part::Hidden("organisation_id", organisation_id.to_string()),
            Part::Field(
                FormField::new("title", "staff-outcome-title", "text")
                    .hint("staff-outcome-title-hint")
                    .value(&f.title)
                    .errors(&errors),
            ),
            Part::Choose(Radios::of::<OutcomeKind>(
                "kind",
                "staff-what-changed",
                &f.kind,
                &errors,
                |_| None,
            )),
            Part::Date(happened),
            Part::Text(
                FormField::new("impact", "staff-outcome-impact", "text")
                    .hint("staff-outcome-impact-hint")
                    .value(&f.impact)
                    .errors(&errors),
            ),
            Part::Pick(Select {
                id: "project_id",
                label: "staff-project".into(),
                options: crate::pages::forms::after_none(viewer.tr.t("staff-not-set"), projects),
                selected: f.project_id.clone(),
                error: error_of(&errors, "project_id"),
            }),
            Part::Checks(Checkboxes {
                id: "inputs",
                legend: "staff-outcome-inputs",
                hint: Some("staff-outcome-inputs-hint"),
                options: inputs,
                checked,
                error: error_of(&errors, "inputs"),
            }),
        ],
        errors,
        button: "staff-save-the-outcome",
    }
    .ordered())
}

/// The organisation a new outcome is for: the viewer's own, or the one asked for
/// by someone who sees every organisation.
fn organisation_for(viewer: &Viewer, asked: &str) -> Result<i64, PageError> {
    match viewer.scope(asked.trim().parse().ok()) {
        Ok(Some(org)) if org > 0 => Ok(org),
        _ => Err(PageError::NotFound),
    }
}

pub(super) async fn new_outcome(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(f): Query<OutcomeForm>,
) -> Response {
    let result = async {
        // From an input's page: its organisation, with it ticked.
        let org = match f.input.parse::<i64>() {
            Ok(input) => {
                coproduce_app::inputs::read(&state.ctx, &viewer.actor(), input)
                    .await?
                    .input
                    .organisation_id
            }
            Err(_) => organisation_for(&viewer, &f.organisation_id)?,
        };
        form_page(&state, &viewer, org, None, &f, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

fn draft(f: &OutcomeForm, errs: &mut coproduce_domain::text::FieldErrors) -> OutcomeDraft {
    let happened_on =
        crate::pages::forms::typed_date(errs, "happened_on", (&f.day, &f.month, &f.year), true)
            .map(|d| d.to_string())
            .unwrap_or_default();
    OutcomeDraft {
        title: f.title.clone(),
        kind: f.kind.clone(),
        happened_on,
        impact: f.impact.clone(),
        project_id: f.project_id.trim().parse().ok(),
        // A box that is not an input's id cannot come from the page: it names none.
        inputs: f.inputs.iter().filter_map(|i| i.parse().ok()).collect(),
    }
}

/// Saves a new outcome (`editing` none) or a change, or shows the form again with
/// every problem and what was typed.
async fn save(
    state: &AppState,
    viewer: &Viewer,
    editing: Option<i64>,
    f: OutcomeForm,
) -> Result<Response, PageError> {
    let actor = viewer.actor();
    let org = match editing {
        Some(id) => {
            coproduce_app::outcomes::read(&state.ctx, &actor, id)
                .await?
                .outcome
                .organisation_id
        }
        None => organisation_for(viewer, &f.organisation_id)?,
    };
    let mut errs = coproduce_domain::text::FieldErrors::new();
    let d = draft(&f, &mut errs);
    let saved = if errs.0.is_empty() {
        match editing {
            Some(id) => coproduce_app::outcomes::update(&state.ctx, &actor, id, &d).await,
            None => coproduce_app::outcomes::create(&state.ctx, &actor, org, &d).await,
        }
        .map_err(crate::ApiError::from)
    } else {
        // The date's problem is shown; the rest are checked with it.
        if let Err(coproduce_domain::text::FieldErrors(more)) = d.check(crate::today(&state.ctx)) {
            errs.0
                .extend(more.into_iter().filter(|e| e.field != "happened_on"));
        }
        Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
            errs,
        )))
    };
    match saved {
        Ok(o) => Ok(Redirect::to(&format!("/outcomes/{}", o.id)).into_response()),
        Err(e) => {
            let errors = worded(&viewer.tr, field_errors(e)?, NAMES);
            let page = form_page(state, viewer, org, editing, &f, errors).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    HtmlForm(f): HtmlForm<OutcomeForm>,
) -> Response {
    save(&state, &viewer, None, f)
        .await
        .unwrap_or_else(|e| e.respond(&state, &viewer))
}

pub(super) async fn edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let r = coproduce_app::outcomes::read(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        let o = &r.outcome;
        let mut d = DateField::typed("", "", "", "", "", "");
        d.show(o.happened_on);
        let f = OutcomeForm {
            organisation_id: o.organisation_id.to_string(),
            title: o.title.clone(),
            kind: o.kind.slug().into(),
            day: d.day,
            month: d.month,
            year: d.year,
            impact: o.impact.clone(),
            project_id: o.project_id.map(|p| p.to_string()).unwrap_or_default(),
            inputs: r.inputs.iter().map(|i| i.id.to_string()).collect(),
            input: String::new(),
        };
        form_page(&state, &viewer, o.organisation_id, Some(o.id), &f, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<OutcomeForm>,
) -> Response {
    let result = async { save(&state, &viewer, Some(id_of(&raw)?), f).await }.await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Template)]
#[template(path = "evidence_new.html")]
pub struct NewEvidencePage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    outcome: Outcome,
    title: FormField,
    kinds: String,
    max_mb: usize,
    file_error: Option<String>,
}

fn evidence_page(
    state: &AppState,
    viewer: &Viewer,
    outcome: Outcome,
    title: &str,
    errors: Vec<FieldError>,
) -> NewEvidencePage {
    NewEvidencePage {
        chrome: Chrome::new(state, viewer, "inputs"),
        title: FormField::new("title", "staff-evidence-title", "text")
            .hint("staff-evidence-title-hint")
            .value(title)
            .errors(&errors),
        kinds: kinds_in_words(),
        max_mb: MAX_BYTES / (1024 * 1024),
        file_error: error_of(&errors, "file"),
        errors,
        outcome,
    }
}

pub(super) async fn new_evidence(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let r = coproduce_app::outcomes::read(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        Ok::<_, PageError>(evidence_page(&state, &viewer, r.outcome, "", vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

/// Reads the upload and keeps the evidence; every problem comes back on the form,
/// with the title kept (a browser cannot keep a chosen file).
pub(super) async fn add_evidence(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    mut form: Multipart,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let r = coproduce_app::outcomes::read(&state.ctx, &viewer.actor(), id).await?;
        let upload = read_upload(&mut form).await;
        let title = upload.text("title");
        let mut errors = upload.errors;
        match (&upload.file, errors.is_empty()) {
            (Some((name, bytes)), true) => {
                match coproduce_app::outcomes::add_evidence(
                    &state.ctx,
                    &viewer.actor(),
                    id,
                    &title,
                    name,
                    bytes,
                )
                .await
                {
                    Ok(_) => return Ok(Redirect::to(&format!("/outcomes/{id}")).into_response()),
                    Err(coproduce_app::AppError::Invalid(e)) => errors.extend(e.0),
                    Err(e) => return Err(e.into()),
                }
            }
            (None, true) => {
                errors.push(FieldError::worded(
                    "file",
                    viewer.tr.t("staff-choose-a-file"),
                ));
                if title.trim().is_empty() {
                    errors.push(FieldError::new(
                        "title",
                        coproduce_domain::text::Problem::Empty,
                    ));
                }
            }
            _ => {}
        }
        let errors = worded(
            &viewer.tr,
            errors,
            &[
                Named::As("title", "staff-evidence-title"),
                Named::As("file", "staff-evidence-file"),
            ],
        );
        let page = evidence_page(&state, &viewer, r.outcome, &title, errors);
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// A file of evidence of the outcome in the address, as a download.
pub(super) async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, evidence)): Path<(String, String)>,
) -> Response {
    let result = async {
        let (e, bytes) = coproduce_app::outcomes::evidence_file(
            &state.ctx,
            &viewer.actor(),
            id_of(&raw)?,
            id_of(&evidence)?,
        )
        .await?;
        Ok::<_, PageError>(download_response(&e.file_name, &e.media_type, bytes))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
