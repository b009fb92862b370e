//! Invitations through the application layer: places and the waiting list, the way
//! each person is reached, consent, guardians, replies by link, changes and
//! cancellations reaching everyone, and two editors at once. On SQLite and
//! PostgreSQL, with the in-memory mailer (`calendar_mail.rs` sends through a real
//! SMTP server).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use coproduce_app::invitations::{self, Invited};
use coproduce_app::mail::Email;
use coproduce_app::testing::TestApp;
use coproduce_app::{Actor, AppError, app_tests, work};
use coproduce_domain::account::Role;
use coproduce_domain::activity::{ActivityType, Mode, Schedule};
use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::invitation::{Place, Reach, Reply};
use coproduce_domain::ladder::{Level, Rung, Stage};
use coproduce_domain::person::{PersonDraft, Profile};
use coproduce_domain::text::Problem;
use coproduce_store::activities::{Activity, ActivityFields, MeetingDetails};
use coproduce_store::organisations::OrganisationFields;
use coproduce_store::projects::ProjectFields;

pub async fn organisation(app: &TestApp, name: &str) -> i64 {
    app.ctx
        .store
        .create_organisation(
            &OrganisationFields {
                name: name.into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            app.ctx.now(),
        )
        .await
        .unwrap()
        .id
}

/// A person with the draft's details, and consent to contact unless `contact` is
/// false.
pub async fn person(app: &TestApp, draft: PersonDraft, contact: bool) -> i64 {
    let profile: Profile = draft
        .check(coproduce_domain::time::london_date(app.ctx.now()))
        .unwrap();
    let id = app
        .ctx
        .store
        .create_person(&profile, app.ctx.now())
        .await
        .unwrap()
        .id;
    if contact {
        consent(app, id, Purpose::Contact).await;
    }
    id
}

pub async fn consent(app: &TestApp, person: i64, purpose: Purpose) -> i64 {
    app.ctx
        .store
        .record_consent(
            person,
            &ConsentGiven {
                purpose,
                given_on: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
                method: ConsentMethod::Written,
                given_by: (purpose == Purpose::Guardian).then(|| "Sam Parent".to_string()),
            },
            None,
            app.ctx.now(),
        )
        .await
        .unwrap()
        .id
}

pub fn emailed(org: i64, name: &str) -> PersonDraft {
    PersonDraft {
        organisation_id: org,
        name: name.into(),
        email: Some(format!(
            "{}@people.example",
            name.to_lowercase().replace(' ', ".")
        )),
        preferred_contact: Some("email".into()),
        roles: vec!["carer".into()],
        ..PersonDraft::default()
    }
}

pub async fn staff(app: &TestApp, org: i64) -> Actor {
    app.signed_in(Role::InvolvementLead, Some(org)).await.actor
}

/// A published activity of a new project in `org`, from `starts` for two hours
/// (London time), with `places`.
pub async fn published(
    app: &TestApp,
    actor: &Actor,
    org: i64,
    starts: DateTime<Utc>,
    places: Option<i64>,
) -> Activity {
    let project = work::create_project(
        &app.ctx,
        actor,
        &ProjectFields {
            organisation_id: org,
            title: "Carers' strategy".into(),
            stage: Stage::Design,
            level: Level::Service,
            scope_and_limits: Some("The carers' strategy for 2027".into()),
            lead_account_id: None,
            target_rung: None,
            budget_pence: None,
            cannot_change: Some("The budget, set by the council".into()),
            partners: vec![],
            stage_began_on: None,
        },
    )
    .await
    .unwrap();
    let a = work::create_activity(&app.ctx, actor, &fields(project.id, starts, places))
        .await
        .unwrap();
    work::publish_activity(&app.ctx, actor, a.id, None)
        .await
        .unwrap()
}

pub fn fields(project: i64, starts: DateTime<Utc>, places: Option<i64>) -> ActivityFields {
    ActivityFields {
        project_id: project,
        title: "Carers' forum".into(),
        activity_type: ActivityType::Meeting,
        mode: Mode::Virtual,
        rung: Rung::CoDesign,
        schedule: Schedule::new(starts, starts + Duration::hours(2)).unwrap(),
        details: MeetingDetails {
            joining_link: Some("https://meet.example/carers".into()),
            places,
            ..MeetingDetails::default()
        },
    }
}

/// A week after the test clock's start.
fn next_week(app: &TestApp) -> DateTime<Utc> {
    app.ctx.now() + Duration::days(7)
}

/// The emails sent once the jobs have run, oldest first.
async fn sent(app: &TestApp) -> Vec<Email> {
    app.run_jobs().await;
    app.mail.take()
}

/// The reply link in an email.
fn link_in(email: &Email) -> String {
    let start = email.body.find("/reply/").unwrap();
    let token: String = email.body[start + 7..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    token
}

async fn places_and_the_waiting_list(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), Some(2)).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let bob = person(app, emailed(org, "Bob Khan"), true).await;
    let cy = person(app, emailed(org, "Cy Ola"), true).await;
    let done: Invited = invitations::invite(&app.ctx, &lead, a.id, &[ann, bob, cy])
        .await
        .unwrap();
    let places: Vec<(i64, Place, Reach)> = done
        .invited
        .iter()
        .map(|i| (i.person_id, i.place, i.reach))
        .collect();
    assert_eq!(
        places,
        vec![
            (ann, Place::Offered, Reach::Email),
            (bob, Place::Offered, Reach::Email),
            (cy, Place::Waiting, Reach::Email)
        ]
    );
    let mail = sent(app).await;
    assert_eq!(mail.len(), 3);
    let to_ann = mail
        .iter()
        .find(|m| m.to == "ann.lee@people.example")
        .unwrap();
    assert_eq!(to_ann.subject, "Invitation: Carers' forum");
    let cal = to_ann.calendar.as_ref().unwrap();
    assert_eq!(cal.method, "REQUEST");
    assert!(
        cal.text
            .contains(&format!("UID:activity-{}@coproduce.test", a.id))
    );
    assert!(to_ann.body.contains("https://meet.example/carers"));
    let to_cy = mail
        .iter()
        .find(|m| m.to == "cy.ola@people.example")
        .unwrap();
    assert!(to_cy.subject.starts_with("You are on the waiting list"));
    assert!(to_cy.calendar.is_none(), "no event until they have a place");
    assert!(
        !to_cy.body.contains("meet.example"),
        "the joining link is only for those with a place"
    );

    // Inviting again changes nothing and says so.
    let again = invitations::invite(&app.ctx, &lead, a.id, &[ann])
        .await
        .unwrap();
    assert!(again.invited.is_empty());
    assert_eq!(again.already, vec![(ann, "Ann Lee".to_string())]);

    // Ann says no by her link: Cy, first on the waiting list, gets her place and
    // the invitation with its event.
    let token = link_in(to_ann);
    let public = Actor::public(Some("198.51.100.7".into()));
    let r = invitations::reply_by_link(&app.ctx, &public, &token, Reply::NotComing)
        .await
        .unwrap();
    assert_eq!(r.reply(), Some(Reply::NotComing));
    let list = app.ctx.store.invitations(a.id).await.unwrap();
    let cy_now = list.iter().find(|i| i.person_id == cy).unwrap();
    assert_eq!(cy_now.place, Place::Offered);
    assert_eq!(cy_now.offered_at, Some(app.ctx.now()));
    let mail = sent(app).await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "cy.ola@people.example");
    assert_eq!(mail[0].calendar.as_ref().unwrap().method, "REQUEST");

    // Ann changes her mind; her place has gone, so she waits.
    invitations::reply_by_link(&app.ctx, &public, &token, Reply::Coming)
        .await
        .unwrap();
    let list = app.ctx.store.invitations(a.id).await.unwrap();
    let ann_now = list.iter().find(|i| i.person_id == ann).unwrap();
    assert_eq!(
        (ann_now.place, ann_now.reply()),
        (Place::Waiting, Some(Reply::Coming))
    );
    // Bob's reply is his own: Ann's link touched nobody else.
    let bob_now = list.iter().find(|i| i.person_id == bob).unwrap();
    assert_eq!(bob_now.reply(), None);

    // The audit trail has each invitation, reply and place offered.
    let entries = app
        .ctx
        .store
        .audit_entries(
            coproduce_store::audit::AuditFilter::default(),
            coproduce_store::PageRequest::first(200),
        )
        .await
        .unwrap()
        .items;
    let count = |action: &str| entries.iter().filter(|e| e.action == action).count();
    assert_eq!(count("invitation.create"), 3);
    assert_eq!(count("invitation.reply"), 2);
    assert_eq!(count("invitation.offer-place"), 1);
}

