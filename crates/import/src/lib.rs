//! Reading the spreadsheet of people an organisation already keeps (CSV or XLSX) into
//! checked register rows, and a report of every problem by row and column.
//!
//! The file's type is told from its bytes, not its name, so a PDF renamed `.xlsx` is
//! refused as "not a spreadsheet". Blank rows are skipped; rows above the header (a
//! title, a date) are skipped too: the header is the first row naming at least two
//! known columns, one of them the name. Columns are matched from their headers and can
//! be overridden. Formulas are read as the values the spreadsheet last worked out;
//! dates may be real dates, Excel serial numbers or typed text. Merged cells and cells
//! holding spreadsheet errors are reported, never guessed at.
//!
//! This crate does no I/O and knows nothing of the database: finding people already
//! in the register (duplicates) and storing the rows belong to the store.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use coproduce_domain::Vocabulary;
use coproduce_domain::equality::EthnicGroup;
use coproduce_domain::needs::Need;
use coproduce_domain::person::{self, Language, PersonDraft, PersonRole, Profile, ServiceArea};
use coproduce_domain::text::Problem;

mod columns;
mod sheet;

pub use columns::{Columns, Field};
pub use sheet::{Cell, Merged, Sheet, read};

/// The largest file read: far more than any register's spreadsheet.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// The most rows read from one file.
pub const MAX_ROWS: usize = 100_000;

/// One person, ready to store, with what comes with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The row's number in the spreadsheet, as its user sees it (1 is the first row).
    pub row: usize,
    pub profile: Profile,
    pub needs: Vec<Need>,
    /// The parent or guardian who consented, for someone under 18.
    pub guardian: Option<String>,
    pub ethnic_group: Option<EthnicGroup>,
}

/// One problem found, where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The spreadsheet row; `None` for a problem with the whole file.
    pub row: Option<usize>,
    /// The column's header as the file has it.
    pub column: Option<String>,
    pub problem: Problem,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.row, &self.column) {
            (Some(r), Some(c)) => write!(f, "row {r}, column \"{c}\": {}", self.problem),
            (Some(r), None) => write!(f, "row {r}: {}", self.problem),
            (None, Some(c)) => write!(f, "column \"{c}\": {}", self.problem),
            (None, None) => write!(f, "{}", self.problem),
        }
    }
}

/// What a dry run found: the columns as matched, the people read, and every problem.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// The header row's number; 0 when none was found.
    pub header_row: usize,
    /// Each column's header and the field it is read as (`None`: ignored).
    pub columns: Columns,
    pub rows: Vec<ImportRow>,
    pub problems: Vec<RowProblem>,
    pub blank_rows: usize,
}

impl Report {
    /// A report of one problem with the whole file.
    pub fn refused(problem: Problem) -> Report {
        Report {
            problems: vec![RowProblem {
                row: None,
                column: None,
                problem,
            }],
            ..Report::default()
        }
    }
}

/// Reads a file's bytes into a report: every row checked, every problem named.
/// `overrides` maps a header (as the file has it, any case) to a field, or to
/// `None` to ignore the column. `today` decides who is under 18.
pub fn dry_run(
    bytes: &[u8],
    organisation_id: i64,
    overrides: &[(String, Option<Field>)],
    today: NaiveDate,
) -> Report {
    let (sheet, merged) = match read(bytes) {
        Ok(s) => s,
        Err(p) => return Report::refused(p),
    };
    check_sheet(&sheet, &merged, organisation_id, overrides, today)
}

