//! Importing many people at once: finding who is already in the register, and
//! storing a whole spreadsheet in one transaction, all or nothing.

use chrono::NaiveDate;
use coproduce_domain::Vocabulary;
use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::equality::EthnicGroup;
use coproduce_domain::needs::Need;
use coproduce_domain::person::{Language, Profile};

use crate::{Store, StoreError};

/// One person to add, with what comes with them from the spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    pub profile: Profile,
    /// Each need, with the language of a spoken-language interpreter.
    pub needs: Vec<(Need, Option<Language>)>,
    /// The parent or guardian who consented, for someone under 18.
    pub guardian: Option<String>,
    pub ethnic_group: Option<EthnicGroup>,
}

/// Someone already in the register with the same email or phone number.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Existing {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone_digits: Option<String>,
}

/// How many values go in one `IN (...)` list.
const CHUNK: usize = 500;

/// How many people one statement writes. PostgreSQL's time for a statement grows
/// faster than its number of values: 500 people a statement took 100 ms a statement
/// there, 100 people 3 ms (see docs/benchmarks.md).
const WRITE_CHUNK: usize = 100;

impl Store {
    /// People of an organisation whose email or phone digits are among those given:
    /// one indexed query per 500 values.
    pub async fn existing_contacts(
        &self,
        organisation_id: i64,
        emails: &[String],
        phone_digits: &[String],
    ) -> Result<Vec<Existing>, StoreError> {
        let mut found = Vec::new();
        for (column, values) in [("email", emails), ("phone_digits", phone_digits)] {
            for chunk in values.chunks(CHUNK) {
                let rows: Vec<Existing> = on_pool!(self, |p| {
                    let mut q = sqlx::QueryBuilder::new(
                        "SELECT id, name, email, phone_digits FROM people WHERE erased_at IS NULL AND organisation_id = ",
                    );
                    q.push_bind(organisation_id);
                    q.push(if column == "email" {
                        " AND email IN ("
                    } else {
                        " AND phone_digits IN ("
                    });
                    let mut list = q.separated(", ");
                    for v in chunk {
                        list.push_bind(v.as_str());
                    }
                    q.push(")");
                    q.build_query_as().fetch_all(p).await
                })?;
                found.extend(rows);
            }
        }
        found.sort_by_key(|e| e.id);
        found.dedup_by_key(|e| e.id);
        Ok(found)
    }

