//! Adding an activity to a project, in London time, with its rung; changing it
//! (refused, with what was typed kept, when someone else changed it first); and
//! calling it off.

#[allow(unused_imports)]
use super::*;

#[derive(Deserialize, Default)]
pub struct ActivityForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    activity_type: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    rung: String,
    #[serde(rename = "date-day", default)]
    day: String,
    #[serde(rename = "date-month", default)]
    month: String,
    #[serde(rename = "date-year", default)]
    year: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    #[serde(default)]
    venue_id: String,
    #[serde(default)]
    joining_link: String,
    #[serde(default)]
    chair: String,
    #[serde(default)]
    facilitator: String,
    #[serde(default)]
    places: String,
    #[serde(default)]
    debrief_minutes: String,
    /// The version of the activity the form was opened at, when changing one.
    #[serde(default)]
    version: String,
    /// Why a change to a published activity goes ahead though it breaks a meeting
    /// rule; asked for only then.
    #[serde(default)]
    go_ahead_reason: String,
}

impl ActivityForm {
    /// The form filled in from an activity, to change it.
    fn of(a: &coproduce_store::activities::Activity) -> ActivityForm {
        // "2026-03-14T18:30", as London reads it.
        let (start, end) = (
            time::london_input(a.starts_at),
            time::london_input(a.ends_at),
        );
        let part = |s: &str, r: std::ops::Range<usize>| s.get(r).unwrap_or("").to_string();
        let number = |s: String| s.trim_start_matches('0').to_string();
        ActivityForm {
            title: a.title.clone(),
            activity_type: a.activity_type.slug().into(),
            mode: a.mode.slug().into(),
            rung: a.rung.slug().into(),
            day: number(part(&start, 8..10)),
            month: number(part(&start, 5..7)),
            year: part(&start, 0..4),
            starts: part(&start, 11..16),
            ends: part(&end, 11..16),
            venue_id: a.venue_id.map(|v| v.to_string()).unwrap_or_default(),
            joining_link: a.joining_link.clone().unwrap_or_default(),
            chair: a.chair.clone().unwrap_or_default(),
            facilitator: a.facilitator.clone().unwrap_or_default(),
            places: a.places.map(|v| v.to_string()).unwrap_or_default(),
            debrief_minutes: a.debrief_minutes.map(|v| v.to_string()).unwrap_or_default(),
            version: a.version.to_string(),
            go_ahead_reason: String::new(),
        }
    }
}

/// Whether the form adds an activity or changes one (its id).
#[derive(Clone, Copy)]
pub(super) enum Editing {
    New,
    Change(i64),
}

/// The organisation's venues, to choose from: id and name.
pub(super) async fn venue_choices(
    state: &AppState,
    organisation_id: i64,
) -> Result<Vec<(i64, String)>, PageError> {
    Ok(state
        .store
        .venues(
            PageRequest::first(PageRequest::MAX_LIMIT),
            Within::Parent(organisation_id),
        )
        .await?
        .items
        .into_iter()
        .map(|v| (v.id, v.name))
        .collect())
}

