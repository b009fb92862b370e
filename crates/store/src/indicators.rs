//! The aggregate queries behind indicators: one query per indicator and period,
//! whatever the number of records.

use chrono::NaiveDate;
use coproduce_domain::indicator::{DEFAULT_FEEDBACK_DAYS, FeedbackTally};

use crate::sql::{days_postgres, days_sqlite};
use crate::{Store, StoreError};

/// Counts for "inputs fed back within N days". `$1` organisation, `$2`..`$3` the
/// period (dates the inputs were received), `$4` N, `$5` today.
macro_rules! feedback_tally_sql {
    ($days:ident) => {
        concat!(
            "SELECT ",
            "COALESCE(SUM(CASE WHEN i.fed_back_on IS NOT NULL AND ",
            $days!("i.fed_back_on", "i.received_on"),
            " <= $4 THEN 1 ELSE 0 END), 0) AS on_time, ",
            "COALESCE(SUM(CASE WHEN i.fed_back_on IS NOT NULL OR ",
            $days!("$5", "i.received_on"),
            " > $4 THEN 1 ELSE 0 END), 0) AS due, ",
            "COALESCE(SUM(CASE WHEN i.fed_back_on IS NULL AND ",
            $days!("$5", "i.received_on"),
            " <= $4 THEN 1 ELSE 0 END), 0) AS pending, ",
            "COALESCE(SUM(CASE WHEN i.fed_back_on IS NULL AND ",
            $days!("$5", "i.received_on"),
            " > $4 THEN 1 ELSE 0 END), 0) AS overdue ",
            "FROM inputs i ",
            "JOIN activities a ON a.id = i.activity_id ",
            "JOIN projects p ON p.id = a.project_id ",
            "WHERE p.organisation_id = $1 AND i.received_on >= $2 AND i.received_on <= $3"
        )
    };
}

const FEEDBACK_TALLY_SQLITE: &str = feedback_tally_sql!(days_sqlite);
const FEEDBACK_TALLY_POSTGRES: &str = feedback_tally_sql!(days_postgres);

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

impl Store {
    /// The strictest feedback deadline among the charters an organisation has signed,
    /// or the default when it has signed none.
    pub async fn feedback_promise(
        &self,
        organisation_id: i64,
    ) -> Result<FeedbackPromise, StoreError> {
        let row: Option<(i64, String)> = on_pool!(self, |p| {
            sqlx::query_as(
                "SELECT c.feedback_days, c.title FROM signatories s JOIN charters c ON c.id = s.charter_id WHERE s.organisation_id = $1 AND s.status = 'signed' ORDER BY c.feedback_days, c.id LIMIT 1",
            )
            .bind(organisation_id)
            .fetch_optional(p)
            .await
        })?;
        Ok(match row {
            Some((days, title)) => FeedbackPromise {
                days: u16::try_from(days).unwrap_or(DEFAULT_FEEDBACK_DAYS),
                set_by: Some(title),
            },
            None => FeedbackPromise {
                days: DEFAULT_FEEDBACK_DAYS,
                set_by: None,
            },
        })
    }

    /// Counts an organisation's inputs received between `from` and `to` (inclusive)
    /// by whether they were fed back within `days`, as of `today`.
    pub async fn feedback_tally(
        &self,
        organisation_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        days: u16,
        today: NaiveDate,
    ) -> Result<FeedbackTally, StoreError> {
        let sql = match self.backend() {
            crate::Backend::Sqlite => FEEDBACK_TALLY_SQLITE,
            crate::Backend::Postgres => FEEDBACK_TALLY_POSTGRES,
        };
        let row = on_pool!(self, |p| {
            sqlx::query_as::<_, TallyRow>(sql)
                .bind(organisation_id)
                .bind(from)
                .bind(to)
                .bind(i64::from(days))
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