async fn each_is_reached_their_way_and_never_without_consent(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), None).await;
    let phone = person(
        app,
        PersonDraft {
            organisation_id: org,
            name: "Dee Phone".into(),
            phone: Some("07700 900123".into()),
            preferred_contact: Some("phone".into()),
            roles: vec!["carer".into()],
            ..PersonDraft::default()
        },
        true,
    )
    .await;
    let letter = person(
        app,
        PersonDraft {
            organisation_id: org,
            name: "Eve Post".into(),
            address: Some("1 High Street, Leicester".into()),
            roles: vec!["carer".into()],
            ..PersonDraft::default()
        },
        true,
    )
    .await;
    let never = person(app, emailed(org, "Fay Never"), false).await;
    let withdrawn = person(app, emailed(org, "Gus Gone"), false).await;
    let c = consent(app, withdrawn, Purpose::Contact).await;
    app.ctx
        .store
        .withdraw_consent(c, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap())
        .await
        .unwrap();
    let done = invitations::invite(&app.ctx, &lead, a.id, &[phone, letter, never, withdrawn])
        .await
        .unwrap();
    let reach: Vec<(i64, Reach)> = done
        .invited
        .iter()
        .map(|i| (i.person_id, i.reach))
        .collect();
    assert_eq!(reach, vec![(phone, Reach::Phone), (letter, Reach::Letter)]);
    assert_eq!(
        done.held_back,
        vec![
            (never, "Fay Never".to_string()),
            (withdrawn, "Gus Gone".to_string())
        ],
        "the organiser is told who was not contacted"
    );
    assert!(
        sent(app).await.is_empty(),
        "nobody here is reached by email"
    );
    // The organiser records Dee's answer from the phone call.
    let dee = done.invited[0].id;
    let r = invitations::record_reply(&app.ctx, &lead, dee, Reply::Maybe)
        .await
        .unwrap();
    assert_eq!(r.reply(), Some(Reply::Maybe));
}

