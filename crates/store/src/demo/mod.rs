//! The demo partnership: a fictional ambulance service, its patients' forum, a council,
//! a Healthwatch and a carers' charity, working together under the built-in charters.
//!
//! Everything here is invented, and labelled as demo data wherever it is shown. Dates
//! are set relative to the day the demo is loaded, so the dashboard always has recent
//! work to show: some feedback on time, some late, some overdue, some not yet due.

mod groups;
mod opportunities;
mod projects;

use chrono::{Days, NaiveDate, NaiveTime};
use coproduce_domain::activity::{ActivityType, Mode, Schedule};
use coproduce_domain::charter::SignatoryStatus;
use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
use coproduce_domain::input::ResponseStatus;
use coproduce_domain::ladder::Rung;
use coproduce_domain::needs::Need;
use coproduce_domain::organisation::OrganisationKind;
use coproduce_domain::person::{
    AttendanceStatus, ContactMethod, Language, PersonRole, Profile, ServiceArea,
};
use coproduce_domain::{templates, time};

use crate::activities::{ActivityFields, insert_activity, publish_activity_in, upsert_attendance};
use crate::charters::{insert_charter, insert_signatory};
use crate::inputs::{InputFields, insert_input};
use crate::organisations::{OrganisationFields, insert_organisation};
use crate::people::insert_person;
use crate::{Store, StoreError};

/// What the demo loaded, for the command that loaded it to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub organisations: usize,
    pub charters: usize,
    pub people: usize,
    pub projects: usize,
    pub activities: usize,
    pub inputs: usize,
}

const ORGANISATIONS: [(&str, OrganisationKind); 5] = [
    (
        "Northvale Ambulance Service NHS Trust (demo)",
        OrganisationKind::AmbulanceService,
    ),
    (
        "Patients' Forum for Northvale Ambulance Service (demo)",
        OrganisationKind::PatientsForum,
    ),
    (
        "Northvale Borough Council (demo)",
        OrganisationKind::LocalAuthority,
    ),
    (
        "Healthwatch Northvale (demo)",
        OrganisationKind::Healthwatch,
    ),
    (
        "Northvale Carers Network (demo)",
        OrganisationKind::VoluntarySector,
    ),
];

/// Charter key, organisation index, status.
const SIGNATORIES: [(&str, usize, SignatoryStatus); 8] = [
    ("las-pflas", 0, SignatoryStatus::Signed),
    ("las-pflas", 1, SignatoryStatus::Signed),
    ("las-pflas", 3, SignatoryStatus::Signed),
    ("las-pflas", 4, SignatoryStatus::Invited),
    ("tlap-ladder", 0, SignatoryStatus::Signed),
    ("hackney-city", 2, SignatoryStatus::Signed),
    ("scie", 2, SignatoryStatus::Signed),
    ("hackney-city", 4, SignatoryStatus::Signed),
];

/// Name, roles, organisation index, languages, interests.
type DemoPerson = (
    &'static str,
    &'static [PersonRole],
    usize,
    &'static [Language],
    &'static [ServiceArea],
);

