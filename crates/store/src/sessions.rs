//! Signed-in sessions and the record of failed attempts that throttles sign-in,
//! second-factor codes and password-reset emails.
//!
//! A session is kept by the hash of its cookie's secret, never the secret. Every
//! write here takes the caller's transaction and the time from its caller, so a
//! sign-in (the old session ended, the new one started, the failures cleared) is one
//! commit, and expiry is testable.

use chrono::{DateTime, Utc};

use crate::accounts::Account;
use crate::{Store, StoreError, Tx};

/// A signed-in session, with its account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id: i64,
    pub second_factor_done: bool,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub account: Account,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    session_id: i64,
    second_factor_done: bool,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    #[sqlx(flatten)]
    account: Account,
}

impl Store {
    /// The session with this token hash, with its account, if it exists.
    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
        let row = on_pool!(self, |p| {
            sqlx::query_as::<_, SessionRow>(
                "SELECT s.id AS session_id, s.second_factor_done, s.last_seen_at, s.expires_at, a.id, a.email, a.name, a.role, a.organisation_id, a.password_hash, a.totp_secret, a.totp_enabled, a.person_id, a.created_at FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(p)
            .await
        })?;
        Ok(row.map(|r| SessionRecord {
            id: r.session_id,
            second_factor_done: r.second_factor_done,
            last_seen_at: r.last_seen_at,
            expires_at: r.expires_at,
            account: r.account,
        }))
    }

    /// Starts a session in a transaction of its own (for tests and the demo, which
    /// sign an account in without a password).
    pub async fn create_session(
        &self,
        account_id: i64,
        token_hash: &str,
        second_factor_done: bool,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        insert_session(
            &mut tx,
            account_id,
            token_hash,
            second_factor_done,
            now,
            expires_at,
        )
        .await?;
        tx.commit().await
    }

    /// How many attempts failed against a subject since a time.
    pub async fn failures_since(
        &self,
        subject: &str,
        since: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM sign_in_failures WHERE subject = $1 AND failed_at >= $2",
            )
            .bind(subject)
            .bind(since)
            .fetch_one(p)
            .await
        })?)
    }
}

/// Starts a session. `second_factor_done` is false while a second factor is still
/// to be given.
pub async fn insert_session(
    tx: &mut Tx,
    account_id: i64,
    token_hash: &str,
    second_factor_done: bool,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO sessions (token_hash, account_id, second_factor_done, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5) RETURNING id",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(second_factor_done)
        .bind(now)
        .bind(expires_at)
        .fetch_one(c)
        .await
    })?)
}

/// Records activity on a session, for the idle timeout.
pub async fn touch_session_in(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(c)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// Ends one session.
pub async fn delete_session_in(tx: &mut Tx, id: i64) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id)
            .execute(c)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// Ends every session of an account: "sign out everywhere". Answers how many.
pub async fn delete_sessions_of_in(tx: &mut Tx, account_id: i64) -> Result<u64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?)
}

/// Records a failed attempt against a subject (an account's email, a client
/// address, an account's codes, an address asking for resets).
pub async fn insert_failure(
    tx: &mut Tx,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query("INSERT INTO sign_in_failures (subject, failed_at) VALUES ($1, $2)")
            .bind(subject)
            .bind(now)
            .execute(c)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// Forgets the failed attempts against a subject, once it has succeeded.
pub async fn clear_failures_in(tx: &mut Tx, subject: &str) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query("DELETE FROM sign_in_failures WHERE subject = $1")
            .bind(subject)
            .execute(c)
            .await
            .map(|_| ())
    })?;
    Ok(())
}
