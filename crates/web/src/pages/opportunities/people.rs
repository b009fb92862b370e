//! The people of an opportunity: searching the register to invite people to one only
//! for people invited, or to say someone is interested for them, and withdrawing
//! someone's interest.

#[allow(unused_imports)]
use super::*;

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

pub(super) async fn invite_page(
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

pub(super) async fn apply_page(
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

pub(super) async fn invite(
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

pub(super) async fn apply(
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

pub(super) async fn withdraw(
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
