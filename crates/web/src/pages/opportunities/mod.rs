//! Opportunities: the staff pages (the list, writing one, its page, opening it,
//! inviting people, saying someone is interested, choosing with the make-up beside
//! the network's), the public list with its Easy Read view, and the participant's
//! own page (`public.rs`). The rules are `coproduce_app::opportunities`': a form is
//! turned into the same draft the API checks.

mod public;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::equality::Shown;
use coproduce_domain::ladder::Rung;
use coproduce_domain::opportunity::{
    ApplicationStatus, OpportunityDraft, Recognition, Standing, WhoMayApply,
};
use coproduce_domain::text::{FieldError, FieldErrors};
use coproduce_store::opportunities::{Application, Opportunity};
use coproduce_store::people::PeopleFilter;
use coproduce_store::{PageRequest, Within};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Viewer;
use crate::pages::forms::{
    Checkboxes, Choice, DateField, FormField, FormPage, HtmlForm, Named, Part, Radios, Select,
    error_of, field_errors, worded,
};
use crate::pages::{AfterQuery, Chrome, PageError, id_of, own_records, render, show};
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/opportunities", C::ReadWork, list)
        .get("/opportunities/new", C::WriteWork, new_page)
        .post("/opportunities", C::WriteWork, create)
        .get("/opportunities/{id}", C::ReadWork, page)
        .get("/opportunities/{id}/edit", C::WriteWork, edit_page)
        .post("/opportunities/{id}", C::WriteWork, update)
        .post("/opportunities/{id}/publish", C::WriteWork, publish)
        .get("/opportunities/{id}/invited", C::WriteWork, invite_page)
        .post("/opportunities/{id}/invited", C::WriteWork, invite)
        .get("/opportunities/{id}/apply", C::WriteWork, apply_page)
        .post("/opportunities/{id}/apply", C::WriteWork, apply)
        .post(
            "/opportunities/{id}/applications/{person_id}/withdraw",
            C::WriteWork,
            withdraw,
        )
        .get("/opportunities/{id}/choose", C::WriteWork, choose_page)
        .post("/opportunities/{id}/choose", C::WriteWork, choose)
        .get("/open-opportunities", C::ReadPublic, public::list)
        .get("/open-opportunities/{id}", C::ReadPublic, public::page)
        .get(
            "/open-opportunities/{id}/easy-read",
            C::ReadPublic,
            public::easy_read,
        )
        .get("/me/opportunities/{id}", C::OwnAccount, public::own_page)
        .post("/me/opportunities/{id}", C::OwnAccount, public::own_apply)
        .post(
            "/me/opportunities/{id}/withdraw",
            C::OwnAccount,
            public::own_withdraw,
        )
}

/// A standing in words, for staff.
fn standing_key(s: Standing) -> &'static str {
    match s {
        Standing::Draft => "staff-opportunity-draft",
        Standing::Open => "staff-opportunity-open",
        Standing::Closed => "staff-opportunity-closed",
        Standing::Decided => "staff-opportunity-decided",
    }
}

fn today(state: &AppState) -> chrono::NaiveDate {
    crate::today(&state.ctx)
}

/// An opportunity of an organisation the viewer sees.
async fn visible(state: &AppState, viewer: &Viewer, raw: &str) -> Result<Opportunity, PageError> {
    let o = state.store.opportunity(id_of(raw)?).await?;
    viewer
        .check(o.organisation_id)
        .map_err(|_| PageError::NotFound)?;
    Ok(o)
}

