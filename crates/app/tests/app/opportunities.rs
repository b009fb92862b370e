//! Opportunities through the application layer: written and checked, opened only
//! with an Easy Read version, interest said by the person or by staff for them,
//! who may apply (anyone, a network's members, people invited), choosing after the
//! closing date within the places, everyone told, and the make-up only as totals.
//! On SQLite and PostgreSQL.

use chrono::Duration;
use coproduce_app::opportunities::{self as opp, Told};
use coproduce_app::testing::TestApp;
use coproduce_app::{Actor, AppError, app_tests, networks};
use coproduce_domain::account::Role;
use coproduce_domain::network::{MemberRole, NetworkKind};
use coproduce_domain::opportunity::{ApplicationStatus, OpportunityDraft};
use coproduce_domain::person::PersonDraft;
use coproduce_domain::text::Problem;
use coproduce_domain::time::london_date;

use crate::invitations::{emailed, organisation, person, staff};

fn draft(app: &TestApp, who: &str, network: Option<i64>) -> OpportunityDraft {
    OpportunityDraft {
        title: "Interview panel for a ward manager".into(),
        expected: "Read the applications and ask two questions.".into(),
        involved: "One morning of interviews at the hospital.".into(),
        time_asked: "4 hours on one morning".into(),
        recognition: "payment".into(),
        recognition_detail: "£15 an hour, and travel repaid".into(),
        access_support: "Papers in Easy Read or large print; a BSL interpreter".into(),
        rung: "co-production".into(),
        closes_on: (london_date(app.ctx.now()) + Duration::days(7)).to_string(),
        places: "1".into(),
        who_may_apply: who.into(),
        network_id: network,
        project_id: None,
        easy_read: "You help choose a new ward manager.\nYou ask 2 questions.".into(),
    }
}

async fn participant(app: &TestApp, org: i64, person: i64) -> Actor {
    let mut actor = app.signed_in(Role::Participant, Some(org)).await.actor;
    actor.person_id = Some(person);
    actor
}

fn invalid_fields(r: Result<impl std::fmt::Debug, AppError>) -> Vec<String> {
    match r {
        Err(AppError::Invalid(errs)) => errs.0.into_iter().map(|e| e.field).collect(),
        other => panic!("expected refused values, got {other:?}"),
    }
}

