//! Recording the work from the web pages: projects, activities, "you said, we did",
//! with every bad input shown back with its error and what was typed kept.

use crate::support::Browser;
use crate::support::{Site, site_tests};
use axum::http::StatusCode;
use coproduce_domain::account::Role;
use coproduce_store::organisations::OrganisationFields;

/// A member of staff of a new organisation, signed in.
async fn staff(store: &Site) -> (Browser, i64) {
    let org = store
        .create_organisation(
            &OrganisationFields {
                name: "Trust".into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    (
        Browser::as_role(store, Role::Staff, Some(org), "cpt_work_staff").await,
        org,
    )
}

async fn a_project_is_started_and_changed_from_the_pages(store: Site) {
    let (staff, org) = staff(&store).await;
    assert!(
        staff
            .get("/projects/new")
            .await
            .text
            .contains("Start a project")
    );
    let r = staff
        .post(
            "/projects",
            &[
                ("title", "  "),
                ("stage", "planning"),
                ("scope_and_limits", "<b>kept</b>"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Project name must not be empty",
        "Choose the stage the project is at",
        "Choose the level at which people take part",
    ] {
        assert!(r.text.contains(message), "{message}: {}", r.text);
    }
    assert!(
        r.text.contains("&#60;b&#62;kept&#60;/b&#62;"),
        "what was typed is kept, escaped"
    );
    assert!(
        r.text.contains("href=\"#stage\""),
        "the summary links to the first radio"
    );
    let r = staff
        .post(
            "/projects",
            &[
                ("title", "Falls prevention"),
                ("stage", "initiation"),
                ("level", "service"),
                (
                    "scope_and_limits",
                    "We can change the leaflet, not the budget.",
                ),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let path = r.location.unwrap();
    let page = staff.get(&path).await;
    assert!(
        page.text.contains("Falls prevention") && page.text.contains("We can change the leaflet")
    );
    let p = store
        .project(path.trim_start_matches("/projects/").parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        p.organisation_id, org,
        "staff start projects in their own organisation"
    );
    let r = staff
        .post(
            &path,
            &[
                ("title", "Falls prevention, phase 2"),
                ("stage", "design"),
                ("level", "service"),
                ("scope_and_limits", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = staff.get(&path).await;
    assert!(page.text.contains("phase 2") && page.text.contains("Not stated yet"));
    assert!(staff.get("/projects").await.text.contains("phase 2"));
    // Another organisation is out of reach, even by typing its id into the form.
    let r = staff
        .post(
            "/projects",
            &[
                ("organisation_id", "999"),
                ("title", "x"),
                ("stage", "design"),
                ("level", "service"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "the organisation field is ignored for staff"
    );
}

async fn activities_are_added_in_london_time(store: Site) {
    let (staff, _) = staff(&store).await;
    let r = staff
        .post(
            "/projects",
            &[
                ("title", "Night services"),
                ("stage", "design"),
                ("level", "service"),
            ],
        )
        .await;
    let project = r.location.unwrap();
    let add = format!("{project}/activities");
    let good = [
        ("title", "Night workshop"),
        ("activity_type", "workshop"),
        ("mode", "face-to-face"),
        ("rung", "co-design"),
    ];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut v: Vec<(&str, &str)> = good.to_vec();
        v.extend_from_slice(extra);
        v
    };
    let r = staff
        .post(
            &add,
            &with(&[
                ("date-day", "29"),
                ("date-month", "3"),
                ("date-year", "2026"),
                ("starts", "01:30"),
                ("ends", "03:00"),
            ]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("does not exist in London"), "{}", r.text);
    let r = staff
        .post(
            &add,
            &with(&[
                ("date-day", "31"),
                ("date-month", "2"),
                ("date-year", "2026"),
                ("starts", "half ten"),
                ("ends", ""),
            ]),
        )
        .await;
    assert!(r.text.contains("The date must be a real date"));
    assert!(
        r.text
            .contains("Enter the start time as hours and minutes, like 14:30")
    );
    assert!(r.text.contains("Enter the end time"));
    assert!(r.text.contains("value=\"half ten\""));
    let r = staff
        .post(
            &add,
            &with(&[
                ("date-day", "1"),
                ("date-month", "5"),
                ("date-year", "2026"),
                ("starts", "12:00"),
                ("ends", "11:00"),
            ]),
        )
        .await;
    assert!(
        r.text.contains("The end time must be after the start time"),
        "{}",
        r.text
    );
    let r = staff
        .post(
            &add,
            &with(&[
                ("date-day", "25"),
                ("date-month", "10"),
                ("date-year", "2026"),
                ("starts", "00:30"),
                ("ends", "03:30"),
            ]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let activity = r.location.unwrap();
    let page = staff.get(&activity).await;
    assert!(
        page.text.contains("Sunday 25 October 2026, 00:30 to 03:30"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Co-design"));
}

async fn you_said_we_did_is_recorded_and_answered(store: Site) {
    let (staff, _) = staff(&store).await;
    let project = staff
        .post(
            "/projects",
            &[
                ("title", "Maternity"),
                ("stage", "design"),
                ("level", "service"),
            ],
        )
        .await
        .location
        .unwrap();
    let activity = staff
        .post(
            &format!("{project}/activities"),
            &[
                ("title", "Listening event"),
                ("activity_type", "event"),
                ("mode", "hybrid"),
                ("rung", "engagement"),
                ("date-day", "1"),
                ("date-month", "5"),
                ("date-year", "2026"),
                ("starts", "10:00"),
                ("ends", "12:00"),
            ],
        )
        .await
        .location
        .unwrap();
    let r = staff
        .post(&format!("{activity}/inputs"), &[("said", "")])
        .await;
    assert!(r.text.contains("What people said must not be empty"));
    let r = staff
        .post(
            &format!("{activity}/inputs"),
            &[("said", "Provide interpreters <please>")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = staff.get(&activity).await;
    assert!(
        page.text.contains("Provide interpreters &#60;please&#62;")
            && page.text.contains("Not fed back yet")
    );
    let input: String = page
        .text
        .split("/inputs/")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let at = format!("/inputs/{input}");
    let owner = store
        .input(input.parse().unwrap())
        .await
        .unwrap()
        .owner_account_id
        .expect("whoever records it owns it")
        .to_string();
    let page = staff.get(&at).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("Provide interpreters &#60;please&#62;"));
    assert!(page.text.contains("No answer yet") && page.text.contains("Feedback due by"));
    let form = staff.get(&format!("{at}/respond")).await;
    assert!(form.text.contains("Give a response"));
    assert!(
        form.text.contains(&format!("value=\"{owner}\" selected")),
        "the owner is chosen already"
    );
    // Nothing chosen or written: each named.
    let r = staff
        .post(
            &format!("{at}/respond"),
            &[("status", ""), ("response", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose whether it was done"), "{}", r.text);
    assert!(r.text.contains("Choose who answers for it"), "{}", r.text);
    // "Will do" without a date, and with one that is not real: the words are kept.
    let will = [
        ("status", "will-do"),
        ("response", "We will book interpreters"),
        ("owner_account_id", owner.as_str()),
    ];
    let r = staff.post(&format!("{at}/respond"), &will).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("Enter the date by when it will be done"),
        "{}",
        r.text
    );
    assert!(r.text.contains("We will book interpreters"));
    let mut not_real = will.to_vec();
    not_real.extend([
        ("will_do_by-day", "40"),
        ("will_do_by-month", "5"),
        ("will_do_by-year", "2027"),
    ]);
    let r = staff.post(&format!("{at}/respond"), &not_real).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Done by must be a real date"), "{}", r.text);
    let r = staff
        .post(
            &format!("{at}/respond"),
            &[
                ("status", "done"),
                ("response", "Interpreters are booked for every event."),
                ("owner_account_id", owner.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = staff.get(&at).await.text;
    assert!(
        page.contains("Interpreters are booked for every event.") && page.contains("We did it")
    );
    assert!(page.contains("Every response") && page.contains("Given on"));
    // Nobody was named: the answer was read out at the next meeting.
    let today = store.today();
    let (d, m, y) = (
        today.format("%-d").to_string(),
        today.format("%-m").to_string(),
        today.format("%Y").to_string(),
    );
    let tomorrow = today + chrono::Duration::days(1);
    let r = staff
        .post(
            &format!("{at}/fed-back"),
            &[
                ("fed_back_on-day", &tomorrow.format("%-d").to_string()),
                ("fed_back_on-month", &tomorrow.format("%-m").to_string()),
                ("fed_back_on-year", &tomorrow.format("%Y").to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("in the future"), "{}", r.text);
    let r = staff
        .post(
            &format!("{at}/fed-back"),
            &[
                ("fed_back_on-day", &d),
                ("fed_back_on-month", &m),
                ("fed_back_on-year", &y),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    // Changing what was said: a due day before it was said is refused, kept.
    let yesterday = today - chrono::Duration::days(1);
    let r = staff
        .post(
            &at,
            &[
                ("said", "Provide interpreters"),
                ("themes", "Language, access"),
                ("anonymous_count", "4"),
                ("received_on-day", &d),
                ("received_on-month", &m),
                ("received_on-year", &y),
                ("due_on-day", &yesterday.format("%-d").to_string()),
                ("due_on-month", &yesterday.format("%-m").to_string()),
                ("due_on-year", &yesterday.format("%Y").to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Language, access"));
    assert!(r.text.contains("Feedback due by"), "{}", r.text);
    let r = staff
        .post(
            &at,
            &[
                ("said", "Provide interpreters"),
                ("themes", "Language, access"),
                ("anonymous_count", "4"),
                ("received_on-day", &d),
                ("received_on-month", &m),
                ("received_on-year", &y),
                ("due_on-day", &d),
                ("due_on-month", &m),
                ("due_on-year", &y),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = staff.get(&at).await.text;
    assert!(page.contains("access, language") && page.contains("4 people not named"));
    let page = staff.get(&activity).await;
    assert!(page.text.contains("Interpreters are booked") && page.text.contains("Fed back"));
    let list = staff.get("/inputs").await.text;
    assert!(list.contains("Provide interpreters"));
    let overdue = staff.get("/inputs?show=overdue").await.text;
    assert!(overdue.contains("Nothing is overdue."));
}

/// An outcome is recorded from an input's page, with the inputs behind it ticked;
/// bad values are named and kept; evidence is added and downloaded; and the API
/// says the same.
async fn outcomes_are_recorded_with_their_inputs_and_evidence(store: Site) {
    let (staff, org) = staff(&store).await;
    let (_, _, activity) = crate::support::seed_in(&store, org).await;
    let r = crate::support::post(
        &store,
        "/api/v1/inputs",
        serde_json::json!({"activity_id": activity, "said": "Meet in the evening", "received_on": store.today().to_string()}),
    )
    .await;
    let input = r.json()["id"].as_i64().unwrap();
    let page = staff.get(&format!("/inputs/{input}")).await.text;
    assert!(page.contains("It has not led to a recorded change yet."));
    let form = staff.get(&format!("/outcomes/new?input={input}")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.text.contains(&format!("value=\"{input}\" checked")),
        "the input it came from is ticked"
    );
    let today = store.today();
    let tomorrow = today + chrono::Duration::days(1);
    let (d, m, y) = (
        today.format("%-d").to_string(),
        today.format("%-m").to_string(),
        today.format("%Y").to_string(),
    );
    let org_s = org.to_string();
    let input_s = input.to_string();
    let r = staff
        .post(
            "/outcomes",
            &[
                ("organisation_id", &org_s),
                ("title", "Evening meetings"),
                ("kind", ""),
                ("happened_on-day", &tomorrow.format("%-d").to_string()),
                ("happened_on-month", &tomorrow.format("%-m").to_string()),
                ("happened_on-year", &tomorrow.format("%Y").to_string()),
                ("impact", ""),
                ("inputs", &input_s),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("Choose what kind of change it was"),
        "{}",
        r.text
    );
    assert!(
        r.text.contains("What difference it made must not be empty"),
        "{}",
        r.text
    );
    assert!(r.text.contains("in the future"), "{}", r.text);
    assert!(
        r.text.contains("Evening meetings"),
        "what was typed is kept"
    );
    let r = staff
        .post(
            "/outcomes",
            &[
                ("organisation_id", &org_s),
                ("title", "Evening meetings"),
                ("kind", "service"),
                ("happened_on-day", &d),
                ("happened_on-month", &m),
                ("happened_on-year", &y),
                ("impact", "Carers who work can come."),
                ("inputs", &input_s),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let at = r.location.unwrap();
    let page = staff.get(&at).await.text;
    assert!(page.contains("Carers who work can come.") && page.contains("Meet in the evening"));
    let page = staff.get(&format!("/inputs/{input}")).await.text;
    assert!(
        page.contains("Evening meetings"),
        "the input says what it led to"
    );
    // Evidence: a program named as a PDF is refused, the title kept; a text file
    // is kept and downloaded.
    let r = staff
        .upload_with(
            &format!("{at}/evidence"),
            &[("title", "The leaflet")],
            "leaflet.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00",
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("The leaflet") && r.text.contains("named as a PDF"),
        "{}",
        r.text
    );
    let r = staff
        .upload_with(
            &format!("{at}/evidence"),
            &[("title", "Timetable")],
            "timetable.txt",
            b"Meetings now start at 6pm.",
            true,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = staff.get(&at).await.text;
    let link = page
        .split(&format!("{at}/evidence/"))
        .nth(1)
        .unwrap()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>();
    let file = staff.get(&format!("{at}/evidence/{link}")).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.text, "Meetings now start at 6pm.");
    // The API says the same, and refuses an input of another organisation.
    let id = at.trim_start_matches("/outcomes/");
    let api = crate::support::get(&store, &format!("/api/v1/outcomes/{id}"))
        .await
        .json();
    assert_eq!(api["inputs"], serde_json::json!([input]));
    assert_eq!(api["evidence"][0]["file_name"], "timetable.txt");
    let other = crate::support::organisation(&store, "Elsewhere").await;
    let r = crate::support::post(
        &store,
        &format!("/api/v1/organisations/{other}/outcomes"),
        serde_json::json!({"title": "Taken", "kind": "policy", "happened_on": today.to_string(), "impact": "None", "inputs": [input]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["inputs"]);
    let r = crate::support::post(
        &store,
        &format!("/api/v1/outcomes/{id}/evidence"),
        serde_json::json!({"title": "Leaflet", "file_name": "leaflet.pdf", "content_base64": "TVqQAAMAAAAEAAAA//8AAA=="}),
    )
    .await;
    assert_eq!(r.fields(), ["content_base64"]);
    let figures = crate::support::get(
        &store,
        &format!("/api/v1/organisations/{org}/indicators/you-said-we-did"),
    )
    .await
    .json();
    assert_eq!(figures["all"]["received"], 1);
    assert_eq!(figures["all"]["led_to_outcome"], 1);
    assert!(
        figures["all"]["median_days_to_feedback"].is_null(),
        "{figures}"
    );
    let list = staff.get("/outcomes").await.text;
    assert!(list.contains("Evening meetings"));
}

/// An answered input is published from its page, held back while it names someone
/// or holds an email or phone number; the public page, its feed and its CSV show it
/// to anyone, and no one's name.
async fn the_public_page_shows_what_was_approved(store: Site) {
    let (staff, org) = staff(&store).await;
    let (_, project, activity) = crate::support::seed_in(&store, org).await;
    let r = crate::support::post(
        &store,
        "/api/v1/inputs",
        serde_json::json!({"activity_id": activity, "said": "Email me at sam@example.org about the ramp", "received_on": store.today().to_string()}),
    )
    .await;
    let input = r.json()["id"].as_i64().unwrap();
    // Recorded through the API by an administrator, it has no owner yet: the form
    // offers the member of staff answering it.
    let form = staff.get(&format!("/inputs/{input}/respond")).await.text;
    let owner: String = form
        .split("\" selected")
        .next()
        .and_then(|before| before.rsplit("value=\"").next())
        .unwrap()
        .to_string();
    let r = staff
        .post(
            &format!("/inputs/{input}/respond"),
            &[
                ("status", "done"),
                ("response", "The ramp is rebuilt."),
                ("owner_account_id", owner.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let r = staff.post(&format!("/inputs/{input}/publish"), &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("What people said holds an email address"),
        "{}",
        r.text
    );
    let public = crate::support::request(
        &store,
        crate::support::As::Public,
        axum::http::Method::GET,
        &format!("/you-said-we-did/{org}"),
        None,
        "",
    )
    .await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.text.contains("Nothing has been published yet."));
    // Anonymised and published through the API.
    let r = crate::support::put(
        &store,
        &format!("/api/v1/inputs/{input}"),
        serde_json::json!({"activity_id": activity, "said": "Please rebuild the ramp", "received_on": store.today().to_string()}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = crate::support::post(
        &store,
        &format!("/api/v1/inputs/{input}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["said"], "Please rebuild the ramp");
    let get = |uri: String| {
        let store = store.clone();
        async move {
            crate::support::request(
                &store,
                crate::support::As::Public,
                axum::http::Method::GET,
                &uri,
                None,
                "",
            )
            .await
        }
    };
    let public = get(format!("/you-said-we-did/{org}?project={project}")).await;
    assert!(
        public.text.contains("Please rebuild the ramp")
            && public.text.contains("The ramp is rebuilt.")
    );
    let feed = get(format!("/you-said-we-did/{org}/feed.atom")).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(
        feed.text.contains("<feed") && feed.text.contains("Please rebuild the ramp"),
        "{}",
        feed.text
    );
    let csv = get(format!("/you-said-we-did/{org}/you-said-we-did.csv")).await;
    let mut lines = csv.text.lines();
    assert_eq!(
        lines.next(),
        Some("received_on,project,you_said,status,we_did,will_do_by,led_to,published_on")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .contains("Please rebuild the ramp,done,The ramp is rebuilt.")
    );
    // Not found: an organisation that does not exist, another's project, an id that
    // is not one.
    for uri in [
        "/you-said-we-did/999999".to_string(),
        format!("/you-said-we-did/{org}?project=999999"),
        "/you-said-we-did/x/feed.atom".to_string(),
    ] {
        assert_eq!(
            get(uri.clone()).await.status,
            StatusCode::NOT_FOUND,
            "{uri}"
        );
    }
    // Someone not signed in reaches it from the list of organisations.
    let home = get("/".to_string()).await;
    assert!(
        home.text
            .contains(&format!("href=\"/you-said-we-did/{org}\""))
    );
    let r = staff.post(&format!("/inputs/{input}/unpublish"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        get(format!("/you-said-we-did/{org}"))
            .await
            .text
            .contains("Nothing has been published yet.")
    );
}

async fn other_organisations_work_is_not_found(store: Site) {
    let (staff, _) = staff(&store).await;
    let other = store
        .create_organisation(
            &OrganisationFields {
                name: "Other".into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let p = crate::support::post(&store, "/api/v1/projects", serde_json::json!({"organisation_id": other, "title": "Secret", "stage": "design", "level": "service"})).await;
    let id = p.json()["id"].as_i64().unwrap();
    for uri in [
        format!("/projects/{id}"),
        format!("/projects/{id}/edit"),
        format!("/projects/{id}/activities/new"),
    ] {
        let r = staff.get(&uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!r.text.contains("Secret"));
    }
    let r = staff
        .post(
            &format!("/projects/{id}"),
            &[
                ("title", "Taken"),
                ("stage", "design"),
                ("level", "service"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!staff.get("/projects").await.text.contains("Secret"));
}

/// A project says who leads it, the rung it aims for, its budget, what cannot change,
/// its partners and the history of its stages; each bad value is named and kept.
async fn a_project_says_its_budget_partners_and_stages(store: Site) {
    let (staff, org) = staff(&store).await;
    let healthwatch = crate::support::organisation(&store, "Healthwatch Northvale").await;
    let base = [
        ("title", "Crisis care"),
        ("stage", "initiation"),
        ("level", "service"),
        (
            "scope_and_limits",
            "How crews respond to mental health calls",
        ),
        ("cannot_change", "Response targets: set nationally"),
        ("target_rung", "co-production"),
    ];
    // Money as people write it, and what is not money.
    for bad in ["£12.345", "-5", "twelve pounds", "1,25"] {
        let mut pairs = base.to_vec();
        pairs.push(("budget", bad));
        let r = staff.post("/projects", &pairs).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(
            r.text.contains("is not an amount of money"),
            "{bad}: {}",
            r.text
        );
        assert!(
            r.text.contains("Response targets: set nationally"),
            "what was typed is kept"
        );
    }
    assert!(
        store
            .projects(
                coproduce_store::PageRequest::first(5),
                coproduce_store::Within::All
            )
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let mut pairs = base.to_vec();
    pairs.push(("budget", "£1,250.50"));
    let r = staff.post("/projects", &pairs).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let project = r.location.unwrap();
    let id: i64 = project.trim_start_matches("/projects/").parse().unwrap();
    let page = staff.get(&project).await.text;
    assert!(page.contains("£1,250.50") && page.contains("Co-production"));
    assert!(page.contains("Response targets: set nationally"));
    assert!(page.contains("No one has come to an activity of this project yet"));
    // Partners, on a page of their own.
    let partners = format!("{project}/partners");
    let form = staff.get(&partners).await.text;
    assert!(form.contains("Healthwatch Northvale"));
    assert!(
        !form.contains(&format!("name=\"part-{org}\"")),
        "not its own organisation"
    );
    let r = staff
        .post(&partners, &[(&format!("part-{healthwatch}"), "wizard")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Choose from the list"));
    let r = staff
        .post(&partners, &[(&format!("part-{org}"), "healthwatch")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("is the project&#39;s own organisation"),
        "{}",
        r.text
    );
    let r = staff
        .post(
            &partners,
            &[(&format!("part-{healthwatch}"), "healthwatch")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert!(
        staff
            .get(&project)
            .await
            .text
            .contains("Healthwatch Northvale: Healthwatch")
    );
    // A new stage cannot begin before the last one did; the partners stay.
    let mut pairs = base.to_vec();
    pairs.extend([
        ("stage", "design"),
        ("budget", "1250.50"),
        ("stage_began_on-day", "1"),
        ("stage_began_on-month", "1"),
        ("stage_began_on-year", "2020"),
    ]);
    pairs.retain(|(k, v)| *k != "stage" || *v == "design");
    let r = staff.post(&project, &pairs).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text
            .contains("cannot be before the stage before it began"),
        "{}",
        r.text
    );
    pairs.retain(|(k, _)| !k.starts_with("stage_began_on"));
    let r = staff.post(&project, &pairs).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let stages = store.stage_history(id).await.unwrap();
    assert_eq!(stages.len(), 2);
    assert_eq!(store.partners(id).await.unwrap().len(), 1);
    // The API tells the same, and refuses a lead of another organisation.
    let api = crate::support::get(&store, &format!("/api/v1/projects/{id}"))
        .await
        .json();
    assert_eq!(api["budget_pence"], 125_050);
    assert_eq!(api["partners"][0]["part"], "healthwatch");
    assert_eq!(api["stages"].as_array().unwrap().len(), 2);
    assert_eq!(api["involved_from_the_start"], serde_json::Value::Null);
    let lead =
        crate::support::account_with_token(&store, Role::Staff, Some(healthwatch), "cpt_hw_staff")
            .await;
    let r = crate::support::put(
        &store,
        &format!("/api/v1/projects/{id}"),
        serde_json::json!({"organisation_id": org, "title": "Crisis care", "stage": "design",
            "level": "service", "lead_account_id": lead}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.fields(), ["lead_account_id"]);
}

/// An activity is a draft until published, and cannot be published before its
/// project says what people can change and what they cannot; the page says why.
async fn an_activity_is_published_once_its_project_states_its_limits(store: Site) {
    let (staff, _) = staff(&store).await;
    let project = staff
        .post(
            "/projects",
            &[
                ("title", "Maternity"),
                ("stage", "design"),
                ("level", "service"),
                ("scope_and_limits", "How we listen to new parents"),
            ],
        )
        .await
        .location
        .unwrap();
    let activity = staff
        .post(
            &format!("{project}/activities"),
            &[
                ("title", "Listening event"),
                ("activity_type", "event"),
                ("mode", "hybrid"),
                ("rung", "engagement"),
                ("date-day", "1"),
                ("date-month", "9"),
                ("date-year", "2026"),
                ("starts", "10:00"),
                ("ends", "12:00"),
            ],
        )
        .await
        .location
        .unwrap();
    let id: i64 = activity.trim_start_matches("/activities/").parse().unwrap();
    let page = staff.get(&activity).await.text;
    assert!(page.contains("Draft: not published yet") && page.contains("Not ready to publish"));
    assert!(!page.contains(&format!("action=\"{activity}/publish\"")));
    let r = staff.post(&format!("{activity}/publish"), &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text.contains("Not ready to publish"));
    assert_eq!(store.activity(id).await.unwrap().published_at, None);
    let api = crate::support::post(
        &store,
        &format!("/api/v1/activities/{id}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(api.status, StatusCode::CONFLICT, "{}", api.text);
    // Once the project says what cannot change, it can be published, once.
    let r = staff
        .post(
            &project,
            &[
                ("title", "Maternity"),
                ("stage", "design"),
                ("level", "service"),
                ("scope_and_limits", "How we listen to new parents"),
                (
                    "cannot_change",
                    "The number of midwives: it is set by the budget",
                ),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    // It is a hybrid event: it needs a venue and a joining link too.
    let page = staff.get(&activity).await.text;
    assert!(
        page.contains("there is no venue yet") && page.contains("there is no joining link yet")
    );
    let api = crate::support::post(
        &store,
        &format!("/api/v1/activities/{id}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(api.status, StatusCode::CONFLICT);
    assert!(
        api.text.contains("needs a venue") && api.text.contains("needs a joining link"),
        "{}",
        api.text
    );
    let project_id = store.activity(id).await.unwrap().project_id;
    let organisation = store.project(project_id).await.unwrap().organisation_id;
    let hall = store.create_venue_for_test(organisation, "Town Hall").await;
    let elsewhere = crate::support::organisation(&store, "Elsewhere").await;
    let theirs = store.create_venue_for_test(elsewhere, "Their Hall").await;
    let details = |venue: i64, link: &str| {
        serde_json::json!({"project_id": project_id, "title": "Listening event", "activity_type": "event",
            "mode": "hybrid", "rung": "engagement", "starts_at": "2026-09-01T10:00", "ends_at": "2026-09-01T12:00",
            "venue_id": venue, "joining_link": link, "chair": "Grace Mensah", "places": 30, "debrief_minutes": 20})
    };
    let at = format!("/api/v1/activities/{id}");
    let r = crate::support::put(&store, &at, details(theirs, "https://meet.example.org/x")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["venue_id"], "another organisation's venue");
    let r = crate::support::put(&store, &at, details(hall, "ftp://files.example.org")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["joining_link"]);
    let r = crate::support::put(
        &store,
        &at,
        details(hall, "https://meet.example.org/listening"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["venue_name"], "Town Hall");
    let page = staff.get(&activity).await.text;
    assert!(page.contains("Grace Mensah") && page.contains("https://meet.example.org/listening"));
    assert!(
        staff
            .get(&activity)
            .await
            .text
            .contains(&format!("action=\"{activity}/publish\""))
    );
    let r = staff.post(&format!("{activity}/publish"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let first = store.activity(id).await.unwrap().published_at;
    assert!(first.is_some());
    assert!(
        !staff
            .get(&activity)
            .await
            .text
            .contains("Draft: not published yet")
    );
    store.clock().advance(chrono::Duration::hours(1));
    let api = crate::support::post(
        &store,
        &format!("/api/v1/activities/{id}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.text);
    assert_eq!(
        api.json()["published_at"],
        coproduce_domain::time::machine(first.unwrap()),
        "published once"
    );
}

/// An activity's form takes its venue, joining link, chair, places and debrief; a
/// number that is not one is named, and what was typed is kept.
async fn an_activity_is_planned_with_its_venue_and_details(store: Site) {
    let (staff, org) = staff(&store).await;
    let hall = store.create_venue_for_test(org, "Town Hall").await;
    let project = staff
        .post(
            "/projects",
            &[
                ("title", "Maternity"),
                ("stage", "design"),
                ("level", "service"),
            ],
        )
        .await
        .location
        .unwrap();
    let form = staff.get(&format!("{project}/activities/new")).await.text;
    assert!(
        form.contains("Town Hall"),
        "the organisation's venues are offered"
    );
    let hall_s = hall.to_string();
    let mut pairs = vec![
        ("title", "Listening event"),
        ("activity_type", "event"),
        ("mode", "face-to-face"),
        ("rung", "engagement"),
        ("date-day", "1"),
        ("date-month", "9"),
        ("date-year", "2026"),
        ("starts", "10:00"),
        ("ends", "12:00"),
        ("venue_id", hall_s.as_str()),
        ("chair", "Grace Mensah"),
        ("places", "lots"),
        ("debrief_minutes", "20"),
    ];
    let r = staff.post(&format!("{project}/activities"), &pairs).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("must be a whole number from 1 to 10000"),
        "{}",
        r.text
    );
    assert!(r.text.contains("Grace Mensah"), "what was typed is kept");
    pairs.retain(|(k, _)| *k != "places");
    pairs.push(("places", "25"));
    let r = staff.post(&format!("{project}/activities"), &pairs).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let id: i64 = r
        .location
        .unwrap()
        .trim_start_matches("/activities/")
        .parse()
        .unwrap();
    let a = store.activity(id).await.unwrap();
    assert_eq!(
        (a.venue_id, a.places, a.debrief_minutes),
        (Some(hall), Some(25), Some(20))
    );
    assert_eq!(a.chair.as_deref(), Some("Grace Mensah"));
}

/// Venues are recorded with what they offer for access; a bad postcode or a feature
/// named twice is refused and named, and what was typed is kept.
async fn venues_are_kept_with_what_they_offer(store: Site) {
    let (staff, org) = staff(&store).await;
    let r = staff
        .post(
            "/venues",
            &[
                ("name", "Town Hall"),
                ("postcode", "not a postcode"),
                ("features", "step-free"),
                ("features", "hearing-loop"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text.contains("is not a postcode") || r.text.contains("not a full postcode"),
        "{}",
        r.text
    );
    assert!(
        r.text.contains("value=\"hearing-loop\" checked"),
        "ticks are kept"
    );
    let r = staff
        .post(
            "/venues",
            &[
                ("name", "Town Hall"),
                ("postcode", "le1 6ww"),
                ("features", "step-free"),
                ("features", "hearing-loop"),
                ("notes", "Use the side entrance on Market Street"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = staff.get("/venues").await.text;
    assert!(page.contains("Town Hall") && page.contains("Step-free access, Hearing loop"));
    let venues = store
        .venues(
            coproduce_store::PageRequest::first(5),
            coproduce_store::Within::Parent(org),
        )
        .await
        .unwrap()
        .items;
    assert_eq!(venues[0].postcode.as_deref(), Some("LE1 6WW"));
    // Changed: the features are replaced.
    let r = staff
        .post(
            &format!("/venues/{}", venues[0].id),
            &[("name", "Town Hall"), ("features", "changing-places")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let v = store.venue(venues[0].id).await.unwrap();
    assert_eq!(
        v.features,
        [coproduce_domain::activity::VenueFeature::ChangingPlaces]
    );
    // The API reads the same; a feature given twice, in two spellings, is kept once,
    // and one it does not know is named.
    let api = crate::support::get(&store, &format!("/api/v1/venues/{}", v.id)).await;
    assert_eq!(
        api.json()["features"],
        serde_json::json!(["changing-places"])
    );
    let r = crate::support::post(
        &store,
        "/api/v1/venues",
        serde_json::json!({"organisation_id": org, "name": "Library",
            "features": ["Hearing loop", "hearing-loop"]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.json()["features"], serde_json::json!(["hearing-loop"]));
    let r = crate::support::post(
        &store,
        "/api/v1/venues",
        serde_json::json!({"organisation_id": org, "name": "Library", "features": ["step-free", "trampoline"]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["features[1]"]);
    let r = crate::support::post(
        &store,
        "/api/v1/venues",
        serde_json::json!({"organisation_id": org, "name": "Library", "features": null}),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "null is not a list"
    );
}

site_tests!(
    an_activity_is_planned_with_its_venue_and_details,
    venues_are_kept_with_what_they_offer,
    an_activity_is_published_once_its_project_states_its_limits,
    a_project_says_its_budget_partners_and_stages,
    a_project_is_started_and_changed_from_the_pages,
    activities_are_added_in_london_time,
    you_said_we_did_is_recorded_and_answered,
    outcomes_are_recorded_with_their_inputs_and_evidence,
    the_public_page_shows_what_was_approved,
    other_organisations_work_is_not_found,
);
