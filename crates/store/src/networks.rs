//! Networks and the versions of their charter and code of conduct. Members, their
//! signatures and standing down are in [`crate::memberships`].
//!
//! The newest adopted version of each document is the one members must have signed
//! (`current_documents`). The date rules are in `coproduce_domain::network`; this
//! module only stores what passed them.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::network::{DocumentKind, NetworkKind};

use crate::{Page, PageRequest, Store, StoreError, Within};

pub(crate) fn corrupt(e: coproduce_domain::UnknownValue) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

/// A network as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkFields {
    pub organisation_id: i64,
    pub name: String,
    pub kind: NetworkKind,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct NetworkRow {
    id: i64,
    organisation_id: i64,
    name: String,
    kind: String,
    description: Option<String>,
    created_at: DateTime<Utc>,
    members: i64,
}
has_id!(NetworkRow);

/// A network, with how many current members it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub kind: NetworkKind,
    pub description: Option<String>,
    pub created_at: DateTime<Utc>,
    pub members: i64,
}

impl NetworkRow {
    fn read(self) -> Result<Network, StoreError> {
        Ok(Network {
            id: self.id,
            organisation_id: self.organisation_id,
            name: self.name,
            kind: NetworkKind::parse(&self.kind).map_err(corrupt)?,
            description: self.description,
            created_at: self.created_at,
            members: self.members,
        })
    }
}

macro_rules! network_select {
    ($rest:literal) => {
        concat!(
            "SELECT n.id, n.organisation_id, n.name, n.kind, n.description, n.created_at, (SELECT COUNT(*) FROM memberships m WHERE m.network_id = n.id AND m.left_on IS NULL) AS members FROM networks n ",
            $rest
        )
    };
}

/// A version of a network's charter or code of conduct, and the day it was adopted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFields {
    pub kind: DocumentKind,
    pub title: String,
    pub version: String,
    /// The charter adopted, for a document of kind charter.
    pub charter_id: Option<i64>,
    pub adopted_on: NaiveDate,
    /// The words of this version, as members read them when they sign.
    pub body: String,
    /// An Easy Read version, for members for whom that is their need.
    pub easy_read: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub(crate) struct DocumentRow {
    pub(crate) id: i64,
    pub(crate) network_id: i64,
    pub(crate) kind: String,
    pub(crate) title: String,
    pub(crate) version: String,
    pub(crate) charter_id: Option<i64>,
    pub(crate) adopted_on: NaiveDate,
    pub(crate) body: String,
    pub(crate) easy_read: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkDocument {
    pub id: i64,
    pub network_id: i64,
    pub kind: DocumentKind,
    pub title: String,
    pub version: String,
    pub charter_id: Option<i64>,
    pub adopted_on: NaiveDate,
    /// The words of this version, kept as they were adopted.
    pub body: String,
    pub easy_read: Option<String>,
}

impl DocumentRow {
    pub(crate) fn read(self) -> Result<NetworkDocument, StoreError> {
        Ok(NetworkDocument {
            id: self.id,
            network_id: self.network_id,
            kind: DocumentKind::parse(&self.kind).map_err(corrupt)?,
            title: self.title,
            version: self.version,
            charter_id: self.charter_id,
            adopted_on: self.adopted_on,
            body: self.body,
            easy_read: self.easy_read,
        })
    }
}

/// The versions members must have signed: the newest adopted of each kind.
pub fn current_documents(all: &[NetworkDocument]) -> Vec<&NetworkDocument> {
    DocumentKind::ALL
        .iter()
        .filter_map(|kind| {
            all.iter()
                .filter(|d| d.kind == *kind)
                .max_by_key(|d| (d.adopted_on, d.id))
        })
        .collect()
}

pub(crate) fn duplicate(message: &str) -> impl Fn(sqlx::Error) -> StoreError + '_ {
    move |e| {
        if StoreError::is_unique_violation(&e) {
            StoreError::Duplicate(message.to_string())
        } else {
            e.into()
        }
    }
}

impl Store {
    pub async fn create_network(
        &self,
        f: &NetworkFields,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Network, StoreError> {
        self.require_organisation("organisation_id", f.organisation_id)
            .await?;
        let id = on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO networks (organisation_id, name, kind, description, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(f.organisation_id)
            .bind(&f.name)
            .bind(f.kind.slug())
            .bind(&f.description)
            .bind(now)
            .fetch_one(p)
            .await
        })?;
        self.network(id).await
    }

    pub async fn update_network(&self, id: i64, f: &NetworkFields) -> Result<Network, StoreError> {
        let rows = on_pool!(self, |p| {
            sqlx::query("UPDATE networks SET name = $1, kind = $2, description = $3 WHERE id = $4")
                .bind(&f.name)
                .bind(f.kind.slug())
                .bind(&f.description)
                .bind(id)
                .execute(p)
                .await
                .map(|r| r.rows_affected())
        })?;
        crate::db::updated(rows)?;
        self.network(id).await
    }

    pub async fn network(&self, id: i64) -> Result<Network, StoreError> {
        self.by_id::<NetworkRow>(network_select!("WHERE n.id = $1"), id)
            .await?
            .read()
    }