async fn people_say_they_are_interested_and_everyone_hears_back(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    // Bad values are each named.
    let bad = OpportunityDraft {
        title: String::new(),
        places: "0".into(),
        closes_on: "2020-01-01".into(),
        ..draft(app, "public", None)
    };
    assert_eq!(
        invalid_fields(opp::create(&app.ctx, &lead, org, &bad).await),
        ["title", "closes_on", "places"]
    );
    // Not opened without an Easy Read version.
    let no_easy = OpportunityDraft {
        easy_read: String::new(),
        places: "2".into(),
        ..draft(app, "public", None)
    };
    let o = opp::create(&app.ctx, &lead, org, &no_easy).await.unwrap();
    let Err(AppError::Conflict(why)) = opp::publish(&app.ctx, &lead, o.id).await else {
        panic!("opened without Easy Read");
    };
    assert!(why.contains("Easy Read"), "{why}");
    let mut with_easy = no_easy.clone();
    with_easy.easy_read = "You help choose a new ward manager.".into();
    opp::update(&app.ctx, &lead, o.id, &with_easy)
        .await
        .unwrap();
    // Nobody may say they are interested in a draft.
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let ann_actor = participant(app, org, ann).await;
    assert!(matches!(
        opp::apply_self(&app.ctx, &ann_actor, o.id, None).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        opp::listed(&app.ctx, o.id).await,
        Err(AppError::NotFound)
    ));
    opp::publish(&app.ctx, &lead, o.id).await.unwrap();
    assert_eq!(opp::listed(&app.ctx, o.id).await.unwrap().id, o.id);
    // The person says it themselves; twice is a conflict.
    opp::apply_self(
        &app.ctx,
        &ann_actor,
        o.id,
        Some("I was a patient on the ward."),
    )
    .await
    .unwrap();
    assert!(matches!(
        opp::apply_self(&app.ctx, &ann_actor, o.id, None).await,
        Err(AppError::Conflict(_))
    ));
    // Staff say it for people: one with no email, one who may not be contacted.
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
    let dee = person(app, emailed(org, "Dee Quiet"), false).await;
    let eve = person(app, emailed(org, "Eve Changed"), true).await;
    for p in [cy, dee, eve] {
        opp::apply_for(&app.ctx, &lead, o.id, p, None)
            .await
            .unwrap();
    }
    // Someone of another organisation is refused on person_id.
    let other = organisation(app, "Elsewhere").await;
    let stranger = person(app, emailed(other, "Sam Far"), true).await;
    assert_eq!(
        invalid_fields(opp::apply_for(&app.ctx, &lead, o.id, stranger, None).await),
        ["person_id"]
    );
    // Eve changes her mind.
    let eve_actor = participant(app, org, eve).await;
    opp::withdraw(&app.ctx, &eve_actor, o.id, eve)
        .await
        .unwrap();
    // Not chosen while it is open.
    assert!(matches!(
        opp::decide(&app.ctx, &lead, o.id, &[ann]).await,
        Err(AppError::Conflict(_))
    ));
    app.clock().advance(Duration::days(8));
    let lead = staff(app, org).await;
    // Too late to say it now.
    let fay = person(app, emailed(org, "Fay Late"), true).await;
    assert!(matches!(
        opp::apply_for(&app.ctx, &lead, o.id, fay, None).await,
        Err(AppError::Conflict(_))
    ));
    // More than the places, or someone not interested, is refused and named.
    let Err(AppError::Invalid(errs)) = opp::decide(&app.ctx, &lead, o.id, &[ann, cy, eve]).await
    else {
        panic!("chose too many");
    };
    let problems: Vec<_> = errs.0.iter().map(|e| e.problem.clone()).collect();
    assert_eq!(
        problems,
        [
            Some(Problem::NotApplied(eve)),
            Some(Problem::MoreThanPlaces(2))
        ]
    );
    app.run_jobs().await;
    app.mail.take();
    let told = opp::decide(&app.ctx, &lead, o.id, &[ann, cy])
        .await
        .unwrap();
    assert_eq!(
        told,
        Told {
            emailed: 1,
            to_tell: vec!["Cy Post".into()],
            not_contacted: vec!["Dee Quiet".into()],
        }
    );
    app.run_jobs().await;
    let mail = app.mail.take();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "ann.lee@people.example");
    assert!(mail[0].subject.contains("chosen"), "{}", mail[0].subject);
    let statuses: Vec<(String, ApplicationStatus)> = app
        .ctx
        .store
        .applications(o.id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.name, a.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("Ann Lee".into(), ApplicationStatus::Chosen),
            ("Cy Post".into(), ApplicationStatus::Chosen),
            ("Dee Quiet".into(), ApplicationStatus::NotChosen),
            ("Eve Changed".into(), ApplicationStatus::Withdrawn),
        ]
    );
    // The first decision stands, and nothing changes after it.
    assert!(matches!(
        opp::decide(&app.ctx, &lead, o.id, &[dee]).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        opp::update(&app.ctx, &lead, o.id, &with_easy).await,
        Err(AppError::Conflict(_))
    ));
    // Another organisation's staff do not know it exists.
    let their_lead = staff(app, other).await;
    assert!(matches!(
        opp::update(&app.ctx, &their_lead, o.id, &with_easy).await,
        Err(AppError::NotFound)
    ));
}