const PEOPLE: [DemoPerson; 16] = {
    use Language as L;
    use PersonRole as R;
    use ServiceArea as A;
    [
        (
            "Amara Okafor",
            &[R::ServiceUser, R::ExpertByExperience],
            1,
            &[L::English, L::Yoruba],
            &[A::MentalHealth],
        ),
        (
            "Bill Hughes",
            &[R::Carer],
            1,
            &[L::English],
            &[A::OlderPeopleDementia, A::AdultSocialCare],
        ),
        (
            "Chen Wei",
            &[R::Patient],
            1,
            &[L::English, L::Mandarin],
            &[A::HospitalCare],
        ),
        (
            "Dafydd Morgan",
            &[R::ServiceUser],
            1,
            &[L::English],
            &[A::MentalHealth, A::Housing],
        ),
        (
            "Esi Mensah",
            &[R::Resident, R::Carer],
            4,
            &[L::English, L::Twi],
            &[A::ChildrenYoungPeople],
        ),
        (
            "Farah Siddiqui",
            &[R::Resident],
            4,
            &[L::English, L::Urdu, L::Punjabi],
            &[A::Maternity, A::PrimaryCare],
        ),
        (
            "Grace O'Neill",
            &[R::ExpertByExperience],
            3,
            &[L::English],
            &[A::LearningDisabilityAutism],
        ),
        (
            "Harjit Kaur",
            &[R::Patient, R::Carer],
            1,
            &[L::Punjabi, L::English],
            &[A::LongTermConditions],
        ),
        (
            "Irena Nowak",
            &[R::Resident],
            4,
            &[L::Polish, L::English],
            &[A::PrimaryCare, A::Digital],
        ),
        (
            "Joseph Adeyemi",
            &[R::YoungPerson],
            3,
            &[L::English],
            &[A::ChildrenYoungPeople, A::MentalHealth],
        ),
        (
            "Kate Lambert",
            &[R::Staff],
            0,
            &[L::English],
            &[A::Ambulance],
        ),
        (
            "Leon Brooks",
            &[R::Staff],
            0,
            &[L::English, L::BritishSignLanguage],
            &[A::UrgentEmergency],
        ),
        (
            "Maya Patel",
            &[R::Staff],
            2,
            &[L::English, L::Gujarati],
            &[A::CommunityHealth],
        ),
        (
            "Noel Fraser",
            &[R::Staff, R::VoluntarySector],
            2,
            &[L::English],
            &[A::PublicHealth],
        ),
        // Two people in the register who are not yet in the ambulance service's
        // network, to add from its page.
        (
            "Priya Shah",
            &[R::ServiceUser],
            0,
            &[L::English, L::Gujarati],
            &[A::UrgentEmergency],
        ),
        (
            "Tomasz Kowalski",
            &[R::Carer],
            0,
            &[L::Polish, L::English],
            &[A::Ambulance],
        ),
    ]
};

/// Person index, need, detail.
const DEMO_NEEDS: [(usize, Need, Option<&str>); 6] = [
    (0, Need::EasyRead, None),
    (
        0,
        Need::QuietRoom,
        Some("Somewhere to step out to if it gets loud"),
    ),
    (2, Need::LargePrint24, Some("Sans serif, on cream paper")),
    (2, Need::HearingLoop, None),
    (10, Need::StepFree, None),
    (
        11,
        Need::BslInterpreter,
        Some("Book at least two weeks ahead"),
    ),
];

/// Person index and what they consented to.
const DEMO_CONSENTS: [(usize, &[Purpose]); 5] = [
    (
        0,
        &[Purpose::Register, Purpose::Contact, Purpose::ShareNeeds],
    ),
    (1, &[Purpose::Register, Purpose::Contact]),
    (
        2,
        &[Purpose::Register, Purpose::Contact, Purpose::ShareNeeds],
    ),
    (10, &[Purpose::Register, Purpose::Contact]),
    (
        11,
        &[Purpose::Register, Purpose::Contact, Purpose::ShareNeeds],
    ),
];

