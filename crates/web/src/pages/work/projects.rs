//! Projects: the list, starting and changing one, and its page.

#[allow(unused_imports)]
use super::*;

#[derive(Template)]
#[template(path = "projects.html")]
struct ProjectsPage {
    chrome: Chrome,
    can_write: bool,
    projects: Vec<(i64, String, &'static str, &'static str)>,
    next: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let result = async {
        let page = state
            .store
            .projects(q.page(50), own_records(&viewer)?)
            .await?;
        Ok::<_, PageError>(ProjectsPage {
            chrome: Chrome::new(&state, &viewer, "projects"),
            can_write: viewer.can(C::WriteWork),
            next: page.next_after.map(|a| format!("/projects?after={a}")),
            projects: page
                .items
                .into_iter()
                .map(|p| (p.id, p.title, p.stage.label(), p.level.label()))
                .collect(),
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct ProjectForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    stage: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    scope_and_limits: String,
}

pub(super) async fn project_form(
    state: &AppState,
    viewer: &Viewer,
    f: &ProjectForm,
    errors: Vec<FieldError>,
    editing: Option<i64>,
) -> Result<FormPage, PageError> {
    let mut parts = Vec::new();
    parts
        .extend(super::super::organisation_part(state, viewer, &f.organisation_id, &errors).await?);
    parts.push(Part::Field(
        FormField::new("title", "staff-project-name", "text")
            .value(&f.title)
            .errors(&errors),
    ));
    parts.push(Part::Choose(
        Radios::of::<Stage>(
            "stage",
            "staff-what-stage-is-the-project-at",
            &f.stage,
            &errors,
            |_| None,
        )
        .hint("staff-involving-people-from-the-start-means"),
    ));
    parts.push(Part::Choose(Radios::of::<Level>(
        "level",
        "staff-at-what-level-do-people-take",
        &f.level,
        &errors,
        |_| None,
    )));
    parts.push(Part::Text(
        FormField::new("scope_and_limits", "staff-scope-and-limits", "text")
            .hint("staff-say-what-people-can-change-and")
            .value(&f.scope_and_limits)
            .errors(&errors),
    ));
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        errors,
        back: Some(match editing {
            Some(id) => (
                format!("/projects/{id}"),
                "staff-back-to-the-project".into(),
            ),
            None => ("/projects".into(), "staff-projects".into()),
        }),
        caption: None,
        heading: if editing.is_some() {
            "staff-change-the-project".into()
        } else {
            "staff-start-a-project".into()
        },
        intro: vec![],
        action: match editing {
            Some(id) => format!("/projects/{id}"),
            None => "/projects".into(),
        },
        parts,
        button: if editing.is_some() {
            "staff-save-changes"
        } else {
            "staff-start-the-project"
        },
    }
    .ordered())
}

pub(super) async fn new_project(State(state): State<AppState>, viewer: Viewer) -> Response {
    match project_form(&state, &viewer, &ProjectForm::default(), vec![], None).await {
        Ok(p) => render(StatusCode::OK, &p),
        Err(e) => e.respond(&state, &viewer),
    }
}

/// The project a form describes, checked by the API's rules; the organisation is the
/// viewer's own unless they see every organisation.
pub(super) fn project_body(viewer: &Viewer, f: &ProjectForm) -> ProjectBody {
    let organisation_id = super::super::chosen_organisation(viewer, &f.organisation_id);
    ProjectBody {
        organisation_id,
        title: f.title.clone(),
        stage: f.stage.clone(),
        level: f.level.clone(),
        scope_and_limits: Some(f.scope_and_limits.clone()),
    }
}

pub(super) async fn save_project(
    state: &AppState,
    viewer: &Viewer,
    f: ProjectForm,
    editing: Option<i64>,
) -> Result<Response, PageError> {
    if let Some(id) = editing {
        visible_project(state, viewer, id).await?;
    }
    let actor = viewer.actor();
    let saved = match project_body(viewer, &f).check() {
        Ok(fields) => match editing {
            Some(id) => coproduce_app::work::update_project(&state.ctx, &actor, id, &fields).await,
            None => coproduce_app::work::create_project(&state.ctx, &actor, &fields).await,
        }
        .map_err(crate::ApiError::from),
        Err(e) => Err(e),
    };
    match saved {
        Ok(project) => Ok(Redirect::to(&format!("/projects/{}", project.id)).into_response()),
        Err(e) => {
            let errors = worded(&viewer.tr, field_errors(e)?, NAMES);
            let page = project_form(state, viewer, &f, errors, editing).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

pub(super) async fn create_project(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<ProjectForm>,
) -> Response {
    save_project(&state, &viewer, f, None)
        .await
        .unwrap_or_else(|e| e.respond(&state, &viewer))
}

pub(super) async fn update_project(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ProjectForm>,
) -> Response {
    let result = async { save_project(&state, &viewer, f, Some(id_of(&raw)?)).await }.await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

pub(super) async fn edit_project(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let p = visible_project(&state, &viewer, id_of(&raw)?).await?;
        let f = ProjectForm {
            organisation_id: p.organisation_id.to_string(),
            title: p.title,
            stage: p.stage.slug().into(),
            level: p.level.slug().into(),
            scope_and_limits: p.scope_and_limits.unwrap_or_default(),
        };
        project_form(&state, &viewer, &f, vec![], Some(p.id)).await
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Template)]
#[template(path = "project.html")]
struct ProjectPage {
    chrome: Chrome,
    project: Project,
    stage: &'static str,
    level: &'static str,
    can_write: bool,
    activities: Vec<(i64, String, String, &'static str)>,
}

pub(super) async fn project_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let project = visible_project(&state, &viewer, id_of(&raw)?).await?;
        let activities = state
            .store
            .activities(
                PageRequest::first(PageRequest::MAX_LIMIT),
                Within::Parent(project.id),
            )
            .await?
            .items
            .into_iter()
            .map(|a| (a.id, a.title, time::show(a.starts_at), a.rung.label()))
            .collect();
        Ok::<_, PageError>(ProjectPage {
            chrome: Chrome::new(&state, &viewer, "projects"),
            stage: project.stage.label(),
            level: project.level.label(),
            can_write: viewer.can(C::WriteWork),
            project,
            activities,
        })
    }
    .await;
    show(&state, &viewer, result)
}
