//! The application layer on SQLite and PostgreSQL: the job queue, the outbox, the
//! audit trail, and the operations built on them, with a set clock and the
//! in-memory mailer.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use coproduce_app::accounts::{self, Letter};
use coproduce_app::jobs::{Handlers, Ran, Worker};
use coproduce_app::testing::TestApp;
use coproduce_app::{Actor, AppError, app_tests, outbox};
use coproduce_domain::account::Role;
use coproduce_store::jobs::{JobState, NewJob};
use coproduce_store::organisations::OrganisationFields;
use coproduce_store::{PageRequest, Store};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

async fn queue_emails(app: &TestApp, n: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut tx = app.ctx.begin().await.unwrap();
    for i in 0..n {
        ids.push(
            outbox::queue_email(
                &mut tx,
                &app.ctx,
                &format!("person{i}@example.org"),
                "Hello",
                format!("Message {i}"),
            )
            .await
            .unwrap(),
        );
    }
    app.ctx.commit(tx).await.unwrap();
    ids
}

async fn organisation(store: &Store) -> i64 {
    store
        .create_organisation(
            &OrganisationFields {
                name: "Trust".into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap()
        .id
}

fn admin() -> Actor {
    Actor::account(1, Role::Administrator, None, None, Some("192.0.2.1".into()))
}

fn letter(link: &str) -> Letter {
    Letter {
        subject: "You are invited".into(),
        body: format!("Set your password: {link}"),
    }
}

fn invitation(email: &str, org: i64) -> coproduce_store::accounts::AccountFields {
    coproduce_store::accounts::AccountFields {
        email: email.into(),
        name: "Cy".into(),
        role: Role::Staff,
        organisation_id: Some(org),
    }
}

/// A job whose handler panics fails alone; the worker goes on to the next.
async fn a_panicking_job_fails_alone(app: &TestApp) {
    let now = app.ctx.now();
    let bad = app
        .ctx
        .store
        .enqueue_job(
            &NewJob {
                kind: "explode".into(),
                payload: "{}".into(),
                run_at: now,
                max_attempts: 2,
            },
            now,
        )
        .await
        .unwrap();
    queue_emails(app, 2).await;
    let handlers = Handlers::default().with("explode", |_, _| {
        Box::pin(async { panic!("a handler went wrong") })
    });
    let ran = app.run_jobs_with(handlers.clone()).await;
    assert_eq!(ran.len(), 3, "{ran:?}");
    assert!(
        ran.iter().any(|r| matches!(r, Ran::Retrying { id, error } if *id == bad && error.contains("panicked: a handler went wrong"))),
        "{ran:?}"
    );
    assert_eq!(app.mail.sent().len(), 2, "the emails after it were sent");
    // Its second and last try fails too: it is dead, with its error, and can be retried.
    app.clock().advance(Duration::minutes(1));
    let ran = app.run_jobs_with(handlers).await;
    assert!(
        matches!(&ran[..], [Ran::Dead { id, .. }] if *id == bad),
        "{ran:?}"
    );
    let job = app.ctx.store.job(bad).await.unwrap();
    assert_eq!(job.state, JobState::Dead);
    assert!(job.last_error.unwrap().contains("a handler went wrong"));
    let counts = app.ctx.store.job_counts().await.unwrap();
    assert_eq!((counts.dead, counts.done), (1, 2));
    let staff = Actor::account(3, Role::Staff, Some(1), None, None);
    assert!(matches!(
        coproduce_app::oversight::retry_job(&app.ctx, &staff, bad).await,
        Err(AppError::Forbidden(_))
    ));
    let retried = coproduce_app::oversight::retry_job(&app.ctx, &admin(), bad)
        .await
        .unwrap();
    assert_eq!((retried.state, retried.attempts), (JobState::Waiting, 0));
    assert!(
        matches!(
            coproduce_app::oversight::retry_job(&app.ctx, &admin(), bad).await,
            Err(AppError::Conflict(_))
        ),
        "only a dead job is retried"
    );
    let trail = app
        .ctx
        .store
        .audit_entries(Default::default(), PageRequest::first(5))
        .await
        .unwrap()
        .items;
    assert_eq!(
        (trail[0].action.as_str(), trail[0].record_id),
        ("job.retry", Some(bad))
    );
    // A job of a kind nobody handles fails with that reason rather than vanishing.
    let ran = app.run_jobs().await;
    assert!(
        matches!(&ran[..], [Ran::Retrying { error, .. }] if error.contains("no handler")),
        "{ran:?}"
    );
}

/// With the mail server down for a long time, messages wait and are tried again
/// with backoff; when it is back, every message arrives once.
async fn mail_waits_while_the_server_is_down(app: &TestApp) {
    app.mail.set_down(true);
    let ids = queue_emails(app, 3).await;
    for _ in 0..12 {
        let ran = app.run_jobs().await;
        assert!(
            ran.iter().all(|r| matches!(r, Ran::Retrying { .. })),
            "{ran:?}"
        );
        app.clock().advance(Duration::hours(1));
    }
    let job = app.ctx.store.job(ids[0]).await.unwrap();
    assert_eq!((job.state, job.attempts), (JobState::Waiting, 12));
    assert!(job.last_error.unwrap().contains("did not take the message"));
    assert!(app.mail.sent().is_empty());
    app.mail.set_down(false);
    let ran = app.run_jobs().await;
    assert_eq!(ran.len(), 3);
    assert_eq!(app.run_jobs().await, vec![], "nothing is left to send");
    let sent = app.mail.sent();
    let unique: HashSet<_> = sent.iter().map(|m| m.message_id.clone()).collect();
    assert_eq!((sent.len(), unique.len()), (3, 3), "each message once");
    // Once sent, the job keeps who it went to but not the body.
    let job = app.ctx.store.job(ids[0]).await.unwrap();
    assert_eq!(job.state, JobState::Done);
    assert!(!job.payload.contains("Message 0") && job.payload.contains("person0@example.org"));
}

/// A job held by a worker that died is taken again once its lease runs out, and
/// not before. Its message keeps its Message-ID, so the copy is known as the same.
async fn a_dead_workers_job_is_taken_again_after_its_lease(app: &TestApp) {
    let [id] = queue_emails(app, 1).await[..] else {
        unreachable!()
    };
    let now = app.ctx.now();
    let lease = app.ctx.settings.job_lease;
    // A worker claims it, sends it, and dies before marking it done.
    let job = app
        .ctx
        .store
        .claim_job("died", now, now + lease)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.id, id);
    outbox::deliver(&app.ctx, &job.payload).await.unwrap();
    assert_eq!(app.run_jobs().await, vec![], "not while its lease runs");
    app.clock().advance(lease + Duration::seconds(1));
    assert_eq!(app.run_jobs().await, vec![Ran::Done { id }]);
    let sent = app.mail.sent();
    assert_eq!(
        sent.len(),
        2,
        "sent again: the crash came after the server took it"
    );
    assert_eq!(
        sent[0].message_id, sent[1].message_id,
        "the copy has the same Message-ID"
    );
    // The dead worker, come back, cannot overwrite what the next one did.
    assert!(
        !app.ctx
            .store
            .finish_job(id, "died", app.ctx.now(), None)
            .await
            .unwrap()
    );
    assert_eq!(app.ctx.store.job(id).await.unwrap().attempts, 2);
}

/// Two workers on one database never run the same job.
async fn two_workers_never_run_a_job_twice(app: &TestApp) {
    queue_emails(app, 40).await;
    let a = Worker::new(app.ctx.clone(), Handlers::default());
    let b = Worker::new(app.ctx.clone(), Handlers::default());
    let (ra, rb) = tokio::join!(a.run_pending(), b.run_pending());
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    assert_eq!(ra.len() + rb.len(), 40);
    assert!(ra.iter().chain(&rb).all(|r| matches!(r, Ran::Done { .. })));
    let sent = app.mail.sent();
    let unique: HashSet<_> = sent.iter().map(|m| m.message_id.clone()).collect();
    assert_eq!((sent.len(), unique.len()), (40, 40));
}

/// A job set for 01:30 London time runs once on the night the clocks go back (the
/// first 01:30) and on the night they go forward (at 02:00 BST, when 01:30 never
/// comes).
async fn a_job_at_0130_on_a_clock_change_night_runs_once(app: &TestApp) {
    for (night, runs_at) in [
        ("2026-10-25T01:30", "2026-10-25T00:30:00Z"),
        ("2026-03-29T01:30", "2026-03-29T01:00:00Z"),
    ] {
        let local = NaiveDateTime::parse_from_str(night, "%Y-%m-%dT%H:%M").unwrap();
        let run_at = coproduce_domain::time::scheduled_london(local);
        assert_eq!(run_at, at(runs_at));
        app.clock().move_to(run_at - Duration::hours(2));
        let now = app.ctx.now();
        let id = app
            .ctx
            .store
            .enqueue_job(
                &NewJob {
                    kind: "remind".into(),
                    payload: "{}".into(),
                    run_at,
                    max_attempts: 3,
                },
                now,
            )
            .await
            .unwrap();
        let runs = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = runs.clone();
        let handlers = Handlers::default().with("remind", move |ctx, _| {
            seen.lock().unwrap().push(ctx.now());
            Box::pin(async { Ok(None) })
        });
        // Minute by minute through the night, on a London clock that changes.
        while app.ctx.now() < run_at + Duration::hours(3) {
            app.run_jobs_with(handlers.clone()).await;
            app.clock().advance(Duration::minutes(15));
        }
        assert_eq!(
            *runs.lock().unwrap(),
            vec![run_at],
            "{night}: once, at {runs_at}"
        );
        assert_eq!(app.ctx.store.job(id).await.unwrap().state, JobState::Done);
    }
}

/// An invitation writes the account, its link, its email and its audit entry in one
/// transaction: a refused one writes none of them.
async fn an_invitation_and_its_email_commit_together(app: &TestApp) {
    let org = organisation(&app.ctx.store).await;
    let invited = accounts::invite(
        &app.ctx,
        &admin(),
        &invitation("cy@trust.example", org),
        accounts::INVITATION_LIFETIME,
        letter,
    )
    .await
    .unwrap();
    assert!(invited.emailed);
    assert!(app.mail.sent().is_empty(), "sent by the worker, not before");
    app.run_jobs().await;
    let sent = app.mail.take();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].to, "cy@trust.example");
    assert!(sent[0].body.contains(&invited.link));
    assert!(
        invited
            .link
            .starts_with("https://coproduce.test/invitations/cpe_")
    );
    // The same address again: refused, and no email, no audit entry.
    let again = accounts::invite(
        &app.ctx,
        &admin(),
        &invitation("cy@trust.example", org),
        accounts::INVITATION_LIFETIME,
        letter,
    )
    .await;
    assert!(matches!(again, Err(AppError::Conflict(_))), "{again:?}");
    assert_eq!(app.run_jobs().await, vec![]);
    let trail = app
        .ctx
        .store
        .audit_entries(Default::default(), PageRequest::first(50))
        .await
        .unwrap()
        .items;
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].action, "account.invite");
    assert_eq!(trail[0].record_id, Some(invited.account.id));
    assert_eq!(trail[0].address.as_deref(), Some("192.0.2.1"));
    assert_eq!(trail[0].at, app.ctx.now(), "timed by the context's clock");
    // Someone of another organisation, or without the role, cannot invite.
    let lead = Actor::account(9, Role::InvolvementLead, Some(org), None, None);
    assert!(matches!(
        accounts::invite(
            &app.ctx,
            &lead,
            &invitation("dee@trust.example", org),
            accounts::INVITATION_LIFETIME,
            letter
        )
        .await,
        Err(AppError::Forbidden(_))
    ));
    let other = organisation(&app.ctx.store).await;
    let their_admin = Actor::account(9, Role::Administrator, None, None, None);
    assert!(
        accounts::invite(
            &app.ctx,
            &their_admin,
            &invitation("dee@trust.example", other),
            accounts::INVITATION_LIFETIME,
            letter
        )
        .await
        .is_ok()
    );
}

