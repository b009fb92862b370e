//! Signing in and out, sessions, the second factor, API tokens, invitations and
//! password resets, on SQLite and PostgreSQL, with email through a real SMTP server.

use crate::support::{As, Reply, request_to};
use crate::support::{Site, site_tests};
use axum::http::{Method, StatusCode};
use coproduce_domain::account::Role;
use coproduce_store::accounts::AccountFields;
use coproduce_store::organisations::OrganisationFields;
use coproduce_web::auth::{password, second_factor, secret};
use coproduce_web::{AppState, Config};

const FORM: &str = "application/x-www-form-urlencoded";
const PASSWORD: &str = "correct horse battery";

fn state(store: &Site, mailer_url: Option<String>, public_url: &str) -> AppState {
    AppState::new(
        coproduce_app::Context::new(
            store.store().clone(),
            store.clock().clone(),
            mailer_url.map_or(coproduce_app::Mailer::None, |u| {
                coproduce_app::Mailer::smtp(&u, "Coproduce <coproduce@test.example>").unwrap()
            }),
            coproduce_app::Settings {
                public_url: public_url.into(),
                ..coproduce_app::Settings::default()
            },
        ),
        Config::default(),
        false,
    )
}

/// Sends what the outbox holds, as the worker beside the server would.
async fn run_jobs(st: &AppState) {
    let ran =
        coproduce_app::jobs::Worker::new(st.ctx.clone(), coproduce_app::jobs::Handlers::default())
            .run_pending()
            .await
            .unwrap();
    assert!(
        ran.iter()
            .all(|r| matches!(r, coproduce_app::jobs::Ran::Done { .. })),
        "{ran:?}"
    );
}

