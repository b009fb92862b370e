//! The charters list and a charter's page.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use coproduce_store::PageRequest;
use coproduce_store::charters::CharterRecord;

use super::{Chrome, PageError, render, template_titles};
use crate::AppState;
use crate::auth::Viewer;

#[derive(Template)]
#[template(path = "charters.html")]
struct List {
    chrome: Chrome,
    charters: Vec<CharterRecord>,
    templates: Vec<(String, String)>,
}

pub async fn list(State(state): State<AppState>, viewer: Viewer) -> Response {
    match state
        .store
        .charters(PageRequest::first(PageRequest::MAX_LIMIT))
        .await
    {
        Ok(page) => render(
            StatusCode::OK,
            &List {
                chrome: Chrome::participant(&state, &viewer, "charters"),
                charters: page.items,
                templates: template_titles(),
            },
        ),
        Err(e) => PageError::from(e).respond(&state, &viewer),
    }
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
    record: CharterRecord,
    commitment_summary: String,
    sections: Vec<SectionView>,
    signatories: Vec<SignatoryView>,
}

pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let Ok(id) = raw.parse::<i64>() else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    let result = async {
        let (record, charter) = state.store.charter(id).await?;
        let signatories = state.store.signatories(id).await?;
        Ok::<_, coproduce_store::StoreError>((record, charter, signatories))
    }
    .await;
    let (record, charter, signatories) = match result {
        Ok(r) => r,
        Err(e) => return PageError::from(e).respond(&state, &viewer),
    };
    let commitment_summary = viewer.tr.t2(
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
                    kind: viewer.tr.label(c.kind),
                    rung: c.rung.map(|r| viewer.tr.label(r)),
                    indicator: c.indicator.map(|i| viewer.tr.label(i)),
                })
                .collect(),
        })
        .collect();
    let signatories = signatories
        .into_iter()
        .map(|s| SignatoryView {
            organisation_id: s.organisation_id,
            organisation_name: s.organisation_name,
            status: viewer.tr.label(s.status),
            signed: s.signed_on.is_some(),
            signed_on: s
                .signed_on
                .map(|d| viewer.tr.date(d))
                .unwrap_or_else(|| viewer.tr.t("not-yet")),
        })
        .collect();
    render(
        StatusCode::OK,
        &Page {
            chrome: Chrome::participant(&state, &viewer, "charters"),
            record,
            commitment_summary,
            sections,
            signatories,
        },
    )
}
