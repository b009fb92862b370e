//! Opportunities: roles offered to participants (a panel seat, a workshop series, an
//! interview panel), what a role description must say, who may say they are
//! interested, and where an opportunity stands (a draft, open, closed, decided).
//!
//! An opportunity is checked here from what was typed ([`OpportunityDraft::check`]),
//! so a form, the API and the demo all keep the same rules. Nothing here reads a
//! clock: the caller gives today.

use chrono::NaiveDate;

use crate::ladder::Rung;
use crate::text::{FieldErrors, LONG, Problem, SHORT, optional, required};
use crate::{Vocabulary, vocabulary};

vocabulary! {
    /// Who may say they are interested in an opportunity.
    pub enum WhoMayApply ("who may apply") {
        Public => ("public", "Anyone"),
        Network => ("network", "Members of a network"),
        Invited => ("invited", "Only people invited"),
    }
}

vocabulary! {
    /// What an opportunity offers in return for people's time.
    pub enum Recognition ("recognition") {
        Payment => ("payment", "Payment", ["paid", "fee"]),
        Vouchers => ("vouchers", "Vouchers", ["voucher"]),
        TimeCredits => ("time-credits", "Time credits"),
        Training => ("training", "Training"),
        ExpensesOnly => ("expenses-only", "Expenses repaid only", ["expenses", "unpaid"]),
    }
}

vocabulary! {
    /// Where a person's interest in an opportunity stands.
    pub enum ApplicationStatus ("application status") {
        Interested => ("interested", "Interested"),
        Chosen => ("chosen", "Chosen"),
        NotChosen => ("not-chosen", "Not chosen"),
        Withdrawn => ("withdrawn", "Withdrawn"),
    }
}

/// Where an opportunity stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not yet offered to anyone.
    Draft,
    /// Offered, and people may still say they are interested.
    Open,
    /// Past its closing date, and nobody chosen yet.
    Closed,
    /// The people taking part have been chosen and everyone told.
    Decided,
}

impl Standing {
    /// Where an opportunity stands today: open to the end of its closing day.
    pub fn on(published: bool, decided: bool, closes_on: NaiveDate, today: NaiveDate) -> Self {
        if decided {
            Standing::Decided
        } else if !published {
            Standing::Draft
        } else if today > closes_on {
            Standing::Closed
        } else {
            Standing::Open
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Standing::Draft => "draft",
            Standing::Open => "open",
            Standing::Closed => "closed",
            Standing::Decided => "decided",
        }
    }
}

/// The most places an opportunity offers.
pub const MAX_PLACES: i64 = 500;
/// The longest "why I am interested".
pub const WHY_LENGTH: usize = 2000;
/// The longest description of the time asked.
pub const TIME_LENGTH: usize = 500;
/// The longest Easy Read version.
pub const EASY_READ_LENGTH: usize = 4000;
/// The most people invited at a time.
pub const MAX_INVITED: usize = 200;

/// An opportunity as it arrives from a form or the API, every value as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpportunityDraft {
    pub title: String,
    /// What is expected of the people taking part.
    pub expected: String,
    /// What taking part involves.
    pub involved: String,
    /// The time asked: "Four 2-hour meetings between March and June".
    pub time_asked: String,
    pub recognition: String,
    /// How much, at what rate, and what expenses are repaid.
    pub recognition_detail: String,
    /// The access support available.
    pub access_support: String,
    pub rung: String,
    pub closes_on: String,
    pub places: String,
    pub who_may_apply: String,
    pub network_id: Option<i64>,
    pub project_id: Option<i64>,
    /// The role in Easy Read: short sentences, one idea each.
    pub easy_read: String,
}

/// A checked opportunity, ready to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opportunity {
    pub title: String,
    pub expected: String,
    pub involved: String,
    pub time_asked: String,
    pub recognition: Recognition,
    pub recognition_detail: Option<String>,
    pub access_support: String,
    pub rung: Rung,
    pub closes_on: NaiveDate,
    pub places: i64,
    pub who_may_apply: WhoMayApply,
    pub network_id: Option<i64>,
    pub project_id: Option<i64>,
    pub easy_read: Option<String>,
}

impl OpportunityDraft {
    /// Checks every value, naming each problem on its field. A closing date before
    /// `today` is refused: nobody could say they are interested. A network is named
    /// exactly when its members are the ones who may apply.
    pub fn check(&self, today: NaiveDate) -> Result<Opportunity, FieldErrors> {
        self.check_keeping(today, None)
    }

