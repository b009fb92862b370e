//! "You said, we did": what people said (an input), what the organisation answers
//! (its responses, each kept), and the rules that hold them together: who owns an
//! input, when it is due, when a "will do" is to be done, and which responses the
//! people who said it are told of. Rules only: nothing here reads or writes a record.

use chrono::NaiveDate;

use crate::text::{FieldErrors, Problem};
use crate::vocabulary;

vocabulary! {
    /// What the organisation's answer to an input is, as it stands.
    pub enum ResponseStatus ("response status") {
        Done => ("done", "We did it"),
        WillDo => ("will-do", "We will do it"),
        CannotDo => ("cannot-do", "We cannot do it"),
        BeingConsidered => ("being-considered", "We are thinking about it"),
    }
}

/// The most themes an input may have.
pub const MAX_THEMES: usize = 10;
/// The longest a theme may be, in characters.
pub const THEME_LENGTH: usize = 60;
/// The most people an input may count as having said it without naming them.
pub const MAX_ANONYMOUS: i64 = 10_000;

/// Reads themes typed as a list, or as one line with commas between them: each is
/// trimmed, its inner spaces made single, and lower-cased; blanks are dropped, and
/// one given twice is kept once.
/// Each is at most [`THEME_LENGTH`] characters, with no control characters, and
/// there are at most [`MAX_THEMES`].
pub fn read_themes<S: AsRef<str>>(given: &[S]) -> Result<Vec<String>, Problem> {
    let mut themes: Vec<String> = Vec::new();
    for raw in given.iter().flat_map(|g| g.as_ref().split(',')) {
        // Spaces, tabs and line breaks inside a theme are one space.
        let theme = raw
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if theme.is_empty() {
            continue;
        }
        if theme.chars().any(char::is_control) {
            return Err(Problem::ControlCharacter);
        }
        let len = theme.chars().count();
        if len > THEME_LENGTH {
            return Err(Problem::TooLong {
                max: THEME_LENGTH,
                len,
            });
        }
        if !themes.contains(&theme) {
            themes.push(theme);
        }
    }
    if themes.len() > MAX_THEMES {
        return Err(Problem::TooMany(MAX_THEMES));
    }
    Ok(themes)
}

/// An input's dates, to be checked together: it was not received after today, and
/// it is not due before it was received.
pub fn check_dates(
    received_on: NaiveDate,
    due_on: NaiveDate,
    today: NaiveDate,
    errs: &mut FieldErrors,
) {
    if received_on > today {
        errs.add("received_on", Problem::InFuture);
    }
    if due_on < received_on {
        errs.add("due_on", Problem::BeforeReceived);
    }
}

/// The day an input is due: its deadline in days after the day it was received.
pub fn due_on(received_on: NaiveDate, deadline_days: u16) -> NaiveDate {
    received_on
        .checked_add_days(chrono::Days::new(deadline_days.into()))
        .unwrap_or(NaiveDate::MAX)
}

/// A response as given, to be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response<'a> {
    pub status: Option<ResponseStatus>,
    /// What was done, will be done, why it cannot be, or what is being weighed.
    pub text: &'a str,
    /// The account answering for it.
    pub owner: Option<i64>,
    /// By when it will be done: read only for [`ResponseStatus::WillDo`].
    pub will_do_by: Option<NaiveDate>,
}

/// A response that hangs together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedResponse {
    pub status: ResponseStatus,
    pub text: String,
    pub owner: i64,
    /// Set for "will do", and only then.
    pub will_do_by: Option<NaiveDate>,
}

/// Checks a response to an input received on `received_on`: it has a status, words
/// (at most `max` characters) and an owner; a "will do" has a date, not before the
/// input was received. A date given with another status is not kept.
pub fn check_response(
    r: &Response<'_>,
    received_on: NaiveDate,
    max: usize,
) -> Result<CheckedResponse, FieldErrors> {
    let mut errs = FieldErrors::new();
    let status = errs.take("status", r.status.ok_or(Problem::NeedsStatus));
    let text = errs.take("response", crate::text::required(r.text, max));
    let owner = errs.take("owner_account_id", r.owner.ok_or(Problem::NeedsOwner));
    let will_do_by = match (r.status, r.will_do_by) {
        (Some(ResponseStatus::WillDo), None) => {
            errs.add("will_do_by", Problem::NeedsWillDoBy);
            None
        }
        (Some(ResponseStatus::WillDo), Some(d)) if d < received_on => {
            errs.add("will_do_by", Problem::BeforeReceived);
            None
        }
        (Some(ResponseStatus::WillDo), d) => d,
        _ => None,
    };
    errs.finish(|| CheckedResponse {
        status: status.unwrap_or(ResponseStatus::BeingConsidered),
        text: text.unwrap_or_default(),
        owner: owner.unwrap_or_default(),
        will_do_by,
    })
}

/// Whether the people who said an input are told of a response: the first one, and
/// each that changes the status. New words with the same status are kept, not sent.
pub fn tells(previous: Option<ResponseStatus>, new: ResponseStatus) -> bool {
    previous != Some(new)
}

