//! An organisation's recognition policy: the role tiers people take part in, the
//! rates each is paid at, what recognition is offered, and what expenses are
//! repaid. All of it is data: a policy is a version with the day it takes effect
//! from, and the version in force on an activity's day is the one its payments and
//! claims follow, so a change never reaches back over work already done.
//!
//! A policy is checked here from what was typed ([`PolicyDraft::check`]), so the
//! pages and the API keep the same rules, and [`Policy::fee`] says what taking part
//! earns. Money is whole pence ([`crate::money`]); nothing here reads a clock.

use chrono::NaiveDate;

use crate::Vocabulary;
use crate::activity::ActivityType;
use crate::money::share;
use crate::opportunity::Recognition;
use crate::text::{FieldErrors, Problem, SHORT, required};
use crate::vocabulary;

vocabulary! {
    /// What a rate is paid for.
    pub enum RateBasis ("rate basis") {
        Hour => ("hour", "Per hour", ["hourly", "an hour"]),
        HalfDay => ("half-day", "Per half day", ["half day", "session"]),
        Day => ("day", "Per day", ["daily", "a day"]),
        Activity => ("activity", "Per activity of a type", ["per activity", "fixed"]),
    }
}

/// The most a rate may be: £1,000 for one unit of it.
pub const MAX_RATE: i64 = 100_000;
/// The most tiers a policy may have.
pub const MAX_TIERS: usize = 8;
/// The most rates a policy may have.
pub const MAX_RATES: usize = 64;
/// The longest a half day lasts, in minutes: anything longer is a day.
pub const HALF_DAY_MINUTES: i64 = 4 * 60;
/// The most a mile may be repaid at, in pence.
pub const MAX_PER_MILE: i64 = 200;
/// The most a meal cap or a home-working allowance may be, in pence.
pub const MAX_ALLOWANCE: i64 = 10_000;
/// The longest after an activity a claim may be allowed, in days.
pub const MAX_CLAIM_DAYS: i64 = 365;
/// The longest the advice on benefits may be, in characters.
pub const ADVICE: usize = 1_000;

/// A role tier as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TierDraft {
    /// How rates name it: lower-case letters, digits and hyphens, like `tier-2`.
    pub key: String,
    pub name: String,
    pub description: String,
}

/// A rate as typed: `amount_pence` already read from pounds by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateDraft {
    pub tier: String,
    pub basis: String,
    /// For a rate per activity: the activity's type.
    pub activity_type: String,
    pub amount_pence: i64,
}

/// Expenses as typed: amounts in pence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpensesDraft {
    pub per_mile: i64,
    pub per_mile_passenger: i64,
    pub per_mile_bicycle: i64,
    pub public_transport: bool,
    /// Taxis are repaid when approved before the journey.
    pub taxis_with_approval: bool,
    pub care_costs: bool,
    /// The most a meal is repaid at; 0 when meals are not.
    pub meal_cap: i64,
    /// Paid for each online meeting, for the costs of taking part from home; 0 for none.
    pub home_working: i64,
    /// How many days after an activity a claim may be made.
    pub claim_within_days: i64,
}

/// A policy as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyDraft {
    /// The day it takes effect from, `YYYY-MM-DD`.
    pub effective_from: String,
    /// What recognition is offered, by slug or label.
    pub offered: Vec<String>,
    /// Whether someone who comes for part of an activity is paid for the part.
    pub pro_rata: Option<bool>,
    pub tiers: Vec<TierDraft>,
    pub rates: Vec<RateDraft>,
    pub expenses: ExpensesDraft,
    /// Where someone can get advice on how a payment affects their benefits.
    pub advice: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    pub key: String,
    pub name: String,
    pub description: Option<String>,
}

/// A rate of a checked policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyRate {
    pub tier: String,
    pub basis: RateBasis,
    pub activity_type: Option<ActivityType>,
    pub amount_pence: i64,
}

