//! A person's own record, as they see it: everything the register holds about them
//! (their details, access needs, consent, equality answers, the activities they took
//! part in, their groups and training), their equality monitoring questions,
//! withdrawing consent, and their data to download as JSON (`data`). These pages
//! speak the person's language and offer Easy Read.
//!
//! Equality answers are shown to the person they belong to and to no one else: this
//! module is the only place that reads them back.

mod data;
mod feedback;
pub mod invitations;
mod recognition;
mod trail;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::consent::{self, Purpose};
use coproduce_domain::equality::{
    AgeBand, Answers, CarerStatus, Disability, EthnicGroup, GenderIdentity, Partnership, Pregnancy,
    Religion, Sex, SexualOrientation,
};
use coproduce_domain::person::postcode_district;
use coproduce_domain::text::{FieldError, FieldErrors};
use coproduce_store::people::Person;
use serde::{Deserialize, Serialize};

use super::forms::{Choice, FormField, FormPage, Named, Part, Radios, error_of, worded};
use super::{Chrome, PageError, render};
use crate::AppState;
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/me", C::OwnAccount, my_record)
        .get("/me/data.json", C::OwnAccount, data::my_data)
        .get("/me/recognition", C::OwnAccount, recognition::page)
        .post("/me/recognition", C::OwnAccount, recognition::save)
        .get("/me/equality", C::OwnAccount, equality_form)
        .post("/me/equality", C::OwnAccount, save_equality)
        .get(
            "/me/documents/{id}",
            C::OwnAccount,
            super::networks::reading::my_document,
        )
        .post(
            "/me/documents/{id}/sign",
            C::OwnAccount,
            super::networks::reading::sign_my_document,
        )
        .post(
            "/me/consents/{id}/withdraw",
            C::OwnAccount,
            withdraw_consent,
        )
        .get(
            "/me/invitations/{id}",
            C::OwnAccount,
            invitations::my_invitation,
        )
        .post(
            "/me/invitations/{id}",
            C::OwnAccount,
            invitations::answer_my_invitation,
        )
        .post("/me/calendar", C::OwnAccount, new_calendar_address)
        .get(
            "/reply/{token}",
            C::ReadPublic,
            invitations::reply_by_link_page,
        )
        .post("/reply/{token}", C::ReadPublic, invitations::reply_by_link)
        .get("/feedback/{token}", C::ReadPublic, feedback::by_link_page)
        .post("/feedback/{token}", C::ReadPublic, feedback::by_link)
        .get("/me/feedback/{key}", C::OwnAccount, feedback::own_page)
        .post("/me/feedback/{key}", C::OwnAccount, feedback::own)
        .get(
            "/reply/{token}/papers/{key}",
            C::ReadPublic,
            invitations::paper_by_link,
        )
        .get(
            "/me/invitations/{id}/papers/{key}",
            C::OwnAccount,
            invitations::my_paper,
        )
}

/// The register entry of the signed-in person, or "not found" when their account is
/// not linked to one.
async fn own_person(state: &AppState, viewer: &Viewer) -> Result<Option<Person>, PageError> {
    match viewer.account().and_then(|a| a.person_id) {
        Some(id) => match state.store.person(id).await {
            Ok(p) if p.erased_at.is_none() => Ok(Some(p)),
            Ok(_) | Err(coproduce_store::StoreError::NotFound) => Ok(None),
            Err(e) => Err(e.into()),
        },
        None => Ok(None),
    }
}