/// Password resets go through the outbox, at most three in fifteen minutes, and say
/// nothing about whether the account exists.
async fn password_resets_are_queued_and_throttled(app: &TestApp) {
    let org = organisation(&app.ctx.store).await;
    accounts::invite(
        &app.ctx,
        &admin(),
        &invitation("ann@trust.example", org),
        accounts::INVITATION_LIFETIME,
        letter,
    )
    .await
    .unwrap();
    app.run_jobs().await;
    app.mail.take();
    let reset = |a: &coproduce_store::accounts::Account, link: &str| Letter {
        subject: "Reset".into(),
        body: format!("Hello {}: {link}", a.name),
    };
    let public = Actor::public(Some("198.51.100.7".into()));
    for _ in 0..5 {
        accounts::request_password_reset(&app.ctx, &public, "ann@trust.example", reset)
            .await
            .unwrap();
    }
    accounts::request_password_reset(&app.ctx, &public, "nobody@trust.example", reset)
        .await
        .unwrap();
    app.run_jobs().await;
    let sent = app.mail.take();
    assert_eq!(sent.len(), 3, "three in the window");
    assert!(
        sent.iter()
            .all(|m| m.to == "ann@trust.example" && m.body.contains("/password-reset/cpe_"))
    );
    app.clock().advance(Duration::minutes(16));
    accounts::request_password_reset(&app.ctx, &public, "ann@trust.example", reset)
        .await
        .unwrap();
    app.run_jobs().await;
    assert_eq!(
        app.mail.take().len(),
        1,
        "and more once the window has passed"
    );
}

