//! The register of people, as pages: the list, adding and changing a person, and a
//! person's page with their access needs and consent. Forms become the API's bodies
//! and are checked by the same code (`PersonDraft::check`).
//!
//! Who sees a person's access needs is decided here: those who manage the register
//! always; others only with the person's consent to share them.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::person::{
    ContactMethod, Language, PersonDraft, PersonRole, ServiceArea, Slot,
};
use coproduce_domain::text::FieldError;
use coproduce_store::PageRequest;
use serde::Deserialize;

use super::forms::{
    Checkboxes, Choice, DateField, FormField, FormPage, HtmlForm, Named, Part, Radios, Select,
    error_of, field_errors, on_lists, worded,
};
use super::{Chrome, PageError, own_records, render, show};
use crate::AppState;
use crate::auth::Viewer;
use crate::routes::Routes;

mod form;
mod groups;
mod import;
mod profile;
mod record;

pub fn routes(r: Routes) -> Routes {
    r.get("/people", C::ReadPeople, people)
        .get("/people/new", C::WritePeople, form::new_person)
        .get("/people/inactive", C::WritePeople, inactive)
        .get("/people/import", C::WritePeople, import::form)
        .post_upload(
            "/people/import",
            C::WritePeople,
            import::upload,
            coproduce_app::import::MAX_BYTES + 64 * 1024,
        )
        .get("/people/import/{id}", C::WritePeople, import::report)
        .post(
            "/people/import/{id}/columns",
            C::WritePeople,
            import::columns,
        )
        .post("/people/import/{id}/values", C::WritePeople, import::values)
        .post("/people/import/{id}/run", C::WritePeople, import::run)
        .get("/people/{id}/erase", C::WritePeople, erase_page)
        .post("/people/{id}/erase", C::WritePeople, erase)
        .post("/people", C::WritePeople, form::create_person)
        .get("/people/{id}", C::ReadPeople, profile::page)
        .get("/people/{id}/edit", C::WritePeople, form::edit_person)
        .post("/people/{id}", C::WritePeople, form::update_person)
        .get("/people/{id}/needs/new", C::WritePeople, record::new_need)
        .post("/people/{id}/needs", C::WritePeople, record::add_need)
        .get(
            "/people/{id}/consents/new",
            C::WritePeople,
            record::new_consent,
        )
        .get(
            "/people/{id}/networks/new",
            C::WritePeople,
            groups::new_membership,
        )
        .get(
            "/people/{id}/training/new",
            C::WritePeople,
            groups::new_training,
        )
        .post(
            "/people/{id}/networks",
            C::WritePeople,
            groups::join_network,
        )
        .post(
            "/people/{id}/training",
            C::WritePeople,
            groups::record_training,
        )
        .post(
            "/people/{id}/needs/{need}/remove",
            C::WritePeople,
            record::remove_need,
        )
        .post("/people/{id}/consents", C::WritePeople, record::add_consent)
        .post(
            "/consents/{id}/withdraw",
            C::WritePeople,
            record::withdraw_consent,
        )
}

#[derive(Template)]
#[template(path = "people.html")]
struct PeoplePage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    can_write: bool,
    /// Id, name, roles.
    people: Vec<(i64, String, String)>,
    next: Option<String>,
    name: FormField,
    role: Select,
    need: Select,
    interest: Select,
    language: Select,
    network: Select,
    searching: bool,
}

/// The register's search: every part optional, all that are given must match.
#[derive(Deserialize, Default)]
pub struct PeopleQuery {
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    need: String,
    #[serde(default)]
    interest: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    network: String,
    #[serde(default)]
    after: Option<String>,
}

/// A select with "Any" first, for a filter.
fn any_of<V: Vocabulary>(
    id: &'static str,
    label: &'static str,
    selected: &str,
    tr: &crate::i18n::Tr,
) -> Select {
    let mut s = Select::of::<V>(id, label, selected, &[]);
    s.options.insert(
        0,
        Choice {
            value: String::new(),
            label: tr.t("staff-any"),
            hint: None,
        },
    );
    s
}

