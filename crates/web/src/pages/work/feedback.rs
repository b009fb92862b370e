//! How an activity went for the people who came: the totals (small numbers
//! hidden), asking everyone who came, and typing in a paper form. The rules are
//! `coproduce_app::feedback`'s.

#[allow(unused_imports)]
use super::*;
use coproduce_domain::equality::Shown;
use coproduce_domain::feedback::{Agreement, Answers, Statement};

/// One statement's answers: its label, and each answer's label and count in words.
type StatementRows = (&'static str, Vec<(&'static str, String)>);

#[derive(Template)]
#[template(path = "activity_feedback.html")]
pub(super) struct FeedbackPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    activity: coproduce_store::activities::Activity,
    asked: i64,
    answered: i64,
    /// Each statement with its answers: label and count in words.
    totals: Option<Vec<StatementRows>>,
    comments: Vec<String>,
    can_write: bool,
    /// What asking did, in words.
    said: Vec<String>,
}

async fn view(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    errors: Vec<FieldError>,
    said: Vec<String>,
) -> Result<FeedbackPage, PageError> {
    let activity = state.store.activity(id).await?;
    visible_project(state, viewer, activity.project_id).await?;
    let s = coproduce_app::feedback::summary(&state.ctx, &viewer.actor(), id).await?;
    let tr = viewer.tr;
    Ok(FeedbackPage {
        chrome: Chrome::new(state, viewer, "projects"),
        errors,
        asked: s.asked,
        answered: s.answered,
        totals: s.totals.map(|t| {
            t.into_iter()
                .map(|st| {
                    (
                        st.statement.label(),
                        st.rows
                            .into_iter()
                            .map(|(a, shown)| {
                                (
                                    a.label(),
                                    match shown {
                                        Shown::Count(n) => n.to_string(),
                                        Shown::Suppressed => tr.t("staff-hidden"),
                                    },
                                )
                            })
                            .collect(),
                    )
                })
                .collect()
        }),
        comments: s.comments,
        can_write: viewer.can(C::WriteWork),
        said,
        activity,
    })
}

pub(super) async fn feedback_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async { view(&state, &viewer, id_of(&raw)?, vec![], vec![]).await }.await;
    show(&state, &viewer, result)
}

pub(super) async fn ask(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let tr = viewer.tr;
        match coproduce_app::feedback::ask(&state.ctx, &viewer.actor(), id).await {
            Ok(a) => {
                let mut said = vec![tr.tn("staff-feedback-emailed", &[("n", a.emailed as i64)])];
                if !a.to_ask.is_empty() {
                    said.push(tr.t1("staff-feedback-to-ask", "names", a.to_ask.join(", ")));
                }
                if !a.not_contacted.is_empty() {
                    said.push(tr.t1(
                        "staff-feedback-not-contacted",
                        "names",
                        a.not_contacted.join(", "),
                    ));
                }
                Ok(render(
                    StatusCode::OK,
                    &view(&state, &viewer, id, vec![], said).await?,
                ))
            }
            Err(coproduce_app::AppError::Conflict(why)) => {
                let errors = vec![FieldError::worded("ask", why)];
                Ok(render(
                    StatusCode::CONFLICT,
                    &view(&state, &viewer, id, errors, vec![]).await?,
                ))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct PaperForm {
    #[serde(default, rename = "listened-to")]
    listened_to: String,
    #[serde(default, rename = "needs-met")]
    needs_met: String,
    #[serde(default, rename = "know-next")]
    know_next: String,
    #[serde(default)]
    comment: String,
}

fn paper_form(
    state: &AppState,
    viewer: &Viewer,
    a: &coproduce_store::activities::Activity,
    f: &PaperForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let radios = |s: Statement, chosen: &str| {
        Part::Choose(Radios::of::<Agreement>(
            s.slug(),
            s.label(),
            chosen,
            &errors,
            |_| None,
        ))
    };
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/activities/{}/feedback", a.id),
            "staff-back-to-the-feedback".into(),
        )),
        caption: Some(a.title.clone()),
        heading: "staff-record-a-paper-form".into(),
        intro: vec!["staff-record-a-paper-form-intro".into()],
        action: format!("/activities/{}/feedback/paper", a.id),
        parts: vec![
            radios(Statement::ListenedTo, &f.listened_to),
            radios(Statement::NeedsMet, &f.needs_met),
            radios(Statement::KnowNext, &f.know_next),
            Part::Text(
                FormField::new("comment", "staff-feedback-comment", "text")
                    .value(&f.comment)
                    .errors(&errors),
            ),
        ],
        errors,
        button: "staff-record",
    }
}

pub(super) async fn paper_new(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        Ok::<_, PageError>(paper_form(
            &state,
            &viewer,
            &a,
            &PaperForm::default(),
            vec![],
        ))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn paper_save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<PaperForm>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        let saved = match Answers::read(&f.listened_to, &f.needs_met, &f.know_next, &f.comment) {
            Ok(answers) => {
                coproduce_app::feedback::record_paper(&state.ctx, &viewer.actor(), a.id, &answers)
                    .await
            }
            Err(e) => Err(coproduce_app::AppError::Invalid(e)),
        };
        match saved {
            Ok(()) => Ok(Redirect::to(&format!("/activities/{}/feedback", a.id)).into_response()),
            Err(coproduce_app::AppError::Invalid(e)) => {
                let errors = worded(&viewer.tr, e.0, &[]);
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &paper_form(&state, &viewer, &a, &f, errors),
                ))
            }
            Err(coproduce_app::AppError::Conflict(why)) => {
                let errors = vec![FieldError::worded("listened-to", why)];
                Ok(render(
                    StatusCode::CONFLICT,
                    &paper_form(&state, &viewer, &a, &f, errors),
                ))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
