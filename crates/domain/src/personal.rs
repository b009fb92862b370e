//! Finding personal data in words meant for the public: an email address, a phone
//! number, or the name of someone known to the organisation. Words that hold one are
//! held back from publication until they are anonymised. Rules only: the caller
//! gives the names to look for.

use crate::text::Problem;

/// Whether `text` holds an email address: a word with something before an `@` and
/// a dotted name after it.
fn email(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '<' | '>'))
        .any(|word| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            match word.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            }
        })
}

/// Whether `text` holds a phone number: ten or more digits in a row, allowing the
/// spaces, dashes, dots, brackets and leading `+` people write them with (a UK
/// number has 10 or 11 digits; a year, a date or a sum of money has fewer).
fn phone(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 10 {
                return true;
            }
        } else if !matches!(c, ' ' | '-' | '.' | '(' | ')' | '+') {
            digits = 0;
        }
    }
    false
}

/// Folds text for comparing names: lower case, letters and digits only, single
/// spaces between words.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first of `names` that `text` holds as whole words (ignoring case and
/// punctuation). Names of one word are not looked for: a first name alone is also
/// an ordinary word too often ("Will", "May", "Hope").
pub fn named<'a>(text: &str, names: &'a [String]) -> Option<&'a str> {
    let folded = format!(" {} ", fold(text));
    names.iter().map(String::as_str).find(|name| {
        let n = fold(name);
        n.contains(' ') && folded.contains(&format!(" {n} "))
    })
}

/// Why words may not be published as they are: they name one of `names`, or hold
/// an email address or a phone number.
pub fn check_public(text: &str, names: &[String]) -> Result<(), Problem> {
    if let Some(name) = named(text, names) {
        return Err(Problem::NamesAPerson(name.to_string()));
    }
    if email(text) {
        return Err(Problem::HoldsEmail);
    }
    if phone(text) {
        return Err(Problem::HoldsPhone);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        vec![
            "Kate Lambert".into(),
            "Pat".into(),
            "Ann-Marie O'Neil".into(),
        ]
    }

    #[test]
    fn names_emails_and_phone_numbers_are_found() {
        let n = names();
        assert_eq!(
            check_public("kate lambert said the bus is late", &n),
            Err(Problem::NamesAPerson("Kate Lambert".into()))
        );
        assert_eq!(
            check_public("As Ann Marie O'Neil told us.", &n),
            Err(Problem::NamesAPerson("Ann-Marie O'Neil".into()))
        );
        assert_eq!(
            check_public("Write to pat@example.org.", &n),
            Err(Problem::HoldsEmail)
        );
        assert_eq!(
            check_public("Call 07700 900123 now", &n),
            Err(Problem::HoldsPhone)
        );
        assert_eq!(
            check_public("Ring +44 (0)20 7946 0000", &n),
            Err(Problem::HoldsPhone)
        );
    }

    #[test]
    fn ordinary_words_pass() {
        let n = names();
        for ok in [
            "Pat the dog, we said.",
            "Meetings from 2026 to 2027 cost £1,250.50 each",
            "Kate and Lambert Street are near",
            "Email the team @ reception",
            "",
        ] {
            assert_eq!(check_public(ok, &n), Ok(()), "{ok}");
        }
    }
}
