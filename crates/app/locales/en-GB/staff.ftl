## Pages for staff: the dashboard, projects and activities, the register and accounts.
## These are in British English only.

staff-accounts = Accounts
staff-activities = Activities
staff-activity = Activity
staff-add = Add
staff-add-a-person = Add a person
staff-add-an-activity = Add an activity
staff-administrators-see-every-organisation-choose-none = Administrators see every organisation: choose "None" for them.
staff-attended = Attended
staff-change-the-project = Change the project
staff-charter-measures = Charter measures
staff-charters-signed = Charters signed
staff-count-the-inputs-people-gave-between = Count the inputs people gave between two dates.
staff-deadline-set-by = Deadline set by
staff-email = Email
staff-error = Error:
staff-first = first.
staff-information = Information:
staff-invite-someone = Invite someone
staff-level = Level
staff-more-accounts = More accounts
staff-more-people = More people
staff-more-projects = More projects
staff-name = Name
staff-no-activities-yet = No activities yet.
staff-no-answer-yet = No answer yet.
staff-no-data = No data
staff-none = None
staff-not-stated-yet = Not stated yet
staff-not-yet = Not yet
staff-not-yet-due = Not yet due
staff-nothing-recorded-yet = Nothing recorded yet.
staff-organisation = Organisation
staff-organisation-settings = Organisation settings
staff-organisations = Organisations
staff-overdue = Overdue
staff-people = People
staff-people-in-the-register = People in the register
staff-project = Project
staff-projects = Projects
staff-record = Record
staff-record-the-answer = Record the answer
staff-record-what-people-said = Record what people said
staff-record-who-came = Record who came
staff-role = Role
staff-rung = Rung
staff-rung-of-the-ladder = Rung of the ladder
staff-scope-and-limits = Scope and limits
staff-scope-and-limits-stated = Scope and limits stated
staff-send-invitation = Send invitation
staff-show-this-period = Show this period
staff-stage = Stage
staff-start-a-project = Start a project
staff-status = Status
staff-there-are-no-projects-yet = There are no projects yet.
staff-there-is-a-problem = There is a problem
staff-there-is-no-one-in-the = There is no one in the register yet.
staff-there-is-no-one-in-your = There is no one in your organisation's register yet.
staff-they-get-an-email-with-a = They get an email with a link to choose a password. The link works once, for 7 days.
staff-this-organisation-has-not-signed-a = This organisation has not signed a charter yet.
staff-we-did = We did
staff-when = When
staff-where = Where
staff-you-said = You said
staff-you-said-we-did = You said, we did

staff-fed-back-share = { $on_time } of { $due } inputs were fed back to the people who gave them by their due day ({ $days } days after, unless changed).
staff-no-data-explained = No inputs received in this period have reached their { $days }-day deadline or been fed back yet.
staff-overdue-count =
    { $n ->
        [one] 1 input has had no feedback after { $days } days
       *[other] { $n } inputs have had no feedback after { $days } days
    }
staff-pending-count =
    { $n ->
        [one] 1 input is within { $days } days and not counted yet
       *[other] { $n } inputs are within { $days } days and not counted yet
    }
staff-default-deadline = No signed charter sets one: the default of { $days } days applies
staff-adoption-version = { " " }(version { $version })
staff-adoption-signed = , signed { $date }
staff-feedback-heading = You said, we did: feedback within { $days } days
staff-for-name = { " " }for { $name }

## Labels, hints, headings and buttons of staff forms.

staff-project-name = Project name
staff-what-stage-is-the-project-at = What stage is the project at?
staff-involving-people-from-the-start-means = Involving people from the start means at initiation or design.
staff-at-what-level-do-people-take = At what level do people take part?
staff-say-what-people-can-change-and = Say what people can change, and what is fixed and why. People should know this before the first activity.
staff-back-to-the-project = Back to the project
staff-save-changes = Save changes
staff-start-the-project = Start the project
staff-date = Date
staff-name-of-the-activity = Name of the activity
staff-what-sort-of-activity-is-it = What sort of activity is it?
staff-where-do-people-take-part = Where do people take part?
staff-which-rung-of-the-ladder-does = Which rung of the ladder does it honestly reach?
staff-be-honest-a-consultation-is-not = Be honest: a consultation is not co-production. The rung is reported.
staff-start-time = Start time
staff-end-time = End time
staff-add-the-activity = Add the activity
staff-who = Who
staff-did-they-come = Did they come?
staff-what-did-people-say = What did people say?
staff-one-point-at-a-time-in = One point at a time, in their words where you can.
staff-when-did-people-say-it = When did people say it?
staff-when-did-the-answer-reach-the = When did the answer reach the people who said it?
staff-back-to-the-activity = Back to the activity
staff-what-people-said = What people said
staff-who-said-it = Who said it (optional)
staff-who-said-it-hint = Tick the people who said it, so it shows in their history. Leave them all unticked if the group said it, or someone who asked not to be named.
staff-said-by = Said by
staff-what-we-did-will-do-or = What we did, will do, or why we cannot
staff-write-it-so-the-people-who = Write it so the people who said it can understand it.
staff-is-it-done = Is it done?
staff-save-the-answer = Save the answer
staff-for-example-14-3-2027 = For example, 14 3 2027
staff-london-time-for-example-14-30 = London time, for example 14:30
staff-london-time-for-example-16-00 = London time, for example 16:00
staff-full-name = Full name
staff-how-do-they-take-part = How do they take part?
staff-email-address-optional = Email address (optional)
staff-add-the-person = Add the person
staff-must-staff-give-a-code-from = Must staff give a code from an authenticator app when they sign in?
staff-this-applies-to-administrators-involvement-leads = This applies to administrators, involvement leads and staff of this organisation.
staff-yes = Yes
staff-no = No
staff-back-to-the-organisation = Back to the organisation
staff-add-an-organisation = Add an organisation
staff-what-kind-of-organisation-is-it = What kind of organisation is it?
staff-save-settings = Save settings
staff-add-the-organisation = Add the organisation
staff-active = Active
staff-invited = Invited
staff-email-address = Email address
staff-from = From
staff-to = To
staff-for-example-1-4-2026 = For example, 1 4 2026
staff-for-example-31-3-2027 = For example, 31 3 2027
staff-fed-back-hint = Leave this empty until you have told them. For example, 28 3 2027

## Charter settings.

staff-back-to-the-charter = Back to the charter
staff-charter-settings = Charter settings
staff-charter-settings-intro = The text of a charter version cannot change: a new text is a new version. Its title, summary and settings can.
staff-charter-title = Title
staff-charter-summary = Summary
staff-charter-feedback-days = Days within which people hear what happened to what they said
staff-charter-feedback-days-hint = A whole number from 1 to 365
staff-charter-review-months = Reviewed at least every so many months
staff-charter-review-months-hint = A whole number from 1 to 36
staff-charter-feedback-days-range = Enter a number of days from 1 to 365
staff-charter-review-months-range = Enter a number of months from 1 to 36
staff-enter-a-whole-number = Enter a whole number, like 28
staff-change-charter-settings = Change the charter's settings

## Inviting people to accounts
staff-choose-organisation-listed = Choose an organisation from the list
staff-administrator-no-organisation = An administrator sees every organisation: choose "None"
staff-choose-their-organisation = Choose the organisation this person belongs to
staff-enter-email-form = Enter an email address in the right form, like name@example.org
staff-choose-role = Choose a role
staff-account-exists = There is already an account for { $email }
staff-invitation-sent = We are emailing an invitation to { $email }. It goes within a minute, and is tried again if the email server does not take it.
staff-invitation-no-email = This Coproduce cannot send email. Give { $email } this link yourself, privately. It works once, for 7 days:

