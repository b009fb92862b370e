//! Adding members from a network's own page: search the register by name, tick the
//! people to add, choose their role and the day they joined. People already members
//! are shown, not offered. The adding itself is `coproduce_app::networks::add_members`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_app::AppError;
use coproduce_domain::Vocabulary;
use coproduce_domain::network::MemberRole;
use coproduce_domain::text::{FieldError, FieldErrors, Problem};
use coproduce_store::networks::Network;
use coproduce_store::people::PeopleFilter;
use coproduce_store::{PageRequest, Within};
use serde::Deserialize;

use super::visible_network;
use crate::AppState;
use crate::auth::Viewer;
use crate::pages::forms::{
    Checkboxes, Choice, DateField, FormField, HtmlForm, Named, Select, error_of, typed_date, worded,
};
use crate::pages::{Chrome, PageError, render, show};

/// How many people one search shows.
const SHOWN: i64 = 50;

#[derive(Template)]
#[template(path = "network_add.html")]
pub struct AddPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    network: Network,
    search: FormField,
    searched: bool,
    /// The people found who can be added, as checkboxes.
    people: Checkboxes,
    /// The people found who are members already.
    members: Vec<String>,
    /// Whether more people matched than are shown.
    more: bool,
    role: Select,
    joined_on: DateField,
}

/// The search, and what was typed into the form that adds.
#[derive(Deserialize, Default)]
pub struct AddForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    person_id: Vec<String>,
    #[serde(default)]
    role: String,
    #[serde(default, rename = "joined_on-day")]
    day: String,
    #[serde(default, rename = "joined_on-month")]
    month: String,
    #[serde(default, rename = "joined_on-year")]
    year: String,
}

async fn add_page(
    state: &AppState,
    viewer: &Viewer,
    network: Network,
    f: &AddForm,
    errors: Vec<FieldError>,
) -> Result<AddPage, PageError> {
    let name = f.name.trim();
    let searched = !name.is_empty();
    let within = Within::Parent(network.organisation_id);
    let (found, members, more) = if searched {
        let filter = PeopleFilter {
            name: Some(name.to_string()),
            ..PeopleFilter::default()
        };
        let page = state
            .store
            .find_people(&filter, PageRequest::first(SHOWN), within)
            .await?;
        let current = state
            .store
            .find_people(
                &PeopleFilter {
                    network: Some(network.id),
                    ..filter
                },
                PageRequest::first(SHOWN),
                within,
            )
            .await?;
        let (members, found): (Vec<_>, Vec<_>) = page
            .items
            .into_iter()
            .partition(|p| current.items.iter().any(|c| c.id == p.id));
        (
            found,
            members.into_iter().map(|p| p.name).collect(),
            page.next_after.is_some(),
        )
    } else {
        (vec![], vec![], false)
    };
    let today = crate::today(&state.ctx);
    // The day of joining is today unless another is typed.
    let typed_date = if f.day.is_empty() && f.month.is_empty() && f.year.is_empty() {
        (
            today.format("%-d").to_string(),
            today.format("%-m").to_string(),
            today.format("%Y").to_string(),
        )
    } else {
        (f.day.clone(), f.month.clone(), f.year.clone())
    };
    let mut joined_on = DateField::typed(
        "joined_on",
        "staff-date-joined",
        "staff-for-example-1-4-2026",
        &typed_date.0,
        &typed_date.1,
        &typed_date.2,
    );
    joined_on.error = error_of(&errors, "joined_on-day");
    let role = Select::of::<MemberRole>(
        "role",
        "staff-member-role",
        if f.role.is_empty() { "member" } else { &f.role },
        &errors,
    );
    Ok(AddPage {
        chrome: Chrome::new(state, viewer, "networks"),
        search: FormField::new("name", "staff-search-the-register", "text")
            .hint("staff-search-the-register-hint")
            .autocomplete("off")
            .value(name),
        people: Checkboxes {
            id: "person_id",
            legend: "staff-who-to-add",
            hint: None,
            options: found
                .into_iter()
                .map(|p| Choice {
                    value: p.id.to_string(),
                    label: match p.email {
                        Some(e) => format!("{} ({e})", p.name),
                        None => p.name,
                    },
                    hint: None,
                })
                .collect(),
            checked: f.person_id.clone(),
            error: error_of(&errors, "person_id"),
        },
        searched,
        members,
        more,
        role,
        joined_on,
        errors,
        network,
    })
}

pub(super) async fn add_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(f): Query<AddForm>,
) -> Response {
    let result = async {
        let n = visible_network(&state, &viewer, &raw).await?;
        add_page(&state, &viewer, n, &f, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<AddForm>,
) -> Response {
    let result = async {
        let n = visible_network(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let mut errs = FieldErrors::new();
        // A box that is not a whole number cannot come from the page: it names no one.
        let people: Vec<i64> = f.person_id.iter().filter_map(|p| p.parse().ok()).collect();
        if people.is_empty() {
            errs.add_worded("person_id", tr.t("staff-tick-who-to-add"));
        }
        let role = MemberRole::parse(f.role.trim()).ok();
        if role.is_none() {
            errs.add_worded("role", tr.t("staff-choose-member-role"));
        }
        let joined_on = typed_date(&mut errs, "joined_on", (&f.day, &f.month, &f.year), true);
        if joined_on.is_some_and(|d| d > crate::today(&state.ctx)) {
            errs.add("joined_on-day", Problem::InFuture);
        }
        let mut errors = worded(
            &tr,
            errs.0,
            &[Named::As("joined_on-day", "staff-date-joined")],
        );
        if let (Some(role), Some(joined_on), true) = (role, joined_on, errors.is_empty()) {
            match coproduce_app::networks::add_members(
                &state.ctx,
                &viewer.actor(),
                n.id,
                &people,
                role,
                joined_on,
            )
            .await
            {
                Ok(_) => {
                    return Ok(Redirect::to(&format!("/networks/{}#members", n.id)).into_response());
                }
                Err(AppError::Conflict(_)) => errors.push(FieldError::worded(
                    "person_id",
                    tr.t("staff-some-already-members"),
                )),
                Err(AppError::Invalid(e)) => errors.extend(worded(
                    &tr,
                    e.0,
                    &[Named::As("person_id", "staff-who-to-add")],
                )),
                Err(e) => return Err(e.into()),
            }
        }
        let page = add_page(&state, &viewer, n, &f, errors).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
