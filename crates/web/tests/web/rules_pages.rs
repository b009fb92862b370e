//! The charter's meeting rules on the pages and the API: an organisation's rules,
//! changing one with every bad value shown back and kept, the warnings on an
//! activity's page naming the commitment, publishing and changing with a reason,
//! and ground rules chosen, printed and shown to the person invited.

use crate::support::{Browser, Site, get, organisation, put, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;
use coproduce_domain::charter::SignatoryStatus;

/// An organisation that signed the LPT charter.
async fn signed_lpt(store: &Site) -> i64 {
    let org = organisation(store, "Leicestershire").await;
    let charter = coproduce_domain::templates::get("lpt-involvement").unwrap();
    let record = store.import_charter(&charter, store.now()).await.unwrap();
    store
        .add_signatory(
            record.id,
            org,
            SignatoryStatus::Signed,
            store.today(),
            Some(store.today()),
        )
        .await
        .unwrap();
    org
}

/// A draft online activity a week from now, 10:00 to 13:30, made from the pages.
async fn long_activity(store: &Site, lead: &Browser) -> String {
    let r = lead
        .post(
            "/projects",
            &[
                ("title", "Crisis line"),
                ("stage", "design"),
                ("level", "service"),
                ("scope_and_limits", "How the line answers at night"),
                ("cannot_change", "The number"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let project = r.location.unwrap();
    let day = store.today() + chrono::Duration::days(7);
    let r = lead
        .post(
            &format!("{project}/activities"),
            &[
                ("title", "Planning session"),
                ("activity_type", "meeting"),
                ("mode", "virtual"),
                ("rung", "co-design"),
                ("date-day", &day.format("%-d").to_string()),
                ("date-month", &day.format("%-m").to_string()),
                ("date-year", &day.format("%Y").to_string()),
                ("starts", "10:00"),
                ("ends", "13:30"),
                ("joining_link", "https://meet.example/plan"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    r.location.unwrap()
}

async fn an_organisations_rules_are_read_and_changed(store: Site) {
    let org = signed_lpt(&store).await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_rules_lead").await;
    let rules = format!("/organisations/{org}/meeting-rules");
    let page = lead.get(&rules).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Longest meeting face to face"));
    assert!(
        page.text
            .contains("3 hours, not counting events or conferences")
    );
    assert!(
        page.text
            .contains("Involvement Charter, GR7: Keep meetings to an agreed time limit")
    );
    assert!(page.text.contains("No charter you signed states it"));

    // Bad values come back named, with what was typed kept.
    let debrief = format!("{rules}/debrief");
    let r = lead
        .post(&debrief, &[("setting", "on"), ("amount", "ten")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("value=\"ten\""));
    assert!(r.text.contains("whole number"), "{}", r.text);
    let r = lead
        .post(&debrief, &[("setting", "on"), ("amount", "500")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("value=\"500\""));
    let r = lead.post(&debrief, &[("amount", "30")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose what this rule should be"));
    let r = lead
        .post(
            &format!("{rules}/rush-hours"),
            &[("setting", "on"), ("windows", "Mon-Fri 9-5")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("is not a span of the week"));
    assert!(r.text.contains("Mon-Fri 9-5"));
    let r = lead
        .post(
            &format!("{rules}/longest-online"),
            &[("setting", "on"), ("not_counting", "picnic")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        lead.get(&format!("{rules}/picnics")).await.status,
        StatusCode::NOT_FOUND
    );

    let r = lead
        .post(&debrief, &[("setting", "on"), ("amount", "30")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&rules).await;
    assert!(page.text.contains("30 minutes"));
    assert!(
        page.text
            .contains("Set by your organisation, in place of Involvement Charter, GR10")
    );

    // The API says the same, and refuses what the pages refuse.
    let api = get(
        &store,
        &format!("/api/v1/organisations/{org}/meeting-rules"),
    )
    .await;
    assert_eq!(api.status, StatusCode::OK);
    let list = api.json();
    let debrief_rule = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "debrief")
        .unwrap();
    assert_eq!(debrief_rule["amount"], 30);
    assert_eq!(debrief_rule["set_here"], true);
    assert_eq!(debrief_rule["commitment"]["key"], "GR10");
    let r = put(
        &store,
        &format!("/api/v1/organisations/{org}/meeting-rules/rush-hours"),
        serde_json::json!({"setting": "on", "windows": ["Sat 25:00-26:00"]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert!(r.text.contains("windows"));
    let r = put(
        &store,
        &format!("/api/v1/organisations/{org}/meeting-rules/rush-hours"),
        serde_json::json!({"setting": "sometimes"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = put(
        &store,
        &format!("/api/v1/organisations/{org}/meeting-rules/rush-hours"),
        serde_json::json!({"setting": "on"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(
        r.json()["windows"],
        serde_json::json!(["Mon-Fri 06:30-09:30", "Mon-Fri 16:00-19:00"])
    );
}

async fn a_plan_breaking_rules_is_published_with_a_reason(store: Site) {
    let org = signed_lpt(&store).await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_rules_lead2").await;
    let a = long_activity(&store, &lead).await;
    let page = lead.get(&a).await;
    assert!(page.text.contains("Longest meeting online or hybrid"));
    assert!(
        page.text
            .contains("It lasts 3 hours 30 minutes; the limit online is 2 hours.")
    );
    assert!(page.text.contains("Involvement Charter, GR7"));
    assert!(
        page.text
            .contains("No debrief is planned; the rule asks for 20 minutes.")
    );
    assert!(page.text.contains("No ground rules are attached to it."));
    assert!(page.text.contains("Why go ahead anyway?"));
    // No reason: refused, nothing published.
    let r = lead
        .post(&format!("{a}/publish"), &[("go_ahead_reason", " ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("the plan breaks 3 of the charter"),
        "{}",
        r.text
    );
    let id: i64 = a.trim_start_matches("/activities/").parse().unwrap();
    assert!(store.activity(id).await.unwrap().published_at.is_none());
    // The API asks the same.
    let api = crate::support::post(
        &store,
        &format!("/api/v1/activities/{id}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", api.text);
    assert!(api.text.contains("go_ahead_reason"));
    let warnings = get(&store, &format!("/api/v1/activities/{id}/warnings")).await;
    let w = warnings.json();
    assert_eq!(w.as_array().unwrap().len(), 3);
    assert_eq!(w[0]["check"], "longest-online");
    assert_eq!(w[0]["commitment"]["key"], "GR7");
    assert!(w[0]["went_ahead"].is_null());
    let reason = "The group asked for one long session to finish the plan.";
    let r = lead
        .post(&format!("{a}/publish"), &[("go_ahead_reason", reason)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&a).await;
    assert!(page.text.contains("Went ahead"));
    assert!(page.text.contains(reason));

    // Ground rules: chosen from the charter, shown, printed; nothing chosen is
    // refused.
    let r = lead.get(&format!("{a}/ground-rules")).await;
    assert!(r.text.contains("Involvement Charter: Ground Rules"));
    let r = lead
        .post(&format!("{a}/ground-rules"), &[("choice", "")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose the ground rules, or none"));
    let r = lead
        .post(
            &format!("{a}/ground-rules"),
            &[("choice", "document-999999")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let choices = get(&store, &format!("/api/v1/activities/{id}/ground-rules")).await;
    let choice = choices.json()[0]["choice"].as_str().unwrap().to_string();
    let r = lead
        .post(&format!("{a}/ground-rules"), &[("choice", &choice)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&a).await;
    assert!(page.text.contains("Phones on silent."));
    let print = lead.get(&format!("{a}/ground-rules/print")).await;
    assert_eq!(print.status, StatusCode::OK);
    assert!(
        print
            .text
            .contains("<li class=\"app-break-words\">Phones on silent.</li>")
    );

    // A change to the published meeting that breaks a new rule asks why, keeping
    // what was typed: the organisation now wants papers four weeks before.
    let r = put(
        &store,
        &format!("/api/v1/organisations/{org}/meeting-rules/papers-before"),
        serde_json::json!({"setting": "on", "amount": 28}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let version = store.activity(id).await.unwrap().version.to_string();
    let day = store.today() + chrono::Duration::days(7);
    let mut form = vec![
        ("title", "Planning session, part one".to_string()),
        ("activity_type", "meeting".into()),
        ("mode", "virtual".into()),
        ("rung", "co-design".into()),
        ("date-day", day.format("%-d").to_string()),
        ("date-month", day.format("%-m").to_string()),
        ("date-year", day.format("%Y").to_string()),
        ("starts", "10:00".into()),
        ("ends", "13:30".into()),
        ("joining_link", "https://meet.example/plan".into()),
        ("version", version),
    ];
    let pairs = |f: &[(&'static str, String)]| -> Vec<(&'static str, String)> { f.to_vec() };
    let send = pairs(&form);
    let refs: Vec<(&str, &str)> = send.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = lead.post(&a, &refs).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert!(r.text.contains("The plan breaks a meeting rule"));
    assert!(
        r.text
            .contains("Papers sent in advance: No papers have been sent")
    );
    assert!(r.text.contains("Planning session, part one"));
    assert_eq!(store.activity(id).await.unwrap().title, "Planning session");
    form.push((
        "go_ahead_reason",
        "Papers are read together at the start.".into(),
    ));
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = lead.post(&a, &refs).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(
        store.activity(id).await.unwrap().title,
        "Planning session, part one"
    );
}

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\ntrailer\n%%EOF\n";

async fn papers_are_added_sent_and_read(store: Site) {
    let org = signed_lpt(&store).await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_papers_lead").await;
    let a = long_activity(&store, &lead).await;
    let id: i64 = a.trim_start_matches("/activities/").parse().unwrap();
    let papers = format!("{a}/papers");
    let page = lead.get(&papers).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("No papers have been added yet."));
    // A program renamed .pdf: refused, the title and format kept.
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
    exe.resize(256, 0);
    let r = lead
        .upload_with(
            &papers,
            &[("title", "Agenda"), ("format", "standard")],
            "agenda.pdf",
            &exe,
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert!(
        r.text
            .contains("The file is named as a PDF, but it is a program")
    );
    assert!(r.text.contains("value=\"Agenda\""));
    // No file, no format: each named.
    let r = lead
        .upload_with(&papers, &[("title", "Agenda")], "", b"", true)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose the format the paper is written in"));
    assert!(r.text.contains("Choose the file to add"));
    // Without the form token: refused, nothing kept.
    let r = lead
        .upload_with(
            &papers,
            &[("title", "Agenda"), ("format", "standard")],
            "agenda.pdf",
            PDF,
            false,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = lead
        .upload_with(
            &papers,
            &[("title", "Agenda"), ("format", "standard")],
            "agenda.pdf",
            PDF,
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&papers).await;
    assert!(page.text.contains("agenda.pdf, 1 KB"));
    assert!(page.text.contains("Not sent yet"));
    let listed = get(&store, &format!("/api/v1/activities/{id}/papers"))
        .await
        .json();
    let paper = listed[0]["id"].as_i64().unwrap();
    assert_eq!(listed[0]["media_type"], "application/pdf");
    let download = lead.get(&format!("{papers}/{paper}")).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.text.as_bytes(), PDF);
    // The API refuses what is not base64, and a Word document that is a PDF.
    let r = crate::support::post(
        &store,
        &format!("/api/v1/activities/{id}/papers"),
        serde_json::json!({"title": "Notes", "format": "standard", "file_name": "notes.docx", "content_base64": "%%%"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("content_base64"));
    use base64::Engine;
    let r = crate::support::post(
        &store,
        &format!("/api/v1/activities/{id}/papers"),
        serde_json::json!({"title": "Notes", "format": "easy-read", "file_name": "notes.docx",
            "content_base64": base64::engine::general_purpose::STANDARD.encode(PDF)}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("named as a Word document, but it is a PDF"),
        "{}",
        r.text
    );
    // A draft cannot be sent to.
    let r = lead.post(&format!("{papers}/send"), &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = lead
        .post(
            &format!("{a}/publish"),
            &[("go_ahead_reason", "Agreed with the group.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let r = lead.post(&format!("{papers}/send"), &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.text.contains("Nobody was sent the papers by email."));
    let page = lead.get(&papers).await;
    assert!(!page.text.contains("Not sent yet"));
    // Sent: it cannot be taken off.
    let r = lead.post(&format!("{papers}/{paper}/remove"), &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // Someone with no place reads nothing by a made-up link.
    let r = crate::support::request(
        &store,
        crate::support::As::Public,
        axum::http::Method::GET,
        &format!("/reply/cpr_nothing/papers/{paper}"),
        None,
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

async fn people_who_came_say_how_it_went(store: Site) {
    use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
    let org = signed_lpt(&store).await;
    let lead = Browser::as_role(
        &store,
        Role::InvolvementLead,
        Some(org),
        "cpt_feedback_lead",
    )
    .await;
    let a = long_activity(&store, &lead).await;
    let id: i64 = a.trim_start_matches("/activities/").parse().unwrap();
    let r = lead
        .post(
            &format!("{a}/publish"),
            &[("go_ahead_reason", "Agreed with the group.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let ann = store
        .create_person(
            &coproduce_domain::person::PersonDraft {
                organisation_id: org,
                name: "Ann Lee".into(),
                email: Some("ann.lee@people.example".into()),
                roles: vec!["carer".into()],
                ..Default::default()
            }
            .check(store.today())
            .unwrap(),
            store.now(),
        )
        .await
        .unwrap()
        .id;
    store
        .record_consent(
            ann,
            &ConsentGiven {
                purpose: Purpose::Contact,
                given_on: store.today(),
                method: ConsentMethod::Written,
                given_by: None,
            },
            None,
            store.now(),
        )
        .await
        .unwrap();
    // Not before it starts.
    let r = lead.post(&format!("{a}/feedback/ask"), &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    store.clock().advance(chrono::Duration::days(8));
    let lead = Browser::as_role(
        &store,
        Role::InvolvementLead,
        Some(org),
        "cpt_feedback_lead2",
    )
    .await;
    let r = lead
        .post(
            &format!("{a}/attendance"),
            &[("person_id", &ann.to_string()), ("status", "attended")],
        )
        .await;
    assert!(r.status.is_redirection(), "{}", r.text);
    store.run_jobs().await;
    store.mail.take();
    let r = lead.post(&format!("{a}/feedback/ask"), &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.text.contains("1 person was sent the questions by email."));
    store.run_jobs().await;
    let mail = store.mail.take();
    let start = mail[0].body.find("/feedback/").unwrap();
    let link: String = mail[0].body[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let public = |method: axum::http::Method, form: &'static str| {
        let store = store.clone();
        let link = link.clone();
        async move {
            crate::support::request(
                &store,
                crate::support::As::Public,
                method,
                &link,
                (!form.is_empty()).then_some(form),
                "application/x-www-form-urlencoded",
            )
            .await
        }
    };
    let page = public(axum::http::Method::GET, "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("I felt listened to"));
    let r = public(axum::http::Method::POST, "comment=+").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("Answer at least one question, or write a comment")
    );
    let r = public(axum::http::Method::POST, "listened-to=maybe&comment=Kept").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains(">Kept</textarea>") || r.text.contains("Kept"));
    let r = public(
        axum::http::Method::POST,
        "listened-to=yes&needs-met=partly&know-next=no&comment=More+breaks&anonymous=yes",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.text.contains("We have your answers"));
    let r = public(axum::http::Method::POST, "listened-to=no").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text.contains("You have already answered"));
    let page = lead.get(&format!("{a}/feedback")).await;
    assert!(
        page.text
            .contains("1 person was asked; 1 answer was given.")
    );
    assert!(page.text.contains("With fewer than 5 answers"));
    assert!(!page.text.contains("More breaks"));
    // Paper forms, from the page and the API.
    let r = lead
        .post(&format!("{a}/feedback/paper"), &[("comment", " ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = lead
        .post(&format!("{a}/feedback/paper"), &[("listened-to", "yes")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    for _ in 0..3 {
        let r = crate::support::post(
            &store,
            &format!("/api/v1/activities/{id}/feedback"),
            serde_json::json!({"listened-to": "yes"}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    }
    let r = crate::support::post(
        &store,
        &format!("/api/v1/activities/{id}/feedback"),
        serde_json::json!({"listened-to": "perhaps"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let api = get(&store, &format!("/api/v1/activities/{id}/feedback"))
        .await
        .json();
    assert_eq!(api["answered"], 5);
    assert_eq!(api["totals"][0]["answers"][0]["count"], 5);
    assert!(api["totals"][1]["answers"][1]["count"].is_null());
    assert_eq!(api["comments"][0], "More breaks");
    let page = lead.get(&format!("{a}/feedback")).await;
    assert!(page.text.contains("More breaks"));
}

site_tests!(
    an_organisations_rules_are_read_and_changed,
    a_plan_breaking_rules_is_published_with_a_reason,
    papers_are_added_sent_and_read,
    people_who_came_say_how_it_went,
);
