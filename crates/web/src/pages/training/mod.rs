//! Training as pages: the courses, starting one, a course's page (its sessions and
//! who completed it, with those whose completion has run out), and adding a session.
//! Completions are recorded from a person's page (`people::profile`).
//!
//! A course is seen by those who see its organisation.

mod remove;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::network::{self as rules, Audience, Currency};
use coproduce_domain::text::{self, FieldError, FieldErrors};
use coproduce_store::PageRequest;
use coproduce_store::training::{Course, CourseFields, SessionFields};
use serde::Deserialize;

use super::forms::{
    DateField, FormField, FormPage, Named, Part, Radios, error_of, typed_date, worded,
};
use super::{AfterQuery, Chrome, PageError, own_records, render, show};
use crate::AppState;
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/training", C::ReadPeople, list)
        .get("/training/new", C::WritePeople, new_course)
        .post("/training", C::WritePeople, create_course)
        .get("/training/{id}", C::ReadPeople, page)
        .get("/training/{id}/edit", C::WritePeople, edit_course)
        .post("/training/{id}", C::WritePeople, update_course)
        .get("/training/{id}/sessions/new", C::WritePeople, new_session)
        .post("/training/{id}/sessions", C::WritePeople, add_session)
        .get("/sessions/{id}/remove", C::WritePeople, remove::ask_session)
        .post("/sessions/{id}/remove", C::WritePeople, remove::session)
        .get(
            "/completions/{id}/remove",
            C::WritePeople,
            remove::ask_completion,
        )
        .post(
            "/completions/{id}/remove",
            C::WritePeople,
            remove::completion,
        )
}

/// A course the viewer may see, by the id in the address.
async fn visible_course(state: &AppState, viewer: &Viewer, raw: &str) -> Result<Course, PageError> {
    let id = super::id_of(raw)?;
    let c = state.store.course(id, crate::today(&state.ctx)).await?;
    super::seen(viewer, c.organisation_id, c)
}

/// How long a course's completion lasts, in words.
fn validity(tr: &Tr, months: Option<i64>) -> String {
    match months {
        Some(m) => tr.tn("staff-valid-for-months", &[("months", m)]),
        None => tr.t("staff-never-expires"),
    }
}

/// A completion's expiry as a tag: its colour and words.
pub(super) fn expiry_tag(
    tr: &Tr,
    expires_on: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) -> (&'static str, String) {
    match (rules::currency(expires_on, today), expires_on) {
        (Currency::Expired, Some(e)) => ("red", tr.t1("staff-expired-on", "date", tr.date(e))),
        (Currency::ExpiresSoon, Some(e)) => {
            ("yellow", tr.t1("staff-expires-on", "date", tr.date(e)))
        }
        (_, Some(e)) => ("green", tr.t1("staff-current-until", "date", tr.date(e))),
        (_, None) => ("green", tr.t("staff-never-expires")),
    }
}