    /// Adds every person in one transaction of its own: see [`import_people_in`].
    pub async fn import_people(
        &self,
        people: &[NewPerson],
        recorded_by: Option<i64>,
        today: NaiveDate,
        progress: impl Fn(usize),
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<i64>, StoreError> {
        if let Some(first) = people.first() {
            self.require_organisation("organisation_id", first.profile.organisation_id)
                .await?;
        }
        let mut tx = self.begin().await?;
        let ids = import_people_in(&mut tx, people, recorded_by, today, now, progress).await?;
        tx.commit().await?;
        Ok(ids)
    }
}

/// Adds every person, with their needs, a guardian's consent and an ethnic group
/// where given, on the caller's transaction: if any fails, the caller's commit never
/// comes and none is stored. People are written 100 at a time, a few statements
/// for each 100; `progress` is told after each 100 (and the last) how many are done.
pub async fn import_people_in(
    tx: &mut crate::Tx,
    people: &[NewPerson],
    recorded_by: Option<i64>,
    today: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
    progress: impl Fn(usize),
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::with_capacity(people.len());
    for chunk in people.chunks(WRITE_CHUNK) {
        let profiles: Vec<&Profile> = chunk.iter().map(|p| &p.profile).collect();
        let chunk_ids = crate::people::insert_people(tx, &profiles, now).await?;
        // Needs: each person's once, in one statement.
        let mut needs: Vec<(i64, Need, Option<Language>)> = Vec::new();
        for (id, p) in chunk_ids.iter().zip(chunk) {
            for (need, language) in &p.needs {
                let language = language.filter(|_| need.needs_language());
                if !needs
                    .iter()
                    .any(|(i, n, l)| i == id && n == need && *l == language)
                {
                    needs.push((*id, *need, language));
                }
            }
        }
        if !needs.is_empty() {
            on_tx!(&mut *tx, |c| {
                let mut q = sqlx::QueryBuilder::new(
                    "INSERT INTO person_needs (person_id, need, language, detail, recorded_at) ",
                );
                q.push_values(&needs, |mut row, (id, need, language)| {
                    row.push_bind(*id)
                        .push_bind(need.slug())
                        .push_bind(language.map_or("", Vocabulary::slug))
                        .push_bind(None::<String>)
                        .push_bind(now);
                });
                q.build().execute(c).await.map(|_| ())
            })?;
        }
        // Consents: a guardian's where one is named, and to equality monitoring
        // where an ethnic group is given.
        let mut consents: Vec<(i64, ConsentGiven)> = Vec::new();
        for (id, p) in chunk_ids.iter().zip(chunk) {
            if let Some(g) = &p.guardian {
                consents.push((
                    *id,
                    ConsentGiven {
                        purpose: Purpose::Guardian,
                        given_on: today,
                        method: ConsentMethod::Written,
                        given_by: Some(g.clone()),
                    },
                ));
            }
            if p.ethnic_group.is_some() {
                consents.push((
                    *id,
                    ConsentGiven {
                        purpose: Purpose::Equality,
                        given_on: today,
                        method: ConsentMethod::Written,
                        given_by: None,
                    },
                ));
            }
        }
        if !consents.is_empty() {
            on_tx!(&mut *tx, |c| {
                let mut q = sqlx::QueryBuilder::new(
                    "INSERT INTO consents (person_id, purpose, given_on, method, given_by, recorded_by, recorded_at) ",
                );
                q.push_values(&consents, |mut row, (id, given)| {
                    row.push_bind(*id)
                        .push_bind(given.purpose.slug())
                        .push_bind(given.given_on)
                        .push_bind(given.method.slug())
                        .push_bind(given.given_by.clone())
                        .push_bind(recorded_by)
                        .push_bind(now);
                });
                q.build().execute(c).await.map(|_| ())
            })?;
        }
        // Equality answers: only the ethnic group comes from a register.
        let answers: Vec<(i64, i64, EthnicGroup)> = chunk_ids
            .iter()
            .zip(chunk)
            .filter_map(|(id, p)| p.ethnic_group.map(|g| (*id, p.profile.organisation_id, g)))
            .collect();
        if !answers.is_empty() {
            on_tx!(&mut *tx, |c| {
                let mut q = sqlx::QueryBuilder::new(
                    "INSERT INTO equality_answers (person_id, organisation_id, ethnic_group, recorded_at) ",
                );
                q.push_values(&answers, |mut row, (id, org, group)| {
                    row.push_bind(*id)
                        .push_bind(*org)
                        .push_bind(group.slug())
                        .push_bind(now);
                });
                q.build().execute(c).await.map(|_| ())
            })?;
        }
        ids.extend(chunk_ids);
        progress(ids.len());
    }
    Ok(ids)
}

/// A spreadsheet waiting between its dry run and its import.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PendingImport {
    pub id: i64,
    pub organisation_id: i64,
    pub account_id: i64,
    pub filename: String,
    pub content: Vec<u8>,
    /// Column overrides, one `Header=field` a line.
    pub overrides: String,
    /// What values mean, one `Column:value=entry` a line.
    pub value_map: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl Store {
    /// A kept spreadsheet, only for the account that uploaded it.
    pub async fn pending_import(
        &self,
        id: i64,
        account_id: i64,
    ) -> Result<PendingImport, StoreError> {
        on_pool!(self, |p| sqlx::query_as::<_, PendingImport>(
            "SELECT id, organisation_id, account_id, filename, content, overrides, value_map, created_at FROM pending_imports WHERE id = $1 AND account_id = $2"
        )
        .bind(id)
        .bind(account_id)
        .fetch_optional(p)
        .await)?
        .ok_or(StoreError::NotFound)
    }
}

/// Keeps an uploaded spreadsheet for its account on the caller's transaction, and
/// forgets any kept for more than a day.
pub async fn keep_import_in(
    tx: &mut crate::Tx,
    organisation_id: i64,
    account_id: i64,
    filename: &str,
    content: &[u8],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64, StoreError> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM pending_imports WHERE created_at < $1"
    )
    .bind(now - chrono::Duration::days(1))
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
        "INSERT INTO pending_imports (organisation_id, account_id, filename, content, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(organisation_id)
    .bind(account_id)
    .bind(filename)
    .bind(content)
    .bind(now)
    .fetch_one(c)
    .await
    })?)
}

/// Stores a kept spreadsheet's column choices, one `Header=field` a line.
pub async fn set_import_overrides_in(
    tx: &mut crate::Tx,
    id: i64,
    overrides: &str,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE pending_imports SET overrides = $1 WHERE id = $2"
    )
    .bind(overrides)
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Stores what a kept spreadsheet's values mean, one `Column:value=entry` a line.
pub async fn set_import_values_in(
    tx: &mut crate::Tx,
    id: i64,
    value_map: &str,
) -> Result<(), StoreError> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE pending_imports SET value_map = $1 WHERE id = $2"
    )
    .bind(value_map)
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Forgets a kept spreadsheet.
pub async fn forget_import_in(tx: &mut crate::Tx, id: i64) -> Result<(), StoreError> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM pending_imports WHERE id = $1"
    )
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}
