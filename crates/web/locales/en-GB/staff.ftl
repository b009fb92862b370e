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

staff-fed-back-share = { $on_time } of { $due } inputs were fed back to the people who gave them within { $days } days.
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
staff-invitation-sent = We have emailed an invitation to { $email }.
staff-invitation-not-sent = The invitation email to { $email } could not be sent. Give them this link yourself, privately. It works once, for 7 days:
staff-invitation-no-email = This Coproduce cannot send email. Give { $email } this link yourself, privately. It works once, for 7 days:

## What a form says is wrong, and how it names its fields in those messages.
staff-choose-a-person-listed = Choose a person from the list
staff-choose-an-organisation = Choose an organisation
staff-choose-how-they-take-part = Choose how they take part
staff-choose-the-activity-type = Choose what sort of activity it is
staff-choose-the-kind-of-organisation = Choose the kind of organisation
staff-choose-the-level = Choose the level at which people take part
staff-choose-the-mode = Choose where people take part
staff-choose-the-response-status = Choose whether it was done, will be done, or cannot be done
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
