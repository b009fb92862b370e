//! People in the register: profiles with their roles, interests, availability and
//! languages, each organisation's register its own.
//!
//! Multi-valued parts of a profile live in their own indexed tables
//! (`person_roles`, `person_interests`, `person_languages`, `person_availability`), so
//! the register can be filtered by them. A profile and its parts are written in one
//! transaction. Equality answers are not here: see [`crate::equality`].

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::person::{ContactMethod, Language, PersonRole, Profile, ServiceArea, Slot};

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx, Within};

/// The profile columns, in the order [`PersonRow`] reads them.
macro_rules! person_columns {
    () => {
        "id, organisation_id, name, preferred_name, pronouns, email, phone, address, postcode, preferred_contact, affiliations, avoid_rush_hour, born_on, created_at, updated_at, erased_at"
    };
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct PersonRow {
    id: i64,
    organisation_id: i64,
    name: String,
    preferred_name: Option<String>,
    pronouns: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    address: Option<String>,
    postcode: Option<String>,
    preferred_contact: Option<String>,
    affiliations: Option<String>,
    avoid_rush_hour: bool,
    born_on: Option<NaiveDate>,
    created_at: DateTime<Utc>,
    updated_at: Option<DateTime<Utc>>,
    erased_at: Option<DateTime<Utc>>,
}

has_id!(PersonRow);

/// A person in the register, with every part of their profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub profile: Profile,
    pub created_at: DateTime<Utc>,
    pub updated_at: Option<DateTime<Utc>>,
    /// When their personal data was erased; the record stays, nameless, for counts.
    pub erased_at: Option<DateTime<Utc>>,
}

impl Person {
    pub fn organisation_id(&self) -> i64 {
        self.profile.organisation_id
    }

    pub fn name(&self) -> &str {
        &self.profile.name
    }
}

/// One row of a register list: enough to find the person, nothing sensitive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSummary {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub roles: Vec<PersonRole>,
    pub born_on: Option<NaiveDate>,
}

/// The multi-valued parts of profiles, read for many people at once.
#[derive(Debug, Default)]
struct Parts {
    roles: Vec<(i64, String)>,
    interests: Vec<(i64, String)>,
    languages: Vec<(i64, String)>,
    availability: Vec<(i64, String)>,
}

fn of<T: Ord>(rows: &[(i64, String)], id: i64, read: impl Fn(&str) -> Option<T>) -> BTreeSet<T> {
    rows.iter()
        .filter(|(p, _)| *p == id)
        .filter_map(|(_, v)| read(v))
        .collect()
}

impl PersonRow {
    fn into_person(self, parts: &Parts) -> Person {
        let id = self.id;
        Person {
            id,
            profile: Profile {
                organisation_id: self.organisation_id,
                name: self.name,
                preferred_name: self.preferred_name,
                pronouns: self.pronouns,
                email: self.email,
                phone: self.phone,
                address: self.address,
                postcode: self.postcode,
                preferred_contact: self
                    .preferred_contact
                    .and_then(|c| ContactMethod::parse(&c).ok()),
                roles: of(&parts.roles, id, |s| PersonRole::parse(s).ok()),
                affiliations: self.affiliations,
                interests: of(&parts.interests, id, |s| ServiceArea::parse(s).ok()),
                availability: of(&parts.availability, id, |s| Slot::parse(s).ok()),
                avoid_rush_hour: self.avoid_rush_hour,
                languages: of(&parts.languages, id, |s| Language::parse(s).ok()),
                born_on: self.born_on,
            },
            created_at: self.created_at,
            updated_at: self.updated_at,
            erased_at: self.erased_at,
        }
    }
}