/// `audit verify` finds an entry edited by hand, one removed, and one inserted out of
/// order.
async fn the_audit_chain_shows_tampering(app: &TestApp) {
    use coproduce_store::audit::AuditProblem;
    let org = organisation(&app.ctx.store).await;
    for i in 0..5 {
        accounts::invite(
            &app.ctx,
            &admin(),
            &invitation(&format!("p{i}@trust.example"), org),
            accounts::INVITATION_LIFETIME,
            letter,
        )
        .await
        .unwrap();
        app.clock().advance(Duration::minutes(1));
    }
    let report = app.ctx.store.verify_audit().await.unwrap();
    assert_eq!((report.entries, report.problems.clone()), (5, vec![]));
    let store = &app.ctx.store;
    store
        .execute_admin("UPDATE audit_entries SET detail = 'role administrator' WHERE seq = 2")
        .await
        .unwrap();
    let report = store.verify_audit().await.unwrap();
    assert!(
        matches!(&report.problems[..], [AuditProblem::Changed { seq: 2, .. }]),
        "{:?}",
        report.problems
    );
    store
        .execute_admin("DELETE FROM audit_entries WHERE seq = 4")
        .await
        .unwrap();
    let report = store.verify_audit().await.unwrap();
    assert!(
        report.problems.contains(&AuditProblem::Removed {
            from_seq: 4,
            to_seq: 4
        }),
        "{:?}",
        report.problems
    );
    // An entry copied in at the end without going through the head.
    store
        .execute_admin("INSERT INTO audit_entries (seq, at, action, record_kind, detail, prev_hash, hash) SELECT 6, at, action, record_kind, detail, hash, hash FROM audit_entries WHERE seq = 5")
        .await
        .unwrap();
    let report = store.verify_audit().await.unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| matches!(p, AuditProblem::Changed { seq: 6, .. })),
        "{:?}",
        report.problems
    );
    assert!(
        report.problems.iter().any(|p| matches!(
            p,
            AuditProblem::HeadMismatch {
                head_seq: 5,
                last_seq: 6
            }
        )),
        "{:?}",
        report.problems
    );
    // Removing the last entries is seen through the head too: 4 (removed before)
    // and 5 are gone from the end of the trail.
    store
        .execute_admin("DELETE FROM audit_entries WHERE seq >= 5")
        .await
        .unwrap();
    let report = store.verify_audit().await.unwrap();
    assert!(
        report.problems.contains(&AuditProblem::Removed {
            from_seq: 4,
            to_seq: 5
        }),
        "{:?}",
        report.problems
    );
}

