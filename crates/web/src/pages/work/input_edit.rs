//! Changing what was said: the words, the day, its themes, how many said it without
//! being named, and its due day. Who said it is chosen on the activity's page.

#[allow(unused_imports)]
use super::*;

use coproduce_domain::input;

#[derive(Deserialize, Default)]
pub struct SaidForm {
    #[serde(default)]
    said: String,
    #[serde(default)]
    themes: String,
    #[serde(default)]
    anonymous_count: String,
    #[serde(rename = "received_on-day", default)]
    received_day: String,
    #[serde(rename = "received_on-month", default)]
    received_month: String,
    #[serde(rename = "received_on-year", default)]
    received_year: String,
    #[serde(rename = "due_on-day", default)]
    due_day: String,
    #[serde(rename = "due_on-month", default)]
    due_month: String,
    #[serde(rename = "due_on-year", default)]
    due_year: String,
}

const SAID_NAMES: &[Named] = &[
    Named::As("said", "staff-what-people-said"),
    Named::As("themes", "staff-themes"),
    Named::As("anonymous_count", "staff-anonymous-count"),
    Named::As("received_on-day", "staff-the-date-said"),
    Named::As("received_on", "staff-the-date-said"),
    Named::As("due_on-day", "staff-due-by"),
    Named::As("due_on", "staff-due-by"),
];

fn said_form(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    f: &SaidForm,
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
    received.error =
        error_of(&errors, "received_on-day").or_else(|| error_of(&errors, "received_on"));
    let mut due = DateField::typed(
        "due_on",
        "staff-due-by",
        "staff-due-by-hint",
        &f.due_day,
        &f.due_month,
        &f.due_year,
    );
    due.error = error_of(&errors, "due_on-day").or_else(|| error_of(&errors, "due_on"));
    FormPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        back: Some((
            format!("/inputs/{id}"),
            "staff-back-to-what-was-said".into(),
        )),
        caption: Some("staff-you-said-we-did".into()),
        heading: "staff-change-what-was-said".into(),
        intro: vec![],
        action: format!("/inputs/{id}"),
        parts: vec![
            Part::Text(
                FormField::new("said", "staff-what-people-said", "text")
                    .value(&f.said)
                    .errors(&errors),
            ),
            Part::Date(received),
            Part::Field(
                FormField::new("themes", "staff-themes", "text")
                    .hint("staff-themes-hint")
                    .value(&f.themes)
                    .errors(&errors),
            ),
            Part::Field(
                FormField::new("anonymous_count", "staff-anonymous-count", "text")
                    .hint("staff-anonymous-count-hint")
                    .value(&f.anonymous_count)
                    .errors(&errors)
                    .numeric_code(),
            ),
            Part::Date(due),
        ],
        errors,
        button: "staff-save-changes",
    }
    .ordered()
}

pub(super) async fn edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let r = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        let i = r.input;
        let mut d = DateField::typed("", "", "", "", "", "");
        d.show(i.received_on);
        let (received_day, received_month, received_year) =
            (d.day.clone(), d.month.clone(), d.year.clone());
        d.show(i.due_on);
        let f = SaidForm {
            said: i.said.clone(),
            themes: i.themes.join(", "),
            anonymous_count: i.anonymous_count.to_string(),
            received_day,
            received_month,
            received_year,
            due_day: d.day,
            due_month: d.month,
            due_year: d.year,
        };
        Ok::<_, PageError>(said_form(&state, &viewer, i.id, &f, vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<SaidForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let current = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id)
            .await?
            .input;
        let mut errs = coproduce_domain::text::FieldErrors::new();
        let received = crate::pages::forms::typed_date(
            &mut errs,
            "received_on",
            (&f.received_day, &f.received_month, &f.received_year),
            true,
        );
        let due = crate::pages::forms::typed_date(
            &mut errs,
            "due_on",
            (&f.due_day, &f.due_month, &f.due_year),
            true,
        );
        let anonymous = if f.anonymous_count.trim().is_empty() {
            Some(0)
        } else {
            match f.anonymous_count.trim().parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errs.add(
                        "anonymous_count",
                        coproduce_domain::text::Problem::NotWholeNumber {
                            min: 0,
                            max: input::MAX_ANONYMOUS,
                        },
                    );
                    None
                }
            }
        };
        let body = crate::api::inputs::InputBody {
            project_id: current.project_id,
            activity_id: current.activity_id,
            opportunity_id: current.opportunity_id,
            said: f.said.clone(),
            received_on: received.unwrap_or(current.received_on).to_string(),
            said_by: Some(current.said_by.clone()),
            anonymous_count: anonymous,
            themes: Some(vec![f.themes.clone()]),
            owner_account_id: None,
            due_on: due.map(|d| d.to_string()),
        };
        let saved = match body.check() {
            Ok(fields) if errs.0.is_empty() => {
                coproduce_app::inputs::change(&state.ctx, &viewer.actor(), id, &fields)
                    .await
                    .map(|_| ())
                    .map_err(crate::ApiError::from)
            }
            Ok(_) => Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
                errs,
            ))),
            Err(e) => {
                let mut all = errs;
                for e in field_errors(e)? {
                    if !all.0.iter().any(|x| x.field.starts_with(&e.field)) {
                        all.0.push(e);
                    }
                }
                Err(crate::ApiError::from(coproduce_app::AppError::Invalid(all)))
            }
        };
        match saved {
            Ok(()) => Ok(Redirect::to(&format!("/inputs/{id}")).into_response()),
            Err(e) => {
                let errors = worded(&viewer.tr, field_errors(e)?, SAID_NAMES);
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &said_form(&state, &viewer, id, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
