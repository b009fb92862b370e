//! Meeting rules as stored: those a charter states (written with the charter, never
//! changed), an organisation's own values for them, the reasons organisers gave to
//! go ahead with a plan that breaks one, and the ground rules attached to an
//! activity. Which rules are in force is worked out here from two queries; checking
//! a plan against them is the domain's.

use chrono::{DateTime, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::activity::ActivityType;
use coproduce_domain::meeting_rules::{MeetingRule, RuleInForce, RuleKind, Source, parse_windows};

use crate::{Store, StoreError, Tx};

/// One rule as an organisation has it: what its charters say, what it set itself,
/// and so what is in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSetting {
    pub kind: RuleKind,
    /// The rule as the newest signed charter that states it says it, with the
    /// commitment it comes from.
    pub from_charter: Option<(MeetingRule, Source)>,
    /// Whether the organisation set the rule itself (its own values, or off).
    pub set_here: bool,
    /// The rule in force, if it is.
    pub in_force: Option<RuleInForce>,
}

/// A reason an organiser gave to go ahead with a plan that breaks a rule.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Exception {
    pub check_key: String,
    /// What the plan broke when they went ahead.
    pub found: String,
    pub reason: String,
    /// Who gave it: the account's email, if the account still exists.
    pub decided_by: Option<String>,
    pub decided_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct NamedDocumentRow {
    network_name: String,
    #[sqlx(flatten)]
    document: crate::networks::DocumentRow,
}

#[derive(sqlx::FromRow)]
struct CharterRuleRow {
    rule: String,
    amount: Option<i64>,
    windows: String,
    not_counting: String,
    charter_id: i64,
    charter_title: String,
    commitment_key: String,
    commitment_text: String,
}

#[derive(sqlx::FromRow)]
struct OwnRuleRow {
    rule: String,
    in_force: bool,
    amount: Option<i64>,
    windows: String,
    not_counting: String,
}

/// A rule from its stored columns; a value the checks would refuse is corrupt.
fn rule_of(
    kind: &str,
    amount: Option<i64>,
    windows: &str,
    not_counting: &str,
) -> Result<MeetingRule, StoreError> {
    let corrupt = |what: String| StoreError::Corrupt(format!("meeting rule {kind}: {what}"));
    let kind = RuleKind::parse(kind).map_err(|e| corrupt(e.to_string()))?;
    let windows = if windows.is_empty() {
        Vec::new()
    } else {
        parse_windows(windows).map_err(|e| corrupt(e.to_string()))?
    };
    let not_counting = not_counting
        .split(',')
        .filter(|s| !s.is_empty())
        .map(ActivityType::parse)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| corrupt(e.to_string()))?;
    MeetingRule::new(kind, amount, windows, not_counting).map_err(|e| {
        corrupt(
            e.first()
                .map(|(f, p)| format!("{f}: {p}"))
                .unwrap_or_default(),
        )
    })
}

/// The columns a rule is stored in: its number, its rush hours and what it does
/// not count.
pub fn columns(r: &MeetingRule) -> (Option<i64>, String, String) {
    let windows = if r.kind == RuleKind::RushHours {
        coproduce_domain::meeting_rules::show_windows(&r.windows)
    } else {
        String::new()
    };
    let not_counting: Vec<&str> = r.not_counting.iter().map(|t| t.slug()).collect();
    (r.amount, windows, not_counting.join(","))
}

