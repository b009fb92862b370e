//! The rules a charter sets for meetings: the longest meeting by mode, rush hours to
//! avoid, a debrief, papers sent in advance, ground rules attached, and a spread of
//! times across a project, each with its values. Checking a planned activity
//! against them is [`check`]'s.
//!
//! Every value is data: a charter states it against the commitment it comes from,
//! and an organisation may change it. Nothing here reads a clock or a database.

use chrono::{DateTime, Datelike, NaiveTime, Utc, Weekday};
use chrono_tz::Europe::London;

use crate::Vocabulary;
use crate::activity::ActivityType;
use crate::text::Problem;
use crate::vocabulary;

mod check;

pub use check::{Breach, Check, Plan, check, feature_for, weekday_daytime};

vocabulary! {
    /// A rule a charter or an organisation sets for meetings.
    pub enum RuleKind ("meeting rule") {
        LongestFaceToFace => ("longest-face-to-face", "Longest meeting face to face"),
        LongestOnline => ("longest-online", "Longest meeting online or hybrid"),
        RushHours => ("rush-hours", "Rush hours avoided"),
        Debrief => ("debrief", "A debrief after each meeting"),
        PapersBefore => ("papers-before", "Papers sent in advance"),
        GroundRules => ("ground-rules", "Ground rules at every meeting"),
        SpreadOfTimes => ("spread-of-times", "Meetings at a spread of times"),
    }
}

/// What a rule's number counts, if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minutes,
    Days,
    Meetings,
}

impl RuleKind {
    /// What the rule's number counts, and the range it must fall in.
    pub fn unit(self) -> Option<(Unit, i64, i64)> {
        match self {
            RuleKind::LongestFaceToFace | RuleKind::LongestOnline => {
                Some((Unit::Minutes, 15, 24 * 60))
            }
            RuleKind::Debrief => Some((Unit::Minutes, 5, 120)),
            RuleKind::PapersBefore => Some((Unit::Days, 1, 60)),
            RuleKind::SpreadOfTimes => Some((Unit::Meetings, 2, 50)),
            RuleKind::RushHours | RuleKind::GroundRules => None,
        }
    }

    /// The number a rule takes when it is turned on without one: the spread of
    /// times is checked from the third meeting.
    pub fn default_amount(self) -> Option<i64> {
        match self {
            RuleKind::LongestFaceToFace => Some(180),
            RuleKind::LongestOnline => Some(120),
            RuleKind::Debrief => Some(20),
            RuleKind::PapersBefore => Some(7),
            RuleKind::SpreadOfTimes => Some(3),
            RuleKind::RushHours | RuleKind::GroundRules => None,
        }
    }

    /// The rule in one sentence, for a board member or an organiser.
    pub fn explain(self) -> &'static str {
        match self {
            RuleKind::LongestFaceToFace => {
                "Meetings people come to in person last no longer than the limit, so nobody is worn out."
            }
            RuleKind::LongestOnline => {
                "Meetings people join online last no longer than the limit, as screens tire people sooner."
            }
            RuleKind::RushHours => {
                "Meetings people travel to neither start nor end in the rush hours, when travel is crowded and costs more."
            }
            RuleKind::Debrief => {
                "Each meeting ends with a debrief, so people can say how it went and leave settled."
            }
            RuleKind::PapersBefore => {
                "Papers reach people in good time, so they can read them and ask for another format."
            }
            RuleKind::GroundRules => {
                "Ground rules are attached to every meeting, seen before it and shown during it."
            }
            RuleKind::SpreadOfTimes => {
                "A project's meetings are not all on weekday daytimes, so people who work or care in the day can come too."
            }
        }
    }
}

/// A span of time in the week to avoid, in London time: "Mon-Fri 06:30-09:30".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: Weekday,
    pub last: Weekday,
    pub from: NaiveTime,
    pub to: NaiveTime,
}

/// The rush hours when a rule does not say: weekdays 06:30 to 09:30 and 16:00 to
/// 19:00, London time.
pub fn default_rush_hours() -> Vec<Window> {
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
    vec![
        Window {
            first: Weekday::Mon,
            last: Weekday::Fri,
            from: at(6, 30),
            to: at(9, 30),
        },
        Window {
            first: Weekday::Mon,
            last: Weekday::Fri,
            from: at(16, 0),
            to: at(19, 0),
        },
    ]
}

const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "Mon"),
    (Weekday::Tue, "Tue"),
    (Weekday::Wed, "Wed"),
    (Weekday::Thu, "Thu"),
    (Weekday::Fri, "Fri"),
    (Weekday::Sat, "Sat"),
    (Weekday::Sun, "Sun"),
];

