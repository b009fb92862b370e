//! Opportunities: the staff pages (the list, writing one, its page, opening it,
//! inviting people, saying someone is interested, choosing with the make-up beside
//! the network's), the public list with its Easy Read view, and the participant's
//! own page (`public.rs`); the form is `form.rs`, the people `people.rs`, choosing
//! `choose.rs`. The rules are `coproduce_app::opportunities`': a form is
//! turned into the same draft the API checks.

mod choose;
mod form;
mod people;
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
        .get("/opportunities/new", C::WriteWork, form::new_page)
        .post("/opportunities", C::WriteWork, form::create)
        .get("/opportunities/{id}", C::ReadWork, page)
        .get("/opportunities/{id}/edit", C::WriteWork, form::edit_page)
        .post("/opportunities/{id}", C::WriteWork, form::update)
        .post("/opportunities/{id}/publish", C::WriteWork, publish)
        .get(
            "/opportunities/{id}/invited",
            C::WriteWork,
            people::invite_page,
        )
        .post("/opportunities/{id}/invited", C::WriteWork, people::invite)
        .get(
            "/opportunities/{id}/apply",
            C::WriteWork,
            people::apply_page,
        )
        .post("/opportunities/{id}/apply", C::WriteWork, people::apply)
        .post(
            "/opportunities/{id}/applications/{person_id}/withdraw",
            C::WriteWork,
            people::withdraw,
        )
        .get(
            "/opportunities/{id}/choose",
            C::WriteWork,
            choose::choose_page,
        )
        .post("/opportunities/{id}/choose", C::WriteWork, choose::choose)
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