#[derive(Template)]
#[template(path = "courses.html")]
struct CoursesPage {
    chrome: Chrome,
    can_write: bool,
    /// Id, title, audience, validity, completions, expired.
    courses: Vec<(i64, String, &'static str, String, i64, i64)>,
    next: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let result = async {
        let page = state
            .store
            .courses(q.page(50), own_records(&viewer)?, crate::today(&state.ctx))
            .await?;
        let tr = viewer.tr;
        Ok::<_, PageError>(CoursesPage {
            chrome: Chrome::new(&state, &viewer, "training"),
            can_write: viewer.can(C::WritePeople),
            next: page.next_after.map(|a| format!("/training?after={a}")),
            courses: page
                .items
                .into_iter()
                .map(|c| {
                    (
                        c.id,
                        c.title,
                        c.audience.label(),
                        validity(&tr, c.valid_months),
                        c.completions,
                        c.expired,
                    )
                })
                .collect(),
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct CourseForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    valid_months: String,
    #[serde(default)]
    description: String,
}

/// The course form: a new course, or changes to `editing`, whose organisation stays.
async fn course_form(
    state: &AppState,
    viewer: &Viewer,
    f: &CourseForm,
    errors: Vec<FieldError>,
    editing: Option<&Course>,
) -> Result<FormPage, PageError> {
    let mut parts = Vec::new();
    if editing.is_none() {
        parts.extend(super::organisation_part(state, viewer, &f.organisation_id, &errors).await?);
    }
    parts.push(Part::Field(
        FormField::new("title", "staff-course-title", "text")
            .value(&f.title)
            .errors(&errors),
    ));
    parts.push(Part::Choose(Radios::of::<Audience>(
        "audience",
        "staff-course-audience",
        &f.audience,
        &errors,
        |_| None,
    )));
    let mut months = FormField::new("valid_months", "staff-course-valid-months", "text")
        .hint("staff-course-valid-months-hint")
        .numeric_code()
        .value(&f.valid_months)
        .errors(&errors);
    months.width = Some("nhsuk-input--width-4");
    parts.push(Part::Field(months));
    parts.push(Part::Text(
        FormField::new("description", "staff-course-description", "text")
            .value(&f.description)
            .errors(&errors),
    ));
    let (back, caption, heading, intro, action, button) = match editing {
        Some(c) => (
            (format!("/training/{}", c.id), c.title.clone()),
            Some(c.title.clone()),
            "staff-change-course",
            vec![viewer.tr.t("staff-change-course-intro")],
            format!("/training/{}", c.id),
            "staff-save-the-course",
        ),
        None => (
            ("/training".into(), "staff-training".into()),
            None,
            "staff-add-a-course",
            vec![],
            "/training".into(),
            "staff-add-the-course",
        ),
    };
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "training"),
        errors,
        back: Some(back),
        caption,
        heading: heading.into(),
        intro,
        action,
        parts,
        button,
    }
    .ordered())
}

async fn new_course(State(state): State<AppState>, viewer: Viewer) -> Response {
    let page = course_form(&state, &viewer, &CourseForm::default(), vec![], None).await;
    show(&state, &viewer, page)
}

/// The checked fields of a course form, or what is wrong, worded.
fn check_course(
    tr: &Tr,
    f: &CourseForm,
    organisation_id: i64,
    mut errs: FieldErrors,
) -> Result<CourseFields, Vec<FieldError>> {
    let title = errs.take("title", text::required(&f.title, text::SHORT));
    let audience = Audience::parse(f.audience.trim()).ok();
    if audience.is_none() {
        errs.add_worded("audience", tr.t("staff-choose-course-audience"));
    }
    let valid_months = errs
        .take("valid_months", rules::check_valid_months(&f.valid_months))
        .flatten();
    let description = errs
        .take(
            "description",
            text::optional(Some(&f.description), text::LONG),
        )
        .flatten();
    let errors = worded(
        tr,
        errs.0,
        &[
            Named::Always("organisation_id", "staff-choose-an-organisation"),
            Named::As("title", "staff-course-title"),
            Named::As("valid_months", "staff-course-valid-months"),
            Named::As("description", "staff-course-description"),
        ],
    );
    match (title, audience, errors.is_empty()) {
        (Some(title), Some(audience), true) => Ok(CourseFields {
            organisation_id,
            title,
            audience,
            valid_months,
            description,
        }),
        _ => Err(errors),
    }
}

async fn edit_course(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let c = visible_course(&state, &viewer, &raw).await?;
        let f = CourseForm {
            organisation_id: c.organisation_id.to_string(),
            title: c.title.clone(),
            audience: c.audience.slug().into(),
            valid_months: c.valid_months.map(|m| m.to_string()).unwrap_or_default(),
            description: c.description.clone().unwrap_or_default(),
        };
        course_form(&state, &viewer, &f, vec![], Some(&c)).await
    }
    .await;
    show(&state, &viewer, result)
}