    /// A page of networks, in id order, with their member counts.
    pub async fn networks(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Network>, StoreError> {
        let rows: Page<NetworkRow> = self
            .page_within(
                [
                    network_select!("WHERE n.id > $1 ORDER BY n.id LIMIT $2"),
                    network_select!(
                        "WHERE n.id > $1 AND n.organisation_id = $3 ORDER BY n.id LIMIT $2"
                    ),
                    network_select!(
                        "WHERE n.id > $1 AND n.organisation_id = $3 ORDER BY n.id LIMIT $2"
                    ),
                ],
                page,
                within,
            )
            .await?;
        Ok(Page {
            items: rows
                .items
                .into_iter()
                .map(NetworkRow::read)
                .collect::<Result<_, _>>()?,
            next_after: rows.next_after,
        })
    }

    /// Adopts a version of a document. Members must sign it, as the newest of its
    /// kind, unless a later version is adopted with an earlier date.
    pub async fn adopt_document(
        &self,
        network_id: i64,
        f: &DocumentFields,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<NetworkDocument, StoreError> {
        self.require(
            "SELECT 1 FROM networks WHERE id = $1",
            "network_id",
            "network",
            network_id,
        )
        .await?;
        if let Some(c) = f.charter_id {
            self.require(
                "SELECT 1 FROM charters WHERE id = $1",
                "charter_id",
                "charter",
                c,
            )
            .await?;
        }
        let mut tx = self.begin().await?;
        let id = insert_document(&mut tx, network_id, f, now).await?;
        tx.commit().await?;
        self.document(id).await
    }

    pub async fn document(&self, id: i64) -> Result<NetworkDocument, StoreError> {
        let row: Option<DocumentRow> = on_pool!(self, |p| {
            sqlx::query_as(
            "SELECT id, network_id, kind, title, version, charter_id, adopted_on, body, easy_read FROM network_documents WHERE id = $1"
        )
        .bind(id)
        .fetch_optional(p)
        .await
        })?;
        row.ok_or(StoreError::NotFound)?.read()
    }

    /// The current versions a person has still to sign, of every network they belong
    /// to now, in one query: network by network, charter before code of conduct.
    pub async fn unsigned_by(&self, person_id: i64) -> Result<Vec<NetworkDocument>, StoreError> {
        let rows: Vec<DocumentRow> = on_pool!(self, |p| {
            sqlx::query_as(
                "SELECT d.id, d.network_id, d.kind, d.title, d.version, d.charter_id, d.adopted_on, d.body, d.easy_read FROM memberships m JOIN network_documents d ON d.network_id = m.network_id WHERE m.person_id = $1 AND m.left_on IS NULL AND NOT EXISTS (SELECT 1 FROM network_documents n WHERE n.network_id = d.network_id AND n.kind = d.kind AND (n.adopted_on > d.adopted_on OR (n.adopted_on = d.adopted_on AND n.id > d.id))) AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.membership_id = m.id AND s.document_id = d.id) ORDER BY d.network_id, d.kind",
            )
            .bind(person_id)
            .fetch_all(p)
            .await
        })?;
        rows.into_iter().map(DocumentRow::read).collect()
    }

    /// Every version a network has adopted, newest first.
    pub async fn documents(&self, network_id: i64) -> Result<Vec<NetworkDocument>, StoreError> {
        let rows: Vec<DocumentRow> = on_pool!(self, |p| {
            sqlx::query_as(
            "SELECT id, network_id, kind, title, version, charter_id, adopted_on, body, easy_read FROM network_documents WHERE network_id = $1 ORDER BY adopted_on DESC, id DESC"
        )
        .bind(network_id)
        .fetch_all(p)
        .await
        })?;
        rows.into_iter().map(DocumentRow::read).collect()
    }

    /// How many current members have not signed the current version of each document:
    /// (document id, count), in one query.
    pub async fn unsigned_counts(
        &self,
        network_id: i64,
        documents: &[i64],
    ) -> Result<Vec<(i64, i64)>, StoreError> {
        let mut out = Vec::new();
        if documents.is_empty() {
            return Ok(out);
        }
        let rows: Vec<(i64, i64)> = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT d.id, COUNT(m.id) FROM network_documents d JOIN memberships m ON m.network_id = d.network_id AND m.left_on IS NULL LEFT JOIN signatures s ON s.document_id = d.id AND s.membership_id = m.id WHERE s.id IS NULL AND d.network_id = ",
            );
            q.push_bind(network_id);
            q.push(" AND d.id IN (");
            let mut list = q.separated(", ");
            for d in documents {
                list.push_bind(*d);
            }
            q.push(") GROUP BY d.id");
            q.build_query_as().fetch_all(p).await
        })?;
        for d in documents {
            let n = rows.iter().find(|(id, _)| id == d).map_or(0, |(_, n)| *n);
            out.push((*d, n));
        }
        Ok(out)
    }
}

/// Writes a version of a network's document on the caller's transaction; a version
/// already adopted is [`StoreError::Duplicate`].
pub async fn insert_document(
    tx: &mut crate::Tx,
    network_id: i64,
    f: &DocumentFields,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64, StoreError> {
    let message = format!(
        "version {} of the {} is already adopted",
        f.version,
        f.kind.label().to_lowercase()
    );
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO network_documents (network_id, kind, title, version, charter_id, adopted_on, recorded_at, body, easy_read) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(network_id)
        .bind(f.kind.slug())
        .bind(&f.title)
        .bind(&f.version)
        .bind(f.charter_id)
        .bind(f.adopted_on)
        .bind(now)
        .bind(&f.body)
        .bind(&f.easy_read)
        .fetch_one(c)
        .await
    })
    .map_err(duplicate(&message))
}
