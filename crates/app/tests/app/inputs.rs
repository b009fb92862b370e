//! "You said, we did" through the application layer: inputs recorded from an
//! activity, an opportunity or a project with their names checked; responses with
//! an owner and their dates; each response sent to the people who said it, the way
//! each prefers, and not to someone who withdrew consent (the owner is told);
//! letters posted by hand; the owner reminded before and after the due day; and
//! another organisation's input not found. On SQLite and PostgreSQL.

use chrono::{Duration, NaiveDate};
use coproduce_app::inputs::{self, Reached, SaidFields};
use coproduce_app::testing::TestApp;
use coproduce_app::{AppError, app_tests, work};
use coproduce_domain::input::{Response, ResponseStatus};
use coproduce_domain::person::{AttendanceStatus, PersonDraft};
use coproduce_domain::text::Problem;
use coproduce_domain::time::london_date;
use coproduce_store::inputs::InputFilter;

use crate::invitations::{emailed, organisation, person, published, staff};

fn invalid(r: Result<impl std::fmt::Debug, AppError>) -> Vec<(String, Option<Problem>)> {
    match r {
        Err(AppError::Invalid(errs)) => errs.0.into_iter().map(|e| (e.field, e.problem)).collect(),
        other => panic!("expected refused values, got {other:?}"),
    }
}

fn fields(r: Result<impl std::fmt::Debug, AppError>) -> Vec<String> {
    invalid(r).into_iter().map(|(f, _)| f).collect()
}

fn today(app: &TestApp) -> NaiveDate {
    london_date(app.ctx.now())
}

