//! Opportunities as stored: the role and its terms, the people invited to apply for
//! one open only to them, and each person's interest (applications), with the lists
//! the pages need, each one query.
//!
//! Whether someone may apply, and what opening or deciding needs, is decided in the
//! domain and the application layer; this module only reads and writes.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::ladder::Rung;
use coproduce_domain::opportunity::{
    ApplicationStatus, Opportunity as Terms, Recognition, Standing, WhoMayApply,
};

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within};

/// An opportunity, with its network's name and how many people said they are
/// interested (not counting those who withdrew).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Opportunity {
    pub id: i64,
    pub organisation_id: i64,
    pub project_id: Option<i64>,
    pub title: String,
    pub expected: String,
    pub involved: String,
    pub time_asked: String,
    #[sqlx(try_from = "String")]
    pub recognition: Recognition,
    pub recognition_detail: Option<String>,
    pub access_support: String,
    #[sqlx(try_from = "String")]
    pub rung: Rung,
    pub closes_on: NaiveDate,
    pub places: i64,
    #[sqlx(try_from = "String")]
    pub who_may_apply: WhoMayApply,
    pub network_id: Option<i64>,
    pub network_name: Option<String>,
    pub easy_read: Option<String>,
    pub created_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The organisation's name, for the public list.
    pub organisation_name: String,
    /// How many people are interested, chosen or not (not those who withdrew).
    pub applicants: i64,
}

has_id!(Opportunity);

impl Opportunity {
    /// Where it stands on `today`.
    pub fn standing(&self, today: NaiveDate) -> Standing {
        Standing::on(
            self.published_at.is_some(),
            self.decided_at.is_some(),
            self.closes_on,
            today,
        )
    }
}

/// One person's interest in an opportunity, with their name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Application {
    pub id: i64,
    pub opportunity_id: i64,
    pub person_id: i64,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub status: ApplicationStatus,
    pub why: Option<String>,
    pub expressed_at: DateTime<Utc>,
    /// The member of staff who said it for them; `None` when they said it themselves.
    pub expressed_by_name: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// One person invited to apply, with their name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Invited {
    pub person_id: i64,
    pub name: String,
    pub invited_at: DateTime<Utc>,
}

/// A person's own interest in an opportunity, with the opportunity's title.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OwnApplication {
    pub opportunity_id: i64,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: ApplicationStatus,
    pub expressed_at: DateTime<Utc>,
    pub closes_on: NaiveDate,
}

/// The columns an opportunity is read with.
macro_rules! opportunity_select {
    ($rest:literal) => {
        concat!(
            "SELECT o.id, o.organisation_id, o.project_id, o.title, o.expected, o.involved, o.time_asked, o.recognition, o.recognition_detail, o.access_support, o.rung, o.closes_on, o.places, o.who_may_apply, o.network_id, n.name AS network_name, o.easy_read, o.created_at, o.published_at, o.decided_at, g.name AS organisation_name, (SELECT COUNT(*) FROM opportunity_applications x WHERE x.opportunity_id = o.id AND x.status <> 'withdrawn') AS applicants FROM opportunities o JOIN organisations g ON g.id = o.organisation_id LEFT JOIN networks n ON n.id = o.network_id ",
            $rest
        )
    };
}

/// The columns an application is read with: its own, the person's name, and the
/// name of the member of staff who said it for them.
macro_rules! application_select {
    ($rest:literal) => {
        concat!(
            "SELECT x.id, x.opportunity_id, x.person_id, p.name, x.status, x.why, x.expressed_at, a.name AS expressed_by_name, x.decided_at FROM opportunity_applications x JOIN people p ON p.id = x.person_id LEFT JOIN accounts a ON a.id = x.expressed_by ",
            $rest
        )
    };
}

impl Store {
    pub async fn opportunity(&self, id: i64) -> Result<Opportunity, StoreError> {
        self.by_id(opportunity_select!("WHERE o.id = $1"), id).await
    }