#[derive(Template)]
#[template(path = "opportunities.html")]
struct ListPage {
    chrome: Chrome,
    can_write: bool,
    /// Id, title, standing in words, closing date, applicants, places.
    rows: Vec<(i64, String, String, String, i64, i64)>,
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
            .opportunities(q.page(50), own_records(&viewer)?)
            .await?;
        let tr = viewer.tr;
        let day = today(&state);
        Ok::<_, PageError>(ListPage {
            chrome: Chrome::new(&state, &viewer, "opportunities"),
            can_write: viewer.can(C::WriteWork),
            next: page.next_after.map(|a| format!("/opportunities?after={a}")),
            rows: page
                .items
                .into_iter()
                .map(|o| {
                    (
                        o.id,
                        tr.t(standing_key(o.standing(day))),
                        tr.date(o.closes_on),
                        o.title,
                        o.applicants,
                        o.places,
                    )
                })
                .map(|(id, s, d, t, a, p)| (id, t, s, d, a, p))
                .collect(),
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// The opportunity form, as typed.
#[derive(Deserialize, Default)]
pub struct OpportunityForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    expected: String,
    #[serde(default)]
    involved: String,
    #[serde(default)]
    time_asked: String,
    #[serde(default)]
    recognition: String,
    #[serde(default)]
    recognition_detail: String,
    #[serde(default)]
    access_support: String,
    #[serde(default)]
    rung: String,
    #[serde(default, rename = "closes_on-day")]
    closes_day: String,
    #[serde(default, rename = "closes_on-month")]
    closes_month: String,
    #[serde(default, rename = "closes_on-year")]
    closes_year: String,
    #[serde(default)]
    places: String,
    #[serde(default)]
    who_may_apply: String,
    #[serde(default)]
    network_id: String,
    #[serde(default)]
    easy_read: String,
}

const NAMES: &[Named] = &[
    Named::As("title", "staff-opportunity-title"),
    Named::As("expected", "staff-opportunity-expected"),
    Named::As("involved", "staff-opportunity-involved"),
    Named::As("time_asked", "staff-opportunity-time"),
    Named::Always("recognition", "staff-choose-the-recognition"),
    Named::As("recognition_detail", "staff-opportunity-recognition-detail"),
    Named::As("access_support", "staff-opportunity-access-support"),
    Named::Always("rung", "staff-choose-a-rung"),
    Named::As("closes_on-day", "staff-opportunity-closes"),
    Named::As("places", "staff-opportunity-places"),
    Named::Always("who_may_apply", "staff-choose-who-may-apply"),
    Named::As("network_id", "staff-opportunity-network"),
    Named::As("easy_read", "staff-opportunity-easy-read"),
    Named::As("person_id", "staff-opportunity-person"),
    Named::As("why", "staff-opportunity-why"),
    Named::As("chosen", "staff-opportunity-chosen"),
];

async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    f: &OpportunityForm,
    errors: Vec<FieldError>,
    editing: Option<&Opportunity>,
) -> Result<FormPage, PageError> {
    let mut parts = Vec::new();
    parts
        .extend(crate::pages::organisation_part(state, viewer, &f.organisation_id, &errors).await?);
    let text = |id: &'static str, label: &'static str, hint: Option<&'static str>, value: &str| {
        let mut field = FormField::new(id, label, "text")
            .value(value)
            .errors(&errors);
        if let Some(h) = hint {
            field = field.hint(h);
        }
        field
    };
    parts.push(Part::Field(text(
        "title",
        "staff-opportunity-title",
        Some("staff-opportunity-title-hint"),
        &f.title,
    )));
    parts.push(Part::Heading("staff-opportunity-the-role"));
    parts.push(Part::Text(text(
        "expected",
        "staff-opportunity-expected",
        Some("staff-opportunity-expected-hint"),
        &f.expected,
    )));
    parts.push(Part::Text(text(
        "involved",
        "staff-opportunity-involved",
        Some("staff-opportunity-involved-hint"),
        &f.involved,
    )));
    parts.push(Part::Field(text(
        "time_asked",
        "staff-opportunity-time",
        Some("staff-opportunity-time-hint"),
        &f.time_asked,
    )));
    parts.push(Part::Choose(Radios::of::<Recognition>(
        "recognition",
        "staff-opportunity-recognition",
        &f.recognition,
        &errors,
        |_| None,
    )));
    parts.push(Part::Text(text(
        "recognition_detail",
        "staff-opportunity-recognition-detail",
        Some("staff-opportunity-recognition-detail-hint"),
        &f.recognition_detail,
    )));
    parts.push(Part::Text(text(
        "access_support",
        "staff-opportunity-access-support",
        Some("staff-opportunity-access-support-hint"),
        &f.access_support,
    )));
    parts.push(Part::Pick(Select {
        id: "rung",
        label: "staff-opportunity-rung".into(),
        options: crate::pages::forms::after_none(
            viewer.tr.t("staff-not-set"),
            Rung::ALL
                .iter()
                .map(|r| Choice {
                    value: r.slug().into(),
                    label: r.label().into(),
                    hint: None,
                })
                .collect(),
        ),
        selected: f.rung.clone(),
        error: error_of(&errors, "rung"),
    }));
    parts.push(Part::Heading("staff-opportunity-who-and-when"));
    let mut closes = DateField::typed(
        "closes_on",
        "staff-opportunity-closes",
        "staff-opportunity-closes-hint",
        &f.closes_day,
        &f.closes_month,
        &f.closes_year,
    );
    closes.error = error_of(&errors, "closes_on-day");
    parts.push(Part::Date(closes));
    let mut places = text(
        "places",
        "staff-opportunity-places",
        Some("staff-opportunity-places-hint"),
        &f.places,
    );
    places.width = Some("nhsuk-input--width-4");
    places.inputmode = "numeric";
    parts.push(Part::Field(places));
    parts.push(Part::Choose(Radios::of::<WhoMayApply>(
        "who_may_apply",
        "staff-opportunity-who-may-apply",
        &f.who_may_apply,
        &errors,
        |_| None,
    )));
    let organisation = editing.map(|o| o.organisation_id).or_else(|| {
        viewer
            .account()
            .filter(|a| !a.role.sees_every_organisation())
            .and_then(|a| a.organisation_id)
    });
    let within = organisation.map_or(Within::All, Within::Parent);
    let networks = state
        .store
        .networks(PageRequest::first(PageRequest::MAX_LIMIT), within)
        .await?;
    parts.push(Part::Pick(Select {
        id: "network_id",
        label: "staff-opportunity-network".into(),
        options: crate::pages::forms::after_none(
            viewer.tr.t("staff-opportunity-no-network"),
            networks
                .items
                .into_iter()
                .map(|n| Choice {
                    value: n.id.to_string(),
                    label: n.name,
                    hint: None,
                })
                .collect(),
        ),
        selected: f.network_id.clone(),
        error: error_of(&errors, "network_id"),
    }));
    parts.push(Part::Text(text(
        "easy_read",
        "staff-opportunity-easy-read",
        Some("staff-opportunity-easy-read-hint"),
        &f.easy_read,
    )));
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "opportunities"),
        errors,
        back: Some(match editing {
            Some(o) => (
                format!("/opportunities/{}", o.id),
                "staff-back-to-the-opportunity".into(),
            ),
            None => ("/opportunities".into(), "staff-opportunities".into()),
        }),
        caption: None,
        heading: if editing.is_some() {
            "staff-change-the-opportunity".into()
        } else {
            "staff-offer-an-opportunity".into()
        },
        intro: vec!["staff-opportunity-form-intro".into()],
        action: match editing {
            Some(o) => format!("/opportunities/{}", o.id),
            None => "/opportunities".into(),
        },
        parts,
        button: if editing.is_some() {
            "staff-save-changes"
        } else {
            "staff-save-the-draft"
        },
    }
    .ordered())
}

