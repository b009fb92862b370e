//! Answering an invitation: by the reply link in the email or letter, without
//! signing in (`/reply/{token}`), or from one's own record (`/me/invitations/{id}`).
//! Both show what the person needs to know (when, where, how to join once they have
//! a place) in their language and in Easy Read, and take the answer, which they can
//! change until the activity ends.
//!
//! Whether an answer can be given, and what it does to the places and the waiting
//! list, are decided in `coproduce_app::invitations`; this module shows and asks.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use coproduce_app::AppError;
use coproduce_app::invitations::{self, Meeting};
use coproduce_domain::Vocabulary;
use coproduce_domain::invitation::{Closed, Place, Reply};
use coproduce_domain::text::FieldError;
use coproduce_store::invitations::Invitation;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Viewer;
use crate::pages::forms::{Choice, Radios, error_of};
use crate::pages::{Chrome, PageError, render};

#[derive(Template)]
#[template(path = "reply.html")]
pub struct ReplyPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    organisation: String,
    title: String,
    /// Label key and value.
    details: Vec<(&'static str, String)>,
    /// What their place is, in words, when they are waiting.
    waiting: bool,
    /// Why they cannot answer now, in their words.
    closed: Option<String>,
    /// Where the answer is sent.
    action: String,
    reply: Radios,
    /// Their answer so far, in words.
    answered: Option<String>,
    /// The meeting's ground rules, a line each.
    ground_rules: Vec<String>,
    /// The papers they may read, their own format first: title, format, address,
    /// and whether it is in the format they need.
    papers: Vec<(String, String, String, bool)>,
}

/// The words for an answer, in the reader's language.
pub(super) fn reply_words(tr: &crate::i18n::Tr, r: Reply) -> String {
    tr.t(match r {
        Reply::Coming => "reply-coming",
        Reply::NotComing => "reply-not-coming",
        Reply::Maybe => "reply-maybe",
    })
}

async fn reply_page(
    state: &AppState,
    viewer: &Viewer,
    invitation: &Invitation,
    action: String,
    selected: &str,
    errors: Vec<FieldError>,
) -> Result<ReplyPage, PageError> {
    let tr = viewer.tr;
    let activity = state.store.activity(invitation.activity_id).await?;
    let closed = invitations::closed_now(&activity, state.ctx.now()).map(|c| {
        tr.t(match c {
            Closed::Cancelled => "reply-closed-cancelled",
            Closed::Over | Closed::Draft => "reply-closed-over",
        })
    });
    let meeting = Meeting::of(&state.ctx, activity).await?;
    let theirs = coproduce_app::papers::format_for(&state.ctx, invitation.person_id).await?;
    let papers = coproduce_app::papers::for_invitation(&state.ctx, invitation, Some(theirs))
        .await?
        .into_iter()
        .map(|p| {
            (
                p.title,
                tr.t(&format!("paper-format-{}", p.format.slug())),
                format!("{action}/papers/{}", p.id),
                p.format == theirs && theirs != coproduce_domain::papers::PaperFormat::Standard,
            )
        })
        .collect();
    let waiting = invitation.place == Place::Waiting;
    let mut details = vec![("reply-when", meeting.when(&tr))];
    if let Some(place) = meeting.place() {
        details.push(("reply-where", place));
    }
    // The joining link is for those with a place, while it can still be used.
    if !waiting
        && closed.is_none()
        && let Some(link) = &meeting.activity.joining_link
    {
        details.push(("reply-join", link.clone()));
    }
    let options = Reply::ALL
        .iter()
        .map(|r| Choice {
            value: coproduce_domain::Vocabulary::slug(*r).to_string(),
            label: reply_words(&tr, *r),
            hint: None,
        })
        .collect();
    Ok(ReplyPage {
        chrome: Chrome::participant(state, viewer, "me"),
        organisation: meeting.organisation.clone(),
        title: meeting.activity.title.clone(),
        details,
        waiting,
        closed,
        action,
        reply: Radios {
            id: "reply",
            legend: "reply-can-you-come",
            hint: None,
            options,
            selected: selected.to_string(),
            error: error_of(&errors, "reply"),
        },
        answered: invitation.reply().map(|r| reply_words(&tr, r)),
        ground_rules: meeting
            .activity
            .ground_rules
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(|l| l.trim().trim_start_matches("- ").to_string())
            .filter(|l| !l.is_empty())
            .collect(),
        papers,
        errors,
    })
}

