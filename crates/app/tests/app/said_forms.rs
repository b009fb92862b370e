//! A project's public feedback form through the application layer: made and
//! changed by staff with every bad value named; answered by anyone, each answer an
//! input of the project owned by its lead; a signed-in person may put their name to
//! it; the spam guard (the hidden box, the signed time it was shown, at most five
//! answers from one address in ten minutes, even when sent 500 times in a minute);
//! a closed form takes nothing; another organisation's form is not found. On
//! SQLite and PostgreSQL.

use chrono::Duration;
use coproduce_app::said_forms::{self, Answered};
use coproduce_app::testing::TestApp;
use coproduce_app::{Actor, AppError, app_tests, work};
use coproduce_domain::account::Role;
use coproduce_domain::ladder::{Level, Stage};
use coproduce_domain::said_form::{AnswerDraft, FormDraft, PER_ADDRESS, WINDOW};
use coproduce_domain::text::Problem;
use coproduce_domain::time::london_date;
use coproduce_store::audit::AuditFilter;
use coproduce_store::projects::ProjectFields;

use crate::invitations::{emailed, organisation, person, staff};

fn invalid(r: Result<impl std::fmt::Debug, AppError>) -> Vec<(String, Option<Problem>)> {
    match r {
        Err(AppError::Invalid(errs)) => errs.0.into_iter().map(|e| (e.field, e.problem)).collect(),
        other => panic!("expected refused values, got {other:?}"),
    }
}

async fn project(app: &TestApp, lead: &Actor, org: i64) -> i64 {
    work::create_project(
        &app.ctx,
        lead,
        &ProjectFields {
            organisation_id: org,
            title: "The waiting room".into(),
            stage: Stage::Design,
            level: Level::Service,
            scope_and_limits: None,
            lead_account_id: lead.account_id,
            target_rung: None,
            budget_pence: None,
            cannot_change: None,
            partners: vec![],
            stage_began_on: None,
        },
    )
    .await
    .unwrap()
    .id
}

fn draft(project_id: i64) -> FormDraft {
    FormDraft {
        project_id: Some(project_id),
        title: "The waiting room".into(),
        question: "What would make the waiting room better for you?".into(),
        question_pl: String::new(),
        question_easy: "What would make the waiting room better?".into(),
    }
}

fn words(said: &str) -> AnswerDraft {
    AnswerDraft {
        said: said.into(),
        ..AnswerDraft::default()
    }
}

