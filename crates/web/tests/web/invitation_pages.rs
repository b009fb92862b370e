//! Inviting people from the pages, the reply link a person follows without signing
//! in, answering from their own record, the letter to print, changing an activity
//! while someone else does, and calling it off: each bad input shown back with
//! what was typed kept.

use crate::support::{Browser, Site, organisation, site_tests};
use axum::http::{Method, StatusCode};
use coproduce_domain::account::Role;
use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::person::PersonDraft;

async fn person(store: &Site, draft: PersonDraft, contact: bool) -> i64 {
    let id = store
        .create_person(&draft.check(store.today()).unwrap(), store.now())
        .await
        .unwrap()
        .id;
    if contact {
        store
            .record_consent(
                id,
                &ConsentGiven {
                    purpose: Purpose::Contact,
                    given_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
                    method: ConsentMethod::Written,
                    given_by: None,
                },
                None,
                store.now(),
            )
            .await
            .unwrap();
    }
    id
}

fn draft(org: i64, name: &str, email: bool) -> PersonDraft {
    PersonDraft {
        organisation_id: org,
        name: name.into(),
        email: email.then(|| format!("{}@people.example", name.to_lowercase().replace(' ', "."))),
        address: (!email).then(|| "1 High Street, Leicester".to_string()),
        roles: vec!["carer".into()],
        ..PersonDraft::default()
    }
}

