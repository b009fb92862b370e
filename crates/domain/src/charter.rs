//! Charters: versioned documents of sections and commitments that organisations adopt.
//!
//! A charter arrives as a [`CharterDraft`] (from a file, the API or a built-in template)
//! and becomes a [`Charter`] only through [`Charter::from_draft`], which checks every
//! field and reports every problem with its field path. Nothing downstream re-checks.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::activity::ActivityType;
use crate::indicator::{DEFAULT_FEEDBACK_DAYS, IndicatorKey};
use crate::ladder::Rung;
use crate::meeting_rules::{MeetingRule, RuleKind, Window};
use crate::text::{self, FieldErrors, Problem};
use crate::{Vocabulary, vocabulary};

vocabulary! {
    /// What sort of promise or statement an entry in a charter is.
    pub enum CommitmentKind ("commitment kind") {
        Commitment => ("commitment", "Commitment"),
        Right => ("right", "Right"),
        Responsibility => ("responsibility", "Responsibility"),
        Principle => ("principle", "Principle"),
        Rule => ("rule", "Rule"),
        Rung => ("rung", "Rung of the ladder"),
    }
}

vocabulary! {
    /// Where an organisation stands with a charter it was invited to sign.
    pub enum SignatoryStatus ("signatory status") {
        Invited => ("invited", "Invited"),
        Signed => ("signed", "Signed"),
        Declined => ("declined", "Declined"),
    }
}

/// A charter as it arrives, before any checks. Field names match the file format; the
/// same shape is the API's charter body, so it is a serde boundary type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CharterDraft {
    /// 2 to 60 lowercase letters, digits and hyphens.
    pub key: String,
    pub title: String,
    /// A label such as "2019" or "v2.1".
    pub version: String,
    /// Who wrote the charter.
    pub source: String,
    pub summary: Option<String>,
    #[serde(default)]
    pub settings: SettingsDraft,
    pub sections: Vec<SectionDraft>,
}

/// A charter's settings as they arrive; a missing setting takes its default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SettingsDraft {
    /// Days within which people hear what happened to what they said: 1 to 365,
    /// default 28.
    pub feedback_days: Option<i64>,
    /// The charter is reviewed at least this often: 1 to 36 months, default 12.
    pub review_months: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SectionDraft {
    pub key: String,
    pub title: String,
    pub source_ref: String,
    pub intro: Option<String>,
    pub commitments: Vec<CommitmentDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CommitmentDraft {
    /// Unique within the whole charter.
    pub key: String,
    pub text: String,
    /// Where in the source document this comes from.
    pub source_ref: String,
    /// commitment (default), right, responsibility, principle, rule or rung.
    pub kind: Option<String>,
    /// A rung of the ladder of co-production, bottom to top: coercion, educating,
    /// informing, consultation, engagement, co-design, co-production.
    pub rung: Option<String>,
    /// The indicator that measures this commitment: feedback-within-days.
    pub indicator: Option<String>,
    /// Rules for meetings that come from this commitment, checked as activities
    /// are planned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meeting_rules: Vec<MeetingRuleDraft>,
}

/// A rule for meetings as it arrives, before any checks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingRuleDraft {
    /// longest-face-to-face, longest-online, rush-hours, debrief, papers-before,
    /// ground-rules or spread-of-times.
    pub rule: String,
    /// Minutes (the time limits, 15 to 1440; the debrief, 5 to 120), days (papers
    /// before, 1 to 60) or meetings (spread of times: checked from this many, 2 to
    /// 50). Omitted for rush hours and ground rules; a default otherwise.
    pub amount: Option<i64>,
    /// For rush hours: spans of the week in London time, such as "Mon-Fri
    /// 06:30-09:30". Omitted: weekdays 06:30-09:30 and 16:00-19:00.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub windows: Vec<String>,
    /// For a time limit: kinds of activity it does not count, such as event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_counting: Vec<String>,
}

/// A checked charter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charter {
    pub key: String,
    pub title: String,
    pub version: String,
    pub source: String,
    pub summary: Option<String>,
    pub settings: CharterSettings,
    pub sections: Vec<Section>,
}

