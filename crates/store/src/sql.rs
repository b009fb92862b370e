//! The few places where SQLite and PostgreSQL need different SQL text.
//!
//! Each macro expands to a string literal, so queries built with `concat!` stay
//! `&'static str` and are never assembled from runtime values.

/// Whole days from date column `$b` to date column `$a` (a - b), for SQLite.
macro_rules! days_sqlite {
    ($a:literal, $b:literal) => {
        concat!("CAST(julianday(", $a, ") - julianday(", $b, ") AS INTEGER)")
    };
}

/// Whole days from date `$b` to date `$a` (a - b), for PostgreSQL.
macro_rules! days_postgres {
    ($a:literal, $b:literal) => {
        concat!("(", $a, " - ", $b, ")")
    };
}

pub(crate) use {days_postgres, days_sqlite};
