//! Networks and training in storage: members joining and leaving, signing each new
//! version of the charter and code of conduct, standing down and reinstatement,
//! finding a network's members, erasure, and training completions that expire. Each
//! test runs on SQLite and on PostgreSQL.

use chrono::NaiveDate;
use coproduce_domain::network::{Audience, DocumentKind, MemberRole, NetworkKind, StandDown};
use coproduce_domain::organisation::OrganisationKind;
use coproduce_domain::person::{PersonDraft, Profile};
use coproduce_domain::time;
use coproduce_store::networks::{DocumentFields, NetworkFields, current_documents};
use coproduce_store::organisations::OrganisationFields;
use coproduce_store::people::PeopleFilter;
use coproduce_store::training::{CompletionFields, CourseFields, SessionFields};
use coproduce_store::{PageRequest, Store, StoreError, Within, backend_tests};

fn d(s: &str) -> NaiveDate {
    time::parse_date(s).unwrap()
}

async fn organisation(store: &Store, name: &str) -> i64 {
    store
        .create_organisation(
            &OrganisationFields {
                name: name.into(),
                kind: OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap()
        .id
}

fn profile(org: i64, name: &str) -> Profile {
    PersonDraft {
        organisation_id: org,
        name: name.into(),
        roles: vec!["carer".into()],
        ..PersonDraft::default()
    }
    .check(d("2026-06-01"))
    .unwrap()
}

async fn person(store: &Store, org: i64, name: &str) -> i64 {
    store
        .create_person(&profile(org, name), coproduce_store::testing::now())
        .await
        .unwrap()
        .id
}

async fn members_join_sign_stand_down_and_come_back(store: Store) {
    let org = organisation(&store, "Trust").await;
    let other = organisation(&store, "Council").await;
    let network = store
        .create_network(
            &NetworkFields {
                organisation_id: org,
                name: "Service User and Carer Network".into(),
                kind: NetworkKind::ServiceUserCarer,
                description: None,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    store
        .create_network(
            &NetworkFields {
                organisation_id: other,
                name: "Council forum".into(),
                kind: NetworkKind::PatientsForum,
                description: None,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let amara = person(&store, org, "Amara Okafor").await;
    let bill = person(&store, org, "Bill Evans").await;
    let chen = person(&store, org, "Chen Li").await;

    let code_v1 = store
        .adopt_document(
            network.id,
            &DocumentFields {
                kind: DocumentKind::CodeOfConduct,
                title: "Code of conduct".into(),
                version: "1".into(),
                charter_id: None,
                adopted_on: d("2025-01-01"),
                body: "Be kind.".into(),
                easy_read: None,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let again = store
        .adopt_document(
            network.id,
            &DocumentFields {
                kind: DocumentKind::CodeOfConduct,
                title: "Code of conduct".into(),
                version: "1".into(),
                charter_id: None,
                adopted_on: d("2025-02-01"),
                body: "Be kind.".into(),
                easy_read: None,
            },
            coproduce_store::testing::now(),
        )
        .await;
    assert!(
        matches!(again, Err(StoreError::Duplicate(_))),
        "a version is adopted once"
    );

    let a = store
        .add_member(
            network.id,
            amara,
            MemberRole::Chair,
            d("2025-01-10"),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let b = store
        .add_member(
            network.id,
            bill,
            MemberRole::Member,
            d("2025-03-01"),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    store
        .add_member(
            network.id,
            chen,
            MemberRole::Member,
            d("2025-04-01"),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .add_member(
                network.id,
                bill,
                MemberRole::Member,
                d("2025-05-01"),
                coproduce_store::testing::now()
            )
            .await,
        Err(StoreError::Duplicate(_))
    ));
    store
        .record_induction(
            a.id,
            d("2025-01-20"),
            "Grace Mensah",
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    store
        .sign_document(
            a.id,
            code_v1.id,
            d("2025-01-20"),
            None,
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    store
        .sign_document(
            b.id,
            code_v1.id,
            d("2025-03-01"),
            None,
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .sign_document(
                b.id,
                code_v1.id,
                d("2025-03-02"),
                None,
                coproduce_store::testing::now()
            )
            .await,
        Err(StoreError::Duplicate(_))
    ));

    let docs = store.documents(network.id).await.unwrap();
    let current: Vec<i64> = current_documents(&docs).iter().map(|d| d.id).collect();
    assert_eq!(current, [code_v1.id]);
    assert_eq!(
        store.unsigned_counts(network.id, &current).await.unwrap(),
        [(code_v1.id, 1)],
        "Chen has not signed"
    );

    // A new version is adopted: everyone must sign again.
    let code_v2 = store
        .adopt_document(
            network.id,
            &DocumentFields {
                kind: DocumentKind::CodeOfConduct,
                title: "Code of conduct".into(),
                version: "2".into(),
                charter_id: None,
                adopted_on: d("2026-01-01"),
                body: "Be kind, online too.".into(),
                easy_read: Some("Be kind.".into()),
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let docs = store.documents(network.id).await.unwrap();
    let current: Vec<i64> = current_documents(&docs).iter().map(|d| d.id).collect();
    assert_eq!(current, [code_v2.id]);
    assert_eq!(
        store.unsigned_counts(network.id, &current).await.unwrap(),
        [(code_v2.id, 3)]
    );
    store
        .sign_document(
            a.id,
            code_v2.id,
            d("2026-01-05"),
            None,
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    // What each member still has to sign, with the words of the version.
    assert!(store.unsigned_by(a.person_id).await.unwrap().is_empty());
    let others = store
        .members(network.id, &current, PageRequest::new(None, Some(10)))
        .await
        .unwrap();
    let other = others
        .items
        .iter()
        .find(|m| m.membership.id != a.id && m.membership.left_on.is_none())
        .unwrap();
    let to_sign = store.unsigned_by(other.membership.person_id).await.unwrap();
    assert_eq!(to_sign.len(), 1);
    assert_eq!(to_sign[0].id, code_v2.id);
    assert_eq!(to_sign[0].body, "Be kind, online too.");
    assert_eq!(to_sign[0].easy_read.as_deref(), Some("Be kind."));
    let page = store
        .members(network.id, &current, PageRequest::new(None, Some(2)))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert!(page.items[0].signed.contains(&code_v2.id));
    assert!(!page.items[1].signed.contains(&code_v2.id));
    assert_eq!(
        page.items[0].membership.inducted_by.as_deref(),
        Some("Grace Mensah")
    );
    let rest = store
        .members(
            network.id,
            &current,
            PageRequest::new(page.next_after, Some(2)),
        )
        .await
        .unwrap();
    assert_eq!(rest.items.len(), 1);
    assert_eq!(rest.next_after, None);
    assert_eq!(
        store.signatures_of(a.id).await.unwrap().len(),
        2,
        "both versions Amara signed are kept"
    );

    // Standing down, once at a time, then reinstated.
    let sd = StandDown {
        on: d("2026-02-01"),
        reason: "Broke the code of conduct at the March meeting".into(),
        review_on: Some(d("2026-08-01")),
    };
    store
        .stand_down(b.id, &sd, None, coproduce_store::testing::now())
        .await
        .unwrap();
    assert!(matches!(
        store
            .stand_down(b.id, &sd, None, coproduce_store::testing::now())
            .await,
        Err(StoreError::Duplicate(_))
    ));
    let stood = store.membership(b.id).await.unwrap();
    assert_eq!(
        stood.stood_down,
        Some((d("2026-02-01"), Some(d("2026-08-01"))))
    );
    store
        .reinstate(b.id, d("2026-05-01"), coproduce_store::testing::now())
        .await
        .unwrap();
    assert_eq!(store.membership(b.id).await.unwrap().stood_down, None);
    assert!(matches!(
        store
            .reinstate(b.id, d("2026-05-02"), coproduce_store::testing::now())
            .await,
        Err(StoreError::NotFound)
    ));
    let history = store.stand_downs_of(b.id).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].reinstated_on, Some(d("2026-05-01")));

    // The chair, and the network's members found in the register.
    let chairs = store.chairs(network.id).await.unwrap();
    assert_eq!(chairs.len(), 1);
    assert_eq!(chairs[0].person_name, "Amara Okafor");
    let filter = PeopleFilter {
        network: Some(network.id),
        ..PeopleFilter::default()
    };
    let names = |page: coproduce_store::Page<coproduce_store::people::PersonSummary>| {
        page.items.into_iter().map(|p| p.name).collect::<Vec<_>>()
    };
    assert_eq!(
        names(
            store
                .find_people(&filter, PageRequest::first(50), Within::Parent(org))
                .await
                .unwrap()
        ),
        ["Amara Okafor", "Bill Evans", "Chen Li"]
    );

    // Leaving: no longer a member, the history stays; they may join again.
    store
        .leave_network(b.id, d("2026-05-20"), coproduce_store::testing::now())
        .await
        .unwrap();
    assert_eq!(
        names(
            store
                .find_people(&filter, PageRequest::first(50), Within::Parent(org))
                .await
                .unwrap()
        ),
        ["Amara Okafor", "Chen Li"]
    );
    assert_eq!(store.network(network.id).await.unwrap().members, 2);
    let back = store
        .add_member(
            network.id,
            bill,
            MemberRole::Member,
            d("2026-05-30"),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let bills = store.memberships_of(bill).await.unwrap();
    assert_eq!(bills.len(), 2);
    assert_eq!(bills[0].id, back.id, "newest first");
    assert_eq!(bills[1].left_on, Some(d("2026-05-20")));

    // Each organisation sees its own networks.
    let own = store
        .networks(PageRequest::first(50), Within::Parent(org))
        .await
        .unwrap();
    assert_eq!(own.items.len(), 1);
    assert_eq!(own.items[0].members, 3);
    let all = store
        .networks(PageRequest::first(50), Within::All)
        .await
        .unwrap();
    assert_eq!(all.items.len(), 2);

    // Erasure removes why someone stood down, and keeps the anonymous membership.
    store
        .stand_down(
            back.id,
            &StandDown {
                on: d("2026-05-31"),
                reason: "Unwell".into(),
                review_on: None,
            },
            None,
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    store
        .erase_person(bill, coproduce_store::testing::now())
        .await
        .unwrap();
    assert!(store.stand_downs_of(back.id).await.unwrap().is_empty());
    assert!(store.stand_downs_of(b.id).await.unwrap().is_empty());
    assert_eq!(
        store.network(network.id).await.unwrap().members,
        2,
        "an erased person is no longer a member"
    );
    assert!(
        store.memberships_of(bill).await.unwrap()[0]
            .left_on
            .is_some()
    );
}

async fn training_completions_expire(store: Store) {
    let org = organisation(&store, "Trust").await;
    let amara = person(&store, org, "Amara Okafor").await;
    let bill = person(&store, org, "Bill Evans").await;
    let course = store
        .create_course(
            &CourseFields {
                organisation_id: org,
                title: "Co-production for staff".into(),
                audience: Audience::Staff,
                valid_months: Some(24),
                description: None,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let forever = store
        .create_course(
            &CourseFields {
                organisation_id: org,
                title: "Welcome to the network".into(),
                audience: Audience::Participants,
                valid_months: None,
                description: None,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let session = store
        .add_session(
            course.id,
            &SessionFields {
                held_on: d("2024-03-14"),
                place: "Town Hall".into(),
                trainer: Some("Grace Mensah".into()),
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let done = store
        .record_completion(
            &CompletionFields {
                course_id: course.id,
                session_id: Some(session.id),
                person_id: amara,
                completed_on: d("2024-03-14"),
            },
            None,
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    assert_eq!(done.expires_on, Some(d("2026-03-14")));
    assert!(matches!(
        store
            .record_completion(
                &CompletionFields {
                    course_id: course.id,
                    session_id: None,
                    person_id: amara,
                    completed_on: d("2024-03-14"),
                },
                None,
                coproduce_store::testing::now(),
            )
            .await,
        Err(StoreError::Duplicate(_))
    ));
    store
        .record_completion(
            &CompletionFields {
                course_id: course.id,
                session_id: None,
                person_id: bill,
                completed_on: d("2026-01-10"),
            },
            None,
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let never = store
        .record_completion(
            &CompletionFields {
                course_id: forever.id,
                session_id: None,
                person_id: bill,
                completed_on: d("2026-01-10"),
            },
            None,
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    assert_eq!(never.expires_on, None);

    let today = d("2026-06-01");
    let courses = store
        .courses(PageRequest::first(50), Within::Parent(org), today)
        .await
        .unwrap();
    let counts: Vec<(i64, i64)> = courses
        .items
        .iter()
        .map(|c| (c.completions, c.expired))
        .collect();
    assert_eq!(counts, [(2, 1), (1, 0)]);
    let expired = store
        .completions_of_course(course.id, Some(today), PageRequest::first(50))
        .await
        .unwrap();
    assert_eq!(expired.items.len(), 1);
    assert_eq!(expired.items[0].person_name, "Amara Okafor");
    assert_eq!(
        store
            .completions_of_course(course.id, None, PageRequest::first(50))
            .await
            .unwrap()
            .items
            .len(),
        2
    );
    assert_eq!(store.completions_of(bill).await.unwrap().len(), 2);
    assert_eq!(
        store
            .training_session(session.id)
            .await
            .unwrap()
            .completions,
        1
    );
    assert_eq!(
        store
            .recent_sessions(Some(org), d("2024-01-01"))
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        store
            .recent_sessions(Some(org), d("2025-01-01"))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        store
            .record_completion(
                &CompletionFields {
                    course_id: course.id,
                    session_id: None,
                    person_id: 9999,
                    completed_on: d("2026-01-10"),
                },
                None,
                coproduce_store::testing::now(),
            )
            .await,
        Err(StoreError::Missing {
            field: "person_id",
            ..
        })
    ));
}

backend_tests!(
    members_join_sign_stand_down_and_come_back,
    training_completions_expire,
);
