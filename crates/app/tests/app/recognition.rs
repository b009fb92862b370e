//! Recognition policies through the application layer: a version refused with
//! every bad value named; versions in force from their day, so a rate changed in
//! the middle of a period applies only from its day; who may set and read them;
//! another organisation's policy not found. On SQLite and PostgreSQL.

use coproduce_app::recognition;
use coproduce_app::testing::TestApp;
use coproduce_app::{AppError, app_tests};
use coproduce_domain::account::Role;
use coproduce_domain::activity::ActivityType;
use coproduce_domain::recognition::{ExpensesDraft, PolicyDraft, RateDraft, TierDraft};
use coproduce_domain::time::parse_date;
use coproduce_store::audit::AuditFilter;

use crate::invitations::{organisation, staff};

pub fn policy(from: &str, hourly: i64) -> PolicyDraft {
    PolicyDraft {
        effective_from: from.into(),
        offered: vec!["payment".into(), "vouchers".into()],
        pro_rata: Some(true),
        tiers: vec![TierDraft {
            key: "tier-1".into(),
            name: "Sharing views".into(),
            description: String::new(),
        }],
        rates: vec![RateDraft {
            tier: "tier-1".into(),
            basis: "hour".into(),
            activity_type: String::new(),
            amount_pence: hourly,
        }],
        expenses: ExpensesDraft {
            per_mile: 45,
            claim_within_days: 90,
            ..ExpensesDraft::default()
        },
        advice: "Citizens Advice, 0800 144 8848".into(),
    }
}

async fn versions_take_effect_from_their_day(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    // Bad values, each named; nothing kept.
    let bad = PolicyDraft {
        effective_from: "2027-02-30".into(),
        offered: vec![],
        rates: vec![RateDraft {
            tier: "tier-1".into(),
            basis: "hour".into(),
            activity_type: String::new(),
            amount_pence: -100,
        }],
        ..policy("2026-04-01", 1_500)
    };
    match recognition::set_policy(&app.ctx, &lead, org, &bad).await {
        Err(AppError::Invalid(e)) => {
            let fields: Vec<&str> = e.0.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(
                fields,
                ["effective_from", "offered", "rates[0].amount_pence"]
            );
        }
        other => panic!("expected refused values, got {other:?}"),
    }
    assert!(
        recognition::versions(&app.ctx, &lead, org)
            .await
            .unwrap()
            .is_empty()
    );

    let first = recognition::set_policy(&app.ctx, &lead, org, &policy("2026-04-01", 1_500))
        .await
        .unwrap();
    let raised = recognition::set_policy(&app.ctx, &lead, org, &policy("2026-10-01", 1_550))
        .await
        .unwrap();
    let day = |d: &str| parse_date(d).unwrap();
    assert_eq!(
        recognition::in_force(&app.ctx, &lead, org, day("2026-03-31"))
            .await
            .unwrap(),
        None,
        "nothing before the first version"
    );
    // A rate changed in the middle of a period: each day follows its own version.
    let fee = |d: &'static str| {
        let lead = lead.clone();
        async move {
            let v = recognition::in_force(&app.ctx, &lead, org, day(d))
                .await
                .unwrap()
                .unwrap();
            (
                v.id,
                v.policy
                    .fee("tier-1", ActivityType::Meeting, 120, 120)
                    .unwrap()
                    .amount_pence,
            )
        }
    };
    assert_eq!(fee("2026-09-30").await, (first.id, 3_000));
    assert_eq!(fee("2026-10-01").await, (raised.id, 3_100));
    let all = recognition::versions(&app.ctx, &lead, org).await.unwrap();
    let ids: Vec<i64> = all.iter().map(|v| v.id).collect();
    assert_eq!(ids, [raised.id, first.id], "latest to take effect first");
    assert_eq!(all[1].policy, policy("2026-04-01", 1_500).check().unwrap());

    // Staff and the board read it; only an involvement lead or administrator sets it.
    for role in [Role::Staff, Role::BoardViewer] {
        let someone = app.signed_in(role, Some(org)).await.actor;
        assert!(
            recognition::in_force(&app.ctx, &someone, org, day("2026-10-02"))
                .await
                .unwrap()
                .is_some()
        );
        assert!(matches!(
            recognition::set_policy(&app.ctx, &someone, org, &policy("2027-01-01", 1)).await,
            Err(AppError::Forbidden(_))
        ));
    }
    // Another organisation's does not exist for them.
    let other = organisation(app, "Hillside").await;
    let theirs = staff(app, other).await;
    assert!(matches!(
        recognition::in_force(&app.ctx, &theirs, org, day("2026-10-02")).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        recognition::versions(&app.ctx, &theirs, org).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        recognition::set_policy(&app.ctx, &theirs, org, &policy("2027-01-01", 1)).await,
        Err(AppError::NotFound)
    ));
    // Each version set is in the audit trail.
    let audit = app
        .ctx
        .store
        .audit_entries(
            AuditFilter {
                record: Some(("recognition policy".into(), raised.id)),
                ..AuditFilter::default()
            },
            coproduce_store::PageRequest::first(10),
        )
        .await
        .unwrap();
    assert_eq!(audit.items.len(), 1);
    assert_eq!(audit.items[0].action, "recognition_policy.create");
    assert!(audit.items[0].detail.contains("from 2026-10-01"));
}

app_tests!(versions_take_effect_from_their_day);