async fn children_need_a_guardians_consent(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), None).await;
    let mut draft = emailed(org, "Kai Young");
    draft.born_on = Some("2012-02-01".into());
    let kai = person(app, draft, true).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let err = invitations::invite(&app.ctx, &lead, a.id, &[ann, kai])
        .await
        .unwrap_err();
    let AppError::Invalid(errs) = err else {
        panic!("{err:?}")
    };
    assert_eq!(errs.0[0].field, "person_ids[1]");
    assert_eq!(errs.0[0].problem, Some(Problem::NeedsGuardianConsent));
    assert!(
        app.ctx.store.invitations(a.id).await.unwrap().is_empty(),
        "nobody is invited when one cannot be"
    );
    consent(app, kai, Purpose::Guardian).await;
    let done = invitations::invite(&app.ctx, &lead, a.id, &[ann, kai])
        .await
        .unwrap();
    assert_eq!(done.invited.len(), 2);
}

async fn only_open_activities_and_own_people(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let other = organisation(app, "Hilltop").await;
    let lead = staff(app, org).await;
    let theirs = staff(app, other).await;
    let a = published(app, &lead, org, next_week(app), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let stranger = person(app, emailed(other, "Zed Far"), true).await;
    // Another organisation's activity does not exist for them.
    assert!(matches!(
        invitations::invite(&app.ctx, &theirs, a.id, &[stranger]).await,
        Err(AppError::NotFound)
    ));
    // Another organisation's person is refused on the field that names them.
    let Err(AppError::Invalid(errs)) =
        invitations::invite(&app.ctx, &lead, a.id, &[ann, stranger]).await
    else {
        panic!("another organisation's person was invited")
    };
    assert_eq!(errs.0[0].field, "person_ids[1]");
    // Nobody named at all.
    assert!(matches!(
        invitations::invite(&app.ctx, &lead, a.id, &[]).await,
        Err(AppError::Invalid(_))
    ));
    // A draft cannot be invited to.
    let draft = work::create_activity(&app.ctx, &lead, &fields(a.project_id, next_week(app), None))
        .await
        .unwrap();
    assert!(matches!(
        invitations::invite(&app.ctx, &lead, draft.id, &[ann]).await,
        Err(AppError::Conflict(_))
    ));
    // Replies close when the activity ends.
    let done = invitations::invite(&app.ctx, &lead, a.id, &[ann])
        .await
        .unwrap();
    let token = link_in(&sent(app).await[0]);
    app.clock().advance(Duration::days(8));
    let public = Actor::public(None);
    assert!(matches!(
        invitations::reply_by_link(&app.ctx, &public, &token, Reply::Coming).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        invitations::reply_by_link(&app.ctx, &public, "cpr_nonsense", Reply::Coming).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        invitations::invite(&app.ctx, &lead, a.id, &[ann]).await,
        Err(AppError::Conflict(_))
    ));
    assert_eq!(
        app.ctx
            .store
            .invitation(done.invited[0].id)
            .await
            .unwrap()
            .reply(),
        None
    );
}

async fn changes_and_cancellations_reach_everyone_invited(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let other_lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), Some(1)).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let bob = person(app, emailed(org, "Bob Khan"), true).await;
    invitations::invite(&app.ctx, &lead, a.id, &[ann, bob])
        .await
        .unwrap();
    sent(app).await;
    assert_eq!(a.version, 0);

    // Two staff open the activity at version 0; the first saves a new time.
    let mut moved = fields(a.project_id, next_week(app) + Duration::hours(3), Some(1));
    let changed = work::update_activity(&app.ctx, &lead, a.id, &moved, Some(0), None)
        .await
        .unwrap();
    assert_eq!(changed.version, 1);
    // The second, still at version 0, is told; nothing of theirs is written.
    moved.title = "Carers' forum (renamed)".into();
    let err = work::update_activity(&app.ctx, &other_lead, a.id, &moved, Some(0), None)
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::Conflict(_)), "{err:?}");
    assert_eq!(
        app.ctx.store.activity(a.id).await.unwrap().title,
        "Carers' forum"
    );

    // Ann, with the place, gets the event again with its sequence raised; Bob,
    // waiting, has no event to change.
    let mail = sent(app).await;
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert_eq!(mail[0].to, "ann.lee@people.example");
    assert!(mail[0].subject.starts_with("Changed"));
    let cal = &mail[0].calendar.as_ref().unwrap().text;
    assert!(cal.contains("SEQUENCE:1\r\n"));
    assert!(cal.contains("METHOD:REQUEST"));

    // Cancelled: everyone invited hears, the event is withdrawn, and the activity
    // stays on record.
    let c = work::cancel_activity(&app.ctx, &lead, a.id).await.unwrap();
    assert!(c.cancelled_at.is_some());
    assert_eq!(c.version, 2);
    let mail = sent(app).await;
    assert_eq!(mail.len(), 2);
    for m in &mail {
        assert!(m.subject.starts_with("Cancelled"));
    }
    let to_ann = mail.iter().find(|m| m.to.starts_with("ann")).unwrap();
    let cal = &to_ann.calendar.as_ref().unwrap().text;
    assert!(cal.contains("METHOD:CANCEL") && cal.contains("STATUS:CANCELLED"));
    assert!(cal.contains("SEQUENCE:2\r\n"));
    assert!(matches!(
        work::cancel_activity(&app.ctx, &lead, a.id).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        invitations::invite(&app.ctx, &lead, a.id, &[ann]).await,
        Err(AppError::Conflict(_))
    ));
}