/// A policy that hangs together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub effective_from: NaiveDate,
    pub offered: Vec<Recognition>,
    pub pro_rata: bool,
    pub tiers: Vec<Tier>,
    pub rates: Vec<PolicyRate>,
    pub expenses: ExpensesDraft,
    pub advice: String,
}

fn is_key(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn in_range(errs: &mut FieldErrors, field: &str, value: i64, min: i64, max: i64) {
    if !(min..=max).contains(&value) {
        errs.add(
            field,
            Problem::OutOfRange {
                min,
                max,
                given: value,
            },
        );
    }
}

impl PolicyDraft {
    /// Checks a policy: a day it takes effect from; what is offered, each once; whether
    /// part attendance is paid pro rata; at least one tier, at most [`MAX_TIERS`], each
    /// with its own key and a name; each rate for a tier of the policy, a basis, an
    /// activity type exactly when it is per activity, an amount from 1p to
    /// [`MAX_RATE`], and no two for the same thing; at least one rate when payment is
    /// offered; expenses within their limits; and where to get advice on benefits.
    /// Fields are named as the API names them (`tiers[0].name`, `rates[2].amount_pence`).
    pub fn check(&self) -> Result<Policy, FieldErrors> {
        let mut errs = FieldErrors::new();
        let effective_from = errs.take(
            "effective_from",
            crate::time::parse_date(&self.effective_from),
        );
        let mut offered: Vec<Recognition> = Vec::new();
        for o in &self.offered {
            if let Some(r) = errs.take("offered", Recognition::read(o)) {
                if offered.contains(&r) {
                    errs.add(
                        "offered",
                        Problem::KeyUsedTwice {
                            what: "recognition",
                            key: r.slug().into(),
                        },
                    );
                } else {
                    offered.push(r);
                }
            }
        }
        if self.offered.is_empty() {
            errs.add("offered", Problem::Empty);
        }
        if self.pro_rata.is_none() {
            errs.add("pro_rata", Problem::Empty);
        }
        if self.tiers.is_empty() {
            errs.add("tiers", Problem::Empty);
        }
        if self.tiers.len() > MAX_TIERS {
            errs.add("tiers", Problem::TooMany(MAX_TIERS));
        }
        let mut tiers: Vec<Tier> = Vec::new();
        for (i, t) in self.tiers.iter().enumerate() {
            let key = t.key.trim();
            if !is_key(key) {
                errs.add(format!("tiers[{i}].key"), Problem::NotKey(key.into()));
            } else if tiers.iter().any(|x| x.key == key) {
                errs.add(
                    format!("tiers[{i}].key"),
                    Problem::KeyUsedTwice {
                        what: "tier",
                        key: key.into(),
                    },
                );
            }
            let name = errs.take(&format!("tiers[{i}].name"), required(&t.name, SHORT));
            let description = match t.description.trim() {
                "" => None,
                d => errs.take(&format!("tiers[{i}].description"), required(d, SHORT)),
            };
            tiers.push(Tier {
                key: key.into(),
                name: name.unwrap_or_default(),
                description,
            });
        }
        if self.rates.len() > MAX_RATES {
            errs.add("rates", Problem::TooMany(MAX_RATES));
        }
        let mut rates: Vec<PolicyRate> = Vec::new();
        for (i, r) in self.rates.iter().enumerate() {
            let tier = r.tier.trim();
            if !tiers.iter().any(|t| t.key == tier) {
                errs.add(
                    format!("rates[{i}].tier"),
                    Problem::NotKnown {
                        noun: "tier",
                        given: tier.to_string(),
                    },
                );
            }
            let basis = errs.take(&format!("rates[{i}].basis"), RateBasis::read(&r.basis));
            let activity_type = match (basis, r.activity_type.trim()) {
                (Some(RateBasis::Activity), "") => {
                    errs.add(format!("rates[{i}].activity_type"), Problem::Empty);
                    None
                }
                (Some(RateBasis::Activity), t) => {
                    errs.take(&format!("rates[{i}].activity_type"), ActivityType::read(t))
                }
                (_, "") | (None, _) => None,
                (Some(_), _) => {
                    errs.add(format!("rates[{i}].activity_type"), Problem::NotForThisRule);
                    None
                }
            };
            in_range(
                &mut errs,
                &format!("rates[{i}].amount_pence"),
                r.amount_pence,
                1,
                MAX_RATE,
            );
            if let Some(basis) = basis {
                if rates
                    .iter()
                    .any(|x| x.tier == tier && x.basis == basis && x.activity_type == activity_type)
                {
                    errs.add(
                        format!("rates[{i}].basis"),
                        Problem::KeyUsedTwice {
                            what: "rate",
                            key: format!("{tier} {}", basis.slug()),
                        },
                    );
                }
                rates.push(PolicyRate {
                    tier: tier.into(),
                    basis,
                    activity_type,
                    amount_pence: r.amount_pence,
                });
            }
        }
        if offered.contains(&Recognition::Payment) && self.rates.is_empty() {
            errs.add("rates", Problem::Empty);
        }
        let e = &self.expenses;
        for (field, value, max) in [
            ("expenses.per_mile_pence", e.per_mile, MAX_PER_MILE),
            (
                "expenses.per_mile_passenger_pence",
                e.per_mile_passenger,
                MAX_PER_MILE,
            ),
            (
                "expenses.per_mile_bicycle_pence",
                e.per_mile_bicycle,
                MAX_PER_MILE,
            ),
            ("expenses.meal_cap_pence", e.meal_cap, MAX_ALLOWANCE),
            ("expenses.home_working_pence", e.home_working, MAX_ALLOWANCE),
        ] {
            in_range(&mut errs, field, value, 0, max);
        }
        in_range(
            &mut errs,
            "expenses.claim_within_days",
            e.claim_within_days,
            1,
            MAX_CLAIM_DAYS,
        );
        let advice = errs.take("advice", required(&self.advice, ADVICE));
        errs.finish(|| Policy {
            effective_from: effective_from.unwrap_or_default(),
            offered,
            pro_rata: self.pro_rata.unwrap_or(false),
            tiers,
            rates,
            expenses: e.clone(),
            advice: advice.unwrap_or_default(),
        })
    }
}

/// What taking part earned, and how it was worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fee {
    pub amount_pence: i64,
    pub basis: RateBasis,
    /// The rate it was worked out from.
    pub rate_pence: i64,
    /// Whether it was paid for part of the activity.
    pub part: bool,
}

