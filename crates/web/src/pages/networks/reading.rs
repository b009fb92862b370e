//! Reading a version of a network's charter or code of conduct as it was adopted:
//! for staff (`/documents/{id}`), and for a member, who reads the version they are
//! asked to sign and signs it (`/me/documents/{id}`), in Easy Read where that is
//! their need or their choice.
//!
//! Whether a member may sign, and the signing itself, are decided in
//! `coproduce_app::networks`; this module only shows the words and the form.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_app::AppError;
use coproduce_domain::needs::Need;
use coproduce_domain::text::FieldError;
use coproduce_store::networks::NetworkDocument;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Viewer;
use crate::pages::forms::{Checkboxes, Choice, HtmlForm};
use crate::pages::{Chrome, PageError, render};

/// A piece of a document's words: a paragraph, or a list (lines starting "- ").
pub enum Block {
    Para(String),
    List(Vec<String>),
}

/// Splits a document's words into paragraphs at blank lines; a paragraph whose lines
/// all start with "- " or "* " is a list. A heading line before a list stays a
/// paragraph of its own.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for para in text.replace("\r\n", "\n").split("\n\n") {
        let lines: Vec<&str> = para
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let item = |l: &str| {
            l.strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .map(str::to_string)
        };
        let mut words = Vec::new();
        let mut list = Vec::new();
        for line in lines {
            match item(line) {
                Some(i) => {
                    if !words.is_empty() {
                        out.push(Block::Para(words.join(" ")));
                        words.clear();
                    }
                    list.push(i);
                }
                None => {
                    if !list.is_empty() {
                        out.push(Block::List(std::mem::take(&mut list)));
                    }
                    words.push(line.to_string());
                }
            }
        }
        if !words.is_empty() {
            out.push(Block::Para(words.join(" ")));
        }
        if !list.is_empty() {
            out.push(Block::List(list));
        }
    }
    out
}

#[derive(Template)]
#[template(path = "document.html")]
pub struct DocumentPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    /// Where "back" goes, and its words (a message key).
    back: (String, &'static str),
    title: String,
    /// "Code of conduct, version 2, adopted on 1 April 2026", in the reader's words.
    about: String,
    /// A charter's own page, for staff.
    charter_id: Option<i64>,
    easy: bool,
    blocks: Vec<Block>,
    /// The other version (full or Easy Read), when there is one: address and words.
    other: Option<(String, &'static str)>,
    /// For a member: when they signed it, if they have.
    signed: Option<String>,
    /// For a member who is to sign it: the form.
    sign: Option<(String, Checkboxes)>,
    /// For a member whose version has been replaced by a newer one.
    replaced: bool,
}

#[derive(Deserialize, Default)]
pub struct VersionQuery {
    #[serde(default)]
    version: String,
}

/// The words to show: Easy Read when asked for, or when the reader wants it and
/// did not ask for the full version; with the link to the other.
fn choose<'a>(
    d: &'a NetworkDocument,
    wants_easy: bool,
    asked: &str,
    base: &str,
    keys: (&'static str, &'static str),
) -> (bool, &'a str, Option<(String, &'static str)>) {
    match &d.easy_read {
        Some(easy) if asked == "easy" || (wants_easy && asked != "full") => {
            (true, easy, Some((format!("{base}?version=full"), keys.0)))
        }
        Some(_) => (
            false,
            &d.body,
            Some((format!("{base}?version=easy"), keys.1)),
        ),
        None => (false, &d.body, None),
    }
}

fn about(viewer: &Viewer, d: &NetworkDocument) -> String {
    let tr = &viewer.tr;
    tr.t2(
        "document-about",
        ("version", d.version.clone()),
        ("date", tr.date(d.adopted_on)),
    )
}

/// A version of a document of a network the viewer may see, for staff.
pub(super) async fn staff_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(q): Query<VersionQuery>,
) -> Response {
    let result = async {
        let id = crate::pages::id_of(&raw)?;
        let d = state.store.document(id).await?;
        super::visible_network(&state, &viewer, &d.network_id.to_string()).await?;
        let base = format!("/documents/{}", d.id);
        let (easy, text, other) = choose(
            &d,
            false,
            &q.version,
            &base,
            ("document-read-full", "document-read-easy"),
        );
        Ok(DocumentPage {
            chrome: Chrome::new(&state, &viewer, "networks"),
            errors: vec![],
            back: (
                format!("/networks/{}#documents", d.network_id),
                "staff-back-to-the-network",
            ),
            about: about(&viewer, &d),
            charter_id: d.charter_id,
            easy,
            blocks: blocks(text),
            other,
            signed: None,
            sign: None,
            replaced: false,
            title: d.title.clone(),
        })
    }
    .await;
    crate::pages::show(&state, &viewer, result)
}

