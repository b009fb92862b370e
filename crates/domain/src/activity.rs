//! Activities: the meetings, workshops, surveys and panels where involvement happens.

use chrono::{DateTime, Duration, Utc};

use crate::text::Problem;
use crate::vocabulary;

vocabulary! {
    /// What sort of activity it is.
    pub enum ActivityType ("activity type") {
        Meeting => ("meeting", "Meeting"),
        Workshop => ("workshop", "Workshop"),
        Survey => ("survey", "Survey"),
        InterviewPanel => ("interview-panel", "Interview panel"),
        BoardMeeting => ("board-meeting", "Board meeting"),
        TrainingSession => ("training-session", "Training session"),
        Event => ("event", "Event"),
        Conference => ("conference", "Conference"),
    }
}

vocabulary! {
    /// Where people take part.
    pub enum Mode ("mode") {
        FaceToFace => ("face-to-face", "Face to face"),
        Virtual => ("virtual", "Virtual"),
        Hybrid => ("hybrid", "Hybrid"),
    }
}

/// When an activity starts and ends. It always ends after it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
}

/// The longest an activity can last; a longer span is almost always a typing mistake.
pub const MAX_DAYS: i64 = 14;

impl Schedule {
    /// Checks that the activity ends after it starts, and lasts no more than 14 days
    /// (a longer span is almost always a typing mistake in the year or month).
    pub fn new(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> Result<Self, Problem> {
        if ends_at <= starts_at {
            return Err(Problem::EndsBeforeItStarts);
        }
        if ends_at - starts_at > Duration::days(MAX_DAYS) {
            return Err(Problem::ActivityTooLong(MAX_DAYS));
        }
        Ok(Self { starts_at, ends_at })
    }

    pub fn starts_at(&self) -> DateTime<Utc> {
        self.starts_at
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.ends_at
    }

    /// The real length of the activity, which across a clock change differs from what
    /// the wall clock suggests.
    pub fn duration(&self) -> Duration {
        self.ends_at - self.starts_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_london;

    fn schedule(start: &str, end: &str) -> Result<Schedule, Problem> {
        Schedule::new(parse_london(start).unwrap(), parse_london(end).unwrap())
    }

    #[test]
    fn ends_after_it_starts() {
        assert_eq!(
            schedule("2026-05-01T10:00", "2026-05-01T09:00"),
            Err(Problem::EndsBeforeItStarts)
        );
        assert_eq!(
            schedule("2026-05-01T10:00", "2026-05-01T10:00"),
            Err(Problem::EndsBeforeItStarts)
        );
        assert_eq!(
            schedule("2026-05-01T10:00", "2027-05-01T12:00"),
            Err(Problem::ActivityTooLong(14))
        );
    }

    #[test]
    fn a_meeting_across_the_clock_change_has_its_real_length() {
        // 00:30 to 03:30 on the night the clocks go forward is two hours, not three.
        let s = schedule("2026-03-29T00:30", "2026-03-29T03:30").unwrap();
        assert_eq!(s.duration(), Duration::hours(2));
        // The night the clocks go back, 00:30 to 03:30 is four hours.
        let s = schedule("2026-10-25T00:30", "2026-10-25T03:30").unwrap();
        assert_eq!(s.duration(), Duration::hours(4));
    }
}

vocabulary! {
    /// What a venue offers for access, as the charters and the Accessible Information
    /// Standard ask organisers to check.
    pub enum VenueFeature ("venue feature") {
        StepFree => ("step-free", "Step-free access", ["wheelchair accessible", "level access", "ramp"]),
        Lift => ("lift", "A lift to every floor used", ["elevator"]),
        HearingLoop => ("hearing-loop", "Hearing loop", ["induction loop", "loop"]),
        AccessibleToilet => ("accessible-toilet", "Accessible toilet", ["disabled toilet"]),
        ChangingPlaces => ("changing-places", "Changing Places toilet"),
        QuietRoom => ("quiet-room", "Quiet room", ["breakout room"]),
        Parking => ("parking", "Accessible parking", ["blue badge parking", "disabled parking"]),
        PublicTransport => ("public-transport", "Near public transport", ["bus stop", "near a station"]),
    }
}

/// Why an activity cannot be published yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReady {
    /// Its project does not yet say what people can change and what they cannot.
    Scope,
    /// People meet in person, and there is no venue.
    Venue,
    /// People meet online, and there is no joining link.
    JoiningLink,
}

impl NotReady {
    /// Said in one line, for the API and the logs; pages word it themselves.
    pub fn explain(self) -> &'static str {
        match self {
            NotReady::Scope => {
                "the project does not yet say what people can change and what they cannot"
            }
            NotReady::Venue => "a meeting people come to in person needs a venue",
            NotReady::JoiningLink => "an online meeting needs a joining link",
        }
    }
}

/// What stands in the way of publishing an activity: nobody should be asked to give
/// their time before they know what they can change, where to go, or how to join.
pub fn not_ready(scope_stated: bool, mode: Mode, has_venue: bool, has_link: bool) -> Vec<NotReady> {
    let mut why = Vec::new();
    if !scope_stated {
        why.push(NotReady::Scope);
    }
    if mode != Mode::Virtual && !has_venue {
        why.push(NotReady::Venue);
    }
    if mode != Mode::FaceToFace && !has_link {
        why.push(NotReady::JoiningLink);
    }
    why
}
