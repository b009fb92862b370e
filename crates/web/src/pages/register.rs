//! The register of people and the organisations' settings, as pages. The rules are
//! the API's: forms become the API's bodies and are checked by the same code.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::organisation::OrganisationKind;
use coproduce_domain::person::{AttendanceStatus, PersonRole};
use coproduce_domain::text::FieldError;
use coproduce_store::PageRequest;
use serde::Deserialize;

use super::forms::{
    Choice, FormField, FormPage, Named, Part, Radios, Select, error_of, field_errors, worded,
};
use super::{AfterQuery, Chrome, PageError, own_records, render, show};
use crate::AppState;
use crate::api::organisations::OrganisationBody;
use crate::api::people::PersonBody;
use crate::auth::Viewer;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/people", C::ReadPeople, people)
        .get("/people/new", C::WritePeople, new_person)
        .post("/people", C::WritePeople, create_person)
        .get(
            "/organisations/new",
            C::ManageOrganisations,
            new_organisation,
        )
        .post(
            "/organisations",
            C::ManageOrganisations,
            create_organisation,
        )
        .get(
            "/organisations/{id}/settings",
            C::ManageOrganisations,
            organisation_settings,
        )
        .post(
            "/organisations/{id}/settings",
            C::ManageOrganisations,
            save_organisation,
        )
        .post(
            "/activities/{id}/attendance",
            C::WriteWork,
            record_attendance,
        )
}

