//! Payments through the application layer: worked out from who came and for how
//! long under the policy in force on the activity's day (a rate changed in the
//! middle of a period applies from its day); each person's choice followed, and
//! someone who declined not paid; nothing worked out twice, nor for an activity not
//! yet over; approval by someone other than who created it; paid on a day neither
//! in the future nor before approval; a mistake put right by a reversal, never a
//! reversal of a reversal; every step audited. On SQLite and PostgreSQL.

use chrono::Duration;
use coproduce_app::payments::{self, Worked};
use coproduce_app::testing::TestApp;
use coproduce_app::{Actor, AppError, app_tests, recognition, work};
use coproduce_domain::account::Role;
use coproduce_domain::payment::ChoiceDraft;
use coproduce_domain::person::AttendanceStatus;
use coproduce_domain::text::Problem;
use coproduce_domain::time::london_date;
use coproduce_store::audit::AuditFilter;
use coproduce_store::payments::PaymentFilter;

use crate::invitations::{emailed, organisation, person, published, staff};
use crate::recognition::policy;

fn conflict(r: Result<impl std::fmt::Debug, AppError>) -> String {
    match r {
        Err(AppError::Conflict(why)) => why,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

fn refused(r: Result<impl std::fmt::Debug, AppError>) -> Vec<(String, Option<Problem>)> {
    match r {
        Err(AppError::Invalid(e)) => e.0.into_iter().map(|e| (e.field, e.problem)).collect(),
        other => panic!("expected refused values, got {other:?}"),
    }
}

fn day(app: &TestApp, days: i64) -> String {
    london_date(app.ctx.now() + Duration::days(days)).to_string()
}

async fn payments_are_worked_out_approved_paid_and_put_right(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let other_lead = staff(app, org).await;
    recognition::set_policy(&app.ctx, &lead, org, &policy(&day(app, -100), 1_500))
        .await
        .unwrap();
    // The hourly rate goes up in five days' time.
    recognition::set_policy(&app.ctx, &lead, org, &policy(&day(app, 5), 1_550))
        .await
        .unwrap();
    let before = published(app, &lead, org, app.ctx.now() + Duration::days(1), None).await;
    let after = published(app, &lead, org, app.ctx.now() + Duration::days(6), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let bo = person(app, emailed(org, "Bo Part"), true).await;
    let cy = person(app, emailed(org, "Cy Declines"), true).await;
    let dee = person(app, emailed(org, "Dee Less"), true).await;

    // Not yet over: nothing is worked out.
    assert!(
        conflict(payments::work_out(&app.ctx, &lead, before.id, "tier-1").await)
            .contains("not finished")
    );
    app.clock().advance(Duration::days(7));
    for (who, minutes) in [(ann, 120), (bo, 60), (cy, 120), (dee, 120)] {
        for a in [before.id, after.id] {
            work::set_attendance(
                &app.ctx,
                &lead,
                a,
                who,
                AttendanceStatus::Attended,
                Some(minutes),
            )
            .await
            .unwrap();
        }
    }
    // Cy declines payment; Dee takes at most £20; a choice dated tomorrow is refused.
    let choose = |choice: &str, amount: Option<i64>, on: &str| ChoiceDraft {
        choice: choice.into(),
        amount_pence: amount,
        charity: String::new(),
        chosen_on: on.into(),
    };
    assert_eq!(
        refused(
            payments::record_choice(&app.ctx, &lead, cy, &choose("decline", None, &day(app, 1)))
                .await
        ),
        [("chosen_on".to_string(), Some(Problem::InFuture))]
    );
    payments::record_choice(
        &app.ctx,
        &lead,
        cy,
        &choose("decline", None, &day(app, -30)),
    )
    .await
    .unwrap();
    // Dee chooses for herself, signed in.
    let dee_signed_in = Actor {
        person_id: Some(dee),
        ..app.signed_in(Role::Participant, Some(org)).await.actor
    };
    payments::record_choice(
        &app.ctx,
        &dee_signed_in,
        dee,
        &choose("less", Some(2_000), &day(app, -30)),
    )
    .await
    .unwrap();
    // Someone else's choice is not hers to make.
    assert!(matches!(
        payments::record_choice(&app.ctx, &dee_signed_in, ann, &choose("decline", None, "")).await,
        Err(AppError::Forbidden(_))
    ));

    assert_eq!(
        refused(payments::work_out(&app.ctx, &lead, before.id, "tier-9").await)[0].0,
        "tier"
    );
    let worked = payments::work_out(&app.ctx, &lead, before.id, "tier-1")
        .await
        .unwrap();
    assert_eq!(worked.created.len(), 3);
    assert_eq!(worked.declined, ["Cy Declines"]);
    let amount = |id: i64| async move { app.ctx.store.payment(id).await.unwrap().amount_pence };
    // Two hours at £15; an hour of two, pro rata; £20, as Dee chose.
    assert_eq!(
        [
            amount(worked.created[0]).await,
            amount(worked.created[1]).await,
            amount(worked.created[2]).await
        ],
        [3_000, 1_500, 2_000]
    );
    // The activity after the change follows the new rate.
    let later = payments::work_out(&app.ctx, &lead, after.id, "tier-1")
        .await
        .unwrap();
    assert_eq!(amount(later.created[0]).await, 3_100);
    // Nothing is worked out twice.
    let again = payments::work_out(&app.ctx, &lead, before.id, "tier-1")
        .await
        .unwrap();
    assert_eq!(
        again,
        Worked {
            already: vec!["Ann Lee".into(), "Bo Part".into(), "Dee Less".into()],
            declined: vec!["Cy Declines".into()],
            ..Worked::default()
        }
    );

    let ann_fee = worked.created[0];
    // Whoever created it does not approve it.
    assert!(conflict(payments::approve(&app.ctx, &lead, ann_fee).await).contains("someone else"));
    // Staff work payments out but do not approve them.
    let project_lead = app.signed_in(Role::Staff, Some(org)).await.actor;
    assert!(matches!(
        payments::approve(&app.ctx, &project_lead, ann_fee).await,
        Err(AppError::Forbidden(_))
    ));
    // Not paid before it is approved.
    assert!(
        conflict(payments::mark_paid(&app.ctx, &other_lead, ann_fee, &day(app, 0)).await)
            .contains("approve it first")
    );
    let approved = payments::approve(&app.ctx, &other_lead, ann_fee)
        .await
        .unwrap();
    assert_eq!(approved.status, "approved");
    assert!(conflict(payments::approve(&app.ctx, &other_lead, ann_fee).await).contains("already"));
    assert_eq!(
        refused(payments::mark_paid(&app.ctx, &other_lead, ann_fee, &day(app, 1)).await),
        [("paid_on".to_string(), Some(Problem::InFuture))]
    );
    assert_eq!(
        refused(payments::mark_paid(&app.ctx, &other_lead, ann_fee, &day(app, -1)).await),
        [(
            "paid_on".to_string(),
            Some(Problem::BeforeApproved(london_date(app.ctx.now())))
        )]
    );
    let paid = payments::mark_paid(&app.ctx, &other_lead, ann_fee, &day(app, 0))
        .await
        .unwrap();
    assert_eq!(paid.paid_on, Some(london_date(app.ctx.now())));

    // A mistake is put right by a reversal, with a reason; it is never edited.
    assert_eq!(
        refused(payments::reverse(&app.ctx, &lead, ann_fee, " ").await)[0].0,
        "reason"
    );
    let reversal = payments::reverse(&app.ctx, &lead, ann_fee, "She came to the other group")
        .await
        .unwrap();
    assert_eq!(
        (reversal.amount_pence, reversal.reverses_id),
        (-3_000, Some(ann_fee))
    );
    assert_eq!(reversal.status, "created", "a reversal is approved in turn");
    assert!(
        conflict(payments::reverse(&app.ctx, &lead, reversal.id, "again").await)
            .contains("itself a reversal")
    );
    assert!(
        conflict(payments::reverse(&app.ctx, &lead, ann_fee, "again").await)
            .contains("reversed already")
    );
    assert_eq!(
        app.ctx.store.payment(ann_fee).await.unwrap().amount_pence,
        3_000,
        "the first entry stays as it was"
    );
    // Once reversed, the activity can be worked out for her again.
    let redo = payments::work_out(&app.ctx, &lead, before.id, "tier-1")
        .await
        .unwrap();
    assert_eq!(redo.created.len(), 1);
    assert_eq!(redo.already.len(), 2);

    // Lists narrow; another organisation's entries do not exist for them.
    let page = coproduce_store::PageRequest::first(50);
    let ann_list = payments::list(
        &app.ctx,
        &lead,
        page,
        PaymentFilter {
            person_id: Some(ann),
            ..PaymentFilter::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        ann_list.items.len(),
        4,
        "two fees, a reversal and the fee again"
    );
    let other = organisation(app, "Hillside").await;
    let theirs = staff(app, other).await;
    assert!(matches!(
        payments::read(&app.ctx, &theirs, ann_fee).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        payments::approve(&app.ctx, &theirs, ann_fee).await,
        Err(AppError::NotFound)
    ));
    assert!(
        payments::list(&app.ctx, &theirs, page, PaymentFilter::default())
            .await
            .unwrap()
            .items
            .is_empty()
    );

    // Every step is in the audit trail.
    let audit = app
        .ctx
        .store
        .audit_entries(
            AuditFilter {
                record: Some(("payment".into(), ann_fee)),
                ..AuditFilter::default()
            },
            page,
        )
        .await
        .unwrap();
    let actions: Vec<&str> = audit.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["payment.paid", "payment.approve", "payment.create"]
    );
}

async fn no_policy_no_payment(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, app.ctx.now() + Duration::days(1), None).await;
    app.clock().advance(Duration::days(2));
    assert!(
        conflict(payments::work_out(&app.ctx, &lead, a.id, "tier-1").await)
            .contains("no recognition policy")
    );
}

app_tests!(
    payments_are_worked_out_approved_paid_and_put_right,
    no_policy_no_payment,
    the_demo_loads,
);

/// The demo's payments are worked out, approved and paid through these operations.
async fn the_demo_loads(app: &TestApp) {
    coproduce_app::demo::load(&app.ctx).await.unwrap();
    match coproduce_app::demo::create_demo_accounts(&app.ctx).await {
        Ok(_) => {}
        Err(e) => panic!("demo: {e:?}"),
    }
    let all = app
        .ctx
        .store
        .payments(
            coproduce_store::PageRequest::first(50),
            &PaymentFilter::default(),
        )
        .await
        .unwrap()
        .items;
    assert!(all.len() >= 2, "{all:?}");
    assert_eq!(all[0].status, "paid");
    assert!(all[1..].iter().all(|p| p.status == "created"));
}
