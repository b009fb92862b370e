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

use chrono::NaiveDate;
use coproduce_domain::equality::EthnicGroup;
use coproduce_domain::needs::Need;
use coproduce_domain::person::{
    self, ContactMethod, Language, PersonDraft, PersonRole, Profile, ServiceArea,
};
use coproduce_domain::text::Problem;
use coproduce_domain::{Vocabulary, fold};

mod columns;
mod report;
mod sheet;
mod values;

pub use columns::{Columns, Field};
pub use report::{Group, UnknownValue};
pub use sheet::{Cell, Merged, Sheet, read};
pub use values::ValueMap;

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
    /// Each need, with the language of a spoken-language interpreter.
    pub needs: Vec<(Need, Option<Language>)>,
    /// The parent or guardian who consented, for someone under 18.
    pub guardian: Option<String>,
    pub ethnic_group: Option<EthnicGroup>,
    /// The day they joined, from a "date joined" column.
    pub joined_on: Option<NaiveDate>,
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
    /// Rows that repeat the header (a sheet pasted under another), skipped.
    pub repeated_headers: usize,
    /// The email and phone of every row read, however it fared: a person already in
    /// the register is found on every row.
    pub contacts: Vec<Contact>,
}

/// The email address and phone number a row gives, as the register compares them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub row: usize,
    /// In lower case.
    pub email: Option<String>,
    /// The digits only.
    pub phone_digits: Option<String>,
}

/// A row's email and phone, from its cells as they are.
fn contact_of(row: usize, cells: &[Cell], columns: &Columns) -> Contact {
    let cell = |field: Field| {
        columns
            .iter()
            .position(|(_, f)| *f == Some(field))
            .and_then(|i| cells.get(i))
            .map(text)
            .filter(|t| !t.is_empty())
    };
    Contact {
        row,
        email: cell(Field::Email).map(|e| e.trim().to_lowercase()),
        phone_digits: cell(Field::Phone)
            .map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>())
            .filter(|d| d.len() >= 6),
    }
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

/// How to read a file: which column is which field, and which values mean what.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    /// A header (as the file has it, any case) read as a field, or ignored (`None`).
    pub columns: Vec<(String, Option<Field>)>,
    /// Values of a column read as an entry of its vocabulary, or ignored.
    pub values: Vec<ValueMap>,
}

/// Reads a file's bytes into a report: every row checked, every problem named.
/// `today` decides who is under 18 and what a two-digit year means. In a workbook
/// the register is the first sheet with a header row.
pub fn dry_run(bytes: &[u8], organisation_id: i64, choices: &Choices, today: NaiveDate) -> Report {
    let sheets = match read(bytes) {
        Ok(s) => s,
        Err(p) => return Report::refused(p),
    };
    let mut first = None;
    for (sheet, merged) in &sheets {
        let report = check_sheet(sheet, merged, organisation_id, choices, today);
        if report.header_row > 0 {
            return report;
        }
        first.get_or_insert(report);
    }
    first.unwrap_or_else(|| Report::refused(Problem::FileEmpty))
}

