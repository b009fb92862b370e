//! The charter's meeting rules through the application layer: the values a signed
//! charter brings and an organisation changes, warnings naming the commitment, a
//! reason needed (and kept) to publish or change a plan that breaks one, a venue
//! lacking what someone coming needs, and ground rules attached and sent. On SQLite
//! and PostgreSQL.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc, Weekday};
use coproduce_app::meeting_rules::{self as rules, Setting};
use coproduce_app::testing::TestApp;
use coproduce_app::{AppError, app_tests, invitations, work};
use coproduce_domain::account::Role;
use coproduce_domain::activity::{ActivityType, Mode, Schedule, VenueFeature};
use coproduce_domain::charter::SignatoryStatus;
use coproduce_domain::consent::Purpose;
use coproduce_domain::ladder::{Level, Stage};
use coproduce_domain::meeting_rules::{Check, RuleKind};
use coproduce_domain::needs::Need;
use coproduce_domain::text::Problem;
use coproduce_domain::time::{from_london, london_date};
use coproduce_store::projects::ProjectFields;
use coproduce_store::venues::VenueFields;

use crate::invitations::{consent, emailed, fields, organisation, person, staff};

/// An organisation that signed the LPT charter, and its involvement lead.
async fn signed_lpt(app: &TestApp) -> (i64, coproduce_app::Actor) {
    let org = organisation(app, "Leicestershire").await;
    let charter = coproduce_domain::templates::get("lpt-involvement").unwrap();
    let record = app
        .ctx
        .store
        .import_charter(&charter, app.ctx.now())
        .await
        .unwrap();
    let admin = app.signed_in(Role::Administrator, None).await.actor;
    let today = london_date(app.ctx.now());
    coproduce_app::charters::add_signatory(
        &app.ctx,
        &admin,
        record.id,
        org,
        SignatoryStatus::Signed,
        today,
        Some(today),
    )
    .await
    .unwrap();
    (org, staff(app, org).await)
}

/// A weekday at least a week ahead, at a London time.
fn weekday_at(app: &TestApp, h: u32, m: u32) -> DateTime<Utc> {
    let mut day = london_date(app.ctx.now()) + Duration::days(7);
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day += Duration::days(1);
    }
    from_london(day.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())).unwrap()
}

async fn project(app: &TestApp, lead: &coproduce_app::Actor, org: i64) -> i64 {
    work::create_project(
        &app.ctx,
        lead,
        &ProjectFields {
            organisation_id: org,
            title: "Crisis line".into(),
            stage: Stage::Design,
            level: Level::Service,
            scope_and_limits: Some("How the crisis line answers at night".into()),
            lead_account_id: None,
            target_rung: None,
            budget_pence: None,
            cannot_change: Some("The number, which is national".into()),
            partners: vec![],
            stage_began_on: None,
        },
    )
    .await
    .unwrap()
    .id
}