impl Store {
    /// Adds a person to a register, with every part of their profile, in one
    /// transaction.
    pub async fn create_person(
        &self,
        p: &Profile,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Person, StoreError> {
        self.require_organisation("organisation_id", p.organisation_id)
            .await?;
        let mut tx = self.begin().await?;
        let id = insert_person(&mut tx, p, now).await?;
        tx.commit().await?;
        self.person(id).await
    }

    pub async fn person(&self, id: i64) -> Result<Person, StoreError> {
        let row: PersonRow = self
            .by_id(
                concat!("SELECT ", person_columns!(), " FROM people WHERE id = $1"),
                id,
            )
            .await?;
        let parts = Parts {
            roles: self
                .pairs(
                    "SELECT person_id, role FROM person_roles WHERE person_id = $1",
                    id,
                )
                .await?,
            interests: self
                .pairs(
                    "SELECT person_id, area FROM person_interests WHERE person_id = $1",
                    id,
                )
                .await?,
            languages: self
                .pairs(
                    "SELECT person_id, language FROM person_languages WHERE person_id = $1",
                    id,
                )
                .await?,
            availability: self
                .pairs(
                    "SELECT person_id, slot FROM person_availability WHERE person_id = $1",
                    id,
                )
                .await?,
        };
        Ok(row.into_person(&parts))
    }

    /// `(person id, value)` rows of one query taking one id.
    async fn pairs(&self, sql: &'static str, id: i64) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(on_pool!(self, |p| sqlx::query_as::<_, (i64, String)>(sql)
            .bind(id)
            .fetch_all(p)
            .await)?)
    }

    /// People in id order, optionally only those of one organisation, with their
    /// roles: two queries a page, however long it is.
    pub async fn people(
        &self,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<PersonSummary>, StoreError> {
        let rows: Page<PersonRow> = self
            .page_within(
                [
                    concat!(
                        "SELECT ",
                        person_columns!(),
                        " FROM people WHERE id > $1 ORDER BY id LIMIT $2"
                    ),
                    concat!(
                        "SELECT ",
                        person_columns!(),
                        " FROM people WHERE id > $1 AND organisation_id = $3 ORDER BY id LIMIT $2"
                    ),
                    concat!(
                        "SELECT ",
                        person_columns!(),
                        " FROM people WHERE id > $1 AND organisation_id = $3 ORDER BY id LIMIT $2"
                    ),
                ],
                page,
                within,
            )
            .await?;
        // The roles of the same page: the page's own query, as a subquery.
        let roles_sql = match within {
            Within::All => {
                "SELECT person_id, role FROM person_roles WHERE person_id IN (SELECT id FROM people WHERE id > $1 ORDER BY id LIMIT $2)"
            }
            Within::Parent(_) | Within::Organisation(_) => {
                "SELECT person_id, role FROM person_roles WHERE person_id IN (SELECT id FROM people WHERE id > $1 AND organisation_id = $3 ORDER BY id LIMIT $2)"
            }
        };
        let scope = match within {
            Within::All => 0,
            Within::Parent(id) | Within::Organisation(id) => id,
        };
        let roles = on_pool!(self, |p| sqlx::query_as::<_, (i64, String)>(roles_sql)
            .bind(page.after)
            .bind(page.limit)
            .bind(scope)
            .fetch_all(p)
            .await)?;
        let items = rows
            .items
            .into_iter()
            .map(|r| PersonSummary {
                roles: of(&roles, r.id, |s| PersonRole::parse(s).ok())
                    .into_iter()
                    .collect(),
                id: r.id,
                organisation_id: r.organisation_id,
                name: r.name,
                email: r.email,
                born_on: r.born_on,
            })
            .collect();
        Ok(Page {
            items,
            next_after: rows.next_after,
        })
    }

    /// Changes a person's profile and its parts in one transaction.
    pub async fn update_person(
        &self,
        id: i64,
        p: &Profile,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Person, StoreError> {
        self.require_organisation("organisation_id", p.organisation_id)
            .await?;
        let mut tx = self.begin().await?;
        update_person_in(&mut tx, id, p, now).await?;
        tx.commit().await?;
        self.person(id).await
    }
}

/// Changes a person's profile and its parts on the caller's transaction.
/// [`StoreError::NotFound`] for no such person, or one erased.
pub async fn update_person_in(
    tx: &mut Tx,
    id: i64,
    p: &Profile,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE people SET organisation_id = $1, name = $2, preferred_name = $3, pronouns = $4, email = $5, phone = $6, address = $7, postcode = $8, preferred_contact = $9, affiliations = $10, avoid_rush_hour = $11, born_on = $12, updated_at = $13, phone_digits = $15 WHERE id = $14 AND erased_at IS NULL",
        )
        .bind(p.organisation_id)
        .bind(&p.name)
        .bind(&p.preferred_name)
        .bind(&p.pronouns)
        .bind(&p.email)
        .bind(&p.phone)
        .bind(&p.address)
        .bind(&p.postcode)
        .bind(p.preferred_contact.map(Vocabulary::slug))
        .bind(&p.affiliations)
        .bind(p.avoid_rush_hour)
        .bind(p.born_on)
        .bind(now)
        .bind(id)
        .bind(digits(&p.phone))
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)?;
    write_parts(tx, id, p, true).await
}

