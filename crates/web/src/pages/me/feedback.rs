//! Telling the organiser how an activity went: by the link in the email, without
//! signing in (`/feedback/{token}`), or from one's own record
//! (`/me/feedback/{key}`), named or anonymous. The rules are
//! `coproduce_app::feedback`'s.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use coproduce_app::AppError;
use coproduce_app::feedback;
use coproduce_domain::Vocabulary;
use coproduce_domain::feedback::{Agreement, Answers, Statement};
use coproduce_domain::text::FieldError;
use coproduce_store::activities::Activity;
use coproduce_store::feedback::FeedbackRequest;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Viewer;
use crate::pages::forms::{Choice, FormField, Radios, error_of};
use crate::pages::{Chrome, PageError, render};

#[derive(Template)]
#[template(path = "feedback_form.html")]
pub struct FeedbackPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    title: String,
    when: String,
    action: String,
    questions: Vec<Radios>,
    comment: FormField,
    anonymous: bool,
    /// Why it cannot be answered now, in their words.
    closed: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct FeedbackForm {
    #[serde(default, rename = "listened-to")]
    listened_to: String,
    #[serde(default, rename = "needs-met")]
    needs_met: String,
    #[serde(default, rename = "know-next")]
    know_next: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    anonymous: String,
}

impl FeedbackForm {
    fn chosen(&self, s: Statement) -> &str {
        match s {
            Statement::ListenedTo => &self.listened_to,
            Statement::NeedsMet => &self.needs_met,
            Statement::KnowNext => &self.know_next,
        }
    }
}

fn page(
    state: &AppState,
    viewer: &Viewer,
    request: &FeedbackRequest,
    activity: &Activity,
    action: String,
    f: &FeedbackForm,
    errors: Vec<FieldError>,
) -> FeedbackPage {
    let tr = viewer.tr;
    let questions = Statement::ALL
        .iter()
        .map(|s| Radios {
            id: s.slug(),
            legend: match s {
                Statement::ListenedTo => "feedback-q-listened-to",
                Statement::NeedsMet => "feedback-q-needs-met",
                Statement::KnowNext => "feedback-q-know-next",
            },
            hint: None,
            options: Agreement::ALL
                .iter()
                .map(|a| Choice {
                    value: a.slug().into(),
                    label: format!("feedback-a-{}", a.slug()),
                    hint: None,
                })
                .collect(),
            selected: f.chosen(*s).to_string(),
            error: error_of(&errors, s.slug()),
        })
        .collect();
    FeedbackPage {
        chrome: Chrome::participant(state, viewer, "me"),
        title: activity.title.clone(),
        when: tr.date_time(activity.starts_at),
        action,
        questions,
        comment: FormField::new("comment", "feedback-comment", "text")
            .hint("feedback-comment-hint")
            .value(&f.comment)
            .errors(&errors),
        anonymous: f.anonymous == "yes",
        closed: request
            .answered_at
            .map(|_| tr.t("feedback-already-answered")),
        errors,
    }
}

#[derive(Template)]
#[template(path = "message.html")]
struct ThanksPage {
    chrome: Chrome,
    heading: String,
    paragraphs: Vec<String>,
    secret: Option<String>,
    link: Option<(String, String)>,
}

async fn take(
    state: &AppState,
    viewer: &Viewer,
    request: FeedbackRequest,
    activity: Activity,
    action: String,
    f: FeedbackForm,
) -> Result<Response, PageError> {
    let tr = viewer.tr;
    let answers = match Answers::read(&f.listened_to, &f.needs_met, &f.know_next, &f.comment) {
        Ok(a) => a,
        Err(e) => {
            let errors = crate::pages::forms::worded(&tr, e.0, &[]);
            let p = page(state, viewer, &request, &activity, action, &f, errors);
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p));
        }
    };
    match feedback::answer(&state.ctx, &request, &answers, f.anonymous == "yes").await {
        Ok(()) => Ok(render(
            StatusCode::OK,
            &ThanksPage {
                chrome: Chrome::participant(state, viewer, "me"),
                heading: tr.t("feedback-thanks"),
                paragraphs: vec![tr.t("feedback-thanks-more")],
                secret: None,
                link: None,
            },
        )),
        Err(AppError::Conflict(_)) => {
            let request = FeedbackRequest {
                answered_at: Some(state.ctx.now()),
                ..request
            };
            let p = page(state, viewer, &request, &activity, action, &f, vec![]);
            Ok(render(StatusCode::CONFLICT, &p))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn by_link_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Response {
    let result = async {
        let (r, a) = feedback::request_by_link(&state.ctx, &token).await?;
        let action = format!("/feedback/{token}");
        Ok::<_, PageError>(page(
            &state,
            &viewer,
            &r,
            &a,
            action,
            &FeedbackForm::default(),
            vec![],
        ))
    }
    .await;
    crate::pages::show(&state, &viewer, result)
}

pub async fn by_link(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(f): Form<FeedbackForm>,
) -> Response {
    let result = async {
        let (r, a) = feedback::request_by_link(&state.ctx, &token).await?;
        take(&state, &viewer, r, a, format!("/feedback/{token}"), f).await
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub async fn own_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let (r, a) = feedback::own_request(&state.ctx, &viewer.actor(), id).await?;
        let action = format!("/me/feedback/{id}");
        Ok::<_, PageError>(page(
            &state,
            &viewer,
            &r,
            &a,
            action,
            &FeedbackForm::default(),
            vec![],
        ))
    }
    .await;
    crate::pages::show(&state, &viewer, result)
}

pub async fn own(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<FeedbackForm>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let (r, a) = feedback::own_request(&state.ctx, &viewer.actor(), id).await?;
        take(&state, &viewer, r, a, format!("/me/feedback/{id}"), f).await
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
