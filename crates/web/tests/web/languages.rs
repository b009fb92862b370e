//! Languages and Easy Read: the participant pages speak English or Polish and offer
//! Easy Read, remembered in cookies; staff pages stay in British English.

use crate::support::{As, request_to};
use crate::support::{Site, site_tests};
use axum::http::{Method, StatusCode};
use coproduce_domain::account::Role;
use coproduce_web::auth::secret;

async fn get_with_cookies(store: &Site, uri: &str, cookies: &str) -> crate::support::Reply {
    with_cookies(store, Method::GET, uri, cookies, "").await
}

/// A request with these cookies; a non-empty `form` is sent as a form body.
async fn with_cookies(
    store: &Site,
    method: Method,
    uri: &str,
    cookies: &str,
    form: &str,
) -> crate::support::Reply {
    let app = coproduce_web::app(store.state());
    let req = axum::http::Request::builder()
        .method(method)
        .uri(uri)
        .header("cookie", cookies)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(form.to_string()))
        .unwrap();
    let res = tower::ServiceExt::oneshot(app, req).await.unwrap();
    let status = res.status();
    let bytes = http_body_util::BodyExt::collect(res.into_body())
        .await
        .unwrap()
        .to_bytes();
    crate::support::Reply {
        status,
        set_cookie: None,
        csp: String::new(),
        content_type: String::new(),
        location: None,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn the_choice_of_language_is_remembered(store: Site) {
    let r = request_to(
        store.state(),
        As::Public,
        Method::GET,
        "/preferences/language/pl",
        None,
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let cookie = r.set_cookie.unwrap();
    assert!(
        cookie.starts_with("coproduce_language=pl;") && cookie.contains("Max-Age=31536000"),
        "{cookie}"
    );
    let bad = request_to(
        store.state(),
        As::Public,
        Method::GET,
        "/preferences/language/xx",
        None,
        "",
    )
    .await;
    assert_eq!(bad.status, StatusCode::NOT_FOUND);

    let page = get_with_cookies(&store, "/sign-in", "coproduce_language=pl").await;
    assert!(page.text.contains("<html lang=\"pl\">"));
    assert!(
        page.text.contains("Zaloguj się") && page.text.contains("Nie pamiętam hasła"),
        "{}",
        page.text
    );
    let english = get_with_cookies(&store, "/sign-in", "").await;
    assert!(
        english.text.contains("<html lang=\"en-GB\">")
            && english.text.contains("I have forgotten my password")
    );
    for uri in [
        "/",
        "/charters",
        "/accessibility",
        "/password-reset",
        "/nowhere",
    ] {
        let page = get_with_cookies(&store, uri, "coproduce_language=pl").await;
        assert!(page.text.contains("<html lang=\"pl\">"), "{uri}");
        assert!(
            page.text.contains("Deklaracja dostępności"),
            "{uri}: the footer is Polish too"
        );
    }
    // Errors on a Polish form are in Polish.
    let r = with_cookies(
        &store,
        Method::POST,
        "/sign-in",
        "coproduce_language=pl",
        "email=&password=&next=",
    )
    .await;
    assert!(
        r.text.contains("Wystąpił problem") && r.text.contains("Wpisz swój adres e-mail"),
        "{}",
        r.text
    );
    // So are the problems the shared checks find: here, a token name that is too long.
    let id =
        crate::support::account_with_token(&store, Role::Participant, None, "cpt_polish").await;
    let session = crate::support::session_for(&store, id).await;
    let form = serde_urlencoded::to_string([
        ("csrf", secret::csrf_token(&session).as_str()),
        ("name", &"x".repeat(101)),
        ("scope", "read"),
    ])
    .unwrap();
    let r = with_cookies(
        &store,
        Method::POST,
        "/account/tokens",
        &format!("coproduce_session={session}; coproduce_language=pl"),
        &form,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("Pole „Nazwa” może mieć najwyżej 100 znaków (ma 101)"),
        "{}",
        r.text
    );
}

async fn staff_pages_stay_in_english(store: Site) {
    crate::support::account_with_token(
        &store,
        coproduce_domain::account::Role::Administrator,
        None,
        crate::support::ADMIN_TOKEN,
    )
    .await;
    let app = coproduce_web::app(store.state());
    let req = axum::http::Request::builder()
        .uri("/projects")
        .header(
            "authorization",
            format!("Bearer {}", crate::support::ADMIN_TOKEN),
        )
        .header("cookie", "coproduce_language=pl; coproduce_easy_read=on")
        .body(axum::body::Body::empty())
        .unwrap();
    let res = tower::ServiceExt::oneshot(app, req).await.unwrap();
    let bytes = http_body_util::BodyExt::collect(res.into_body())
        .await
        .unwrap()
        .to_bytes();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("<html lang=\"en-GB\">") && text.contains("Start a project"));
    assert!(
        !text.contains("app-easy-read") && !text.contains("Polski"),
        "no switcher on staff pages"
    );
}

async fn easy_read_is_larger_simpler_and_has_pictures(store: Site) {
    let r = request_to(
        store.state(),
        As::Public,
        Method::GET,
        "/preferences/easy-read/on",
        None,
        "",
    )
    .await;
    assert!(r.set_cookie.unwrap().starts_with("coproduce_easy_read=on;"));
    let off = request_to(
        store.state(),
        As::Public,
        Method::GET,
        "/preferences/easy-read/off",
        None,
        "",
    )
    .await;
    assert!(off.set_cookie.unwrap().contains("Max-Age=0"));
    let plain = get_with_cookies(&store, "/sign-in", "").await;
    let easy = get_with_cookies(&store, "/sign-in", "coproduce_easy_read=on").await;
    assert!(easy.text.contains("class=\"app-easy-read\""));
    assert!(
        easy.text
            .contains("Is this your first time? Ask the involvement team to invite you.")
    );
    assert!(plain.text.contains("New to Coproduce?") && !plain.text.contains("app-easy-read"));
    assert!(
        easy.text.contains(
            "class=\"app-easy-icon\" src=\"/assets/images/nhsuk-icon-user.svg\" alt=\"\""
        )
    );
    assert!(easy.text.contains("Easy Read: turn off") && plain.text.contains("Easy Read: turn on"));
    let polish_easy = get_with_cookies(
        &store,
        "/password-reset",
        "coproduce_easy_read=on; coproduce_language=pl",
    )
    .await;
    assert!(
        polish_easy
            .text
            .contains("Wpisz swój adres e-mail. Wyślemy Ci e-mail."),
        "{}",
        polish_easy.text
    );
}

site_tests!(
    the_choice_of_language_is_remembered,
    staff_pages_stay_in_english,
    easy_read_is_larger_simpler_and_has_pictures,
);