## What a form says is wrong, and how it names its fields in those messages.
staff-choose-a-person-listed = Choose a person from the list
staff-choose-an-organisation = Choose an organisation
staff-choose-how-they-take-part = Choose how they take part
staff-choose-the-activity-type = Choose what sort of activity it is
staff-choose-the-kind-of-organisation = Choose the kind of organisation
staff-choose-the-level = Choose the level at which people take part
staff-choose-the-mode = Choose where people take part
staff-choose-the-response-status = Choose whether it was done, will be done, cannot be done, or is being thought about
staff-choose-the-rung = Choose the rung of the ladder the activity reaches
staff-choose-the-stage = Choose the stage the project is at
staff-choose-whether-they-came = Choose whether they came
staff-enter-the-activity-date = Enter the date of the activity
staff-enter-starts = Enter the start time
staff-starts-as-clock = Enter the start time as hours and minutes, like 14:30
staff-enter-ends = Enter the end time
staff-ends-as-clock = Enter the end time as hours and minutes, like 14:30
staff-start-after-end = The start date must be on or before the end date
staff-the-answer = The answer
staff-the-date = The date
staff-the-start-time = The start time
staff-the-end-time = The end time
staff-the-date-fed-back = The date it was fed back
staff-the-date-said = The date people said it
staff-the-end-date = The end date
staff-the-start-date = The start date

## The register: a person's details, access needs and consent.
staff-person = Person
staff-access-needs = Access and communication needs
staff-actions = Actions
staff-add-a-need = Add a need
staff-add-the-need = Add the need
staff-address = Address
staff-address-optional = Address (optional)
staff-affiliations = Organisations they belong to or speak for
staff-affiliations-hint = For example, a carers' group, a charity or Healthwatch.
staff-affiliations-optional = Organisations they belong to or speak for (optional)
staff-availability = When they can usually come
staff-avoid-rush-hour = Avoid rush hour: no travel before 9:30am or between 4pm and 6:30pm
staff-back-to-the-person = Back to their page
staff-by = by
staff-change-their-details = Change their details
staff-choose-a-need = Choose a need from the list
staff-choose-consent-method = Choose how they agreed
staff-choose-consent-purpose = Choose what they agreed to
staff-choose-contact-method = Choose how they prefer to be contacted
staff-choose-interests-listed = Choose interests from the list
staff-choose-interpreter-language = Choose the language the interpreter speaks
staff-choose-languages-listed = Choose languages from the list
staff-choose-one = Choose one
staff-choose-times-listed = Choose times from the list
staff-consent = Consent
staff-consent-active = Given
staff-consent-from-later = Starts later
staff-consent-to = Consent to
staff-consent-withdrawn = Withdrawn { $date }
staff-contact-details = Contact details
staff-contact-hint = You need their email address for email, a phone number for calls and texts, and an address and postcode for letters.
staff-date-consent-given = When did they agree?
staff-date-of-birth = Date of birth
staff-date-of-birth-hint = Needed to know who is under 18: they need a parent or guardian's consent to take part. For example, 27 3 2009
staff-date-of-birth-optional = Date of birth (optional)
staff-given = Given
staff-given-by = Name of the parent or guardian
staff-given-by-hint = Only for consent a parent or guardian gave.
staff-how-did-they-agree = How did they agree?
staff-how-do-they-prefer-to-be-contacted = How do they prefer to be contacted?
staff-how-they-take-part = How they take part
staff-interests = Interests
staff-interpreter-language = Language of the interpreter
staff-languages = Languages
staff-need = Need
staff-need-already = This need is already recorded
staff-need-detail = Details
staff-need-detail-hint = Anything that helps meet the need, in their words where you can.
staff-needs-not-shared = This person has not agreed to share their access needs with people who run activities.
staff-no-consent-recorded = No consent recorded yet.
staff-no-needs-recorded = No access needs recorded.
staff-not-an-interpreter = Not an interpreter
staff-not-given = Not given
staff-phone = Phone number
staff-phone-optional = Phone number (optional)
staff-postcode = Postcode
staff-postcode-optional = Postcode (optional)
staff-preferred-contact = Preferred contact
staff-preferred-name = Preferred name
staff-preferred-name-hint = What they like to be called, if it is not their full name.
staff-pronouns = Pronouns
staff-pronouns-hint = For example, she/her, he/him or they/them. Leave blank if they have not said.
staff-record-consent = Record consent
staff-record-the-consent = Record the consent
staff-recorded-by = recorded by
staff-remove = Remove
staff-select-all-that-apply = Select all that apply.
staff-snomed-code = SNOMED CT code
staff-taking-part = Taking part
staff-the-date-consent-given = The date they agreed
staff-travel = Travel
staff-warning-no-contact = No consent to contact recorded: do not contact them
staff-warning-no-guardian = Under 18: no parent or guardian consent recorded
staff-what-are-they-interested-in = What are they interested in?
staff-what-did-they-agree-to = What did they agree to?
staff-when-can-they-usually-come = When can they usually come?
staff-which-languages-do-they-speak = Which languages do they speak?
staff-withdraw = Withdraw
staff-roster = Roster
staff-no-one-recorded-yet = No one recorded yet.
staff-received-on = Received { $date }
staff-fed-back-on = Fed back { $date }
staff-feedback-overdue = Feedback overdue
staff-not-fed-back-yet = Not fed back yet
staff-this-person = This person

## Equality monitoring totals.
staff-equality-heading = Equality monitoring
staff-equality-answered = People who answered at least one question: { $n }
staff-equality-private = Answers are voluntary and private. Only totals are shown here, never a person's answers. A number from 1 to 4 is hidden, and so is the next smallest when only one would be hidden, so that no one can be picked out.
staff-equality-too-few = Totals are shown once { $n } people have answered.
staff-answer = Answer
staff-hidden = Hidden
staff-see-equality = Equality monitoring totals

## Erasing a person's data, and reviewing people who no longer take part.
staff-erase-heading = Erase their personal data
staff-erase-what-goes = Their name, contact details, profile, access needs, consent records and equality answers will be deleted.
staff-erase-what-stays = Anonymous counts stay: the activities they took part in still count, under "Erased person". Records the law says must be kept, such as payments, are kept.
staff-erase-cannot-undo = This cannot be undone.
staff-erase-button = Erase their personal data
staff-erase-link = Erase their personal data
staff-inactive-heading = People to review
staff-inactive-link = People who have not taken part for a long time
staff-inactive-intro = People who have not come to an activity for a number of years, or who were added that long ago and never have. Ask them whether they want to stay, or erase their data.
staff-inactive-years = Not taken part for at least this many years
staff-inactive-years-range = Enter a whole number of years from 1 to 20
staff-inactive-show = Show
staff-inactive-none = No one has gone { $years } years or more without taking part.
staff-inactive-caption = Not taken part for { $years } years or more
staff-last-took-part = Last took part, or added

