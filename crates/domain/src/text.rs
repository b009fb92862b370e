//! Checks on free text and the field errors they produce.
//!
//! Every form, API body and file row is checked field by field, and all problems are
//! reported together, each naming its field, so a person can fix them in one go.

use std::fmt;

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as the person sent it (`title`, `sections[2].key`).
    pub field: String,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Collects field errors while a value is being parsed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps the value if it parsed, records the error under `field` if not.
    pub fn take<T, E: fmt::Display>(&mut self, field: &str, result: Result<T, E>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(field, e.to_string());
                None
            }
        }
    }

    /// `Ok(value)` when no error was recorded.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for FieldErrors {}

/// Why a piece of text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("must not be empty")]
    Empty,
    #[error("must be {max} characters or fewer (it is {len})")]
    TooLong { max: usize, len: usize },
    #[error("must not contain control characters")]
    ControlCharacter,
}

/// Trims `s` and checks it is non-empty, at most `max` characters and free of control
/// characters other than line breaks and tabs.
pub fn required(s: &str, max: usize) -> Result<String, TextError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(TextError::Empty);
    }
    bounded(t, max)
}

/// Like [`required`], but empty text means "not given".
pub fn optional(s: Option<&str>, max: usize) -> Result<Option<String>, TextError> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => bounded(t, max).map(Some),
    }
}

fn bounded(t: &str, max: usize) -> Result<String, TextError> {
    let len = t.chars().count();
    if len > max {
        return Err(TextError::TooLong { max, len });
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(TextError::ControlCharacter);
    }
    Ok(t.to_string())
}

/// Short text such as names and titles.
pub const SHORT: usize = 200;
/// Longer text such as statements and descriptions.
pub const LONG: usize = 10_000;

/// Checks an email address enough to catch typing mistakes: one `@`, a dot in the
/// domain, no spaces. Whether it is deliverable is only known by sending to it.
pub fn email(s: &str) -> Result<String, String> {
    let t = s.trim();
    let ok = t.len() <= 254
        && !t.chars().any(char::is_whitespace)
        && match t.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }
            None => false,
        };
    if ok {
        Ok(t.to_lowercase())
    } else {
        Err(format!(
            "\"{t}\" is not an email address, like name@example.org"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_text() {
        assert_eq!(required("  Ward 7  ", 10), Ok("Ward 7".into()));
        assert_eq!(required("   ", 10), Err(TextError::Empty));
        assert_eq!(
            required(&"x".repeat(11), 10),
            Err(TextError::TooLong { max: 10, len: 11 })
        );
        assert_eq!(required("a\u{0}b", 10), Err(TextError::ControlCharacter));
        assert_eq!(required("two\nlines", 10), Ok("two\nlines".into()));
        assert_eq!(optional(Some(" "), 10), Ok(None));
        assert_eq!(optional(None, 10), Ok(None));
    }

    #[test]
    fn check_email() {
        assert_eq!(email(" Ann@Example.org "), Ok("ann@example.org".into()));
        for bad in [
            "",
            "ann",
            "ann@",
            "@x.org",
            "ann@example",
            "a b@x.org",
            "a@b@c.org",
        ] {
            assert!(email(bad).is_err(), "{bad} should be refused");
        }
    }
}