async fn organisation(store: &Site, require_second_factor: bool) -> i64 {
    store
        .create_organisation(
            &OrganisationFields {
                name: "Trust".into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id
}

async fn account(store: &Site, email: &str, role: Role, org: Option<i64>) -> i64 {
    let a = store
        .create_account(
            &AccountFields {
                email: email.into(),
                name: "Ann Example".into(),
                role,
                organisation_id: org,
            },
            store.now(),
        )
        .await
        .unwrap();
    store
        .set_password(a.id, &password::hash(PASSWORD.into()).await.unwrap())
        .await
        .unwrap();
    a.id
}

fn form(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap()
}

async fn post_form(state: &AppState, who: As<'_>, uri: &str, pairs: &[(&str, &str)]) -> Reply {
    request_to(
        state.clone(),
        who,
        Method::POST,
        uri,
        Some(&form(pairs)),
        FORM,
    )
    .await
}

async fn get(state: &AppState, who: As<'_>, uri: &str) -> Reply {
    request_to(state.clone(), who, Method::GET, uri, None, "").await
}

/// The session secret a response set, if any.
fn cookie_secret(r: &Reply) -> Option<String> {
    let c = r.set_cookie.as_deref()?;
    let value = c.split(';').next()?.split_once('=')?.1;
    (!value.is_empty()).then(|| value.to_string())
}

async fn sign_in(state: &AppState, email: &str, pass: &str) -> Reply {
    post_form(
        state,
        As::Public,
        "/sign-in",
        &[("email", email), ("password", pass), ("next", "")],
    )
    .await
}

async fn sessions_start_rotate_and_end(store: Site) {
    let org = organisation(&store, false).await;
    account(&store, "ann@trust.example", Role::Staff, Some(org)).await;
    let st = state(&store, None, "http://coproduce.test");
    let r = sign_in(&st, "Ann@Trust.example ", PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/organisations/{org}").as_str())
    );
    let set = r.set_cookie.clone().unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax") && !set.contains("Secure"),
        "{set}"
    );
    let first = cookie_secret(&r).unwrap();
    assert_eq!(
        get(&st, As::Cookie(&first), "/account").await.status,
        StatusCode::OK
    );
    // A second sign-in gets a new secret; the stored value is only a hash.
    let second = cookie_secret(&sign_in(&st, "ann@trust.example", PASSWORD).await).unwrap();
    assert_ne!(first, second);
    assert!(
        store.session(&first).await.unwrap().is_none(),
        "the secret itself is never stored"
    );
    // Over HTTPS the cookie is Secure.
    let https = state(&store, None, "https://coproduce.example");
    assert!(
        sign_in(&https, "ann@trust.example", PASSWORD)
            .await
            .set_cookie
            .unwrap()
            .contains("Secure")
    );
    // Sign out ends this session; the cookie no longer works.
    let csrf = secret::csrf_token(&second);
    let out = post_form(&st, As::Cookie(&second), "/sign-out", &[("csrf", &csrf)]).await;
    assert_eq!(out.location.as_deref(), Some("/sign-in?signed-out=1"));
    assert!(out.set_cookie.unwrap().contains("Max-Age=0"));
    assert_eq!(
        get(&st, As::Cookie(&second), "/account").await.status,
        StatusCode::SEE_OTHER
    );
}

async fn sign_out_everywhere_ends_every_session(store: Site) {
    let org = organisation(&store, false).await;
    account(&store, "ann@trust.example", Role::Staff, Some(org)).await;
    let st = state(&store, None, "http://coproduce.test");
    let a = cookie_secret(&sign_in(&st, "ann@trust.example", PASSWORD).await).unwrap();
    let b = cookie_secret(&sign_in(&st, "ann@trust.example", PASSWORD).await).unwrap();
    let r = post_form(
        &st,
        As::Cookie(&b),
        "/sign-out-everywhere",
        &[("csrf", &secret::csrf_token(&b))],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    for s in [&a, &b] {
        let r = get(&st, As::Cookie(s), "/account").await;
        assert!(r.location.unwrap().starts_with("/sign-in"));
    }
}

async fn idle_and_old_sessions_end(store: Site) {
    let org = organisation(&store, false).await;
    let id = account(&store, "ann@trust.example", Role::Staff, Some(org)).await;
    let st = state(&store, None, "http://coproduce.test");
    let now = store.now();
    let idle = secret::generate("cps_");
    store
        .create_session(
            id,
            &secret::hash(&idle),
            true,
            now - chrono::Duration::minutes(31),
            now + chrono::Duration::hours(1),
        )
        .await
        .unwrap();
    let r = get(&st, As::Cookie(&idle), "/account").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = get(&st, As::Cookie(&idle), "/sign-in").await;
    assert!(page.text.contains("Sign in"));
    let old = secret::generate("cps_");
    store
        .create_session(
            id,
            &secret::hash(&old),
            true,
            now,
            now - chrono::Duration::seconds(1),
        )
        .await
        .unwrap();
    let r = get(&st, As::Cookie(&old), "/sign-in").await;
    assert!(r.text.contains("You were signed out because"), "{}", r.text);
    // A forged or missing cookie is simply the public.
    let r = get(&st, As::Cookie("cps_forged"), "/account").await;
    assert_eq!(r.location.as_deref(), Some("/sign-in?next=/account"));
    assert_eq!(
        get(&st, As::Cookie("cps_forged"), "/charters").await.status,
        StatusCode::OK
    );
}

async fn wrong_passwords_and_unknown_emails_look_the_same(store: Site) {
    let org = organisation(&store, false).await;
    account(&store, "ann@trust.example", Role::Staff, Some(org)).await;
    let st = state(&store, None, "http://coproduce.test");
    // (That both paths run a full Argon2id check, so they take the same time, is
    // tested where it is decided: auth::password::check.)
    let wrong = sign_in(&st, "ann@trust.example", "not the password").await;
    let unknown = sign_in(&st, "nobody@trust.example", "not the password").await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.status, wrong.status);
    let message = "The email address or password is not right";
    assert!(wrong.text.contains(message) && unknown.text.contains(message));
    assert_eq!(
        wrong.text.replace("ann@trust.example", "E"),
        unknown.text.replace("nobody@trust.example", "E")
    );
    assert!(wrong.set_cookie.is_none() && unknown.set_cookie.is_none());
    // Missing fields are named.
    let r = sign_in(&st, "", "").await;
    assert!(r.text.contains("Enter your email address") && r.text.contains("Enter your password"));
}

async fn repeated_failures_are_throttled(store: Site) {
    let org = organisation(&store, false).await;
    account(&store, "ann@trust.example", Role::Staff, Some(org)).await;
    let st = state(&store, None, "http://coproduce.test");
    for _ in 0..5 {
        sign_in(&st, "ann@trust.example", "guess guess guess").await;
    }
    let r = sign_in(&st, "ann@trust.example", PASSWORD).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("too many attempts"), "{}", r.text);
    // The same for an address with no account: it reveals nothing.
    for _ in 0..5 {
        sign_in(&st, "ghost@trust.example", "guess guess guess").await;
    }
    assert!(
        sign_in(&st, "ghost@trust.example", "x")
            .await
            .text
            .contains("too many attempts")
    );
}

