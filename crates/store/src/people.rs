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
use crate::{Page, PageRequest, Store, StoreError, Tx, Within, now};

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
    pub async fn create_person(&self, p: &Profile) -> Result<Person, StoreError> {
        self.require_organisation("organisation_id", p.organisation_id)
            .await?;
        let mut tx = self.begin().await?;
        let id = insert_person(&mut tx, p).await?;
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
    pub async fn update_person(&self, id: i64, p: &Profile) -> Result<Person, StoreError> {
        self.require_organisation("organisation_id", p.organisation_id)
            .await?;
        let mut tx = self.begin().await?;
        let rows = on_tx!(&mut tx, |c| {
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
            .bind(now())
            .bind(id)
            .bind(digits(&p.phone))
            .execute(c)
            .await
            .map(|r| r.rows_affected())
        })?;
        updated(rows)?;
        write_parts(&mut tx, id, p, true).await?;
        tx.commit().await?;
        self.person(id).await
    }
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

/// Inserts a person and the parts of their profile inside a transaction.
pub(crate) async fn insert_person(tx: &mut Tx, p: &Profile) -> Result<i64, StoreError> {
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
        .bind(now())
        .bind(digits(&p.phone))
        .fetch_one(c)
        .await
    })?;
    write_parts(tx, id, p, false).await?;
    Ok(id)
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
    pub async fn erase_person(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let rows = on_tx!(&mut tx, |c| {
            sqlx::query(
            "UPDATE people SET name = 'Erased person', preferred_name = NULL, pronouns = NULL, email = NULL, phone = NULL, phone_digits = NULL, address = NULL, postcode = NULL, preferred_contact = NULL, affiliations = NULL, avoid_rush_hour = FALSE, born_on = NULL, updated_at = $1, erased_at = $1 WHERE id = $2 AND erased_at IS NULL"
        )
        .bind(now())
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?;
        updated(rows)?;
        on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE memberships SET left_on = $1 WHERE person_id = $2 AND left_on IS NULL"
        )
        .bind(now().date_naive())
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
            "DELETE FROM stand_downs WHERE membership_id IN (SELECT id FROM memberships WHERE person_id = $1)",
            "UPDATE accounts SET person_id = NULL WHERE person_id = $1",
        ] {
            on_tx!(&mut tx, |c| sqlx::query(sql)
                .bind(id)
                .execute(c)
                .await
                .map(|_| ()))?;
        }
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

/// What to look for in the register. Every part given must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleFilter {
    /// Words the name (or preferred name) has words starting with, in any order.
    pub name: Option<String>,
    pub role: Option<PersonRole>,
    pub need: Option<coproduce_domain::needs::Need>,
    pub interest: Option<ServiceArea>,
    pub language: Option<Language>,
    /// A network the person is a current member of.
    pub network: Option<i64>,
}

impl PeopleFilter {
    pub fn is_empty(&self) -> bool {
        self == &PeopleFilter::default()
    }
}

