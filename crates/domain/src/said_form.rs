//! Feedback forms a project publishes: one question, asked of anyone, in English,
//! Polish (when given) and Easy Read, whose answers become inputs of the project.
//!
//! The spam guard needs no JavaScript. It has three parts, checked here from what
//! the caller gives (nothing here reads a clock or a key):
//! - a box people do not see, which programs that fill in every box fill in
//!   ([`check_answer`] refuses an answer with it filled);
//! - the time the form was shown, signed into it by the caller: an answer sent
//!   sooner than [`SOONEST`] after, or later than [`LATEST`] after, is refused with
//!   its words kept ([`check_timing`]);
//! - at most [`PER_ADDRESS`] answers from one address to one form in [`WINDOW`]: the
//!   caller counts, [`too_many`] decides.

use chrono::{DateTime, Duration, Utc};

use crate::text::{FieldErrors, Problem, SHORT, required};

/// The longest question, in characters.
pub const QUESTION: usize = 1_000;
/// The longest answer, in characters.
pub const ANSWER: usize = 5_000;
/// The soonest after the form was shown that an answer is taken: a person reads
/// the question and types; a program sends at once.
pub const SOONEST: Duration = Duration::seconds(3);
/// The latest after the form was shown that an answer is taken.
pub const LATEST: Duration = Duration::hours(24);
/// How many answers one address may give one form in [`WINDOW`].
pub const PER_ADDRESS: i64 = 5;
/// The time [`PER_ADDRESS`] is counted over.
pub const WINDOW: Duration = Duration::minutes(10);

/// A form as typed by staff.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormDraft {
    pub project_id: Option<i64>,
    pub title: String,
    pub question: String,
    pub question_pl: String,
    pub question_easy: String,
}

/// A form that hangs together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub project_id: i64,
    /// What staff call it, and the page's heading.
    pub title: String,
    pub question: String,
    /// The question in Polish; without it, Polish readers see the English one.
    pub question_pl: Option<String>,
    /// The question in Easy Read: short words, one idea a sentence.
    pub question_easy: String,
}

impl FormDraft {
    /// Checks a form: a project, a title, and the question in English and Easy
    /// Read; Polish when given.
    pub fn check(&self) -> Result<Form, FieldErrors> {
        let mut errs = FieldErrors::new();
        if self.project_id.is_none() {
            errs.add("project_id", Problem::Empty);
        }
        let title = errs.take("title", required(&self.title, SHORT));
        let question = errs.take("question", required(&self.question, QUESTION));
        let question_pl = match self.question_pl.trim() {
            "" => None,
            q => errs.take("question_pl", required(q, QUESTION)),
        };
        let question_easy = errs.take("question_easy", required(&self.question_easy, QUESTION));
        errs.finish(|| Form {
            project_id: self.project_id.unwrap_or_default(),
            title: title.unwrap_or_default(),
            question: question.unwrap_or_default(),
            question_pl,
            question_easy: question_easy.unwrap_or_default(),
        })
    }
}

/// An answer as sent from the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerDraft {
    /// What the person said.
    pub said: String,
    /// The box people do not see: it must come back empty.
    pub trap: String,
    /// Whether a signed-in person puts their name to it, to be told what happens.
    pub named: bool,
}

/// Checks an answer's words and the hidden box; the words are trimmed.
pub fn check_answer(a: &AnswerDraft) -> Result<String, FieldErrors> {
    let mut errs = FieldErrors::new();
    let said = errs.take("said", required(&a.said, ANSWER));
    if !a.trap.trim().is_empty() {
        errs.add("website", Problem::LeaveEmpty);
    }
    errs.finish(|| said.unwrap_or_default())
}

/// Checks when an answer came, against when its form was shown.
pub fn check_timing(shown_at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), Problem> {
    let took = now - shown_at;
    if took < SOONEST {
        Err(Problem::SentTooSoon)
    } else if took > LATEST {
        Err(Problem::FormTooOld)
    } else {
        Ok(())
    }
}

/// Whether an address that has given `given` answers in [`WINDOW`] has given enough.
pub fn too_many(given: i64) -> bool {
    given >= PER_ADDRESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> FormDraft {
        FormDraft {
            project_id: Some(3),
            title: "Waiting room".into(),
            question: "What would make the waiting room better?".into(),
            question_pl: String::new(),
            question_easy: "What would make the waiting room nicer?".into(),
        }
    }

    fn fields(d: &FormDraft) -> Vec<String> {
        match d.check() {
            Ok(_) => vec![],
            Err(e) => e.0.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn a_form_needs_a_project_a_title_and_the_question_in_english_and_easy_read() {
        let f = draft().check().unwrap();
        assert_eq!(f.question_pl, None, "Polish is not needed");
        let blank = FormDraft {
            project_id: None,
            title: " ".into(),
            question: String::new(),
            question_pl: "x".repeat(QUESTION + 1),
            question_easy: "\n".into(),
        };
        assert_eq!(
            fields(&blank),
            [
                "project_id",
                "title",
                "question",
                "question_pl",
                "question_easy"
            ]
        );
    }

    #[test]
    fn an_answer_needs_words_and_the_hidden_box_empty() {
        let a = AnswerDraft {
            said: "  Chairs with arms, please.  ".into(),
            ..AnswerDraft::default()
        };
        assert_eq!(check_answer(&a).unwrap(), "Chairs with arms, please.");
        let bot = AnswerDraft {
            said: String::new(),
            trap: "http://spam.example".into(),
            named: false,
        };
        let e = check_answer(&bot).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["said", "website"]);
        let long = AnswerDraft {
            said: "a".repeat(ANSWER + 1),
            ..AnswerDraft::default()
        };
        assert!(check_answer(&long).is_err());
    }

    #[test]
    fn an_answer_is_taken_from_three_seconds_to_a_day_after_the_form_was_shown() {
        let shown = crate::time::parse_date("2026-06-01")
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
            .and_utc();
        assert_eq!(
            check_timing(shown, shown + Duration::seconds(2)),
            Err(Problem::SentTooSoon)
        );
        assert_eq!(check_timing(shown, shown + Duration::seconds(3)), Ok(()));
        assert_eq!(check_timing(shown, shown + Duration::hours(24)), Ok(()));
        assert_eq!(
            check_timing(shown, shown + Duration::hours(24) + Duration::seconds(1)),
            Err(Problem::FormTooOld)
        );
        assert!(!too_many(PER_ADDRESS - 1));
        assert!(too_many(PER_ADDRESS));
    }
}