async fn the_second_factor_is_set_up_and_then_asked_for(store: Site) {
    let org = organisation(&store, false).await;
    let id = account(&store, "ann@trust.example", Role::Staff, Some(org)).await;
    let st = state(&store, None, "http://coproduce.test");
    let s = cookie_secret(&sign_in(&st, "ann@trust.example", PASSWORD).await).unwrap();
    let setup = get(&st, As::Cookie(&s), "/account/second-factor").await;
    assert!(setup.text.contains("Your setup key"));
    let key = store.account(id).await.unwrap().totp_secret.unwrap();
    let csrf = secret::csrf_token(&s);
    let r = post_form(
        &st,
        As::Cookie(&s),
        "/account/second-factor",
        &[("csrf", &csrf), ("code", "000000")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("The code is not right"));
    let now = store.now().timestamp() as u64;
    let code = second_factor::code_at(&key, "ann@trust.example", now).unwrap();
    let r = post_form(
        &st,
        As::Cookie(&s),
        "/account/second-factor",
        &[("csrf", &csrf), ("code", &code)],
    )
    .await;
    assert_eq!(r.location.as_deref(), Some("/account"));
    assert!(store.account(id).await.unwrap().totp_enabled);
    // Next sign-in: password first, then the code.
    let r = sign_in(&st, "ann@trust.example", PASSWORD).await;
    assert!(r.location.as_deref().unwrap().starts_with("/sign-in/code"));
    let pending = cookie_secret(&r).unwrap();
    let r = get(&st, As::Cookie(&pending), "/account").await;
    assert!(
        r.location.unwrap().starts_with("/sign-in?next="),
        "no access before the code"
    );
    let r = post_form(
        &st,
        As::Cookie(&pending),
        "/sign-in/code",
        &[("code", "123"), ("next", "")],
    )
    .await;
    assert!(r.text.contains("The code is not right"));
    let r = post_form(
        &st,
        As::Cookie(&pending),
        "/sign-in/code",
        &[("code", &code), ("next", "/account")],
    )
    .await;
    assert_eq!(r.location.as_deref(), Some("/account"));
    let full = cookie_secret(&r).unwrap();
    assert_ne!(full, pending, "the session is rotated after the code");
    assert_eq!(
        get(&st, As::Cookie(&full), "/account").await.status,
        StatusCode::OK
    );
}

async fn an_organisation_can_require_the_second_factor_for_staff(store: Site) {
    let org = organisation(&store, true).await;
    account(
        &store,
        "lead@trust.example",
        Role::InvolvementLead,
        Some(org),
    )
    .await;
    account(&store, "pat@trust.example", Role::Participant, Some(org)).await;
    let st = state(&store, None, "http://coproduce.test");
    let r = sign_in(&st, "lead@trust.example", PASSWORD).await;
    assert!(
        r.location.unwrap().starts_with("/sign-in/code"),
        "staff must set up a code"
    );
    let pending = cookie_secret(&sign_in(&st, "lead@trust.example", PASSWORD).await).unwrap();
    assert!(
        get(&st, As::Cookie(&pending), "/sign-in/code")
            .await
            .text
            .contains("Set up your second factor")
    );
    let r = sign_in(&st, "pat@trust.example", PASSWORD).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account"),
        "participants are not asked"
    );
}

