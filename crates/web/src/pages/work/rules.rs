//! The charter's meeting rules on pages: an organisation's rules and changing one;
//! the warnings on an activity's page and publishing with a reason; and choosing,
//! showing and printing an activity's ground rules. The rules are
//! `coproduce_app::meeting_rules`'.

#[allow(unused_imports)]
use super::*;
use coproduce_app::meeting_rules::{self as app_rules, Setting};
use coproduce_domain::meeting_rules::{RuleKind, Unit};

/// One warning about an activity's plan, in words.
pub struct WarningView {
    pub title: String,
    pub found: String,
    pub rule: &'static str,
    /// The charter commitment the rule comes from.
    pub from: Option<String>,
    /// The reason given to go ahead, with who gave it and when.
    pub went_ahead: Option<(String, String)>,
}

/// What an activity's page shows of the meeting rules.
pub struct RulesView {
    pub warnings: Vec<WarningView>,
    /// How many warnings nobody has given a reason for.
    pub open: usize,
    /// The ground rules attached: where from, and their words.
    pub ground_rules: Option<(String, String)>,
    pub organisation_id: i64,
}

pub(crate) async fn rules_view(
    state: &AppState,
    viewer: &Viewer,
    a: &coproduce_store::activities::Activity,
    organisation_id: i64,
) -> Result<RulesView, PageError> {
    let warnings: Vec<WarningView> = app_rules::warnings(&state.ctx, &viewer.actor(), a.id)
        .await?
        .into_iter()
        .map(|w| WarningView {
            title: w.breach.check.title(),
            found: w.breach.found,
            rule: w.breach.rule,
            from: w.breach.source.map(|s| s.cite()),
            went_ahead: w.went_ahead.map(|e| {
                let who = e.decided_by.unwrap_or_default();
                (
                    e.reason,
                    format!("{who} {}", time::show(e.decided_at))
                        .trim()
                        .to_string(),
                )
            }),
        })
        .collect();
    Ok(RulesView {
        open: warnings.iter().filter(|w| w.went_ahead.is_none()).count(),
        warnings,
        ground_rules: a.ground_rules_title.clone().zip(a.ground_rules.clone()),
        organisation_id,
    })
}

#[derive(Deserialize, Default)]
pub struct PublishForm {
    #[serde(default)]
    go_ahead_reason: String,
}

