//! Closing a meeting: the sign-in sheet to print, and the closing notes written
//! once it has started. Who came, and for how long, is recorded on the activity's
//! page (`register`). The rules are `coproduce_app::work::close_activity`'s.

#[allow(unused_imports)]
use super::*;

#[derive(Template)]
#[template(path = "sign_in_sheet.html")]
pub(super) struct SignInSheet {
    chrome: Chrome,
    activity: coproduce_store::activities::Activity,
    when: String,
    /// Everyone with a place who has not said no, and anyone already recorded.
    names: Vec<String>,
    /// Empty rows for people who come without being on the list.
    blank: usize,
}

/// A sign-in sheet to print: those expected, and rows for others.
pub(super) async fn sign_in_sheet(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        let mut names: Vec<String> = state
            .store
            .invitations(a.id)
            .await?
            .into_iter()
            .filter(|i| i.holds_place())
            .map(|i| i.person_name)
            .collect();
        for r in state.store.attendance(a.id).await? {
            if r.status != coproduce_domain::person::AttendanceStatus::Absent
                && !names.contains(&r.person_name)
            {
                names.push(r.person_name);
            }
        }
        names.sort();
        Ok::<_, PageError>(SignInSheet {
            chrome: Chrome::new(&state, &viewer, "projects"),
            when: format!(
                "{} to {}",
                time::show(a.starts_at),
                time::show_time(a.ends_at)
            ),
            activity: a,
            names,
            blank: 8,
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct CloseForm {
    #[serde(default)]
    notes: String,
}

fn close_page(
    state: &AppState,
    viewer: &Viewer,
    a: &coproduce_store::activities::Activity,
    notes: &str,
    errors: Vec<FieldError>,
) -> FormPage {
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/activities/{}", a.id),
            "staff-back-to-the-activity".into(),
        )),
        caption: Some(a.title.clone()),
        heading: "staff-closing-notes".into(),
        intro: vec!["staff-closing-intro".into()],
        action: format!("/activities/{}/close", a.id),
        parts: vec![Part::Text(
            FormField::new("notes", "staff-closing-notes-label", "text")
                .hint("staff-closing-notes-hint")
                .value(notes)
                .errors(&errors),
        )],
        errors,
        button: "staff-save-the-notes",
    }
}

pub(super) async fn close_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        let notes = a.closing_notes.clone().unwrap_or_default();
        Ok::<_, PageError>(close_page(&state, &viewer, &a, &notes, vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn close(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<CloseForm>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        match coproduce_app::work::close_activity(&state.ctx, &viewer.actor(), a.id, &f.notes).await
        {
            Ok(_) => Ok(Redirect::to(&format!("/activities/{}", a.id)).into_response()),
            Err(coproduce_app::AppError::Invalid(e)) => {
                let errors = worded(
                    &viewer.tr,
                    e.0,
                    &[Named::As("notes", "staff-closing-notes-label")],
                );
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &close_page(&state, &viewer, &a, &f.notes, errors),
                ))
            }
            // Not started yet: said on the form, with the notes kept.
            Err(coproduce_app::AppError::Conflict(why)) => Ok(render(
                StatusCode::CONFLICT,
                &close_page(
                    &state,
                    &viewer,
                    &a,
                    &f.notes,
                    vec![FieldError::worded("notes", why)],
                ),
            )),
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
