//! Signing in and out, and the spreadsheets kept between a dry run and an import,
//! through the application layer with a set clock.

use chrono::Duration;
use coproduce_app::sessions::{self, Code, SignIn, Visit};
use coproduce_app::testing::{PASSWORD, SignedIn, TestApp};
use coproduce_app::{Actor, AppError, app_tests, import};
use coproduce_domain::account::Role;
use coproduce_store::PageRequest;
use coproduce_store::audit::AuditFilter;
use coproduce_store::organisations::OrganisationFields;

async fn organisation(app: &TestApp, name: &str) -> i64 {
    coproduce_app::organisations::create(
        &app.ctx,
        &Actor::system(),
        &OrganisationFields {
            name: name.into(),
            kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
            require_second_factor: false,
        },
    )
    .await
    .unwrap()
    .id
}

/// What an account did, oldest first.
async fn actions_by(app: &TestApp, account: i64) -> Vec<String> {
    let mut v: Vec<String> = app
        .ctx
        .store
        .audit_entries(
            AuditFilter {
                account_id: Some(account),
                ..AuditFilter::default()
            },
            PageRequest::first(100),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.action)
        .collect();
    v.reverse();
    v
}

async fn session_of(app: &TestApp, secret: &str) -> Option<i64> {
    match sessions::visit(&app.ctx, secret).await.unwrap() {
        Visit::Active { session_id, .. } => Some(session_id),
        _ => None,
    }
}

fn from(address: &str) -> Actor {
    Actor::public(Some(address.into()))
}

async fn sign_in(app: &TestApp, who: &SignedIn, password: &str, address: &str) -> SignIn {
    sessions::sign_in(
        &app.ctx,
        &from(address),
        &who.account.email,
        password.into(),
        &[],
    )
    .await
    .unwrap()
}

async fn signing_in_again_ends_the_old_session_and_is_audited(app: &TestApp) {
    let org = organisation(app, "Trust").await;
    let ann = app.signed_in(Role::Staff, Some(org)).await;
    let first = session_of(app, &ann.session).await.expect("signed in");
    let again = sessions::sign_in(
        &app.ctx,
        &from("192.0.2.1"),
        &ann.account.email,
        PASSWORD.into(),
        &[first],
    )
    .await
    .unwrap();
    let SignIn::Started(started) = again else {
        panic!("{again:?}");
    };
    assert!(!started.needs_code);
    assert_ne!(started.secret, ann.session, "a new secret every time");
    assert!(
        matches!(
            sessions::visit(&app.ctx, &ann.session).await.unwrap(),
            Visit::Unknown
        ),
        "the session held before signing in is gone"
    );
    assert!(session_of(app, &started.secret).await.is_some());
    let trail = app
        .ctx
        .store
        .audit_entries(
            AuditFilter {
                account_id: Some(ann.account.id),
                ..AuditFilter::default()
            },
            PageRequest::first(10),
        )
        .await
        .unwrap()
        .items;
    let newest = &trail[0];
    assert_eq!(newest.action, "account.sign-in");
    assert_eq!(newest.address.as_deref(), Some("192.0.2.1"));
    assert_eq!(
        actions_by(app, ann.account.id).await,
        ["account.sign-in", "account.sign-in"]
    );
}

async fn sessions_end_when_idle_and_after_twelve_hours(app: &TestApp) {
    let org = organisation(app, "Trust").await;
    let ann = app.signed_in(Role::Staff, Some(org)).await;
    // Busy: a request every 25 minutes keeps it alive, for up to 12 hours.
    for _ in 0..28 {
        app.clock().advance(Duration::minutes(25));
        assert!(session_of(app, &ann.session).await.is_some());
    }
    app.clock().advance(Duration::minutes(25));
    assert!(
        matches!(
            sessions::visit(&app.ctx, &ann.session).await.unwrap(),
            Visit::Expired
        ),
        "12 hours after sign-in"
    );
    // Once ended, it is gone, not expired again.
    assert!(matches!(
        sessions::visit(&app.ctx, &ann.session).await.unwrap(),
        Visit::Unknown
    ));
    let bob = app.signed_in(Role::Staff, Some(org)).await;
    app.clock().advance(Duration::minutes(29));
    assert!(session_of(app, &bob.session).await.is_some());
    app.clock().advance(Duration::minutes(30));
    assert!(
        matches!(
            sessions::visit(&app.ctx, &bob.session).await.unwrap(),
            Visit::Expired
        ),
        "30 minutes without a request"
    );
}