async fn words_in_polish_and_easy_read(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), None).await;
    let mut draft = emailed(org, "Ola Nowak");
    draft.languages = vec!["Polish".into()];
    let ola = person(app, draft, true).await;
    let ed = person(app, emailed(org, "Ed Read"), true).await;
    app.ctx
        .store
        .add_need(
            ed,
            &coproduce_store::needs::NeedFields {
                need: coproduce_domain::needs::Need::EasyRead,
                language: None,
                detail: None,
            },
            app.ctx.now(),
        )
        .await
        .unwrap();
    invitations::invite(&app.ctx, &lead, a.id, &[ola, ed])
        .await
        .unwrap();
    let mail = sent(app).await;
    let pl = mail.iter().find(|m| m.to.starts_with("ola")).unwrap();
    assert!(pl.subject.starts_with("Zaproszenie"), "{}", pl.subject);
    assert!(pl.body.contains("Dzień dobry"));
    let easy = mail.iter().find(|m| m.to.starts_with("ed")).unwrap();
    assert!(
        easy.body.contains("You are invited to a meeting."),
        "{}",
        easy.body
    );
}

async fn calendar_feeds_personal_and_public(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), None).await;
    let declined = published(app, &lead, org, next_week(app) + Duration::days(1), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    invitations::invite(&app.ctx, &lead, a.id, &[ann])
        .await
        .unwrap();
    let d = invitations::invite(&app.ctx, &lead, declined.id, &[ann])
        .await
        .unwrap();
    invitations::record_reply(&app.ctx, &lead, d.invited[0].id, Reply::NotComing)
        .await
        .unwrap();
    // Only the person can make their address; someone without a record cannot.
    assert!(matches!(
        invitations::replace_feed(&app.ctx, &lead).await,
        Err(AppError::NotFound)
    ));
    let mut me = lead.clone();
    me.person_id = Some(ann);
    let address = invitations::replace_feed(&app.ctx, &me).await.unwrap();
    let token = address
        .strip_prefix("https://coproduce.test/calendar/")
        .and_then(|t| t.strip_suffix(".ics"))
        .unwrap();
    let feed = invitations::personal_feed(&app.ctx, token).await.unwrap();
    assert!(feed.contains("METHOD:PUBLISH"));
    assert!(feed.contains(&format!("UID:activity-{}@coproduce.test", a.id)));
    assert!(
        feed.contains("URL:https://meet.example/carers"),
        "her joining link"
    );
    assert!(
        !feed.contains(&format!("UID:activity-{}@", declined.id)),
        "not what she said no to"
    );
    // A new address ends the old one.
    invitations::replace_feed(&app.ctx, &me).await.unwrap();
    assert!(matches!(
        invitations::personal_feed(&app.ctx, token).await,
        Err(AppError::NotFound)
    ));
    // The public feed has published events only, without joining links.
    let mut event = fields(a.project_id, next_week(app), None);
    event.activity_type = ActivityType::Event;
    event.title = "Open day".into();
    let e = work::create_activity(&app.ctx, &lead, &event)
        .await
        .unwrap();
    let public = invitations::public_feed(&app.ctx).await.unwrap();
    assert!(!public.contains("Open day"), "a draft is not public");
    work::publish_activity(&app.ctx, &lead, e.id, None)
        .await
        .unwrap();
    let public = invitations::public_feed(&app.ctx).await.unwrap();
    assert!(public.contains("SUMMARY:Open day"));
    assert!(
        !public.contains("Carers' forum"),
        "a meeting is not a public event"
    );
    assert!(
        !public.contains("URL:"),
        "joining links are for those invited"
    );
}

