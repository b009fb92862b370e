//! An activity's access support: the list of what the people coming need, booking
//! each, and recording afterwards whether it was met. The list and the rules are
//! `coproduce_app::provision`.

#[allow(unused_imports)]
use super::*;

use coproduce_app::AppError;
use coproduce_app::provision::Item;
use coproduce_domain::needs::Need;
use coproduce_domain::person::Language;
use coproduce_store::activities::Activity;

pub struct ProvisionRow {
    /// "Easy Read x2", in words.
    what: String,
    booked: Option<String>,
    outcome: Option<String>,
    /// Whether it was recorded as not met.
    unmet: bool,
    /// The query that names this item on its forms.
    query: String,
}

#[derive(Template)]
#[template(path = "provision.html")]
pub struct ProvisionPage {
    chrome: Chrome,
    activity: Activity,
    rows: Vec<ProvisionRow>,
    can_write: bool,
    started: bool,
}

fn label(i: &Item) -> String {
    match i.language {
        Some(l) => format!("{} ({})", i.need.label(), l.label()),
        None => i.need.label().to_string(),
    }
}

fn query(need: Need, language: Option<Language>) -> String {
    format!(
        "need={}&language={}",
        need.slug(),
        language.map(|l| l.slug()).unwrap_or_default()
    )
}

pub(super) async fn provision_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        let tr = viewer.tr;
        let items = coproduce_app::provision::list(&state.ctx, &viewer.actor(), a.id).await?;
        let rows = items
            .iter()
            .map(|i| {
                let p = i.provision.as_ref();
                ProvisionRow {
                    what: tr.t2(
                        "staff-provision-what",
                        ("what", label(i)),
                        ("count", i.people),
                    ),
                    booked: p.and_then(|p| {
                        p.booked_with.as_ref().map(|w| {
                            let mut s = tr.t1("staff-provision-booked-with", "who", w);
                            if let Some(b) = &p.booked_by {
                                s = format!(
                                    "{s}, {}",
                                    tr.t1("staff-provision-booked-by", "who", b)
                                );
                            }
                            if let Some(c) = p.cost_pence {
                                s = format!("{s}, {}", coproduce_domain::project::show_pounds(c));
                            }
                            s
                        })
                    }),
                    outcome: p.and_then(|p| match (p.met, &p.reason) {
                        (Some(true), _) => Some(tr.t("staff-provision-met")),
                        (Some(false), r) => Some(tr.t1(
                            "staff-provision-not-met",
                            "why",
                            r.clone().unwrap_or_default(),
                        )),
                        (None, _) => None,
                    }),
                    unmet: p.is_some_and(|p| p.met == Some(false)),
                    query: query(i.need, i.language),
                }
            })
            .collect();
        Ok::<_, PageError>(ProvisionPage {
            chrome: Chrome::new(&state, &viewer, "projects"),
            started: a.starts_at <= state.ctx.now(),
            can_write: viewer.can(C::WriteWork) && a.cancelled_at.is_none(),
            activity: a,
            rows,
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// The item a form names, as typed.
#[derive(Deserialize, Default)]
pub struct ItemForm {
    #[serde(default)]
    need: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    booked_with: String,
    #[serde(default)]
    booked_by: String,
    #[serde(default)]
    cost: String,
    #[serde(default)]
    met: String,
    #[serde(default)]
    reason: String,
}

impl ItemForm {
    fn item(&self) -> Option<(Need, Option<Language>)> {
        let need = Need::parse(self.need.trim()).ok()?;
        let language = match self.language.trim() {
            "" => None,
            l => Some(Language::parse(l).ok()?),
        };
        Some((need, language))
    }
}

fn book_page(
    state: &AppState,
    viewer: &Viewer,
    a: &Activity,
    f: &ItemForm,
    errors: Vec<FieldError>,
) -> FormPage {
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/activities/{}/provision", a.id),
            "staff-back-to-access-support".into(),
        )),
        caption: f.item().map(|(n, l)| match l {
            Some(l) => format!("{} ({})", n.label(), l.label()),
            None => n.label().to_string(),
        }),
        heading: "staff-book-support".into(),
        intro: vec![],
        action: format!("/activities/{}/provision/book", a.id),
        parts: vec![
            Part::Hidden("need", f.need.clone()),
            Part::Hidden("language", f.language.clone()),
            Part::Field(
                FormField::new("booked_with", "staff-provision-from-whom", "text")
                    .value(&f.booked_with)
                    .errors(&errors),
            ),
            Part::Field(
                FormField::new("booked_by", "staff-provision-by-whom", "text")
                    .value(&f.booked_by)
                    .errors(&errors),
            ),
            Part::Field(
                FormField::new("cost", "staff-provision-cost", "text")
                    .hint("staff-provision-cost-hint")
                    .value(&f.cost)
                    .errors(&errors),
            ),
        ],
        errors,
        button: "staff-record",
    }
    .ordered()
}

