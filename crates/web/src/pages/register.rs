//! Organisations and their settings, and recording who came to an activity, as pages. The rules are
//! the API's: forms become the API's bodies and are checked by the same code.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::organisation::OrganisationKind;
use coproduce_domain::person::AttendanceStatus;
use coproduce_domain::text::FieldError;
use serde::Deserialize;

use super::forms::{
    Choice, FormField, FormPage, Named, Part, Radios, Select, error_of, field_errors, worded,
};
use super::{Chrome, PageError, render, show};
use crate::AppState;
use crate::api::organisations::OrganisationBody;
use crate::auth::Viewer;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get(
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
            let actor = viewer.actor();
            let o = match editing {
                Some(id) => {
                    coproduce_app::organisations::update(&state.ctx, &actor, id, &fields).await?
                }
                None => coproduce_app::organisations::create(&state.ctx, &actor, &fields).await?,
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
    #[serde(default)]
    minutes: String,
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
        let status = AttendanceStatus::parse(f.status.trim()).ok();
        let person = match f.person_id.trim().parse::<i64>() {
            Ok(p) => match state.store.person(p).await {
                Ok(person) if viewer.sees(person.organisation_id()) => Some(person),
                _ => None,
            },
            Err(_) => None,
        };
        let visible = person.is_some();
        let minutes = match f.minutes.trim() {
            "" => Ok(None),
            m => m.parse::<i64>().map(Some).map_err(|_| ()),
        };
        let Ok(minutes) = minutes else {
            let errors = vec![FieldError::worded(
                "minutes",
                viewer.tr.t("staff-minutes-as-number"),
            )];
            let page = super::work::activity_view(&state, &viewer, id, &Default::default(), errors)
                .await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        };
        match (person, status) {
            (Some(p), Some(s)) => {
                match coproduce_app::work::set_attendance(
                    &state.ctx,
                    &viewer.actor(),
                    id,
                    p.id,
                    s,
                    minutes,
                )
                .await
                {
                    Ok(_) => Ok(Redirect::to(&format!("/activities/{id}")).into_response()),
                    Err(e) => {
                        let errors = worded(
                            &viewer.tr,
                            field_errors(e)?,
                            &[
                                Named::As("person_id", "staff-this-person"),
                                Named::As("minutes", "staff-minutes-taken-part"),
                            ],
                        );
                        let page = super::work::activity_view(
                            &state,
                            &viewer,
                            id,
                            &Default::default(),
                            errors,
                        )
                        .await?;
                        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
                    }
                }
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
                let page =
                    super::work::activity_view(&state, &viewer, id, &Default::default(), errors)
                        .await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