async fn reminders_go_when_set_and_keep_in_step(app: &TestApp) {
    use chrono::NaiveTime;
    use coproduce_app::reminders;
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let bob = person(app, emailed(org, "Bob Khan"), true).await;
    let done = invitations::invite(&app.ctx, &lead, a.id, &[ann, bob])
        .await
        .unwrap();
    let bobs = done.invited.iter().find(|i| i.person_id == bob).unwrap().id;
    invitations::record_reply(&app.ctx, &lead, bobs, Reply::NotComing)
        .await
        .unwrap();
    sent(app).await;
    let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
    // Bad reminders: too many days, after it starts, already past, words too long.
    let refused = |r: Result<_, AppError>, field: &str| match r {
        Err(AppError::Invalid(e)) => assert_eq!(e.0[0].field, field),
        other => panic!("{other:?}"),
    };
    refused(
        reminders::add_reminder(&app.ctx, &lead, a.id, 61, ten, None).await,
        "days_before",
    );
    refused(
        reminders::add_reminder(
            &app.ctx,
            &lead,
            a.id,
            0,
            NaiveTime::from_hms_opt(23, 0, 0).unwrap(),
            None,
        )
        .await,
        "at",
    );
    refused(
        reminders::add_reminder(&app.ctx, &lead, a.id, 30, ten, None).await,
        "at",
    );
    refused(
        reminders::add_reminder(&app.ctx, &lead, a.id, 2, ten, Some(&"x".repeat(2000))).await,
        "words",
    );
    let r = reminders::add_reminder(&app.ctx, &lead, a.id, 2, ten, Some("Bring your ideas."))
        .await
        .unwrap();
    assert!(sent(app).await.is_empty(), "not yet");
    // The meeting moves a day later: at the first time, nothing; a day on, it goes.
    let moved = fields(a.project_id, next_week(app) + Duration::days(1), None);
    work::update_activity(&app.ctx, &lead, a.id, &moved, None, None)
        .await
        .unwrap();
    sent(app).await;
    let due = coproduce_domain::invitation::reminder_time(a.starts_at, 2, ten);
    app.clock()
        .advance(due - app.ctx.now() + Duration::minutes(1));
    assert!(sent(app).await.is_empty(), "moved with its meeting");
    app.clock().advance(Duration::days(1));
    let mail = sent(app).await;
    assert_eq!(mail.len(), 1, "Ann, not Bob who said no: {mail:?}");
    assert_eq!(mail[0].subject, "Reminder: Carers' forum");
    assert!(mail[0].body.contains("Bring your ideas."));
    assert!(mail[0].body.contains("/reply/cpr_"));
    let r = app.ctx.store.reminder(r.id).await.unwrap();
    assert_eq!(r.sent_to, Some(1));
    // Nothing is sent for a meeting called off.
    let b = published(app, &lead, org, next_week(app) + Duration::days(3), None).await;
    invitations::invite(&app.ctx, &lead, b.id, &[ann])
        .await
        .unwrap();
    reminders::add_reminder(&app.ctx, &lead, b.id, 1, ten, None)
        .await
        .unwrap();
    work::cancel_activity(&app.ctx, &lead, b.id).await.unwrap();
    sent(app).await;
    app.clock().advance(Duration::days(3));
    assert!(sent(app).await.is_empty());
}

