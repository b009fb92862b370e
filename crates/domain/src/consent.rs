//! Consent: what a person has agreed to, when, how, and whether they have withdrawn
//! it. Withdrawal takes effect at once: without consent to contact, no one is
//! contacted; without consent to keep equality answers, they are deleted.

use chrono::NaiveDate;

use crate::text::Problem;
use crate::vocabulary;

vocabulary! {
    /// What a person consents to.
    pub enum Purpose ("consent purpose") {
        Register => ("register", "Keep my details on the register"),
        Contact => ("contact", "Contact me about taking part"),
        ShareNeeds => ("share-needs", "Share my access needs with the people who run activities"),
        Equality => ("equality", "Keep my equality monitoring answers"),
        Guardian => ("guardian", "Parent or guardian agrees they can take part"),
    }
}

vocabulary! {
    /// How consent was given.
    pub enum ConsentMethod ("consent method") {
        Written => ("written", "In writing"),
        Online => ("online", "Online"),
        Verbal => ("verbal", "Out loud, in person"),
        Phone => ("phone", "On the phone"),
    }
}

/// One consent as recorded, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentGiven {
    pub purpose: Purpose,
    pub given_on: NaiveDate,
    pub method: ConsentMethod,
    /// Who gave it, when not the person themselves: the parent or guardian's name.
    pub given_by: Option<String>,
}

/// Checks consent being recorded: not given in the future, and a guardian's consent
/// names the guardian.
pub fn check_given(c: &ConsentGiven, today: NaiveDate) -> Result<(), (&'static str, Problem)> {
    if c.given_on > today {
        return Err(("given_on", Problem::InFuture));
    }
    if c.purpose == Purpose::Guardian && c.given_by.as_deref().is_none_or(|g| g.trim().is_empty()) {
        return Err(("given_by", Problem::NeedsGuardianName));
    }
    Ok(())
}

/// Checks a withdrawal date: not before the consent was given, not in the future.
pub fn check_withdrawn(
    given_on: NaiveDate,
    withdrawn_on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, Problem> {
    if withdrawn_on > today {
        Err(Problem::InFuture)
    } else if withdrawn_on < given_on {
        Err(Problem::WithdrawnBeforeGiven)
    } else {
        Ok(withdrawn_on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_is_checked() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let today = d("2026-06-01");
        let mut c = ConsentGiven {
            purpose: Purpose::Guardian,
            given_on: d("2026-05-01"),
            method: ConsentMethod::Written,
            given_by: None,
        };
        assert_eq!(
            check_given(&c, today),
            Err(("given_by", Problem::NeedsGuardianName))
        );
        c.given_by = Some("Grace Mensah".into());
        assert_eq!(check_given(&c, today), Ok(()));
        c.given_on = d("2026-07-01");
        assert_eq!(check_given(&c, today), Err(("given_on", Problem::InFuture)));
        assert_eq!(
            check_withdrawn(d("2026-05-01"), d("2026-04-01"), today),
            Err(Problem::WithdrawnBeforeGiven)
        );
        assert_eq!(
            check_withdrawn(d("2026-05-01"), d("2026-05-02"), today),
            Ok(d("2026-05-02"))
        );
    }
}
