//! Experience feedback after an activity: three statements each person who came is
//! asked about ("I felt listened to", "my access needs were met", "I know what
//! happens next"), a comment, and totals with small numbers hidden so no answer can
//! be traced to a person.

use crate::equality::{SMALLEST, Shown, suppress};
use crate::text::{self, Problem};
use crate::{Vocabulary, vocabulary};

vocabulary! {
    /// A statement about taking part.
    pub enum Statement ("statement") {
        ListenedTo => ("listened-to", "I felt listened to"),
        NeedsMet => ("needs-met", "My access needs were met"),
        KnowNext => ("know-next", "I know what happens next"),
    }
}

vocabulary! {
    /// How far someone agrees with a statement.
    pub enum Agreement ("answer") {
        Yes => ("yes", "Yes"),
        Partly => ("partly", "Partly"),
        No => ("no", "No"),
    }
}

/// The longest comment.
pub const COMMENT_LENGTH: usize = 2000;

/// One person's answers; any may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub listened_to: Option<Agreement>,
    pub needs_met: Option<Agreement>,
    pub know_next: Option<Agreement>,
    pub comment: Option<String>,
}

impl Answers {
    /// Checks answers as given: each a value of [`Agreement`] or empty, the comment
    /// at most [`COMMENT_LENGTH`] characters; at least one thing said. Problems are
    /// named on their fields (the statement's slug, or `comment`).
    pub fn read(
        listened_to: &str,
        needs_met: &str,
        know_next: &str,
        comment: &str,
    ) -> Result<Answers, text::FieldErrors> {
        let mut errs = text::FieldErrors::new();
        let mut one = |field: &str, raw: &str| match raw.trim() {
            "" => None,
            r => errs.take(field, Agreement::read_exact(r)),
        };
        let answers = Answers {
            listened_to: one(Statement::ListenedTo.slug(), listened_to),
            needs_met: one(Statement::NeedsMet.slug(), needs_met),
            know_next: one(Statement::KnowNext.slug(), know_next),
            comment: errs
                .take("comment", text::optional(Some(comment), COMMENT_LENGTH))
                .flatten(),
        };
        if errs.is_empty() && answers == Answers::default() {
            errs.add(Statement::ListenedTo.slug(), Problem::NothingAnswered);
        }
        errs.finish(|| answers)
    }

    /// The answer to one statement.
    pub fn to(&self, s: Statement) -> Option<Agreement> {
        match s {
            Statement::ListenedTo => self.listened_to,
            Statement::NeedsMet => self.needs_met,
            Statement::KnowNext => self.know_next,
        }
    }
}

/// One statement's totals, as they may be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementTotals {
    pub statement: Statement,
    pub rows: Vec<(Agreement, Shown)>,
}

/// The totals of each statement from `(statement, answer, count)`, with counts of 1
/// to 4 hidden (and the next smallest when only one would be). With fewer than
/// [`SMALLEST`] people answering, nothing is shown.
pub fn totals(
    answered: i64,
    counts: &[(Statement, Agreement, i64)],
) -> Option<Vec<StatementTotals>> {
    if answered < SMALLEST {
        return None;
    }
    Some(
        Statement::ALL
            .iter()
            .map(|s| {
                let raw: Vec<i64> = Agreement::ALL
                    .iter()
                    .map(|a| {
                        counts
                            .iter()
                            .filter(|(cs, ca, _)| cs == s && ca == a)
                            .map(|(_, _, n)| *n)
                            .sum()
                    })
                    .collect();
                StatementTotals {
                    statement: *s,
                    rows: Agreement::ALL.iter().copied().zip(suppress(&raw)).collect(),
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_with_each_problem_named() {
        let a = Answers::read("yes", "", "partly", "  Good tea. ").unwrap();
        assert_eq!(a.listened_to, Some(Agreement::Yes));
        assert_eq!(a.needs_met, None);
        assert_eq!(a.comment.as_deref(), Some("Good tea."));
        let e = Answers::read("maybe", "", "", &"x".repeat(2001)).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["listened-to", "comment"]);
        let e = Answers::read("", "", "", " ").unwrap_err();
        assert_eq!(e.0[0].problem, Some(Problem::NothingAnswered));
    }

    #[test]
    fn small_numbers_are_hidden() {
        assert_eq!(
            totals(4, &[(Statement::ListenedTo, Agreement::Yes, 4)]),
            None
        );
        let t = totals(
            9,
            &[
                (Statement::ListenedTo, Agreement::Yes, 7),
                (Statement::ListenedTo, Agreement::No, 2),
                (Statement::KnowNext, Agreement::Yes, 9),
            ],
        )
        .unwrap();
        // Two who said no are hidden, and so are the seven, or the two could be
        // worked out.
        assert_eq!(
            t[0].rows,
            [
                (Agreement::Yes, Shown::Suppressed),
                (Agreement::Partly, Shown::Count(0)),
                (Agreement::No, Shown::Suppressed)
            ]
        );
        assert_eq!(t[2].rows[0], (Agreement::Yes, Shown::Count(9)));
    }
}