impl Store {
    /// Up to `limit` rows of the people (after id `after`) that every part matches.
    ///
    /// PostgreSQL's planner combines the parts well itself, so each is given as
    /// `id IN (...)`. SQLite would read every part's people in full to do that, so
    /// there the plan is chosen per search. One query counts each part's people up to
    /// `few`. A part with fewer is read from its index and the others are checked for
    /// each of its people. When every part is common, the register is read in id
    /// order and every part checked for each person, but only across the next
    /// `window` ids: matches are usually common then too, and the page fills. If it
    /// does not, the parts are rare together, and the rest is read from the index of
    /// the part likely to be smallest (a network before a need, a language, an
    /// interest, a role, a name).
    async fn matching(
        &self,
        parts: &[Lookup],
        after: i64,
        limit: i64,
        within: Within,
        tuning: Tuning,
    ) -> Result<Vec<PersonRow>, StoreError> {
        if parts.is_empty() || self.backend() == crate::Backend::Postgres {
            return self
                .people_where(parts, Plan::AllIn, after, None, limit, within)
                .await;
        }
        let counts: Vec<i64> = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new("SELECT ");
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    q.push(", ");
                }
                q.push("(SELECT COUNT(*) FROM (");
                part.push_people(&mut q);
                q.push(" LIMIT ");
                q.push_bind(tuning.few);
                q.push(") AS few)");
            }
            let row = q.build().fetch_one(p).await?;
            (0..parts.len())
                .map(|i| sqlx::Row::try_get::<i64, _>(&row, i))
                .collect::<Result<Vec<i64>, sqlx::Error>>()
        })?;
        let rare = counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n < tuning.few)
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        if let Some(driver) = rare {
            return self
                .people_where(parts, Plan::Driver(driver), after, None, limit, within)
                .await;
        }
        let edge = after.saturating_add(tuning.window);
        let mut rows = self
            .people_where(parts, Plan::Probe, after, Some(edge), limit, within)
            .await?;
        if (rows.len() as i64) < limit {
            let driver = (0..parts.len())
                .min_by_key(|i| parts[*i].rank())
                .unwrap_or(0);
            let rest = limit - rows.len() as i64;
            rows.extend(
                self.people_where(parts, Plan::Driver(driver), edge, None, rest, within)
                    .await?,
            );
        }
        Ok(rows)
    }

    /// The people after id `after` (and up to `until`) that every part matches, in id
    /// order, at most `limit`, with the parts combined as `plan` says.
    async fn people_where(
        &self,
        parts: &[Lookup],
        plan: Plan,
        after: i64,
        until: Option<i64>,
        limit: i64,
        within: Within,
    ) -> Result<Vec<PersonRow>, StoreError> {
        Ok(on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(concat!(
                "SELECT ",
                person_columns!(),
                " FROM people WHERE erased_at IS NULL AND id > "
            ));
            q.push_bind(after);
            if let Some(until) = until {
                q.push(" AND id <= ");
                q.push_bind(until);
            }
            match within {
                Within::All => {}
                Within::Parent(o) | Within::Organisation(o) => {
                    q.push(" AND organisation_id = ");
                    q.push_bind(o);
                }
            }
            for (i, part) in parts.iter().enumerate() {
                let read = match plan {
                    Plan::AllIn => true,
                    Plan::Driver(d) => d == i,
                    Plan::Probe => false,
                };
                if read {
                    q.push(" AND id IN (");
                    part.push_people(&mut q);
                } else {
                    q.push(" AND EXISTS (");
                    part.push_probe(&mut q);
                }
                q.push(")");
            }
            q.push(" ORDER BY id LIMIT ");
            q.push_bind(limit);
            q.build_query_as().fetch_all(p).await
        })?)
    }
}

/// How a search's parts are combined (see [`Store::matching`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// Every part read from its index.
    AllIn,
    /// This part read from its index, the others checked for each of its people.
    Driver(usize),
    /// The register read in id order, every part checked for each person.
    Probe,
}

/// The numbers that choose a plan on SQLite (see [`Store::matching`]).
#[derive(Debug, Clone, Copy)]
struct Tuning {
    few: i64,
    window: i64,
}

const TUNING: Tuning = Tuning {
    few: 5_000,
    window: 5_000,
};

/// The tables a search looks a value up in, each with an index on (value, person).
#[derive(Debug, Clone, Copy)]
enum LookupTable {
    Roles,
    Needs,
    Interests,
    Languages,
}

impl LookupTable {
    /// The table and its value column.
    fn sql(self) -> (&'static str, &'static str) {
        match self {
            LookupTable::Roles => ("person_roles", "role"),
            LookupTable::Needs => ("person_needs", "need"),
            LookupTable::Interests => ("person_interests", "area"),
            LookupTable::Languages => ("person_languages", "language"),
        }
    }
}

