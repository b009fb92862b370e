//! A person's access needs and consent: the form to add a need and the form to record
//! consent, each on a page of its own, and removing a need and withdrawing consent.
//! The person's page lists what these record; it holds no form itself.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_app::AppError;
use coproduce_domain::Vocabulary;
use coproduce_domain::consent::{self, ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::needs::Need;
use coproduce_domain::person::Language;
use coproduce_domain::text::{self, FieldError, FieldErrors, Problem};
use coproduce_store::needs::NeedFields;
use coproduce_store::people::Person;
use serde::Deserialize;

use super::visible_person;
use crate::AppState;
use crate::auth::Viewer;
use crate::pages::forms::{
    Choice, DateField, FormField, FormPage, Named, Part, Radios, Select, error_of, worded,
};
use crate::pages::{Chrome, PageError, render};

/// What was typed into the form that adds a need, kept when it is sent back.
#[derive(Deserialize, Default)]
pub struct NeedForm {
    #[serde(default)]
    need: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    detail: String,
}

/// What was typed into the form that records consent, kept when it is sent back.
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

/// What a form about a person is: its heading, the address it sends to (after
/// `/people/{id}/`) and its button.
pub(super) struct About {
    pub heading: &'static str,
    pub action: &'static str,
    pub button: &'static str,
}

/// A page holding one form about `p`, with a way back to their page.
pub(super) fn person_form(
    state: &AppState,
    viewer: &Viewer,
    p: &Person,
    About {
        heading,
        action,
        button,
    }: About,
    parts: Vec<Part>,
    errors: Vec<FieldError>,
) -> FormPage {
    FormPage {
        chrome: Chrome::new(state, viewer, "people"),
        errors,
        back: Some((
            format!("/people/{}", p.id),
            "staff-back-to-the-person".into(),
        )),
        caption: Some(p.profile.name.clone()),
        heading: heading.into(),
        intro: vec![],
        action: format!("/people/{}/{action}", p.id),
        parts,
        button,
    }
    .ordered()
}

fn need_page(
    state: &AppState,
    viewer: &Viewer,
    p: &Person,
    typed: &NeedForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let tr = viewer.tr;
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
        selected: typed.need.clone(),
        error: error_of(&errors, "need"),
    };
    need.options.insert(
        0,
        Choice {
            value: String::new(),
            label: tr.t("staff-choose-one"),
            hint: None,
        },
    );
    let mut language = Select::of::<Language>(
        "language",
        "staff-interpreter-language",
        &typed.language,
        &errors,
    );
    language.options.insert(
        0,
        Choice {
            value: String::new(),
            label: tr.t("staff-not-an-interpreter"),
            hint: None,
        },
    );
    let detail = FormField::new("detail", "staff-need-detail", "text")
        .hint("staff-need-detail-hint")
        .value(&typed.detail)
        .errors(&errors);
    person_form(
        state,
        viewer,
        p,
        About {
            heading: "staff-add-a-need",
            action: "needs",
            button: "staff-add-the-need",
        },
        vec![Part::Pick(need), Part::Pick(language), Part::Text(detail)],
        errors,
    )
}

fn consent_page(
    state: &AppState,
    viewer: &Viewer,
    p: &Person,
    typed: &ConsentForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let mut given_on = DateField::typed(
        "given_on",
        "staff-date-consent-given",
        "staff-for-example-1-4-2026",
        &typed.day,
        &typed.month,
        &typed.year,
    );
    given_on.error = error_of(&errors, "given_on-day");
    let parts = vec![
        Part::Choose(Radios::of::<Purpose>(
            "purpose",
            "staff-what-did-they-agree-to",
            &typed.purpose,
            &errors,
            |_| None,
        )),
        Part::Choose(Radios::of::<ConsentMethod>(
            "method",
            "staff-how-did-they-agree",
            &typed.method,
            &errors,
            |_| None,
        )),
        Part::Date(given_on),
        Part::Field(
            FormField::new("given_by", "staff-given-by", "text")
                .hint("staff-given-by-hint")
                .autocomplete("off")
                .value(&typed.given_by)
                .errors(&errors),
        ),
    ];
    person_form(
        state,
        viewer,
        p,
        About {
            heading: "staff-record-consent",
            action: "consents",
            button: "staff-record-the-consent",
        },
        parts,
        errors,
    )
}

/// Shows an empty form page about the person the address names.
pub(super) async fn blank_form(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
    page: impl AsyncFnOnce(&Person) -> Result<FormPage, PageError>,
) -> Response {
    let result = async {
        let p = visible_person(state, viewer, raw).await?;
        page(&p).await
    }
    .await;
    crate::pages::show(state, viewer, result)
}

pub(super) async fn new_need(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let blank = NeedForm::default();
    blank_form(&state, &viewer, &raw, async |p| {
        Ok(need_page(&state, &viewer, p, &blank, vec![]))
    })
    .await
}

pub(super) async fn new_consent(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let blank = ConsentForm::default();
    blank_form(&state, &viewer, &raw, async |p| {
        Ok(consent_page(&state, &viewer, p, &blank, vec![]))
    })
    .await
}

pub(super) async fn add_need(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    axum::Form(f): axum::Form<NeedForm>,
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
        let mut errors = worded(&tr, errs.0, &[Named::As("detail", "staff-need-detail")]);
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
                    errors.push(FieldError::worded("need", tr.t("staff-need-already")));
                }
                Err(e) => return Err(e.into()),
            }
        }
        let page = need_page(&state, &viewer, &p, &f, errors);
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
    axum::Form(f): axum::Form<ConsentForm>,
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
        let errors = worded(
            &tr,
            errs.0,
            &[
                Named::As("given_on-day", "staff-the-date-consent-given"),
                Named::As("given_by", "staff-given-by"),
            ],
        );
        let page = consent_page(&state, &viewer, &p, &f, errors);
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
