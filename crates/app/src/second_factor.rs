//! Time-based one-time passwords (TOTP, RFC 6238) as a second factor: 6 digits, a new
//! code every 30 seconds, one step of clock drift either way allowed.

use chrono::{DateTime, Utc};
use totp_rs::{Algorithm, Secret, TOTP};

/// A new secret, as the base32 text people type into an authenticator app.
pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

fn totp(secret_base32: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_string()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        30,
        bytes,
        Some("Coproduce".into()),
        account.to_string(),
    )
    .ok()
}

/// The `otpauth://` address an authenticator app reads.
pub fn setup_url(secret_base32: &str, account: &str) -> Option<String> {
    totp(secret_base32, account).map(|t| t.get_url())
}

/// Whether a code typed by a person is right at `now` (spaces ignored).
pub fn check(secret_base32: &str, account: &str, code: &str, now: DateTime<Utc>) -> bool {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let Ok(unix) = u64::try_from(now.timestamp()) else {
        return false;
    };
    code.len() == 6
        && code.chars().all(|c| c.is_ascii_digit())
        && totp(secret_base32, account).is_some_and(|t| t.check(&code, unix))
}

/// The code for a secret at a Unix time: what an authenticator app would show.
pub fn code_at(secret_base32: &str, account: &str, unix_time: u64) -> Option<String> {
    totp(secret_base32, account).map(|t| t.generate(unix_time))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn codes_check() {
        let s = new_secret();
        let at = DateTime::parse_from_rfc3339("2026-07-14T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let now = at.timestamp() as u64;
        let code = code_at(&s, "ann@example.org", now).unwrap();
        assert!(check(&s, "ann@example.org", &code, at));
        assert!(check(
            &s,
            "ann@example.org",
            &format!("{} {}", &code[..3], &code[3..]),
            at
        ));
        // One step of drift either way is allowed; ten minutes is not.
        let later = at + chrono::Duration::seconds(30);
        assert!(check(&s, "ann@example.org", &code, later));
        let old = code_at(&s, "ann@example.org", now - 600).unwrap();
        assert!(!check(&s, "ann@example.org", &old, at) || old == code);
        assert!(!check(&s, "ann@example.org", "12345", at));
        assert!(!check(&s, "ann@example.org", "abcdef", at));
        assert!(
            setup_url(&s, "ann@example.org")
                .unwrap()
                .starts_with("otpauth://totp/Coproduce:ann%40example.org")
        );
    }
}
