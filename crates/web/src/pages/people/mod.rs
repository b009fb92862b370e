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

mod groups;
mod import;
mod profile;

pub fn routes(r: Routes) -> Routes {
    r.get("/people", C::ReadPeople, people)
        .get("/people/new", C::WritePeople, new_person)
        .get("/people/inactive", C::WritePeople, inactive)
        .get("/people/import", C::WritePeople, import::form)
        .post_upload(
            "/people/import",
            C::WritePeople,
            import::upload,
            crate::register_import::MAX_BYTES + 64 * 1024,
        )
        .get("/people/import/{id}", C::WritePeople, import::report)
        .post(
            "/people/import/{id}/columns",
            C::WritePeople,
            import::columns,
        )
        .post("/people/import/{id}/run", C::WritePeople, import::run)
        .get("/people/{id}/erase", C::WritePeople, erase_page)
        .post("/people/{id}/erase", C::WritePeople, erase)
        .post("/people", C::WritePeople, create_person)
        .get("/people/{id}", C::ReadPeople, profile::page)
        .get("/people/{id}/edit", C::WritePeople, edit_person)
        .post("/people/{id}", C::WritePeople, update_person)
        .post("/people/{id}/needs", C::WritePeople, profile::add_need)
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
            profile::remove_need,
        )
        .post(
            "/people/{id}/consents",
            C::WritePeople,
            profile::add_consent,
        )
        .post(
            "/consents/{id}/withdraw",
            C::WritePeople,
            profile::withdraw_consent,
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

/// The person form as typed. Lists come from checkboxes, one value per ticked box.
#[derive(Deserialize, Default, Clone)]
pub struct PersonForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    preferred_name: String,
    #[serde(default)]
    pronouns: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    postcode: String,
    #[serde(default)]
    preferred_contact: String,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    affiliations: String,
    #[serde(default)]
    interests: Vec<String>,
    #[serde(default)]
    availability: Vec<String>,
    #[serde(default)]
    avoid_rush_hour: String,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default, rename = "born_on-day")]
    born_day: String,
    #[serde(default, rename = "born_on-month")]
    born_month: String,
    #[serde(default, rename = "born_on-year")]
    born_year: String,
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

impl PersonForm {
    /// The form as the API's body; the organisation is the viewer's own unless they
    /// see every organisation. A date of birth that is not a date is reported here.
    fn draft(&self, viewer: &Viewer) -> (PersonDraft, Option<FieldError>) {
        let organisation_id = super::chosen_organisation(viewer, &self.organisation_id);
        let (born_on, born_error) = match coproduce_domain::time::date_from_parts(
            &self.born_day,
            &self.born_month,
            &self.born_year,
        ) {
            Ok(d) => (d.map(|d| d.to_string()), None),
            Err(p) => (None, Some(FieldError::new("born_on-day", p))),
        };
        let draft = PersonDraft {
            organisation_id,
            name: self.name.clone(),
            preferred_name: some(&self.preferred_name),
            pronouns: some(&self.pronouns),
            email: some(&self.email),
            phone: some(&self.phone),
            address: some(&self.address),
            postcode: some(&self.postcode),
            preferred_contact: some(&self.preferred_contact),
            roles: self.roles.clone(),
            affiliations: some(&self.affiliations),
            interests: self.interests.clone(),
            availability: self.availability.clone(),
            avoid_rush_hour: self.avoid_rush_hour == "yes",
            languages: self.languages.clone(),
            born_on,
        };
        (draft, born_error)
    }

    fn of(d: PersonDraft) -> PersonForm {
        let (born_day, born_month, born_year) = d
            .born_on
            .as_deref()
            .and_then(|b| coproduce_domain::time::parse_date(b).ok())
            .map(|b| {
                use chrono::Datelike;
                (
                    b.day().to_string(),
                    b.month().to_string(),
                    b.year().to_string(),
                )
            })
            .unwrap_or_default();
        PersonForm {
            organisation_id: d.organisation_id.to_string(),
            name: d.name,
            preferred_name: d.preferred_name.unwrap_or_default(),
            pronouns: d.pronouns.unwrap_or_default(),
            email: d.email.unwrap_or_default(),
            phone: d.phone.unwrap_or_default(),
            address: d.address.unwrap_or_default(),
            postcode: d.postcode.unwrap_or_default(),
            preferred_contact: d.preferred_contact.unwrap_or_default(),
            roles: d.roles,
            affiliations: d.affiliations.unwrap_or_default(),
            interests: d.interests,
            availability: d.availability,
            avoid_rush_hour: if d.avoid_rush_hour {
                "yes".into()
            } else {
                String::new()
            },
            languages: d.languages,
            born_day,
            born_month,
            born_year,
        }
    }
}

