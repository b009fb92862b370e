//! Checks on free text and the field errors they produce.
//!
//! Every form, API body and file row is checked field by field, and all problems are
//! reported together, each naming its field, so a person can fix them in one go.

use std::fmt;

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as the person sent it (`title`, `sections[2].key`).
    pub field: String,
    /// The problem in words: British English from a check, or text a page has already
    /// put in the reader's language.
    pub message: String,
    /// Why the value was refused, when a check refused it: what a translation is made
    /// from. `None` for a message a page wrote itself.
    pub problem: Option<Problem>,
}

impl FieldError {
    /// A problem found by a check, in British English until a page words it.
    pub fn new(field: impl Into<String>, problem: impl Into<Problem>) -> Self {
        let problem = problem.into();
        FieldError {
            field: field.into(),
            message: problem.to_string(),
            problem: Some(problem),
        }
    }

    /// A message already worded for the reader.
    pub fn worded(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            problem: None,
        }
    }
}

/// Why a value was refused: every reason a check in Coproduce gives. Each has a code,
/// the id its translations are found by (`why-CODE` in the web interface's Fluent
/// files), and the values the message names. The British English here is for the API,
/// the command line and logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("must not be empty")]
    Empty,
    #[error("must be {max} characters or fewer (it is {len})")]
    TooLong { max: usize, len: usize },
    #[error("must not contain control characters")]
    ControlCharacter,
    #[error("\"{0}\" is not an email address, like name@example.org")]
    NotEmail(String),
    #[error("\"{0}\" is not a phone number, like 020 7946 0000 or 07700 900123")]
    NotPhone(String),
    #[error("\"{0}\" is not a postcode, like LE1 6WW")]
    NotPostcode(String),
    #[error("\"{0}\" is not a postcode district, the first half of a postcode, like LE1 or E8")]
    NotPostcodeDistrict(String),
    #[error(
        "\"{0}\" is not a charter key: use 2 to 60 lowercase letters, digits and hyphens, like las-pflas"
    )]
    NotCharterKey(String),
    #[error("must be between {min} and {max} (it is {given})")]
    OutOfRange { min: i64, max: i64, given: i64 },
    #[error("must be a whole number from {min} to {max}")]
    NotWholeNumber { min: i64, max: i64 },
    #[error("must be an id: a whole number above 0")]
    NotAnId,
    #[error("there is no {noun} with id {id}")]
    NoSuch { noun: &'static str, id: i64 },
    #[error("unknown {noun} \"{given}\"; expected one of {}", expected.join(", "))]
    Unknown {
        noun: &'static str,
        given: String,
        expected: Vec<&'static str>,
    },
    #[error(
        "\"{0}\" is not a date and time; use 2026-03-14T18:30 (London time) or 2026-03-14T18:30:00+00:00"
    )]
    NotDateTime(String),
    #[error(
        "{} does not exist in London: the clocks go forward an hour that night. Choose a time after 02:00",
        crate::time::show_clock(*.0)
    )]
    TimeDoesNotExist(chrono::NaiveDateTime),
    #[error(
        "{} happens twice in London: the clocks go back an hour that night. Add +01:00 for the first time or +00:00 for the second",
        crate::time::show_clock(*.0)
    )]
    TimeHappensTwice(chrono::NaiveDateTime),
    #[error("\"{0}\" is not a date; use the form 2026-03-14")]
    NotDate(String),
    #[error("\"{0}\" is not a real date: that month has no such day")]
    NoSuchDate(String),
    #[error("Coproduce does not know the {noun} \"{given}\"")]
    NotKnown { noun: &'static str, given: String },
    #[error("the file has no column \"{0}\"")]
    NoSuchColumn(String),
    #[error("must include a {0}")]
    DateLacks(&'static str),
    #[error("must be a real date")]
    DateNotReal,
    #[error("must be after the start time")]
    EndsBeforeItStarts,
    #[error("an activity can last at most {0} days")]
    ActivityTooLong(i64),
    #[error("cannot be in the future")]
    InFuture,
    #[error("cannot be before the input was received")]
    BeforeReceived,
    #[error("say whether it was done, will be done, or cannot be done")]
    NeedsStatus,
    #[error("write what was done, will be done, or why it cannot be done")]
    NeedsResponse,
    #[error("record the response before the date it was fed back")]
    FedBackBeforeResponse,
    #[error("must be on or before the end of the period")]
    StartsAfterEnd,
    #[error("format {given} is not known; this version reads format {known}")]
    UnknownFormat { given: i64, known: i64 },
    #[error("a charter needs at least one section")]
    NoSections,
    #[error("a section needs at least one commitment")]
    NoCommitments,
    #[error("{what} key \"{key}\" is used twice")]
    KeyUsedTwice { what: &'static str, key: String },
    #[error("is needed to contact them the way they prefer")]
    NeededForContact,
    #[error("give the name of the parent or guardian who gave consent")]
    NeedsGuardianName,
    #[error("cannot be before the consent was given")]
    WithdrawnBeforeGiven,
    #[error("is under 18 and has no parent or guardian's consent on record")]
    NeedsGuardianConsent,
    #[error("the file is empty")]
    FileEmpty,
    #[error("the file is larger than {0} MB")]
    FileTooLarge(usize),
    #[error(
        "the file is not a spreadsheet: save it as CSV (UTF-8) or as an Excel workbook (.xlsx)"
    )]
    NotSpreadsheet,
    #[error("the file's text is not UTF-8: save it as \"CSV UTF-8\"")]
    NotUtf8,
    #[error("the file could not be read as a spreadsheet: {0}")]
    FileUnreadable(String),
    #[error("the file has more than {0} rows: split it into smaller files")]
    TooManyRows(usize),
    #[error(
        "no header row was found: the first row of the table must name the columns, one of them the person's name"
    )]
    NoHeaderRow,
    #[error(
        "cells are merged across rows {first} to {last}: unmerge them so each row has its own value"
    )]
    MergedCells { first: usize, last: usize },
    #[error("the cell holds a spreadsheet error ({0}): fix the formula or type the value")]
    CellError(String),
    #[error("\"{0}\" is not yes or no")]
    NotYesNo(String),
    #[error("is the same as row {0}: a person can be in the file once")]
    SameAsRow(usize),
    #[error("give the date the organisation signed")]
    NeedsSignedDate,
    #[error("only a signed charter has a date of signing")]
    DateOnlyWhenSigned,
    #[error("cannot be before they joined")]
    BeforeJoined,
    #[error("must be after the day they stood down")]
    BeforeStoodDown,
    #[error("cannot be before this version was adopted on {}", crate::time::show_date(*.0))]
    BeforeAdopted(chrono::NaiveDate),
    #[error("that session is of another course")]
    SessionOfAnotherCourse,
    #[error("person {0} is not on this activity's list of people")]
    NotOnRoster(i64),
    #[error("\"{0}\" is not an amount of money: write pounds and pence, like 1250.50")]
    NotMoney(String),
    #[error("is not an account of this organisation's staff")]
    NotStaffHere,
    #[error("is the project's own organisation, not a partner")]
    OwnOrganisation,
    #[error("the organisation is named twice")]
    PartnerTwice,
    #[error("cannot be before the stage it follows began on {}", crate::time::show_date(*.0))]
    BeforeLastStage(chrono::NaiveDate),
    #[error("\"{0}\" is not a web address: use one starting https://, without spaces")]
    NotLink(String),
    #[error("give at most {0} at a time")]
    TooMany(usize),
    #[error("must be before the activity starts")]
    ReminderNotBefore,
    #[error("is already past: choose a later time")]
    ReminderPast,
    #[error("is only for someone who came")]
    MinutesOnlyIfCame,
    #[error("\"{0}\" is not a span of the week: write it as Mon-Fri 06:30-09:30")]
    NotWindow(String),
    #[error("is not used by this rule")]
    NotForThisRule,
    #[error("give a reason to go ahead: the plan breaks {0} of the charter's rules")]
    ReasonToGoAhead(usize),
    #[error("a paper must be one of these: {0}")]
    NotPaperKind(String),
    #[error("the file is named as a {named}, but it is {found}")]
    NotWhatItSays { named: String, found: String },
    #[error("answer at least one question, or write a comment")]
    NothingAnswered,
    #[error("must be today or later")]
    BeforeToday,
    #[error("choose the network whose members may apply")]
    NeedsNetwork,
    #[error("is only for an opportunity open to a network's members")]
    OnlyForNetwork,
    #[error("person {0} has not said they are interested")]
    NotApplied(i64),
    #[error("choose at most {0}: that is how many places there are")]
    MoreThanPlaces(i64),
    #[error("say who answers for it")]
    NeedsOwner,
    #[error("say by when it will be done")]
    NeedsWillDoBy,
    #[error("say which project, activity or opportunity it came from")]
    NeedsWhereFrom,
    #[error("give either an activity or an opportunity, not both")]
    ActivityOrOpportunity,
    #[error("is not of the {0} it came from")]
    NotOfSource(&'static str),
    #[error("names {0}: take the name out before it is published")]
    NamesAPerson(String),
    #[error("holds an email address: take it out before it is published")]
    HoldsEmail,
    #[error("holds a phone number: take it out before it is published")]
    HoldsPhone,
    #[error("was sent too soon after the page opened: check it, then send it again")]
    SentTooSoon,
    #[error("was open too long: check it, then send it again")]
    FormTooOld,
    #[error("must be left empty")]
    LeaveEmpty,
    #[error("\"{0}\" is not a key: use lower-case letters, digits and hyphens, like tier-2")]
    NotKey(String),
    #[error("cannot be before it was approved, on {}", crate::time::show_date(*.0))]
    BeforeApproved(chrono::NaiveDate),
}

