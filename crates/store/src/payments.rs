//! Payments for taking part, as a ledger, and each person's choices about them.
//! An entry is written once and then only approved and marked paid; a mistake is
//! put right by a reversing entry. Every list is one query.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::payment::{Choice, PaidAs, PaymentChoice, PaymentStatus};

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx};

/// A choice as kept.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredChoice {
    pub id: i64,
    pub person_id: i64,
    pub choice: String,
    pub amount_pence: Option<i64>,
    pub charity: Option<String>,
    pub chosen_on: NaiveDate,
    pub recorded_at: DateTime<Utc>,
}

impl StoredChoice {
    /// The choice, if it still reads as one.
    pub fn choice(&self) -> Option<Choice> {
        Some(Choice {
            choice: PaymentChoice::parse(&self.choice).ok()?,
            amount_pence: self.amount_pence,
            charity: self.charity.clone(),
            chosen_on: self.chosen_on,
        })
    }
}

macro_rules! payment_select {
    ($rest:literal) => {
        concat!(
            "SELECT p.id, p.organisation_id, p.person_id, pe.name AS person_name, pe.organisation_id AS person_organisation_id, p.activity_id, a.title AS activity_title, a.starts_at AS activity_starts_at, p.project_id, p.policy_id, p.tier, p.basis, p.rate_pence, p.scheduled_minutes, p.attended_minutes, p.amount_pence, p.paid_as, p.charity, p.reverses_id, ",
            "(SELECT r.id FROM payments r WHERE r.reverses_id = p.id) AS reversed_by, p.reason, p.status, p.created_at, p.created_by, cb.name AS created_by_name, p.approved_at, p.approved_by, ab.name AS approved_by_name, p.paid_on ",
            "FROM payments p JOIN people pe ON pe.id = p.person_id LEFT JOIN activities a ON a.id = p.activity_id LEFT JOIN accounts cb ON cb.id = p.created_by LEFT JOIN accounts ab ON ab.id = p.approved_by ",
            $rest
        )
    };
}

/// One entry of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Payment {
    pub id: i64,
    pub organisation_id: i64,
    pub person_id: i64,
    pub person_name: String,
    /// The organisation whose register the person is on: another, for someone of a
    /// partner organisation who took part.
    pub person_organisation_id: i64,
    pub activity_id: Option<i64>,
    pub activity_title: Option<String>,
    pub activity_starts_at: Option<DateTime<Utc>>,
    pub project_id: Option<i64>,
    /// The version of the recognition policy it was worked out under.
    pub policy_id: Option<i64>,
    pub tier: Option<String>,
    pub basis: Option<String>,
    pub rate_pence: Option<i64>,
    pub scheduled_minutes: Option<i64>,
    pub attended_minutes: Option<i64>,
    /// Negative for a reversal.
    pub amount_pence: i64,
    pub paid_as: String,
    pub charity: Option<String>,
    /// The entry this one reverses.
    pub reverses_id: Option<i64>,
    /// The entry that reverses this one.
    pub reversed_by: Option<i64>,
    /// Why it was reversed (on a reversal).
    pub reason: Option<String>,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<i64>,
    pub created_by_name: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    pub approved_by: Option<i64>,
    pub approved_by_name: Option<String>,
    pub paid_on: Option<NaiveDate>,
}

has_id!(Payment, StoredChoice);

impl Payment {
    pub fn status(&self) -> Option<PaymentStatus> {
        PaymentStatus::parse(&self.status).ok()
    }

    pub fn paid_as(&self) -> Option<PaidAs> {
        PaidAs::parse(&self.paid_as).ok()
    }
}

/// Which entries a list holds; every field narrows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentFilter {
    pub organisation_id: Option<i64>,
    pub person_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub status: Option<PaymentStatus>,
    /// Only those approved or paid, for finance.
    pub approved: bool,
    /// Only those for a day from `from` (inclusive) to `until` (exclusive): the
    /// activity's start, or when the entry was made for one of no activity.
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// An entry to write, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPayment {
    pub organisation_id: i64,
    pub person_id: i64,
    pub activity_id: Option<i64>,
    pub project_id: Option<i64>,
    pub policy_id: Option<i64>,
    pub tier: Option<String>,
    pub basis: Option<String>,
    pub rate_pence: Option<i64>,
    pub scheduled_minutes: Option<i64>,
    pub attended_minutes: Option<i64>,
    pub amount_pence: i64,
    pub paid_as: PaidAs,
    pub charity: Option<String>,
    pub reverses_id: Option<i64>,
    pub reason: Option<String>,
}

