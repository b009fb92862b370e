//! "You said, we did": inputs (what people said, where it came from, who said it,
//! its themes, owner and due date), every response given to each, and whom each
//! response was to reach, how, and the day it did.

use chrono::{DateTime, NaiveDate, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::input::ResponseStatus;

use crate::db::updated;
use crate::{Page, PageRequest, Store, StoreError, Tx};

/// The columns of an input, in [`Input`]'s order, for `FROM inputs i`.
macro_rules! input_select {
    ($rest:literal) => {
        concat!(
            "SELECT i.id, i.organisation_id, i.project_id, i.activity_id, i.opportunity_id, i.form_id, i.said, i.received_on, i.anonymous_count, i.owner_account_id, i.due_on, i.response, i.response_status, i.responded_on, i.will_do_by, i.fed_back_on, ",
            "COALESCE(a.title, o.title, sf.title, pr.title, '') AS came_from, ow.name AS owner_name ",
            "FROM inputs i LEFT JOIN activities a ON a.id = i.activity_id LEFT JOIN opportunities o ON o.id = i.opportunity_id LEFT JOIN said_forms sf ON sf.id = i.form_id LEFT JOIN projects pr ON pr.id = i.project_id LEFT JOIN accounts ow ON ow.id = i.owner_account_id ",
            $rest
        )
    };
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Input {
    pub id: i64,
    pub organisation_id: i64,
    pub project_id: Option<i64>,
    /// The activity it was said at, if any.
    pub activity_id: Option<i64>,
    /// The opportunity it was said about, if any.
    pub opportunity_id: Option<i64>,
    /// The feedback form it was sent through, if any.
    pub form_id: Option<i64>,
    /// What people said.
    pub said: String,
    pub received_on: NaiveDate,
    /// How many people said it without being named.
    pub anonymous_count: i64,
    /// The account answering for it.
    pub owner_account_id: Option<i64>,
    /// The day feedback is due by.
    pub due_on: NaiveDate,
    /// The current response: what was done, will be done, cannot be and why, or
    /// what is being weighed.
    pub response: Option<String>,
    pub response_status: Option<String>,
    pub responded_on: Option<NaiveDate>,
    /// By when a "will do" will be done.
    pub will_do_by: Option<NaiveDate>,
    /// The first day a response reached the people who gave the input.
    pub fed_back_on: Option<NaiveDate>,
    /// The title of the activity, opportunity, form or project it came from.
    pub came_from: String,
    pub owner_name: Option<String>,
    /// The people named as having said it, in id order.
    #[sqlx(skip)]
    pub said_by: Vec<i64>,
    /// Its themes, in order.
    #[sqlx(skip)]
    pub themes: Vec<String>,
}

has_id!(Input, Told, GivenResponse);

impl Input {
    /// The response status, if one was recorded and still reads as valid.
    pub fn status(&self) -> Option<ResponseStatus> {
        self.response_status
            .as_deref()
            .and_then(|s| ResponseStatus::parse(s).ok())
    }
}

/// An input's fields, already checked: where it came from, what was said and by
/// whom, its themes, owner and due date. The caller checks that each person named
/// took part in what it came from, and that the owner is staff of the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFields {
    pub organisation_id: i64,
    pub project_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub opportunity_id: Option<i64>,
    /// The feedback form it was sent through: set when it is made, never changed.
    pub form_id: Option<i64>,
    pub said: String,
    pub received_on: NaiveDate,
    pub anonymous_count: i64,
    pub owner_account_id: Option<i64>,
    pub due_on: NaiveDate,
    /// The people who said it; none named twice.
    pub said_by: Vec<i64>,
    pub themes: Vec<String>,
}

/// One response given to an input, as it was given.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GivenResponse {
    pub id: i64,
    pub input_id: i64,
    pub status: String,
    pub response: String,
    pub will_do_by: Option<NaiveDate>,
    pub owner_account_id: Option<i64>,
    pub owner_name: Option<String>,
    pub given_on: NaiveDate,
    pub given_at: DateTime<Utc>,
    /// The account that gave it; `None` for one recorded before responses were kept.
    pub given_by: Option<i64>,
    pub given_by_name: Option<String>,
    /// Whether the people who gave the input were to be told of it.
    pub told: bool,
}