/// What the member's sign form sends.
#[derive(Deserialize, Default)]
pub struct SignForm {
    #[serde(default)]
    agree: Vec<String>,
}

async fn member_page(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
    version: &str,
    errors: Vec<FieldError>,
) -> Result<DocumentPage, PageError> {
    let id = crate::pages::id_of(raw)?;
    let actor = viewer.actor();
    let (d, membership) = coproduce_app::networks::own_document(&state.ctx, &actor, id).await?;
    let person = coproduce_app::people::own(&state.ctx, &actor).await?;
    // Easy Read when it is their recorded need, or the way they chose to read.
    let needs_easy = viewer.tr.easy
        || state
            .store
            .needs_of(person.id)
            .await?
            .iter()
            .any(|n| n.need == Need::EasyRead);
    let base = format!("/me/documents/{}", d.id);
    let (easy, text, other) = choose(
        &d,
        needs_easy,
        version,
        &base,
        ("me-document-read-full", "me-document-read-easy"),
    );
    let all = state.store.documents(d.network_id).await?;
    let current = coproduce_store::networks::current_documents(&all)
        .iter()
        .any(|c| c.id == d.id);
    let signed = match &membership {
        Some(m) => state
            .store
            .signatures_of(m.id)
            .await?
            .into_iter()
            .find(|s| s.document.id == d.id)
            .map(|s| {
                viewer
                    .tr
                    .t1("me-document-signed-on", "date", viewer.tr.date(s.signed_on))
            }),
        None => None,
    };
    let sign = (membership.is_some() && current && signed.is_none()).then(|| {
        (
            format!("/me/documents/{}/sign", d.id),
            Checkboxes {
                id: "agree",
                legend: "me-document-agree-legend",
                hint: None,
                options: vec![Choice {
                    value: "yes".into(),
                    label: viewer.tr.t("me-document-agree"),
                    hint: None,
                }],
                checked: vec![],
                error: crate::pages::forms::error_of(&errors, "agree"),
            },
        )
    });
    Ok(DocumentPage {
        chrome: Chrome::participant(state, viewer, "me"),
        errors,
        back: ("/me#networks".into(), "me-back"),
        about: about(viewer, &d),
        charter_id: None,
        easy,
        blocks: blocks(text),
        other,
        replaced: !current && signed.is_none(),
        signed,
        sign,
        title: d.title.clone(),
    })
}

/// A version of a document of a network the person signed in belongs to.
pub async fn my_document(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(q): Query<VersionQuery>,
) -> Response {
    let result = member_page(&state, &viewer, &raw, &q.version, vec![]).await;
    crate::pages::show(&state, &viewer, result)
}

/// The person signed in signs the version they read.
pub async fn sign_my_document(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<SignForm>,
) -> Response {
    let result = async {
        let id = crate::pages::id_of(&raw)?;
        if !f.agree.iter().any(|a| a == "yes") {
            let errors = vec![FieldError::worded("agree", viewer.tr.t("me-document-tick"))];
            let page = member_page(&state, &viewer, &raw, "", errors).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
        match coproduce_app::networks::sign_own(&state.ctx, &viewer.actor(), id).await {
            Ok(()) | Err(AppError::Conflict(_)) => {
                // Signed now, or signed before, or replaced meanwhile: the page says which.
                Ok(Redirect::to(&format!("/me/documents/{id}")).into_response())
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_paragraphs_and_lists() {
        let b =
            blocks("We promise:\n- to listen\n- to pay\n\nSecond  paragraph\nwraps here.\r\n\r\n");
        assert!(matches!(&b[0], Block::Para(p) if p == "We promise:"));
        assert!(matches!(&b[1], Block::List(l) if l == &["to listen", "to pay"]));
        assert!(matches!(&b[2], Block::Para(p) if p == "Second  paragraph wraps here."));
        assert_eq!(b.len(), 3);
    }
}
