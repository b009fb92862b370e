//! Invitations to activities, the reply links sent with them, and people's calendar
//! feeds.
//!
//! Secrets are never stored: a reply link and a feed address are kept as the
//! SHA-256 of their token. Every write takes the time from its caller.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::invitation::{Place, Reach, Reply};

use crate::db::updated;
use crate::{Store, StoreError, Tx};

/// One person's invitation to one activity.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Invitation {
    pub id: i64,
    pub activity_id: i64,
    pub person_id: i64,
    pub person_name: String,
    #[sqlx(try_from = "String")]
    pub place: Place,
    #[sqlx(try_from = "String")]
    pub reach: Reach,
    /// Their reply's slug; [`Invitation::reply`] reads it.
    #[sqlx(rename = "reply")]
    pub reply_slug: Option<String>,
    pub replied_at: Option<DateTime<Utc>>,
    pub invited_at: DateTime<Utc>,
    /// When they were given a place: at once, or when the waiting list moved up.
    pub offered_at: Option<DateTime<Utc>>,
    /// When the organiser phoned them or posted their letter, for those reached so.
    pub contacted_at: Option<DateTime<Utc>>,
}

has_id!(Invitation);

/// A reply as stored; one that no longer reads is taken as no reply.
fn read_reply(slug: &Option<String>) -> Option<Reply> {
    slug.as_deref().and_then(|s| Reply::parse(s).ok())
}

impl Invitation {
    pub fn reply(&self) -> Option<Reply> {
        read_reply(&self.reply_slug)
    }

    /// Whether they hold one of the activity's places: offered one, and not said no.
    pub fn holds_place(&self) -> bool {
        self.place == Place::Offered && self.reply() != Some(Reply::NotComing)
    }
}

impl PersonInvitation {
    pub fn reply(&self) -> Option<Reply> {
        read_reply(&self.reply_slug)
    }
}

/// What an invitation needs to know of a person, read for many people at once.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Invitee {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    /// What they like to be called, for greeting them.
    pub preferred_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub preferred_contact: Option<String>,
    pub born_on: Option<NaiveDate>,
    pub erased: bool,
    /// Consent to be contacted, in force on the day asked about.
    pub may_contact: bool,
    /// A parent or guardian's consent, in force on the day asked about.
    pub guardian_agrees: bool,
    /// They speak Polish and not English.
    pub polish: bool,
    pub easy_read: bool,
    /// The largest print size they need, in points, if any.
    pub large_print: Option<i64>,
}

/// An invitation as its person sees it, with the activity's details.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonInvitation {
    pub id: i64,
    pub activity_id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    #[sqlx(try_from = "String")]
    pub place: Place,
    #[sqlx(rename = "reply")]
    pub reply_slug: Option<String>,
    pub venue_name: Option<String>,
    pub venue_address: Option<String>,
    pub joining_link: Option<String>,
    pub version: i64,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub organisation_name: String,
}

has_id!(PersonInvitation);

macro_rules! invitation_select {
    ($rest:literal) => {
        concat!("SELECT i.id, i.activity_id, i.person_id, p.name AS person_name, i.place, i.reach, i.reply, i.replied_at, i.invited_at, i.offered_at, i.contacted_at FROM invitations i JOIN people p ON p.id = i.person_id ", $rest)
    };
}

macro_rules! person_invitation_select {
    ($rest:literal) => {
        concat!("SELECT i.id, i.activity_id, a.title, a.starts_at, a.ends_at, i.place, i.reply, v.name AS venue_name, v.address AS venue_address, a.joining_link, a.version, a.cancelled_at, o.name AS organisation_name FROM invitations i JOIN activities a ON a.id = i.activity_id JOIN projects pr ON pr.id = a.project_id JOIN organisations o ON o.id = pr.organisation_id LEFT JOIN venues v ON v.id = a.venue_id ", $rest)
    };
}

impl Store {
    pub async fn invitation(&self, id: i64) -> Result<Invitation, StoreError> {
        self.by_id(invitation_select!("WHERE i.id = $1"), id).await
    }

