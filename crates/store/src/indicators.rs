//! The aggregate queries behind indicators: one query per indicator and period,
//! whatever the number of records.

use chrono::NaiveDate;
use coproduce_domain::indicator::{DEFAULT_FEEDBACK_DAYS, FeedbackTally};

use crate::{Store, StoreError, Tx};

/// Counts for "inputs fed back by their due day". `$1` organisation, `$2`..`$3` the
/// period (dates the inputs were received), `$4` today.
const FEEDBACK_TALLY: &str = concat!(
    "SELECT ",
    "COALESCE(SUM(CASE WHEN fed_back_on IS NOT NULL AND fed_back_on <= due_on THEN 1 ELSE 0 END), 0) AS on_time, ",
    "COALESCE(SUM(CASE WHEN fed_back_on IS NOT NULL OR due_on < $4 THEN 1 ELSE 0 END), 0) AS due, ",
    "COALESCE(SUM(CASE WHEN fed_back_on IS NULL AND due_on >= $4 THEN 1 ELSE 0 END), 0) AS pending, ",
    "COALESCE(SUM(CASE WHEN fed_back_on IS NULL AND due_on < $4 THEN 1 ELSE 0 END), 0) AS overdue ",
    "FROM inputs WHERE organisation_id = $1 AND received_on >= $2 AND received_on <= $3"
);

#[derive(sqlx::FromRow)]
struct TallyRow {
    on_time: i64,
    due: i64,
    pending: i64,
    overdue: i64,
}

/// The feedback deadline an organisation has promised, and the charter that sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackPromise {
    pub days: u16,
    /// The title of the signed charter with the strictest deadline, or `None` when the
    /// organisation has signed none and the default applies.
    pub set_by: Option<String>,
}

/// The strictest feedback deadline among the charters an organisation has signed:
/// days and the charter's title.
const PROMISE: &str = "SELECT c.feedback_days, c.title FROM signatories s JOIN charters c ON c.id = s.charter_id WHERE s.organisation_id = $1 AND s.status = 'signed' ORDER BY c.feedback_days, c.id LIMIT 1";

fn promise_of(row: Option<(i64, String)>) -> FeedbackPromise {
    match row {
        Some((days, title)) => FeedbackPromise {
            days: u16::try_from(days).unwrap_or(DEFAULT_FEEDBACK_DAYS),
            set_by: Some(title),
        },
        None => FeedbackPromise {
            days: DEFAULT_FEEDBACK_DAYS,
            set_by: None,
        },
    }
}

/// The feedback deadline in days an organisation has promised, read on the caller's
/// transaction.
pub async fn feedback_days_in(tx: &mut Tx, organisation_id: i64) -> Result<u16, StoreError> {
    let row: Option<(i64, String)> = on_tx!(tx, |c| sqlx::query_as(PROMISE)
        .bind(organisation_id)
        .fetch_optional(c)
        .await)?;
    Ok(promise_of(row).days)
}

impl Store {
    /// The strictest feedback deadline among the charters an organisation has signed,
    /// or the default when it has signed none.
    pub async fn feedback_promise(
        &self,
        organisation_id: i64,
    ) -> Result<FeedbackPromise, StoreError> {
        let row: Option<(i64, String)> = on_pool!(self, |p| {
            sqlx::query_as(PROMISE)
                .bind(organisation_id)
                .fetch_optional(p)
                .await
        })?;
        Ok(promise_of(row))
    }

