//! Importing a register spreadsheet: the dry run (every problem by row and column,
//! and the people already in the register), then the import itself, all or nothing.
//! The command line and the web pages both use this; neither has rules of its own.

use chrono::NaiveDate;
use coproduce_import::{Field, Report};
use coproduce_store::import::NewPerson;
use coproduce_store::{Store, StoreError};

pub use coproduce_import::{MAX_BYTES, RowProblem, parse_override};

/// A row whose person is already in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub row: usize,
    pub existing_id: i64,
    pub existing_name: String,
    /// What matched: the email address or the phone number.
    pub on: Field,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub report: Report,
    /// Rows skipped because the person is already in the register.
    pub duplicates: Vec<Duplicate>,
}

impl Plan {
    /// The people the import would add: every row read, less duplicates.
    pub fn to_add(&self) -> Vec<NewPerson> {
        self.report
            .rows
            .iter()
            .filter(|r| !self.duplicates.iter().any(|d| d.row == r.row))
            .map(|r| NewPerson {
                profile: r.profile.clone(),
                needs: r.needs.clone(),
                guardian: r.guardian.clone(),
                ethnic_group: r.ethnic_group,
            })
            .collect()
    }

    /// Whether the import may go ahead: no problem anywhere, and someone to add.
    pub fn can_import(&self) -> bool {
        self.report.problems.is_empty() && !self.to_add().is_empty()
    }
}

/// Reads a file and finds who in it is already in the register: nothing is stored.
pub async fn plan(
    store: &Store,
    organisation_id: i64,
    bytes: &[u8],
    overrides: &[(String, Option<Field>)],
    today: NaiveDate,
) -> Result<Plan, StoreError> {
    let report = coproduce_import::dry_run(bytes, organisation_id, overrides, today);
    let emails: Vec<String> = report
        .rows
        .iter()
        .filter_map(|r| r.profile.email.clone())
        .collect();
    let phones: Vec<String> = report
        .rows
        .iter()
        .filter_map(|r| coproduce_store::people::digits(&r.profile.phone))
        .collect();
    let existing = store
        .existing_contacts(organisation_id, &emails, &phones)
        .await?;
    let duplicates = report
        .rows
        .iter()
        .filter_map(|r| {
            let digits = coproduce_store::people::digits(&r.profile.phone);
            existing.iter().find_map(|e| {
                let on = if r.profile.email.is_some() && e.email == r.profile.email {
                    Field::Email
                } else if digits.is_some() && e.phone_digits == digits {
                    Field::Phone
                } else {
                    return None;
                };
                Some(Duplicate {
                    row: r.row,
                    existing_id: e.id,
                    existing_name: e.name.clone(),
                    on,
                })
            })
        })
        .collect();
    Ok(Plan { report, duplicates })
}

/// Stores the plan's people in one transaction; `progress` hears after each one.
pub async fn import(
    store: &Store,
    plan: &Plan,
    recorded_by: Option<i64>,
    today: NaiveDate,
    progress: impl Fn(usize),
) -> Result<Vec<i64>, StoreError> {
    let ids = store
        .import_people(&plan.to_add(), recorded_by, today, progress)
        .await?;
    // After many rows the planner's statistics are out of date; searches of the
    // register choose their indexes by them.
    if ids.len() >= 1000 {
        store.analyze().await?;
    }
    Ok(ids)
}
