//! Adding a person to the register and changing their details: the person form,
//! read into the API's body and checked by the same code (`PersonDraft::check`).

#[allow(unused_imports)]
use super::*;

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
        let organisation_id = crate::pages::chosen_organisation(viewer, &self.organisation_id);
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
    parts
        .extend(crate::pages::organisation_part(state, viewer, &f.organisation_id, &errors).await?);
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

pub(super) async fn new_person(State(state): State<AppState>, viewer: Viewer) -> Response {
    match person_form(&state, &viewer, &PersonForm::default(), vec![], None).await {
        Ok(p) => render(StatusCode::OK, &p),
        Err(e) => e.respond(&state, &viewer),
    }
}

pub(super) async fn edit_person(
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
    let checked = crate::api::people::check(&draft, crate::today(&state.ctx));
    let errors = match (checked, born_error) {
        (Ok(profile), None) => {
            let actor = viewer.actor();
            let saved = match editing {
                Some(id) => coproduce_app::people::update(&state.ctx, &actor, id, &profile).await,
                None => coproduce_app::people::create(&state.ctx, &actor, &profile).await,
            };
            match saved {
                Ok(person) => {
                    return Ok(Redirect::to(&format!("/people/{}", person.id)).into_response());
                }
                Err(e) => field_errors(e)?,
            }
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

pub(super) async fn create_person(
    State(state): State<AppState>,
    viewer: Viewer,
    HtmlForm(f): HtmlForm<PersonForm>,
) -> Response {
    save_person(&state, &viewer, f, None)
        .await
        .unwrap_or_else(|e| e.respond(&state, &viewer))
}

pub(super) async fn update_person(
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