/// Checks a sheet already read.
pub fn check_sheet(
    sheet: &Sheet,
    merged: &[Merged],
    organisation_id: i64,
    choices: &Choices,
    today: NaiveDate,
) -> Report {
    let overrides = &choices.columns;
    let Some((header_index, columns)) = columns::find_header(sheet, overrides) else {
        return Report::refused(Problem::NoHeaderRow);
    };
    let header_row = sheet.rows[header_index].number;
    let mut report = Report {
        header_row,
        columns: columns.clone(),
        ..Report::default()
    };
    if !columns.iter().any(|(_, f)| f.is_some_and(Field::names)) {
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
    report
        .problems
        .extend(values::check_maps(&choices.values, &columns));
    let header_cells: Vec<String> = sheet.rows[header_index]
        .cells
        .iter()
        .map(|c| fold(&text(c)))
        .collect();
    let reading = Reading {
        columns: &columns,
        maps: &choices.values,
        organisation_id,
        today,
    };
    let mut seen_email: HashMap<String, usize> = HashMap::new();
    let mut seen_phone: HashMap<String, usize> = HashMap::new();
    let mut cache = values::Cache::default();
    for row in &sheet.rows[header_index + 1..] {
        if row.cells.iter().all(Cell::is_empty) {
            report.blank_rows += 1;
            continue;
        }
        let repeats_header = row
            .cells
            .iter()
            .map(|c| fold(&text(c)))
            .filter(|c| !c.is_empty())
            .eq(header_cells.iter().filter(|c| !c.is_empty()).cloned());
        if repeats_header {
            report.repeated_headers += 1;
            continue;
        }
        let contact = contact_of(row.number, &row.cells, &columns);
        let mut duplicate = None;
        if let Some(e) = &contact.email
            && let Some(first) = seen_email.insert(e.clone(), row.number)
        {
            duplicate = Some((Field::Email, first));
        }
        if let Some(d) = &contact.phone_digits
            && let Some(first) = seen_phone.insert(d.clone(), row.number)
        {
            duplicate = duplicate.or(Some((Field::Phone, first)));
        }
        report.contacts.push(contact);
        let read = read_row(row.number, &row.cells, &reading, &mut cache);
        if let Err(problems) = &read {
            report.problems.extend(problems.iter().cloned());
        }
        // The same person twice in the file is named on every such row, whatever
        // else is wrong with it.
        match (duplicate, read) {
            (Some((field, first)), _) => report.problems.push(RowProblem {
                row: Some(row.number),
                column: columns
                    .iter()
                    .find(|(_, f)| *f == Some(field))
                    .map(|(h, _)| h.clone()),
                problem: Problem::SameAsRow(first),
            }),
            (None, Ok(r)) => report.rows.push(r),
            (None, Err(_)) => {}
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

/// What every row is read with.
struct Reading<'a> {
    columns: &'a Columns,
    maps: &'a [ValueMap],
    organisation_id: i64,
    today: NaiveDate,
}

/// A name written "Surname, First" (as many NHS systems print it) turned the right
/// way round; any other name as it is.
fn name_as_written(name: &str) -> String {
    match name.split_once(',') {
        Some((surname, first))
            if !surname.trim().is_empty() && !first.trim().is_empty() && !first.contains(',') =>
        {
            format!("{} {}", first.trim(), surname.trim())
        }
        _ => name.trim().to_string(),
    }
}

/// Reads and checks one row; every problem in it is returned, one column's problem
/// never hiding another's.
fn read_row(
    number: usize,
    cells: &[Cell],
    reading: &Reading<'_>,
    cache: &mut values::Cache,
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
        organisation_id: reading.organisation_id,
        ..PersonDraft::default()
    };
    let (mut full_name, mut first_name, mut surname) =
        (String::new(), String::new(), String::new());
    let mut needs = Vec::new();
    let mut guardian = None;
    let mut ethnic_group = None;
    let mut joined_on = None;
    // The header each field was read from, to name it in a problem.
    let mut header_of: HashMap<&'static str, String> = HashMap::new();
    for (i, (header, field)) in reading.columns.iter().enumerate() {
        let Some(field) = field else { continue };
        let cell = cells.get(i).unwrap_or(&Cell::Empty);
        header_of.insert(field.key(), header.clone());
        if let Cell::Error(e) = cell {
            at(header, Problem::CellError(e.clone()));
            continue;
        }
        let t = text(cell);
        let some = || (!t.is_empty()).then(|| t.clone());
        let maps = reading.maps;
        match field {
            Field::Name => full_name = name_as_written(&t),
            Field::FirstName => first_name = t.clone(),
            Field::Surname => surname = t.clone(),
            Field::PreferredName => draft.preferred_name = some(),
            Field::Pronouns => draft.pronouns = some(),
            Field::Email => draft.email = some(),
            Field::Phone => draft.phone = some(),
            Field::Address => draft.address = some(),
            Field::Postcode => draft.postcode = some(),
            Field::PreferredContact if !t.is_empty() => {
                let (read, wrong) =
                    values::read_list(&t, header, maps, |v| cache.vocabulary::<ContactMethod>(v));
                draft.preferred_contact = read.first().map(|v| v.slug().into());
                wrong.into_iter().for_each(|(_, p)| at(header, p));
            }
            Field::PreferredContact => {}
            Field::Roles => {
                let (read, wrong) =
                    values::read_list(&t, header, maps, |v| cache.vocabulary::<PersonRole>(v));
                draft
                    .roles
                    .extend(read.iter().map(|v| v.slug().to_string()));
                wrong.into_iter().for_each(|(_, p)| at(header, p));
            }
            Field::Affiliations => draft.affiliations = some(),
            Field::Interests => {
                let (read, wrong) =
                    values::read_list(&t, header, maps, |v| cache.vocabulary::<ServiceArea>(v));
                draft
                    .interests
                    .extend(read.iter().map(|v| v.slug().to_string()));
                wrong.into_iter().for_each(|(_, p)| at(header, p));
            }
            Field::Availability => draft.availability = values::list(&t),
            Field::AvoidRushHour => match values::yes_no(cell) {
                Ok(b) => draft.avoid_rush_hour = b,
                Err(p) => at(header, p),
            },
            Field::Languages => {
                let (read, wrong) =
                    values::read_list(&t, header, maps, |v| cache.vocabulary::<Language>(v));
                draft
                    .languages
                    .extend(read.iter().map(|v| v.slug().to_string()));
                wrong.into_iter().for_each(|(_, p)| at(header, p));
            }
            Field::BornOn => match values::date(cell, reading.today) {
                Ok(d) => draft.born_on = d.map(|d| d.to_string()),
                Err(p) => at(header, p),
            },
            Field::JoinedOn => match values::date(cell, reading.today) {
                Ok(Some(d)) if d > reading.today => at(header, Problem::InFuture),
                Ok(d) => joined_on = d,
                Err(p) => at(header, p),
            },
            Field::Needs => {
                let (read, wrong) = values::read_list(&t, header, maps, |v| cache.need(v));
                for n in read {
                    if !needs.contains(&n) {
                        needs.push(n);
                    }
                }
                wrong.into_iter().for_each(|(_, p)| at(header, p));
            }
            Field::Guardian => guardian = some(),
            Field::EthnicGroup if !t.is_empty() => {
                let (read, wrong) = values::read_one(&t, header, maps, |v| cache.ethnic_group(v));
                ethnic_group = read;
                if let Some(p) = wrong {
                    at(header, p);
                }
            }
            Field::EthnicGroup => {}
        }
    }
    // One name from a full-name column, or from first name and surname (a "Name"
    // column beside them wins where it is filled in).
    draft.name = if full_name.is_empty() {
        [first_name.trim(), surname.trim()]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        full_name
    };
    if !header_of.contains_key("name") {
        let named_by = header_of
            .get("first_name")
            .or_else(|| header_of.get("surname"))
            .cloned()
            .unwrap_or_else(|| "name".into());
        header_of.insert("name", named_by);
    }
    // A row with no role takes part as a service user, as most registers mean.
    if draft.roles.is_empty() {
        draft.roles.push(PersonRole::ServiceUser.slug().into());
    }
    let profile = match draft.check(reading.today) {
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
        && p.born_on
            .is_some_and(|b| person::is_child(b, reading.today))
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
            joined_on,
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
