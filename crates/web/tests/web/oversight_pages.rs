//! The job queue and audit trail pages, on SQLite and PostgreSQL.

use crate::support::Browser;
use crate::support::{Site, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;
use coproduce_store::jobs::{JobState, NewJob};

/// A job that failed for the last time.
async fn dead_job(store: &Site) -> i64 {
    let now = store.now();
    let id = store
        .enqueue_job(
            &NewJob {
                kind: "email".into(),
                payload: r#"{"to":"ann@example.org","subject":"Your invitation","body":"secret link","message_id":"<1@x>"}"#.into(),
                run_at: now,
                max_attempts: 1,
            },
            now,
        )
        .await
        .unwrap();
    let job = store
        .claim_job("w", now, now + chrono::Duration::minutes(5))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.id, id);
    store
        .fail_job(
            id,
            "w",
            "the SMTP server at smtp://mail did not take the message",
            None,
            now,
        )
        .await
        .unwrap();
    id
}

async fn administrators_see_the_queue_and_retry_a_dead_job(store: Site) {
    let id = dead_job(&store).await;
    let admin = Browser::as_role(&store, Role::Administrator, None, "cpt_admin").await;
    let r = admin.get("/admin/jobs").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.contains("Dead (1)"), "{}", r.text);
    // A list or page that makes no sense shows the waiting list from its start.
    let r = admin.get("/admin/jobs?list=nonsense&after=-x").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.contains("Waiting (0)"));
    let r = admin.get("/admin/jobs?list=dead").await;
    assert!(r.text.contains("To ann@example.org: Your invitation"));
    assert!(r.text.contains("did not take the message"));
    assert!(
        !r.text.contains("secret link"),
        "an email's body is never shown"
    );
    assert!(r.text.contains(&format!("/admin/jobs/{id}/retry")));
    let r = admin.post(&format!("/admin/jobs/{id}/retry"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(store.job(id).await.unwrap().state, JobState::Waiting);
    // A second click finds it already waiting, and changes nothing.
    let r = admin.post(&format!("/admin/jobs/{id}/retry"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // No such job, or not a number.
    assert_eq!(
        admin.post("/admin/jobs/999999/retry", &[]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        admin.post("/admin/jobs/x/retry", &[]).await.status,
        StatusCode::NOT_FOUND
    );
    // The retry is in the audit trail, with who did it.
    let r = admin
        .get(&format!("/admin/audit?record_kind=job&record_id={id}"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.contains("job.retry"), "{}", r.text);
    assert!(r.text.contains("(account "), "{}", r.text);
    // Staff cannot reach either page.
    let staff = Browser::as_role(&store, Role::Staff, None, "cpt_staff").await;
    assert_eq!(staff.get("/admin/jobs").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        staff.get("/admin/audit").await.status,
        StatusCode::FORBIDDEN
    );
}

async fn a_bad_audit_filter_names_the_field_and_keeps_what_was_typed(store: Site) {
    let admin = Browser::as_role(&store, Role::Administrator, None, "cpt_admin").await;
    let r = admin
        .get("/admin/audit?person=twelve&account=-3&record_kind=&record_id=4")
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("There is a problem"));
    assert!(r.text.contains("href=\"#person\""));
    assert!(r.text.contains("href=\"#account\""));
    assert!(r.text.contains("href=\"#record_kind\""));
    assert!(
        r.text.contains("value=\"twelve\""),
        "what was typed is kept"
    );
    assert!(
        r.text
            .contains("Enter the person&#39;s number in the register as a whole number, like 12")
            || r.text
                .contains("Enter the person's number in the register as a whole number, like 12"),
        "{}",
        r.text
    );
    assert!(
        r.text.contains("Enter the account&#39;s number")
            || r.text.contains("Enter the account's number")
    );
    let r = admin.get("/admin/audit?record_kind=person").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("Enter the record&#39;s number")
            || r.text.contains("Enter the record's number"),
        "{}",
        r.text
    );
    let r = admin.get("/admin/audit?unknown=1").await;
    assert_eq!(r.status, StatusCode::OK);
}

site_tests!(
    administrators_see_the_queue_and_retry_a_dead_job,
    a_bad_audit_filter_names_the_field_and_keeps_what_was_typed,
);