impl Store {
    /// Every rule as the organisation has it, in the vocabulary's order: from the
    /// charters it signed (the newest that states a rule wins) and what it set
    /// itself, which replaces its charters'. Two queries.
    pub async fn rule_settings(
        &self,
        organisation_id: i64,
    ) -> Result<Vec<RuleSetting>, StoreError> {
        let charter_rows = on_pool!(self, |p| {
            sqlx::query_as::<_, CharterRuleRow>(
                "SELECT r.rule, r.amount, r.windows, r.not_counting, c.id AS charter_id, c.title AS charter_title, r.commitment_key, m.text AS commitment_text FROM charter_meeting_rules r JOIN charters c ON c.id = r.charter_id JOIN charter_commitments m ON m.charter_id = r.charter_id AND m.key = r.commitment_key WHERE EXISTS (SELECT 1 FROM signatories s WHERE s.charter_id = r.charter_id AND s.organisation_id = $1 AND s.status = 'signed') ORDER BY c.id DESC",
            )
            .bind(organisation_id)
            .fetch_all(p)
            .await
        })?;
        let own_rows = on_pool!(self, |p| {
            sqlx::query_as::<_, OwnRuleRow>(
                "SELECT rule, in_force, amount, windows, not_counting FROM meeting_rules WHERE organisation_id = $1",
            )
            .bind(organisation_id)
            .fetch_all(p)
            .await
        })?;
        let mut out = Vec::new();
        for kind in RuleKind::ALL.iter().copied() {
            let from_charter = match charter_rows.iter().find(|r| r.rule == kind.slug()) {
                Some(r) => Some((
                    rule_of(&r.rule, r.amount, &r.windows, &r.not_counting)?,
                    Source {
                        charter_id: r.charter_id,
                        charter_title: r.charter_title.clone(),
                        commitment_key: r.commitment_key.clone(),
                        commitment_text: r.commitment_text.clone(),
                    },
                )),
                None => None,
            };
            let own = own_rows.iter().find(|r| r.rule == kind.slug());
            let source = from_charter.as_ref().map(|(_, s)| s.clone());
            let in_force = match own {
                Some(o) if o.in_force => Some(RuleInForce {
                    rule: rule_of(&o.rule, o.amount, &o.windows, &o.not_counting)?,
                    source,
                }),
                Some(_) => None,
                None => from_charter.as_ref().map(|(r, s)| RuleInForce {
                    rule: r.clone(),
                    source: Some(s.clone()),
                }),
            };
            out.push(RuleSetting {
                kind,
                from_charter,
                set_here: own.is_some(),
                in_force,
            });
        }
        Ok(out)
    }

    /// The rules in force for an organisation.
    pub async fn rules_in_force(
        &self,
        organisation_id: i64,
    ) -> Result<Vec<RuleInForce>, StoreError> {
        Ok(self
            .rule_settings(organisation_id)
            .await?
            .into_iter()
            .filter_map(|s| s.in_force)
            .collect())
    }

    /// The reasons given to go ahead with an activity's plan, by check.
    pub async fn exceptions(&self, activity_id: i64) -> Result<Vec<Exception>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Exception>(
                "SELECT e.check_key, e.found, e.reason, a.email AS decided_by, e.decided_at FROM rule_exceptions e LEFT JOIN accounts a ON a.id = e.account_id WHERE e.activity_id = $1 ORDER BY e.id",
            )
            .bind(activity_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// The current version of each code of conduct and set of ground rules of the
    /// organisation's networks, network by network, each with its network's name:
    /// what can be attached to a meeting as its ground rules. One query.
    pub async fn ground_rules_documents(
        &self,
        organisation_id: i64,
    ) -> Result<Vec<(String, crate::networks::NetworkDocument)>, StoreError> {
        let rows: Vec<NamedDocumentRow> = on_pool!(self, |p| {
            sqlx::query_as(
                "SELECT n.name AS network_name, d.id, d.network_id, d.kind, d.title, d.version, d.charter_id, d.adopted_on, d.body, d.easy_read FROM network_documents d JOIN networks n ON n.id = d.network_id WHERE n.organisation_id = $1 AND d.kind IN ('ground-rules', 'code-of-conduct') AND NOT EXISTS (SELECT 1 FROM network_documents x WHERE x.network_id = d.network_id AND x.kind = d.kind AND (x.adopted_on > d.adopted_on OR (x.adopted_on = d.adopted_on AND x.id > d.id))) ORDER BY d.network_id, d.kind",
            )
            .bind(organisation_id)
            .fetch_all(p)
            .await
        })?;
        rows.into_iter()
            .map(|r| Ok((r.network_name, r.document.read()?)))
            .collect()
    }

    /// When the project's other activities start, those not called off.
    pub async fn other_starts(
        &self,
        project_id: i64,
        except: Option<i64>,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, DateTime<Utc>>(
                "SELECT starts_at FROM activities WHERE project_id = $1 AND id <> $2 AND cancelled_at IS NULL ORDER BY starts_at",
            )
            .bind(project_id)
            .bind(except.unwrap_or(0))
            .fetch_all(p)
            .await
        })?)
    }
}

