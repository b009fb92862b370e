//! Sends requests to the application in-process.
//!
//! Shared by several test files; each uses only part of it.
// Tests may panic on anything unexpected: that is how they fail.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use coproduce_app::testing::TestApp;
use coproduce_domain::account::Role;
use coproduce_domain::organisation::OrganisationKind;
use coproduce_store::Store;
use coproduce_store::accounts::AccountFields;
use coproduce_store::organisations::OrganisationFields;
use coproduce_web::auth::secret;
use coproduce_web::{AppState, Config, app};
use http_body_util::BodyExt;
use serde_json::json;
use tower::ServiceExt;

pub struct Reply {
    pub status: StatusCode,
    pub set_cookie: Option<String>,
    pub csp: String,
    pub content_type: String,
    pub location: Option<String>,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// The fields named in a problem report.
    pub fn fields(&self) -> Vec<String> {
        assert_eq!(
            self.content_type, "application/problem+json",
            "{}",
            self.text
        );
        self.json()["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| e["field"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The API token of the administrator every test request is sent as, unless it says
/// otherwise.
pub const ADMIN_TOKEN: &str = "cpt_test_administrator";

/// Makes an account with a write token whose secret is `token`, once per store.
pub async fn account_with_token(
    store: &Site,
    role: Role,
    organisation_id: Option<i64>,
    token: &str,
) -> i64 {
    let email = format!(
        "{}@test.example",
        token.trim_start_matches("cpt_").replace('_', ".")
    );
    if let Some(a) = store.account_by_email(&email).await.unwrap() {
        return a.id;
    }
    let now = store.now();
    let a = store
        .create_account(
            &AccountFields {
                email,
                name: format!("Test {token}"),
                role,
                organisation_id,
            },
            now,
        )
        .await
        .unwrap();
    store
        .create_api_token(a.id, "test", "write", &secret::hash(token), now)
        .await
        .unwrap();
    a.id
}

/// Starts a session for an account and returns the cookie secret.
pub async fn session_for(store: &Site, account_id: i64) -> String {
    let now = store.now();
    let token = secret::generate("cps_");
    store
        .create_session(
            account_id,
            &secret::hash(&token),
            true,
            now,
            now + chrono::Duration::hours(1),
        )
        .await
        .unwrap();
    token
}

/// The application under test, as the web serves it: one database (SQLite or
/// PostgreSQL), a clock set to [`coproduce_store::testing::now`] that a test may move,
/// the in-memory mailer, and the jobs it queued, to run when the test says. It stands
/// in for the store (`*site` is the `Store`) so a test can also write directly.
#[derive(Clone)]
pub struct Site {
    pub ctx: coproduce_app::Context,
    /// What the in-memory mailer was given.
    pub mail: coproduce_app::mail::Memory,
}

impl std::ops::Deref for Site {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.ctx.store
    }
}

impl Site {
    pub fn of(app: &TestApp) -> Site {
        Site {
            ctx: app.ctx.clone(),
            mail: app.mail.clone(),
        }
    }

    /// The settings every site test runs with: a plain-HTTP public address.
    pub fn settings() -> coproduce_app::Settings {
        coproduce_app::Settings {
            public_url: "http://coproduce.test".into(),
            ..coproduce_app::Settings::default()
        }
    }

    pub fn store(&self) -> &Store {
        &self.ctx.store
    }

    /// The web application's state on this site.
    pub fn state(&self) -> AppState {
        AppState::new(self.ctx.clone(), Config::default(), false)
    }

    /// Now by the site's clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.ctx.now()
    }

    /// Today in London by the site's clock.
    pub fn today(&self) -> chrono::NaiveDate {
        coproduce_domain::time::london_date(self.ctx.now())
    }

    pub fn clock(&self) -> &coproduce_app::Clock {
        &self.ctx.clock
    }

    /// Runs every job due now, as the worker would.
    pub async fn run_jobs(&self) -> Vec<coproduce_app::jobs::Ran> {
        coproduce_app::jobs::Worker::new(self.ctx.clone(), Default::default())
            .run_pending()
            .await
            .unwrap_or_else(|e| panic!("the worker could not run: {e}"))
    }

    /// The application's view of an account, for calling an operation as it.
    /// A venue of an organisation, written directly to the store.
    pub async fn create_venue_for_test(&self, organisation_id: i64, name: &str) -> i64 {
        let mut tx = self.begin().await.unwrap();
        let id = coproduce_store::venues::insert_venue(
            &mut tx,
            &coproduce_store::venues::VenueFields {
                organisation_id,
                name: name.into(),
                address: None,
                postcode: None,
                notes: None,
                features: vec![coproduce_domain::activity::VenueFeature::StepFree],
            },
            self.now(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        id
    }

    /// An invitation written straight to the store, with a place, to be reached by
    /// letter.
    pub async fn create_invitation_for_test(&self, activity_id: i64, person_id: i64) -> i64 {
        let mut tx = self.begin().await.unwrap();
        let id = coproduce_store::invitations::insert_invitation(
            &mut tx,
            activity_id,
            person_id,
            coproduce_domain::invitation::Place::Offered,
            coproduce_domain::invitation::Reach::Letter,
            self.now(),
        )
        .await
        .unwrap()
        .unwrap();
        tx.commit().await.unwrap();
        id
    }

    pub async fn actor(&self, account_id: i64) -> coproduce_app::Actor {
        let a = self.account(account_id).await.unwrap();
        coproduce_app::Actor::account(a.id, a.role, a.organisation_id, a.person_id, None)
    }
}

/// Runs each named `async fn(Site)` once on SQLite and once on PostgreSQL, as two
/// tests: `sqlite::NAME` and `postgres::NAME`.
macro_rules! site_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let app = coproduce_app::testing::TestApp::sqlite()
                        .await
                        .with_settings($crate::support::Site::settings());
                    super::$name($crate::support::Site::of(&app)).await;
                    app.finish().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let Some(app) = coproduce_app::testing::TestApp::postgres().await else {
                        return;
                    };
                    let app = app.with_settings($crate::support::Site::settings());
                    super::$name($crate::support::Site::of(&app)).await;
                    app.finish().await;
                }
            )*
        }
    };
}
pub(crate) use site_tests;

