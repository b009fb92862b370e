//! Importing many people at once: finding who is already in the register, and
//! storing a whole spreadsheet in one transaction, all or nothing.

use chrono::NaiveDate;
use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::equality::{Answers, EthnicGroup};
use coproduce_domain::needs::Need;
use coproduce_domain::person::Profile;

use crate::needs::NeedFields;
use crate::{Store, StoreError};

/// One person to add, with what comes with them from the spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    pub profile: Profile,
    pub needs: Vec<Need>,
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

    /// Adds every person, with their needs, a guardian's consent and an ethnic group
    /// where given, in one transaction: if any fails, none is stored. `progress` is
    /// told after each person.
    pub async fn import_people(
        &self,
        people: &[NewPerson],
        recorded_by: Option<i64>,
        today: NaiveDate,
        progress: impl Fn(usize),
    ) -> Result<Vec<i64>, StoreError> {
        if let Some(first) = people.first() {
            self.require_organisation("organisation_id", first.profile.organisation_id)
                .await?;
        }
        let mut tx = self.begin().await?;
        let mut ids = Vec::with_capacity(people.len());
        for (i, p) in people.iter().enumerate() {
            let id = crate::people::insert_person(&mut tx, &p.profile).await?;
            for need in &p.needs {
                let f = NeedFields {
                    need: *need,
                    language: None,
                    detail: None,
                };
                crate::needs::insert_need(&mut tx, id, &f).await?;
            }
            if let Some(g) = &p.guardian {
                let c = ConsentGiven {
                    purpose: Purpose::Guardian,
                    given_on: today,
                    method: ConsentMethod::Written,
                    given_by: Some(g.clone()),
                };
                crate::consents::insert_consent(&mut tx, id, &c, recorded_by).await?;
            }
            if let Some(group) = p.ethnic_group {
                let a = Answers {
                    ethnic_group: Some(group),
                    ..Answers::default()
                };
                crate::equality::write_answers(&mut tx, id, p.profile.organisation_id, &a).await?;
                let c = ConsentGiven {
                    purpose: Purpose::Equality,
                    given_on: today,
                    method: ConsentMethod::Written,
                    given_by: None,
                };
                crate::consents::insert_consent(&mut tx, id, &c, recorded_by).await?;
            }
            ids.push(id);
            progress(i + 1);
        }
        tx.commit().await?;
        Ok(ids)
    }
}