impl Problem {
    /// Every code a problem can have, for the test that each has a translation.
    pub const CODES: [&'static str; 90] = [
        "empty",
        "too-long",
        "control-character",
        "not-email",
        "not-phone",
        "not-postcode",
        "not-postcode-district",
        "not-charter-key",
        "out-of-range",
        "not-whole-number",
        "not-an-id",
        "no-such",
        "unknown",
        "not-date-time",
        "time-does-not-exist",
        "time-happens-twice",
        "not-date",
        "no-such-date",
        "not-known",
        "no-such-column",
        "date-lacks",
        "date-not-real",
        "ends-before-it-starts",
        "activity-too-long",
        "in-future",
        "before-received",
        "needs-status",
        "needs-response",
        "fed-back-before-response",
        "starts-after-end",
        "unknown-format",
        "no-sections",
        "no-commitments",
        "key-used-twice",
        "needed-for-contact",
        "needs-guardian-name",
        "withdrawn-before-given",
        "needs-guardian-consent",
        "file-empty",
        "file-too-large",
        "not-spreadsheet",
        "not-utf8",
        "file-unreadable",
        "too-many-rows",
        "no-header-row",
        "merged-cells",
        "cell-error",
        "not-yes-no",
        "same-as-row",
        "needs-signed-date",
        "date-only-when-signed",
        "before-joined",
        "before-stood-down",
        "before-adopted",
        "session-of-another-course",
        "not-on-roster",
        "not-money",
        "not-staff-here",
        "own-organisation",
        "partner-twice",
        "before-last-stage",
        "not-link",
        "too-many",
        "reminder-not-before",
        "reminder-past",
        "minutes-only-if-came",
        "not-window",
        "not-for-this-rule",
        "reason-to-go-ahead",
        "not-paper-kind",
        "not-what-it-says",
        "nothing-answered",
        "before-today",
        "needs-network",
        "only-for-network",
        "not-applied",
        "more-than-places",
        "needs-owner",
        "needs-will-do-by",
        "needs-where-from",
        "activity-or-opportunity",
        "not-of-source",
        "names-a-person",
        "holds-email",
        "holds-phone",
        "sent-too-soon",
        "form-too-old",
        "leave-empty",
        "not-key",
        "before-approved",
    ];

