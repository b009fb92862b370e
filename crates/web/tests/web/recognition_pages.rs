//! The recognition policy on the pages and the API: the form filled in with
//! sensible expenses, every bad value named with what was typed kept (a fraction
//! of a penny, a negative rate, an amount that is not money, a fee for a tier the
//! policy does not have), a version saved and shown, who may set it, another
//! organisation's not found, and the API's answers.

use crate::support::{Browser, Site, get, organisation, post, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;
use serde_json::json;

fn good_form(org: i64) -> Vec<(&'static str, String)> {
    let _ = org;
    vec![
        ("effective_from-day", "1".into()),
        ("effective_from-month", "4".into()),
        ("effective_from-year", "2026".into()),
        ("offered", "payment".into()),
        ("offered", "vouchers".into()),
        ("pro_rata", "yes".into()),
        ("tier-1-key", "tier-1".into()),
        ("tier-1-name", "Sharing views".into()),
        ("tier-1-hour", "15".into()),
        ("tier-2-key", "tier-3".into()),
        ("tier-2-name", "Working together".into()),
        ("tier-2-half-day", "75".into()),
        ("tier-2-day", "150".into()),
        ("fee-1-tier", "tier-3".into()),
        ("fee-1-type", "interview-panel".into()),
        ("fee-1-amount", "100".into()),
        ("per_mile", "0.45".into()),
        ("per_mile_passenger", "0.05".into()),
        ("per_mile_bicycle", "0.20".into()),
        ("meal_cap", "10".into()),
        ("home_working", "5".into()),
        ("public_transport", "yes".into()),
        ("taxis_with_approval", "yes".into()),
        ("care_costs", "no".into()),
        ("claim_within_days", "90".into()),
        ("advice", "Citizens Advice, 0800 144 8848".into()),
    ]
}

fn pairs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn a_policy_is_set_from_the_pages_with_every_bad_value_named(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_policy_lead").await;
    let page = lead.get(&format!("/organisations/{org}/recognition")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("No recognition policy is in force yet"));
    let form = lead
        .get(&format!("/organisations/{org}/recognition/new"))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.text.contains("value=\"0.45\""),
        "45p a mile to start with"
    );

    let mut bad = good_form(org);
    for (k, v) in bad.iter_mut() {
        match *k {
            "tier-1-hour" => *v = "12.345".into(),
            "tier-2-key" => *v = "Tier Three".into(),
            "per_mile" => *v = "-0.45".into(),
            "claim_within_days" => *v = "soon".into(),
            "fee-1-tier" => *v = "tier-9".into(),
            "meal_cap" => *v = "£5,000".into(),
            _ => {}
        }
    }
    bad.retain(|(k, _)| *k != "pro_rata" && *k != "offered");
    let r = lead
        .post(&format!("/organisations/{org}/recognition"), &pairs(&bad))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let text = r
        .text
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    for said in [
        "Tier 1: rate per hour (£): \"12.345\" is not an amount of money",
        "\"Tier Three\" is not a key",
        "\"-0.45\" is not an amount of money",
        "Days after an activity a claim can be made must be a whole number from 1 to 365",
        "Coproduce does not know \"tier-9\"",
        "The most paid back for a meal must be between 0 and 100",
        "Recognition offered must not be empty",
        "part of an activity paid for that part? must not be empty",
        // What was typed is kept.
        "value=\"12.345\"",
        "value=\"Tier Three\"",
        "value=\"soon\"",
    ] {
        assert!(text.contains(said), "{said}");
    }
    let versions = get(
        &store,
        &format!("/api/v1/organisations/{org}/recognition-policies"),
    )
    .await;
    assert_eq!(versions.json(), json!([]), "nothing kept");

    let r = lead
        .post(
            &format!("/organisations/{org}/recognition"),
            &pairs(&good_form(org)),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&format!("/organisations/{org}/recognition")).await;
    for said in [
        "In force since 1 April 2026",
        "£15 per hour",
        "£150 per day",
        "£100 for each interview panel",
        "£0.45",
        "90 days",
    ] {
        assert!(page.text.contains(said), "{said}");
    }
    // The form for the next version starts from this one.
    let form = lead
        .get(&format!("/organisations/{org}/recognition/new"))
        .await;
    assert!(form.text.contains("value=\"Working together\""));

    // Staff read it but do not set it; another organisation's does not exist.
    let staff = Browser::as_role(&store, Role::Staff, Some(org), "cpt_policy_staff").await;
    assert_eq!(
        staff
            .get(&format!("/organisations/{org}/recognition"))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        staff
            .post(
                &format!("/organisations/{org}/recognition"),
                &pairs(&good_form(org))
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let other = organisation(&store, "Hillside").await;
    let theirs = Browser::as_role(
        &store,
        Role::InvolvementLead,
        Some(other),
        "cpt_policy_other",
    )
    .await;
    assert_eq!(
        theirs
            .get(&format!("/organisations/{org}/recognition"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

fn body(from: &str, amount: serde_json::Value) -> serde_json::Value {
    json!({
        "effective_from": from,
        "offered": ["payment"],
        "pro_rata": false,
        "tiers": [{"key": "tier-1", "name": "Sharing views"}],
        "rates": [{"tier": "tier-1", "basis": "hour", "amount_pence": amount}],
        "expenses": {
            "per_mile_pence": 45, "per_mile_passenger_pence": 5, "per_mile_bicycle_pence": 20,
            "public_transport": true, "taxis_with_approval": false, "care_costs": true,
            "meal_cap_pence": 1000, "home_working_pence": 0, "claim_within_days": 60
        },
        "advice": "Citizens Advice, 0800 144 8848"
    })
}

async fn the_api_sets_and_reads_versions(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let path = format!("/api/v1/organisations/{org}/recognition-policies");
    // Negative, zero, fractional-penny and absurd amounts.
    for amount in [json!(-100), json!(0), json!(12.5), json!(10_000_000)] {
        let r = post(&store, &path, body("2026-04-01", amount.clone())).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{amount}: {}",
            r.text
        );
        assert!(
            r.fields().iter().any(|f| f.contains("amount_pence")),
            "{amount}: {:?}",
            r.fields()
        );
    }
    let mut unknown = body("2026-04-01", json!(1500));
    unknown["colour"] = json!("red");
    assert!(post(&store, &path, unknown).await.status.is_client_error());
    let r = post(&store, &path, body("2026-04-01", json!(1500))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["rates"][0]["amount_pence"], 1500);
    let r = post(&store, &path, body("2026-10-01", json!(1550))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let on = |d: &str| format!("/api/v1/organisations/{org}/recognition-policy?on={d}");
    assert_eq!(
        get(&store, &on("2026-09-30")).await.json()["rates"][0]["amount_pence"],
        1500
    );
    assert_eq!(
        get(&store, &on("2026-10-01")).await.json()["rates"][0]["amount_pence"],
        1550
    );
    assert_eq!(
        get(&store, &on("2026-03-31")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&store, &on("2026-13-01")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let all = get(&store, &path).await.json();
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(all[0]["effective_from"], "2026-10-01");
    assert_eq!(
        get(&store, "/api/v1/organisations/999999/recognition-policies")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

site_tests!(
    a_policy_is_set_from_the_pages_with_every_bad_value_named,
    the_api_sets_and_reads_versions,
);