fn refused_field(r: Result<impl std::fmt::Debug, AppError>) -> (String, Problem) {
    match r {
        Err(AppError::Invalid(e)) => (e.0[0].field.clone(), e.0[0].problem.clone().unwrap()),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn a_signed_charter_brings_its_rules_and_the_organisation_may_change_them(app: &TestApp) {
    let (org, lead) = signed_lpt(app).await;
    let settings = rules::settings(&app.ctx, &lead, org).await.unwrap();
    let face = settings
        .iter()
        .find(|s| s.kind == RuleKind::LongestFaceToFace)
        .unwrap();
    let in_force = face.in_force.as_ref().unwrap();
    assert_eq!(in_force.rule.amount, Some(180));
    assert_eq!(
        in_force.rule.not_counting,
        [ActivityType::Event, ActivityType::Conference]
    );
    assert_eq!(in_force.source.as_ref().unwrap().commitment_key, "GR7");
    // LPT states no rush hours and no papers deadline: they are off.
    for kind in [RuleKind::RushHours, RuleKind::PapersBefore] {
        let s = settings.iter().find(|s| s.kind == kind).unwrap();
        assert!(s.in_force.is_none(), "{kind:?}");
    }
    // The organisation sets its own debrief, turns the spread of times off and
    // starts asking for papers a week before.
    let thirty = rules::read_rule(RuleKind::Debrief, Some(30), "", &[]).unwrap();
    let s = rules::set(
        &app.ctx,
        &lead,
        org,
        RuleKind::Debrief,
        &Setting::On(thirty),
    )
    .await
    .unwrap();
    assert!(s.set_here);
    assert_eq!(s.in_force.as_ref().unwrap().rule.amount, Some(30));
    // Still named as coming from the charter's commitment.
    assert_eq!(s.in_force.unwrap().source.unwrap().commitment_key, "GR10");
    let s = rules::set(&app.ctx, &lead, org, RuleKind::SpreadOfTimes, &Setting::Off)
        .await
        .unwrap();
    assert!(s.in_force.is_none());
    let s = rules::set(
        &app.ctx,
        &lead,
        org,
        RuleKind::SpreadOfTimes,
        &Setting::FromCharter,
    )
    .await
    .unwrap();
    assert_eq!(s.in_force.unwrap().rule.amount, Some(3));
    // Bad values are named on their fields; staff cannot change rules; another
    // organisation's rules do not exist for them.
    assert_eq!(
        refused_field(rules::read_rule(RuleKind::Debrief, Some(500), "", &[])).0,
        "amount"
    );
    assert_eq!(
        refused_field(rules::read_rule(
            RuleKind::RushHours,
            None,
            "Mon-Fri 9-5",
            &[]
        ))
        .0,
        "windows"
    );
    assert_eq!(
        refused_field(rules::read_rule(
            RuleKind::LongestOnline,
            None,
            "",
            &["picnic".into()]
        ))
        .0,
        "not_counting[0]"
    );
    let member = app.signed_in(Role::Staff, Some(org)).await.actor;
    assert!(matches!(
        rules::set(&app.ctx, &member, org, RuleKind::Debrief, &Setting::Off).await,
        Err(AppError::Forbidden(_))
    ));
    let other = organisation(app, "Elsewhere").await;
    let stranger = staff(app, other).await;
    assert!(matches!(
        rules::settings(&app.ctx, &stranger, org).await,
        Err(AppError::NotFound)
    ));
}

async fn a_plan_breaking_a_rule_warns_and_needs_a_reason_to_publish(app: &TestApp) {
    let (org, lead) = signed_lpt(app).await;
    let project = project(app, &lead, org).await;
    // Three and a half hours online, with no debrief and no ground rules.
    let starts = weekday_at(app, 10, 0);
    let mut f = fields(project, starts, None);
    f.schedule = Schedule::new(starts, starts + Duration::minutes(210)).unwrap();
    let a = work::create_activity(&app.ctx, &lead, &f).await.unwrap();
    let warnings = rules::warnings(&app.ctx, &lead, a.id).await.unwrap();
    let checks: Vec<Check> = warnings.iter().map(|w| w.breach.check).collect();
    assert_eq!(
        checks,
        [
            Check::Rule(RuleKind::LongestOnline),
            Check::Rule(RuleKind::Debrief),
            Check::Rule(RuleKind::GroundRules)
        ]
    );
    let long = &warnings[0].breach;
    assert_eq!(
        long.found,
        "It lasts 3 hours 30 minutes; the limit online is 2 hours."
    );
    let source = long.source.as_ref().unwrap();
    assert_eq!(source.commitment_key, "GR7");
    assert!(
        source
            .commitment_text
            .starts_with("Keep meetings to an agreed time limit")
    );
    // Publishing asks for a reason, and writes nothing without one.
    assert_eq!(
        refused_field(work::publish_activity(&app.ctx, &lead, a.id, None).await),
        ("go_ahead_reason".into(), Problem::ReasonToGoAhead(3))
    );
    assert!(
        app.ctx
            .store
            .activity(a.id)
            .await
            .unwrap()
            .published_at
            .is_none()
    );
    assert_eq!(
        refused_field(work::publish_activity(&app.ctx, &lead, a.id, Some("  ")).await).0,
        "go_ahead_reason"
    );
    let reason = "The group asked for one long session to finish the plan.";
    let published = work::publish_activity(&app.ctx, &lead, a.id, Some(reason))
        .await
        .unwrap();
    assert!(published.published_at.is_some());
    let warnings = rules::warnings(&app.ctx, &lead, a.id).await.unwrap();
    assert!(
        warnings
            .iter()
            .all(|w| { w.went_ahead.as_ref().map(|e| e.reason.as_str()) == Some(reason) })
    );
    let kept = app.ctx.store.exceptions(a.id).await.unwrap();
    assert_eq!(kept.len(), 3);
    assert!(kept[0].decided_by.is_some());
    // A change that breaks a new rule needs its own reason: moved to the evening
    // rush hour... which LPT does not set, so it goes through; then the
    // organisation adds rush hours and a change into them is refused.
    let rush = rules::read_rule(RuleKind::RushHours, None, "", &[]).unwrap();
    rules::set(
        &app.ctx,
        &lead,
        org,
        RuleKind::RushHours,
        &Setting::On(rush),
    )
    .await
    .unwrap();
    let mut moved = f.clone();
    moved.mode = Mode::Hybrid;
    let at = weekday_at(app, 17, 0);
    moved.schedule = Schedule::new(at, at + Duration::minutes(210)).unwrap();
    moved.details.venue_id = None;
    let refused = work::update_activity(&app.ctx, &lead, a.id, &moved, None, None).await;
    assert_eq!(
        refused_field(refused),
        ("go_ahead_reason".into(), Problem::ReasonToGoAhead(1))
    );
    assert_eq!(
        app.ctx.store.activity(a.id).await.unwrap().starts_at,
        starts
    );
    work::update_activity(
        &app.ctx,
        &lead,
        a.id,
        &moved,
        None,
        Some("Carers asked for after work."),
    )
    .await
    .unwrap();
    let after = rules::warnings(&app.ctx, &lead, a.id).await.unwrap();
    let rush = after
        .iter()
        .find(|w| w.breach.check == Check::Rule(RuleKind::RushHours))
        .unwrap();
    assert_eq!(
        rush.went_ahead.as_ref().unwrap().reason,
        "Carers asked for after work."
    );
    // An event is not held to the time limit.
    let mut event = f.clone();
    event.activity_type = ActivityType::Event;
    let e = work::create_activity(&app.ctx, &lead, &event)
        .await
        .unwrap();
    let checks: Vec<Check> = rules::warnings(&app.ctx, &lead, e.id)
        .await
        .unwrap()
        .iter()
        .map(|w| w.breach.check)
        .collect();
    assert!(!checks.contains(&Check::Rule(RuleKind::LongestOnline)));
}

async fn a_venue_lacking_what_someone_coming_needs_is_a_warning(app: &TestApp) {
    let (org, lead) = signed_lpt(app).await;
    let project = project(app, &lead, org).await;
    let venue = coproduce_app::venues::create_venue(
        &app.ctx,
        &lead,
        &VenueFields {
            organisation_id: org,
            name: "Bridge Park Plaza".into(),
            address: None,
            postcode: None,
            notes: None,
            features: vec![VenueFeature::StepFree],
        },
    )
    .await
    .unwrap();
    let starts = weekday_at(app, 11, 0);
    let mut f = fields(project, starts, None);
    f.mode = Mode::FaceToFace;
    f.details.venue_id = Some(venue.id);
    f.details.debrief_minutes = Some(20);
    let a = work::create_activity(&app.ctx, &lead, &f).await.unwrap();
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    consent(app, ann, Purpose::ShareNeeds).await;
    for need in [Need::HearingLoop, Need::StepFree] {
        app.ctx
            .store
            .add_need(
                ann,
                &coproduce_store::needs::NeedFields {
                    need,
                    language: None,
                    detail: None,
                },
                app.ctx.now(),
            )
            .await
            .unwrap();
    }
    invitations::invite(&app.ctx, &lead, a.id, &[ann])
        .await
        .unwrap_err();
    // A draft cannot be invited to; publish it first, giving the reason for the
    // ground rules it lacks.
    work::publish_activity(
        &app.ctx,
        &lead,
        a.id,
        Some("Ground rules agreed on the day."),
    )
    .await
    .unwrap();
    invitations::invite(&app.ctx, &lead, a.id, &[ann])
        .await
        .unwrap();
    let checks: Vec<Check> = rules::warnings(&app.ctx, &lead, a.id)
        .await
        .unwrap()
        .iter()
        .filter(|w| w.went_ahead.is_none())
        .map(|w| w.breach.check)
        .collect();
    assert_eq!(checks, [Check::Venue(VenueFeature::HearingLoop)]);
}

async fn ground_rules_are_attached_shown_and_sent(app: &TestApp) {
    let (org, lead) = signed_lpt(app).await;
    let project = project(app, &lead, org).await;
    let a = work::create_activity(
        &app.ctx,
        &lead,
        &fields(project, weekday_at(app, 10, 0), None),
    )
    .await
    .unwrap();
    let choices = rules::ground_rules_choices(&app.ctx, &lead, a.id)
        .await
        .unwrap();
    let lpt = choices
        .iter()
        .find(|c| c.key.starts_with("charter-"))
        .unwrap();
    assert_eq!(lpt.title, "Involvement Charter: Ground Rules");
    assert!(lpt.words.contains("- Phones on silent."));
    assert_eq!(
        refused_field(
            rules::attach_ground_rules(&app.ctx, &lead, a.id, Some("document-999")).await
        )
        .0,
        "ground_rules"
    );
    let with = rules::attach_ground_rules(&app.ctx, &lead, a.id, Some(&lpt.key))
        .await
        .unwrap();
    assert_eq!(with.ground_rules.as_deref(), Some(lpt.words.as_str()));
    assert!(with.version > a.version);
    let checks: Vec<Check> = rules::warnings(&app.ctx, &lead, a.id)
        .await
        .unwrap()
        .iter()
        .map(|w| w.breach.check)
        .collect();
    assert!(!checks.contains(&Check::Rule(RuleKind::GroundRules)));
    // Sent with the invitation.
    let mut f = fields(project, weekday_at(app, 10, 0), None);
    f.details.debrief_minutes = Some(20);
    work::update_activity(&app.ctx, &lead, a.id, &f, None, None)
        .await
        .unwrap();
    work::publish_activity(&app.ctx, &lead, a.id, None)
        .await
        .unwrap();
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    invitations::invite(&app.ctx, &lead, a.id, &[ann])
        .await
        .unwrap();
    app.run_jobs().await;
    let mail = app.mail.take();
    assert!(mail[0].body.contains("The ground rules for this meeting"));
    assert!(mail[0].body.contains("- Phones on silent."));
    // Taken off again.
    let without = rules::attach_ground_rules(&app.ctx, &lead, a.id, None)
        .await
        .unwrap();
    assert!(without.ground_rules.is_none());
}

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\ntrailer\n%%EOF\n";

async fn papers_are_checked_sent_and_read_by_those_coming(app: &TestApp) {
    use coproduce_app::papers;
    use coproduce_domain::papers::PaperFormat;
    let (org, lead) = signed_lpt(app).await;
    let project = project(app, &lead, org).await;
    let mut f = fields(project, weekday_at(app, 10, 0), Some(1));
    f.details.debrief_minutes = Some(20);
    let a = work::create_activity(&app.ctx, &lead, &f).await.unwrap();
    // A program renamed .pdf, a file over the limit, an empty title: each refused on
    // its field, nothing kept.
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
    exe.resize(256, 0);
    let field = |r: Result<_, AppError>| refused_field(r).0;
    assert_eq!(
        field(
            papers::add(
                &app.ctx,
                &lead,
                a.id,
                "Agenda",
                PaperFormat::Standard,
                "agenda.pdf",
                &exe
            )
            .await
        ),
        "file"
    );
    let big = vec![b'a'; coproduce_domain::papers::MAX_BYTES + 1];
    assert_eq!(
        refused_field(
            papers::add(
                &app.ctx,
                &lead,
                a.id,
                "Notes",
                PaperFormat::Standard,
                "notes.txt",
                &big
            )
            .await
        ),
        ("file".into(), Problem::FileTooLarge(20))
    );
    assert_eq!(
        field(
            papers::add(
                &app.ctx,
                &lead,
                a.id,
                " ",
                PaperFormat::Standard,
                "agenda.pdf",
                PDF
            )
            .await
        ),
        "title"
    );
    assert!(
        papers::list(&app.ctx, &lead, a.id)
            .await
            .unwrap()
            .is_empty()
    );
    let agenda = papers::add(
        &app.ctx,
        &lead,
        a.id,
        "Agenda",
        PaperFormat::Standard,
        "agenda.pdf",
        PDF,
    )
    .await
    .unwrap();
    assert_eq!(agenda.media_type, "application/pdf");
    assert_eq!(agenda.size_bytes, PDF.len() as i64);
    assert_eq!(agenda.sha256.len(), 64);
    let easy = papers::add(
        &app.ctx,
        &lead,
        a.id,
        "Agenda in Easy Read",
        PaperFormat::EasyRead,
        "agenda-easy.txt",
        "What we will talk about.".as_bytes(),
    )
    .await
    .unwrap();
    // A draft has nobody to send to.
    assert!(matches!(
        papers::send(&app.ctx, &lead, a.id).await,
        Err(AppError::Conflict(_))
    ));
    work::publish_activity(
        &app.ctx,
        &lead,
        a.id,
        Some("Ground rules agreed on the day."),
    )
    .await
    .unwrap();
    // Ann has a place and reads Easy Read; Bob waits.
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    app.ctx
        .store
        .add_need(
            ann,
            &coproduce_store::needs::NeedFields {
                need: Need::EasyRead,
                language: None,
                detail: None,
            },
            app.ctx.now(),
        )
        .await
        .unwrap();
    let bob = person(app, emailed(org, "Bob Khan"), true).await;
    invitations::invite(&app.ctx, &lead, a.id, &[ann, bob])
        .await
        .unwrap();
    app.run_jobs().await;
    app.mail.take();
    let sent = papers::send(&app.ctx, &lead, a.id).await.unwrap();
    assert_eq!((sent.emailed, sent.papers), (1, 2));
    assert!(sent.to_post.is_empty());
    app.run_jobs().await;
    let mail = app.mail.take();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "ann.lee@people.example");
    assert!(mail[0].subject.contains("Papers"), "{}", mail[0].subject);
    assert!(mail[0].calendar.is_none());
    // The rule on papers before is now measured from when they went out.
    let sent_at = app.ctx.store.papers_sent_at(a.id).await.unwrap();
    assert_eq!(sent_at, Some(app.ctx.now()));
    // Ann reads them, her format first, by her link; Bob, waiting, reads none.
    let token = {
        let start = mail[0].body.find("/reply/").unwrap();
        mail[0].body[start + 7..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect::<String>()
    };
    let hers = invitations::invitation_by_link(&app.ctx, &token)
        .await
        .unwrap();
    let format = papers::format_for(&app.ctx, ann).await.unwrap();
    assert_eq!(format, PaperFormat::EasyRead);
    let readable = papers::for_invitation(&app.ctx, &hers, Some(format))
        .await
        .unwrap();
    let ids: Vec<i64> = readable.iter().map(|p| p.id).collect();
    assert_eq!(ids, [easy.id, agenda.id]);
    let (_, bytes) = papers::content_for_invitation(&app.ctx, &hers, agenda.id)
        .await
        .unwrap();
    assert_eq!(bytes, PDF);
    let all = app.ctx.store.invitations(a.id).await.unwrap();
    let his = all.iter().find(|i| i.person_id == bob).unwrap();
    assert!(matches!(
        papers::content_for_invitation(&app.ctx, his, agenda.id).await,
        Err(AppError::NotFound)
    ));
    // A paper sent stays on record; another organisation's does not exist.
    assert!(matches!(
        papers::remove(&app.ctx, &lead, agenda.id).await,
        Err(AppError::Conflict(_))
    ));
    let other = organisation(app, "Elsewhere").await;
    let stranger = staff(app, other).await;
    assert!(matches!(
        papers::content(&app.ctx, &stranger, agenda.id).await,
        Err(AppError::NotFound)
    ));
}

app_tests!(
    a_signed_charter_brings_its_rules_and_the_organisation_may_change_them,
    a_plan_breaking_a_rule_warns_and_needs_a_reason_to_publish,
    a_venue_lacking_what_someone_coming_needs_is_a_warning,
    ground_rules_are_attached_shown_and_sent,
    papers_are_checked_sent_and_read_by_those_coming,
);