async fn update_course(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<CourseForm>,
) -> Response {
    let result = async {
        let c = visible_course(&state, &viewer, &raw).await?;
        match check_course(&viewer.tr, &f, c.organisation_id, FieldErrors::new()) {
            Ok(fields) => {
                coproduce_app::networks::update_course(&state.ctx, &viewer.actor(), c.id, &fields)
                    .await?;
                Ok(Redirect::to(&format!("/training/{}", c.id)).into_response())
            }
            Err(errors) => {
                let page = course_form(&state, &viewer, &f, errors, Some(&c)).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

async fn create_course(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<CourseForm>,
) -> Response {
    let result = async {
        let tr = viewer.tr;
        let mut errs = FieldErrors::new();
        let organisation_id = super::chosen_organisation(&viewer, &f.organisation_id);
        if organisation_id <= 0 || !viewer.sees(organisation_id) {
            errs.add("organisation_id", text::Problem::NotAnId);
        }
        let mut errors = match check_course(&tr, &f, organisation_id, errs) {
            Ok(fields) => {
                match coproduce_app::networks::create_course(&state.ctx, &viewer.actor(), &fields)
                    .await
                {
                    Ok(c) => {
                        return Ok(Redirect::to(&format!("/training/{}", c.id)).into_response());
                    }
                    Err(coproduce_app::AppError::Invalid(_)) => vec![],
                    Err(e) => return Err(e.into()),
                }
            }
            Err(errors) => errors,
        };
        if errors.is_empty() {
            errors.push(FieldError::worded(
                "organisation_id",
                tr.t("staff-choose-an-organisation"),
            ));
        }
        let page = course_form(&state, &viewer, &f, errors, None).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct CourseQuery {
    #[serde(default)]
    after: Option<String>,
    /// `yes` for only the completions that have run out.
    #[serde(default)]
    expired: String,
}

#[derive(Template)]
#[template(path = "course.html")]
struct CoursePage {
    chrome: Chrome,
    can_write: bool,
    course: Course,
    audience: &'static str,
    validity: String,
    /// Date, place, trainer, completions.
    /// Date, place, trainer, completions, id.
    sessions: Vec<(String, String, String, i64, i64)>,
    /// Person id, name, completed, the expiry tag.
    completions: Vec<(i64, String, String, (&'static str, String))>,
    only_expired: bool,
    next: Option<String>,
}

async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(q): Query<CourseQuery>,
) -> Response {
    let result = async {
        let course = visible_course(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let today = crate::today(&state.ctx);
        let only_expired = q.expired == "yes";
        let sessions = state
            .store
            .sessions_of(course.id)
            .await?
            .into_iter()
            .map(|s| {
                (
                    tr.date(s.held_on),
                    s.place,
                    s.trainer.unwrap_or_default(),
                    s.completions,
                    s.id,
                )
            })
            .collect();
        let after = q.after.as_deref().and_then(|a| a.parse().ok());
        let page = state
            .store
            .completions_of_course(
                course.id,
                only_expired.then_some(today),
                PageRequest::new(after, Some(50)),
            )
            .await?;
        Ok::<_, PageError>(CoursePage {
            chrome: Chrome::new(&state, &viewer, "training"),
            can_write: viewer.can(C::WritePeople),
            audience: course.audience.label(),
            validity: validity(&tr, course.valid_months),
            next: page.next_after.map(|a| {
                format!(
                    "/training/{}?{}after={a}#completions",
                    course.id,
                    if only_expired { "expired=yes&" } else { "" }
                )
            }),
            completions: page
                .items
                .into_iter()
                .map(|c| {
                    (
                        c.person_id,
                        c.person_name,
                        tr.date(c.completed_on),
                        expiry_tag(&tr, c.expires_on, today),
                    )
                })
                .collect(),
            only_expired,
            sessions,
            course,
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct SessionForm {
    #[serde(default, rename = "held_on-day")]
    day: String,
    #[serde(default, rename = "held_on-month")]
    month: String,
    #[serde(default, rename = "held_on-year")]
    year: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    trainer: String,
}

fn session_form(
    state: &AppState,
    viewer: &Viewer,
    course: &Course,
    f: &SessionForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let mut held_on = DateField::typed(
        "held_on",
        "staff-session-date",
        "staff-for-example-1-4-2026",
        &f.day,
        &f.month,
        &f.year,
    );
    held_on.error = error_of(&errors, "held_on-day");
    FormPage {
        chrome: Chrome::new(state, viewer, "training"),
        back: Some((
            format!("/training/{}", course.id),
            "staff-back-to-the-course".into(),
        )),
        caption: Some(course.title.clone()),
        heading: "staff-add-a-session".into(),
        intro: vec![],
        action: format!("/training/{}/sessions", course.id),
        parts: vec![
            Part::Date(held_on),
            Part::Field(
                FormField::new("place", "staff-session-place", "text")
                    .hint("staff-session-place-hint")
                    .value(&f.place)
                    .errors(&errors),
            ),
            Part::Field(
                FormField::new("trainer", "staff-session-trainer", "text")
                    .autocomplete("off")
                    .value(&f.trainer)
                    .errors(&errors),
            ),
        ],
        errors,
        button: "staff-add-the-session",
    }
    .ordered()
}

async fn new_session(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let c = visible_course(&state, &viewer, &raw).await?;
        Ok(session_form(
            &state,
            &viewer,
            &c,
            &SessionForm::default(),
            vec![],
        ))
    }
    .await;
    show(&state, &viewer, result)
}

async fn add_session(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<SessionForm>,
) -> Response {
    let result = async {
        let c = visible_course(&state, &viewer, &raw).await?;
        let mut errs = FieldErrors::new();
        // A session may be planned ahead, so a date in the future is allowed.
        let held_on = typed_date(&mut errs, "held_on", (&f.day, &f.month, &f.year), true);
        let place = errs.take("place", text::required(&f.place, text::SHORT));
        let trainer = errs
            .take("trainer", text::optional(Some(&f.trainer), text::SHORT))
            .flatten();
        let errors = worded(
            &viewer.tr,
            errs.0,
            &[
                Named::As("held_on-day", "staff-session-date"),
                Named::As("place", "staff-session-place"),
                Named::As("trainer", "staff-session-trainer"),
            ],
        );
        if let (Some(held_on), Some(place), true) = (held_on, place, errors.is_empty()) {
            let fields = SessionFields {
                held_on,
                place,
                trainer,
            };
            coproduce_app::networks::add_session(&state.ctx, &viewer.actor(), c.id, &fields)
                .await?;
            return Ok(Redirect::to(&format!("/training/{}#sessions", c.id)).into_response());
        }
        Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &session_form(&state, &viewer, &c, &f, errors),
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