impl Policy {
    /// What someone of `tier` earns for an activity of `activity_type` lasting
    /// `scheduled` minutes, of which they came for `attended` (both above 0).
    ///
    /// A rate for activities of that type comes first; then one per hour; then one
    /// per half day for an activity of up to [`HALF_DAY_MINUTES`], or per day for a
    /// longer one (two half days when there is no day rate). Someone who came for
    /// part of it is paid that part of the fee when the policy pays pro rata (rounded
    /// to the nearest penny, half up), and the whole fee when it does not. `None`
    /// when the tier has no rate that applies.
    pub fn fee(
        &self,
        tier: &str,
        activity_type: ActivityType,
        scheduled: i64,
        attended: i64,
    ) -> Option<Fee> {
        if scheduled <= 0 || attended <= 0 {
            return None;
        }
        let attended = attended.min(scheduled);
        let part = attended < scheduled;
        let rate = |basis: RateBasis, t: Option<ActivityType>| {
            self.rates
                .iter()
                .find(|r| r.tier == tier && r.basis == basis && r.activity_type == t)
                .map(|r| r.amount_pence)
        };
        let whole_or_part = |fee: i64| {
            if self.pro_rata {
                share(fee, attended, scheduled)
            } else {
                fee
            }
        };
        let made = |basis, rate_pence, amount_pence| Fee {
            amount_pence,
            basis,
            rate_pence,
            part: part && self.pro_rata,
        };
        if let Some(r) = rate(RateBasis::Activity, Some(activity_type)) {
            return Some(made(RateBasis::Activity, r, whole_or_part(r)));
        }
        if let Some(r) = rate(RateBasis::Hour, None) {
            let minutes = if self.pro_rata { attended } else { scheduled };
            return Some(made(RateBasis::Hour, r, share(r, minutes, 60)));
        }
        if scheduled <= HALF_DAY_MINUTES
            && let Some(r) = rate(RateBasis::HalfDay, None)
        {
            return Some(made(RateBasis::HalfDay, r, whole_or_part(r)));
        }
        if let Some(r) = rate(RateBasis::Day, None) {
            return Some(made(RateBasis::Day, r, whole_or_part(r)));
        }
        rate(RateBasis::HalfDay, None)
            .map(|r| made(RateBasis::HalfDay, r, whole_or_part(r.saturating_mul(2))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> PolicyDraft {
        PolicyDraft {
            effective_from: "2026-04-01".into(),
            offered: vec!["payment".into(), "vouchers".into()],
            pro_rata: Some(true),
            tiers: vec![
                TierDraft {
                    key: "tier-1".into(),
                    name: "Giving views".into(),
                    description: String::new(),
                },
                TierDraft {
                    key: "tier-3".into(),
                    name: "Working together".into(),
                    description: "Co-designing a service".into(),
                },
            ],
            rates: vec![
                RateDraft {
                    tier: "tier-1".into(),
                    basis: "hour".into(),
                    activity_type: String::new(),
                    amount_pence: 1_360,
                },
                RateDraft {
                    tier: "tier-3".into(),
                    basis: "half-day".into(),
                    activity_type: String::new(),
                    amount_pence: 7_500,
                },
                RateDraft {
                    tier: "tier-3".into(),
                    basis: "day".into(),
                    activity_type: String::new(),
                    amount_pence: 15_000,
                },
                RateDraft {
                    tier: "tier-3".into(),
                    basis: "activity".into(),
                    activity_type: "interview-panel".into(),
                    amount_pence: 10_000,
                },
            ],
            expenses: ExpensesDraft {
                per_mile: 45,
                per_mile_passenger: 5,
                per_mile_bicycle: 20,
                public_transport: true,
                taxis_with_approval: true,
                care_costs: true,
                meal_cap: 1_000,
                home_working: 500,
                claim_within_days: 90,
            },
            advice: "Citizens Advice: 0800 144 8848".into(),
        }
    }

    fn fields(d: &PolicyDraft) -> Vec<String> {
        match d.check() {
            Ok(_) => vec![],
            Err(e) => e.0.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn a_policy_that_hangs_together_is_taken() {
        let p = draft().check().unwrap();
        assert_eq!(p.offered, [Recognition::Payment, Recognition::Vouchers]);
        assert_eq!(
            p.tiers[1].description.as_deref(),
            Some("Co-designing a service")
        );
        assert_eq!(p.rates[3].activity_type, Some(ActivityType::InterviewPanel));
    }

    #[test]
    fn every_bad_value_is_named() {
        let mut d = draft();
        d.effective_from = "2026-02-30".into();
        d.offered = vec!["payment".into(), "paid".into(), "gold".into()];
        d.pro_rata = None;
        d.tiers[1].key = "Tier 1".into();
        d.tiers.push(TierDraft {
            key: "tier-1".into(),
            name: " ".into(),
            description: String::new(),
        });
        d.rates = vec![
            RateDraft {
                tier: "tier-9".into(),
                basis: "hour".into(),
                activity_type: String::new(),
                amount_pence: -5,
            },
            RateDraft {
                tier: "tier-1".into(),
                basis: "activity".into(),
                activity_type: String::new(),
                amount_pence: 0,
            },
            RateDraft {
                tier: "tier-1".into(),
                basis: "hour".into(),
                activity_type: "workshop".into(),
                amount_pence: MAX_RATE + 1,
            },
            RateDraft {
                tier: "tier-1".into(),
                basis: "fortnight".into(),
                activity_type: String::new(),
                amount_pence: 100,
            },
        ];
        d.expenses.per_mile = -45;
        d.expenses.meal_cap = 1_000_000;
        d.expenses.claim_within_days = 0;
        d.advice = String::new();
        assert_eq!(
            fields(&d),
            [
                "effective_from",
                "offered",
                "offered",
                "pro_rata",
                "tiers[1].key",
                "tiers[2].key",
                "tiers[2].name",
                "rates[0].tier",
                "rates[0].amount_pence",
                "rates[1].activity_type",
                "rates[1].amount_pence",
                "rates[2].activity_type",
                "rates[2].amount_pence",
                "rates[3].basis",
                "expenses.per_mile_pence",
                "expenses.meal_cap_pence",
                "expenses.claim_within_days",
                "advice",
            ]
        );
        let mut none = draft();
        none.tiers.clear();
        none.rates.clear();
        assert_eq!(fields(&none), ["tiers", "rates"]);
        let mut twice = draft();
        twice.rates.push(twice.rates[0].clone());
        assert_eq!(fields(&twice), ["rates[4].basis"]);
    }

    #[test]
    fn the_fee_follows_the_rate_that_applies() {
        let p = draft().check().unwrap();
        // An hour rate for 90 minutes: £20.40.
        let f = p.fee("tier-1", ActivityType::Meeting, 90, 90).unwrap();
        assert_eq!(
            (f.basis, f.amount_pence, f.part),
            (RateBasis::Hour, 2_040, false)
        );
        // 50 of 90 minutes, pro rata: £13.60 × 50 / 60 = 1133.3p, paid as 1133p.
        let f = p.fee("tier-1", ActivityType::Meeting, 90, 50).unwrap();
        assert_eq!((f.amount_pence, f.part), (1_133, true));
        // Up to four hours is a half day; longer is a day.
        let f = p.fee("tier-3", ActivityType::Workshop, 240, 240).unwrap();
        assert_eq!((f.basis, f.amount_pence), (RateBasis::HalfDay, 7_500));
        let f = p.fee("tier-3", ActivityType::Workshop, 360, 360).unwrap();
        assert_eq!((f.basis, f.amount_pence), (RateBasis::Day, 15_000));
        // Half of a day, pro rata.
        let f = p.fee("tier-3", ActivityType::Workshop, 360, 180).unwrap();
        assert_eq!(f.amount_pence, 7_500);
        // A rate for the activity's type comes first.
        let f = p
            .fee("tier-3", ActivityType::InterviewPanel, 60, 60)
            .unwrap();
        assert_eq!((f.basis, f.amount_pence), (RateBasis::Activity, 10_000));
        // Not pro rata: the whole fee for part of it.
        let whole = Policy {
            pro_rata: false,
            ..p.clone()
        };
        let f = whole.fee("tier-1", ActivityType::Meeting, 90, 50).unwrap();
        assert_eq!((f.amount_pence, f.part), (2_040, false));
        // No rate for the tier, or nothing attended: nothing.
        assert_eq!(p.fee("tier-2", ActivityType::Meeting, 60, 60), None);
        assert_eq!(p.fee("tier-1", ActivityType::Meeting, 60, 0), None);
        // Only a half-day rate, for a whole day: two half days.
        let halves = Policy {
            rates: vec![PolicyRate {
                tier: "tier-3".into(),
                basis: RateBasis::HalfDay,
                activity_type: None,
                amount_pence: 7_500,
            }],
            ..p
        };
        let f = halves.fee("tier-3", ActivityType::Event, 420, 420).unwrap();
        assert_eq!(f.amount_pence, 15_000);
    }
}