/// Whether an input is overdue on `today`: not fed back, and past its due day.
pub fn overdue(due_on: NaiveDate, fed_back_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    fed_back_on.is_none() && today > due_on
}

/// Checks a day feedback was given by hand (at a meeting, say): there is a
/// response to give, and the day is not before the input nor after today.
pub fn check_fed_back(
    fed_back_on: NaiveDate,
    received_on: NaiveDate,
    has_response: bool,
    today: NaiveDate,
) -> Result<(), Problem> {
    if !has_response {
        Err(Problem::FedBackBeforeResponse)
    } else if fed_back_on < received_on {
        Err(Problem::BeforeReceived)
    } else if fed_back_on > today {
        Err(Problem::InFuture)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn fields(r: Response<'_>) -> Vec<String> {
        match check_response(&r, d("2026-05-01"), 100) {
            Ok(_) => vec![],
            Err(e) => e.0.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn a_response_has_a_status_words_and_an_owner() {
        let ok = Response {
            status: Some(ResponseStatus::Done),
            text: "We moved the meeting",
            owner: Some(4),
            will_do_by: None,
        };
        assert!(fields(ok.clone()).is_empty());
        assert_eq!(
            fields(Response {
                owner: None,
                ..ok.clone()
            }),
            ["owner_account_id"]
        );
        assert_eq!(
            fields(Response {
                status: None,
                ..ok.clone()
            }),
            ["status"]
        );
        assert_eq!(
            fields(Response {
                text: "  ",
                ..ok.clone()
            }),
            ["response"]
        );
    }

    #[test]
    fn will_do_needs_a_date_not_before_the_input() {
        let will = Response {
            status: Some(ResponseStatus::WillDo),
            text: "We will add a ramp",
            owner: Some(4),
            will_do_by: None,
        };
        assert_eq!(fields(will.clone()), ["will_do_by"]);
        assert_eq!(
            fields(Response {
                will_do_by: Some(d("2026-04-30")),
                ..will.clone()
            }),
            ["will_do_by"]
        );
        let kept = check_response(
            &Response {
                will_do_by: Some(d("2026-05-01")),
                ..will.clone()
            },
            d("2026-05-01"),
            100,
        )
        .unwrap();
        assert_eq!(kept.will_do_by, Some(d("2026-05-01")));
        // A date with another status is not kept.
        let done = check_response(
            &Response {
                status: Some(ResponseStatus::Done),
                will_do_by: Some(d("2026-06-01")),
                ..will
            },
            d("2026-05-01"),
            100,
        )
        .unwrap();
        assert_eq!(done.will_do_by, None);
    }

    #[test]
    fn dates_hang_together() {
        let mut errs = FieldErrors::new();
        check_dates(d("2026-05-02"), d("2026-05-01"), d("2026-05-01"), &mut errs);
        let named: Vec<_> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(named, ["received_on", "due_on"]);
        let mut errs = FieldErrors::new();
        check_dates(d("2026-05-01"), d("2026-05-01"), d("2026-05-01"), &mut errs);
        assert!(errs.0.is_empty());
        assert_eq!(due_on(d("2026-05-01"), 28), d("2026-05-29"));
    }

    #[test]
    fn people_are_told_of_the_first_response_and_each_change_of_status() {
        use ResponseStatus::*;
        assert!(tells(None, BeingConsidered));
        assert!(tells(Some(BeingConsidered), WillDo));
        assert!(!tells(Some(WillDo), WillDo));
    }

    #[test]
    fn overdue_is_past_the_due_day_without_feedback() {
        assert!(!overdue(d("2026-05-10"), None, d("2026-05-10")));
        assert!(overdue(d("2026-05-10"), None, d("2026-05-11")));
        assert!(!overdue(
            d("2026-05-10"),
            Some(d("2026-05-11")),
            d("2026-05-12")
        ));
    }

    #[test]
    fn themes_are_read_from_a_list_or_a_line() {
        assert_eq!(
            read_themes(&["Transport, access", "transport", " "]).unwrap(),
            ["transport", "access"]
        );
        assert_eq!(
            read_themes(&["x".repeat(61)]),
            Err(Problem::TooLong { max: 60, len: 61 })
        );
        let many: Vec<String> = (0..11).map(|n| format!("t{n}")).collect();
        assert_eq!(read_themes(&many), Err(Problem::TooMany(10)));
        assert_eq!(read_themes(&["a\u{7}b"]), Err(Problem::ControlCharacter));
        assert_eq!(read_themes(&["Bus\n  stops"]).unwrap(), ["bus stops"]);
    }

    #[test]
    fn feedback_by_hand_needs_a_response_and_a_fitting_day() {
        let (r, t) = (d("2026-05-01"), d("2026-05-20"));
        assert_eq!(
            check_fed_back(d("2026-05-02"), r, false, t),
            Err(Problem::FedBackBeforeResponse)
        );
        assert_eq!(
            check_fed_back(d("2026-04-30"), r, true, t),
            Err(Problem::BeforeReceived)
        );
        assert_eq!(
            check_fed_back(d("2026-05-21"), r, true, t),
            Err(Problem::InFuture)
        );
        assert_eq!(check_fed_back(d("2026-05-02"), r, true, t), Ok(()));
    }
}
