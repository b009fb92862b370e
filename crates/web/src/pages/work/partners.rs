//! A project's partner organisations, changed on a page of their own: one choice per
//! organisation, "Not a partner" or the part it plays. Saved through the same check
//! and operation as the project's other fields.

#[allow(unused_imports)]
use super::*;

/// One organisation on the partners page: its id, name, the part chosen (a slug, or
/// empty for none) and the problem with it.
pub struct PartnerRow {
    id: i64,
    name: String,
    chosen: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "project_partners.html")]
pub struct PartnersPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    project: Project,
    rows: Vec<PartnerRow>,
    parts: Vec<(&'static str, &'static str)>,
}

/// The organisations that can be partners (every other one), with the part chosen.
async fn partners_page(
    state: &AppState,
    viewer: &Viewer,
    project: Project,
    chosen: &std::collections::HashMap<String, String>,
    errors: Vec<FieldError>,
) -> Result<PartnersPage, PageError> {
    let all = state
        .store
        .organisations(PageRequest::first(PageRequest::MAX_LIMIT))
        .await?
        .items;
    let rows = all
        .into_iter()
        .filter(|o| o.id != project.organisation_id)
        .map(|o| {
            let key = format!("part-{}", o.id);
            PartnerRow {
                chosen: chosen.get(&key).cloned().unwrap_or_default(),
                error: error_of(&errors, &key),
                id: o.id,
                name: o.name,
            }
        })
        .collect();
    Ok(PartnersPage {
        chrome: Chrome::new(state, viewer, "projects"),
        errors,
        project,
        rows,
        parts: PartnerPart::ALL
            .iter()
            .map(|p| (p.slug(), p.label()))
            .collect(),
    })
}

pub(super) async fn partners_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let project = visible_project(&state, &viewer, id_of(&raw)?).await?;
        let chosen = state
            .store
            .partners(project.id)
            .await?
            .into_iter()
            .map(|p| {
                (
                    format!("part-{}", p.organisation_id),
                    p.part.slug().to_string(),
                )
            })
            .collect();
        partners_page(&state, &viewer, project, &chosen, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn save_partners(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(chosen): Form<std::collections::HashMap<String, String>>,
) -> Response {
    let result = async {
        let project = visible_project(&state, &viewer, id_of(&raw)?).await?;
        let mut errors = Vec::new();
        let mut partners = Vec::new();
        for (key, part) in &chosen {
            let Some(org) = key.strip_prefix("part-") else {
                continue;
            };
            if part.trim().is_empty() {
                continue;
            }
            match (org.parse::<i64>(), PartnerPart::parse(part.trim())) {
                (Ok(org), Ok(part)) => partners.push((org, part)),
                _ => errors.push(FieldError::worded(
                    key.clone(),
                    viewer.tr.t("staff-choose-from-list"),
                )),
            }
        }
        partners.sort_by_key(|(org, _)| *org);
        if errors.is_empty() {
            let fields = ProjectFields {
                organisation_id: project.organisation_id,
                title: project.title.clone(),
                stage: project.stage,
                level: project.level,
                scope_and_limits: project.scope_and_limits.clone(),
                lead_account_id: project.lead_account_id,
                target_rung: project.target_rung(),
                budget_pence: project.budget_pence,
                cannot_change: project.cannot_change.clone(),
                partners,
                stage_began_on: None,
            };
            match coproduce_app::work::update_project(
                &state.ctx,
                &viewer.actor(),
                project.id,
                &fields,
            )
            .await
            {
                Ok(p) => {
                    return Ok(
                        Redirect::to(&format!("/projects/{}#partners", p.id)).into_response()
                    );
                }
                Err(coproduce_app::AppError::Invalid(e)) => {
                    // A partner refused names its place in the list; the page names
                    // the organisation's own choice.
                    for problem in e.0 {
                        let org = problem
                            .field
                            .strip_prefix("partners[")
                            .and_then(|rest| rest.split(']').next())
                            .and_then(|i| i.parse::<usize>().ok())
                            .and_then(|i| fields.partners.get(i))
                            .map(|(org, _)| format!("part-{org}"));
                        let mut problem = problem;
                        if let Some(key) = org {
                            problem.field = key;
                        }
                        errors.push(problem);
                    }
                    errors = worded(&viewer.tr, errors, &[]);
                }
                Err(e) => return Err(e.into()),
            }
        }
        let page = partners_page(&state, &viewer, project, &chosen, errors).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