impl GivenResponse {
    pub fn status(&self) -> Option<ResponseStatus> {
        ResponseStatus::parse(&self.status).ok()
    }
}

/// Whom a response was to reach, how, and the day it did.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Told {
    pub id: i64,
    pub input_id: i64,
    pub response_id: i64,
    pub person_id: i64,
    pub person_name: String,
    /// `email`, `letter`, `phone`, or `held-back` (no consent to contact).
    pub reach: String,
    /// The day it reached them; `None` while a letter or call waits, and when held
    /// back.
    pub told_on: Option<NaiveDate>,
}

/// One thing a person was named as saying, and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Said {
    pub input_id: i64,
    pub activity_id: Option<i64>,
    pub opportunity_id: Option<i64>,
    /// The title of the activity, opportunity, form or project it came from.
    pub came_from: String,
    pub said: String,
    pub received_on: NaiveDate,
    pub response: Option<String>,
    pub response_status: Option<String>,
    pub responded_on: Option<NaiveDate>,
    pub will_do_by: Option<NaiveDate>,
    pub fed_back_on: Option<NaiveDate>,
}

impl Said {
    /// The response status, if one was recorded and still reads as valid.
    pub fn status(&self) -> Option<ResponseStatus> {
        self.response_status
            .as_deref()
            .and_then(|s| ResponseStatus::parse(s).ok())
    }
}

/// Which inputs a list holds. Every field narrows it; none set is every input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputFilter {
    pub organisation_id: Option<i64>,
    pub project_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub opportunity_id: Option<i64>,
    pub form_id: Option<i64>,
    pub owner_account_id: Option<i64>,
    pub theme: Option<String>,
    /// Only those overdue on this day: not fed back, and due before it.
    pub overdue_on: Option<NaiveDate>,
}

/// One response to record: what it says, who gave it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResponse<'a> {
    pub status: ResponseStatus,
    pub text: &'a str,
    pub will_do_by: Option<NaiveDate>,
    /// The account answering for it; `None` only for one recorded before owners
    /// were kept.
    pub owner: Option<i64>,
    pub given_by: Option<i64>,
    pub at: DateTime<Utc>,
    pub on: NaiveDate,
    /// Whether the people who gave the input are to be told of it.
    pub told: bool,
}

impl Store {
    pub async fn input(&self, id: i64) -> Result<Input, StoreError> {
        let mut input: Input = self.by_id(input_select!("WHERE i.id = $1"), id).await?;
        self.fill(std::slice::from_mut(&mut input)).await?;
        Ok(input)
    }