/// The words of a name and preferred name, lower case, each once: what a search by
/// name looks in.
pub fn name_words(name: &str, preferred: Option<&str>) -> Vec<String> {
    let mut words: Vec<String> = std::iter::once(name)
        .chain(preferred)
        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A phone number's digits, to compare numbers however they were typed.
pub fn digits(phone: &Option<String>) -> Option<String> {
    phone
        .as_ref()
        .map(|p| p.chars().filter(char::is_ascii_digit).collect())
}

/// Inserts a person and the parts of their profile on the caller's transaction.
pub async fn insert_person(
    tx: &mut Tx,
    p: &Profile,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let id = on_tx!(&mut *tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO people (organisation_id, name, preferred_name, pronouns, email, phone, address, postcode, preferred_contact, affiliations, avoid_rush_hour, born_on, created_at, phone_digits) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind(p.organisation_id)
        .bind(&p.name)
        .bind(&p.preferred_name)
        .bind(&p.pronouns)
        .bind(&p.email)
        .bind(&p.phone)
        .bind(&p.address)
        .bind(&p.postcode)
        .bind(p.preferred_contact.map(Vocabulary::slug))
        .bind(&p.affiliations)
        .bind(p.avoid_rush_hour)
        .bind(p.born_on)
        .bind(now)
        .bind(digits(&p.phone))
        .fetch_one(c)
        .await
    })?;
    write_parts(tx, id, p, false).await?;
    Ok(id)
}

/// The values one part of a profile holds, as its table keeps them.
type ValuesOf = fn(&Profile) -> Vec<String>;

/// Adds many people on the caller's transaction: one statement for their rows and
/// one for each part of their profiles (name words, roles, interests, languages,
/// availability). At most 500 at a time, so each statement stays within both
/// databases' limits on values. Returns their ids in the order given.
pub(crate) async fn insert_people(
    tx: &mut Tx,
    profiles: &[&Profile],
    now: DateTime<Utc>,
) -> Result<Vec<i64>, StoreError> {
    assert!(profiles.len() <= 500, "insert_people takes 500 at a time");
    if profiles.is_empty() {
        return Ok(vec![]);
    }
    let mut ids: Vec<i64> = on_tx!(&mut *tx, |c| {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO people (organisation_id, name, preferred_name, pronouns, email, phone, address, postcode, preferred_contact, affiliations, avoid_rush_hour, born_on, created_at, phone_digits) ",
        );
        q.push_values(profiles, |mut row, p| {
            row.push_bind(p.organisation_id)
                .push_bind(&p.name)
                .push_bind(&p.preferred_name)
                .push_bind(&p.pronouns)
                .push_bind(&p.email)
                .push_bind(&p.phone)
                .push_bind(&p.address)
                .push_bind(&p.postcode)
                .push_bind(p.preferred_contact.map(Vocabulary::slug))
                .push_bind(&p.affiliations)
                .push_bind(p.avoid_rush_hour)
                .push_bind(p.born_on)
                .push_bind(now)
                .push_bind(digits(&p.phone));
        });
        q.push(" RETURNING id");
        q.build_query_scalar::<i64>().fetch_all(c).await
    })?;
    if ids.len() != profiles.len() {
        return Err(StoreError::Corrupt(format!(
            "{} people were written but {} ids came back",
            profiles.len(),
            ids.len()
        )));
    }
    // Both databases number the rows of one statement in the order they are
    // written, whatever order RETURNING gives them back in.
    ids.sort_unstable();
    let parts: [(&'static str, ValuesOf); 5] = [
        ("INSERT INTO person_name_words (person_id, word) ", |p| {
            name_words(&p.name, p.preferred_name.as_deref())
        }),
        ("INSERT INTO person_roles (person_id, role) ", |p| {
            p.roles.iter().map(|v| v.slug().to_string()).collect()
        }),
        ("INSERT INTO person_interests (person_id, area) ", |p| {
            p.interests.iter().map(|v| v.slug().to_string()).collect()
        }),
        ("INSERT INTO person_languages (person_id, language) ", |p| {
            p.languages.iter().map(|v| v.slug().to_string()).collect()
        }),
        ("INSERT INTO person_availability (person_id, slot) ", |p| {
            p.availability.iter().map(|v| v.slug()).collect()
        }),
    ];
    for (insert, values_of) in parts {
        let pairs: Vec<(i64, String)> = ids
            .iter()
            .zip(profiles)
            .flat_map(|(id, p)| values_of(p).into_iter().map(move |v| (*id, v)))
            .collect();
        for chunk in pairs.chunks(500) {
            on_tx!(&mut *tx, |c| {
                let mut q = sqlx::QueryBuilder::new(insert);
                q.push_values(chunk, |mut row, (id, v)| {
                    row.push_bind(*id).push_bind(v.as_str());
                });
                q.build().execute(c).await.map(|_| ())
            })?;
        }
    }
    Ok(ids)
}

