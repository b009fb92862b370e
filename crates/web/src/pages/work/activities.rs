//! Adding an activity to a project, in London time, with its rung.

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

pub(super) fn activity_form(
    state: &AppState,
    viewer: &Viewer,
    project: &Project,
    venues: &[(i64, String)],
    f: &ActivityForm,
    errors: Vec<FieldError>,
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
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/projects/{}", project.id),
            "staff-back-to-the-project".into(),
        )),
        caption: Some(project.title.clone()),
        heading: "staff-add-an-activity".into(),
        intro: vec![],
        action: format!("/projects/{}/activities", project.id),
        parts: vec![
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
        ],
        errors,
        button: "staff-add-the-activity",
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
        let venues = venue_choices(&state, project.organisation_id).await?;
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
        };
        // Saved only when the times could be read and the values pass; the
        // application may still refuse a value, shown like any other problem.
        let saved = match body.check() {
            Ok(fields) if errors.is_empty() => Some(
                coproduce_app::work::create_activity(&state.ctx, &viewer.actor(), &fields)
                    .await
                    .map_err(crate::ApiError::from),
            ),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        };
        match saved {
            Some(Ok(a)) => Ok(Redirect::to(&format!("/activities/{}", a.id)).into_response()),
            None => Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &activity_form(&state, &viewer, &project, &venues, &f, errors),
            )),
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
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &activity_form(&state, &viewer, &project, &venues, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
