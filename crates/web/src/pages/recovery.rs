//! Invitations and password resets: emailed single-use links that let a person choose
//! a password.
//!
//! A link works once, until it expires. A used, expired or altered link gets a page
//! that says so and changes nothing. Asking for a reset answers the same whether or
//! not the address has an account.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::account::{Capability as C, PasswordProblem, check_password};
use coproduce_domain::text::{FieldError, FieldErrors};
use serde::Deserialize;

use super::account::{FormField, MessagePage};
use super::{Chrome, PageError, render};
use crate::AppState;
use crate::auth::{INVITATION, PASSWORD_RESET, Viewer, password, secret};
use crate::routes::Routes;
use coproduce_app::accounts::{self, Letter};

pub fn routes(r: Routes) -> Routes {
    r.get("/password-reset", C::ReadPublic, reset_request_page)
        .post("/password-reset", C::ReadPublic, reset_request)
        .get("/password-reset/{token}", C::ReadPublic, reset_page)
        .post("/password-reset/{token}", C::ReadPublic, reset_set)
        .get("/invitations/{token}", C::ReadPublic, invitation_page)
        .post("/invitations/{token}", C::ReadPublic, invitation_set)
}

#[derive(Template)]
#[template(path = "simple_form.html")]
pub struct SimpleForm {
    pub chrome: Chrome,
    pub errors: Vec<FieldError>,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub action: String,
    pub fields: Vec<FormField>,
    pub button: String,
}

fn message(
    state: &AppState,
    viewer: &Viewer,
    heading: &str,
    paragraphs: Vec<String>,
    link: Option<(&str, &str)>,
) -> MessagePage {
    MessagePage {
        chrome: Chrome::participant(state, viewer, "sign-in"),
        heading: heading.into(),
        paragraphs,
        secret: None,
        link: link.map(|(a, b)| (a.to_string(), b.to_string())),
    }
}

fn reset_request_form(
    state: &AppState,
    viewer: &Viewer,
    errors: Vec<FieldError>,
    email: &str,
) -> SimpleForm {
    SimpleForm {
        chrome: Chrome::participant(state, viewer, "sign-in"),
        heading: viewer.tr.t("reset-heading"),
        paragraphs: vec![viewer.tr.t("reset-intro")],
        action: "/password-reset".into(),
        fields: vec![
            FormField::new("email", viewer.tr.t("email-label"), "email")
                .autocomplete("username")
                .value(email)
                .errors(&errors),
        ],
        errors,
        button: viewer.tr.t("reset-send"),
    }
}

async fn reset_request_page(State(state): State<AppState>, viewer: Viewer) -> Response {
    render(
        StatusCode::OK,
        &reset_request_form(&state, &viewer, vec![], ""),
    )
}

#[derive(Deserialize, Default)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

async fn reset_request(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<EmailForm>,
) -> Response {
    let email = match coproduce_domain::text::email(&form.email) {
        Ok(e) => e,
        Err(_) => {
            let errors = vec![FieldError::worded("email", viewer.tr.t("email-wrong"))];
            return render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &reset_request_form(&state, &viewer, errors, &form.email),
            );
        }
    };
    if !state.ctx.mailer.configured() {
        return render(
            StatusCode::OK,
            &message(
                &state,
                &viewer,
                &viewer.tr.t("no-email-heading"),
                vec![viewer.tr.t("no-email")],
                None,
            ),
        );
    }
    let tr = viewer.tr;
    let result: Result<(), PageError> =
        accounts::request_password_reset(&state.ctx, &viewer.actor(), &email, |account, link| {
            Letter {
                subject: tr.t("reset-email-subject"),
                body: tr.t2("reset-email-body", ("name", &account.name), ("link", link)),
            }
        })
        .await
        .map_err(PageError::from);
    if let Err(e) = result {
        return e.respond(&state, &viewer);
    }
    render(
        StatusCode::OK,
        &message(
            &state,
            &viewer,
            &viewer.tr.t("check-email-heading"),
            vec![
                viewer.tr.t1("check-email-sent", "email", &email),
                viewer.tr.t("check-email-help"),
            ],
            Some(("/sign-in", &viewer.tr.t("back-to-sign-in"))),
        ),
    )
}