/// Writes the multi-valued parts of a profile, replacing what was there when
/// `replace` is set.
async fn write_parts(tx: &mut Tx, id: i64, p: &Profile, replace: bool) -> Result<(), StoreError> {
    let parts: [(&'static str, &'static str, Vec<String>); 5] = [
        (
            "DELETE FROM person_name_words WHERE person_id = $1",
            "INSERT INTO person_name_words (person_id, word) ",
            name_words(&p.name, p.preferred_name.as_deref()),
        ),
        (
            "DELETE FROM person_roles WHERE person_id = $1",
            "INSERT INTO person_roles (person_id, role) ",
            p.roles.iter().map(|v| v.slug().to_string()).collect(),
        ),
        (
            "DELETE FROM person_interests WHERE person_id = $1",
            "INSERT INTO person_interests (person_id, area) ",
            p.interests.iter().map(|v| v.slug().to_string()).collect(),
        ),
        (
            "DELETE FROM person_languages WHERE person_id = $1",
            "INSERT INTO person_languages (person_id, language) ",
            p.languages.iter().map(|v| v.slug().to_string()).collect(),
        ),
        (
            "DELETE FROM person_availability WHERE person_id = $1",
            "INSERT INTO person_availability (person_id, slot) ",
            p.availability.iter().map(|v| v.slug()).collect(),
        ),
    ];
    for (delete, insert, values) in parts {
        if replace {
            on_tx!(&mut *tx, |c| sqlx::query(delete)
                .bind(id)
                .execute(c)
                .await
                .map(|_| ()))?;
        }
        if values.is_empty() {
            continue;
        }
        // One statement for all the values of a part.
        on_tx!(&mut *tx, |c| {
            let mut q = sqlx::QueryBuilder::new(insert);
            q.push_values(&values, |mut row, v| {
                row.push_bind(id).push_bind(v.as_str());
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// One activity a person was recorded against, for their own record.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TakenPart {
    pub activity_id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    #[sqlx(try_from = "String")]
    pub status: coproduce_domain::person::AttendanceStatus,
}

/// A person to review because they have not taken part for a long time.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Inactive {
    pub id: i64,
    pub name: String,
    /// When they last took part, or when they were added if they never have.
    pub last_active: DateTime<Utc>,
}

has_id!(Inactive);

impl Store {
    /// Which of `ids` are people of this organisation still in the register (not
    /// erased), in one query.
    pub async fn people_of(
        &self,
        organisation_id: i64,
        ids: &[i64],
    ) -> Result<Vec<i64>, StoreError> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        Ok(on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new("SELECT id FROM people WHERE organisation_id = ");
            q.push_bind(organisation_id);
            q.push(" AND erased_at IS NULL AND id IN (");
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY id");
            q.build_query_scalar::<i64>().fetch_all(p).await
        })?)
    }

    /// Every activity a person was invited to or came to, newest first.
    pub async fn taken_part(&self, person_id: i64) -> Result<Vec<TakenPart>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, TakenPart>(
            "SELECT a.activity_id, act.title, act.starts_at, a.status FROM attendance a JOIN activities act ON act.id = a.activity_id WHERE a.person_id = $1 ORDER BY act.starts_at DESC, a.id DESC"
        )
        .bind(person_id)
        .fetch_all(p)
        .await
        })?)
    }

    /// Erases a person's personal data: their profile's details and parts, needs,
    /// consents, equality answers and the reasons they stood down from networks go,
    /// their memberships end today, and any account stops pointing at them. The
    /// record stays, named "Erased person", so attendance, past membership and
    /// training still count in anonymous totals. One transaction.
    pub async fn erase_person(
        &self,
        id: i64,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        erase_person_in(&mut tx, id, now).await?;
        tx.commit().await
    }

    /// People who have not taken part since `before` (nor been added since), for
    /// review: of one organisation, or of all when `organisation_id` is `None`; a page
    /// at a time, in id order, found in SQL.
    pub async fn inactive_people(
        &self,
        organisation_id: Option<i64>,
        before: DateTime<Utc>,
        page: PageRequest,
    ) -> Result<Page<Inactive>, StoreError> {
        let rows = on_pool!(self, |p| {
            sqlx::query_as::<_, Inactive>(
            "SELECT p.id, p.name, COALESCE(MAX(act.starts_at), p.created_at) AS last_active FROM people p LEFT JOIN attendance a ON a.person_id = p.id AND a.status = 'attended' LEFT JOIN activities act ON act.id = a.activity_id WHERE ($1 IS NULL OR p.organisation_id = $1) AND p.erased_at IS NULL AND p.id > $2 GROUP BY p.id, p.name, p.created_at HAVING COALESCE(MAX(act.starts_at), p.created_at) < $3 ORDER BY p.id LIMIT $4"
        )
        .bind(organisation_id)
        .bind(page.after)
        .bind(before)
        .bind(page.limit + 1)
        .fetch_all(p)
        .await
        })?;
        Ok(page.page(rows, |r| r.id))
    }
}

