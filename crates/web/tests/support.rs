//! Sends requests to the application in-process.
//!
//! Shared by several test files; each uses only part of it.
// Tests may panic on anything unexpected: that is how they fail.
#![allow(clippy::unwrap_used)]
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use coproduce_store::Store;
use coproduce_web::{AppState, app};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub struct Reply {
    pub status: StatusCode,
    pub csp: String,
    pub content_type: String,
    pub location: Option<String>,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// The fields named in a problem report.
    pub fn fields(&self) -> Vec<String> {
        assert_eq!(
            self.content_type, "application/problem+json",
            "{}",
            self.text
        );
        self.json()["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| e["field"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }
}

pub async fn send(store: &Store, method: Method, uri: &str, body: Option<&str>) -> Reply {
    send_as(store, method, uri, body, "application/json").await
}

pub async fn send_as(
    store: &Store,
    method: Method,
    uri: &str,
    body: Option<&str>,
    content_type: &str,
) -> Reply {
    let app = app(AppState {
        store: store.clone(),
        demo: false,
    });
    let mut req = Request::builder().method(method).uri(uri);
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, content_type);
    }
    let req = req
        .body(
            body.map(|b| Body::from(b.to_string()))
                .unwrap_or_else(Body::empty),
        )
        .unwrap();
    let res = app.oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let csp = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let location = headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        csp,
        content_type,
        location,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub async fn get(store: &Store, uri: &str) -> Reply {
    send(store, Method::GET, uri, None).await
}

pub async fn post(store: &Store, uri: &str, body: serde_json::Value) -> Reply {
    send(store, Method::POST, uri, Some(&body.to_string())).await
}

pub async fn put(store: &Store, uri: &str, body: serde_json::Value) -> Reply {
    send(store, Method::PUT, uri, Some(&body.to_string())).await
}

/// Creates an organisation, a project and an activity; returns their ids.
pub async fn seed(store: &Store) -> (i64, i64, i64) {
    let o = post(
        store,
        "/api/v1/organisations",
        serde_json::json!({"name": "Trust", "kind": "nhs-trust"}),
    )
    .await;
    assert_eq!(o.status, StatusCode::CREATED, "{}", o.text);
    let org = o.json()["id"].as_i64().unwrap();
    let p = post(
        store,
        "/api/v1/projects",
        serde_json::json!({"organisation_id": org, "title": "Project", "stage": "design", "level": "service"}),
    )
    .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.text);
    let project = p.json()["id"].as_i64().unwrap();
    let a = post(
        store,
        "/api/v1/activities",
        serde_json::json!({"project_id": project, "title": "Workshop", "activity_type": "workshop",
            "mode": "face-to-face", "rung": "co-design", "starts_at": "2026-05-01T10:00", "ends_at": "2026-05-01T12:00"}),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    (org, project, a.json()["id"].as_i64().unwrap())
}
