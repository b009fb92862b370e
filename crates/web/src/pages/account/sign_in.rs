//! Signing in (with its throttle) and out, and the session cookie.

#[allow(unused_imports)]
use super::*;

use coproduce_app::sessions::{self, SignIn};

#[derive(Template)]
#[template(path = "sign_in.html")]
pub(super) struct SignInPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    notice: Option<String>,
    next: String,
    email: FormField,
    password: FormField,
    demo_sign_ins: Vec<(String, String, String)>,
}

#[derive(Deserialize, Default)]
pub struct SignInQuery {
    pub(super) next: Option<String>,
    #[serde(rename = "signed-out")]
    signed_out: Option<String>,
    #[serde(rename = "password-set")]
    password_set: Option<String>,
}

/// Only a path on this site may be the page to go back to after signing in.
pub(super) fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\") => {
            n.to_string()
        }
        _ => String::new(),
    }
}

pub(super) fn sign_in_form(
    state: &AppState,
    viewer: &Viewer,
    errors: Vec<FieldError>,
    notice: Option<String>,
    next: String,
    email: &str,
) -> SignInPage {
    let tr = viewer.tr;
    SignInPage {
        chrome: Chrome::participant(state, viewer, "sign-in"),
        email: FormField::new("email", tr.t("email-label"), "email")
            .autocomplete("username")
            .value(email)
            .errors(&errors),
        password: FormField::new("password", tr.t("password-label"), "password")
            .autocomplete("current-password")
            .errors(&errors),
        errors,
        notice,
        next,
        demo_sign_ins: if state.demo {
            state.config.demo_sign_ins.clone()
        } else {
            Vec::new()
        },
    }
}

pub(super) async fn sign_in_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<SignInQuery>,
) -> Response {
    let tr = viewer.tr;
    let notice = if q.signed_out.is_some() {
        Some(tr.t("signed-out-notice"))
    } else if q.password_set.is_some() {
        Some(tr.t("password-set-notice"))
    } else if viewer.session_expired {
        Some(tr.t("expired-notice"))
    } else {
        None
    };
    let page = sign_in_form(
        &state,
        &viewer,
        vec![],
        notice,
        safe_next(q.next.as_deref()),
        "",
    );
    render(StatusCode::OK, &page)
}

#[derive(Deserialize, Default)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// The cookie that carries a session, or ends it (`None`).
pub fn session_cookie(state: &AppState, secret: Option<&str>) -> HeaderValue {
    let secure = if state.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let value = match secret {
        Some(s) => format!(
            "{SESSION_COOKIE}={s}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            ABSOLUTE_LIMIT.num_seconds()
        ),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The sessions this browser holds, which a new sign-in or a sign-out ends.
pub(super) fn held_sessions(viewer: &Viewer) -> Vec<i64> {
    let mut ids = Vec::new();
    if let Some((_, Credential::Session { id, .. })) = &viewer.signed_in {
        ids.push(*id);
    }
    if let Some((id, _)) = &viewer.pending_second_factor {
        ids.push(*id);
    }
    ids
}

/// Sends the person on with the new session's cookie.
pub(super) fn with_session(state: &AppState, secret: &str, to: &str) -> Response {
    let mut res = Redirect::to(to).into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie(state, Some(secret)));
    res
}

/// Where a person lands after signing in, when no page was asked for.
pub(super) fn landing(role: Role, organisation_id: Option<i64>) -> String {
    match organisation_id {
        Some(org) if role.can(C::ReadDashboard) => format!("/organisations/{org}"),
        _ => "/account".into(),
    }
}

pub(super) async fn sign_in(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<SignInForm>,
) -> Response {
    let email = form.email.trim().to_lowercase();
    let next = safe_next(Some(&form.next));
    let mut errs = FieldErrors::new();
    if email.is_empty() {
        errs.add_worded("email", viewer.tr.t("enter-email"));
    }
    if form.password.is_empty() {
        errs.add_worded("password", viewer.tr.t("enter-password"));
    }
    if !errs.is_empty() {
        let page = sign_in_form(&state, &viewer, errs.0, None, next, &form.email);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    match try_sign_in(&state, &viewer, &email, form.password, &next).await {
        Ok(Ok(res)) => res,
        Ok(Err(message)) => {
            let errors = vec![FieldError::worded("email", message)];
            let page = sign_in_form(&state, &viewer, errors, None, next, &form.email);
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => e.respond(&state, &viewer),
    }
}

/// Signs in through the application. `Ok(Err(message))` is a refusal to show.
pub(super) async fn try_sign_in(
    state: &AppState,
    viewer: &Viewer,
    email: &str,
    password_given: String,
    next: &str,
) -> Result<Result<Response, String>, PageError> {
    let started = match sessions::sign_in(
        &state.ctx,
        &viewer.actor(),
        email,
        password_given,
        &held_sessions(viewer),
    )
    .await?
    {
        SignIn::Started(s) => s,
        SignIn::Wrong => return Ok(Err(viewer.tr.t("sign-in-wrong"))),
        SignIn::TooMany => return Ok(Err(viewer.tr.t("sign-in-too-many"))),
    };
    let account = &started.account;
    let to = if started.needs_code {
        format!("/sign-in/code?next={}", crate::pages::url_encode(next))
    } else if next.is_empty() {
        landing(account.role, account.organisation_id)
    } else {
        next.to_string()
    };
    Ok(Ok(with_session(state, &started.secret, &to)))
}

pub(super) fn signed_out(state: &AppState) -> Response {
    let mut res = Redirect::to("/sign-in?signed-out=1").into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie(state, None));
    res
}

pub(super) async fn sign_out(State(state): State<AppState>, viewer: Viewer) -> Response {
    match sessions::sign_out(&state.ctx, &viewer.actor(), &held_sessions(&viewer)).await {
        Ok(()) => signed_out(&state),
        Err(e) => PageError::from(e).respond(&state, &viewer),
    }
}

pub(super) async fn sign_out_everywhere(State(state): State<AppState>, viewer: Viewer) -> Response {
    match sessions::sign_out_everywhere(&state.ctx, &viewer.actor()).await {
        Ok(_) => signed_out(&state),
        Err(e) => PageError::from(e).respond(&state, &viewer),
    }
}