/// How the person form names its fields in messages.
const NAMES: &[Named] = &[
    Named::As("name", "staff-full-name"),
    Named::As("preferred_name", "staff-preferred-name"),
    Named::As("pronouns", "staff-pronouns"),
    Named::Always("email", "staff-enter-email-form"),
    Named::As("phone", "staff-phone"),
    Named::As("address", "staff-address"),
    Named::As("postcode", "staff-postcode"),
    Named::Always("preferred_contact", "staff-choose-contact-method"),
    Named::Always("roles", "staff-choose-how-they-take-part"),
    Named::As("affiliations", "staff-affiliations"),
    Named::Always("interests", "staff-choose-interests-listed"),
    Named::Always("availability", "staff-choose-times-listed"),
    Named::Always("languages", "staff-choose-languages-listed"),
    Named::As("born_on-day", "staff-date-of-birth"),
    Named::Always("organisation_id", "staff-choose-an-organisation"),
];

fn text_field(
    id: &'static str,
    label: &'static str,
    value: &str,
    errors: &[FieldError],
) -> FormField {
    FormField::new(id, label, "text")
        .autocomplete("off")
        .value(value)
        .errors(errors)
}

async fn person_form(
    state: &AppState,
    viewer: &Viewer,
    f: &PersonForm,
    errors: Vec<FieldError>,
    editing: Option<i64>,
) -> Result<FormPage, PageError> {
    let mut parts = Vec::new();
    parts.extend(super::organisation_part(state, viewer, &f.organisation_id, &errors).await?);
    parts.push(Part::Field(text_field(
        "name",
        "staff-full-name",
        &f.name,
        &errors,
    )));
    parts.push(Part::Field(
        text_field(
            "preferred_name",
            "staff-preferred-name",
            &f.preferred_name,
            &errors,
        )
        .hint("staff-preferred-name-hint"),
    ));
    parts.push(Part::Field(
        text_field("pronouns", "staff-pronouns", &f.pronouns, &errors).hint("staff-pronouns-hint"),
    ));
    parts.push(Part::Checks(
        Checkboxes::of::<PersonRole>("roles", "staff-how-do-they-take-part", &f.roles, &errors)
            .hint("staff-select-all-that-apply"),
    ));
    parts.push(Part::Heading("staff-contact-details"));
    parts.push(Part::Field(
        FormField::new("email", "staff-email-address-optional", "email")
            .autocomplete("off")
            .value(&f.email)
            .errors(&errors),
    ));
    parts.push(Part::Field(
        FormField::new("phone", "staff-phone-optional", "tel")
            .autocomplete("off")
            .value(&f.phone)
            .errors(&errors),
    ));
    parts.push(Part::Text(
        FormField::new("address", "staff-address-optional", "text")
            .value(&f.address)
            .errors(&errors),
    ));
    let mut postcode = text_field("postcode", "staff-postcode-optional", &f.postcode, &errors);
    postcode.width = Some("nhsuk-input--width-10");
    parts.push(Part::Field(postcode));
    let mut contact = Radios::of::<ContactMethod>(
        "preferred_contact",
        "staff-how-do-they-prefer-to-be-contacted",
        &f.preferred_contact,
        &errors,
        |_| None,
    );
    contact.hint = Some("staff-contact-hint".into());
    parts.push(Part::Choose(contact));
    parts.push(Part::Heading("staff-taking-part"));
    parts.push(Part::Text(
        FormField::new("affiliations", "staff-affiliations-optional", "text")
            .hint("staff-affiliations-hint")
            .value(&f.affiliations)
            .errors(&errors),
    ));
    parts.push(Part::Checks(Checkboxes::of::<ServiceArea>(
        "interests",
        "staff-what-are-they-interested-in",
        &f.interests,
        &errors,
    )));
    parts.push(Part::Checks(Checkboxes {
        id: "availability",
        legend: "staff-when-can-they-usually-come",
        hint: Some("staff-select-all-that-apply"),
        options: Slot::all()
            .map(|s| Choice {
                value: s.slug(),
                label: format!("{} {}", s.day.label(), s.part.label().to_lowercase()),
                hint: None,
            })
            .collect(),
        checked: f.availability.clone(),
        error: error_of(&errors, "availability"),
    }));
    parts.push(Part::Checks(Checkboxes {
        id: "avoid_rush_hour",
        legend: "staff-travel",
        hint: None,
        options: vec![Choice {
            value: "yes".into(),
            label: "staff-avoid-rush-hour".into(),
            hint: None,
        }],
        checked: vec![f.avoid_rush_hour.clone()],
        error: None,
    }));
    parts.push(Part::Checks(Checkboxes::of::<Language>(
        "languages",
        "staff-which-languages-do-they-speak",
        &f.languages,
        &errors,
    )));
    let mut born = DateField::typed(
        "born_on",
        "staff-date-of-birth-optional",
        "staff-date-of-birth-hint",
        &f.born_day,
        &f.born_month,
        &f.born_year,
    );
    born.error = error_of(&errors, "born_on-day");
    parts.push(Part::Date(born));
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "people"),
        errors,
        back: Some(match editing {
            Some(id) => (format!("/people/{id}"), "staff-back-to-the-person".into()),
            None => ("/people".into(), "staff-people".into()),
        }),
        caption: None,
        heading: if editing.is_some() {
            "staff-change-their-details".into()
        } else {
            "staff-add-a-person".into()
        },
        intro: vec![],
        action: match editing {
            Some(id) => format!("/people/{id}"),
            None => "/people".into(),
        },
        parts,
        button: if editing.is_some() {
            "staff-save-changes"
        } else {
            "staff-add-the-person"
        },
    }
    .ordered())
}