/// Settings a charter fixes for the organisations that adopt it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CharterSettings {
    /// Days within which people hear what happened to what they said.
    pub feedback_days: u16,
    /// The charter is reviewed at least this often.
    pub review_months: u16,
}

impl Default for CharterSettings {
    fn default() -> Self {
        Self {
            feedback_days: DEFAULT_FEEDBACK_DAYS,
            review_months: 12,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub key: String,
    pub title: String,
    pub source_ref: String,
    pub intro: Option<String>,
    pub commitments: Vec<Commitment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    pub key: String,
    pub text: String,
    pub source_ref: String,
    pub kind: CommitmentKind,
    pub rung: Option<Rung>,
    pub indicator: Option<IndicatorKey>,
    pub meeting_rules: Vec<MeetingRule>,
}

/// Checks a charter key: 2 to 60 lowercase letters, digits and single hyphens.
pub fn parse_key(s: &str) -> Result<String, Problem> {
    let ok = (2..=60).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if ok {
        Ok(s.to_string())
    } else {
        Err(Problem::NotCharterKey(s.to_string()))
    }
}

fn in_range(v: Option<i64>, min: i64, max: i64, default: u16) -> Result<u16, Problem> {
    match v {
        None => Ok(default),
        Some(n) if (min..=max).contains(&n) => Ok(n as u16),
        Some(given) => Err(Problem::OutOfRange { min, max, given }),
    }
}

/// Checks one meeting rule of a commitment, naming each problem on its field.
fn read_rule(
    r: &MeetingRuleDraft,
    at: &dyn Fn(&str) -> String,
    errs: &mut FieldErrors,
) -> Option<MeetingRule> {
    let kind = errs.take(&at("rule"), RuleKind::read_exact(&r.rule));
    let mut windows = Vec::new();
    for (w, s) in r.windows.iter().enumerate() {
        if let Some(window) = errs.take(&at(&format!("windows[{w}]")), Window::parse(s)) {
            windows.push(window);
        }
    }
    let mut not_counting = Vec::new();
    for (n, s) in r.not_counting.iter().enumerate() {
        if let Some(t) = errs.take(
            &at(&format!("not_counting[{n}]")),
            ActivityType::read_exact(s),
        ) {
            not_counting.push(t);
        }
    }
    match MeetingRule::new(kind?, r.amount, windows, not_counting) {
        Ok(rule) => Some(rule),
        Err(problems) => {
            for (field, p) in problems {
                errs.add(at(field), p);
            }
            None
        }
    }
}

/// The draft that gives back a checked rule.
fn rule_draft(r: &MeetingRule) -> MeetingRuleDraft {
    MeetingRuleDraft {
        rule: r.kind.slug().to_string(),
        amount: r.amount,
        windows: if r.kind == RuleKind::RushHours {
            r.windows.iter().map(ToString::to_string).collect()
        } else {
            Vec::new()
        },
        not_counting: r
            .not_counting
            .iter()
            .map(|t| t.slug().to_string())
            .collect(),
    }
}

impl Charter {
    /// The rules for meetings the charter states, each with the key and text of the
    /// commitment it comes from.
    pub fn meeting_rules(&self) -> impl Iterator<Item = (&Commitment, &MeetingRule)> {
        self.sections
            .iter()
            .flat_map(|s| s.commitments.iter())
            .flat_map(|c| c.meeting_rules.iter().map(move |r| (c, r)))
    }

    /// The charter's words as plain text, for a network that adopts it to keep with
    /// that version: its summary, then each section's title, introduction and
    /// commitments, one a line.
    pub fn plain_text(&self) -> String {
        let mut out = Vec::new();
        if let Some(s) = &self.summary {
            out.push(s.clone());
        }
        for section in &self.sections {
            let mut part = vec![section.title.clone()];
            if let Some(i) = &section.intro {
                part.push(i.clone());
            }
            part.extend(section.commitments.iter().map(|c| format!("- {}", c.text)));
            out.push(part.join("\n"));
        }
        out.join("\n\n")
    }

    /// Checks a draft, reporting every problem with its field path
    /// (`sections[1].commitments[0].rung`).
    pub fn from_draft(d: &CharterDraft) -> Result<Charter, FieldErrors> {
        let mut errs = FieldErrors::new();
        let key = errs.take("key", parse_key(d.key.trim()));
        let title = errs.take("title", text::required(&d.title, text::SHORT));
        let version = errs.take("version", text::required(&d.version, 40));
        let source = errs.take("source", text::required(&d.source, text::SHORT));
        let summary = errs.take("summary", text::optional(d.summary.as_deref(), text::LONG));
        let defaults = CharterSettings::default();
        let feedback_days = errs.take(
            "settings.feedback_days",
            in_range(d.settings.feedback_days, 1, 365, defaults.feedback_days),
        );
        let review_months = errs.take(
            "settings.review_months",
            in_range(d.settings.review_months, 1, 36, defaults.review_months),
        );
        if d.sections.is_empty() {
            errs.add("sections", Problem::NoSections);
        }
        let mut section_keys = HashSet::new();
        let mut commitment_keys = HashSet::new();
        let mut rule_kinds = HashSet::new();
        let mut sections = Vec::with_capacity(d.sections.len());
        for (i, s) in d.sections.iter().enumerate() {
            let at = |f: &str| format!("sections[{i}].{f}");
            let skey = errs.take(&at("key"), text::required(&s.key, 40));
            if let Some(k) = &skey
                && !section_keys.insert(k.clone())
            {
                errs.add(
                    at("key"),
                    Problem::KeyUsedTwice {
                        what: "section",
                        key: k.clone(),
                    },
                );
            }
            let stitle = errs.take(&at("title"), text::required(&s.title, text::SHORT));
            let sref = errs.take(
                &at("source_ref"),
                text::required(&s.source_ref, text::SHORT),
            );
            let intro = errs.take(&at("intro"), text::optional(s.intro.as_deref(), text::LONG));
            if s.commitments.is_empty() {
                errs.add(at("commitments"), Problem::NoCommitments);
            }
            let mut commitments = Vec::with_capacity(s.commitments.len());
            for (j, c) in s.commitments.iter().enumerate() {
                let at = |f: &str| format!("sections[{i}].commitments[{j}].{f}");
                let ckey = errs.take(&at("key"), text::required(&c.key, 40));
                if let Some(k) = &ckey
                    && !commitment_keys.insert(k.clone())
                {
                    errs.add(
                        at("key"),
                        Problem::KeyUsedTwice {
                            what: "commitment",
                            key: k.clone(),
                        },
                    );
                }
                let ctext = errs.take(&at("text"), text::required(&c.text, text::LONG));
                let cref = errs.take(
                    &at("source_ref"),
                    text::required(&c.source_ref, text::SHORT),
                );
                let kind = match c.kind.as_deref() {
                    None => Some(CommitmentKind::Commitment),
                    Some(k) => errs.take(&at("kind"), CommitmentKind::read_exact(k)),
                };
                let rung = match c.rung.as_deref() {
                    None => Some(None),
                    Some(r) => errs.take(&at("rung"), Rung::read_exact(r).map(Some)),
                };
                let indicator = match c.indicator.as_deref() {
                    None => Some(None),
                    Some(r) => errs.take(&at("indicator"), IndicatorKey::read_exact(r).map(Some)),
                };
                let mut meeting_rules = Vec::new();
                for (k, r) in c.meeting_rules.iter().enumerate() {
                    let at =
                        |f: &str| format!("sections[{i}].commitments[{j}].meeting_rules[{k}].{f}");
                    if let Some(rule) = read_rule(r, &at, &mut errs) {
                        if !rule_kinds.insert(rule.kind) {
                            errs.add(
                                at("rule"),
                                Problem::KeyUsedTwice {
                                    what: "meeting rule",
                                    key: rule.kind.slug().to_string(),
                                },
                            );
                        }
                        meeting_rules.push(rule);
                    }
                }
                // One order whatever the file's: the vocabulary's.
                meeting_rules.sort_by_key(|r| r.kind);
                if let (
                    Some(key),
                    Some(text),
                    Some(source_ref),
                    Some(kind),
                    Some(rung),
                    Some(indicator),
                ) = (ckey, ctext, cref, kind, rung, indicator)
                {
                    commitments.push(Commitment {
                        key,
                        text,
                        source_ref,
                        kind,
                        rung,
                        indicator,
                        meeting_rules,
                    });
                }
            }
            if let (Some(key), Some(title), Some(source_ref), Some(intro)) =
                (skey, stitle, sref, intro)
            {
                sections.push(Section {
                    key,
                    title,
                    source_ref,
                    intro,
                    commitments,
                });
            }
        }
        match (
            key,
            title,
            version,
            source,
            summary,
            feedback_days,
            review_months,
        ) {
            (
                Some(key),
                Some(title),
                Some(version),
                Some(source),
                Some(summary),
                Some(fd),
                Some(rm),
            ) if errs.is_empty() => Ok(Charter {
                key,
                title,
                version,
                source,
                summary,
                settings: CharterSettings {
                    feedback_days: fd,
                    review_months: rm,
                },
                sections,
            }),
            _ => Err(errs),
        }
    }

    /// The draft that gives back this charter: used to export it.
    pub fn to_draft(&self) -> CharterDraft {
        CharterDraft {
            key: self.key.clone(),
            title: self.title.clone(),
            version: self.version.clone(),
            source: self.source.clone(),
            summary: self.summary.clone(),
            settings: SettingsDraft {
                feedback_days: Some(self.settings.feedback_days.into()),
                review_months: Some(self.settings.review_months.into()),
            },
            sections: self
                .sections
                .iter()
                .map(|s| SectionDraft {
                    key: s.key.clone(),
                    title: s.title.clone(),
                    source_ref: s.source_ref.clone(),
                    intro: s.intro.clone(),
                    commitments: s
                        .commitments
                        .iter()
                        .map(|c| CommitmentDraft {
                            key: c.key.clone(),
                            text: c.text.clone(),
                            source_ref: c.source_ref.clone(),
                            kind: Some(c.kind.slug().to_string()),
                            rung: c.rung.map(|r| r.slug().to_string()),
                            indicator: c.indicator.map(|i| i.slug().to_string()),
                            meeting_rules: c.meeting_rules.iter().map(rule_draft).collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// How many commitments the charter holds in all.
    pub fn commitment_count(&self) -> usize {
        self.sections.iter().map(|s| s.commitments.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> CharterDraft {
        CharterDraft {
            key: "test-charter".into(),
            title: "Test".into(),
            version: "1".into(),
            source: "Us".into(),
            sections: vec![SectionDraft {
                key: "A".into(),
                title: "Section A".into(),
                source_ref: "A".into(),
                commitments: vec![CommitmentDraft {
                    key: "A1".into(),
                    text: "We listen.".into(),
                    source_ref: "A1".into(),
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn fields(d: &CharterDraft) -> Vec<String> {
        Charter::from_draft(d)
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_good_draft_round_trips() {
        let c = Charter::from_draft(&draft()).unwrap();
        assert_eq!(c.settings.feedback_days, 28);
        assert_eq!(Charter::from_draft(&c.to_draft()).unwrap(), c);
    }

    #[test]
    fn every_problem_is_named() {
        let mut d = draft();
        d.key = "Bad Key".into();
        d.settings.feedback_days = Some(0);
        let mut dup = d.sections[0].commitments[0].clone();
        dup.rung = Some("co-operation".into());
        d.sections[0].commitments.push(dup);
        assert_eq!(
            fields(&d),
            [
                "key",
                "settings.feedback_days",
                "sections[0].commitments[1].key",
                "sections[0].commitments[1].rung"
            ]
        );
    }

    #[test]
    fn empty_charters_and_sections_are_refused() {
        let mut d = draft();
        d.sections[0].commitments.clear();
        assert_eq!(fields(&d), ["sections[0].commitments"]);
        d.sections.clear();
        assert_eq!(fields(&d), ["sections"]);
    }
}