async fn who_may_apply_is_kept(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let network = networks::create_network(
        &app.ctx,
        &lead,
        &coproduce_store::networks::NetworkFields {
            organisation_id: org,
            name: "Carers' Network".into(),
            kind: NetworkKind::ServiceUserCarer,
            description: None,
        },
    )
    .await
    .unwrap();
    let member = person(app, emailed(org, "Mo Member"), true).await;
    let outsider = person(app, emailed(org, "Ola Outside"), true).await;
    networks::add_member(
        &app.ctx,
        &lead,
        network.id,
        member,
        MemberRole::Member,
        london_date(app.ctx.now()),
    )
    .await
    .unwrap();
    // A network's members only.
    assert_eq!(
        invalid_fields(opp::create(&app.ctx, &lead, org, &draft(app, "network", None)).await),
        ["network_id"]
    );
    let other = organisation(app, "Elsewhere").await;
    let other_lead = staff(app, other).await;
    let their_network = networks::create_network(
        &app.ctx,
        &other_lead,
        &coproduce_store::networks::NetworkFields {
            organisation_id: other,
            name: "Their Network".into(),
            kind: NetworkKind::ServiceUserCarer,
            description: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        invalid_fields(
            opp::create(
                &app.ctx,
                &lead,
                org,
                &draft(app, "network", Some(their_network.id))
            )
            .await
        ),
        ["network_id"]
    );
    let n = opp::create(
        &app.ctx,
        &lead,
        org,
        &draft(app, "network", Some(network.id)),
    )
    .await
    .unwrap();
    opp::publish(&app.ctx, &lead, n.id).await.unwrap();
    let today = london_date(app.ctx.now());
    assert_eq!(
        app.ctx
            .store
            .opportunities_for(member, today)
            .await
            .unwrap()[0]
            .id,
        n.id
    );
    assert!(
        app.ctx
            .store
            .opportunities_for(outsider, today)
            .await
            .unwrap()
            .is_empty()
    );
    let outsider_actor = participant(app, org, outsider).await;
    assert!(matches!(
        opp::apply_self(&app.ctx, &outsider_actor, n.id, None).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        opp::own_view(&app.ctx, &outsider_actor, n.id).await,
        Err(AppError::NotFound)
    ));
    // Invited people only: not opened before someone is invited; those invited are
    // told when it opens; it is never listed publicly.
    let i = opp::create(&app.ctx, &lead, org, &draft(app, "invited", None))
        .await
        .unwrap();
    assert!(matches!(
        opp::publish(&app.ctx, &lead, i.id).await,
        Err(AppError::Conflict(_))
    ));
    let done = opp::invite(&app.ctx, &lead, i.id, &[outsider, outsider])
        .await
        .unwrap();
    assert_eq!(done.added, 1);
    assert_eq!(done.told.emailed, 0, "nobody is told before it opens");
    // Someone under 18 without a guardian's consent is not invited, and is named.
    let young = person(
        app,
        PersonDraft {
            born_on: Some((london_date(app.ctx.now()) - Duration::days(365 * 15)).to_string()),
            ..emailed(org, "Kai Young")
        },
        true,
    )
    .await;
    assert_eq!(
        invalid_fields(opp::invite(&app.ctx, &lead, i.id, &[young]).await),
        ["person_ids[0]"]
    );
    let told = opp::publish(&app.ctx, &lead, i.id).await.unwrap();
    assert_eq!(told.emailed, 1);
    // Opening again tells nobody twice.
    assert_eq!(
        opp::publish(&app.ctx, &lead, i.id).await.unwrap().emailed,
        0
    );
    // Once open, a change may not take away its Easy Read version.
    let mut bare = draft(app, "invited", None);
    bare.easy_read = String::new();
    assert!(matches!(
        opp::update(&app.ctx, &lead, i.id, &bare).await,
        Err(AppError::Conflict(_))
    ));
    app.run_jobs().await;
    let mail = app.mail.take();
    assert!(
        mail.iter().any(|m| m.to == "ola.outside@people.example"
            && m.body.contains(&format!("/me/opportunities/{}", i.id))),
        "{mail:?}"
    );
    assert!(matches!(
        opp::listed(&app.ctx, i.id).await,
        Err(AppError::NotFound)
    ));
    opp::apply_self(&app.ctx, &outsider_actor, i.id, None)
        .await
        .unwrap();
    let member_actor = participant(app, org, member).await;
    assert!(matches!(
        opp::apply_self(&app.ctx, &member_actor, i.id, None).await,
        Err(AppError::Conflict(_))
    ));
    // The make-up is for those who may read equality totals, once it has closed
    // (until then each person saying they are interested would change it).
    let staff_member = app.signed_in(Role::Staff, Some(org)).await.actor;
    assert!(matches!(
        opp::make_up(&app.ctx, &staff_member, n.id).await,
        Err(AppError::Forbidden(_))
    ));
    assert!(matches!(
        opp::make_up(&app.ctx, &lead, n.id).await,
        Err(AppError::Conflict(_))
    ));
    // Inviting to one open to everyone is a conflict.
    let p = opp::create(&app.ctx, &lead, org, &draft(app, "public", None))
        .await
        .unwrap();
    assert!(matches!(
        opp::invite(&app.ctx, &lead, p.id, &[member]).await,
        Err(AppError::Conflict(_))
    ));
    // Once closed: nobody more is invited, nobody withdraws, the make-up shows
    // (nothing below ten answers), and a change keeping the closing date stands.
    app.clock().advance(Duration::days(8));
    let lead = staff(app, org).await;
    assert!(matches!(
        opp::invite(&app.ctx, &lead, i.id, &[member]).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        opp::withdraw(&app.ctx, &outsider_actor, i.id, outsider).await,
        Err(AppError::Conflict(_))
    ));
    let m = opp::make_up(&app.ctx, &lead, n.id).await.unwrap();
    assert_eq!(m.network_name.as_deref(), Some("Carers' Network"));
    assert!(m.applicants.totals.is_none() && m.compared_with.totals.is_none());
    let mut kept = draft(app, "network", Some(network.id));
    kept.closes_on = n.closes_on.to_string();
    kept.title = "Interview panel for a ward manager (mended)".into();
    let mended = opp::update(&app.ctx, &lead, n.id, &kept).await.unwrap();
    assert_eq!(mended.closes_on, n.closes_on);
}

app_tests!(
    people_say_they_are_interested_and_everyone_hears_back,
    who_may_apply_is_kept
);
