//! Signing in and out, and a person's own account: API tokens, signing out everywhere.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::{Capability as C, Role};
use coproduce_domain::text::{FieldError, FieldErrors};
use serde::Deserialize;

pub use super::forms::FormField;
use super::{Chrome, PageError, render};
use crate::AppState;
use crate::auth::{ABSOLUTE_LIMIT, Credential, SESSION_COOKIE, Viewer, password, secret};
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/sign-in", C::ReadPublic, sign_in_page)
        .post("/sign-in", C::ReadPublic, sign_in)
        .post("/sign-out", C::OwnAccount, sign_out)
        .post("/sign-out-everywhere", C::OwnAccount, sign_out_everywhere)
        .get("/account", C::OwnAccount, account_page)
        .post("/account/tokens", C::OwnAccount, create_token)
        .post("/account/tokens/{id}/revoke", C::OwnAccount, revoke_token)
        .get("/sign-in/code", C::ReadPublic, code_page)
        .post("/sign-in/code", C::ReadPublic, code_given)
        .get("/account/second-factor", C::OwnAccount, setup_page)
        .post("/account/second-factor", C::OwnAccount, setup_confirm)
        .post(
            "/account/second-factor/off",
            C::OwnAccount,
            second_factor_off,
        )
}

/// Failed sign-ins allowed against one email address in the window below.
const ACCOUNT_FAILURES: i64 = 5;
/// Failed sign-ins allowed from one client address in the window below.
const ADDRESS_FAILURES: i64 = 20;
/// The window over which failures are counted.
const FAILURE_WINDOW: Duration = Duration::minutes(15);

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
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
    next: Option<String>,
    #[serde(rename = "signed-out")]
    signed_out: Option<String>,
    #[serde(rename = "password-set")]
    password_set: Option<String>,
}

/// Only a path on this site may be the page to go back to after signing in.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\") => {
            n.to_string()
        }
        _ => String::new(),
    }
}