/// Checks a sheet already read.
pub fn check_sheet(
    sheet: &Sheet,
    merged: &[Merged],
    organisation_id: i64,
    overrides: &[(String, Option<Field>)],
    today: NaiveDate,
) -> Report {
    let Some((header_index, columns)) = columns::find_header(sheet, overrides) else {
        return Report::refused(Problem::NoHeaderRow);
    };
    let header_row = sheet.rows[header_index].number;
    let mut report = Report {
        header_row,
        columns: columns.clone(),
        ..Report::default()
    };
    if !columns.iter().any(|(_, f)| *f == Some(Field::Name)) {
        report.problems.push(RowProblem {
            row: Some(header_row),
            column: None,
            problem: Problem::NoHeaderRow,
        });
        return report;
    }
    let header_of = |col: usize| columns.get(col).map(|(h, _)| h.clone());
    for m in merged {
        if m.last_row > header_row {
            report.problems.push(RowProblem {
                row: Some(m.first_row.max(header_row + 1)),
                column: header_of(m.first_col),
                problem: Problem::MergedCells {
                    first: m.first_row,
                    last: m.last_row,
                },
            });
        }
    }
    let mut seen_email: HashMap<String, usize> = HashMap::new();
    let mut seen_phone: HashMap<String, usize> = HashMap::new();
    for row in &sheet.rows[header_index + 1..] {
        if row.cells.iter().all(Cell::is_empty) {
            report.blank_rows += 1;
            continue;
        }
        match read_row(row.number, &row.cells, &columns, organisation_id, today) {
            Ok(r) => {
                let mut duplicate = None;
                if let Some(e) = &r.profile.email
                    && let Some(first) = seen_email.insert(e.clone(), r.row)
                {
                    duplicate = Some((Field::Email, first));
                }
                if let Some(p) = &r.profile.phone {
                    let digits: String = p.chars().filter(char::is_ascii_digit).collect();
                    if let Some(first) = seen_phone.insert(digits, r.row) {
                        duplicate = duplicate.or(Some((Field::Phone, first)));
                    }
                }
                match duplicate {
                    Some((field, first)) => report.problems.push(RowProblem {
                        row: Some(r.row),
                        column: columns
                            .iter()
                            .find(|(_, f)| *f == Some(field))
                            .map(|(h, _)| h.clone()),
                        problem: Problem::SameAsRow(first),
                    }),
                    None => report.rows.push(r),
                }
            }
            Err(problems) => report.problems.extend(problems),
        }
    }
    report
}

/// The text of a cell as a person would read it.
fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty | Cell::Error(_) => String::new(),
        Cell::Text(s) => s.trim().to_string(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Bool(true) => "yes".into(),
        Cell::Bool(false) => "no".into(),
        Cell::Date(d) => d.to_string(),
    }
}

/// A list typed in one cell: separated by semicolons, commas or new lines.
fn list(s: &str) -> Vec<String> {
    s.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A vocabulary value given by its slug or its label, in any case.
fn value<V: Vocabulary>(s: &str) -> Result<V, Problem> {
    let t = s.trim();
    V::ALL
        .iter()
        .copied()
        .find(|v| v.slug().eq_ignore_ascii_case(t) || v.label().eq_ignore_ascii_case(t))
        .ok_or_else(|| coproduce_domain::unknown::<V>(t))
}

/// A date from a real date cell, an Excel serial number, or text (`2009-03-27` or
/// `27/03/2009`).
fn date(cell: &Cell) -> Result<Option<NaiveDate>, Problem> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        // Excel counts days from 30 December 1899 (with its 1900 leap-year error
        // already folded in for every date after February 1900).
        Cell::Number(n) if n.fract() == 0.0 && (1.0..2_958_466.0).contains(n) => {
            Ok(NaiveDate::from_ymd_opt(1899, 12, 30).map(|d| d + Duration::days(*n as i64)))
        }
        other => {
            let t = text(other);
            if t.is_empty() {
                return Ok(None);
            }
            ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(&t, f).ok())
                .map(Some)
                .ok_or(Problem::NotDate(t))
        }
    }
}

fn yes_no(cell: &Cell) -> Result<bool, Problem> {
    match text(cell).to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" => Ok(true),
        other => Err(Problem::NotYesNo(other.to_string())),
    }
}