pub(super) async fn publish_activity(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<PublishForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let reason = Some(f.go_ahead_reason.as_str()).filter(|r| !r.trim().is_empty());
        let typed = said::SaidForm::with_reason(&f.go_ahead_reason);
        match coproduce_app::work::publish_activity(&state.ctx, &viewer.actor(), id, reason).await {
            Ok(_) => Ok(Redirect::to(&format!("/activities/{id}")).into_response()),
            // The page says why it cannot be published yet, and links to the project.
            Err(coproduce_app::AppError::Conflict(_)) => {
                let page = activity_view(&state, &viewer, id, &typed, vec![]).await?;
                Ok(render(StatusCode::CONFLICT, &page))
            }
            // A rule is broken and no reason given: asked for on the page.
            Err(coproduce_app::AppError::Invalid(e)) => {
                let errors = worded(
                    &viewer.tr,
                    e.0,
                    &[Named::As("go_ahead_reason", "staff-go-ahead-reason")],
                );
                let page = activity_view(&state, &viewer, id, &typed, errors).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// One rule as an organisation has it, in words.
pub struct RuleRow {
    slug: &'static str,
    label: &'static str,
    explain: &'static str,
    /// The values in force, or `None` when it is off.
    values: Option<String>,
    /// Where it comes from: a charter's commitment, the organisation, or nowhere.
    from: String,
}

#[derive(Template)]
#[template(path = "meeting_rules.html")]
pub(super) struct RulesPage {
    chrome: Chrome,
    organisation_id: i64,
    organisation_name: String,
    rows: Vec<RuleRow>,
    can_change: bool,
}

/// An organisation's meeting rules.
pub(super) async fn rules_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let settings = app_rules::settings(&state.ctx, &viewer.actor(), id).await?;
        let organisation = state.store.organisation(id).await?;
        let rows = settings
            .into_iter()
            .map(|s| RuleRow {
                slug: s.kind.slug(),
                label: s.kind.label(),
                explain: s.kind.explain(),
                values: s.in_force.as_ref().map(|r| r.rule.values()),
                from: match (&s.from_charter, s.set_here) {
                    (Some((_, src)), false) => src.cite(),
                    (Some((_, src)), true) => format!(
                        "Set by your organisation, in place of {}, {}",
                        src.charter_title, src.commitment_key
                    ),
                    (None, true) => "Set by your organisation".into(),
                    (None, false) => "No charter you signed states it".into(),
                },
            })
            .collect();
        Ok::<_, PageError>(RulesPage {
            chrome: Chrome::new(&state, &viewer, "projects"),
            organisation_id: id,
            organisation_name: organisation.name,
            rows,
            can_change: viewer.can(C::ManageCharters),
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct RuleForm {
    #[serde(default)]
    setting: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    windows: String,
    #[serde(default)]
    not_counting: Vec<String>,
}

fn rule_form(
    state: &AppState,
    viewer: &Viewer,
    organisation_id: i64,
    kind: RuleKind,
    f: &RuleForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let choice = |value: &str, label: &str| Choice {
        value: value.into(),
        label: label.into(),
        hint: None,
    };
    let mut parts = vec![Part::Choose(Radios {
        id: "setting",
        legend: "staff-rule-setting",
        hint: None,
        options: vec![
            choice("charter", "As the charters we signed say"),
            choice("on", "On, with the values below"),
            choice("off", "Off"),
        ],
        selected: f.setting.clone(),
        error: error_of(&errors, "setting"),
    })];
    if let Some((unit, min, max)) = kind.unit() {
        let label = match unit {
            Unit::Minutes => "staff-rule-minutes",
            Unit::Days => "staff-rule-days",
            Unit::Meetings => "staff-rule-meetings",
        };
        parts.push(Part::Field(
            FormField::new("amount", label, "text")
                .hint(format!("From {min} to {max}."))
                .value(&f.amount)
                .errors(&errors)
                .numeric_code(),
        ));
    }
    if kind == RuleKind::RushHours {
        parts.push(Part::Text(
            FormField::new("windows", "staff-rule-windows", "text")
                .hint("staff-rule-windows-hint")
                .value(&f.windows)
                .errors(&errors),
        ));
    }
    if matches!(kind, RuleKind::LongestFaceToFace | RuleKind::LongestOnline) {
        parts.push(Part::Checks(Checkboxes::of::<ActivityType>(
            "not_counting",
            "staff-rule-not-counting",
            &f.not_counting,
            &errors,
        )));
    }
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/organisations/{organisation_id}/meeting-rules"),
            "staff-back-to-the-meeting-rules".into(),
        )),
        caption: Some("staff-meeting-rules".into()),
        heading: kind.label().into(),
        intro: vec![kind.explain().into()],
        action: format!(
            "/organisations/{organisation_id}/meeting-rules/{}",
            kind.slug()
        ),
        parts,
        errors,
        button: "staff-save-changes",
    }
}

/// The form for one rule, filled in from what is in force.
pub(super) async fn rule_edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, key)): Path<(String, String)>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let kind = app_rules::kind_of(&key)?;
        let setting = app_rules::settings(&state.ctx, &viewer.actor(), id)
            .await?
            .into_iter()
            .find(|s| s.kind == kind)
            .ok_or(PageError::NotFound)?;
        let rule = setting.in_force.as_ref().map(|r| &r.rule);
        let f = RuleForm {
            setting: match (setting.set_here, rule) {
                (false, _) => "charter",
                (true, Some(_)) => "on",
                (true, None) => "off",
            }
            .into(),
            amount: rule
                .and_then(|r| r.amount)
                .or(kind.default_amount())
                .map(|n| n.to_string())
                .unwrap_or_default(),
            windows: rule
                .map(|r| app_rules::windows_text(&r.windows))
                .unwrap_or_else(|| {
                    app_rules::windows_text(&coproduce_domain::meeting_rules::default_rush_hours())
                }),
            not_counting: rule
                .map(|r| r.not_counting.iter().map(|t| t.slug().into()).collect())
                .unwrap_or_default(),
        };
        Ok::<_, PageError>(rule_form(&state, &viewer, id, kind, &f, vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

/// Saves one rule; every problem comes back on the form with what was typed kept.
pub(super) async fn rule_save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, key)): Path<(String, String)>,
    HtmlForm(f): HtmlForm<RuleForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let kind = app_rules::kind_of(&key)?;
        let mut errors = Vec::new();
        let amount = match (kind.unit(), f.amount.trim()) {
            (Some(_), "") | (None, _) => None,
            (Some((_, min, max)), t) => match t.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(FieldError::new(
                        "amount",
                        coproduce_domain::text::Problem::NotWholeNumber { min, max },
                    ));
                    None
                }
            },
        };
        let setting = match f.setting.as_str() {
            "charter" => Some(Setting::FromCharter),
            "off" => Some(Setting::Off),
            "on" if errors.is_empty() => {
                let windows = if kind == RuleKind::RushHours {
                    f.windows.as_str()
                } else {
                    ""
                };
                let counted: &[String] =
                    if matches!(kind, RuleKind::LongestFaceToFace | RuleKind::LongestOnline) {
                        &f.not_counting
                    } else {
                        &[]
                    };
                match app_rules::read_rule(kind, amount, windows, counted) {
                    Ok(rule) => Some(Setting::On(rule)),
                    Err(coproduce_app::AppError::Invalid(e)) => {
                        errors.extend(e.0);
                        None
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            "on" => None,
            _ => {
                errors.push(FieldError::worded(
                    "setting",
                    viewer.tr.t("staff-choose-a-rule-setting"),
                ));
                None
            }
        };
        if let Some(setting) = setting {
            app_rules::set(&state.ctx, &viewer.actor(), id, kind, &setting).await?;
            return Ok(Redirect::to(&format!("/organisations/{id}/meeting-rules")).into_response());
        }
        let errors = worded(
            &viewer.tr,
            errors,
            &[
                Named::As("amount", "staff-rule-amount"),
                Named::As("windows", "staff-rule-windows"),
                Named::As("not_counting", "staff-rule-not-counting"),
            ],
        );
        Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &rule_form(&state, &viewer, id, kind, &f, errors),
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct GroundRulesForm {
    #[serde(default)]
    choice: String,
}

async fn ground_rules_form(
    state: &AppState,
    viewer: &Viewer,
    a: &coproduce_store::activities::Activity,
    selected: &str,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let choices = app_rules::ground_rules_choices(&state.ctx, &viewer.actor(), a.id).await?;
    let mut options: Vec<Choice> = choices
        .into_iter()
        .map(|g| Choice {
            value: g.key,
            label: g.title,
            hint: Some(first_words(&g.words)),
        })
        .collect();
    options.push(Choice {
        value: "none".into(),
        label: viewer.tr.t("staff-no-ground-rules"),
        hint: None,
    });
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/activities/{}", a.id),
            "staff-back-to-the-activity".into(),
        )),
        caption: Some(a.title.clone()),
        heading: "staff-ground-rules".into(),
        intro: vec!["staff-ground-rules-intro".into()],
        action: format!("/activities/{}/ground-rules", a.id),
        parts: vec![Part::Choose(Radios {
            id: "choice",
            legend: "staff-which-ground-rules",
            hint: None,
            options,
            selected: selected.into(),
            error: error_of(&errors, "choice"),
        })],
        errors,
        button: "staff-save-changes",
    })
}