## Importing a register spreadsheet.
staff-import-heading = Import people from a spreadsheet
staff-import-link = Import people from a spreadsheet
staff-import-intro = Upload the spreadsheet you keep your network in: a CSV file or an Excel workbook (.xlsx). The first row of the table must name the columns.
staff-import-nothing-yet = Nothing is stored yet: first you see every problem, row by row, and who is already in the register. Then you import everyone, or no one.
staff-import-organisation = Organisation whose register they join
staff-import-file = Spreadsheet
staff-import-file-hint = CSV (UTF-8) or Excel (.xlsx), up to 20 MB
staff-import-check = Check the file
staff-import-choose = Choose a spreadsheet file
staff-import-too-large = The file must be smaller than { $max } MB
staff-import-columns-heading = Columns
staff-import-columns-intro = Columns are matched from their headers, such as "Name", "Email", "Phone", "Date of birth", "Parent or guardian", "Languages" and "Access needs". Lists in a cell are separated by semicolons. The fields are:
staff-import-report-heading = Check the import
staff-import-problems = Problems found: { $n }
staff-import-nothing-stored = Nothing has been imported. Fix these in the spreadsheet and upload it again, or change how a column is read below.
staff-import-problems-caption = Every problem, by row and column
staff-import-where = Where
staff-import-what = What is wrong
staff-import-row-column = Row { $row }, column "{ $column }"
staff-import-row = Row { $row }
staff-import-whole-file = The whole file
staff-import-ready = People ready to add: { $n }
staff-import-blank = Blank rows skipped: { $n }
staff-import-duplicates = Already in the register, and skipped: { $n }
staff-import-already-heading = Already in the register
staff-import-same-email = the same email address
staff-import-same-phone = the same phone number
staff-import-run = Import { $n } people
staff-import-header-row = The column names are in row { $row }. Choose what each column holds, or ignore it.
staff-import-unnamed-column = Column { $n } (no name)
staff-import-ignore = Ignore this column
staff-import-check-again = Check again
staff-import-another = Upload a different file
staff-import-summary-caption = What is wrong, by column, most rows first
staff-import-rows = Rows
staff-import-repeated-headers = Rows repeating the column names, skipped: { $n }
staff-import-unknown-heading = Values Coproduce does not know
staff-import-unknown-intro = Each value is listed once, however many rows have it. Choose what it means, or ignore it, and the file is checked again. Your choices are kept with this upload.
staff-import-unknown-label = { $column }: "{ $value }"
staff-import-rows-with-it = rows with it: { $n }
staff-import-value-choose = Choose what it means
staff-import-value-ignore = Ignore this value
staff-import-save-values = Use these and check again
staff-import-rows-heading = The rows
staff-import-rows-page = Rows with problems, page { $page } of { $pages }
staff-import-previous-rows = Previous rows
staff-import-next-rows = Next rows
staff-import-network = Add them to a network (optional)
staff-import-network-hint = Each person becomes a member from the day in their "Date joined" column, or from today.
staff-import-no-network = No network: the register only

## Finding people in the register.
staff-find-people = Find people
staff-search-name = Name
staff-search = Search
staff-any = Any
staff-no-one-matches = No one in the register matches all of these.
staff-choose-from-list = Choose from the list

## Networks
staff-networks = Networks
staff-networks-intro = The groups people belong to, such as a service user and carer network or a patients' forum: who is a member, who chairs it, and who has signed what.
staff-network = Network
staff-network-name = Network name
staff-network-kind = Kind of network
staff-network-description = About the network
staff-network-description-hint = What it is for and when it meets. Optional.
staff-choose-network-kind = Choose the kind of network
staff-start-a-network = Start a network
staff-start-the-network = Start the network
staff-change-the-network = Change the network
staff-back-to-the-network = Back to the network
staff-no-networks-yet = There are no networks yet.
staff-more-networks = More networks
staff-members = Members
staff-more-members = More members
staff-no-members = No one is a member yet.
staff-chairs = Chair and vice-chairs
staff-no-chair = No one chairs it yet
staff-find-members-in-register = Find its members in the register
staff-documents = Charter and code of conduct
staff-documents-intro = Members sign the newest version of each. When a new version is adopted, every member needs to sign it again.
staff-no-documents = The network has not adopted a charter or a code of conduct yet.
staff-document = Document
staff-document-kind = Which document is it?
staff-choose-document-kind = Choose whether it is a charter or a code of conduct
staff-document-charter = The charter
staff-not-a-charter-here = Not a charter: a code of conduct
staff-choose-the-charter = Choose the charter the network adopted
staff-code-is-not-a-charter = A code of conduct is not one of the charters: choose "Not a charter"
staff-document-title = Title
staff-document-title-hint = For a code of conduct. A charter's title and version come from the charter.
staff-document-version = Version
staff-document-version-hint = For example, 2 or 2026-1
staff-date-adopted = Date adopted
staff-adopt-a-document = Adopt a new version of the charter or code of conduct
staff-adopt-a-document-intro = Once it is adopted, members who have not signed this version are shown as needing to sign.
staff-adopt-the-document = Adopt it
staff-version-already-adopted = This version is already adopted: give the new version a different number
staff-current-version = Current version
staff-replaced = Replaced by a newer version
staff-members-not-signed = { $count ->
    [one] 1 member has not signed
   *[other] { $count } members have not signed
}
staff-member-role = Role in the network
staff-choose-member-role = Choose their role in the network
staff-joined = Joined
staff-left = Left
staff-date-joined = Date they joined
staff-add-to-a-network = Add to a network
staff-add-to-the-network = Add to the network
staff-choose-a-network = Choose a network of their organisation
staff-already-a-member = They are already a member of this network
staff-in-no-networks = They are not in any network.
staff-current-member = Member
staff-left-on = Left on { $date }
staff-former-member = Former member
staff-membership = Membership
staff-their-register-entry = Their page in the register
staff-induction = Induction
staff-inducted-on-by = { $date }, by { $name }
staff-not-inducted = Not inducted
staff-record-induction = Record their induction
staff-record-the-induction = Record the induction
staff-date-inducted = Date of the induction
staff-inducted-by = Who inducted them
staff-inducted-by-hint = The name of the person who ran the induction
staff-signed = Signed
staff-signed-up = Signed up
staff-nothing-signed = They have not signed anything yet.
staff-not-signed-kind = Needs to sign the { $kind ->
    [Charter] charter
   *[other] code of conduct
}
staff-version-n = version { $version }
staff-record-signature = Record a signature
staff-record-the-signature = Record the signature
staff-what-did-they-sign = What did they sign?
staff-choose-a-document = Choose what they signed
staff-nothing-to-sign = They have signed every version the network has adopted.
staff-date-signed = Date signed
staff-adopted-on = Adopted on { $date }
staff-already-recorded = This is already recorded
staff-change-role = Change their role
staff-standing-down = Standing down
staff-never-stood-down = They have never stood down.
staff-stood-down = Stood down
staff-stood-down-review = Stood down, review on { $date }
staff-stood-down-on = Stood down on { $date }
staff-review-on = Review on { $date }
staff-reinstated-on = Reinstated on { $date }
staff-stand-down-member = Stand them down
staff-stand-down-intro = A member who stands down stays on the network's list, marked as stood down, until they are reinstated or leave.
staff-record-stand-down = Record that they stood down
staff-date-stood-down = Date they stood down
staff-stand-down-reason = Why they stood down
staff-stand-down-reason-hint = Only people who manage the register can read this. It is deleted if their data is erased.
staff-review-date = Date to review it
staff-review-date-hint = Optional. For example, 1 10 2026
staff-reinstate-member = Reinstate them
staff-reinstate = Reinstate
staff-date-reinstated = Date they came back
staff-member-leaves = Record that they left
staff-record-leaving = Record that they left
staff-date-left = Date they left
staff-back-to-the-membership = Back to the membership

## Training
staff-training = Training
staff-training-intro = Courses for staff and for the people who take part, their sessions, who completed them, and when their training runs out.
staff-courses = Courses
staff-course = Course
staff-more-courses = More courses
staff-no-courses-yet = There are no courses yet.
staff-add-a-course = Add a course
staff-add-the-course = Add the course
staff-course-title = Course title
staff-course-audience = Who it is for
staff-choose-course-audience = Choose who the course is for
staff-course-valid-months = How many months it lasts
staff-course-valid-months-hint = After this many months people need to do it again. Leave it empty if it never runs out.
staff-course-description = About the course
staff-lasts = Lasts
staff-valid-for-months = { $months ->
    [one] 1 month
   *[other] { $months } months
}
staff-never-expires = Does not run out
staff-completed-by = Completed
staff-expired = Expired
staff-n-completions = { $count ->
    [one] 1 completion,
   *[other] { $count } completions,
}
staff-n-expired = { $count } expired
staff-sessions = Sessions
staff-no-sessions = No sessions are recorded yet.
staff-add-a-session = Add a session
staff-add-the-session = Add the session
staff-back-to-the-course = Back to the course
staff-session-date = Date
staff-session-place = Where
staff-session-place-hint = A place, or "Online"
staff-session-trainer = Trainer
staff-completions = Who completed it
staff-no-completions = No one has completed it yet.
staff-none-expired = No one's training has run out.
staff-more-completions = More people
staff-show-expired-only = Show only those whose training has run out
staff-show-all-completions = Show everyone
staff-record-completions-hint = To record that someone completed it, open their page in the register and use "Record training".
staff-expired-on = Expired on { $date }
staff-expires-on = Runs out on { $date }
staff-current-until = Current until { $date }
staff-no-training = They have no training recorded.
staff-record-training = Record training
staff-record-the-training = Record the training
staff-choose-a-course = Choose a course of their organisation
staff-session-optional = Session (optional)
staff-no-session = No session
staff-date-completed = Date completed
staff-date-completed-hint = Leave it empty to use the date of the session. For example, 1 4 2026
staff-completion-already = This completion is already recorded

