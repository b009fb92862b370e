//! The demo's networks (with their documents, members, signatures and a stand-down)
//! and training courses (with a session and completions, one of them run out).

use chrono::{Days, NaiveDate};
use coproduce_domain::Vocabulary;
use coproduce_domain::network::{self, Audience, MemberRole, NetworkKind};

use super::days_before;
use crate::StoreError;

/// Network: organisation index, name, kind; then its members: person index, role,
/// days ago they joined, whether they signed the newest code of conduct, and a
/// stand-down (days ago, reason, days until review).
type DemoNetwork = (
    usize,
    &'static str,
    NetworkKind,
    &'static [(
        usize,
        MemberRole,
        u64,
        bool,
        Option<(u64, &'static str, u64)>,
    )],
);

const NETWORKS: [DemoNetwork; 2] = [
    (
        1,
        "Patients' Forum members (demo)",
        NetworkKind::PatientsForum,
        &[
            (0, MemberRole::Chair, 700, false, None),
            (1, MemberRole::Member, 650, false, None),
            (2, MemberRole::ViceChair, 600, true, None),
            (
                3,
                MemberRole::Member,
                500,
                false,
                Some((40, "Asked for a break while unwell", 50)),
            ),
            (7, MemberRole::Member, 90, false, None),
        ],
    ),
    (
        0,
        "Ambulance Co-production Network (demo)",
        NetworkKind::Coproduction,
        &[
            (10, MemberRole::Chair, 400, true, None),
            (11, MemberRole::Member, 300, true, None),
        ],
    ),
];

/// A document to adopt: kind, title, version, charter, adopted on, words, Easy Read.
type Doc<'a> = (
    &'a str,
    &'a str,
    String,
    Option<i64>,
    NaiveDate,
    String,
    Option<String>,
);

/// The demo's code of conduct, version 1.
const CODE_1: &str = "This code of conduct is how we work together in this group.

We agree to:
- treat everyone with respect, whatever their background
- listen, and let each person finish what they are saying
- keep what people share about themselves private
- tell the chair if something makes us uncomfortable";

/// Version 2 adds online meetings and claiming payments.
const CODE_2: &str = "This code of conduct is how we work together in this group, in the room and online.

We agree to:
- treat everyone with respect, whatever their background
- listen, and let each person finish what they are saying
- keep what people share about themselves private, in meetings and in online chats
- turn our camera off, not leave, if we need a break in an online meeting
- claim only the payments and expenses we are owed
- tell the chair, or the involvement team, if something makes us uncomfortable

If someone breaks this code, the chair will talk with them first. Anyone can ask for a review of what was decided.";

/// The Easy Read version of version 2.
const CODE_2_EASY: &str = "This is how we work together.

We will:
- be kind to everyone
- let people finish talking
- keep private things private
- take a break when we need one
- only ask for money we are owed
- tell someone if we are not happy

If someone does not follow this, the chair will talk to them.";