    /// The id translations know this problem by.
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            Empty => "empty",
            TooLong { .. } => "too-long",
            ControlCharacter => "control-character",
            NotEmail(_) => "not-email",
            NotPhone(_) => "not-phone",
            NotPostcode(_) => "not-postcode",
            NotPostcodeDistrict(_) => "not-postcode-district",
            NotCharterKey(_) => "not-charter-key",
            OutOfRange { .. } => "out-of-range",
            NotWholeNumber { .. } => "not-whole-number",
            NotAnId => "not-an-id",
            NoSuch { .. } => "no-such",
            Unknown { .. } => "unknown",
            NotDateTime(_) => "not-date-time",
            TimeDoesNotExist(_) => "time-does-not-exist",
            TimeHappensTwice(_) => "time-happens-twice",
            NotDate(_) => "not-date",
            NoSuchDate(_) => "no-such-date",
            NotKnown { .. } => "not-known",
            NoSuchColumn(_) => "no-such-column",
            DateLacks(_) => "date-lacks",
            DateNotReal => "date-not-real",
            EndsBeforeItStarts => "ends-before-it-starts",
            ActivityTooLong(_) => "activity-too-long",
            InFuture => "in-future",
            BeforeReceived => "before-received",
            NeedsStatus => "needs-status",
            NeedsResponse => "needs-response",
            FedBackBeforeResponse => "fed-back-before-response",
            StartsAfterEnd => "starts-after-end",
            UnknownFormat { .. } => "unknown-format",
            NoSections => "no-sections",
            NoCommitments => "no-commitments",
            KeyUsedTwice { .. } => "key-used-twice",
            NeededForContact => "needed-for-contact",
            NeedsGuardianName => "needs-guardian-name",
            WithdrawnBeforeGiven => "withdrawn-before-given",
            NeedsGuardianConsent => "needs-guardian-consent",
            FileEmpty => "file-empty",
            FileTooLarge(_) => "file-too-large",
            NotSpreadsheet => "not-spreadsheet",
            NotUtf8 => "not-utf8",
            FileUnreadable(_) => "file-unreadable",
            TooManyRows(_) => "too-many-rows",
            NoHeaderRow => "no-header-row",
            MergedCells { .. } => "merged-cells",
            CellError(_) => "cell-error",
            NotYesNo(_) => "not-yes-no",
            SameAsRow(_) => "same-as-row",
            NeedsSignedDate => "needs-signed-date",
            DateOnlyWhenSigned => "date-only-when-signed",
            BeforeJoined => "before-joined",
            BeforeStoodDown => "before-stood-down",
            BeforeAdopted(_) => "before-adopted",
            SessionOfAnotherCourse => "session-of-another-course",
            NotOnRoster(_) => "not-on-roster",
            NotMoney(_) => "not-money",
            NotStaffHere => "not-staff-here",
            OwnOrganisation => "own-organisation",
            PartnerTwice => "partner-twice",
            BeforeLastStage(_) => "before-last-stage",
            NotLink(_) => "not-link",
            TooMany(_) => "too-many",
            ReminderNotBefore => "reminder-not-before",
            ReminderPast => "reminder-past",
            MinutesOnlyIfCame => "minutes-only-if-came",
            NotWindow(_) => "not-window",
            NotForThisRule => "not-for-this-rule",
            ReasonToGoAhead(_) => "reason-to-go-ahead",
            NotPaperKind(_) => "not-paper-kind",
            NotWhatItSays { .. } => "not-what-it-says",
            NothingAnswered => "nothing-answered",
            BeforeToday => "before-today",
            NeedsNetwork => "needs-network",
            OnlyForNetwork => "only-for-network",
            NotApplied(_) => "not-applied",
            MoreThanPlaces(_) => "more-than-places",
            NeedsOwner => "needs-owner",
            NeedsWillDoBy => "needs-will-do-by",
            NeedsWhereFrom => "needs-where-from",
            ActivityOrOpportunity => "activity-or-opportunity",
            NotOfSource(_) => "not-of-source",
            NamesAPerson(_) => "names-a-person",
            HoldsEmail => "holds-email",
            HoldsPhone => "holds-phone",
            SentTooSoon => "sent-too-soon",
            FormTooOld => "form-too-old",
            LeaveEmpty => "leave-empty",
            NotKey(_) => "not-key",
            BeforeApproved(_) => "before-approved",
        }
    }

    /// The values the message names, by the names translations use. A date-time is
    /// given as `date` (`2026-03-29`) and `time` (`01:30`), for the page to show in the
    /// reader's language.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        use Problem::*;
        match self {
            TooLong { max, len } => vec![("max", max.to_string()), ("len", len.to_string())],
            NotEmail(g)
            | NotPhone(g)
            | NotPostcode(g)
            | NotPostcodeDistrict(g)
            | NotCharterKey(g)
            | NotKey(g)
            | NotDateTime(g)
            | NotDate(g)
            | NoSuchDate(g)
            | NoSuchColumn(g)
            | NotMoney(g)
            | NotLink(g)
            | NotWindow(g)
            | NotPaperKind(g) => {
                vec![("given", g.clone())]
            }
            OutOfRange { min, max, given } => vec![
                ("min", min.to_string()),
                ("max", max.to_string()),
                ("given", given.to_string()),
            ],
            NotWholeNumber { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            Unknown {
                noun,
                given,
                expected,
            } => vec![
                ("noun", noun.to_string()),
                ("given", given.clone()),
                ("expected", expected.join(", ")),
            ],
            NotKnown { noun, given } => vec![("noun", noun.to_string()), ("given", given.clone())],
            TimeDoesNotExist(t) | TimeHappensTwice(t) => vec![
                ("date", t.date().format("%Y-%m-%d").to_string()),
                ("time", t.format("%H:%M").to_string()),
            ],
            FileTooLarge(mb) => vec![("max", mb.to_string())],
            FileUnreadable(why) | CellError(why) => vec![("given", why.clone())],
            TooManyRows(n) | TooMany(n) => vec![("max", n.to_string())],
            ReasonToGoAhead(n) => vec![("count", n.to_string())],
            NotWhatItSays { named, found } => {
                vec![("named", named.clone()), ("found", found.clone())]
            }
            MergedCells { first, last } => {
                vec![("first", first.to_string()), ("last", last.to_string())]
            }
            NotYesNo(g) => vec![("given", g.clone())],
            SameAsRow(r) => vec![("row", r.to_string())],
            NoSuch { noun, id } => vec![("noun", noun.to_string()), ("id", id.to_string())],
            NotOnRoster(id) | NotApplied(id) => vec![("id", id.to_string())],
            MoreThanPlaces(n) => vec![("max", n.to_string())],
            NotOfSource(noun) => vec![("noun", noun.to_string())],
            NamesAPerson(name) => vec![("name", name.clone())],
            DateLacks(part) => vec![("part", part.to_string())],
            UnknownFormat { given, known } => {
                vec![("given", given.to_string()), ("known", known.to_string())]
            }
            ActivityTooLong(days) => vec![("days", days.to_string())],
            KeyUsedTwice { what, key } => vec![("what", what.to_string()), ("key", key.clone())],
            BeforeAdopted(day) | BeforeLastStage(day) | BeforeApproved(day) => {
                vec![("date", day.format("%Y-%m-%d").to_string())]
            }
            _ => vec![],
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Collects field errors while a value is being parsed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, problem: impl Into<Problem>) {
        self.0.push(FieldError::new(field, problem));
    }

    /// Records a message already worded for the reader.
    pub fn add_worded(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::worded(field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps the value if it parsed, records the error under `field` if not.
    pub fn take<T, E: Into<Problem>>(&mut self, field: &str, result: Result<T, E>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(field, e);
                None
            }
        }
    }

    /// `Ok(value)` when no error was recorded.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for FieldErrors {}

impl From<TextError> for Problem {
    fn from(e: TextError) -> Self {
        match e {
            TextError::Empty => Problem::Empty,
            TextError::TooLong { max, len } => Problem::TooLong { max, len },
            TextError::ControlCharacter => Problem::ControlCharacter,
        }
    }
}

/// Why a piece of text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("must not be empty")]
    Empty,
    #[error("must be {max} characters or fewer (it is {len})")]
    TooLong { max: usize, len: usize },
    #[error("must not contain control characters")]
    ControlCharacter,
}

