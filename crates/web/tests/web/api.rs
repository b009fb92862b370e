//! The JSON API, on SQLite and PostgreSQL: what works, and every bad input it must
//! survive without a 500.

use crate::support::{Site, site_tests};
use crate::support::{get, post, put, seed, send, send_as};
use axum::http::{Method, StatusCode};
use serde_json::json;

async fn organisations_are_created_read_listed_and_updated(store: Site) {
    let r = post(
        &store,
        "/api/v1/organisations",
        json!({"name": "  Northvale Trust ", "kind": "nhs-trust"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.json()["id"].as_i64().unwrap();
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/api/v1/organisations/{id}").as_str())
    );
    assert_eq!(r.json()["name"], "Northvale Trust");
    for i in 0..3 {
        post(
            &store,
            "/api/v1/organisations",
            json!({"name": format!("Org {i}"), "kind": "healthwatch"}),
        )
        .await;
    }
    let page = get(&store, "/api/v1/organisations?limit=3").await.json();
    assert_eq!(page["items"].as_array().unwrap().len(), 3);
    let next = page["next"].as_str().unwrap().to_string();
    let rest = get(&store, &next).await.json();
    assert_eq!(rest["items"].as_array().unwrap().len(), 1);
    assert!(rest["next"].is_null());
    let u = put(
        &store,
        &format!("/api/v1/organisations/{id}"),
        json!({"name": "Renamed", "kind": "integrated-care-board"}),
    )
    .await;
    assert_eq!(u.status, StatusCode::OK);
    assert_eq!(
        get(&store, &format!("/api/v1/organisations/{id}"))
            .await
            .json()["kind"],
        "integrated-care-board"
    );
}

async fn bodies_that_cannot_be_read_are_400(store: Site) {
    for (body, ct) in [
        ("{not json", "application/json"),
        ("[1, 2]", "application/json"),
        ("\"text\"", "application/json"),
        ("", "application/json"),
        ("name=x", "application/x-www-form-urlencoded"),
    ] {
        let r = send_as(
            &store,
            Method::POST,
            "/api/v1/organisations",
            Some(body),
            ct,
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {}", r.text);
        assert_eq!(r.content_type, "application/problem+json");
        assert_eq!(r.json()["status"], 400);
    }
    let huge = format!(
        "{{\"name\": \"{}\", \"kind\": \"nhs-trust\"}}",
        "x".repeat(3 * 1024 * 1024)
    );
    let r = send(&store, Method::POST, "/api/v1/organisations", Some(&huge)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
}

async fn values_that_are_not_acceptable_are_422_naming_the_field(store: Site) {
    let (org, project, _) = seed(&store).await;
    let check = |body: serde_json::Value, expected: &'static [&'static str]| {
        let store = store.clone();
        async move {
            let r = post(&store, "/api/v1/projects", body.clone()).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{body}: {}",
                r.text
            );
            assert_eq!(r.fields(), expected, "{body}");
        }
    };
    // Wrong types.
    check(
        json!({"organisation_id": "one", "title": "x", "stage": "design", "level": "service"}),
        &["organisation_id"],
    )
    .await;
    check(
        json!({"organisation_id": org, "title": 7, "stage": "design", "level": "service"}),
        &["title"],
    )
    .await;
    // Missing required field.
    check(
        json!({"organisation_id": org, "stage": "design", "level": "service"}),
        &["title"],
    )
    .await;
    // Unknown field.
    check(json!({"organisation_id": org, "title": "x", "stage": "design", "level": "service", "colour": "red"}), &["colour"]).await;
    // Over-long text, empty text and unknown enum values, all reported at once.
    check(
        json!({"organisation_id": org, "title": "x".repeat(201), "stage": "planning", "level": "galactic", "scope_and_limits": "y".repeat(10_001)}),
        &["title", "stage", "level", "scope_and_limits"],
    )
    .await;
    check(
        json!({"organisation_id": org, "title": "   ", "stage": "design", "level": "service"}),
        &["title"],
    )
    .await;
    // An id of another type: a project's id where an organisation's is wanted.
    let r = post(&store, "/api/v1/projects", json!({"organisation_id": project + 1000, "title": "x", "stage": "design", "level": "service"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.json()["errors"][0]["message"],
        format!("there is no organisation with id {}", project + 1000)
    );
    // Each refusal carries a code a client can translate from.
    assert_eq!(r.json()["errors"][0]["code"], "no-such");
    let r = post(
        &store,
        "/api/v1/projects",
        json!({"organisation_id": org, "title": " ", "stage": "design", "level": "service"}),
    )
    .await;
    assert_eq!(r.json()["errors"][0]["code"], "empty");
    assert_eq!(r.json()["errors"][0]["message"], "must not be empty");
    check(
        json!({"organisation_id": -4, "title": "x", "stage": "design", "level": "service"}),
        &["organisation_id"],
    )
    .await;
    check(
        json!({"organisation_id": 1.5, "title": "x", "stage": "design", "level": "service"}),
        &["organisation_id"],
    )
    .await;
    // Control characters.
    check(json!({"organisation_id": org, "title": "a\u{0007}b", "stage": "design", "level": "service"}), &["title"]).await;
    let bad_email = post(&store, "/api/v1/people", json!({"organisation_id": org, "name": "Ann", "roles": ["service-user"], "email": "ann-at-example"})).await;
    assert_eq!(bad_email.fields(), ["email"]);
    // A whole number written with a point is the whole number, as JSON Schema counts it.
    let r = post(
        &store,
        "/api/v1/projects",
        json!({"organisation_id": org as f64, "title": "x", "stage": "design", "level": "service"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    // A charter's parts are objects, never arrays of their fields.
    let r = post(
        &store,
        "/api/v1/charters",
        json!({"key": "ab", "title": "t", "version": "1", "source": "s", "settings": [null, null],
            "sections": [{"key": "a", "title": "t", "source_ref": "1",
                "commitments": [{"key": "c", "text": "t", "source_ref": "1"}]}]}),
    )
    .await;
    assert_eq!(r.fields(), ["settings"], "{}", r.text);
}

async fn unknown_ids_are_404(store: Site) {
    for uri in [
        "/api/v1/organisations/999",
        "/api/v1/organisations/abc",
        "/api/v1/organisations/-1",
        "/api/v1/organisations/99999999999999999999",
        "/api/v1/charters/999",
        "/api/v1/people/999",
        "/api/v1/projects/999",
        "/api/v1/activities/999",
        "/api/v1/activities/999/attendance",
        "/api/v1/inputs/999",
        "/api/v1/organisations/999/indicators/feedback-within-days",
        "/api/v1/nothing-here",
    ] {
        let r = get(&store, uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}: {}", r.text);
        assert_eq!(r.content_type, "application/problem+json", "{uri}");
    }
    let r = put(
        &store,
        "/api/v1/organisations/999",
        json!({"name": "x", "kind": "nhs-trust"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = get(&store, "/api/v1/organisations?limit=0&after=x").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["after", "limit"]);
    // A parameter given empty is not a number either, as the document says.
    let r = get(&store, "/api/v1/organisations?limit=&after=7").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["limit"]);
    let r = get(&store, "/api/v1/people?role=&network=").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.fields(), ["role", "network"]);
}

async fn activity_times_are_checked_across_the_clock_changes(store: Site) {
    let (_, project, _) = seed(&store).await;
    let activity = |start: &str, end: &str| {
        json!({"project_id": project, "title": "Night shift forum", "activity_type": "meeting", "mode": "virtual",
            "rung": "engagement", "starts_at": start, "ends_at": end})
    };
    let r = post(
        &store,
        "/api/v1/activities",
        activity("2026-05-01T12:00", "2026-05-01T10:00"),
    )
    .await;
    assert_eq!(r.fields(), ["ends_at"]);
    assert_eq!(
        r.json()["errors"][0]["message"],
        "must be after the start time"
    );
    let r = post(
        &store,
        "/api/v1/activities",
        activity("2026-03-29T01:30", "2026-03-29T03:00"),
    )
    .await;
    assert_eq!(r.fields(), ["starts_at"]);
    let r = post(
        &store,
        "/api/v1/activities",
        activity("2026-10-25T00:30", "2026-10-25T01:30"),
    )
    .await;
    assert_eq!(r.fields(), ["ends_at"]);
    assert!(
        r.json()["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("happens twice")
    );
    let r = post(
        &store,
        "/api/v1/activities",
        activity("2026-10-25T00:30", "2026-10-25T01:30:00+00:00"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let a = r.json();
    assert_eq!(a["starts_at"], "2026-10-24T23:30:00Z");
    assert_eq!(a["ends_at"], "2026-10-25T01:30:00Z");
    let r = post(
        &store,
        "/api/v1/activities",
        activity("yesterday", "2026-13-01T10:00"),
    )
    .await;
    assert_eq!(r.fields(), ["starts_at", "ends_at"]);
    let r = post(&store, "/api/v1/activities", json!({"project_id": project, "title": "x", "activity_type": "party", "mode": "virtual", "rung": "co-operation", "starts_at": "2026-05-01T10:00", "ends_at": "2026-05-01T11:00"})).await;
    assert_eq!(r.fields(), ["activity_type", "rung"]);
}

async fn attendance_and_inputs_close_the_loop(store: Site) {
    let (org, _, activity) = seed(&store).await;
    let person = post(&store, "/api/v1/people", json!({"organisation_id": org, "name": "Ann", "roles": ["service-user"], "email": "Ann@Example.org"})).await;
    assert_eq!(person.json()["email"], "ann@example.org");
    let pid = person.json()["id"].as_i64().unwrap();
    let r = put(
        &store,
        &format!("/api/v1/activities/{activity}/attendance/{pid}"),
        json!({"status": "attended"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let list = get(&store, &format!("/api/v1/activities/{activity}/attendance"))
        .await
        .json();
    assert_eq!(list[0]["person_name"], "Ann");
    let r = put(
        &store,
        &format!("/api/v1/activities/{activity}/attendance/{pid}"),
        json!({"status": "maybe"}),
    )
    .await;
    assert_eq!(r.fields(), ["status"]);
    let r = put(
        &store,
        &format!("/api/v1/activities/{activity}/attendance/9999"),
        json!({"status": "attended"}),
    )
    .await;
    // The person is named by the address: no such person is "not found".
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let input = |extra: serde_json::Value| {
        let mut body = json!({"activity_id": activity, "said": "Meet in the evening", "received_on": "2026-05-01"});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        body
    };
    // Bad values, each named.
    for (extra, field) in [
        (json!({"received_on": "01/05/2026"}), "received_on"),
        (json!({"due_on": "2026-04-30"}), "due_on"),
        (json!({"opportunity_id": 1}), "opportunity_id"),
        (json!({"activity_id": null}), "project_id"),
        (json!({"anonymous_count": -1}), "anonymous_count"),
        (json!({"themes": ["x".repeat(61)]}), "themes"),
        (json!({"said_by": [pid, pid]}), "said_by"),
    ] {
        let r = post(&store, "/api/v1/inputs", input(extra.clone())).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{extra}: {}",
            r.text
        );
        assert_eq!(r.fields(), [field], "{extra}");
    }
    // The response is not part of what was said.
    let r = post(
        &store,
        "/api/v1/inputs",
        input(json!({"response": "We will"})),
    )
    .await;
    assert!(r.status.is_client_error(), "{}", r.text);
    let r = post(
        &store,
        "/api/v1/inputs",
        input(json!({"said_by": [pid], "themes": ["Evenings, Access"], "anonymous_count": 3})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let made = r.json();
    let id = made["id"].as_i64().unwrap();
    assert_eq!(made["due_on"], "2026-05-29");
    assert_eq!(made["themes"], json!(["access", "evenings"]));
    assert_eq!(
        made["overdue"], true,
        "due 29 May, and nothing fed back by July"
    );
    // Recording feedback by hand needs a response first.
    let r = post(
        &store,
        &format!("/api/v1/inputs/{id}/fed-back"),
        json!({"fed_back_on": "2026-05-12"}),
    )
    .await;
    assert_eq!(r.fields(), ["fed_back_on"]);
    // A response without an owner, a "will do" without a date or before the input.
    let lead = crate::support::account_with_token(
        &store,
        coproduce_domain::account::Role::InvolvementLead,
        Some(org),
        "cpt_inputs_lead",
    )
    .await;
    let respond = |body: serde_json::Value| {
        let store = store.clone();
        async move { post(&store, &format!("/api/v1/inputs/{id}/responses"), body).await }
    };
    for (body, field) in [
        (
            json!({"status": "done", "response": "Done"}),
            "owner_account_id",
        ),
        (
            json!({"status": "will-do", "response": "We will", "owner_account_id": lead}),
            "will_do_by",
        ),
        (
            json!({"status": "will-do", "response": "We will", "owner_account_id": lead, "will_do_by": "2026-04-01"}),
            "will_do_by",
        ),
        (
            json!({"status": "maybe", "response": "Hm", "owner_account_id": lead}),
            "status",
        ),
        (
            json!({"status": "done", "response": " ", "owner_account_id": lead}),
            "response",
        ),
    ] {
        let r = respond(body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text
        );
        assert_eq!(r.fields(), [field], "{body}");
    }
    let r = respond(json!({"status": "done", "response": "Evening meetings start in June", "owner_account_id": lead})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let given = r.json();
    // Ann never gave consent to be contacted: she is not told.
    assert_eq!(given["sent"], true);
    assert_eq!(given["held_back"], json!(["Ann"]));
    assert_eq!(given["input"]["response_status"], "done");
    let told = get(&store, &format!("/api/v1/inputs/{id}/told"))
        .await
        .json();
    assert_eq!(told[0]["reach"], "held-back");
    let r = post(
        &store,
        &format!("/api/v1/inputs/{id}/told/{}/done", told[0]["id"]),
        json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    let r = post(
        &store,
        &format!("/api/v1/inputs/{id}/fed-back"),
        json!({"fed_back_on": "2026-05-12"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["overdue"], false);
    let history = get(&store, &format!("/api/v1/inputs/{id}/responses"))
        .await
        .json();
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert!(
        history[0]["given_by"].is_i64(),
        "given by the token's account: {history}"
    );
    let listed = get(
        &store,
        &format!("/api/v1/inputs?activity_id={activity}&theme=Access"),
    )
    .await
    .json();
    assert_eq!(listed["items"][0]["fed_back_on"], "2026-05-12");
    let none = get(&store, "/api/v1/inputs?overdue=true").await.json();
    assert!(none["items"].as_array().unwrap().is_empty(), "{none}");
    let r = get(&store, "/api/v1/inputs?overdue=maybe").await;
    assert_eq!(r.fields(), ["overdue"]);
}

async fn the_feedback_indicator_says_no_data_rather_than_a_number(store: Site) {
    let (org, _, activity) = seed(&store).await;
    let uri = format!(
        "/api/v1/organisations/{org}/indicators/feedback-within-days?from=2026-01-01&to=2026-12-31"
    );
    let r = get(&store, &uri).await.json();
    assert!(r["percentage"].is_null(), "{r}");
    assert_eq!(r["denominator"], 0);
    assert_eq!(r["within_days"], 28);
    let lead = crate::support::account_with_token(
        &store,
        coproduce_domain::account::Role::InvolvementLead,
        Some(org),
        "cpt_indicator_lead",
    )
    .await;
    for (received, fed_back) in [
        ("2026-05-01", Some("2026-05-20")),
        ("2026-05-01", Some("2026-07-01")),
        ("2026-05-01", None),
    ] {
        let body = json!({"activity_id": activity, "said": "x", "received_on": received});
        let r = post(&store, "/api/v1/inputs", body).await;
        assert_eq!(r.status, StatusCode::CREATED);
        let id = r.json()["id"].as_i64().unwrap();
        if let Some(f) = fed_back {
            let r = post(
                &store,
                &format!("/api/v1/inputs/{id}/responses"),
                json!({"status": "done", "response": "We did it", "owner_account_id": lead}),
            )
            .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            let r = post(
                &store,
                &format!("/api/v1/inputs/{id}/fed-back"),
                json!({"fed_back_on": f}),
            )
            .await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        }
    }
    let r = get(&store, &uri).await.json();
    assert_eq!(
        (
            r["numerator"].as_i64(),
            r["denominator"].as_i64(),
            r["overdue"].as_i64()
        ),
        (Some(1), Some(3), Some(1))
    );
    assert_eq!(r["percentage"], 33.3);
    let r = get(&store, &format!("/api/v1/organisations/{org}/indicators/feedback-within-days?from=2026-12-31&to=2026-01-01")).await;
    assert_eq!(r.fields(), ["from"]);
    let r = get(
        &store,
        &format!("/api/v1/organisations/{org}/indicators/feedback-within-days?from=soon"),
    )
    .await;
    assert_eq!(r.fields(), ["from"]);
}

async fn charters_are_created_checked_signed_and_updated(store: Site) {
    let charter = json!({
        "key": "our-charter", "title": "Our charter", "version": "1", "source": "Us",
        "settings": {"feedback_days": 21},
        "sections": [{"key": "A", "title": "Promises", "source_ref": "A", "commitments": [
            {"key": "A1", "text": "We tell people what happened.", "source_ref": "A1", "indicator": "feedback-within-days"},
            {"key": "A2", "text": "We work together.", "source_ref": "A2", "rung": "co-production"}
        ]}]
    });
    let mut bad = charter.clone();
    bad["sections"][0]["commitments"][1]["key"] = json!("A1");
    bad["sections"][0]["commitments"][1]["rung"] = json!("co-operation");
    bad["settings"]["feedback_days"] = json!(400);
    let r = post(&store, "/api/v1/charters", bad).await;
    assert_eq!(
        r.fields(),
        [
            "settings.feedback_days",
            "sections[0].commitments[1].key",
            "sections[0].commitments[1].rung"
        ]
    );
    let mut wrong_type = charter.clone();
    wrong_type["sections"][0]["commitments"][0]["text"] = json!(["a"]);
    let r = post(&store, "/api/v1/charters", wrong_type).await;
    assert_eq!(r.fields(), ["sections[0].commitments[0].text"]);
    assert!(
        get(&store, "/api/v1/charters").await.json()["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let r = post(&store, "/api/v1/charters", charter.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_i64().unwrap();
    assert_eq!(
        post(&store, "/api/v1/charters", charter).await.status,
        StatusCode::CONFLICT
    );
    let full = get(&store, &format!("/api/v1/charters/{id}")).await.json();
    assert_eq!(
        full["sections"][0]["commitments"][1]["rung"],
        "co-production"
    );
    assert_eq!(full["settings"]["feedback_days"], 21);

    let (org, _, _) = seed(&store).await;
    let sig = format!("/api/v1/charters/{id}/signatories");
    let r = post(
        &store,
        &sig,
        json!({"organisation_id": org, "status": "signed"}),
    )
    .await;
    assert_eq!(r.fields(), ["signed_on"]);
    let r = post(
        &store,
        &sig,
        json!({"organisation_id": org, "status": "signed", "signed_on": "2026-01-15"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(
        post(
            &store,
            &sig,
            json!({"organisation_id": org, "status": "invited"})
        )
        .await
        .status,
        StatusCode::CONFLICT
    );
    assert_eq!(get(&store, &sig).await.json()[0]["status"], "signed");
    let ind = get(
        &store,
        &format!("/api/v1/organisations/{org}/indicators/feedback-within-days"),
    )
    .await
    .json();
    assert_eq!(ind["within_days"], 21);
    assert_eq!(ind["set_by"], "Our charter");

    let r = put(
        &store,
        &format!("/api/v1/charters/{id}"),
        json!({"title": "Our charter", "settings": {"feedback_days": 0, "review_months": 12}}),
    )
    .await;
    assert_eq!(r.fields(), ["settings.feedback_days"]);
    let r = put(&store, &format!("/api/v1/charters/{id}"), json!({"title": "Our charter, renamed", "settings": {"feedback_days": 14, "review_months": 12}})).await;
    assert_eq!(r.json()["settings"]["feedback_days"], 14);

    let templates = get(&store, "/api/v1/charter-templates").await.json();
    assert_eq!(templates.as_array().unwrap().len(), 5);
    assert_eq!(
        post(&store, "/api/v1/charter-templates/scie/adopt", json!({}))
            .await
            .status,
        StatusCode::CREATED
    );
    assert_eq!(
        post(&store, "/api/v1/charter-templates/nope/adopt", json!({}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn health_checks_answer(store: Site) {
    assert_eq!(get(&store, "/healthz").await.text, "ok");
    assert_eq!(get(&store, "/readyz").await.status, StatusCode::OK);
    store.close().await;
    let r = crate::support::request(
        &store,
        crate::support::As::Public,
        Method::GET,
        "/readyz",
        None,
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
}

site_tests!(
    organisations_are_created_read_listed_and_updated,
    bodies_that_cannot_be_read_are_400,
    values_that_are_not_acceptable_are_422_naming_the_field,
    unknown_ids_are_404,
    activity_times_are_checked_across_the_clock_changes,
    attendance_and_inputs_close_the_loop,
    the_feedback_indicator_says_no_data_rather_than_a_number,
    charters_are_created_checked_signed_and_updated,
    health_checks_answer,
    vocabularies_are_read_by_slug_label_or_listed_spelling,
);

#[test]
fn the_openapi_document_describes_every_api_route() {
    let doc: serde_json::Value = serde_json::from_str(&coproduce_web::openapi_json()).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut paths: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    paths.sort();
    // Every API route in the route table, and nothing else.
    let mut routes: Vec<&str> = coproduce_web::routes::table()
        .iter()
        .map(|e| e.path)
        .filter(|p| p.starts_with("/api/v1/"))
        .collect();
    routes.sort();
    routes.dedup();
    assert_eq!(paths, routes);
    assert!(paths.contains(&"/api/v1/organisations/{id}/equality"));
    // A vocabulary lists its slugs first, then the labels and spellings it also reads.
    let rungs = &doc["components"]["schemas"]["ActivityBody"]["properties"]["rung"]["enum"];
    let rungs: Vec<&str> = rungs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(&rungs[..2], ["coercion", "educating"]);
    assert!(rungs.contains(&"Co-production"), "{rungs:?}");
    assert_eq!(rungs.len(), 14, "{rungs:?}");
}

/// Values are read as the contract lists them: a slug, a label, or a listed spelling,
/// exactly; anything else is refused and named, and answers always give the slug.
async fn vocabularies_are_read_by_slug_label_or_listed_spelling(store: Site) {
    let (org, _, _) = crate::support::seed(&store).await;
    let r = post(
        &store,
        "/api/v1/people",
        serde_json::json!({"organisation_id": org, "name": "Irena Nowak",
            "roles": ["Carer", "expert-by-experience"], "languages": ["Polish"],
            "interests": ["A&E"], "preferred_contact": "Email", "email": "irena@example.org"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let p = r.json();
    assert_eq!(
        p["roles"],
        serde_json::json!(["carer", "expert-by-experience"])
    );
    assert_eq!(p["languages"], serde_json::json!(["pl"]));
    assert_eq!(p["interests"], serde_json::json!(["urgent-emergency"]));
    assert_eq!(p["preferred_contact"], "email");
    // Not as listed: refused, with the field named.
    let r = post(
        &store,
        "/api/v1/people",
        serde_json::json!({"organisation_id": org, "name": "Ann", "roles": ["CARERS!"]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["roles[0]"]);
    let r = get(&store, "/api/v1/people?role=Carer").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["items"][0]["name"], "Irena Nowak");
}
