//! Outcomes: the changes people's contributions led to (to a service, a policy or a
//! decision), each dated, with a statement of its impact, linked to the inputs
//! behind it (an outcome may have many inputs, and an input many outcomes), and
//! with evidence attached.
//!
//! An outcome is checked here from what was typed ([`OutcomeDraft::check`]), so a
//! form and the API keep the same rules. Nothing here reads a clock: the caller
//! gives today.

use chrono::NaiveDate;

use crate::text::{FieldErrors, LONG, Problem, SHORT, required};
use crate::{Vocabulary, vocabulary};

vocabulary! {
    /// What an outcome changed.
    pub enum OutcomeKind ("outcome kind") {
        Service => ("service", "A change to a service"),
        Policy => ("policy", "A change to a policy"),
        Decision => ("decision", "A decision made"),
    }
}

/// The most inputs one outcome may be linked to.
pub const MAX_INPUTS: usize = 200;

/// An outcome as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeDraft {
    pub title: String,
    pub kind: String,
    /// The day the change was made, `YYYY-MM-DD`.
    pub happened_on: String,
    /// What difference it made, and to whom.
    pub impact: String,
    pub project_id: Option<i64>,
    /// The inputs behind it.
    pub inputs: Vec<i64>,
}

/// An outcome that hangs together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub title: String,
    pub kind: OutcomeKind,
    pub happened_on: NaiveDate,
    pub impact: String,
    pub project_id: Option<i64>,
    /// Each once, in the order given.
    pub inputs: Vec<i64>,
}

impl OutcomeDraft {
    /// Checks an outcome: a title, a kind, a day not after today, a statement of
    /// its impact, and at most [`MAX_INPUTS`] inputs, each named once.
    pub fn check(&self, today: NaiveDate) -> Result<Outcome, FieldErrors> {
        let mut errs = FieldErrors::new();
        let title = errs.take("title", required(&self.title, SHORT));
        let kind = errs.take("kind", OutcomeKind::read(&self.kind));
        let happened_on = errs
            .take("happened_on", crate::time::parse_date(&self.happened_on))
            .and_then(|d| {
                if d > today {
                    errs.add("happened_on", Problem::InFuture);
                    None
                } else {
                    Some(d)
                }
            });
        let impact = errs.take("impact", required(&self.impact, LONG));
        if self.inputs.len() > MAX_INPUTS {
            errs.add("inputs", Problem::TooMany(MAX_INPUTS));
        }
        let mut inputs: Vec<i64> = Vec::new();
        for id in &self.inputs {
            if *id < 1 {
                errs.add("inputs", Problem::NotAnId);
            } else if inputs.contains(id) {
                errs.add(
                    "inputs",
                    Problem::KeyUsedTwice {
                        what: "input",
                        key: id.to_string(),
                    },
                );
            } else {
                inputs.push(*id);
            }
        }
        errs.finish(|| Outcome {
            title: title.unwrap_or_default(),
            kind: kind.unwrap_or(OutcomeKind::Service),
            happened_on: happened_on.unwrap_or_default(),
            impact: impact.unwrap_or_default(),
            project_id: self.project_id,
            inputs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_date;

    fn draft() -> OutcomeDraft {
        OutcomeDraft {
            title: "A mental health car in two boroughs".into(),
            kind: "service".into(),
            happened_on: "2026-05-01".into(),
            impact: "People in crisis are met by a clinician, not only a crew.".into(),
            project_id: None,
            inputs: vec![3, 4],
        }
    }

    fn fields(d: OutcomeDraft) -> Vec<String> {
        match d.check(parse_date("2026-06-01").unwrap()) {
            Ok(_) => vec![],
            Err(e) => e.0.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn an_outcome_has_a_title_kind_day_and_impact() {
        assert!(fields(draft()).is_empty());
        assert_eq!(
            fields(OutcomeDraft {
                title: String::new(),
                kind: "a whim".into(),
                happened_on: "2026-07-01".into(),
                impact: " ".into(),
                ..draft()
            }),
            ["title", "kind", "happened_on", "impact"]
        );
    }

    #[test]
    fn inputs_are_named_once() {
        assert_eq!(
            fields(OutcomeDraft {
                inputs: vec![3, 3],
                ..draft()
            }),
            ["inputs"]
        );
        assert_eq!(
            fields(OutcomeDraft {
                inputs: vec![0],
                ..draft()
            }),
            ["inputs"]
        );
        let many = (1..=201).collect();
        assert_eq!(
            fields(OutcomeDraft {
                inputs: many,
                ..draft()
            }),
            ["inputs"]
        );
    }
}