/// The first words of a text, for a hint.
fn first_words(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(140) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

pub(super) async fn ground_rules_edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        let selected = a
            .ground_rules_title
            .as_ref()
            .map(|_| String::new())
            .unwrap_or_default();
        ground_rules_form(&state, &viewer, &a, &selected, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn ground_rules_save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<GroundRulesForm>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        let choice = match f.choice.as_str() {
            "" => {
                let errors = vec![FieldError::worded(
                    "choice",
                    viewer.tr.t("staff-choose-ground-rules"),
                )];
                let page = ground_rules_form(&state, &viewer, &a, "", errors).await?;
                return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
            }
            "none" => None,
            c => Some(c),
        };
        match app_rules::attach_ground_rules(&state.ctx, &viewer.actor(), a.id, choice).await {
            Ok(_) => Ok(Redirect::to(&format!("/activities/{}", a.id)).into_response()),
            Err(coproduce_app::AppError::Invalid(_)) => {
                let errors = vec![FieldError::worded(
                    "choice",
                    viewer.tr.t("staff-choose-ground-rules"),
                )];
                let page = ground_rules_form(&state, &viewer, &a, "", errors).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Template)]
#[template(path = "ground_rules.html")]
pub(super) struct GroundRulesPrint {
    chrome: Chrome,
    activity: coproduce_store::activities::Activity,
    when: String,
    title: String,
    lines: Vec<String>,
}

/// The ground rules of an activity, large, to print and put up at the meeting.
pub(super) async fn ground_rules_print(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        // Without ground rules the page says so, and links to choosing them.
        let title = a.ground_rules_title.clone().unwrap_or_default();
        let words = a.ground_rules.clone().unwrap_or_default();
        Ok::<_, PageError>(GroundRulesPrint {
            chrome: Chrome::new(&state, &viewer, "projects"),
            when: format!(
                "{} to {}",
                time::show(a.starts_at),
                time::show_time(a.ends_at)
            ),
            title,
            lines: words
                .lines()
                .map(|l| l.trim().trim_start_matches("- ").to_string())
                .filter(|l| !l.is_empty())
                .collect(),
            activity: a,
        })
    }
    .await;
    show(&state, &viewer, result)
}
