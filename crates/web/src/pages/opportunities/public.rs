//! Opportunities as the people they are for see them, in English, Polish and Easy
//! Read: the public list of open ones (`/open-opportunities`), one with its Easy
//! Read view, and the participant's own page (`/me/opportunities/{id}`), where they
//! say they are interested, see where it stands, or withdraw.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::opportunity::{ApplicationStatus, Standing, WhoMayApply};
use coproduce_domain::text::FieldError;
use coproduce_store::opportunities::{Application, Opportunity};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::pages::forms::FormField;
use crate::pages::{Chrome, PageError, id_of, render, show};

/// What a participant reads about an opportunity, in their words.
pub struct Shown {
    pub id: i64,
    pub title: String,
    pub organisation: String,
    pub expected: String,
    pub involved: String,
    pub time_asked: String,
    pub recognition: String,
    pub recognition_detail: Option<String>,
    pub access_support: String,
    pub closes: String,
    pub places: i64,
    pub who: String,
    pub easy_read: Option<String>,
}

fn shown(tr: &Tr, o: &Opportunity) -> Shown {
    Shown {
        id: o.id,
        title: o.title.clone(),
        organisation: o.organisation_name.clone(),
        expected: o.expected.clone(),
        involved: o.involved.clone(),
        time_asked: o.time_asked.clone(),
        recognition: tr.t(&format!("opportunity-recognition-{}", o.recognition.slug())),
        recognition_detail: o.recognition_detail.clone(),
        access_support: o.access_support.clone(),
        closes: tr.date(o.closes_on),
        places: o.places,
        who: match (o.who_may_apply, &o.network_name) {
            (WhoMayApply::Network, Some(n)) => tr.t1("opportunity-for-members", "network", n),
            (WhoMayApply::Invited, _) => tr.t("opportunity-for-invited"),
            _ => tr.t("opportunity-for-anyone"),
        },
        easy_read: o.easy_read.clone(),
    }
}

#[derive(Template)]
#[template(path = "open_opportunities.html")]
struct ListPage {
    chrome: Chrome,
    items: Vec<Shown>,
}

pub(super) async fn list(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = async {
        let tr = viewer.tr;
        let items = state
            .store
            .listed_opportunities(crate::today(&state.ctx))
            .await?
            .iter()
            .map(|o| shown(&tr, o))
            .collect();
        Ok::<_, PageError>(ListPage {
            chrome: Chrome::participant(&state, &viewer, "opportunities"),
            items,
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// Where the participant stands, when the page is their own.
pub struct Mine {
    /// Their interest in words.
    pub status_words: Option<String>,
    /// Whether they may say they are interested now.
    pub may_apply: bool,
    /// Whether they may withdraw.
    pub may_withdraw: bool,
    pub why: FormField,
}

#[derive(Template)]
#[template(path = "open_opportunity.html")]
struct OpportunityPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    o: Shown,
    /// The Easy Read view: its own words first, the rest in short.
    easy_view: bool,
    /// For the public: whether the viewer has a record to say it from.
    has_record: bool,
    mine: Option<Mine>,
    /// What was just done, in their words.
    said: Option<String>,
}

async fn public_view(state: &AppState, viewer: &Viewer, raw: &str, easy: bool) -> Response {
    let result = async {
        let o = coproduce_app::opportunities::listed(&state.ctx, id_of(raw)?).await?;
        let mut chrome = Chrome::participant(state, viewer, "opportunities");
        if easy {
            chrome.tr = Tr {
                easy: true,
                ..chrome.tr
            };
        }
        Ok::<_, PageError>(OpportunityPage {
            o: shown(&chrome.tr, &o),
            has_record: chrome.has_record,
            chrome,
            errors: vec![],
            easy_view: easy,
            mine: None,
            said: None,
        })
    }
    .await;
    show(state, viewer, result)
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    public_view(&state, &viewer, &raw, false).await
}

pub(super) async fn easy_read(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    public_view(&state, &viewer, &raw, true).await
}

#[derive(Deserialize, Default)]
pub struct ApplyForm {
    #[serde(default)]
    why: String,
}

fn status_words(tr: &Tr, a: &Application) -> String {
    tr.t(&format!("opportunity-status-{}", a.status.slug()))
}

async fn own_view(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    why: &str,
    errors: Vec<FieldError>,
    said: Option<String>,
) -> Result<OpportunityPage, PageError> {
    let (o, mine) = coproduce_app::opportunities::own_view(&state.ctx, &viewer.actor(), id).await?;
    let chrome = Chrome::participant(state, viewer, "me");
    let tr = chrome.tr;
    let open = o.standing(crate::today(&state.ctx)) == Standing::Open;
    let status = mine.as_ref().map(|a| a.status);
    let mine = Mine {
        status_words: mine.as_ref().map(|a| status_words(&tr, a)),
        may_apply: open && matches!(status, None | Some(ApplicationStatus::Withdrawn)),
        may_withdraw: o.decided_at.is_none() && status == Some(ApplicationStatus::Interested),
        why: FormField::new("why", tr.t("opportunity-why"), "text")
            .hint(tr.t("opportunity-why-hint"))
            .value(why)
            .errors(&errors),
    };
    Ok(OpportunityPage {
        o: shown(&tr, &o),
        has_record: true,
        chrome,
        errors,
        easy_view: false,
        mine: Some(mine),
        said,
    })
}

pub(super) async fn own_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async { own_view(&state, &viewer, id_of(&raw)?, "", vec![], None).await }.await;
    show(&state, &viewer, result)
}

pub(super) async fn own_apply(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ApplyForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let tr = viewer.tr;
        match coproduce_app::opportunities::apply_self(
            &state.ctx,
            &viewer.actor(),
            id,
            Some(&f.why),
        )
        .await
        {
            Ok(()) => Ok(render(
                StatusCode::OK,
                &own_view(
                    &state,
                    &viewer,
                    id,
                    "",
                    vec![],
                    Some(tr.t("opportunity-thanks")),
                )
                .await?,
            )),
            Err(coproduce_app::AppError::Conflict(_)) => {
                let errors = vec![FieldError::worded("why", tr.t("opportunity-cannot-now"))];
                match own_view(&state, &viewer, id, &f.why, errors, None).await {
                    Ok(page) => Ok(render(StatusCode::CONFLICT, &page)),
                    // Closed meanwhile, and nothing of theirs to show: say so.
                    Err(PageError::NotFound) => {
                        Err(PageError::Conflict(tr.t("opportunity-cannot-now")))
                    }
                    Err(e) => Err(e),
                }
            }
            Err(coproduce_app::AppError::Invalid(errs)) => {
                let errors = errs
                    .0
                    .into_iter()
                    .map(|e| match &e.problem {
                        Some(p) if e.field == "why" => {
                            FieldError::worded("why", tr.why(p, &tr.t("opportunity-why")))
                        }
                        _ => FieldError::worded("why", tr.t("opportunity-cannot-now")),
                    })
                    .collect();
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &own_view(&state, &viewer, id, &f.why, errors, None).await?,
                ))
            }
            Err(e) => Err(PageError::from(e)),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn own_withdraw(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let Some(person) = viewer.actor().person_id else {
            return Err(PageError::NotFound);
        };
        coproduce_app::opportunities::withdraw(&state.ctx, &viewer.actor(), id, person).await?;
        Ok(Redirect::to(&format!("/me/opportunities/{id}")).into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
