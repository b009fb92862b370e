//! Network members: joining and leaving, induction, signatures on the versions of a
//! network's documents, and standing down and reinstatement.
//!
//! A member's state is read from their rows, never kept twice: they are a current
//! member while `left_on` is empty, stood down while a stand-down has no
//! `reinstated_on`, and signed up when they have signed the newest version of each
//! document the network has adopted. The date rules are in
//! `coproduce_domain::network`; this module only stores what passed them.

use std::collections::HashSet;

use chrono::NaiveDate;
use coproduce_domain::Vocabulary;
use coproduce_domain::network::{MemberRole, StandDown};

use crate::networks::{DocumentRow, NetworkDocument, corrupt, duplicate};
use crate::{Page, PageRequest, Store, StoreError};

/// A stand-down as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StandDownRecord {
    pub id: i64,
    pub membership_id: i64,
    pub stood_down_on: NaiveDate,
    pub reason: String,
    pub review_on: Option<NaiveDate>,
    pub reinstated_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct MembershipRow {
    id: i64,
    network_id: i64,
    network_name: String,
    organisation_id: i64,
    person_id: i64,
    person_name: String,
    role: String,
    joined_on: NaiveDate,
    left_on: Option<NaiveDate>,
    inducted_on: Option<NaiveDate>,
    inducted_by: Option<String>,
    stood_down_on: Option<NaiveDate>,
    review_on: Option<NaiveDate>,
}

/// One person's membership of one network, from joining to leaving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub id: i64,
    pub network_id: i64,
    pub network_name: String,
    /// The network's organisation, which decides who may see the membership.
    pub organisation_id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub role: MemberRole,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
    pub inducted_on: Option<NaiveDate>,
    pub inducted_by: Option<String>,
    /// While stood down: the day they stood down and the day it is to be reviewed.
    pub stood_down: Option<(NaiveDate, Option<NaiveDate>)>,
}

impl MembershipRow {
    fn read(self) -> Result<Membership, StoreError> {
        Ok(Membership {
            id: self.id,
            network_id: self.network_id,
            network_name: self.network_name,
            organisation_id: self.organisation_id,
            person_id: self.person_id,
            person_name: self.person_name,
            role: MemberRole::parse(&self.role).map_err(corrupt)?,
            joined_on: self.joined_on,
            left_on: self.left_on,
            inducted_on: self.inducted_on,
            inducted_by: self.inducted_by,
            stood_down: self.stood_down_on.map(|d| (d, self.review_on)),
        })
    }
}

macro_rules! membership_select {
    ($rest:literal) => {
        concat!(
            "SELECT m.id, m.network_id, n.name AS network_name, n.organisation_id, m.person_id, p.name AS person_name, m.role, m.joined_on, m.left_on, m.inducted_on, m.inducted_by, sd.stood_down_on, sd.review_on FROM memberships m JOIN networks n ON n.id = m.network_id JOIN people p ON p.id = m.person_id LEFT JOIN stand_downs sd ON sd.membership_id = m.id AND sd.reinstated_on IS NULL ",
            $rest
        )
    };
}

/// A current member as a network's list shows them: the membership, and which of the
/// network's current documents they have signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub membership: Membership,
    /// The ids of the current documents this member has signed.
    pub signed: HashSet<i64>,
}

/// A signature on one version of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub document: NetworkDocument,
    pub signed_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct SignatureRow {
    membership_id: i64,
    id: i64,
    network_id: i64,
    kind: String,
    title: String,
    version: String,
    charter_id: Option<i64>,
    adopted_on: NaiveDate,
    body: String,
    easy_read: Option<String>,
    signed_on: NaiveDate,
}

macro_rules! signature_select {
    ($rest:literal) => {
        concat!(
            "SELECT s.membership_id, d.id, d.network_id, d.kind, d.title, d.version, d.charter_id, d.adopted_on, d.body, d.easy_read, s.signed_on FROM signatures s JOIN network_documents d ON d.id = s.document_id ",
            $rest
        )
    };
}

impl SignatureRow {
    /// The membership's id and the signature.
    fn read(self) -> Result<(i64, Signature), StoreError> {
        Ok((
            self.membership_id,
            Signature {
                signed_on: self.signed_on,
                document: DocumentRow {
                    id: self.id,
                    network_id: self.network_id,
                    kind: self.kind,
                    title: self.title,
                    version: self.version,
                    charter_id: self.charter_id,
                    adopted_on: self.adopted_on,
                    body: self.body,
                    easy_read: self.easy_read,
                }
                .read()?,
            },
        ))
    }
}