async fn new_page(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = form_page(&state, &viewer, &OpportunityForm::default(), vec![], None).await;
    show(&state, &viewer, result)
}

/// The draft a form describes. A closing date that is not a date is sent as typed,
/// for the check to name.
fn draft_of(f: &OpportunityForm, project_id: Option<i64>) -> OpportunityDraft {
    let closes_on = match coproduce_domain::time::date_from_parts(
        &f.closes_day,
        &f.closes_month,
        &f.closes_year,
    ) {
        Ok(Some(d)) => d.to_string(),
        Ok(None) => String::new(),
        Err(_) => format!(
            "{}-{}-{}",
            f.closes_year.trim(),
            f.closes_month.trim(),
            f.closes_day.trim()
        ),
    };
    OpportunityDraft {
        title: f.title.clone(),
        expected: f.expected.clone(),
        involved: f.involved.clone(),
        time_asked: f.time_asked.clone(),
        recognition: f.recognition.clone(),
        recognition_detail: f.recognition_detail.clone(),
        access_support: f.access_support.clone(),
        rung: f.rung.clone(),
        closes_on,
        places: f.places.clone(),
        who_may_apply: f.who_may_apply.clone(),
        // A choice that is not a number cannot come from the page: it names none.
        network_id: f.network_id.trim().parse().ok(),
        project_id,
        easy_read: f.easy_read.clone(),
    }
}

