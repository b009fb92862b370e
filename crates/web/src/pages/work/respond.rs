//! Giving a response to an input: its status, words, owner and, for "will do", the
//! day it will be done by. The rules are `coproduce_app::inputs::respond`'s.

#[allow(unused_imports)]
use super::*;

use coproduce_domain::input::Response as GivenWords;
use coproduce_store::inputs::Input;

#[derive(Deserialize, Default)]
pub struct RespondForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    response: String,
    #[serde(default)]
    owner_account_id: String,
    #[serde(rename = "will_do_by-day", default)]
    day: String,
    #[serde(rename = "will_do_by-month", default)]
    month: String,
    #[serde(rename = "will_do_by-year", default)]
    year: String,
}

/// The names of the response form's fields in its error messages.
const RESPOND_NAMES: &[Named] = &[
    Named::Always("status", "staff-choose-the-response-status"),
    Named::As("response", "staff-the-answer"),
    Named::Always("owner_account_id", "staff-choose-who-answers"),
    Named::As("will_do_by", "staff-will-do-by"),
    Named::As("will_do_by-day", "staff-will-do-by"),
];

/// The staff of an organisation to choose an owner from.
async fn owners(
    state: &AppState,
    viewer: &Viewer,
    organisation_id: i64,
) -> Result<Vec<Choice>, PageError> {
    Ok(
        coproduce_app::inputs::owners(&state.ctx, &viewer.actor(), organisation_id)
            .await?
            .into_iter()
            .map(|(id, name)| Choice {
                value: id.to_string(),
                label: name,
                hint: None,
            })
            .collect(),
    )
}

async fn respond_form(
    state: &AppState,
    viewer: &Viewer,
    input: &Input,
    f: &RespondForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let mut by = DateField::typed(
        "will_do_by",
        "staff-will-do-by",
        "staff-will-do-by-hint",
        &f.day,
        &f.month,
        &f.year,
    );
    by.error = error_of(&errors, "will_do_by-day").or_else(|| error_of(&errors, "will_do_by"));
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        back: Some((
            format!("/inputs/{}", input.id),
            "staff-back-to-what-was-said".into(),
        )),
        caption: Some(input.said.chars().take(80).collect()),
        heading: "staff-give-a-response".into(),
        intro: vec![viewer.tr.t("staff-give-a-response-intro")],
        action: format!("/inputs/{}/respond", input.id),
        parts: vec![
            Part::Choose(Radios::of::<ResponseStatus>(
                "status",
                "staff-what-is-the-answer",
                &f.status,
                &errors,
                |s| match s {
                    ResponseStatus::WillDo => Some(viewer.tr.t("staff-status-will-do-hint")),
                    ResponseStatus::CannotDo => Some(viewer.tr.t("staff-status-cannot-do-hint")),
                    _ => None,
                },
            )),
            Part::Text(
                FormField::new("response", "staff-the-answer", "text")
                    .hint("staff-write-it-so-the-people-who")
                    .value(&f.response)
                    .errors(&errors),
            ),
            Part::Date(by),
            Part::Pick(Select {
                id: "owner_account_id",
                label: "staff-who-answers-for-it".into(),
                options: owners(state, viewer, input.organisation_id).await?,
                selected: f.owner_account_id.clone(),
                error: error_of(&errors, "owner_account_id"),
            }),
        ],
        errors,
        button: "staff-give-the-response",
    }
    .ordered())
}

pub(super) async fn respond_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let r = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        let i = &r.input;
        let mut f = RespondForm {
            status: i.response_status.clone().unwrap_or_default(),
            response: i.response.clone().unwrap_or_default(),
            owner_account_id: i
                .owner_account_id
                .or(viewer.actor().account_id)
                .map(|o| o.to_string())
                .unwrap_or_default(),
            ..Default::default()
        };
        if let Some(d) = i.will_do_by {
            let mut shown = DateField::typed("", "", "", "", "", "");
            shown.show(d);
            (f.day, f.month, f.year) = (shown.day, shown.month, shown.year);
        }
        respond_form(&state, &viewer, i, &f, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn respond(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<RespondForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let r = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id).await?;
        let mut errs = coproduce_domain::text::FieldErrors::new();
        let will_do_by = crate::pages::forms::typed_date(
            &mut errs,
            "will_do_by",
            (&f.day, &f.month, &f.year),
            false,
        );
        let status = if f.status.trim().is_empty() {
            None
        } else {
            errs.take("status", ResponseStatus::read_exact(&f.status))
        };
        let given = if errs.0.is_empty() {
            coproduce_app::inputs::respond(
                &state.ctx,
                &viewer.actor(),
                id,
                &GivenWords {
                    status,
                    text: &f.response,
                    owner: f.owner_account_id.trim().parse().ok(),
                    will_do_by,
                },
            )
            .await
            .map(|_| ())
            .map_err(crate::ApiError::from)
        } else {
            Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
                errs,
            )))
        };
        match given {
            Ok(()) => Ok(Redirect::to(&format!("/inputs/{id}#told")).into_response()),
            Err(e) => {
                let errors = worded(&viewer.tr, field_errors(e)?, RESPOND_NAMES);
                let page = respond_form(&state, &viewer, &r.input, &f, errors).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