#[derive(Template)]
#[template(path = "people.html")]
struct PeoplePage {
    chrome: Chrome,
    can_write: bool,
    people: Vec<(String, &'static str, String)>,
    next: Option<String>,
}

async fn people(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let result = async {
        let page = state
            .store
            .people(q.page(50), own_records(&viewer)?)
            .await?;
        Ok::<_, PageError>(PeoplePage {
            chrome: Chrome::new(&state, &viewer, "people"),
            can_write: viewer.can(C::WritePeople),
            next: page.next_after.map(|a| format!("/people?after={a}")),
            people: page
                .items
                .into_iter()
                .map(|p| (p.name, p.role.label(), p.email.unwrap_or_default()))
                .collect(),
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct PersonForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    email: String,
}

async fn organisation_choice(
    state: &AppState,
    selected: &str,
    errors: &[FieldError],
) -> Result<Part, PageError> {
    let orgs = state
        .store
        .organisations(PageRequest::first(PageRequest::MAX_LIMIT))
        .await?;
    Ok(Part::Pick(Select {
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
        selected: selected.into(),
        error: error_of(errors, "organisation_id"),
    }))
}

async fn person_form(
    state: &AppState,
    viewer: &Viewer,
    f: &PersonForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let mut parts = Vec::new();
    if viewer
        .account()
        .is_some_and(|a| a.role.sees_every_organisation())
    {
        parts.push(organisation_choice(state, &f.organisation_id, &errors).await?);
    }
    parts.push(Part::Field(
        FormField::new("name", "staff-full-name", "text")
            .autocomplete("off")
            .value(&f.name)
            .errors(&errors),
    ));
    parts.push(Part::Choose(Radios::of::<PersonRole>(
        "role",
        "staff-how-do-they-take-part",
        &f.role,
        &errors,
        |_| None,
    )));
    parts.push(Part::Field(
        FormField::new("email", "staff-email-address-optional", "email")
            .autocomplete("off")
            .value(&f.email)
            .errors(&errors),
    ));
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "people"),
        errors,
        back: Some(("/people".into(), "staff-people".into())),
        caption: None,
        heading: "staff-add-a-person".into(),
        intro: vec![],
        action: "/people".into(),
        parts,
        button: "staff-add-the-person",
    }
    .ordered())
}

async fn new_person(State(state): State<AppState>, viewer: Viewer) -> Response {
    match person_form(&state, &viewer, &PersonForm::default(), vec![]).await {
        Ok(p) => render(StatusCode::OK, &p),
        Err(e) => e.respond(&state, &viewer),
    }
}

async fn create_person(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<PersonForm>,
) -> Response {
    let result = async {
        let organisation_id = match viewer.account() {
            Some(a) if !a.role.sees_every_organisation() => a.organisation_id.unwrap_or(0),
            _ => f.organisation_id.trim().parse().unwrap_or(0),
        };
        let body = PersonBody {
            organisation_id,
            name: f.name.clone(),
            role: f.role.clone(),
            email: Some(f.email.clone()),
        };
        let checked = body.check().and_then(|fields| {
            crate::api::visible_organisation(&viewer, fields.organisation_id)?;
            Ok(fields)
        });
        match checked {
            Ok(fields) => {
                state.store.create_person(&fields).await?;
                Ok(Redirect::to("/people").into_response())
            }
            Err(e) => {
                let errors = worded(
                    &viewer.tr,
                    field_errors(e)?,
                    &[
                        Named::As("name", "staff-full-name"),
                        Named::Always("role", "staff-choose-how-they-take-part"),
                        Named::Always("organisation_id", "staff-choose-an-organisation"),
                        Named::Always("email", "staff-enter-email-form"),
                    ],
                );
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &person_form(&state, &viewer, &f, errors).await?,
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct OrganisationForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    require_second_factor: String,
}

fn organisation_form(
    state: &AppState,
    viewer: &Viewer,
    f: &OrganisationForm,
    errors: Vec<FieldError>,
    editing: Option<i64>,
) -> FormPage {
    let second_factor = Radios {
        id: "require_second_factor",
        legend: "staff-must-staff-give-a-code-from",
        hint: Some("staff-this-applies-to-administrators-involvement-leads".into()),
        options: vec![
            Choice {
                value: "yes".into(),
                label: "staff-yes".into(),
                hint: None,
            },
            Choice {
                value: "no".into(),
                label: "staff-no".into(),
                hint: None,
            },
        ],
        selected: if f.require_second_factor.is_empty() {
            "no".into()
        } else {
            f.require_second_factor.clone()
        },
        error: error_of(&errors, "require_second_factor"),
    };
    FormPage {
        chrome: Chrome::new(state, viewer, "home"),
        back: Some(match editing {
            Some(id) => (
                format!("/organisations/{id}"),
                "staff-back-to-the-organisation".into(),
            ),
            None => ("/".into(), "staff-organisations".into()),
        }),
        caption: None,
        heading: if editing.is_some() {
            "staff-organisation-settings".into()
        } else {
            "staff-add-an-organisation".into()
        },
        intro: vec![],
        action: match editing {
            Some(id) => format!("/organisations/{id}/settings"),
            None => "/organisations".into(),
        },
        parts: vec![
            Part::Field(
                FormField::new("name", "staff-name", "text")
                    .value(&f.name)
                    .errors(&errors),
            ),
            Part::Pick(Select::of::<OrganisationKind>(
                "kind",
                "staff-what-kind-of-organisation-is-it",
                &f.kind,
                &errors,
            )),
            Part::Choose(second_factor),
        ],
        errors,
        button: if editing.is_some() {
            "staff-save-settings"
        } else {
            "staff-add-the-organisation"
        },
    }
    .ordered()
}

async fn new_organisation(State(state): State<AppState>, viewer: Viewer) -> Response {
    render(
        StatusCode::OK,
        &organisation_form(&state, &viewer, &OrganisationForm::default(), vec![], None),
    )
}

async fn organisation_settings(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let o = state.store.organisation(id).await?;
        let f = OrganisationForm {
            name: o.name,
            kind: o.kind.slug().into(),
            require_second_factor: if o.require_second_factor {
                "yes".into()
            } else {
                "no".into()
            },
        };
        Ok::<_, PageError>(organisation_form(&state, &viewer, &f, vec![], Some(id)))
    }
    .await;
    show(&state, &viewer, result)
}

async fn save(
    state: &AppState,
    viewer: &Viewer,
    f: OrganisationForm,
    editing: Option<i64>,
) -> Result<Response, PageError> {
    if let Some(id) = editing {
        state.store.organisation(id).await?;
    }
    let body = OrganisationBody {
        name: f.name.clone(),
        kind: f.kind.clone(),
        require_second_factor: f.require_second_factor == "yes",
    };
    match body.check() {
        Ok(fields) => {
            let o = match editing {
                Some(id) => state.store.update_organisation(id, &fields).await?,
                None => state.store.create_organisation(&fields).await?,
            };
            Ok(Redirect::to(&format!("/organisations/{}", o.id)).into_response())
        }
        Err(e) => {
            let errors = worded(
                &viewer.tr,
                field_errors(e)?,
                &[
                    Named::As("name", "staff-name"),
                    Named::Always("kind", "staff-choose-the-kind-of-organisation"),
                ],
            );
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &organisation_form(state, viewer, &f, errors, editing),
            ))
        }
    }
}

async fn create_organisation(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<OrganisationForm>,
) -> Response {
    save(&state, &viewer, f, None)
        .await
        .unwrap_or_else(|e| e.respond(&state, &viewer))
}

async fn save_organisation(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<OrganisationForm>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        save(&state, &viewer, f, Some(id)).await
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct AttendanceForm {
    #[serde(default)]
    person_id: String,
    #[serde(default)]
    status: String,
}

/// Records who came to an activity, from the activity's page.
async fn record_attendance(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<AttendanceForm>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let org = state.store.organisation_of_activity(id).await?;
        if !viewer.sees(org) {
            return Err(PageError::NotFound);
        }
        let person = f.person_id.trim().parse::<i64>().ok();
        let status = AttendanceStatus::parse(f.status.trim()).ok();
        let visible = match person {
            Some(p) => matches!(state.store.person(p).await, Ok(person) if viewer.sees(person.organisation_id)),
            None => false,
        };
        match (person, status) {
            (Some(p), Some(s)) if visible => {
                state.store.set_attendance(id, p, s).await?;
                Ok(Redirect::to(&format!("/activities/{id}")).into_response())
            }
            _ => {
                let mut errors = Vec::new();
                if !visible {
                    errors.push(FieldError::worded(
                        "person_id",
                        viewer.tr.t("staff-choose-a-person-listed"),
                    ));
                }
                if status.is_none() {
                    errors.push(FieldError::worded(
                        "status",
                        viewer.tr.t("staff-choose-whether-they-came"),
                    ));
                }
                let page = super::work::activity_view(&state, &viewer, id, "", errors).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