async fn what_people_said_is_answered_and_reaches_them(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let owner = lead.account_id.unwrap();
    let a = published(app, &lead, org, app.ctx.now() + Duration::days(2), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let cy = person(
        app,
        PersonDraft {
            organisation_id: org,
            name: "Cy Post".into(),
            address: Some("1 High Street, Leicester".into()),
            postcode: Some("LE1 5WW".into()),
            preferred_contact: Some("letter".into()),
            roles: vec!["carer".into()],
            ..PersonDraft::default()
        },
        true,
    )
    .await;
    // Dee never gave consent to be contacted.
    let dee = person(app, emailed(org, "Dee Quiet"), false).await;
    let stranger = person(app, emailed(org, "Eve Away"), true).await;
    for p in [ann, cy, dee] {
        work::set_attendance(&app.ctx, &lead, a.id, p, AttendanceStatus::Invited, None)
            .await
            .unwrap();
    }
    let said = SaidFields {
        activity_id: Some(a.id),
        said: "The bus stop is too far from the clinic.".into(),
        received_on: today(app),
        said_by: vec![ann, cy, dee],
        themes: vec!["Transport, access".into()],
        anonymous_count: 2,
        ..SaidFields::default()
    };
    // Bad values, each named.
    assert_eq!(
        invalid(
            inputs::record(
                &app.ctx,
                &lead,
                &SaidFields {
                    said_by: vec![ann, stranger],
                    ..said.clone()
                }
            )
            .await
        ),
        [("said_by".into(), Some(Problem::NotOnRoster(stranger)))]
    );
    assert_eq!(
        fields(
            inputs::record(
                &app.ctx,
                &lead,
                &SaidFields {
                    opportunity_id: Some(1),
                    ..said.clone()
                }
            )
            .await
        ),
        ["opportunity_id"]
    );
    assert_eq!(
        invalid(
            inputs::record(
                &app.ctx,
                &lead,
                &SaidFields {
                    activity_id: None,
                    ..said.clone()
                }
            )
            .await
        ),
        [("project_id".into(), Some(Problem::NeedsWhereFrom))]
    );
    // A due date before the input, and an input from tomorrow.
    assert_eq!(
        fields(
            inputs::record(
                &app.ctx,
                &lead,
                &SaidFields {
                    due_on: Some(today(app) - Duration::days(1)),
                    ..said.clone()
                }
            )
            .await
        ),
        ["due_on"]
    );
    assert_eq!(
        fields(
            inputs::record(
                &app.ctx,
                &lead,
                &SaidFields {
                    received_on: today(app) + Duration::days(1),
                    ..said.clone()
                }
            )
            .await
        ),
        ["received_on"]
    );
    let input = inputs::record(&app.ctx, &lead, &said).await.unwrap();
    assert_eq!(
        input.owner_account_id,
        Some(owner),
        "whoever records it owns it"
    );
    assert_eq!(input.due_on, today(app) + Duration::days(28));
    assert_eq!(
        input.themes,
        ["access", "transport"],
        "lower case, each once, in order"
    );
    assert_eq!(input.project_id, Some(a.project_id));

    // A response without an owner; a "will do" without a date, or before the input;
    // an owner of another organisation.
    let other = organisation(app, "Elsewhere").await;
    let other_lead = staff(app, other).await;
    let words = |status, owner, will_do_by| Response {
        status: Some(status),
        text: "We are asking the bus company.",
        owner,
        will_do_by,
    };
    assert_eq!(
        invalid(
            inputs::respond(
                &app.ctx,
                &lead,
                input.id,
                &words(ResponseStatus::BeingConsidered, None, None)
            )
            .await
        ),
        [("owner_account_id".into(), Some(Problem::NeedsOwner))]
    );
    assert_eq!(
        invalid(
            inputs::respond(
                &app.ctx,
                &lead,
                input.id,
                &words(ResponseStatus::WillDo, Some(owner), None)
            )
            .await
        ),
        [("will_do_by".into(), Some(Problem::NeedsWillDoBy))]
    );
    assert_eq!(
        invalid(
            inputs::respond(
                &app.ctx,
                &lead,
                input.id,
                &words(
                    ResponseStatus::WillDo,
                    Some(owner),
                    Some(today(app) - Duration::days(1))
                )
            )
            .await
        ),
        [("will_do_by".into(), Some(Problem::BeforeReceived))]
    );
    assert_eq!(
        invalid(
            inputs::respond(
                &app.ctx,
                &lead,
                input.id,
                &words(ResponseStatus::BeingConsidered, other_lead.account_id, None)
            )
            .await
        ),
        [("owner_account_id".into(), Some(Problem::NotStaffHere))]
    );
    assert!(app.ctx.store.responses(input.id).await.unwrap().is_empty());

    // The first response goes to each the way they prefer; Dee is not told, and the
    // owner is.
    app.run_jobs().await;
    app.mail.take();
    let reached = inputs::respond(
        &app.ctx,
        &lead,
        input.id,
        &words(ResponseStatus::BeingConsidered, Some(owner), None),
    )
    .await
    .unwrap();
    assert_eq!(
        reached,
        Reached {
            sent: true,
            emailed: 1,
            to_tell: vec!["Cy Post".into()],
            held_back: vec!["Dee Quiet".into()],
        }
    );
    app.run_jobs().await;
    let mail = app.mail.take();
    let to_ann = mail
        .iter()
        .find(|m| m.to == "ann.lee@people.example")
        .expect("Ann is emailed");
    assert_eq!(to_ann.subject, "What happened to what you told us");
    assert!(
        to_ann
            .body
            .contains("The bus stop is too far from the clinic.")
    );
    assert!(to_ann.body.contains("We are still thinking about it"));
    assert!(to_ann.body.contains("We are asking the bus company."));
    let account = app.ctx.store.account(owner).await.unwrap();
    let to_owner = mail
        .iter()
        .find(|m| m.to == account.email)
        .expect("the owner is told who was not");
    assert!(to_owner.body.contains("Dee Quiet"), "{}", to_owner.body);
    assert!(!mail.iter().any(|m| m.to == "dee.quiet@people.example"));
    assert_eq!(mail.len(), 2);
    let now = app.ctx.store.input(input.id).await.unwrap();
    assert_eq!(now.fed_back_on, Some(today(app)));

    // New words with the same status are kept, not sent.
    let again = inputs::respond(
        &app.ctx,
        &lead,
        input.id,
        &Response {
            text: "We have written to the bus company.",
            ..words(ResponseStatus::BeingConsidered, Some(owner), None)
        },
    )
    .await
    .unwrap();
    assert!(!again.sent);
    app.run_jobs().await;
    assert!(app.mail.take().is_empty());
    // A change of status is sent again.
    let by = today(app) + Duration::days(60);
    let changed = inputs::respond(
        &app.ctx,
        &lead,
        input.id,
        &Response {
            text: "The bus will stop at the clinic's door.",
            ..words(ResponseStatus::WillDo, Some(owner), Some(by))
        },
    )
    .await
    .unwrap();
    assert!(changed.sent);
    app.run_jobs().await;
    let mail = app.mail.take();
    assert!(
        mail.iter().any(|m| m.to == "ann.lee@people.example"
            && m.body.contains("We will do something about it by")),
        "{mail:?}"
    );
    // Every response is kept, with who gave it.
    let history = app.ctx.store.responses(input.id).await.unwrap();
    let statuses: Vec<_> = history
        .iter()
        .map(|r| (r.status.as_str(), r.told))
        .collect();
    assert_eq!(
        statuses,
        [
            ("being-considered", true),
            ("being-considered", false),
            ("will-do", true)
        ]
    );
    assert!(history.iter().all(|r| r.given_by == Some(owner)));
    assert_eq!(history[2].will_do_by, Some(by));

    // Cy's letter, printed and posted; once only. Ann's email is not posted.
    let told = app.ctx.store.told(input.id).await.unwrap();
    let cy_row = told
        .iter()
        .find(|t| t.person_id == cy && t.response_id == history[2].id)
        .unwrap();
    assert_eq!((cy_row.reach.as_str(), cy_row.told_on), ("letter", None));
    let printed = inputs::letter(&app.ctx, &lead, input.id, cy_row.id)
        .await
        .unwrap();
    assert_eq!(printed.name, "Cy Post");
    assert_eq!(printed.postcode.as_deref(), Some("LE1 5WW"));
    assert!(printed.letter.body.contains("The bus will stop"));
    let marked = inputs::mark_told(&app.ctx, &lead, input.id, cy_row.id)
        .await
        .unwrap();
    assert_eq!(marked.told_on, Some(today(app)));
    assert!(matches!(
        inputs::mark_told(&app.ctx, &lead, input.id, cy_row.id).await,
        Err(AppError::Conflict(_))
    ));
    let ann_row = told.iter().find(|t| t.person_id == ann).unwrap();
    assert!(matches!(
        inputs::mark_told(&app.ctx, &lead, input.id, ann_row.id).await,
        Err(AppError::Conflict(_))
    ));
    let dee_row = told.iter().find(|t| t.person_id == dee).unwrap();
    assert_eq!(dee_row.reach, "held-back");
    assert!(matches!(
        inputs::letter(&app.ctx, &lead, input.id, dee_row.id).await,
        Err(AppError::Conflict(_))
    ));

    // Another organisation's input does not exist for its staff.
    assert!(matches!(
        inputs::read(&app.ctx, &other_lead, input.id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        inputs::respond(
            &app.ctx,
            &other_lead,
            input.id,
            &words(ResponseStatus::Done, other_lead.account_id, None)
        )
        .await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        inputs::mark_told(&app.ctx, &other_lead, input.id, cy_row.id).await,
        Err(AppError::NotFound)
    ));
    let theirs = inputs::list(
        &app.ctx,
        &other_lead,
        coproduce_store::PageRequest::first(50),
        InputFilter::default(),
    )
    .await
    .unwrap();
    assert!(theirs.items.is_empty());

    // The activity is called off: what was said there stays.
    work::cancel_activity(&app.ctx, &lead, a.id).await.unwrap();
    let kept = inputs::read(&app.ctx, &lead, input.id).await.unwrap();
    assert_eq!(kept.input.said, "The bus stop is too far from the clinic.");
    assert_eq!(kept.responses.len(), 3);
}

async fn inputs_come_from_an_opportunity_or_a_project(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, app.ctx.now() + Duration::days(2), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let other = organisation(app, "Elsewhere").await;
    let theirs = person(app, emailed(other, "Oz Far"), true).await;
    // From a project by letter: anyone on the register may be named, no one else.
    let by_letter = SaidFields {
        project_id: Some(a.project_id),
        said: "Please send papers a week before.".into(),
        received_on: today(app),
        said_by: vec![ann, theirs],
        ..SaidFields::default()
    };
    assert_eq!(
        invalid(inputs::record(&app.ctx, &lead, &by_letter).await),
        [(
            "said_by".into(),
            Some(Problem::NoSuch {
                noun: "person",
                id: theirs
            })
        )]
    );
    let i = inputs::record(
        &app.ctx,
        &lead,
        &SaidFields {
            said_by: vec![ann],
            ..by_letter.clone()
        },
    )
    .await
    .unwrap();
    assert_eq!((i.activity_id, i.project_id), (None, Some(a.project_id)));
    // Another organisation's project is not one to name.
    let other_lead = staff(app, other).await;
    assert_eq!(
        fields(
            inputs::record(
                &app.ctx,
                &other_lead,
                &SaidFields {
                    said_by: vec![],
                    ..by_letter.clone()
                }
            )
            .await
        ),
        ["project_id"]
    );
    // An owner chosen when it is recorded, and the due day given.
    let due = today(app) + Duration::days(10);
    let other_staff = staff(app, org).await;
    let owned = inputs::record(
        &app.ctx,
        &lead,
        &SaidFields {
            said_by: vec![],
            owner_account_id: other_staff.account_id,
            due_on: Some(due),
            ..by_letter
        },
    )
    .await
    .unwrap();
    assert_eq!(owned.owner_account_id, other_staff.account_id);
    assert_eq!(owned.due_on, due);
}

async fn owners_are_reminded_before_and_after_the_due_day(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, app.ctx.now() + Duration::days(2), None).await;
    let owner = app
        .ctx
        .store
        .account(lead.account_id.unwrap())
        .await
        .unwrap();
    let due = today(app) + Duration::days(10);
    let said = |words: &str| SaidFields {
        activity_id: Some(a.id),
        said: words.into(),
        received_on: today(app),
        due_on: Some(due),
        ..SaidFields::default()
    };
    let waiting = inputs::record(&app.ctx, &lead, &said("Waiting"))
        .await
        .unwrap();
    let answered = inputs::record(&app.ctx, &lead, &said("Answered"))
        .await
        .unwrap();
    let moved = inputs::record(&app.ctx, &lead, &said("Moved"))
        .await
        .unwrap();
    inputs::respond(
        &app.ctx,
        &lead,
        answered.id,
        &Response {
            status: Some(ResponseStatus::Done),
            text: "Done at the meeting.",
            owner: lead.account_id,
            will_do_by: None,
        },
    )
    .await
    .unwrap();
    // Nobody was named, so it was read out at the meeting.
    inputs::record_fed_back(&app.ctx, &lead, answered.id, today(app))
        .await
        .unwrap();
    // A day before it was received, or after today, is refused.
    assert_eq!(
        fields(
            inputs::record_fed_back(&app.ctx, &lead, answered.id, today(app) + Duration::days(1))
                .await
        ),
        ["fed_back_on"]
    );
    assert_eq!(
        invalid(inputs::record_fed_back(&app.ctx, &lead, waiting.id, today(app)).await),
        [("fed_back_on".into(), Some(Problem::FedBackBeforeResponse))]
    );
    // Its due day moves later: its first reminders send nothing.
    inputs::change(
        &app.ctx,
        &lead,
        moved.id,
        &SaidFields {
            due_on: Some(due + Duration::days(30)),
            ..said("Moved")
        },
    )
    .await
    .unwrap();
    app.run_jobs().await;
    app.mail.take();
    // Three days before, at nine: only the one waiting is reminded.
    app.clock().advance(Duration::days(7) + Duration::hours(12));
    app.run_jobs().await;
    let mail = app.mail.take();
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert_eq!(mail[0].to, owner.email);
    assert!(
        mail[0].subject.starts_with("Feedback due by"),
        "{}",
        mail[0].subject
    );
    assert!(mail[0].body.contains("Waiting"));
    assert!(mail[0].body.contains(&format!("/inputs/{}", waiting.id)));
    // The day after: overdue, and on the list.
    app.clock().advance(Duration::days(4));
    app.run_jobs().await;
    let mail = app.mail.take();
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert!(mail[0].subject.starts_with("Feedback overdue since"));
    let overdue = inputs::list(
        &app.ctx,
        &lead,
        coproduce_store::PageRequest::first(50),
        InputFilter {
            overdue_on: Some(today(app)),
            ..InputFilter::default()
        },
    )
    .await
    .unwrap();
    let ids: Vec<i64> = overdue.items.iter().map(|i| i.id).collect();
    assert_eq!(ids, [waiting.id]);
    assert_eq!(
        app.ctx.store.overdue_count(org, today(app)).await.unwrap(),
        1
    );
}

app_tests!(
    what_people_said_is_answered_and_reaches_them,
    inputs_come_from_an_opportunity_or_a_project,
    owners_are_reminded_before_and_after_the_due_day,
    outcomes_link_inputs_both_ways_with_evidence,
    approved_inputs_are_published_without_personal_data,
);

async fn outcomes_link_inputs_both_ways_with_evidence(app: &TestApp) {
    use coproduce_app::outcomes;
    use coproduce_domain::outcome::OutcomeDraft;
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, app.ctx.now() + Duration::days(2), None).await;
    let said = |words: &str| SaidFields {
        activity_id: Some(a.id),
        said: words.into(),
        received_on: today(app),
        ..SaidFields::default()
    };
    let first = inputs::record(&app.ctx, &lead, &said("Evening meetings"))
        .await
        .unwrap();
    let second = inputs::record(&app.ctx, &lead, &said("Meet near the bus station"))
        .await
        .unwrap();
    let other = organisation(app, "Elsewhere").await;
    let other_lead = staff(app, other).await;
    let b = published(
        app,
        &other_lead,
        other,
        app.ctx.now() + Duration::days(2),
        None,
    )
    .await;
    let theirs = inputs::record(
        &app.ctx,
        &other_lead,
        &SaidFields {
            activity_id: Some(b.id),
            said: "Theirs".into(),
            received_on: today(app),
            ..SaidFields::default()
        },
    )
    .await
    .unwrap();
    let draft = OutcomeDraft {
        title: "Meetings in the evening at the bus station hall".into(),
        kind: "service".into(),
        happened_on: today(app).to_string(),
        impact: "Carers who work can come, by bus.".into(),
        project_id: Some(a.project_id),
        inputs: vec![first.id, second.id],
    };
    // Another organisation's input, a day to come, a kind not listed.
    assert_eq!(
        invalid(
            outcomes::create(
                &app.ctx,
                &lead,
                org,
                &OutcomeDraft {
                    inputs: vec![first.id, theirs.id],
                    ..draft.clone()
                }
            )
            .await
        ),
        [(
            "inputs".into(),
            Some(Problem::NoSuch {
                noun: "input",
                id: theirs.id
            })
        )]
    );
    assert_eq!(
        fields(
            outcomes::create(
                &app.ctx,
                &lead,
                org,
                &OutcomeDraft {
                    happened_on: (today(app) + Duration::days(1)).to_string(),
                    kind: "a whim".into(),
                    ..draft.clone()
                }
            )
            .await
        ),
        ["kind", "happened_on"]
    );
    assert_eq!(
        fields(
            outcomes::create(
                &app.ctx,
                &other_lead,
                other,
                &OutcomeDraft {
                    inputs: vec![],
                    ..draft.clone()
                }
            )
            .await
        ),
        ["project_id"],
        "another organisation's project"
    );
    let made = outcomes::create(&app.ctx, &lead, org, &draft)
        .await
        .unwrap();
    assert_eq!(made.input_count, 2);
    // One input can lead to many outcomes.
    let policy = outcomes::create(
        &app.ctx,
        &lead,
        org,
        &OutcomeDraft {
            title: "Meeting times policy".into(),
            kind: "policy".into(),
            inputs: vec![first.id],
            project_id: None,
            ..draft.clone()
        },
    )
    .await
    .unwrap();
    let record = inputs::read(&app.ctx, &lead, first.id).await.unwrap();
    let led: Vec<i64> = record.led_to.iter().map(|l| l.outcome_id).collect();
    assert_eq!(led, [made.id, policy.id]);
    // Evidence: a program named as a PDF is refused; a text file is kept.
    let program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00";
    assert_eq!(
        fields(
            outcomes::add_evidence(&app.ctx, &lead, made.id, "Leaflet", "leaflet.pdf", program)
                .await
        ),
        ["file"]
    );
    let kept = outcomes::add_evidence(
        &app.ctx,
        &lead,
        made.id,
        "Timetable",
        "timetable.txt",
        b"Meetings now start at 6pm at the bus station hall.",
    )
    .await
    .unwrap();
    assert_eq!(kept.media_type, "text/plain; charset=utf-8");
    let (file, bytes) = outcomes::evidence_file(&app.ctx, &lead, made.id, kept.id)
        .await
        .unwrap();
    assert_eq!(file.file_name, "timetable.txt");
    assert!(bytes.starts_with(b"Meetings now"));
    // Another organisation's outcome and evidence do not exist for its staff.
    assert!(matches!(
        outcomes::read(&app.ctx, &other_lead, made.id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        outcomes::evidence_file(&app.ctx, &other_lead, made.id, kept.id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        outcomes::evidence_file(&app.ctx, &lead, policy.id, kept.id).await,
        Err(AppError::NotFound)
    ));
    // A change replaces the inputs.
    let changed = outcomes::update(
        &app.ctx,
        &lead,
        made.id,
        &OutcomeDraft {
            inputs: vec![second.id],
            ..draft.clone()
        },
    )
    .await
    .unwrap();
    assert_eq!(changed.input_count, 1);
    // The figures: two inputs, both led to an outcome; one answered and fed back.
    inputs::respond(
        &app.ctx,
        &lead,
        first.id,
        &Response {
            status: Some(ResponseStatus::Done),
            text: "Meetings are in the evening now.",
            owner: lead.account_id,
            will_do_by: None,
        },
    )
    .await
    .unwrap();
    inputs::record_fed_back(&app.ctx, &lead, first.id, today(app))
        .await
        .unwrap();
    let (all, by_project) = inputs::figures(
        &app.ctx,
        &lead,
        org,
        today(app) - Duration::days(30),
        today(app),
    )
    .await
    .unwrap();
    assert_eq!(
        (all.received, all.fed_back, all.on_time, all.led_to_outcome),
        (2, 1, 1, 2)
    );
    assert_eq!(all.median_days, Some(0.0));
    assert_eq!(by_project.len(), 1);
    assert_eq!(by_project[0].0.as_ref().map(|p| p.0), Some(a.project_id));
    assert!(matches!(
        inputs::figures(&app.ctx, &other_lead, org, today(app), today(app)).await,
        Err(AppError::NotFound)
    ));
}

async fn approved_inputs_are_published_without_personal_data(app: &TestApp) {
    use coproduce_app::published;
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, app.ctx.now() + Duration::days(2), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    work::set_attendance(&app.ctx, &lead, a.id, ann, AttendanceStatus::Invited, None)
        .await
        .unwrap();
    let input = inputs::record(
        &app.ctx,
        &lead,
        &SaidFields {
            activity_id: Some(a.id),
            said: "Ann Lee says the ramp is too steep. Ring her on 07700 900123.".into(),
            received_on: today(app),
            said_by: vec![ann],
            ..SaidFields::default()
        },
    )
    .await
    .unwrap();
    // Nothing to publish before there is a response.
    assert!(matches!(
        published::publish(&app.ctx, &lead, input.id).await,
        Err(AppError::Conflict(_))
    ));
    inputs::respond(
        &app.ctx,
        &lead,
        input.id,
        &Response {
            status: Some(ResponseStatus::WillDo),
            text: "We will rebuild the ramp. Write to estates@riverside.example.",
            owner: lead.account_id,
            will_do_by: Some(today(app) + Duration::days(60)),
        },
    )
    .await
    .unwrap();
    // A name and a phone number in what was said, an email in the response: held
    // back, each named.
    assert_eq!(
        invalid(published::publish(&app.ctx, &lead, input.id).await),
        [
            ("said".into(), Some(Problem::NamesAPerson("Ann Lee".into()))),
            ("response".into(), Some(Problem::HoldsEmail)),
        ]
    );
    let page = published::public_page(&app.ctx, org, None).await.unwrap();
    assert!(
        page.items.is_empty(),
        "nothing is shown until it is approved"
    );
    // Anonymised, it is published as it then is.
    inputs::change(
        &app.ctx,
        &lead,
        input.id,
        &SaidFields {
            activity_id: Some(a.id),
            said: "The ramp is too steep.".into(),
            received_on: today(app),
            said_by: vec![ann],
            ..SaidFields::default()
        },
    )
    .await
    .unwrap();
    inputs::respond(
        &app.ctx,
        &lead,
        input.id,
        &Response {
            status: Some(ResponseStatus::WillDo),
            text: "We will rebuild the ramp.",
            owner: lead.account_id,
            will_do_by: Some(today(app) + Duration::days(60)),
        },
    )
    .await
    .unwrap();
    published::publish(&app.ctx, &lead, input.id).await.unwrap();
    let page = published::public_page(&app.ctx, org, None).await.unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].0.said, "The ramp is too steep.");
    assert_eq!(page.items[0].0.status, "will-do");
    // A later change shows only once approved again.
    inputs::change(
        &app.ctx,
        &lead,
        input.id,
        &SaidFields {
            activity_id: Some(a.id),
            said: "Ann Lee: the ramp is too steep.".into(),
            received_on: today(app),
            said_by: vec![ann],
            ..SaidFields::default()
        },
    )
    .await
    .unwrap();
    let page = published::public_page(&app.ctx, org, Some(a.project_id))
        .await
        .unwrap();
    assert_eq!(page.items[0].0.said, "The ramp is too steep.");
    // Another organisation's staff cannot publish it; a project of another
    // organisation is not a page of this one.
    let other = organisation(app, "Elsewhere").await;
    let other_lead = staff(app, other).await;
    assert!(matches!(
        published::publish(&app.ctx, &other_lead, input.id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        published::public_page(&app.ctx, other, Some(a.project_id)).await,
        Err(AppError::NotFound)
    ));
    published::unpublish(&app.ctx, &lead, input.id)
        .await
        .unwrap();
    assert!(matches!(
        published::unpublish(&app.ctx, &lead, input.id).await,
        Err(AppError::Conflict(_))
    ));
    assert!(
        published::public_page(&app.ctx, org, None)
            .await
            .unwrap()
            .items
            .is_empty()
    );
}
