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
    #[serde(default)]
    cannot_change: String,
    #[serde(default)]
    target_rung: String,
    /// In pounds, as typed.
    #[serde(default)]
    budget: String,
    #[serde(default)]
    lead_account_id: String,
    #[serde(default, rename = "stage_began_on-day")]
    began_day: String,
    #[serde(default, rename = "stage_began_on-month")]
    began_month: String,
    #[serde(default, rename = "stage_began_on-year")]
    began_year: String,
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
    if editing.is_some() {
        let mut began = DateField::typed(
            "stage_began_on",
            "staff-stage-began-on",
            "staff-stage-began-on-hint",
            &f.began_day,
            &f.began_month,
            &f.began_year,
        );
        began.error = error_of(&errors, "stage_began_on-day");
        parts.push(Part::Date(began));
    }
    parts.push(Part::Text(
        FormField::new("scope_and_limits", "staff-scope-and-limits", "text")
            .hint("staff-say-what-people-can-change-and")
            .value(&f.scope_and_limits)
            .errors(&errors),
    ));
    parts.push(Part::Text(
        FormField::new("cannot_change", "staff-cannot-change", "text")
            .hint("staff-cannot-change-hint")
            .value(&f.cannot_change)
            .errors(&errors),
    ));
    parts.push(Part::Pick(Select {
        id: "target_rung",
        label: "staff-target-rung".into(),
        options: crate::pages::forms::after_none(
            viewer.tr.t("staff-not-set"),
            Rung::ALL
                .iter()
                .map(|r| Choice {
                    value: r.slug().into(),
                    label: r.label().into(),
                    hint: None,
                })
                .collect(),
        ),
        selected: f.target_rung.clone(),
        error: error_of(&errors, "target_rung"),
    }));
    parts.push(Part::Field(
        FormField::new("budget", "staff-budget", "text")
            .hint("staff-budget-hint")
            .value(&f.budget)
            .errors(&errors),
    ));
    let organisation = viewer
        .account()
        .filter(|a| !a.role.sees_every_organisation())
        .and_then(|a| a.organisation_id);
    parts.push(Part::Pick(Select {
        id: "lead_account_id",
        label: "staff-project-lead".into(),
        options: crate::pages::forms::after_none(
            viewer.tr.t("staff-not-set"),
            state
                .store
                .staff_choices(organisation)
                .await?
                .into_iter()
                .map(|(id, name, org)| Choice {
                    value: id.to_string(),
                    label: if organisation.is_some() {
                        name
                    } else {
                        format!("{name} ({org})")
                    },
                    hint: None,
                })
                .collect(),
        ),
        selected: f.lead_account_id.clone(),
        error: error_of(&errors, "lead_account_id"),
    }));
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
/// viewer's own unless they see every organisation. Its partners are kept as they are
/// (they are changed on a page of their own), and the budget typed in pounds is
/// read into pence, or its problem given back.
pub(super) fn project_body(
    viewer: &Viewer,
    f: &ProjectForm,
    partners: &[coproduce_store::projects::Partner],
) -> (ProjectBody, Option<FieldError>) {
    let organisation_id = super::super::chosen_organisation(viewer, &f.organisation_id);
    let (budget_pence, budget_error) = match f.budget.trim() {
        "" => (None, None),
        typed => match coproduce_domain::project::pounds_to_pence(typed) {
            Ok(p) => (Some(p), None),
            Err(problem) => (None, Some(FieldError::new("budget", problem))),
        },
    };
    let began = [&f.began_day, &f.began_month, &f.began_year];
    let stage_began_on = if began.iter().all(|p| p.trim().is_empty()) {
        None
    } else {
        Some(
            match coproduce_domain::time::date_from_parts(
                &f.began_day,
                &f.began_month,
                &f.began_year,
            ) {
                Ok(Some(d)) => d.to_string(),
                // A date that is not one is sent as typed, for the check to name.
                _ => format!(
                    "{}-{}-{}",
                    f.began_year.trim(),
                    f.began_month.trim(),
                    f.began_day.trim()
                ),
            },
        )
    };
    let body = ProjectBody {
        organisation_id,
        title: f.title.clone(),
        stage: f.stage.clone(),
        level: f.level.clone(),
        scope_and_limits: Some(f.scope_and_limits.clone()),
        cannot_change: Some(f.cannot_change.clone()),
        lead_account_id: f.lead_account_id.trim().parse().ok(),
        target_rung: Some(f.target_rung.clone()),
        budget_pence,
        partners: Some(
            partners
                .iter()
                .map(|p| PartnerBody {
                    organisation_id: p.organisation_id,
                    part: p.part.slug().into(),
                })
                .collect(),
        ),
        stage_began_on,
    };
    (body, budget_error)
}

