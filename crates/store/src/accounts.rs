//! Accounts: who may sign in, their role, password and second factor.
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

    /// The staff accounts (administrators, involvement leads, staff) of one
    /// organisation, or of every organisation when `None`: id, name and the
    /// organisation's name, by name, for choosing a project's lead.
    pub async fn staff_choices(
        &self,
        organisation_id: Option<i64>,
    ) -> Result<Vec<(i64, String, String)>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, (i64, String, String)>(
            "SELECT a.id, a.name, o.name FROM accounts a JOIN organisations o ON o.id = a.organisation_id WHERE a.role IN ('administrator', 'involvement-lead', 'staff') AND ($1 IS NULL OR a.organisation_id = $1) ORDER BY a.name, a.id LIMIT 500"
        )
        .bind(organisation_id)
        .fetch_all(p)
        .await
        })?)
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