impl Store {
    pub async fn payment(&self, id: i64) -> Result<Payment, StoreError> {
        self.by_id(payment_select!("WHERE p.id = $1"), id).await
    }

    /// A page of entries in id order, narrowed by `filter`.
    pub async fn payments(
        &self,
        page: PageRequest,
        filter: &PaymentFilter,
    ) -> Result<Page<Payment>, StoreError> {
        let rows = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(payment_select!("WHERE p.id > "));
            q.push_bind(page.after);
            if let Some(v) = filter.organisation_id {
                q.push(" AND p.organisation_id = ").push_bind(v);
            }
            if let Some(v) = filter.person_id {
                q.push(" AND p.person_id = ").push_bind(v);
            }
            if let Some(v) = filter.activity_id {
                q.push(" AND p.activity_id = ").push_bind(v);
            }
            if let Some(v) = filter.status {
                q.push(" AND p.status = ").push_bind(v.slug());
            }
            if filter.approved {
                q.push(" AND p.status IN ('approved', 'paid')");
            }
            if let Some(v) = filter.from {
                q.push(" AND COALESCE(a.starts_at, p.created_at) >= ")
                    .push_bind(v);
            }
            if let Some(v) = filter.until {
                q.push(" AND COALESCE(a.starts_at, p.created_at) < ")
                    .push_bind(v);
            }
            q.push(" ORDER BY p.id LIMIT ").push_bind(page.fetch());
            q.build_query_as::<Payment>().fetch_all(p).await
        })?;
        Ok(page.page(rows, |r| r.id))
    }

    /// A person's choices, the latest first (at most 200).
    pub async fn recognition_choices(
        &self,
        person_id: i64,
    ) -> Result<Vec<StoredChoice>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, StoredChoice>(
                "SELECT id, person_id, choice, amount_pence, charity, chosen_on, recorded_at FROM recognition_choices WHERE person_id = $1 ORDER BY chosen_on DESC, id DESC LIMIT 200",
            )
            .bind(person_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// The choice in force on a day for each of `people` who made one, in one
    /// query: the latest chosen on or before it.
    pub async fn choices_on(
        &self,
        people: &[i64],
        day: NaiveDate,
    ) -> Result<Vec<StoredChoice>, StoreError> {
        if people.is_empty() {
            return Ok(Vec::new());
        }
        Ok(on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT c.id, c.person_id, c.choice, c.amount_pence, c.charity, c.chosen_on, c.recorded_at FROM recognition_choices c WHERE c.chosen_on <= ",
            );
            q.push_bind(day);
            q.push(" AND NOT EXISTS (SELECT 1 FROM recognition_choices d WHERE d.person_id = c.person_id AND d.chosen_on <= ");
            q.push_bind(day);
            q.push(" AND (d.chosen_on > c.chosen_on OR (d.chosen_on = c.chosen_on AND d.id > c.id))) AND c.person_id IN (");
            let mut list = q.separated(", ");
            for id in people {
                list.push_bind(*id);
            }
            q.push(")");
            q.build_query_as::<StoredChoice>().fetch_all(p).await
        })?)
    }
}

/// Keeps a person's choice on the caller's transaction.
pub async fn insert_choice_in(
    tx: &mut Tx,
    person_id: i64,
    c: &Choice,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c2| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO recognition_choices (person_id, choice, amount_pence, charity, chosen_on, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(person_id)
        .bind(c.choice.slug())
        .bind(c.amount_pence)
        .bind(&c.charity)
        .bind(c.chosen_on)
        .bind(now)
        .bind(by)
        .fetch_one(c2)
        .await
    })?)
}