    /// Like [`OpportunityDraft::check`], for a change: a closing date left as it was
    /// (`kept`) stands even once it has passed, so mending a typing mistake in one
    /// that has closed does not make it open again.
    pub fn check_keeping(
        &self,
        today: NaiveDate,
        kept: Option<NaiveDate>,
    ) -> Result<Opportunity, FieldErrors> {
        let mut errs = FieldErrors::new();
        let title = errs.take("title", required(&self.title, SHORT));
        let expected = errs.take("expected", required(&self.expected, LONG));
        let involved = errs.take("involved", required(&self.involved, LONG));
        let time_asked = errs.take("time_asked", required(&self.time_asked, TIME_LENGTH));
        let recognition = errs.take("recognition", Recognition::read(&self.recognition));
        let recognition_detail = errs.take(
            "recognition_detail",
            optional(Some(&self.recognition_detail), LONG),
        );
        let access_support = errs.take("access_support", required(&self.access_support, LONG));
        let rung = errs.take("rung", Rung::read(&self.rung));
        let closes_on = errs
            .take("closes_on", crate::time::parse_date(&self.closes_on))
            .and_then(|d| {
                if d < today && Some(d) != kept {
                    errs.add("closes_on", Problem::BeforeToday);
                    None
                } else {
                    Some(d)
                }
            });
        let places = errs.take("places", read_places(&self.places));
        let who = errs.take("who_may_apply", WhoMayApply::read(&self.who_may_apply));
        match (who, self.network_id) {
            (Some(WhoMayApply::Network), None) => errs.add("network_id", Problem::NeedsNetwork),
            (Some(WhoMayApply::Public | WhoMayApply::Invited), Some(_)) => {
                errs.add("network_id", Problem::OnlyForNetwork)
            }
            _ => {}
        }
        for (field, id) in [
            ("network_id", self.network_id),
            ("project_id", self.project_id),
        ] {
            if id.is_some_and(|i| i < 1) {
                errs.add(field, Problem::NotAnId);
            }
        }
        let easy_read = errs.take(
            "easy_read",
            optional(Some(&self.easy_read), EASY_READ_LENGTH),
        );
        match (
            title,
            expected,
            involved,
            time_asked,
            recognition,
            recognition_detail,
            access_support,
            rung,
            closes_on,
            places,
            who,
            easy_read,
        ) {
            (
                Some(title),
                Some(expected),
                Some(involved),
                Some(time_asked),
                Some(recognition),
                Some(recognition_detail),
                Some(access_support),
                Some(rung),
                Some(closes_on),
                Some(places),
                Some(who_may_apply),
                Some(easy_read),
            ) if errs.is_empty() => Ok(Opportunity {
                title,
                expected,
                involved,
                time_asked,
                recognition,
                recognition_detail,
                access_support,
                rung,
                closes_on,
                places,
                who_may_apply,
                network_id: self.network_id,
                project_id: self.project_id,
                easy_read,
            }),
            _ => Err(errs),
        }
    }
}

/// Reads a number of places: a whole number from 1 to [`MAX_PLACES`].
pub fn read_places(s: &str) -> Result<i64, Problem> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Problem::Empty);
    }
    match t.parse::<i64>() {
        Ok(n) if (1..=MAX_PLACES).contains(&n) => Ok(n),
        Ok(n) => Err(Problem::OutOfRange {
            min: 1,
            max: MAX_PLACES,
            given: n,
        }),
        Err(_) => Err(Problem::NotWholeNumber {
            min: 1,
            max: MAX_PLACES,
        }),
    }
}

/// What stands in the way of opening an opportunity to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReady {
    /// It has no Easy Read version: some of the people it is for could not read it.
    NoEasyRead,
    /// Its closing date has passed.
    ClosingPassed,
    /// Only invited people may apply, and nobody is invited.
    NobodyInvited,
}

impl NotReady {
    pub fn explain(self) -> &'static str {
        match self {
            NotReady::NoEasyRead => {
                "add the role in Easy Read first, so everyone it is for can read it"
            }
            NotReady::ClosingPassed => "its closing date has passed: set a later one",
            NotReady::NobodyInvited => "invite the people who may apply first",
        }
    }
}

/// What stands in the way of opening an opportunity, on `today`.
pub fn not_ready(
    has_easy_read: bool,
    closes_on: NaiveDate,
    who: WhoMayApply,
    invited: i64,
    today: NaiveDate,
) -> Vec<NotReady> {
    let mut why = Vec::new();
    if !has_easy_read {
        why.push(NotReady::NoEasyRead);
    }
    if closes_on < today {
        why.push(NotReady::ClosingPassed);
    }
    if who == WhoMayApply::Invited && invited == 0 {
        why.push(NotReady::NobodyInvited);
    }
    why
}

