//! A project's public feedback form on the pages and the API: the form in
//! English, Polish (or English marked as such) and Easy Read; every refusal (sent
//! at once, the hidden box filled in, no words, too many from one address, the
//! form closed) shown back with the words kept; a named answer from someone
//! signed in; staff making, changing and closing a form with every bad value named
//! and kept; another organisation's form not found; and the API's answers.

use crate::me_pages::{participant, person};
use crate::support::{As, Browser, Site, get, organisation, post, put, request, site_tests};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use coproduce_domain::account::Role;
use coproduce_domain::said_form::PER_ADDRESS;
use serde_json::json;

/// The value of the hidden field `name` in a page's form.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).map(|i| i + marker.len()).unwrap();
    page[start..][..page[start..].find('"').unwrap()].to_string()
}

/// Answers a form as someone not signed in.
async fn answer(store: &Site, form: i64, pairs: &[(&str, &str)]) -> crate::support::Reply {
    request(
        store,
        As::Public,
        Method::POST,
        &format!("/say/{form}"),
        Some(&serde_urlencoded::to_string(pairs).unwrap()),
        "application/x-www-form-urlencoded",
    )
    .await
}

async fn public_get(store: &Site, uri: &str, cookie: Option<&str>) -> crate::support::Reply {
    match cookie {
        // A cookie of preferences only: no session.
        Some(c) => {
            let app = coproduce_web::app(store.state());
            let req = axum::http::Request::builder()
                .uri(uri)
                .header(axum::http::header::COOKIE, c)
                .body(axum::body::Body::empty())
                .unwrap();
            use http_body_util::BodyExt;
            use tower::ServiceExt;
            let res = app.oneshot(req).await.unwrap();
            let status = res.status();
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            crate::support::Reply {
                status,
                set_cookie: None,
                csp: String::new(),
                content_type: String::new(),
                location: None,
                text: String::from_utf8_lossy(&bytes).into_owned(),
            }
        }
        None => request(store, As::Public, Method::GET, uri, None, "").await,
    }
}