    /// Fills in who said each of `inputs` and their themes, in two queries.
    async fn fill(&self, inputs: &mut [Input]) -> Result<(), StoreError> {
        if inputs.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = inputs.iter().map(|i| i.id).collect();
        let people: Vec<(i64, i64)> = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT input_id, person_id FROM input_people WHERE input_id IN (",
            );
            let mut list = q.separated(", ");
            for id in &ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY input_id, person_id");
            q.build_query_as::<(i64, i64)>().fetch_all(p).await
        })?;
        let themes: Vec<(i64, String)> = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT input_id, theme FROM input_themes WHERE input_id IN (",
            );
            let mut list = q.separated(", ");
            for id in &ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY input_id, theme");
            q.build_query_as::<(i64, String)>().fetch_all(p).await
        })?;
        for input in inputs.iter_mut() {
            input.said_by = people
                .iter()
                .filter(|(i, _)| *i == input.id)
                .map(|(_, person)| *person)
                .collect();
            input.themes = themes
                .iter()
                .filter(|(i, _)| *i == input.id)
                .map(|(_, t)| t.clone())
                .collect();
        }
        Ok(())
    }

    /// Everything a person was named as saying, with what was done about it, newest
    /// first.
    pub async fn said_by(&self, person_id: i64) -> Result<Vec<Said>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Said>(
                "SELECT i.id AS input_id, i.activity_id, i.opportunity_id, COALESCE(a.title, o.title, sf.title, pr.title, '') AS came_from, i.said, i.received_on, i.response, i.response_status, i.responded_on, i.will_do_by, i.fed_back_on FROM input_people ip JOIN inputs i ON i.id = ip.input_id LEFT JOIN activities a ON a.id = i.activity_id LEFT JOIN opportunities o ON o.id = i.opportunity_id LEFT JOIN said_forms sf ON sf.id = i.form_id LEFT JOIN projects pr ON pr.id = i.project_id WHERE ip.person_id = $1 ORDER BY i.received_on DESC, i.id DESC LIMIT 500",
            )
            .bind(person_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// A page of inputs in id order, narrowed by `filter`.
    pub async fn inputs(
        &self,
        page: PageRequest,
        filter: &InputFilter,
    ) -> Result<Page<Input>, StoreError> {
        let limit = page.limit.clamp(1, PageRequest::MAX_LIMIT);
        let mut items: Vec<Input> = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(input_select!("WHERE i.id > "));
            q.push_bind(page.after);
            if let Some(v) = filter.organisation_id {
                q.push(" AND i.organisation_id = ").push_bind(v);
            }
            if let Some(v) = filter.project_id {
                q.push(" AND i.project_id = ").push_bind(v);
            }
            if let Some(v) = filter.activity_id {
                q.push(" AND i.activity_id = ").push_bind(v);
            }
            if let Some(v) = filter.opportunity_id {
                q.push(" AND i.opportunity_id = ").push_bind(v);
            }
            if let Some(v) = filter.form_id {
                q.push(" AND i.form_id = ").push_bind(v);
            }
            if let Some(v) = filter.owner_account_id {
                q.push(" AND i.owner_account_id = ").push_bind(v);
            }
            if let Some(v) = &filter.theme {
                q.push(" AND EXISTS (SELECT 1 FROM input_themes t WHERE t.input_id = i.id AND t.theme = ")
                    .push_bind(v.clone())
                    .push(")");
            }
            if let Some(v) = filter.overdue_on {
                q.push(" AND i.fed_back_on IS NULL AND i.due_on < ")
                    .push_bind(v);
            }
            q.push(" ORDER BY i.id LIMIT ").push_bind(limit + 1);
            q.build_query_as::<Input>().fetch_all(p).await
        })?;
        let next_after = if items.len() as i64 > limit {
            items.truncate(limit as usize);
            items.last().map(|i| i.id)
        } else {
            None
        };
        self.fill(&mut items).await?;
        Ok(Page { items, next_after })
    }

    /// The inputs of `ids`, in id order, in one query (and one each for who said
    /// them and their themes).
    pub async fn inputs_with_ids(&self, ids: &[i64]) -> Result<Vec<Input>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut items: Vec<Input> = on_pool!(self, |p| {
            let mut q = sqlx::QueryBuilder::new(input_select!("WHERE i.id IN ("));
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY i.id");
            q.build_query_as::<Input>().fetch_all(p).await
        })?;
        self.fill(&mut items).await?;
        Ok(items)
    }

    /// Every response given to an input, first given first.
    pub async fn responses(&self, input_id: i64) -> Result<Vec<GivenResponse>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, GivenResponse>(
                "SELECT r.id, r.input_id, r.status, r.response, r.will_do_by, r.owner_account_id, ow.name AS owner_name, r.given_on, r.given_at, r.given_by, gb.name AS given_by_name, r.told FROM input_responses r LEFT JOIN accounts ow ON ow.id = r.owner_account_id LEFT JOIN accounts gb ON gb.id = r.given_by WHERE r.input_id = $1 ORDER BY r.id LIMIT 1000",
            )
            .bind(input_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// Whom each response to an input was to reach, newest response first.
    pub async fn told(&self, input_id: i64) -> Result<Vec<Told>, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, Told>(
                "SELECT t.id, t.input_id, t.response_id, t.person_id, p.name AS person_name, t.reach, t.told_on FROM input_told t JOIN people p ON p.id = t.person_id WHERE t.input_id = $1 ORDER BY t.response_id DESC, p.name, t.id LIMIT 5000",
            )
            .bind(input_id)
            .fetch_all(p)
            .await
        })?)
    }

    /// One row of whom a response was to reach.
    pub async fn told_row(&self, id: i64) -> Result<Told, StoreError> {
        self.by_id(
            "SELECT t.id, t.input_id, t.response_id, t.person_id, p.name AS person_name, t.reach, t.told_on FROM input_told t JOIN people p ON p.id = t.person_id WHERE t.id = $1",
            id,
        )
        .await
    }

    /// How many of an organisation's inputs are overdue on `today`, in one query.
    pub async fn overdue_count(
        &self,
        organisation_id: i64,
        today: NaiveDate,
    ) -> Result<i64, StoreError> {
        Ok(on_pool!(self, |p| {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM inputs WHERE organisation_id = $1 AND fed_back_on IS NULL AND due_on < $2",
            )
            .bind(organisation_id)
            .bind(today)
            .fetch_one(p)
            .await
        })?)
    }
}

