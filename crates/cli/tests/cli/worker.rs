//! `coproduce worker` and `coproduce audit verify` as they run in a deployment: real
//! worker processes on one PostgreSQL database or one SQLite file, sending to a real
//! SMTP server process, stopped with SIGTERM and killed with SIGKILL.

use std::collections::{HashMap, HashSet};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use coproduce_app::testing::TestApp;
use coproduce_app::{Clock, app_tests, outbox};
use coproduce_store::jobs::JobState;
use coproduce_store::{PageRequest, Store};

/// Starts `coproduce worker` on the app's database, sending to `smtp`.
fn worker(app: &TestApp, smtp: &str, lease_seconds: u32) -> Child {
    Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .args([
            "worker",
            "--database-url",
            app.database_url(),
            "--smtp-url",
            smtp,
        ])
        .args(["--job-lease-seconds", &lease_seconds.to_string()])
        .args(["--public-url", "https://coproduce.test"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start coproduce worker")
}

fn signal(child: &Child, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill {sig}");
}

/// Waits for a process to end by itself, up to `wait`.
fn ended_within(child: &mut Child, wait: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + wait;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// Queues `n` emails through the outbox, with the system clock the workers use.
async fn queue(app: &TestApp, n: usize) -> HashSet<String> {
    let mut ctx = app.ctx.clone();
    ctx.clock = Clock::System;
    let mut tx = ctx.begin().await.unwrap();
    for i in 0..n {
        outbox::queue_email(
            &mut tx,
            &ctx,
            &format!("person{i}@example.org"),
            &format!("Message {i}"),
            format!("Hello {i}"),
        )
        .await
        .unwrap();
    }
    ctx.commit(tx).await.unwrap();
    message_ids_queued(&ctx.store).await
}

async fn message_ids_queued(store: &Store) -> HashSet<String> {
    let page = store
        .jobs(JobState::Waiting, false, PageRequest::first(200))
        .await
        .unwrap();
    page.items
        .iter()
        .map(|j| {
            let v: serde_json::Value = serde_json::from_str(&j.payload).unwrap();
            v["message_id"].as_str().unwrap().to_string()
        })
        .collect()
}

fn message_id(message: &str) -> String {
    message
        .lines()
        .find_map(|l| l.strip_prefix("Message-ID: "))
        .unwrap_or_else(|| panic!("no Message-ID in {message}"))
        .trim()
        .to_string()
}

/// Two worker processes on one database send every message exactly once.
async fn two_worker_processes_share_the_queue(app: &TestApp) {
    let Some(mail) = crate::mailbox::Mailbox::start() else {
        return;
    };
    let queued = queue(app, 30).await;
    assert_eq!(queued.len(), 30);
    let mut a = worker(app, &mail.url(), 30);
    let mut b = worker(app, &mail.url(), 30);
    assert_eq!(mail.messages_within(30, Duration::from_secs(60)).len(), 30);
    // Stopped gracefully, both end of their own accord.
    signal(&a, "-TERM");
    signal(&b, "-TERM");
    for w in [&mut a, &mut b] {
        let status = ended_within(w, Duration::from_secs(20)).expect("the worker stops on SIGTERM");
        assert!(status.success(), "{status:?}");
    }
    let ids: Vec<String> = mail.messages(0).iter().map(|m| message_id(m)).collect();
    let unique: HashSet<String> = ids.iter().cloned().collect();
    assert_eq!(ids.len(), 30, "nothing sent twice");
    assert_eq!(unique, queued, "every message sent");
    let counts = app.ctx.store.job_counts().await.unwrap();
    assert_eq!((counts.done, counts.waiting, counts.running), (30, 0, 0));
}

/// A worker killed with SIGKILL in the middle of a batch loses nothing: after its
/// lease runs out another worker takes its job, and every message arrives. The one
/// that may arrive twice carries the same Message-ID both times.
async fn a_killed_workers_jobs_are_taken_again(app: &TestApp) {
    let Some(mail) = crate::mailbox::Mailbox::start_slow(0.25) else {
        return;
    };
    let queued = queue(app, 16).await;
    let lease = 6;
    let mut first = worker(app, &mail.url(), lease);
    let before = mail.messages_within(4, Duration::from_secs(30)).len();
    assert!(before >= 4, "the first worker was sending");
    signal(&first, "-KILL");
    first.wait().unwrap();
    let killed_at = Instant::now();
    let held = app
        .ctx
        .store
        .jobs(JobState::Running, false, PageRequest::first(50))
        .await
        .unwrap()
        .items;
    assert!(
        held.len() <= 1,
        "a worker holds one job at a time: {held:?}"
    );
    let counts = app.ctx.store.job_counts().await.unwrap();
    assert!(
        counts.done < 16,
        "killed in the middle of the batch: {counts:?}"
    );
    let mut second = worker(app, &mail.url(), lease);
    // Wait until every job is done.
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let c = app.ctx.store.job_counts().await.unwrap();
        if c.done == 16 {
            break;
        }
        assert!(Instant::now() < deadline, "jobs were lost: {c:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    if !held.is_empty() {
        assert!(
            killed_at.elapsed() >= Duration::from_secs(u64::from(lease) - 1),
            "the job the dead worker held waited for its lease"
        );
    }
    signal(&second, "-TERM");
    assert!(ended_within(&mut second, Duration::from_secs(20)).is_some());
    let ids: Vec<String> = mail.messages(0).iter().map(|m| message_id(m)).collect();
    let unique: HashSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique, queued, "no message lost");
    let mut times: HashMap<&str, usize> = HashMap::new();
    for id in &ids {
        *times.entry(id).or_default() += 1;
    }
    let twice: Vec<_> = times.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        twice.len() <= 1 && twice.iter().all(|(_, n)| **n == 2),
        "at most the message in flight is sent again, with its Message-ID: {twice:?}"
    );
}

/// `coproduce audit verify` says the trail is whole, and after an entry is changed
/// by hand names it and exits with 1.
async fn audit_verify_names_a_changed_entry(app: &TestApp) {
    use coproduce_app::accounts::{self, Letter};
    let org = app
        .ctx
        .store
        .create_organisation(
            &coproduce_store::organisations::OrganisationFields {
                name: "Trust".into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            coproduce_store::testing::now(),
        )
        .await
        .unwrap()
        .id;
    for i in 0..3 {
        accounts::invite(
            &app.ctx,
            &coproduce_app::Actor::system(),
            &coproduce_store::accounts::AccountFields {
                email: format!("p{i}@trust.example"),
                name: "P".into(),
                role: coproduce_domain::account::Role::Staff,
                organisation_id: Some(org),
            },
            accounts::INVITATION_LIFETIME,
            |_| Letter::default(),
        )
        .await
        .unwrap();
    }
    let verify = || {
        Command::new(env!("CARGO_BIN_EXE_coproduce"))
            .args(["audit", "verify", "--database-url", app.database_url()])
            .output()
            .unwrap()
    };
    let o = verify();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("whole: 3 entries"), "{out}");
    app.ctx
        .store
        .execute_admin("UPDATE audit_entries SET account_id = 77 WHERE seq = 2")
        .await
        .unwrap();
    let o = verify();
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(out.contains("entry 2 (id "), "{out}");
    assert!(out.contains("was changed after it was written"), "{out}");
    assert!(
        err.starts_with("error: the audit trail has been tampered with"),
        "{err}"
    );
}

app_tests!(
    two_worker_processes_share_the_queue,
    a_killed_workers_jobs_are_taken_again,
    audit_verify_names_a_changed_entry,
);