## The job queue and the audit trail
staff-job-queue = Job queue
staff-job-queue-intro = Work Coproduce does in the background, such as sending emails. A job that fails is tried again later, waiting longer each time. After its last try it is dead, and waits here until you retry it.
staff-job-lists = Lists of jobs
staff-jobs-waiting = Waiting
staff-jobs-failed = Failed, to be tried again
staff-jobs-dead = Dead
staff-jobs-running = Running
staff-jobs-done = Done
staff-jobs-none = There are no jobs in this list.
staff-jobs-more = More jobs
staff-job = Job
staff-job-what = What
staff-job-when = Due, or finished
staff-job-tries = Tries
staff-job-last-error = Last error
staff-job-retry = Retry
staff-audit-trail = Audit trail
staff-audit-intro = Who did what to which record, when, and from which address. Each entry is chained to the one before it: run coproduce audit verify on the server to check that none has been changed, removed or added out of order.
staff-audit-filter = Show only
staff-audit-person = Person (their number in the register)
staff-audit-person-hint = For example, 12 for the person at /people/12.
staff-audit-account = Account (its number)
staff-audit-record-kind = Kind of record
staff-audit-record-kind-hint = For example: person, account, job.
staff-audit-record-id = Record number
staff-audit-show = Show entries
staff-audit-show-all = Show every entry
staff-audit-none = There are no entries to show.
staff-audit-more = Older entries
staff-audit-entry = Entry
staff-audit-when = When
staff-audit-who = Who
staff-audit-action = What they did
staff-audit-record = Record
staff-audit-from = From
staff-audit-note = Note
staff-audit-coproduce = Coproduce (a job or a command on the server)
staff-audit-not-signed-in = Someone not signed in
staff-audit-person-number = Enter the person's number in the register as a whole number, like 12
staff-audit-account-number = Enter the account's number as a whole number, like 3
staff-audit-record-number = Enter the record's number as a whole number, like 7
staff-audit-say-what-kind = Enter the kind of record, like person
staff-audit-say-which-record = Enter the record's number
staff-see-also = See also
staff-change-course = Change the course
staff-change-course-intro = A new length changes when every completion already recorded runs out, counted from the day it was completed.
staff-save-the-course = Save the course
staff-remove-session-heading = Remove the session on { $date }?
staff-remove-session-keeps = Completions recorded with this session stay, without it. The audit trail keeps a note that it was removed.
staff-remove-the-session = Remove the session
staff-remove-completion-heading = Remove { $name }'s completion of { $course }?
staff-completed-on = Completed on { $date }
staff-remove-completion-only = Remove it only if it was recorded by mistake. The audit trail keeps a note that it was removed.
staff-remove-the-completion = Remove the completion
staff-change = Change
staff-on-this-page = On this page
staff-their-details = Their details
staff-activities-they-were-part-of = Activities they were invited to
staff-what-they-said = What they said, and what was done
staff-not-invited-yet = They have not been invited to an activity yet.
staff-nothing-said-yet = Nothing they said has been recorded with their name yet. When you record what people said at an activity, tick who said it.
staff-came = Came
staff-did-not-come = Did not come
staff-they-said = They said
staff-what-was-done = What was done
staff-document-body = The words of this version
staff-document-body-hint = Members read these words when they sign. Leave a blank line between paragraphs, and start a line with "- " for a list. For a charter, leave this empty: the charter's own words are kept.
staff-document-easy-read = The Easy Read version (optional)
staff-document-easy-read-hint = Members whose need is Easy Read, or who chose it, read this version.
staff-add-members = Add members
staff-search-the-register = Search the register by name
staff-search-the-register-hint = Type all or part of their name. You can add several people at once.
staff-already-members = Already members
staff-no-one-to-add = No one else in the register matches that name. Check the spelling, or add them to the register first.
staff-more-found = More people match than are shown here. Add more of the name to narrow the search.
staff-who-to-add = Who to add
staff-add-them = Add them to the network
staff-tick-who-to-add = Tick at least one person to add
staff-some-already-members = Someone you ticked is already a member. Search again and tick only people who are not.
staff-stage-began-on = When did the project reach this stage?
staff-stage-began-on-hint = Only if the stage has changed. Leave it empty for today. For example, 1 4 2026.
staff-cannot-change = What cannot change, and why
staff-cannot-change-hint = Say what is fixed and the reason: money, staff, time, the law. People give their time on the understanding that what they say can make a difference, so tell them first what it cannot change.
staff-target-rung = The rung you aim for
staff-not-set = Not set
staff-budget = Involvement budget
staff-budget-hint = In pounds, for paying people, their expenses and their access support. For example, 1250.50
staff-project-lead = Project lead
staff-scope-why = Say what people can change and what they cannot before you ask them to take part. The charters ask for this so nobody gives their time to something already decided, and so the rung you claim is honest.
staff-partners = Partner organisations
staff-no-partners = No partner organisations yet.
staff-change-partners = Change the partner organisations
staff-stages = Stages
staff-began = Began
staff-first-involved = People were first involved on { $date }, at the { $stage } stage.
staff-from-the-start = From the start
staff-not-from-the-start = Not from the start
staff-no-one-involved-yet = No one has come to an activity of this project yet. Whether people were involved from the start is judged by the stage the project was at on the day of the first activity someone came to.
staff-partners-intro = Choose the part each organisation plays. Leave "Not a partner" for those that do not work on this project.
staff-not-a-partner = Not a partner
staff-save-partners = Save the partners
staff-published = Published
staff-draft = Draft: not published yet
staff-publish = Publish the activity
staff-important = Important
staff-not-ready-to-publish = Not ready to publish
staff-say-what-can-change = Say what people can change and what they cannot
staff-venues = Venues
staff-venues-link = Venues and what each offers for access
staff-venues-intro = The places you hold activities, and what each offers for access, so you can choose one that suits the people coming.
staff-no-venues = No venues yet.
staff-more-venues = More venues
staff-venue-name = Name of the venue
staff-what-the-venue-offers = What it offers for access
staff-what-the-venue-offers-hint = Tick only what you have checked is there and working.
staff-venue-notes = Anything else to know (optional)
staff-venue-notes-hint = For example, which entrance is step-free, or who to ask for the hearing loop.
staff-change-the-venue = Change the venue
staff-add-a-venue = Add a venue
staff-add-the-venue = Add the venue
staff-nothing-recorded = Nothing recorded
staff-venue = Venue
staff-no-venue-yet = No venue yet
staff-joining-link = Joining link (for online meetings)
staff-joining-link-hint = The https:// address people use to join. Only people invited will see it.
staff-chair = Who chairs it (optional)
staff-facilitator = Who facilitates it (optional)
staff-places = How many places (optional)
staff-places-hint = A whole number. Leave it empty if there is no limit.
staff-debrief-minutes = How long is the debrief afterwards, in minutes (optional)
staff-debrief-minutes-hint = The charters ask for a debrief so people can say how it went. For example, 20
staff-not-ready-scope = Its project does not yet say what people can change and what they cannot.
staff-not-ready-venue = People meet in person, and there is no venue yet.
staff-not-ready-link = People meet online, and there is no joining link yet.
staff-chaired-by = Chair
staff-facilitated-by = Facilitator
staff-places-row = Places
staff-debrief-row = Debrief afterwards
staff-minutes = { $count } minutes

## Changing and calling off an activity; inviting people and their replies.

