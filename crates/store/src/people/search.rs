//! Finding people in the register: a filter of name words, role, need, interest,
//! language and network, each a lookup in its own index, combined per backend so a
//! page answers in milliseconds at a million people (see `Store::matching`).

use coproduce_domain::Vocabulary;
use coproduce_domain::person::{Language, PersonRole, ServiceArea};

use super::{PersonRow, PersonSummary, name_words, of};
use crate::{Page, PageRequest, Store, StoreError, Within};

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
        self.push_select(q, "SELECT person_id FROM ", "");
    }

    /// Whether the person of the outer `people` row is in the part, by their id.
    fn push_probe<DB>(&self, q: &mut sqlx::QueryBuilder<DB>)
    where
        DB: sqlx::Database,
        String: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        &'static str: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        i64: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    {
        self.push_select(q, "SELECT 1 FROM ", "person_id = people.id AND ");
    }

    /// `select` the part's table `WHERE` `person` and the part's own condition.
    fn push_select<DB>(&self, q: &mut sqlx::QueryBuilder<DB>, select: &str, person: &str)
    where
        DB: sqlx::Database,
        String: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        &'static str: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
        i64: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    {
        let (table, condition) = match self {
            Lookup::Word(..) => ("person_name_words", "word >= "),
            Lookup::Slug(t, _) => (t.sql().0, ""),
            Lookup::Network(_) => ("memberships", "left_on IS NULL AND network_id = "),
        };
        q.push(format!("{select}{table} WHERE {person}{condition}"));
        match self {
            Lookup::Word(start, end) => {
                q.push_bind(start.clone());
                if let Some(end) = end {
                    q.push(" AND word < ");
                    q.push_bind(end.clone());
                }
            }
            Lookup::Slug(t, value) => {
                q.push(format!("{} = ", t.sql().1));
                q.push_bind(*value);
            }
            Lookup::Network(id) => {
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
mod tests {
    // Tests may panic on anything unexpected: that is how they fail.
    #![allow(clippy::unwrap_used)]

    use coproduce_domain::person::PersonDraft;

    use super::*;
    use crate::organisations::OrganisationFields;

    /// Every plan gives the same people, and the SQLite choice of plan (tuned small
    /// here so that every branch runs) gives them too, a page at a time.
    async fn every_plan_finds_the_same_people(store: Store) {
        let org = store
            .create_organisation(
                &OrganisationFields {
                    name: "Trust".into(),
                    kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                    require_second_factor: false,
                },
                crate::testing::now(),
            )
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
                    .create_person(&draft.check(today).unwrap(), crate::testing::now())
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