    /// Opportunities in id order: of one organisation, or of all.
    pub async fn opportunities(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<Opportunity>, StoreError> {
        self.page_within(
            [
                opportunity_select!("WHERE o.id > $1 ORDER BY o.id LIMIT $2"),
                opportunity_select!(
                    "WHERE o.id > $1 AND o.organisation_id = $3 ORDER BY o.id LIMIT $2"
                ),
                opportunity_select!(
                    "WHERE o.id > $1 AND o.organisation_id = $3 ORDER BY o.id LIMIT $2"
                ),
            ],
            page,
            within,
        )
        .await
    }

    /// Opportunities anyone may read about on `today`: opened, not decided, not past
    /// their closing date, and open to anyone or to a network's members (never one
    /// only for people invited). The soonest to close first.
    pub async fn listed_opportunities(
        &self,
        today: NaiveDate,
    ) -> Result<Vec<Opportunity>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Opportunity>(opportunity_select!(
                "WHERE o.published_at IS NOT NULL AND o.decided_at IS NULL AND o.closes_on >= $1 AND o.who_may_apply <> 'invited' ORDER BY o.closes_on, o.id LIMIT 500"
            ))
            .bind(today)
            .fetch_all(p)
            .await
        })?)
    }

    /// The open opportunities a person may say they are interested in on `today`:
    /// of their organisation, and open to anyone, to a network they are a member of,
    /// or to them by invitation. Those they already answered are left out. The
    /// soonest to close first.
    pub async fn opportunities_for(
        &self,
        person_id: i64,
        today: NaiveDate,
    ) -> Result<Vec<Opportunity>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Opportunity>(opportunity_select!(
                "WHERE o.published_at IS NOT NULL AND o.decided_at IS NULL AND o.closes_on >= $2 AND o.organisation_id = (SELECT organisation_id FROM people WHERE id = $1) AND (o.who_may_apply = 'public' OR (o.who_may_apply = 'network' AND EXISTS (SELECT 1 FROM memberships m WHERE m.network_id = o.network_id AND m.person_id = $1 AND m.left_on IS NULL)) OR (o.who_may_apply = 'invited' AND EXISTS (SELECT 1 FROM opportunity_invited i WHERE i.opportunity_id = o.id AND i.person_id = $1))) AND NOT EXISTS (SELECT 1 FROM opportunity_applications x WHERE x.opportunity_id = o.id AND x.person_id = $1) ORDER BY o.closes_on, o.id LIMIT 200"
            ))
            .bind(person_id)
            .bind(today)
            .fetch_all(p)
            .await
        })?)
    }

    /// Whether a person may say they are interested in an opportunity, by who may
    /// apply: anyone of its organisation, a current member of its network, or
    /// someone invited. Whether it is open is not asked here.
    pub async fn may_apply(&self, opportunity_id: i64, person_id: i64) -> Result<bool, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, bool>(
                "SELECT EXISTS (SELECT 1 FROM opportunities o JOIN people p ON p.id = $2 AND p.organisation_id = o.organisation_id AND p.erased_at IS NULL WHERE o.id = $1 AND (o.who_may_apply = 'public' OR (o.who_may_apply = 'network' AND EXISTS (SELECT 1 FROM memberships m WHERE m.network_id = o.network_id AND m.person_id = $2 AND m.left_on IS NULL)) OR (o.who_may_apply = 'invited' AND EXISTS (SELECT 1 FROM opportunity_invited i WHERE i.opportunity_id = o.id AND i.person_id = $2))))",
            )
            .bind(opportunity_id)
            .bind(person_id)
            .fetch_one(p)
            .await
        })?)
    }

    /// Everyone who said they are interested in an opportunity, in the order they
    /// said it.
    pub async fn applications(&self, opportunity_id: i64) -> Result<Vec<Application>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Application>(application_select!(
                "WHERE x.opportunity_id = $1 ORDER BY x.expressed_at, x.id"
            ))
            .bind(opportunity_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// One person's interest in an opportunity, if they said it.
    pub async fn application_of(
        &self,
        opportunity_id: i64,
        person_id: i64,
    ) -> Result<Option<Application>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Application>(application_select!(
                "WHERE x.opportunity_id = $1 AND x.person_id = $2"
            ))
            .bind(opportunity_id)
            .bind(person_id)
            .fetch_optional(p)
            .await
        })?)
    }

    /// Everything a person said they are interested in, the latest first.
    pub async fn own_applications(
        &self,
        person_id: i64,
    ) -> Result<Vec<OwnApplication>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, OwnApplication>(
                "SELECT x.opportunity_id, o.title, x.status, x.expressed_at, o.closes_on FROM opportunity_applications x JOIN opportunities o ON o.id = x.opportunity_id WHERE x.person_id = $1 ORDER BY x.expressed_at DESC, x.id DESC LIMIT 200",
            )
            .bind(person_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// The people invited to apply for an opportunity, by name.
    pub async fn invited(&self, opportunity_id: i64) -> Result<Vec<Invited>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Invited>(
                "SELECT i.person_id, p.name, i.invited_at FROM opportunity_invited i JOIN people p ON p.id = i.person_id WHERE i.opportunity_id = $1 ORDER BY p.name, p.id",
            )
            .bind(opportunity_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// How many people are invited to apply for an opportunity.
    pub async fn invited_count(&self, opportunity_id: i64) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM opportunity_invited WHERE opportunity_id = $1",
            )
            .bind(opportunity_id)
            .fetch_one(p)
            .await
        })?)
    }
}

