//! Words people read: every message comes from the Fluent files in `locales/`, in
//! British English and, for the pages participants use, in Polish.
//!
//! A message may have an `.easy` attribute: its Easy Read form, with short sentences
//! and hard words explained, shown when a person turns Easy Read on.
//!
//! This module must not hold any text itself: text lives in the `.ftl` files.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-GB",
        // Unicode isolation marks would show up in HTML attributes and tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages Coproduce speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    EnGb,
    Pl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::EnGb, Lang::Pl];

    /// The language tag, as in `<html lang>` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::EnGb => "en-GB",
            Lang::Pl => "pl",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::EnGb => "English",
            Lang::Pl => "Polski",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().unwrap_or_default()
    }
}

/// The words of the JSON API, which answers programs in British English.
pub const API: Tr = Tr {
    lang: Lang::EnGb,
    easy: false,
};

/// Looks messages up in one language, in Easy Read where asked and available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr {
    pub lang: Lang,
    pub easy: bool,
}

impl Tr {
    /// The message `key`; its `.easy` form when Easy Read is on and one exists. A key
    /// with no message at all shows as the key, so a gap is seen, never hidden.
    pub fn t(&self, key: &str) -> String {
        self.lookup(key, None)
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_string()));
        self.lookup(key, Some(&args))
    }

    /// The message `key` with whole-number arguments, which Fluent can choose plural
    /// forms by.
    pub fn tn(&self, key: &str, numbers: &[(&'static str, i64)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = numbers
            .iter()
            .map(|(name, n)| (Cow::Borrowed(*name), FluentValue::from(*n)))
            .collect();
        self.lookup(key, Some(&args))
    }

    /// The message `key` with two arguments.
    pub fn t2(
        &self,
        key: &str,
        a: (&'static str, impl ToString),
        b: (&'static str, impl ToString),
    ) -> String {
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed(a.0), FluentValue::from(a.1.to_string()));
        args.insert(Cow::Borrowed(b.0), FluentValue::from(b.1.to_string()));
        self.lookup(key, Some(&args))
    }

    /// A vocabulary value's label (`organisation kind`, `rung`...) in this language:
    /// the message `vocab-NOUN-SLUG` if there is one, the English label otherwise.
    pub fn label<V: coproduce_domain::Vocabulary>(&self, v: V) -> String {
        let key = format!("vocab-{}-{}", V::NOUN.replace(' ', "-"), v.slug());
        LOCALES
            .try_lookup_complete(&self.lang.id(), &key, None)
            .unwrap_or_else(|| v.label().to_string())
    }

    /// Why a check refused a value, in this language: the message `why-CODE`, with the
    /// field's name (already in this language) as `$field` and the problem's values. A
    /// `date` value is shown as this language writes dates.
    pub fn why(&self, problem: &coproduce_domain::text::Problem, field: &str) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = problem
            .args()
            .into_iter()
            .map(|(name, value)| {
                let value = match chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                    Ok(d) if name == "date" => self.date(d),
                    _ => value,
                };
                (Cow::Borrowed(name), FluentValue::from(value))
            })
            .collect();
        args.insert(Cow::Borrowed("field"), FluentValue::from(field.to_string()));
        self.lookup(&format!("why-{}", problem.code()), Some(&args))
    }

    /// A date as people read it in this language: "27 December 2025", "27 grudnia
    /// 2025". The month names are Fluent messages (`month-1` to `month-12`).
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed("day"), FluentValue::from(d.day().to_string()));
        args.insert(
            Cow::Borrowed("month"),
            FluentValue::from(self.t(&format!("month-{}", d.month()))),
        );
        args.insert(
            Cow::Borrowed("year"),
            FluentValue::from(d.year().to_string()),
        );
        self.lookup("date", Some(&args))
    }

    /// A moment as people read it in this language, on a London clock: "Tuesday 14
    /// March 2026, 18:30".
    pub fn date_time(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        use chrono::Datelike;
        let local = t.with_timezone(&chrono_tz::Europe::London);
        let mut args = HashMap::new();
        args.insert(
            Cow::Borrowed("weekday"),
            FluentValue::from(self.t(&format!("weekday-{}", local.weekday().number_from_monday()))),
        );
        args.insert(
            Cow::Borrowed("date"),
            FluentValue::from(self.date(local.date_naive())),
        );
        args.insert(
            Cow::Borrowed("time"),
            FluentValue::from(local.format("%H:%M").to_string()),
        );
        self.lookup("date-time", Some(&args))
    }

    fn lookup(
        &self,
        key: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
    ) -> String {
        let id = self.lang.id();
        if self.easy
            && let Some(s) = LOCALES.try_lookup_complete(&id, &format!("{key}.easy"), args)
        {
            return s;
        }
        LOCALES
            .try_lookup_complete(&id, key, args)
            .unwrap_or_else(|| key.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_come_in_both_languages_and_easy_read() {
        let en = Tr::default();
        let pl = Tr {
            lang: Lang::Pl,
            easy: false,
        };
        assert_eq!(en.t("sign-in"), "Sign in");
        assert_ne!(pl.t("sign-in"), "Sign in");
        let easy = Tr {
            lang: Lang::EnGb,
            easy: true,
        };
        assert_ne!(easy.t("sign-in-new"), en.t("sign-in-new"));
        assert_eq!(
            easy.t("sign-in"),
            en.t("sign-in"),
            "no .easy form: the plain one"
        );
        assert_eq!(en.t("no-such-message"), "no-such-message");
        assert!(
            en.t1("demo-banner-role", "role", "Administrator")
                .contains("Administrator")
        );
    }

    /// The messages (and their attributes) a Fluent file defines.
    fn ids(src: &str) -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        let mut current = String::new();
        for line in src.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !line.starts_with(' ')
                && !line.starts_with('#')
                && !id.is_empty()
            {
                current = id.to_string();
                out.insert(current.clone());
            } else if let Some(attr) = line.trim_start().strip_prefix('.')
                && line.starts_with(' ')
                && let Some((name, _)) = attr.split_once(" =")
            {
                out.insert(format!("{current}.{name}"));
            }
        }
        out
    }

    #[test]
    fn polish_has_every_message_english_has() {
        let files = [
            (
                "frame",
                include_str!("../locales/en-GB/frame.ftl"),
                include_str!("../locales/pl/frame.ftl"),
            ),
            (
                "public",
                include_str!("../locales/en-GB/public.ftl"),
                include_str!("../locales/pl/public.ftl"),
            ),
            (
                "account",
                include_str!("../locales/en-GB/account.ftl"),
                include_str!("../locales/pl/account.ftl"),
            ),
            (
                "recovery",
                include_str!("../locales/en-GB/recovery.ftl"),
                include_str!("../locales/pl/recovery.ftl"),
            ),
            (
                "problems",
                include_str!("../locales/en-GB/problems.ftl"),
                include_str!("../locales/pl/problems.ftl"),
            ),
            (
                "me",
                include_str!("../locales/en-GB/me.ftl"),
                include_str!("../locales/pl/me.ftl"),
            ),
            (
                "letters",
                include_str!("../locales/en-GB/letters.ftl"),
                include_str!("../locales/pl/letters.ftl"),
            ),
        ];
        for (name, en, pl) in files {
            let (en, pl) = (ids(en), ids(pl));
            let missing: Vec<_> = en
                .iter()
                .filter(|k| !k.ends_with(".easy") && !pl.contains(*k))
                .collect();
            assert!(missing.is_empty(), "{name}.ftl: Polish lacks {missing:?}");
            let extra: Vec<_> = pl
                .iter()
                .filter(|k| !k.ends_with(".easy") && !en.contains(*k))
                .collect();
            assert!(
                extra.is_empty(),
                "{name}.ftl: Polish has {extra:?} that English does not"
            );
        }
    }

    #[test]
    fn every_problem_a_check_gives_is_worded_in_both_languages() {
        use coproduce_domain::text::Problem;
        let names = [
            "field", "max", "len", "given", "min", "noun", "id", "time", "date", "part", "days",
            "what", "key", "known", "expected", "first", "last", "row", "count", "named", "found",
            "name",
        ];
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = names
            .into_iter()
            .map(|n| (Cow::Borrowed(n), FluentValue::from("x")))
            .collect();
        for lang in Lang::ALL {
            for code in Problem::CODES {
                let key = format!("why-{code}");
                assert!(
                    LOCALES
                        .try_lookup_complete(&lang.id(), &key, Some(&args))
                        .is_some(),
                    "{} has no message {key}",
                    lang.code()
                );
            }
        }
        let en = Tr::default();
        let pl = Tr {
            lang: Lang::Pl,
            easy: false,
        };
        let empty = Problem::Empty;
        assert_eq!(
            en.why(&empty, "Project name"),
            "Project name must not be empty"
        );
        assert_eq!(pl.why(&empty, "Nazwa"), "Pole „Nazwa” nie może być puste");
        assert_eq!(
            en.why(&Problem::DateLacks("month"), "The start date"),
            "The start date must include a month"
        );
        let clocks = chrono::NaiveDate::from_ymd_opt(2026, 3, 29)
            .and_then(|d| d.and_hms_opt(1, 30, 0))
            .map(Problem::TimeDoesNotExist);
        let clocks = clocks.as_ref().map(|p| (en.why(p, ""), pl.why(p, "")));
        let (en_clocks, pl_clocks) = clocks.unwrap_or_default();
        assert!(en_clocks.starts_with("01:30 on 29 March 2026 does not exist"));
        assert!(pl_clocks.starts_with("Godzina 01:30 w dniu 29 marca 2026"));
        let t = chrono::DateTime::parse_from_rfc3339("2026-07-14T17:30:00Z")
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_default();
        assert_eq!(en.date_time(t), "Tuesday 14 July 2026, 18:30");
        assert_eq!(pl.date_time(t), "wtorek, 14 lipca 2026, 18:30");
    }

    /// Every value of the vocabularies participants read has a Polish name.
    #[test]
    fn participants_read_every_vocabulary_in_polish() {
        use coproduce_domain::Vocabulary;
        use coproduce_domain::{consent, equality, needs, person};
        fn all<V: Vocabulary>(missing: &mut Vec<String>) {
            let pl = Tr {
                lang: Lang::Pl,
                easy: false,
            };
            for v in V::ALL {
                if pl.label(*v) == v.label() && v.slug() != "online" {
                    missing.push(format!("{} {}", V::NOUN, v.slug()));
                }
            }
        }
        let mut missing = Vec::new();
        all::<equality::EthnicGroup>(&mut missing);
        all::<equality::EthnicGroupHeading>(&mut missing);
        all::<equality::AgeBand>(&mut missing);
        all::<equality::Sex>(&mut missing);
        all::<equality::GenderIdentity>(&mut missing);
        all::<equality::SexualOrientation>(&mut missing);
        all::<equality::Disability>(&mut missing);
        all::<equality::Religion>(&mut missing);
        all::<equality::CarerStatus>(&mut missing);
        all::<equality::Pregnancy>(&mut missing);
        all::<equality::Partnership>(&mut missing);
        all::<person::PersonRole>(&mut missing);
        all::<person::ContactMethod>(&mut missing);
        all::<person::ServiceArea>(&mut missing);
        all::<person::Language>(&mut missing);
        all::<person::AttendanceStatus>(&mut missing);
        all::<needs::Need>(&mut missing);
        all::<consent::Purpose>(&mut missing);
        all::<consent::ConsentMethod>(&mut missing);
        assert!(missing.is_empty(), "no Polish name for {missing:?}");
    }
}
