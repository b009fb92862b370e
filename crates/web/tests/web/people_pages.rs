//! The participant register from the pages: adding and changing people, their access
//! needs and consent, with every bad input shown back, kept, and nothing stored.

use crate::support::Browser;
use crate::support::{Site, organisation, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;
use coproduce_store::{PageRequest, Within};

async fn count(store: &Site, org: i64) -> usize {
    store
        .people(PageRequest::first(100), Within::Parent(org))
        .await
        .unwrap()
        .items
        .len()
}

async fn people_are_added_with_their_whole_profile(store: Site) {
    let org = organisation(&store, "Trust").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_pp_lead").await;
    // Every bad value at once: each is named, what was typed is kept, nothing stored.
    let r = lead
        .post(
            "/people",
            &[
                ("name", ""),
                ("roles", "king"),
                ("email", "nope"),
                ("phone", "12345"),
                ("postcode", "LE1"),
                ("preferred_contact", "letter"),
                ("languages", "xx"),
                ("born_on-day", "31"),
                ("born_on-month", "2"),
                ("born_on-year", "2001"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for m in [
        "Full name must not be empty",
        "Choose how they take part",
        "Enter an email address in the right form",
        "&#34;12345&#34; is not a phone number",
        "&#34;LE1&#34; is not a postcode",
        "Choose languages from the list",
        "Date of birth must be a real date",
    ] {
        assert!(r.text.contains(m), "{m}: {}", r.text);
    }
    assert!(r.text.contains("value=\"nope\"") && r.text.contains("value=\"12345\""));
    assert_eq!(count(&store, org).await, 0);
    // A date of birth in the future.
    let r = lead
        .post(
            "/people",
            &[
                ("name", "Joseph"),
                ("roles", "young-person"),
                ("born_on-day", "1"),
                ("born_on-month", "1"),
                ("born_on-year", "2099"),
            ],
        )
        .await;
    assert!(
        r.text.contains("Date of birth cannot be in the future"),
        "{}",
        r.text
    );

    let r = lead
        .post(
            "/people",
            &[
                ("name", "Amara Okafor"),
                ("preferred_name", "Amara"),
                ("pronouns", "she/her"),
                ("roles", "carer"),
                ("roles", "expert-by-experience"),
                ("email", "Amara@Example.org"),
                ("phone", "07700 900123"),
                ("postcode", "e8 1ey"),
                ("preferred_contact", "text"),
                ("interests", "mental-health"),
                ("availability", "mon-evening"),
                ("availability", "sat-morning"),
                ("avoid_rush_hour", "yes"),
                ("languages", "en"),
                ("languages", "yo"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page_url = r.location.unwrap();
    let page = lead.get(&page_url).await;
    for shown in [
        "Amara Okafor",
        "she/her",
        "Carer, Expert by experience",
        "amara@example.org",
        "E8 1EY",
        "Text message",
        "Monday evening, Saturday morning",
        "English, Yoruba",
        "No consent to contact recorded",
    ] {
        assert!(page.text.contains(shown), "{shown}: {}", page.text);
    }
    assert!(lead.get("/people").await.text.contains("Amara Okafor"));

    // Changing their details keeps what was there, and the edit form shows it ticked.
    let id: i64 = page_url.trim_start_matches("/people/").parse().unwrap();
    let edit = lead.get(&format!("/people/{id}/edit")).await;
    assert!(edit.text.contains("value=\"carer\" checked"));
    let r = lead
        .post(
            &format!("/people/{id}"),
            &[
                ("name", "Amara Okafor"),
                ("roles", "patient"),
                ("email", "amara@example.org"),
                ("preferred_contact", "email"),
            ],
        )
        .await;
    assert_eq!(r.location.as_deref(), Some(page_url.as_str()));
    let p = store.person(id).await.unwrap();
    assert_eq!(p.profile.roles.len(), 1);
    assert!(p.profile.languages.is_empty());
    // Staff of another organisation cannot see or change them.
    let other = organisation(&store, "Council").await;
    let outsider = Browser::as_role(&store, Role::InvolvementLead, Some(other), "cpt_pp_out").await;
    assert_eq!(outsider.get(&page_url).await.status, StatusCode::NOT_FOUND);
    let r = outsider
        .post(
            &format!("/people/{id}"),
            &[("name", "Taken"), ("roles", "patient")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(store.person(id).await.unwrap().profile.name, "Amara Okafor");
}

async fn needs_and_consent_are_recorded_from_a_persons_page(store: Site) {
    let org = organisation(&store, "Trust").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_pn_lead").await;
    let staff = Browser::as_role(&store, Role::Staff, Some(org), "cpt_pn_staff").await;
    let r = lead
        .post(
            "/people",
            &[
                ("name", "Chen Wei"),
                ("roles", "patient"),
                ("born_on-day", "1"),
                ("born_on-month", "1"),
                ("born_on-year", "2015"),
            ],
        )
        .await;
    let url = r.location.unwrap();
    let id: i64 = url.trim_start_matches("/people/").parse().unwrap();
    let page = lead.get(&url).await;
    assert!(
        page.text
            .contains("Under 18: no parent or guardian consent recorded")
    );

    // Needs: an unknown one, an interpreter without a language, then real ones.
    let needs = format!("/people/{id}/needs");
    let r = lead.post(&needs, &[("need", "telepathy")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose a need from the list"));
    let r = lead.post(&needs, &[("need", "spoken-interpreter")]).await;
    assert!(
        r.text
            .contains("Choose the language the interpreter speaks")
    );
    let r = lead
        .post(
            &needs,
            &[("need", "spoken-interpreter"), ("language", "yue")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = lead
        .post(
            &needs,
            &[("need", "large-print-24"), ("detail", "<b>Arial</b>")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = lead.post(&needs, &[("need", "large-print-24")]).await;
    assert!(r.text.contains("This need is already recorded"));
    let page = lead.get(&url).await;
    assert!(
        page.text
            .contains("Spoken-language interpreter (Cantonese)")
    );
    assert!(page.text.contains("957351000000102"), "the SNOMED CT code");
    assert!(
        page.text.contains("Arial") && !page.text.contains("<b>Arial"),
        "details are escaped"
    );

    // Under 18 with no guardian's consent: they cannot be invited, from the page or
    // the API.
    let project = crate::support::post(
        &store,
        "/api/v1/projects",
        serde_json::json!({"organisation_id": org, "title": "Youth panel", "stage": "design", "level": "service"}),
    )
    .await
    .json()["id"]
        .as_i64()
        .unwrap();
    let activity = crate::support::post(
        &store,
        "/api/v1/activities",
        serde_json::json!({"project_id": project, "title": "First meeting", "activity_type": "workshop", "mode": "face-to-face", "rung": "co-design", "starts_at": "2026-05-01T16:00", "ends_at": "2026-05-01T17:00"}),
    )
    .await
    .json()["id"]
        .as_i64()
        .unwrap();
    let roster = format!("/activities/{activity}/attendance");
    let invite = [
        ("person_id", id.to_string()),
        ("status", "invited".to_string()),
    ];
    let invite: Vec<(&str, &str)> = invite.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = lead.post(&roster, &invite).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("This person is under 18 and has no parent or guardian"),
        "{}",
        r.text
    );
    let api = crate::support::put(
        &store,
        &format!("/api/v1/activities/{activity}/attendance/{id}"),
        serde_json::json!({"status": "invited"}),
    )
    .await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(api.json()["errors"][0]["code"], "needs-guardian-consent");
    assert!(store.attendance(activity).await.unwrap().is_empty());

    // Staff see needs only once the person agrees to share them.
    assert!(
        staff
            .get(&url)
            .await
            .text
            .contains("has not agreed to share")
    );
    let consents = format!("/people/{id}/consents");
    let r = lead
        .post(
            &consents,
            &[
                ("purpose", "guardian"),
                ("method", "written"),
                ("given_on-day", "1"),
                ("given_on-month", "5"),
                ("given_on-year", "2026"),
            ],
        )
        .await;
    assert!(
        r.text.contains("Give the name of the parent or guardian"),
        "{}",
        r.text
    );
    let r = lead
        .post(
            &consents,
            &[
                ("purpose", "share-needs"),
                ("method", "verbal"),
                ("given_on-day", "1"),
                ("given_on-month", "5"),
                ("given_on-year", "2099"),
            ],
        )
        .await;
    assert!(
        r.text
            .contains("The date they agreed cannot be in the future"),
        "{}",
        r.text
    );
    for (purpose, by) in [("share-needs", ""), ("guardian", "Li Wei")] {
        let r = lead
            .post(
                &consents,
                &[
                    ("purpose", purpose),
                    ("method", "written"),
                    ("given_on-day", "1"),
                    ("given_on-month", "5"),
                    ("given_on-year", "2026"),
                    ("given_by", by),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    }
    let seen = staff.get(&url).await.text;
    assert!(seen.contains("Spoken-language interpreter (Cantonese)"));
    assert!(!seen.contains("Under 18: no parent"));
    // With a guardian's consent they can join, and the roster flags their needs.
    let r = lead.post(&roster, &invite).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let activity_page = staff.get(&format!("/activities/{activity}")).await.text;
    assert!(
        activity_page.contains("Large print, at least 24 point"),
        "{activity_page}"
    );

    // Withdrawing takes effect at once.
    let share = store
        .consents_of(id)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.purpose == coproduce_domain::consent::Purpose::ShareNeeds)
        .unwrap();
    let r = lead
        .post(&format!("/consents/{}/withdraw", share.id), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        staff
            .get(&url)
            .await
            .text
            .contains("has not agreed to share")
    );
    let activity_page = staff.get(&format!("/activities/{activity}")).await.text;
    assert!(!activity_page.contains("Large print, at least 24 point"));
    // Removing a need.
    let need = store.needs_of(id).await.unwrap()[0].id;
    let r = lead
        .post(&format!("/people/{id}/needs/{need}/remove"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(store.needs_of(id).await.unwrap().len(), 1);
}

async fn people_are_found_from_the_page_and_the_api(store: Site) {
    let org = organisation(&store, "Trust").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_pf_lead").await;
    for (name, role, language) in [
        ("Amara Okafor", "carer", "yo"),
        ("Amir Khan", "patient", "ur"),
        ("Bill Hughes", "carer", "en"),
    ] {
        let r = lead
            .post(
                "/people",
                &[("name", name), ("roles", role), ("languages", language)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    }
    let page = lead.get("/people?name=am&role=carer").await;
    assert!(page.text.contains("Amara Okafor"));
    assert!(!page.text.contains("Amir Khan") && !page.text.contains("Bill Hughes"));
    assert!(page.text.contains("value=\"am\""), "the search is kept");
    let none = lead.get("/people?name=zz").await;
    assert!(none.text.contains("No one in the register matches"));
    let bad = lead.get("/people?role=wizard").await;
    assert!(bad.text.contains("Choose from the list"), "{}", bad.text);
    // A page of two, then the next, keeping the search.
    let api = crate::support::get(
        &store,
        &format!("/api/v1/people?organisation_id={org}&role=carer&limit=1"),
    )
    .await;
    assert_eq!(api.json()["items"][0]["name"], "Amara Okafor");
    let next = api.json()["next"].as_str().unwrap().to_string();
    assert!(next.contains("role=carer"), "{next}");
    let api = crate::support::get(&store, &next).await;
    assert_eq!(api.json()["items"][0]["name"], "Bill Hughes");
    let api = crate::support::get(&store, "/api/v1/people?language=klingon").await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(api.fields(), ["language"]);
}

site_tests!(
    people_are_found_from_the_page_and_the_api,
    people_are_added_with_their_whole_profile,
    needs_and_consent_are_recorded_from_a_persons_page,
);