/// Entries appended from many transactions at once still form one chain.
async fn concurrent_writers_keep_one_chain(app: &TestApp) {
    let org = organisation(&app.ctx.store).await;
    let mut tasks = Vec::new();
    for i in 0..12 {
        let ctx = app.ctx.clone();
        tasks.push(tokio::spawn(async move {
            accounts::invite(
                &ctx,
                &admin(),
                &invitation(&format!("c{i}@trust.example"), org),
                accounts::INVITATION_LIFETIME,
                letter,
            )
            .await
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let report = app.ctx.store.verify_audit().await.unwrap();
    assert_eq!((report.entries, report.problems), (12, vec![]));
}

/// Tokens and the second factor are changed through the application, each change
/// with its audit entry; the second factor cannot be turned off where the
/// organisation requires it.
async fn tokens_and_the_second_factor_are_audited(app: &TestApp) {
    let org = app
        .ctx
        .store
        .create_organisation(
            &OrganisationFields {
                name: "Trust".into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor: true,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap()
        .id;
    let account = app
        .ctx
        .store
        .create_account(&invitation("ann@trust.example", org), app.ctx.now())
        .await
        .unwrap();
    let ann = Actor::account(account.id, Role::Staff, Some(org), None, None);
    let (token, secret) = accounts::create_token(&app.ctx, &ann, "Reports", false)
        .await
        .unwrap();
    assert!(secret.starts_with("cpt_") && token.scope == "read");
    let other = Actor::account(account.id + 1, Role::Staff, Some(org), None, None);
    assert!(matches!(
        accounts::revoke_token(&app.ctx, &other, token.id).await,
        Err(AppError::NotFound)
    ));
    accounts::revoke_token(&app.ctx, &ann, token.id)
        .await
        .unwrap();
    let mut with_secret = account.clone();
    with_secret.totp_secret = Some(
        accounts::second_factor_secret(&app.ctx, &account)
            .await
            .unwrap(),
    );
    accounts::second_factor_on(&app.ctx, &ann, &with_secret)
        .await
        .unwrap();
    assert!(matches!(
        accounts::second_factor_off(&app.ctx, &ann, &with_secret).await,
        Err(AppError::Forbidden(_))
    ));
    let actions: Vec<String> = app
        .ctx
        .store
        .audit_entries(Default::default(), PageRequest::first(10))
        .await
        .unwrap()
        .items
        .into_iter()
        .rev()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        ["token.create", "token.revoke", "account.second-factor-on"]
    );
}

app_tests!(
    tokens_and_the_second_factor_are_audited,
    a_panicking_job_fails_alone,
    mail_waits_while_the_server_is_down,
    a_dead_workers_job_is_taken_again_after_its_lease,
    two_workers_never_run_a_job_twice,
    a_job_at_0130_on_a_clock_change_night_runs_once,
    an_invitation_and_its_email_commit_together,
    password_resets_are_queued_and_throttled,
    the_audit_chain_shows_tampering,
    concurrent_writers_keep_one_chain,
);
