//! A person's networks and training: what their page lists, and the forms, each on a
//! page of its own, that add them to a network and record training.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::network::MemberRole;
use coproduce_domain::text::{FieldError, FieldErrors, Problem};
use coproduce_store::StoreError;
use coproduce_store::people::Person;
use serde::Deserialize;

use super::record::{About, blank_form, person_form};
use super::visible_person;
use crate::AppState;
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::pages::forms::{Choice, DateField, FormPage, Part, Select, error_of};
use crate::pages::{PageError, render};

/// One of the person's completions as their page lists it: course id, title, the
/// day completed, the expiry tag, the completion's id.
pub type CompletionShown = (i64, String, String, (&'static str, String), i64);

/// One of the person's memberships as their page lists it.
pub struct MembershipShown {
    pub(super) id: i64,
    pub(super) network_id: i64,
    pub(super) network: String,
    pub(super) role: &'static str,
    pub(super) joined: String,
    /// The tag's colour and words: member, stood down, or left.
    pub(super) status: (&'static str, String),
}

#[derive(Deserialize, Default)]
pub struct JoinForm {
    #[serde(default)]
    network_id: String,
    #[serde(default)]
    role: String,
    #[serde(default, rename = "joined_on-day")]
    day: String,
    #[serde(default, rename = "joined_on-month")]
    month: String,
    #[serde(default, rename = "joined_on-year")]
    year: String,
}

#[derive(Deserialize, Default)]
pub struct TrainingForm {
    #[serde(default)]
    course_id: String,
    #[serde(default)]
    session_id: String,
    #[serde(default, rename = "completed_on-day")]
    day: String,
    #[serde(default, rename = "completed_on-month")]
    month: String,
    #[serde(default, rename = "completed_on-year")]
    year: String,
}

/// The networks a person belongs to or has left, as their page lists them.
pub(super) async fn memberships(
    state: &AppState,
    tr: &Tr,
    person_id: i64,
) -> Result<Vec<MembershipShown>, PageError> {
    Ok(state
        .store
        .memberships_of(person_id)
        .await?
        .into_iter()
        .map(|m| MembershipShown {
            id: m.id,
            network_id: m.network_id,
            network: m.network_name,
            role: m.role.label(),
            joined: tr.date(m.joined_on),
            status: match (m.left_on, m.stood_down) {
                (Some(l), _) => ("grey", tr.t1("staff-left-on", "date", tr.date(l))),
                (None, Some(_)) => ("red", tr.t("staff-stood-down")),
                (None, None) => ("green", tr.t("staff-current-member")),
            },
        })
        .collect())
}

/// The training a person has completed, as their page lists it.
pub(super) async fn completions(
    state: &AppState,
    tr: &Tr,
    person_id: i64,
    today: chrono::NaiveDate,
) -> Result<Vec<CompletionShown>, PageError> {
    Ok(state
        .store
        .completions_of(person_id)
        .await?
        .into_iter()
        .map(|c| {
            (
                c.course_id,
                c.course_title,
                tr.date(c.completed_on),
                crate::pages::training::expiry_tag(tr, c.expires_on, today),
                c.id,
            )
        })
        .collect())
}

/// The page that adds a person to one of their organisation's networks.
async fn join_page(
    state: &AppState,
    viewer: &Viewer,
    p: &Person,
    typed: &JoinForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let tr = viewer.tr;
    let network = Select {
        id: "network_id",
        label: "staff-network".into(),
        options: crate::pages::forms::after_none(
            tr.t("staff-choose-one"),
            crate::pages::networks::network_choices(state, p.organisation_id()).await?,
        ),
        selected: typed.network_id.clone(),
        error: error_of(&errors, "network_id"),
    };
    let mut member_role = Select::of::<MemberRole>(
        "role",
        "staff-member-role",
        if typed.role.is_empty() {
            "member"
        } else {
            &typed.role
        },
        &errors,
    );
    member_role.error = error_of(&errors, "role");
    let mut joined_on = DateField::typed(
        "joined_on",
        "staff-date-joined",
        "staff-for-example-1-4-2026",
        &typed.day,
        &typed.month,
        &typed.year,
    );
    joined_on.error = error_of(&errors, "joined_on-day");
    Ok(person_form(
        state,
        viewer,
        p,
        About {
            heading: "staff-add-to-a-network",
            action: "networks",
            button: "staff-add-to-the-network",
        },
        vec![
            Part::Pick(network),
            Part::Pick(member_role),
            Part::Date(joined_on),
        ],
        errors,
    ))
}

/// The page that records a course a person completed.
async fn training_page(
    state: &AppState,
    viewer: &Viewer,
    p: &Person,
    typed: &TrainingForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let tr = viewer.tr;
    let today = crate::today(&state.ctx);
    let organisation = p.organisation_id();
    let course = Select {
        id: "course_id",
        label: "staff-course".into(),
        options: crate::pages::forms::after_none(
            tr.t("staff-choose-one"),
            state
                .store
                .course_choices(Some(organisation))
                .await?
                .into_iter()
                .map(|(id, title)| Choice {
                    value: id.to_string(),
                    label: title,
                    hint: None,
                })
                .collect(),
        ),
        selected: typed.course_id.clone(),
        error: error_of(&errors, "course_id"),
    };
    let session = Select {
        id: "session_id",
        label: "staff-session-optional".into(),
        options: crate::pages::forms::after_none(
            tr.t("staff-no-session"),
            state
                .store
                .recent_sessions(Some(organisation), today - chrono::Days::new(730))
                .await?
                .into_iter()
                .map(|s| Choice {
                    value: s.id.to_string(),
                    label: format!("{}: {}, {}", s.course_title, tr.date(s.held_on), s.place),
                    hint: None,
                })
                .collect(),
        ),
        selected: typed.session_id.clone(),
        error: error_of(&errors, "session_id"),
    };
    let mut completed_on = DateField::typed(
        "completed_on",
        "staff-date-completed",
        "staff-date-completed-hint",
        &typed.day,
        &typed.month,
        &typed.year,
    );
    completed_on.error = error_of(&errors, "completed_on-day");
    Ok(person_form(
        state,
        viewer,
        p,
        About {
            heading: "staff-record-training",
            action: "training",
            button: "staff-record-the-training",
        },
        vec![
            Part::Pick(course),
            Part::Pick(session),
            Part::Date(completed_on),
        ],
        errors,
    ))
}

pub(super) async fn new_membership(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let blank = JoinForm::default();
    blank_form(&state, &viewer, &raw, async |p| {
        join_page(&state, &viewer, p, &blank, vec![]).await
    })
    .await
}

pub(super) async fn new_training(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let blank = TrainingForm::default();
    blank_form(&state, &viewer, &raw, async |p| {
        training_page(&state, &viewer, p, &blank, vec![]).await
    })
    .await
}

pub(super) async fn join_network(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<JoinForm>,
) -> Response {
    let result = async {
        let p = visible_person(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let mut errs = FieldErrors::new();
        // Only a network of the person's own organisation can be joined.
        let network = match f.network_id.trim().parse::<i64>() {
            Ok(id) => match state.store.network(id).await {
                Ok(n) if n.organisation_id == p.organisation_id() => Some(n),
                Ok(_) | Err(StoreError::NotFound) => None,
                Err(e) => return Err(e.into()),
            },
            Err(_) => None,
        };
        if network.is_none() {
            errs.add_worded("network_id", tr.t("staff-choose-a-network"));
        }
        let role = MemberRole::parse(f.role.trim()).ok();
        if role.is_none() {
            errs.add_worded("role", tr.t("staff-choose-member-role"));
        }
        let joined_on = crate::pages::forms::typed_date(
            &mut errs,
            "joined_on",
            (&f.day, &f.month, &f.year),
            true,
        );
        if joined_on.is_some_and(|d| d > crate::today(&state.ctx)) {
            errs.add("joined_on-day", Problem::InFuture);
        }
        let mut errors = crate::pages::forms::worded(
            &tr,
            errs.0,
            &[crate::pages::forms::Named::As(
                "joined_on-day",
                "staff-date-joined",
            )],
        );
        if let (Some(n), Some(role), Some(joined_on), true) =
            (&network, role, joined_on, errors.is_empty())
        {
            match coproduce_app::networks::add_member(
                &state.ctx,
                &viewer.actor(),
                n.id,
                p.id,
                role,
                joined_on,
            )
            .await
            {
                Ok(m) => return Ok(Redirect::to(&format!("/memberships/{}", m.id)).into_response()),
                Err(coproduce_app::AppError::Conflict(_)) => errors.push(FieldError::worded(
                    "network_id",
                    tr.t("staff-already-a-member"),
                )),
                Err(e) => return Err(e.into()),
            }
        }
        let page = join_page(&state, &viewer, &p, &f, errors).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn record_training(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<TrainingForm>,
) -> Response {
    let result = async {
        let p = visible_person(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let today = crate::today(&state.ctx);
        let mut errs = FieldErrors::new();
        let course = match f.course_id.trim().parse::<i64>() {
            Ok(id) => match state.store.course(id, today).await {
                Ok(c) if c.organisation_id == p.organisation_id() => Some(c),
                Ok(_) | Err(StoreError::NotFound) => None,
                Err(e) => return Err(e.into()),
            },
            Err(_) => None,
        };
        if course.is_none() {
            errs.add_worded("course_id", tr.t("staff-choose-a-course"));
        }
        let session = match f.session_id.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) => match state.store.training_session(id).await {
                    Ok(s) => Some(s),
                    Err(StoreError::NotFound) => {
                        errs.add_worded("session_id", tr.t("staff-choose-from-list"));
                        None
                    }
                    Err(e) => return Err(e.into()),
                },
                Err(_) => {
                    errs.add_worded("session_id", tr.t("staff-choose-from-list"));
                    None
                }
            },
        };
        if let (Some(c), Some(s)) = (&course, &session)
            && s.course_id != c.id
        {
            errs.add("session_id", Problem::SessionOfAnotherCourse);
        }
        // The day of the session, unless another day is typed.
        let completed_on = crate::pages::forms::typed_date(
            &mut errs,
            "completed_on",
            (&f.day, &f.month, &f.year),
            session.is_none(),
        )
        .or(session.as_ref().map(|s| s.held_on));
        if completed_on.is_some_and(|d| d > today) {
            errs.add("completed_on-day", Problem::InFuture);
        }
        let mut errors = crate::pages::forms::worded(
            &tr,
            errs.0,
            &[crate::pages::forms::Named::As(
                "completed_on-day",
                "staff-date-completed",
            )],
        );
        if let (Some(c), Some(completed_on), true) = (&course, completed_on, errors.is_empty()) {
            let fields = coproduce_store::training::CompletionFields {
                course_id: c.id,
                session_id: session.as_ref().map(|s| s.id),
                person_id: p.id,
                completed_on,
            };
            match coproduce_app::networks::record_completion(&state.ctx, &viewer.actor(), &fields)
                .await
            {
                Ok(_) => {
                    return Ok(Redirect::to(&format!("/people/{}#training", p.id)).into_response());
                }
                Err(coproduce_app::AppError::Conflict(_)) => errors.push(FieldError::worded(
                    "course_id",
                    tr.t("staff-completion-already"),
                )),
                Err(e) => return Err(e.into()),
            }
        }
        let page = training_page(&state, &viewer, &p, &f, errors).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
