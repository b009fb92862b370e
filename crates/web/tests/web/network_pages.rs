//! Networks and training from the pages: starting a network, adopting each version of
//! its code of conduct, adding members, recording induction, signatures, standing down,
//! reinstatement and leaving, finding members, and courses, sessions and completions.
//! Every bad input is shown back with its field named, and nothing is stored.

use crate::support::{Browser, Reply};
use crate::support::{Site, organisation, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;
use serde_json::json;

async fn person(store: &Site, org: i64, name: &str) -> i64 {
    crate::support::post(
        store,
        "/api/v1/people",
        json!({"organisation_id": org, "name": name, "roles": ["carer"]}),
    )
    .await
    .json()["id"]
        .as_i64()
        .unwrap()
}

/// The id at the end of a redirect's address, before any `#` or `?`.
fn id_in(r: &Reply) -> i64 {
    let l = r.location.clone().unwrap();
    let l = l.split(['#', '?']).next().unwrap();
    l.rsplit('/').next().unwrap().parse().unwrap()
}

fn refused(r: &Reply, messages: &[&str]) {
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    for m in messages {
        assert!(r.text.contains(m), "missing {m:?} in {}", r.text);
    }
    assert!(r.text.contains("nhsuk-error-summary"));
}

fn date<'a>(field: &str, d: &'a str, m: &'a str, y: &'a str) -> [(String, &'a str); 3] {
    [
        (format!("{field}-day"), d),
        (format!("{field}-month"), m),
        (format!("{field}-year"), y),
    ]
}

/// A form's pairs: plain pairs and dates.
fn form<'a>(
    plain: &[(&'a str, &'a str)],
    dates: &[[(String, &'a str); 3]],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = plain
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for d in dates {
        for (k, v) in d {
            out.push((k.clone(), v.to_string()));
        }
    }
    out
}

async fn send(b: &Browser, uri: &str, pairs: Vec<(String, String)>) -> Reply {
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    b.post(uri, &refs).await
}

async fn a_network_is_run_from_the_pages(store: Site) {
    let org = organisation(&store, "Trust").await;
    let other = organisation(&store, "Council").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_net_lead").await;
    let staff = Browser::as_role(&store, Role::Staff, Some(org), "cpt_net_staff").await;
    let amara = person(&store, org, "Amara Okafor").await;
    let bill = person(&store, org, "Bill Evans").await;

    // Starting a network: bad input first.
    let r = send(
        &lead,
        "/networks",
        form(&[("name", ""), ("kind", "castle")], &[]),
    )
    .await;
    refused(
        &r,
        &[
            "Network name must not be empty",
            "Choose the kind of network",
        ],
    );
    assert!(
        store
            .networks(
                coproduce_store::PageRequest::first(10),
                coproduce_store::Within::All
            )
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let long = "x".repeat(201);
    let r = send(
        &lead,
        "/networks",
        form(&[("name", &long), ("kind", "service-user-carer")], &[]),
    )
    .await;
    refused(&r, &["Network name must be 200 characters or fewer"]);
    assert!(r.text.contains(&long), "what was typed is kept");
    let r = send(
        &lead,
        "/networks",
        form(
            &[
                ("name", "Carers Network <script>"),
                ("kind", "service-user-carer"),
                ("description", "Meets monthly"),
            ],
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let network = id_in(&r);
    let page = lead.get(&format!("/networks/{network}")).await;
    assert!(
        page.text.contains("Carers Network &lt;script&gt;")
            || page.text.contains("Carers Network &#60;script&#62;")
    );
    assert!(!page.text.contains("<script>"));

    // Adopting a code of conduct.
    let docs = format!("/networks/{network}/documents");
    let r = send(
        &lead,
        &docs,
        form(
            &[("kind", "code-of-conduct")],
            &[date("adopted_on", "1", "1", "2099")],
        ),
    )
    .await;
    refused(
        &r,
        &[
            "Title must not be empty",
            "Version must not be empty",
            "Date adopted cannot be in the future",
            "The words of this version must not be empty",
        ],
    );
    let r = send(
        &lead,
        &docs,
        form(
            &[("kind", "charter")],
            &[date("adopted_on", "1", "1", "2025")],
        ),
    )
    .await;
    refused(&r, &["Choose the charter the network adopted"]);
    let r = send(
        &lead,
        &docs,
        form(
            &[
                ("kind", "code-of-conduct"),
                ("title", "Code of conduct"),
                ("version", "1"),
            ],
            &[date("adopted_on", "31", "2", "2025")],
        ),
    )
    .await;
    refused(&r, &["Date adopted must be a real date"]);
    assert!(store.documents(network).await.unwrap().is_empty());
    let code = form(
        &[
            ("kind", "code-of-conduct"),
            ("title", "Code of conduct"),
            ("version", "1"),
            (
                "body",
                "We listen.\n\nWe agree to:\n- be kind\n- be on time",
            ),
        ],
        &[date("adopted_on", "1", "1", "2025")],
    );
    assert_eq!(
        send(&lead, &docs, code.clone()).await.status,
        StatusCode::SEE_OTHER
    );
    refused(
        &send(&lead, &docs, code).await,
        &["This version is already adopted"],
    );

    // Adding members from their page in the register.
    let join = |who: i64| format!("/people/{who}/networks");
    let net = network.to_string();
    let r = send(
        &lead,
        &join(amara),
        form(
            &[("network_id", ""), ("role", "boss")],
            &[date("joined_on", "", "", "")],
        ),
    )
    .await;
    refused(
        &r,
        &[
            "Choose a network of their organisation",
            "Choose their role in the network",
            "Date they joined must not be empty",
        ],
    );
    let r = send(
        &lead,
        &join(amara),
        form(
            &[("network_id", &net), ("role", "chair")],
            &[date("joined_on", "1", "13", "2025")],
        ),
    )
    .await;
    refused(&r, &["Date they joined must be a real date"]);
    let theirs = store
        .create_network(
            &coproduce_store::networks::NetworkFields {
                organisation_id: other,
                name: "Council forum".into(),
                kind: coproduce_domain::network::NetworkKind::PatientsForum,
                description: None,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let r = send(
        &lead,
        &join(amara),
        form(
            &[("network_id", &theirs.to_string()), ("role", "member")],
            &[date("joined_on", "10", "1", "2025")],
        ),
    )
    .await;
    refused(&r, &["Choose a network of their organisation"]);
    assert!(store.memberships_of(amara).await.unwrap().is_empty());
    let r = send(
        &lead,
        &join(amara),
        form(
            &[("network_id", &net), ("role", "chair")],
            &[date("joined_on", "10", "1", "2025")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let amara_m = id_in(&r);
    let r = send(
        &lead,
        &join(amara),
        form(
            &[("network_id", &net), ("role", "member")],
            &[date("joined_on", "11", "1", "2025")],
        ),
    )
    .await;
    refused(&r, &["They are already a member of this network"]);
    let r = send(
        &lead,
        &join(bill),
        form(
            &[("network_id", &net), ("role", "member")],
            &[date("joined_on", "1", "3", "2025")],
        ),
    )
    .await;
    let bill_m = id_in(&r);

    // The network page: the chair, and who still has to sign.
    let page = lead.get(&format!("/networks/{network}")).await;
    assert!(
        page.text.contains("Amara Okafor</a> (Chair)"),
        "{}",
        page.text
    );
    assert!(page.text.contains("2 members have not signed"));
    assert!(page.text.contains("Needs to sign the code of conduct"));
    assert!(page.text.contains("Not inducted"));

    // Induction, then signing.
    let m = |id: i64, what: &str| format!("/memberships/{id}/{what}");
    let r = send(
        &lead,
        &m(amara_m, "induction"),
        form(&[("inducted_by", "")], &[date("on", "1", "1", "2099")]),
    )
    .await;
    refused(
        &r,
        &[
            "Who inducted them must not be empty",
            "Date of the induction cannot be in the future",
        ],
    );
    let r = send(
        &lead,
        &m(amara_m, "induction"),
        form(
            &[("inducted_by", "Grace Mensah")],
            &[date("on", "20", "1", "2025")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let v1 = store.documents(network).await.unwrap()[0].id.to_string();
    let r = send(
        &lead,
        &m(amara_m, "sign"),
        form(&[("document_id", &v1)], &[date("on", "31", "12", "2024")]),
    )
    .await;
    refused(
        &r,
        &["Date signed cannot be before this version was adopted on 1 January 2025"],
    );
    let r = send(
        &lead,
        &m(amara_m, "sign"),
        form(
            &[("document_id", "999999")],
            &[date("on", "2", "1", "2025")],
        ),
    )
    .await;
    refused(&r, &["Choose what they signed"]);
    let r = send(
        &lead,
        &m(amara_m, "sign"),
        form(&[("document_id", &v1)], &[date("on", "20", "1", "2025")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = send(
        &lead,
        &m(amara_m, "sign"),
        form(&[("document_id", &v1)], &[date("on", "21", "1", "2025")]),
    )
    .await;
    refused(&r, &["This is already recorded"]);
    let page = lead.get(&format!("/networks/{network}")).await;
    assert!(
        page.text.contains("1 member has not signed"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Signed up"));

    // A new version: everyone must sign again.
    let r = send(
        &lead,
        &docs,
        form(
            &[
                ("kind", "code-of-conduct"),
                ("title", "Code of conduct"),
                ("version", "2"),
                ("body", "We listen, online too."),
            ],
            &[date("adopted_on", "1", "1", "2026")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = lead.get(&format!("/networks/{network}")).await;
    assert!(page.text.contains("2 members have not signed"));
    assert!(page.text.contains("Replaced by a newer version"));
    let membership = lead.get(&format!("/memberships/{amara_m}")).await;
    assert!(
        membership
            .text
            .contains("Needs to sign the code of conduct")
    );
    assert!(membership.text.contains("20 January 2025, by Grace Mensah"));

    // Standing down and reinstatement.
    let r = send(
        &lead,
        &m(bill_m, "stand-down"),
        form(
            &[("reason", "")],
            &[
                date("on", "1", "2", "2025"),
                date("review_on", "1", "1", "2025"),
            ],
        ),
    )
    .await;
    refused(
        &r,
        &[
            "Why they stood down must not be empty",
            "Date they stood down cannot be before they joined",
        ],
    );
    let r = send(
        &lead,
        &m(bill_m, "stand-down"),
        form(
            &[("reason", "Asked for a break")],
            &[
                date("on", "1", "6", "2025"),
                date("review_on", "1", "5", "2025"),
            ],
        ),
    )
    .await;
    refused(
        &r,
        &["Date to review it must be after the day they stood down"],
    );
    assert!(store.stand_downs_of(bill_m).await.unwrap().is_empty());
    let r = send(
        &lead,
        &m(bill_m, "stand-down"),
        form(
            &[("reason", "Asked for a break")],
            &[
                date("on", "1", "6", "2025"),
                date("review_on", "1", "12", "2025"),
            ],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = lead.get(&format!("/networks/{network}")).await;
    assert!(page.text.contains("Stood down, review on 1 December 2025"));
    // The stand-down is in the audit trail against the member, without its reason.
    let trail = store
        .audit_entries(
            coproduce_store::audit::AuditFilter {
                record: Some(("membership".into(), bill_m)),
                ..Default::default()
            },
            coproduce_store::PageRequest::first(20),
        )
        .await
        .unwrap()
        .items;
    assert!(
        trail
            .iter()
            .any(|e| e.action == "membership.change" && e.detail == "stand-down"),
        "{trail:?}"
    );
    assert!(trail.iter().all(|e| !e.detail.contains("break")));
    assert_eq!(
        lead.get(&m(bill_m, "stand-down")).await.status,
        StatusCode::NOT_FOUND,
        "someone stood down cannot be stood down again"
    );
    let r = send(
        &lead,
        &m(bill_m, "reinstate"),
        form(&[], &[date("on", "1", "5", "2025")]),
    )
    .await;
    refused(
        &r,
        &["Date they came back must be after the day they stood down"],
    );
    let r = send(
        &lead,
        &m(bill_m, "reinstate"),
        form(&[], &[date("on", "1", "12", "2025")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        lead.get(&format!("/memberships/{bill_m}"))
            .await
            .text
            .contains("Reinstated on 1 December 2025")
    );

    // Finding members in the register.
    let found = staff.get(&format!("/people?network={network}")).await;
    assert!(found.text.contains("Amara Okafor") && found.text.contains("Bill Evans"));
    let bad = staff.get("/people?network=abc").await;
    assert!(bad.text.contains("Choose from the list"), "{}", bad.text);

    // A change of role, then leaving.
    let r = send(&lead, &m(bill_m, "role"), form(&[("role", "king")], &[])).await;
    refused(&r, &["Choose their role in the network"]);
    let r = send(
        &lead,
        &m(bill_m, "role"),
        form(&[("role", "vice-chair")], &[]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = send(
        &lead,
        &m(bill_m, "leave"),
        form(&[], &[date("on", "1", "1", "2024")]),
    )
    .await;
    refused(&r, &["Date they left cannot be before they joined"]);
    let r = send(
        &lead,
        &m(bill_m, "leave"),
        form(&[], &[date("on", "2", "1", "2026")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let found = staff.get(&format!("/people?network={network}")).await;
    assert!(!found.text.contains("Bill Evans"));
    assert!(
        lead.get(&format!("/people/{bill}"))
            .await
            .text
            .contains("Left on 2 January 2026")
    );
    assert_eq!(
        lead.get(&m(bill_m, "leave")).await.status,
        StatusCode::NOT_FOUND
    );

    // The same network through the API.
    let api = crate::support::get(&store, &format!("/api/v1/networks/{network}")).await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.text);
    let json = api.json();
    assert_eq!(json["members"], 1);
    assert_eq!(json["documents"][0]["version"], "2");
    assert_eq!(json["documents"][0]["current"], true);
    assert_eq!(json["documents"][0]["unsigned"], 1);
    assert_eq!(json["documents"][1]["current"], false);
    let members = crate::support::get(&store, &format!("/api/v1/networks/{network}/members")).await;
    let members = members.json();
    assert_eq!(members["items"][0]["name"], "Amara Okafor");
    assert_eq!(members["items"][0]["role"], "chair");
    assert_eq!(members["items"][0]["inducted_by"], "Grace Mensah");
    assert_eq!(members["items"][0]["needs_to_sign"][0], "code-of-conduct");
    let bad = crate::support::get(
        &store,
        &format!("/api/v1/networks/{network}/members?limit=0"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.fields(), ["limit"]);
    assert_eq!(
        crate::support::get(&store, "/api/v1/networks/abc")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let listed =
        crate::support::get(&store, &format!("/api/v1/people?network={network}&limit=1")).await;
    assert_eq!(listed.json()["items"][0]["name"], "Amara Okafor");
    let bad = crate::support::get(&store, "/api/v1/people?network=first").await;
    assert_eq!(bad.fields(), ["network"]);

    // Addresses that are not a membership or not an action are not found.
    for path in [
        format!("/memberships/{amara_m}/explode"),
        "/memberships/abc".to_string(),
        "/memberships/0/role".to_string(),
        "/networks/-1".to_string(),
    ] {
        assert_eq!(
            lead.get(&path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let r = send(&lead, &m(amara_m, "explode"), form(&[], &[])).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // Staff read, but are offered no forms.
    let page = staff.get(&format!("/memberships/{amara_m}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.text.contains("Record their induction"));
    // Why someone stood down is for those who manage the register only.
    assert!(
        lead.get(&format!("/memberships/{bill_m}"))
            .await
            .text
            .contains("Asked for a break")
    );
    let theirs = staff.get(&format!("/memberships/{bill_m}")).await;
    assert!(theirs.text.contains("Reinstated on 1 December 2025"));
    assert!(!theirs.text.contains("Asked for a break"));
    assert!(
        !staff
            .get(&format!("/networks/{network}"))
            .await
            .text
            .contains("Adopt a new version")
    );

    // Changing the network keeps its organisation.
    let r = send(
        &lead,
        &format!("/networks/{network}"),
        form(&[("name", ""), ("kind", "coproduction")], &[]),
    )
    .await;
    refused(&r, &["Network name must not be empty"]);
    let r = send(
        &lead,
        &format!("/networks/{network}"),
        form(
            &[("name", "Co-production Network"), ("kind", "coproduction")],
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let n = store.network(network).await.unwrap();
    assert_eq!(
        (n.name.as_str(), n.organisation_id),
        ("Co-production Network", org)
    );
}

async fn training_is_recorded_from_the_pages(store: Site) {
    let org = organisation(&store, "Trust").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_tr_lead").await;
    let amara = person(&store, org, "Amara Okafor").await;

    let r = send(
        &lead,
        "/training",
        form(
            &[
                ("title", ""),
                ("audience", "cats"),
                ("valid_months", "two years"),
            ],
            &[],
        ),
    )
    .await;
    refused(
        &r,
        &[
            "Course title must not be empty",
            "Choose who the course is for",
            "How many months it lasts must be a whole number from 1 to 120",
        ],
    );
    assert!(r.text.contains("value=\"two years\""));
    let r = send(
        &lead,
        "/training",
        form(
            &[
                ("title", "Co-production for staff"),
                ("audience", "staff"),
                ("valid_months", "0"),
            ],
            &[],
        ),
    )
    .await;
    refused(&r, &["How many months it lasts must be between 1 and 120"]);
    let r = send(
        &lead,
        "/training",
        form(
            &[
                ("title", "Co-production for staff"),
                ("audience", "staff"),
                ("valid_months", "24"),
            ],
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let course = id_in(&r);
    let r = send(
        &lead,
        "/training",
        form(
            &[
                ("title", "Welcome"),
                ("audience", "participants"),
                ("valid_months", ""),
            ],
            &[],
        ),
    )
    .await;
    let welcome = id_in(&r);

    let sessions = format!("/training/{course}/sessions");
    let r = send(
        &lead,
        &sessions,
        form(&[("place", "")], &[date("held_on", "30", "2", "2024")]),
    )
    .await;
    refused(&r, &["Date must be a real date", "Where must not be empty"]);
    let r = send(
        &lead,
        &sessions,
        form(
            &[("place", "Town Hall"), ("trainer", "Grace Mensah")],
            &[date("held_on", "14", "3", "2024")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let session = store.sessions_of(course).await.unwrap()[0].id.to_string();
    let other_session = send(
        &lead,
        &format!("/training/{welcome}/sessions"),
        form(&[("place", "Online")], &[date("held_on", "1", "4", "2024")]),
    )
    .await;
    assert_eq!(other_session.status, StatusCode::SEE_OTHER);
    let other_session = store.sessions_of(welcome).await.unwrap()[0].id.to_string();

    let record = format!("/people/{amara}/training");
    let c = course.to_string();
    let r = send(
        &lead,
        &record,
        form(
            &[("course_id", ""), ("session_id", "")],
            &[date("completed_on", "", "", "")],
        ),
    )
    .await;
    refused(
        &r,
        &[
            "Choose a course of their organisation",
            "Date completed must not be empty",
        ],
    );
    let r = send(
        &lead,
        &record,
        form(
            &[("course_id", &c), ("session_id", &other_session)],
            &[date("completed_on", "", "", "")],
        ),
    )
    .await;
    refused(&r, &["That session is of another course"]);
    let r = send(
        &lead,
        &record,
        form(
            &[("course_id", &c), ("session_id", "")],
            &[date("completed_on", "1", "1", "2099")],
        ),
    )
    .await;
    refused(&r, &["Date completed cannot be in the future"]);
    assert!(store.completions_of(amara).await.unwrap().is_empty());
    // The session's date is used when none is typed.
    let r = send(
        &lead,
        &record,
        form(
            &[("course_id", &c), ("session_id", &session)],
            &[date("completed_on", "", "", "")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let done = store.completions_of(amara).await.unwrap();
    assert_eq!(done[0].completed_on.to_string(), "2024-03-14");
    assert_eq!(
        done[0].expires_on.map(|d| d.to_string()).as_deref(),
        Some("2026-03-14")
    );
    let r = send(
        &lead,
        &record,
        form(
            &[("course_id", &c), ("session_id", &session)],
            &[date("completed_on", "", "", "")],
        ),
    )
    .await;
    refused(&r, &["This completion is already recorded"]);

    let page = lead.get(&format!("/people/{amara}")).await;
    assert!(
        page.text.contains("Expired on 14 March 2026"),
        "{}",
        page.text
    );
    let page = lead.get(&format!("/training/{course}?expired=yes")).await;
    assert!(page.text.contains("Amara Okafor"));
    assert!(page.text.contains("Town Hall"));
    let list = lead.get("/training").await;
    assert!(list.text.contains("24 months") && list.text.contains("Does not run out"));
    assert!(
        list.text
            .contains(&format!("/training/{course}?expired=yes"))
    );
    let api = crate::support::get(
        &store,
        &format!("/api/v1/courses/{course}/completions?expired=true"),
    )
    .await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.text);
    assert_eq!(api.json()["items"][0]["name"], "Amara Okafor");
    assert_eq!(api.json()["items"][0]["expires_on"], "2026-03-14");
    let bad = crate::support::get(
        &store,
        &format!("/api/v1/courses/{course}/completions?expired=maybe"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.fields(), ["expired"]);
    let courses = crate::support::get(&store, "/api/v1/courses").await.json();
    assert_eq!(courses["items"][0]["valid_months"], 24);
    assert_eq!(courses["items"][0]["expired"], 1);
    assert!(courses["items"][1]["valid_months"].is_null());
    let page = lead.get(&format!("/training/{welcome}?expired=yes")).await;
    assert!(
        page.text.contains("No one&#39;s training has run out")
            || page.text.contains("No one's training has run out")
    );

    // A course renamed and its length changed: every completion's expiry follows.
    let edit = lead.get(&format!("/training/{course}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.text.contains("value=\"Co-production for staff\""));
    assert!(edit.text.contains("value=\"24\""));
    let change = format!("/training/{course}");
    let r = send(
        &lead,
        &change,
        form(
            &[
                ("title", ""),
                ("audience", "staff"),
                ("valid_months", "two years"),
            ],
            &[],
        ),
    )
    .await;
    refused(
        &r,
        &[
            "Course title must not be empty",
            "How many months it lasts must be a whole number from 1 to 120",
        ],
    );
    assert!(r.text.contains("value=\"two years\""));
    let r = send(
        &lead,
        &change,
        form(
            &[
                ("title", "Co-production for everyone"),
                ("audience", "staff"),
                ("valid_months", "36"),
            ],
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let done = store.completions_of(amara).await.unwrap();
    assert_eq!(
        done[0].expires_on.map(|d| d.to_string()).as_deref(),
        Some("2027-03-14")
    );
    let page = lead.get(&change).await.text;
    assert!(page.contains("Co-production for everyone"), "{page}");
    assert!(page.contains("Current until 14 March 2027"), "{page}");
    let r = send(
        &lead,
        &change,
        form(
            &[
                ("title", "Co-production for everyone"),
                ("audience", "staff"),
                ("valid_months", ""),
            ],
            &[],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        store.completions_of(amara).await.unwrap()[0].expires_on,
        None
    );
    let trail = store
        .audit_entries(
            coproduce_store::audit::AuditFilter {
                record: Some(("course".into(), course)),
                ..Default::default()
            },
            coproduce_store::PageRequest::first(5),
        )
        .await
        .unwrap()
        .items;
    let details: Vec<&str> = trail.iter().map(|e| e.detail.as_str()).collect();
    assert_eq!(
        details,
        [
            "length 36 months to no end",
            "length 24 months to 36 months"
        ]
    );
    // A session and a completion removed, each after a page that asks first.
    let ask = lead.get(&format!("/sessions/{session}/remove")).await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(
        ask.text.contains("Remove the session on 14 March 2024?"),
        "{}",
        ask.text
    );
    let r = send(&lead, &format!("/sessions/{session}/remove"), vec![]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(r.location.as_deref(), Some(change.as_str()));
    assert!(store.sessions_of(course).await.unwrap().is_empty());
    let kept = store.completions_of(amara).await.unwrap();
    assert_eq!(kept.len(), 1, "the completion stays");
    assert_eq!(kept[0].session_id, None);
    let r = send(&lead, &format!("/sessions/{session}/remove"), vec![]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "gone already");
    let completion = kept[0].id;
    let ask = lead.get(&format!("/completions/{completion}/remove")).await;
    assert!(
        ask.text
            .contains("Remove Amara Okafor&#39;s completion of Co-production for everyone?"),
        "{}",
        ask.text
    );
    let r = send(&lead, &format!("/completions/{completion}/remove"), vec![]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/people/{amara}#training").as_str())
    );
    assert!(store.completions_of(amara).await.unwrap().is_empty());
    let about_amara: Vec<String> = store
        .audit_entries(
            coproduce_store::audit::AuditFilter {
                person_id: Some(amara),
                ..Default::default()
            },
            coproduce_store::PageRequest::first(5),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(about_amara[0], "completion.remove");
    let removed_session = store
        .audit_entries(
            coproduce_store::audit::AuditFilter {
                record: Some(("training-session".into(), session.parse().unwrap())),
                ..Default::default()
            },
            coproduce_store::PageRequest::first(5),
        )
        .await
        .unwrap()
        .items;
    assert_eq!(removed_session[0].action, "session.remove");
}

/// Members are added from the network's own page: a search of the register by name,
/// several people ticked at once, current members shown but not offered, and every
/// mistake named with the search and the ticks kept.
async fn members_are_added_from_the_networks_page(store: Site) {
    let org = organisation(&store, "Trust").await;
    let other_org = organisation(&store, "Elsewhere").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_add_lead").await;
    let r = lead
        .post(
            "/networks",
            &[("name", "Carers network"), ("kind", "coproduction")],
        )
        .await;
    let network = id_in(&r);
    let ann = person(&store, org, "Ann O'Neill").await;
    let anna = person(&store, org, "Anna Nowak").await;
    let andy = person(&store, org, "Andy Price").await;
    let stranger = person(&store, other_org, "Ana Lopez").await;
    let bob = person(&store, org, "Bob Smith").await;
    let page = lead.get(&format!("/networks/{network}")).await.text;
    assert!(page.contains(&format!("href=\"/networks/{network}/members/new\"")));
    let add = format!("/networks/{network}/members");
    let search = lead.get(&format!("{add}/new?name=an")).await.text;
    for who in [ann, anna, andy] {
        assert!(
            search.contains(&format!("value=\"{who}\"")),
            "{who} offered"
        );
    }
    assert!(
        !search.contains(&format!("value=\"{bob}\"")),
        "Bob does not match"
    );
    assert!(
        !search.contains("Ana Lopez"),
        "another organisation's people are not found"
    );
    let today = store.today();
    let (d, m, y) = (
        today.format("%-d").to_string(),
        today.format("%-m").to_string(),
        today.format("%Y").to_string(),
    );
    // Nobody ticked, and a day in the future: both named, the search kept.
    let r = lead
        .post(
            &add,
            &[
                ("name", "an"),
                ("role", "member"),
                ("joined_on-day", "1"),
                ("joined_on-month", "1"),
                ("joined_on-year", "2099"),
            ],
        )
        .await;
    refused(
        &r,
        &[
            "Tick at least one person to add",
            "Date they joined cannot be in the future",
        ],
    );
    assert!(
        r.text.contains(&format!("value=\"{ann}\"")),
        "the results are shown again"
    );
    // Someone of another organisation, sent by hand: refused, nobody added.
    let (ann_s, andy_s, stranger_s) = (ann.to_string(), andy.to_string(), stranger.to_string());
    let r = lead
        .post(
            &add,
            &[
                ("name", "an"),
                ("person_id", &ann_s),
                ("person_id", &stranger_s),
                ("role", "member"),
                ("joined_on-day", &d),
                ("joined_on-month", &m),
                ("joined_on-year", &y),
            ],
        )
        .await;
    refused(&r, &[&format!("There is no person with id {stranger}")]);
    assert!(
        r.text.contains(&format!("value=\"{ann}\" checked")),
        "the ticks are kept"
    );
    assert!(store.memberships_of(ann).await.unwrap().is_empty());
    // Two at once.
    let r = lead
        .post(
            &add,
            &[
                ("name", "an"),
                ("person_id", &ann_s),
                ("person_id", &andy_s),
                ("role", "co-chair"),
                ("joined_on-day", &d),
                ("joined_on-month", &m),
                ("joined_on-year", &y),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    for who in [ann, andy] {
        let m = store.memberships_of(who).await.unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].joined_on, today);
        assert_eq!(m[0].role, coproduce_domain::network::MemberRole::CoChair);
    }
    // Now they are shown as members, not offered again; adding one twice is refused.
    let search = lead.get(&format!("{add}/new?name=an")).await.text;
    assert!(search.contains("Already members") && search.contains("Ann O&#39;Neill"));
    assert!(!search.contains(&format!("value=\"{ann}\"")));
    assert!(search.contains(&format!("value=\"{anna}\"")));
    let r = lead
        .post(
            &add,
            &[
                ("person_id", &ann_s),
                ("role", "member"),
                ("joined_on-day", &d),
                ("joined_on-month", &m),
                ("joined_on-year", &y),
            ],
        )
        .await;
    refused(&r, &["is already a member"]);
    assert_eq!(store.memberships_of(ann).await.unwrap().len(), 1);
    // Staff who may only read the register cannot add.
    let staff = Browser::as_role(&store, Role::Staff, Some(org), "cpt_add_staff").await;
    assert_eq!(
        staff.get(&format!("{add}/new")).await.status,
        StatusCode::FORBIDDEN
    );
}

site_tests!(
    a_network_is_run_from_the_pages,
    training_is_recorded_from_the_pages,
    members_are_added_from_the_networks_page,
);
