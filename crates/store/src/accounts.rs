//! Accounts, sessions, API tokens, emailed single-use tokens and failed sign-ins.
//!
//! The store keeps only hashes of secrets: a session cookie, an API token or an
//! emailed link is hashed by the caller before it reaches these functions, and a
//! password arrives as an Argon2id hash. Every function takes the current time from
//! its caller, so expiry is testable.

use std::fmt;

use chrono::{DateTime, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Role;

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within};

#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub organisation_id: Option<i64>,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    /// The register entry of the person who holds the account, if linked: what
    /// "my record" and "my data" show them.
    pub person_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

has_id!(Account);

impl fmt::Debug for Account {
    // Never print the password hash or the second-factor secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Account")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("role", &self.role)
            .field("organisation_id", &self.organisation_id)
            .field("totp_enabled", &self.totp_enabled)
            .finish_non_exhaustive()
    }
}

/// A new account's fields, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountFields {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisation_id: Option<i64>,
}

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
    /// Links an account to the register entry of the person who holds it.
    pub async fn link_account_to_person(
        &self,
        account_id: i64,
        person_id: Option<i64>,
    ) -> Result<(), StoreError> {
        if let Some(p) = person_id {
            self.require(
                "SELECT 1 FROM people WHERE id = $1",
                "person_id",
                "person",
                p,
            )
            .await?;
        }
        let rows = on_pool!(self, |p| sqlx::query(
            "UPDATE accounts SET person_id = $1 WHERE id = $2"
        )
        .bind(person_id)
        .bind(account_id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))
        .map_err(|e| {
            if StoreError::is_unique_violation(&e) {
                StoreError::Duplicate("that person already has an account".into())
            } else {
                e.into()
            }
        })?;
        crate::db::updated(rows)
    }
}

impl Store {
    pub async fn create_account(
        &self,
        f: &AccountFields,
        now: DateTime<Utc>,
    ) -> Result<Account, StoreError> {
        if let Some(org) = f.organisation_id {
            self.require_organisation("organisation_id", org).await?;
        }
        let mut tx = self.begin().await?;
        let id = insert_account(&mut tx, f, now).await?;
        tx.commit().await?;
        self.account(id).await
    }

    pub async fn account(&self, id: i64) -> Result<Account, StoreError> {
        self.by_id(
            "SELECT a.id, a.email, a.name, a.role, a.organisation_id, a.password_hash, a.totp_secret, a.totp_enabled, a.person_id, a.created_at FROM accounts a WHERE a.id = $1",
            id,
        )
        .await
    }