fn set_password_form(
    state: &AppState,
    viewer: &Viewer,
    action: String,
    heading: &str,
    errors: Vec<FieldError>,
) -> SimpleForm {
    SimpleForm {
        chrome: Chrome::participant(state, viewer, "sign-in"),
        heading: viewer.tr.t(heading),
        paragraphs: vec![viewer.tr.t("new-password-intro")],
        action,
        fields: vec![
            FormField::new("password", viewer.tr.t("new-password-label"), "password")
                .autocomplete("new-password")
                .errors(&errors),
            FormField::new("confirm", viewer.tr.t("confirm-password-label"), "password")
                .autocomplete("new-password")
                .errors(&errors),
        ],
        errors,
        button: viewer.tr.t("save-password"),
    }
}

fn link_not_working(state: &AppState, viewer: &Viewer, purpose: &str) -> Response {
    let (again, label) = if purpose == INVITATION {
        ("/sign-in", viewer.tr.t("go-to-sign-in"))
    } else {
        ("/password-reset", viewer.tr.t("ask-new-link"))
    };
    render(
        StatusCode::GONE,
        &message(
            state,
            viewer,
            &viewer.tr.t("link-broken-heading"),
            vec![
                viewer.tr.t("link-broken"),
                if purpose == INVITATION {
                    viewer.tr.t("link-broken-invitation")
                } else {
                    viewer.tr.t("link-broken-reset")
                },
            ],
            Some((again, &label)),
        ),
    )
}

async fn link_page(
    state: &AppState,
    viewer: &Viewer,
    purpose: &str,
    token: &str,
    action: String,
    heading: &str,
) -> Response {
    match state
        .store
        .email_token_account(purpose, &secret::hash(token), state.ctx.now())
        .await
    {
        Ok(Some(_)) => render(
            StatusCode::OK,
            &set_password_form(state, viewer, action, heading, vec![]),
        ),
        Ok(None) => link_not_working(state, viewer, purpose),
        Err(e) => PageError::from(e).respond(state, viewer),
    }
}

#[derive(Deserialize, Default)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn set_from_link(
    state: &AppState,
    viewer: &Viewer,
    purpose: &str,
    token: &str,
    form: PasswordForm,
    action: String,
    heading: &str,
) -> Response {
    let mut errs = FieldErrors::new();
    if let Err(e) = check_password(&form.password) {
        errs.add_worded(
            "password",
            viewer.tr.t(match e {
                PasswordProblem::TooShort => "password-short",
                PasswordProblem::TooLong => "password-long",
                PasswordProblem::TooEasy => "password-easy",
            }),
        );
    } else if form.password != form.confirm {
        errs.add_worded("confirm", viewer.tr.t("passwords-differ"));
    }
    if !errs.is_empty() {
        // Only say what is wrong with the password if the link itself still works.
        return match state
            .store
            .email_token_account(purpose, &secret::hash(token), state.ctx.now())
            .await
        {
            Ok(Some(_)) => render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &set_password_form(state, viewer, action, heading, errs.0),
            ),
            Ok(None) => link_not_working(state, viewer, purpose),
            Err(e) => PageError::from(e).respond(state, viewer),
        };
    }
    let hash = match password::hash(form.password).await {
        Ok(h) => h,
        Err(e) => {
            return PageError::Internal(crate::error::ApiError::internal(&e).reference())
                .respond(state, viewer);
        }
    };
    match coproduce_app::accounts::set_password_by_link(
        &state.ctx,
        &viewer.actor(),
        purpose,
        token,
        &hash,
    )
    .await
    {
        Ok(Some(_)) => Redirect::to("/sign-in?password-set=1").into_response(),
        Ok(None) => link_not_working(state, viewer, purpose),
        Err(e) => PageError::from(e).respond(state, viewer),
    }
}

async fn reset_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Response {
    let action = format!("/password-reset/{token}");
    link_page(
        &state,
        &viewer,
        PASSWORD_RESET,
        &token,
        action,
        "new-password-heading",
    )
    .await
}

async fn reset_set(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Response {
    let action = format!("/password-reset/{token}");
    set_from_link(
        &state,
        &viewer,
        PASSWORD_RESET,
        &token,
        form,
        action,
        "new-password-heading",
    )
    .await
}

async fn invitation_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Response {
    let action = format!("/invitations/{token}");
    link_page(
        &state,
        &viewer,
        INVITATION,
        &token,
        action,
        "welcome-heading",
    )
    .await
}

async fn invitation_set(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Response {
    let action = format!("/invitations/{token}");
    set_from_link(
        &state,
        &viewer,
        INVITATION,
        &token,
        form,
        action,
        "welcome-heading",
    )
    .await
}