/// The people an activity's fee has been written for and not reversed, read on the
/// caller's transaction (with the activity locked by the caller, so two runs at once
/// are told apart).
pub async fn paid_for_in(tx: &mut Tx, activity_id: i64) -> Result<Vec<i64>, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "SELECT p.person_id FROM payments p WHERE p.activity_id = $1 AND p.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)",
        )
        .bind(activity_id)
        .fetch_all(c)
        .await
    })?)
}

/// Locks an activity on the caller's transaction while its fees are written.
pub async fn lock_activity_in(tx: &mut Tx, activity_id: i64) -> Result<(), StoreError> {
    let sql = match tx {
        Tx::Sqlite(_) => "SELECT id FROM activities WHERE id = $1",
        Tx::Postgres(_) => "SELECT id FROM activities WHERE id = $1 FOR UPDATE",
    };
    let found: Option<i64> = on_tx!(&mut *tx, |c| sqlx::query_scalar(sql)
        .bind(activity_id)
        .fetch_optional(c)
        .await)?;
    found.map(|_| ()).ok_or(StoreError::NotFound)
}

/// Locks an entry on the caller's transaction and answers it as it stands.
pub async fn lock_payment_in(tx: &mut Tx, id: i64) -> Result<LockedPayment, StoreError> {
    let sql = match tx {
        Tx::Sqlite(_) => {
            "SELECT status, reverses_id, created_by, approved_at, (SELECT r.id FROM payments r WHERE r.reverses_id = p.id) AS reversed_by FROM payments p WHERE p.id = $1"
        }
        Tx::Postgres(_) => {
            "SELECT status, reverses_id, created_by, approved_at, (SELECT r.id FROM payments r WHERE r.reverses_id = p.id) AS reversed_by FROM payments p WHERE p.id = $1 FOR UPDATE"
        }
    };
    let row: Option<LockedPayment> = on_tx!(&mut *tx, |c| sqlx::query_as(sql)
        .bind(id)
        .fetch_optional(c)
        .await)?;
    row.ok_or(StoreError::NotFound)
}

/// Where an entry stands, read under a lock.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LockedPayment {
    pub status: String,
    pub reverses_id: Option<i64>,
    pub created_by: Option<i64>,
    pub approved_at: Option<DateTime<Utc>>,
    pub reversed_by: Option<i64>,
}

/// Writes an entry on the caller's transaction, waiting for approval.
pub async fn insert_payment_in(
    tx: &mut Tx,
    p: &NewPayment,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO payments (organisation_id, person_id, activity_id, project_id, policy_id, tier, basis, rate_pence, scheduled_minutes, attended_minutes, amount_pence, paid_as, charity, reverses_id, reason, status, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
        )
        .bind(p.organisation_id)
        .bind(p.person_id)
        .bind(p.activity_id)
        .bind(p.project_id)
        .bind(p.policy_id)
        .bind(&p.tier)
        .bind(&p.basis)
        .bind(p.rate_pence)
        .bind(p.scheduled_minutes)
        .bind(p.attended_minutes)
        .bind(p.amount_pence)
        .bind(p.paid_as.slug())
        .bind(&p.charity)
        .bind(p.reverses_id)
        .bind(&p.reason)
        .bind(PaymentStatus::Created.slug())
        .bind(now)
        .bind(by)
        .fetch_one(c)
        .await
    })?)
}

/// Approves an entry on the caller's transaction.
pub async fn approve_payment_in(
    tx: &mut Tx,
    id: i64,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE payments SET status = $1, approved_at = $2, approved_by = $3 WHERE id = $4",
        )
        .bind(PaymentStatus::Approved.slug())
        .bind(now)
        .bind(by)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Marks an entry paid on a day, on the caller's transaction.
pub async fn mark_paid_in(
    tx: &mut Tx,
    id: i64,
    on: NaiveDate,
    by: Option<i64>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query("UPDATE payments SET status = $1, paid_on = $2, paid_by = $3 WHERE id = $4")
            .bind(PaymentStatus::Paid.slug())
            .bind(on)
            .bind(by)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    updated(rows)
}
