//! Charters, their sections and commitments, and the organisations that sign them.
//!
//! A charter version is written once, whole, in one transaction: its content never
//! changes afterwards. A new text is a new version under the same key. What can change
//! is the version's title, summary and settings, and who has signed it.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::charter::{
    Charter, CharterSettings, Commitment, CommitmentKind, Section, SignatoryStatus,
};
use coproduce_domain::indicator::IndicatorKey;
use coproduce_domain::ladder::Rung;

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx};

/// A stored charter version, without its sections.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CharterRecord {
    pub id: i64,
    pub key: String,
    pub version: String,
    pub title: String,
    pub source: String,
    pub summary: Option<String>,
    pub feedback_days: i64,
    pub review_months: i64,
    pub created_at: DateTime<Utc>,
}

has_id!(CharterRecord);

/// Fields of a stored charter version that may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharterFields {
    pub title: String,
    pub summary: Option<String>,
    pub settings: CharterSettings,
}

#[derive(sqlx::FromRow)]
struct SectionRow {
    id: i64,
    key: String,
    title: String,
    source_ref: String,
    intro: Option<String>,
}

#[derive(sqlx::FromRow)]
struct CommitmentRow {
    section_id: i64,
    key: String,
    text: String,
    source_ref: String,
    #[sqlx(try_from = "String")]
    kind: CommitmentKind,
    rung: Option<String>,
    indicator: Option<String>,
}

/// An organisation's place on a charter's list of signatories.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Signatory {
    pub id: i64,
    pub charter_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    #[sqlx(try_from = "String")]
    pub status: SignatoryStatus,
    pub invited_on: NaiveDate,
    pub signed_on: Option<NaiveDate>,
}

has_id!(Signatory);

/// A charter an organisation has signed, with the settings it brings.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Adoption {
    pub charter_id: i64,
    pub key: String,
    pub version: String,
    pub title: String,
    pub feedback_days: i64,
    pub signed_on: Option<NaiveDate>,
}