async fn a_meeting_is_closed_with_who_came_and_for_how_long(app: &TestApp) {
    use coproduce_domain::person::AttendanceStatus;
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let bob = person(app, emailed(org, "Bob Khan"), true).await;
    // Notes before it starts are refused, and so is nothing.
    let refused = |r: Result<Activity, AppError>| match r {
        Err(AppError::Invalid(e)) => e.0[0].problem.clone(),
        other => panic!("{other:?}"),
    };
    assert!(matches!(
        work::close_activity(&app.ctx, &lead, a.id, "Went well").await,
        Err(AppError::Conflict(_))
    ));
    app.clock().advance(Duration::days(7) + Duration::hours(3));
    assert_eq!(
        refused(work::close_activity(&app.ctx, &lead, a.id, "   ").await),
        Some(Problem::Empty)
    );
    // Who came: the whole two hours unless told; minutes only for someone who came.
    let r = work::set_attendance(&app.ctx, &lead, a.id, ann, AttendanceStatus::Attended, None)
        .await
        .unwrap();
    assert_eq!(r.minutes, Some(120));
    let r = work::set_attendance(
        &app.ctx,
        &lead,
        a.id,
        bob,
        AttendanceStatus::Attended,
        Some(45),
    )
    .await
    .unwrap();
    assert_eq!(r.minutes, Some(45));
    assert!(matches!(
        work::set_attendance(
            &app.ctx,
            &lead,
            a.id,
            bob,
            AttendanceStatus::Absent,
            Some(45)
        )
        .await,
        Err(AppError::Invalid(_))
    ));
    assert!(matches!(
        work::set_attendance(
            &app.ctx,
            &lead,
            a.id,
            bob,
            AttendanceStatus::Attended,
            Some(0)
        )
        .await,
        Err(AppError::Invalid(_))
    ));
    let r = work::set_attendance(&app.ctx, &lead, a.id, bob, AttendanceStatus::Absent, None)
        .await
        .unwrap();
    assert_eq!(
        r.minutes, None,
        "nothing counted for someone who did not come"
    );
    let closed = work::close_activity(&app.ctx, &lead, a.id, "  Agreed three priorities.  ")
        .await
        .unwrap();
    assert_eq!(
        closed.closing_notes.as_deref(),
        Some("Agreed three priorities.")
    );
    assert_eq!(closed.closed_at, Some(app.ctx.now()));
}

