//! Indicator definitions: what each indicator counts, and how a count becomes a figure.
//!
//! The counting itself happens in the store, as one aggregate query per indicator;
//! this module says what the counts mean. A period with nothing to count has no
//! figure: it is "no data", never 0 % or 100 %.

use crate::vocabulary;

vocabulary! {
    /// The indicators a charter commitment can be bound to.
    pub enum IndicatorKey ("indicator") {
        FeedbackWithinDays => ("feedback-within-days", "Inputs fed back within the agreed days"),
    }
}

/// The feedback days used when no adopted charter sets them.
pub const DEFAULT_FEEDBACK_DAYS: u16 = 28;

/// Counts behind "inputs fed back within N days" for one period.
///
/// An input counts once its deadline has passed or it has been fed back: until then
/// it is `pending` and in neither the numerator nor the denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeedbackTally {
    /// Inputs fed back within the agreed days.
    pub on_time: i64,
    /// Inputs fed back, or whose deadline has passed.
    pub due: i64,
    /// Inputs still inside their window and not yet fed back.
    pub pending: i64,
    /// Inputs past their deadline with no feedback yet.
    pub overdue: i64,
}

impl FeedbackTally {
    /// The share fed back on time, as a percentage, or `None` when nothing was due.
    pub fn percentage(&self) -> Option<f64> {
        (self.due > 0).then(|| self.on_time as f64 * 100.0 / self.due as f64)
    }

    /// The percentage rounded to a whole number, for people to read.
    pub fn shown(&self) -> String {
        match self.percentage() {
            Some(p) => format!("{}%", p.round() as i64),
            None => "No data".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_inputs_is_no_data() {
        let t = FeedbackTally::default();
        assert_eq!(t.percentage(), None);
        assert_eq!(t.shown(), "No data");
        let only_pending = FeedbackTally {
            pending: 3,
            ..Default::default()
        };
        assert_eq!(only_pending.shown(), "No data");
    }

    #[test]
    fn share_on_time() {
        let t = FeedbackTally {
            on_time: 2,
            due: 3,
            pending: 1,
            overdue: 1,
        };
        assert_eq!(t.shown(), "67%");
        let all = FeedbackTally {
            on_time: 4,
            due: 4,
            ..Default::default()
        };
        assert_eq!(all.percentage(), Some(100.0));
    }
}