impl Store {
    /// Stores a new charter version with all its sections and commitments, in one
    /// transaction. A key and version that already exist are refused.
    pub async fn import_charter(
        &self,
        c: &Charter,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<CharterRecord, StoreError> {
        let mut tx = self.begin().await?;
        let id = insert_charter(&mut tx, c, now).await?;
        tx.commit().await?;
        self.charter_record(id).await
    }

    pub async fn charter_record(&self, id: i64) -> Result<CharterRecord, StoreError> {
        self.by_id(
            "SELECT id, key, version, title, source, summary, feedback_days, review_months, created_at FROM charters WHERE id = $1",
            id,
        )
        .await
    }

    /// The newest version of the charter with this key.
    pub async fn charter_by_key(&self, key: &str) -> Result<CharterRecord, StoreError> {
        on_pool!(self, |p| {
            sqlx::query_as::<_, CharterRecord>(
                "SELECT id, key, version, title, source, summary, feedback_days, review_months, created_at FROM charters WHERE key = $1 ORDER BY id DESC LIMIT 1",
            )
            .bind(key)
            .fetch_optional(p)
            .await
        })?
        .ok_or(StoreError::NotFound)
    }

    pub async fn charters(&self, page: PageRequest) -> Result<Page<CharterRecord>, StoreError> {
        self.page(
            "SELECT id, key, version, title, source, summary, feedback_days, review_months, created_at FROM charters WHERE id > $1 ORDER BY id LIMIT $2",
            page,
            None,
        )
        .await
    }

    /// A whole charter version: its record and its sections with their commitments,
    /// read in four queries whatever its size.
    pub async fn charter(&self, id: i64) -> Result<(CharterRecord, Charter), StoreError> {
        let record = self.charter_record(id).await?;
        let sections = on_pool!(self, |p| {
            sqlx::query_as::<_, SectionRow>(
                "SELECT id, key, title, source_ref, intro FROM charter_sections WHERE charter_id = $1 ORDER BY position",
            )
            .bind(id)
            .fetch_all(p)
            .await
        })?;
        let commitments = on_pool!(self, |p| {
            sqlx::query_as::<_, CommitmentRow>(
                "SELECT section_id, key, text, source_ref, kind, rung, indicator FROM charter_commitments WHERE charter_id = $1 ORDER BY section_id, position",
            )
            .bind(id)
            .fetch_all(p)
            .await
        })?;
        let mut out: Vec<(i64, Section)> = sections
            .into_iter()
            .map(|s| {
                (
                    s.id,
                    Section {
                        key: s.key,
                        title: s.title,
                        source_ref: s.source_ref,
                        intro: s.intro,
                        commitments: Vec::new(),
                    },
                )
            })
            .collect();
        let mut rules = crate::meeting_rules::charter_rules(self, id).await?;
        for c in commitments {
            let mut meeting_rules = Vec::new();
            rules.retain(|(key, r)| {
                let here = *key == c.key;
                if here {
                    meeting_rules.push(r.clone());
                }
                !here
            });
            let rung = c
                .rung
                .map(Rung::try_from)
                .transpose()
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let indicator = c
                .indicator
                .map(IndicatorKey::try_from)
                .transpose()
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            if let Some((_, s)) = out.iter_mut().find(|(sid, _)| *sid == c.section_id) {
                s.commitments.push(Commitment {
                    key: c.key,
                    text: c.text,
                    source_ref: c.source_ref,
                    kind: c.kind,
                    rung,
                    indicator,
                    meeting_rules,
                });
            }
        }
        let charter = Charter {
            key: record.key.clone(),
            title: record.title.clone(),
            version: record.version.clone(),
            source: record.source.clone(),
            summary: record.summary.clone(),
            settings: settings_of(&record),
            sections: out.into_iter().map(|(_, s)| s).collect(),
        };
        Ok((record, charter))
    }

    pub async fn update_charter(
        &self,
        id: i64,
        f: &CharterFields,
    ) -> Result<CharterRecord, StoreError> {
        let rows = on_pool!(self, |p| {
            sqlx::query(
                "UPDATE charters SET title = $1, summary = $2, feedback_days = $3, review_months = $4 WHERE id = $5",
            )
            .bind(&f.title)
            .bind(&f.summary)
            .bind(i64::from(f.settings.feedback_days))
            .bind(i64::from(f.settings.review_months))
            .bind(id)
            .execute(p)
            .await
            .map(|r| r.rows_affected())
        })?;
        updated(rows)?;
        self.charter_record(id).await
    }

    /// Invites an organisation to sign a charter, or records that it signed.
    pub async fn add_signatory(
        &self,
        charter_id: i64,
        organisation_id: i64,
        status: SignatoryStatus,
        invited_on: NaiveDate,
        signed_on: Option<NaiveDate>,
    ) -> Result<Signatory, StoreError> {
        self.require(
            "SELECT 1 FROM charters WHERE id = $1",
            "charter_id",
            "charter",
            charter_id,
        )
        .await?;
        self.require_organisation("organisation_id", organisation_id)
            .await?;
        let mut tx = self.begin().await?;
        let id = insert_signatory(
            &mut tx,
            charter_id,
            organisation_id,
            status,
            invited_on,
            signed_on,
        )
        .await?;
        tx.commit().await?;
        self.by_id(
            "SELECT s.id, s.charter_id, s.organisation_id, o.name AS organisation_name, s.status, s.invited_on, s.signed_on FROM signatories s JOIN organisations o ON o.id = s.organisation_id WHERE s.id = $1",
            id,
        )
        .await
    }

    /// Every organisation invited to sign a charter version, in the order invited.
    pub async fn signatories(&self, charter_id: i64) -> Result<Vec<Signatory>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Signatory>(
                "SELECT s.id, s.charter_id, s.organisation_id, o.name AS organisation_name, s.status, s.invited_on, s.signed_on FROM signatories s JOIN organisations o ON o.id = s.organisation_id WHERE s.charter_id = $1 ORDER BY s.id",
            )
            .bind(charter_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// The charters an organisation has signed.
    pub async fn adoptions(&self, organisation_id: i64) -> Result<Vec<Adoption>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Adoption>(
                "SELECT c.id AS charter_id, c.key, c.version, c.title, c.feedback_days, s.signed_on FROM signatories s JOIN charters c ON c.id = s.charter_id WHERE s.organisation_id = $1 AND s.status = 'signed' ORDER BY c.id",
            )
            .bind(organisation_id)
            .fetch_all(p)
            .await
        })?)
    }
}

