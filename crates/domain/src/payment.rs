//! Payments for taking part, and each person's choice about them.
//!
//! A person chooses, with the day they chose: take the payment, take less, decline
//! it, give it to a charity, or take a voucher or time credits instead. A fee worked
//! out under the recognition policy ([`crate::recognition::Policy::fee`]) becomes a
//! payment as their choice on the activity's day says ([`under_choice`]); declined,
//! it becomes nothing.
//!
//! A payment is an entry in a ledger: created, approved by someone other than who
//! created it, then marked paid with the day it was paid. It is never edited away: a
//! mistake is put right by a new entry that reverses it ([`check_reversal`]), which
//! is approved in turn. Nothing here reads a clock: the caller gives today.

use chrono::NaiveDate;

use crate::Vocabulary;
use crate::recognition::MAX_RATE;
use crate::text::{FieldErrors, Problem, SHORT, required};
use crate::vocabulary;

vocabulary! {
    /// What a person chose to do with payments for taking part.
    pub enum PaymentChoice ("payment choice") {
        Take => ("take", "Take the payment", ["yes", "paid"]),
        Less => ("less", "Take less than the full amount", ["take less", "reduced"]),
        Decline => ("decline", "Decline it", ["declined", "no", "none"]),
        Charity => ("charity", "Give it to a charity", ["donate"]),
        Voucher => ("voucher", "Take a voucher instead", ["vouchers"]),
        TimeCredits => ("time-credits", "Take time credits instead", ["time credits"]),
    }
}

vocabulary! {
    /// How a payment is made.
    pub enum PaidAs ("paid as") {
        Money => ("money", "Money"),
        Charity => ("charity", "To a charity"),
        Voucher => ("voucher", "Voucher"),
        TimeCredits => ("time-credits", "Time credits"),
    }
}

vocabulary! {
    /// Where a payment stands.
    pub enum PaymentStatus ("payment status") {
        Created => ("created", "Waiting for approval"),
        Approved => ("approved", "Approved"),
        Paid => ("paid", "Paid"),
    }
}

/// The most a person may say they take, in pence: £10,000.
pub const MAX_LESS: i64 = 100 * MAX_RATE / 10;
/// The longest reason for a reversal, in characters.
pub const REASON: usize = 1_000;

/// A choice as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChoiceDraft {
    pub choice: String,
    /// For "take less": the most to take for each activity, in pence.
    pub amount_pence: Option<i64>,
    /// For "give it to a charity": which.
    pub charity: String,
    /// The day they chose, `YYYY-MM-DD`; empty for today.
    pub chosen_on: String,
}

/// A choice that hangs together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub choice: PaymentChoice,
    pub amount_pence: Option<i64>,
    pub charity: Option<String>,
    pub chosen_on: NaiveDate,
}

impl ChoiceDraft {
    /// Checks a choice: one of the choices; an amount from 1p to [`MAX_LESS`] exactly
    /// when taking less; a charity's name exactly when giving it to one; and a day
    /// not after today.
    pub fn check(&self, today: NaiveDate) -> Result<Choice, FieldErrors> {
        let mut errs = FieldErrors::new();
        let choice = errs.take("choice", PaymentChoice::read(&self.choice));
        let amount_pence = match (choice, self.amount_pence) {
            (Some(PaymentChoice::Less), None) => {
                errs.add("amount_pence", Problem::Empty);
                None
            }
            (Some(PaymentChoice::Less), Some(a)) if !(1..=MAX_LESS).contains(&a) => {
                errs.add(
                    "amount_pence",
                    Problem::OutOfRange {
                        min: 1,
                        max: MAX_LESS,
                        given: a,
                    },
                );
                None
            }
            (Some(PaymentChoice::Less), a) => a,
            (_, Some(_)) => {
                errs.add("amount_pence", Problem::NotForThisRule);
                None
            }
            (_, None) => None,
        };
        let charity = match (choice, self.charity.trim()) {
            (Some(PaymentChoice::Charity), c) => errs.take("charity", required(c, SHORT)),
            (_, "") => None,
            (_, _) => {
                errs.add("charity", Problem::NotForThisRule);
                None
            }
        };
        let chosen_on = match self.chosen_on.trim() {
            "" => Some(today),
            d => errs
                .take("chosen_on", crate::time::parse_date(d))
                .and_then(|d| {
                    if d > today {
                        errs.add("chosen_on", Problem::InFuture);
                        None
                    } else {
                        Some(d)
                    }
                }),
        };
        errs.finish(|| Choice {
            choice: choice.unwrap_or(PaymentChoice::Take),
            amount_pence,
            charity,
            chosen_on: chosen_on.unwrap_or(today),
        })
    }
}

