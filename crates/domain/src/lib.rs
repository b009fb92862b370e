//! The rules of co-production, as types and pure functions.
//!
//! This crate is the vocabulary every other crate speaks: the ladder of co-production,
//! organisations, charters and their commitments, activities and their times, and the
//! definitions of indicators. It does no I/O, holds no database or HTTP types, and is
//! not async. Values that come from outside are parsed into types here (`parse`, not
//! `validate`), so the rest of the system can trust them.

pub mod account;
pub mod activity;
pub mod calendar;
pub mod charter;
pub mod charter_file;
pub mod consent;
pub mod equality;
pub mod feedback;
pub mod indicator;
pub mod input;
pub mod invitation;
pub mod ladder;
pub mod meeting_rules;
pub mod money;
pub mod needs;
pub mod network;
pub mod opportunity;
pub mod organisation;
pub mod outcome;
pub mod papers;
pub mod payment;
pub mod person;
pub mod personal;
pub mod project;
pub mod recognition;
pub mod said_form;
pub mod templates;
pub mod text;
pub mod time;

/// An enumeration whose values have a stable machine name (its "slug", used in files,
/// URLs, the API and the database) and a label for people.
pub trait Vocabulary: Sized + Copy + 'static {
    /// Every value, in the order people expect to see them.
    const ALL: &'static [Self];
    /// What the vocabulary is called in messages ("rung", "activity type").
    const NOUN: &'static str;
    fn slug(self) -> &'static str;
    fn label(self) -> &'static str;

    /// Other ways people write a value: common spellings, abbreviations, older
    /// wordings. Compared as [`fold`] folds them.
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }

    /// Parses a slug exactly, as machines send it (the API, the database, URLs); the
    /// error lists every accepted value.
    fn parse(s: &str) -> Result<Self, UnknownValue> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.slug() == s)
            .ok_or_else(|| UnknownValue {
                noun: Self::NOUN,
                given: s.to_string(),
                expected: Self::ALL.iter().map(|v| v.slug()).collect(),
            })
    }

    /// Every way of writing a value that [`read_exact`](Vocabulary::read_exact)
    /// accepts: each value's slug, label and aliases, each once, slugs first. The
    /// API's contract lists these.
    fn spellings() -> Vec<&'static str> {
        let mut all: Vec<&'static str> = Self::ALL.iter().map(|v| v.slug()).collect();
        for v in Self::ALL {
            for s in std::iter::once(v.label()).chain(v.aliases().iter().copied()) {
                if !all.contains(&s) {
                    all.push(s);
                }
            }
        }
        all
    }

    /// Reads a value written exactly as one of its [`spellings`](Vocabulary::spellings):
    /// its slug, its label, or one of its aliases, after trimming. This is how the API
    /// reads values, so that what its contract lists is exactly what it accepts.
    fn read_exact(s: &str) -> Result<Self, UnknownValue> {
        let t = s.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.slug() == t)
            .or_else(|| {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.label() == t || v.aliases().contains(&t))
            })
            .ok_or_else(|| UnknownValue {
                noun: Self::NOUN,
                given: t.to_string(),
                expected: Self::ALL.iter().map(|v| v.slug()).collect(),
            })
    }

    /// Reads a value as a person writes it (a spreadsheet, a charter file, a typed
    /// field): its slug, its label or one of its [`aliases`](Vocabulary::aliases),
    /// ignoring case, spacing and punctuation, and a plural "s".
    fn read(s: &str) -> Result<Self, UnknownValue> {
        let t = s.trim();
        if let Ok(v) = Self::parse(t) {
            return Ok(v);
        }
        let folded = fold(t);
        let find = |f: &str| {
            Self::ALL.iter().copied().find(|v| {
                fold(v.slug()) == f
                    || fold(v.label()) == f
                    || v.aliases().iter().any(|a| fold(a) == f)
            })
        };
        (!folded.is_empty())
            .then(|| find(&folded).or_else(|| folded.strip_suffix('s').and_then(find)))
            .flatten()
            .ok_or_else(|| UnknownValue {
                noun: Self::NOUN,
                given: t.to_string(),
                expected: Self::ALL.iter().map(|v| v.slug()).collect(),
            })
    }
}

/// Text folded for comparing as people write it: lower case, letters and digits
/// only ("Large print (24pt)" and "large-print 24 PT" fold alike).
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The problem with a value that is none of a vocabulary's values.
pub fn unknown<V: Vocabulary>(given: &str) -> text::Problem {
    text::Problem::Unknown {
        noun: V::NOUN,
        given: given.to_string(),
        expected: V::ALL.iter().map(|v| v.slug()).collect(),
    }
}

/// A value that is not one of a vocabulary's slugs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {noun} \"{given}\"; expected one of {}", expected.join(", "))]
pub struct UnknownValue {
    pub noun: &'static str,
    pub given: String,
    pub expected: Vec<&'static str>,
}

impl From<UnknownValue> for text::Problem {
    fn from(u: UnknownValue) -> Self {
        text::Problem::Unknown {
            noun: u.noun,
            given: u.given,
            expected: u.expected,
        }
    }
}

/// Declares a [`Vocabulary`] enum from `Variant => ("slug", "Label")` pairs, each
/// with its aliases if it has any: `Variant => ("slug", "Label", ["alias", ...])`.
#[macro_export]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($noun:literal) {
            $( $(#[$vmeta:meta])* $variant:ident => ($slug:literal, $label:literal $(, [$($alias:literal),* $(,)?])?) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $crate::Vocabulary for $name {
            const ALL: &'static [Self] = &[ $( Self::$variant ),+ ];
            const NOUN: &'static str = $noun;
            fn slug(self) -> &'static str {
                match self { $( Self::$variant => $slug ),+ }
            }
            fn label(self) -> &'static str {
                match self { $( Self::$variant => $label ),+ }
            }
            fn aliases(self) -> &'static [&'static str] {
                match self { $( Self::$variant => &[$($($alias),*)?] ),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::Vocabulary::label(*self))
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::UnknownValue;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                <Self as $crate::Vocabulary>::parse(&s)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <Self as $crate::Vocabulary>::parse(s)
            }
        }
    };
}
