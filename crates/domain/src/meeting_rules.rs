//! The rules a charter sets for meetings, and checking a planned activity against
//! them: the longest meeting by mode, rush hours to avoid, a debrief, papers sent in
//! advance, ground rules attached, and a spread of times across a project.
//!
//! Every value is data: a charter states it against the commitment it comes from,
//! and an organisation may change it. Nothing here reads a clock or a database: the
//! caller gives the plan, the rules in force and the time now. A breach is a warning
//! the organiser may go ahead past with a reason; it never stops a plan on its own.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Timelike, Utc, Weekday};
use chrono_tz::Europe::London;

use crate::Vocabulary;
use crate::activity::{ActivityType, Mode, VenueFeature};
use crate::needs::Need;
use crate::text::Problem;
use crate::vocabulary;

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

/// What is checked: an activity as planned, and what around it matters.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub activity_type: ActivityType,
    pub mode: Mode,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub debrief_minutes: Option<i64>,
    pub ground_rules: bool,
    /// When papers were first sent to the people invited; `None` while none were.
    pub papers_sent_at: Option<DateTime<Utc>>,
    /// When the project's other activities start (not those called off).
    pub others: &'a [DateTime<Utc>],
    /// What the venue offers, when it has one.
    pub venue: Option<&'a [VenueFeature]>,
    /// What the people coming need, from the needs they consented to share.
    pub needs: &'a [Need],
}

/// What a breach is of: a rule, or a venue lacking what someone coming needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    Rule(RuleKind),
    Venue(VenueFeature),
}

impl Check {
    /// A key for the reason an organiser gives to go ahead: the rule's slug, or
    /// `venue-` and the feature's.
    pub fn key(self) -> String {
        match self {
            Check::Rule(k) => k.slug().to_string(),
            Check::Venue(f) => format!("venue-{}", f.slug()),
        }
    }

    pub fn title(self) -> String {
        match self {
            Check::Rule(k) => k.label().to_string(),
            Check::Venue(f) => format!("Venue: {}", f.label().to_lowercase()),
        }
    }
}

/// One warning about a plan: what it breaks, why that matters, and where the rule
/// comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    pub check: Check,
    /// What is wrong with this plan, with its numbers.
    pub found: String,
    /// Why the rule exists.
    pub rule: &'static str,
    pub source: Option<Source>,
}

/// The venue feature that meets a need, where a venue can meet it.
pub fn feature_for(need: Need) -> Option<VenueFeature> {
    match need {
        Need::StepFree => Some(VenueFeature::StepFree),
        Need::HearingLoop => Some(VenueFeature::HearingLoop),
        Need::AccessibleToilet => Some(VenueFeature::AccessibleToilet),
        Need::ChangingPlaces => Some(VenueFeature::ChangingPlaces),
        Need::QuietRoom => Some(VenueFeature::QuietRoom),
        Need::Parking => Some(VenueFeature::Parking),
        _ => None,
    }
}

/// Whether a meeting starts on a weekday between 08:00 and 17:00, London time.
pub fn weekday_daytime(at: DateTime<Utc>) -> bool {
    let local = at.with_timezone(&London);
    local.weekday().num_days_from_monday() < 5 && (8..17).contains(&local.hour())
}

