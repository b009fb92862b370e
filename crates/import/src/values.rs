//! Cell values as people type them: dates in the forms registers use, yes and no,
//! lists in one cell, and the values a user has mapped by hand.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use coproduce_domain::equality::EthnicGroup;
use coproduce_domain::needs::{Need, read_need};
use coproduce_domain::person::Language;
use coproduce_domain::text::Problem;
use coproduce_domain::{Vocabulary, fold};

use crate::columns::{Columns, Field};
use crate::sheet::Cell;
use crate::text;

/// A value the user chose for a value the file has: in one column, this value
/// (compared as [`fold`] folds it) is read as `to` (a slug or label of the column's
/// vocabulary), or ignored (`None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueMap {
    pub column: String,
    pub value: String,
    pub to: Option<String>,
}

impl ValueMap {
    /// Reads `Column:value=entry` (or `=ignore`), as the command line and the web
    /// form give it. The column and value are split at the first colon, the entry at
    /// the last equals sign.
    pub fn parse(s: &str) -> Result<ValueMap, String> {
        let (left, to) = s
            .rsplit_once('=')
            .ok_or_else(|| format!("\"{s}\" is not COLUMN:VALUE=ENTRY"))?;
        let (column, value) = left
            .split_once(':')
            .ok_or_else(|| format!("\"{s}\" is not COLUMN:VALUE=ENTRY"))?;
        let (column, value, to) = (column.trim(), value.trim(), to.trim());
        if column.is_empty() || value.is_empty() || to.is_empty() {
            return Err(format!("\"{s}\" is not COLUMN:VALUE=ENTRY"));
        }
        Ok(ValueMap {
            column: column.to_string(),
            value: value.to_string(),
            to: (!to.eq_ignore_ascii_case("ignore")).then(|| to.to_string()),
        })
    }

    /// The line this mapping is written as.
    pub fn line(&self) -> String {
        format!(
            "{}:{}={}",
            self.column,
            self.value,
            self.to.as_deref().unwrap_or("ignore")
        )
    }

    /// Whether this mapping is for this value of this column.
    pub fn matches(&self, column: &str, value: &str) -> bool {
        fold(&self.column) == fold(column) && fold(&self.value) == fold(value)
    }
}

/// What a mapped value comes to: `Some(None)` means "ignore it"; `None` means no
/// mapping applies.
pub fn mapped<'a>(maps: &'a [ValueMap], column: &str, value: &str) -> Option<Option<&'a str>> {
    maps.iter()
        .find(|m| m.matches(column, value))
        .map(|m| m.to.as_deref())
}