/// Stores the rules a charter states, within the transaction that stores it.
pub(crate) async fn insert_charter_rules(
    tx: &mut Tx,
    charter_id: i64,
    c: &coproduce_domain::charter::Charter,
) -> Result<(), StoreError> {
    for (m, r) in c.meeting_rules() {
        let (amount, windows, not_counting) = columns(r);
        on_tx!(tx, |conn| {
            sqlx::query(
                "INSERT INTO charter_meeting_rules (charter_id, commitment_key, rule, amount, windows, not_counting) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(charter_id)
            .bind(&m.key)
            .bind(r.kind.slug())
            .bind(amount)
            .bind(&windows)
            .bind(&not_counting)
            .execute(conn)
            .await
            .map(|_| ())
        })?;
    }
    Ok(())
}

/// A charter's rules by the key of the commitment each comes from.
pub(crate) async fn charter_rules(
    store: &Store,
    charter_id: i64,
) -> Result<Vec<(String, MeetingRule)>, StoreError> {
    let rows: Vec<(String, String, Option<i64>, String, String)> = on_pool!(store, |p| {
        sqlx::query_as(
            "SELECT commitment_key, rule, amount, windows, not_counting FROM charter_meeting_rules WHERE charter_id = $1",
        )
        .bind(charter_id)
        .fetch_all(p)
        .await
    })?;
    let mut out = Vec::with_capacity(rows.len());
    for (key, rule, amount, windows, not_counting) in rows {
        out.push((key, rule_of(&rule, amount, &windows, &not_counting)?));
    }
    // A commitment's rules are kept in the vocabulary's order.
    out.sort_by_key(|(_, r)| r.kind);
    Ok(out)
}

/// Sets an organisation's own value for a rule: `Some` puts it in force with these
/// values, `None` turns it off.
pub async fn set_rule_in(
    tx: &mut Tx,
    organisation_id: i64,
    kind: RuleKind,
    rule: Option<&MeetingRule>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (amount, windows, not_counting) = rule.map(columns).unwrap_or_default();
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO meeting_rules (organisation_id, rule, in_force, amount, windows, not_counting, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (organisation_id, rule) DO UPDATE SET in_force = excluded.in_force, amount = excluded.amount, windows = excluded.windows, not_counting = excluded.not_counting, changed_at = excluded.changed_at",
        )
        .bind(organisation_id)
        .bind(kind.slug())
        .bind(rule.is_some())
        .bind(amount)
        .bind(&windows)
        .bind(&not_counting)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Puts a rule back to what the organisation's charters say.
pub async fn clear_rule_in(
    tx: &mut Tx,
    organisation_id: i64,
    kind: RuleKind,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query("DELETE FROM meeting_rules WHERE organisation_id = $1 AND rule = $2")
            .bind(organisation_id)
            .bind(kind.slug())
            .execute(c)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// Keeps the reason given to go ahead with a plan that breaks a check, replacing an
/// earlier one for the same check.
pub async fn add_exception_in(
    tx: &mut Tx,
    activity_id: i64,
    check_key: &str,
    found: &str,
    reason: &str,
    account_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO rule_exceptions (activity_id, check_key, found, reason, account_id, decided_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (activity_id, check_key) DO UPDATE SET found = excluded.found, reason = excluded.reason, account_id = excluded.account_id, decided_at = excluded.decided_at",
        )
        .bind(activity_id)
        .bind(check_key)
        .bind(found)
        .bind(reason)
        .bind(account_id)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Attaches ground rules to an activity (a copy of their words, with where they
/// came from), or takes them off with `None`; raises the activity's version.
pub async fn set_ground_rules_in(
    tx: &mut Tx,
    activity_id: i64,
    rules: Option<(&str, &str)>,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE activities SET ground_rules_title = $1, ground_rules = $2, version = version + 1 WHERE id = $3",
        )
        .bind(rules.map(|r| r.0))
        .bind(rules.map(|r| r.1))
        .bind(activity_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    crate::db::updated(rows)
}