fn day_name(d: Weekday) -> &'static str {
    DAYS.iter()
        .find(|(w, _)| *w == d)
        .map(|(_, n)| *n)
        .unwrap_or("Mon")
}

fn read_day(s: &str) -> Option<Weekday> {
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let s = s.trim().to_lowercase();
    DAYS.iter()
        .zip(FULL)
        .find(|((_, short), full)| s == short.to_lowercase() || s == *full)
        .map(|((w, _), _)| *w)
}

impl Window {
    /// Reads "Mon-Fri 06:30-09:30", "Sat 10:00-12:00" or "Monday-Friday 16:00-19:00".
    pub fn parse(s: &str) -> Result<Window, Problem> {
        let bad = || Problem::NotWindow(s.trim().to_string());
        let (days, times) = s.trim().split_once(' ').ok_or_else(bad)?;
        let (first, last) = match days.split_once('-') {
            Some((a, b)) => (read_day(a), read_day(b)),
            None => (read_day(days), read_day(days)),
        };
        let (first, last) = (first.ok_or_else(bad)?, last.ok_or_else(bad)?);
        let (from, to) = times.trim().split_once('-').ok_or_else(bad)?;
        let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| bad());
        let (from, to) = (time(from)?, time(to)?);
        if to <= from || last.num_days_from_monday() < first.num_days_from_monday() {
            return Err(bad());
        }
        Ok(Window {
            first,
            last,
            from,
            to,
        })
    }

    /// Whether a moment, in London time, falls inside the window.
    pub fn holds(&self, at: DateTime<Utc>) -> bool {
        let local = at.with_timezone(&London);
        let day = local.weekday().num_days_from_monday();
        let time = local.time();
        (self.first.num_days_from_monday()..=self.last.num_days_from_monday()).contains(&day)
            && time >= self.from
            && time < self.to
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let days = if self.first == self.last {
            day_name(self.first).to_string()
        } else {
            format!("{}-{}", day_name(self.first), day_name(self.last))
        };
        write!(
            f,
            "{days} {}-{}",
            self.from.format("%H:%M"),
            self.to.format("%H:%M")
        )
    }
}

/// Reads rush hours written one to a line or separated by commas or semicolons.
pub fn parse_windows(s: &str) -> Result<Vec<Window>, Problem> {
    let windows = s
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(Window::parse)
        .collect::<Result<Vec<_>, _>>()?;
    if windows.is_empty() {
        return Err(Problem::Empty);
    }
    if windows.len() > 14 {
        return Err(Problem::TooMany(14));
    }
    Ok(windows)
}

/// Rush hours as written: "Mon-Fri 06:30-09:30, Mon-Fri 16:00-19:00".
pub fn show_windows(w: &[Window]) -> String {
    w.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// One rule with its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRule {
    pub kind: RuleKind,
    /// Minutes, days or meetings, as [`RuleKind::unit`] says; `None` for a rule
    /// without a number.
    pub amount: Option<i64>,
    /// The rush hours, for that rule; empty otherwise.
    pub windows: Vec<Window>,
    /// Kinds of activity a time limit does not count (LPT: events and conferences).
    pub not_counting: Vec<ActivityType>,
}

impl MeetingRule {
    /// Checks a rule's values: the number in its range, rush hours only for that
    /// rule, and kinds not counted only for a time limit. Every problem is named on
    /// its field.
    pub fn new(
        kind: RuleKind,
        amount: Option<i64>,
        windows: Vec<Window>,
        not_counting: Vec<ActivityType>,
    ) -> Result<MeetingRule, Vec<(&'static str, Problem)>> {
        let mut errs = Vec::new();
        let amount = match (kind.unit(), amount) {
            (Some(_), None) => kind.default_amount(),
            (Some((_, min, max)), Some(n)) if !(min..=max).contains(&n) => {
                errs.push(("amount", Problem::OutOfRange { min, max, given: n }));
                None
            }
            (Some(_), Some(n)) => Some(n),
            (None, None) => None,
            (None, Some(_)) => {
                errs.push(("amount", Problem::NotForThisRule));
                None
            }
        };
        let windows = match (kind, windows.is_empty()) {
            (RuleKind::RushHours, true) => default_rush_hours(),
            (RuleKind::RushHours, false) => windows,
            (_, true) => windows,
            (_, false) => {
                errs.push(("windows", Problem::NotForThisRule));
                windows
            }
        };
        let limit = matches!(kind, RuleKind::LongestFaceToFace | RuleKind::LongestOnline);
        if !limit && !not_counting.is_empty() {
            errs.push(("not_counting", Problem::NotForThisRule));
        }
        if errs.is_empty() {
            Ok(MeetingRule {
                kind,
                amount,
                windows,
                not_counting,
            })
        } else {
            Err(errs)
        }
    }

