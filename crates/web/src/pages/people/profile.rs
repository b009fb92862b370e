//! A person's page: their profile, their access needs (with the form to add one) and
//! their consent (with the forms to record and withdraw it).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_app::AppError;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::consent::{self, ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::needs::Need;
use coproduce_domain::person::{self as person_rules, Language};
use coproduce_domain::text::{self, FieldError, FieldErrors, Problem};
use coproduce_store::consents::Consent;
use coproduce_store::needs::{NeedFields, PersonNeed};
use coproduce_store::people::Person;
use serde::Deserialize;

use super::groups::{self, Groups, JoinForm, TrainingForm};
use super::visible_person;
use crate::AppState;
use crate::auth::Viewer;
use crate::pages::forms::{Choice, DateField, FormField, Radios, Select, error_of};
use crate::pages::{Chrome, PageError, render, show};

/// One row of the profile's summary list: a label key and the value.
type Row = (&'static str, String);

#[derive(Template)]
#[template(path = "person.html")]
pub struct PersonPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    id: i64,
    name: String,
    rows: Vec<Row>,
    can_write: bool,
    /// Whether the viewer may see the needs (they manage the register, or the person
    /// consented to share them).
    needs_visible: bool,
    needs: Vec<PersonNeed>,
    /// Tags that warn: under 18 without a guardian's consent, no consent to contact.
    warnings: Vec<&'static str>,
    consents: Vec<ConsentShown>,
    need: Select,
    need_language: Select,
    need_detail: FormField,
    purpose: Radios,
    method: Radios,
    given_on: DateField,
    given_by: FormField,
    /// Their networks and training, with the forms to add to them.
    groups: Groups,
}

/// What was typed into each of the page's forms; the one sent back keeps its values.
#[derive(Default)]
pub struct Typed {
    pub need: NeedForm,
    pub consent: ConsentForm,
    pub join: JoinForm,
    pub training: TrainingForm,
}

