//! The register through the application layer: every change to a person's data,
//! needs and consent, and every reading of their needs by someone else, leaves an
//! audit entry in the same transaction; another organisation's person does not
//! exist. On SQLite and PostgreSQL.

use coproduce_app::testing::TestApp;
use coproduce_app::{Actor, AppError, app_tests, oversight, people};
use coproduce_domain::account::Role;
use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::equality::{Answers, Sex};
use coproduce_domain::needs::Need;
use coproduce_domain::person::{PersonDraft, Profile};
use coproduce_store::PageRequest;
use coproduce_store::audit::AuditFilter;
use coproduce_store::needs::NeedFields;
use coproduce_store::organisations::OrganisationFields;

async fn organisation(app: &TestApp, name: &str) -> i64 {
    app.ctx
        .store
        .create_organisation(
            &OrganisationFields {
                name: name.into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
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
    .check(coproduce_domain::time::parse_date("2026-06-01").unwrap())
    .unwrap()
}

/// An account of this role, as the actor it signs in as.
async fn actor(app: &TestApp, role: Role, org: i64, person: Option<i64>) -> Actor {
    let n = rand_suffix();
    let a = app
        .ctx
        .store
        .create_account(
            &coproduce_store::accounts::AccountFields {
                email: format!("{n}@trust.example"),
                name: format!("Account {n}"),
                role,
                organisation_id: Some(org),
            },
            app.ctx.now(),
        )
        .await
        .unwrap();
    if person.is_some() {
        app.ctx
            .store
            .link_account_to_person(a.id, person)
            .await
            .unwrap();
    }
    Actor::account(a.id, role, Some(org), person, Some("192.0.2.9".into()))
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("a{}", N.fetch_add(1, Ordering::Relaxed))
}

async fn actions_about(app: &TestApp, person: i64) -> Vec<(String, Option<i64>)> {
    let mut v: Vec<_> = app
        .ctx
        .store
        .audit_entries(
            AuditFilter {
                person_id: Some(person),
                ..AuditFilter::default()
            },
            PageRequest::first(100),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| (e.action, e.account_id))
        .collect();
    v.reverse();
    v
}

async fn the_register_is_audited(app: &TestApp) {
    let org = organisation(app, "Trust").await;
    let lead = actor(app, Role::InvolvementLead, org, None).await;
    let staff = actor(app, Role::Staff, org, None).await;
    let ann = people::create(&app.ctx, &lead, &profile(org, "Ann"))
        .await
        .unwrap();
    let me = actor(app, Role::Participant, org, Some(ann.id)).await;
    let (l, s, m) = (lead.account_id, staff.account_id, me.account_id);
    people::update(&app.ctx, &lead, ann.id, &profile(org, "Ann Jones"))
        .await
        .unwrap();
    let need = people::add_need(
        &app.ctx,
        &lead,
        ann.id,
        &NeedFields {
            need: Need::LargePrint24,
            language: None,
            detail: None,
        },
    )
    .await
    .unwrap();
    // Staff may not read needs until Ann agrees to share them: no reading, no entry.
    let today = coproduce_domain::time::london_date(app.ctx.now());
    assert_eq!(
        people::needs_of(&app.ctx, &staff, ann.id, today)
            .await
            .unwrap(),
        None
    );
    let consent = people::record_consent(
        &app.ctx,
        &lead,
        ann.id,
        &ConsentGiven {
            purpose: Purpose::ShareNeeds,
            given_on: today,
            method: ConsentMethod::Written,
            given_by: None,
        },
    )
    .await
    .unwrap();
    let seen = people::needs_of(&app.ctx, &staff, ann.id, today)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(seen.len(), 1);
    // Ann reading her own needs is not an entry.
    people::needs_of(&app.ctx, &me, ann.id, today)
        .await
        .unwrap()
        .unwrap();
    people::save_own_equality(
        &app.ctx,
        &me,
        &Answers {
            sex: Some(Sex::Female),
            ..Answers::default()
        },
        today,
    )
    .await
    .unwrap();
    people::withdraw_own_consent(&app.ctx, &me, consent.id, today)
        .await
        .unwrap();
    people::remove_need(&app.ctx, &lead, ann.id, need.id)
        .await
        .unwrap();
    people::record_own_export(&app.ctx, &me).await.unwrap();
    assert_eq!(
        actions_about(app, ann.id).await,
        vec![
            ("person.create".to_string(), l),
            ("person.update".to_string(), l),
            ("need.add".to_string(), l),
            ("consent.record".to_string(), l),
            ("needs.view".to_string(), s),
            ("equality.save".to_string(), m),
            ("consent.withdraw".to_string(), m),
            ("need.remove".to_string(), l),
            ("person.export".to_string(), m),
        ]
    );
    // Ann sees the same on her record; someone with no record sees nothing.
    let mine = oversight::my_record_trail(&app.ctx, &me, PageRequest::first(50))
        .await
        .unwrap();
    assert_eq!(mine.items.len(), 9);
    assert!(
        oversight::my_record_trail(&app.ctx, &staff, PageRequest::first(50))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    // The entries hold no need, answer or secret: only which record and what was done.
    let all = app
        .ctx
        .store
        .audit_entries(AuditFilter::default(), PageRequest::first(50))
        .await
        .unwrap()
        .items;
    assert!(
        all.iter()
            .all(|e| !e.detail.contains("large") && !e.detail.contains("female")),
        "{all:?}"
    );
    assert_eq!(app.ctx.store.verify_audit().await.unwrap().problems, vec![]);
    people::erase(&app.ctx, &lead, ann.id).await.unwrap();
    assert_eq!(
        actions_about(app, ann.id).await.last().unwrap().0,
        "person.erase"
    );
}

async fn another_organisations_person_does_not_exist(app: &TestApp) {
    let a = organisation(app, "Trust A").await;
    let b = organisation(app, "Trust B").await;
    let lead_a = Actor::account(1, Role::InvolvementLead, Some(a), None, None);
    let lead_b = Actor::account(2, Role::InvolvementLead, Some(b), None, None);
    let ann = people::create(&app.ctx, &lead_a, &profile(a, "Ann"))
        .await
        .unwrap();
    let today = coproduce_domain::time::london_date(app.ctx.now());
    assert!(matches!(
        people::update(&app.ctx, &lead_b, ann.id, &profile(b, "X")).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        people::erase(&app.ctx, &lead_b, ann.id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        people::needs_of(&app.ctx, &lead_b, ann.id, today).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        people::add_need(
            &app.ctx,
            &lead_b,
            ann.id,
            &NeedFields {
                need: Need::BrailleGrade1,
                language: None,
                detail: None
            }
        )
        .await,
        Err(AppError::NotFound)
    ));
    // Putting a person in an organisation one does not see is refused on the field.
    match people::create(&app.ctx, &lead_b, &profile(a, "Bo")).await {
        Err(AppError::Invalid(e)) => assert_eq!(e.0[0].field, "organisation_id"),
        other => panic!("{other:?}"),
    }
    // Nothing of that was written.
    assert_eq!(actions_about(app, ann.id).await.len(), 1);
    assert!(ann.name() == "Ann" && app.ctx.store.person(ann.id).await.unwrap().name() == "Ann");
}

app_tests!(
    the_register_is_audited,
    another_organisations_person_does_not_exist
);