/// An organisation with a project led by its involvement lead, and a form of it.
async fn form_of(store: &Site, name: &str) -> (i64, Browser, i64, i64) {
    let org = organisation(store, name).await;
    let lead = Browser::as_role(
        store,
        Role::InvolvementLead,
        Some(org),
        &format!("cpt_form_lead_{}", name.to_lowercase()),
    )
    .await;
    let p = post(
        store,
        "/api/v1/projects",
        json!({"organisation_id": org, "title": "The waiting room", "stage": "design", "level": "service"}),
    )
    .await;
    let project = p.json()["id"].as_i64().unwrap();
    let r = lead
        .post(
            "/forms",
            &[
                ("organisation_id", &org.to_string()),
                ("project_id", &project.to_string()),
                ("title", "The waiting room"),
                (
                    "question",
                    "What would make the waiting room better for you?",
                ),
                ("question_pl", ""),
                ("question_easy", "What would make the waiting room better?"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let form: i64 = r
        .location
        .unwrap()
        .trim_start_matches("/forms/")
        .parse()
        .unwrap();
    (org, lead, project, form)
}

async fn anyone_answers_a_form_and_every_refusal_keeps_their_words(store: Site) {
    let (org, lead, project, form) = form_of(&store, "Riverside").await;
    let page = public_get(&store, &format!("/say/{form}"), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text
            .contains("What would make the waiting room better for you?")
    );
    assert!(page.text.contains("app-trap"), "the hidden box is hidden");
    assert!(page.text.contains("You do not need to give your name"));
    let shown = hidden(&page.text, "shown");
    // In Polish without a Polish question: the English one, marked as English.
    let pl = public_get(
        &store,
        &format!("/say/{form}"),
        Some("coproduce_language=pl"),
    )
    .await;
    assert!(
        pl.text
            .contains("lang=\"en\">What would make the waiting room better for you?")
    );
    assert!(pl.text.contains("Wyślij odpowiedź"));
    let easy = public_get(
        &store,
        &format!("/say/{form}"),
        Some("coproduce_easy_read=on"),
    )
    .await;
    assert!(
        easy.text
            .contains(">What would make the waiting room better?</label>")
    );

    let words = "Chairs with arms, please.\nThe low ones are hard to get up from.";
    // Sent at once: refused, the words kept.
    let r = answer(
        &store,
        form,
        &[("shown", &shown), ("said", words), ("website", "")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("sent very quickly"));
    assert!(r.text.contains(words));
    let shown = hidden(&r.text, "shown");
    store.clock().advance(Duration::seconds(10));
    // The hidden box filled in: refused, and shown with its error.
    let r = answer(
        &store,
        form,
        &[
            ("shown", &shown),
            ("said", words),
            ("website", "http://offers.example"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Leave this box empty must be left empty"));
    assert!(r.text.contains("value=\"http://offers.example\""));
    assert!(r.text.contains(words));
    // No words.
    let r = answer(&store, form, &[("shown", &shown), ("said", "  ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("Your answer must not be empty"));
    // A form token made up.
    let r = answer(&store, form, &[("shown", "1.abc"), ("said", words)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("open for more than a day"));
    assert!(r.text.contains(words));

    let r = answer(
        &store,
        form,
        &[("shown", &shown), ("said", words), ("website", "")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(r.location.as_deref(), Some(&*format!("/say/{form}/thanks")));
    let thanks = public_get(&store, &format!("/say/{form}/thanks"), None).await;
    assert!(thanks.text.contains("Thank you for your answer"));
    assert!(
        thanks
            .text
            .contains(&format!("/you-said-we-did/{org}?project={project}"))
    );
    // Staff find it among the project's inputs, from the form.
    let list = lead.get(&format!("/inputs?form={form}")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text.contains("Chairs with arms, please."));
    assert!(
        list.text
            .contains("Showing only the answers to the feedback form")
    );
    let api = get(&store, &format!("/api/v1/inputs?form_id={form}")).await;
    let items = api.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["form_id"], form);
    assert_eq!(items[0]["anonymous_count"], 1);
    assert_eq!(items[0]["project_id"], project);

    // From one address, at most five in ten minutes: then 429, the words kept.
    for i in 1..PER_ADDRESS {
        let r = answer(
            &store,
            form,
            &[("shown", &shown), ("said", &format!("More {i}"))],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    }
    let r = answer(&store, form, &[("shown", &shown), ("said", "One too many")]).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text.contains("Wait 10 minutes"));
    assert!(r.text.contains("One too many"));

    // Closed: 409, nothing kept, their words shown to copy.
    let r = lead.post(&format!("/forms/{form}/close"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    store.clock().advance(Duration::minutes(11));
    let r = answer(&store, form, &[("shown", &shown), ("said", "Too late?")]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text.contains("This form has closed"));
    assert!(r.text.contains("Too late?"));
    let staff_page = lead.get(&format!("/forms/{form}")).await;
    assert!(staff_page.text.contains("Closed"));
    assert!(staff_page.text.contains("See its 5 answers"));
    // Not a form: not found.
    assert_eq!(
        public_get(&store, "/say/999999", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        public_get(&store, "/say/abc", None).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn someone_signed_in_may_put_their_name_to_an_answer(store: Site) {
    let (org, _lead, _project, form) = form_of(&store, "Riverside").await;
    let irena = person(&store, org, "Irena Nowak").await;
    let me = participant(&store, org, irena, "cpt_form_irena").await;
    let page = me.get(&format!("/say/{form}")).await;
    assert!(page.text.contains("Put my name to this answer"));
    let shown = hidden(&page.text, "shown");
    store.clock().advance(Duration::seconds(10));
    let r = me
        .post(
            &format!("/say/{form}"),
            &[
                ("shown", &shown),
                ("said", "The screen that calls names is too quiet."),
                ("named", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(
        r.location.as_deref(),
        Some(&*format!("/say/{form}/thanks?named=yes"))
    );
    let thanks = me.get(&format!("/say/{form}/thanks?named=yes")).await;
    assert!(thanks.text.contains("We will tell you what happens to it"));
    // It is theirs on /me.
    let mine = me.get("/me").await;
    assert!(
        mine.text
            .contains("The screen that calls names is too quiet.")
    );
}

async fn staff_make_and_change_a_form_with_every_bad_value_named(store: Site) {
    let (org, lead, project, form) = form_of(&store, "Riverside").await;
    let r = lead
        .post(
            "/forms",
            &[
                ("organisation_id", &org.to_string()),
                ("project_id", ""),
                ("title", ""),
                ("question", "Kept question"),
                ("question_pl", &"p".repeat(1_001)),
                ("question_easy", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for said in [
        "Choose the project the form is for",
        "Name of the form must not be empty",
        "The question in Polish (optional) must be 1000 characters or fewer (it is 1001)",
        "The question in Easy Read must not be empty",
        "Kept question",
    ] {
        assert!(r.text.contains(said), "{said}");
    }
    let page = lead.get(&format!("/forms/{form}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains(&format!("/say/{form}")));
    assert!(page.text.contains("None: Polish readers see the English."));
    let r = lead
        .post(
            &format!("/forms/{form}"),
            &[
                ("organisation_id", &org.to_string()),
                ("project_id", &project.to_string()),
                ("title", "The waiting room"),
                (
                    "question",
                    "What would make the waiting room better for you?",
                ),
                ("question_pl", "Co poprawiłoby poczekalnię?"),
                ("question_easy", "What would make the waiting room better?"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let pl = public_get(
        &store,
        &format!("/say/{form}"),
        Some("coproduce_language=pl"),
    )
    .await;
    assert!(pl.text.contains(">Co poprawiłoby poczekalnię?</label>"));
    // Another organisation's staff do not find it.
    let (_, other, _, theirs) = form_of(&store, "Hillside").await;
    assert_eq!(
        other.get(&format!("/forms/{form}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other
            .post(&format!("/forms/{form}/close"), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let list = other.get("/forms").await;
    assert!(list.text.contains(&format!("href=\"/forms/{theirs}\"")));
    assert!(
        !list.text.contains(&format!("href=\"/forms/{form}\"")),
        "only their own"
    );
}

async fn the_api_makes_changes_opens_and_closes_forms(store: Site) {
    let (org, _lead, project, form) = form_of(&store, "Riverside").await;
    let r = post(
        &store,
        "/api/v1/forms",
        json!({"project_id": project, "title": "", "question": "", "question_easy": "Easy"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["title", "question"]);
    let r = post(
        &store,
        "/api/v1/forms",
        json!({"project_id": 999_999, "title": "T", "question": "Q", "question_easy": "E"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.fields(), ["project_id"]);
    let r = post(
        &store,
        "/api/v1/forms",
        json!({"project_id": project, "title": "T", "question": "Q", "question_easy": "E", "open": true}),
    )
    .await;
    assert!(r.status.is_client_error(), "an unknown field: {}", r.status);
    let r = post(
        &store,
        "/api/v1/forms",
        json!({"project_id": project, "title": "Discharge", "question": "How was leaving hospital?", "question_pl": "Jak wyglądało wyjście ze szpitala?", "question_easy": "How was going home?"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let made = r.json();
    assert_eq!(made["open"], true);
    assert_eq!(made["address"], format!("/say/{}", made["id"]));
    let id = made["id"].as_i64().unwrap();
    let r = post(&store, &format!("/api/v1/forms/{id}/close"), json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["open"], false);
    assert!(r.json()["closed_at"].is_string());
    let r = post(&store, &format!("/api/v1/forms/{id}/open"), json!({})).await;
    assert_eq!(r.json()["open"], true);
    let r = put(
        &store,
        &format!("/api/v1/forms/{id}"),
        json!({"project_id": project, "title": "Discharge", "question": "How was going home?", "question_pl": null, "question_easy": "How was going home?"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json()["question_pl"], serde_json::Value::Null);
    let list = get(&store, &format!("/api/v1/forms?project_id={project}")).await;
    let ids: Vec<i64> = list.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [form, id]);
    let list = get(
        &store,
        &format!("/api/v1/forms?organisation_id={org}&limit=1"),
    )
    .await;
    assert!(list.json()["next"].is_string());
    assert_eq!(
        get(&store, "/api/v1/forms/999999").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&store, "/api/v1/forms?colour=red").await.status,
        StatusCode::BAD_REQUEST
    );
}

site_tests!(
    anyone_answers_a_form_and_every_refusal_keeps_their_words,
    someone_signed_in_may_put_their_name_to_an_answer,
    staff_make_and_change_a_form_with_every_bad_value_named,
    the_api_makes_changes_opens_and_closes_forms,
);
