//! A person's choice of language and of Easy Read, remembered in cookies, and the
//! accessibility statement.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::account::Capability as C;

use super::{Chrome, render};
use crate::AppState;
use crate::auth::{EASY_READ_COOKIE, LANGUAGE_COOKIE, Viewer};
use crate::i18n::Lang;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/preferences/language/{code}", C::ReadPublic, set_language)
        .get("/preferences/easy-read/{on}", C::ReadPublic, set_easy_read)
        .get("/accessibility", C::ReadPublic, accessibility)
}

/// The page to go back to: the referring page if it was on this site, else home.
fn back(headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| {
            let (h, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            (Some(h) == host && path.starts_with('/') && !path.starts_with("//"))
                .then(|| path.to_string())
        })
        .unwrap_or_else(|| "/".into())
}

/// A cookie that lasts a year and is sent only to this site.
fn remember(state: &AppState, name: &str, value: Option<&str>) -> HeaderValue {
    let secure = if state.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let v = match value {
        Some(v) => format!("{name}={v}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000{secure}"),
        None => format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static(""))
}

async fn set_language(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Response {
    let Some(lang) = Lang::parse(&code) else {
        return super::not_found_page(&state, &viewer);
    };
    let mut res = Redirect::to(&back(&headers)).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        remember(&state, LANGUAGE_COOKIE, Some(lang.code())),
    );
    res
}

async fn set_easy_read(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path(on): Path<String>,
) -> Response {
    let value = match on.as_str() {
        "on" => Some("on"),
        "off" => None,
        _ => return super::not_found_page(&state, &viewer),
    };
    let mut res = Redirect::to(&back(&headers)).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        remember(&state, EASY_READ_COOKIE, value),
    );
    res
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct Statement {
    chrome: Chrome,
}

async fn accessibility(State(state): State<AppState>, viewer: Viewer) -> Response {
    render(
        StatusCode::OK,
        &Statement {
            chrome: Chrome::participant(&state, &viewer, "accessibility"),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_of_this_site_are_gone_back_to() {
        let check = |referer: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::HOST, HeaderValue::from_static("coproduce.test"));
            h.insert(header::REFERER, HeaderValue::from_str(referer).unwrap());
            back(&h)
        };
        assert_eq!(
            check("http://coproduce.test/charters/1?x=1"),
            "/charters/1?x=1"
        );
        assert_eq!(check("https://evil.example/charters"), "/");
        assert_eq!(check("http://coproduce.test//evil.example"), "/");
        assert_eq!(check("nonsense"), "/");
    }
}