mod search;

pub use search::PeopleFilter;

/// Erases a person on the caller's transaction: see [`Store::erase_person`].
pub async fn erase_person_in(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
        "UPDATE people SET name = 'Erased person', preferred_name = NULL, pronouns = NULL, email = NULL, phone = NULL, phone_digits = NULL, address = NULL, postcode = NULL, preferred_contact = NULL, affiliations = NULL, avoid_rush_hour = FALSE, born_on = NULL, updated_at = $1, erased_at = $1 WHERE id = $2 AND erased_at IS NULL"
    )
    .bind(now)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    updated(rows)?;
    on_tx!(&mut *tx, |c| sqlx::query(
        "UPDATE memberships SET left_on = $1 WHERE person_id = $2 AND left_on IS NULL"
    )
    .bind(coproduce_domain::time::london_date(now))
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    for sql in [
        "DELETE FROM person_name_words WHERE person_id = $1",
        "DELETE FROM person_roles WHERE person_id = $1",
        "DELETE FROM person_interests WHERE person_id = $1",
        "DELETE FROM person_languages WHERE person_id = $1",
        "DELETE FROM person_availability WHERE person_id = $1",
        "DELETE FROM person_needs WHERE person_id = $1",
        "DELETE FROM consents WHERE person_id = $1",
        "DELETE FROM equality_answers WHERE person_id = $1",
        "DELETE FROM input_people WHERE person_id = $1",
        "DELETE FROM input_told WHERE person_id = $1",
        "DELETE FROM reply_links WHERE invitation_id IN (SELECT id FROM invitations WHERE person_id = $1)",
        "DELETE FROM calendar_feeds WHERE person_id = $1",
        "UPDATE opportunity_applications SET why = NULL WHERE person_id = $1",
        "DELETE FROM stand_downs WHERE membership_id IN (SELECT id FROM memberships WHERE person_id = $1)",
        "UPDATE accounts SET person_id = NULL WHERE person_id = $1",
    ] {
        on_tx!(&mut *tx, |c| sqlx::query(sql)
            .bind(id)
            .execute(c)
            .await
            .map(|_| ()))?;
    }
    Ok(())
}
