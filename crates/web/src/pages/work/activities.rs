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
}

pub(super) fn activity_form(
    state: &AppState,
    viewer: &Viewer,
    project: &Project,
    f: &ActivityForm,
    errors: Vec<FieldError>,
) -> FormPage {
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
    let result = async { visible_project(&state, &viewer, id_of(&raw)?).await }.await;
    match result {
        Ok(p) => render(
            StatusCode::OK,
            &activity_form(&state, &viewer, &p, &ActivityForm::default(), vec![]),
        ),
        Err(e) => e.respond(&state, &viewer),
    }
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
        let tr = viewer.tr;
        let mut errors = Vec::new();
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
                &activity_form(&state, &viewer, &project, &f, errors),
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
                    &activity_form(&state, &viewer, &project, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
