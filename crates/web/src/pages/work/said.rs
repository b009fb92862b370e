//! An activity's page: who came, "you said, we did", and recording the answer.

#[allow(unused_imports)]
use super::*;

pub struct InputView {
    id: i64,
    said: String,
    received: String,
    response: Option<String>,
    fed_back: Option<String>,
    overdue: bool,
    /// The people named as having said it: id and name.
    said_by: Vec<(i64, String)>,
}

/// One person on an activity's roster, with the access needs they agreed to share.
pub struct RosterRow {
    person_id: i64,
    name: String,
    status: &'static str,
    needs: Vec<String>,
    /// How long they took part, in words.
    took_part: Option<String>,
}

#[derive(Template)]
#[template(path = "activity.html")]
pub(crate) struct ActivityPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    activity: coproduce_store::activities::Activity,
    project_title: String,
    kind: &'static str,
    when: String,
    mode: &'static str,
    rung: &'static str,
    rung_meaning: &'static str,
    roster: Vec<RosterRow>,
    inputs: Vec<InputView>,
    can_write: bool,
    said: FormField,
    said_by: Checkboxes,
    who: Select,
    came: Radios,
    minutes: FormField,
    /// Closing notes and when they were written, in words.
    closing: Option<(String, String)>,
    /// Whether closing notes can be written now: it has started, and is not called off.
    can_close: bool,
    /// When it was published, in words; `None` for a draft.
    published: Option<String>,
    /// When it was called off, in words.
    cancelled: Option<String>,
    /// What stands in the way of publishing it, as message keys.
    not_ready: Vec<&'static str>,
    /// Whether one of them is the project's scope, to link to the project's form.
    scope_missing: bool,
    /// Where, how to join, who chairs and facilitates, places and debrief, as rows
    /// of the summary: label key and value.
    details: Vec<(&'static str, String)>,
    /// The meeting rules' warnings and the ground rules.
    rules: super::rules::RulesView,
    /// Why it goes ahead though it breaks a rule, asked for when publishing.
    reason: FormField,
}