/// Writes an opportunity on the caller's transaction, as a draft.
pub async fn insert_opportunity_in(
    tx: &mut Tx,
    organisation_id: i64,
    o: &Terms,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO opportunities (organisation_id, project_id, title, expected, involved, time_asked, recognition, recognition_detail, access_support, rung, closes_on, places, who_may_apply, network_id, easy_read, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
        )
        .bind(organisation_id)
        .bind(o.project_id)
        .bind(&o.title)
        .bind(&o.expected)
        .bind(&o.involved)
        .bind(&o.time_asked)
        .bind(o.recognition.slug())
        .bind(&o.recognition_detail)
        .bind(&o.access_support)
        .bind(o.rung.slug())
        .bind(o.closes_on)
        .bind(o.places)
        .bind(o.who_may_apply.slug())
        .bind(o.network_id)
        .bind(&o.easy_read)
        .bind(now)
        .fetch_one(c)
        .await
    })?)
}

/// Changes an opportunity's terms on the caller's transaction, while its people are
/// not chosen: one decided meanwhile is [`StoreError::Stale`].
pub async fn update_opportunity_in(tx: &mut Tx, id: i64, o: &Terms) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE opportunities SET project_id = $1, title = $2, expected = $3, involved = $4, time_asked = $5, recognition = $6, recognition_detail = $7, access_support = $8, rung = $9, closes_on = $10, places = $11, who_may_apply = $12, network_id = $13, easy_read = $14 WHERE id = $15 AND decided_at IS NULL",
        )
        .bind(o.project_id)
        .bind(&o.title)
        .bind(&o.expected)
        .bind(&o.involved)
        .bind(&o.time_asked)
        .bind(o.recognition.slug())
        .bind(&o.recognition_detail)
        .bind(&o.access_support)
        .bind(o.rung.slug())
        .bind(o.closes_on)
        .bind(o.places)
        .bind(o.who_may_apply.slug())
        .bind(o.network_id)
        .bind(&o.easy_read)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    if rows == 0 {
        return Err(StoreError::Stale);
    }
    Ok(())
}

/// Opens an opportunity on the caller's transaction. Answers whether this opened
/// it: opening one already open keeps the first time and answers false, so two at
/// once tell nobody twice.
pub async fn publish_opportunity_in(
    tx: &mut Tx,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE opportunities SET published_at = $1 WHERE id = $2 AND published_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(rows == 1)
}

/// Invites people to apply, on the caller's transaction, in one statement; those
/// invited before stay as they were. Answers the ids newly invited.
pub async fn invite_in(
    tx: &mut Tx,
    opportunity_id: i64,
    people: &[i64],
    now: DateTime<Utc>,
) -> Result<Vec<i64>, StoreError> {
    if people.is_empty() {
        return Ok(vec![]);
    }
    Ok(on_tx!(tx, |c| {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO opportunity_invited (opportunity_id, person_id, invited_at) ",
        );
        q.push_values(people, |mut row, person| {
            row.push_bind(opportunity_id)
                .push_bind(*person)
                .push_bind(now);
        });
        q.push(" ON CONFLICT DO NOTHING RETURNING person_id");
        q.build_query_scalar::<i64>().fetch_all(c).await
    })?)
}