/// One part of a search.
#[derive(Debug, Clone)]
enum Lookup {
    /// A word of the name starting with this, and the end of that range.
    Word(String, Option<String>),
    Slug(LookupTable, &'static str),
    /// Current members of a network.
    Network(i64),
}

impl Lookup {
    /// Which part is likely to hold the fewest people, smallest first.
    fn rank(&self) -> u8 {
        match self {
            Lookup::Network(_) => 0,
            Lookup::Slug(LookupTable::Needs, _) => 1,
            Lookup::Slug(LookupTable::Languages, _) => 2,
            Lookup::Slug(LookupTable::Interests, _) => 3,
            Lookup::Slug(LookupTable::Roles, _) => 4,
            Lookup::Word(..) => 5,
        }
    }

    /// The people the part holds, as `SELECT person_id ...`, from its index.
    fn push_people<DB>(&self, q: &mut sqlx::QueryBuilder<DB>)
    where
        DB: sqlx::Database,
        String: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        &'static str: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        i64: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    {
        match self {
            Lookup::Word(start, end) => {
                q.push("SELECT person_id FROM person_name_words WHERE word >= ");
                q.push_bind(start.clone());
                if let Some(end) = end {
                    q.push(" AND word < ");
                    q.push_bind(end.clone());
                }
            }
            Lookup::Slug(table, value) => {
                let (table, column) = table.sql();
                q.push(format!("SELECT person_id FROM {table} WHERE {column} = "));
                q.push_bind(*value);
            }
            Lookup::Network(id) => {
                q.push("SELECT person_id FROM memberships WHERE left_on IS NULL AND network_id = ");
                q.push_bind(*id);
            }
        }
    }

    /// Whether the person of the outer `people` row is in the part, by their id.
    fn push_probe<DB>(&self, q: &mut sqlx::QueryBuilder<DB>)
    where
        DB: sqlx::Database,
        String: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        &'static str: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        i64: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    {
        match self {
            Lookup::Word(start, end) => {
                q.push("SELECT 1 FROM person_name_words w WHERE w.person_id = people.id AND w.word >= ");
                q.push_bind(start.clone());
                if let Some(end) = end {
                    q.push(" AND w.word < ");
                    q.push_bind(end.clone());
                }
            }
            Lookup::Slug(table, value) => {
                let (table, column) = table.sql();
                q.push(format!(
                    "SELECT 1 FROM {table} x WHERE x.person_id = people.id AND x.{column} = "
                ));
                q.push_bind(*value);
            }
            Lookup::Network(id) => {
                q.push("SELECT 1 FROM memberships m WHERE m.person_id = people.id AND m.left_on IS NULL AND m.network_id = ");
                q.push_bind(*id);
            }
        }
    }
}