fn settings_of(r: &CharterRecord) -> CharterSettings {
    CharterSettings {
        feedback_days: u16::try_from(r.feedback_days).unwrap_or(u16::MAX),
        review_months: u16::try_from(r.review_months).unwrap_or(u16::MAX),
    }
}

pub(crate) async fn insert_charter(
    tx: &mut Tx,
    c: &Charter,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64, StoreError> {
    let inserted = on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO charters (key, version, title, source, summary, feedback_days, review_months, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&c.key)
        .bind(&c.version)
        .bind(&c.title)
        .bind(&c.source)
        .bind(&c.summary)
        .bind(i64::from(c.settings.feedback_days))
        .bind(i64::from(c.settings.review_months))
        .bind(now)
        .fetch_one(conn)
        .await
    });
    let id = match inserted {
        Ok(id) => id,
        Err(e) if StoreError::is_unique_violation(&e) => {
            return Err(StoreError::Duplicate(format!(
                "charter \"{}\" version \"{}\" is already stored; give the new text a new version",
                c.key, c.version
            )));
        }
        Err(e) => return Err(e.into()),
    };
    // One insert per row, all inside the caller's transaction: a charter has tens of
    // commitments, and either all of them are stored or none.
    for (sp, s) in c.sections.iter().enumerate() {
        let section_id = on_tx!(tx, |conn| {
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO charter_sections (charter_id, position, key, title, source_ref, intro) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(id)
            .bind(sp as i64)
            .bind(&s.key)
            .bind(&s.title)
            .bind(&s.source_ref)
            .bind(&s.intro)
            .fetch_one(conn)
            .await
        })?;
        for (cp, m) in s.commitments.iter().enumerate() {
            on_tx!(tx, |conn| {
                sqlx::query(
                    "INSERT INTO charter_commitments (charter_id, section_id, position, key, text, source_ref, kind, rung, indicator) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(id)
                .bind(section_id)
                .bind(cp as i64)
                .bind(&m.key)
                .bind(&m.text)
                .bind(&m.source_ref)
                .bind(m.kind.slug())
                .bind(m.rung.map(|r| r.slug()))
                .bind(m.indicator.map(|i| i.slug()))
                .execute(conn)
                .await
                .map(|_| ())
            })?;
        }
    }
    crate::meeting_rules::insert_charter_rules(tx, id, c).await?;
    Ok(id)
}

pub(crate) async fn insert_signatory(
    tx: &mut Tx,
    charter_id: i64,
    organisation_id: i64,
    status: SignatoryStatus,
    invited_on: NaiveDate,
    signed_on: Option<NaiveDate>,
) -> Result<i64, StoreError> {
    let r = on_tx!(tx, |conn| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO signatories (charter_id, organisation_id, status, invited_on, signed_on) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(charter_id)
        .bind(organisation_id)
        .bind(status.slug())
        .bind(invited_on)
        .bind(signed_on)
        .fetch_one(conn)
        .await
    });
    match r {
        Ok(id) => Ok(id),
        Err(e) if StoreError::is_unique_violation(&e) => Err(StoreError::Duplicate(
            "this organisation is already on the charter's list of signatories".into(),
        )),
        Err(e) => Err(e.into()),
    }
}
