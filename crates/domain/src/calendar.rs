//! Calendar events as iCalendar (RFC 5545) text: the event an invitation carries,
//! the change or cancellation that follows it, and a feed of many events.
//!
//! Times are written in London time with the zone's rules (`VTIMEZONE`) included, so
//! a calendar shows a meeting at the hour the organiser set on either side of a clock
//! change. Each event keeps one `UID` for its whole life; its `SEQUENCE` is raised by
//! every change, so a calendar replaces the old copy rather than adding another.
//! Replies come through Coproduce's reply link, not by email: attendees are marked
//! `RSVP=FALSE`.
//!
//! This module writes text only; it must not send anything or read the clock.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::London;

/// What a calendar message asks of the calendar that reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// An invitation, or a change to one: add or replace the event.
    Request,
    /// The event is called off: remove it.
    Cancel,
    /// A feed a calendar subscribes to.
    Publish,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
            Method::Publish => "PUBLISH",
        }
    }
}

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable for the event's life, unique across installations
    /// (`activity-12@coproduce.trust.example`).
    pub uid: String,
    /// Raised by every change.
    pub sequence: i64,
    /// When this copy was written.
    pub stamp: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub summary: String,
    pub description: String,
    /// The venue's name and address.
    pub location: Option<String>,
    /// The joining link of an online meeting.
    pub url: Option<String>,
    pub cancelled: bool,
    /// Who organises it: a name and an email address.
    pub organiser: Option<(String, String)>,
    /// Who it is for: a name and an email address.
    pub attendee: Option<(String, String)>,
}

/// The rules of London time since 1996: British Summer Time from 01:00 UTC on the
/// last Sunday of March to 01:00 UTC on the last Sunday of October.
const LONDON_ZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// A calendar holding `events`, as `method` asks, with CRLF line ends and long
/// lines folded.
pub fn calendar(method: Method, name: &str, events: &[Event]) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Coproduce//Coproduce//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        format!("METHOD:{}", method.name()),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    lines.extend(LONDON_ZONE.iter().map(|l| l.to_string()));
    for e in events {
        event_lines(&mut lines, method, e);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        fold(line, &mut out);
    }
    out
}

fn event_lines(lines: &mut Vec<String>, method: Method, e: &Event) {
    let cancelled = e.cancelled || method == Method::Cancel;
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!("UID:{}", escape(&e.uid)));
    lines.push(format!("SEQUENCE:{}", e.sequence.max(0)));
    lines.push(format!("DTSTAMP:{}", utc(e.stamp)));
    lines.push(format!(
        "DTSTART;TZID=Europe/London:{}",
        london(e.starts_at)
    ));
    lines.push(format!("DTEND;TZID=Europe/London:{}", london(e.ends_at)));
    lines.push(format!("SUMMARY:{}", escape(&e.summary)));
    if !e.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape(&e.description)));
    }
    if let Some(l) = &e.location {
        lines.push(format!("LOCATION:{}", escape(l)));
    }
    if let Some(u) = &e.url {
        lines.push(format!("URL:{u}"));
    }
    if let Some((name, email)) = &e.organiser {
        lines.push(format!("ORGANIZER;CN={}:mailto:{email}", param(name)));
    }
    if let Some((name, email)) = &e.attendee {
        lines.push(format!(
            "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{email}",
            param(name)
        ));
    }
    lines.push(format!(
        "STATUS:{}",
        if cancelled { "CANCELLED" } else { "CONFIRMED" }
    ));
    lines.push("TRANSP:OPAQUE".into());
    lines.push("END:VEVENT".into());
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn london(t: DateTime<Utc>) -> String {
    t.with_timezone(&London).format("%Y%m%dT%H%M%S").to_string()
}

/// A TEXT value: backslash, semicolon, comma and line ends escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: quoted, with the characters a quoted value cannot hold left out.
fn param(s: &str) -> String {
    let kept: String = s.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    format!("\"{kept}\"")
}

/// Writes one content line, folded so no line is longer than 75 octets (a
/// character is never split), ending in CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event() -> Event {
        Event {
            uid: "activity-7@coproduce.example".into(),
            sequence: 2,
            stamp: Utc.with_ymd_and_hms(2026, 10, 1, 9, 0, 0).unwrap(),
            // 10:00 BST and 12:00 GMT: the clocks go back at 02:00 on 25 October.
            starts_at: Utc.with_ymd_and_hms(2026, 10, 24, 9, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2026, 10, 24, 11, 0, 0).unwrap(),
            summary: "Carers' forum; autumn, with tea".into(),
            description: "Line one\nLine two".into(),
            location: Some("Room 1, 2 High St".into()),
            url: None,
            cancelled: false,
            organiser: Some(("Involvement team".into(), "team@example.org".into())),
            attendee: Some(("Ann \"Nan\" Lee".into(), "ann@example.org".into())),
        }
    }

    #[test]
    fn an_event_is_written_in_london_time_with_its_zone() {
        let text = calendar(Method::Request, "Coproduce", &[event()]);
        assert!(text.contains("METHOD:REQUEST\r\n"));
        assert!(text.contains("TZID:Europe/London\r\n"));
        assert!(text.contains("DTSTART;TZID=Europe/London:20261024T100000\r\n"));
        assert!(text.contains("DTEND;TZID=Europe/London:20261024T120000\r\n"));
        assert!(text.contains("SEQUENCE:2\r\n"));
        assert!(text.contains("SUMMARY:Carers' forum\\; autumn\\, with tea\r\n"));
        assert!(text.contains("DESCRIPTION:Line one\\nLine two\r\n"));
        assert!(text.contains("ATTENDEE;CN=\"Ann Nan Lee\";"));
        assert!(text.contains("STATUS:CONFIRMED"));
        // After the clocks go back, the same hour in London is an hour later in UTC.
        let mut winter = event();
        winter.starts_at = Utc.with_ymd_and_hms(2026, 10, 26, 10, 0, 0).unwrap();
        let text = calendar(Method::Cancel, "Coproduce", &[winter]);
        assert!(text.contains("DTSTART;TZID=Europe/London:20261026T100000\r\n"));
        assert!(text.contains("STATUS:CANCELLED"));
    }

    #[test]
    fn long_lines_are_folded_without_splitting_a_character() {
        let mut e = event();
        e.description = "Ł".repeat(100);
        let text = calendar(Method::Publish, "Coproduce", &[e]);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("DESCRIPTION:{}", "Ł".repeat(100))));
    }
}
