//! Projects, their activities, and "you said, we did": the pages staff record the
//! work on. The rules are the API's: forms are turned into the same bodies and checked
//! by the same code, so a page and the API can never disagree.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveTime;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::activity::{ActivityType, Mode};
use coproduce_domain::input::ResponseStatus;
use coproduce_domain::ladder::{Level, Rung, Stage};
use coproduce_domain::text::FieldError;
use coproduce_domain::time;
use coproduce_store::projects::Project;
use coproduce_store::{PageRequest, Within};
use serde::Deserialize;

use super::forms::{
    Choice, DateField, FormField, FormPage, Part, Radios, Select, error_of, field_errors,
};
use super::{AfterQuery, Chrome, PageError, render, show};
use crate::AppState;
use crate::api::activities::ActivityBody;
use crate::api::inputs::InputBody;
use crate::api::projects::ProjectBody;
use crate::auth::Viewer;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/projects", C::ReadWork, list)
        .get("/projects/new", C::WriteWork, new_project)
        .post("/projects", C::WriteWork, create_project)
        .get("/projects/{id}", C::ReadWork, project_page)
        .get("/projects/{id}/edit", C::WriteWork, edit_project)
        .post("/projects/{id}", C::WriteWork, update_project)
        .get("/projects/{id}/activities/new", C::WriteWork, new_activity)
        .post("/projects/{id}/activities", C::WriteWork, create_activity)
        .get("/activities/{id}", C::ReadWork, activity_page)
        .post("/activities/{id}/inputs", C::WriteWork, add_input)
        .get("/inputs/{id}/edit", C::WriteWork, edit_input)
        .post("/inputs/{id}", C::WriteWork, update_input)
}

fn id_of(raw: &str) -> Result<i64, PageError> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or(PageError::NotFound)
}

/// A project the viewer may see, or "not found".
async fn visible_project(state: &AppState, viewer: &Viewer, id: i64) -> Result<Project, PageError> {
    let p = state.store.project(id).await?;
    if viewer.sees(p.organisation_id) {
        Ok(p)
    } else {
        Err(PageError::NotFound)
    }
}

