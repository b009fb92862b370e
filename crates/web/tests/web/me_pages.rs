//! A person's own record, equality monitoring, downloading one's data, erasure and
//! the review of people who no longer take part.

use crate::support::Browser;
use crate::support::{Site, organisation, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;
use coproduce_domain::person::PersonDraft;

pub(crate) async fn person(store: &Site, org: i64, name: &str) -> i64 {
    store
        .create_person(
            &PersonDraft {
                organisation_id: org,
                name: name.into(),
                email: Some(format!(
                    "{}@example.org",
                    name.to_lowercase().replace(' ', ".")
                )),
                roles: vec!["resident".into()],
                ..PersonDraft::default()
            }
            .check(store.today())
            .unwrap(),
            store.now(),
        )
        .await
        .unwrap()
        .id
}

/// A participant signed in, their account linked to `person`.
pub(crate) async fn participant(store: &Site, org: i64, person: i64, token: &str) -> Browser {
    let b = Browser::as_role(store, Role::Participant, Some(org), token).await;
    let account = store
        .account_by_email(&format!(
            "{}@test.example",
            token.trim_start_matches("cpt_").replace('_', ".")
        ))
        .await
        .unwrap()
        .unwrap();
    store
        .link_account_to_person(account.id, Some(person))
        .await
        .unwrap();
    b
}

async fn a_person_sees_their_record_and_answers_equality_questions(store: Site) {
    let org = organisation(&store, "Trust").await;
    let irena = person(&store, org, "Irena Nowak").await;
    let me = participant(&store, org, irena, "cpt_me_irena").await;
    let page = me.get("/me").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Irena Nowak") && page.text.contains("irena.nowak@example.org"));
    assert!(page.text.contains("You have not answered these questions"));

    // A bad answer is named and kept; nothing is stored.
    let r = me
        .post(
            "/me/equality",
            &[
                ("ethnic_group", "martian"),
                ("postcode_district", "nowhere"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("Choose one of the answers, or skip the question")
    );
    assert!(r.text.contains("is not a postcode district"));
    assert!(r.text.contains("value=\"nowhere\""));
    assert_eq!(store.equality_of(irena).await.unwrap(), None);

    let r = me
        .post(
            "/me/equality",
            &[
                ("ethnic_group", "white-other"),
                ("sex", "prefer-not-to-say"),
                ("postcode_district", "le1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = me.get("/me").await;
    assert!(page.text.contains("Any other White background"));
    assert!(page.text.contains("LE1"));
    // Their answers are theirs: no one else's record shows them.
    let other = person(&store, org, "Bill Hughes").await;
    let bill = participant(&store, org, other, "cpt_me_bill").await;
    assert!(
        !bill
            .get("/me")
            .await
            .text
            .contains("Any other White background")
    );
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_me_lead").await;
    let staff_view = lead.get(&format!("/people/{irena}")).await.text;
    assert!(!staff_view.contains("Any other White background") && !staff_view.contains("LE1"));

    // The form shows the answers given, to change them.
    let form = me.get("/me/equality").await;
    assert!(form.text.contains("What is your ethnic group?"));
    assert!(form.text.contains("value=\"white-other\" checked"));

    // Their groups and training are on their page and in the download.
    let network = store
        .create_network(
            &coproduce_store::networks::NetworkFields {
                organisation_id: org,
                name: "Carers Network".into(),
                kind: coproduce_domain::network::NetworkKind::ServiceUserCarer,
                description: None,
            },
            store.now(),
        )
        .await
        .unwrap();
    let day = |s: &str| coproduce_domain::time::parse_date(s).unwrap();
    let membership = store
        .add_member(
            network.id,
            irena,
            coproduce_domain::network::MemberRole::ViceChair,
            day("2025-02-01"),
            store.now(),
        )
        .await
        .unwrap();
    store
        .stand_down(
            membership.id,
            &coproduce_domain::network::StandDown {
                on: day("2025-06-01"),
                reason: "Moving house".into(),
                review_on: None,
            },
            None,
            store.now(),
        )
        .await
        .unwrap();
    let course = store
        .create_course(
            &coproduce_store::training::CourseFields {
                organisation_id: org,
                title: "Safeguarding basics".into(),
                audience: coproduce_domain::network::Audience::Everyone,
                valid_months: Some(12),
                description: None,
            },
            store.now(),
        )
        .await
        .unwrap();
    store
        .record_completion(
            &coproduce_store::training::CompletionFields {
                course_id: course.id,
                session_id: None,
                person_id: irena,
                completed_on: day("2024-01-10"),
            },
            None,
            store.now(),
        )
        .await
        .unwrap();
    let page = me.get("/me").await;
    assert!(page.text.contains("Carers Network") && page.text.contains("Vice-chair"));
    assert!(page.text.contains("You stood down on 1 June 2025"));
    assert!(
        page.text.contains("Safeguarding basics")
            && page.text.contains("It ran out on 10 January 2025")
    );

    // The download holds everything, as JSON.
    let data = me.get("/me/data.json").await;
    assert_eq!(data.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&data.text).unwrap();
    assert_eq!(json["person"]["name"], "Irena Nowak");
    assert_eq!(json["equality_answers"]["ethnic_group"], "white-other");
    assert_eq!(json["consents"][0]["purpose"], "equality");
    assert_eq!(json["networks"][0]["network"], "Carers Network");
    assert_eq!(json["networks"][0]["role"], "vice-chair");
    assert_eq!(
        json["networks"][0]["stood_down"][0]["reason"],
        "Moving house"
    );
    assert_eq!(json["training"][0]["course"], "Safeguarding basics");
    assert_eq!(json["training"][0]["expires_on"], "2025-01-10");

    // Taking back consent to keep the answers deletes them at once.
    let consent = store.consents_of(irena).await.unwrap()[0].id;
    // Not someone else's.
    let r = bill
        .post(&format!("/me/consents/{consent}/withdraw"), &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(store.equality_of(irena).await.unwrap().is_some());
    let r = me
        .post(&format!("/me/consents/{consent}/withdraw"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(store.equality_of(irena).await.unwrap(), None);

    // An account with no record says so.
    let lonely = Browser::as_role(&store, Role::Participant, Some(org), "cpt_me_none").await;
    let r = lonely.get("/me").await;
    assert!(r.text.contains("not linked to a record"));
}

async fn equality_totals_are_suppressed(store: Site) {
    let org = organisation(&store, "Trust").await;
    let board = Browser::as_role(&store, Role::BoardViewer, Some(org), "cpt_eq_board").await;
    let today = store.today();
    use coproduce_domain::equality::{Answers, Sex};
    for i in 0..12 {
        let p = person(&store, org, &format!("Person {i}")).await;
        let sex = if i < 9 { Sex::Female } else { Sex::Male };
        store
            .save_equality(
                p,
                &Answers {
                    sex: Some(sex),
                    ..Answers::default()
                },
                today,
                None,
                store.now(),
            )
            .await
            .unwrap();
        if i == 8 {
            // With 9 answers, nothing but the number is shown.
            let page = board.get(&format!("/organisations/{org}/equality")).await;
            assert!(
                page.text
                    .contains("Totals are shown once 10 people have answered")
            );
        }
    }
    let page = board.get(&format!("/organisations/{org}/equality")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text
            .contains("People who answered at least one question: 12")
    );
    assert!(
        !page.text.contains(">9<") && !page.text.contains(">3<"),
        "3 is small, so 9 would give it away"
    );
    let api = crate::support::get(&store, &format!("/api/v1/organisations/{org}/equality")).await;
    let sex = api.json()["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question"] == "sex")
        .unwrap()
        .clone();
    assert_eq!(sex["answers"][0]["suppressed"], true);
    assert_eq!(sex["answers"][1]["count"], serde_json::Value::Null);
    // Staff who run projects do not see the totals; nor does the public.
    let staff = Browser::as_role(&store, Role::Staff, Some(org), "cpt_eq_staff").await;
    assert_eq!(
        staff
            .get(&format!("/organisations/{org}/equality"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

async fn erasure_keeps_counts_and_removes_the_person(store: Site) {
    let org = organisation(&store, "Trust").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_er_lead").await;
    let id = person(&store, org, "Dafydd Morgan").await;
    store
        .save_equality(
            id,
            &coproduce_domain::equality::Answers {
                postcode_district: Some("CF10".into()),
                ..Default::default()
            },
            store.today(),
            None,
            store.now(),
        )
        .await
        .unwrap();
    let confirm = lead.get(&format!("/people/{id}/erase")).await;
    assert!(confirm.text.contains("This cannot be undone"));
    let r = lead.post(&format!("/people/{id}/erase"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let p = store.person(id).await.unwrap();
    assert_eq!(p.profile.name, "Erased person");
    assert!(p.profile.email.is_none() && p.erased_at.is_some());
    assert_eq!(store.equality_of(id).await.unwrap(), None);
    assert!(store.consents_of(id).await.unwrap().is_empty());
    assert_eq!(
        lead.get(&format!("/people/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    // Erasing twice finds nothing to erase.
    let r = lead.post(&format!("/people/{id}/erase"), &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

async fn people_who_no_longer_take_part_are_listed_for_review(store: Site) {
    let org = organisation(&store, "Trust").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_in_lead").await;
    person(&store, org, "New Person").await;
    // Added today: not inactive for a year.
    let page = lead.get("/people/inactive?years=1").await;
    assert!(
        page.text.contains("No one has gone 1 years or more"),
        "{}",
        page.text
    );
    for bad in ["0", "x", "99"] {
        let page = lead.get(&format!("/people/inactive?years={bad}")).await;
        assert!(
            page.text
                .contains("Enter a whole number of years from 1 to 20"),
            "{bad}"
        );
    }
    // Everyone was added before a time in the future.
    let all = store
        .inactive_people(
            Some(org),
            store.now() + chrono::Duration::days(1),
            coproduce_store::PageRequest::first(10),
        )
        .await
        .unwrap();
    assert_eq!(all.items.len(), 1);
}

/// A person sees on their record who looked at their needs and who changed their
/// record, in their language.
async fn a_person_sees_who_looked_at_their_record(store: Site) {
    let org = organisation(&store, "Trust").await;
    let ann = person(&store, org, "Ann Jones").await;
    let me = participant(&store, org, ann, "cpt_ann_jones").await;
    let r = me.get("/me").await;
    assert!(
        r.text
            .contains("Nobody has looked at or changed your record yet.")
    );
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_lead").await;
    let r = lead
        .post(
            &format!("/people/{ann}/needs"),
            &[
                ("need", "braille-grade-2"),
                ("language", ""),
                ("detail", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    // The lead opens Ann's page, which shows her needs.
    assert_eq!(
        lead.get(&format!("/people/{ann}")).await.status,
        StatusCode::OK
    );
    let r = me.get("/me").await;
    assert!(r.text.contains("Who has looked at or changed your record"));
    assert!(r.text.contains("Added one of your needs"), "{}", r.text);
    assert!(r.text.contains("Looked at your needs"));
    assert!(r.text.contains("(Involvement lead)"), "{}", r.text);
    // The same in Polish.
    let r = me.get_with_cookie("/me", "coproduce_language=pl").await;
    assert!(
        r.text.contains("Kto oglądał lub zmieniał Twój rekord"),
        "{}",
        r.text
    );
    assert!(r.text.contains("Oglądał(a) Twoje potrzeby"));
    // Downloading her data is on the record too, as done by her.
    assert_eq!(me.get("/me/data.json").await.status, StatusCode::OK);
    let r = me.get("/me").await;
    assert!(r.text.contains("Downloaded your data"));
    assert!(r.text.contains("You,"));
}

/// A person's page is a summary with its forms on pages of their own, and it tells
/// the history of their involvement: the activities they were invited to and came
/// to, and what they said with what was done. The person sees the same on `/me`.
async fn a_persons_history_is_on_their_page_and_their_own_record(store: Site) {
    let (org, _, activity) =
        crate::support::seed_in(&store, organisation(&store, "Trust").await).await;
    let amara = person(&store, org, "Amara Okafor").await;
    let bill = person(&store, org, "Bill Hughes").await;
    let stranger = person(&store, org, "Chen Wei").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_hist_lead").await;
    let roster = format!("/activities/{activity}/attendance");
    for (who, status) in [(amara, "attended"), (bill, "invited")] {
        let r = lead
            .post(
                &roster,
                &[("person_id", &who.to_string()), ("status", status)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    }
    // Someone not on the roster cannot be named; what was typed is kept.
    let inputs = format!("/activities/{activity}/inputs");
    let r = lead
        .post(
            &inputs,
            &[
                ("said", "Letters are too small"),
                ("said_by", &stranger.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("is not on this activity&#39;s list of people"),
        "{}",
        r.text
    );
    assert!(r.text.contains("Letters are too small"));
    let r = lead
        .post(
            &inputs,
            &[
                ("said", "Letters are too small"),
                ("said_by", &amara.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let input = store
        .inputs(
            coproduce_store::PageRequest::first(10),
            &coproduce_store::inputs::InputFilter {
                activity_id: Some(activity),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .items;
    assert_eq!(input[0].said_by, vec![amara]);
    let owner = input[0]
        .owner_account_id
        .expect("whoever records it owns it");
    // The API says who said it, keeps it on a change, and refuses a stranger.
    let api = crate::support::get(&store, &format!("/api/v1/inputs/{}", input[0].id)).await;
    assert_eq!(api.json()["said_by"], serde_json::json!([amara]));
    let today = store.today().to_string();
    let r = crate::support::put(
        &store,
        &format!("/api/v1/inputs/{}", input[0].id),
        serde_json::json!({"activity_id": activity, "said": "Letters are too small", "received_on": today,
            "said_by": [amara]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = lead
        .post(
            &format!("/inputs/{}/respond", input[0].id),
            &[
                ("status", "done"),
                ("response", "Letters now use 16 point type"),
                ("owner_account_id", &owner.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let r = crate::support::post(
        &store,
        "/api/v1/inputs",
        serde_json::json!({"activity_id": activity, "said": "x", "received_on": today, "said_by": [stranger, stranger]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["said_by"]);

    // The person's page: a summary with change links, no forms, and the history.
    let page = lead.get(&format!("/people/{amara}")).await.text;
    assert!(page.contains(&format!("href=\"/people/{amara}/edit#email\"")));
    assert!(page.contains(&format!("href=\"/people/{amara}/needs/new\"")));
    assert!(!page.contains(&format!("action=\"/people/{amara}/needs\"")));
    assert!(!page.contains(&format!("action=\"/people/{amara}/consents\"")));
    assert!(page.contains("Workshop") && page.contains("Came"));
    assert!(
        page.contains("Letters are too small") && page.contains("Letters now use 16 point type")
    );
    assert!(page.contains("We did it"));
    // What it led to reaches the person's own page.
    let r = crate::support::post(
        &store,
        &format!("/api/v1/organisations/{org}/outcomes"),
        serde_json::json!({"title": "Letters in 16 point", "kind": "policy", "happened_on": today,
            "impact": "Everyone can read our letters.", "inputs": [input[0].id]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let me = participant(&store, org, amara, "cpt_hist_amara").await;
    let own = me.get("/me").await.text;
    assert!(own.contains("Letters now use 16 point type") && own.contains("What it led to"));
    assert!(own.contains("Letters in 16 point"), "{own}");
    let page = lead.get(&format!("/people/{bill}")).await.text;
    assert!(page.contains("Invited") && page.contains("Nothing they said has been recorded"));

    // The forms, each on its own page; a mistake comes back to that page, kept.
    let form = lead.get(&format!("/people/{amara}/needs/new")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("Back to their page") && form.text.contains("Amara Okafor"));
    let r = lead
        .post(
            &format!("/people/{amara}/needs"),
            &[("need", ""), ("detail", "Arial 16")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose a need from the list") && r.text.contains("Arial 16"));
    assert!(
        r.text
            .contains(&format!("action=\"/people/{amara}/needs\""))
    );
    for form in ["consents", "networks", "training"] {
        let r = lead.get(&format!("/people/{amara}/{form}/new")).await;
        assert_eq!(r.status, StatusCode::OK, "{form}");
        assert!(
            r.text
                .contains(&format!("action=\"/people/{amara}/{form}\"")),
            "{form}"
        );
    }

    // The person's own record tells them the same, in their language.
    let me = participant(&store, org, amara, "cpt_hist_amara").await;
    let page = me.get("/me").await.text;
    assert!(page.contains("What you said, and what we did"));
    assert!(
        page.contains("Letters are too small") && page.contains("Letters now use 16 point type")
    );
    let polish = me
        .get_with_cookie("/me", "coproduce_language=pl")
        .await
        .text;
    assert!(polish.contains("Zrobiliśmy to"), "the status in Polish");
}

/// A member reads the version of the code of conduct they are asked to sign, in
/// Easy Read because that is their need, and signs it themselves; a newer version
/// asks them again, and the one they signed keeps its words.
async fn a_member_reads_and_signs_the_version_they_are_asked_to(store: Site) {
    let org = organisation(&store, "Trust").await;
    let amara = person(&store, org, "Amara Okafor").await;
    let outsider = person(&store, org, "Bill Hughes").await;
    store
        .add_need(
            amara,
            &coproduce_store::needs::NeedFields {
                need: coproduce_domain::needs::Need::EasyRead,
                language: None,
                detail: None,
            },
            store.now(),
        )
        .await
        .unwrap();
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_sign_lead").await;
    let r = lead
        .post(
            "/networks",
            &[("name", "Carers network"), ("kind", "coproduction")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let network = r.location.unwrap();
    let today = store.today();
    let (d, m, y) = (
        today.format("%-d").to_string(),
        today.format("%-m").to_string(),
        today.format("%Y").to_string(),
    );
    let adopt = |version: &'static str, body: &'static str, easy: &'static str| {
        let (d, m, y) = (d.clone(), m.clone(), y.clone());
        let lead = &lead;
        let network = network.clone();
        async move {
            let r = lead
                .post(
                    &format!("{network}/documents"),
                    &[
                        ("kind", "code-of-conduct"),
                        ("title", "Code of conduct"),
                        ("version", version),
                        ("body", body),
                        ("easy_read", easy),
                        ("adopted_on-day", &d),
                        ("adopted_on-month", &m),
                        ("adopted_on-year", &y),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        }
    };
    adopt(
        "1",
        "We agree to:\n- treat everyone with respect\n- keep what is shared private",
        "We will be kind.",
    )
    .await;
    let network_id = network.trim_start_matches("/networks/").to_string();
    let r = lead
        .post(
            &format!("/people/{amara}/networks"),
            &[
                ("network_id", &network_id),
                ("role", "member"),
                ("joined_on-day", &d),
                ("joined_on-month", &m),
                ("joined_on-year", &y),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let network_id: i64 = network_id.parse().unwrap();
    let v1 = store.documents(network_id).await.unwrap()[0].id;

    // Staff read the words as adopted, and the Easy Read version.
    let staff_view = lead.get(&format!("/documents/{v1}")).await.text;
    assert!(staff_view.contains("treat everyone with respect"));
    assert!(
        lead.get(&format!("/documents/{v1}?version=easy"))
            .await
            .text
            .contains("We will be kind.")
    );

    // The member is asked to read and sign it, and reads the Easy Read version.
    let me = participant(&store, org, amara, "cpt_sign_amara").await;
    let record = me.get("/me").await.text;
    assert!(
        record.contains(&format!("href=\"/me/documents/{v1}\"")),
        "{record}"
    );
    let page = me.get(&format!("/me/documents/{v1}")).await.text;
    assert!(page.contains("We will be kind.") && !page.contains("treat everyone with respect"));
    assert!(page.contains("Read the full version"));
    let full = me
        .get(&format!("/me/documents/{v1}?version=full"))
        .await
        .text;
    assert!(full.contains("treat everyone with respect"));
    // Not ticking the box is named; nothing is signed.
    let sign = format!("/me/documents/{v1}/sign");
    let r = me.post(&sign, &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Tick the box to say you have read it"));
    let membership = store.memberships_of(amara).await.unwrap()[0].id;
    assert!(store.signatures_of(membership).await.unwrap().is_empty());
    let r = me.post(&sign, &[("agree", "yes")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let signed = store.signatures_of(membership).await.unwrap();
    assert_eq!(signed.len(), 1);
    assert_eq!(signed[0].signed_on, today);
    assert!(
        me.get(&format!("/me/documents/{v1}"))
            .await
            .text
            .contains("You signed this on")
    );
    assert!(
        !me.get("/me")
            .await
            .text
            .contains(&format!("/me/documents/{v1}"))
    );
    // Signing twice changes nothing.
    assert_eq!(
        me.post(&sign, &[("agree", "yes")]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(store.signatures_of(membership).await.unwrap().len(), 1);
    let trail = store
        .audit_entries(
            coproduce_store::audit::AuditFilter::default(),
            coproduce_store::PageRequest::first(50),
        )
        .await
        .unwrap();
    assert!(
        trail
            .items
            .iter()
            .any(|e| e.action == "membership.sign-own")
    );
    assert!(trail.items.iter().any(|e| e.action == "document.adopt"));

    // A newer version asks again; the signed one keeps its words.
    adopt(
        "2",
        "We agree to:\n- treat everyone with respect, online too",
        "",
    )
    .await;
    let v2 = store.documents(network_id).await.unwrap()[0].id;
    assert_ne!(v1, v2);
    assert!(
        me.get("/me")
            .await
            .text
            .contains(&format!("/me/documents/{v2}"))
    );
    let old = me
        .get(&format!("/me/documents/{v1}?version=full"))
        .await
        .text;
    assert!(old.contains("keep what is shared private") && old.contains("You signed this on"));
    let page = me.get(&format!("/me/documents/{v2}")).await.text;
    assert!(
        page.contains("online too"),
        "no Easy Read version: the full one is shown"
    );

    // Someone who is not a member cannot read it from their record.
    let bill = participant(&store, org, outsider, "cpt_sign_bill").await;
    assert_eq!(
        bill.get(&format!("/me/documents/{v2}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        bill.post(&format!("/me/documents/{v2}/sign"), &[("agree", "yes")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

site_tests!(
    a_member_reads_and_signs_the_version_they_are_asked_to,
    a_persons_history_is_on_their_page_and_their_own_record,
    a_person_sees_who_looked_at_their_record,
    a_person_sees_their_record_and_answers_equality_questions,
    equality_totals_are_suppressed,
    erasure_keeps_counts_and_removes_the_person,
    people_who_no_longer_take_part_are_listed_for_review,
);