    /// The rule with its values, in one line: "3 hours, not counting events".
    pub fn values(&self) -> String {
        let mut out = match (self.kind.unit(), self.amount) {
            (Some((Unit::Minutes, ..)), Some(m)) => length(m),
            (Some((Unit::Days, ..)), Some(d)) => plural(d, "day", "days") + " before",
            (Some((Unit::Meetings, ..)), Some(n)) => {
                format!("checked from the {} meeting", ordinal(n))
            }
            _ if self.kind == RuleKind::RushHours => show_windows(&self.windows),
            _ => "in force".to_string(),
        };
        if !self.not_counting.is_empty() {
            let kinds: Vec<String> = self
                .not_counting
                .iter()
                .map(|k| format!("{}s", k.label().to_lowercase()))
                .collect();
            out.push_str(&format!(", not counting {}", kinds.join(" or ")));
        }
        out
    }
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A length of time in words: "3 hours", "1 hour 30 minutes", "20 minutes".
pub fn length(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => plural(m, "minute", "minutes"),
        (h, 0) => plural(h, "hour", "hours"),
        (h, m) => format!(
            "{} {}",
            plural(h, "hour", "hours"),
            plural(m, "minute", "minutes")
        ),
    }
}

/// Which charter commitment a rule comes from, to name in its warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub charter_id: i64,
    pub charter_title: String,
    pub commitment_key: String,
    pub commitment_text: String,
}

impl Source {
    /// "Involvement Charter, GR7: Keep meetings to an agreed time limit ..."
    pub fn cite(&self) -> String {
        format!(
            "{}, {}: {}",
            self.charter_title, self.commitment_key, self.commitment_text
        )
    }
}

/// A rule an organisation works to, and where it comes from: a charter's
/// commitment, or the organisation itself (`None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInForce {
    pub rule: MeetingRule,
    pub source: Option<Source>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_read_and_write_back() {
        let w = parse_windows("Mon-Fri 06:30-09:30, monday-friday 16:00-19:00\nSat 10:00-12:00")
            .unwrap();
        assert_eq!(
            show_windows(&w),
            "Mon-Fri 06:30-09:30, Mon-Fri 16:00-19:00, Sat 10:00-12:00"
        );
        assert_eq!(w[..2], default_rush_hours()[..]);
        for bad in [
            "Mon-Fri",
            "Fri-Mon 06:30-09:30",
            "Mon-Fri 09:30-06:30",
            "Funday 10:00-11:00",
            "Mon 25:00-26:00",
            "Ń€ą 10:00-11:00",
            "Ńiedziela-Pon 10:00-11:00",
        ] {
            assert_eq!(
                parse_windows(bad),
                Err(Problem::NotWindow(bad.into())),
                "{bad}"
            );
        }
        assert_eq!(parse_windows(" , "), Err(Problem::Empty));
    }

    #[test]
    fn a_rule_takes_only_its_own_values() {
        assert_eq!(
            MeetingRule::new(RuleKind::Debrief, Some(2), vec![], vec![]).unwrap_err()[0].0,
            "amount"
        );
        assert!(MeetingRule::new(RuleKind::GroundRules, Some(3), vec![], vec![]).is_err());
        assert!(
            MeetingRule::new(RuleKind::Debrief, None, vec![], vec![ActivityType::Event]).is_err()
        );
        let rush = MeetingRule::new(RuleKind::RushHours, None, vec![], vec![]).unwrap();
        assert_eq!(rush.windows, default_rush_hours());
        assert_eq!(
            MeetingRule::new(RuleKind::LongestFaceToFace, None, vec![], vec![])
                .unwrap()
                .amount,
            Some(180)
        );
    }

    #[test]
    fn values_in_words() {
        let r = MeetingRule::new(
            RuleKind::LongestFaceToFace,
            Some(180),
            vec![],
            vec![ActivityType::Event],
        )
        .unwrap();
        assert_eq!(r.values(), "3 hours, not counting events");
        assert_eq!(length(90), "1 hour 30 minutes");
        assert_eq!(
            MeetingRule::new(RuleKind::SpreadOfTimes, Some(3), vec![], vec![])
                .unwrap()
                .values(),
            "checked from the 3rd meeting"
        );
    }
}