#[derive(Template)]
#[template(path = "projects.html")]
struct ProjectsPage {
    chrome: Chrome,
    can_write: bool,
    projects: Vec<(i64, String, &'static str, &'static str)>,
    next: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let result = async {
        let within = viewer
            .scope(None)
            .map_err(|_| PageError::NotFound)?
            .map_or(Within::All, Within::Parent);
        let after = q.after.as_deref().and_then(|a| a.parse().ok());
        let page = state
            .store
            .projects(PageRequest::new(after, Some(50)), within)
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

async fn project_form(
    state: &AppState,
    viewer: &Viewer,
    f: &ProjectForm,
    errors: Vec<FieldError>,
    editing: Option<i64>,
) -> Result<FormPage, PageError> {
    let mut parts = Vec::new();
    if viewer
        .account()
        .is_some_and(|a| a.role.sees_every_organisation())
    {
        let orgs = state
            .store
            .organisations(PageRequest::first(PageRequest::MAX_LIMIT))
            .await?;
        parts.push(Part::Pick(Select {
            id: "organisation_id",
            label: "staff-organisation".into(),
            options: orgs
                .items
                .into_iter()
                .map(|o| Choice {
                    value: o.id.to_string(),
                    label: o.name,
                    hint: None,
                })
                .collect(),
            selected: f.organisation_id.clone(),
            error: error_of(&errors, "organisation_id"),
        }));
    }
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

async fn new_project(State(state): State<AppState>, viewer: Viewer) -> Response {
    match project_form(&state, &viewer, &ProjectForm::default(), vec![], None).await {
        Ok(p) => render(StatusCode::OK, &p),
        Err(e) => e.respond(&state, &viewer),
    }
}

/// The project a form describes, checked by the API's rules; the organisation is the
/// viewer's own unless they see every organisation.
fn project_body(viewer: &Viewer, f: &ProjectForm) -> ProjectBody {
    let organisation_id = match viewer.account() {
        Some(a) if !a.role.sees_every_organisation() => a.organisation_id.unwrap_or(0),
        _ => f.organisation_id.trim().parse().unwrap_or(0),
    };
    ProjectBody {
        organisation_id,
        title: f.title.clone(),
        stage: f.stage.clone(),
        level: f.level.clone(),
        scope_and_limits: Some(f.scope_and_limits.clone()),
    }
}

async fn save_project(
    state: &AppState,
    viewer: &Viewer,
    f: ProjectForm,
    editing: Option<i64>,
) -> Result<Response, PageError> {
    if let Some(id) = editing {
        visible_project(state, viewer, id).await?;
    }
    let checked = project_body(viewer, &f).check().and_then(|fields| {
        crate::api::visible_organisation(viewer, fields.organisation_id)?;
        Ok(fields)
    });
    let fields = match checked {
        Ok(fields) => fields,
        Err(e) => {
            let errors = field_errors(e)?
                .into_iter()
                .map(|mut e| {
                    e.message = friendly(&e.field, &e.message);
                    e
                })
                .collect();
            let page = project_form(state, viewer, &f, errors, editing).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    let project = match editing {
        Some(id) => state.store.update_project(id, &fields).await?,
        None => state.store.create_project(&fields).await?,
    };
    Ok(Redirect::to(&format!("/projects/{}", project.id)).into_response())
}

/// An API message as a person reads it on a form, following the NHS error message style.
fn friendly(field: &str, message: &str) -> String {
    let name = match field {
        "title" => "Project name",
        "said" => "What people said",
        "response" => "The answer",
        "scope_and_limits" => "Scope and limits",
        "organisation_id" => return "Choose an organisation".into(),
        "stage" => return "Choose the stage the project is at".into(),
        "level" => return "Choose the level at which people take part".into(),
        "activity_type" => return "Choose what sort of activity it is".into(),
        "mode" => return "Choose where people take part".into(),
        "rung" => return "Choose the rung of the ladder the activity reaches".into(),
        "response_status" => {
            return "Choose whether it was done, will be done, or cannot be done".into();
        }
        _ => return capitalise(message),
    };
    format!("{name} {message}")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

async fn create_project(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<ProjectForm>,
) -> Response {
    save_project(&state, &viewer, f, None)
        .await
        .unwrap_or_else(|e| e.respond(&state, &viewer))
}

async fn update_project(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ProjectForm>,
) -> Response {
    let result = async { save_project(&state, &viewer, f, Some(id_of(&raw)?)).await }.await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

async fn edit_project(
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

async fn project_page(
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

#[derive(Deserialize, Default)]
pub struct ActivityForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    activity_type: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    rung: String,
    #[serde(rename = "date-day", default)]
    day: String,
    #[serde(rename = "date-month", default)]
    month: String,
    #[serde(rename = "date-year", default)]
    year: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
}

fn activity_form(
    state: &AppState,
    viewer: &Viewer,
    project: &Project,
    f: &ActivityForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let mut date = DateField::typed(
        "date",
        "staff-date",
        "staff-for-example-14-3-2027",
        &f.day,
        &f.month,
        &f.year,
    );
    date.error = error_of(&errors, "date-day");
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/projects/{}", project.id),
            "staff-back-to-the-project".into(),
        )),
        caption: Some(project.title.clone()),
        heading: "staff-add-an-activity".into(),
        intro: vec![],
        action: format!("/projects/{}/activities", project.id),
        parts: vec![
            Part::Field(
                FormField::new("title", "staff-name-of-the-activity", "text")
                    .value(&f.title)
                    .errors(&errors),
            ),
            Part::Pick(Select::of::<ActivityType>(
                "activity_type",
                "staff-what-sort-of-activity-is-it",
                &f.activity_type,
                &errors,
            )),
            Part::Choose(Radios::of::<Mode>(
                "mode",
                "staff-where-do-people-take-part",
                &f.mode,
                &errors,
                |_| None,
            )),
            Part::Choose(
                Radios::of::<Rung>(
                    "rung",
                    "staff-which-rung-of-the-ladder-does",
                    &f.rung,
                    &errors,
                    |r| Some(r.meaning().into()),
                )
                .hint("staff-be-honest-a-consultation-is-not"),
            ),
            Part::Date(date),
            Part::Field(
                FormField::new("starts", "staff-start-time", "text")
                    .hint("staff-london-time-for-example-14-30")
                    .value(&f.starts)
                    .errors(&errors)
                    .numeric_code(),
            ),
            Part::Field(
                FormField::new("ends", "staff-end-time", "text")
                    .hint("staff-london-time-for-example-16-00")
                    .value(&f.ends)
                    .errors(&errors)
                    .numeric_code(),
            ),
        ],
        errors,
        button: "staff-add-the-activity",
    }
    .ordered()
}

async fn new_activity(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async { visible_project(&state, &viewer, id_of(&raw)?).await }.await;
    match result {
        Ok(p) => render(
            StatusCode::OK,
            &activity_form(&state, &viewer, &p, &ActivityForm::default(), vec![]),
        ),
        Err(e) => e.respond(&state, &viewer),
    }
}

/// Reads "14:30" (or "9:05"); the error names the field.
fn clock(field: &str, what: &str, raw: &str, errors: &mut Vec<FieldError>) -> Option<NaiveTime> {
    match NaiveTime::parse_from_str(raw.trim(), "%H:%M") {
        Ok(t) => Some(t),
        Err(_) => {
            errors.push(FieldError {
                field: field.into(),
                message: if raw.trim().is_empty() {
                    format!("Enter the {what} time")
                } else {
                    format!("Enter the {what} time as hours and minutes, like 14:30")
                },
            });
            None
        }
    }
}

async fn create_activity(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ActivityForm>,
) -> Response {
    let result = async {
        let project = visible_project(&state, &viewer, id_of(&raw)?).await?;
        let mut errors = Vec::new();
        let date = DateField::typed("date", "", "", &f.day, &f.month, &f.year).read("The date");
        let date = match date {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.push(FieldError {
                    field: "date-day".into(),
                    message: "Enter the date of the activity".into(),
                });
                None
            }
            Err(m) => {
                errors.push(FieldError {
                    field: "date-day".into(),
                    message: m,
                });
                None
            }
        };
        let starts = clock("starts", "start", &f.starts, &mut errors);
        let ends = clock("ends", "end", &f.ends, &mut errors);
        let at = |t: Option<NaiveTime>| match (date, t) {
            (Some(d), Some(t)) => d.and_time(t).format("%Y-%m-%dT%H:%M").to_string(),
            _ => "2000-01-01T00:00".into(),
        };
        let body = ActivityBody {
            project_id: project.id,
            title: f.title.clone(),
            activity_type: f.activity_type.clone(),
            mode: f.mode.clone(),
            rung: f.rung.clone(),
            starts_at: at(starts),
            ends_at: at(ends.or(starts.map(|s| s + chrono::Duration::minutes(1)))),
        };
        match body.check() {
            Ok(fields) if errors.is_empty() => {
                let a = state.store.create_activity(&fields).await?;
                Ok(Redirect::to(&format!("/activities/{}", a.id)).into_response())
            }
            Ok(_) => Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &activity_form(&state, &viewer, &project, &f, errors),
            )),
            Err(e) => {
                for mut e in field_errors(e)? {
                    // Times are checked only when they could be read above.
                    let known = |field: &str| {
                        errors
                            .iter()
                            .any(|x| x.field == field || x.field == "date-day")
                    };
                    match e.field.as_str() {
                        "starts_at" if !known("starts") => e.field = "starts".into(),
                        "ends_at" if !known("ends") => {
                            e.field = "ends".into();
                            e.message = capitalise(&format!("the end time {}", e.message));
                        }
                        "starts_at" | "ends_at" => continue,
                        _ => e.message = friendly(&e.field, &e.message),
                    }
                    if e.field == "title" {
                        e.message = e.message.replace("Project name", "Name of the activity");
                    }
                    errors.push(e);
                }
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &activity_form(&state, &viewer, &project, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub struct InputView {
    id: i64,
    said: String,
    received: String,
    response: Option<String>,
    fed_back: Option<String>,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "activity.html")]
pub(super) struct ActivityPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    activity: coproduce_store::activities::Activity,
    project_title: String,
    kind: &'static str,
    when: String,
    mode: &'static str,
    rung: &'static str,
    rung_meaning: &'static str,
    attendance: Vec<String>,
    inputs: Vec<InputView>,
    can_write: bool,
    said: FormField,
    who: Select,
    came: Radios,
}

pub(super) async fn activity_view(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    said: &str,
    errors: Vec<FieldError>,
) -> Result<ActivityPage, PageError> {
    let activity = state.store.activity(id).await?;
    let project = visible_project(state, viewer, activity.project_id).await?;
    let promise = state
        .store
        .feedback_promise(project.organisation_id)
        .await?;
    let today = crate::today();
    let inputs = state
        .store
        .inputs(
            PageRequest::first(PageRequest::MAX_LIMIT),
            Within::Parent(id),
        )
        .await?
        .items
        .into_iter()
        .map(|i| InputView {
            id: i.id,
            overdue: i.fed_back_on.is_none()
                && (today - i.received_on).num_days() > i64::from(promise.days),
            said: i.said,
            received: time::show_date(i.received_on),
            response: i.response,
            fed_back: i.fed_back_on.map(time::show_date),
        })
        .collect();
    let attendance = state
        .store
        .attendance(id)
        .await?
        .into_iter()
        .filter(|a| a.status == coproduce_domain::person::AttendanceStatus::Attended)
        .map(|a| a.person_name)
        .collect();
    Ok(ActivityPage {
        chrome: Chrome::new(state, viewer, "projects"),
        project_title: project.title,
        kind: activity.activity_type.label(),
        when: format!(
            "{} to {}",
            time::show(activity.starts_at),
            time::show_time(activity.ends_at)
        ),
        mode: activity.mode.label(),
        rung: activity.rung.label(),
        rung_meaning: activity.rung.meaning(),
        attendance,
        inputs,
        can_write: viewer.can(C::WriteWork),
        who: Select {
            id: "person_id",
            label: "staff-who".into(),
            options: state
                .store
                .people(
                    PageRequest::first(PageRequest::MAX_LIMIT),
                    Within::Parent(project.organisation_id),
                )
                .await?
                .items
                .into_iter()
                .map(|p| Choice {
                    value: p.id.to_string(),
                    label: p.name,
                    hint: None,
                })
                .collect(),
            selected: String::new(),
            error: error_of(&errors, "person_id"),
        },
        came: Radios::of::<coproduce_domain::person::AttendanceStatus>(
            "status",
            "staff-did-they-come",
            "",
            &errors,
            |_| None,
        ),
        said: FormField::new("said", "staff-what-did-people-say", "text")
            .hint("staff-one-point-at-a-time-in")
            .value(said)
            .errors(&errors),
        errors,
        activity,
    })
}

async fn activity_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async { activity_view(&state, &viewer, id_of(&raw)?, "", vec![]).await }.await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct SaidForm {
    #[serde(default)]
    said: String,
}

async fn add_input(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<SaidForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        activity_view(&state, &viewer, id, "", vec![]).await?;
        let body = InputBody {
            activity_id: id,
            said: f.said.clone(),
            received_on: crate::today().to_string(),
            response: None,
            response_status: None,
            responded_on: None,
            fed_back_on: None,
        };
        match body.check() {
            Ok(fields) => {
                state.store.create_input(&fields).await?;
                Ok(Redirect::to(&format!("/activities/{id}")).into_response())
            }
            Err(e) => {
                let errors = field_errors(e)?
                    .into_iter()
                    .map(|mut e| {
                        e.message = friendly(&e.field, &e.message);
                        e
                    })
                    .collect();
                let page = activity_view(&state, &viewer, id, &f.said, errors).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    said: String,
    #[serde(default)]
    response: String,
    #[serde(default)]
    response_status: String,
    #[serde(rename = "received_on-day", default)]
    received_day: String,
    #[serde(rename = "received_on-month", default)]
    received_month: String,
    #[serde(rename = "received_on-year", default)]
    received_year: String,
    #[serde(rename = "fed_back_on-day", default)]
    fed_day: String,
    #[serde(rename = "fed_back_on-month", default)]
    fed_month: String,
    #[serde(rename = "fed_back_on-year", default)]
    fed_year: String,
}

fn answer_form(
    state: &AppState,
    viewer: &Viewer,
    input_id: i64,
    activity_id: i64,
    f: &AnswerForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let mut received = DateField::typed(
        "received_on",
        "staff-when-did-people-say-it",
        "staff-for-example-14-3-2027",
        &f.received_day,
        &f.received_month,
        &f.received_year,
    );
    received.error = error_of(&errors, "received_on-day");
    let mut fed = DateField::typed(
        "fed_back_on",
        "staff-when-did-the-answer-reach-the",
        "staff-fed-back-hint",
        &f.fed_day,
        &f.fed_month,
        &f.fed_year,
    );
    fed.error = error_of(&errors, "fed_back_on-day");
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/activities/{activity_id}"),
            "staff-back-to-the-activity".into(),
        )),
        caption: Some("staff-you-said-we-did".into()),
        heading: "staff-record-the-answer".into(),
        intro: vec![],
        action: format!("/inputs/{input_id}"),
        parts: vec![
            Part::Text(
                FormField::new("said", "staff-what-people-said", "text")
                    .value(&f.said)
                    .errors(&errors),
            ),
            Part::Date(received),
            Part::Text(
                FormField::new("response", "staff-what-we-did-will-do-or", "text")
                    .hint("staff-write-it-so-the-people-who")
                    .value(&f.response)
                    .errors(&errors),
            ),
            Part::Choose(Radios::of::<ResponseStatus>(
                "response_status",
                "staff-is-it-done",
                &f.response_status,
                &errors,
                |_| None,
            )),
            Part::Date(fed),
        ],
        errors,
        button: "staff-save-the-answer",
    }
    .ordered()
}

/// The input an id names, if the viewer may see it, with its activity's id.
async fn visible_input(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<coproduce_store::inputs::Input, PageError> {
    let input = state.store.input(id).await?;
    let org = state
        .store
        .organisation_of_activity(input.activity_id)
        .await?;
    if viewer.sees(org) {
        Ok(input)
    } else {
        Err(PageError::NotFound)
    }
}

async fn edit_input(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let i = visible_input(&state, &viewer, id_of(&raw)?).await?;
        let mut f = AnswerForm {
            said: i.said.clone(),
            response: i.response.clone().unwrap_or_default(),
            response_status: i.response_status.clone().unwrap_or_default(),
            ..Default::default()
        };
        let mut d = DateField::typed("", "", "", "", "", "");
        d.show(i.received_on);
        (f.received_day, f.received_month, f.received_year) =
            (d.day.clone(), d.month.clone(), d.year.clone());
        if let Some(fed) = i.fed_back_on {
            d.show(fed);
            (f.fed_day, f.fed_month, f.fed_year) = (d.day, d.month, d.year);
        }
        Ok::<_, PageError>(answer_form(
            &state,
            &viewer,
            i.id,
            i.activity_id,
            &f,
            vec![],
        ))
    }
    .await;
    show(&state, &viewer, result)
}

async fn update_input(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<AnswerForm>,
) -> Response {
    let result = async {
        let input = visible_input(&state, &viewer, id_of(&raw)?).await?;
        let mut errors = Vec::new();
        let mut date = |field: &str, what: &'static str, d: &str, m: &str, y: &str| {
            match coproduce_domain::time::date_from_parts(what, d, m, y) {
                Ok(v) => v.map(|d| d.to_string()),
                Err(e) => {
                    errors.push(FieldError {
                        field: format!("{field}-day"),
                        message: e.to_string(),
                    });
                    None
                }
            }
        };
        let received = date(
            "received_on",
            "The date people said it",
            &f.received_day,
            &f.received_month,
            &f.received_year,
        );
        let fed_back = date(
            "fed_back_on",
            "The date it was fed back",
            &f.fed_day,
            &f.fed_month,
            &f.fed_year,
        );
        let response = Some(f.response.clone()).filter(|r| !r.trim().is_empty());
        let body = InputBody {
            activity_id: input.activity_id,
            said: f.said.clone(),
            received_on: received
                .clone()
                .unwrap_or_else(|| input.received_on.to_string()),
            responded_on: fed_back
                .clone()
                .or(input.responded_on.map(|d| d.to_string()))
                .filter(|_| response.is_some()),
            response,
            response_status: Some(f.response_status.clone()),
            fed_back_on: fed_back,
        };
        match body.check() {
            Ok(fields) if errors.is_empty() => {
                state.store.update_input(input.id, &fields).await?;
                Ok(Redirect::to(&format!("/activities/{}", input.activity_id)).into_response())
            }
            Ok(_) => Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &answer_form(&state, &viewer, input.id, input.activity_id, &f, errors),
            )),
            Err(e) => {
                for mut e in field_errors(e)? {
                    match e.field.as_str() {
                        "received_on" | "fed_back_on" => {
                            e.message = capitalise(&format!("the date {}", e.message));
                            e.field = format!("{}-day", e.field);
                        }
                        "responded_on" => continue,
                        _ => e.message = friendly(&e.field, &e.message),
                    }
                    if !errors.iter().any(|x: &FieldError| x.field == e.field) {
                        errors.push(e);
                    }
                }
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &answer_form(&state, &viewer, input.id, input.activity_id, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
