//! Signing in (with its throttle) and out, and the session cookie.

#[allow(unused_imports)]
use super::*;

/// Failed sign-ins allowed against one email address in the window below.
pub(super) const ACCOUNT_FAILURES: i64 = 5;
/// Failed sign-ins allowed from one client address in the window below.
pub(super) const ADDRESS_FAILURES: i64 = 20;
/// The window over which failures are counted.
pub(super) const FAILURE_WINDOW: Duration = Duration::minutes(15);

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

/// Starts a new session for an account (a new secret every time), and sends the
/// person on.
pub async fn start_session(
    state: &AppState,
    viewer: &Viewer,
    account_id: i64,
    second_factor_done: bool,
    to: &str,
) -> Result<Response, PageError> {
    // Rotate: whatever session this browser had ends here.
    if let Some((_, Credential::Session { id, .. })) = &viewer.signed_in {
        state.store.delete_session(*id).await?;
    }
    if let Some((id, _)) = &viewer.pending_second_factor {
        state.store.delete_session(*id).await?;
    }
    let now = state.ctx.now();
    let token = secret::generate("cps_");
    state
        .store
        .create_session(
            account_id,
            &secret::hash(&token),
            second_factor_done,
            now,
            now + ABSOLUTE_LIMIT,
        )
        .await?;
    let mut res = Redirect::to(to).into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie(state, Some(&token)));
    Ok(res)
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

/// Checks the throttle and the password. `Ok(Err(message))` is a refusal to show.
pub(super) async fn try_sign_in(
    state: &AppState,
    viewer: &Viewer,
    email: &str,
    password_given: String,
    next: &str,
) -> Result<Result<Response, String>, PageError> {
    let now = state.ctx.now();
    let by_email = format!("email:{email}");
    // The address the request came from, as resolved once for every request.
    let by_address = format!("address:{}", viewer.address.as_deref().unwrap_or("unknown"));
    let since = now - FAILURE_WINDOW;
    if state.store.failures_since(&by_email, since).await? >= ACCOUNT_FAILURES
        || state.store.failures_since(&by_address, since).await? >= ADDRESS_FAILURES
    {
        return Ok(Err(viewer.tr.t("sign-in-too-many")));
    }
    let account = state.store.account_by_email(email).await?;
    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    if !password::verify(password_given, stored).await {
        state.store.record_failure(&by_email, now).await?;
        state.store.record_failure(&by_address, now).await?;
        return Ok(Err(viewer.tr.t("sign-in-wrong")));
    }
    let Some(account) = account else {
        return Ok(Err(viewer.tr.t("sign-in-wrong")));
    };
    state.store.clear_failures(&by_email).await?;
    let required = match account.organisation_id {
        Some(org) if account.role.is_staff() => {
            state.store.organisation(org).await?.require_second_factor
        }
        _ => false,
    };
    let needs_code = account.totp_enabled || required;
    let to = if needs_code {
        format!("/sign-in/code?next={}", crate::pages::url_encode(next))
    } else if next.is_empty() {
        landing(account.role, account.organisation_id)
    } else {
        next.to_string()
    };
    start_session(state, viewer, account.id, !needs_code, &to)
        .await
        .map(Ok)
}

pub(super) fn signed_out(state: &AppState) -> Response {
    let mut res = Redirect::to("/sign-in?signed-out=1").into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie(state, None));
    res
}

pub(super) async fn sign_out(State(state): State<AppState>, viewer: Viewer) -> Response {
    if let Some((_, Credential::Session { id, .. })) = &viewer.signed_in
        && let Err(e) = state.store.delete_session(*id).await
    {
        return PageError::from(e).respond(&state, &viewer);
    }
    signed_out(&state)
}

pub(super) async fn sign_out_everywhere(State(state): State<AppState>, viewer: Viewer) -> Response {
    if let Some(a) = viewer.account()
        && let Err(e) = state.store.delete_sessions_of(a.id).await
    {
        return PageError::from(e).respond(&state, &viewer);
    }
    signed_out(&state)
}