async fn a_form_is_made_by_staff_with_every_bad_value_named(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let p = project(app, &lead, org).await;
    let blank = FormDraft {
        project_id: None,
        title: String::new(),
        question: " ".into(),
        question_pl: "x".repeat(1_001),
        question_easy: String::new(),
    };
    let fields: Vec<String> = invalid(said_forms::create(&app.ctx, &lead, &blank).await)
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(
        fields,
        [
            "project_id",
            "title",
            "question",
            "question_pl",
            "question_easy"
        ]
    );
    let form = said_forms::create(&app.ctx, &lead, &draft(p))
        .await
        .unwrap();
    assert!(form.is_open());
    assert_eq!(form.question_pl, None);
    assert_eq!(form.answer_count, 0);

    // Another organisation's staff do not find it, nor may they use their project.
    let other = organisation(app, "Hillside").await;
    let theirs = staff(app, other).await;
    let their_project = project(app, &theirs, other).await;
    assert!(matches!(
        said_forms::read(&app.ctx, &theirs, form.id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        said_forms::change(&app.ctx, &theirs, form.id, &draft(their_project)).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        said_forms::set_open(&app.ctx, &theirs, form.id, false).await,
        Err(AppError::NotFound)
    ));
    assert_eq!(
        invalid(said_forms::create(&app.ctx, &theirs, &draft(p)).await),
        [(
            "project_id".to_string(),
            Some(Problem::NoSuch {
                noun: "project",
                id: p
            })
        )]
    );
    // Moving it to a project of another organisation is refused on the field.
    assert_eq!(
        invalid(said_forms::change(&app.ctx, &lead, form.id, &draft(their_project)).await)[0].0,
        "project_id"
    );
    let page = coproduce_store::PageRequest::first(50);
    let mine = said_forms::list(&app.ctx, &lead, page, None, None)
        .await
        .unwrap();
    assert_eq!(mine.items.len(), 1);
    assert!(
        said_forms::list(&app.ctx, &theirs, page, None, None)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    // A project its form hangs on does not move to another organisation.
    let admin = app.signed_in(Role::Administrator, None).await.actor;
    let current = app.ctx.store.project(p).await.unwrap();
    let moved = work::update_project(
        &app.ctx,
        &admin,
        p,
        &ProjectFields {
            organisation_id: other,
            title: current.title.clone(),
            stage: current.stage,
            level: current.level,
            scope_and_limits: None,
            lead_account_id: None,
            target_rung: None,
            budget_pence: None,
            cannot_change: None,
            partners: vec![],
            stage_began_on: None,
        },
    )
    .await;
    assert!(matches!(moved, Err(AppError::Conflict(_))), "{moved:?}");
    assert_eq!(app.ctx.store.project(p).await.unwrap().organisation_id, org);
    // Someone signed in as a participant cannot make or read one.
    let participant = app.signed_in(Role::Participant, Some(org)).await.actor;
    assert!(matches!(
        said_forms::create(&app.ctx, &participant, &draft(p)).await,
        Err(AppError::Forbidden(_))
    ));
    assert!(matches!(
        said_forms::read(&app.ctx, &participant, form.id).await,
        Err(AppError::Forbidden(_))
    ));

    let changed = said_forms::change(
        &app.ctx,
        &lead,
        form.id,
        &FormDraft {
            question_pl: "Co sprawiłoby, że poczekalnia byłaby lepsza?".into(),
            ..draft(p)
        },
    )
    .await
    .unwrap();
    assert_eq!(
        changed.question_pl.as_deref(),
        Some("Co sprawiłoby, że poczekalnia byłaby lepsza?")
    );
    let closed = said_forms::set_open(&app.ctx, &lead, form.id, false)
        .await
        .unwrap();
    assert!(!closed.is_open());
    let audit = app
        .ctx
        .store
        .audit_entries(
            AuditFilter {
                record: Some(("said form".into(), form.id)),
                ..AuditFilter::default()
            },
            page,
        )
        .await
        .unwrap();
    let actions: Vec<&str> = audit.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["said_form.close", "said_form.change", "said_form.create"]
    );
}

async fn anyone_may_answer_and_each_answer_is_an_input_of_the_project(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let p = project(app, &lead, org).await;
    let form = said_forms::create(&app.ctx, &lead, &draft(p))
        .await
        .unwrap();
    let public = Actor::public(Some("203.0.113.5".into()));

    let shown = said_forms::shown(&app.ctx, &public, form.id).await.unwrap();
    assert!(shown.open && !shown.may_name);
    // Sent at once, as a program would: refused, nothing kept.
    assert_eq!(
        invalid(
            said_forms::answer(&app.ctx, &public, form.id, &shown.token, &words("Chairs")).await
        ),
        [("said".to_string(), Some(Problem::SentTooSoon))]
    );
    app.clock().advance(Duration::seconds(20));
    // The hidden box filled in, and no words.
    let bot = AnswerDraft {
        said: String::new(),
        trap: "http://offers.example".into(),
        named: false,
    };
    assert_eq!(
        invalid(said_forms::answer(&app.ctx, &public, form.id, &shown.token, &bot).await),
        [
            ("said".to_string(), Some(Problem::Empty)),
            ("website".to_string(), Some(Problem::LeaveEmpty))
        ]
    );
    // A time not signed by us, or one changed, is refused as if the page were old.
    let (_, sig) = shown.token.split_once('.').unwrap();
    let moved = format!("{}.{sig}", app.ctx.now().timestamp() - 60);
    for forged in ["", "123.abc", "not a token", moved.as_str()] {
        assert_eq!(
            invalid(said_forms::answer(&app.ctx, &public, form.id, forged, &words("x")).await),
            [("said".to_string(), Some(Problem::FormTooOld))],
            "{forged}"
        );
    }
    let too_long = AnswerDraft {
        said: "a".repeat(5_001),
        ..AnswerDraft::default()
    };
    assert_eq!(
        invalid(said_forms::answer(&app.ctx, &public, form.id, &shown.token, &too_long).await)[0].0,
        "said"
    );
    assert_eq!(
        app.ctx.store.said_form(form.id).await.unwrap().answer_count,
        0,
        "nothing refused was kept"
    );

    let said = "Chairs with arms, please: I cannot get up from the low ones.";
    let Answered::Taken { input_id, named } =
        said_forms::answer(&app.ctx, &public, form.id, &shown.token, &words(said))
            .await
            .unwrap()
    else {
        panic!("the answer was not taken")
    };
    assert!(!named);
    let input = app.ctx.store.input(input_id).await.unwrap();
    assert_eq!(input.said, said);
    assert_eq!(input.form_id, Some(form.id));
    assert_eq!(input.project_id, Some(p));
    assert_eq!(input.organisation_id, org);
    assert_eq!(input.anonymous_count, 1);
    assert!(input.said_by.is_empty());
    assert_eq!(
        input.owner_account_id, lead.account_id,
        "the project's lead"
    );
    assert_eq!(input.received_on, london_date(app.ctx.now()));
    assert!(input.due_on > input.received_on);
    assert_eq!(input.came_from, "The waiting room");
    // The audit trail has the answer, but not where it came from.
    let audit = app
        .ctx
        .store
        .audit_entries(
            AuditFilter {
                record: Some(("input".into(), input_id)),
                ..AuditFilter::default()
            },
            coproduce_store::PageRequest::first(10),
        )
        .await
        .unwrap();
    assert_eq!(audit.items.len(), 1);
    assert_eq!(audit.items[0].address, None);
    assert!(audit.items[0].detail.contains("not named"));

    // A page left open more than a day: refused, and the words can be sent again.
    app.clock().advance(Duration::hours(25));
    assert_eq!(
        invalid(said_forms::answer(&app.ctx, &public, form.id, &shown.token, &words("Late")).await),
        [("said".to_string(), Some(Problem::FormTooOld))]
    );

    // Someone signed in, with a record here, may put their name to it.
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let signed = app.signed_in(Role::Participant, Some(org)).await.actor;
    let ann_actor = Actor {
        person_id: Some(ann),
        ..signed
    };
    let shown = said_forms::shown(&app.ctx, &ann_actor, form.id)
        .await
        .unwrap();
    assert!(shown.may_name);
    app.clock().advance(Duration::seconds(30));
    let named_answer = AnswerDraft {
        said: "The screen calling names is too quiet.".into(),
        trap: String::new(),
        named: true,
    };
    let Answered::Taken { input_id, named } =
        said_forms::answer(&app.ctx, &ann_actor, form.id, &shown.token, &named_answer)
            .await
            .unwrap()
    else {
        panic!("the named answer was not taken")
    };
    assert!(named);
    let input = app.ctx.store.input(input_id).await.unwrap();
    assert_eq!(input.said_by, [ann]);
    assert_eq!(input.anonymous_count, 0);
    // Someone whose record is with another organisation is counted, not named.
    let other = organisation(app, "Hillside").await;
    let bo = person(app, emailed(other, "Bo Far"), true).await;
    let bo_actor = Actor {
        person_id: Some(bo),
        ..app.signed_in(Role::Participant, Some(other)).await.actor
    };
    let shown = said_forms::shown(&app.ctx, &bo_actor, form.id)
        .await
        .unwrap();
    assert!(!shown.may_name);
    app.clock().advance(Duration::seconds(30));
    let Answered::Taken { input_id, named } =
        said_forms::answer(&app.ctx, &bo_actor, form.id, &shown.token, &named_answer)
            .await
            .unwrap()
    else {
        panic!("the answer was not taken")
    };
    assert!(!named);
    assert!(
        app.ctx
            .store
            .input(input_id)
            .await
            .unwrap()
            .said_by
            .is_empty()
    );

    // Closed, it takes nothing, and says so; opened again, it does.
    said_forms::set_open(&app.ctx, &lead, form.id, false)
        .await
        .unwrap();
    let shown = said_forms::shown(&app.ctx, &public, form.id).await.unwrap();
    assert!(!shown.open);
    app.clock().advance(Duration::seconds(30));
    assert_eq!(
        said_forms::answer(&app.ctx, &public, form.id, &shown.token, &words("Closed?"))
            .await
            .unwrap(),
        Answered::Closed
    );
    assert_eq!(
        app.ctx.store.said_form(form.id).await.unwrap().answer_count,
        3
    );
    assert!(matches!(
        said_forms::shown(&app.ctx, &public, 999_999).await,
        Err(AppError::NotFound)
    ));
}

async fn a_form_filled_in_500_times_a_minute_from_one_address_keeps_five(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let p = project(app, &lead, org).await;
    let form = said_forms::create(&app.ctx, &lead, &draft(p))
        .await
        .unwrap();
    let flood = Actor::public(Some("198.51.100.7".into()));
    let shown = said_forms::shown(&app.ctx, &flood, form.id).await.unwrap();
    app.clock().advance(Duration::seconds(5));
    let mut taken = 0;
    let mut refused = 0;
    for i in 0..500 {
        // 500 in a minute: the clock moves a second every nine.
        if i % 9 == 8 {
            app.clock().advance(Duration::seconds(1));
        }
        match said_forms::answer(
            &app.ctx,
            &flood,
            form.id,
            &shown.token,
            &words(&format!("Buy now {i}")),
        )
        .await
        .unwrap()
        {
            Answered::Taken { .. } => taken += 1,
            Answered::TooMany => refused += 1,
            Answered::Closed => panic!("the form is open"),
        }
    }
    assert_eq!((taken, refused), (PER_ADDRESS, 500 - PER_ADDRESS));
    assert_eq!(
        app.ctx.store.said_form(form.id).await.unwrap().answer_count,
        PER_ADDRESS
    );
    // Someone else is not held back by it.
    let neighbour = Actor::public(Some("198.51.100.8".into()));
    let theirs = said_forms::shown(&app.ctx, &neighbour, form.id)
        .await
        .unwrap();
    app.clock().advance(Duration::seconds(5));
    assert!(matches!(
        said_forms::answer(
            &app.ctx,
            &neighbour,
            form.id,
            &theirs.token,
            &words("The signs are hard to read.")
        )
        .await
        .unwrap(),
        Answered::Taken { .. }
    ));
    // Once the window has passed, the first address may answer again.
    app.clock().advance(WINDOW);
    let again = said_forms::shown(&app.ctx, &flood, form.id).await.unwrap();
    app.clock().advance(Duration::seconds(5));
    assert!(matches!(
        said_forms::answer(&app.ctx, &flood, form.id, &again.token, &words("Sorry"))
            .await
            .unwrap(),
        Answered::Taken { .. }
    ));
}

app_tests!(
    a_form_is_made_by_staff_with_every_bad_value_named,
    anyone_may_answer_and_each_answer_is_an_input_of_the_project,
    a_form_filled_in_500_times_a_minute_from_one_address_keeps_five,
);