    /// Counts an organisation's inputs received between `from` and `to` (inclusive)
    /// by whether they were fed back by their due day (set from the charter's
    /// deadline when each was received), as of `today`.
    pub async fn feedback_tally(
        &self,
        organisation_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<FeedbackTally, StoreError> {
        let row = on_pool!(self, |p| {
            sqlx::query_as::<_, TallyRow>(FEEDBACK_TALLY)
                .bind(organisation_id)
                .bind(from)
                .bind(to)
                .bind(today)
                .fetch_one(p)
                .await
        })?;
        Ok(FeedbackTally {
            on_time: row.on_time,
            due: row.due,
            pending: row.pending,
            overdue: row.overdue,
        })
    }
}

/// Whole days from date `$b` to date `$a`, as each database counts them.
macro_rules! days_between {
    (sqlite, $a:literal, $b:literal) => {
        concat!("CAST(julianday(", $a, ") - julianday(", $b, ") AS INTEGER)")
    };
    (postgres, $a:literal, $b:literal) => {
        concat!("(", $a, " - ", $b, ")")
    };
}

/// "You said, we did" figures for an organisation's inputs received in a period,
/// in one query: `$1` organisation, `$2`..`$3` the period, `$4` today, `$5` whether
/// to count each project apart (the key is the project's id, 0 for inputs of no
/// project) or all together (key 0).
macro_rules! said_figures_sql {
    ($db:ident) => {
        concat!(
            "WITH scoped AS (SELECT CASE WHEN $5 THEN COALESCE(i.project_id, 0) ELSE 0 END AS grp, i.due_on, i.fed_back_on, ",
            "CASE WHEN i.fed_back_on IS NOT NULL THEN ",
            days_between!($db, "i.fed_back_on", "i.received_on"),
            " END AS days, ",
            "CASE WHEN EXISTS (SELECT 1 FROM outcome_inputs x WHERE x.input_id = i.id) THEN 1 ELSE 0 END AS led ",
            "FROM inputs i WHERE i.organisation_id = $1 AND i.received_on >= $2 AND i.received_on <= $3), ",
            "ranked AS (SELECT grp, days, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY days) AS rn, COUNT(*) OVER (PARTITION BY grp) AS n FROM scoped WHERE days IS NOT NULL), ",
            "medians AS (SELECT grp, CAST(AVG(days) AS DOUBLE PRECISION) AS median FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY grp) ",
            "SELECT s.grp, COUNT(*) AS received, ",
            "SUM(CASE WHEN s.fed_back_on IS NOT NULL OR s.due_on < $4 THEN 1 ELSE 0 END) AS due, ",
            "SUM(CASE WHEN s.fed_back_on IS NOT NULL AND s.fed_back_on <= s.due_on THEN 1 ELSE 0 END) AS on_time, ",
            "SUM(CASE WHEN s.fed_back_on IS NOT NULL THEN 1 ELSE 0 END) AS fed_back, ",
            "SUM(s.led) AS led_to_outcome, MAX(m.median) AS median_days, MAX(pr.title) AS project_title ",
            "FROM scoped s LEFT JOIN medians m ON m.grp = s.grp LEFT JOIN projects pr ON pr.id = s.grp AND $5 ",
            "GROUP BY s.grp ORDER BY s.grp"
        )
    };
}

const SAID_FIGURES_SQLITE: &str = said_figures_sql!(sqlite);
const SAID_FIGURES_POSTGRES: &str = said_figures_sql!(postgres);

/// "You said, we did" figures for one group of inputs.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SaidFigures {
    /// The project's id; 0 for inputs of no project, and for all of them together.
    pub grp: i64,
    /// Inputs received in the period.
    pub received: i64,
    /// Of those, the ones fed back or past their due day.
    pub due: i64,
    /// Of those, the ones fed back by their due day.
    pub on_time: i64,
    pub fed_back: i64,
    /// The median whole days from an input to its feedback, of those fed back.
    pub median_days: Option<f64>,
    /// Inputs linked to at least one outcome.
    pub led_to_outcome: i64,
    /// The project's title, when counted by project and the inputs have one.
    pub project_title: Option<String>,
}

impl Store {
    /// "You said, we did" figures for an organisation's inputs received between
    /// `from` and `to` (inclusive), as of `today`: all together, or each project
    /// apart. One query, however many inputs.
    pub async fn said_figures(
        &self,
        organisation_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
        by_project: bool,
    ) -> Result<Vec<SaidFigures>, StoreError> {
        let sql = match self.backend() {
            crate::Backend::Sqlite => SAID_FIGURES_SQLITE,
            crate::Backend::Postgres => SAID_FIGURES_POSTGRES,
        };
        Ok(on_pool!(self, |p| {
            sqlx::query_as::<_, SaidFigures>(sql)
                .bind(organisation_id)
                .bind(from)
                .bind(to)
                .bind(today)
                .bind(by_project)
                .fetch_all(p)
                .await
        })?)
    }
}