staff-change-the-activity = Change the activity
staff-changed-meanwhile = Someone else changed this activity after you opened it. Your changes are below and have not been saved. Check them against the activity as it is now, then save again.
staff-change-it = Change the activity
staff-cancel-the-activity = Cancel the activity
staff-cancel-it = Cancel the activity
staff-already-cancelled = This activity is already cancelled.
staff-cancel-kept = It stays on record as cancelled, with who was invited and anything people said.
staff-cancel-emailed = { $count ->
    [0] Nobody was invited by email.
    [one] The 1 person invited by email will be sent the cancellation, which takes it out of their calendar.
   *[other] The { $count } people invited by email will be sent the cancellation, which takes it out of their calendars.
}
staff-cancel-others = { $count ->
    [0] There is nobody to phone or write to.
    [one] Tell the 1 person invited by phone or letter yourself.
   *[other] Tell the { $count } people invited by phone or letter yourself.
}
staff-cancelled = Cancelled
staff-cancelled-on = Cancelled on { $date }
staff-invitations = Invitations
staff-see-invitations = Invitations and replies
staff-see-all-invitations = See everyone invited and their replies
staff-invite-people = Invite people
staff-invite-intro = Each person is sent the invitation the way they asked: by email, with the meeting for their calendar, or on the list here for you to phone or post a letter. Nobody without consent to contact is contacted. When the places are taken, people go on the waiting list, and move up when someone says they cannot come.
staff-who-to-invite = Who to invite
staff-who-to-invite-hint = Select everyone you want to invite.
staff-tick-who-to-invite = Select at least one person to invite
staff-no-one-to-invite = Nobody found who is not already invited.
staff-invite-them = Invite them
staff-already-invited = Already invited
staff-invitations-sent = Invitations sent
staff-not-contacted = Not contacted
staff-not-contacted-why = These people have no consent to be contacted on record, or have taken it back, so they were not invited. Record their consent first if they give it.
staff-sent-by-email = Sent by email
staff-to-phone-or-post = To phone or post
staff-to-phone-or-post-hint = These people asked to be contacted by phone or letter, or have no email address. Make a letter for each from the list of invitations.
staff-put-on-waiting-list = On the waiting list
staff-places-taken = { $taken } of { $places } places taken. { $waiting ->
    [0] Nobody is waiting.
    [one] 1 person is waiting.
   *[other] { $waiting } people are waiting.
}
staff-invited-count = { $count ->
    [0] Nobody is invited yet.
    [one] 1 person invited.
   *[other] { $count } people invited.
} { $taken } with a place who have not said no.
staff-no-one-invited = Nobody has been invited yet.
staff-place = Place
staff-how-reached = How they hear
staff-reply = Reply
staff-no-reply-yet = No reply yet
staff-record-a-reply = Record a reply
staff-make-a-letter = Make a letter
staff-back-to-the-invitations = Back to the invitations
staff-record-their-reply = Record their reply
staff-can-they-come = Can they come?
staff-choose-their-reply = Select their reply
staff-invite-closed-draft = Nobody can be invited while the activity is a draft: publish it first.
staff-invite-closed-cancelled = The activity is cancelled.
staff-invite-closed-over = The activity is over.
staff-letter-to = Letter to
staff-letter-how = Print this letter and post it, or read it out on the phone. Its reply link is new and works until the activity ends.
staff-letter-large-print = This letter is in { $points } point print, as this person needs.
staff-the-letter = The letter
staff-reminders = Reminders
staff-no-reminders = No reminders are set.
staff-add-a-reminder = Add a reminder
staff-add-the-reminder = Add the reminder
staff-reminder-intro = Everyone with a place who has not said no, and who hears by email, is sent the reminder with the details and their reply link. If the activity moves, the reminder moves with it. Tell people you phone or write to yourself.
staff-reminder-days = How many days before
staff-reminder-days-hint = 0 for the day itself, up to 60.
staff-reminder-days-as-number = Enter how many days before as a whole number, for example 2
staff-reminder-at = At what time
staff-reminder-at-as-clock = Enter the time as a 24-hour clock time, for example 10:00
staff-reminder-words = Your own words (optional)
staff-reminder-words-hint = For example, what to bring, or where to go in the building.
staff-reminder-sent = Sent to { $count } on { $date }
staff-reminder-not-sent = Not sent yet
staff-took-part = Took part
staff-minutes-taken-part = How long they took part, in minutes (optional)
staff-minutes-taken-part-hint = For someone who came. Leave it empty if they stayed for the whole activity.
staff-minutes-as-number = Enter how long they took part as a whole number of minutes, for example 90
staff-sign-in-sheet = Sign-in sheet
staff-sign-in-sheet-how = Print this sheet for people to sign as they arrive. Everyone with a place who has not said no is listed, with empty rows for anyone else.
staff-sheet-arrived = Arrived
staff-sheet-left = Left
staff-sheet-signature = Signature
staff-sheet-blank = Empty row
staff-closing-notes = Closing notes
staff-closing-notes-label = Your notes
staff-closing-notes-hint = What happened, what was agreed, and what comes next. Record what people said separately, on the activity's page, so it can be answered.
staff-closing-intro = Write these after the activity. You can change them later.
staff-closing-written = Written on { $date }
staff-write-closing-notes = Write the closing notes
staff-change-closing-notes = Change the closing notes
staff-save-the-notes = Save the notes
staff-access-support = Access support
staff-access-support-intro = What the people coming need to take part, from the needs they agreed to share, counted without names. Book each, and afterwards record whether it was met.
staff-no-support-needed = Nobody coming has shared a need yet.
staff-provision-needed = Needed
staff-provision-booked = Booked
staff-provision-outcome = Met?
staff-provision-what = { $what } x{ $count }
staff-provision-booked-with = from { $who }
staff-provision-booked-by = booked by { $who }
staff-provision-not-booked = Not booked
staff-provision-met = Met
staff-provision-not-met = Not met: { $why }
staff-book-support = Book it
staff-back-to-access-support = Back to access support
staff-provision-from-whom = Booked from (an agency, supplier or team)
staff-provision-by-whom = Booked by (optional)
staff-provision-cost = Cost, in pounds (optional)
staff-provision-cost-hint = For example, 45 or 45.50
staff-was-it-met = Was it met?
staff-provision-yes-met = Yes, it was met
staff-provision-no-not-met = No, it was not met
staff-provision-why-not = Why not (needed if it was not met)
staff-provision-why-not-hint = For example, the interpreter cancelled on the day.
staff-provision-choose-met = Select whether it was met
staff-unmet-needs = Access needs not met
staff-unmet-needs-explained = { $n ->
    [0] No access need of someone coming to an activity has been recorded as not met.
    [one] 1 access need of someone coming to an activity was recorded as not met. Each activity's access support page says why.
   *[other] { $n } access needs of people coming to activities were recorded as not met. Each activity's access support page says why.
}

## Meeting rules and ground rules
staff-meeting-rules = Meeting rules
staff-meeting-rules-intro = The rules your charters set for meetings, checked while each activity is planned. A plan that breaks one shows a warning on its page. It can still go ahead, and the reason is kept.
staff-plan-keeps-rules = The plan keeps every meeting rule in force.
staff-plan-breaks-rules = The plan breaks a meeting rule
staff-go-ahead-reason = Why go ahead anyway?
staff-go-ahead-reason-hint = The reason is kept with the activity and shown to anyone who reads it, for example "The group asked for a longer session to finish the plan".
staff-went-ahead = Went ahead
staff-warning = Warning
staff-rule-comes-from = From
staff-reason-given = Reason given:
staff-see-the-meeting-rules = See the meeting rules
staff-rule-in-force = In force
staff-rule-off = Off
staff-rule-setting = What should this rule be?
staff-choose-a-rule-setting = Choose what this rule should be
staff-rule-minutes = Minutes
staff-rule-days = Days before the meeting
staff-rule-meetings = Checked from this meeting of a project
staff-rule-amount = The number
staff-rule-windows = Rush hours to avoid
staff-rule-windows-hint = One on each line, in London time, for example Mon-Fri 06:30-09:30
staff-rule-not-counting = Kinds of activity the limit does not count
staff-back-to-the-meeting-rules = Back to the meeting rules
staff-ground-rules = Ground rules
staff-ground-rules-intro = The ground rules are shown on the activity's page, sent with its invitations and letters, and can be printed to put up at the meeting. A copy of their words is kept with the activity.
staff-which-ground-rules = Which ground rules apply to this meeting?
staff-choose-ground-rules = Choose the ground rules, or none
staff-no-ground-rules = None
staff-no-ground-rules-yet = No ground rules are attached yet.
staff-choose-the-ground-rules = Choose the ground rules
staff-print-the-ground-rules = Print the ground rules
staff-ground-rules-print-how = Print this page and put it up where everyone can see it.