/// Project index, title, type, mode, rung, days before today, London start time,
/// minutes long, people indexes attending.
type ActivityRow = (
    usize,
    &'static str,
    ActivityType,
    Mode,
    Rung,
    u64,
    (u32, u32),
    i64,
    &'static [usize],
);
const ACTIVITIES: [ActivityRow; 12] = [
    (
        0,
        "Crisis response workshop 1",
        ActivityType::Workshop,
        Mode::FaceToFace,
        Rung::CoDesign,
        300,
        (10, 30),
        150,
        &[0, 1, 2, 7, 10],
    ),
    (
        0,
        "Crisis response workshop 2",
        ActivityType::Workshop,
        Mode::Hybrid,
        Rung::CoDesign,
        240,
        (18, 0),
        120,
        &[0, 2, 3, 7, 10],
    ),
    (
        0,
        "Crisis response: testing the new pathway",
        ActivityType::Meeting,
        Mode::Virtual,
        Rung::CoProduction,
        90,
        (14, 0),
        90,
        &[0, 1, 7, 11],
    ),
    (
        1,
        "What good involvement looks like",
        ActivityType::Workshop,
        Mode::FaceToFace,
        Rung::CoProduction,
        200,
        (11, 0),
        180,
        &[0, 1, 2, 3, 6, 10],
    ),
    (
        1,
        "Framework drafting group",
        ActivityType::Meeting,
        Mode::Virtual,
        Rung::CoProduction,
        60,
        (17, 30),
        90,
        &[1, 3, 6, 11],
    ),
    (
        2,
        "Maternity services survey",
        ActivityType::Survey,
        Mode::Virtual,
        Rung::Consultation,
        150,
        (9, 0),
        60,
        &[2, 4, 5],
    ),
    (
        2,
        "Maternity listening event",
        ActivityType::Event,
        Mode::FaceToFace,
        Rung::Engagement,
        120,
        (13, 0),
        120,
        &[4, 5, 8, 11],
    ),
    (
        3,
        "Team leader interview panel",
        ActivityType::InterviewPanel,
        Mode::FaceToFace,
        Rung::CoProduction,
        30,
        (9, 30),
        180,
        &[0, 7, 10],
    ),
    (
        4,
        "Respite review: carers' focus group",
        ActivityType::Meeting,
        Mode::FaceToFace,
        Rung::Consultation,
        180,
        (10, 0),
        120,
        &[4, 5, 8, 12],
    ),
    (
        4,
        "Respite review: findings briefing",
        ActivityType::Meeting,
        Mode::Virtual,
        Rung::Informing,
        45,
        (18, 30),
        60,
        &[4, 8, 9, 13],
    ),
    (
        5,
        "Strategy priorities workshop",
        ActivityType::Workshop,
        Mode::Hybrid,
        Rung::CoDesign,
        20,
        (10, 0),
        180,
        &[4, 6, 9, 12, 13],
    ),
    (
        5,
        "Introduction to the strategy process",
        ActivityType::TrainingSession,
        Mode::Virtual,
        Rung::Educating,
        8,
        (19, 0),
        60,
        &[5, 8, 9, 13],
    ),
];

