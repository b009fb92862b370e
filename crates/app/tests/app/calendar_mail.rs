//! Invitations sent through a real SMTP server (`tests/smtp/sink.py`), their
//! calendar events read back by an independent parser (Python's `icalendar`):
//! the times on both sides of the clock changes, one UID for the event's life, its
//! SEQUENCE raised by each change, and the cancellation.

use chrono::{DateTime, Utc};
use coproduce_app::testing::TestApp;
use coproduce_app::{Mailer, invitations, work};
use serde_json::Value;

use crate::invitations::{emailed, fields, organisation, person, published, staff};
use crate::mailbox::Mailbox;

fn london(s: &str) -> DateTime<Utc> {
    coproduce_domain::time::parse_london(s).unwrap()
}

fn event(message: &Value) -> &Value {
    let events = message["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{message}");
    &events[0]
}

#[tokio::test]
async fn invitations_carry_events_a_calendar_reads_right_across_the_clock_changes() {
    let Some(mailbox) = Mailbox::start() else {
        return;
    };
    let mailer = Mailer::smtp(
        &mailbox.url(),
        "Riverside involvement <involve@riverside.example>",
    )
    .unwrap();
    let app = TestApp::sqlite().await.with_mailer(mailer);
    let mut settings = (*app.ctx.settings).clone();
    settings.mail_address = "involve@riverside.example".into();
    let app = app.with_settings(settings);
    let org = organisation(&app, "Riverside").await;
    let lead = staff(&app, org).await;
    // From 00:30 British Summer Time to 03:00 Greenwich Mean Time on the night the
    // clocks go back: three and a half hours.
    let autumn = published(&app, &lead, org, london("2026-10-25T00:30"), None).await;
    let mut f = fields(autumn.project_id, london("2026-10-25T00:30"), None);
    f.schedule = coproduce_domain::activity::Schedule::new(
        f.schedule.starts_at(),
        london("2026-10-25T03:00"),
    )
    .unwrap();
    let autumn = work::update_activity(&app.ctx, &lead, autumn.id, &f, Some(0), None)
        .await
        .unwrap();
    // The morning after the clocks go forward.
    let spring = published(&app, &lead, org, london("2027-03-28T10:00"), None).await;
    let ann = person(&app, emailed(org, "Ann Lee"), true).await;
    invitations::invite(&app.ctx, &lead, autumn.id, &[ann])
        .await
        .unwrap();
    invitations::invite(&app.ctx, &lead, spring.id, &[ann])
        .await
        .unwrap();
    app.run_jobs().await;
    let read = mailbox.calendars(2);
    let messages = read.as_array().unwrap();
    assert_eq!(messages.len(), 2, "{read}");

    let first = &messages[0];
    assert_eq!(first["subject"], "Invitation: Carers' forum");
    assert_eq!(first["method"], "REQUEST");
    assert_eq!(first["content_method"], "REQUEST");
    assert_eq!(first["zones"], serde_json::json!(["Europe/London"]));
    assert_eq!(first["attachment"], true);
    assert!(first["text"].as_str().unwrap().contains("/reply/cpr_"));
    let e = event(first);
    assert_eq!(e["tzid"], "Europe/London");
    assert_eq!(e["start_local"], "2026-10-25T00:30:00+01:00");
    assert_eq!(e["start_utc"], "2026-10-24T23:30:00+00:00");
    assert_eq!(e["end_utc"], "2026-10-25T03:00:00+00:00");
    assert_eq!(e["uid"], format!("activity-{}@coproduce.test", autumn.id));
    assert_eq!(
        e["sequence"], 1,
        "it was changed once before anyone was invited"
    );
    assert_eq!(e["url"], "https://meet.example/carers");
    assert_eq!(e["status"], "CONFIRMED");
    assert_eq!(e["attendee"], "mailto:ann.lee@people.example");

    let e = event(&messages[1]);
    assert_eq!(e["start_local"], "2027-03-28T10:00:00+01:00");
    assert_eq!(e["start_utc"], "2027-03-28T09:00:00+00:00");
    assert_eq!(e["sequence"], 0);

    // A change sends the same event with its sequence raised; a cancellation
    // withdraws it.
    let mut later = fields(spring.project_id, london("2027-03-28T14:00"), None);
    later.title = "Carers' forum, afternoon".into();
    work::update_activity(&app.ctx, &lead, spring.id, &later, None, None)
        .await
        .unwrap();
    work::cancel_activity(&app.ctx, &lead, spring.id)
        .await
        .unwrap();
    app.run_jobs().await;
    let read = mailbox.calendars(4);
    let messages = read.as_array().unwrap();
    assert_eq!(messages.len(), 4, "{read}");
    let changed = &messages[2];
    assert!(changed["subject"].as_str().unwrap().starts_with("Changed"));
    let e = event(changed);
    assert_eq!(e["uid"], format!("activity-{}@coproduce.test", spring.id));
    assert_eq!(e["sequence"], 1);
    assert_eq!(e["start_utc"], "2027-03-28T13:00:00+00:00");
    assert_eq!(e["summary"], "Carers' forum, afternoon");
    let cancelled = &messages[3];
    assert_eq!(cancelled["method"], "CANCEL");
    assert_eq!(cancelled["content_method"], "CANCEL");
    let e = event(cancelled);
    assert_eq!(e["uid"], format!("activity-{}@coproduce.test", spring.id));
    assert_eq!(e["sequence"], 2);
    assert_eq!(e["status"], "CANCELLED");
    app.finish().await;
}