pub(crate) async fn activity_view(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    typed: &SaidForm,
    errors: Vec<FieldError>,
) -> Result<ActivityPage, PageError> {
    let activity = state.store.activity(id).await?;
    let project = visible_project(state, viewer, activity.project_id).await?;
    let promise = state
        .store
        .feedback_promise(project.organisation_id)
        .await?;
    let today = crate::today(&state.ctx);
    let attendance = state.store.attendance(id).await?;
    let name_of = |person: i64| {
        attendance
            .iter()
            .find(|a| a.person_id == person)
            .map(|a| (person, a.person_name.clone()))
    };
    let inputs = state
        .store
        .inputs(
            PageRequest::first(PageRequest::MAX_LIMIT),
            Within::Parent(id),
        )
        .await?
        .items
        .into_iter()
        .map(|i| InputView {
            said_by: i.said_by.iter().filter_map(|p| name_of(*p)).collect(),
            id: i.id,
            overdue: i.fed_back_on.is_none()
                && (today - i.received_on).num_days() > i64::from(promise.days),
            said: i.said,
            received: viewer
                .tr
                .t1("staff-received-on", "date", time::show_date(i.received_on)),
            response: i.response,
            fed_back: i.fed_back_on.map(|d| {
                viewer
                    .tr
                    .t1("staff-fed-back-on", "date", time::show_date(d))
            }),
        })
        .collect();
    // Needs show on the roster only for people who agreed to share them.
    let shared =
        coproduce_app::people::roster_needs(&state.ctx, &viewer.actor(), id, today).await?;
    let said_by = Checkboxes {
        id: "said_by",
        legend: "staff-who-said-it",
        hint: Some("staff-who-said-it-hint"),
        options: attendance
            .iter()
            .map(|a| Choice {
                value: a.person_id.to_string(),
                label: a.person_name.clone(),
                hint: None,
            })
            .collect(),
        checked: typed.said_by.clone(),
        error: error_of(&errors, "said_by"),
    };
    let roster = attendance
        .into_iter()
        .map(|a| RosterRow {
            needs: shared
                .iter()
                .filter(|n| n.person_id == a.person_id)
                .map(|n| match n.language {
                    Some(l) => format!("{} ({})", n.need.label(), l.label()),
                    None => n.need.label().to_string(),
                })
                .collect(),
            person_id: a.person_id,
            took_part: a.minutes.map(|m| viewer.tr.t1("staff-minutes", "count", m)),
            name: a.person_name,
            status: a.status.label(),
        })
        .collect();
    let not_ready = coproduce_app::work::not_ready_to_publish(&project, &activity);
    let rules = super::rules::rules_view(state, viewer, &activity, project.organisation_id).await?;
    Ok(ActivityPage {
        rules,
        reason: FormField::new("go_ahead_reason", "staff-go-ahead-reason", "text")
            .hint("staff-go-ahead-reason-hint")
            .value(&typed.go_ahead_reason)
            .errors(&errors),
        chrome: Chrome::new(state, viewer, "projects"),
        published: activity.published_at.map(time::show),
        cancelled: activity
            .cancelled_at
            .map(|c| viewer.tr.t1("staff-cancelled-on", "date", time::show(c))),
        scope_missing: not_ready.contains(&coproduce_domain::activity::NotReady::Scope),
        not_ready: not_ready
            .into_iter()
            .map(|w| match w {
                coproduce_domain::activity::NotReady::Scope => "staff-not-ready-scope",
                coproduce_domain::activity::NotReady::Venue => "staff-not-ready-venue",
                coproduce_domain::activity::NotReady::JoiningLink => "staff-not-ready-link",
            })
            .collect(),
        details: [
            ("staff-venue", activity.venue_name.clone()),
            ("staff-joining-link", activity.joining_link.clone()),
            ("staff-chaired-by", activity.chair.clone()),
            ("staff-facilitated-by", activity.facilitator.clone()),
            ("staff-places-row", activity.places.map(|p| p.to_string())),
            (
                "staff-debrief-row",
                activity
                    .debrief_minutes
                    .map(|m| viewer.tr.t1("staff-minutes", "count", m)),
            ),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect(),
        project_title: project.title,
        kind: activity.activity_type.label(),
        when: format!(
            "{} to {}",
            time::show(activity.starts_at),
            time::show_time(activity.ends_at)
        ),
        mode: activity.mode.label(),
        rung: activity.rung.label(),
        rung_meaning: activity.rung.meaning(),
        roster,
        inputs,
        can_write: viewer.can(C::WriteWork),
        who: Select {
            id: "person_id",
            label: "staff-who".into(),
            options: state
                .store
                .people(
                    PageRequest::first(PageRequest::MAX_LIMIT),
                    Within::Parent(project.organisation_id),
                )
                .await?
                .items
                .into_iter()
                .map(|p| Choice {
                    value: p.id.to_string(),
                    label: p.name,
                    hint: None,
                })
                .collect(),
            selected: String::new(),
            error: error_of(&errors, "person_id"),
        },
        came: Radios::of::<coproduce_domain::person::AttendanceStatus>(
            "status",
            "staff-did-they-come",
            "",
            &errors,
            |_| None,
        ),
        minutes: FormField::new("minutes", "staff-minutes-taken-part", "text")
            .hint("staff-minutes-taken-part-hint")
            .errors(&errors)
            .numeric_code(),
        closing: activity.closing_notes.clone().zip(
            activity
                .closed_at
                .map(|t| viewer.tr.t1("staff-closing-written", "date", time::show(t))),
        ),
        can_close: activity.cancelled_at.is_none() && activity.starts_at <= state.ctx.now(),
        said: FormField::new("said", "staff-what-did-people-say", "text")
            .hint("staff-one-point-at-a-time-in")
            .value(&typed.said)
            .errors(&errors),
        said_by,
        errors,
        activity,
    })
}

pub(super) async fn activity_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result =
        async { activity_view(&state, &viewer, id_of(&raw)?, &SaidForm::default(), vec![]).await }
            .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct SaidForm {
    #[serde(default)]
    said: String,
    #[serde(default)]
    said_by: Vec<String>,
    /// Kept when publishing is refused for want of a reason.
    #[serde(skip)]
    go_ahead_reason: String,
}

impl SaidForm {
    /// The page's typed values after trying to publish with this reason.
    pub(super) fn with_reason(reason: &str) -> SaidForm {
        SaidForm {
            go_ahead_reason: reason.to_string(),
            ..SaidForm::default()
        }
    }
}

pub(super) async fn add_input(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<SaidForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        activity_view(&state, &viewer, id, &SaidForm::default(), vec![]).await?;
        // A box that is not a person's id cannot come from the page: it names no one.
        let said_by: Vec<i64> = f.said_by.iter().filter_map(|s| s.parse().ok()).collect();
        let body = InputBody {
            activity_id: id,
            said: f.said.clone(),
            received_on: crate::today(&state.ctx).to_string(),
            response: None,
            response_status: None,
            responded_on: None,
            fed_back_on: None,
            said_by: Some(said_by),
        };
        let saved = match body.check(crate::today(&state.ctx)) {
            Ok(fields) => coproduce_app::work::create_input(&state.ctx, &viewer.actor(), &fields)
                .await
                .map_err(crate::ApiError::from),
            Err(e) => Err(e),
        };
        match saved {
            Ok(_) => Ok(Redirect::to(&format!("/activities/{id}")).into_response()),
            Err(e) => {
                let errors = worded(&viewer.tr, field_errors(e)?, NAMES);
                let page = activity_view(&state, &viewer, id, &f, errors).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    said: String,
    #[serde(default)]
    response: String,
    #[serde(default)]
    response_status: String,
    #[serde(rename = "received_on-day", default)]
    received_day: String,
    #[serde(rename = "received_on-month", default)]
    received_month: String,
    #[serde(rename = "received_on-year", default)]
    received_year: String,
    #[serde(rename = "fed_back_on-day", default)]
    fed_day: String,
    #[serde(rename = "fed_back_on-month", default)]
    fed_month: String,
    #[serde(rename = "fed_back_on-year", default)]
    fed_year: String,
}

pub(super) fn answer_form(
    state: &AppState,
    viewer: &Viewer,
    input_id: i64,
    activity_id: i64,
    f: &AnswerForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let mut received = DateField::typed(
        "received_on",
        "staff-when-did-people-say-it",
        "staff-for-example-14-3-2027",
        &f.received_day,
        &f.received_month,
        &f.received_year,
    );
    received.error = error_of(&errors, "received_on-day");
    let mut fed = DateField::typed(
        "fed_back_on",
        "staff-when-did-the-answer-reach-the",
        "staff-fed-back-hint",
        &f.fed_day,
        &f.fed_month,
        &f.fed_year,
    );
    fed.error = error_of(&errors, "fed_back_on-day");
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/activities/{activity_id}"),
            "staff-back-to-the-activity".into(),
        )),
        caption: Some("staff-you-said-we-did".into()),
        heading: "staff-record-the-answer".into(),
        intro: vec![],
        action: format!("/inputs/{input_id}"),
        parts: vec![
            Part::Text(
                FormField::new("said", "staff-what-people-said", "text")
                    .value(&f.said)
                    .errors(&errors),
            ),
            Part::Date(received),
            Part::Text(
                FormField::new("response", "staff-what-we-did-will-do-or", "text")
                    .hint("staff-write-it-so-the-people-who")
                    .value(&f.response)
                    .errors(&errors),
            ),
            Part::Choose(Radios::of::<ResponseStatus>(
                "response_status",
                "staff-is-it-done",
                &f.response_status,
                &errors,
                |_| None,
            )),
            Part::Date(fed),
        ],
        errors,
        button: "staff-save-the-answer",
    }
    .ordered()
}