/// Each demo network adopts its code of conduct twice (version 2 recently, so some
/// members still need to sign it) and the LAS-PFLAS charter; members joined, were
/// inducted and signed version 1, and some have signed version 2.
pub(super) async fn load_networks(
    tx: &mut crate::Tx,
    orgs: &[i64],
    people: &[i64],
    today: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let charter: Option<(i64, String, String)> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT id, title, version FROM charters WHERE key = 'las-pflas'"
    )
    .fetch_optional(c)
    .await)?;
    for (org, name, kind, members) in NETWORKS {
        let network: i64 = on_tx!(tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO networks (organisation_id, name, kind, description, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
        )
        .bind(orgs[org])
        .bind(name)
        .bind(kind.slug())
        .bind("Meets on the first Tuesday of each month. Invented for the demo.")
        .bind(now)
        .fetch_one(c)
        .await
        })?;
        let mut documents = Vec::new();
        let mut docs: Vec<Doc> = vec![
            (
                "code-of-conduct",
                "Code of conduct",
                "1".into(),
                None,
                days_before(today, 720),
                CODE_1.into(),
                None,
            ),
            (
                "code-of-conduct",
                "Code of conduct",
                "2".into(),
                None,
                days_before(today, 30),
                CODE_2.into(),
                Some(CODE_2_EASY.into()),
            ),
        ];
        if let Some((id, title, version)) = &charter {
            let words = coproduce_domain::templates::all()
                .into_iter()
                .find(|c| c.key == "las-pflas")
                .map(|c| c.plain_text())
                .unwrap_or_default();
            docs.push((
                "charter",
                title,
                version.clone(),
                Some(*id),
                days_before(today, 720),
                words,
                None,
            ));
        }
        for (doc_kind, title, version, charter_id, adopted_on, body, easy_read) in docs {
            let id: i64 = on_tx!(tx, |c| {
                sqlx::query_scalar(
                "INSERT INTO network_documents (network_id, kind, title, version, charter_id, adopted_on, recorded_at, body, easy_read) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
            )
            .bind(network)
            .bind(doc_kind)
            .bind(title)
            .bind(&version)
            .bind(charter_id)
            .bind(adopted_on)
            .bind(now)
            .bind(&body)
            .bind(&easy_read)
            .fetch_one(c)
            .await
            })?;
            documents.push((id, version == "2" && doc_kind == "code-of-conduct"));
        }
        for &(person, role, joined_ago, signed_new, stood_down) in members {
            let joined_on = days_before(today, joined_ago);
            let inducted_on = days_before(today, joined_ago.saturating_sub(14));
            let membership: i64 = on_tx!(tx, |c| {
                sqlx::query_scalar(
                "INSERT INTO memberships (network_id, person_id, role, joined_on, inducted_on, inducted_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
            )
            .bind(network)
            .bind(people[person])
            .bind(role.slug())
            .bind(joined_on)
            .bind(inducted_on)
            .bind("Sam Taylor (involvement lead)")
            .bind(now)
            .fetch_one(c)
            .await
            })?;
            for &(document, newest) in &documents {
                if newest && !signed_new {
                    continue;
                }
                let signed_on = if newest {
                    days_before(today, 20)
                } else {
                    inducted_on.max(days_before(today, 720))
                };
                on_tx!(tx, |c| {
                    sqlx::query(
                    "INSERT INTO signatures (membership_id, document_id, signed_on, recorded_at) VALUES ($1, $2, $3, $4)"
                )
                .bind(membership)
                .bind(document)
                .bind(signed_on)
                .bind(now)
                .execute(c)
                .await
                .map(|_| ())
                })?;
            }
            if let Some((ago, reason, review_in)) = stood_down {
                let on = days_before(today, ago);
                on_tx!(tx, |c| {
                    sqlx::query(
                    "INSERT INTO stand_downs (membership_id, stood_down_on, reason, review_on, recorded_at) VALUES ($1, $2, $3, $4, $5)"
                )
                .bind(membership)
                .bind(on)
                .bind(reason)
                .bind(today.checked_add_days(Days::new(review_in)).unwrap_or(today))
                .bind(now)
                .execute(c)
                .await
                .map(|_| ())
                })?;
            }
        }
    }
    Ok(())
}

/// Course: organisation index, title, audience, months valid; then completions:
/// person index and days ago.
type DemoCourse = (
    usize,
    &'static str,
    Audience,
    Option<i64>,
    &'static [(usize, u64)],
);

const COURSES: [DemoCourse; 3] = [
    (
        0,
        "Co-production for staff (demo)",
        Audience::Staff,
        Some(24),
        &[(10, 800), (11, 60)],
    ),
    (
        1,
        "Welcome to the forum (demo)",
        Audience::Participants,
        None,
        &[(0, 680), (1, 630), (2, 580), (3, 480), (7, 70)],
    ),
    (
        1,
        "Safeguarding basics (demo)",
        Audience::Everyone,
        Some(12),
        &[(0, 330), (2, 200)],
    ),
];

/// The demo courses, each with a session on the day of its most recent completion,
/// and who completed them: some current, some about to run out, one run out.
pub(super) async fn load_training(
    tx: &mut crate::Tx,
    orgs: &[i64],
    people: &[i64],
    today: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    for (org, title, audience, months, done) in COURSES {
        let course: i64 = on_tx!(tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO courses (organisation_id, title, audience, valid_months, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
        )
        .bind(orgs[org])
        .bind(title)
        .bind(audience.slug())
        .bind(months)
        .bind(now)
        .fetch_one(c)
        .await
        })?;
        let latest = done.iter().map(|(_, ago)| *ago).min().unwrap_or(0);
        let session: i64 = on_tx!(tx, |c| {
            sqlx::query_scalar(
            "INSERT INTO training_sessions (course_id, held_on, place, trainer, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
        )
        .bind(course)
        .bind(days_before(today, latest))
        .bind("Northvale Community Hall")
        .bind("Sam Taylor")
        .bind(now)
        .fetch_one(c)
        .await
        })?;
        for &(person, ago) in done {
            let completed_on = days_before(today, ago);
            on_tx!(tx, |c| {
                sqlx::query(
                "INSERT INTO completions (course_id, session_id, person_id, completed_on, expires_on, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)"
            )
            .bind(course)
            .bind((ago == latest).then_some(session))
            .bind(people[person])
            .bind(completed_on)
            .bind(network::expires_on(completed_on, months))
            .bind(now)
            .execute(c)
            .await
            .map(|_| ())
            })?;
        }
    }
    Ok(())
}
