## The frame around every page.

service-name = Coproduce
title-suffix = Coproduce
skip-to-content = Skip to main content
menu = Menu
breadcrumb = Breadcrumb
nav-organisations = Organisations
nav-charters = Charters
nav-projects = Projects
nav-opportunities = Opportunities
    .easy = Things to take part in
nav-people = People
nav-networks = Networks
nav-training = Training
nav-accounts = Accounts
nav-your-account = Your account
sign-in = Sign in
sign-out = Sign out
demo-banner-strong = Demo.
demo-banner = Every organisation, person and meeting here is made up, to show how Coproduce works.
demo-banner-role = Signed in as: { $role }
footer-links = Support links
footer-api = API description (OpenAPI)
footer-accessibility = Accessibility statement
footer-about = Coproduce: open-source software for co-production in health and social care.
choose-language = Language
easy-read-on = Easy Read: turn on
easy-read-off = Easy Read: turn off
there-is-a-problem = There is a problem
error-prefix = Error:
information-prefix = Information:
back-to-account = Back to your account
back-to-sign-in = Back to sign in

## Pages that say something went wrong.

not-found-heading = Page not found
not-found-typed = If you typed the web address, check it is correct.
not-found-pasted = If you pasted the web address, check you copied the entire address.
    .easy = Check the web address. It may have a mistake in it.
error-heading = Sorry, there is a problem with the service
conflict-heading = This cannot be done now
error-try-later = Try again later.
error-reference = If it happens again, tell your administrator and quote reference { $reference }.
forbidden-heading = You cannot do this
forbidden-role = Your role does not allow you to see this page.
forbidden-other-site = This request came from another website, so it was not carried out. Nothing was changed. If you meant to do this, go back to Coproduce and try again from there.
forbidden-stale-form = This form is out of date or did not come from Coproduce, so nothing was changed. Go back, reload the page and try again.
forbidden-read-token = This API token can only read. Create a token with write access to change things.
form-too-large = The form is too large to send, so nothing was changed. Go back and make what you typed shorter.
form-unreadable = The form could not be read, so nothing was changed. Go back and try again.
error-go-home = Go to the list of organisations
error-or = or
error-see-charters = see the charters

## Dates, as people read them: "14 March 2026", "Tuesday 14 March 2026, 18:30".
date = { $day } { $month } { $year }
date-time = { $weekday } { $date }, { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
