//! Feedback forms for staff: the list, making and changing one, opening and closing
//! it, and its page with the address to share and its answers. The rules are
//! `coproduce_app::said_forms`'.

#[allow(unused_imports)]
use super::*;
use coproduce_app::said_forms::SaidForm;
use coproduce_domain::said_form::FormDraft;

/// The names of the form's fields in its error messages.
const NAMES: &[Named] = &[
    Named::Always("project_id", "staff-choose-the-form-project"),
    Named::As("title", "staff-form-title"),
    Named::As("question", "staff-form-question"),
    Named::As("question_pl", "staff-form-question-pl"),
    Named::As("question_easy", "staff-form-question-easy"),
];

#[derive(Template)]
#[template(path = "said_forms.html")]
pub struct FormsPage {
    chrome: Chrome,
    rows: Vec<SaidForm>,
    next: Option<String>,
    can_write: bool,
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let result = async {
        let rows =
            coproduce_app::said_forms::list(&state.ctx, &viewer.actor(), q.page(50), None, None)
                .await?;
        Ok::<_, PageError>(FormsPage {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            next: rows.next_after.map(|a| format!("/forms?after={a}")),
            rows: rows.items,
            // A form is made for the viewer's own organisation's projects.
            can_write: viewer.can(C::WriteWork)
                && matches!(viewer.scope(None), Ok(Some(o)) if o > 0),
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Template)]
#[template(path = "said_form.html")]
pub struct FormPageView {
    chrome: Chrome,
    form: SaidForm,
    /// The address people answer it at, whole.
    address: String,
    closed: Option<String>,
    can_write: bool,
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let form =
            coproduce_app::said_forms::read(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        Ok::<_, PageError>(FormPageView {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            address: format!(
                "{}/say/{}",
                state.ctx.settings.public_url.trim_end_matches('/'),
                form.id
            ),
            closed: form
                .closed_at
                .map(|t| viewer.tr.date(coproduce_domain::time::london_date(t))),
            can_write: viewer.can(C::WriteWork),
            form,
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct SaidFormForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    project_id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    question: String,
    #[serde(default)]
    question_pl: String,
    #[serde(default)]
    question_easy: String,
}

impl SaidFormForm {
    fn draft(&self) -> FormDraft {
        FormDraft {
            project_id: self.project_id.trim().parse().ok(),
            title: self.title.clone(),
            question: self.question.clone(),
            question_pl: self.question_pl.clone(),
            question_easy: self.question_easy.clone(),
        }
    }
}

/// The form for a new feedback form (`editing` none) or a change to one, with the
/// organisation's projects to choose from.
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    organisation_id: i64,
    editing: Option<i64>,
    f: &SaidFormForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let projects =
        coproduce_app::said_forms::projects(&state.ctx, &viewer.actor(), organisation_id)
            .await?
            .into_iter()
            .map(|(id, title)| Choice {
                value: id.to_string(),
                label: title,
                hint: None,
            })
            .collect();
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        back: Some(match editing {
            Some(id) => (format!("/forms/{id}"), "staff-back-to-the-form".into()),
            None => ("/forms".into(), "staff-back-to-the-forms".into()),
        }),
        caption: Some("staff-you-said-we-did".into()),
        heading: if editing.is_some() {
            "staff-change-the-form".into()
        } else {
            "staff-make-a-form".into()
        },
        intro: vec![viewer.tr.t("staff-form-intro")],
        action: match editing {
            Some(id) => format!("/forms/{id}"),
            None => "/forms".into(),
        },
        parts: vec![
            Part::Hidden("organisation_id", organisation_id.to_string()),
            Part::Pick(Select {
                id: "project_id",
                label: "staff-project".into(),
                options: crate::pages::forms::after_none(viewer.tr.t("staff-choose-one"), projects),
                selected: f.project_id.clone(),
                error: error_of(&errors, "project_id"),
            }),
            Part::Field(
                FormField::new("title", "staff-form-title", "text")
                    .hint("staff-form-title-hint")
                    .value(&f.title)
                    .errors(&errors),
            ),
            Part::Text(
                FormField::new("question", "staff-form-question", "text")
                    .hint("staff-form-question-hint")
                    .value(&f.question)
                    .errors(&errors),
            ),
            Part::Text(
                FormField::new("question_pl", "staff-form-question-pl", "text")
                    .hint("staff-form-question-pl-hint")
                    .value(&f.question_pl)
                    .errors(&errors),
            ),
            Part::Text(
                FormField::new("question_easy", "staff-form-question-easy", "text")
                    .hint("staff-form-question-easy-hint")
                    .value(&f.question_easy)
                    .errors(&errors),
            ),
        ],
        errors,
        button: "staff-save-the-form",
    }
    .ordered())
}

/// The organisation a new form is for: the viewer's own, or the one asked for by
/// someone who sees every organisation.
fn organisation_for(viewer: &Viewer, asked: &str) -> Result<i64, PageError> {
    match viewer.scope(asked.trim().parse().ok()) {
        Ok(Some(org)) if org > 0 => Ok(org),
        _ => Err(PageError::NotFound),
    }
}

pub(super) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(f): Query<SaidFormForm>,
) -> Response {
    let result = async {
        let org = organisation_for(&viewer, &f.organisation_id)?;
        form_page(&state, &viewer, org, None, &f, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

/// Saves a new form (`editing` none) or a change, or shows the form again with
/// every problem and what was typed.
async fn save(
    state: &AppState,
    viewer: &Viewer,
    editing: Option<i64>,
    f: SaidFormForm,
) -> Result<Response, PageError> {
    let actor = viewer.actor();
    let org = match editing {
        Some(id) => {
            coproduce_app::said_forms::read(&state.ctx, &actor, id)
                .await?
                .organisation_id
        }
        None => organisation_for(viewer, &f.organisation_id)?,
    };
    let d = f.draft();
    let saved = match editing {
        Some(id) => coproduce_app::said_forms::change(&state.ctx, &actor, id, &d).await,
        None => coproduce_app::said_forms::create(&state.ctx, &actor, &d).await,
    }
    .map_err(crate::ApiError::from);
    match saved {
        Ok(form) => Ok(Redirect::to(&format!("/forms/{}", form.id)).into_response()),
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
    HtmlForm(f): HtmlForm<SaidFormForm>,
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
        let form =
            coproduce_app::said_forms::read(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        let f = SaidFormForm {
            organisation_id: form.organisation_id.to_string(),
            project_id: form.project_id.to_string(),
            title: form.title.clone(),
            question: form.question.clone(),
            question_pl: form.question_pl.clone().unwrap_or_default(),
            question_easy: form.question_easy.clone(),
        };
        form_page(
            &state,
            &viewer,
            form.organisation_id,
            Some(form.id),
            &f,
            vec![],
        )
        .await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<SaidFormForm>,
) -> Response {
    let result = async { save(&state, &viewer, Some(id_of(&raw)?), f).await }.await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

async fn set_open(state: &AppState, viewer: &Viewer, raw: &str, open: bool) -> Response {
    let result = async {
        let form =
            coproduce_app::said_forms::set_open(&state.ctx, &viewer.actor(), id_of(raw)?, open)
                .await?;
        Ok::<_, PageError>(Redirect::to(&format!("/forms/{}", form.id)).into_response())
    }
    .await;
    result.unwrap_or_else(|e| e.respond(state, viewer))
}

pub(super) async fn open(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    set_open(&state, &viewer, &raw, true).await
}

pub(super) async fn close(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    set_open(&state, &viewer, &raw, false).await
}