impl Store {
    /// Adds a person to a network. A person already a current member is refused.
    pub async fn add_member(
        &self,
        network_id: i64,
        person_id: i64,
        role: MemberRole,
        joined_on: NaiveDate,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Membership, StoreError> {
        self.require(
            "SELECT 1 FROM people WHERE id = $1 AND erased_at IS NULL",
            "person_id",
            "person",
            person_id,
        )
        .await?;
        let mut tx = self.begin().await?;
        let id = insert_member(&mut tx, network_id, person_id, role, joined_on, now).await?;
        tx.commit().await?;
        self.membership(id).await
    }

    pub async fn membership(&self, id: i64) -> Result<Membership, StoreError> {
        let row: Option<MembershipRow> = on_pool!(self, |p| sqlx::query_as(membership_select!(
            "WHERE m.id = $1"
        ))
        .bind(id)
        .fetch_optional(p)
        .await)?;
        row.ok_or(StoreError::NotFound)?.read()
    }

    /// A person's memberships, current and past, newest first.
    pub async fn memberships_of(&self, person_id: i64) -> Result<Vec<Membership>, StoreError> {
        let rows: Vec<MembershipRow> = on_pool!(self, |p| sqlx::query_as(membership_select!(
            "WHERE m.person_id = $1 ORDER BY m.joined_on DESC, m.id DESC"
        ))
        .bind(person_id)
        .fetch_all(p)
        .await)?;
        rows.into_iter().map(MembershipRow::read).collect()
    }

    /// A page of a network's current members, in the order they were added, each with
    /// which of `documents` (the current versions) they have signed: two queries.
    pub async fn members(
        &self,
        network_id: i64,
        documents: &[i64],
        page: PageRequest,
    ) -> Result<Page<Member>, StoreError> {
        let rows: Vec<MembershipRow> = on_pool!(self, |p| sqlx::query_as(membership_select!(
            "WHERE m.network_id = $1 AND m.left_on IS NULL AND m.id > $2 ORDER BY m.id LIMIT $3"
        ))
        .bind(network_id)
        .bind(page.after)
        .bind(page.limit + 1)
        .fetch_all(p)
        .await)?;
        let rows = page.page(rows, |r| r.id);
        let ids: Vec<i64> = rows.items.iter().map(|r| r.id).collect();
        let signed: Vec<(i64, i64)> = if ids.is_empty() || documents.is_empty() {
            vec![]
        } else {
            on_pool!(self, |p| {
                let mut q = sqlx::QueryBuilder::new(
                    "SELECT membership_id, document_id FROM signatures WHERE document_id IN (",
                );
                let mut list = q.separated(", ");
                for d in documents {
                    list.push_bind(*d);
                }
                q.push(") AND membership_id IN (");
                let mut list = q.separated(", ");
                for id in &ids {
                    list.push_bind(*id);
                }
                q.push(")");
                q.build_query_as().fetch_all(p).await
            })?
        };
        Ok(Page {
            items: rows
                .items
                .into_iter()
                .map(|r| {
                    let id = r.id;
                    Ok(Member {
                        membership: r.read()?,
                        signed: signed
                            .iter()
                            .filter(|(m, _)| *m == id)
                            .map(|(_, d)| *d)
                            .collect(),
                    })
                })
                .collect::<Result<_, StoreError>>()?,
            next_after: rows.next_after,
        })
    }

    /// The people who chair a network now.
    pub async fn chairs(&self, network_id: i64) -> Result<Vec<Membership>, StoreError> {
        let rows: Vec<MembershipRow> = on_pool!(self, |p| {
            sqlx::query_as(membership_select!(
            "WHERE m.network_id = $1 AND m.left_on IS NULL AND m.role IN ('chair', 'co-chair', 'vice-chair') ORDER BY m.id"
        ))
        .bind(network_id)
        .fetch_all(p)
        .await
        })?;
        rows.into_iter().map(MembershipRow::read).collect()
    }

    pub async fn set_member_role(
        &self,
        membership_id: i64,
        role: MemberRole,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        self.change_membership(membership_id, &MemberChange::Role(role), None, now)
            .await
    }

    /// Records a member's induction: the day, and who inducted them.
    pub async fn record_induction(
        &self,
        membership_id: i64,
        on: NaiveDate,
        by: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        let change = MemberChange::Induction {
            on,
            by: by.to_string(),
        };
        self.change_membership(membership_id, &change, None, now)
            .await
    }

    /// Records that a member left on a day. They may join again later.
    pub async fn leave_network(
        &self,
        membership_id: i64,
        on: NaiveDate,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        self.change_membership(membership_id, &MemberChange::Leave(on), None, now)
            .await
    }

    /// Records a member's signature on a version of a document of their network.
    pub async fn sign_document(
        &self,
        membership_id: i64,
        document_id: i64,
        on: NaiveDate,
        recorded_by: Option<i64>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        let change = MemberChange::Sign { document_id, on };
        self.change_membership(membership_id, &change, recorded_by, now)
            .await
    }

    /// What a member has signed, newest first.
    pub async fn signatures_of(&self, membership_id: i64) -> Result<Vec<Signature>, StoreError> {
        let rows: Vec<SignatureRow> = on_pool!(self, |p| sqlx::query_as(signature_select!(
            "WHERE s.membership_id = $1 ORDER BY s.signed_on DESC, s.id DESC"
        ))
        .bind(membership_id)
        .fetch_all(p)
        .await)?;
        Ok(rows
            .into_iter()
            .map(SignatureRow::read)
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(|(_, s)| s)
            .collect())
    }

    /// Everything a person has signed in every network, newest first, each with its
    /// membership's id: one query.
    pub async fn signatures_of_person(
        &self,
        person_id: i64,
    ) -> Result<Vec<(i64, Signature)>, StoreError> {
        let rows: Vec<SignatureRow> = on_pool!(self, |p| {
            sqlx::query_as(signature_select!(
            "JOIN memberships m ON m.id = s.membership_id WHERE m.person_id = $1 ORDER BY s.signed_on DESC, s.id DESC"
        ))
        .bind(person_id)
        .fetch_all(p)
        .await
        })?;
        rows.into_iter().map(SignatureRow::read).collect()
    }

    /// Every time a person stood down from any network, newest first: one query.
    pub async fn stand_downs_of_person(
        &self,
        person_id: i64,
    ) -> Result<Vec<StandDownRecord>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as(
            "SELECT sd.id, sd.membership_id, sd.stood_down_on, sd.reason, sd.review_on, sd.reinstated_on FROM stand_downs sd JOIN memberships m ON m.id = sd.membership_id WHERE m.person_id = $1 ORDER BY sd.stood_down_on DESC, sd.id DESC"
        )
        .bind(person_id)
        .fetch_all(p)
        .await
        })?)
    }

    /// Records a member standing down. A member already stood down is refused.
    pub async fn stand_down(
        &self,
        membership_id: i64,
        s: &StandDown,
        recorded_by: Option<i64>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        self.change_membership(
            membership_id,
            &MemberChange::StandDown(s.clone()),
            recorded_by,
            now,
        )
        .await
    }

    /// Reinstates a member who stood down.
    pub async fn reinstate(
        &self,
        membership_id: i64,
        on: NaiveDate,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        self.change_membership(membership_id, &MemberChange::Reinstate(on), None, now)
            .await
    }

    /// Records one change to a membership in a transaction of its own: see
    /// [`change_membership_in`].
    pub async fn change_membership(
        &self,
        membership_id: i64,
        change: &MemberChange,
        recorded_by: Option<i64>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        change_membership_in(&mut tx, membership_id, change, recorded_by, now).await?;
        tx.commit().await
    }

    /// Every time a member stood down, newest first.
    pub async fn stand_downs_of(
        &self,
        membership_id: i64,
    ) -> Result<Vec<StandDownRecord>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as(
            "SELECT id, membership_id, stood_down_on, reason, review_on, reinstated_on FROM stand_downs WHERE membership_id = $1 ORDER BY stood_down_on DESC, id DESC"
        )
        .bind(membership_id)
        .fetch_all(p)
        .await
        })?)
    }
}