    pub async fn account_by_email(&self, email: &str) -> Result<Option<Account>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Account>(
                "SELECT a.id, a.email, a.name, a.role, a.organisation_id, a.password_hash, a.totp_secret, a.totp_enabled, a.person_id, a.created_at FROM accounts a WHERE a.email = $1",
            )
            .bind(email)
            .fetch_optional(p)
            .await
        })?)
    }

    /// Accounts in id order, optionally only one organisation's.
    pub async fn accounts(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Account>, StoreError> {
        self.page_within([
            "SELECT a.id, a.email, a.name, a.role, a.organisation_id, a.password_hash, a.totp_secret, a.totp_enabled, a.person_id, a.created_at FROM accounts a WHERE a.id > $1 ORDER BY a.id LIMIT $2",
            "SELECT a.id, a.email, a.name, a.role, a.organisation_id, a.password_hash, a.totp_secret, a.totp_enabled, a.person_id, a.created_at FROM accounts a WHERE a.id > $1 AND a.organisation_id = $3 ORDER BY a.id LIMIT $2",
            "SELECT a.id, a.email, a.name, a.role, a.organisation_id, a.password_hash, a.totp_secret, a.totp_enabled, a.person_id, a.created_at FROM accounts a WHERE a.id > $1 AND a.organisation_id = $3 ORDER BY a.id LIMIT $2",
        ], page, within)
        .await
    }

    /// How many accounts exist: the first one is made from the command line.
    pub async fn account_count(&self) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM accounts")
                .fetch_one(p)
                .await
        })?)
    }

    pub async fn set_password(&self, account_id: i64, hash: &str) -> Result<(), StoreError> {
        let rows = on_pool!(self, |p| {
            sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(account_id)
                .execute(p)
                .await
                .map(|r| r.rows_affected())
        })?;
        updated(rows)
    }

    /// Stores a second-factor secret; `enabled` once the person has proved they hold it.
    pub async fn set_totp(
        &self,
        account_id: i64,
        secret: Option<&str>,
        enabled: bool,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        set_totp_in(&mut tx, account_id, secret, enabled).await?;
        tx.commit().await
    }

    /// Starts a session. `second_factor_done` is false while a second factor is still
    /// to be given.
    pub async fn create_session(
        &self,
        account_id: i64,
        token_hash: &str,
        second_factor_done: bool,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, |p| {
            sqlx::query(
                "INSERT INTO sessions (token_hash, account_id, second_factor_done, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)",
            )
            .bind(token_hash)
            .bind(account_id)
            .bind(second_factor_done)
            .bind(now)
            .bind(expires_at)
            .execute(p)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

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

    /// Records activity on a session, for the idle timeout.
    pub async fn touch_session(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        on_pool!(self, |p| {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
                .bind(now)
                .bind(id)
                .execute(p)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Marks a session's second factor as given.
    pub async fn complete_second_factor(&self, id: i64) -> Result<(), StoreError> {
        on_pool!(self, |p| {
            sqlx::query("UPDATE sessions SET second_factor_done = TRUE WHERE id = $1")
                .bind(id)
                .execute(p)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    pub async fn delete_session(&self, id: i64) -> Result<(), StoreError> {
        on_pool!(self, |p| {
            sqlx::query("DELETE FROM sessions WHERE id = $1")
                .bind(id)
                .execute(p)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Ends every session of an account: "sign out everywhere".
    pub async fn delete_sessions_of(&self, account_id: i64) -> Result<u64, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                .bind(account_id)
                .execute(p)
                .await
                .map(|r| r.rows_affected())
        })?)
    }

    /// Records a failed sign-in against a subject (an account's email, a client address).
    pub async fn record_failure(
        &self,
        subject: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, |p| {
            sqlx::query("INSERT INTO sign_in_failures (subject, failed_at) VALUES ($1, $2)")
                .bind(subject)
                .bind(now)
                .execute(p)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// How many sign-ins failed against a subject since a time.
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

    pub async fn clear_failures(&self, subject: &str) -> Result<(), StoreError> {
        on_pool!(self, |p| {
            sqlx::query("DELETE FROM sign_in_failures WHERE subject = $1")
                .bind(subject)
                .execute(p)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }
}

/// Writes an account on the caller's transaction.
pub async fn insert_account(
    tx: &mut Tx,
    f: &AccountFields,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let r = on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO accounts (email, name, role, organisation_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&f.email)
        .bind(&f.name)
        .bind(f.role.slug())
        .bind(f.organisation_id)
        .bind(now)
        .fetch_one(c)
        .await
    });
    match r {
        Ok(id) => Ok(id),
        Err(e) if StoreError::is_unique_violation(&e) => Err(StoreError::Duplicate(format!(
            "there is already an account for {}",
            f.email
        ))),
        Err(e) => Err(e.into()),
    }
}

/// Records a failed attempt against a subject on the caller's transaction.
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

/// Sets an account's password hash on the caller's transaction.
pub async fn set_password_in(tx: &mut Tx, account_id: i64, hash: &str) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(account_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Links an account to a person in the register, on the caller's transaction; a
/// person has at most one account.
pub async fn link_person_in(
    tx: &mut Tx,
    account_id: i64,
    person_id: i64,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| sqlx::query(
        "UPDATE accounts SET person_id = $1 WHERE id = $2"
    )
    .bind(person_id)
    .bind(account_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
    .map_err(|e| {
        if StoreError::is_unique_violation(&e) {
            StoreError::Duplicate("that person already has an account".into())
        } else {
            e.into()
        }
    })?;
    updated(rows)
}

/// Stores a second-factor secret on the caller's transaction.
pub async fn set_totp_in(
    tx: &mut Tx,
    account_id: i64,
    secret: Option<&str>,
    enabled: bool,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE accounts SET totp_secret = $1, totp_enabled = $2 WHERE id = $3")
            .bind(secret)
            .bind(enabled)
            .bind(account_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}