async fn wrong_passwords_are_throttled_by_email_and_by_address(app: &TestApp) {
    let org = organisation(app, "Trust").await;
    let ann = app.signed_in(Role::Staff, Some(org)).await;
    for _ in 0..5 {
        assert!(matches!(
            sign_in(app, &ann, "wrong", "192.0.2.1").await,
            SignIn::Wrong
        ));
    }
    assert!(
        matches!(
            sign_in(app, &ann, PASSWORD, "192.0.2.2").await,
            SignIn::TooMany
        ),
        "five failures for one email stop even the right password, from anywhere"
    );
    app.clock().advance(Duration::minutes(16));
    assert!(matches!(
        sign_in(app, &ann, PASSWORD, "192.0.2.2").await,
        SignIn::Started(_)
    ));
    // Twenty failures from one address, over many emails, stop that address only.
    for i in 0..20 {
        let r = sessions::sign_in(
            &app.ctx,
            &from("198.51.100.7"),
            &format!("nobody{i}@test.example"),
            "guess".into(),
            &[],
        )
        .await
        .unwrap();
        assert!(matches!(r, SignIn::Wrong));
    }
    assert!(matches!(
        sign_in(app, &ann, PASSWORD, "198.51.100.7").await,
        SignIn::TooMany
    ));
    assert!(matches!(
        sign_in(app, &ann, PASSWORD, "192.0.2.3").await,
        SignIn::Started(_)
    ));
}

async fn second_factor_codes_are_checked_on_the_clock_and_throttled(app: &TestApp) {
    let org = organisation(app, "Trust").await;
    let ann = app.signed_in(Role::Staff, Some(org)).await;
    let secret = coproduce_app::accounts::second_factor_secret(&app.ctx, &ann.account)
        .await
        .unwrap();
    let account = app.ctx.store.account(ann.account.id).await.unwrap();
    let code = |at: chrono::DateTime<chrono::Utc>| {
        coproduce_app::second_factor::code_at(&secret, &account.email, at.timestamp() as u64)
            .unwrap()
    };
    let now = app.ctx.now();
    assert_eq!(
        sessions::check_code(&app.ctx, &account, &code(now))
            .await
            .unwrap(),
        Code::Right
    );
    assert_eq!(
        sessions::check_code(&app.ctx, &account, &code(now - Duration::minutes(10)))
            .await
            .unwrap(),
        Code::Wrong,
        "a code from ten minutes ago"
    );
    assert_eq!(
        sessions::check_code(&app.ctx, &account, " ").await.unwrap(),
        Code::Empty
    );
    for _ in 0..3 {
        sessions::check_code(&app.ctx, &account, "000000")
            .await
            .unwrap();
    }
    assert_eq!(
        sessions::check_code(&app.ctx, &account, &code(now))
            .await
            .unwrap(),
        Code::TooMany,
        "five wrong codes stop even the right one"
    );
}

async fn signing_out_everywhere_ends_every_session(app: &TestApp) {
    let org = organisation(app, "Trust").await;
    let ann = app.signed_in(Role::Staff, Some(org)).await;
    let SignIn::Started(phone) = sign_in(app, &ann, PASSWORD, "192.0.2.1").await else {
        panic!("no second session");
    };
    let ended = sessions::sign_out_everywhere(&app.ctx, &ann.actor)
        .await
        .unwrap();
    assert_eq!(ended, 2);
    assert!(session_of(app, &ann.session).await.is_none());
    assert!(session_of(app, &phone.secret).await.is_none());
    assert_eq!(
        actions_by(app, ann.account.id)
            .await
            .last()
            .map(String::as_str),
        Some("account.sign-out-everywhere")
    );
}

