//! Choosing who takes part, once it has closed, with the make-up of those interested
//! beside the rest of the network or register.

#[allow(unused_imports)]
use super::*;

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

pub(super) async fn choose_page(
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

pub(super) async fn choose(
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
