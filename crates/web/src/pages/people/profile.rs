//! A person's page: a summary of their details with links to change them, their
//! access needs, consent, networks and training, and the history of their
//! involvement: the activities they were invited to and came to, and what they said
//! with what was done about it. The forms that add to these are on pages of their
//! own (`record`, `groups`); this page holds none.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::consent::Purpose;
use coproduce_domain::person::{self as person_rules, AttendanceStatus};
use coproduce_store::consents::Consent;
use coproduce_store::needs::PersonNeed;
use coproduce_store::people::Person;

use super::groups::{self, CompletionShown, MembershipShown};
use super::visible_person;
use crate::AppState;
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::pages::{Chrome, PageError, show};

/// One row of the details' summary list: the label key, the value, and the id of the
/// field on the change form.
pub struct Row {
    key: &'static str,
    value: String,
    field: &'static str,
}

#[derive(Template)]
#[template(path = "person.html")]
pub struct PersonPage {
    chrome: Chrome,
    id: i64,
    name: String,
    rows: Vec<Row>,
    can_write: bool,
    /// Whether the viewer may see the needs (they manage the register, or the person
    /// consented to share them).
    needs_visible: bool,
    needs: Vec<PersonNeed>,
    /// Tags that warn: under 18 without a guardian's consent, no consent to contact.
    warnings: Vec<&'static str>,
    consents: Vec<ConsentShown>,
    memberships: Vec<MembershipShown>,
    completions: Vec<CompletionShown>,
    /// Whether there is a network to add them to, and a course to record.
    has_networks: bool,
    has_courses: bool,
    /// Whether the viewer may see the work: the activities and what was said.
    sees_work: bool,
    activities: Vec<ActivityShown>,
    said: Vec<SaidShown>,
}