/// A published online activity a week from now, with `places`, made from the pages.
async fn activity(store: &Site, lead: &Browser, org: i64, places: &str) -> i64 {
    let r = lead
        .post(
            "/projects",
            &[
                ("title", "Carers' strategy"),
                ("stage", "design"),
                ("level", "service"),
                ("scope_and_limits", "The strategy for 2027"),
                ("cannot_change", "The budget"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let project = r.location.unwrap();
    let day = store.today() + chrono::Duration::days(7);
    let (d, m, y) = (
        day.format("%-d").to_string(),
        day.format("%-m").to_string(),
        day.format("%Y").to_string(),
    );
    let r = lead
        .post(
            &format!("{project}/activities"),
            &[
                ("title", "Carers' forum"),
                ("activity_type", "meeting"),
                ("mode", "virtual"),
                ("rung", "co-design"),
                ("date-day", &d),
                ("date-month", &m),
                ("date-year", &y),
                ("starts", "18:00"),
                ("ends", "19:30"),
                ("joining_link", "https://meet.example/carers"),
                ("places", places),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let a = r.location.unwrap();
    let r = lead.post(&format!("{a}/publish"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let _ = org;
    a.trim_start_matches("/activities/").parse().unwrap()
}

/// The reply link in the one email sent to `to`.
async fn reply_link(store: &Site, to: &str) -> String {
    store.run_jobs().await;
    let mail = store.mail.take();
    let m = mail.iter().find(|m| m.to == to).unwrap();
    let start = m.body.find("/reply/").unwrap();
    m.body[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

async fn public(store: &Site, method: Method, uri: &str, form: &str) -> crate::support::Reply {
    crate::support::request(
        store,
        crate::support::As::Public,
        method,
        uri,
        (!form.is_empty()).then_some(form),
        "application/x-www-form-urlencoded",
    )
    .await
}

async fn people_are_invited_and_answer_by_their_link(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_inv_lead").await;
    let a = activity(&store, &lead, org, "1").await;
    let ann = person(&store, draft(org, "Ann Lee", true), true).await;
    let eve = person(&store, draft(org, "Eve Post", false), true).await;
    let fay = person(&store, draft(org, "Fay Never", true), false).await;

    // Nobody ticked: refused, with the search kept.
    let r = lead
        .post(&format!("/activities/{a}/invitations"), &[("name", "lee")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Select at least one person to invite"));
    assert!(r.text.contains("value=\"lee\""));

    // A box naming another organisation's person is refused, and their name is not
    // shown.
    let other = organisation(&store, "Hilltop").await;
    let zed = person(&store, draft(other, "Zed Faraway", true), true).await;
    let r = lead
        .post(
            &format!("/activities/{a}/invitations"),
            &[("person_id", &zed.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("There is a problem"));
    assert!(!r.text.contains("Zed Faraway"));

    let search = lead
        .get(&format!("/activities/{a}/invitations/new?name=ann"))
        .await;
    assert_eq!(search.status, StatusCode::OK);
    assert!(search.text.contains("Ann Lee"));
    let r = lead
        .post(
            &format!("/activities/{a}/invitations"),
            &[
                ("person_id", &ann.to_string()),
                ("person_id", &eve.to_string()),
                ("person_id", &fay.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.text.contains("Sent by email"));
    assert!(
        r.text.contains("On the waiting list"),
        "one place: Eve waits"
    );
    assert!(r.text.contains("Not contacted") && r.text.contains("Fay Never"));

    let list = lead.get(&format!("/activities/{a}/invitations")).await;
    assert!(
        list.text
            .contains("1 of 1 places taken. 1 person is waiting.")
    );
    assert!(
        list.text.contains("1 High Street, Leicester"),
        "the address to post to"
    );

    // Ann follows her link, signed out.
    let link = reply_link(&store, "ann.lee@people.example").await;
    let page = public(&store, Method::GET, &link, "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Carers&#39; forum") || page.text.contains("Carers' forum"));
    assert!(page.text.contains("https://meet.example/carers"));
    // No answer chosen: told, nothing recorded.
    let r = public(&store, Method::POST, &link, "reply=").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose an answer"));
    // She cannot come: Eve, waiting, gets her place.
    let r = public(&store, Method::POST, &link, "reply=not-coming").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.text.contains("We have your answer: No, I cannot come."));
    let list = lead.get(&format!("/activities/{a}/invitations")).await;
    assert!(list.text.contains("Nobody is waiting."), "{}", list.text);
    // A link that is not one.
    let r = public(&store, Method::GET, "/reply/cpr_nonsense", "").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // After the meeting the link says so, and takes no answer.
    store.clock().advance(chrono::Duration::days(9));
    let r = public(&store, Method::GET, &link, "").await;
    assert!(r.text.contains("This meeting has ended"));
    assert!(
        !r.text.contains("meet.example"),
        "no joining link once it is over"
    );
    let r = public(&store, Method::POST, &link, "reply=coming").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let ann_now = store
        .invitations(a)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.person_id == ann)
        .unwrap();
    assert_eq!(
        ann_now.reply(),
        Some(coproduce_domain::invitation::Reply::NotComing),
        "her answer stands"
    );
}

async fn a_letter_is_made_in_the_print_the_person_needs(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_let_lead").await;
    let a = activity(&store, &lead, org, "").await;
    let eve = person(&store, draft(org, "Eve Post", false), true).await;
    store
        .add_need(
            eve,
            &coproduce_store::needs::NeedFields {
                need: coproduce_domain::needs::Need::LargePrint24,
                language: None,
                detail: None,
            },
            store.now(),
        )
        .await
        .unwrap();
    let r = lead
        .post(
            &format!("/activities/{a}/invitations"),
            &[("person_id", &eve.to_string())],
        )
        .await;
    assert!(r.text.contains("To phone or post"));
    let inv = store.invitations(a).await.unwrap()[0].id;
    let letter = lead
        .post(&format!("/activities/{a}/invitations/{inv}/letter"), &[])
        .await;
    assert_eq!(letter.status, StatusCode::OK, "{}", letter.text);
    assert!(letter.text.contains("app-letter--24"));
    assert!(letter.text.contains("1 High Street, Leicester"));
    assert!(letter.text.contains("http://coproduce.test/reply/cpr_"));
    // The organiser records the answer Eve posted back; a bad one is refused.
    let r = lead
        .post(
            &format!("/activities/{a}/invitations/{inv}/reply"),
            &[("reply", "perhaps")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Select their reply"));
    let r = lead
        .post(
            &format!("/activities/{a}/invitations/{inv}/reply"),
            &[("reply", "coming")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    // An invitation of another activity is not found under this one.
    let other = activity(&store, &lead, org, "").await;
    let r = lead
        .get(&format!("/activities/{other}/invitations/{inv}/reply"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

async fn a_person_answers_from_their_own_record(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_own_lead").await;
    let a = activity(&store, &lead, org, "").await;
    let ann = person(&store, draft(org, "Ann Lee", true), true).await;
    let bob = person(&store, draft(org, "Bob Khan", true), true).await;
    lead.post(
        &format!("/activities/{a}/invitations"),
        &[
            ("person_id", &ann.to_string()),
            ("person_id", &bob.to_string()),
        ],
    )
    .await;
    let me = Browser::as_role(&store, Role::Participant, Some(org), "cpt_own_ann").await;
    let account = store
        .account_by_email("own.ann@test.example")
        .await
        .unwrap()
        .unwrap();
    store
        .link_account_to_person(account.id, Some(ann))
        .await
        .unwrap();
    let page = me.get("/me").await;
    assert!(page.text.contains("Meetings you are invited to"));
    assert!(page.text.contains("Not answered yet"));
    let invited = store.invitations(a).await.unwrap();
    let mine = invited.iter().find(|i| i.person_id == ann).unwrap().id;
    let bobs = invited.iter().find(|i| i.person_id == bob).unwrap().id;
    let r = me
        .post(&format!("/me/invitations/{mine}"), &[("reply", "maybe")])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(me.get("/me").await.text.contains("I am not sure yet"));
    // Someone else's invitation does not exist for them.
    assert_eq!(
        me.get(&format!("/me/invitations/{bobs}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        me.post(&format!("/me/invitations/{bobs}"), &[("reply", "coming")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // Her calendar address, shown once; the feed holds the meeting.
    let r = me.post("/me/calendar", &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    let start = r.text.find("http://coproduce.test/calendar/").unwrap();
    let address: String = r.text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '<')
        .collect();
    let path = address.trim_start_matches("http://coproduce.test");
    let feed = public(&store, Method::GET, path, "").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.content_type.starts_with("text/calendar"));
    assert!(feed.text.contains("SUMMARY:Carers' forum"));
    assert!(
        me.get("/me")
            .await
            .text
            .contains("You made your calendar address on")
    );
    let none = public(&store, Method::GET, "/calendar/cpf_nothing.ics", "").await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    // In Polish.
    let pl = me
        .get_with_cookie(&format!("/me/invitations/{mine}"), "coproduce_language=pl")
        .await;
    assert!(pl.text.contains("Czy możesz przyjść?"), "{}", pl.text);
}

async fn two_people_change_an_activity_at_once_and_it_is_called_off(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let one = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_two_one").await;
    let two = Browser::as_role(&store, Role::Staff, Some(org), "cpt_two_two").await;
    let a = activity(&store, &one, org, "").await;
    let ann = person(&store, draft(org, "Ann Lee", true), true).await;
    one.post(
        &format!("/activities/{a}/invitations"),
        &[("person_id", &ann.to_string())],
    )
    .await;
    store.run_jobs().await;
    store.mail.take();

    // Both open the form at the same version.
    let form = one.get(&format!("/activities/{a}/edit")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("name=\"version\" value=\"0\""));
    assert!(form.text.contains("value=\"18:00\""));
    let day = store.today() + chrono::Duration::days(7);
    let (d, m, y) = (
        day.format("%-d").to_string(),
        day.format("%-m").to_string(),
        day.format("%Y").to_string(),
    );
    let fields = |title: &'static str, starts: &'static str| {
        vec![
            ("title", title),
            ("activity_type", "meeting"),
            ("mode", "virtual"),
            ("rung", "co-design"),
            ("starts", starts),
            ("ends", "20:00"),
            ("joining_link", "https://meet.example/carers"),
            ("version", "0"),
        ]
    };
    let mut first = fields("Carers' forum", "18:30");
    first.extend([
        ("date-day", d.as_str()),
        ("date-month", m.as_str()),
        ("date-year", y.as_str()),
    ]);
    let r = one.post(&format!("/activities/{a}"), &first).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let mut second = fields("Carers' forum, renamed", "17:00");
    second.extend([
        ("date-day", d.as_str()),
        ("date-month", m.as_str()),
        ("date-year", y.as_str()),
    ]);
    let r = two.post(&format!("/activities/{a}"), &second).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("Someone else changed this activity after you opened it")
    );
    assert!(
        r.text.contains("Carers&#39; forum, renamed") || r.text.contains("Carers' forum, renamed")
    );
    assert!(
        r.text.contains("name=\"version\" value=\"1\""),
        "saving again is a choice"
    );
    assert_eq!(store.activity(a).await.unwrap().title, "Carers' forum");
    // Ann was sent the change.
    store.run_jobs().await;
    let mail = store.mail.take();
    assert_eq!(mail.len(), 1);
    assert!(mail[0].subject.starts_with("Changed"));

    // Called off, after being asked.
    let ask = one.get(&format!("/activities/{a}/cancel")).await;
    assert!(
        ask.text
            .contains("The 1 person invited by email will be sent the cancellation")
    );
    let r = one.post(&format!("/activities/{a}/cancel"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = one.get(&format!("/activities/{a}")).await;
    assert!(page.text.contains("Cancelled on"));
    let r = one.post(&format!("/activities/{a}/cancel"), &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text.contains("already cancelled"));
    store.run_jobs().await;
    assert!(store.mail.take()[0].subject.starts_with("Cancelled"));
}

async fn a_reminder_is_set_with_the_organisers_words(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_rem_lead").await;
    let a = activity(&store, &lead, org, "").await;
    let form = lead.get(&format!("/activities/{a}/reminders/new")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("How many days before"));
    let r = lead
        .post(
            &format!("/activities/{a}/reminders"),
            &[
                ("days_before", "two"),
                ("at", "25:00"),
                ("words", "Bring <b>ideas</b>"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("Enter how many days before as a whole number")
    );
    assert!(r.text.contains("Enter the time as a 24-hour clock time"));
    assert!(
        r.text.contains("Bring &#60;b&#62;ideas&#60;/b&#62;"),
        "kept, escaped"
    );
    // After the meeting starts: named on the time.
    let r = lead
        .post(
            &format!("/activities/{a}/reminders"),
            &[("days_before", "0"), ("at", "23:00"), ("words", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("The reminder must go before the activity starts")
    );
    let r = lead
        .post(
            &format!("/activities/{a}/reminders"),
            &[
                ("days_before", "2"),
                ("at", "10:00"),
                ("words", "Bring your ideas."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let list = lead.get(&format!("/activities/{a}/invitations")).await;
    assert!(list.text.contains("Not sent yet") && list.text.contains("Bring your ideas."));
}

async fn a_meeting_is_closed_from_its_page(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_close_lead").await;
    let a = activity(&store, &lead, org, "").await;
    let ann = person(&store, draft(org, "Ann Lee", true), true).await;
    lead.post(
        &format!("/activities/{a}/invitations"),
        &[("person_id", &ann.to_string())],
    )
    .await;
    let sheet = lead.get(&format!("/activities/{a}/sign-in-sheet")).await;
    assert_eq!(sheet.status, StatusCode::OK);
    assert!(sheet.text.contains("Ann Lee") && sheet.text.contains("Signature"));
    // Not started: the notes are refused, what was typed kept.
    let r = lead
        .post(
            &format!("/activities/{a}/close"),
            &[("notes", "Agreed <b>three</b>")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text.contains("once the activity has started"));
    assert!(r.text.contains("Agreed &#60;b&#62;three&#60;/b&#62;"));
    // Sessions last 12 hours at most: the meeting is a week away, so sign in anew.
    store
        .clock()
        .advance(chrono::Duration::days(7) + chrono::Duration::hours(12));
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_close_lead2").await;
    let r = lead
        .post(
            &format!("/activities/{a}/attendance"),
            &[
                ("person_id", &ann.to_string()),
                ("status", "attended"),
                ("minutes", "an hour"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("Enter how long they took part as a whole number of minutes")
    );
    let r = lead
        .post(
            &format!("/activities/{a}/attendance"),
            &[
                ("person_id", &ann.to_string()),
                ("status", "attended"),
                ("minutes", "60"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let r = lead
        .post(
            &format!("/activities/{a}/close"),
            &[("notes", "Agreed three priorities.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&format!("/activities/{a}")).await;
    assert!(page.text.contains("Agreed three priorities."));
    assert!(page.text.contains("60 minutes"));
}

async fn access_support_is_booked_and_met_from_the_pages(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_prov_lead").await;
    let a = activity(&store, &lead, org, "").await;
    let ann = person(&store, draft(org, "Ann Lee", true), true).await;
    store
        .record_consent(
            ann,
            &ConsentGiven {
                purpose: Purpose::ShareNeeds,
                given_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
                method: ConsentMethod::Written,
                given_by: None,
            },
            None,
            store.now(),
        )
        .await
        .unwrap();
    store
        .add_need(
            ann,
            &coproduce_store::needs::NeedFields {
                need: coproduce_domain::needs::Need::EasyRead,
                language: None,
                detail: None,
            },
            store.now(),
        )
        .await
        .unwrap();
    lead.post(
        &format!("/activities/{a}/invitations"),
        &[("person_id", &ann.to_string())],
    )
    .await;
    let page = lead.get(&format!("/activities/{a}/provision")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Easy Read x1") && page.text.contains("Not booked"));
    assert!(!page.text.contains("Ann Lee"), "counts, not names");
    let book = format!("/activities/{a}/provision/book");
    let r = lead
        .post(
            &book,
            &[
                ("need", "easy-read"),
                ("language", ""),
                ("booked_with", ""),
                ("cost", "lots"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("is not an amount of money"), "{}", r.text);
    let r = lead
        .post(
            &book,
            &[
                ("need", "easy-read"),
                ("language", ""),
                ("booked_with", ""),
                ("cost", "45"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("Booked from (an agency, supplier or team) must not be empty"),
        "{}",
        r.text
    );
    let r = lead
        .post(
            &book,
            &[
                ("need", "easy-read"),
                ("language", ""),
                ("booked_with", "Easy Read Co"),
                ("cost", "45.50"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&format!("/activities/{a}/provision")).await;
    assert!(
        page.text.contains("from Easy Read Co") && page.text.contains("£45.50"),
        "{}",
        page.text
    );
    // A need nobody coming has is not on the list.
    let r = lead
        .post(
            &book,
            &[
                ("need", "bsl-interpreter"),
                ("language", ""),
                ("booked_with", "Signs Ltd"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let outcome = format!("/activities/{a}/provision/outcome");
    let r = lead
        .post(
            &outcome,
            &[
                ("need", "easy-read"),
                ("language", ""),
                ("met", "no"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text.contains("once the activity has started"));
    store
        .clock()
        .advance(chrono::Duration::days(7) + chrono::Duration::hours(12));
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_prov_lead2").await;
    let r = lead
        .post(
            &outcome,
            &[
                ("need", "easy-read"),
                ("language", ""),
                ("met", "no"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("must not be empty"));
    let r = lead
        .post(
            &outcome,
            &[
                ("need", "easy-read"),
                ("language", ""),
                ("met", "no"),
                ("reason", "Papers came late"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let dash = lead.get(&format!("/organisations/{org}")).await;
    assert!(
        dash.text
            .contains("1 access need of someone coming to an activity was recorded as not met")
    );
}

async fn a_reminder_is_removed_from_the_page_and_the_api(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_rem_lead").await;
    let a = activity(&store, &lead, org, "").await;
    for days in ["1", "2"] {
        let r = lead
            .post(
                &format!("/activities/{a}/reminders"),
                &[
                    ("days_before", days),
                    ("at", "10:00"),
                    ("words", "See you soon"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    }
    let list = crate::support::get(&store, &format!("/api/v1/activities/{a}/reminders")).await;
    let ids: Vec<i64> = list
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    let page = lead.get(&format!("/activities/{a}/invitations")).await;
    assert!(page.text.contains(&format!("/reminders/{}/remove", ids[0])));
    let r = lead
        .post(&format!("/activities/{a}/reminders/{}/remove", ids[0]), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&format!("/activities/{a}/invitations")).await;
    assert!(!page.text.contains(&format!("/reminders/{}/remove", ids[0])));
    let r = crate::support::post(
        &store,
        &format!("/api/v1/activities/{a}/reminders/{}/remove", ids[1]),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Gone: not found the second time, and a made-up id too.
    let r = crate::support::post(
        &store,
        &format!("/api/v1/activities/{a}/reminders/{}/remove", ids[1]),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = lead
        .post(&format!("/activities/{a}/reminders/abc/remove"), &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

async fn phoning_or_posting_is_recorded(store: Site) {
    let org = organisation(&store, "Riverside").await;
    let lead = Browser::as_role(&store, Role::InvolvementLead, Some(org), "cpt_contact_lead").await;
    let a = activity(&store, &lead, org, "").await;
    let ann = person(&store, draft(org, "Ann Lee", true), true).await;
    let eve = person(&store, draft(org, "Eve Post", false), true).await;
    let r = lead
        .post(
            &format!("/activities/{a}/invitations"),
            &[
                ("person_id", &ann.to_string()),
                ("person_id", &eve.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let list = crate::support::get(&store, &format!("/api/v1/activities/{a}/invitations")).await;
    let json = list.json();
    let items = json["items"]
        .as_array()
        .or(json.as_array())
        .unwrap()
        .clone();
    let id_of = |p: i64| {
        items.iter().find(|i| i["person_id"] == p).unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let page = lead.get(&format!("/activities/{a}/invitations")).await;
    assert_eq!(
        page.text.matches("Mark as phoned or posted today").count(),
        1
    );
    let r = lead
        .post(
            &format!("/activities/{a}/invitations/{}/contacted", id_of(eve)),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = lead.get(&format!("/activities/{a}/invitations")).await;
    assert!(page.text.contains("Contacted "));
    // Someone sent an email is not contacted by hand.
    let r = crate::support::post(
        &store,
        &format!("/api/v1/invitations/{}/contacted", id_of(ann)),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    let r = crate::support::post(
        &store,
        &format!("/api/v1/invitations/{}/contacted", id_of(eve)),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.json()["contacted_at"].is_string());
}

site_tests!(
    phoning_or_posting_is_recorded,
    a_reminder_is_removed_from_the_page_and_the_api,
    access_support_is_booked_and_met_from_the_pages,
    a_meeting_is_closed_from_its_page,
    a_reminder_is_set_with_the_organisers_words,
    people_are_invited_and_answer_by_their_link,
    a_letter_is_made_in_the_print_the_person_needs,
    a_person_answers_from_their_own_record,
    two_people_change_an_activity_at_once_and_it_is_called_off,
);