async fn a_kept_spreadsheet_is_its_uploaders_alone_and_goes_with_the_import(app: &TestApp) {
    let org = organisation(app, "Trust").await;
    let other = organisation(app, "Council").await;
    let lead = app.signed_in(Role::InvolvementLead, Some(org)).await;
    let colleague = app.signed_in(Role::InvolvementLead, Some(org)).await;
    let file = b"Name,Email\nAnn Smith,ann@example.org\n";
    // Staff may not put a file into another organisation's register: it goes to
    // their own.
    let id = import::keep(&app.ctx, &lead.actor, Some(other), "register.csv", file)
        .await
        .unwrap();
    let kept = import::kept(&app.ctx, &lead.actor, id).await.unwrap();
    assert_eq!(kept.organisation_id, org);
    assert!(matches!(
        import::kept(&app.ctx, &colleague.actor, id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        import::choose_columns(&app.ctx, &colleague.actor, id, &["Email=ignore".into()]).await,
        Err(AppError::NotFound)
    ));
    let empty = import::keep(&app.ctx, &lead.actor, None, "empty.csv", b"").await;
    assert!(matches!(empty, Err(AppError::Invalid(e)) if e.0[0].field == "file"));
    // An administrator must choose an organisation that exists.
    let admin = app.signed_in(Role::Administrator, None).await;
    for chosen in [None, Some(9999)] {
        let r = import::keep(&app.ctx, &admin.actor, chosen, "register.csv", file).await;
        assert!(
            matches!(&r, Err(AppError::Invalid(e)) if e.0[0].field == "organisation_id"),
            "{chosen:?}: {r:?}"
        );
    }
    let plan = import::plan(
        &app.ctx,
        &lead.actor,
        org,
        &kept.content,
        &import::Choices::default(),
        coproduce_domain::time::london_date(app.ctx.now()),
    )
    .await
    .unwrap();
    assert!(plan.can_import(), "{:?}", plan.report.problems);
    let ids = import::import_kept(
        &app.ctx,
        &lead.actor,
        &kept,
        None,
        &plan,
        coproduce_domain::time::london_date(app.ctx.now()),
    )
    .await
    .unwrap();
    assert_eq!(ids.len(), 1);
    assert!(
        matches!(
            import::kept(&app.ctx, &lead.actor, id).await,
            Err(AppError::NotFound)
        ),
        "the file is forgotten with the import"
    );
    let actions = actions_by(app, lead.account.id).await;
    assert!(
        actions.ends_with(&["people.import-upload".into(), "people.import".into()]),
        "{actions:?}"
    );
    // Files are kept a day at most: the next upload clears older ones.
    let old = import::keep(&app.ctx, &lead.actor, None, "old.csv", file)
        .await
        .unwrap();
    app.clock().advance(Duration::hours(25));
    import::keep(&app.ctx, &lead.actor, None, "new.csv", file)
        .await
        .unwrap();
    // (SQLite may give the new file the old one's id, once the old one is gone.)
    let r = import::kept(&app.ctx, &lead.actor, old).await;
    assert!(
        matches!(&r, Err(AppError::NotFound)) || matches!(&r, Ok(k) if k.filename == "new.csv"),
        "{r:?}"
    );
}

async fn an_import_into_a_network_makes_everyone_a_member(app: &TestApp) {
    let org = organisation(app, "Trust").await;
    let other = organisation(app, "Council").await;
    let lead = app.signed_in(Role::InvolvementLead, Some(org)).await;
    let admin = app.signed_in(Role::Administrator, None).await;
    let network = |organisation_id: i64, name: &str| coproduce_store::networks::NetworkFields {
        organisation_id,
        name: name.into(),
        kind: coproduce_domain::network::NetworkKind::ServiceUserCarer,
        description: None,
    };
    let ours =
        coproduce_app::networks::create_network(&app.ctx, &lead.actor, &network(org, "Carers"))
            .await
            .unwrap()
            .id;
    let theirs =
        coproduce_app::networks::create_network(&app.ctx, &admin.actor, &network(other, "Theirs"))
            .await
            .unwrap()
            .id;
    let today = coproduce_domain::time::london_date(app.ctx.now());
    let file = b"Name,Email,Date joined\nAnn,ann@example.org,01/03/2024\nBill,bill@example.org,\n";
    let plan = import::plan(
        &app.ctx,
        &lead.actor,
        org,
        file,
        &import::Choices::default(),
        today,
    )
    .await
    .unwrap();
    let before = coproduce_store::testing::fingerprint(&app.ctx.store).await;
    let refused = import::import(
        &app.ctx,
        &admin.actor,
        import::Destination {
            organisation_id: org,
            network_id: Some(theirs),
        },
        &plan,
        today,
        |_| {},
    )
    .await;
    assert!(
        matches!(&refused, Err(AppError::Invalid(e)) if e.0[0].field == "network_id"),
        "{refused:?}"
    );
    assert_eq!(
        coproduce_store::testing::fingerprint(&app.ctx.store).await,
        before,
        "nothing stored"
    );
    let ids = import::import(
        &app.ctx,
        &lead.actor,
        import::Destination {
            organisation_id: org,
            network_id: Some(ours),
        },
        &plan,
        today,
        |_| {},
    )
    .await
    .unwrap();
    let mut joined = Vec::new();
    for id in &ids {
        for m in app.ctx.store.memberships_of(*id).await.unwrap() {
            joined.push((m.person_id, m.network_id, m.joined_on));
        }
    }
    assert_eq!(
        joined,
        [
            (
                ids[0],
                ours,
                chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()
            ),
            (ids[1], ours, today)
        ]
    );
}

app_tests!(
    an_import_into_a_network_makes_everyone_a_member,
    signing_in_again_ends_the_old_session_and_is_audited,
    sessions_end_when_idle_and_after_twelve_hours,
    wrong_passwords_are_throttled_by_email_and_by_address,
    second_factor_codes_are_checked_on_the_clock_and_throttled,
    signing_out_everywhere_ends_every_session,
    a_kept_spreadsheet_is_its_uploaders_alone_and_goes_with_the_import,
);
