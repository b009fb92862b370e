//! The words of every message about an activity (an invitation, the waiting list,
//! a change, a cancellation, a reminder), in the reader's language and in Easy
//! Read, and the calendar event it carries. Writes text only: it must not queue or
//! send anything.

use coproduce_domain::calendar::Event;
use coproduce_domain::time::london_date;
use coproduce_store::activities::Activity;
use coproduce_store::invitations::Invitee;
use coproduce_store::venues::Venue;

use super::uid;
use crate::i18n::{Lang, Tr};
use crate::{AppError, Context};

/// What a message about an activity tells its reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// You are invited, with a place.
    Invite,
    /// It is full: you are on the waiting list.
    Waiting,
    /// It has changed: the details now.
    Changed,
    /// It is called off.
    Cancelled,
    /// It is coming up: the organiser's reminder, with their words.
    Reminder,
    /// Its papers are ready to read.
    Papers,
}

impl Notice {
    fn key(self) -> &'static str {
        match self {
            Notice::Invite => "invite",
            Notice::Waiting => "waiting",
            Notice::Changed => "changed",
            Notice::Cancelled => "cancelled",
            Notice::Reminder => "reminder",
            Notice::Papers => "papers",
        }
    }
}

/// A message as a person reads it: an email's subject and words, or a letter's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
    /// The language and form it is written in.
    pub words: Tr,
}

/// What an activity's messages tell: the activity, where it is, who runs it.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub activity: Activity,
    pub venue: Option<Venue>,
    pub organisation: String,
}

impl Meeting {
    /// Reads what the messages about an activity need.
    pub async fn of(ctx: &Context, activity: Activity) -> Result<Meeting, AppError> {
        let venue = match activity.venue_id {
            Some(v) => Some(ctx.store.venue(v).await?),
            None => None,
        };
        let project = ctx.store.project(activity.project_id).await?;
        let organisation = ctx.store.organisation(project.organisation_id).await?.name;
        Ok(Meeting {
            activity,
            venue,
            organisation,
        })
    }

    /// The venue's name, address and postcode, on one line.
    pub fn place(&self) -> Option<String> {
        self.venue.as_ref().map(|v| {
            [
                Some(v.name.as_str()),
                v.address.as_deref(),
                v.postcode.as_deref(),
            ]
            .into_iter()
            .flatten()
            .map(|s| s.replace('\n', ", "))
            .collect::<Vec<_>>()
            .join(", ")
        })
    }

    /// "Tuesday 3 November 2026, 10:00 to 12:00", in the reader's language.
    pub fn when(&self, tr: &Tr) -> String {
        let (start, end) = (self.activity.starts_at, self.activity.ends_at);
        let same_day = london_date(start) == london_date(end);
        let end = if same_day {
            end.with_timezone(&chrono_tz::Europe::London)
                .format("%H:%M")
                .to_string()
        } else {
            tr.date_time(end)
        };
        tr.t2(
            "letter-when-span",
            ("start", tr.date_time(start)),
            ("end", end),
        )
    }

    /// The calendar event of the activity, as a person invited sees it.
    pub fn event(&self, ctx: &Context, attendee: Option<(String, String)>) -> Event {
        let a = &self.activity;
        Event {
            uid: uid(ctx, a.id),
            sequence: a.version,
            stamp: ctx.now(),
            starts_at: a.starts_at,
            ends_at: a.ends_at,
            summary: a.title.clone(),
            description: self.organisation.clone(),
            location: self.place(),
            url: a.joining_link.clone(),
            cancelled: a.cancelled_at.is_some(),
            organiser: Some((self.organisation.clone(), ctx.settings.mail_address.clone())),
            attendee,
        }
    }
}

/// The words a person reads: Polish when they speak Polish and not English, Easy
/// Read when that is their need.
pub fn words_for(invitee: &Invitee) -> Tr {
    Tr {
        lang: if invitee.polish { Lang::Pl } else { Lang::EnGb },
        easy: invitee.easy_read,
    }
}