/// One thing recorded about a membership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberChange {
    Role(MemberRole),
    /// The day they were inducted, and who inducted them.
    Induction {
        on: NaiveDate,
        by: String,
    },
    /// Their signature on a version of a document of their network.
    Sign {
        document_id: i64,
        on: NaiveDate,
    },
    /// Standing down; refused while they are stood down already.
    StandDown(StandDown),
    Reinstate(NaiveDate),
    /// Leaving the network on a day; they may join again later.
    Leave(NaiveDate),
}

impl MemberChange {
    /// A short name of the change, for the audit trail.
    pub fn name(&self) -> &'static str {
        match self {
            MemberChange::Role(_) => "role",
            MemberChange::Induction { .. } => "induction",
            MemberChange::Sign { .. } => "sign",
            MemberChange::StandDown(_) => "stand-down",
            MemberChange::Reinstate(_) => "reinstate",
            MemberChange::Leave(_) => "leave",
        }
    }
}

/// Adds a person to a network on the caller's transaction. A person already a
/// current member is refused.
pub async fn insert_member(
    tx: &mut crate::Tx,
    network_id: i64,
    person_id: i64,
    role: MemberRole,
    joined_on: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64, StoreError> {
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO memberships (network_id, person_id, role, joined_on, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(network_id)
        .bind(person_id)
        .bind(role.slug())
        .bind(joined_on)
        .bind(now)
        .fetch_one(c)
        .await
    })
    .map_err(duplicate("is already a member of this network"))
}

