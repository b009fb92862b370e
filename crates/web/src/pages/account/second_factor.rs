//! The second factor: setting it up, and giving a code at sign-in.

use super::sign_in::{SignInQuery, landing, safe_next, with_session};
#[allow(unused_imports)]
use super::*;
use coproduce_app::sessions::{self, Code};

#[derive(Template)]
#[template(path = "code.html")]
pub(super) struct CodePage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    heading: String,
    paragraphs: Vec<String>,
    key: Option<String>,
    setup_url: Option<String>,
    action: &'static str,
    next: String,
    code: FormField,
    button: String,
}

#[derive(Deserialize, Default)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

pub(super) fn code_form(
    state: &AppState,
    viewer: &Viewer,
    account: &coproduce_store::accounts::Account,
    setup: bool,
    action: &'static str,
    next: String,
    errors: Vec<FieldError>,
) -> CodePage {
    let tr = viewer.tr;
    let key = if setup {
        account.totp_secret.clone()
    } else {
        None
    };
    let setup_url = key
        .as_deref()
        .and_then(|k| crate::auth::second_factor::setup_url(k, &account.email));
    CodePage {
        chrome: Chrome::participant(state, viewer, "sign-in"),
        heading: if setup {
            tr.t("code-setup-heading")
        } else {
            tr.t("code-heading")
        },
        paragraphs: if setup {
            vec![tr.t("code-setup-why"), tr.t("code-setup-how")]
        } else {
            vec![tr.t("code-intro")]
        },
        key,
        setup_url,
        action,
        next,
        code: FormField::new("code", tr.t("code-label"), "text")
            .autocomplete("one-time-code")
            .numeric_code()
            .errors(&errors),
        errors,
        button: if setup {
            tr.t("code-turn-on")
        } else {
            tr.t("code-continue")
        },
    }
}

/// Gives the pending session's account a secret to set up if it has none.
pub(super) async fn ensure_secret(
    state: &AppState,
    account: &mut coproduce_store::accounts::Account,
) -> Result<(), PageError> {
    account.totp_secret =
        Some(coproduce_app::accounts::second_factor_secret(&state.ctx, account).await?);
    Ok(())
}

pub(super) async fn code_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<SignInQuery>,
) -> Response {
    let Some((_, mut account)) = viewer.pending_second_factor.clone() else {
        return Redirect::to("/sign-in").into_response();
    };
    let setup = !account.totp_enabled;
    if setup && let Err(e) = ensure_secret(&state, &mut account).await {
        return e.respond(&state, &viewer);
    }
    let next = safe_next(q.next.as_deref());
    render(
        StatusCode::OK,
        &code_form(
            &state,
            &viewer,
            &account,
            setup,
            "/sign-in/code",
            next,
            vec![],
        ),
    )
}

/// Checks a typed code through the application. `Ok(None)` when it is right;
/// otherwise the words to show.
pub(super) async fn check_code(
    state: &AppState,
    tr: crate::i18n::Tr,
    account: &coproduce_store::accounts::Account,
    code: &str,
) -> Result<Option<String>, PageError> {
    Ok(
        match sessions::check_code(&state.ctx, account, code).await? {
            Code::Right => None,
            Code::Empty => Some(tr.t("code-empty")),
            Code::Wrong => Some(tr.t("code-wrong")),
            Code::TooMany => Some(tr.t("code-too-many")),
        },
    )
}

pub(super) async fn code_given(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<CodeForm>,
) -> Response {
    let Some((pending, account)) = viewer.pending_second_factor.clone() else {
        return Redirect::to("/sign-in").into_response();
    };
    let next = safe_next(Some(&form.next));
    let result = async {
        if let Some(message) = check_code(&state, viewer.tr, &account, &form.code).await? {
            let errors = vec![FieldError::worded("code", message)];
            let page = code_form(
                &state,
                &viewer,
                &account,
                !account.totp_enabled,
                "/sign-in/code",
                next.clone(),
                errors,
            );
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
        if !account.totp_enabled {
            coproduce_app::accounts::second_factor_on(&state.ctx, &viewer.actor(), &account)
                .await?;
        }
        let to = if next.is_empty() {
            landing(account.role, account.organisation_id)
        } else {
            next.clone()
        };
        let secret =
            sessions::complete_sign_in(&state.ctx, &viewer.actor(), pending, &account).await?;
        Ok(with_session(&state, &secret, &to))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn setup_page(State(state): State<AppState>, viewer: Viewer) -> Response {
    let Some(mut account) = viewer.account().cloned() else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    if account.totp_enabled {
        return Redirect::to("/account").into_response();
    }
    if let Err(e) = ensure_secret(&state, &mut account).await {
        return e.respond(&state, &viewer);
    }
    render(
        StatusCode::OK,
        &code_form(
            &state,
            &viewer,
            &account,
            true,
            "/account/second-factor",
            String::new(),
            vec![],
        ),
    )
}

pub(super) async fn setup_confirm(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<CodeForm>,
) -> Response {
    let Some(account) = viewer.account().cloned() else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    let result = async {
        if let Some(message) = check_code(&state, viewer.tr, &account, &form.code).await? {
            let errors = vec![FieldError::worded("code", message)];
            let page = code_form(
                &state,
                &viewer,
                &account,
                true,
                "/account/second-factor",
                String::new(),
                errors,
            );
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
        coproduce_app::accounts::second_factor_on(&state.ctx, &viewer.actor(), &account).await?;
        Ok(Redirect::to("/account").into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn second_factor_off(State(state): State<AppState>, viewer: Viewer) -> Response {
    let Some(account) = viewer.account().cloned() else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    let result = async {
        match coproduce_app::accounts::second_factor_off(&state.ctx, &viewer.actor(), &account)
            .await
        {
            Ok(()) => Ok(Redirect::to("/account").into_response()),
            Err(coproduce_app::AppError::Forbidden(_)) => Ok(crate::pages::forbidden(
                &viewer,
                &viewer.tr.t("second-factor-required"),
            )),
            Err(e) => Err(PageError::from(e)),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
