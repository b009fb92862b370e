//! Checking a planned activity against the meeting rules in force, and its venue
//! against what the people coming need. Nothing here reads a clock or a database:
//! the caller gives the plan, the rules in force and the time now. A breach is a
//! warning the organiser may go ahead past with a reason; it never stops a plan on
//! its own.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use chrono_tz::Europe::London;

use super::{RuleInForce, RuleKind, Source, length, plural};
use crate::Vocabulary;
use crate::activity::{ActivityType, Mode, VenueFeature};
use crate::needs::Need;

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
    use crate::meeting_rules::MeetingRule;
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
}
