//! Recognition policies: versions of an organisation's tiers, rates, recognition
//! offered and expenses, each taking effect from a day. A version is written once
//! and never changed; the one in force on a day is read in one query, with its tiers
//! and rates in one more each.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::activity::ActivityType;
use coproduce_domain::opportunity::Recognition;
use coproduce_domain::recognition::{ExpensesDraft, Policy, PolicyRate, RateBasis, Tier};

use crate::{Store, StoreError, Tx};

/// A version of a policy as kept: who made it and when, and the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyVersion {
    pub id: i64,
    pub organisation_id: i64,
    pub created_at: DateTime<Utc>,
    pub created_by_name: Option<String>,
    pub policy: Policy,
}

#[derive(sqlx::FromRow)]
struct PolicyRow {
    id: i64,
    organisation_id: i64,
    effective_from: NaiveDate,
    offered: String,
    pro_rata: bool,
    per_mile: i64,
    per_mile_passenger: i64,
    per_mile_bicycle: i64,
    public_transport: bool,
    taxis_with_approval: bool,
    care_costs: bool,
    meal_cap: i64,
    home_working: i64,
    claim_within_days: i64,
    advice: String,
    created_at: DateTime<Utc>,
    created_by_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct TierRow {
    policy_id: i64,
    key: String,
    name: String,
    description: Option<String>,
}

#[derive(sqlx::FromRow)]
struct RateRow {
    policy_id: i64,
    tier: String,
    basis: String,
    activity_type: Option<String>,
    amount_pence: i64,
}

macro_rules! policy_select {
    ($rest:literal) => {
        concat!("SELECT p.id, p.organisation_id, p.effective_from, p.offered, p.pro_rata, p.per_mile, p.per_mile_passenger, p.per_mile_bicycle, p.public_transport, p.taxis_with_approval, p.care_costs, p.meal_cap, p.home_working, p.claim_within_days, p.advice, p.created_at, a.name AS created_by_name FROM recognition_policies p LEFT JOIN accounts a ON a.id = p.created_by ", $rest)
    };
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("recognition policy: {what}"))
}

fn assemble(
    rows: Vec<PolicyRow>,
    tiers: Vec<TierRow>,
    rates: Vec<RateRow>,
) -> Result<Vec<PolicyVersion>, StoreError> {
    rows.into_iter()
        .map(|r| {
            let offered = r
                .offered
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| Recognition::parse(s).map_err(|_| corrupt(s)))
                .collect::<Result<Vec<_>, _>>()?;
            let tiers = tiers
                .iter()
                .filter(|t| t.policy_id == r.id)
                .map(|t| Tier {
                    key: t.key.clone(),
                    name: t.name.clone(),
                    description: t.description.clone(),
                })
                .collect();
            let rates = rates
                .iter()
                .filter(|x| x.policy_id == r.id)
                .map(|x| {
                    Ok(PolicyRate {
                        tier: x.tier.clone(),
                        basis: RateBasis::parse(&x.basis).map_err(|_| corrupt(&x.basis))?,
                        activity_type: match &x.activity_type {
                            Some(t) => Some(ActivityType::parse(t).map_err(|_| corrupt(t))?),
                            None => None,
                        },
                        amount_pence: x.amount_pence,
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            Ok(PolicyVersion {
                id: r.id,
                organisation_id: r.organisation_id,
                created_at: r.created_at,
                created_by_name: r.created_by_name,
                policy: Policy {
                    effective_from: r.effective_from,
                    offered,
                    pro_rata: r.pro_rata,
                    tiers,
                    rates,
                    expenses: ExpensesDraft {
                        per_mile: r.per_mile,
                        per_mile_passenger: r.per_mile_passenger,
                        per_mile_bicycle: r.per_mile_bicycle,
                        public_transport: r.public_transport,
                        taxis_with_approval: r.taxis_with_approval,
                        care_costs: r.care_costs,
                        meal_cap: r.meal_cap,
                        home_working: r.home_working,
                        claim_within_days: r.claim_within_days,
                    },
                    advice: r.advice,
                },
            })
        })
        .collect()
}

impl Store {
    /// Versions with their tiers and rates, in three queries whatever their number.
    async fn versions(&self, rows: Vec<PolicyRow>) -> Result<Vec<PolicyVersion>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let (tiers, rates) = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT policy_id, key, name, description FROM recognition_tiers WHERE policy_id IN (",
            );
            let mut list = q.separated(", ");
            for id in &ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY policy_id, position");
            let tiers = q.build_query_as::<TierRow>().fetch_all(p).await?;
            let mut q = sqlx::QueryBuilder::new(
                "SELECT policy_id, tier, basis, activity_type, amount_pence FROM recognition_rates WHERE policy_id IN (",
            );
            let mut list = q.separated(", ");
            for id in &ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY policy_id, position");
            let rates = q.build_query_as::<RateRow>().fetch_all(p).await?;
            Ok::<_, sqlx::Error>((tiers, rates))
        })?;
        assemble(rows, tiers, rates)
    }

    /// The version of an organisation's policy in force on a day: the latest to take
    /// effect on or before it (the latest made, of two from the same day).
    pub async fn policy_in_force(
        &self,
        organisation_id: i64,
        day: NaiveDate,
    ) -> Result<Option<PolicyVersion>, StoreError> {
        let rows = on_pool!(self, |p| {
            sqlx::query_as::<_, PolicyRow>(policy_select!(
                "WHERE p.organisation_id = $1 AND p.effective_from <= $2 ORDER BY p.effective_from DESC, p.id DESC LIMIT 1"
            ))
            .bind(organisation_id)
            .bind(day)
            .fetch_all(p)
            .await
        })?;
        Ok(self.versions(rows).await?.pop())
    }

    /// Every version of an organisation's policy, the latest to take effect first
    /// (at most 200).
    pub async fn policy_versions(
        &self,
        organisation_id: i64,
    ) -> Result<Vec<PolicyVersion>, StoreError> {
        let rows = on_pool!(self, |p| {
            sqlx::query_as::<_, PolicyRow>(policy_select!(
                "WHERE p.organisation_id = $1 ORDER BY p.effective_from DESC, p.id DESC LIMIT 200"
            ))
            .bind(organisation_id)
            .fetch_all(p)
            .await
        })?;
        self.versions(rows).await
    }

    /// One version.
    pub async fn policy_version(&self, id: i64) -> Result<PolicyVersion, StoreError> {
        let rows = on_pool!(self, |p| {
            sqlx::query_as::<_, PolicyRow>(policy_select!("WHERE p.id = $1"))
                .bind(id)
                .fetch_all(p)
                .await
        })?;
        self.versions(rows).await?.pop().ok_or(StoreError::NotFound)
    }
}

