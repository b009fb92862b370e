//! Password hashing with Argon2id, off the async runtime's worker threads.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Hashes a password. Runs on the blocking pool: Argon2id is slow on purpose.
pub async fn hash(password: String) -> Result<String, String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// A hash of a password nobody has, checked when an email is unknown, so that a
/// wrong email and a wrong password take the same time.
static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Whether the password matches the stored hash. With no stored hash (an unknown
/// email, or an invitation not yet accepted) it checks a decoy and says no.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || check(&password, stored.as_deref()).matches)
        .await
        .unwrap_or(false)
}

/// The outcome of checking a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Checked {
    matches: bool,
    /// Whether a full Argon2id verification ran: it must, whatever the input, so a
    /// wrong password and an unknown email take the same time.
    hashed: bool,
}

fn check(password: &str, stored: Option<&str>) -> Checked {
    let decoy = DECOY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"decoy password nobody has", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    });
    // A stored hash that does not parse is checked as the decoy, never skipped.
    let parsed = stored
        .and_then(|h| PasswordHash::new(h).ok())
        .map(|h| (h, true))
        .or_else(|| PasswordHash::new(decoy).ok().map(|h| (h, false)));
    match parsed {
        Some((hash, real)) => {
            let ok = Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok();
            Checked {
                matches: ok && real,
                hashed: true,
            }
        }
        None => Checked {
            matches: false,
            hashed: false,
        },
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn hashes_verify() {
        let h = super::hash("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify("correct horse battery".into(), Some(h.clone())).await);
        assert!(!super::verify("wrong horse battery".into(), Some(h)).await);
        assert!(!super::verify("anything".into(), None).await);
    }

    #[test]
    fn unknown_emails_are_checked_against_a_hash_too() {
        let real = super::check("a password", None);
        assert_eq!(
            real,
            super::Checked {
                matches: false,
                hashed: true
            }
        );
        let broken = super::check("a password", Some("not a hash"));
        assert_eq!(
            broken,
            super::Checked {
                matches: false,
                hashed: true
            }
        );
        // The decoy's own password does not sign anyone in.
        assert!(!super::check("decoy password nobody has", None).matches);
    }
}
