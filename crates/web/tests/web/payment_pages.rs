//! Payments on the pages and the API: working out an activity's payments (a tier
//! the policy does not have named), approval refused to whoever worked it out, a
//! day paid in the future named with what was typed kept, a reversal without a
//! reason named, a reversal of a reversal refused; a person's choice on `/me`
//! after the notice about benefits (an amount that is not money named and kept);
//! and the API's refusals.

use crate::me_pages::{participant, person};
use crate::support::{As, Browser, Site, organisation, post, request, seed_in, site_tests};
use axum::http::{Method, StatusCode};
use coproduce_domain::account::Role;
use coproduce_domain::person::AttendanceStatus;
use serde_json::json;

/// A policy in force from the start of 2026 paying tier-1 £15 an hour.
async fn policy(store: &Site, org: i64) {
    let r = post(
        store,
        &format!("/api/v1/organisations/{org}/recognition-policies"),
        json!({
            "effective_from": "2026-01-01",
            "offered": ["payment"],
            "pro_rata": true,
            "tiers": [{"key": "tier-1", "name": "Sharing views"}],
            "rates": [{"tier": "tier-1", "basis": "hour", "amount_pence": 1500}],
            "expenses": {
                "per_mile_pence": 45, "per_mile_passenger_pence": 5, "per_mile_bicycle_pence": 20,
                "public_transport": true, "taxis_with_approval": true, "care_costs": true,
                "meal_cap_pence": 1000, "home_working_pence": 500, "claim_within_days": 90
            },
            "advice": "Citizens Advice, 0800 144 8848"
        }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
}

fn unescaped(text: &str) -> String {
    text.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

async fn payments_are_worked_out_approved_and_put_right_from_the_pages(store: Site) {
    let org = organisation(&store, "Riverside").await;
    policy(&store, org).await;
    let (_, _, activity) = seed_in(&store, org).await;
    let ann = person(&store, org, "Ann Lee").await;
    let staff = Browser::as_role(&store, Role::Staff, Some(org), "cpt_pay_staff").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_pay_lead").await;
    let staff_id = store
        .account_by_email("pay.staff@test.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    coproduce_app::work::set_attendance(
        &store.ctx,
        &store.actor(staff_id).await,
        activity,
        ann,
        AttendanceStatus::Attended,
        Some(90),
    )
    .await
    .unwrap();

    let page = staff.get(&format!("/activities/{activity}/payments")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Sharing views"));
    let r = staff
        .post(
            &format!("/activities/{activity}/payments"),
            &[("tier", "tier-9")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unescaped(&r.text).contains("Coproduce does not know \"tier-9\""));
    let r = staff
        .post(
            &format!("/activities/{activity}/payments"),
            &[("tier", "tier-1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(
        r.text
            .contains("1 payment worked out, waiting for approval.")
    );
    assert!(r.text.contains("£22.50"), "90 minutes at £15 an hour");
    let r = staff
        .post(
            &format!("/activities/{activity}/payments"),
            &[("tier", "tier-1")],
        )
        .await;
    assert!(r.text.contains("Paid for it already: Ann Lee."));

    let list = coproduce_app::payments::list(
        &store.ctx,
        &store.actor(staff_id).await,
        coproduce_store::PageRequest::first(10),
        coproduce_store::payments::PaymentFilter::default(),
    )
    .await
    .unwrap();
    let id = list.items[0].id;
    // Staff do not approve; the lead may, not being who worked it out.
    assert_eq!(
        staff
            .post(&format!("/payments/{id}/approve"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let page = lead.get(&format!("/payments/{id}")).await;
    assert!(page.text.contains("Approve the payment"));
    let r = lead.post(&format!("/payments/{id}/approve"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    // The day paid: in the future, refused with what was typed kept.
    let r = lead
        .post(
            &format!("/payments/{id}/paid"),
            &[
                ("paid_on-day", "1"),
                ("paid_on-month", "1"),
                ("paid_on-year", "2099"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("cannot be in the future"));
    assert!(r.text.contains("value=\"2099\""));
    let r = lead
        .post(
            &format!("/payments/{id}/paid"),
            &[
                ("paid_on-day", "14"),
                ("paid_on-month", "7"),
                ("paid_on-year", "2026"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert!(
        lead.get(&format!("/payments/{id}"))
            .await
            .text
            .contains("14 July 2026")
    );
    // A reversal needs a reason; a reversal is not reversed.
    let r = staff
        .post(&format!("/payments/{id}/reverse"), &[("reason", "  ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Why it is reversed must not be empty"));
    let r = staff
        .post(
            &format!("/payments/{id}/reverse"),
            &[("reason", "Ann came to the other group")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let reversal: i64 = r
        .location
        .unwrap()
        .trim_start_matches("/payments/")
        .parse()
        .unwrap();
    assert!(
        staff
            .get(&format!("/payments/{reversal}"))
            .await
            .text
            .contains("-£22.50")
    );
    let r = request(
        &store,
        As::Token("cpt_pay_staff"),
        Method::POST,
        &format!("/api/v1/payments/{reversal}/reverse"),
        Some(&json!({"reason": "again"}).to_string()),
        "application/json",
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    // Whoever worked it out does not approve it, through the API either.
    let r = request(
        &store,
        As::Token("cpt_pay_staff"),
        Method::POST,
        &format!("/api/v1/payments/{reversal}/approve"),
        None,
        "application/json",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let list = staff.get("/payments?show=created").await;
    assert!(list.text.contains("Reverses payment"));

    // Finance exports what is approved or paid, by period, as CSV or XLSX.
    let export = |q: &str| format!("/payments/export?organisation_id={org}&{q}");
    let form = lead.get("/payments/export").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.text.contains("value=\"2026\""),
        "the twelve months to today, to start with"
    );
    let r = lead
        .get(&export(
            "from-day=1&from-month=5&from-year=2026&to-day=31&to-month=13&to-year=2026&format=csv",
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("value=\"13\""), "what was typed is kept");
    let r = lead
        .get(&export(
            "from-day=1&from-month=6&from-year=2026&to-day=1&to-month=5&to-year=2026&format=csv",
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = lead
        .get(&export(
            "from-day=1&from-month=5&from-year=2026&to-day=31&to-month=5&to-year=2026&format=csv",
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let lines: Vec<&str> = r.text.lines().collect();
    assert!(lines[0].starts_with("payment_id,person_id,person,activity,activity_date"));
    assert_eq!(
        lines.len(),
        2,
        "the paid payment, not the reversal waiting: {lines:?}"
    );
    assert!(lines[1].contains(",22.50,money,"), "{}", lines[1]);
    assert!(lines[1].contains(",2026-05-01,"), "{}", lines[1]);
    let r = lead
        .get(&export(
            "from-day=1&from-month=6&from-year=2026&to-day=30&to-month=6&to-year=2026&format=csv",
        ))
        .await;
    assert_eq!(r.text.lines().count(), 1, "nothing in June");
    let r = lead
        .get(&export(
            "from-day=1&from-month=5&from-year=2026&to-day=31&to-month=5&to-year=2026&format=xlsx",
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.starts_with("PK"), "an XLSX file is a zip");
    assert_eq!(
        staff.get("/payments/export").await.status,
        StatusCode::FORBIDDEN,
        "staff do not export"
    );

    // Another organisation's payment does not exist for them.
    let other = organisation(&store, "Hillside").await;
    let theirs =
        Browser::as_role(&store, Role::InvolvementLead, Some(other), "cpt_pay_other").await;
    assert_eq!(
        theirs.get(&format!("/payments/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn a_person_chooses_after_the_notice_about_benefits(store: Site) {
    let org = organisation(&store, "Riverside").await;
    policy(&store, org).await;
    let irena = person(&store, org, "Irena Nowak").await;
    let me = participant(&store, org, irena, "cpt_pay_irena").await;
    let page = me.get("/me/recognition").await;
    assert_eq!(page.status, StatusCode::OK);
    for said in [
        "Payments can affect your benefits",
        "You can always say no to a payment",
        "Citizens Advice, 0800 144 8848",
        "You have not chosen yet",
    ] {
        assert!(page.text.contains(said), "{said}");
    }
    let polish = me
        .get_with_cookie("/me/recognition", "coproduce_language=pl")
        .await;
    assert!(
        polish
            .text
            .contains("Wynagrodzenie może wpłynąć na Twoje zasiłki")
    );
    let easy = me
        .get_with_cookie("/me/recognition", "coproduce_easy_read=on")
        .await;
    assert!(easy.text.contains("Money can change your benefits"));
    let r = me
        .post(
            "/me/recognition",
            &[("choice", "less"), ("amount_pence", "12.345")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unescaped(&r.text).contains("\"12.345\" is not an amount of money"));
    assert!(r.text.contains("value=\"12.345\""));
    let r = me.post("/me/recognition", &[]).await;
    assert!(r.text.contains("Choose what you would like us to do"));
    let r = me
        .post(
            "/me/recognition",
            &[("choice", "less"), ("amount_pence", "20")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = me.get("/me/recognition").await;
    assert!(
        page.text
            .contains("Pay me less than the full amount: £20, since 14 July 2026")
    );

    // Staff record a choice for someone, through the API.
    let path = format!("/api/v1/people/{irena}/recognition-choices");
    let r = post(
        &store,
        &path,
        json!({"choice": "decline", "amount_pence": 500}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["amount_pence"]);
    let r = post(&store, &path, json!({"choice": "charity"})).await;
    assert_eq!(r.fields(), ["charity"]);
    let r = post(
        &store,
        &path,
        json!({"choice": "decline", "chosen_on": "2099-01-01"}),
    )
    .await;
    assert_eq!(r.fields(), ["chosen_on"]);
    let r = post(
        &store,
        &path,
        json!({"choice": "charity", "charity": "Mind"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["charity"], "Mind");
}

site_tests!(
    payments_are_worked_out_approved_and_put_right_from_the_pages,
    a_person_chooses_after_the_notice_about_benefits,
);
