//! Times: stored in UTC, shown in Europe/London.
//!
//! People type meeting times as they read them on a London clock. A local time is
//! turned into UTC here, and the two hard cases of the clock changes are refused with
//! an explanation rather than guessed: on the last Sunday of March the hour from 01:00
//! to 02:00 does not exist, and on the last Sunday of October the hour from 01:00 to
//! 02:00 happens twice. A time with an explicit offset (`2026-10-25T01:30:00+01:00`) is
//! always exact.

use chrono::{
    DateTime, LocalResult, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Timelike, Utc,
};
use chrono_tz::Europe::London;

use crate::text::Problem;

/// Reads a time given either with an offset (RFC 3339) or as a London wall-clock time
/// (`YYYY-MM-DDTHH:MM` or with seconds; a space may stand for the `T`). The result is
/// in UTC, to the second.
pub fn parse_london(s: &str) -> Result<DateTime<Utc>, Problem> {
    let t = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(truncate(dt.with_timezone(&Utc)));
    }
    let naive = [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .ok_or_else(|| Problem::NotDateTime(t.to_string()))?;
    from_london(naive)
}

/// Turns a London wall-clock time into UTC, refusing the times the clock changes make
/// missing or doubled.
pub fn from_london(naive: NaiveDateTime) -> Result<DateTime<Utc>, Problem> {
    match London.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Ok(truncate(dt.with_timezone(&Utc))),
        LocalResult::None => Err(Problem::TimeDoesNotExist(naive)),
        LocalResult::Ambiguous(_, _) => Err(Problem::TimeHappensTwice(naive)),
    }
}

/// When work scheduled for a London wall-clock time runs: the time itself on an
/// ordinary day; the moment the clocks go forward when the time falls in the hour
/// that does not exist (01:30 on the last Sunday of March runs at 02:00 BST, 01:00
/// UTC); the first of the two when the time happens twice (01:30 on the last Sunday
/// of October runs at 01:30 BST, 00:30 UTC), so the work runs once, not twice.
pub fn scheduled_london(naive: NaiveDateTime) -> DateTime<Utc> {
    match London.from_local_datetime(&naive) {
        LocalResult::Single(dt) => truncate(dt.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => truncate(first.with_timezone(&Utc)),
        LocalResult::None => {
            // The gap is one hour in London: the first minute after it is the change.
            let mut t = naive;
            loop {
                t += chrono::Duration::minutes(1);
                if let LocalResult::Single(dt) | LocalResult::Ambiguous(dt, _) =
                    London.from_local_datetime(&t)
                {
                    let on_the_hour = t.date().and_hms_opt(t.hour(), 0, 0).unwrap_or(t);
                    return match London.from_local_datetime(&on_the_hour) {
                        LocalResult::Single(h) => truncate(h.with_timezone(&Utc)),
                        _ => truncate(dt.with_timezone(&Utc)),
                    };
                }
            }
        }
    }
}

/// Reads a calendar date, `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, Problem> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Problem::NotDate(s.trim().to_string()))
}

/// Reads a date typed as separate day, month and year fields, as the NHS date input
/// pattern asks: all three empty means "not given"; a missing part is named
/// ([`Problem::DateLacks`]); a day that is not on the calendar is
/// [`Problem::DateNotReal`].
pub fn date_from_parts(day: &str, month: &str, year: &str) -> Result<Option<NaiveDate>, Problem> {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return Ok(None);
    }
    for (value, name) in [(d, "day"), (m, "month"), (y, "year")] {
        if value.is_empty() {
            return Err(Problem::DateLacks(name));
        }
    }
    let number = |s: &str| s.parse::<u32>().ok();
    match (number(d), number(m), number(y)) {
        (Some(d), Some(m), Some(y)) if (1000..=9999).contains(&y) => {
            NaiveDate::from_ymd_opt(y as i32, m, d)
                .map(Some)
                .ok_or(Problem::DateNotReal)
        }
        _ => Err(Problem::DateNotReal),
    }
}

/// Drops fractions of a second, so every stored time has one text form.
pub fn truncate(dt: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(dt.timestamp(), 0).unwrap_or(dt)
}

/// The London date of a UTC time.
pub fn london_date(dt: DateTime<Utc>) -> NaiveDate {
    dt.with_timezone(&London).date_naive()
}

/// "Tuesday 14 March 2026, 18:30" on a London clock.
pub fn show(dt: DateTime<Utc>) -> String {
    dt.with_timezone(&London)
        .format("%A %-d %B %Y, %H:%M")
        .to_string()
}