## Meeting papers
staff-papers = Papers
staff-papers-intro = Papers are sent to everyone with a place who has not said no: by email, with a link to read them, or on your list to post. When they were first sent is kept, and counts for the rule on papers sent before the meeting.
staff-papers-list = The papers
staff-no-papers-yet = No papers have been added yet.
staff-paper-title = Title
staff-paper-title-hint = What the paper is, for example "Agenda" or "Notes of the last meeting"
staff-paper-format = Format
staff-paper-file = File
staff-paper-file-hint = A { $kinds } file. Its type is checked from what is in it, not from its name.
staff-paper-file-size = It must be smaller than { $max } MB.
staff-paper-sent = Sent
staff-paper-not-sent = Not sent yet
staff-add-a-paper = Add a paper
staff-add-the-paper = Add the paper
staff-back-to-the-papers = Back to the papers
staff-choose-a-paper-format = Choose the format the paper is written in
staff-choose-a-paper-file = Choose the file to add
staff-send-the-papers = Send the papers
staff-send-the-papers-how = Everyone with a place who has not said no is sent the papers not sent before, and a link to read them all. People reached by phone or letter are listed for you to post them.
staff-papers-emailed = { $n ->
    [0] Nobody was sent the papers by email.
    [one] 1 person was sent the papers by email.
   *[other] { $n } people were sent the papers by email.
}
staff-papers-to-post = Post the papers to: { $names }
staff-see-papers = Papers

## Experience feedback
staff-feedback = How it went
staff-feedback-counts = { $asked ->
    [one] 1 person was asked
   *[other] { $asked } people were asked
}; { $answered ->
    [one] 1 answer was given.
   *[other] { $answered } answers were given.
}
staff-feedback-too-few = With fewer than 5 answers, the totals and comments are not shown, so no answer can be traced to a person.
staff-feedback-comments = What people said
staff-feedback-ask = Ask the people who came
staff-feedback-ask-how = Everyone recorded as having come, who has not been asked before, is sent three questions and a space for comments: by email with a link of their own, or listed here for you to ask another way. Nobody without consent to contact is asked. Each can answer without giving their name.
staff-feedback-emailed = { $n ->
    [0] Nobody was sent the questions by email.
    [one] 1 person was sent the questions by email.
   *[other] { $n } people were sent the questions by email.
}
staff-feedback-to-ask = Ask another way (no email): { $names }
staff-feedback-not-contacted = Not asked, as they have no consent to contact: { $names }
staff-record-a-paper-form = Type in a paper form
staff-record-a-paper-form-intro = Answers from a paper form are kept without a name.
staff-feedback-comment = Comment (optional)
staff-back-to-the-feedback = Back to how it went
staff-see-feedback = How it went
staff-the-reminder-of = the reminder of
staff-contacted-on = Contacted { $date }
staff-mark-contacted = Mark as phoned or posted today

## Opportunities
staff-opportunities = Opportunities
staff-opportunities-intro = Roles offered to the people who use your services: a panel seat, a workshop series, an interview panel. Each says what it asks and what it offers, and everyone who says they are interested hears back.
staff-offer-an-opportunity = Offer an opportunity
staff-opportunities-public-link = See the open opportunities as the public sees them
staff-no-opportunities = There are no opportunities yet.
staff-more-opportunities = More opportunities
staff-opportunity = Opportunity
staff-opportunity-standing = Where it stands
staff-opportunity-draft = Draft: not open yet
staff-opportunity-open = Open
staff-opportunity-closed = Closed: choose who takes part
staff-opportunity-decided = Chosen, and everyone told
staff-opportunity-form-intro = Say plainly what the role asks of people and what it offers them, so they can decide whether it is for them.
staff-opportunity-title = Name of the role
staff-opportunity-title-hint = For example, "Interview panel member for a ward manager"
staff-opportunity-the-role = The role
staff-opportunity-expected = What is expected
staff-opportunity-expected-hint = What the people taking part will do, and what they need to know or bring.
staff-opportunity-involved = What is involved
staff-opportunity-involved-hint = Where and how it happens: meetings, reading, visits, online or in person.
staff-opportunity-time = Time asked
staff-opportunity-time-hint = For example, "Four 2-hour meetings between March and June"
staff-opportunity-recognition = What it offers in return
staff-choose-the-recognition = Choose what the role offers in return
staff-opportunity-recognition-detail = Details of the recognition (optional)
staff-opportunity-recognition-detail-hint = How much, at what rate, and which expenses are repaid. Payments can affect welfare benefits: say who people can ask.
staff-opportunity-access-support = Access support available
staff-opportunity-access-support-hint = For example, papers in Easy Read or large print, a BSL interpreter, step-free venue, travel booked for them.
staff-opportunity-rung = Rung of the ladder
staff-choose-a-rung = Choose the rung of the ladder
staff-opportunity-who-and-when = Who may apply, and by when
staff-opportunity-closes = Closing date
staff-opportunity-closes-hint = People may say they are interested until the end of this day. For example, 27 3 2027
staff-opportunity-places = Places
staff-opportunity-places-hint = How many people you will choose, from 1 to 500.
staff-opportunity-who-may-apply = Who may apply
staff-choose-who-may-apply = Choose who may apply
staff-opportunity-network = Network whose members may apply
staff-opportunity-no-network = Not for one network
staff-opportunity-easy-read = The role in Easy Read
staff-opportunity-easy-read-hint = Short sentences, one idea each, everyday words. It is needed before the opportunity opens.
staff-save-the-draft = Save the draft
staff-change-the-opportunity = Change the opportunity
staff-back-to-the-opportunity = Back to the opportunity
staff-opportunity-members-of = Members of { $network }
staff-opportunity-see-public = See the public page
staff-opportunity-open-it = Open it to people
staff-opportunity-open-it-hint = Once open, it is listed for the people it is for, and they can say they are interested until the closing date.
staff-opportunity-before-opening = Before it can open:
staff-opportunity-is-open = It is open.
staff-opportunity-emailed = { $n ->
    [0] Nobody was emailed.
    [one] 1 person was emailed.
   *[other] { $n } people were emailed.
}
staff-opportunity-to-tell = They have no email: phone or write to them: { $names }
staff-opportunity-not-contacted = They have not agreed to be contacted, so were not told: { $names }
staff-opportunity-invited = People invited to apply
staff-opportunity-nobody-invited = Nobody is invited yet.
staff-opportunity-invite-people = Invite people to apply
staff-opportunity-invite-intro = Search the register by name, then tick the people to invite. They are told once the opportunity is open.
staff-opportunity-who-to-invite = Who to invite
staff-opportunity-invite-them = Invite them
staff-opportunity-invited-n = { $n ->
    [one] 1 person was invited.
   *[other] { $n } people were invited.
}
staff-opportunity-interested = Interested
staff-opportunity-nobody-yet = Nobody has said they are interested yet.
staff-opportunity-said-by = Said for them by { $name }
staff-opportunity-why = What they said about why
staff-opportunity-why-hint = In their words, if they want to say (optional).
staff-opportunity-withdraw = Withdraw
staff-opportunity-apply-for = Say someone is interested, for them
staff-opportunity-apply-for-intro = For someone who told you by phone, by letter or in person. Search the register by name, then choose them.
staff-opportunity-person = Who is interested
staff-opportunity-record-interest = Record their interest
staff-opportunity-interest-recorded = Their interest is recorded.
staff-opportunity-pick-someone = Choose someone from the register
staff-opportunity-already-listed = Already on the list
staff-opportunity-nobody-found = Nobody else matches that name.
staff-opportunity-choose = Choose who takes part
staff-opportunity-choose-intro = { $places ->
    [one] There is 1 place. Everyone not chosen is told, kindly, that they were not chosen this time.
   *[other] There are { $places } places. Everyone not chosen is told, kindly, that they were not chosen this time.
}
staff-opportunity-who-is-chosen = Who is chosen
staff-opportunity-who-is-chosen-hint = Tick everyone chosen. Under each name is what they said about why.
staff-opportunity-chosen = The people chosen
staff-opportunity-choose-and-tell = Choose them and tell everyone
staff-opportunity-choose-when-closed = People are chosen once the opportunity has closed.
staff-opportunity-chosen-n = { $n ->
    [0] Nobody was chosen.
    [one] 1 person was chosen.
   *[other] { $n } people were chosen.
}
staff-opportunity-make-up = Who is interested, beside who it is for
staff-opportunity-make-up-intro = The equality monitoring answers of the people interested, beside those of { $group }: totals only, with small numbers hidden, so nobody can be picked out.
staff-opportunity-whole-register = the rest of the register
staff-opportunity-tick-someone = Tick who is chosen
staff-opportunity-besides = The rest of { $network }
staff-opportunity-make-up-too-few = Nothing is shown until at least { $fewest } people in each group have answered: { $applicants } of those interested have, and { $group } of the group beside them.
staff-opportunity-make-up-not-yours = The make-up is shown to involvement leads and administrators.