/// Adds many people to a network on the caller's transaction, in statements of a
/// hundred rows, each person with the day they joined: how an import and adding
/// several members at once write. Anyone already a current member is
/// [`StoreError::Duplicate`]. Returns each new membership's id with its person's, in
/// person order.
pub async fn insert_members(
    tx: &mut crate::Tx,
    network_id: i64,
    people: &[(i64, NaiveDate)],
    role: MemberRole,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let mut ids = Vec::with_capacity(people.len());
    for chunk in people.chunks(100) {
        let added: Vec<(i64, i64)> = on_tx!(&mut *tx, |c| {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO memberships (network_id, person_id, role, joined_on, created_at) ",
            );
            q.push_values(chunk, |mut row, (person, joined)| {
                row.push_bind(network_id)
                    .push_bind(*person)
                    .push_bind(role.slug())
                    .push_bind(*joined)
                    .push_bind(now);
            });
            q.push(" RETURNING id, person_id");
            q.build_query_as::<(i64, i64)>().fetch_all(c).await
        })
        .map_err(duplicate("is already a member of this network"))?;
        ids.extend(added);
    }
    ids.sort_by_key(|(_, person)| *person);
    Ok(ids)
}

/// Records one change to a membership on the caller's transaction.
/// [`StoreError::NotFound`] when there is nothing to change (a role change or
/// leaving after they left, a reinstatement with no stand-down open).
pub async fn change_membership_in(
    tx: &mut crate::Tx,
    membership_id: i64,
    change: &MemberChange,
    recorded_by: Option<i64>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let rows = match change {
        MemberChange::Role(role) => on_tx!(tx, |c| sqlx::query(
            "UPDATE memberships SET role = $1 WHERE id = $2 AND left_on IS NULL"
        )
        .bind(role.slug())
        .bind(membership_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?,
        MemberChange::Induction { on, by } => on_tx!(tx, |c| sqlx::query(
            "UPDATE memberships SET inducted_on = $1, inducted_by = $2 WHERE id = $3"
        )
        .bind(on)
        .bind(by)
        .bind(membership_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?,
        MemberChange::Leave(on) => on_tx!(tx, |c| sqlx::query(
            "UPDATE memberships SET left_on = $1 WHERE id = $2 AND left_on IS NULL"
        )
        .bind(on)
        .bind(membership_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?,
        MemberChange::Sign { document_id, on } => on_tx!(tx, |c| sqlx::query(
            "INSERT INTO signatures (membership_id, document_id, signed_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)"
        )
        .bind(membership_id)
        .bind(document_id)
        .bind(on)
        .bind(recorded_by)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(duplicate("has already signed this version"))?,
        MemberChange::StandDown(s) => on_tx!(tx, |c| sqlx::query(
            "INSERT INTO stand_downs (membership_id, stood_down_on, reason, review_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)"
        )
        .bind(membership_id)
        .bind(s.on)
        .bind(&s.reason)
        .bind(s.review_on)
        .bind(recorded_by)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(duplicate("is already stood down"))?,
        MemberChange::Reinstate(on) => on_tx!(tx, |c| sqlx::query(
            "UPDATE stand_downs SET reinstated_on = $1 WHERE membership_id = $2 AND reinstated_on IS NULL"
        )
        .bind(on)
        .bind(membership_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?,
    };
    crate::db::updated(rows)
}
