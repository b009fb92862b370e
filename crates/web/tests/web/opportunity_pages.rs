//! Opportunities on the pages and the API: every bad value of the form shown back
//! and kept, opening only with an Easy Read version, the public list and its Easy
//! Read view, saying one is interested from `/me` (a reason too long is kept, a
//! second time is refused), staff saying it for someone, choosing once closed
//! within the places, and the API's refusals, each named.

use crate::me_pages::{participant, person};
use crate::support::{Browser, Site, get, organisation, post, put, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;

fn form<'a>(closes: &'a str, easy: &'a str) -> Vec<(&'a str, &'a str)> {
    let (y, rest) = closes.split_once('-').unwrap();
    let (m, d) = rest.split_once('-').unwrap();
    vec![
        ("title", "Reader panel"),
        ("expected", "Read our letters and tell us what is hard."),
        ("involved", "Letters by post or email."),
        ("time_asked", "An hour a month"),
        ("recognition", "vouchers"),
        ("recognition_detail", "A £10 voucher a month"),
        ("access_support", "Large print, Easy Read, Polish"),
        ("rung", "co-design"),
        ("closes_on-day", d),
        ("closes_on-month", m),
        ("closes_on-year", y),
        ("places", "1"),
        ("who_may_apply", "public"),
        ("network_id", ""),
        ("easy_read", easy),
    ]
}

