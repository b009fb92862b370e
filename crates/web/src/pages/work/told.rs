//! Telling people by hand: the letter telling one person of a response (to print
//! or read out), marking it posted or the call made, and feedback given at a
//! meeting.

#[allow(unused_imports)]
use super::*;

/// The letter telling one person of a response, to print or read out.
pub(super) async fn letter(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, told)): Path<(String, String)>,
) -> Response {
    let result = async {
        let (id, told) = (id_of(&raw)?, id_of(&told)?);
        let printed = coproduce_app::inputs::letter(&state.ctx, &viewer.actor(), id, told).await?;
        Ok::<_, PageError>(super::invitations::LetterPage {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            back: (format!("/inputs/{id}"), "staff-back-to-what-was-said"),
            caption: viewer.tr.t("staff-you-said-we-did"),
            how: "staff-input-letter-how",
            lines: printed.letter.body.lines().map(str::to_string).collect(),
            points: printed.large_print.unwrap_or(12),
            lang: printed.letter.words.lang.code(),
            printed,
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// Records a letter posted or a call made today, and goes back to the input.
pub(super) async fn told_done(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, told)): Path<(String, String)>,
) -> Response {
    let result = async {
        let (id, told) = (id_of(&raw)?, id_of(&told)?);
        match coproduce_app::inputs::mark_told(&state.ctx, &viewer.actor(), id, told).await {
            // Already recorded (a second press): the page shows it as done.
            Ok(_) | Err(coproduce_app::AppError::Conflict(_)) => {
                Ok::<_, PageError>(Redirect::to(&format!("/inputs/{id}#told")).into_response())
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct FedBackForm {
    #[serde(rename = "fed_back_on-day", default)]
    day: String,
    #[serde(rename = "fed_back_on-month", default)]
    month: String,
    #[serde(rename = "fed_back_on-year", default)]
    year: String,
}

fn fed_back_form(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    f: &FedBackForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let mut on = DateField::typed(
        "fed_back_on",
        "staff-when-was-it-fed-back",
        "staff-fed-back-by-hand-hint",
        &f.day,
        &f.month,
        &f.year,
    );
    on.error = error_of(&errors, "fed_back_on-day").or_else(|| error_of(&errors, "fed_back_on"));
    FormPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        back: Some((
            format!("/inputs/{id}"),
            "staff-back-to-what-was-said".into(),
        )),
        caption: Some("staff-you-said-we-did".into()),
        heading: "staff-record-feedback-by-hand".into(),
        intro: vec![viewer.tr.t("staff-record-feedback-by-hand-intro")],
        action: format!("/inputs/{id}/fed-back"),
        parts: vec![Part::Date(on)],
        errors,
        button: "staff-save-changes",
    }
    .ordered()
}

pub(super) async fn fed_back_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id).await?;
        Ok::<_, PageError>(fed_back_form(
            &state,
            &viewer,
            id,
            &FedBackForm::default(),
            vec![],
        ))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn fed_back(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<FedBackForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id).await?;
        let mut errs = coproduce_domain::text::FieldErrors::new();
        let on = crate::pages::forms::typed_date(
            &mut errs,
            "fed_back_on",
            (&f.day, &f.month, &f.year),
            true,
        );
        let saved = match on {
            Some(on) => coproduce_app::inputs::record_fed_back(&state.ctx, &viewer.actor(), id, on)
                .await
                .map(|_| ())
                .map_err(crate::ApiError::from),
            None => Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
                errs,
            ))),
        };
        match saved {
            Ok(()) => Ok(Redirect::to(&format!("/inputs/{id}")).into_response()),
            Err(e) => {
                let names = [
                    Named::As("fed_back_on", "staff-the-date-fed-back"),
                    Named::As("fed_back_on-day", "staff-the-date-fed-back"),
                ];
                let errors = worded(&viewer.tr, field_errors(e)?, &names);
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &fed_back_form(&state, &viewer, id, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