/// One consent as the page lists it.
pub struct ConsentShown {
    id: i64,
    purpose: &'static str,
    given: String,
    /// The tag's colour and words.
    status: (&'static str, String),
    withdrawable: bool,
}

impl ConsentShown {
    fn of(c: &Consent, tr: &crate::i18n::Tr, today: chrono::NaiveDate) -> Self {
        let mut given = format!(
            "{}, {}",
            tr.date(c.given_on),
            c.method.label().to_lowercase()
        );
        if let Some(g) = &c.given_by {
            given.push_str(&format!(", {} {g}", tr.t("staff-by")));
        }
        if let Some(r) = &c.recorded_by_name {
            given.push_str(&format!(" ({} {r})", tr.t("staff-recorded-by")));
        }
        let status = match c.withdrawn_on {
            _ if c.active_on(today) => ("green", tr.t("staff-consent-active")),
            Some(w) => ("grey", tr.t1("staff-consent-withdrawn", "date", tr.date(w))),
            None => ("grey", tr.t("staff-consent-from-later")),
        };
        ConsentShown {
            id: c.id,
            purpose: c.purpose.label(),
            given,
            status,
            withdrawable: c.withdrawn_on.is_none(),
        }
    }
}

/// What was typed into the page's forms, kept when one is sent back.
#[derive(Deserialize, Default)]
pub struct NeedForm {
    #[serde(default)]
    need: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    detail: String,
}

#[derive(Deserialize, Default)]
pub struct ConsentForm {
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    method: String,
    #[serde(default, rename = "given_on-day")]
    day: String,
    #[serde(default, rename = "given_on-month")]
    month: String,
    #[serde(default, rename = "given_on-year")]
    year: String,
    #[serde(default)]
    given_by: String,
}

fn labels<V: Vocabulary>(set: &std::collections::BTreeSet<V>) -> String {
    set.iter().map(|v| v.label()).collect::<Vec<_>>().join(", ")
}

fn profile_rows(p: &Person, today: chrono::NaiveDate) -> Vec<Row> {
    let f = &p.profile;
    let or_blank = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut rows = vec![
        ("staff-preferred-name", or_blank(&f.preferred_name)),
        ("staff-pronouns", or_blank(&f.pronouns)),
        ("staff-how-they-take-part", labels(&f.roles)),
        ("staff-email", or_blank(&f.email)),
        ("staff-phone", or_blank(&f.phone)),
        ("staff-address", or_blank(&f.address)),
        ("staff-postcode", or_blank(&f.postcode)),
        (
            "staff-preferred-contact",
            f.preferred_contact
                .map(|c| c.label().to_string())
                .unwrap_or_default(),
        ),
        ("staff-affiliations", or_blank(&f.affiliations)),
        ("staff-interests", labels(&f.interests)),
        (
            "staff-availability",
            f.availability
                .iter()
                .map(|s| format!("{} {}", s.day.label(), s.part.label().to_lowercase()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("staff-languages", labels(&f.languages)),
    ];
    if f.avoid_rush_hour {
        rows.push(("staff-travel", "staff-avoid-rush-hour".into()));
    }
    if let Some(born) = f.born_on {
        rows.push((
            "staff-date-of-birth",
            format!(
                "{} ({})",
                coproduce_domain::time::show_date(born),
                person_rules::age_on(born, today)
            ),
        ));
    }
    rows
}

pub(super) async fn person_view(
    state: &AppState,
    viewer: &Viewer,
    p: Person,
    errors: Vec<FieldError>,
    typed: &Typed,
) -> Result<PersonPage, PageError> {
    let (need_form, consent_form) = (&typed.need, &typed.consent);
    let today = crate::today(&state.ctx);
    let consents = state.store.consents_of(p.id).await?;
    let active = |purpose: Purpose| {
        consents
            .iter()
            .any(|c| c.purpose == purpose && c.active_on(today))
    };
    let can_write = viewer.can(C::WritePeople);
    let shown = coproduce_app::people::needs_of(&state.ctx, &viewer.actor(), p.id, today).await?;
    let needs_visible = shown.is_some();
    let needs = shown.unwrap_or_default();
    let mut warnings = Vec::new();
    if p.profile
        .born_on
        .is_some_and(|b| person_rules::is_child(b, today))
        && !active(Purpose::Guardian)
    {
        warnings.push("staff-warning-no-guardian");
    }
    if !active(Purpose::Contact) {
        warnings.push("staff-warning-no-contact");
    }
    let mut need = Select {
        id: "need",
        label: "staff-need".into(),
        options: Need::ALL
            .iter()
            .map(|n| Choice {
                value: n.slug().into(),
                label: format!("{}: {}", n.category().label(), n.label()),
                hint: None,
            })
            .collect(),
        selected: need_form.need.clone(),
        error: error_of(&errors, "need"),
    };
    need.options.insert(
        0,
        Choice {
            value: String::new(),
            label: viewer.tr.t("staff-choose-one"),
            hint: None,
        },
    );
    let mut need_language = Select::of::<Language>(
        "language",
        "staff-interpreter-language",
        &need_form.language,
        &errors,
    );
    need_language.options.insert(
        0,
        Choice {
            value: String::new(),
            label: viewer.tr.t("staff-not-an-interpreter"),
            hint: None,
        },
    );
    let mut given_on = DateField::typed(
        "given_on",
        "staff-date-consent-given",
        "staff-for-example-1-4-2026",
        &consent_form.day,
        &consent_form.month,
        &consent_form.year,
    );
    given_on.error = error_of(&errors, "given_on-day");
    let groups = groups::view(state, viewer, &p, &errors, typed).await?;
    Ok(PersonPage {
        groups,
        chrome: Chrome::new(state, viewer, "people"),
        id: p.id,
        rows: profile_rows(&p, today),
        name: p.profile.name,
        can_write,
        needs_visible,
        needs,
        warnings,
        consents: consents
            .iter()
            .map(|c| ConsentShown::of(c, &viewer.tr, today))
            .collect(),
        need,
        need_language,
        need_detail: FormField::new("detail", "staff-need-detail", "text")
            .hint("staff-need-detail-hint")
            .value(&need_form.detail)
            .errors(&errors),
        purpose: Radios::of::<Purpose>(
            "purpose",
            "staff-what-did-they-agree-to",
            &consent_form.purpose,
            &errors,
            |_| None,
        ),
        method: Radios::of::<ConsentMethod>(
            "method",
            "staff-how-did-they-agree",
            &consent_form.method,
            &errors,
            |_| None,
        ),
        given_on,
        given_by: FormField::new("given_by", "staff-given-by", "text")
            .hint("staff-given-by-hint")
            .autocomplete("off")
            .value(&consent_form.given_by)
            .errors(&errors),
        errors,
    })
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let p = visible_person(&state, &viewer, &raw).await?;
        person_view(&state, &viewer, p, vec![], &Typed::default()).await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn add_need(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<NeedForm>,
) -> Response {
    let result = async {
        let p = visible_person(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let mut errs = FieldErrors::new();
        let need = Need::parse(f.need.trim()).ok();
        if need.is_none() {
            errs.add_worded("need", tr.t("staff-choose-a-need"));
        }
        let language = match f.language.trim() {
            "" => None,
            l => errs.take("language", Language::parse(l)),
        };
        if need.is_some_and(Need::needs_language) && language.is_none() && errs.is_empty() {
            errs.add_worded("language", tr.t("staff-choose-interpreter-language"));
        }
        let detail = errs
            .take("detail", text::optional(Some(&f.detail), 1000))
            .flatten();
        let errors = crate::pages::forms::worded(
            &tr,
            errs.0,
            &[crate::pages::forms::Named::As(
                "detail",
                "staff-need-detail",
            )],
        );
        if let (Some(need), true) = (need, errors.is_empty()) {
            let fields = NeedFields {
                need,
                language: language.filter(|_| need.needs_language()),
                detail,
            };
            match coproduce_app::people::add_need(&state.ctx, &viewer.actor(), p.id, &fields).await
            {
                Ok(_) => {
                    return Ok(Redirect::to(&format!("/people/{}#needs", p.id)).into_response());
                }
                Err(AppError::Conflict(_)) => {
                    let errors = vec![FieldError::worded("need", tr.t("staff-need-already"))];
                    let typed = Typed {
                        need: f,
                        ..Typed::default()
                    };
                    let page = person_view(&state, &viewer, p, errors, &typed).await?;
                    return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
                }
                Err(e) => return Err(e.into()),
            }
        }
        let typed = Typed {
            need: f,
            ..Typed::default()
        };
        let page = person_view(&state, &viewer, p, errors, &typed).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn remove_need(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, need)): Path<(String, String)>,
) -> Response {
    let result = async {
        let p = visible_person(&state, &viewer, &raw).await?;
        let need_id = need.parse::<i64>().map_err(|_| PageError::NotFound)?;
        coproduce_app::people::remove_need(&state.ctx, &viewer.actor(), p.id, need_id).await?;
        Ok(Redirect::to(&format!("/people/{}#needs", p.id)).into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn add_consent(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ConsentForm>,
) -> Response {
    let result = async {
        let p = visible_person(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let mut errs = FieldErrors::new();
        let purpose = Purpose::parse(f.purpose.trim()).ok();
        if purpose.is_none() {
            errs.add_worded("purpose", tr.t("staff-choose-consent-purpose"));
        }
        let method = ConsentMethod::parse(f.method.trim()).ok();
        if method.is_none() {
            errs.add_worded("method", tr.t("staff-choose-consent-method"));
        }
        let given_on = match coproduce_domain::time::date_from_parts(&f.day, &f.month, &f.year) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errs.add("given_on-day", Problem::Empty);
                None
            }
            Err(problem) => {
                errs.add("given_on-day", problem);
                None
            }
        };
        let given_by = errs
            .take("given_by", text::optional(Some(&f.given_by), text::SHORT))
            .flatten();
        if let (Some(purpose), Some(method), Some(given_on)) = (purpose, method, given_on) {
            let c = ConsentGiven {
                purpose,
                given_on,
                method,
                given_by,
            };
            match consent::check_given(&c, crate::today(&state.ctx)) {
                Ok(()) if errs.is_empty() => {
                    coproduce_app::people::record_consent(&state.ctx, &viewer.actor(), p.id, &c)
                        .await?;
                    return Ok(Redirect::to(&format!("/people/{}#consent", p.id)).into_response());
                }
                Ok(()) => {}
                Err((field, problem)) => {
                    let field = if field == "given_on" {
                        "given_on-day"
                    } else {
                        field
                    };
                    errs.add(field, problem);
                }
            }
        }
        let errors = crate::pages::forms::worded(
            &tr,
            errs.0,
            &[
                crate::pages::forms::Named::As("given_on-day", "staff-the-date-consent-given"),
                crate::pages::forms::Named::As("given_by", "staff-given-by"),
            ],
        );
        let typed = Typed {
            consent: f,
            ..Typed::default()
        };
        let page = person_view(&state, &viewer, p, errors, &typed).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn withdraw_consent(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let c = state.store.consent(id).await?;
        let p = visible_person(&state, &viewer, &c.person_id.to_string()).await?;
        let today = crate::today(&state.ctx);
        // Withdrawal takes effect today; a consent given later than today (recorded
        // ahead) is withdrawn from the day it was to start.
        let on = consent::check_withdrawn(c.given_on, today, today).unwrap_or(c.given_on);
        coproduce_app::people::withdraw_consent(&state.ctx, &viewer.actor(), id, on).await?;
        Ok(Redirect::to(&format!("/people/{}#consent", p.id)).into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