async fn access_support_is_listed_booked_and_met(app: &TestApp) {
    use coproduce_app::provision;
    use coproduce_domain::needs::Need;
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), Some(2)).await;
    let need = |person: i64, n: Need| {
        let store = app.ctx.store.clone();
        let now = app.ctx.now();
        async move {
            store
                .add_need(
                    person,
                    &coproduce_store::needs::NeedFields {
                        need: n,
                        language: None,
                        detail: None,
                    },
                    now,
                )
                .await
                .unwrap();
        }
    };
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    consent(app, ann, Purpose::ShareNeeds).await;
    need(ann, Need::EasyRead).await;
    let bob = person(app, emailed(org, "Bob Khan"), true).await;
    consent(app, bob, Purpose::ShareNeeds).await;
    need(bob, Need::EasyRead).await;
    // Cy shares nothing; Dee is waiting: neither is counted.
    let cy = person(app, emailed(org, "Cy Ola"), true).await;
    need(cy, Need::LargePrint24).await;
    let dee = person(app, emailed(org, "Dee Wait"), true).await;
    consent(app, dee, Purpose::ShareNeeds).await;
    need(dee, Need::LargePrint24).await;
    invitations::invite(&app.ctx, &lead, a.id, &[ann, bob, dee])
        .await
        .unwrap();
    let list = provision::list(&app.ctx, &lead, a.id).await.unwrap();
    let shown: Vec<(Need, i64)> = list.iter().map(|i| (i.need, i.people)).collect();
    assert_eq!(shown, vec![(Need::EasyRead, 2)]);
    // Booking: from whom is needed, the cost is whole pence within range, and only
    // what is on the list.
    let bad = |r: Result<provision::Item, AppError>| match r {
        Err(AppError::Invalid(e)) => e.0[0].field.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        bad(provision::book(&app.ctx, &lead, a.id, Need::EasyRead, None, " ", None, None).await),
        "booked_with"
    );
    assert_eq!(
        bad(provision::book(
            &app.ctx,
            &lead,
            a.id,
            Need::EasyRead,
            None,
            "Easy Read Co",
            None,
            Some(-1)
        )
        .await),
        "cost_pence"
    );
    assert!(matches!(
        provision::book(
            &app.ctx,
            &lead,
            a.id,
            Need::BslInterpreter,
            None,
            "Signs Ltd",
            None,
            None
        )
        .await,
        Err(AppError::Conflict(_))
    ));
    let booked = provision::book(
        &app.ctx,
        &lead,
        a.id,
        Need::EasyRead,
        None,
        "Easy Read Co",
        Some("Sam"),
        Some(4500),
    )
    .await
    .unwrap();
    assert_eq!(booked.provision.unwrap().cost_pence, Some(4500));
    // Whether it was met: only once it has started; not met needs the reason.
    assert!(matches!(
        provision::record_outcome(&app.ctx, &lead, a.id, Need::EasyRead, None, true, None).await,
        Err(AppError::Conflict(_))
    ));
    app.clock().advance(Duration::days(7) + Duration::hours(3));
    assert_eq!(
        bad(
            provision::record_outcome(&app.ctx, &lead, a.id, Need::EasyRead, None, false, None)
                .await
        ),
        "reason"
    );
    let done = provision::record_outcome(
        &app.ctx,
        &lead,
        a.id,
        Need::EasyRead,
        None,
        false,
        Some("The papers came a day late."),
    )
    .await
    .unwrap();
    assert_eq!(done.provision.unwrap().met, Some(false));
    assert_eq!(app.ctx.store.unmet_needs(org).await.unwrap(), 1);
}