pub(super) async fn save_project(
    state: &AppState,
    viewer: &Viewer,
    f: ProjectForm,
    editing: Option<i64>,
) -> Result<Response, PageError> {
    let partners = match editing {
        Some(id) => {
            visible_project(state, viewer, id).await?;
            state.store.partners(id).await?
        }
        None => vec![],
    };
    let actor = viewer.actor();
    let (body, budget_error) = project_body(viewer, &f, &partners);
    let checked = match (body.check(crate::today(&state.ctx)), budget_error) {
        (Ok(fields), None) => Ok(fields),
        (Ok(_), Some(e)) => Err(crate::ApiError::Invalid(vec![e])),
        (Err(crate::ApiError::Invalid(mut errs)), Some(e)) => {
            errs.push(e);
            Err(crate::ApiError::Invalid(errs))
        }
        (Err(e), _) => Err(e),
    };
    let saved = match checked {
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
            let mut errors = match e {
                // Moving a project its organisation's records hang on: said on the
                // organisation, with what was typed kept.
                crate::ApiError::Conflict(why) => {
                    vec![FieldError::worded("organisation_id", why)]
                }
                e => field_errors(e)?,
            };
            // The day a stage began is a date typed in three boxes.
            for e in errors.iter_mut().filter(|e| e.field == "stage_began_on") {
                e.field = "stage_began_on-day".into();
            }
            let errors = worded(&viewer.tr, errors, NAMES);
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
            cannot_change: p.cannot_change.unwrap_or_default(),
            target_rung: p.target_rung.unwrap_or_default(),
            budget: p
                .budget_pence
                .map(|b| format!("{}.{:02}", b / 100, b % 100))
                .unwrap_or_default(),
            lead_account_id: p.lead_account_id.map(|l| l.to_string()).unwrap_or_default(),
            ..ProjectForm::default()
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
    target_rung: Option<&'static str>,
    budget: Option<String>,
    /// Partner name and part.
    partners: Vec<(String, &'static str)>,
    /// Stage and the day it began, oldest first.
    stages: Vec<(&'static str, String)>,
    /// When people were first involved and the stage then, in words, and whether
    /// that was from the start.
    first: Option<(String, bool)>,
    /// Its feedback forms: id, title, and whether each is open.
    forms: Vec<(i64, String, bool)>,
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
        let tr = viewer.tr;
        let partners = state
            .store
            .partners(project.id)
            .await?
            .into_iter()
            .map(|p| (p.name, p.part.label()))
            .collect();
        let stages = state
            .store
            .stage_history(project.id)
            .await?
            .into_iter()
            .map(|s| (s.stage.label(), tr.date(s.began_on)))
            .collect();
        let first = state.store.first_involved(project.id).await?.map(|f| {
            (
                tr.t2(
                    "staff-first-involved",
                    ("date", tr.date(f.on)),
                    ("stage", f.stage.label().to_lowercase()),
                ),
                f.stage.is_from_the_start(),
            )
        });
        let forms = coproduce_app::said_forms::list(
            &state.ctx,
            &viewer.actor(),
            PageRequest::first(PageRequest::MAX_LIMIT),
            None,
            Some(project.id),
        )
        .await?
        .items
        .into_iter()
        .map(|f| (f.id, f.title.clone(), f.is_open()))
        .collect();
        Ok::<_, PageError>(ProjectPage {
            chrome: Chrome::new(&state, &viewer, "projects"),
            forms,
            target_rung: project.target_rung().map(|r| r.label()),
            budget: project
                .budget_pence
                .map(coproduce_domain::project::show_pounds),
            partners,
            stages,
            first,
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