fn outcome_page(
    state: &AppState,
    viewer: &Viewer,
    a: &Activity,
    f: &ItemForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let tr = viewer.tr;
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/activities/{}/provision", a.id),
            "staff-back-to-access-support".into(),
        )),
        caption: f.item().map(|(n, _)| n.label().to_string()),
        heading: "staff-was-it-met".into(),
        intro: vec![],
        action: format!("/activities/{}/provision/outcome", a.id),
        parts: vec![
            Part::Hidden("need", f.need.clone()),
            Part::Hidden("language", f.language.clone()),
            Part::Choose(Radios {
                id: "met",
                legend: "staff-was-it-met",
                hint: None,
                options: vec![
                    Choice {
                        value: "yes".into(),
                        label: tr.t("staff-provision-yes-met"),
                        hint: None,
                    },
                    Choice {
                        value: "no".into(),
                        label: tr.t("staff-provision-no-not-met"),
                        hint: None,
                    },
                ],
                selected: f.met.clone(),
                error: error_of(&errors, "met"),
            }),
            Part::Text(
                FormField::new("reason", "staff-provision-why-not", "text")
                    .hint("staff-provision-why-not-hint")
                    .value(&f.reason)
                    .errors(&errors),
            ),
        ],
        errors,
        button: "staff-record",
    }
    .ordered()
}

async fn activity_of(state: &AppState, viewer: &Viewer, raw: &str) -> Result<Activity, PageError> {
    let a = state.store.activity(id_of(raw)?).await?;
    visible_project(state, viewer, a.project_id).await?;
    Ok(a)
}

pub(super) async fn book_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(f): Query<ItemForm>,
) -> Response {
    let result = async {
        let a = activity_of(&state, &viewer, &raw).await?;
        // Without a need named, the list to choose one from.
        if f.item().is_none() {
            return Ok(Redirect::to(&format!("/activities/{}/provision", a.id)).into_response());
        }
        Ok(render(
            StatusCode::OK,
            &book_page(&state, &viewer, &a, &f, vec![]),
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn outcome_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(f): Query<ItemForm>,
) -> Response {
    let result = async {
        let a = activity_of(&state, &viewer, &raw).await?;
        // Without a need named, the list to choose one from.
        if f.item().is_none() {
            return Ok(Redirect::to(&format!("/activities/{}/provision", a.id)).into_response());
        }
        Ok(render(
            StatusCode::OK,
            &outcome_page(&state, &viewer, &a, &f, vec![]),
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

const NAMES_HERE: &[Named] = &[
    Named::As("booked_with", "staff-provision-from-whom"),
    Named::As("booked_by", "staff-provision-by-whom"),
    Named::As("cost", "staff-provision-cost"),
    Named::As("met", "staff-was-it-met"),
    Named::As("reason", "staff-provision-why-not"),
];

pub(super) async fn book(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ItemForm>,
) -> Response {
    let result = async {
        let a = activity_of(&state, &viewer, &raw).await?;
        let Some((need, language)) = f.item() else {
            return Err(PageError::NotFound);
        };
        let mut errors = Vec::new();
        let cost = match f.cost.trim() {
            "" => None,
            c => match coproduce_domain::project::pounds_to_pence(c) {
                Ok(p) => Some(p),
                Err(p) => {
                    errors.push(FieldError::new("cost", p));
                    None
                }
            },
        };
        if errors.is_empty() {
            let by = Some(f.booked_by.as_str());
            match coproduce_app::provision::book(
                &state.ctx,
                &viewer.actor(),
                a.id,
                need,
                language,
                &f.booked_with,
                by,
                cost,
            )
            .await
            {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("/activities/{}/provision", a.id)).into_response()
                    );
                }
                Err(AppError::Invalid(e)) => errors.extend(e.0.into_iter().map(|mut e| {
                    if e.field == "cost_pence" {
                        e.field = "cost".into();
                    }
                    e
                })),
                Err(e) => return Err(e.into()),
            }
        }
        let errors = worded(&viewer.tr, errors, NAMES_HERE);
        Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &book_page(&state, &viewer, &a, &f, errors),
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn record_outcome(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ItemForm>,
) -> Response {
    let result = async {
        let a = activity_of(&state, &viewer, &raw).await?;
        let Some((need, language)) = f.item() else {
            return Err(PageError::NotFound);
        };
        let met = match f.met.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        let mut errors = Vec::new();
        match met {
            None => errors.push(FieldError::worded(
                "met",
                viewer.tr.t("staff-provision-choose-met"),
            )),
            Some(met) => match coproduce_app::provision::record_outcome(
                &state.ctx,
                &viewer.actor(),
                a.id,
                need,
                language,
                met,
                Some(f.reason.as_str()),
            )
            .await
            {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("/activities/{}/provision", a.id)).into_response()
                    );
                }
                Err(AppError::Invalid(e)) => errors.extend(worded(&viewer.tr, e.0, NAMES_HERE)),
                // Not started yet: said on the form, with what was typed kept.
                Err(AppError::Conflict(why)) => {
                    return Ok(render(
                        StatusCode::CONFLICT,
                        &outcome_page(
                            &state,
                            &viewer,
                            &a,
                            &f,
                            vec![FieldError::worded("met", why)],
                        ),
                    ));
                }
                Err(e) => return Err(e.into()),
            },
        }
        Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &outcome_page(&state, &viewer, &a, &f, errors),
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
