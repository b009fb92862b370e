//! Secrets handed to people (session cookies, API tokens, emailed links) and the
//! hashes the database keeps of them.

use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new random secret: 32 bytes from the operating system's generator, as hex,
/// after a short prefix that says what it is (`cps_` session, `cpt_` API token,
/// `cpe_` emailed link).
pub fn generate(prefix: &str) -> String {
    let bytes: [u8; 32] = rand::random();
    format!("{prefix}{}", hex(&bytes))
}

/// The SHA-256 of a secret, as hex: what the database stores and looks up by.
pub fn hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// The SHA-256 of a file's bytes, as hex: how a file is known by its content.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The form token that proves a state-changing request came from our own pages: it
/// is derived from the session's secret, so another site cannot know it.
pub fn csrf_token(session_secret: &str) -> String {
    hash(&format!("csrf:{session_secret}"))
}

/// An HMAC-SHA-256 of `message` under `key`, as hex: a value only the holder of
/// the key could have made, such as the time a form was shown.
pub fn sign(key: &str, message: &str) -> String {
    use hmac::{Hmac, Mac};
    // A key of any length is accepted by HMAC.
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(message.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// Compares two strings in time that does not depend on where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_and_hashed() {
        let a = generate("cps_");
        assert!(a.starts_with("cps_") && a.len() == 68);
        assert_ne!(a, generate("cps_"));
        assert_eq!(hash("x").len(), 64);
        assert_ne!(csrf_token(&a), hash(&a));
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }
}