async fn an_opportunity_is_offered_applied_for_and_decided_from_the_pages(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_opp_lead").await;
    // Every bad value is named, and what was typed is kept.
    let r = lead
        .post(
            "/opportunities",
            &[
                ("title", ""),
                ("expected", "Read the letters"),
                ("places", "lots"),
                ("closes_on-day", "1"),
                ("closes_on-month", "1"),
                ("closes_on-year", "2020"),
                ("who_may_apply", "network"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for said in [
        "Name of the role must not be empty",
        "Places must be a whole number from 1 to 500",
        "Enter a date that is today or later",
        "Choose the network whose members may apply",
        "Choose the rung of the ladder",
        "Choose what the role offers in return",
        "Read the letters",
    ] {
        assert!(r.text.contains(said), "{said} in {}", r.text);
    }
    let in_a_week = (store.today() + chrono::Duration::days(7)).to_string();
    let r = lead.post("/opportunities", &form(&in_a_week, "")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = r.location.unwrap();
    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
    // Not opened without Easy Read: the page says why, and so does trying.
    let r = lead.get(&page).await;
    assert!(r.text.contains("add the role in Easy Read first"));
    let r = lead.post(&format!("{page}/publish"), &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = lead
        .post(
            &page,
            &form(&in_a_week, "You read our letters.\nWe give you a voucher."),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let r = lead.post(&format!("{page}/publish"), &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.contains("It is open."));
    // Anyone can read it, and its Easy Read view.
    let r = get(&store, "/open-opportunities").await;
    assert!(r.text.contains("Reader panel") && r.text.contains("Riverside"));
    let public = crate::support::request(
        &store,
        crate::support::As::Public,
        axum::http::Method::GET,
        &format!("/open-opportunities/{id}/easy-read"),
        None,
        "",
    )
    .await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.text.contains("We give you a voucher."));
    assert!(public.text.contains("Sign in to say yes"));
    // Someone of the organisation says they are interested from their record; a
    // reason too long is named and kept.
    let ann = person(&store, org, "Ann Lee").await;
    let me = participant(&store, org, ann, "cpt_opp_ann").await;
    let r = me.get("/me").await;
    assert!(r.text.contains(&format!("/me/opportunities/{id}")));
    let long = "a".repeat(2001);
    let r = me
        .post(&format!("/me/opportunities/{id}"), &[("why", &long)])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("2000 characters or fewer") && r.text.contains(&long));
    let r = me
        .post(
            &format!("/me/opportunities/{id}"),
            &[("why", "I get these letters.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.contains("We have your interest"));
    let r = me
        .post(&format!("/me/opportunities/{id}"), &[("why", "Again")])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // Staff say it for someone else; choosing nobody from the search is named.
    let bo = person(&store, org, "Bo Stone").await;
    let r = lead.post(&format!("{page}/apply"), &[("name", "Bo")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose someone from the register"));
    let r = lead.get(&format!("{page}/apply?name=Bo")).await;
    assert!(r.text.contains("Bo Stone"));
    let r = lead
        .post(
            &format!("{page}/apply"),
            &[
                ("name", "Bo"),
                ("person_id", &bo.to_string()),
                ("why", "Rang us"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.text.contains("Said for them by"));
    // Another organisation's lead does not know it exists.
    let other = organisation(&store, "Elsewhere").await;
    let stranger = Browser::as_role(
        &store,
        Role::InvolvementLead,
        Some(other),
        "cpt_opp_stranger",
    )
    .await;
    assert_eq!(stranger.get(&page).await.status, StatusCode::NOT_FOUND);
    // Not chosen while open; once closed, no more than the places.
    assert_eq!(
        lead.get(&format!("{page}/choose")).await.status,
        StatusCode::CONFLICT
    );
    store.clock().advance(chrono::Duration::days(8));
    // Sessions end when idle that long: both sign in again.
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_opp_lead").await;
    let me = Browser::as_role(&store, Role::Participant, Some(org), "cpt_opp_ann").await;
    let r = lead.get(&format!("{page}/choose")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.contains("Nothing is shown until at least 10 people"));
    let r = lead
        .post(
            &format!("{page}/choose"),
            &[("chosen", &ann.to_string()), ("chosen", &bo.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose at most 1"));
    let r = lead
        .post(&format!("{page}/choose"), &[("chosen", &ann.to_string())])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.text.contains("1 person was chosen."));
    let r = me.get(&format!("/me/opportunities/{id}")).await;
    assert!(r.text.contains("You have been chosen"));
    // Closed, it is no longer listed.
    assert_eq!(
        get(&store, &format!("/open-opportunities/{id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn the_api_refuses_what_the_rules_do_not_allow(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let today = store.today();
    let body = |closes: chrono::NaiveDate, who: &str| {
        serde_json::json!({
            "title": "Interview panel",
            "expected": "Ask two questions.",
            "involved": "One morning.",
            "time_asked": "4 hours",
            "recognition": "payment",
            "access_support": "A BSL interpreter",
            "rung": "co-production",
            "closes_on": closes.to_string(),
            "places": 1,
            "who_may_apply": who,
        })
    };
    let uri = format!("/api/v1/organisations/{org}/opportunities");
    let r = post(
        &store,
        &uri,
        body(today - chrono::Duration::days(1), "network"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["closes_on", "network_id"]);
    let mut zero = body(today, "public");
    zero["places"] = serde_json::json!(0);
    assert_eq!(post(&store, &uri, zero).await.fields(), ["places"]);
    let mut unknown = body(today, "public");
    unknown["salary"] = serde_json::json!(1);
    assert_eq!(
        post(&store, &uri, unknown).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let r = post(
        &store,
        &uri,
        body(today + chrono::Duration::days(3), "invited"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_i64().unwrap();
    assert_eq!(r.json()["standing"], "draft");
    // Not opened without Easy Read or anyone invited: both named.
    let r = post(
        &store,
        &format!("/api/v1/opportunities/{id}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.text.contains("Easy Read") && r.text.contains("invite"),
        "{}",
        r.text
    );
    let ann = person(&store, org, "Ann Lee").await;
    let r = post(
        &store,
        &format!("/api/v1/opportunities/{id}/invited"),
        serde_json::json!({ "person_ids": [ann, ann] }),
    )
    .await;
    assert_eq!(r.fields(), ["person_ids[1]"]);
    let r = post(
        &store,
        &format!("/api/v1/opportunities/{id}/invited"),
        serde_json::json!({ "person_ids": [ann] }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let mut easy = body(today + chrono::Duration::days(3), "invited");
    easy["easy_read"] = serde_json::json!("You help choose a manager.");
    let r = put(&store, &format!("/api/v1/opportunities/{id}"), easy).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = post(
        &store,
        &format!("/api/v1/opportunities/{id}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Only those invited may be said to be interested; once only.
    let bo = person(&store, org, "Bo Stone").await;
    let apply = format!("/api/v1/opportunities/{id}/applications");
    let r = post(&store, &apply, serde_json::json!({ "person_id": bo })).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text.contains("the people invited"), "{}", r.text);
    let r = post(&store, &apply, serde_json::json!({ "person_id": ann })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()[0]["status"], "interested");
    let r = post(&store, &apply, serde_json::json!({ "person_id": ann })).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // Not listed publicly: only for people invited.
    let r = get(&store, "/api/v1/open-opportunities").await;
    assert_eq!(r.json().as_array().unwrap().len(), 0);
    // Not decided while open; once closed, only those interested.
    let decide = format!("/api/v1/opportunities/{id}/decide");
    let r = post(&store, &decide, serde_json::json!({ "chosen": [ann] })).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    store.clock().advance(chrono::Duration::days(4));
    let r = post(&store, &decide, serde_json::json!({ "chosen": [bo] })).await;
    assert_eq!(r.fields(), ["chosen"]);
    let r = post(&store, &decide, serde_json::json!({ "chosen": [ann] })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["not_contacted"][0], "Ann Lee");
    let r = get(&store, &format!("/api/v1/opportunities/{id}/make-up")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["applicants"]["shown"], false);
    let r = get(&store, &format!("/api/v1/opportunities/{id}")).await;
    assert_eq!(r.json()["standing"], "decided");
}

site_tests!(
    an_opportunity_is_offered_applied_for_and_decided_from_the_pages,
    the_api_refuses_what_the_rules_do_not_allow
);