impl PeopleQuery {
    /// The filter asked for; a value that is none of the choices is reported.
    fn filter(&self, errors: &mut Vec<FieldError>) -> coproduce_store::people::PeopleFilter {
        fn pick<V: Vocabulary>(raw: &str, field: &str, errors: &mut Vec<FieldError>) -> Option<V> {
            match raw.trim() {
                "" => None,
                s => match V::parse(s) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        errors.push(FieldError::new(field, e));
                        None
                    }
                },
            }
        }
        coproduce_store::people::PeopleFilter {
            name: Some(self.name.trim().to_string()).filter(|n| !n.is_empty()),
            role: pick(&self.role, "role", errors),
            need: pick(&self.need, "need", errors),
            interest: pick(&self.interest, "interest", errors),
            language: pick(&self.language, "language", errors),
            network: match self.network.trim() {
                "" => None,
                s => match s.parse::<i64>() {
                    Ok(id) if id > 0 => Some(id),
                    _ => {
                        errors.push(FieldError::new(
                            "network",
                            coproduce_domain::text::Problem::NotAnId,
                        ));
                        None
                    }
                },
            },
        }
    }

    /// The address of the next page of the same search.
    fn next(&self, after: i64) -> String {
        let pairs = [
            ("name", self.name.as_str()),
            ("role", self.role.as_str()),
            ("need", self.need.as_str()),
            ("interest", self.interest.as_str()),
            ("language", self.language.as_str()),
            ("network", self.network.as_str()),
        ];
        let mut url = String::from("/people?");
        for (k, v) in pairs.iter().filter(|(_, v)| !v.trim().is_empty()) {
            url.push_str(&format!("{k}={}&", super::url_encode(v.trim())));
        }
        url.push_str(&format!("after={after}"));
        url
    }
}