## You said, we did
staff-inputs-intro = Everything people have told you, what you answered, and whether the answer has reached them. An input is due by its charter's feedback deadline; its owner is reminded three days before and the day after.
staff-which-inputs = Which inputs
staff-inputs-all = All
staff-inputs-overdue = Overdue
staff-inputs-mine = Mine to answer
staff-no-inputs = Nothing has been recorded yet. Record what people said from an activity's page.
staff-no-inputs-overdue = Nothing is overdue.
staff-more-inputs = More inputs
staff-came-from = Came from
staff-due-by = Feedback due by
staff-due-by-hint = Set from the charter's feedback deadline when it was recorded. For example, 28 3 2027
staff-who-answers-for-it = Who answers for it
staff-choose-who-answers = Choose who answers for it
staff-and-anonymous = { $count ->
    [one] and one person not named
   *[other] and { $count } people not named
}
staff-nobody-named = Nobody named
staff-themes = Themes
staff-themes-hint = Separate themes with commas, for example: transport, access
staff-anonymous-count = How many people not named said it
staff-anonymous-count-hint = For example, 3. Leave as 0 if everyone who said it is named.
staff-fed-back = Fed back
staff-change-what-was-said = Change what was said
staff-back-to-what-was-said = Back to what was said
staff-by-date = by { $date }
staff-give-a-response = Give a response
staff-change-the-response = Change the response
staff-give-a-response-intro = The first response, and each that changes the answer, goes to everyone named as having said it, the way each prefers.
staff-give-the-response = Give the response
staff-what-is-the-answer = What is the answer?
staff-status-done = We did it
staff-status-will-do = We will do it
staff-status-will-do-hint = Say by when below
staff-status-cannot-do = We cannot do it
staff-status-cannot-do-hint = Say why in the answer
staff-status-being-considered = We are thinking about it
staff-will-do-by = Done by
staff-will-do-by-hint = Only for "we will do it". For example, 30 6 2027
staff-see-and-answer = See and answer
staff-see-what-was-done = See what was done
staff-record-feedback-by-hand = Record feedback given at a meeting
staff-record-feedback-by-hand-intro = If you told people at a meeting or in a newsletter, record the day here. Everyone named is still told their own way.
staff-when-was-it-fed-back = When was the answer given?
staff-fed-back-by-hand-hint = For example, 28 3 2027
staff-who-was-told = Who was told
staff-nobody-told-yet = Nobody named has been told yet: they are told when a response is given.
staff-how = How
staff-told-by-email = Email
staff-told-by-letter = Letter
staff-told-by-phone = Phone call
staff-held-back = Not told
staff-held-back-hint = Withdrew consent to contact
staff-waiting = Waiting
staff-print-the-letter = Print the letter
staff-mark-as-told-today = Mark as done today
staff-response-history = Every response
staff-given-on-by = Given on { $date } by { $name }
staff-given-on = Given on { $date }
staff-sent-to-those-who-said-it = Sent to those who said it
staff-erased = Erased
staff-overdue-now-heading = Feedback overdue today
staff-overdue-now = { $n ->
    [one] 1 input is past its due day and has not reached the people who gave it.
   *[other] { $n } inputs are past their due day and have not reached the people who gave them.
}
staff-see-what-is-overdue = See what is overdue
staff-input-letter-how = Print this letter and post it, or read it out on the phone. Then mark it as done on the page of what was said, so the day it reached them is kept.
staff-said-by-people = Who said it

## Outcomes
staff-outcomes = Outcomes
staff-outcomes-intro = The changes people's contributions led to: to a service, a policy or a decision. Each is linked to the inputs behind it, with evidence of the change and what difference it made.
staff-see-the-outcomes = See what people's contributions led to
staff-no-outcomes = No outcome has been recorded yet.
staff-more-outcomes = More outcomes
staff-record-an-outcome = Record what it led to
staff-change-the-outcome = Change the outcome
staff-back-to-the-outcome = Back to the outcome
staff-back-to-the-outcomes = Back to the outcomes
staff-outcome-intro = Say what changed, when, and what difference it made, and tick the inputs that led to it.
staff-outcome-title = What changed
staff-outcome-title-hint = For example: A mental health car in two boroughs
staff-what-changed = What kind of change was it?
staff-choose-what-changed = Choose what kind of change it was
staff-outcome-happened-on = When it changed
staff-outcome-impact = What difference it made
staff-outcome-impact-hint = Say who it helps and how. Write it so the people who said it can understand it.
staff-outcome-inputs = The inputs that led to it
staff-outcome-inputs-hint = Tick everything people said that led to this change.
staff-outcome-inputs-count = Inputs
staff-outcome-no-inputs = No input is linked to it yet.
staff-save-the-outcome = Save the outcome
staff-evidence = Evidence
staff-no-evidence = No evidence has been added yet.
staff-add-evidence = Add evidence
staff-evidence-title = What the evidence is
staff-evidence-title-hint = For example: The new service leaflet
staff-evidence-file = The file
staff-choose-a-file = Choose the file to add
staff-what-it-led-to = What it led to
staff-led-to-nothing-yet = It has not led to a recorded change yet.
staff-on-the-public-page = On the public page
staff-published-on = Published on { $date }.
staff-see-the-public-page = See the public page
staff-changed-since-published = What was said or the response has changed since it was published. The public page shows it as it was until you publish it again.
staff-not-published = It is not on the organisation's public "You said, we did" page. Publishing checks that it names no one and holds no email address or phone number.
staff-publish-input = Publish it
staff-publish-again = Publish it as it is now
staff-unpublish = Take it off the public page

