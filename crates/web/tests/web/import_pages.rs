//! Importing a register spreadsheet from the web: the dry run's report, changing how a
//! column is read, and an import that stores everyone or no one.

use crate::support::Browser;
use crate::support::{Site, organisation, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;
use coproduce_store::{PageRequest, Within};

async fn count(store: &Site, org: i64) -> usize {
    store
        .people(PageRequest::first(200), Within::Parent(org))
        .await
        .unwrap()
        .items
        .len()
}

async fn a_spreadsheet_is_checked_then_imported_from_the_pages(store: Site) {
    let org = organisation(&store, "Council").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_ip_lead").await;
    // Nothing chosen; then a file that is not a spreadsheet.
    let r = lead.upload("/people/import", "empty.csv", b"", true).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose a spreadsheet file"));
    let r = lead
        .upload(
            "/people/import",
            "report.xlsx",
            b"%PDF-1.7 not a sheet",
            true,
        )
        .await;
    let report = lead.get(r.location.as_deref().unwrap()).await;
    assert!(
        report.text.contains("The file is not a spreadsheet"),
        "{}",
        report.text
    );
    assert!(!report.text.contains("Import 0 people"));

    // A file with problems: each by row and column, and no import button.
    let bad = "Name,Contact,Date of birth\nZara Ahmed,zara-at-example,1970-01-01\n,,\nYoung One,,2015-01-01\n";
    let r = lead
        .upload("/people/import", "network.csv", bad.as_bytes(), true)
        .await;
    let url = r.location.unwrap();
    let report = lead.get(&url).await;
    assert!(
        report
            .text
            .contains("Row 4, column &#34;Date of birth&#34;"),
        "{}",
        report.text
    );
    assert!(report.text.contains("Blank rows skipped: 1"));
    assert!(!report.text.contains("Import 1 people"));
    // The Contact column was not recognised; read it as email, and the email problem shows.
    let id = url.trim_start_matches("/people/import/");
    let r = lead
        .post(
            &format!("/people/import/{id}/columns"),
            &[
                ("column-0", "name"),
                ("column-1", "email"),
                ("column-2", "born_on"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let report = lead.get(&url).await;
    assert!(
        report.text.contains("is not an email address"),
        "{}",
        report.text
    );
    // Importing anyway is refused, and nothing is stored.
    let r = lead.post(&format!("/people/import/{id}/run"), &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&store, org).await, 0);

    // A good file, one of whom is already in the register.
    store
        .create_person(
            &coproduce_domain::person::PersonDraft {
                organisation_id: org,
                name: "Amara Okafor".into(),
                email: Some("amara@example.org".into()),
                roles: vec!["carer".into()],
                ..Default::default()
            }
            .check(store.today())
            .unwrap(),
            store.now(),
        )
        .await
        .unwrap();
    let good = "Full name,Email,Languages,Access needs\nZara Ahmed,zara@example.org,Arabic; English,Easy Read\nAmara O.,AMARA@example.org,,\n";
    let r = lead
        .upload("/people/import", "good.csv", good.as_bytes(), true)
        .await;
    let url = r.location.unwrap();
    let report = lead.get(&url).await;
    assert!(
        report.text.contains("People ready to add: 1"),
        "{}",
        report.text
    );
    assert!(
        report
            .text
            .contains("Already in the register, and skipped: 1")
    );
    assert!(report.text.contains("Import 1 people"));
    // Someone else cannot see or run another account's upload.
    let other = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_ip_other").await;
    assert_eq!(other.get(&url).await.status, StatusCode::NOT_FOUND);
    let id = url.trim_start_matches("/people/import/");
    assert_eq!(
        other
            .post(&format!("/people/import/{id}/run"), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = lead.post(&format!("/people/import/{id}/run"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(count(&store, org).await, 2);
    // The upload is forgotten once imported.
    assert_eq!(lead.get(&url).await.status, StatusCode::NOT_FOUND);
    let people = lead.get("/people").await.text;
    assert!(people.contains("Zara Ahmed"));
    // The import is in the audit trail, with how many it added.
    let trail = store
        .audit_entries(
            coproduce_store::audit::AuditFilter::default(),
            coproduce_store::PageRequest::first(10),
        )
        .await
        .unwrap()
        .items;
    assert!(
        trail
            .iter()
            .any(|e| e.action == "people.import" && e.detail == "1 person added"),
        "{trail:?}"
    );
}

/// A register as a team keeps it, with three values Coproduce does not know on many
/// rows: the report says each once, with its count, the rows come a page at a time,
/// and once each value is given its meaning everyone is imported.
async fn unknown_values_are_listed_once_and_mapped_from_the_page(store: Site) {
    let org = organisation(&store, "Council").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_iv_lead").await;
    let mut csv = String::from("First name,Surname,Access needs,Ethnicity\n");
    let odd = ["Sign lang.", "Big writing", "Loop sys"];
    for i in 0..120 {
        csv.push_str(&format!(
            "Person,Number {i},{},\"White: English, Welsh, Scottish, Northern Irish or British\"\n",
            odd[i % 3]
        ));
    }
    let r = lead
        .upload("/people/import", "register.csv", csv.as_bytes(), true)
        .await;
    let url = r.location.unwrap();
    let id = url.trim_start_matches("/people/import/").to_string();
    let report = lead.get(&url).await;
    assert_eq!(report.status, StatusCode::OK);
    let text = &report.text;
    assert!(text.contains("Problems found: 120"), "{text}");
    assert!(text.contains("Values Coproduce does not know"), "{text}");
    assert!(
        text.contains("Access needs: &#34;Sign lang.&#34; (rows with it: 40)"),
        "{text}"
    );
    assert_eq!(
        text.matches("does not know &#34;Sign lang.&#34;").count(),
        1 + 17,
        "once in the summary, and on each of its rows on the first page"
    );
    assert!(text.contains("Rows with problems, page 1 of 3"), "{text}");
    assert!(
        text.contains(
            "<option value=\"bsl-interpreter\">British Sign Language interpreter</option>"
        ),
        "each unknown value offers the entries of its column"
    );
    // Page 3 holds the last 20; a page that is not a number shows the first.
    let last = lead.get(&format!("{url}?page=3")).await.text;
    assert!(last.contains("Rows with problems, page 3 of 3"), "{last}");
    assert!(last.contains("Row 121, column"), "{last}");
    let odd_page = lead.get(&format!("{url}?page=abc")).await;
    assert_eq!(odd_page.status, StatusCode::OK);
    assert!(odd_page.text.contains("page 1 of 3"));
    // Two values given a meaning, one left for now: the third still stops the import.
    let form = |to: [&str; 3]| -> Vec<(String, String)> {
        let mut v = Vec::new();
        for (i, (value, to)) in ["Sign lang.", "Big writing", "Loop sys"]
            .iter()
            .zip(to)
            .enumerate()
        {
            v.push((format!("column-{i}"), "Access needs".to_string()));
            v.push((format!("value-{i}"), value.to_string()));
            v.push((format!("to-{i}"), to.to_string()));
        }
        v
    };
    let pairs = form(["bsl-interpreter", "large-print-24", ""]);
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let r = lead
        .post(&format!("/people/import/{id}/values"), &refs)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let report = lead.get(&url).await.text;
    assert!(report.contains("Problems found: 40"), "{report}");
    assert!(!report.contains("Import 120 people"));
    // Another lead cannot change this upload's values.
    let other = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_iv_other").await;
    assert_eq!(
        other
            .post(&format!("/people/import/{id}/values"), &refs)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let pairs = form(["", "", "ignore"]);
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    lead.post(&format!("/people/import/{id}/values"), &refs)
        .await;
    // The network to join is offered with the import button; one that is not the
    // organisation's, or not a number, imports no one.
    let network = store
        .create_network(
            &coproduce_store::networks::NetworkFields {
                organisation_id: org,
                name: "Carers' network".into(),
                kind: coproduce_domain::network::NetworkKind::ServiceUserCarer,
                description: None,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let elsewhere = organisation(&store, "Trust").await;
    let theirs = store
        .create_network(
            &coproduce_store::networks::NetworkFields {
                organisation_id: elsewhere,
                name: "Theirs".into(),
                kind: coproduce_domain::network::NetworkKind::ServiceUserCarer,
                description: None,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let report = lead.get(&url).await.text;
    assert!(report.contains("Import 120 people"), "{report}");
    assert!(
        report.contains("Add them to a network (optional)"),
        "{report}"
    );
    assert!(
        report.contains("Carers&#39; network") || report.contains("Carers&#x27; network"),
        "{report}"
    );
    for bad in [theirs.to_string(), "abc".to_string()] {
        let r = lead
            .post(&format!("/people/import/{id}/run"), &[("network_id", &bad)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(count(&store, org).await, 0, "{bad}");
    }
    let r = lead
        .post(
            &format!("/people/import/{id}/run"),
            &[("network_id", &network.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(count(&store, org).await, 120);
    let first = store
        .people(PageRequest::first(1), Within::Parent(org))
        .await
        .unwrap()
        .items[0]
        .id;
    let memberships = store.memberships_of(first).await.unwrap();
    assert_eq!(memberships.len(), 1);
    assert_eq!(memberships[0].network_id, network);
    assert_eq!(memberships[0].joined_on, store.today());
    let needs = store.needs_of(first).await.unwrap();
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].need, coproduce_domain::needs::Need::BslInterpreter);
}

site_tests!(
    a_spreadsheet_is_checked_then_imported_from_the_pages,
    unknown_values_are_listed_once_and_mapped_from_the_page
);
