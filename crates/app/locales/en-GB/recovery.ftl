## Invitations and password resets.

reset-heading = Reset your password
reset-intro = Tell us the email address you sign in with. We will email you a link to choose a new password.
    .easy = Type your email address. We will send you an email. It has a link to make a new password.
reset-send = Send the link
email-wrong = Enter an email address in the right form, like name@example.org
no-email-heading = Ask an administrator
no-email = This Coproduce cannot send email. Ask an administrator of your organisation to reset your password.
check-email-heading = Check your email
check-email-sent = If { $email } has a Coproduce account, we have sent it a link to choose a new password.
check-email-help = The link works once, for 1 hour. If nothing arrives, check your junk mail, or ask an administrator.
new-password-heading = Choose a new password
welcome-heading = Welcome to Coproduce: choose your password
new-password-intro = Choose a password of at least 10 characters. Three or four random words are easy to remember and hard to guess.
    .easy = Make a password. Use 10 letters or more. Three or four words you choose at random work well.
new-password-label = New password
confirm-password-label = Type the new password again
save-password = Save password
password-short = The password must be at least 10 characters long
password-long = The password must be 200 characters or fewer
password-easy = The password is too easy to guess: try three or four random words
passwords-differ = The two passwords are not the same
link-broken-heading = This link does not work
link-broken = The link has been used already, has expired, or was not copied in full. Nothing has been changed.
link-broken-invitation = If you have not chosen a password yet, ask the person who invited you to send a new invitation.
link-broken-reset = You can ask for a new link.
ask-new-link = Ask for a new link
go-to-sign-in = Go to sign in

reset-email-subject = Reset your Coproduce password
reset-email-body =
    Hello { $name },

    Someone asked to reset the password for your Coproduce account.

    To choose a new password, open this link. It works once, for 1 hour:
    { $link }

    If you did not ask for this, you can ignore this email. Your password has not changed.
invitation-email-subject = You are invited to Coproduce
invitation-email-body =
    Hello { $name },

    You are invited to Coproduce, where your organisation plans and records co-production.

    To choose your password, open this link. It works once, for 7 days:
    { $link }

    If you did not expect this email, you can ignore it.
