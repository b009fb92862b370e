//! Time-based one-time passwords (TOTP, RFC 6238) as a second factor: 6 digits, a new
//! code every 30 seconds, one step of clock drift either way allowed.

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

/// Whether a code typed by a person is right now (spaces ignored).
pub fn check(secret_base32: &str, account: &str, code: &str) -> bool {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    code.len() == 6
        && code.chars().all(|c| c.is_ascii_digit())
        && totp(secret_base32, account).is_some_and(|t| t.check_current(&code).unwrap_or(false))
}

/// The code for a secret at a Unix time: what an authenticator app would show.
pub fn code_at(secret_base32: &str, account: &str, unix_time: u64) -> Option<String> {
    totp(secret_base32, account).map(|t| t.generate(unix_time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_check() {
        let s = new_secret();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let code = code_at(&s, "ann@example.org", now).unwrap();
        assert!(check(&s, "ann@example.org", &code));
        assert!(check(
            &s,
            "ann@example.org",
            &format!("{} {}", &code[..3], &code[3..])
        ));
        let old = code_at(&s, "ann@example.org", now - 600).unwrap();
        assert!(!check(&s, "ann@example.org", &old) || old == code);
        assert!(!check(&s, "ann@example.org", "12345"));
        assert!(!check(&s, "ann@example.org", "abcdef"));
        assert!(
            setup_url(&s, "ann@example.org")
                .unwrap()
                .starts_with("otpauth://totp/Coproduce:ann%40example.org")
        );
    }
}