    /// Everyone invited to an activity: those with a place, then the waiting list in
    /// the order they joined it.
    pub async fn invitations(&self, activity_id: i64) -> Result<Vec<Invitation>, StoreError> {
        let sql = invitation_select!(
            "WHERE i.activity_id = $1 ORDER BY CASE i.place WHEN 'offered' THEN 0 ELSE 1 END, i.invited_at, i.id"
        );
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Invitation>(sql)
                .bind(activity_id)
                .fetch_all(p)
                .await
        })?)
    }

    /// The invitation a reply link belongs to.
    pub async fn invitation_by_link(&self, token_hash: &str) -> Result<Invitation, StoreError> {
        let sql = invitation_select!(
            "JOIN reply_links l ON l.invitation_id = i.id WHERE l.token_hash = $1"
        );
        on_pool!(self, |p| {
            sqlx::query_as::<_, Invitation>(sql)
                .bind(token_hash)
                .fetch_optional(p)
                .await
        })?
        .ok_or(StoreError::NotFound)
    }

    /// What inviting needs to know of each of `ids` that exists, on `day`, in one query.
    pub async fn invitees(&self, ids: &[i64], day: NaiveDate) -> Result<Vec<Invitee>, StoreError> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        Ok(on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT p.id, p.organisation_id, p.name, p.preferred_name, p.email, p.phone, p.address, p.postcode, p.preferred_contact, p.born_on, p.erased_at IS NOT NULL AS erased, ",
            );
            for (purpose, name) in [("contact", "may_contact"), ("guardian", "guardian_agrees")] {
                q.push(
                    "EXISTS (SELECT 1 FROM consents c WHERE c.person_id = p.id AND c.purpose = ",
                )
                .push_bind(purpose)
                .push(" AND c.given_on <= ")
                .push_bind(day)
                .push(" AND (c.withdrawn_on IS NULL OR c.withdrawn_on > ")
                .push_bind(day)
                .push(format!(")) AS {name}, "));
            }
            q.push("EXISTS (SELECT 1 FROM person_languages l WHERE l.person_id = p.id AND l.language = 'pl') AND NOT EXISTS (SELECT 1 FROM person_languages l WHERE l.person_id = p.id AND l.language = 'en') AS polish, ");
            q.push("EXISTS (SELECT 1 FROM person_needs n WHERE n.person_id = p.id AND n.need = 'easy-read') AS easy_read, ");
            q.push("(SELECT CAST(MAX(CASE n.need WHEN 'large-print-20' THEN 20 WHEN 'large-print-24' THEN 24 WHEN 'large-print-28' THEN 28 END) AS BIGINT) FROM person_needs n WHERE n.person_id = p.id) AS large_print ");
            q.push("FROM people p WHERE p.id IN (");
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY p.id");
            q.build_query_as::<Invitee>().fetch_all(p).await
        })?)
    }

    /// A person's invitations, the soonest first.
    pub async fn person_invitations(
        &self,
        person_id: i64,
    ) -> Result<Vec<PersonInvitation>, StoreError> {
        let sql = person_invitation_select!("WHERE i.person_id = $1 ORDER BY a.starts_at, i.id");
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, PersonInvitation>(sql)
                .bind(person_id)
                .fetch_all(p)
                .await
        })?)
    }

    /// One invitation as its person sees it.
    pub async fn person_invitation(&self, id: i64) -> Result<PersonInvitation, StoreError> {
        self.by_id(person_invitation_select!("WHERE i.id = $1"), id)
            .await
    }

    /// The person whose calendar feed has this address.
    pub async fn feed_person(&self, token_hash: &str) -> Result<i64, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "SELECT person_id FROM calendar_feeds WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(p)
            .await
        })?
        .ok_or(StoreError::NotFound)
    }

    /// When a person's calendar feed address was made, if they have one.
    pub async fn feed_made(&self, person_id: i64) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, DateTime<Utc>>(
                "SELECT created_at FROM calendar_feeds WHERE person_id = $1",
            )
            .bind(person_id)
            .fetch_optional(p)
            .await
        })?)
    }
}

/// Makes an activity's later writes wait for this transaction, so two people
/// inviting or replying at once cannot both take its last place.
pub async fn lock_activity(tx: &mut Tx, activity_id: i64) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE activities SET version = version WHERE id = $1")
            .bind(activity_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Everyone invited to an activity, read on the caller's transaction.
pub async fn invitations_in(tx: &mut Tx, activity_id: i64) -> Result<Vec<Invitation>, StoreError> {
    let sql = invitation_select!(
        "WHERE i.activity_id = $1 ORDER BY CASE i.place WHEN 'offered' THEN 0 ELSE 1 END, i.invited_at, i.id"
    );
    Ok(on_tx!(tx, |c| {
        sqlx::query_as::<_, Invitation>(sql)
            .bind(activity_id)
            .fetch_all(c)
            .await
    })?)
}

/// Writes an invitation; one already there for the same person is left as it is
/// and answers `None`.
pub async fn insert_invitation(
    tx: &mut Tx,
    activity_id: i64,
    person_id: i64,
    place: Place,
    reach: Reach,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let offered = (place == Place::Offered).then_some(now);
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO invitations (activity_id, person_id, place, reach, invited_at, offered_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (activity_id, person_id) DO NOTHING RETURNING id",
        )
        .bind(activity_id)
        .bind(person_id)
        .bind(place.slug())
        .bind(reach.slug())
        .bind(now)
        .bind(offered)
        .fetch_optional(c)
        .await
    })?)
}

