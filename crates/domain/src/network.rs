//! Networks and training: the groups people belong to (a Service User and Carer
//! Network, a Co-production Network, a patients' forum), what members sign, standing
//! down and coming back, and the courses people complete and when they expire.
//!
//! The rules here are about dates, which must follow each other in the order things
//! happen. Nothing here knows how records are stored.

use chrono::{Months, NaiveDate};

use crate::text::Problem;
use crate::vocabulary;

vocabulary! {
    /// What kind of group a network is.
    pub enum NetworkKind ("network kind") {
        ServiceUserCarer => ("service-user-carer", "Service user and carer network"),
        Coproduction => ("coproduction", "Co-production network"),
        PatientsForum => ("patients-forum", "Patients' forum"),
        YoungPeople => ("young-people", "Young people's group"),
        Reference => ("reference", "Reference or advisory group"),
        Other => ("other", "Another kind of group"),
    }
}

vocabulary! {
    /// A member's part in a network.
    pub enum MemberRole ("member role") {
        Member => ("member", "Member"),
        Chair => ("chair", "Chair"),
        CoChair => ("co-chair", "Co-chair"),
        ViceChair => ("vice-chair", "Vice-chair"),
    }
}

impl MemberRole {
    /// Whether the role chairs the network's meetings.
    pub fn chairs(self) -> bool {
        matches!(self, MemberRole::Chair | MemberRole::CoChair)
    }
}

vocabulary! {
    /// The documents a network asks its members to sign.
    pub enum DocumentKind ("document kind") {
        Charter => ("charter", "Charter"),
        CodeOfConduct => ("code-of-conduct", "Code of conduct"),
        GroundRules => ("ground-rules", "Ground rules for meetings"),
    }
}

vocabulary! {
    /// Who a training course is for.
    pub enum Audience ("course audience") {
        Staff => ("staff", "Staff"),
        Participants => ("participants", "People who take part"),
        Everyone => ("everyone", "Everyone"),
    }
}

/// The longest a completion can last before it must be renewed: ten years.
pub const MAX_VALID_MONTHS: i64 = 120;

/// Checks a day something happened to a member: not in the future and not before
/// they joined.
pub fn check_member_date(
    joined_on: NaiveDate,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, Problem> {
    if on > today {
        Err(Problem::InFuture)
    } else if on < joined_on {
        Err(Problem::BeforeJoined)
    } else {
        Ok(on)
    }
}

/// A member standing down, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandDown {
    pub on: NaiveDate,
    pub reason: String,
    /// When the decision is to be looked at again.
    pub review_on: Option<NaiveDate>,
}

/// Checks a stand-down: on a day since they joined and not in the future, with a
/// review date (if any) after it. Each problem comes with the field it is about.
pub fn check_stand_down(
    s: &StandDown,
    joined_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), (&'static str, Problem)> {
    check_member_date(joined_on, s.on, today).map_err(|p| ("on", p))?;
    if s.review_on.is_some_and(|r| r <= s.on) {
        return Err(("review_on", Problem::BeforeStoodDown));
    }
    Ok(())
}

