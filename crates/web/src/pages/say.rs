//! A project's public feedback form (`/say/{id}`), in English, Polish and Easy
//! Read: one question, answered by anyone, signed in or not, with no script. What
//! was typed is kept through every refusal: a problem with it, a spam check, too
//! many answers from one address, or the form having closed. The rules are
//! `coproduce_app::said_forms`'.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_app::said_forms::{Answered, Shown};
use coproduce_domain::said_form::AnswerDraft;
use coproduce_domain::text::FieldError;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::pages::forms::{HtmlForm, Named, error_of, field_errors, worded};
use crate::pages::{Chrome, PageError, id_of, render, show};

pub fn routes(r: crate::routes::Routes) -> crate::routes::Routes {
    use coproduce_domain::account::Capability as C;
    r.get("/say/{id}", C::ReadPublic, page)
        .post("/say/{id}", C::ReadPublic, send)
        .get("/say/{id}/thanks", C::ReadPublic, thanks)
}

/// The names of the form's fields in its error messages.
const NAMES: &[Named] = &[
    Named::As("said", "say-your-answer"),
    Named::As("website", "say-trap"),
];

/// The question in the reader's words: Easy Read, Polish when there is a Polish
/// version, else English (marked as English on a Polish page).
fn question(tr: &Tr, f: &Shown) -> (String, Option<&'static str>) {
    if tr.easy {
        return (f.question_easy.clone(), None);
    }
    match (tr.lang.code(), &f.question_pl) {
        ("pl", Some(q)) => (q.clone(), None),
        ("pl", None) => (f.question.clone(), Some("en")),
        _ => (f.question.clone(), None),
    }
}

#[derive(Template)]
#[template(path = "say.html")]
struct SayPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    form: Shown,
    question: String,
    /// The language of the question when it is not the page's.
    question_lang: Option<&'static str>,
    said: String,
    said_error: Option<String>,
    trap: String,
    trap_error: Option<String>,
    named: bool,
    /// Why nothing was kept, when it was not for a problem with a field.
    refused: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct Answer {
    #[serde(default)]
    said: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    named: String,
    #[serde(default)]
    shown: String,
}

fn say_page(
    state: &AppState,
    viewer: &Viewer,
    form: Shown,
    a: &Answer,
    errors: Vec<FieldError>,
    refused: Option<String>,
) -> SayPage {
    let chrome = Chrome::participant(state, viewer, "");
    let (question, question_lang) = question(&chrome.tr, &form);
    SayPage {
        question,
        question_lang,
        said: a.said.clone(),
        said_error: error_of(&errors, "said"),
        trap: a.website.clone(),
        trap_error: error_of(&errors, "website"),
        named: a.named == "yes",
        refused,
        errors,
        form,
        chrome,
    }
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let form =
            coproduce_app::said_forms::shown(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        Ok::<_, PageError>(say_page(
            &state,
            &viewer,
            form,
            &Answer::default(),
            vec![],
            None,
        ))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn send(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(a): HtmlForm<Answer>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let actor = viewer.actor();
        let draft = AnswerDraft {
            said: a.said.clone(),
            trap: a.website.clone(),
            named: a.named == "yes",
        };
        let answered =
            coproduce_app::said_forms::answer(&state.ctx, &actor, id, &a.shown, &draft).await;
        // Shown again, whatever happened, with a new time signed into it.
        let again = || coproduce_app::said_forms::shown(&state.ctx, &actor, id);
        let tr = viewer.tr;
        Ok::<_, PageError>(match answered {
            Ok(Answered::Taken { named, .. }) => Redirect::to(&format!(
                "/say/{id}/thanks{}",
                if named { "?named=yes" } else { "" }
            ))
            .into_response(),
            Ok(Answered::Closed) => {
                let page = say_page(&state, &viewer, again().await?, &a, vec![], None);
                render(StatusCode::CONFLICT, &page)
            }
            Ok(Answered::TooMany) => {
                let why = tr.t("say-too-many");
                let page = say_page(&state, &viewer, again().await?, &a, vec![], Some(why));
                render(StatusCode::TOO_MANY_REQUESTS, &page)
            }
            Err(e) => {
                let errors = worded(&tr, field_errors(e)?, NAMES);
                let page = say_page(&state, &viewer, again().await?, &a, errors, None);
                render(StatusCode::UNPROCESSABLE_ENTITY, &page)
            }
        })
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct ThanksQuery {
    #[serde(default)]
    named: String,
}

#[derive(Template)]
#[template(path = "say_thanks.html")]
struct ThanksPage {
    chrome: Chrome,
    form: Shown,
    named: bool,
    /// The public "You said, we did" page of the form's project.
    public_page: String,
}

pub(super) async fn thanks(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(q): Query<ThanksQuery>,
) -> Response {
    let result = async {
        let form =
            coproduce_app::said_forms::shown(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        let public_page = format!(
            "/you-said-we-did/{}?project={}",
            form.organisation_id, form.project_id
        );
        Ok::<_, PageError>(ThanksPage {
            chrome: Chrome::participant(&state, &viewer, ""),
            named: q.named == "yes" && form.may_name,
            public_page,
            form,
        })
    }
    .await;
    show(&state, &viewer, result)
}