/// Changes an input's said part on the caller's transaction: its response and
/// feedback stay as they are.
pub async fn update_input_in(tx: &mut Tx, id: i64, f: &InputFields) -> Result<(), StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE inputs SET project_id = $1, activity_id = $2, opportunity_id = $3, said = $4, received_on = $5, anonymous_count = $6, owner_account_id = $7, due_on = $8 WHERE id = $9",
        )
        .bind(f.project_id)
        .bind(f.activity_id)
        .bind(f.opportunity_id)
        .bind(&f.said)
        .bind(f.received_on)
        .bind(f.anonymous_count)
        .bind(f.owner_account_id)
        .bind(f.due_on)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)?;
    for table in [
        "DELETE FROM input_people WHERE input_id = $1",
        "DELETE FROM input_themes WHERE input_id = $1",
    ] {
        on_tx!(&mut *tx, |c| sqlx::query(table)
            .bind(id)
            .execute(c)
            .await
            .map(|_| ()))?;
    }
    insert_lists(tx, id, f).await
}

/// Names who said an input and its themes, in one statement each.
async fn insert_lists(tx: &mut Tx, input_id: i64, f: &InputFields) -> Result<(), StoreError> {
    if !f.said_by.is_empty() {
        on_tx!(&mut *tx, |c| {
            let mut q = sqlx::QueryBuilder::new("INSERT INTO input_people (input_id, person_id) ");
            q.push_values(&f.said_by, |mut row, person| {
                row.push_bind(input_id).push_bind(*person);
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    if !f.themes.is_empty() {
        on_tx!(&mut *tx, |c| {
            let mut q = sqlx::QueryBuilder::new("INSERT INTO input_themes (input_id, theme) ");
            q.push_values(&f.themes, |mut row, theme| {
                row.push_bind(input_id).push_bind(theme.clone());
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Writes an input on the caller's transaction.
pub async fn insert_input(tx: &mut Tx, f: &InputFields) -> Result<i64, StoreError> {
    let id = on_tx!(&mut *tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO inputs (organisation_id, project_id, activity_id, opportunity_id, said, received_on, anonymous_count, owner_account_id, due_on, form_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(f.organisation_id)
        .bind(f.project_id)
        .bind(f.activity_id)
        .bind(f.opportunity_id)
        .bind(&f.said)
        .bind(f.received_on)
        .bind(f.anonymous_count)
        .bind(f.owner_account_id)
        .bind(f.due_on)
        .bind(f.form_id)
        .fetch_one(c)
        .await
    })?;
    insert_lists(tx, id, f).await?;
    Ok(id)
}

/// Locks an input for a response on the caller's transaction and answers its
/// current status, so two responses given at once are told in turn.
pub async fn lock_input(tx: &mut Tx, id: i64) -> Result<Option<String>, StoreError> {
    let sql = match tx {
        Tx::Sqlite(_) => "SELECT response_status FROM inputs WHERE id = $1",
        Tx::Postgres(_) => "SELECT response_status FROM inputs WHERE id = $1 FOR UPDATE",
    };
    let row: Option<Option<String>> = on_tx!(&mut *tx, |c| sqlx::query_scalar(sql)
        .bind(id)
        .fetch_optional(c)
        .await)?;
    row.ok_or(StoreError::NotFound)
}

/// Records a response on the caller's transaction: it becomes the input's current
/// one, with its owner, and is kept with the rest. Answers its id.
pub async fn respond_in(
    tx: &mut Tx,
    input_id: i64,
    r: &NewResponse<'_>,
) -> Result<i64, StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE inputs SET response = $1, response_status = $2, responded_on = $3, will_do_by = $4, owner_account_id = $5 WHERE id = $6",
        )
        .bind(r.text)
        .bind(r.status.slug())
        .bind(r.on)
        .bind(r.will_do_by)
        .bind(r.owner)
        .bind(input_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    updated(rows)?;
    Ok(on_tx!(&mut *tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO input_responses (input_id, status, response, will_do_by, owner_account_id, given_on, given_at, given_by, told) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(input_id)
        .bind(r.status.slug())
        .bind(r.text)
        .bind(r.will_do_by)
        .bind(r.owner)
        .bind(r.on)
        .bind(r.at)
        .bind(r.given_by)
        .bind(r.told)
        .fetch_one(c)
        .await
    })?)
}

/// Records whom a response is to reach, and how, in one statement: each of
/// `rows` is a person, the way, and the day it reached them if it already has.
pub async fn insert_told_in(
    tx: &mut Tx,
    input_id: i64,
    response_id: i64,
    rows: &[(i64, &str, Option<NaiveDate>)],
) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    on_tx!(&mut *tx, |c| {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO input_told (input_id, response_id, person_id, reach, told_on) ",
        );
        q.push_values(rows, |mut row, (person, reach, on)| {
            row.push_bind(input_id)
                .push_bind(response_id)
                .push_bind(*person)
                .push_bind(reach.to_string())
                .push_bind(*on);
        });
        q.build().execute(c).await.map(|_| ())
    })?;
    Ok(())
}

/// Records on the caller's transaction that a letter was posted, or a call made,
/// on `on`: only while it waits. Answers whether it was waiting.
pub async fn mark_told_in(tx: &mut Tx, told_id: i64, on: NaiveDate) -> Result<bool, StoreError> {
    let rows = on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE input_told SET told_on = $1 WHERE id = $2 AND told_on IS NULL AND reach IN ('letter', 'phone')",
        )
        .bind(on)
        .bind(told_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(rows == 1)
}

/// Records on the caller's transaction the first day a response reached the
/// people who gave an input; a later day leaves it as it was.
pub async fn fed_back_in(tx: &mut Tx, input_id: i64, on: NaiveDate) -> Result<(), StoreError> {
    on_tx!(&mut *tx, |c| {
        sqlx::query(
            "UPDATE inputs SET fed_back_on = $1 WHERE id = $2 AND (fed_back_on IS NULL OR fed_back_on > $1)",
        )
        .bind(on)
        .bind(input_id)
        .execute(c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}
