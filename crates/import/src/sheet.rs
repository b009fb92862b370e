//! Reading a file's bytes into rows of cells: CSV (UTF-8), or the first worksheet of
//! an Excel workbook (.xlsx, or the older .xls). The type comes from the bytes.

use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::NaiveDate;
use coproduce_domain::text::Problem;

use crate::{MAX_BYTES, MAX_ROWS};

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
    /// A spreadsheet error such as `#REF!`.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row, with its number as the spreadsheet shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// The rows of the sheet read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    pub rows: Vec<Row>,
}

/// Cells merged into one, by spreadsheet row number and 0-based column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    pub first_row: usize,
    pub last_row: usize,
    pub first_col: usize,
}

/// The most sheets of a workbook looked through for the register.
const MAX_SHEETS: usize = 20;

/// Reads a file's bytes: each sheet's rows and merged cells (a CSV is one sheet).
pub fn read(bytes: &[u8]) -> Result<Vec<(Sheet, Vec<Merged>)>, Problem> {
    if bytes.is_empty() {
        return Err(Problem::FileEmpty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(Problem::FileTooLarge(MAX_BYTES / (1024 * 1024)));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return xlsx(bytes);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return xls(bytes);
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) || bytes.starts_with(b"%PDF") {
        return Err(Problem::NotSpreadsheet);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        // Excel on Windows saves "CSV" in Windows-1252 unless told otherwise.
        Err(_) => windows_1252(bytes),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    csv_rows(text).map(|s| vec![(s, vec![])])
}

/// The characters Windows-1252 gives bytes 0x80 to 0x9F (the rest are Latin-1, as
/// Unicode numbers them; the five it leaves undefined stay as they are).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Text saved in Windows-1252: every byte is a character.
fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// The separator a CSV uses: a comma, a semicolon (as Excel saves CSV where the
/// comma is the decimal mark) or a tab, whichever the first lines have most of
/// outside quotes.
fn separator(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(20) {
        let mut quoted = false;
        for b in line.bytes() {
            if b == b'"' {
                quoted = !quoted;
            } else if !quoted {
                for (sep, n) in counts.iter_mut() {
                    if b == *sep {
                        *n += 1;
                    }
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(sep, n)| (*n, *sep == b','))
        .map_or(b',', |(sep, _)| *sep)
}

fn csv_rows(text: &str) -> Result<Sheet, Problem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // The reader's position can fall before blank lines it skipped, so the line a
    // record starts on is counted here, going forward through the text once.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1usize);
    for record in reader.records() {
        let record = record.map_err(|e| Problem::FileUnreadable(e.to_string()))?;
        if rows.len() >= MAX_ROWS {
            return Err(Problem::TooManyRows(MAX_ROWS));
        }
        let mut start = record
            .position()
            .map_or(counted_to, |p| p.byte() as usize)
            .max(counted_to);
        while start < bytes.len() && matches!(bytes[start], b'\n' | b'\r') {
            start += 1;
        }
        line += bytes[counted_to..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start;
        let number = line;
        rows.push(Row {
            number,
            cells: record
                .iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(c.to_string())
                    }
                })
                .collect(),
        });
    }
    Ok(Sheet { rows })
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) => Cell::Date(t.date()),
            None => Cell::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => {
            match NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                Ok(d) => Cell::Date(d),
                Err(_) => Cell::Text(s.clone()),
            }
        }
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// The rows of a worksheet range, numbered as the spreadsheet numbers them.
fn rows_of(range: &calamine::Range<Data>) -> Result<Sheet, Problem> {
    let (start_row, start_col) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        if rows.len() >= MAX_ROWS {
            return Err(Problem::TooManyRows(MAX_ROWS));
        }
        let mut cells = vec![Cell::Empty; start_col as usize];
        cells.extend(r.iter().map(cell));
        rows.push(Row {
            number: start_row as usize + i + 1,
            cells,
        });
    }
    Ok(Sheet { rows })
}

fn unreadable(e: impl std::fmt::Display) -> Problem {
    Problem::FileUnreadable(e.to_string())
}

fn xlsx(bytes: &[u8]) -> Result<Vec<(Sheet, Vec<Merged>)>, Problem> {
    let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
        // A ZIP that is not a workbook (a Word document, say).
        calamine::XlsxError::Zip(_) | calamine::XlsxError::FileNotFound(_) => {
            Problem::NotSpreadsheet
        }
        other => unreadable(other),
    })?;
    let names = book.sheet_names();
    each_sheet(&mut book, names, |b, name| {
        Ok((
            b.worksheet_range(name).map_err(unreadable)?,
            b.merge_cells_by_sheet_name(name).map_err(unreadable)?,
        ))
    })
}

fn xls(bytes: &[u8]) -> Result<Vec<(Sheet, Vec<Merged>)>, Problem> {
    let mut book = calamine::Xls::new(Cursor::new(bytes)).map_err(|_| Problem::NotSpreadsheet)?;
    let names = book.sheet_names();
    each_sheet(&mut book, names, |b, name| {
        Ok((
            b.worksheet_range(name).map_err(unreadable)?,
            b.merge_cells_by_sheet_name(name).map_err(unreadable)?,
        ))
    })
}

/// The first [`MAX_SHEETS`] sheets of a workbook, each with its merged cells.
fn each_sheet<B>(
    book: &mut B,
    names: Vec<String>,
    mut read: impl FnMut(
        &mut B,
        &str,
    ) -> Result<(calamine::Range<Data>, Vec<calamine::Dimensions>), Problem>,
) -> Result<Vec<(Sheet, Vec<Merged>)>, Problem> {
    if names.is_empty() {
        return Err(Problem::NotSpreadsheet);
    }
    names
        .iter()
        .take(MAX_SHEETS)
        .map(|name| {
            let (range, merged) = read(book, name)?;
            Ok((rows_of(&range)?, merged_rows(merged)))
        })
        .collect()
}

/// Merged regions that span rows: those merged only across columns (a title over a
/// table, say) leave every row its own value.
fn merged_rows(regions: Vec<calamine::Dimensions>) -> Vec<Merged> {
    regions
        .into_iter()
        .map(|d| Merged {
            first_row: d.start.0 as usize + 1,
            last_row: d.end.0 as usize + 1,
            first_col: d.start.1 as usize,
        })
        .filter(|m| m.last_row > m.first_row)
        .collect()
}