/// Who a request is sent as.
#[derive(Clone, Copy)]
pub enum As<'a> {
    Public,
    Token(&'a str),
    Cookie(&'a str),
}

pub async fn send(store: &Site, method: Method, uri: &str, body: Option<&str>) -> Reply {
    send_as(store, method, uri, body, "application/json").await
}

pub async fn send_as(
    store: &Site,
    method: Method,
    uri: &str,
    body: Option<&str>,
    content_type: &str,
) -> Reply {
    account_with_token(store, Role::Administrator, None, ADMIN_TOKEN).await;
    request(
        store,
        As::Token(ADMIN_TOKEN),
        method,
        uri,
        body,
        content_type,
    )
    .await
}

pub async fn request(
    store: &Site,
    who: As<'_>,
    method: Method,
    uri: &str,
    body: Option<&str>,
    content_type: &str,
) -> Reply {
    request_to(store.state(), who, method, uri, body, content_type).await
}

pub async fn request_to(
    state: AppState,
    who: As<'_>,
    method: Method,
    uri: &str,
    body: Option<&str>,
    content_type: &str,
) -> Reply {
    let app = app(state);
    let mut req = Request::builder().method(method).uri(uri);
    match who {
        As::Public => {}
        As::Token(t) => req = req.header(header::AUTHORIZATION, format!("Bearer {t}")),
        As::Cookie(c) => req = req.header(header::COOKIE, format!("coproduce_session={c}")),
    }
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, content_type);
    }
    let req = req
        .body(
            body.map(|b| Body::from(b.to_string()))
                .unwrap_or_else(Body::empty),
        )
        .unwrap();
    let res = app.oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let csp = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let set_cookie = headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let location = headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        set_cookie,
        csp,
        content_type,
        location,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub async fn get(store: &Site, uri: &str) -> Reply {
    send(store, Method::GET, uri, None).await
}

pub async fn post(store: &Site, uri: &str, body: serde_json::Value) -> Reply {
    send(store, Method::POST, uri, Some(&body.to_string())).await
}

pub async fn put(store: &Site, uri: &str, body: serde_json::Value) -> Reply {
    send(store, Method::PUT, uri, Some(&body.to_string())).await
}

/// Creates an organisation, a project and an activity; returns their ids.
pub async fn seed(store: &Site) -> (i64, i64, i64) {
    let o = post(
        store,
        "/api/v1/organisations",
        serde_json::json!({"name": "Trust", "kind": "nhs-trust"}),
    )
    .await;
    assert_eq!(o.status, StatusCode::CREATED, "{}", o.text);
    let org = o.json()["id"].as_i64().unwrap();
    seed_in(store, org).await
}

/// A browser signed in with a session: pages are fetched with its cookie, and forms
/// are sent with its form token, as the real pages send them.
pub struct Browser {
    pub store: Site,
    pub cookie: String,
}