/// One consent as the page lists it.
pub struct ConsentShown {
    id: i64,
    purpose: &'static str,
    given: String,
    /// The tag's colour and words.
    status: (&'static str, String),
    withdrawable: bool,
}

/// One activity they were on the roster of.
pub struct ActivityShown {
    id: i64,
    title: String,
    when: String,
    /// The tag's colour and words: invited, came, did not come.
    status: (&'static str, &'static str),
}

/// One thing they said, and what was done about it.
pub struct SaidShown {
    input_id: i64,
    activity: String,
    said: String,
    received: String,
    response: Option<String>,
    /// The tag's colour and words for the response.
    status: (&'static str, String),
    fed_back: Option<String>,
}

impl ConsentShown {
    fn of(c: &Consent, tr: &Tr, today: chrono::NaiveDate) -> Self {
        let mut given = format!(
            "{}, {}",
            tr.date(c.given_on),
            c.method.label().to_lowercase()
        );
        if let Some(g) = &c.given_by {
            given.push_str(&format!(", {} {g}", tr.t("staff-by")));
        }
        if let Some(r) = &c.recorded_by_name {
            given.push_str(&format!(" ({} {r})", tr.t("staff-recorded-by")));
        }
        let status = match c.withdrawn_on {
            _ if c.active_on(today) => ("green", tr.t("staff-consent-active")),
            Some(w) => ("grey", tr.t1("staff-consent-withdrawn", "date", tr.date(w))),
            None => ("grey", tr.t("staff-consent-from-later")),
        };
        ConsentShown {
            id: c.id,
            purpose: c.purpose.label(),
            given,
            status,
            withdrawable: c.withdrawn_on.is_none(),
        }
    }
}

fn labels<V: Vocabulary>(set: &std::collections::BTreeSet<V>) -> String {
    set.iter().map(|v| v.label()).collect::<Vec<_>>().join(", ")
}

fn profile_rows(p: &Person, today: chrono::NaiveDate) -> Vec<Row> {
    let f = &p.profile;
    let or_blank = |v: &Option<String>| v.clone().unwrap_or_default();
    let row = |key, field, value| Row { key, value, field };
    vec![
        row("staff-full-name", "name", f.name.clone()),
        row(
            "staff-preferred-name",
            "preferred_name",
            or_blank(&f.preferred_name),
        ),
        row("staff-pronouns", "pronouns", or_blank(&f.pronouns)),
        row(
            "staff-date-of-birth",
            "born_on-day",
            f.born_on
                .map(|born| {
                    format!(
                        "{} ({})",
                        coproduce_domain::time::show_date(born),
                        person_rules::age_on(born, today)
                    )
                })
                .unwrap_or_default(),
        ),
        row("staff-how-they-take-part", "roles", labels(&f.roles)),
        row("staff-email", "email", or_blank(&f.email)),
        row("staff-phone", "phone", or_blank(&f.phone)),
        row("staff-address", "address", or_blank(&f.address)),
        row("staff-postcode", "postcode", or_blank(&f.postcode)),
        row(
            "staff-preferred-contact",
            "preferred_contact",
            f.preferred_contact
                .map(|c| c.label().to_string())
                .unwrap_or_default(),
        ),
        row(
            "staff-affiliations",
            "affiliations",
            or_blank(&f.affiliations),
        ),
        row("staff-interests", "interests", labels(&f.interests)),
        row(
            "staff-availability",
            "availability",
            f.availability
                .iter()
                .map(|s| format!("{} {}", s.day.label(), s.part.label().to_lowercase()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        row("staff-languages", "languages", labels(&f.languages)),
        row(
            "staff-travel",
            "avoid_rush_hour",
            if f.avoid_rush_hour {
                "staff-avoid-rush-hour".into()
            } else {
                String::new()
            },
        ),
    ]
}

async fn person_view(
    state: &AppState,
    viewer: &Viewer,
    p: Person,
) -> Result<PersonPage, PageError> {
    let tr = viewer.tr;
    let today = crate::today(&state.ctx);
    let consents = state.store.consents_of(p.id).await?;
    let active = |purpose: Purpose| {
        consents
            .iter()
            .any(|c| c.purpose == purpose && c.active_on(today))
    };
    let shown = coproduce_app::people::needs_of(&state.ctx, &viewer.actor(), p.id, today).await?;
    let mut warnings = Vec::new();
    if p.profile
        .born_on
        .is_some_and(|b| person_rules::is_child(b, today))
        && !active(Purpose::Guardian)
    {
        warnings.push("staff-warning-no-guardian");
    }
    if !active(Purpose::Contact) {
        warnings.push("staff-warning-no-contact");
    }
    let organisation = Some(p.organisation_id());
    let sees_work = viewer.can(C::ReadWork);
    let (activities, said) = if sees_work {
        history(state, &tr, p.id).await?
    } else {
        (vec![], vec![])
    };
    Ok(PersonPage {
        chrome: Chrome::new(state, viewer, "people"),
        id: p.id,
        rows: profile_rows(&p, today),
        can_write: viewer.can(C::WritePeople),
        needs_visible: shown.is_some(),
        needs: shown.unwrap_or_default(),
        warnings,
        consents: consents
            .iter()
            .map(|c| ConsentShown::of(c, &tr, today))
            .collect(),
        memberships: groups::memberships(state, &tr, p.id).await?,
        completions: groups::completions(state, &tr, p.id, today).await?,
        has_networks: !crate::pages::networks::network_choices(state, p.organisation_id())
            .await?
            .is_empty(),
        has_courses: !state.store.course_choices(organisation).await?.is_empty(),
        sees_work,
        activities,
        said,
        name: p.profile.name,
    })
}

/// The activities a person was on the roster of, and what they said, newest first.
async fn history(
    state: &AppState,
    tr: &Tr,
    person_id: i64,
) -> Result<(Vec<ActivityShown>, Vec<SaidShown>), PageError> {
    let activities = state
        .store
        .taken_part(person_id)
        .await?
        .into_iter()
        .map(|t| ActivityShown {
            id: t.activity_id,
            title: t.title,
            when: tr.date_time(t.starts_at),
            status: match t.status {
                AttendanceStatus::Attended => ("green", "staff-came"),
                AttendanceStatus::Invited => ("blue", "staff-invited"),
                AttendanceStatus::Absent => ("grey", "staff-did-not-come"),
            },
        })
        .collect();
    let said = state
        .store
        .said_by(person_id)
        .await?
        .into_iter()
        .map(|s| SaidShown {
            status: match s.status() {
                Some(st) => ("green", st.label().to_string()),
                None => ("grey", tr.t("staff-no-answer-yet")),
            },
            input_id: s.input_id,
            activity: s.came_from,
            received: tr.t1("staff-received-on", "date", tr.date(s.received_on)),
            fed_back: s
                .fed_back_on
                .map(|d| tr.t1("staff-fed-back-on", "date", tr.date(d))),
            said: s.said,
            response: s.response,
        })
        .collect();
    Ok((activities, said))
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let p = visible_person(&state, &viewer, &raw).await?;
        person_view(&state, &viewer, p).await
    }
    .await;
    show(&state, &viewer, result)
}
