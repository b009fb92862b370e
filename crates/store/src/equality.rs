//! Equality monitoring answers: stored apart from profiles, read back only for the
//! person themselves, and otherwise counted in SQL, question by question.
//!
//! Nothing here lists people or filters them by an answer, and nothing must: the
//! only reads are one person's own answers and the totals of a group ([`Among`]: an
//! organisation, a network's members, an opportunity's applicants), which the
//! caller must suppress before showing.

use chrono::NaiveDate;
use coproduce_domain::Vocabulary;
use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::equality::Answers;

use crate::{Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct AnswerRow {
    ethnic_group: Option<String>,
    age_band: Option<String>,
    sex: Option<String>,
    gender_identity: Option<String>,
    sexual_orientation: Option<String>,
    disability: Option<String>,
    religion: Option<String>,
    carer: Option<String>,
    pregnancy: Option<String>,
    partnership: Option<String>,
    postcode_district: Option<String>,
}

fn read<V: Vocabulary>(v: Option<String>) -> Result<Option<V>, StoreError> {
    v.map(|s| V::parse(&s).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

impl AnswerRow {
    fn answers(self) -> Result<Answers, StoreError> {
        Ok(Answers {
            ethnic_group: read(self.ethnic_group)?,
            age_band: read(self.age_band)?,
            sex: read(self.sex)?,
            gender_identity: read(self.gender_identity)?,
            sexual_orientation: read(self.sexual_orientation)?,
            disability: read(self.disability)?,
            religion: read(self.religion)?,
            carer: read(self.carer)?,
            pregnancy: read(self.pregnancy)?,
            partnership: read(self.partnership)?,
            postcode_district: self.postcode_district,
        })
    }
}

/// One line of an organisation's totals: how many people gave `value` to
/// `question`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AnswerCount {
    pub question: String,
    pub value: String,
    pub count: i64,
}

impl Store {
    /// Saves a person's answers, replacing any before, and records their consent to
    /// keep them if none stands: all in one transaction. Answering nothing deletes
    /// what was kept.
    pub async fn save_equality(
        &self,
        person_id: i64,
        answers: &Answers,
        today: NaiveDate,
        recorded_by: Option<i64>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        let person = self.person(person_id).await?;
        let mut tx = self.begin().await?;
        save_equality_in(&mut tx, &person, answers, today, recorded_by, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A person's own answers, for them alone to read.
    pub async fn equality_of(&self, person_id: i64) -> Result<Option<Answers>, StoreError> {
        let row: Option<AnswerRow> = on_pool!(self, |p| {
            sqlx::query_as(
            "SELECT ethnic_group, age_band, sex, gender_identity, sexual_orientation, disability, religion, carer, pregnancy, partnership, postcode_district FROM equality_answers WHERE person_id = $1"
        )
        .bind(person_id)
        .fetch_optional(p)
        .await
        })?;
        row.map(AnswerRow::answers).transpose()
    }

    /// How many of an organisation's people answered, and how many gave each answer
    /// to each question: one query. Counts are raw: the caller must suppress small
    /// ones before showing them.
    pub async fn equality_counts(
        &self,
        organisation_id: i64,
    ) -> Result<(i64, Vec<AnswerCount>), StoreError> {
        self.equality_counts_among(Among::Organisation(organisation_id))
            .await
    }

    /// The same counts for a group of people: an organisation's, a network's current
    /// members, or those interested in an opportunity.
    pub async fn equality_counts_among(
        &self,
        among: Among,
    ) -> Result<(i64, Vec<AnswerCount>), StoreError> {
        let (who, id) = match among {
            Among::Organisation(id) => ("organisation_id = $1", id),
            Among::Network(id) => (
                "person_id IN (SELECT person_id FROM memberships WHERE network_id = $1 AND left_on IS NULL)",
                id,
            ),
            Among::Applicants(id) => (
                "person_id IN (SELECT person_id FROM opportunity_applications WHERE opportunity_id = $1 AND status <> 'withdrawn')",
                id,
            ),
            Among::NetworkBesides(opportunity) => (
                "person_id IN (SELECT m.person_id FROM memberships m JOIN opportunities o ON o.network_id = m.network_id WHERE o.id = $1 AND m.left_on IS NULL) AND person_id NOT IN (SELECT person_id FROM opportunity_applications WHERE opportunity_id = $1 AND status <> 'withdrawn')",
                opportunity,
            ),
            Among::OrganisationBesides(opportunity) => (
                "organisation_id = (SELECT organisation_id FROM opportunities WHERE id = $1) AND person_id NOT IN (SELECT person_id FROM opportunity_applications WHERE opportunity_id = $1 AND status <> 'withdrawn')",
                opportunity,
            ),
        };
        let total_sql = format!("SELECT COUNT(*) FROM equality_answers WHERE {who}");
        let total: i64 = on_pool!(self, |p| sqlx::query_scalar(sqlx::AssertSqlSafe(
            total_sql.clone()
        ))
        .bind(id)
        .fetch_one(p)
        .await)?;
        let parts: Vec<String> = coproduce_domain::equality::QUESTIONS
            .iter()
            .map(|(q, _)| {
                format!(
                    "SELECT '{q}' AS question, {q} AS value, COUNT(*) AS count FROM equality_answers WHERE {who} AND {q} IS NOT NULL GROUP BY {q}"
                )
            })
            .collect();
        let sql = parts.join(" UNION ALL ");
        let rows: Vec<AnswerCount> = on_pool!(self, |p| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(id)
                .fetch_all(p)
                .await
        })?;
        Ok((total, rows))
    }
}

/// A group of people whose equality answers are counted together. Each is named by
/// one id; the SQL for each is fixed here, never built from what someone typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    Organisation(i64),
    Network(i64),
    /// Those interested in an opportunity (not those who withdrew).
    Applicants(i64),
    /// The members of an opportunity's network who are not interested in it: a
    /// group apart from the applicants, so that neither can be worked out by
    /// taking one total from another.
    NetworkBesides(i64),
    /// The people of an opportunity's organisation who are not interested in it.
    OrganisationBesides(i64),
}

/// Replaces a person's answers inside a transaction; no answers deletes them.
pub(crate) async fn write_answers(
    tx: &mut Tx,
    person_id: i64,
    organisation_id: i64,
    a: &Answers,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    on_tx!(&mut *tx, |c| sqlx::query(
        "DELETE FROM equality_answers WHERE person_id = $1"
    )
    .bind(person_id)
    .execute(c)
    .await
    .map(|_| ()))?;
    if a.is_empty() {
        return Ok(());
    }
    on_tx!(&mut *tx, |c| {
        sqlx::query(
        "INSERT INTO equality_answers (person_id, organisation_id, ethnic_group, age_band, sex, gender_identity, sexual_orientation, disability, religion, carer, pregnancy, partnership, postcode_district, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
    )
    .bind(person_id)
    .bind(organisation_id)
    .bind(a.ethnic_group.map(Vocabulary::slug))
    .bind(a.age_band.map(Vocabulary::slug))
    .bind(a.sex.map(Vocabulary::slug))
    .bind(a.gender_identity.map(Vocabulary::slug))
    .bind(a.sexual_orientation.map(Vocabulary::slug))
    .bind(a.disability.map(Vocabulary::slug))
    .bind(a.religion.map(Vocabulary::slug))
    .bind(a.carer.map(Vocabulary::slug))
    .bind(a.pregnancy.map(Vocabulary::slug))
    .bind(a.partnership.map(Vocabulary::slug))
    .bind(&a.postcode_district)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

/// Saves a person's answers on the caller's transaction: see [`Store::save_equality`].
pub async fn save_equality_in(
    tx: &mut Tx,
    person: &crate::people::Person,
    answers: &Answers,
    today: NaiveDate,
    recorded_by: Option<i64>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let consented: i64 = on_tx!(&mut *tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM consents WHERE person_id = $1 AND purpose = $2 AND given_on <= $3 AND (withdrawn_on IS NULL OR withdrawn_on > $3)",
        )
        .bind(person.id)
        .bind(Purpose::Equality.slug())
        .bind(today)
        .fetch_one(c)
        .await
    })?;
    write_answers(tx, person.id, person.organisation_id(), answers, now).await?;
    if !answers.is_empty() && consented == 0 {
        crate::consents::insert_consent(
            tx,
            person.id,
            &ConsentGiven {
                purpose: Purpose::Equality,
                given_on: today,
                method: ConsentMethod::Online,
                given_by: None,
            },
            recorded_by,
            now,
        )
        .await?;
    }
    Ok(())
}
