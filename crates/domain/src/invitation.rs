//! Invitations to an activity: how each reaches the person, their place or their
//! turn on the waiting list, and their reply.
//!
//! Pure rules only; the application layer reads the person's consent and contact
//! details and calls these.

use chrono::{DateTime, Utc};

use crate::person::ContactMethod;
use crate::vocabulary;

vocabulary! {
    /// A person's answer to an invitation.
    pub enum Reply ("reply") {
        Coming => ("coming", "Coming", ["yes", "attending"]),
        NotComing => ("not-coming", "Not coming", ["no", "not attending", "declined"]),
        Maybe => ("maybe", "Maybe", ["tentative", "not sure"]),
    }
}

vocabulary! {
    /// Whether an invited person has a place or is waiting for one.
    pub enum Place ("place") {
        Offered => ("offered", "Has a place"),
        Waiting => ("waiting", "On the waiting list"),
    }
}

vocabulary! {
    /// How an invitation reaches a person.
    pub enum Reach ("way of reaching") {
        Email => ("email", "Sent by email"),
        Phone => ("phone", "To phone"),
        Letter => ("letter", "To post as a letter"),
        HeldBack => ("held-back", "Not sent: no consent to contact"),
    }
}

/// How to reach a person: not at all without consent to contact; by email when
/// that is their preference, or when they have an email address and no other
/// preference; otherwise by phone (a call or a text) or a letter, which the
/// organiser makes from the list Coproduce gives them.
pub fn reach(
    consent_to_contact: bool,
    preferred: Option<ContactMethod>,
    has_email: bool,
    has_phone: bool,
) -> Reach {
    if !consent_to_contact {
        return Reach::HeldBack;
    }
    match preferred {
        Some(ContactMethod::Email) if has_email => Reach::Email,
        Some(ContactMethod::Phone | ContactMethod::Text) if has_phone => Reach::Phone,
        Some(ContactMethod::Letter) => Reach::Letter,
        _ if has_email => Reach::Email,
        _ if has_phone => Reach::Phone,
        _ => Reach::Letter,
    }
}

/// Whether one more person can have a place: always when the places are not
/// limited; otherwise while those holding a place (everyone offered one who has not
/// said no) are fewer than the places.
pub fn has_room(places: Option<i64>, holding: i64) -> bool {
    places.is_none_or(|p| holding < p)
}

/// A reply link works until the activity ends.
pub fn reply_open(ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < ends_at
}

/// Why nobody can be invited to an activity, or reply about it, now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// It is a draft: publish it first.
    Draft,
    Cancelled,
    /// It has ended.
    Over,
}

impl Closed {
    /// In British English, for the API and the log.
    pub fn explain(self) -> &'static str {
        match self {
            Closed::Draft => "the activity is a draft: publish it before inviting anyone",
            Closed::Cancelled => "the activity is cancelled",
            Closed::Over => "the activity has ended",
        }
    }
}

/// Whether an activity is closed to invitations and replies, and why.
pub fn closed(
    published: bool,
    cancelled: bool,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Closed> {
    if cancelled {
        Some(Closed::Cancelled)
    } else if !published {
        Some(Closed::Draft)
    } else if !reply_open(ends_at, now) {
        Some(Closed::Over)
    } else {
        None
    }
}

/// The most days before an activity a reminder can go.
pub const REMINDER_DAYS: i64 = 60;

/// When a reminder set `days_before` the activity's day, at `at` London time, goes
/// for an activity starting at `starts_at`. A time the clocks skip or repeat is
/// taken as London's scheduled work takes it (`time::scheduled_london`).
pub fn reminder_time(
    starts_at: DateTime<Utc>,
    days_before: i64,
    at: chrono::NaiveTime,
) -> DateTime<Utc> {
    let day = crate::time::london_date(starts_at) - chrono::Duration::days(days_before);
    crate::time::scheduled_london(day.and_time(at))
}

/// Checks a reminder being set: the days within range, and a time after `now` and
/// before the activity starts. Problems are named on `days_before` or `at`.
pub fn check_reminder(
    starts_at: DateTime<Utc>,
    days_before: i64,
    at: chrono::NaiveTime,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, crate::text::FieldErrors> {
    let mut errs = crate::text::FieldErrors::new();
    if !(0..=REMINDER_DAYS).contains(&days_before) {
        errs.add(
            "days_before",
            crate::text::Problem::OutOfRange {
                min: 0,
                max: REMINDER_DAYS,
                given: days_before,
            },
        );
        return Err(errs);
    }
    let when = reminder_time(starts_at, days_before, at);
    if when >= starts_at {
        errs.add("at", crate::text::Problem::ReminderNotBefore);
    } else if when <= now {
        errs.add("at", crate::text::Problem::ReminderPast);
    }
    errs.finish(|| when)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn an_invitation_goes_the_way_the_person_asked_and_never_without_consent() {
        use ContactMethod as C;
        assert_eq!(reach(false, Some(C::Email), true, true), Reach::HeldBack);
        assert_eq!(reach(true, Some(C::Email), true, true), Reach::Email);
        assert_eq!(reach(true, Some(C::Letter), true, true), Reach::Letter);
        assert_eq!(reach(true, Some(C::Text), true, true), Reach::Phone);
        // A preference that cannot be met falls back to what they have.
        assert_eq!(reach(true, Some(C::Email), false, true), Reach::Phone);
        assert_eq!(reach(true, None, true, false), Reach::Email);
        assert_eq!(reach(true, None, false, false), Reach::Letter);
    }

    #[test]
    fn reminders_go_before_the_activity_and_after_now() {
        use chrono::{NaiveTime, TimeZone};
        // 18:00 London on Monday 26 October 2026, the day after the clocks go back.
        let starts = Utc.with_ymd_and_hms(2026, 10, 26, 18, 0, 0).unwrap();
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        // Two days before is the Saturday, still in summer time: 09:00 UTC.
        assert_eq!(
            reminder_time(starts, 2, ten),
            Utc.with_ymd_and_hms(2026, 10, 24, 9, 0, 0).unwrap()
        );
        let now = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
        assert!(check_reminder(starts, 2, ten, now).is_ok());
        let late = NaiveTime::from_hms_opt(19, 0, 0).unwrap();
        assert_eq!(
            check_reminder(starts, 0, late, now).unwrap_err().0[0].field,
            "at"
        );
        assert!(check_reminder(starts, 61, ten, now).is_err());
        assert!(
            check_reminder(starts, 30, ten, now).is_err(),
            "already past"
        );
    }

    #[test]
    fn places_and_replies() {
        assert!(has_room(None, 1000));
        assert!(has_room(Some(2), 1));
        assert!(!has_room(Some(2), 2));
        assert_eq!(Reply::read_exact("no"), Ok(Reply::NotComing));
        let end = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 1, 1, 12, 0, 0).unwrap();
        assert!(reply_open(end, end - chrono::Duration::seconds(1)));
        assert!(!reply_open(end, end));
    }
}
