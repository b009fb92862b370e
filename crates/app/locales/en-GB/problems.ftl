## Why a check refused what someone typed or sent. Each message may name the field
## as { $field }, already in the reader's language ("Project name", "The start date").

why-this-answer = This answer
why-empty = { $field } must not be empty
why-too-long = { $field } must be { $max } characters or fewer (it is { $len })
why-control-character = { $field } must not contain control characters
why-not-email = "{ $given }" is not an email address, like name@example.org
why-not-phone = "{ $given }" is not a phone number, like 020 7946 0000 or 07700 900123
why-not-postcode = "{ $given }" is not a postcode, like LE1 6WW
why-not-postcode-district = "{ $given }" is not a postcode district, the first half of a postcode, like LE1 or E8
why-not-charter-key = "{ $given }" is not a charter key: use 2 to 60 lowercase letters, digits and hyphens, like las-pflas
why-out-of-range = { $field } must be between { $min } and { $max } (it is { $given })
why-not-whole-number = { $field } must be a whole number from { $min } to { $max }
why-not-an-id = { $field } must be an id: a whole number above 0
why-no-such = There is no { $noun } with id { $id }
why-unknown = { $field }: "{ $given }" is not known; use one of { $expected }
why-not-date-time = "{ $given }" is not a date and time: use 2026-03-14T18:30 (London time)
why-time-does-not-exist = { $time } on { $date } does not exist in London: the clocks go forward an hour that night. Choose a time after 02:00
why-time-happens-twice = { $time } on { $date } happens twice in London: the clocks go back an hour that night. Add +01:00 for the first time or +00:00 for the second
why-not-date = "{ $given }" is not a date: use the form 2026-03-14
why-date-lacks = { $field } must include a { $part ->
        [day] day
        [month] month
       *[year] year
    }
why-date-not-real = { $field } must be a real date
why-ends-before-it-starts = { $field } must be after the start time
why-activity-too-long = An activity can last at most { $days } days
why-in-future = { $field } cannot be in the future
why-before-received = { $field } cannot be before the day people said it
why-needs-status = Say whether it was done, will be done, or cannot be done
why-needs-response = Write what was done, will be done, or why it cannot be done
why-fed-back-before-response = Record the answer before the date it was fed back
why-starts-after-end = { $field } must be on or before the end of the period
why-unknown-format = Format { $given } is not known: this version reads format { $known }
why-no-sections = A charter needs at least one section
why-no-commitments = A section needs at least one commitment
why-key-used-twice = { $what ->
        [section] Section
       *[commitment] Commitment
    } key "{ $key }" is used twice
why-needed-for-contact = { $field } is needed to contact them the way they prefer
why-needs-guardian-name = Give the name of the parent or guardian who gave consent
why-withdrawn-before-given = { $field } cannot be before the consent was given
why-needs-guardian-consent = This person is under 18 and has no parent or guardian's consent on record
why-file-empty = The file is empty
why-file-too-large = The file must be smaller than { $max } MB
why-not-spreadsheet = The file is not a spreadsheet: save it as CSV (UTF-8) or as an Excel workbook (.xlsx)
why-not-utf8 = The file's text is not UTF-8: save it as "CSV UTF-8"
why-file-unreadable = The file could not be read as a spreadsheet: { $given }
why-too-many-rows = The file has more than { $max } rows: split it into smaller files
why-no-header-row = No header row was found: the first row of the table must name the columns, one of them the person's name
why-merged-cells = Cells are merged across rows { $first } to { $last }: unmerge them so each row has its own value
why-cell-error = The cell holds a spreadsheet error ({ $given }): fix the formula or type the value
why-not-yes-no = "{ $given }" is not yes or no
why-same-as-row = { $field } is the same as row { $row }: a person can be in the file once
why-needs-signed-date = Give the date the organisation signed
why-date-only-when-signed = Only a signed charter has a date of signing
why-before-joined = { $field } cannot be before they joined
why-before-stood-down = { $field } must be after the day they stood down
why-before-adopted = { $field } cannot be before this version was adopted on { $date }
why-session-of-another-course = That session is of another course: choose one of this course's sessions, or none
why-no-such-date = "{ $given }" is not a real date: that month has no such day
why-not-known = { $field }: Coproduce does not know "{ $given }"
why-no-such-column = The file has no column "{ $given }"
why-not-on-roster = Person { $id } is not on this activity's list of people: record them as invited or as having come first
why-not-money = "{ $given }" is not an amount of money: write pounds and pence, like 1250.50
why-not-staff-here = { $field } must be someone with an account at this organisation
why-own-organisation = { $field } is the project's own organisation: choose a partner organisation
why-partner-twice = { $field } is named twice: name each partner once
why-before-last-stage = { $field } cannot be before the stage before it began, on { $date }
why-not-link = "{ $given }" is not a web address: use one starting https://, without spaces
why-too-many = Give at most { $max } at a time
why-reminder-not-before = The reminder must go before the activity starts
why-reminder-past = That time is already past: choose a later one
why-minutes-only-if-came = How long someone took part is only for someone who came
why-not-window = "{ $given }" is not a span of the week: write it as Mon-Fri 06:30-09:30
why-not-for-this-rule = This rule does not use this value
why-reason-to-go-ahead = Give a reason to go ahead: the plan breaks { $count ->
    [one] one of the charter's rules
   *[other] { $count } of the charter's rules
}
why-not-paper-kind = A paper must be one of these: { $given }
why-not-what-it-says = The file is named as a { $named }, but it is { $found }. Choose the right file
why-nothing-answered = Answer at least one question, or write a comment
why-before-today = Enter a date that is today or later
why-needs-network = Choose the network whose members may apply
why-only-for-network = A network is only chosen when its members are the ones who may apply
why-not-applied = Person { $id } has not said they are interested
why-more-than-places = Choose at most { $max }: that is how many places there are
why-needs-owner = Choose who answers for it
why-needs-will-do-by = Enter the date by when it will be done
why-needs-where-from = Choose the project, activity or opportunity it came from
why-activity-or-opportunity = Choose an activity or an opportunity, not both
why-not-of-source = This person did not take part in the { $noun } it came from
why-names-a-person = { $field } names { $name }: take the name out before it is published
why-holds-email = { $field } holds an email address: take it out before it is published
why-holds-phone = { $field } holds a phone number: take it out before it is published
why-sent-too-soon = Your answer was sent very quickly after the page opened. To stop spam, we ask you to check it, then send it again
why-form-too-old = This page was open for more than a day. Check your answer, then send it again
why-leave-empty = { $field } must be left empty: it is there to stop spam
why-not-key = "{ $given }" is not a key: use lower-case letters, digits and hyphens, like tier-2
why-before-approved = { $field } cannot be before it was approved, on { $date }