/// Activity index, what people said, the response and its status, and the days after
/// the activity on which it was fed back (`None`: not yet).
type InputRow = (
    usize,
    &'static str,
    Option<(&'static str, ResponseStatus)>,
    Option<u64>,
);
const INPUTS: [InputRow; 20] = [
    (
        0,
        "Crews need a direct line to the crisis team.",
        Some((
            "A direct line was set up and is in the new pathway.",
            ResponseStatus::Done,
        )),
        Some(21),
    ),
    (
        0,
        "People in crisis should not wait in the back of an ambulance.",
        Some((
            "We are trialling a mental health car in two boroughs.",
            ResponseStatus::WillDo,
        )),
        Some(26),
    ),
    (
        0,
        "Ask people what calms them when they call.",
        Some((
            "Call handlers now ask this and note it for the crew.",
            ResponseStatus::Done,
        )),
        Some(40),
    ),
    (
        1,
        "Evening sessions worked better for carers.",
        Some((
            "Half of our workshops are now in the evening.",
            ResponseStatus::Done,
        )),
        Some(14),
    ),
    (
        1,
        "Train crews with people who have lived experience.",
        Some((
            "Lived-experience trainers join crew training from spring.",
            ResponseStatus::WillDo,
        )),
        Some(35),
    ),
    (
        2,
        "The pathway leaflet uses too many acronyms.",
        Some((
            "The leaflet was rewritten in plain English with the forum.",
            ResponseStatus::Done,
        )),
        Some(12),
    ),
    (2, "Add a number for families to call back.", None, None),
    (
        3,
        "Pay people for their time on the same day.",
        Some((
            "We cannot pay on the day, but now pay within 10 days.",
            ResponseStatus::CannotDo,
        )),
        Some(27),
    ),
    (
        3,
        "Share the papers a week before meetings.",
        Some(("Papers now go out 7 days before.", ResponseStatus::Done)),
        Some(20),
    ),
    (
        3,
        "Meet outside rush hours.",
        Some((
            "Meetings now start at 10:00 or later.",
            ResponseStatus::Done,
        )),
        Some(60),
    ),
    (4, "Keep the framework to two pages.", None, None),
    (
        5,
        "The survey was hard to read on a phone.",
        Some((
            "The next survey will be tested on phones first.",
            ResponseStatus::WillDo,
        )),
        Some(45),
    ),
    (
        6,
        "Midwives and crews should share birth plans.",
        Some((
            "We are talking with the maternity units about this.",
            ResponseStatus::WillDo,
        )),
        Some(25),
    ),
    (
        6,
        "Provide interpreters at the listening events.",
        None,
        None,
    ),
    (
        7,
        "Ask every candidate how they would involve patients.",
        Some((
            "This question is now part of every interview.",
            ResponseStatus::Done,
        )),
        Some(6),
    ),
    (
        8,
        "Carers want respite booked online and by phone.",
        Some((
            "Phone booking stays; online booking starts next year.",
            ResponseStatus::WillDo,
        )),
        Some(30),
    ),
    (
        8,
        "Respite should be offered at weekends.",
        Some((
            "Weekend respite was not affordable this year.",
            ResponseStatus::CannotDo,
        )),
        Some(50),
    ),
    (
        9,
        "The briefing was too short for questions.",
        Some(("The next briefing is 90 minutes.", ResponseStatus::Done)),
        Some(10),
    ),
    (10, "Put prevention first in the strategy.", None, None),
    (
        11,
        "Explain what 'commissioning' means.",
        Some(("We added a glossary to the pack.", ResponseStatus::Done)),
        Some(3),
    ),
];

impl Store {
    /// Loads the demo partnership in one transaction, dated relative to `now` (the
    /// caller's clock). Refuses a database that already holds organisations.
    pub async fn load_demo(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<DemoSummary, StoreError> {
        let today = time::london_date(now);
        let existing: i64 = on_pool!(self, |p| {
            sqlx::query_scalar("SELECT COUNT(*) FROM organisations")
                .fetch_one(p)
                .await
        })?;
        if existing > 0 {
            return Err(StoreError::Duplicate(
                "this database already holds data; load the demo into a new database".into(),
            ));
        }
        let mut tx = self.begin().await?;
        let mut orgs = Vec::new();
        for (name, kind) in ORGANISATIONS {
            let f = OrganisationFields {
                name: name.into(),
                kind,
                require_second_factor: false,
            };
            orgs.push(insert_organisation(&mut tx, &f, now).await?);
        }
        let charters = templates::all();
        let mut charter_ids = Vec::new();
        for c in &charters {
            charter_ids.push((c.key.clone(), insert_charter(&mut tx, c, now).await?));
        }
        let year_ago = days_before(today, 365);
        for (key, org, status) in SIGNATORIES {
            let Some((_, charter_id)) = charter_ids.iter().find(|(k, _)| k == key) else {
                continue;
            };
            let signed_on = (status == SignatoryStatus::Signed).then(|| days_before(today, 330));
            insert_signatory(&mut tx, *charter_id, orgs[org], status, year_ago, signed_on).await?;
        }
        let mut people = Vec::new();
        for (name, roles, org, languages, interests) in PEOPLE {
            let email = format!(
                "{}@example.org",
                name.to_lowercase().replace([' ', '\''], ".")
            );
            let f = Profile {
                organisation_id: orgs[org],
                name: name.into(),
                preferred_name: None,
                pronouns: None,
                email: Some(email),
                phone: None,
                address: None,
                postcode: None,
                preferred_contact: Some(ContactMethod::Email),
                roles: roles.iter().copied().collect(),
                affiliations: None,
                interests: interests.iter().copied().collect(),
                availability: Default::default(),
                avoid_rush_hour: false,
                languages: languages.iter().copied().collect(),
                born_on: None,
            };
            people.push(insert_person(&mut tx, &f, now).await?);
        }
        // Needs and consent for some of them, so the register and rosters show both.
        let consented_on = days_before(today, 200);
        for (index, need, detail) in DEMO_NEEDS {
            let f = crate::needs::NeedFields {
                need,
                language: None,
                detail: detail.map(Into::into),
            };
            crate::needs::insert_need(&mut tx, people[index], &f, now).await?;
        }
        for (index, purposes) in DEMO_CONSENTS {
            for purpose in purposes {
                let c = ConsentGiven {
                    purpose: *purpose,
                    given_on: consented_on,
                    method: ConsentMethod::Written,
                    given_by: None,
                };
                crate::consents::insert_consent(&mut tx, people[index], &c, None, now).await?;
            }
        }
        let venues = projects::load_venues(&mut tx, &orgs, now).await?;
        let projects = projects::load_projects(&mut tx, &orgs, today, now).await?;
        let mut activities = Vec::new();
        for (project, title, activity_type, mode, rung, ago, (h, m), minutes, attendees) in
            ACTIVITIES
        {
            let day = days_before(today, ago);
            let start = NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
            let starts_at = time::from_london(day.and_time(start))
                .map_err(|e| StoreError::Corrupt(format!("demo activity {title}: {e}")))?;
            let schedule = Schedule::new(starts_at, starts_at + chrono::Duration::minutes(minutes))
                .map_err(|e| StoreError::Corrupt(format!("demo activity {title}: {e}")))?;
            let f = ActivityFields {
                project_id: projects[project].0,
                title: title.into(),
                activity_type,
                mode,
                rung,
                schedule,
                // In the organisation's first venue when people meet in person, and
                // with a made-up joining link when they meet online.
                details: crate::activities::MeetingDetails {
                    venue_id: (mode != Mode::Virtual)
                        .then(|| {
                            venues
                                .iter()
                                .find(|(o, _)| *o == projects[project].1)
                                .map(|(_, v)| *v)
                        })
                        .flatten(),
                    joining_link: (mode != Mode::FaceToFace).then(|| {
                        format!(
                            "https://meet.example.org/northvale-demo-{}",
                            activities.len() + 1
                        )
                    }),
                    places: Some(20),
                    debrief_minutes: Some(20),
                    ..Default::default()
                },
            };
            let id = insert_activity(&mut tx, &f).await?;
            // Every demo activity has happened: each was published three weeks before.
            publish_activity_in(&mut tx, id, starts_at - chrono::Duration::days(21)).await?;
            for &p in attendees {
                let a =
                    upsert_attendance(&mut tx, id, people[p], AttendanceStatus::Attended).await?;
                crate::activities::set_minutes_in(&mut tx, a, Some(minutes)).await?;
            }
            let came: Vec<i64> = attendees.iter().map(|&p| people[p]).collect();
            activities.push((id, day, came, projects[project].0, projects[project].1));
        }
        for (n, (activity, said, response, fed_back_after)) in INPUTS.into_iter().enumerate() {
            let (activity_id, held_on, came, project_id, organisation_id) = &activities[activity];
            let (activity_id, held_on) = (*activity_id, *held_on);
            // Each input is named as said by one of those who came, in turn.
            let said_by = came
                .get(n % came.len().max(1))
                .copied()
                .into_iter()
                .collect();
            let fed_back_on = fed_back_after
                .map(|d| held_on.checked_add_days(Days::new(d)).unwrap_or(held_on))
                .filter(|d| *d <= today);
            let days = crate::indicators::feedback_days_in(&mut tx, *organisation_id).await?;
            let f = InputFields {
                organisation_id: *organisation_id,
                project_id: Some(*project_id),
                activity_id: Some(activity_id),
                opportunity_id: None,
                form_id: None,
                said: said.into(),
                received_on: held_on,
                anonymous_count: 0,
                owner_account_id: None,
                due_on: coproduce_domain::input::due_on(held_on, days),
                said_by,
                themes: Vec::new(),
            };
            let id = insert_input(&mut tx, &f).await?;
            // The answers given so far were told at the next meeting: recorded as fed
            // back on the day, with no message sent.
            let answered_on = fed_back_on
                .or_else(|| held_on.checked_add_days(Days::new(5)))
                .filter(|d| *d <= today);
            if let (Some((text, status)), Some(on)) = (response, answered_on) {
                let at = time::from_london(
                    on.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN)),
                )
                .unwrap_or(now);
                crate::inputs::respond_in(
                    &mut tx,
                    id,
                    &crate::inputs::NewResponse {
                        status,
                        text,
                        will_do_by: (status == ResponseStatus::WillDo)
                            .then(|| on.checked_add_days(Days::new(90)).unwrap_or(on)),
                        owner: None,
                        given_by: None,
                        at,
                        on,
                        told: true,
                    },
                )
                .await?;
                if let Some(fed) = fed_back_on {
                    crate::inputs::fed_back_in(&mut tx, id, fed).await?;
                }
            }
        }
        groups::load_networks(&mut tx, &orgs, &people, today, now).await?;
        groups::load_training(&mut tx, &orgs, &people, today, now).await?;
        opportunities::load_opportunities(&mut tx, &orgs, &people, today, now).await?;
        tx.commit().await?;
        Ok(DemoSummary {
            organisations: orgs.len(),
            charters: charters.len(),
            people: people.len(),
            projects: projects.len(),
            activities: activities.len(),
            inputs: INPUTS.len(),
        })
    }
}

fn days_before(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}
