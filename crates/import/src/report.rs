//! A dry run's problems as a person can act on them: grouped by column and kind,
//! with how many rows each has, and the distinct values not recognised, each once,
//! for the user to map.

use std::collections::HashMap;

use coproduce_domain::text::Problem;

use crate::{Field, Report};

/// Problems of one kind in one column (the same value, where a value is at fault).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The column's header; `None` for a problem with the whole file or row.
    pub column: Option<String>,
    /// The first of the group's problems: they differ at most in the row they name.
    pub problem: Problem,
    /// The rows it is on, in order; empty for a problem with the whole file.
    pub rows: Vec<usize>,
}

impl std::fmt::Display for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(c) = &self.column {
            write!(f, "{c}: ")?;
        }
        write!(f, "{}", self.problem)?;
        match self.rows.len() {
            0 => Ok(()),
            1 => write!(f, " (row {})", self.rows[0]),
            n => {
                let shown: Vec<String> = self.rows.iter().take(5).map(usize::to_string).collect();
                let more = if n > 5 { ", ..." } else { "" };
                write!(f, " (on {n} rows: {}{more})", shown.join(", "))
            }
        }
    }
}

/// A value of a column that is not an entry Coproduce knows, once however many rows
/// have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub column: String,
    /// The field the column is read as.
    pub field: Option<Field>,
    pub value: String,
    /// How many rows have it.
    pub rows: usize,
}

/// What makes two problems the same kind: the code and every value the message
/// names but the row it points back to.
type Kind = (&'static str, Vec<(&'static str, String)>);

fn kind(p: &Problem) -> Kind {
    let args = p
        .args()
        .into_iter()
        .filter(|(name, _)| *name != "row")
        .collect();
    (p.code(), args)
}

impl Report {
    /// The problems grouped by column and kind, the groups with most rows first (the
    /// whole file's problems before all).
    pub fn groups(&self) -> Vec<Group> {
        let mut index: HashMap<(Option<String>, Kind), usize> = HashMap::new();
        let mut groups: Vec<Group> = Vec::new();
        for p in &self.problems {
            let key = (p.column.clone(), kind(&p.problem));
            let i = *index.entry(key).or_insert_with(|| {
                groups.push(Group {
                    column: p.column.clone(),
                    problem: p.problem.clone(),
                    rows: Vec::new(),
                });
                groups.len() - 1
            });
            if let Some(r) = p.row {
                groups[i].rows.push(r);
            }
        }
        // A stable sort: groups of equal size stay in the order first met.
        groups.sort_by_key(|g| (!g.rows.is_empty(), std::cmp::Reverse(g.rows.len())));
        groups
    }

    /// Every value not recognised, once per column and value, most rows first.
    pub fn unknown_values(&self) -> Vec<UnknownValue> {
        let mut out: Vec<UnknownValue> = Vec::new();
        for p in &self.problems {
            let (Some(column), Problem::NotKnown { given, .. }) = (&p.column, &p.problem) else {
                continue;
            };
            if p.row.is_none() {
                continue;
            }
            match out
                .iter_mut()
                .find(|u| &u.column == column && &u.value == given)
            {
                Some(u) => u.rows += 1,
                None => out.push(UnknownValue {
                    column: column.clone(),
                    field: self
                        .columns
                        .iter()
                        .find(|(h, _)| h == column)
                        .and_then(|(_, f)| *f),
                    value: given.clone(),
                    rows: 1,
                }),
            }
        }
        out.sort_by_key(|u| std::cmp::Reverse(u.rows));
        out
    }
}