async fn people(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<PeopleQuery>,
) -> Response {
    let result = async {
        let tr = viewer.tr;
        let mut errors = Vec::new();
        let filter = q.filter(&mut errors);
        let after = q.after.as_deref().and_then(|a| a.parse().ok());
        let page = state
            .store
            .find_people(
                &filter,
                PageRequest::new(after, Some(50)),
                own_records(&viewer)?,
            )
            .await?;
        let errors = worded(
            &tr,
            errors,
            &[
                Named::Always("role", "staff-choose-from-list"),
                Named::Always("need", "staff-choose-from-list"),
                Named::Always("interest", "staff-choose-from-list"),
                Named::Always("language", "staff-choose-from-list"),
                Named::Always("network", "staff-choose-from-list"),
            ],
        );
        let networks = state
            .store
            .networks(
                PageRequest::first(PageRequest::MAX_LIMIT),
                own_records(&viewer)?,
            )
            .await?;
        let mut network = Select {
            id: "network",
            label: "staff-network".into(),
            options: networks
                .items
                .into_iter()
                .map(|n| Choice {
                    value: n.id.to_string(),
                    label: n.name,
                    hint: None,
                })
                .collect(),
            selected: q.network.clone(),
            error: error_of(&errors, "network"),
        };
        network.options.insert(
            0,
            Choice {
                value: String::new(),
                label: tr.t("staff-any"),
                hint: None,
            },
        );
        Ok::<_, PageError>(PeoplePage {
            chrome: Chrome::new(&state, &viewer, "people"),
            can_write: viewer.can(C::WritePeople),
            next: page.next_after.map(|a| q.next(a)),
            name: FormField::new("name", "staff-search-name", "search")
                .autocomplete("off")
                .value(&q.name),
            role: any_of::<PersonRole>("role", "staff-how-they-take-part", &q.role, &tr),
            need: any_of::<coproduce_domain::needs::Need>("need", "staff-need", &q.need, &tr),
            interest: any_of::<ServiceArea>("interest", "staff-interests", &q.interest, &tr),
            language: any_of::<Language>("language", "staff-languages", &q.language, &tr),
            network,
            searching: !filter.is_empty(),
            errors,
            people: page
                .items
                .into_iter()
                .map(|p| {
                    let roles: Vec<&str> = p.roles.iter().map(|r| r.label()).collect();
                    (p.id, p.name, roles.join(", "))
                })
                .collect(),
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// A person the viewer may see, or "not found".
pub(super) async fn visible_person(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<coproduce_store::people::Person, PageError> {
    let id = super::id_of(raw)?;
    let p = state.store.person(id).await?;
    if viewer.sees(p.organisation_id()) && p.erased_at.is_none() {
        Ok(p)
    } else {
        Err(PageError::NotFound)
    }
}

async fn erase_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let p = visible_person(&state, &viewer, &raw).await?;
        Ok(FormPage {
            chrome: Chrome::new(&state, &viewer, "people"),
            errors: vec![],
            back: Some((
                format!("/people/{}", p.id),
                "staff-back-to-the-person".into(),
            )),
            caption: Some(p.profile.name.clone()),
            heading: "staff-erase-heading".into(),
            intro: vec![
                "staff-erase-what-goes".into(),
                "staff-erase-what-stays".into(),
                "staff-erase-cannot-undo".into(),
            ],
            action: format!("/people/{}/erase", p.id),
            parts: vec![],
            button: "staff-erase-button",
        })
    }
    .await;
    show(&state, &viewer, result)
}

async fn erase(State(state): State<AppState>, viewer: Viewer, Path(raw): Path<String>) -> Response {
    let result = async {
        let id = super::id_of(&raw)?;
        coproduce_app::people::erase(&state.ctx, &viewer.actor(), id).await?;
        Ok(Redirect::to("/people").into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct InactiveQuery {
    #[serde(default)]
    years: Option<String>,
    #[serde(default)]
    after: Option<String>,
}

#[derive(Template)]
#[template(path = "inactive.html")]
struct InactivePage {
    chrome: Chrome,
    years: FormField,
    /// Id, name, last active.
    people: Vec<(i64, String, String)>,
    next: Option<String>,
    errors: Vec<FieldError>,
    shown_years: i64,
}

/// People who have not taken part for a number of years (3 unless asked), for review.
async fn inactive(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<InactiveQuery>,
) -> Response {
    let result = async {
        let tr = viewer.tr;
        let raw = q.years.clone().unwrap_or_else(|| "3".into());
        let years = raw
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|y| (1..=20).contains(y));
        let mut errors = Vec::new();
        if years.is_none() {
            errors.push(FieldError::worded(
                "years",
                tr.t("staff-inactive-years-range"),
            ));
        }
        let shown_years = years.unwrap_or(3);
        // Staff review their own organisation; administrators, every one.
        let organisation = match own_records(&viewer)? {
            coproduce_store::Within::All => None,
            coproduce_store::Within::Parent(o) | coproduce_store::Within::Organisation(o) => {
                Some(o)
            }
        };
        let before = state.ctx.now() - chrono::Duration::days(365 * shown_years);
        let after = q.after.as_deref().and_then(|a| a.parse().ok());
        let page = state
            .store
            .inactive_people(organisation, before, PageRequest::new(after, Some(50)))
            .await?;
        Ok::<_, PageError>(InactivePage {
            chrome: Chrome::new(&state, &viewer, "people"),
            years: {
                let mut f = FormField::new("years", "staff-inactive-years", "text")
                    .numeric_code()
                    .value(&raw)
                    .errors(&errors);
                f.width = Some("nhsuk-input--width-2");
                f
            },
            next: page
                .next_after
                .map(|a| format!("/people/inactive?years={shown_years}&after={a}")),
            people: page
                .items
                .into_iter()
                .map(|p| (p.id, p.name, tr.date(p.last_active.date_naive())))
                .collect(),
            errors,
            shown_years,
        })
    }
    .await;
    show(&state, &viewer, result)
}