async fn new_person(State(state): State<AppState>, viewer: Viewer) -> Response {
    match person_form(&state, &viewer, &PersonForm::default(), vec![], None).await {
        Ok(p) => render(StatusCode::OK, &p),
        Err(e) => e.respond(&state, &viewer),
    }
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

async fn edit_person(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let p = visible_person(&state, &viewer, &raw).await?;
        person_form(
            &state,
            &viewer,
            &PersonForm::of(p.profile.draft()),
            vec![],
            Some(p.id),
        )
        .await
    }
    .await;
    show(&state, &viewer, result)
}

async fn save_person(
    state: &AppState,
    viewer: &Viewer,
    f: PersonForm,
    editing: Option<i64>,
) -> Result<Response, PageError> {
    if let Some(id) = editing {
        visible_person(state, viewer, &id.to_string()).await?;
    }
    let (draft, born_error) = f.draft(viewer);
    let checked = crate::api::people::check(&draft).and_then(|p| {
        crate::api::visible_organisation(viewer, p.organisation_id)?;
        Ok(p)
    });
    let errors = match (checked, born_error) {
        (Ok(profile), None) => {
            let person = match editing {
                Some(id) => state.store.update_person(id, &profile).await?,
                None => state.store.create_person(&profile).await?,
            };
            return Ok(Redirect::to(&format!("/people/{}", person.id)).into_response());
        }
        (Ok(_), Some(e)) => vec![e],
        (Err(e), born) => {
            let mut errors = field_errors(e)?;
            if let Some(b) = born {
                errors.retain(|e| e.field != "born_on");
                errors.push(b);
            } else {
                for e in &mut errors {
                    if e.field == "born_on" {
                        e.field = "born_on-day".into();
                    }
                }
            }
            errors
        }
    };
    let errors = worded(&viewer.tr, on_lists(errors), NAMES);
    Ok(render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &person_form(state, viewer, &f, errors, editing).await?,
    ))
}

async fn create_person(
    State(state): State<AppState>,
    viewer: Viewer,
    HtmlForm(f): HtmlForm<PersonForm>,
) -> Response {
    save_person(&state, &viewer, f, None)
        .await
        .unwrap_or_else(|e| e.respond(&state, &viewer))
}

async fn update_person(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<PersonForm>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        save_person(&state, &viewer, f, Some(id)).await
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
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
        let p = visible_person(&state, &viewer, &raw).await?;
        state.store.erase_person(p.id).await?;
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
        let before = coproduce_store::now() - chrono::Duration::days(365 * shown_years);
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
