## What Coproduce sends people about the activities they are invited to: the
## emails, and the letters an organiser prints or reads out on the phone.

letter-greeting = Dear { $name },
    .easy = Hello { $name },
letter-when = When: { $when }
letter-when-span = { $start } to { $end }
letter-where = Where: { $where }
letter-online = Join online: { $link }
    .easy = To join on a computer or phone, use this link: { $link }
letter-reply = Please tell us if you can come: { $link }
    .easy = Can you come? Please tell us. Use this link: { $link }
letter-reply-until = This link works until the meeting ends. You can change your answer at any time before then.
    .easy = You can use the link until the meeting ends. You can change your answer.
letter-calendar = The meeting is attached to this email, so you can add it to your calendar.
    .easy = You can add the meeting to your calendar. It is with this email.
letter-ground-rules = The ground rules for this meeting, which everyone agrees to keep:
    .easy = At the meeting we all keep these rules:
letter-help = If you need anything to help you take part, please tell us.
    .easy = Do you need help to take part? Please tell us.
letter-sign-off = From { $organisation }

invite-subject = Invitation: { $title }
invite-intro = { $organisation } invites you to { $title }.
    .easy = You are invited to a meeting. It is called { $title }. { $organisation } runs it.

waiting-subject = You are on the waiting list: { $title }
waiting-intro = { $title } is full, so you are on the waiting list. If a place comes free, we will send you an invitation.
    .easy = { $title } is full. You are on the waiting list. If someone cannot come, we will ask you.

changed-subject = Changed: { $title }
changed-intro = Something about { $title } has changed. These are the details now.
    .easy = We have changed { $title }. Please read the new details.

cancelled-subject = Cancelled: { $title }
cancelled-intro = { $title } on { $when } is cancelled. We are sorry.
    .easy = { $title } is not happening. It was on { $when }. We are sorry.

reminder-subject = Reminder: { $title }
reminder-intro = This is a reminder that { $title } is coming up.
    .easy = Remember: { $title } is soon.

papers-subject = Papers for { $title }
    .easy = Papers to read for { $title }
papers-intro = The papers for { $title } are ready for you to read before the meeting.
    .easy = Here are the papers for { $title }. Please read them before the meeting.
letter-papers = Read the papers here: { $link }
    .easy = To read the papers, use this link: { $link }
letter-papers-format = If you need the papers in another format, such as Easy Read, large print or audio, please tell us.
    .easy = Do you need the papers in a different way? For example Easy Read, big print or audio. Please tell us.

feedback-subject = How did { $title } go?
    .easy = Tell us about { $title }
feedback-intro = Thank you for coming to { $title }. Please tell us how it went for you: three short questions and a space for anything else.
    .easy = Thank you for coming to { $title }. Please answer 3 short questions.
feedback-link = Answer here: { $link }
    .easy = Use this link to answer: { $link }
feedback-anonymous = You can choose not to give your name.
    .easy = You do not have to say who you are.

opportunity-invited-subject = You are invited to apply: { $title }
    .easy = Would you like to take part in { $title }?
opportunity-invited-intro = We would like to invite you to say if you are interested in { $title }.
    .easy = We would like you to take part in { $title }. Please tell us if you want to.
opportunity-closes-on = It closes on { $date }.
    .easy = Please tell us by { $date }.
opportunity-link = Read about it, and say if you are interested: { $link }
    .easy = To read about it and tell us, use this link: { $link }
opportunity-or-contact = If you do not have an account, reply to this email or contact { $organisation }, and we will note your interest.
    .easy = No account? Reply to this email. Or contact { $organisation }. We will help you.
opportunity-chosen-subject = You have been chosen: { $title }
    .easy = Good news about { $title }
opportunity-chosen = Thank you for saying you were interested in { $title }. We are pleased to tell you that you have been chosen. We will be in touch soon about what happens next.
    .easy = Thank you for wanting to take part in { $title }. Good news: you have a place. We will tell you what happens next.
opportunity-not-chosen-subject = About { $title }
    .easy = About { $title }
opportunity-not-chosen = Thank you for saying you were interested in { $title }. This time you have not been chosen. Thank you for your time, and we hope you will look at our other opportunities.
    .easy = Thank you for wanting to take part in { $title }. This time you do not have a place. Thank you.
opportunity-see-more = You can see the other opportunities that are open here: { $link }
    .easy = There are other things you can take part in. See them here: { $link }

## What happened to what you said
said-subject = What happened to what you told us
    .easy = What we did about what you said
said-you-told-us = On { $date } you told us: "{ $said }"
    .easy = On { $date } you said: "{ $said }"
said-done = We have done something about it:
    .easy = We did it. This is what we did:
said-will-do = We will do something about it by { $date }:
    .easy = We will do it by { $date }. This is what we will do:
said-cannot-do = We cannot do this, and this is why:
    .easy = We cannot do this. This is why:
said-being-considered = We are still thinking about it, and will tell you when we decide:
    .easy = We are still thinking about it. We will tell you when we decide.
said-see-more = You can see everything you told us, and what happened, at { $link }
    .easy = You can see what you told us, and what we did, at { $link }
