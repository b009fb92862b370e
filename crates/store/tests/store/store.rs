//! Storage tests: each runs on SQLite and on PostgreSQL.

use chrono::NaiveDate;
use coproduce_domain::activity::{ActivityType, Mode, Schedule};
use coproduce_domain::charter::{Charter, SignatoryStatus};
use coproduce_domain::indicator::FeedbackTally;
use coproduce_domain::input::ResponseStatus;
use coproduce_domain::ladder::{Level, Rung, Stage};
use coproduce_domain::organisation::OrganisationKind;
use coproduce_domain::person::{AttendanceStatus, PersonDraft};
use coproduce_domain::{templates, time};
use coproduce_store::activities::ActivityFields;
use coproduce_store::inputs::{
    InputFields, InputFilter, NewResponse, fed_back_in, insert_input, respond_in,
};
use coproduce_store::organisations::OrganisationFields;
use coproduce_store::projects::ProjectFields;
use coproduce_store::{PageRequest, Store, StoreError, backend_tests};

fn date(s: &str) -> NaiveDate {
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

async fn activity(store: &Store, org: i64, start: &str, end: &str) -> i64 {
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
    store
        .create_activity(&ActivityFields {
            project_id: project.id,
            title: "Workshop".into(),
            activity_type: ActivityType::Workshop,
            mode: Mode::FaceToFace,
            rung: Rung::CoDesign,
            schedule: Schedule::new(
                time::parse_london(start).unwrap(),
                time::parse_london(end).unwrap(),
            )
            .unwrap(),
            details: Default::default(),
        })
        .await
        .unwrap()
        .id
}

/// Records an input due 28 days after it was received, answered and fed back on
/// `fed_back` if given. Answers its id.
async fn input(store: &Store, activity_id: i64, received: &str, fed_back: Option<&str>) -> i64 {
    let a = store.activity(activity_id).await.unwrap();
    let organisation_id = store.organisation_of_activity(activity_id).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let id = insert_input(
        &mut tx,
        &InputFields {
            organisation_id,
            project_id: Some(a.project_id),
            activity_id: Some(activity_id),
            opportunity_id: None,
            form_id: None,
            said: "Something".into(),
            received_on: date(received),
            anonymous_count: 0,
            owner_account_id: None,
            due_on: coproduce_domain::input::due_on(date(received), 28),
            said_by: vec![],
            themes: vec!["transport".into()],
        },
    )
    .await
    .unwrap();
    if let Some(on) = fed_back {
        respond_in(
            &mut tx,
            id,
            &NewResponse {
                status: ResponseStatus::Done,
                text: "We did it",
                will_do_by: None,
                owner: None,
                given_by: None,
                at: coproduce_store::testing::now(),
                on: date(on),
                told: true,
            },
        )
        .await
        .unwrap();
        fed_back_in(&mut tx, id, date(on)).await.unwrap();
    }
    tx.commit().await.unwrap();
    id
}

async fn organisations_are_created_listed_in_pages_and_updated(store: Store) {
    for i in 0..5 {
        organisation(&store, &format!("Trust {i}")).await;
    }
    let first = store
        .organisations(PageRequest::new(None, Some(2)))
        .await
        .unwrap();
    let names: Vec<_> = first.items.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Trust 0", "Trust 1"]);
    let second = store
        .organisations(PageRequest::new(first.next_after, Some(2)))
        .await
        .unwrap();
    let third = store
        .organisations(PageRequest::new(second.next_after, Some(2)))
        .await
        .unwrap();
    assert_eq!(third.items.len(), 1);
    assert_eq!(third.next_after, None);
    let id = first.items[0].id;
    let changed = store
        .update_organisation(
            id,
            &OrganisationFields {
                name: "Renamed".into(),
                kind: OrganisationKind::Healthwatch,
                require_second_factor: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (changed.name.as_str(), changed.kind),
        ("Renamed", OrganisationKind::Healthwatch)
    );
    assert!(matches!(
        store.organisation(999_999).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .update_organisation(
                999_999,
                &OrganisationFields {
                    name: "x".into(),
                    kind: OrganisationKind::Healthwatch,
                    require_second_factor: false,
                }
            )
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn every_template_is_stored_and_read_back_whole(store: Store) {
    for c in templates::all() {
        let record = store
            .import_charter(&c, coproduce_store::testing::now())
            .await
            .unwrap();
        let (_, back) = store.charter(record.id).await.unwrap();
        assert_eq!(back, c, "{}", c.key);
    }
    let again = store
        .import_charter(
            &templates::get("scie").unwrap(),
            coproduce_store::testing::now(),
        )
        .await;
    assert!(matches!(again, Err(StoreError::Duplicate(_))));
}

async fn a_failed_charter_import_stores_nothing(store: Store) {
    // Bypass the domain checks to make the database refuse the second section.
    let mut c: Charter = templates::get("las-pflas").unwrap();
    c.sections[1].key = c.sections[0].key.clone();
    assert!(
        store
            .import_charter(&c, coproduce_store::testing::now())
            .await
            .is_err()
    );
    let page = store.charters(PageRequest::first(10)).await.unwrap();
    assert!(page.items.is_empty(), "the charter row was rolled back");
}

async fn missing_references_name_their_field(store: Store) {
    let err = store
        .create_project(
            &ProjectFields {
                organisation_id: 4242,
                title: "Orphan".into(),
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
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "organisation_id: there is no organisation with id 4242"
    );
}

async fn activity_times_survive_the_clock_changes(store: Store) {
    let org = organisation(&store, "Trust").await;
    let id = activity(&store, org, "2026-10-25T00:30", "2026-10-25T03:30").await;
    let a = store.activity(id).await.unwrap();
    assert_eq!(time::machine(a.starts_at), "2026-10-24T23:30:00Z");
    assert_eq!(time::machine(a.ends_at), "2026-10-25T03:30:00Z");
    assert_eq!(time::show_time(a.ends_at), "03:30");
    let id = activity(&store, org, "2026-03-29T00:30", "2026-03-29T03:30").await;
    let a = store.activity(id).await.unwrap();
    assert_eq!((a.ends_at - a.starts_at).num_minutes(), 120);
}

async fn attendance_is_recorded_once_per_person(store: Store) {
    let org = organisation(&store, "Trust").await;
    let act = activity(&store, org, "2026-05-01T10:00", "2026-05-01T12:00").await;
    let person = store
        .create_person(
            &PersonDraft {
                organisation_id: org,
                name: "Ann".into(),
                roles: vec!["service-user".into()],
                ..PersonDraft::default()
            }
            .check(chrono::Utc::now().date_naive())
            .unwrap(),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    store
        .set_attendance(act, person.id, AttendanceStatus::Invited)
        .await
        .unwrap();
    store
        .set_attendance(act, person.id, AttendanceStatus::Attended)
        .await
        .unwrap();
    let list = store.attendance(act).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].status, AttendanceStatus::Attended);
    let err = store
        .set_attendance(act, 9999, AttendanceStatus::Attended)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "person_id: there is no person with id 9999"
    );
}

async fn feedback_within_days_is_counted_in_one_query(store: Store) {
    let org = organisation(&store, "Trust").await;
    let other = organisation(&store, "Other trust").await;
    let act = activity(&store, org, "2026-01-10T10:00", "2026-01-10T12:00").await;
    let other_act = activity(&store, other, "2026-01-10T10:00", "2026-01-10T12:00").await;
    input(&store, act, "2026-01-10", Some("2026-01-20")).await; // 10 days: on time
    input(&store, act, "2026-01-10", Some("2026-02-07")).await; // 28 days: on time
    input(&store, act, "2026-01-10", Some("2026-02-08")).await; // 29 days: late
    input(&store, act, "2026-01-10", None).await; // overdue by 1 March
    input(&store, act, "2026-02-20", None).await; // 9 days old on 1 March: pending
    input(&store, act, "2025-12-01", Some("2025-12-02")).await; // outside the period
    input(&store, other_act, "2026-01-10", None).await; // another organisation's
    let tally = store
        .feedback_tally(
            org,
            date("2026-01-01"),
            date("2026-02-28"),
            date("2026-03-01"),
        )
        .await
        .unwrap();
    assert_eq!(
        tally,
        FeedbackTally {
            on_time: 2,
            due: 4,
            pending: 1,
            overdue: 1
        }
    );
    assert_eq!(tally.shown(), "50%");
    let empty = store
        .feedback_tally(
            org,
            date("2024-01-01"),
            date("2024-12-31"),
            date("2026-03-01"),
        )
        .await
        .unwrap();
    assert_eq!(empty.shown(), "No data");
}

async fn the_strictest_signed_charter_sets_the_feedback_days(store: Store) {
    let org = organisation(&store, "Trust").await;
    assert_eq!(store.feedback_promise(org).await.unwrap().days, 28);
    let mut strict = templates::get("scie").unwrap();
    strict.settings.feedback_days = 14;
    let strict = store
        .import_charter(&strict, coproduce_store::testing::now())
        .await
        .unwrap();
    let loose = store
        .import_charter(
            &templates::get("las-pflas").unwrap(),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    let d = date("2026-01-01");
    store
        .add_signatory(loose.id, org, SignatoryStatus::Signed, d, Some(d))
        .await
        .unwrap();
    store
        .add_signatory(strict.id, org, SignatoryStatus::Invited, d, None)
        .await
        .unwrap();
    assert_eq!(
        store.feedback_promise(org).await.unwrap().days,
        28,
        "an invitation is not a promise"
    );
    let again = store
        .add_signatory(loose.id, org, SignatoryStatus::Signed, d, Some(d))
        .await;
    assert!(matches!(again, Err(StoreError::Duplicate(_))));
    let other = organisation(&store, "Council").await;
    store
        .add_signatory(strict.id, other, SignatoryStatus::Signed, d, Some(d))
        .await
        .unwrap();
    let promise = store.feedback_promise(other).await.unwrap();
    assert_eq!(promise.days, 14);
    assert_eq!(store.signatories(strict.id).await.unwrap().len(), 2);
    assert_eq!(store.adoptions(org).await.unwrap().len(), 1);
}

async fn the_demo_loads_once(store: Store) {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T12:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let today = date("2026-11-22");
    let summary = store.load_demo(now).await.unwrap();
    assert_eq!(summary.organisations, 5);
    assert_eq!(summary.charters, 5);
    let tally = store
        .feedback_tally(1, date("2025-11-23"), today, today)
        .await
        .unwrap();
    assert!(
        tally.due > 0 && tally.on_time > 0 && tally.on_time < tally.due,
        "{tally:?}"
    );
    assert!(tally.overdue > 0, "{tally:?}");
    assert!(matches!(
        store.load_demo(now).await,
        Err(StoreError::Duplicate(_))
    ));
}

/// A transaction that reads and then writes, while another writes and commits in
/// between, still commits: on SQLite it waits its turn instead of failing with
/// "database is locked" (requests for the API, sign-in and imports overlap so).
async fn a_transaction_that_reads_then_writes_waits_its_turn(store: Store) {
    use coproduce_store::sessions::insert_failure;
    let now = coproduce_store::testing::now();
    let mut first = store.begin().await.unwrap();
    coproduce_store::tokens::use_api_token_in(&mut first, "no such token", now)
        .await
        .unwrap();
    let other = store.clone();
    let second = tokio::spawn(async move {
        let mut tx = other.begin().await.unwrap();
        insert_failure(&mut tx, "second", now).await.unwrap();
        tx.commit().await.unwrap();
    });
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    insert_failure(&mut first, "first", now).await.unwrap();
    first.commit().await.unwrap();
    second.await.unwrap();
    for subject in ["first", "second"] {
        assert_eq!(store.failures_since(subject, now).await.unwrap(), 1);
    }
}

/// A project keeps its partners, budget and the history of its stages; whether
/// people were involved from the start is judged by the stage on the day of the first
/// activity someone came to, not by today's stage.
async fn a_project_keeps_its_stages_and_partners(store: Store) {
    use coproduce_domain::project::PartnerPart;
    let org = organisation(&store, "Trust").await;
    let healthwatch = organisation(&store, "Healthwatch").await;
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let mut f = ProjectFields {
        organisation_id: org,
        title: "Crisis care".into(),
        stage: Stage::Initiation,
        level: Level::Service,
        scope_and_limits: Some("How crews respond".into()),
        lead_account_id: None,
        target_rung: Some(Rung::CoProduction),
        budget_pence: Some(125_050),
        cannot_change: Some("Response targets: set nationally".into()),
        partners: vec![(healthwatch, PartnerPart::Healthwatch)],
        stage_began_on: Some(d("2026-01-05")),
    };
    let p = store
        .create_project(&f, coproduce_store::testing::now())
        .await
        .unwrap();
    assert_eq!(p.budget_pence, Some(125_050));
    assert_eq!(p.target_rung(), Some(Rung::CoProduction));
    let partners = store.partners(p.id).await.unwrap();
    assert_eq!(partners.len(), 1);
    assert_eq!(
        (partners[0].name.as_str(), partners[0].part),
        ("Healthwatch", PartnerPart::Healthwatch)
    );
    // No one has come to anything yet.
    assert_eq!(store.first_involved(p.id).await.unwrap(), None);
    // The project moves on to delivery in May; a change that keeps the stage adds
    // nothing to the history.
    f.stage = Stage::Delivery;
    f.stage_began_on = Some(d("2026-05-01"));
    f.partners = vec![];
    store
        .update_project(p.id, &f, coproduce_store::testing::now())
        .await
        .unwrap();
    f.title = "Crisis care review".into();
    store
        .update_project(p.id, &f, coproduce_store::testing::now())
        .await
        .unwrap();
    let history: Vec<(Stage, NaiveDate)> = store
        .stage_history(p.id)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.stage, s.began_on))
        .collect();
    assert_eq!(
        history,
        [
            (Stage::Initiation, d("2026-01-05")),
            (Stage::Delivery, d("2026-05-01"))
        ]
    );
    assert!(
        store.partners(p.id).await.unwrap().is_empty(),
        "the list is replaced"
    );
    // Someone came to a meeting in March: involved at initiation, from the start,
    // though the project is in delivery now. An activity nobody came to earlier
    // does not count.
    let meeting = |start: &'static str, end: &'static str| ActivityFields {
        project_id: p.id,
        title: "Meeting".into(),
        activity_type: ActivityType::Meeting,
        mode: Mode::FaceToFace,
        rung: Rung::CoDesign,
        schedule: Schedule::new(
            time::parse_london(start).unwrap(),
            time::parse_london(end).unwrap(),
        )
        .unwrap(),
        details: Default::default(),
    };
    store
        .create_activity(&meeting("2026-02-01T10:00", "2026-02-01T11:00"))
        .await
        .unwrap();
    let march = store
        .create_activity(&meeting("2026-03-10T10:00", "2026-03-10T11:00"))
        .await
        .unwrap();
    let person = store
        .create_person(
            &PersonDraft {
                organisation_id: org,
                name: "Amara Okafor".into(),
                roles: vec!["carer".into()],
                ..PersonDraft::default()
            }
            .check(coproduce_store::testing::today())
            .unwrap(),
            coproduce_store::testing::now(),
        )
        .await
        .unwrap();
    store
        .set_attendance(march.id, person.id, AttendanceStatus::Attended)
        .await
        .unwrap();
    let first = store.first_involved(p.id).await.unwrap().unwrap();
    assert_eq!(first.on, d("2026-03-10"));
    assert_eq!(first.stage, Stage::Initiation);
    assert!(first.stage.is_from_the_start());
}

async fn inputs_are_listed_overdue_by_theme_and_by_organisation(store: Store) {
    let org = organisation(&store, "Trust").await;
    let other = organisation(&store, "Other trust").await;
    let act = activity(&store, org, "2026-01-10T10:00", "2026-01-10T12:00").await;
    let other_act = activity(&store, other, "2026-01-10T10:00", "2026-01-10T12:00").await;
    let answered = input(&store, act, "2026-01-10", Some("2026-01-20")).await;
    let waiting = input(&store, act, "2026-01-10", None).await;
    let recent = input(&store, act, "2026-02-20", None).await;
    input(&store, other_act, "2026-01-10", None).await;
    let ids = |filter: InputFilter| {
        let store = store.clone();
        async move {
            store
                .inputs(PageRequest::first(50), &filter)
                .await
                .unwrap()
                .items
                .into_iter()
                .map(|i| i.id)
                .collect::<Vec<_>>()
        }
    };
    let mine = InputFilter {
        organisation_id: Some(org),
        ..Default::default()
    };
    assert_eq!(ids(mine.clone()).await, [answered, waiting, recent]);
    assert_eq!(
        ids(InputFilter {
            overdue_on: Some(date("2026-03-01")),
            ..mine.clone()
        })
        .await,
        [waiting],
        "due on 7 February, and not fed back"
    );
    assert_eq!(
        store.overdue_count(org, date("2026-03-01")).await.unwrap(),
        1
    );
    assert_eq!(
        ids(InputFilter {
            theme: Some("transport".into()),
            ..mine.clone()
        })
        .await
        .len(),
        3
    );
    assert!(
        ids(InputFilter {
            theme: Some("housing".into()),
            ..mine
        })
        .await
        .is_empty()
    );
    // The median days to feedback, in one query: 10 and 20 days give 15.
    input(&store, act, "2026-01-10", Some("2026-01-30")).await;
    let figures = store
        .said_figures(
            org,
            date("2026-01-01"),
            date("2026-02-28"),
            date("2026-03-01"),
            false,
        )
        .await
        .unwrap();
    assert_eq!(figures.len(), 1);
    let f = &figures[0];
    assert_eq!((f.received, f.fed_back, f.on_time, f.due), (4, 2, 2, 3));
    assert_eq!(f.median_days, Some(15.0));
    let by_project = store
        .said_figures(
            org,
            date("2026-01-01"),
            date("2026-02-28"),
            date("2026-03-01"),
            true,
        )
        .await
        .unwrap();
    assert_eq!(by_project.len(), 1);
    assert!(by_project[0].project_title.is_some());
    let none = store
        .said_figures(
            org,
            date("2025-01-01"),
            date("2025-02-28"),
            date("2026-03-01"),
            false,
        )
        .await
        .unwrap();
    assert!(none.is_empty(), "no inputs, no row");
    let i = store.input(answered).await.unwrap();
    assert_eq!(i.themes, ["transport"]);
    assert_eq!(i.fed_back_on, Some(date("2026-01-20")));
    assert_eq!(store.responses(answered).await.unwrap().len(), 1);
}

backend_tests!(
    inputs_are_listed_overdue_by_theme_and_by_organisation,
    a_project_keeps_its_stages_and_partners,
    a_transaction_that_reads_then_writes_waits_its_turn,
    organisations_are_created_listed_in_pages_and_updated,
    every_template_is_stored_and_read_back_whole,
    a_failed_charter_import_stores_nothing,
    missing_references_name_their_field,
    activity_times_survive_the_clock_changes,
    attendance_is_recorded_once_per_person,
    feedback_within_days_is_counted_in_one_query,
    the_strictest_signed_charter_sets_the_feedback_days,
    the_demo_loads_once,
);