fn list<V: Vocabulary>(tr: &Tr, set: &std::collections::BTreeSet<V>) -> String {
    set.iter()
        .map(|v| tr.label(*v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One thing the person said, and what was done about it, as they see it.
pub struct MySaid {
    said: String,
    when: String,
    /// The status in words, and its tag's colour.
    status: Option<(String, &'static str)>,
    /// By when a "will do" will be done, in words.
    by: Option<String>,
    /// The changes it led to, in words.
    led_to: Vec<String>,
    response: Option<String>,
    fed_back: Option<String>,
}

/// One consent as the person sees it.
pub struct MyConsent {
    id: i64,
    purpose: String,
    given: String,
    active: bool,
    withdrawn: Option<String>,
}

#[derive(Template)]
#[template(path = "me.html")]
struct MyRecordPage {
    chrome: Chrome,
    /// Label key and value.
    details: Vec<(&'static str, String)>,
    needs: Vec<String>,
    consents: Vec<MyConsent>,
    /// Question label key and the answer, in the person's language.
    equality: Vec<(&'static str, String)>,
    taken_part: Vec<(String, String, String)>,
    /// What they said: the words, when and where, what was done (status and
    /// words), and when they were told.
    said: Vec<MySaid>,
    /// Network, role, since, and a note: stood down, or left.
    networks: Vec<(String, String, String, Option<String>)>,
    /// The versions they are asked to read and sign: id, title and version.
    to_sign: Vec<(i64, String)>,
    /// Invitations to what is still to come.
    invited: Vec<MyInvitation>,
    /// When their calendar feed address was made, in words, if it has been.
    feed_made: Option<String>,
    /// Activities they were asked about: id, title, and whether they answered.
    feedback: Vec<(i64, String, bool)>,
    /// Open opportunities they may say they are interested in: id, title, closing
    /// date in words.
    opportunities: Vec<(i64, String, String)>,
    /// What they said they are interested in: id, title, where it stands in words.
    applications: Vec<(i64, String, String)>,
    /// Course, when completed, and when it runs out.
    training: Vec<(String, String, Option<String>)>,
    /// Who looked at or changed the record: when, who, what.
    trail: Vec<(String, String, String)>,
}

/// An invitation to something still to come, as its person sees it.
struct MyInvitation {
    id: i64,
    title: String,
    when: String,
    /// Their answer in words, or "not answered yet".
    answer: String,
    answered: bool,
    waiting: bool,
    cancelled: bool,
}

#[derive(Template)]
#[template(path = "message.html")]
struct NoRecordPage {
    chrome: Chrome,
    heading: String,
    paragraphs: Vec<String>,
    secret: Option<String>,
    link: Option<(String, String)>,
}

fn no_record(state: &AppState, viewer: &Viewer) -> Response {
    let tr = viewer.tr;
    render(
        StatusCode::OK,
        &NoRecordPage {
            chrome: Chrome::participant(state, viewer, "me"),
            heading: tr.t("me-heading"),
            paragraphs: vec![tr.t("me-no-record")],
            secret: None,
            link: Some(("/account".into(), tr.t("me-back-to-account"))),
        },
    )
}

/// Each equality question's label key and the person's answer, in their language.
fn equality_rows(tr: &Tr, a: &Answers) -> Vec<(&'static str, String)> {
    let l = |v: Option<String>| v;
    [
        ("me-q-ethnic-group", l(a.ethnic_group.map(|v| tr.label(v)))),
        ("me-q-age", l(a.age_band.map(|v| tr.label(v)))),
        ("me-q-sex", l(a.sex.map(|v| tr.label(v)))),
        (
            "me-q-gender-identity",
            l(a.gender_identity.map(|v| tr.label(v))),
        ),
        (
            "me-q-sexual-orientation",
            l(a.sexual_orientation.map(|v| tr.label(v))),
        ),
        ("me-q-disability", l(a.disability.map(|v| tr.label(v)))),
        ("me-q-religion", l(a.religion.map(|v| tr.label(v)))),
        ("me-q-carer", l(a.carer.map(|v| tr.label(v)))),
        ("me-q-pregnancy", l(a.pregnancy.map(|v| tr.label(v)))),
        ("me-q-partnership", l(a.partnership.map(|v| tr.label(v)))),
        ("me-q-postcode-district", a.postcode_district.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect()
}

async fn my_record(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = async {
        let Some(p) = own_person(&state, &viewer).await? else {
            return Ok(None);
        };
        let tr = viewer.tr;
        let today = crate::today(&state.ctx);
        let f = &p.profile;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let details = vec![
            ("me-name", f.name.clone()),
            ("me-preferred-name", text(&f.preferred_name)),
            ("me-pronouns", text(&f.pronouns)),
            ("me-email", text(&f.email)),
            ("me-phone", text(&f.phone)),
            ("me-address", text(&f.address)),
            ("me-postcode", text(&f.postcode)),
            (
                "me-preferred-contact",
                f.preferred_contact.map(|c| tr.label(c)).unwrap_or_default(),
            ),
            ("me-roles", list(&tr, &f.roles)),
            ("me-interests", list(&tr, &f.interests)),
            ("me-languages", list(&tr, &f.languages)),
            (
                "me-date-of-birth",
                f.born_on.map(|d| tr.date(d)).unwrap_or_default(),
            ),
        ];
        let needs = coproduce_app::people::needs_of(&state.ctx, &viewer.actor(), p.id, today)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(|n| {
                let mut s = tr.label(n.need);
                if let Some(l) = n.language {
                    s.push_str(&format!(" ({})", tr.label(l)));
                }
                if let Some(d) = n.detail {
                    s.push_str(&format!(": {d}"));
                }
                s
            })
            .collect();
        let consents = state
            .store
            .consents_of(p.id)
            .await?
            .into_iter()
            .map(|c| MyConsent {
                id: c.id,
                purpose: tr.label(c.purpose),
                given: tr.t1("me-consent-given", "date", tr.date(c.given_on)),
                active: c.active_on(today),
                withdrawn: c
                    .withdrawn_on
                    .map(|w| tr.t1("me-consent-withdrawn", "date", tr.date(w))),
            })
            .collect();
        let equality = coproduce_app::people::own_equality(&state.ctx, &viewer.actor())
            .await?
            .map(|a| equality_rows(&tr, &a))
            .unwrap_or_default();
        let taken_part = state
            .store
            .taken_part(p.id)
            .await?
            .into_iter()
            .map(|t| (t.title, tr.date_time(t.starts_at), tr.label(t.status)))
            .collect();
        let now = state.ctx.now();
        let invited = state
            .store
            .person_invitations(p.id)
            .await?
            .into_iter()
            .filter(|i| i.ends_at > now)
            .map(|i| MyInvitation {
                id: i.id,
                when: tr.date_time(i.starts_at),
                answer: match i.reply() {
                    Some(r) => invitations::reply_words(&tr, r),
                    None => tr.t("me-not-answered"),
                },
                answered: i.reply().is_some(),
                waiting: i.place == coproduce_domain::invitation::Place::Waiting,
                cancelled: i.cancelled_at.is_some(),
                title: i.title,
            })
            .collect();
        let said_rows = state.store.said_by(p.id).await?;
        let ids: Vec<i64> = said_rows.iter().map(|s| s.input_id).collect();
        let led = state.store.led_to(&ids).await?;
        let said = said_rows
            .into_iter()
            .map(|s| MySaid {
                led_to: led
                    .iter()
                    .filter(|l| l.input_id == s.input_id)
                    .map(|l| {
                        tr.t2(
                            "me-said-led-to",
                            ("change", &l.title),
                            ("date", tr.date(l.happened_on)),
                        )
                    })
                    .collect(),
                when: tr.t2(
                    "me-said-when",
                    ("date", tr.date(s.received_on)),
                    ("activity", s.came_from.clone()),
                ),
                status: s.status().map(|st| {
                    use coproduce_domain::input::ResponseStatus as S;
                    let colour = match st {
                        S::Done => "green",
                        S::WillDo => "blue",
                        S::CannotDo => "orange",
                        S::BeingConsidered => "yellow",
                    };
                    (tr.label(st), colour)
                }),
                by: s
                    .will_do_by
                    .map(|d| tr.t1("me-said-will-do-by", "date", tr.date(d))),
                response: s.response.clone(),
                fed_back: s
                    .fed_back_on
                    .map(|d| tr.t1("me-said-told", "date", tr.date(d))),
                said: s.said,
            })
            .collect();
        let to_sign = state
            .store
            .unsigned_by(p.id)
            .await?
            .into_iter()
            .map(|d| {
                (
                    d.id,
                    tr.t2(
                        "me-to-sign-item",
                        ("title", d.title),
                        ("version", d.version),
                    ),
                )
            })
            .collect();
        let networks = state
            .store
            .memberships_of(p.id)
            .await?
            .into_iter()
            .map(|m| {
                let note = match (m.left_on, m.stood_down) {
                    (Some(l), _) => Some(tr.t1("me-network-left", "date", tr.date(l))),
                    (None, Some((d, _))) => {
                        Some(tr.t1("me-network-stood-down", "date", tr.date(d)))
                    }
                    (None, None) => None,
                };
                (
                    m.network_name,
                    tr.label(m.role),
                    tr.t1("me-network-since", "date", tr.date(m.joined_on)),
                    note,
                )
            })
            .collect();
        let training = state
            .store
            .completions_of(p.id)
            .await?
            .into_iter()
            .map(|c| {
                (
                    c.course_title,
                    tr.t1("me-training-done", "date", tr.date(c.completed_on)),
                    c.expires_on.map(|e| {
                        if e <= today {
                            tr.t1("me-training-ran-out", "date", tr.date(e))
                        } else {
                            tr.t1("me-training-runs-out", "date", tr.date(e))
                        }
                    }),
                )
            })
            .collect();
        let trail = trail::rows(&state, &viewer).await?;
        Ok::<_, PageError>(Some(MyRecordPage {
            chrome: Chrome::participant(&state, &viewer, "me"),
            networks,
            training,
            trail,
            details,
            needs,
            consents,
            equality,
            taken_part,
            said,
            to_sign,
            invited,
            opportunities: state
                .store
                .opportunities_for(p.id, crate::today(&state.ctx))
                .await?
                .into_iter()
                .map(|o| (o.id, o.title, tr.date(o.closes_on)))
                .collect(),
            applications: state
                .store
                .own_applications(p.id)
                .await?
                .into_iter()
                .map(|a| {
                    (
                        a.opportunity_id,
                        a.title,
                        tr.t(&format!("opportunity-status-{}", a.status.slug())),
                    )
                })
                .collect(),
            feedback: state
                .store
                .own_feedback_requests(p.id)
                .await?
                .into_iter()
                .map(|r| (r.activity_id, r.title, r.answered_at.is_some()))
                .collect(),
            feed_made: state
                .store
                .feed_made(p.id)
                .await?
                .map(|t| tr.t1("me-calendar-made", "date", tr.date_time(t))),
        }))
    }
    .await;
    match result {
        Ok(Some(page)) => render(StatusCode::OK, &page),
        Ok(None) => no_record(&state, &viewer),
        Err(e) => e.respond(&state, &viewer),
    }
}

/// The equality form as typed: each answer is a slug, or empty for "skip".
#[derive(Deserialize, Default)]
pub struct EqualityForm {
    #[serde(default)]
    ethnic_group: String,
    #[serde(default)]
    age_band: String,
    #[serde(default)]
    sex: String,
    #[serde(default)]
    gender_identity: String,
    #[serde(default)]
    sexual_orientation: String,
    #[serde(default)]
    disability: String,
    #[serde(default)]
    religion: String,
    #[serde(default)]
    carer: String,
    #[serde(default)]
    pregnancy: String,
    #[serde(default)]
    partnership: String,
    #[serde(default)]
    postcode_district: String,
}

impl EqualityForm {
    fn of(a: &Answers) -> Self {
        let s = |v: Option<&'static str>| v.unwrap_or_default().to_string();
        EqualityForm {
            ethnic_group: s(a.ethnic_group.map(Vocabulary::slug)),
            age_band: s(a.age_band.map(Vocabulary::slug)),
            sex: s(a.sex.map(Vocabulary::slug)),
            gender_identity: s(a.gender_identity.map(Vocabulary::slug)),
            sexual_orientation: s(a.sexual_orientation.map(Vocabulary::slug)),
            disability: s(a.disability.map(Vocabulary::slug)),
            religion: s(a.religion.map(Vocabulary::slug)),
            carer: s(a.carer.map(Vocabulary::slug)),
            pregnancy: s(a.pregnancy.map(Vocabulary::slug)),
            partnership: s(a.partnership.map(Vocabulary::slug)),
            postcode_district: a.postcode_district.clone().unwrap_or_default(),
        }
    }

    /// The answers, every one optional; an answer that is not one of the choices is
    /// an error naming its question.
    fn answers(&self) -> Result<Answers, FieldErrors> {
        let mut errs = FieldErrors::new();
        fn one<V: Vocabulary>(errs: &mut FieldErrors, field: &str, raw: &str) -> Option<V> {
            match raw.trim() {
                "" => None,
                s => errs.take(field, V::parse(s)),
            }
        }
        let a = Answers {
            ethnic_group: one(&mut errs, "ethnic_group", &self.ethnic_group),
            age_band: one(&mut errs, "age_band", &self.age_band),
            sex: one(&mut errs, "sex", &self.sex),
            gender_identity: one(&mut errs, "gender_identity", &self.gender_identity),
            sexual_orientation: one(&mut errs, "sexual_orientation", &self.sexual_orientation),
            disability: one(&mut errs, "disability", &self.disability),
            religion: one(&mut errs, "religion", &self.religion),
            carer: one(&mut errs, "carer", &self.carer),
            pregnancy: one(&mut errs, "pregnancy", &self.pregnancy),
            partnership: one(&mut errs, "partnership", &self.partnership),
            postcode_district: match self.postcode_district.trim() {
                "" => None,
                s => errs.take("postcode_district", postcode_district(s)),
            },
        };
        errs.finish(|| a)
    }
}

/// Radios for one question, in the reader's language, with "skip this question"
/// first so that nothing is ever required.
fn question<V: Vocabulary>(
    tr: &Tr,
    id: &'static str,
    legend: &'static str,
    selected: &str,
    errors: &[FieldError],
    hint: impl Fn(V) -> Option<String>,
) -> Part {
    let mut options = vec![Choice {
        value: String::new(),
        label: tr.t("me-skip"),
        hint: None,
    }];
    options.extend(V::ALL.iter().map(|v| Choice {
        value: v.slug().into(),
        label: tr.label(*v),
        hint: hint(*v),
    }));
    Part::Choose(Radios {
        id,
        legend,
        hint: None,
        options,
        selected: selected.into(),
        error: error_of(errors, id),
    })
}

fn equality_page(
    state: &AppState,
    viewer: &Viewer,
    f: &EqualityForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let tr = viewer.tr;
    let heading_of = |g: EthnicGroup| g.heading().map(|h| tr.label(h));
    let mut postcode = FormField::new("postcode_district", "me-q-postcode-district", "text")
        .hint("me-q-postcode-district-hint")
        .value(&f.postcode_district)
        .errors(&errors);
    postcode.width = Some("nhsuk-input--width-5");
    let parts = vec![
        question::<EthnicGroup>(
            &tr,
            "ethnic_group",
            "me-q-ethnic-group",
            &f.ethnic_group,
            &errors,
            heading_of,
        ),
        question::<AgeBand>(&tr, "age_band", "me-q-age", &f.age_band, &errors, |_| None),
        question::<Sex>(&tr, "sex", "me-q-sex", &f.sex, &errors, |_| None),
        question::<GenderIdentity>(
            &tr,
            "gender_identity",
            "me-q-gender-identity",
            &f.gender_identity,
            &errors,
            |_| None,
        ),
        question::<SexualOrientation>(
            &tr,
            "sexual_orientation",
            "me-q-sexual-orientation",
            &f.sexual_orientation,
            &errors,
            |_| None,
        ),
        question::<Disability>(
            &tr,
            "disability",
            "me-q-disability",
            &f.disability,
            &errors,
            |_| None,
        ),
        question::<Religion>(
            &tr,
            "religion",
            "me-q-religion",
            &f.religion,
            &errors,
            |_| None,
        ),
        question::<CarerStatus>(&tr, "carer", "me-q-carer", &f.carer, &errors, |_| None),
        question::<Pregnancy>(
            &tr,
            "pregnancy",
            "me-q-pregnancy",
            &f.pregnancy,
            &errors,
            |_| None,
        ),
        question::<Partnership>(
            &tr,
            "partnership",
            "me-q-partnership",
            &f.partnership,
            &errors,
            |_| None,
        ),
        Part::Field(postcode),
    ];
    FormPage {
        chrome: Chrome::participant(state, viewer, "me"),
        errors,
        back: Some(("/me".into(), "me-back".into())),
        caption: None,
        heading: "me-equality-heading".into(),
        intro: vec![
            "me-equality-why".into(),
            "me-equality-private".into(),
            "me-equality-optional".into(),
        ],
        action: "/me/equality".into(),
        parts,
        button: "me-equality-save",
    }
    .ordered()
}

async fn equality_form(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = async {
        if own_person(&state, &viewer).await?.is_none() {
            return Ok(None);
        }
        let answers = coproduce_app::people::own_equality(&state.ctx, &viewer.actor())
            .await?
            .unwrap_or_default();
        Ok::<_, PageError>(Some(equality_page(
            &state,
            &viewer,
            &EqualityForm::of(&answers),
            vec![],
        )))
    }
    .await;
    match result {
        Ok(Some(page)) => render(StatusCode::OK, &page),
        Ok(None) => no_record(&state, &viewer),
        Err(e) => e.respond(&state, &viewer),
    }
}

async fn save_equality(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<EqualityForm>,
) -> Response {
    let result = async {
        if own_person(&state, &viewer).await?.is_none() {
            return Ok(no_record(&state, &viewer));
        }
        match f.answers() {
            Ok(answers) => {
                coproduce_app::people::save_own_equality(
                    &state.ctx,
                    &viewer.actor(),
                    &answers,
                    crate::today(&state.ctx),
                )
                .await?;
                Ok(Redirect::to("/me#equality").into_response())
            }
            Err(errs) => {
                let errors = worded(
                    &viewer.tr,
                    errs.0,
                    &[
                        Named::As("postcode_district", "me-q-postcode-district"),
                        Named::Always("ethnic_group", "me-choose-from-list"),
                        Named::Always("age_band", "me-choose-from-list"),
                        Named::Always("sex", "me-choose-from-list"),
                        Named::Always("gender_identity", "me-choose-from-list"),
                        Named::Always("sexual_orientation", "me-choose-from-list"),
                        Named::Always("disability", "me-choose-from-list"),
                        Named::Always("religion", "me-choose-from-list"),
                        Named::Always("carer", "me-choose-from-list"),
                        Named::Always("pregnancy", "me-choose-from-list"),
                        Named::Always("partnership", "me-choose-from-list"),
                    ],
                );
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &equality_page(&state, &viewer, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

async fn withdraw_consent(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = raw.parse::<i64>().map_err(|_| PageError::NotFound)?;
        let c = state.store.consent(id).await?;
        let today = crate::today(&state.ctx);
        let on = consent::check_withdrawn(c.given_on, today, today).unwrap_or(c.given_on);
        coproduce_app::people::withdraw_own_consent(&state.ctx, &viewer.actor(), id, on).await?;
        let anchor = if c.purpose == Purpose::Equality {
            "equality"
        } else {
            "consent"
        };
        Ok(Redirect::to(&format!("/me#{anchor}")).into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// Makes a new address for the person's calendar feed and shows it, this once.
async fn new_calendar_address(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = async {
        if own_person(&state, &viewer).await?.is_none() {
            return Ok(no_record(&state, &viewer));
        }
        let address = coproduce_app::invitations::replace_feed(&state.ctx, &viewer.actor()).await?;
        let tr = viewer.tr;
        Ok::<_, PageError>(render(
            StatusCode::OK,
            &NoRecordPage {
                chrome: Chrome::participant(&state, &viewer, "me"),
                heading: tr.t("me-calendar-heading"),
                paragraphs: vec![tr.t("me-calendar-copy"), tr.t("me-calendar-once")],
                secret: Some(address),
                link: Some(("/me#calendar".into(), tr.t("reply-back-to-record"))),
            },
        ))
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}