## Feedback forms a project publishes
staff-see-the-forms = See the feedback forms
staff-see-the-form = See the form
staff-inputs-of-form = Showing only the answers to the feedback form "{ $form }".
staff-forms = Feedback forms
staff-forms-intro = A feedback form asks the public one question about a project, in English, Polish and Easy Read. Anyone can answer it, signed in or not, without JavaScript. Each answer becomes an input of the project, owned by the project's lead, and is due by your charter's feedback deadline.
staff-no-forms = There are no feedback forms yet.
staff-no-forms-of-project = This project has no feedback form yet.
staff-more-forms = More feedback forms
staff-make-a-form = Make a feedback form
staff-change-the-form = Change the feedback form
staff-back-to-the-form = Back to the feedback form
staff-back-to-the-forms = Back to the feedback forms
staff-form-intro = Ask one question. Write it so anyone can answer it, and give an Easy Read version. A Polish version is shown to people who read Polish; without one, they see the English.
staff-form-caption = Feedback form
staff-form-title = Name of the form
staff-form-title-hint = Shown as the page's heading. For example: The waiting room at Hackney Walk-in Centre
staff-form-question = The question
staff-form-question-hint = For example: What would make the waiting room better for you?
staff-form-question-pl = The question in Polish (optional)
staff-form-question-pl-hint = Leave it empty if you do not have a Polish version.
staff-form-question-easy = The question in Easy Read
staff-form-question-easy-hint = Short words, one idea in each sentence. For example: What would make the waiting room better?
staff-choose-the-form-project = Choose the project the form is for
staff-save-the-form = Save the form
staff-form-status = Status
staff-form-open = Open
staff-form-closed = Closed
staff-form-open-words = Anyone with the address can answer it.
staff-form-closed-on = It stopped taking answers on { $date }.
staff-form-address = Address to share
staff-form-question-in-polish = The question in Polish
staff-form-no-polish = None: Polish readers see the English.
staff-form-answers = Answers
staff-form-see-answers = { $count ->
        [one] See its 1 answer
       *[other] See its { $count } answers
    }
staff-form-no-answers = None yet.
staff-close-the-form = Close the form
staff-open-the-form = Open the form again

## Recognition policy
staff-recognition = Recognition and expenses
staff-see-recognition = Recognition and expenses
staff-recognition-intro = The role tiers people take part in, what each is paid, what recognition is offered, and which expenses are paid back. Each version takes effect from its date: payments and claims follow the version in force on the day of the activity, so a change never reaches back over work already done.
staff-policy-new = Set a new version
staff-policy-new-intro = It is filled in from the version in force. Change what needs changing and say when it takes effect. Leave a row empty to leave it out. Amounts are in pounds, like 13.60.
staff-back-to-the-policy = Back to recognition and expenses
staff-policy-save = Save this version
staff-policy-coming = A new version takes effect on { $date }.
staff-policy-in-force = In force since { $date }
staff-policy-from = From { $date }
staff-policy-made = Set on { $date } by { $name }.
staff-policy-made-by-coproduce = Set on { $date }.
staff-policy-earlier = Earlier versions
staff-policy-none-in-force = No recognition policy is in force yet. Until one is, no payment can be worked out.
staff-policy-none = None
staff-policy-effective-from = When it takes effect
staff-policy-effective-from-hint = Payments and claims for activities on or after this day follow it. For example, 1 4 2027
staff-policy-offered = Recognition offered
staff-policy-offered-hint = Tick everything people can choose from.
staff-policy-pro-rata = Is someone who comes for part of an activity paid for that part?
staff-policy-pro-rata-yes = Yes: someone who comes for part of an activity is paid for that part.
staff-policy-pro-rata-no = No: someone who comes for any of an activity is paid for all of it.
staff-policy-tiers = Role tiers and rates
staff-policy-tier = Tier
staff-policy-rates = Rates
staff-policy-tier-key = Tier { $n }: key
staff-policy-tier-key-hint = A short name for the tier, in lower-case letters, digits and hyphens, like tier-1. Keep it the same from version to version.
staff-policy-tier-name = Tier { $n }: name
staff-policy-tier-hour = Tier { $n }: rate per hour (£)
staff-policy-tier-half-day = Tier { $n }: rate per half day, up to 4 hours (£)
staff-policy-tier-day = Tier { $n }: rate per day (£)
staff-policy-fees = Fees for a type of activity
staff-policy-fee-tier = Fee { $n }: tier key
staff-policy-fee-type = Fee { $n }: type of activity
staff-policy-fee-amount = Fee { $n }: amount (£)
staff-policy-per-activity = for each { $kind }
staff-policy-expenses = Expenses
staff-policy-pounds-hint = In pounds, like 0.45. 0 for none.
staff-policy-per-mile = Each mile driven
staff-policy-per-mile-passenger = Each mile for each passenger
staff-policy-per-mile-bicycle = Each mile cycled
staff-policy-public-transport = Are public transport fares paid back?
staff-policy-taxis = Are taxis paid back, when agreed before the journey?
staff-policy-care-costs = Are the costs of care and childcare paid back?
staff-policy-meal-cap = The most paid back for a meal
staff-policy-home-working = Paid for each online meeting, for the costs of taking part from home
staff-policy-claim-within-days = Days after an activity a claim can be made
staff-policy-claim-within-days-hint = A whole number from 1 to 365.
staff-policy-days = { $days ->
        [one] 1 day
       *[other] { $days } days
    }
staff-policy-advice = Where to get advice on benefits
staff-policy-advice-hint = Shown to people before they choose how to be paid. For example: Citizens Advice, 0800 144 8848 (free), citizensadvice.org.uk

## Payments
staff-payments = Payments
staff-see-payments = Payments for taking part
staff-payments-intro = Payments worked out from who came to each activity and for how long, under the recognition policy and each person's choice on the activity's day. Someone other than who worked a payment out approves it; then it is marked paid. A mistake is put right by reversing it, never by changing it.
staff-which-payments = Which payments
staff-payments-all = All
staff-no-payments = There are no payments here yet.
staff-more-payments = More payments
staff-payment-person = Person
staff-payment-partner-person = on a partner organisation's register
staff-payment-for = For
staff-payment-amount = Amount
staff-payment-status = Status
staff-payment-heading = Payment { $id }
staff-payment-reverses = Reverses payment { $id }
staff-payment-how = How it was worked out
staff-payment-worked = At { $rate }, { $minutes }
staff-payment-minutes = for { $came } of { $lasted } minutes
staff-payment-reason = Why it is reversed
staff-payment-reason-hint = Say what was wrong, so whoever approves it and the finance team understand.
staff-payment-reversed-by = Reversed by
staff-payment-created = Worked out
staff-payment-approved = Approved
staff-payment-paid-on = The day it was paid
staff-payment-approve = Approve the payment
staff-payment-mark-paid = Mark it paid
staff-payment-put-right = Put a mistake right
staff-payment-put-right-intro = This makes a new payment that takes this one back. It is approved in the same way. Then work out the right payment again, if there is one.
staff-payment-reverse = Reverse the payment
staff-payments-tier = The tier people took part at
staff-payments-work-out-intro = Payments are worked out for everyone marked as having come, under the recognition policy in force on the activity's day and each person's choice that day. Nobody is paid twice for it.
staff-payments-work-out = Work out the payments
staff-payments-no-policy = No recognition policy was in force on the activity's day, so no payment can be worked out. Set one from that day first.
staff-payments-made = { $n ->
        [one] 1 payment worked out, waiting for approval.
       *[other] { $n } payments worked out, waiting for approval.
    }
staff-payments-declined = Not paid, because they declined payment: { $names }.
staff-payments-already = Paid for it already: { $names }.
staff-payments-no-fee = No rate applies to the time they came: { $names }.
staff-see-payments-of-activity = Payments for taking part
staff-choice-heading = How they want to be paid
staff-choice-none = They have not said yet: they are paid the full amount.
staff-choice-tell-them = Before they choose, tell them that payments and vouchers can affect their benefits, that they can always decline, and where to get advice (as the recognition policy says).
staff-choice-legend = What did they choose?
staff-choice-save = Save their choice
staff-see-choice = How they want to be paid
staff-export-heading = Export payments for finance
staff-export-link = Export approved and paid payments for finance
staff-export-intro = Every approved or paid payment for activities between these days, one row each, as CSV or as a spreadsheet. Bank details are not in it: Coproduce does not keep them. The export is recorded in the audit trail.
staff-export-from = From
staff-export-to = To
staff-export-csv = Download CSV
staff-export-xlsx = Download spreadsheet (XLSX)