/// The input an id names, if the viewer may see it, with its activity's id.
pub(super) async fn visible_input(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<coproduce_store::inputs::Input, PageError> {
    let input = state.store.input(id).await?;
    let org = state
        .store
        .organisation_of_activity(input.activity_id)
        .await?;
    if viewer.sees(org) {
        Ok(input)
    } else {
        Err(PageError::NotFound)
    }
}

pub(super) async fn edit_input(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let i = visible_input(&state, &viewer, id_of(&raw)?).await?;
        let mut f = AnswerForm {
            said: i.said.clone(),
            response: i.response.clone().unwrap_or_default(),
            response_status: i.response_status.clone().unwrap_or_default(),
            ..Default::default()
        };
        let mut d = DateField::typed("", "", "", "", "", "");
        d.show(i.received_on);
        (f.received_day, f.received_month, f.received_year) =
            (d.day.clone(), d.month.clone(), d.year.clone());
        if let Some(fed) = i.fed_back_on {
            d.show(fed);
            (f.fed_day, f.fed_month, f.fed_year) = (d.day, d.month, d.year);
        }
        Ok::<_, PageError>(answer_form(
            &state,
            &viewer,
            i.id,
            i.activity_id,
            &f,
            vec![],
        ))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn update_input(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<AnswerForm>,
) -> Response {
    let result = async {
        let input = visible_input(&state, &viewer, id_of(&raw)?).await?;
        let mut errors = Vec::new();
        let mut date =
            |field: &str, d: &str, m: &str, y: &str| match coproduce_domain::time::date_from_parts(
                d, m, y,
            ) {
                Ok(v) => v.map(|d| d.to_string()),
                Err(problem) => {
                    errors.push(FieldError::new(format!("{field}-day"), problem));
                    None
                }
            };
        let received = date(
            "received_on",
            &f.received_day,
            &f.received_month,
            &f.received_year,
        );
        let fed_back = date("fed_back_on", &f.fed_day, &f.fed_month, &f.fed_year);
        let response = Some(f.response.clone()).filter(|r| !r.trim().is_empty());
        let body = InputBody {
            activity_id: input.activity_id,
            said: f.said.clone(),
            received_on: received
                .clone()
                .unwrap_or_else(|| input.received_on.to_string()),
            responded_on: fed_back
                .clone()
                .or(input.responded_on.map(|d| d.to_string()))
                .filter(|_| response.is_some()),
            response,
            response_status: Some(f.response_status.clone()),
            fed_back_on: fed_back,
            said_by: Some(input.said_by.clone()),
        };
        match body.check(crate::today(&state.ctx)) {
            Ok(fields) if errors.is_empty() => {
                coproduce_app::work::update_input(&state.ctx, &viewer.actor(), input.id, &fields)
                    .await?;
                Ok(Redirect::to(&format!("/activities/{}", input.activity_id)).into_response())
            }
            Ok(_) => {
                let errors = worded(&viewer.tr, errors, NAMES);
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &answer_form(&state, &viewer, input.id, input.activity_id, &f, errors),
                ))
            }
            Err(e) => {
                for mut e in field_errors(e)? {
                    match e.field.as_str() {
                        "received_on" | "fed_back_on" => e.field = format!("{}-day", e.field),
                        "responded_on" => continue,
                        _ => {}
                    }
                    if !errors.iter().any(|x: &FieldError| x.field == e.field) {
                        errors.push(e);
                    }
                }
                let errors = worded(&viewer.tr, errors, NAMES);
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &answer_form(&state, &viewer, input.id, input.activity_id, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
