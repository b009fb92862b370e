//! Removing a training session or a completion entered by mistake: a page that asks
//! first, then the removal through the application layer, which audits it.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use crate::AppState;
use crate::auth::Viewer;
use crate::pages::{Chrome, PageError, show};

/// The page that asks before a session or a completion is removed.
fn confirm_removal(
    state: &AppState,
    viewer: &Viewer,
    heading: String,
    paragraphs: Vec<String>,
    action: String,
    button: &str,
) -> crate::pages::recovery::SimpleForm {
    crate::pages::recovery::SimpleForm {
        chrome: Chrome::new(state, viewer, "training"),
        errors: vec![],
        heading,
        paragraphs,
        action,
        fields: vec![],
        button: viewer.tr.t(button),
    }
}

pub(super) async fn ask_session(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let s = state
            .store
            .training_session(crate::pages::id_of(&raw)?)
            .await?;
        let tr = viewer.tr;
        Ok::<_, PageError>(confirm_removal(
            &state,
            &viewer,
            tr.t1("staff-remove-session-heading", "date", tr.date(s.held_on)),
            vec![
                format!("{}: {}, {}", s.course_title, s.place, tr.date(s.held_on)),
                tr.t("staff-remove-session-keeps"),
            ],
            format!("/sessions/{}/remove", s.id),
            "staff-remove-the-session",
        ))
    }
    .await;
    show(&state, &viewer, result)
}

/// Runs a removal on the record the address names, then goes where it says.
async fn removed(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
    remove: impl AsyncFnOnce(i64) -> Result<String, coproduce_app::AppError>,
) -> Response {
    let result = async {
        let to = remove(crate::pages::id_of(raw)?).await?;
        Ok::<_, PageError>(Redirect::to(&to).into_response())
    }
    .await;
    result.unwrap_or_else(|e| e.respond(state, viewer))
}

pub(super) async fn session(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let actor = viewer.actor();
    removed(&state, &viewer, &raw, async |id| {
        let course = coproduce_app::networks::remove_session(&state.ctx, &actor, id).await?;
        Ok(format!("/training/{course}"))
    })
    .await
}

pub(super) async fn ask_completion(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let c = state.store.completion(crate::pages::id_of(&raw)?).await?;
        let tr = viewer.tr;
        Ok::<_, PageError>(confirm_removal(
            &state,
            &viewer,
            tr.t2(
                "staff-remove-completion-heading",
                ("name", &c.person_name),
                ("course", &c.course_title),
            ),
            vec![
                tr.t1("staff-completed-on", "date", tr.date(c.completed_on)),
                tr.t("staff-remove-completion-only"),
            ],
            format!("/completions/{}/remove", c.id),
            "staff-remove-the-completion",
        ))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn completion(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let actor = viewer.actor();
    removed(&state, &viewer, &raw, async |id| {
        let person = coproduce_app::networks::remove_completion(&state.ctx, &actor, id).await?;
        Ok(format!("/people/{person}#training"))
    })
    .await
}
