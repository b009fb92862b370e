//! "You said, we did": what people said at an activity, and what the organisation did
//! about it.

use crate::vocabulary;

vocabulary! {
    /// What the organisation's answer to an input was.
    pub enum ResponseStatus ("response status") {
        Done => ("done", "We did it"),
        WillDo => ("will-do", "We will do it"),
        CannotDo => ("cannot-do", "We could not do it"),
    }
}

use chrono::NaiveDate;

use crate::text::{FieldErrors, Problem};

/// The answer to an input and its dates, to be checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer<'a> {
    pub received_on: NaiveDate,
    pub response: Option<&'a str>,
    pub status: Option<ResponseStatus>,
    pub responded_on: Option<NaiveDate>,
    pub fed_back_on: Option<NaiveDate>,
}

/// Checks that an answer hangs together: a response has a status and the other way
/// round; nothing is fed back before there is a response; no date comes before the
/// input was received or after today.
pub fn check_answer(a: &Answer<'_>, today: NaiveDate, errs: &mut FieldErrors) {
    if a.received_on > today {
        errs.add("received_on", Problem::InFuture);
    }
    match (a.response.is_some(), a.status.is_some()) {
        (true, false) => errs.add("response_status", Problem::NeedsStatus),
        (false, true) => errs.add("response", Problem::NeedsResponse),
        _ => {}
    }
    if a.fed_back_on.is_some() && a.response.is_none() {
        errs.add("fed_back_on", Problem::FedBackBeforeResponse);
    }
    for (field, date) in [
        ("responded_on", a.responded_on),
        ("fed_back_on", a.fed_back_on),
    ] {
        if let Some(d) = date {
            if d < a.received_on {
                errs.add(field, Problem::BeforeReceived);
            } else if d > today {
                errs.add(field, Problem::InFuture);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_date;

    fn fields(a: Answer<'_>) -> Vec<String> {
        let mut errs = FieldErrors::new();
        check_answer(&a, parse_date("2026-06-01").unwrap(), &mut errs);
        errs.0.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn answers_hang_together() {
        let d = |s| parse_date(s).unwrap();
        let ok = Answer {
            received_on: d("2026-05-01"),
            response: Some("We did it"),
            status: Some(ResponseStatus::Done),
            responded_on: Some(d("2026-05-10")),
            fed_back_on: Some(d("2026-05-12")),
        };
        assert!(fields(ok.clone()).is_empty());
        assert_eq!(
            fields(Answer {
                status: None,
                ..ok.clone()
            }),
            ["response_status"]
        );
        assert_eq!(
            fields(Answer {
                response: None,
                ..ok.clone()
            }),
            ["response", "fed_back_on"]
        );
        assert_eq!(
            fields(Answer {
                fed_back_on: Some(d("2026-04-30")),
                ..ok.clone()
            }),
            ["fed_back_on"]
        );
        assert_eq!(
            fields(Answer {
                fed_back_on: Some(d("2026-07-01")),
                ..ok.clone()
            }),
            ["fed_back_on"]
        );
        assert_eq!(
            fields(Answer {
                received_on: d("2026-06-02"),
                ..ok
            }),
            ["received_on", "responded_on", "fed_back_on"]
        );
    }
}