/// Trims `s` and checks it is non-empty, at most `max` characters and free of control
/// characters other than line breaks and tabs.
pub fn required(s: &str, max: usize) -> Result<String, TextError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(TextError::Empty);
    }
    bounded(t, max)
}

/// Like [`required`], but empty text means "not given".
pub fn optional(s: Option<&str>, max: usize) -> Result<Option<String>, TextError> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => bounded(t, max).map(Some),
    }
}

fn bounded(t: &str, max: usize) -> Result<String, TextError> {
    let len = t.chars().count();
    if len > max {
        return Err(TextError::TooLong { max, len });
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(TextError::ControlCharacter);
    }
    Ok(t.to_string())
}

/// Short text such as names and titles.
pub const SHORT: usize = 200;
/// Longer text such as statements and descriptions.
pub const LONG: usize = 10_000;

/// Checks an email address enough to catch typing mistakes: one `@`, a dot in the
/// domain, no spaces. Whether it is deliverable is only known by sending to it.
pub fn email(s: &str) -> Result<String, Problem> {
    let t = s.trim();
    let ok = t.len() <= 254
        && !t.chars().any(char::is_whitespace)
        && match t.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }
            None => false,
        };
    if ok {
        Ok(t.to_lowercase())
    } else {
        Err(Problem::NotEmail(t.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_text() {
        assert_eq!(required("  Ward 7  ", 10), Ok("Ward 7".into()));
        assert_eq!(required("   ", 10), Err(TextError::Empty));
        assert_eq!(
            required(&"x".repeat(11), 10),
            Err(TextError::TooLong { max: 10, len: 11 })
        );
        assert_eq!(required("a\u{0}b", 10), Err(TextError::ControlCharacter));
        assert_eq!(required("two\nlines", 10), Ok("two\nlines".into()));
        assert_eq!(optional(Some(" "), 10), Ok(None));
        assert_eq!(optional(None, 10), Ok(None));
    }

    #[test]
    fn every_problem_has_one_known_code() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 3, 29)
            .and_then(|d| d.and_hms_opt(1, 30, 0))
            .unwrap_or_default();
        let samples = [
            Problem::Empty,
            Problem::TooLong { max: 1, len: 2 },
            Problem::ControlCharacter,
            Problem::NotEmail("x".into()),
            Problem::NotPhone("x".into()),
            Problem::NotPostcode("x".into()),
            Problem::NotPostcodeDistrict("x".into()),
            Problem::NotCharterKey("x".into()),
            Problem::OutOfRange {
                min: 1,
                max: 2,
                given: 3,
            },
            Problem::NotWholeNumber { min: 1, max: 2 },
            Problem::NotAnId,
            Problem::NoSuch {
                noun: "person",
                id: 1,
            },
            Problem::Unknown {
                noun: "rung",
                given: "x".into(),
                expected: vec![],
            },
            Problem::NotDateTime("x".into()),
            Problem::TimeDoesNotExist(t),
            Problem::TimeHappensTwice(t),
            Problem::NotDate("x".into()),
            Problem::NoSuchDate("x".into()),
            Problem::NotKnown {
                noun: "need",
                given: "x".into(),
            },
            Problem::NoSuchColumn("x".into()),
            Problem::DateLacks("day"),
            Problem::DateNotReal,
            Problem::EndsBeforeItStarts,
            Problem::ActivityTooLong(14),
            Problem::InFuture,
            Problem::BeforeReceived,
            Problem::NeedsStatus,
            Problem::NeedsResponse,
            Problem::FedBackBeforeResponse,
            Problem::StartsAfterEnd,
            Problem::UnknownFormat { given: 2, known: 1 },
            Problem::NoSections,
            Problem::NoCommitments,
            Problem::KeyUsedTwice {
                what: "section",
                key: "a".into(),
            },
            Problem::NeededForContact,
            Problem::NeedsGuardianName,
            Problem::WithdrawnBeforeGiven,
            Problem::NeedsGuardianConsent,
            Problem::FileEmpty,
            Problem::FileTooLarge(20),
            Problem::NotSpreadsheet,
            Problem::NotUtf8,
            Problem::FileUnreadable("x".into()),
            Problem::TooManyRows(1),
            Problem::NoHeaderRow,
            Problem::MergedCells { first: 1, last: 2 },
            Problem::CellError("#REF!".into()),
            Problem::NotYesNo("x".into()),
            Problem::SameAsRow(2),
            Problem::NeedsSignedDate,
            Problem::DateOnlyWhenSigned,
            Problem::BeforeJoined,
            Problem::BeforeStoodDown,
            Problem::BeforeAdopted(chrono::NaiveDate::default()),
            Problem::SessionOfAnotherCourse,
            Problem::NotOnRoster(3),
            Problem::NotMoney("x".into()),
            Problem::NotStaffHere,
            Problem::OwnOrganisation,
            Problem::PartnerTwice,
            Problem::BeforeLastStage(chrono::NaiveDate::default()),
            Problem::NotLink("x".into()),
            Problem::TooMany(500),
            Problem::ReminderNotBefore,
            Problem::ReminderPast,
            Problem::MinutesOnlyIfCame,
            Problem::NotWindow("x".into()),
            Problem::NotForThisRule,
            Problem::ReasonToGoAhead(2),
            Problem::NotPaperKind("x".into()),
            Problem::NotWhatItSays {
                named: "x".into(),
                found: "y".into(),
            },
            Problem::NothingAnswered,
            Problem::BeforeToday,
            Problem::NeedsNetwork,
            Problem::OnlyForNetwork,
            Problem::NotApplied(3),
            Problem::MoreThanPlaces(2),
            Problem::NeedsOwner,
            Problem::NeedsWillDoBy,
            Problem::NeedsWhereFrom,
            Problem::ActivityOrOpportunity,
            Problem::NotOfSource("activity"),
            Problem::NamesAPerson("x".into()),
            Problem::HoldsEmail,
            Problem::HoldsPhone,
            Problem::SentTooSoon,
            Problem::FormTooOld,
            Problem::LeaveEmpty,
            Problem::NotKey("x".into()),
            Problem::BeforeApproved(chrono::NaiveDate::default()),
        ];
        let codes: Vec<&str> = samples.iter().map(Problem::code).collect();
        assert_eq!(
            codes,
            Problem::CODES,
            "CODES lists each problem's code once, in order"
        );
        assert_eq!(
            Problem::TimeDoesNotExist(t).to_string(),
            "01:30 on 29 March 2026 does not exist in London: the clocks go forward an hour that night. Choose a time after 02:00"
        );
    }

    #[test]
    fn check_email() {
        assert_eq!(email(" Ann@Example.org "), Ok("ann@example.org".into()));
        for bad in [
            "",
            "ann",
            "ann@",
            "@x.org",
            "ann@example",
            "a b@x.org",
            "a@b@c.org",
        ] {
            assert!(email(bad).is_err(), "{bad} should be refused");
        }
    }
}