/// Checks the people chosen for an opportunity: each one of those who said they are
/// interested (and have not withdrawn), no more than the places. Problems are named
/// on `chosen`.
pub fn check_chosen(chosen: &[i64], interested: &[i64], places: i64) -> Result<(), FieldErrors> {
    let mut errs = FieldErrors::new();
    for id in chosen {
        if !interested.contains(id) {
            errs.add("chosen", Problem::NotApplied(*id));
        }
    }
    if chosen.len() as i64 > places {
        errs.add("chosen", Problem::MoreThanPlaces(places));
    }
    errs.finish(|| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn draft() -> OpportunityDraft {
        OpportunityDraft {
            title: "Interview panel for a ward manager".into(),
            expected: "Read five applications and ask two questions.".into(),
            involved: "One morning of interviews.".into(),
            time_asked: "4 hours on 12 March".into(),
            recognition: "payment".into(),
            recognition_detail: "£15 an hour, and travel repaid".into(),
            access_support: "Papers in Easy Read or large print; a BSL interpreter".into(),
            rung: "co-production".into(),
            closes_on: "2026-03-01".into(),
            places: "2".into(),
            who_may_apply: "public".into(),
            network_id: None,
            project_id: None,
            easy_read: String::new(),
        }
    }

    #[test]
    fn a_complete_role_description_is_kept() {
        let o = draft().check(day("2026-02-01")).unwrap();
        assert_eq!(o.places, 2);
        assert_eq!(o.recognition, Recognition::Payment);
        assert_eq!(o.easy_read, None);
    }

    #[test]
    fn each_bad_value_is_named_on_its_field() {
        let bad = OpportunityDraft {
            title: " ".into(),
            time_asked: String::new(),
            recognition: "gold".into(),
            closes_on: "2026-01-31".into(),
            places: "0".into(),
            who_may_apply: "network".into(),
            ..draft()
        };
        let errs = bad.check(day("2026-02-01")).unwrap_err();
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "title",
                "time_asked",
                "recognition",
                "closes_on",
                "places",
                "network_id"
            ]
        );
        let public_with_network = OpportunityDraft {
            network_id: Some(3),
            ..draft()
        };
        let errs = public_with_network.check(day("2026-02-01")).unwrap_err();
        assert_eq!(errs.0[0].field, "network_id");
    }

    #[test]
    fn a_closing_date_kept_as_it_was_stands_once_past() {
        let past = OpportunityDraft {
            closes_on: "2026-01-20".into(),
            ..draft()
        };
        let today = day("2026-02-01");
        assert!(past.check(today).is_err());
        assert!(past.check_keeping(today, Some(day("2026-01-20"))).is_ok());
        assert!(past.check_keeping(today, Some(day("2026-01-10"))).is_err());
    }

    #[test]
    fn places_are_whole_numbers_within_bounds() {
        assert_eq!(read_places(" 12 "), Ok(12));
        assert!(matches!(
            read_places("501"),
            Err(Problem::OutOfRange { .. })
        ));
        assert!(matches!(
            read_places("two"),
            Err(Problem::NotWholeNumber { .. })
        ));
        assert_eq!(read_places(""), Err(Problem::Empty));
    }

    #[test]
    fn it_stays_open_to_the_end_of_its_closing_day() {
        let closes = day("2026-03-01");
        assert_eq!(Standing::on(true, false, closes, closes), Standing::Open);
        assert_eq!(
            Standing::on(true, false, closes, day("2026-03-02")),
            Standing::Closed
        );
        assert_eq!(
            Standing::on(false, false, closes, day("2026-02-01")),
            Standing::Draft
        );
        assert_eq!(
            Standing::on(true, true, closes, day("2026-02-01")),
            Standing::Decided
        );
    }

    #[test]
    fn opening_needs_easy_read_and_for_invited_roles_someone_invited() {
        let today = day("2026-02-01");
        assert_eq!(
            not_ready(false, today, WhoMayApply::Invited, 0, today),
            [NotReady::NoEasyRead, NotReady::NobodyInvited]
        );
        assert!(not_ready(true, today, WhoMayApply::Public, 0, today).is_empty());
    }

    #[test]
    fn only_interested_people_are_chosen_and_no_more_than_the_places() {
        assert!(check_chosen(&[1, 2], &[1, 2, 3], 2).is_ok());
        let errs = check_chosen(&[1, 4, 2], &[1, 2, 3], 2).unwrap_err();
        assert_eq!(errs.0.len(), 2);
        assert!(errs.0.iter().all(|e| e.field == "chosen"));
    }
}