impl Browser {
    /// Signs in an account with this role (made once per token name).
    pub async fn as_role(
        store: &Site,
        role: Role,
        organisation_id: Option<i64>,
        token: &str,
    ) -> Browser {
        let id = account_with_token(store, role, organisation_id, token).await;
        Browser {
            store: store.clone(),
            cookie: session_for(store, id).await,
        }
    }

    pub async fn get(&self, uri: &str) -> Reply {
        request(
            &self.store,
            As::Cookie(&self.cookie),
            Method::GET,
            uri,
            None,
            "",
        )
        .await
    }

    /// Fetches a page with another cookie beside the session's (a language, say).
    pub async fn get_with_cookie(&self, uri: &str, cookie: &str) -> Reply {
        let both = format!("{}; {cookie}", self.cookie);
        request(&self.store, As::Cookie(&both), Method::GET, uri, None, "").await
    }

    /// Sends a form, adding the session's form token.
    pub async fn post(&self, uri: &str, pairs: &[(&str, &str)]) -> Reply {
        let csrf = secret::csrf_token(&self.cookie);
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(pairs);
        let body = serde_urlencoded::to_string(&all).unwrap();
        request(
            &self.store,
            As::Cookie(&self.cookie),
            Method::POST,
            uri,
            Some(&body),
            "application/x-www-form-urlencoded",
        )
        .await
    }
}

impl Browser {
    /// Uploads one file as the form field `file`, with the form token in the address
    /// as the page's form sends it (or without it, when `with_token` is false).
    pub async fn upload(&self, uri: &str, name: &str, content: &[u8], with_token: bool) -> Reply {
        self.upload_with(uri, &[], name, content, with_token).await
    }