/// The message `notice` gives a person about a meeting. `reply` is their reply
/// link; `emailed` says whether the event goes with it.
pub fn letter(
    tr: Tr,
    notice: Notice,
    meeting: &Meeting,
    name: &str,
    reply: Option<&str>,
    emailed: bool,
) -> Letter {
    let title = &meeting.activity.title;
    let org = &meeting.organisation;
    let when = meeting.when(&tr);
    let mut lines = vec![tr.t1("letter-greeting", "name", name), String::new()];
    lines.push(match notice {
        Notice::Invite => tr.t2("invite-intro", ("organisation", org), ("title", title)),
        Notice::Waiting => tr.t1("waiting-intro", "title", title),
        Notice::Changed => tr.t1("changed-intro", "title", title),
        Notice::Cancelled => tr.t2("cancelled-intro", ("title", title), ("when", &when)),
        Notice::Reminder => tr.t1("reminder-intro", "title", title),
        Notice::Papers => tr.t1("papers-intro", "title", title),
    });
    if notice != Notice::Cancelled {
        lines.push(String::new());
        lines.push(tr.t1("letter-when", "when", &when));
        if let Some(place) = meeting.place() {
            lines.push(tr.t1("letter-where", "where", place));
        }
        // The joining link is for those with a place alone.
        if notice != Notice::Waiting
            && let Some(link) = &meeting.activity.joining_link
        {
            lines.push(tr.t1("letter-online", "link", link));
        }
        // The ground rules go with every message about a meeting that has them,
        // in the words they were attached with.
        if let Some(rules) = &meeting.activity.ground_rules {
            lines.push(String::new());
            lines.push(tr.t("letter-ground-rules"));
            lines.extend(rules.lines().map(str::to_string));
        }
        match reply {
            Some(link) if notice == Notice::Papers => {
                lines.push(String::new());
                lines.push(tr.t1("letter-papers", "link", link));
                lines.push(tr.t("letter-papers-format"));
            }
            Some(link) => {
                lines.push(String::new());
                lines.push(tr.t1("letter-reply", "link", link));
                lines.push(tr.t("letter-reply-until"));
            }
            None => {}
        }
        if emailed && !matches!(notice, Notice::Waiting | Notice::Reminder | Notice::Papers) {
            lines.push(String::new());
            lines.push(tr.t("letter-calendar"));
        }
        lines.push(String::new());
        lines.push(tr.t("letter-help"));
    }
    lines.push(String::new());
    lines.push(tr.t1("letter-sign-off", "organisation", org));
    Letter {
        subject: tr.t1(&format!("{}-subject", notice.key()), "title", title),
        body: lines.join("\n"),
        words: tr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_follow_the_language_and_easy_read() {
        let activity = Activity {
            id: 3,
            project_id: 1,
            title: "Carers' forum".into(),
            activity_type: coproduce_domain::activity::ActivityType::Meeting,
            mode: coproduce_domain::activity::Mode::Virtual,
            rung: coproduce_domain::ladder::Rung::CoProduction,
            starts_at: chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 3, 10, 0, 0)
                .unwrap(),
            ends_at: chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, 3, 12, 0, 0)
                .unwrap(),
            published_at: None,
            venue_id: None,
            venue_name: None,
            joining_link: Some("https://meet.example/abc".into()),
            chair: None,
            facilitator: None,
            ground_rules_title: None,
            ground_rules: Some("- Phones on silent.".into()),
            places: None,
            debrief_minutes: None,
            version: 0,
            cancelled_at: None,
            closing_notes: None,
            closed_at: None,
        };
        let meeting = Meeting {
            activity,
            venue: None,
            organisation: "Riverside Trust".into(),
        };
        let en = letter(
            Tr::default(),
            Notice::Invite,
            &meeting,
            "Ann",
            Some("https://x/reply/t"),
            true,
        );
        assert_eq!(en.subject, "Invitation: Carers' forum");
        assert!(
            en.body
                .contains("Riverside Trust invites you to Carers' forum.")
        );
        assert!(en.body.contains("Tuesday 3 March 2026, 10:00 to 12:00"));
        assert!(en.body.contains("https://meet.example/abc"));
        assert!(en.body.contains("https://x/reply/t"));
        assert!(en.body.contains(
            "The ground rules for this meeting, which everyone agrees to keep:\n- Phones on silent."
        ));
        let pl = letter(
            Tr {
                lang: Lang::Pl,
                easy: false,
            },
            Notice::Invite,
            &meeting,
            "Ann",
            None,
            true,
        );
        assert!(pl.subject.starts_with("Zaproszenie"));
        assert!(pl.body.contains("Zasady tego spotkania"));
        let easy = letter(
            Tr {
                lang: Lang::EnGb,
                easy: true,
            },
            Notice::Waiting,
            &meeting,
            "Ann",
            None,
            true,
        );
        assert!(easy.body.contains("You are on the waiting list"));
        assert!(
            easy.body
                .contains("At the meeting we all keep these rules:")
        );
        assert!(
            !easy.body.contains("meet.example"),
            "the joining link is for those with a place"
        );
    }
}