/// Records a person's interest on the caller's transaction. Someone who withdrew may
/// say it again; anyone else already interested is [`StoreError::Duplicate`].
pub async fn apply_in(
    tx: &mut Tx,
    opportunity_id: i64,
    person_id: i64,
    why: Option<&str>,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let again = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE opportunity_applications SET status = 'interested', why = $1, expressed_at = $2, expressed_by = $3 WHERE opportunity_id = $4 AND person_id = $5 AND status = 'withdrawn'",
        )
        .bind(why)
        .bind(now)
        .bind(by)
        .bind(opportunity_id)
        .bind(person_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    if again > 0 {
        return Ok(());
    }
    let inserted = on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO opportunity_applications (opportunity_id, person_id, status, why, expressed_at, expressed_by) VALUES ($1, $2, 'interested', $3, $4, $5)",
        )
        .bind(opportunity_id)
        .bind(person_id)
        .bind(why)
        .bind(now)
        .bind(by)
        .execute(c)
        .await
        .map(|_| ())
    });
    match inserted {
        Ok(_) => Ok(()),
        Err(e) if StoreError::is_unique_violation(&e) => Err(StoreError::Duplicate(
            "this person has already said they are interested".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Withdraws a person's interest on the caller's transaction, while nobody has been
/// chosen; [`StoreError::NotFound`] when there is none to withdraw.
pub async fn withdraw_in(
    tx: &mut Tx,
    opportunity_id: i64,
    person_id: i64,
) -> Result<(), StoreError> {
    let rows = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE opportunity_applications SET status = 'withdrawn' WHERE opportunity_id = $1 AND person_id = $2 AND status = 'interested'",
        )
        .bind(opportunity_id)
        .bind(person_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)
}

/// Records who was chosen, on the caller's transaction: everyone interested is
/// chosen or not, and the opportunity is decided. Deciding twice, or choosing
/// someone no longer interested, is [`StoreError::Stale`]: the first decision
/// stands, and the caller drops the transaction.
pub async fn decide_in(
    tx: &mut Tx,
    opportunity_id: i64,
    chosen: &[i64],
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE opportunities SET decided_at = $1, decided_by = $2 WHERE id = $3 AND decided_at IS NULL",
        )
        .bind(now)
        .bind(by)
        .bind(opportunity_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    if rows == 0 {
        return Err(StoreError::Stale);
    }
    on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE opportunity_applications SET status = 'not-chosen', decided_at = $1 WHERE opportunity_id = $2 AND status = 'interested'",
        )
        .bind(now)
        .bind(opportunity_id)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    if chosen.is_empty() {
        return Ok(());
    }
    let rows = on_tx!(tx, |c| {
        let mut q = sqlx::QueryBuilder::new(
            "UPDATE opportunity_applications SET status = 'chosen' WHERE status = 'not-chosen' AND opportunity_id = ",
        );
        q.push_bind(opportunity_id).push(" AND person_id IN (");
        let mut list = q.separated(", ");
        for id in chosen {
            list.push_bind(*id);
        }
        q.push(")");
        q.build().execute(c).await.map(|r| r.rows_affected())
    })?;
    // Someone chosen who withdrew meanwhile: nothing is kept.
    if rows != chosen.len() as u64 {
        return Err(StoreError::Stale);
    }
    Ok(())
}

/// The organisation's own network and project named by an opportunity, if any:
/// answers the first field that names another organisation's record, or none.
pub async fn foreign_reference(
    store: &Store,
    organisation_id: i64,
    o: &Terms,
) -> Result<Option<(&'static str, &'static str, i64)>, StoreError> {
    for (field, noun, sql, id) in [
        (
            "network_id",
            "network",
            "SELECT organisation_id FROM networks WHERE id = $1",
            o.network_id,
        ),
        (
            "project_id",
            "project",
            "SELECT organisation_id FROM projects WHERE id = $1",
            o.project_id,
        ),
    ] {
        let Some(id) = id else { continue };
        let owner: Option<i64> = on_pool!(store, |p| {
            sqlx::query_scalar(sql).bind(id).fetch_optional(p).await
        })?;
        if owner != Some(organisation_id) {
            return Ok(Some((field, noun, id)));
        }
    }
    Ok(None)
}
