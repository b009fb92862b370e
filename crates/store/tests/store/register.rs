//! The participant register in storage: profiles and their parts, access needs,
//! consent and its withdrawal, and equality totals. Each test runs on SQLite and on
//! PostgreSQL.

use chrono::NaiveDate;
use coproduce_domain::activity::{ActivityType, Mode, Schedule};
use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::equality::{Answers, EthnicGroup, Sex};
use coproduce_domain::ladder::{Level, Rung, Stage};
use coproduce_domain::needs::Need;
use coproduce_domain::organisation::OrganisationKind;
use coproduce_domain::person::{AttendanceStatus, Language, PersonDraft, PersonRole, Profile};
use coproduce_domain::time;
use coproduce_store::activities::ActivityFields;
use coproduce_store::needs::NeedFields;
use coproduce_store::organisations::OrganisationFields;
use coproduce_store::projects::ProjectFields;
use coproduce_store::{PageRequest, Store, StoreError, Within, backend_tests};

fn today() -> NaiveDate {
    time::parse_date("2026-06-01").unwrap()
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

fn profile(org: i64, name: &str, roles: &[&str]) -> Profile {
    PersonDraft {
        organisation_id: org,
        name: name.into(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        ..PersonDraft::default()
    }
    .check(today())
    .unwrap()
}

fn consent(purpose: Purpose) -> ConsentGiven {
    ConsentGiven {
        purpose,
        given_on: time::parse_date("2026-05-01").unwrap(),
        method: ConsentMethod::Written,
        given_by: None,
    }
}

async fn a_profile_and_its_parts_are_kept_together(store: Store) {
    let org = organisation(&store, "Trust").await;
    let draft = PersonDraft {
        organisation_id: org,
        name: "Amara Okafor".into(),
        preferred_name: Some("Amara".into()),
        pronouns: Some("she/her".into()),
        email: Some("amara@example.org".into()),
        phone: Some("07700 900123".into()),
        postcode: Some("e8 1ey".into()),
        preferred_contact: Some("text".into()),
        roles: vec!["carer".into(), "expert-by-experience".into()],
        interests: vec!["mental-health".into()],
        availability: vec!["mon-evening".into(), "sat-morning".into()],
        avoid_rush_hour: true,
        languages: vec!["en".into(), "yo".into()],
        born_on: Some("1980-02-29".into()),
        ..PersonDraft::default()
    };
    let p = store
        .create_person(
            &draft.check(today()).unwrap(),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    assert_eq!(p.profile.draft().check(today()).unwrap(), p.profile);
    assert_eq!(p.profile.postcode.as_deref(), Some("E8 1EY"));
    assert!(p.profile.languages.contains(&Language::Yoruba));
    // Changing the profile replaces its parts, in one transaction.
    let mut changed = p.profile.clone();
    changed.roles = [PersonRole::Patient].into_iter().collect();
    changed.languages.clear();
    let q = store
        .update_person(p.id, &changed, coproduce_store::testing::now())
        .await
        .unwrap();
    assert_eq!(q.profile.roles.len(), 1);
    assert!(q.profile.languages.is_empty());
    assert!(q.updated_at.is_some());
    // A list reads each page's roles in one more query, and narrows by organisation.
    let other = organisation(&store, "Council").await;
    store
        .create_person(
            &profile(other, "Bill Hughes", &["resident"]),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let page = store
        .people(PageRequest::first(10), Within::Parent(org))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].roles, vec![PersonRole::Patient]);
    let all = store
        .people(PageRequest::first(1), Within::All)
        .await
        .unwrap();
    assert_eq!(all.items.len(), 1);
    assert!(all.next_after.is_some());
    // An unknown organisation names the field.
    let err = store
        .create_person(
            &profile(9999, "Nobody", &["resident"]),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Missing {
            field: "organisation_id",
            ..
        }
    ));
}

async fn needs_are_recorded_once_and_shared_only_with_consent(store: Store) {
    let org = organisation(&store, "Trust").await;
    let p = store
        .create_person(
            &profile(org, "Chen Wei", &["patient"]),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let large_print = NeedFields {
        need: Need::LargePrint24,
        language: None,
        detail: Some("Arial, not italic".into()),
    };
    let n = store
        .add_need(p.id, &large_print, coproduce_store::testing::now())
        .await
        .unwrap();
    assert_eq!(n.need.snomed(), Some("957351000000102"));
    assert!(matches!(
        store
            .add_need(p.id, &large_print, coproduce_store::testing::now())
            .await,
        Err(StoreError::Duplicate(_))
    ));
    for language in [Language::Mandarin, Language::Cantonese] {
        store
            .add_need(
                p.id,
                &NeedFields {
                    need: Need::SpokenInterpreter,
                    language: Some(language),
                    detail: None,
                },
                coproduce_store::testing::now(),
            )
            .await
            .unwrap();
    }
    assert_eq!(store.needs_of(p.id).await.unwrap().len(), 3);

    // On a roster, needs show only while the person consents to share them.
    let project = store
        .create_project(
            &ProjectFields {
                organisation_id: org,
                title: "Project".into(),
                stage: Stage::Design,
                level: Level::Service,
                scope_and_limits: None,
                lead_account_id: None,
                target_rung: None,
                budget_pence: None,
                cannot_change: None,
                partners: vec![],
                stage_began_on: None,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let activity = store
        .create_activity(&ActivityFields {
            project_id: project.id,
            title: "Workshop".into(),
            activity_type: ActivityType::Workshop,
            mode: Mode::FaceToFace,
            rung: Rung::CoDesign,
            schedule: Schedule::new(
                time::parse_london("2026-06-10T10:00").unwrap(),
                time::parse_london("2026-06-10T12:00").unwrap(),
            )
            .unwrap(),
            details: Default::default(),
        })
        .await
        .unwrap();
    store
        .set_attendance(activity.id, p.id, AttendanceStatus::Invited)
        .await
        .unwrap();
    let shared = |s: Store| async move {
        s.shared_needs_on_roster(activity.id, today())
            .await
            .unwrap()
            .len()
    };
    assert_eq!(shared(store.clone()).await, 0, "no consent, nothing shown");
    let c = store
        .record_consent(
            p.id,
            &consent(Purpose::ShareNeeds),
            None,
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    assert_eq!(shared(store.clone()).await, 3);
    store.withdraw_consent(c.id, today()).await.unwrap();
    assert_eq!(shared(store.clone()).await, 0, "withdrawn at once");

    store.remove_need(p.id, n.id).await.unwrap();
    assert_eq!(store.needs_of(p.id).await.unwrap().len(), 2);
    assert!(matches!(
        store.remove_need(p.id, n.id).await,
        Err(StoreError::NotFound)
    ));
}

async fn withdrawing_equality_consent_deletes_the_answers(store: Store) {
    let org = organisation(&store, "Trust").await;
    let p = store
        .create_person(
            &profile(org, "Esi Mensah", &["resident"]),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let answers = Answers {
        ethnic_group: Some(EthnicGroup::African),
        sex: Some(Sex::Female),
        postcode_district: Some("E8".into()),
        ..Answers::default()
    };
    store
        .save_equality(
            p.id,
            &answers,
            today(),
            None,
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    assert_eq!(store.equality_of(p.id).await.unwrap(), Some(answers));
    // Saving recorded the consent to keep them.
    let consents = store.consents_of(p.id).await.unwrap();
    assert_eq!(consents.len(), 1);
    assert_eq!(consents[0].purpose, Purpose::Equality);
    assert!(
        store
            .has_consent(p.id, Purpose::Equality, today())
            .await
            .unwrap()
    );
    store
        .withdraw_consent(consents[0].id, today())
        .await
        .unwrap();
    assert_eq!(store.equality_of(p.id).await.unwrap(), None);
    assert!(
        !store
            .has_consent(p.id, Purpose::Equality, today())
            .await
            .unwrap()
    );
    let (total, _) = store.equality_counts(org).await.unwrap();
    assert_eq!(total, 0);
}

async fn equality_totals_are_counted_in_one_query(store: Store) {
    let org = organisation(&store, "Trust").await;
    let other = organisation(&store, "Council").await;
    for (i, (o, group)) in [
        (org, EthnicGroup::African),
        (org, EthnicGroup::African),
        (org, EthnicGroup::Indian),
        (other, EthnicGroup::Indian),
    ]
    .into_iter()
    .enumerate()
    {
        let p = store
            .create_person(
                &profile(o, &format!("Person {i}"), &["resident"]),
                coproduce_store::testing::now(),
            )
            .await
            .unwrap();
        let a = Answers {
            ethnic_group: Some(group),
            ..Answers::default()
        };
        store
            .save_equality(p.id, &a, today(), None, coproduce_store::testing::now())
            .await
            .unwrap();
    }
    let (total, counts) = store.equality_counts(org).await.unwrap();
    assert_eq!(total, 3);
    let count = |v: &str| {
        counts
            .iter()
            .find(|c| c.question == "ethnic_group" && c.value == v)
            .map(|c| c.count)
    };
    assert_eq!(count("black-african"), Some(2));
    assert_eq!(count("asian-indian"), Some(1));
    assert!(counts.iter().all(|c| c.question == "ethnic_group"));
}

async fn accounts_link_to_one_person(store: Store) {
    let org = organisation(&store, "Trust").await;
    let p = store
        .create_person(
            &profile(org, "Irena Nowak", &["resident"]),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let now = coproduce_store::testing::now();
    let mk = |email: &'static str| coproduce_store::accounts::AccountFields {
        email: email.into(),
        name: "Irena".into(),
        role: coproduce_domain::account::Role::Participant,
        organisation_id: Some(org),
    };
    let a = store
        .create_account(&mk("irena@example.org"), now)
        .await
        .unwrap();
    let b = store
        .create_account(&mk("irena2@example.org"), now)
        .await
        .unwrap();
    store
        .link_account_to_person(a.id, Some(p.id))
        .await
        .unwrap();
    assert_eq!(store.account(a.id).await.unwrap().person_id, Some(p.id));
    assert!(matches!(
        store.link_account_to_person(b.id, Some(p.id)).await,
        Err(StoreError::Duplicate(_))
    ));
}

async fn an_import_stores_everyone_or_no_one(store: Store) {
    use coproduce_store::import::NewPerson;
    let org = organisation(&store, "Trust").await;
    let mut amara = profile(org, "Amara Okafor", &["carer"]);
    amara.email = Some("amara@example.org".into());
    amara.phone = Some("07700 900123".into());
    let person = |p: Profile, needs: Vec<Need>| NewPerson {
        profile: p,
        needs: needs.into_iter().map(|n| (n, None)).collect(),
        guardian: None,
        ethnic_group: None,
    };
    // The third person belongs to an organisation that does not exist: the database
    // refuses them, and the two before them are not kept either.
    let bad = vec![
        person(amara.clone(), vec![Need::EasyRead]),
        person(profile(org, "Bill Hughes", &["resident"]), vec![]),
        person(
            profile(org + 1000, "Chen Wei", &["patient"]),
            vec![Need::HearingLoop],
        ),
    ];
    let seen = std::sync::atomic::AtomicUsize::new(0);
    let err = store
        .import_people(
            &bad,
            None,
            today(),
            |n| seen.store(n, std::sync::atomic::Ordering::SeqCst),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Database(_)), "{err}");
    assert_eq!(seen.load(std::sync::atomic::Ordering::SeqCst), 0);
    let page = store
        .people(PageRequest::first(10), Within::Parent(org))
        .await
        .unwrap();
    assert!(page.items.is_empty(), "nothing was kept");
    // The good rows go in together, with a guardian's consent and an ethnic group.
    let mut young = profile(org, "Joseph Adeyemi", &["young-person"]);
    young.born_on = time::parse_date("2015-01-01").ok();
    let good = vec![
        person(amara, vec![Need::EasyRead]),
        NewPerson {
            profile: young,
            needs: vec![],
            guardian: Some("Grace Adeyemi".into()),
            ethnic_group: Some(EthnicGroup::African),
        },
    ];
    let ids = store
        .import_people(
            &good,
            None,
            today(),
            |_| {},
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    assert_eq!(ids.len(), 2);
    assert!(
        store
            .has_consent(ids[1], Purpose::Guardian, today())
            .await
            .unwrap()
    );
    assert_eq!(
        store
            .equality_of(ids[1])
            .await
            .unwrap()
            .unwrap()
            .ethnic_group,
        Some(EthnicGroup::African)
    );
    // Who is already there, by email or by phone however it is typed.
    let found = store
        .existing_contacts(
            org,
            &["amara@example.org".into(), "nobody@example.org".into()],
            &["07700900123".into()],
        )
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Amara Okafor");

    // A register larger than one statement takes: every id is the right person's,
    // with their own needs, and a need written twice is kept once.
    let many: Vec<NewPerson> = (0..1201)
        .map(|i| {
            let needs = match i % 400 {
                7 => vec![Need::BslInterpreter, Need::BslInterpreter],
                9 => vec![Need::LargePrint24],
                _ => vec![],
            };
            person(profile(org, &format!("Person {i}"), &["carer"]), needs)
        })
        .collect();
    let seen = std::sync::atomic::AtomicUsize::new(0);
    let ids = store
        .import_people(
            &many,
            None,
            today(),
            |n| seen.store(n, std::sync::atomic::Ordering::SeqCst),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    assert_eq!(ids.len(), 1201);
    assert_eq!(seen.load(std::sync::atomic::Ordering::SeqCst), 1201);
    for i in [0, 7, 9, 499, 500, 807, 1200] {
        let p = store.person(ids[i]).await.unwrap();
        assert_eq!(p.profile.name, format!("Person {i}"));
        let needs: Vec<Need> = store
            .needs_of(ids[i])
            .await
            .unwrap()
            .into_iter()
            .map(|n| n.need)
            .collect();
        let expected = match i % 400 {
            7 => vec![Need::BslInterpreter],
            9 => vec![Need::LargePrint24],
            _ => vec![],
        };
        assert_eq!(needs, expected, "person {i}");
    }
    let found = store
        .find_people(
            &coproduce_store::people::PeopleFilter {
                name: Some("person 1200".into()),
                ..Default::default()
            },
            PageRequest::first(5),
            Within::Parent(org),
        )
        .await
        .unwrap();
    assert_eq!(
        found.items.len(),
        1,
        "name words are written for every chunk"
    );
    assert_eq!(found.items[0].id, ids[1200]);
}

async fn people_are_found_by_name_role_need_interest_and_language(store: Store) {
    use coproduce_domain::person::ServiceArea;
    use coproduce_store::people::PeopleFilter;
    let org = organisation(&store, "Trust").await;
    let other = organisation(&store, "Council").await;
    let mut ids = Vec::new();
    for (o, name, preferred, roles, languages) in [
        (org, "Amara Okafor", None, vec!["carer"], vec!["en", "yo"]),
        (
            org,
            "Siân O'Neill-Jones",
            Some("Sid"),
            vec!["patient"],
            vec!["en"],
        ),
        (org, "Amir Khan", None, vec!["patient", "carer"], vec!["ur"]),
        (other, "Amara Mensah", None, vec!["carer"], vec!["en"]),
    ] {
        let mut p = profile(o, name, &roles);
        p.preferred_name = preferred.map(Into::into);
        p.languages = languages
            .iter()
            .map(|l| <Language as coproduce_domain::Vocabulary>::read(l).unwrap())
            .collect();
        if name == "Amir Khan" {
            p.interests = [ServiceArea::MentalHealth].into_iter().collect();
        }
        ids.push(
            store
                .create_person(&p, coproduce_store::testing::now())
                .await
                .unwrap()
                .id,
        );
    }
    store
        .add_need(
            ids[0],
            &NeedFields {
                need: Need::EasyRead,
                language: None,
                detail: None,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let find = |f: PeopleFilter| {
        let store = store.clone();
        async move {
            store
                .find_people(&f, PageRequest::first(10), Within::Parent(org))
                .await
                .unwrap()
                .items
                .into_iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
        }
    };
    let named = |n: &str| PeopleFilter {
        name: Some(n.into()),
        ..PeopleFilter::default()
    };
    assert_eq!(find(named("am")).await, ["Amara Okafor", "Amir Khan"]);
    assert_eq!(find(named("AMA")).await, ["Amara Okafor"]);
    assert_eq!(find(named("okafor amara")).await, ["Amara Okafor"]);
    assert_eq!(find(named("jones")).await, ["Siân O'Neill-Jones"]);
    assert_eq!(find(named("siâ")).await, ["Siân O'Neill-Jones"]);
    assert_eq!(
        find(named("sid")).await,
        ["Siân O'Neill-Jones"],
        "preferred names too"
    );
    assert!(find(named("zz")).await.is_empty());
    let carers = PeopleFilter {
        role: Some(PersonRole::Carer),
        ..PeopleFilter::default()
    };
    assert_eq!(find(carers.clone()).await, ["Amara Okafor", "Amir Khan"]);
    assert_eq!(
        find(PeopleFilter {
            language: Some(Language::Urdu),
            ..carers.clone()
        })
        .await,
        ["Amir Khan"]
    );
    assert_eq!(
        find(PeopleFilter {
            need: Some(Need::EasyRead),
            ..PeopleFilter::default()
        })
        .await,
        ["Amara Okafor"]
    );
    assert_eq!(
        find(PeopleFilter {
            interest: Some(ServiceArea::MentalHealth),
            name: Some("am".into()),
            ..carers
        })
        .await,
        ["Amir Khan"]
    );
    // Pages follow one another; the erased are not found.
    let first = store
        .find_people(
            &PeopleFilter::default(),
            PageRequest::first(2),
            Within::Parent(org),
        )
        .await
        .unwrap();
    assert_eq!(first.items.len(), 2);
    let rest = store
        .find_people(
            &PeopleFilter::default(),
            PageRequest::new(first.next_after, Some(2)),
            Within::Parent(org),
        )
        .await
        .unwrap();
    assert_eq!(rest.items.len(), 1);
    assert!(rest.next_after.is_none());
    store
        .erase_person(ids[0], coproduce_store::testing::now())
        .await
        .unwrap();
    assert_eq!(find(named("am")).await, ["Amir Khan"]);
}

backend_tests!(
    people_are_found_by_name_role_need_interest_and_language,
    an_import_stores_everyone_or_no_one,
    a_profile_and_its_parts_are_kept_together,
    needs_are_recorded_once_and_shared_only_with_consent,
    withdrawing_equality_consent_deletes_the_answers,
    equality_totals_are_counted_in_one_query,
    accounts_link_to_one_person,
);