/// A list typed in one cell: separated by semicolons, commas, slashes between
/// spaces, or new lines.
pub fn list(s: &str) -> Vec<String> {
    s.split([';', ',', '\n', '|'])
        .flat_map(|p| p.split(" / "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads the values of a list cell: the whole cell as one value if it is one (a
/// label may hold a comma), otherwise each part. Mapped values come first; every
/// part not read is returned with its problem.
pub fn read_list<T>(
    cell: &str,
    column: &str,
    maps: &[ValueMap],
    mut read: impl FnMut(&str) -> Result<T, Problem>,
) -> (Vec<T>, Vec<(String, Problem)>) {
    let mut one = |part: &str| -> Result<Option<T>, Problem> {
        match mapped(maps, column, part) {
            Some(None) => Ok(None),
            Some(Some(to)) => read(to).map(Some),
            None => read(part).map(Some),
        }
    };
    if let Ok(v) = one(cell) {
        return (v.into_iter().collect(), Vec::new());
    }
    let (mut values, mut problems) = (Vec::new(), Vec::new());
    for part in list(cell) {
        match one(&part) {
            Ok(v) => values.extend(v),
            Err(p) => problems.push((part, p)),
        }
    }
    (values, problems)
}

/// Reads one value (not a list), mapped values first.
pub fn read_one<T>(
    cell: &str,
    column: &str,
    maps: &[ValueMap],
    mut read: impl FnMut(&str) -> Result<T, Problem>,
) -> (Option<T>, Option<Problem>) {
    let r = match mapped(maps, column, cell) {
        Some(None) => return (None, None),
        Some(Some(to)) => read(to),
        None => read(cell),
    };
    match r {
        Ok(v) => (Some(v), None),
        Err(p) => (None, Some(p)),
    }
}

/// A value none of a vocabulary's, said without listing every entry (a report
/// groups these; the user maps each).
fn not_known(p: Problem) -> Problem {
    match p {
        Problem::Unknown { noun, given, .. } => Problem::NotKnown { noun, given },
        other => other,
    }
}

/// What each distinct value read so far came to, so a file of many rows with few
/// distinct values reads each once.
#[derive(Default)]
pub struct Cache {
    vocabulary: HashMap<(&'static str, String), Result<usize, Problem>>,
    needs: HashMap<String, Result<(Need, Option<Language>), Problem>>,
    ethnic_groups: HashMap<String, Result<EthnicGroup, Problem>>,
}

impl Cache {
    /// A vocabulary value as a person writes it.
    pub fn vocabulary<V: Vocabulary>(&mut self, s: &str) -> Result<V, Problem> {
        self.vocabulary
            .entry((V::NOUN, s.to_string()))
            .or_insert_with(|| {
                V::read(s).map_err(|e| not_known(e.into())).map(|v| {
                    V::ALL
                        .iter()
                        .position(|x| x.slug() == v.slug())
                        .unwrap_or(0)
                })
            })
            .clone()
            .map(|i| V::ALL[i])
    }

    /// A need as staff write it, with an interpreter's language.
    pub fn need(&mut self, s: &str) -> Result<(Need, Option<Language>), Problem> {
        self.needs
            .entry(s.to_string())
            .or_insert_with(|| read_need(s).map_err(not_known))
            .clone()
    }

    /// An ethnic group as registers write it (a code, Census wording).
    pub fn ethnic_group(&mut self, s: &str) -> Result<EthnicGroup, Problem> {
        self.ethnic_groups
            .entry(s.to_string())
            .or_insert_with(|| EthnicGroup::read_any(s).map_err(not_known))
            .clone()
    }
}

/// The problems with the value maps themselves, each once: a column the file does
/// not have, or an entry the column's vocabulary does not know.
pub fn check_maps(maps: &[ValueMap], columns: &Columns) -> Vec<crate::RowProblem> {
    let mut out = Vec::new();
    for m in maps {
        let field = columns
            .iter()
            .find(|(h, _)| fold(h) == fold(&m.column))
            .map(|(_, f)| *f);
        let Some(field) = field else {
            out.push(crate::RowProblem {
                row: None,
                column: Some(m.column.clone()),
                problem: Problem::NoSuchColumn(m.column.clone()),
            });
            continue;
        };
        let Some(to) = &m.to else { continue };
        let mut cache = Cache::default();
        let known = match field {
            Some(Field::Roles) => cache
                .vocabulary::<coproduce_domain::person::PersonRole>(to)
                .err(),
            Some(Field::Interests) => cache
                .vocabulary::<coproduce_domain::person::ServiceArea>(to)
                .err(),
            Some(Field::Languages) => cache.vocabulary::<Language>(to).err(),
            Some(Field::PreferredContact) => cache
                .vocabulary::<coproduce_domain::person::ContactMethod>(to)
                .err(),
            Some(Field::Needs) => cache.need(to).err(),
            Some(Field::EthnicGroup) => cache.ethnic_group(to).err(),
            // A column of free text takes any value.
            _ => None,
        };
        if let Some(problem) = known {
            out.push(crate::RowProblem {
                row: None,
                column: Some(m.column.clone()),
                problem,
            });
        }
    }
    out
}

/// A date from a real date cell, an Excel serial number, or text as people type it:
/// `2024-01-31`, `31/01/2024`, `31-01-24`, `31.1.2024`, `31 Jan 2024`, `31 January
/// 2024`. A two-digit year is the latest year not after `today`'s (a date of birth
/// `01/02/55` is 1955). A date that cannot be (`29/02/2023`) is named as such.
pub fn date(cell: &Cell, today: NaiveDate) -> Result<Option<NaiveDate>, Problem> {
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
            typed_date(&t, today).map(Some)
        }
    }
}

fn typed_date(t: &str, today: NaiveDate) -> Result<NaiveDate, Problem> {
    const FULL: [&str; 7] = [
        "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y",
    ];
    const SHORT: [&str; 5] = ["%d/%m/%y", "%d-%m-%y", "%d.%m.%y", "%d %b %y", "%d %B %y"];
    // "31st Jan 2024", "31 Jan, 2024": ordinals and commas dropped.
    let cleaned = t
        .replace(',', " ")
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            match lower
                .strip_suffix("st")
                .or_else(|| lower.strip_suffix("nd"))
                .or_else(|| lower.strip_suffix("rd"))
                .or_else(|| lower.strip_suffix("th"))
            {
                Some(d) if !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()) => d.to_string(),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let four_digit_year = cleaned
        .split(|c: char| !c.is_ascii_digit())
        .any(|p| p.len() == 4);
    if four_digit_year {
        if let Some(d) = FULL
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(&cleaned, f).ok())
        {
            return Ok(d);
        }
    } else if let Some(d) = SHORT
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&cleaned, f).ok())
    {
        // chrono reads 00-68 as 2000-2068 and 69-99 as 1969-1999; a register means
        // the latest such year not after today.
        let year = if d.year() > today.year() {
            d.year() - 100
        } else {
            d.year()
        };
        return d.with_year(year).ok_or(Problem::NoSuchDate(t.to_string()));
    }
    // Day, month and year in numbers that are no date: 29/02/2023, 31/04/2024.
    let numbers: Vec<u32> = cleaned
        .split(['/', '-', '.'])
        .map(|p| p.trim().parse::<u32>())
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    if let [day, month, _] = numbers[..]
        && (1..=31).contains(&day)
        && (1..=12).contains(&month)
    {
        return Err(Problem::NoSuchDate(t.to_string()));
    }
    Err(Problem::NotDate(t.to_string()))
}