async fn api_tokens_are_shown_once_scoped_and_revocable(store: Site) {
    let org = organisation(&store, false).await;
    let id = account(&store, "ann@trust.example", Role::Staff, Some(org)).await;
    let st = state(&store, None, "http://coproduce.test");
    let s = cookie_secret(&sign_in(&st, "ann@trust.example", PASSWORD).await).unwrap();
    let csrf = secret::csrf_token(&s);
    let r = post_form(
        &st,
        As::Cookie(&s),
        "/account/tokens",
        &[("csrf", &csrf), ("name", ""), ("scope", "admin")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("Name must not be empty")
            && r.text.contains("Choose what the token may do")
    );
    let r = post_form(
        &st,
        As::Cookie(&s),
        "/account/tokens",
        &[("csrf", &csrf), ("name", "Reports"), ("scope", "read")],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let token = r
        .text
        .split("<code class=\"app-break-words\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    assert!(token.starts_with("cpt_"));
    let stored = store.api_tokens(id).await.unwrap();
    assert!(stored[0].last_used_at.is_none());
    assert!(
        !get(&st, As::Cookie(&s), "/account")
            .await
            .text
            .contains(&token),
        "shown once only"
    );
    let r = get(&st, As::Token(&token), "/api/v1/projects").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(
        store.api_tokens(id).await.unwrap()[0]
            .last_used_at
            .is_some()
    );
    let r = request_to(
        st.clone(),
        As::Token(&token),
        Method::POST,
        "/api/v1/projects",
        Some("{}"),
        "application/json",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "a read token cannot write");
    let r = post_form(
        &st,
        As::Cookie(&s),
        &format!("/account/tokens/{}/revoke", stored[0].id),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(r.location.as_deref(), Some("/account"));
    let r = get(&st, As::Token(&token), "/api/v1/projects").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        get(&st, As::Token("cpt_made_up"), "/api/v1/charters")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

async fn requests_from_other_sites_and_forms_without_the_token_change_nothing(store: Site) {
    let org = organisation(&store, false).await;
    account(&store, "ann@trust.example", Role::Staff, Some(org)).await;
    let st = state(&store, None, "http://coproduce.test");
    let s = cookie_secret(&sign_in(&st, "ann@trust.example", PASSWORD).await).unwrap();
    // No form token.
    let r = post_form(&st, As::Cookie(&s), "/sign-out-everywhere", &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.text.contains("nothing was changed"));
    // A wrong one.
    let r = post_form(
        &st,
        As::Cookie(&s),
        "/sign-out-everywhere",
        &[("csrf", "0000")],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The right token, but sent from another site.
    let app = coproduce_web::app(st.clone());
    let req = axum::http::Request::builder()
        .method("POST")
        .uri("/sign-out-everywhere")
        .header("cookie", format!("coproduce_session={s}"))
        .header("content-type", FORM)
        .header("origin", "https://evil.example")
        .header("host", "coproduce.test")
        .body(axum::body::Body::from(form(&[(
            "csrf",
            &secret::csrf_token(&s),
        )])))
        .unwrap();
    let res = tower::ServiceExt::oneshot(app, req).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Still signed in: nothing was changed.
    assert_eq!(
        get(&st, As::Cookie(&s), "/account").await.status,
        StatusCode::OK
    );
    // The API with a session cookie needs the token in a header.
    let r = request_to(
        st.clone(),
        As::Cookie(&s),
        Method::POST,
        "/api/v1/projects",
        Some("{}"),
        "application/json",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

async fn invitations_set_a_password_once(store: Site) {
    let st = state(&store, None, "http://coproduce.test");
    let admin = account(&store, "admin@trust.example", Role::Administrator, None).await;
    let s = crate::support::session_for(&store, admin).await;
    let csrf = secret::csrf_token(&s);
    let org = organisation(&store, false).await;
    let bad = post_form(
        &st,
        As::Cookie(&s),
        "/accounts",
        &[
            ("csrf", &csrf),
            ("name", "<script>alert(1)</script>"),
            ("email", "not-an-email"),
            ("role", "emperor"),
            ("organisation", "999"),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text
            .contains("Enter an email address in the right form")
            && bad.text.contains("Choose a role")
    );
    assert!(
        !bad.text.contains("<script>alert(1)</script>")
            && bad.text.contains("script&#62;alert(1)&#60;/script"),
        "typed text is kept, escaped"
    );
    let long = "x".repeat(300) + "@trust.example";
    let r = post_form(
        &st,
        As::Cookie(&s),
        "/accounts",
        &[
            ("csrf", &csrf),
            ("name", "Bo"),
            ("email", &long),
            ("role", "staff"),
            ("organisation", &org.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post_form(
        &st,
        As::Cookie(&s),
        "/accounts",
        &[
            ("csrf", &csrf),
            ("name", "Bo <b>Smith</b>"),
            ("email", "bo@trust.example"),
            ("role", "staff"),
            ("organisation", &org.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert!(
        r.text.contains("Bo &#60;b&#62;Smith&#60;/b&#62;"),
        "{}",
        r.text
    );
    let link = r
        .text
        .split("http://coproduce.test/invitations/")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    let path = format!("/invitations/{link}");
    assert_eq!(get(&st, As::Public, &path).await.status, StatusCode::OK);
    let r = post_form(
        &st,
        As::Public,
        &path,
        &[("password", "short"), ("confirm", "short")],
    )
    .await;
    assert!(r.text.contains("at least 10 characters"));
    let r = post_form(
        &st,
        As::Public,
        &path,
        &[
            ("password", PASSWORD),
            ("confirm", "something else entirely"),
        ],
    )
    .await;
    assert!(r.text.contains("The two passwords are not the same"));
    let r = post_form(
        &st,
        As::Public,
        &path,
        &[("password", PASSWORD), ("confirm", PASSWORD)],
    )
    .await;
    assert_eq!(r.location.as_deref(), Some("/sign-in?password-set=1"));
    assert_eq!(
        sign_in(&st, "bo@trust.example", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    // Used once: it does not work again, and nothing changes.
    let r = post_form(
        &st,
        As::Public,
        &path,
        &[
            ("password", "another good password"),
            ("confirm", "another good password"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::GONE);
    assert!(r.text.contains("This link does not work"));
    assert_eq!(
        sign_in(&st, "bo@trust.example", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    // Tampered with.
    let tampered = format!("/invitations/{}x", link);
    assert_eq!(
        get(&st, As::Public, &tampered).await.status,
        StatusCode::GONE
    );
    // The same email cannot be invited twice.
    let r = post_form(
        &st,
        As::Cookie(&s),
        "/accounts",
        &[
            ("csrf", &csrf),
            ("name", "Bo"),
            ("email", "bo@trust.example"),
            ("role", "staff"),
            ("organisation", &org.to_string()),
        ],
    )
    .await;
    assert!(
        r.text
            .contains("There is already an account for bo@trust.example")
    );
}

async fn password_resets_go_by_real_email(store: Site) {
    let Some(mail) = crate::mailbox::Mailbox::start() else {
        return;
    };
    let org = organisation(&store, false).await;
    let id = account(&store, "ann@trust.example", Role::Staff, Some(org)).await;
    let st = state(&store, Some(mail.url()), "http://coproduce.test");
    let r = post_form(
        &st,
        As::Public,
        "/password-reset",
        &[("email", "nobody@trust.example")],
    )
    .await;
    let unknown_text = r.text.replace("nobody@trust.example", "EMAIL");
    let r = post_form(
        &st,
        As::Public,
        "/password-reset",
        &[("email", "ann@trust.example")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.text.replace("ann@trust.example", "EMAIL"),
        unknown_text,
        "the answer reveals nothing"
    );
    run_jobs(&st).await;
    let messages = mail.messages(1);
    assert_eq!(messages.len(), 1, "one email, to the real account only");
    assert!(messages[0].contains("To: ann@trust.example"));
    assert!(messages[0].contains("Subject: Reset your Coproduce password"));
    let link = crate::mailbox::link(&messages[0], "http://coproduce.test/password-reset/").unwrap();
    let path = link.trim_start_matches("http://coproduce.test").to_string();
    let r = post_form(
        &st,
        As::Public,
        &path,
        &[
            ("password", "a brand new password"),
            ("confirm", "a brand new password"),
        ],
    )
    .await;
    assert_eq!(r.location.as_deref(), Some("/sign-in?password-set=1"));
    assert_eq!(
        sign_in(&st, "ann@trust.example", "a brand new password")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        get(&st, As::Public, &path).await.status,
        StatusCode::GONE,
        "used links stop working"
    );
    // An expired link changes nothing.
    let now = store.now();
    let old = secret::generate("cpe_");
    store
        .create_email_token(
            id,
            "password-reset",
            &secret::hash(&old),
            now - chrono::Duration::hours(2),
            now - chrono::Duration::hours(1),
        )
        .await
        .unwrap();
    let r = post_form(
        &st,
        As::Public,
        &format!("/password-reset/{old}"),
        &[
            ("password", "yet another password"),
            ("confirm", "yet another password"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::GONE);
    assert_eq!(
        sign_in(&st, "ann@trust.example", "a brand new password")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let r = post_form(
        &st,
        As::Public,
        "/password-reset",
        &[("email", "<b>not</b> an email")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn invitations_go_by_real_email(store: Site) {
    let Some(mail) = crate::mailbox::Mailbox::start() else {
        return;
    };
    let org = organisation(&store, false).await;
    let admin = account(&store, "admin@trust.example", Role::Administrator, None).await;
    let st = state(&store, Some(mail.url()), "https://coproduce.example");
    let s = crate::support::session_for(&store, admin).await;
    let r = post_form(
        &st,
        As::Cookie(&s),
        "/accounts",
        &[
            ("csrf", &secret::csrf_token(&s)),
            ("name", "Cy"),
            ("email", "cy@trust.example"),
            ("role", "board-viewer"),
            ("organisation", &org.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert!(
        r.text
            .contains("We are emailing an invitation to cy@trust.example")
    );
    assert!(
        !r.text.contains("/invitations/cpe_"),
        "the link goes only by email"
    );
    run_jobs(&st).await;
    let messages = mail.messages(1);
    assert!(messages[0].contains("Subject: You are invited to Coproduce"));
    assert!(
        crate::mailbox::link(&messages[0], "https://coproduce.example/invitations/cpe_").is_some()
    );
}

site_tests!(
    sessions_start_rotate_and_end,
    sign_out_everywhere_ends_every_session,
    idle_and_old_sessions_end,
    wrong_passwords_and_unknown_emails_look_the_same,
    repeated_failures_are_throttled,
    the_second_factor_is_set_up_and_then_asked_for,
    an_organisation_can_require_the_second_factor_for_staff,
    api_tokens_are_shown_once_scoped_and_revocable,
    requests_from_other_sites_and_forms_without_the_token_change_nothing,
    invitations_set_a_password_once,
    password_resets_go_by_real_email,
    invitations_go_by_real_email,
);
