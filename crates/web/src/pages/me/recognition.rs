//! The person's own choice about payments for taking part (`/me/recognition`), in
//! their language and in Easy Read: first a plain notice that payments and vouchers
//! can affect welfare benefits, that declining is always allowed, and where to get
//! advice; then what they chose before, and the choice.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::payment::PaymentChoice;
use coproduce_domain::text::{FieldError, FieldErrors};

use crate::AppState;
use crate::auth::Viewer;
use crate::pages::forms::{
    Choice, FormField, HtmlForm, Named, Radios, error_of, field_errors, worded,
};
use crate::pages::work::{ChoiceForm, choice_words};
use crate::pages::{Chrome, PageError, render, show};

#[derive(Template)]
#[template(path = "me_recognition.html")]
struct OwnChoicePage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    /// Where their organisation says to get advice.
    advice: Option<String>,
    history: Vec<String>,
    choice: Radios,
    amount: FormField,
    charity: FormField,
}

async fn own_page(
    state: &AppState,
    viewer: &Viewer,
    f: &ChoiceForm,
    errors: Vec<FieldError>,
) -> Result<OwnChoicePage, PageError> {
    let (history, advice) =
        coproduce_app::payments::own_choices(&state.ctx, &viewer.actor()).await?;
    let chrome = Chrome::participant(state, viewer, "me");
    let tr = chrome.tr;
    Ok(OwnChoicePage {
        advice,
        history: history.iter().map(|c| choice_words(&tr, c)).collect(),
        choice: Radios {
            id: "choice",
            legend: "choice-legend",
            hint: None,
            options: PaymentChoice::ALL
                .iter()
                .map(|c| Choice {
                    value: c.slug().into(),
                    label: tr.t(&format!("choice-{}", c.slug())),
                    hint: None,
                })
                .collect(),
            selected: f.choice.clone(),
            error: error_of(&errors, "choice"),
        },
        amount: FormField::new("amount_pence", "choice-amount", "text")
            .hint("choice-amount-hint")
            .value(&f.amount)
            .errors(&errors),
        charity: FormField::new("charity", "choice-charity-name", "text")
            .value(&f.charity)
            .errors(&errors),
        errors,
        chrome,
    })
}

pub(super) async fn page(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = own_page(&state, &viewer, &ChoiceForm::default(), vec![]).await;
    show(&state, &viewer, result)
}

pub(super) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    HtmlForm(f): HtmlForm<ChoiceForm>,
) -> Response {
    let result = async {
        let actor = viewer.actor();
        let person = coproduce_app::people::own(&state.ctx, &actor).await?;
        let mut errs = FieldErrors::new();
        let draft = f.draft(&mut errs);
        let done = if errs.0.is_empty() {
            coproduce_app::payments::record_choice(&state.ctx, &actor, person.id, &draft)
                .await
                .map_err(crate::ApiError::from)
        } else {
            Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
                errs,
            )))
        };
        match done {
            Ok(_) => Ok(Redirect::to("/me#recognition").into_response()),
            Err(e) => {
                let errors = worded(
                    &viewer.tr,
                    field_errors(e)?,
                    &[
                        Named::Always("choice", "choice-choose-one"),
                        Named::As("amount_pence", "choice-amount"),
                        Named::As("charity", "choice-charity-name"),
                    ],
                );
                let page = own_page(&state, &viewer, &f, errors).await?;
                Ok::<_, PageError>(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}