/// Checks the day a member came back: not in the future, not before they stood down.
pub fn check_reinstated(
    stood_down_on: NaiveDate,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, Problem> {
    if on > today {
        Err(Problem::InFuture)
    } else if on < stood_down_on {
        Err(Problem::BeforeStoodDown)
    } else {
        Ok(on)
    }
}

/// Checks a signature's date: not in the future, and not before the version signed
/// was adopted.
pub fn check_signed(
    adopted_on: NaiveDate,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, Problem> {
    if on > today {
        Err(Problem::InFuture)
    } else if on < adopted_on {
        Err(Problem::BeforeAdopted(adopted_on))
    } else {
        Ok(on)
    }
}

/// Checks how long a course's completion lasts: a whole number of months from 1 to
/// [`MAX_VALID_MONTHS`], or nothing for a course that never needs renewing.
pub fn check_valid_months(raw: &str) -> Result<Option<i64>, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i64>() {
        Ok(n) if (1..=MAX_VALID_MONTHS).contains(&n) => Ok(Some(n)),
        Ok(n) => Err(Problem::OutOfRange {
            min: 1,
            max: MAX_VALID_MONTHS,
            given: n,
        }),
        Err(_) => Err(Problem::NotWholeNumber {
            min: 1,
            max: MAX_VALID_MONTHS,
        }),
    }
}

/// The day a completion runs out: `valid_months` after it was completed, or never.
pub fn expires_on(completed_on: NaiveDate, valid_months: Option<i64>) -> Option<NaiveDate> {
    let months = u32::try_from(valid_months?).ok()?;
    completed_on.checked_add_months(Months::new(months))
}

/// Where a completion stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    /// Never expires, or expires more than [`EXPIRY_WARNING_DAYS`] from now.
    Current,
    /// Expires within [`EXPIRY_WARNING_DAYS`].
    ExpiresSoon,
    Expired,
}

/// How many days before a completion expires it is flagged.
pub const EXPIRY_WARNING_DAYS: i64 = 60;

pub fn currency(expires_on: Option<NaiveDate>, today: NaiveDate) -> Currency {
    match expires_on {
        Some(e) if e <= today => Currency::Expired,
        Some(e) if (e - today).num_days() <= EXPIRY_WARNING_DAYS => Currency::ExpiresSoon,
        _ => Currency::Current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn member_dates_follow_each_other() {
        let today = d("2026-06-01");
        let joined = d("2026-01-10");
        assert_eq!(
            check_member_date(joined, d("2026-01-09"), today),
            Err(Problem::BeforeJoined)
        );
        assert_eq!(
            check_member_date(joined, d("2026-06-02"), today),
            Err(Problem::InFuture)
        );
        assert_eq!(
            check_member_date(joined, d("2026-01-10"), today),
            Ok(d("2026-01-10"))
        );
        let mut s = StandDown {
            on: d("2026-03-01"),
            reason: "Asked for a break".into(),
            review_on: Some(d("2026-03-01")),
        };
        assert_eq!(
            check_stand_down(&s, joined, today),
            Err(("review_on", Problem::BeforeStoodDown))
        );
        s.review_on = Some(d("2026-09-01"));
        assert_eq!(check_stand_down(&s, joined, today), Ok(()));
        s.on = d("2025-12-01");
        assert_eq!(
            check_stand_down(&s, joined, today),
            Err(("on", Problem::BeforeJoined))
        );
        assert_eq!(
            check_reinstated(d("2026-03-01"), d("2026-02-28"), today),
            Err(Problem::BeforeStoodDown)
        );
        assert_eq!(
            check_signed(d("2026-04-01"), d("2026-03-31"), today),
            Err(Problem::BeforeAdopted(d("2026-04-01")))
        );
        assert_eq!(
            check_signed(d("2026-04-01"), d("2026-04-01"), today),
            Ok(d("2026-04-01"))
        );
    }

    #[test]
    fn completions_expire() {
        assert_eq!(check_valid_months(""), Ok(None));
        assert_eq!(check_valid_months(" 24 "), Ok(Some(24)));
        assert!(matches!(
            check_valid_months("0"),
            Err(Problem::OutOfRange { given: 0, .. })
        ));
        assert!(matches!(
            check_valid_months("two years"),
            Err(Problem::NotWholeNumber { .. })
        ));
        // The 31st of a month runs out on the last day of a shorter month.
        assert_eq!(expires_on(d("2025-08-31"), Some(6)), Some(d("2026-02-28")));
        assert_eq!(expires_on(d("2025-08-31"), None), None);
        let today = d("2026-06-01");
        assert_eq!(currency(None, today), Currency::Current);
        assert_eq!(currency(Some(d("2026-06-01")), today), Currency::Expired);
        assert_eq!(
            currency(Some(d("2026-07-31")), today),
            Currency::ExpiresSoon
        );
        assert_eq!(currency(Some(d("2026-08-01")), today), Currency::Current);
    }
}