async fn a_reminder_is_removed_until_it_is_sent(app: &TestApp) {
    use chrono::NaiveTime;
    use coproduce_app::reminders;
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, next_week(app), None).await;
    let b = published(app, &lead, org, next_week(app), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    invitations::invite(&app.ctx, &lead, a.id, &[ann])
        .await
        .unwrap();
    sent(app).await;
    let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
    let soon = reminders::add_reminder(&app.ctx, &lead, a.id, 1, ten, Some("See you soon"))
        .await
        .unwrap();
    let early = reminders::add_reminder(&app.ctx, &lead, a.id, 5, ten, None)
        .await
        .unwrap();
    // Named under another activity: not found.
    assert!(matches!(
        reminders::remove_reminder(&app.ctx, &lead, b.id, soon.id).await,
        Err(AppError::NotFound)
    ));
    reminders::remove_reminder(&app.ctx, &lead, a.id, soon.id)
        .await
        .unwrap();
    assert_eq!(app.ctx.store.reminders(a.id).await.unwrap().len(), 1);
    // The early one is sent; after that it stays on record.
    app.clock().advance(Duration::days(3));
    assert_eq!(sent(app).await.len(), 1);
    assert!(matches!(
        reminders::remove_reminder(&app.ctx, &lead, a.id, early.id).await,
        Err(AppError::Conflict(_))
    ));
    // The removed one never goes.
    app.clock().advance(Duration::days(3));
    assert!(sent(app).await.is_empty());
}

app_tests!(
    a_reminder_is_removed_until_it_is_sent,
    access_support_is_listed_booked_and_met,
    a_meeting_is_closed_with_who_came_and_for_how_long,
    reminders_go_when_set_and_keep_in_step,
    calendar_feeds_personal_and_public,
    places_and_the_waiting_list,
    each_is_reached_their_way_and_never_without_consent,
    children_need_a_guardians_consent,
    only_open_activities_and_own_people,
    changes_and_cancellations_reach_everyone_invited,
    words_in_polish_and_easy_read,
);