/// Keeps the hash of a reply link sent for an invitation.
pub async fn add_reply_link(
    tx: &mut Tx,
    invitation_id: i64,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO reply_links (token_hash, invitation_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(token_hash)
        .bind(invitation_id)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Records a reply, replacing any earlier one.
pub async fn set_reply_in(
    tx: &mut Tx,
    id: i64,
    reply: Reply,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE invitations SET reply = $1, replied_at = $2 WHERE id = $3")
            .bind(reply.slug())
            .bind(now)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Gives a place to someone on the waiting list.
pub async fn offer_place_in(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE invitations SET place = 'offered', offered_at = $1 WHERE id = $2 AND place = 'waiting'")
            .bind(now)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Gives a person a new calendar feed address, ending the old one.
pub async fn replace_feed_in(
    tx: &mut Tx,
    person_id: i64,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO calendar_feeds (person_id, token_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (person_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
        )
        .bind(person_id)
        .bind(token_hash)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Puts someone back on the waiting list, at its end: they said no, then yes, and
/// their place had gone meanwhile.
pub async fn wait_again_in(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE invitations SET place = 'waiting', offered_at = NULL, invited_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// A published event open to the public, for the public calendar feed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PublicEvent {
    pub id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue_name: Option<String>,
    pub venue_address: Option<String>,
    pub version: i64,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub organisation_name: String,
}

has_id!(PublicEvent);

/// The most events the public feed lists.
pub const PUBLIC_EVENTS: i64 = 500;

impl Store {
    /// Published activities of the type "event" (open to the public) that end after
    /// `since`, the soonest first, at most [`PUBLIC_EVENTS`].
    pub async fn public_events(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<PublicEvent>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, PublicEvent>(
                "SELECT a.id, a.title, a.starts_at, a.ends_at, v.name AS venue_name, v.address AS venue_address, a.version, a.cancelled_at, o.name AS organisation_name FROM activities a JOIN projects pr ON pr.id = a.project_id JOIN organisations o ON o.id = pr.organisation_id LEFT JOIN venues v ON v.id = a.venue_id WHERE a.activity_type = 'event' AND a.published_at IS NOT NULL AND a.ends_at > $1 ORDER BY a.starts_at, a.id LIMIT $2",
            )
            .bind(since)
            .bind(PUBLIC_EVENTS)
            .fetch_all(p)
            .await
        })?)
    }
}

/// A reminder an organiser set for an activity.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Reminder {
    pub id: i64,
    pub activity_id: i64,
    /// How many days before the activity's day it goes.
    pub days_before: i64,
    /// At what London time, `HH:MM`.
    pub at_time: String,
    /// The organiser's own words, if any.
    pub words: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// How many people it was emailed to.
    pub sent_to: Option<i64>,
}

has_id!(Reminder);

impl Store {
    pub async fn reminder(&self, id: i64) -> Result<Reminder, StoreError> {
        self.by_id(
            "SELECT id, activity_id, days_before, at_time, words, created_at, sent_at, sent_to FROM reminders WHERE id = $1",
            id,
        )
        .await
    }

    /// An activity's reminders, in the order they were set.
    pub async fn reminders(&self, activity_id: i64) -> Result<Vec<Reminder>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Reminder>(
                "SELECT id, activity_id, days_before, at_time, words, created_at, sent_at, sent_to FROM reminders WHERE activity_id = $1 ORDER BY id",
            )
            .bind(activity_id)
            .fetch_all(p)
            .await
        })?)
    }
}

/// Writes a reminder on the caller's transaction.
pub async fn insert_reminder(
    tx: &mut Tx,
    activity_id: i64,
    days_before: i64,
    at_time: &str,
    words: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO reminders (activity_id, days_before, at_time, words, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(activity_id)
        .bind(days_before)
        .bind(at_time)
        .bind(words)
        .bind(now)
        .fetch_one(c)
        .await
    })?)
}

/// Records that a reminder was sent, and to how many, unless it already was.
/// Answers whether this call recorded it.
/// Records when the organiser phoned someone, or posted their letter.
pub async fn mark_contacted_in(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE invitations SET contacted_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    crate::db::updated(rows)
}

/// Removes a reminder not yet sent; `false` when it was sent meanwhile (or is
/// gone), and nothing is removed. Its job finds it gone and sends nothing.
pub async fn delete_reminder_in(tx: &mut Tx, id: i64) -> Result<bool, StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("DELETE FROM reminders WHERE id = $1 AND sent_at IS NULL")
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(rows == 1)
}

pub async fn mark_reminder_sent_in(
    tx: &mut Tx,
    id: i64,
    sent_to: i64,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE reminders SET sent_at = $1, sent_to = $2 WHERE id = $3 AND sent_at IS NULL",
        )
        .bind(now)
        .bind(sent_to)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(rows == 1)
}