/// Reads an optional whole number typed into a page: empty is none.
fn typed_number(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
    (min, max): (i64, i64),
) -> Option<i64> {
    match raw.trim() {
        "" => None,
        t => match t.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(FieldError::new(
                    field,
                    coproduce_domain::text::Problem::NotWholeNumber { min, max },
                ));
                None
            }
        },
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn activity_form(
    state: &AppState,
    viewer: &Viewer,
    project: &Project,
    venues: &[(i64, String)],
    f: &ActivityForm,
    errors: Vec<FieldError>,
    editing: Editing,
    breaks: &[coproduce_domain::meeting_rules::Breach],
) -> FormPage {
    let venue = Select {
        id: "venue_id",
        label: "staff-venue".into(),
        options: std::iter::once(Choice {
            value: String::new(),
            label: viewer.tr.t("staff-no-venue-yet"),
            hint: None,
        })
        .chain(venues.iter().map(|(id, name)| Choice {
            value: id.to_string(),
            label: name.clone(),
            hint: None,
        }))
        .collect(),
        selected: f.venue_id.clone(),
        error: error_of(&errors, "venue_id"),
    };
    let mut date = DateField::typed(
        "date",
        "staff-date",
        "staff-for-example-14-3-2027",
        &f.day,
        &f.month,
        &f.year,
    );
    date.error = error_of(&errors, "date-day");
    let (back, heading, action, button, mut parts) = match editing {
        Editing::New => (
            (
                format!("/projects/{}", project.id),
                "staff-back-to-the-project",
            ),
            "staff-add-an-activity",
            format!("/projects/{}/activities", project.id),
            "staff-add-the-activity",
            vec![],
        ),
        Editing::Change(id) => (
            (format!("/activities/{id}"), "staff-back-to-the-activity"),
            "staff-change-the-activity",
            format!("/activities/{id}"),
            "staff-save-changes",
            vec![Part::Hidden("version", f.version.clone())],
        ),
    };
    parts.extend([
        Part::Field(
            FormField::new("title", "staff-name-of-the-activity", "text")
                .value(&f.title)
                .errors(&errors),
        ),
        Part::Pick(Select::of::<ActivityType>(
            "activity_type",
            "staff-what-sort-of-activity-is-it",
            &f.activity_type,
            &errors,
        )),
        Part::Choose(Radios::of::<Mode>(
            "mode",
            "staff-where-do-people-take-part",
            &f.mode,
            &errors,
            |_| None,
        )),
        Part::Choose(
            Radios::of::<Rung>(
                "rung",
                "staff-which-rung-of-the-ladder-does",
                &f.rung,
                &errors,
                |r| Some(r.meaning().into()),
            )
            .hint("staff-be-honest-a-consultation-is-not"),
        ),
        Part::Date(date),
        Part::Field(
            FormField::new("starts", "staff-start-time", "text")
                .hint("staff-london-time-for-example-14-30")
                .value(&f.starts)
                .errors(&errors)
                .numeric_code(),
        ),
        Part::Field(
            FormField::new("ends", "staff-end-time", "text")
                .hint("staff-london-time-for-example-16-00")
                .value(&f.ends)
                .errors(&errors)
                .numeric_code(),
        ),
        Part::Pick(venue),
        Part::Field(
            FormField::new("joining_link", "staff-joining-link", "url")
                .hint("staff-joining-link-hint")
                .value(&f.joining_link)
                .errors(&errors),
        ),
        Part::Field(
            FormField::new("chair", "staff-chair", "text")
                .value(&f.chair)
                .errors(&errors),
        ),
        Part::Field(
            FormField::new("facilitator", "staff-facilitator", "text")
                .value(&f.facilitator)
                .errors(&errors),
        ),
        Part::Field(
            FormField::new("places", "staff-places", "text")
                .hint("staff-places-hint")
                .value(&f.places)
                .errors(&errors)
                .numeric_code(),
        ),
        Part::Field(
            FormField::new("debrief_minutes", "staff-debrief-minutes", "text")
                .hint("staff-debrief-minutes-hint")
                .value(&f.debrief_minutes)
                .errors(&errors)
                .numeric_code(),
        ),
    ]);
    // A change to a published activity that breaks a meeting rule asks why.
    if !breaks.is_empty() {
        parts.push(Part::Warnings(
            "staff-plan-breaks-rules",
            breaks.iter().map(breach_words).collect(),
        ));
        parts.push(Part::Text(
            FormField::new("go_ahead_reason", "staff-go-ahead-reason", "text")
                .hint("staff-go-ahead-reason-hint")
                .value(&f.go_ahead_reason)
                .errors(&errors),
        ));
    }
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((back.0, back.1.into())),
        caption: Some(project.title.clone()),
        heading: heading.into(),
        intro: vec![],
        action,
        parts,
        errors,
        button,
    }
    .ordered()
}

pub(super) async fn new_activity(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let p = visible_project(&state, &viewer, id_of(&raw)?).await?;
        let venues = venue_choices(&state, p.organisation_id).await?;
        Ok::<_, PageError>(activity_form(
            &state,
            &viewer,
            &p,
            &venues,
            &ActivityForm::default(),
            vec![],
            Editing::New,
            &[],
        ))
    }
    .await;
    show(&state, &viewer, result)
}

