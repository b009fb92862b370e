//! Personal API tokens and emailed single-use links (invitations, password resets).
//!
//! Only hashes of the secrets are stored: the caller hashes a token or link before it
//! reaches these functions. Every function takes the current time from its caller.

use chrono::{DateTime, Utc};

use crate::db::updated;
use crate::{Store, StoreError, Tx};

/// A personal access token, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ApiToken {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub scope: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

has_id!(ApiToken);

impl Store {
    /// Stores a new API token's hash; the token itself is shown to its owner once.
    pub async fn create_api_token(
        &self,
        account_id: i64,
        name: &str,
        scope: &str,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<ApiToken, StoreError> {
        let mut tx = self.begin().await?;
        let id = insert_api_token(&mut tx, account_id, name, scope, token_hash, now).await?;
        tx.commit().await?;
        self.api_token(id).await
    }

    pub async fn api_token(&self, id: i64) -> Result<ApiToken, StoreError> {
        self.by_id(
            "SELECT id, account_id, name, scope, created_at, last_used_at, revoked_at FROM api_tokens WHERE id = $1",
            id,
        )
        .await
    }

    /// An account's tokens, newest first.
    pub async fn api_tokens(&self, account_id: i64) -> Result<Vec<ApiToken>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, ApiToken>(
                "SELECT id, account_id, name, scope, created_at, last_used_at, revoked_at FROM api_tokens WHERE account_id = $1 ORDER BY id DESC",
            )
            .bind(account_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// Revokes one of an account's tokens; [`StoreError::NotFound`] if it has no such
    /// token.
    pub async fn revoke_api_token(
        &self,
        account_id: i64,
        token_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        revoke_api_token_in(&mut tx, account_id, token_id, now).await?;
        tx.commit().await
    }

    /// Stores an emailed single-use token's hash, in a transaction of its own.
    pub async fn create_email_token(
        &self,
        account_id: i64,
        purpose: &str,
        token_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        insert_email_token(&mut tx, account_id, purpose, token_hash, now, expires_at).await?;
        tx.commit().await
    }

    /// The account an unused, unexpired token for `purpose` belongs to, or `None`.
    pub async fn email_token_account(
        &self,
        purpose: &str,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "SELECT account_id FROM email_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
            )
            .bind(token_hash)
            .bind(purpose)
            .bind(now)
            .fetch_optional(p)
            .await
        })?)
    }

    /// Uses a token and sets the password it was sent for, in one transaction: see
    /// [`use_email_token_for_password_in`].
    pub async fn use_email_token_for_password(
        &self,
        purpose: &str,
        token_hash: &str,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>, StoreError> {
        let mut tx = self.begin().await?;
        let account =
            use_email_token_for_password_in(&mut tx, purpose, token_hash, password_hash, now)
                .await?;
        tx.commit().await?;
        Ok(account)
    }
}

/// Uses a token and sets the password it was sent for, on the caller's transaction:
/// the token works once, and every other session of the account ends. `None` when
/// the token is unknown, used or expired.
pub async fn use_email_token_for_password_in(
    tx: &mut Tx,
    purpose: &str,
    token_hash: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let account_id = on_tx!(&mut *tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING account_id",
        )
        .bind(now)
        .bind(token_hash)
        .bind(purpose)
        .fetch_optional(c)
        .await
    })?;
    let Some(account_id) = account_id else {
        return Ok(None);
    };
    on_tx!(&mut *tx, |c| {
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(account_id)
            .execute(c)
            .await
            .map(|_| ())
    })?;
    on_tx!(&mut *tx, |c| {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(c)
            .await
            .map(|_| ())
    })?;
    Ok(Some(account_id))
}

/// Stores an emailed single-use token's hash on the caller's transaction.
pub async fn insert_email_token(
    tx: &mut Tx,
    account_id: i64,
    purpose: &str,
    token_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO email_tokens (account_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(account_id)
        .bind(purpose)
        .bind(token_hash)
        .bind(now)
        .bind(expires_at)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Stores an API token's hash on the caller's transaction.
pub async fn insert_api_token(
    tx: &mut Tx,
    account_id: i64,
    name: &str,
    scope: &str,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO api_tokens (account_id, name, token_hash, scope, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(account_id)
        .bind(name)
        .bind(token_hash)
        .bind(scope)
        .bind(now)
        .fetch_one(c)
        .await
    })?)
}

/// Revokes one of an account's tokens on the caller's transaction;
/// [`StoreError::NotFound`] if it has no such live token.
pub async fn revoke_api_token_in(
    tx: &mut Tx,
    account_id: i64,
    token_id: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL")
            .bind(now)
            .bind(token_id)
            .bind(account_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// The live token with this hash, marking it used now; `None` when there is no such
/// token or it was revoked.
pub async fn use_api_token_in(
    tx: &mut Tx,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<ApiToken>, StoreError> {
    let token = on_tx!(tx, |c| {
        sqlx::query_as::<_, ApiToken>(
            "SELECT id, account_id, name, scope, created_at, last_used_at, revoked_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(c)
        .await
    })?;
    let Some(token) = token else {
        return Ok(None);
    };
    on_tx!(tx, |c| {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(now)
            .bind(token.id)
            .execute(c)
            .await
            .map(|_| ())
    })?;
    Ok(Some(token))
}