/// Reads and checks one row; every problem in it is returned.
fn read_row(
    number: usize,
    cells: &[Cell],
    columns: &Columns,
    organisation_id: i64,
    today: NaiveDate,
) -> Result<ImportRow, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let mut at = |column: &str, problem: Problem| {
        problems.push(RowProblem {
            row: Some(number),
            column: Some(column.to_string()),
            problem,
        })
    };
    let mut draft = PersonDraft {
        organisation_id,
        ..PersonDraft::default()
    };
    let mut needs = Vec::new();
    let mut guardian = None;
    let mut ethnic_group = None;
    // The header each field was read from, to name it in a problem.
    let mut header_of: HashMap<&'static str, String> = HashMap::new();
    for (i, (header, field)) in columns.iter().enumerate() {
        let Some(field) = field else { continue };
        let cell = cells.get(i).unwrap_or(&Cell::Empty);
        header_of.insert(field.key(), header.clone());
        if let Cell::Error(e) = cell {
            at(header, Problem::CellError(e.clone()));
            continue;
        }
        let t = text(cell);
        let some = || (!t.is_empty()).then(|| t.clone());
        match field {
            Field::Name => draft.name = t.clone(),
            Field::PreferredName => draft.preferred_name = some(),
            Field::Pronouns => draft.pronouns = some(),
            Field::Email => draft.email = some(),
            Field::Phone => draft.phone = some(),
            Field::Address => draft.address = some(),
            Field::Postcode => draft.postcode = some(),
            Field::PreferredContact => {
                draft.preferred_contact = match some() {
                    Some(c) => match value::<person::ContactMethod>(&c) {
                        Ok(v) => Some(v.slug().into()),
                        Err(p) => {
                            at(header, p);
                            None
                        }
                    },
                    None => None,
                }
            }
            Field::Roles => {
                for r in list(&t) {
                    match value::<PersonRole>(&r) {
                        Ok(v) => draft.roles.push(v.slug().into()),
                        Err(p) => at(header, p),
                    }
                }
            }
            Field::Affiliations => draft.affiliations = some(),
            Field::Interests => {
                for r in list(&t) {
                    match value::<ServiceArea>(&r) {
                        Ok(v) => draft.interests.push(v.slug().into()),
                        Err(p) => at(header, p),
                    }
                }
            }
            Field::Availability => draft.availability = list(&t),
            Field::AvoidRushHour => match yes_no(cell) {
                Ok(b) => draft.avoid_rush_hour = b,
                Err(p) => at(header, p),
            },
            Field::Languages => {
                for l in list(&t) {
                    match Language::read(&l) {
                        Ok(v) => draft.languages.push(v.slug().into()),
                        Err(p) => at(header, p),
                    }
                }
            }
            Field::BornOn => match date(cell) {
                Ok(d) => draft.born_on = d.map(|d| d.to_string()),
                Err(p) => at(header, p),
            },
            Field::Needs => {
                for n in list(&t) {
                    match value::<Need>(&n) {
                        Ok(v) => needs.push(v),
                        Err(p) => at(header, p),
                    }
                }
            }
            Field::Guardian => guardian = some(),
            Field::EthnicGroup => {
                if let Some(g) = some() {
                    match EthnicGroup::read(&g) {
                        Ok(v) => ethnic_group = Some(v),
                        Err(p) => at(header, p),
                    }
                }
            }
        }
    }
    // A row with no role takes part as a service user, as most registers mean.
    if draft.roles.is_empty() {
        draft.roles.push(PersonRole::ServiceUser.slug().into());
    }
    let profile = match draft.check(today) {
        Ok(p) => Some(p),
        Err(errs) => {
            for e in errs.0 {
                let key = e.field.split('[').next().unwrap_or_default().to_string();
                let column = header_of.get(key.as_str()).cloned().unwrap_or(key);
                if let Some(problem) = e.problem {
                    at(&column, problem);
                }
            }
            None
        }
    };
    if let Some(p) = &profile
        && p.born_on.is_some_and(|b| person::is_child(b, today))
        && guardian.is_none()
    {
        let column = header_of
            .get("guardian")
            .or_else(|| header_of.get("born_on"))
            .cloned()
            .unwrap_or_default();
        at(&column, Problem::NeedsGuardianConsent);
    }
    match (profile, problems.is_empty()) {
        (Some(profile), true) => Ok(ImportRow {
            row: number,
            profile,
            needs,
            guardian,
            ethnic_group,
        }),
        _ => Err(problems),
    }
}

/// Reads `Header=field` overrides as the command line and the web form give them;
/// `ignore` as the field leaves the column out.
pub fn parse_override(s: &str) -> Result<(String, Option<Field>), String> {
    let (header, field) = s
        .rsplit_once('=')
        .ok_or_else(|| format!("\"{s}\" is not HEADER=FIELD"))?;
    let field = match field.trim() {
        "ignore" => None,
        f => Some(Field::parse(f).ok_or_else(|| {
            format!(
                "\"{f}\" is not a field; use one of {}, or ignore",
                Field::ALL
                    .iter()
                    .map(|f| f.key())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?),
    };
    Ok((header.trim().to_string(), field))
}
