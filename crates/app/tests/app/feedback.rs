//! Experience feedback through the application layer: asked of those who came and
//! may be contacted, answered by link or from one's record, named or not, once;
//! paper forms; totals hidden below five answers. On SQLite and PostgreSQL.

use chrono::Duration;
use coproduce_app::feedback;
use coproduce_app::testing::TestApp;
use coproduce_app::{AppError, app_tests, invitations, work};
use coproduce_domain::equality::Shown;
use coproduce_domain::feedback::{Agreement, Answers};
use coproduce_domain::person::AttendanceStatus;
use coproduce_domain::text::Problem;

use crate::invitations::{emailed, organisation, person, published, staff};

fn token_in(body: &str) -> String {
    let start = body.find("/feedback/").unwrap();
    body[start + 10..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

async fn people_who_came_are_asked_and_answer_once(app: &TestApp) {
    let org = organisation(app, "Riverside").await;
    let lead = staff(app, org).await;
    let a = published(app, &lead, org, app.ctx.now() + Duration::days(1), None).await;
    let ann = person(app, emailed(org, "Ann Lee"), true).await;
    let bob = person(app, emailed(org, "Bob Khan"), false).await;
    let cy = person(app, emailed(org, "Cy Absent"), true).await;
    invitations::invite(&app.ctx, &lead, a.id, &[ann, cy])
        .await
        .unwrap();
    // Not before it starts.
    assert!(matches!(
        feedback::ask(&app.ctx, &lead, a.id).await,
        Err(AppError::Conflict(_))
    ));
    app.clock().advance(Duration::days(2));
    let lead = staff(app, org).await;
    for (p, status) in [
        (ann, AttendanceStatus::Attended),
        (bob, AttendanceStatus::Attended),
        (cy, AttendanceStatus::Absent),
    ] {
        work::set_attendance(&app.ctx, &lead, a.id, p, status, None)
            .await
            .unwrap();
    }
    app.run_jobs().await;
    app.mail.take();
    let asked = feedback::ask(&app.ctx, &lead, a.id).await.unwrap();
    assert_eq!(asked.emailed, 1);
    assert_eq!(asked.not_contacted, ["Bob Khan"]);
    // Asking again asks nobody twice.
    assert_eq!(
        feedback::ask(&app.ctx, &lead, a.id).await.unwrap().emailed,
        0
    );
    app.run_jobs().await;
    let mail = app.mail.take();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "ann.lee@people.example");
    assert!(mail[0].subject.starts_with("How did"));
    let token = token_in(&mail[0].body);
    let (request, activity) = feedback::request_by_link(&app.ctx, &token).await.unwrap();
    assert_eq!(activity.id, a.id);
    assert!(matches!(
        feedback::request_by_link(&app.ctx, "cpf_nothing").await,
        Err(AppError::NotFound)
    ));
    let answers = Answers::read("yes", "partly", "no", "More breaks, please.").unwrap();
    feedback::answer(&app.ctx, &request, &answers, true)
        .await
        .unwrap();
    // Once only: the first answers stand.
    let (again, _) = feedback::request_by_link(&app.ctx, &token).await.unwrap();
    assert!(matches!(
        feedback::answer(&app.ctx, &again, &answers, true).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        feedback::answer(&app.ctx, &request, &answers, true).await,
        Err(AppError::Conflict(_))
    ));
    // Fewer than five answers: no totals, no comments.
    let s = feedback::summary(&app.ctx, &lead, a.id).await.unwrap();
    assert_eq!((s.asked, s.answered), (1, 1));
    assert!(s.totals.is_none() && s.comments.is_empty());
    // Paper forms, always anonymous, bring it to five.
    for _ in 0..4 {
        let paper = Answers::read("yes", "", "", "").unwrap();
        feedback::record_paper(&app.ctx, &lead, a.id, &paper)
            .await
            .unwrap();
    }
    let s = feedback::summary(&app.ctx, &lead, a.id).await.unwrap();
    let t = s.totals.unwrap();
    assert_eq!(t[0].rows[0], (Agreement::Yes, Shown::Count(5)));
    // One "partly" is hidden: it would point at one person.
    assert_eq!(t[1].rows[1], (Agreement::Partly, Shown::Suppressed));
    assert_eq!(s.comments, ["More breaks, please."]);
    // Nothing answered is refused, named.
    let e = Answers::read("", "", "", "").unwrap_err();
    assert_eq!(e.0[0].problem, Some(Problem::NothingAnswered));
    // Another organisation's staff see nothing.
    let other = organisation(app, "Elsewhere").await;
    let stranger = staff(app, other).await;
    assert!(matches!(
        feedback::summary(&app.ctx, &stranger, a.id).await,
        Err(AppError::NotFound)
    ));
}

app_tests!(people_who_came_are_asked_and_answer_once);
