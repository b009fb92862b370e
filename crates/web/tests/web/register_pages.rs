//! The register, organisation settings, attendance and charter management, from the
//! pages, with bad input shown back and nothing stored.

use crate::support::Browser;
use crate::support::{Site, organisation, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;

async fn administrators_add_organisations_and_require_the_second_factor(store: Site) {
    let admin = Browser::as_role(&store, Role::Administrator, None, "cpt_reg_admin").await;
    let r = admin
        .post(
            "/organisations",
            &[
                ("name", ""),
                ("kind", "castle"),
                ("require_second_factor", "no"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("Name must not be empty")
            && r.text.contains("Choose the kind of organisation"),
        "{}",
        r.text
    );
    let r = admin
        .post(
            "/organisations",
            &[
                ("name", "Eastvale Council"),
                ("kind", "local-authority"),
                ("require_second_factor", "no"),
            ],
        )
        .await;
    let path = r.location.unwrap();
    let id: i64 = path.trim_start_matches("/organisations/").parse().unwrap();
    let r = admin
        .post(
            &format!("{path}/settings"),
            &[
                ("name", "Eastvale Council"),
                ("kind", "local-authority"),
                ("require_second_factor", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(store.organisation(id).await.unwrap().require_second_factor);
    assert!(
        admin
            .get(&format!("{path}/settings"))
            .await
            .text
            .contains("value=\"yes\" checked")
    );
}

async fn attendance_is_recorded_on_the_activity_page(store: Site) {
    let org = organisation(&store, "Trust").await;
    let other = organisation(&store, "Other").await;
    let staff = Browser::as_role(&store, Role::Staff, Some(org), "cpt_reg_staff").await;
    let p = crate::support::post(&store, "/api/v1/projects", serde_json::json!({"organisation_id": org, "title": "P", "stage": "design", "level": "service"})).await;
    let a = crate::support::post(&store, "/api/v1/activities", serde_json::json!({"project_id": p.json()["id"], "title": "Forum", "activity_type": "meeting", "mode": "virtual", "rung": "engagement", "starts_at": "2026-05-01T18:00", "ends_at": "2026-05-01T19:30"})).await;
    let activity = format!("/activities/{}", a.json()["id"]);
    let mine = crate::support::post(
        &store,
        "/api/v1/people",
        serde_json::json!({"organisation_id": org, "name": "Bill Hughes", "roles": ["service-user"]}),
    )
    .await
    .json()["id"]
        .as_i64()
        .unwrap();
    let theirs = crate::support::post(&store, "/api/v1/people", serde_json::json!({"organisation_id": other, "name": "Hidden Person", "roles": ["service-user"]})).await.json()["id"].as_i64().unwrap();
    let page = staff.get(&activity).await;
    assert!(page.text.contains("Bill Hughes") && !page.text.contains("Hidden Person"));
    assert!(page.text.contains("No one recorded yet"));
    let r = staff
        .post(
            &format!("{activity}/attendance"),
            &[("person_id", &theirs.to_string()), ("status", "attended")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose a person from the list"));
    let r = staff
        .post(
            &format!("{activity}/attendance"),
            &[("person_id", &mine.to_string()), ("status", "")],
        )
        .await;
    assert!(r.text.contains("Choose whether they came"));
    let r = staff
        .post(
            &format!("{activity}/attendance"),
            &[("person_id", &mine.to_string()), ("status", "attended")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = staff.get(&activity).await;
    assert!(
        page.text.contains("\">Bill Hughes</a></td>")
            && page
                .text
                .contains("<td class=\"nhsuk-table__cell\">Attended</td>"),
        "{}",
        page.text
    );
}

async fn charters_are_adopted_and_signed_from_the_pages(store: Site) {
    let org = organisation(&store, "Trust").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_reg_lead2").await;
    assert!(
        lead.get("/charters")
            .await
            .text
            .contains("Adopt a built-in charter")
    );
    let r = lead
        .post("/charters/adopt", &[("template", "nonsense")])
        .await;
    assert!(r.text.contains("Choose a charter from the list"));
    let r = lead.post("/charters/adopt", &[("template", "scie")]).await;
    let path = r.location.unwrap();
    let r = lead.post("/charters/adopt", &[("template", "scie")]).await;
    assert!(r.text.contains("This charter is already adopted"));
    let sig = format!("{path}/signatories");
    let r = lead
        .post(
            &sig,
            &[("organisation_id", &org.to_string()), ("status", "signed")],
        )
        .await;
    assert!(r.text.contains("Enter the date the organisation signed"));
    let r = lead
        .post(
            &sig,
            &[
                ("organisation_id", &org.to_string()),
                ("status", "invited"),
                ("signed_on-day", "1"),
                ("signed_on-month", "1"),
                ("signed_on-year", "2026"),
            ],
        )
        .await;
    assert!(
        r.text
            .contains("Only an organisation that signed has a date signed")
    );
    let r = lead
        .post(
            &sig,
            &[
                ("organisation_id", &org.to_string()),
                ("status", "signed"),
                ("signed_on-day", "1"),
                ("signed_on-month", "1"),
                ("signed_on-year", "2999"),
            ],
        )
        .await;
    assert!(r.text.contains("The date signed cannot be in the future"));
    let r = lead
        .post(
            &sig,
            &[
                ("organisation_id", &org.to_string()),
                ("status", "signed"),
                ("signed_on-day", "15"),
                ("signed_on-month", "1"),
                ("signed_on-year", "2026"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&path).await;
    assert!(page.text.contains("15 January 2026"));
    let r = lead
        .post(
            &sig,
            &[("organisation_id", &org.to_string()), ("status", "invited")],
        )
        .await;
    assert!(r.text.contains("already on the list of signatories"));
    // Its settings change; its text does not.
    let settings = format!("{path}/settings");
    assert!(lead.get(&settings).await.text.contains("Charter settings"));
    let r = lead
        .post(
            &settings,
            &[
                ("title", ""),
                ("summary", ""),
                ("feedback_days", "soon"),
                ("review_months", "99"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for m in [
        "Title must not be empty",
        "Enter a whole number, like 28",
        "Enter a number of months from 1 to 36",
    ] {
        assert!(r.text.contains(m), "{m}: {}", r.text);
    }
    assert!(r.text.contains("value=\"soon\""));
    let r = lead
        .post(
            &settings,
            &[
                ("title", "SCIE charter, as we use it"),
                ("summary", ""),
                ("feedback_days", "14"),
                ("review_months", "12"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&path).await;
    assert!(page.text.contains("SCIE charter, as we use it") && page.text.contains("14 days"));
    // Participants see the charter but not the forms.
    let pat = Browser::as_role(&store, Role::Participant, Some(org), "cpt_reg_pat").await;
    let seen = pat.get(&path).await.text;
    assert!(!seen.contains("Record a signatory") && !seen.contains("Change the charter"));
}

async fn charters_are_imported_from_a_file(store: Site) {
    let org = organisation(&store, "Trust").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_reg_lead3").await;
    assert!(
        lead.get("/charters")
            .await
            .text
            .contains("Import a charter file")
    );
    let good =
        coproduce_domain::charter_file::write(&coproduce_domain::templates::get("scie").unwrap())
            .replace("key = \"scie\"", "key = \"our-scie\"")
            .replace("version = \"undated\"", "version = \"2027\"");
    let r = lead
        .upload("/charters/import", "ours.toml", good.as_bytes(), false)
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "the form token is required"
    );
    let bad = good.replacen(
        "kind = \"principle\"",
        "kind = \"principle\"\nrung = \"co-operation\"",
        1,
    );
    let r = lead
        .upload("/charters/import", "bad.toml", bad.as_bytes(), true)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("sections[0].commitments[0].rung: &#34;co-operation&#34; is not known; use one of coercion"),
        "{}",
        r.text
    );
    assert!(r.text.contains("Line "));
    for (content, message) in [
        (&b""[..], "The file is empty"),
        (&[0xff, 0xfe, 0x00][..], "The file is not a text file"),
    ] {
        let r = lead
            .upload("/charters/import", "x.toml", content, true)
            .await;
        assert!(r.text.contains(message), "{message}");
    }
    assert!(
        store.charter_by_key("our-scie").await.is_err(),
        "nothing was stored"
    );
    let r = lead
        .upload("/charters/import", "ours.toml", good.as_bytes(), true)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert!(lead.get(&r.location.unwrap()).await.text.contains("2027"));
    let r = lead
        .upload("/charters/import", "ours.toml", good.as_bytes(), true)
        .await;
    assert!(r.text.contains("is already stored"));
}

site_tests!(
    charters_are_imported_from_a_file,
    administrators_add_organisations_and_require_the_second_factor,
    attendance_is_recorded_on_the_activity_page,
    charters_are_adopted_and_signed_from_the_pages,
);