    /// Uploads a file as `upload` does, after the form's other `fields`.
    pub async fn upload_with(
        &self,
        uri: &str,
        fields: &[(&str, &str)],
        name: &str,
        content: &[u8],
        with_token: bool,
    ) -> Reply {
        let boundary = "coproduce-test-boundary";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let uri = if with_token {
            format!("{uri}?csrf={}", secret::csrf_token(&self.cookie))
        } else {
            uri.to_string()
        };
        let app = app(self.store.state());
        let req = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(header::COOKIE, format!("coproduce_session={}", self.cookie))
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .unwrap();
        let res = app.oneshot(req).await.unwrap();
        let status = res.status();
        let location = res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            set_cookie: None,
            csp: String::new(),
            content_type: String::new(),
            location,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

/// The records one organisation has, for filling in paths.
pub struct Fixture {
    pub organisation: i64,
    pub charter: i64,
    pub person: i64,
    pub project: i64,
    pub activity: i64,
    pub input: i64,
    pub network: i64,
    pub membership: i64,
    pub course: i64,
    pub need: i64,
    pub consent: i64,
    /// A spreadsheet kept for an import.
    pub import: i64,
    pub session: i64,
    pub completion: i64,
    /// A version of the network's code of conduct.
    pub document: i64,
    pub venue: i64,
    pub invitation: i64,
    /// A paper of the activity.
    pub paper: i64,
    /// An open opportunity for anyone.
    pub opportunity: i64,
    /// Whom the input's response was to reach: the person, held back for want of
    /// consent to contact.
    pub told: i64,
    /// An outcome the input led to, and a file of evidence of it.
    pub outcome: i64,
    pub evidence: i64,
    /// An open feedback form of the project.
    pub said_form: i64,
    /// A payment to the person for the activity, waiting for approval.
    pub payment: i64,
}

impl Fixture {
    /// The fixture's record of this kind.
    pub fn id(&self, kind: coproduce_store::owners::Owned) -> i64 {
        use coproduce_store::owners::Owned as O;
        match kind {
            O::Organisation => self.organisation,
            O::Person => self.person,
            O::Project => self.project,
            O::Activity => self.activity,
            O::Input => self.input,
            O::Network => self.network,
            O::Membership => self.membership,
            O::Course => self.course,
            O::Consent => self.consent,
            O::Need => self.need,
            O::Import => self.import,
            O::TrainingSession => self.session,
            O::Completion => self.completion,
            O::Document => self.document,
            O::Venue => self.venue,
            O::Invitation => self.invitation,
            O::Paper => self.paper,
            O::Opportunity => self.opportunity,
            O::Told => self.told,
            O::Outcome => self.outcome,
            O::Evidence => self.evidence,
            O::SaidForm => self.said_form,
            O::Payment => self.payment,
        }
    }
}

pub async fn fixture(store: &Site, name: &str) -> Fixture {
    let o = store
        .create_organisation(
            &OrganisationFields {
                name: name.into(),
                kind: OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            store.now(),
        )
        .await
        .unwrap();
    let id = |r: Reply| r.json()["id"].as_i64().unwrap();
    let person = id(post(
        store,
        "/api/v1/people",
        json!({"organisation_id": o.id, "name": "Ann", "roles": ["service-user"]}),
    )
    .await);
    let (_, project, activity) = seed_in(store, o.id).await;
    let input = id(post(store, "/api/v1/inputs", json!({"activity_id": activity, "said": "More evening meetings", "received_on": "2026-05-01"})).await);
    let charter = store
        .charter_by_key("las-pflas")
        .await
        .map(|c| c.id)
        .unwrap_or(0);
    let network = store
        .create_network(
            &coproduce_store::networks::NetworkFields {
                organisation_id: o.id,
                name: "Carers' network".into(),
                kind: coproduce_domain::network::NetworkKind::ServiceUserCarer,
                description: None,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let membership = store
        .add_member(
            network,
            person,
            coproduce_domain::network::MemberRole::Member,
            chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let course = store
        .create_course(
            &coproduce_store::training::CourseFields {
                organisation_id: o.id,
                title: "Co-production for staff".into(),
                audience: coproduce_domain::network::Audience::Staff,
                valid_months: Some(24),
                description: None,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let need = store
        .add_need(
            person,
            &coproduce_store::needs::NeedFields {
                need: coproduce_domain::needs::Need::EasyRead,
                language: None,
                detail: None,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let consent = store
        .record_consent(
            person,
            &coproduce_domain::consent::ConsentGiven {
                purpose: coproduce_domain::consent::Purpose::ShareNeeds,
                given_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
                method: coproduce_domain::consent::ConsentMethod::Written,
                given_by: None,
            },
            None,
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let owner = account_with_token(
        store,
        Role::InvolvementLead,
        Some(o.id),
        &format!("cpt_fixture_{}", o.id),
    )
    .await;
    let import = coproduce_app::import::keep(
        &store.ctx,
        &store.actor(owner).await,
        Some(o.id),
        "register.csv",
        b"name\nAnn\n",
    )
    .await
    .unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let session = store
        .add_session(
            course,
            &coproduce_store::training::SessionFields {
                held_on: day,
                place: "Town Hall".into(),
                trainer: None,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let completion = store
        .record_completion(
            &coproduce_store::training::CompletionFields {
                course_id: course,
                session_id: Some(session),
                person_id: person,
                completed_on: day,
            },
            None,
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let document = store
        .adopt_document(
            network,
            &coproduce_store::networks::DocumentFields {
                kind: coproduce_domain::network::DocumentKind::CodeOfConduct,
                title: "Code of conduct".into(),
                version: "1".into(),
                charter_id: None,
                adopted_on: day,
                body: "Be kind.".into(),
                easy_read: None,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id;
    let venue = store
        .create_venue_for_test(o.id, &format!("{name} Hall"))
        .await;
    let invitation = store.create_invitation_for_test(activity, person).await;
    let told = {
        let actor = store.actor(owner).await;
        coproduce_app::work::set_attendance(
            &store.ctx,
            &actor,
            activity,
            person,
            coproduce_domain::person::AttendanceStatus::Invited,
            None,
        )
        .await
        .unwrap();
        coproduce_app::inputs::change(
            &store.ctx,
            &actor,
            input,
            &coproduce_app::inputs::SaidFields {
                activity_id: Some(activity),
                said: "More evening meetings".into(),
                received_on: chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
                said_by: vec![person],
                ..Default::default()
            },
        )
        .await
        .unwrap();
        coproduce_app::inputs::respond(
            &store.ctx,
            &actor,
            input,
            &coproduce_domain::input::Response {
                status: Some(coproduce_domain::input::ResponseStatus::BeingConsidered),
                text: "We are looking at the rooms.",
                owner: actor.account_id,
                will_do_by: None,
            },
        )
        .await
        .unwrap();
        store.told(input).await.unwrap()[0].id
    };
    let (outcome, evidence) = {
        let actor = store.actor(owner).await;
        let o = coproduce_app::outcomes::create(
            &store.ctx,
            &actor,
            o.id,
            &coproduce_domain::outcome::OutcomeDraft {
                title: "Evening meetings".into(),
                kind: "service".into(),
                happened_on: "2026-06-01".into(),
                impact: "Carers who work can come.".into(),
                project_id: None,
                inputs: vec![input],
            },
        )
        .await
        .unwrap();
        let e = coproduce_app::outcomes::add_evidence(
            &store.ctx,
            &actor,
            o.id,
            "Timetable",
            "timetable.txt",
            b"Meetings now start at 6pm.",
        )
        .await
        .unwrap();
        (o.id, e.id)
    };
    let said_form = coproduce_app::said_forms::create(
        &store.ctx,
        &store.actor(owner).await,
        &coproduce_domain::said_form::FormDraft {
            project_id: Some(project),
            title: "Evening meetings".into(),
            question: "What time suits you?".into(),
            question_pl: String::new(),
            question_easy: "When can you come?".into(),
        },
    )
    .await
    .unwrap()
    .id;
    let payment = {
        let mut tx = store.begin().await.unwrap();
        let id = coproduce_store::payments::insert_payment_in(
            &mut tx,
            &coproduce_store::payments::NewPayment {
                organisation_id: o.id,
                person_id: person,
                activity_id: Some(activity),
                project_id: Some(project),
                policy_id: None,
                tier: None,
                basis: None,
                rate_pence: None,
                scheduled_minutes: None,
                attended_minutes: None,
                amount_pence: 3_000,
                paid_as: coproduce_domain::payment::PaidAs::Money,
                charity: None,
                reverses_id: None,
                reason: None,
            },
            None,
            store.now(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        id
    };
    // A recognition policy in force, so reading it finds one.
    coproduce_app::recognition::set_policy(
        &store.ctx,
        &store.actor(owner).await,
        o.id,
        &coproduce_domain::recognition::PolicyDraft {
            effective_from: "2020-01-01".into(),
            offered: vec!["vouchers".into()],
            pro_rata: Some(false),
            tiers: vec![coproduce_domain::recognition::TierDraft {
                key: "tier-1".into(),
                name: "Sharing views".into(),
                description: String::new(),
            }],
            rates: vec![],
            expenses: coproduce_domain::recognition::ExpensesDraft {
                claim_within_days: 90,
                ..Default::default()
            },
            advice: "Citizens Advice".into(),
        },
    )
    .await
    .unwrap();
    let paper = {
        let mut tx = store.begin().await.unwrap();
        let id = coproduce_store::papers::insert_paper_in(
            &mut tx,
            &coproduce_store::papers::NewPaper {
                activity_id: activity,
                title: "Agenda",
                file_name: "agenda.txt",
                media_type: "text/plain; charset=utf-8",
                format: coproduce_domain::papers::PaperFormat::Standard,
                sha256: "0",
                content: b"Agenda",
            },
            store.now(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        id
    };
    let opportunity = {
        let today = coproduce_domain::time::london_date(store.now());
        let terms = coproduce_domain::opportunity::OpportunityDraft {
            title: "Reader panel".into(),
            expected: "Read our letters.".into(),
            involved: "Letters by post.".into(),
            time_asked: "An hour a month".into(),
            recognition: "vouchers".into(),
            access_support: "Large print".into(),
            rung: "co-design".into(),
            closes_on: (today + chrono::Duration::days(30)).to_string(),
            places: "2".into(),
            who_may_apply: "public".into(),
            easy_read: "You read our letters.".into(),
            ..Default::default()
        }
        .check(today)
        .unwrap();
        let mut tx = store.begin().await.unwrap();
        let id = coproduce_store::opportunities::insert_opportunity_in(
            &mut tx,
            o.id,
            &terms,
            store.now(),
        )
        .await
        .unwrap();
        coproduce_store::opportunities::publish_opportunity_in(&mut tx, id, store.now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        id
    };
    Fixture {
        organisation: o.id,
        opportunity,
        told,
        outcome,
        evidence,
        said_form,
        payment,
        invitation,
        paper,
        session,
        completion,
        document,
        venue,
        charter,
        person,
        project,
        activity,
        input,
        network,
        membership,
        course,
        need,
        consent,
        import,
    }
}

/// A project and an activity in an organisation: (organisation, project, activity).
pub async fn seed_in(store: &Site, org: i64) -> (i64, i64, i64) {
    let p = post(
        store,
        "/api/v1/projects",
        json!({"organisation_id": org, "title": "Project", "stage": "design", "level": "service"}),
    )
    .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.text);
    let project = p.json()["id"].as_i64().unwrap();
    let a = post(
        store,
        "/api/v1/activities",
        json!({"project_id": project, "title": "Workshop", "activity_type": "workshop", "mode": "face-to-face", "rung": "co-design", "starts_at": "2026-05-01T10:00", "ends_at": "2026-05-01T12:00"}),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    (org, project, a.json()["id"].as_i64().unwrap())
}

/// An organisation of this name, made directly in the store.
pub async fn organisation(store: &Site, name: &str) -> i64 {
    store
        .create_organisation(
            &OrganisationFields {
                name: name.into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            store.now(),
        )
        .await
        .unwrap()
        .id
}