/// Reads "14:30" (or "9:05"). `field` is `starts` or `ends`; the message keys are
/// `staff-enter-FIELD` (nothing typed) and `staff-FIELD-as-clock` (something else).
pub(super) fn clock(
    tr: &Tr,
    field: &'static str,
    raw: &str,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveTime> {
    match NaiveTime::parse_from_str(raw.trim(), "%H:%M") {
        Ok(t) => Some(t),
        Err(_) => {
            let key = if raw.trim().is_empty() {
                format!("staff-enter-{field}")
            } else {
                format!("staff-{field}-as-clock")
            };
            errors.push(FieldError::worded(field, tr.t(&key)));
            None
        }
    }
}

/// The activity form names its title as an activity's, the rest as [`NAMES`] does.
const ACTIVITY_NAMES: &[Named] = &[Named::As("title", "staff-name-of-the-activity")];

pub(super) async fn create_activity(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ActivityForm>,
) -> Response {
    let result = async {
        let project = visible_project(&state, &viewer, id_of(&raw)?).await?;
        save_activity(&state, &viewer, project, f, Editing::New).await
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// The form to change an activity, filled in as it is now.
pub(super) async fn edit_activity(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        let project = visible_project(&state, &viewer, a.project_id).await?;
        let venues = venue_choices(&state, project.organisation_id).await?;
        Ok::<_, PageError>(activity_form(
            &state,
            &viewer,
            &project,
            &venues,
            &ActivityForm::of(&a),
            vec![],
            Editing::Change(a.id),
            &[],
        ))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn update_activity(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ActivityForm>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        let project = visible_project(&state, &viewer, a.project_id).await?;
        save_activity(&state, &viewer, project, f, Editing::Change(a.id)).await
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// Reads the activity form and adds or changes the activity. Every problem comes
/// back on the form with what was typed kept; a change someone else made first is
/// one of them, and the form then holds the version now, so saving again is a
/// choice made knowing it.
async fn save_activity(
    state: &AppState,
    viewer: &Viewer,
    project: Project,
    mut f: ActivityForm,
    editing: Editing,
) -> Result<Response, PageError> {
    {
        let venues = venue_choices(state, project.organisation_id).await?;
        let tr = viewer.tr;
        let mut errors = Vec::new();
        let places = typed_number(&mut errors, "places", &f.places, (1, 10_000));
        let debrief = typed_number(&mut errors, "debrief_minutes", &f.debrief_minutes, (0, 240));
        errors = worded(&tr, errors, NAMES);
        let date = DateField::typed("date", "", "", &f.day, &f.month, &f.year).read();
        let date = match date {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.push(FieldError::worded(
                    "date-day",
                    tr.t("staff-enter-the-activity-date"),
                ));
                None
            }
            Err(problem) => {
                errors.extend(worded(
                    &tr,
                    vec![FieldError::new("date-day", problem)],
                    NAMES,
                ));
                None
            }
        };
        let starts = clock(&tr, "starts", &f.starts, &mut errors);
        let ends = clock(&tr, "ends", &f.ends, &mut errors);
        let at = |t: Option<NaiveTime>| match (date, t) {
            (Some(d), Some(t)) => d.and_time(t).format("%Y-%m-%dT%H:%M").to_string(),
            _ => "2000-01-01T00:00".into(),
        };
        let body = ActivityBody {
            project_id: project.id,
            title: f.title.clone(),
            activity_type: f.activity_type.clone(),
            mode: f.mode.clone(),
            rung: f.rung.clone(),
            starts_at: at(starts),
            ends_at: at(ends.or(starts.map(|s| s + chrono::Duration::minutes(1)))),
            venue_id: f.venue_id.trim().parse().ok(),
            joining_link: Some(f.joining_link.trim().to_string()).filter(|l| !l.is_empty()),
            chair: Some(f.chair.clone()),
            facilitator: Some(f.facilitator.clone()),
            places,
            debrief_minutes: debrief,
            version: None,
            go_ahead_reason: Some(f.go_ahead_reason.clone()).filter(|r| !r.trim().is_empty()),
        };
        let actor = viewer.actor();
        // Saved only when the times could be read and the values pass; the
        // application may still refuse a value, shown like any other problem.
        let saved = match body.check() {
            Ok(fields) if errors.is_empty() => Some(match editing {
                Editing::New => coproduce_app::work::create_activity(&state.ctx, &actor, &fields)
                    .await
                    .map_err(crate::ApiError::from),
                Editing::Change(id) => coproduce_app::work::update_activity(
                    &state.ctx,
                    &actor,
                    id,
                    &fields,
                    Some(f.version.trim().parse().unwrap_or(-1)),
                    body.go_ahead_reason.as_deref(),
                )
                .await
                .map_err(crate::ApiError::from),
            }),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        };
        // What the change would break, when the reason for it is asked for.
        let breaks = match (&editing, body.check()) {
            (Editing::Change(id), Ok(fields)) if matches!(&saved, Some(Err(crate::ApiError::Invalid(e))) if e.iter().any(|x| x.field == "go_ahead_reason")) => {
                coproduce_app::meeting_rules::unexcused_after_change(
                    &state.ctx, &actor, *id, &fields,
                )
                .await?
            }
            _ => Vec::new(),
        };
        let form = |f: &ActivityForm, errors| {
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &activity_form(
                    state, viewer, &project, &venues, f, errors, editing, &breaks,
                ),
            )
        };
        match saved {
            Some(Ok(a)) => Ok(Redirect::to(&format!("/activities/{}", a.id)).into_response()),
            None => Ok(form(&f, errors)),
            Some(Err(crate::ApiError::Conflict(_))) => {
                if let Editing::Change(id) = editing {
                    f.version = state.store.activity(id).await?.version.to_string();
                }
                errors.push(FieldError::worded("title", tr.t("staff-changed-meanwhile")));
                Ok(form(&f, errors))
            }
            Some(Err(e)) => {
                let mut found = Vec::new();
                for mut e in field_errors(e)? {
                    // Times are checked only when they could be read above.
                    let known = |field: &str| {
                        errors
                            .iter()
                            .any(|x| x.field == field || x.field == "date-day")
                    };
                    match e.field.as_str() {
                        "starts_at" if !known("starts") => e.field = "starts".into(),
                        "ends_at" if !known("ends") => e.field = "ends".into(),
                        "starts_at" | "ends_at" => continue,
                        _ => {}
                    }
                    found.push(e);
                }
                let names: Vec<Named> = ACTIVITY_NAMES.iter().chain(NAMES).copied().collect();
                errors.extend(worded(&tr, found, &names));
                Ok(form(&f, errors))
            }
        }
    }
}

/// A breach in one line for staff: what the rule is, what was found, and the
/// commitment it comes from.
pub(crate) fn breach_words(b: &coproduce_domain::meeting_rules::Breach) -> String {
    let from = b
        .source
        .as_ref()
        .map(|s| format!(" (From {}.)", s.cite()))
        .unwrap_or_default();
    format!("{}: {}{from}", b.check.title(), b.found)
}

/// A page that asks before doing something that cannot be taken back.
#[derive(Template)]
#[template(path = "confirm.html")]
pub(super) struct ConfirmPage {
    pub chrome: Chrome,
    pub errors: Vec<FieldError>,
    pub back: (String, String),
    pub caption: Option<String>,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub action: String,
    pub button: String,
    /// A red button, for calling something off.
    pub warning: bool,
}

/// Asks whether to call an activity off, saying who will be told.
pub(super) async fn cancel_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        let tr = viewer.tr;
        if a.cancelled_at.is_some() {
            return Err(PageError::Conflict(tr.t("staff-already-cancelled")));
        }
        let invited = state.store.invitations(a.id).await?;
        let by_email = invited
            .iter()
            .filter(|i| i.reach == coproduce_domain::invitation::Reach::Email)
            .count() as i64;
        let others = invited.len() as i64 - by_email;
        Ok(ConfirmPage {
            chrome: Chrome::new(&state, &viewer, "projects"),
            errors: vec![],
            back: (
                format!("/activities/{}", a.id),
                tr.t("staff-back-to-the-activity"),
            ),
            caption: Some(a.title.clone()),
            heading: tr.t("staff-cancel-the-activity"),
            paragraphs: vec![
                tr.t("staff-cancel-kept"),
                tr.tn("staff-cancel-emailed", &[("count", by_email)]),
                tr.tn("staff-cancel-others", &[("count", others)]),
            ],
            action: format!("/activities/{}/cancel", a.id),
            button: tr.t("staff-cancel-it"),
            warning: true,
        })
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn cancel(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        coproduce_app::work::cancel_activity(&state.ctx, &viewer.actor(), id).await?;
        Ok::<_, PageError>(Redirect::to(&format!("/activities/{id}")).into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