async fn save(
    state: &AppState,
    viewer: &Viewer,
    f: OpportunityForm,
    editing: Option<Opportunity>,
) -> Result<Response, PageError> {
    let actor = viewer.actor();
    let draft = draft_of(&f, editing.as_ref().and_then(|o| o.project_id));
    let saved = match &editing {
        Some(o) => coproduce_app::opportunities::update(&state.ctx, &actor, o.id, &draft).await,
        None => {
            let org = crate::pages::chosen_organisation(viewer, &f.organisation_id);
            coproduce_app::opportunities::create(&state.ctx, &actor, org, &draft).await
        }
    };
    match saved {
        Ok(o) => Ok(Redirect::to(&format!("/opportunities/{}", o.id)).into_response()),
        Err(coproduce_app::AppError::Conflict(why)) => Err(PageError::Conflict(why)),
        Err(e) => {
            let mut errors = field_errors(e)?;
            for e in errors.iter_mut().filter(|e| e.field == "closes_on") {
                e.field = "closes_on-day".into();
            }
            let errors = worded(&viewer.tr, errors, NAMES);
            let page = form_page(state, viewer, &f, errors, editing.as_ref()).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<OpportunityForm>,
) -> Response {
    save(&state, &viewer, f, None)
        .await
        .unwrap_or_else(|e| e.respond(&state, &viewer))
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<OpportunityForm>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        save(&state, &viewer, f, Some(o)).await
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

async fn edit_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        let f = OpportunityForm {
            organisation_id: o.organisation_id.to_string(),
            title: o.title.clone(),
            expected: o.expected.clone(),
            involved: o.involved.clone(),
            time_asked: o.time_asked.clone(),
            recognition: o.recognition.slug().into(),
            recognition_detail: o.recognition_detail.clone().unwrap_or_default(),
            access_support: o.access_support.clone(),
            rung: o.rung.slug().into(),
            closes_day: chrono::Datelike::day(&o.closes_on).to_string(),
            closes_month: chrono::Datelike::month(&o.closes_on).to_string(),
            closes_year: chrono::Datelike::year(&o.closes_on).to_string(),
            places: o.places.to_string(),
            who_may_apply: o.who_may_apply.slug().into(),
            network_id: o.network_id.map(|n| n.to_string()).unwrap_or_default(),
            easy_read: o.easy_read.clone().unwrap_or_default(),
        };
        form_page(&state, &viewer, &f, vec![], Some(&o)).await
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Template)]
#[template(path = "opportunity.html")]
struct OpportunityPage {
    chrome: Chrome,
    o: Opportunity,
    standing: String,
    open: bool,
    decided: bool,
    can_write: bool,
    reads_people: bool,
    recognition: &'static str,
    rung: &'static str,
    who: String,
    closes: String,
    /// What stands in the way of opening it, in words; empty when it can open.
    not_ready: Vec<&'static str>,
    /// Who is invited, for one only for people invited.
    invited: Vec<String>,
    /// Everyone who said they are interested, in the order they said it.
    applicants: Vec<Application>,
    /// What opening or choosing did, in words.
    said: Vec<String>,
    errors: Vec<FieldError>,
}

fn who_words(tr: &crate::i18n::Tr, o: &Opportunity) -> String {
    match (o.who_may_apply, &o.network_name) {
        (WhoMayApply::Network, Some(n)) => tr.t1("staff-opportunity-members-of", "network", n),
        (w, _) => w.label().to_string(),
    }
}

async fn view(
    state: &AppState,
    viewer: &Viewer,
    o: Opportunity,
    said: Vec<String>,
    errors: Vec<FieldError>,
) -> Result<OpportunityPage, PageError> {
    let tr = viewer.tr;
    let standing = o.standing(today(state));
    let not_ready = if standing == Standing::Draft {
        coproduce_app::opportunities::not_ready_to_open(&state.ctx, &o)
            .await?
            .into_iter()
            .map(|w| w.explain())
            .collect()
    } else {
        vec![]
    };
    let reads_people = viewer.can(C::ReadPeople);
    let (invited, applicants) = if reads_people {
        (
            state
                .store
                .invited(o.id)
                .await?
                .into_iter()
                .map(|i| i.name)
                .collect(),
            state.store.applications(o.id).await?,
        )
    } else {
        (vec![], vec![])
    };
    Ok(OpportunityPage {
        chrome: Chrome::new(state, viewer, "opportunities"),
        standing: tr.t(standing_key(standing)),
        open: standing == Standing::Open,
        decided: standing == Standing::Decided,
        can_write: viewer.can(C::WriteWork),
        reads_people,
        recognition: o.recognition.label(),
        rung: o.rung.label(),
        who: who_words(&tr, &o),
        closes: tr.date(o.closes_on),
        not_ready,
        invited,
        applicants,
        said,
        errors,
        o,
    })
}

async fn page(State(state): State<AppState>, viewer: Viewer, Path(raw): Path<String>) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        view(&state, &viewer, o, vec![], vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

/// What telling people did, in words.
fn told_words(tr: &crate::i18n::Tr, t: coproduce_app::opportunities::Told) -> Vec<String> {
    let mut said = vec![tr.tn("staff-opportunity-emailed", &[("n", t.emailed as i64)])];
    if !t.to_tell.is_empty() {
        said.push(tr.t1("staff-opportunity-to-tell", "names", t.to_tell.join(", ")));
    }
    if !t.not_contacted.is_empty() {
        said.push(tr.t1(
            "staff-opportunity-not-contacted",
            "names",
            t.not_contacted.join(", "),
        ));
    }
    said
}

async fn publish(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        match coproduce_app::opportunities::publish(&state.ctx, &viewer.actor(), o.id).await {
            Ok(t) => {
                let o = state.store.opportunity(o.id).await?;
                let mut said = vec![viewer.tr.t("staff-opportunity-is-open")];
                if o.who_may_apply == WhoMayApply::Invited {
                    said.extend(told_words(&viewer.tr, t));
                }
                Ok(render(
                    StatusCode::OK,
                    &view(&state, &viewer, o, said, vec![]).await?,
                ))
            }
            Err(coproduce_app::AppError::Conflict(why)) => {
                let errors = vec![FieldError::worded("publish", why)];
                Ok(render(
                    StatusCode::CONFLICT,
                    &view(&state, &viewer, o, vec![], errors).await?,
                ))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// A search of the register and what was chosen.
#[derive(Deserialize, Default)]
pub struct PeopleForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    person_id: Vec<String>,
    #[serde(default)]
    why: String,
}

#[derive(Template)]
#[template(path = "opportunity_people.html")]
struct PeoplePage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    o: Opportunity,
    heading: &'static str,
    intro: &'static str,
    action: String,
    search: FormField,
    searched: bool,
    more: bool,
    /// Whether the search found anyone to choose.
    found: bool,
    /// Names already on the list (invited, or interested).
    already: Vec<String>,
    parts: Vec<Part>,
    button: &'static str,
}

/// The people page: a search, then the people found who are not already on the
/// list, to tick (`many`) or to choose one of with what they said.
async fn people_page(
    state: &AppState,
    viewer: &Viewer,
    o: Opportunity,
    f: &PeopleForm,
    many: bool,
    errors: Vec<FieldError>,
) -> Result<PeoplePage, PageError> {
    let name = f.name.trim();
    let searched = !name.is_empty();
    let listed: Vec<i64> = if many {
        state
            .store
            .invited(o.id)
            .await?
            .into_iter()
            .map(|i| i.person_id)
            .collect()
    } else {
        state
            .store
            .applications(o.id)
            .await?
            .into_iter()
            .filter(|a| a.status != ApplicationStatus::Withdrawn)
            .map(|a| a.person_id)
            .collect()
    };
    let (found, already, more) = if searched {
        let page = state
            .store
            .find_people(
                &PeopleFilter {
                    name: Some(name.to_string()),
                    ..PeopleFilter::default()
                },
                PageRequest::first(20),
                Within::Parent(o.organisation_id),
            )
            .await?;
        let (already, found): (Vec<_>, Vec<_>) =
            page.items.into_iter().partition(|p| listed.contains(&p.id));
        (
            found,
            already.into_iter().map(|p| p.name).collect(),
            page.next_after.is_some(),
        )
    } else {
        (vec![], vec![], false)
    };
    let options: Vec<Choice> = found
        .into_iter()
        .map(|p| Choice {
            value: p.id.to_string(),
            label: p.name,
            hint: None,
        })
        .collect();
    let found_any = !options.is_empty();
    let mut parts = vec![Part::Hidden("name", name.to_string())];
    if many {
        parts.push(Part::Checks(Checkboxes {
            id: "person_id",
            legend: "staff-opportunity-who-to-invite",
            hint: None,
            options,
            checked: f.person_id.clone(),
            error: error_of(&errors, "person_id"),
        }));
    } else {
        parts.push(Part::Choose(Radios {
            id: "person_id",
            legend: "staff-opportunity-person",
            hint: None,
            options,
            selected: f.person_id.first().cloned().unwrap_or_default(),
            error: error_of(&errors, "person_id"),
        }));
        parts.push(Part::Text(
            FormField::new("why", "staff-opportunity-why", "text")
                .hint("staff-opportunity-why-hint")
                .value(&f.why)
                .errors(&errors),
        ));
    }
    let base = format!(
        "/opportunities/{}/{}",
        o.id,
        if many { "invited" } else { "apply" }
    );
    Ok(PeoplePage {
        chrome: Chrome::new(state, viewer, "opportunities"),
        heading: if many {
            "staff-opportunity-invite-people"
        } else {
            "staff-opportunity-apply-for"
        },
        intro: if many {
            "staff-opportunity-invite-intro"
        } else {
            "staff-opportunity-apply-for-intro"
        },
        action: base,
        search: FormField::new("name", "staff-search-the-register", "text")
            .hint("staff-search-the-register-hint")
            .autocomplete("off")
            .value(name),
        searched,
        more,
        found: found_any,
        already,
        parts,
        button: if many {
            "staff-opportunity-invite-them"
        } else {
            "staff-opportunity-record-interest"
        },
        errors,
        o,
    })
}

async fn invite_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(f): Query<PeopleForm>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        people_page(&state, &viewer, o, &f, true, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

async fn apply_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(f): Query<PeopleForm>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        people_page(&state, &viewer, o, &f, false, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

/// Shows the people page again with the problems found, or the opportunity's page
/// with what was done.
async fn after_people(
    state: &AppState,
    viewer: &Viewer,
    o: Opportunity,
    f: PeopleForm,
    many: bool,
    done: Result<Vec<String>, coproduce_app::AppError>,
) -> Result<Response, PageError> {
    match done {
        Ok(said) => {
            let o = state.store.opportunity(o.id).await?;
            Ok(render(
                StatusCode::OK,
                &view(state, viewer, o, said, vec![]).await?,
            ))
        }
        Err(coproduce_app::AppError::Conflict(why)) => Err(PageError::Conflict(why)),
        Err(e) => {
            let mut errors = field_errors(e)?;
            for e in errors
                .iter_mut()
                .filter(|e| e.field.starts_with("person_ids"))
            {
                e.field = "person_id".into();
            }
            let errors = worded(&viewer.tr, errors, NAMES);
            let page = people_page(state, viewer, o, &f, many, errors).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

fn picked(f: &PeopleForm, tr: &crate::i18n::Tr, errs: &mut FieldErrors) -> Vec<i64> {
    // A box that is not a whole number cannot come from the page: it names no one.
    let people: Vec<i64> = f.person_id.iter().filter_map(|p| p.parse().ok()).collect();
    if people.is_empty() {
        errs.add_worded("person_id", tr.t("staff-opportunity-pick-someone"));
    }
    people
}

async fn invite(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<PeopleForm>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let mut errs = FieldErrors::new();
        let people = picked(&f, &tr, &mut errs);
        let done = match errs.finish(|| ()) {
            Err(e) => Err(e.into()),
            Ok(()) => {
                coproduce_app::opportunities::invite(&state.ctx, &viewer.actor(), o.id, &people)
                    .await
                    .map(|done| {
                        let mut said =
                            vec![tr.tn("staff-opportunity-invited-n", &[("n", done.added as i64)])];
                        if o.published_at.is_some() {
                            said.extend(told_words(&tr, done.told));
                        }
                        said
                    })
            }
        };
        after_people(&state, &viewer, o, f, true, done).await
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

async fn apply(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<PeopleForm>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let mut errs = FieldErrors::new();
        let people = picked(&f, &tr, &mut errs);
        let done = match (errs.finish(|| ()), people.first()) {
            (Ok(()), Some(person)) => coproduce_app::opportunities::apply_for(
                &state.ctx,
                &viewer.actor(),
                o.id,
                *person,
                Some(&f.why),
            )
            .await
            .map(|()| vec![tr.t("staff-opportunity-interest-recorded")]),
            (Err(e), _) => Err(e.into()),
            (Ok(()), None) => Err(coproduce_app::AppError::NotFound),
        };
        after_people(&state, &viewer, o, f, false, done).await
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

async fn withdraw(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, person)): Path<(String, String)>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        let person = id_of(&person)?;
        coproduce_app::opportunities::withdraw(&state.ctx, &viewer.actor(), o.id, person).await?;
        Ok::<_, PageError>(Redirect::to(&format!("/opportunities/{}", o.id)).into_response())
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

/// One question of the make-up: its name, and each answer with the count among
/// those interested and among the group beside them, in words.
type MakeUpRows = (String, Vec<(String, String, String)>);

#[derive(Template)]
#[template(path = "opportunity_choose.html")]
struct ChoosePage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    o: Opportunity,
    people: Checkboxes,
    /// Whether the make-up may be shown to this viewer.
    reads_equality: bool,
    /// The group compared with, in words.
    compared_with: String,
    applicants_answered: i64,
    compared_answered: i64,
    /// `None` while either group has too few answers.
    make_up: Option<Vec<MakeUpRows>>,
    fewest: i64,
}

async fn choose_view(
    state: &AppState,
    viewer: &Viewer,
    o: Opportunity,
    checked: Vec<String>,
    errors: Vec<FieldError>,
) -> Result<ChoosePage, PageError> {
    let tr = viewer.tr;
    let interested: Vec<Application> = state
        .store
        .applications(o.id)
        .await?
        .into_iter()
        .filter(|a| a.status == ApplicationStatus::Interested)
        .collect();
    let reads_equality = viewer.can(C::ReadEquality);
    let (mut compared_with, mut applicants_answered, mut compared_answered, mut make_up) =
        (String::new(), 0, 0, None);
    if reads_equality {
        let m = coproduce_app::opportunities::make_up(&state.ctx, &viewer.actor(), o.id).await?;
        compared_with = match &m.network_name {
            Some(n) => tr.t1("staff-opportunity-besides", "network", n),
            None => tr.t("staff-opportunity-whole-register"),
        };
        applicants_answered = m.applicants.answered;
        compared_answered = m.compared_with.answered;
        let shown = |s: &Shown| match s {
            Shown::Count(n) => n.to_string(),
            Shown::Suppressed => tr.t("staff-hidden"),
        };
        if let (Some(a), Some(b)) = (m.applicants.totals, m.compared_with.totals) {
            make_up = Some(
                a.into_iter()
                    .zip(b)
                    .map(|(qa, qb)| {
                        let name = coproduce_domain::equality::QUESTIONS
                            .iter()
                            .find(|(k, _)| *k == qa.question)
                            .map_or(qa.question, |(_, label)| label)
                            .to_string();
                        let rows = qa
                            .rows
                            .iter()
                            .map(|(slug, label, count)| {
                                let beside = qb
                                    .rows
                                    .iter()
                                    .find(|(s, _, _)| s == slug)
                                    .map_or("0".to_string(), |(_, _, c)| shown(c));
                                (label.clone(), shown(count), beside)
                            })
                            .collect();
                        (name, rows)
                    })
                    .collect(),
            );
        }
    }
    Ok(ChoosePage {
        chrome: Chrome::new(state, viewer, "opportunities"),
        people: Checkboxes {
            id: "chosen",
            legend: "staff-opportunity-who-is-chosen",
            hint: Some("staff-opportunity-who-is-chosen-hint"),
            options: interested
                .into_iter()
                .map(|a| Choice {
                    value: a.person_id.to_string(),
                    label: a.name,
                    hint: a.why,
                })
                .collect(),
            checked,
            error: error_of(&errors, "chosen"),
        },
        reads_equality,
        compared_with,
        applicants_answered,
        compared_answered,
        make_up,
        fewest: coproduce_domain::equality::FEWEST_ANSWERS,
        errors,
        o,
    })
}

async fn choose_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        if o.standing(today(&state)) != Standing::Closed {
            return Err(PageError::Conflict(
                viewer.tr.t("staff-opportunity-choose-when-closed"),
            ));
        }
        choose_view(&state, &viewer, o, vec![], vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct ChooseForm {
    #[serde(default)]
    chosen: Vec<String>,
}

async fn choose(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<ChooseForm>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        let chosen: Vec<i64> = f.chosen.iter().filter_map(|p| p.parse().ok()).collect();
        if chosen.is_empty() {
            // Everyone interested would be told they were not chosen: the page asks
            // for someone ticked, so nobody is turned down by a slip.
            let errors = vec![FieldError::worded(
                "chosen",
                viewer.tr.t("staff-opportunity-tick-someone"),
            )];
            let page = choose_view(&state, &viewer, o, f.chosen, errors).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
        match coproduce_app::opportunities::decide(&state.ctx, &viewer.actor(), o.id, &chosen).await
        {
            Ok(t) => {
                let o = state.store.opportunity(o.id).await?;
                let mut said = vec![
                    viewer
                        .tr
                        .tn("staff-opportunity-chosen-n", &[("n", chosen.len() as i64)]),
                ];
                said.extend(told_words(&viewer.tr, t));
                Ok(render(
                    StatusCode::OK,
                    &view(&state, &viewer, o, said, vec![]).await?,
                ))
            }
            Err(coproduce_app::AppError::Conflict(why)) => Err(PageError::Conflict(why)),
            Err(e) => {
                let errors = worded(&viewer.tr, field_errors(e)?, NAMES);
                let page = choose_view(&state, &viewer, o, f.chosen, errors).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