/// Yes or no as people mark it: yes, y, true, 1, ticked, a tick or an x; no, n,
/// false, 0, unticked or nothing.
pub fn yes_no(cell: &Cell) -> Result<bool, Problem> {
    let t = text(cell);
    if matches!(t.trim(), "✓" | "✔" | "☑" | "✅") {
        return Ok(true);
    }
    match fold(&t).as_str() {
        "" | "no" | "n" | "false" | "0" | "unticked" | "none" => Ok(false),
        "yes" | "y" | "true" | "1" | "ticked" | "tick" | "x" | "checked" => Ok(true),
        _ => Err(Problem::NotYesNo(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn dates_as_people_type_them() {
        let today = d("2026-07-14");
        let read = |s: &str| date(&Cell::Text(s.into()), today);
        for given in [
            "2024-01-31",
            "31/01/2024",
            "31-01-2024",
            "31.01.2024",
            "31/1/2024",
            "31-01-24",
            "31/01/24",
            "31 Jan 2024",
            "31 January 2024",
            "31st January 2024",
            "31 Jan, 2024",
        ] {
            assert_eq!(read(given), Ok(Some(d("2024-01-31"))), "{given}");
        }
        assert_eq!(read("01/02/55"), Ok(Some(d("1955-02-01"))), "born in 1955");
        assert_eq!(read("14/07/26"), Ok(Some(d("2026-07-14"))));
        assert_eq!(read("29/02/2024"), Ok(Some(d("2024-02-29"))));
        assert_eq!(
            read("29/02/2023"),
            Err(Problem::NoSuchDate("29/02/2023".into()))
        );
        assert_eq!(
            read("31/04/2024"),
            Err(Problem::NoSuchDate("31/04/2024".into()))
        );
        assert_eq!(
            read("next Tuesday"),
            Err(Problem::NotDate("next Tuesday".into()))
        );
        assert_eq!(
            date(&Cell::Number(45322.0), today),
            Ok(Some(d("2024-01-31"))),
            "an Excel serial number"
        );
    }

    #[test]
    fn yes_and_no_as_people_mark_them() {
        for y in ["Yes", "y", "TRUE", "1", "ticked", "✓", "x", "X"] {
            assert_eq!(yes_no(&Cell::Text(y.into())), Ok(true), "{y}");
        }
        for n in ["No", "n", "false", "0", "", "unticked", "-"] {
            assert_eq!(yes_no(&Cell::Text(n.into())), Ok(false), "{n}");
        }
        assert!(yes_no(&Cell::Text("maybe".into())).is_err());
    }

    #[test]
    fn value_maps_are_read_and_written() {
        let m = ValueMap::parse("Access needs:Sign lang.=bsl-interpreter").unwrap();
        assert_eq!(m.column, "Access needs");
        assert_eq!(m.value, "Sign lang.");
        assert_eq!(m.to.as_deref(), Some("bsl-interpreter"));
        assert_eq!(m.line(), "Access needs:Sign lang.=bsl-interpreter");
        assert!(m.matches("access needs", "sign lang"));
        let i = ValueMap::parse("Role: Trustee = ignore").unwrap();
        assert_eq!(i.to, None);
        assert!(ValueMap::parse("no colon=x").is_err());
        assert!(ValueMap::parse("Col:value").is_err());
    }
}
