//! Venues: the places an organisation holds its activities, and what each offers for
//! access (step-free, a hearing loop, a Changing Places toilet...).

use chrono::{DateTime, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::activity::VenueFeature;

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Venue {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub address: Option<String>,
    pub postcode: Option<String>,
    /// Anything else an organiser should know: the entrance to use, who to ask.
    pub notes: Option<String>,
    pub created_at: DateTime<Utc>,
    /// What it offers for access, in the vocabulary's order.
    #[sqlx(skip)]
    pub features: Vec<VenueFeature>,
}

has_id!(Venue);

/// A venue's fields, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VenueFields {
    pub organisation_id: i64,
    pub name: String,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub notes: Option<String>,
    pub features: Vec<VenueFeature>,
}

impl Store {
    pub async fn venue(&self, id: i64) -> Result<Venue, StoreError> {
        let mut v: Venue = self
            .by_id(
                "SELECT id, organisation_id, name, address, postcode, notes, created_at FROM venues WHERE id = $1",
                id,
            )
            .await?;
        self.fill_features(std::slice::from_mut(&mut v)).await?;
        Ok(v)
    }

    /// Venues in id order, of one organisation or of all; a page at a time, with
    /// their features in one more query.
    pub async fn venues(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Venue>, StoreError> {
        let mut page: Page<Venue> = self
            .page_within(
                [
                    "SELECT id, organisation_id, name, address, postcode, notes, created_at FROM venues WHERE id > $1 ORDER BY id LIMIT $2",
                    "SELECT id, organisation_id, name, address, postcode, notes, created_at FROM venues WHERE id > $1 AND organisation_id = $3 ORDER BY id LIMIT $2",
                    "SELECT id, organisation_id, name, address, postcode, notes, created_at FROM venues WHERE id > $1 AND organisation_id = $3 ORDER BY id LIMIT $2",
                ],
                page,
                within,
            )
            .await?;
        self.fill_features(&mut page.items).await?;
        Ok(page)
    }

    async fn fill_features(&self, venues: &mut [Venue]) -> Result<(), StoreError> {
        if venues.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = venues.iter().map(|v| v.id).collect();
        let rows: Vec<(i64, String)> = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT venue_id, feature FROM venue_features WHERE venue_id IN (",
            );
            let mut list = q.separated(", ");
            for id in &ids {
                list.push_bind(*id);
            }
            q.push(")");
            q.build_query_as::<(i64, String)>().fetch_all(p).await
        })?;
        for v in venues.iter_mut() {
            v.features = VenueFeature::ALL
                .iter()
                .copied()
                .filter(|f| rows.iter().any(|(id, s)| *id == v.id && s == f.slug()))
                .collect();
        }
        Ok(())
    }
}

/// Writes a venue on the caller's transaction.
pub async fn insert_venue(
    tx: &mut Tx,
    f: &VenueFields,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let id = on_tx!(&mut *tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO venues (organisation_id, name, address, postcode, notes, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(f.organisation_id)
        .bind(&f.name)
        .bind(&f.address)
        .bind(&f.postcode)
        .bind(&f.notes)
        .bind(now)
        .fetch_one(c)
        .await
    })?;
    write_features(tx, id, &f.features).await?;
    Ok(id)
}

/// Changes a venue on the caller's transaction; its features are replaced.
pub async fn update_venue_in(tx: &mut Tx, id: i64, f: &VenueFields) -> Result<(), StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE venues SET organisation_id = $1, name = $2, address = $3, postcode = $4, notes = $5 WHERE id = $6",
        )
        .bind(f.organisation_id)
        .bind(&f.name)
        .bind(&f.address)
        .bind(&f.postcode)
        .bind(&f.notes)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)?;
    on_tx!(&mut *tx, |c| sqlx::query(
        "DELETE FROM venue_features WHERE venue_id = $1"
    )
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    write_features(tx, id, &f.features).await
}

async fn write_features(tx: &mut Tx, id: i64, features: &[VenueFeature]) -> Result<(), StoreError> {
    if features.is_empty() {
        return Ok(());
    }
    Ok(on_tx!(tx, |c| {
        let mut q = sqlx::QueryBuilder::new("INSERT INTO venue_features (venue_id, feature) ");
        q.push_values(features, |mut row, f| {
            row.push_bind(id).push_bind(f.slug());
        });
        q.build().execute(c).await.map(|_| ())
    })?)
}