#[derive(Deserialize, Default)]
pub struct ReplyForm {
    #[serde(default)]
    reply: String,
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

/// Takes an answer: refused on the form when none is chosen; a closed activity is
/// explained; otherwise recorded by `record`, and thanked for.
async fn answer(
    state: &AppState,
    viewer: &Viewer,
    invitation: Invitation,
    action: String,
    f: ReplyForm,
    again: Option<(String, String)>,
    record: impl AsyncFnOnce(Reply) -> Result<Invitation, AppError>,
) -> Result<Response, PageError> {
    let tr = viewer.tr;
    let Ok(reply) = Reply::parse(f.reply.trim()) else {
        let errors = vec![FieldError::worded("reply", tr.t("reply-choose"))];
        let page = reply_page(state, viewer, &invitation, action, &f.reply, errors).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    match record(reply).await {
        Ok(done) => {
            let mut paragraphs =
                vec![tr.t1("reply-thanks-answer", "answer", reply_words(&tr, reply))];
            if done.place == Place::Waiting && reply != Reply::NotComing {
                paragraphs.push(tr.t("reply-thanks-waiting"));
            }
            paragraphs.push(tr.t("reply-thanks-change"));
            Ok(render(
                StatusCode::OK,
                &ThanksPage {
                    chrome: Chrome::participant(state, viewer, "me"),
                    heading: tr.t("reply-thanks"),
                    paragraphs,
                    secret: None,
                    link: again,
                },
            ))
        }
        // Closed meanwhile: the page says why, with their answer not taken.
        Err(AppError::Conflict(_)) => {
            let page = reply_page(state, viewer, &invitation, action, &f.reply, vec![]).await?;
            Ok(render(StatusCode::CONFLICT, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// The invitation a reply link belongs to: a link that is not one answers "not
/// found".
async fn by_link(state: &AppState, token: &str) -> Result<Invitation, PageError> {
    Ok(invitations::invitation_by_link(&state.ctx, token).await?)
}

pub async fn reply_by_link_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Response {
    let result = async {
        let i = by_link(&state, &token).await?;
        let selected = i
            .reply()
            .map(coproduce_domain::Vocabulary::slug)
            .unwrap_or_default();
        reply_page(
            &state,
            &viewer,
            &i,
            format!("/reply/{token}"),
            selected,
            vec![],
        )
        .await
    }
    .await;
    crate::pages::show(&state, &viewer, result)
}

pub async fn reply_by_link(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(f): Form<ReplyForm>,
) -> Response {
    let result = async {
        let i = by_link(&state, &token).await?;
        let actor = viewer.actor();
        let action = format!("/reply/{token}");
        let again = Some((action.clone(), viewer.tr.t("reply-see-again")));
        answer(&state, &viewer, i, action, f, again, async |r| {
            invitations::reply_by_link(&state.ctx, &actor, &token, r).await
        })
        .await
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// One's own invitation, or "not found".
async fn own(state: &AppState, viewer: &Viewer, raw: &str) -> Result<Invitation, PageError> {
    let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
    Ok(invitations::own_invitation(&state.ctx, &viewer.actor(), id).await?)
}

pub async fn my_invitation(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let i = own(&state, &viewer, &raw).await?;
        let selected = i
            .reply()
            .map(coproduce_domain::Vocabulary::slug)
            .unwrap_or_default();
        reply_page(
            &state,
            &viewer,
            &i,
            format!("/me/invitations/{}", i.id),
            selected,
            vec![],
        )
        .await
    }
    .await;
    crate::pages::show(&state, &viewer, result)
}

pub async fn answer_my_invitation(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ReplyForm>,
) -> Response {
    let result = async {
        let i = own(&state, &viewer, &raw).await?;
        let id = i.id;
        let actor = viewer.actor();
        let again = Some((
            "/me#invitations".to_string(),
            viewer.tr.t("reply-back-to-record"),
        ));
        answer(
            &state,
            &viewer,
            i,
            format!("/me/invitations/{id}"),
            f,
            again,
            async |r| invitations::reply_own(&state.ctx, &actor, id, r).await,
        )
        .await
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// A paper of the meeting a reply link is for, while its person holds a place.
pub async fn paper_by_link(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((token, paper)): Path<(String, String)>,
) -> Response {
    let result = async {
        let i = by_link(&state, &token).await?;
        let paper = paper.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let (p, bytes) =
            coproduce_app::papers::content_for_invitation(&state.ctx, &i, paper).await?;
        Ok::<_, PageError>(crate::pages::work::file_response(&p, bytes))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// A paper of the meeting of one's own invitation, while one holds a place.
pub async fn my_paper(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, paper)): Path<(String, String)>,
) -> Response {
    let result = async {
        let i = own(&state, &viewer, &raw).await?;
        let paper = paper.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let (p, bytes) =
            coproduce_app::papers::content_for_invitation(&state.ctx, &i, paper).await?;
        Ok::<_, PageError>(crate::pages::work::file_response(&p, bytes))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