/// What a fee becomes under a person's choice: the amount and how it is paid, or
/// `None` when they declined. With no choice recorded, it is paid as money.
pub fn under_choice(fee: i64, choice: Option<&Choice>) -> Option<(i64, PaidAs)> {
    let Some(c) = choice else {
        return Some((fee, PaidAs::Money));
    };
    match c.choice {
        PaymentChoice::Take => Some((fee, PaidAs::Money)),
        PaymentChoice::Less => Some((fee.min(c.amount_pence.unwrap_or(fee)), PaidAs::Money)),
        PaymentChoice::Decline => None,
        PaymentChoice::Charity => Some((fee, PaidAs::Charity)),
        PaymentChoice::Voucher => Some((fee, PaidAs::Voucher)),
        PaymentChoice::TimeCredits => Some((fee, PaidAs::TimeCredits)),
    }
}

/// Why an entry cannot be reversed, in words; `Ok` when it can: it is not itself a
/// reversal, and has not been reversed already.
pub fn check_reversal(is_reversal: bool, already_reversed: bool) -> Result<(), &'static str> {
    if is_reversal {
        Err("it is itself a reversal: put a mistake in it right with a new payment")
    } else if already_reversed {
        Err("it has been reversed already")
    } else {
        Ok(())
    }
}

/// Checks the day a payment was paid: a date, not after today, nor before it was
/// approved.
pub fn check_paid_on(
    typed: &str,
    approved_on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, Problem> {
    let d = crate::time::parse_date(typed.trim())?;
    if d > today {
        Err(Problem::InFuture)
    } else if d < approved_on {
        Err(Problem::BeforeApproved(approved_on))
    } else {
        Ok(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        crate::time::parse_date("2026-06-01").unwrap()
    }

    fn fields(d: ChoiceDraft) -> Vec<String> {
        match d.check(today()) {
            Ok(_) => vec![],
            Err(e) => e.0.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn a_choice_says_what_it_needs_and_nothing_else() {
        let less = ChoiceDraft {
            choice: "less".into(),
            amount_pence: Some(2_000),
            ..ChoiceDraft::default()
        };
        let c = less.check(today()).unwrap();
        assert_eq!(
            (c.choice, c.amount_pence, c.chosen_on),
            (PaymentChoice::Less, Some(2_000), today())
        );
        assert_eq!(
            fields(ChoiceDraft {
                choice: "less".into(),
                ..ChoiceDraft::default()
            }),
            ["amount_pence"]
        );
        for bad in [0, -5, MAX_LESS + 1] {
            assert_eq!(
                fields(ChoiceDraft {
                    choice: "less".into(),
                    amount_pence: Some(bad),
                    ..ChoiceDraft::default()
                }),
                ["amount_pence"],
                "{bad}"
            );
        }
        assert_eq!(
            fields(ChoiceDraft {
                choice: "charity".into(),
                ..ChoiceDraft::default()
            }),
            ["charity"]
        );
        assert_eq!(
            fields(ChoiceDraft {
                choice: "take".into(),
                amount_pence: Some(5),
                charity: "Mind".into(),
                chosen_on: "2026-06-02".into(),
            }),
            ["amount_pence", "charity", "chosen_on"]
        );
        assert_eq!(
            fields(ChoiceDraft {
                choice: "all of it".into(),
                ..ChoiceDraft::default()
            }),
            ["choice"]
        );
    }

    #[test]
    fn a_fee_follows_the_choice() {
        let c = |choice, amount_pence| Choice {
            choice,
            amount_pence,
            charity: None,
            chosen_on: today(),
        };
        assert_eq!(under_choice(3_000, None), Some((3_000, PaidAs::Money)));
        assert_eq!(
            under_choice(3_000, Some(&c(PaymentChoice::Less, Some(2_000)))),
            Some((2_000, PaidAs::Money))
        );
        assert_eq!(
            under_choice(1_500, Some(&c(PaymentChoice::Less, Some(2_000)))),
            Some((1_500, PaidAs::Money)),
            "never more than the fee"
        );
        assert_eq!(
            under_choice(3_000, Some(&c(PaymentChoice::Decline, None))),
            None
        );
        assert_eq!(
            under_choice(3_000, Some(&c(PaymentChoice::Charity, None))),
            Some((3_000, PaidAs::Charity))
        );
        assert_eq!(
            under_choice(3_000, Some(&c(PaymentChoice::TimeCredits, None))),
            Some((3_000, PaidAs::TimeCredits))
        );
    }

    #[test]
    fn a_reversal_is_not_reversed_and_nothing_is_reversed_twice() {
        assert!(check_reversal(false, false).is_ok());
        assert!(check_reversal(true, false).is_err());
        assert!(check_reversal(false, true).is_err());
    }

    #[test]
    fn the_day_paid_is_not_in_the_future_nor_before_approval() {
        let approved = crate::time::parse_date("2026-05-20").unwrap();
        assert_eq!(
            check_paid_on("2026-05-25", approved, today()),
            Ok(crate::time::parse_date("2026-05-25").unwrap())
        );
        assert_eq!(
            check_paid_on("2026-06-02", approved, today()),
            Err(Problem::InFuture)
        );
        assert_eq!(
            check_paid_on("2026-05-19", approved, today()),
            Err(Problem::BeforeApproved(approved))
        );
        assert!(check_paid_on("soon", approved, today()).is_err());
    }
}