/// "01:30 on 29 March 2026": a wall-clock time as typed, for messages.
pub fn show_clock(t: NaiveDateTime) -> String {
    t.format("%H:%M on %-d %B %Y").to_string()
}

/// "18:30" on a London clock.
pub fn show_time(dt: DateTime<Utc>) -> String {
    dt.with_timezone(&London).format("%H:%M").to_string()
}

/// "14 March 2026".
pub fn show_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// The machine form used in the API: RFC 3339 in UTC with a `Z`.
pub fn machine(dt: DateTime<Utc>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The London wall-clock form used in forms: `2026-03-14T18:30`.
pub fn london_input(dt: DateTime<Utc>) -> String {
    dt.with_timezone(&London)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, &str>) {
        let got = parse_london(input).map(machine).map_err(|e| e.to_string());
        match expected {
            Ok(utc) => assert_eq!(got, Ok(utc.to_string()), "{input}"),
            Err(fragment) => {
                let msg = got.expect_err(input);
                assert!(msg.contains(fragment), "{input}: {msg}");
            }
        }
    }

    #[test]
    fn london_times_become_utc() {
        // Winter: London is UTC.
        check("2026-01-14T18:30", Ok("2026-01-14T18:30:00Z"));
        // Summer: London is UTC+1.
        check("2026-07-14 18:30", Ok("2026-07-14T17:30:00Z"));
        // An explicit offset is taken as given.
        check("2026-07-14T18:30:00+02:00", Ok("2026-07-14T16:30:00Z"));
        check("2026-07-14T18:30:00.75Z", Ok("2026-07-14T18:30:00Z"));
    }

    #[test]
    fn clocks_going_forward_in_march() {
        // 29 March 2026 is the last Sunday of March.
        check("2026-03-29T00:30", Ok("2026-03-29T00:30:00Z"));
        check("2026-03-29T01:30", Err("does not exist in London"));
        check("2026-03-29T02:30", Ok("2026-03-29T01:30:00Z"));
    }

    #[test]
    fn clocks_going_back_in_october() {
        // 25 October 2026 is the last Sunday of October.
        check("2026-10-25T00:30", Ok("2026-10-24T23:30:00Z"));
        check("2026-10-25T01:30", Err("happens twice in London"));
        check("2026-10-25T01:30:00+01:00", Ok("2026-10-25T00:30:00Z"));
        check("2026-10-25T01:30:00+00:00", Ok("2026-10-25T01:30:00Z"));
        check("2026-10-25T02:30", Ok("2026-10-25T02:30:00Z"));
    }

    #[test]
    fn scheduled_work_runs_once_across_the_clock_changes() {
        let at = |s: &str| {
            machine(scheduled_london(
                NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap(),
            ))
        };
        // An ordinary night in summer and in winter.
        assert_eq!(at("2026-07-14T01:30"), "2026-07-14T00:30:00Z");
        assert_eq!(at("2026-01-14T01:30"), "2026-01-14T01:30:00Z");
        // 01:30 does not happen on 29 March 2026: the work runs when the clocks jump,
        // 02:00 BST.
        assert_eq!(at("2026-03-29T01:30"), "2026-03-29T01:00:00Z");
        assert_eq!(at("2026-03-29T01:00"), "2026-03-29T01:00:00Z");
        // 01:30 happens twice on 25 October 2026: the work runs at the first.
        assert_eq!(at("2026-10-25T01:30"), "2026-10-25T00:30:00Z");
    }

    #[test]
    fn nonsense_is_refused() {
        check("next tuesday", Err("is not a date and time"));
        check("2026-02-30T10:00", Err("is not a date and time"));
        check("", Err("is not a date and time"));
    }

    #[test]
    fn dates_typed_in_parts() {
        let check = |d, m, y| date_from_parts(d, m, y);
        assert_eq!(check("", " ", ""), Ok(None));
        assert_eq!(
            check("1", "4", "2026"),
            Ok(Some(parse_date("2026-04-01").unwrap()))
        );
        assert_eq!(check("29", "2", "2026"), Err(Problem::DateNotReal));
        assert_eq!(check("1", "", "2026"), Err(Problem::DateLacks("month")));
        assert_eq!(check("x", "4", "2026"), Err(Problem::DateNotReal));
        assert_eq!(check("1", "4", "26"), Err(Problem::DateNotReal));
    }

    #[test]
    fn shown_in_london() {
        let dt = parse_london("2026-07-14T17:30:00Z").unwrap();
        assert_eq!(show(dt), "Tuesday 14 July 2026, 18:30");
        assert_eq!(london_input(dt), "2026-07-14T18:30");
    }
}