fn sign_in_form(
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

async fn sign_in_page(
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

/// The client's address, where the server knows it.
fn client_address(headers: &HeaderMap, extensions: &axum::http::Extensions) -> String {
    let _ = headers;
    extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The cookie that carries a session, or ends it (`None`).
pub fn session_cookie(state: &AppState, secret: Option<&str>) -> HeaderValue {
    let secure = if state.config.secure_cookies() {
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
    let now = coproduce_store::now();
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
fn landing(role: Role, organisation_id: Option<i64>) -> String {
    match organisation_id {
        Some(org) if role.can(C::ReadDashboard) => format!("/organisations/{org}"),
        _ => "/account".into(),
    }
}

async fn sign_in(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    Form(form): Form<SignInForm>,
) -> Response {
    let email = form.email.trim().to_lowercase();
    let next = safe_next(Some(&form.next));
    let mut errs = FieldErrors::new();
    if email.is_empty() {
        errs.add("email", viewer.tr.t("enter-email"));
    }
    if form.password.is_empty() {
        errs.add("password", viewer.tr.t("enter-password"));
    }
    if !errs.is_empty() {
        let page = sign_in_form(&state, &viewer, errs.0, None, next, &form.email);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    match try_sign_in(
        &state,
        &viewer,
        &headers,
        &extensions,
        &email,
        form.password,
        &next,
    )
    .await
    {
        Ok(Ok(res)) => res,
        Ok(Err(message)) => {
            let errors = vec![FieldError {
                field: "email".into(),
                message,
            }];
            let page = sign_in_form(&state, &viewer, errors, None, next, &form.email);
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => e.respond(&state, &viewer),
    }
}

/// Checks the throttle and the password. `Ok(Err(message))` is a refusal to show.
async fn try_sign_in(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    extensions: &axum::http::Extensions,
    email: &str,
    password_given: String,
    next: &str,
) -> Result<Result<Response, String>, PageError> {
    let now = coproduce_store::now();
    let by_email = format!("email:{email}");
    let by_address = format!("address:{}", client_address(headers, extensions));
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
        format!("/sign-in/code?next={}", super::url_encode(next))
    } else if next.is_empty() {
        landing(account.role, account.organisation_id)
    } else {
        next.to_string()
    };
    start_session(state, viewer, account.id, !needs_code, &to)
        .await
        .map(Ok)
}

fn signed_out(state: &AppState) -> Response {
    let mut res = Redirect::to("/sign-in?signed-out=1").into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie(state, None));
    res
}

async fn sign_out(State(state): State<AppState>, viewer: Viewer) -> Response {
    if let Some((_, Credential::Session { id, .. })) = &viewer.signed_in
        && let Err(e) = state.store.delete_session(*id).await
    {
        return PageError::from(e).respond(&state, &viewer);
    }
    signed_out(&state)
}

async fn sign_out_everywhere(State(state): State<AppState>, viewer: Viewer) -> Response {
    if let Some(a) = viewer.account()
        && let Err(e) = state.store.delete_sessions_of(a.id).await
    {
        return PageError::from(e).respond(&state, &viewer);
    }
    signed_out(&state)
}

pub struct TokenRow {
    id: i64,
    name: String,
    scope: String,
    last_used: String,
    revoked: bool,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    name: String,
    email: String,
    role: &'static str,
    organisation: String,
    second_factor: bool,
    api_access: bool,
    tokens: Vec<TokenRow>,
    token_name: FormField,
    token_scope: String,
}

async fn account_view(
    state: &AppState,
    viewer: &Viewer,
    errors: Vec<FieldError>,
    name_typed: &str,
    scope_typed: &str,
) -> Result<AccountPage, PageError> {
    let Some(a) = viewer.account() else {
        return Err(PageError::NotFound);
    };
    let tr = viewer.tr;
    let organisation = match a.organisation_id {
        Some(org) => state.store.organisation(org).await?.name,
        None => tr.t("every-organisation"),
    };
    let tokens = state
        .store
        .api_tokens(a.id)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            scope: if t.scope == "write" {
                tr.t("token-write")
            } else {
                tr.t("token-read")
            },
            last_used: t
                .last_used_at
                .map(|t| tr.date_time(t))
                .unwrap_or_else(|| tr.t("token-never")),
            revoked: t.revoked_at.is_some(),
            name: t.name,
        })
        .collect();
    Ok(AccountPage {
        chrome: Chrome::participant(state, viewer, "account"),
        name: a.name.clone(),
        email: a.email.clone(),
        role: a.role.label(),
        organisation,
        second_factor: a.totp_enabled,
        // Participants and partners have nothing the API serves them yet.
        api_access: a.role.can(C::ReadWork) || a.role.can(C::ManageCharters),
        tokens,
        token_name: FormField::new("name", tr.t("token-name-label"), "text")
            .hint(tr.t("token-name-hint"))
            .value(name_typed)
            .errors(&errors),
        token_scope: scope_typed.to_string(),
        errors,
    })
}

async fn account_page(State(state): State<AppState>, viewer: Viewer) -> Response {
    match account_view(&state, &viewer, vec![], "", "read").await {
        Ok(page) => render(StatusCode::OK, &page),
        Err(e) => e.respond(&state, &viewer),
    }
}

#[derive(Deserialize, Default)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
}

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub chrome: Chrome,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub secret: Option<String>,
    pub link: Option<(String, String)>,
}

async fn create_token(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<TokenForm>,
) -> Response {
    let Some(account) = viewer.account().cloned() else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    let mut errs = FieldErrors::new();
    let name = errs.take("name", coproduce_domain::text::required(&form.name, 100));
    let scope = match form.scope.as_str() {
        "read" | "write" => Some(form.scope.clone()),
        _ => {
            errs.add("scope-read", viewer.tr.t("token-scope-missing"));
            None
        }
    };
    let (Some(name), Some(scope)) = (name, scope) else {
        let errors = errs
            .0
            .into_iter()
            .map(|e| FieldError {
                message: match (e.field.as_str(), e.message.contains("empty")) {
                    ("name", true) => viewer.tr.t("token-name-empty"),
                    ("name", false) => viewer.tr.t("token-name-long"),
                    _ => e.message,
                },
                field: e.field,
            })
            .collect();
        return match account_view(&state, &viewer, errors, &form.name, &form.scope).await {
            Ok(page) => render(StatusCode::UNPROCESSABLE_ENTITY, &page),
            Err(e) => e.respond(&state, &viewer),
        };
    };
    let token = secret::generate("cpt_");
    match state
        .store
        .create_api_token(
            account.id,
            &name,
            &scope,
            &secret::hash(&token),
            coproduce_store::now(),
        )
        .await
    {
        Ok(_) => render(
            StatusCode::CREATED,
            &MessagePage {
                chrome: Chrome::participant(&state, &viewer, "account"),
                heading: viewer.tr.t("token-created-heading"),
                paragraphs: vec![
                    viewer.tr.t1("token-created-copy", "name", &name),
                    viewer.tr.t("token-created-use"),
                ],
                secret: Some(token),
                link: Some(("/account".into(), viewer.tr.t("back-to-account"))),
            },
        ),
        Err(e) => PageError::from(e).respond(&state, &viewer),
    }
}

async fn revoke_token(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let (Some(account), Ok(id)) = (viewer.account(), raw.parse::<i64>()) else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    match state
        .store
        .revoke_api_token(account.id, id, coproduce_store::now())
        .await
    {
        Ok(()) => Redirect::to("/account").into_response(),
        Err(e) => PageError::from(e).respond(&state, &viewer),
    }
}

#[derive(Template)]
#[template(path = "code.html")]
struct CodePage {
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

/// Wrong codes allowed against one account in the failure window.
const CODE_FAILURES: i64 = 5;

fn code_form(
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
async fn ensure_secret(
    state: &AppState,
    account: &mut coproduce_store::accounts::Account,
) -> Result<(), PageError> {
    if account.totp_secret.is_none() {
        let s = crate::auth::second_factor::new_secret();
        state.store.set_totp(account.id, Some(&s), false).await?;
        account.totp_secret = Some(s);
    }
    Ok(())
}

async fn code_page(
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

/// Checks a typed code against the account's secret, with a throttle. `Ok(None)`
/// when it is right.
async fn check_code(
    state: &AppState,
    tr: crate::i18n::Tr,
    account: &coproduce_store::accounts::Account,
    code: &str,
) -> Result<Option<String>, PageError> {
    let now = coproduce_store::now();
    let subject = format!("code:{}", account.id);
    if state
        .store
        .failures_since(&subject, now - FAILURE_WINDOW)
        .await?
        >= CODE_FAILURES
    {
        return Ok(Some(tr.t("code-too-many")));
    }
    let right = account
        .totp_secret
        .as_deref()
        .is_some_and(|s| crate::auth::second_factor::check(s, &account.email, code));
    if right {
        state.store.clear_failures(&subject).await?;
        Ok(None)
    } else {
        state.store.record_failure(&subject, now).await?;
        Ok(Some(if code.trim().is_empty() {
            tr.t("code-empty")
        } else {
            tr.t("code-wrong")
        }))
    }
}

async fn code_given(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<CodeForm>,
) -> Response {
    let Some((_, account)) = viewer.pending_second_factor.clone() else {
        return Redirect::to("/sign-in").into_response();
    };
    let next = safe_next(Some(&form.next));
    let result = async {
        if let Some(message) = check_code(&state, viewer.tr, &account, &form.code).await? {
            let errors = vec![FieldError {
                field: "code".into(),
                message,
            }];
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
            state
                .store
                .set_totp(account.id, account.totp_secret.as_deref(), true)
                .await?;
        }
        let to = if next.is_empty() {
            landing(account.role, account.organisation_id)
        } else {
            next.clone()
        };
        start_session(&state, &viewer, account.id, true, &to).await
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

async fn setup_page(State(state): State<AppState>, viewer: Viewer) -> Response {
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

async fn setup_confirm(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<CodeForm>,
) -> Response {
    let Some(account) = viewer.account().cloned() else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    let result = async {
        if let Some(message) = check_code(&state, viewer.tr, &account, &form.code).await? {
            let errors = vec![FieldError {
                field: "code".into(),
                message,
            }];
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
        state
            .store
            .set_totp(account.id, account.totp_secret.as_deref(), true)
            .await?;
        Ok(Redirect::to("/account").into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

async fn second_factor_off(State(state): State<AppState>, viewer: Viewer) -> Response {
    let Some(account) = viewer.account().cloned() else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    let result = async {
        let required = match account.organisation_id {
            Some(org) if account.role.is_staff() => {
                state.store.organisation(org).await?.require_second_factor
            }
            _ => false,
        };
        if required {
            return Ok(super::forbidden(
                &viewer,
                &viewer.tr.t("second-factor-required"),
            ));
        }
        state.store.set_totp(account.id, None, false).await?;
        Ok(Redirect::to("/account").into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
