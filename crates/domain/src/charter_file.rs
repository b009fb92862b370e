//! The charter file format (TOML), documented in `docs/charter-format.md`.
//!
//! Reading keeps the position of every value, so each problem is reported with its
//! line and field: `line 14, field sections[1].commitments[0].rung: unknown rung ...`.
//! A file with any problem yields no charter at all.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::Vocabulary;
use crate::charter::CommitmentKind;
use crate::charter::{
    Charter, CharterDraft, CommitmentDraft, MeetingRuleDraft, SectionDraft, SettingsDraft,
};
use crate::indicator::IndicatorKey;
use crate::ladder::Rung;
use crate::meeting_rules::RuleKind;
use crate::text::Problem;

/// The only format version that exists.
pub const FORMAT: i64 = 1;

/// One problem in a charter file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub line: Option<usize>,
    pub field: Option<String>,
    /// In British English; a page words it from `problem` where there is one.
    pub message: String,
    /// Why the charter's checks refused the field; `None` for a problem with the
    /// file's TOML itself, which the TOML reader describes.
    pub problem: Option<Problem>,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.field) {
            (Some(l), Some(fd)) => write!(f, "line {l}, field `{fd}`: {}", self.message),
            (Some(l), None) => write!(f, "line {l}: {}", self.message),
            (None, Some(fd)) => write!(f, "field `{fd}`: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

/// Every problem found in a charter file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileErrors(pub Vec<FileProblem>);

impl fmt::Display for FileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FileErrors {}

type S = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InFile {
    format: Spanned<i64>,
    charter: InCharter,
    #[serde(default)]
    settings: InSettings,
    sections: Spanned<Vec<InSection>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InCharter {
    key: S,
    title: S,
    version: S,
    source: S,
    summary: Option<S>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct InSettings {
    feedback_days: Option<Spanned<i64>>,
    review_months: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InSection {
    key: S,
    title: S,
    source_ref: S,
    intro: Option<S>,
    #[serde(default)]
    commitments: Vec<InCommitment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InCommitment {
    key: S,
    text: S,
    source_ref: S,
    kind: Option<S>,
    rung: Option<S>,
    indicator: Option<S>,
    #[serde(default)]
    meeting_rules: Vec<InRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InRule {
    rule: S,
    amount: Option<Spanned<i64>>,
    #[serde(default)]
    windows: Vec<S>,
    #[serde(default)]
    not_counting: Vec<S>,
}

fn line_of(src: &str, offset: usize) -> usize {
    src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Remembers the line of each field path while a file's values are taken out.
struct Positions<'a> {
    src: &'a str,
    lines: HashMap<String, usize>,
}

impl Positions<'_> {
    fn take(&mut self, path: &str, s: &S) -> String {
        self.lines
            .insert(path.to_string(), line_of(self.src, s.span().start));
        s.get_ref().clone()
    }

    fn take_opt(&mut self, path: &str, s: &Option<S>) -> Option<String> {
        s.as_ref().map(|s| self.take(path, s))
    }

    fn number(&mut self, path: &str, v: &Spanned<i64>) -> i64 {
        self.lines
            .insert(path.to_string(), line_of(self.src, v.span().start));
        *v.get_ref()
    }
}

/// Reads a charter file. Every problem is returned, each with a line where one is known.
pub fn parse(src: &str) -> Result<Charter, FileErrors> {
    let file: InFile = toml::from_str(src).map_err(|e| {
        FileErrors(vec![FileProblem {
            line: e.span().map(|s| line_of(src, s.start)),
            field: None,
            message: e.message().trim().to_string(),
            problem: None,
        }])
    })?;
    if *file.format.get_ref() != FORMAT {
        let unknown = Problem::UnknownFormat {
            given: *file.format.get_ref(),
            known: FORMAT,
        };
        return Err(FileErrors(vec![FileProblem {
            line: Some(line_of(src, file.format.span().start)),
            field: Some("format".into()),
            message: unknown.to_string(),
            problem: Some(unknown),
        }]));
    }
    // Where each field path sits in the file, to name lines in the checks' errors.
    let mut at = Positions {
        src,
        lines: HashMap::new(),
    };
    let c = &file.charter;
    let mut draft = CharterDraft {
        key: at.take("key", &c.key),
        title: at.take("title", &c.title),
        version: at.take("version", &c.version),
        source: at.take("source", &c.source),
        summary: at.take_opt("summary", &c.summary),
        settings: SettingsDraft {
            feedback_days: file
                .settings
                .feedback_days
                .as_ref()
                .map(|v| at.number("settings.feedback_days", v)),
            review_months: file
                .settings
                .review_months
                .as_ref()
                .map(|v| at.number("settings.review_months", v)),
        },
        sections: Vec::new(),
    };
    at.lines
        .insert("sections".into(), line_of(src, file.sections.span().start));
    for (i, s) in file.sections.get_ref().iter().enumerate() {
        let p = |f: &str| format!("sections[{i}].{f}");
        at.lines
            .insert(p("commitments"), line_of(src, s.key.span().start));
        let mut section = SectionDraft {
            key: at.take(&p("key"), &s.key),
            title: at.take(&p("title"), &s.title),
            source_ref: at.take(&p("source_ref"), &s.source_ref),
            intro: at.take_opt(&p("intro"), &s.intro),
            commitments: Vec::new(),
        };
        for (j, m) in s.commitments.iter().enumerate() {
            let p = |f: &str| format!("sections[{i}].commitments[{j}].{f}");
            section.commitments.push(CommitmentDraft {
                key: at.take(&p("key"), &m.key),
                text: at.take(&p("text"), &m.text),
                source_ref: at.take(&p("source_ref"), &m.source_ref),
                kind: as_written::<CommitmentKind>(at.take_opt(&p("kind"), &m.kind)),
                rung: as_written::<Rung>(at.take_opt(&p("rung"), &m.rung)),
                indicator: as_written::<IndicatorKey>(at.take_opt(&p("indicator"), &m.indicator)),
                meeting_rules: m
                    .meeting_rules
                    .iter()
                    .enumerate()
                    .map(|(k, r)| {
                        let p = |f: &str| {
                            format!("sections[{i}].commitments[{j}].meeting_rules[{k}].{f}")
                        };
                        MeetingRuleDraft {
                            rule: as_written::<RuleKind>(Some(at.take(&p("rule"), &r.rule)))
                                .unwrap_or_default(),
                            amount: r.amount.as_ref().map(|v| at.number(&p("amount"), v)),
                            windows: r
                                .windows
                                .iter()
                                .enumerate()
                                .map(|(w, v)| at.take(&p(&format!("windows[{w}]")), v))
                                .collect(),
                            not_counting: r
                                .not_counting
                                .iter()
                                .enumerate()
                                .map(|(n, v)| {
                                    as_written::<crate::activity::ActivityType>(Some(
                                        at.take(&p(&format!("not_counting[{n}]")), v),
                                    ))
                                    .unwrap_or_default()
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            });
        }
        draft.sections.push(section);
    }
    let lines = at.lines;
    Charter::from_draft(&draft).map_err(|errs| {
        FileErrors(
            errs.0
                .into_iter()
                .map(|e| FileProblem {
                    line: lines.get(&e.field).copied(),
                    field: Some(e.field),
                    message: e.message,
                    problem: e.problem,
                })
                .collect(),
        )
    })
}

#[derive(Serialize)]
struct OutFile<'a> {
    format: i64,
    charter: OutCharter<'a>,
    settings: OutSettings,
    sections: Vec<OutSection<'a>>,
}

#[derive(Serialize)]
struct OutCharter<'a> {
    key: &'a str,
    title: &'a str,
    version: &'a str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
}

#[derive(Serialize)]
struct OutSettings {
    feedback_days: u16,
    review_months: u16,
}

#[derive(Serialize)]
struct OutSection<'a> {
    key: &'a str,
    title: &'a str,
    source_ref: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    intro: Option<&'a str>,
    commitments: Vec<OutCommitment<'a>>,
}

#[derive(Serialize)]
struct OutCommitment<'a> {
    key: &'a str,
    text: &'a str,
    source_ref: &'a str,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rung: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicator: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    meeting_rules: Vec<OutRule>,
}

#[derive(Serialize)]
struct OutRule {
    rule: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    windows: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_counting: Vec<&'static str>,
}

/// Writes a charter in the file format; [`parse`] gives the same charter back.
pub fn write(c: &Charter) -> String {
    use crate::Vocabulary;
    let out = OutFile {
        format: FORMAT,
        charter: OutCharter {
            key: &c.key,
            title: &c.title,
            version: &c.version,
            source: &c.source,
            summary: c.summary.as_deref(),
        },
        settings: OutSettings {
            feedback_days: c.settings.feedback_days,
            review_months: c.settings.review_months,
        },
        sections: c
            .sections
            .iter()
            .map(|s| OutSection {
                key: &s.key,
                title: &s.title,
                source_ref: &s.source_ref,
                intro: s.intro.as_deref(),
                commitments: s
                    .commitments
                    .iter()
                    .map(|m| OutCommitment {
                        key: &m.key,
                        text: &m.text,
                        source_ref: &m.source_ref,
                        kind: m.kind.slug(),
                        rung: m.rung.map(|r| r.slug()),
                        indicator: m.indicator.map(|i| i.slug()),
                        meeting_rules: m
                            .meeting_rules
                            .iter()
                            .map(|r| OutRule {
                                rule: r.kind.slug(),
                                amount: r.amount,
                                windows: if r.kind == RuleKind::RushHours {
                                    r.windows.iter().map(ToString::to_string).collect()
                                } else {
                                    Vec::new()
                                },
                                not_counting: r.not_counting.iter().map(|t| t.slug()).collect(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let body = toml::to_string_pretty(&out).unwrap_or_else(|e| format!("# could not write: {e}\n"));
    format!(
        "# Coproduce charter file: {} (version {})\n# Format: docs/charter-format.md\n\n{body}",
        c.title, c.version
    )
}

/// A vocabulary value in a charter file, read as people write it (any case, spacing
/// or punctuation, a label or a common spelling) and given on as its slug; a value
/// that cannot be read is passed on as written, for the check to name.
fn as_written<V: Vocabulary>(value: Option<String>) -> Option<String> {
    value.map(|v| match V::read(&v) {
        Ok(read) => read.slug().to_string(),
        Err(_) => v,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"format = 1

[charter]
key = "small"
title = "A small charter"
version = "1"
source = "Tests"

[settings]
feedback_days = 14

[[sections]]
key = "A"
title = "First"
source_ref = "A"

[[sections.commitments]]
key = "A1"
text = "We tell people what happened."
source_ref = "A1"
indicator = "feedback-within-days"

[[sections.commitments]]
key = "A2"
text = "We listen."
source_ref = "A2"
rung = "co-production"
"#;

    fn problems(src: &str) -> Vec<String> {
        parse(src)
            .unwrap_err()
            .0
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_and_writes_the_same_charter() {
        let c = parse(GOOD).unwrap();
        assert_eq!(c.settings.feedback_days, 14);
        assert_eq!(c.commitment_count(), 2);
        let again = parse(&write(&c)).unwrap();
        assert_eq!(again, c);
    }

    #[test]
    fn a_missing_field_names_the_field_and_line() {
        let src = GOOD.replace("text = \"We listen.\"\n", "");
        let p = problems(&src);
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("line 23"), "{p:?}");
        assert!(p[0].contains("missing field `text`"), "{p:?}");
    }

    #[test]
    fn a_duplicate_commitment_key_names_its_line() {
        let src = GOOD.replace("key = \"A2\"", "key = \"A1\"");
        assert_eq!(
            problems(&src),
            [
                "line 24, field `sections[0].commitments[1].key`: commitment key \"A1\" is used twice"
            ]
        );
    }

    #[test]
    fn an_unknown_rung_names_its_line() {
        let src = GOOD.replace("\"co-production\"", "\"co-operation\"");
        assert_eq!(
            problems(&src),
            [
                "line 27, field `sections[0].commitments[1].rung`: unknown rung \"co-operation\"; expected one of coercion, educating, informing, consultation, engagement, co-design, co-production"
            ]
        );
    }

    #[test]
    fn values_are_read_as_people_write_them() {
        let src = GOOD.replace("\"co-production\"", "\"Co Production\"");
        let c = parse(&src).unwrap();
        let rung = c.sections[0].commitments[1].rung;
        assert_eq!(rung, Some(crate::ladder::Rung::CoProduction));
    }

    #[test]
    fn malformed_toml_names_its_line() {
        let src = GOOD.replace("title = \"First\"", "title = \"First");
        let p = problems(&src);
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("line 14:"), "{p:?}");
    }

    #[test]
    fn unknown_fields_and_formats_are_refused() {
        let p = problems(&GOOD.replace("rung = ", "rungs = "));
        assert!(p[0].contains("unknown field `rungs`"), "{p:?}");
        let p = problems(&GOOD.replace("format = 1", "format = 2"));
        assert_eq!(
            p,
            ["line 1, field `format`: format 2 is not known; this version reads format 1"]
        );
        let p = problems(&GOOD.replace("feedback_days = 14", "feedback_days = 0"));
        assert_eq!(
            p,
            ["line 10, field `settings.feedback_days`: must be between 1 and 365 (it is 0)"]
        );
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert!(!problems("").is_empty());
        assert!(!problems("\u{0}\u{1}garbage").is_empty());
    }
}