/// Checks a plan against the rules in force at `now`, and its venue against what
/// the people coming need. Each breach names its rule and where it comes from.
pub fn check(plan: &Plan, rules: &[RuleInForce], now: DateTime<Utc>) -> Vec<Breach> {
    let mut out = Vec::new();
    let travels = plan.mode != Mode::Virtual;
    for r in rules {
        let amount = r.rule.amount.unwrap_or(0);
        let found = match r.rule.kind {
            RuleKind::LongestFaceToFace | RuleKind::LongestOnline => {
                let applies = match r.rule.kind {
                    RuleKind::LongestFaceToFace => plan.mode == Mode::FaceToFace,
                    _ => plan.mode != Mode::FaceToFace,
                };
                let lasts = (plan.ends_at - plan.starts_at).num_minutes();
                (applies && !r.rule.not_counting.contains(&plan.activity_type) && lasts > amount)
                    .then(|| {
                        format!(
                            "It lasts {}; the limit {} is {}.",
                            length(lasts),
                            match plan.mode {
                                Mode::FaceToFace => "face to face",
                                Mode::Virtual => "online",
                                Mode::Hybrid => "for a meeting some join online",
                            },
                            length(amount)
                        )
                    })
            }
            RuleKind::RushHours if travels => {
                let hit = |at| r.rule.windows.iter().find(|w| w.holds(at));
                match (
                    hit(plan.starts_at),
                    hit(plan.ends_at - Duration::seconds(1)),
                ) {
                    (Some(w), _) => Some(format!(
                        "It starts at {}, in the rush hour {w}.",
                        plan.starts_at.with_timezone(&London).format("%H:%M")
                    )),
                    (None, Some(w)) => Some(format!(
                        "It ends at {}, in the rush hour {w}.",
                        plan.ends_at.with_timezone(&London).format("%H:%M")
                    )),
                    _ => None,
                }
            }
            RuleKind::RushHours => None,
            RuleKind::Debrief => match plan.debrief_minutes {
                Some(m) if m >= amount => None,
                Some(m) => Some(format!(
                    "The debrief is {}; the rule asks for {}.",
                    length(m),
                    length(amount)
                )),
                None => Some(format!(
                    "No debrief is planned; the rule asks for {}.",
                    length(amount)
                )),
            },
            RuleKind::PapersBefore => {
                let due = plan.starts_at - Duration::days(amount);
                match plan.papers_sent_at {
                    Some(sent) if sent <= due => None,
                    Some(_) => Some(format!(
                        "The papers were sent less than {} before it.",
                        plural(amount, "day", "days")
                    )),
                    None if now > due => Some(format!(
                        "No papers have been sent, and it starts in less than {}.",
                        plural(amount, "day", "days")
                    )),
                    None => None,
                }
            }
            RuleKind::GroundRules => {
                (!plan.ground_rules).then(|| "No ground rules are attached to it.".to_string())
            }
            RuleKind::SpreadOfTimes => {
                let count = plan.others.len() as i64 + 1;
                let all_day = weekday_daytime(plan.starts_at)
                    && plan.others.iter().all(|t| weekday_daytime(*t));
                (count >= amount && all_day).then(|| {
                    format!(
                        "All {count} of the project's meetings start on a weekday between 08:00 and 17:00."
                    )
                })
            }
        };
        if let Some(found) = found {
            out.push(Breach {
                check: Check::Rule(r.rule.kind),
                found,
                rule: r.rule.kind.explain(),
                source: r.source.clone(),
            });
        }
    }
    if travels && let Some(venue) = plan.venue {
        let mut lacking: Vec<VenueFeature> = plan
            .needs
            .iter()
            .filter_map(|n| feature_for(*n))
            .filter(|f| !venue.contains(f))
            .collect();
        lacking.sort();
        lacking.dedup();
        for f in lacking {
            out.push(Breach {
                check: Check::Venue(f),
                found: format!(
                    "Someone coming needs: {}. The venue does not have it.",
                    f.label().to_lowercase()
                ),
                rule: "The venue has what the people coming need, so nobody is shut out on the day.",
                source: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_london;

    fn at(s: &str) -> DateTime<Utc> {
        parse_london(s).unwrap()
    }

    fn rule(kind: RuleKind, amount: Option<i64>) -> RuleInForce {
        RuleInForce {
            rule: MeetingRule::new(kind, amount, vec![], vec![]).unwrap(),
            source: None,
        }
    }

    fn plan<'a>(start: &str, end: &str, mode: Mode) -> Plan<'a> {
        Plan {
            activity_type: ActivityType::Meeting,
            mode,
            starts_at: at(start),
            ends_at: at(end),
            debrief_minutes: Some(20),
            ground_rules: true,
            papers_sent_at: None,
            others: &[],
            venue: None,
            needs: &[],
        }
    }

    fn kinds(b: &[Breach]) -> Vec<Check> {
        b.iter().map(|b| b.check).collect()
    }

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
    fn time_limits_count_real_time_by_mode_and_skip_events() {
        let rules = [
            rule(RuleKind::LongestFaceToFace, Some(180)),
            rule(RuleKind::LongestOnline, Some(120)),
        ];
        let now = at("2026-01-01T09:00");
        let long = plan("2026-06-02T10:00", "2026-06-02T13:30", Mode::FaceToFace);
        let b = check(&long, &rules, now);
        assert_eq!(kinds(&b), [Check::Rule(RuleKind::LongestFaceToFace)]);
        assert_eq!(
            b[0].found,
            "It lasts 3 hours 30 minutes; the limit face to face is 3 hours."
        );
        let ok = plan("2026-06-02T10:00", "2026-06-02T13:00", Mode::FaceToFace);
        assert!(check(&ok, &rules, now).is_empty());
        // Two and a half hours is fine in person and too long online or hybrid.
        for mode in [Mode::Virtual, Mode::Hybrid] {
            let p = plan("2026-06-02T10:00", "2026-06-02T12:30", mode);
            assert_eq!(
                kinds(&check(&p, &rules, now)),
                [Check::Rule(RuleKind::LongestOnline)]
            );
        }
        // 00:30 to 03:30 on the night the clocks go back is four hours, not three.
        let night = plan("2026-10-25T00:30", "2026-10-25T03:30", Mode::FaceToFace);
        assert!(check(&night, &rules, now)[0].found.contains("4 hours"));
        let events = [RuleInForce {
            rule: MeetingRule::new(
                RuleKind::LongestFaceToFace,
                Some(180),
                vec![],
                vec![ActivityType::Event],
            )
            .unwrap(),
            source: None,
        }];
        let mut event = long.clone();
        event.activity_type = ActivityType::Event;
        assert!(check(&event, &events, now).is_empty());
    }

    #[test]
    fn rush_hours_are_checked_in_london_time_for_people_who_travel() {
        let rules = [rule(RuleKind::RushHours, None)];
        let now = at("2026-01-01T09:00");
        // 09:00 in July is 08:00 UTC: still the rush hour in London.
        let early = plan("2026-07-07T09:00", "2026-07-07T11:00", Mode::FaceToFace);
        assert_eq!(
            check(&early, &rules, now)[0].found,
            "It starts at 09:00, in the rush hour Mon-Fri 06:30-09:30."
        );
        let late = plan("2026-07-07T14:00", "2026-07-07T16:30", Mode::Hybrid);
        assert!(
            check(&late, &rules, now)[0]
                .found
                .starts_with("It ends at 16:30")
        );
        let fine = plan("2026-07-07T10:00", "2026-07-07T16:00", Mode::FaceToFace);
        assert!(check(&fine, &rules, now).is_empty());
        let saturday = plan("2026-07-11T08:00", "2026-07-11T10:00", Mode::FaceToFace);
        assert!(check(&saturday, &rules, now).is_empty());
        let online = plan("2026-07-07T09:00", "2026-07-07T10:00", Mode::Virtual);
        assert!(check(&online, &rules, now).is_empty());
    }

    #[test]
    fn debrief_papers_and_ground_rules() {
        let rules = [
            rule(RuleKind::Debrief, Some(20)),
            rule(RuleKind::PapersBefore, Some(7)),
            rule(RuleKind::GroundRules, None),
        ];
        let mut p = plan("2026-06-10T10:00", "2026-06-10T12:00", Mode::FaceToFace);
        // Three weeks ahead, with nothing sent: not late yet.
        assert!(check(&p, &rules, at("2026-05-20T10:00")).is_empty());
        // Five days ahead, nothing sent: too late.
        assert_eq!(
            kinds(&check(&p, &rules, at("2026-06-05T10:00"))),
            [Check::Rule(RuleKind::PapersBefore)]
        );
        p.papers_sent_at = Some(at("2026-06-01T10:00"));
        assert!(check(&p, &rules, at("2026-06-05T10:00")).is_empty());
        p.papers_sent_at = Some(at("2026-06-08T10:00"));
        p.debrief_minutes = Some(10);
        p.ground_rules = false;
        assert_eq!(
            kinds(&check(&p, &rules, at("2026-06-09T10:00"))),
            [
                Check::Rule(RuleKind::Debrief),
                Check::Rule(RuleKind::PapersBefore),
                Check::Rule(RuleKind::GroundRules)
            ]
        );
        p.debrief_minutes = None;
        assert!(
            check(&p, &rules, at("2026-06-09T10:00"))[0]
                .found
                .starts_with("No debrief")
        );
    }

    #[test]
    fn a_spread_of_times_is_asked_from_the_third_meeting() {
        let rules = [rule(RuleKind::SpreadOfTimes, Some(3))];
        let now = at("2026-01-01T09:00");
        let day = [at("2026-06-01T10:00"), at("2026-06-08T13:00")];
        let mut p = plan("2026-06-15T10:00", "2026-06-15T12:00", Mode::Virtual);
        p.others = &day[..1];
        assert!(check(&p, &rules, now).is_empty());
        p.others = &day;
        assert_eq!(
            check(&p, &rules, now)[0].found,
            "All 3 of the project's meetings start on a weekday between 08:00 and 17:00."
        );
        let evening = [at("2026-06-01T10:00"), at("2026-06-08T18:00")];
        p.others = &evening;
        assert!(check(&p, &rules, now).is_empty());
    }

    #[test]
    fn a_venue_lacking_what_someone_coming_needs() {
        let features = [VenueFeature::StepFree];
        let needs = [
            Need::HearingLoop,
            Need::StepFree,
            Need::EasyRead,
            Need::HearingLoop,
        ];
        let mut p = plan("2026-06-15T10:00", "2026-06-15T12:00", Mode::FaceToFace);
        p.venue = Some(&features);
        p.needs = &needs;
        let b = check(&p, &[], at("2026-01-01T09:00"));
        assert_eq!(kinds(&b), [Check::Venue(VenueFeature::HearingLoop)]);
        assert_eq!(b[0].check.key(), "venue-hearing-loop");
        p.mode = Mode::Virtual;
        assert!(check(&p, &[], at("2026-01-01T09:00")).is_empty());
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
            rule(RuleKind::SpreadOfTimes, Some(3)).rule.values(),
            "checked from the 3rd meeting"
        );
    }
}
