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
    let today = crate::today(&state.ctx);
    let attendance = state.store.attendance(id).await?;
    let name_of = |person: i64| {
        attendance
            .iter()
            .find(|a| a.person_id == person)
            .map(|a| (person, a.person_name.clone()))
    };
    let inputs = coproduce_app::inputs::list(
        &state.ctx,
        &viewer.actor(),
        PageRequest::first(PageRequest::MAX_LIMIT),
        coproduce_store::inputs::InputFilter {
            activity_id: Some(id),
            ..Default::default()
        },
    )
    .await?
    .items
    .into_iter()
    .map(|i| InputView {
        said_by: i.said_by.iter().filter_map(|p| name_of(*p)).collect(),
        id: i.id,
        overdue: coproduce_domain::input::overdue(i.due_on, i.fed_back_on, today),
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
            activity_id: Some(id),
            said: f.said.clone(),
            received_on: crate::today(&state.ctx).to_string(),
            said_by: Some(said_by),
            ..Default::default()
        };
        let saved = match body.check() {
            Ok(fields) => coproduce_app::inputs::record(&state.ctx, &viewer.actor(), &fields)
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