/// The first string after every string starting with `prefix`, byte by byte: the
/// end of a range that holds exactly the strings starting with it.
fn after_prefix(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = (last as u32).checked_add(1).and_then(char::from_u32) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

impl Store {
    /// People matching a filter, a page at a time in id order, with their roles.
    /// Each part of the filter (a name word, a role, a need, an interest, a language,
    /// a network) is a lookup in its own index; see [`Store::matching`] for how the
    /// parts are combined.
    pub async fn find_people(
        &self,
        filter: &PeopleFilter,
        page: PageRequest,
        within: Within,
    ) -> Result<Page<PersonSummary>, StoreError> {
        let terms: Vec<String> = filter
            .name
            .as_deref()
            .map(|n| name_words(n, None))
            .unwrap_or_default();
        let mut parts: Vec<Lookup> = terms
            .iter()
            .map(|t| Lookup::Word(t.clone(), after_prefix(t)))
            .collect();
        let slugs = [
            (LookupTable::Roles, filter.role.map(Vocabulary::slug)),
            (LookupTable::Needs, filter.need.map(Vocabulary::slug)),
            (
                LookupTable::Interests,
                filter.interest.map(Vocabulary::slug),
            ),
            (
                LookupTable::Languages,
                filter.language.map(Vocabulary::slug),
            ),
        ];
        for (table, value) in slugs {
            if let Some(v) = value {
                parts.push(Lookup::Slug(table, v));
            }
        }
        if let Some(n) = filter.network {
            parts.push(Lookup::Network(n));
        }
        let rows = self
            .matching(&parts, page.after, page.limit + 1, within, TUNING)
            .await?;
        let rows = page.page(rows, |r: &PersonRow| r.id);
        let ids: Vec<i64> = rows.items.iter().map(|r| r.id).collect();
        let roles: Vec<(i64, String)> = if ids.is_empty() {
            vec![]
        } else {
            on_pool!(self, |p| {
                let mut q = sqlx::QueryBuilder::new(
                    "SELECT person_id, role FROM person_roles WHERE person_id IN (",
                );
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
                .collect(),
            next_after: rows.next_after,
        })
    }
}

#[cfg(test)]
mod search_tests {
    // Tests may panic on anything unexpected: that is how they fail.
    #![allow(clippy::unwrap_used)]

    use coproduce_domain::person::PersonDraft;

    use super::*;
    use crate::organisations::OrganisationFields;

    /// Every plan gives the same people, and the SQLite choice of plan (tuned small
    /// here so that every branch runs) gives them too, a page at a time.
    async fn every_plan_finds_the_same_people(store: Store) {
        let org = store
            .create_organisation(&OrganisationFields {
                name: "Trust".into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor: false,
            })
            .await
            .unwrap()
            .id;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut ids = Vec::new();
        for i in 0..40 {
            let draft = PersonDraft {
                organisation_id: org,
                name: format!("Person {i}"),
                roles: vec![if i % 2 == 0 { "carer" } else { "patient" }.into()],
                languages: vec![if i % 3 == 0 { "pl" } else { "en" }.into()],
                ..PersonDraft::default()
            };
            ids.push(
                store
                    .create_person(&draft.check(today).unwrap())
                    .await
                    .unwrap()
                    .id,
            );
        }
        let expected: Vec<i64> = (0..40)
            .filter(|i| i % 2 == 0 && i % 3 == 0)
            .map(|i| ids[i])
            .collect();
        let parts = [
            Lookup::Slug(LookupTable::Roles, "carer"),
            Lookup::Slug(LookupTable::Languages, "pl"),
        ];
        let found = |rows: Vec<PersonRow>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
        for plan in [Plan::AllIn, Plan::Driver(0), Plan::Driver(1), Plan::Probe] {
            let rows = store
                .people_where(&parts, plan, 0, None, 100, Within::Parent(org))
                .await
                .unwrap();
            assert_eq!(found(rows), expected, "{plan:?}");
        }
        // Every part common (few = 2): a window of 5 ids, then the rest from an index.
        let tuned = Tuning { few: 2, window: 5 };
        let first = store
            .matching(&parts, 0, 4, Within::Parent(org), tuned)
            .await
            .unwrap();
        assert_eq!(found(first), expected[..4]);
        let next = store
            .matching(&parts, expected[3], 10, Within::Parent(org), tuned)
            .await
            .unwrap();
        assert_eq!(found(next), expected[4..]);
        // A part with few people (few = 25 > 20 carers) is read first.
        let rare = Tuning { few: 25, window: 5 };
        let all = store
            .matching(&parts, 0, 100, Within::Parent(org), rare)
            .await
            .unwrap();
        assert_eq!(found(all), expected);
        // Nothing in common: no one, from every plan.
        let none = [
            Lookup::Slug(LookupTable::Roles, "carer"),
            Lookup::Slug(LookupTable::Roles, "patient"),
        ];
        assert!(
            store
                .matching(&none, 0, 10, Within::Parent(org), tuned)
                .await
                .unwrap()
                .is_empty()
        );
    }

    crate::backend_tests!(every_plan_finds_the_same_people);
}