/// Writes a new version of an organisation's policy on the caller's transaction,
/// with its tiers and rates. Answers its id.
pub async fn insert_policy_in(
    tx: &mut Tx,
    organisation_id: i64,
    p: &Policy,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let offered: Vec<&str> = p.offered.iter().map(|o| o.slug()).collect();
    let e = &p.expenses;
    let id = on_tx!(&mut *tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO recognition_policies (organisation_id, effective_from, offered, pro_rata, per_mile, per_mile_passenger, per_mile_bicycle, public_transport, taxis_with_approval, care_costs, meal_cap, home_working, claim_within_days, advice, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
        )
        .bind(organisation_id)
        .bind(p.effective_from)
        .bind(offered.join(","))
        .bind(p.pro_rata)
        .bind(e.per_mile)
        .bind(e.per_mile_passenger)
        .bind(e.per_mile_bicycle)
        .bind(e.public_transport)
        .bind(e.taxis_with_approval)
        .bind(e.care_costs)
        .bind(e.meal_cap)
        .bind(e.home_working)
        .bind(e.claim_within_days)
        .bind(&p.advice)
        .bind(now)
        .bind(by)
        .fetch_one(c)
        .await
    })?;
    if !p.tiers.is_empty() {
        on_tx!(&mut *tx, |c| {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO recognition_tiers (policy_id, position, key, name, description) ",
            );
            q.push_values(p.tiers.iter().enumerate(), |mut row, (i, t)| {
                row.push_bind(id)
                    .push_bind(i as i64)
                    .push_bind(&t.key)
                    .push_bind(&t.name)
                    .push_bind(&t.description);
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    if !p.rates.is_empty() {
        on_tx!(&mut *tx, |c| {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO recognition_rates (policy_id, position, tier, basis, activity_type, amount_pence) ",
            );
            q.push_values(p.rates.iter().enumerate(), |mut row, (i, r)| {
                row.push_bind(id)
                    .push_bind(i as i64)
                    .push_bind(&r.tier)
                    .push_bind(r.basis.slug())
                    .push_bind(r.activity_type.map(|t| t.slug()))
                    .push_bind(r.amount_pence);
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    Ok(id)
}
