//! The demo's venues and projects: what each project says about itself (its rung,
//! budget, limits, partners and the stages it went through) and where activities are
//! held.

use chrono::NaiveDate;
use coproduce_domain::activity::VenueFeature;
use coproduce_domain::ladder::{Level, Rung, Stage};
use coproduce_domain::project::PartnerPart;

use super::days_before;
use crate::StoreError;
use crate::projects::{ProjectFields, insert_project, update_project_in};

/// Organisation index, title, stage, level, scope and limits.
pub(super) const PROJECTS: [(usize, &str, Stage, Level, Option<&str>); 6] = [
    (
        0,
        "Redesigning the mental health crisis response",
        Stage::Design,
        Level::Service,
        Some(
            "We can change how crews and the control room respond to mental health calls. We cannot change national response-time targets.",
        ),
    ),
    (
        0,
        "Patient involvement framework",
        Stage::Initiation,
        Level::Strategic,
        Some(
            "A framework for involving patients in every service redesign programme. The budget for involvement is set for this year.",
        ),
    ),
    (
        0,
        "Maternity care model: engagement",
        Stage::Delivery,
        Level::Service,
        None,
    ),
    (
        0,
        "Recruiting paramedic team leaders",
        Stage::Delivery,
        Level::Strategic,
        Some("Participants sit on the interview panel with equal say in the scoring."),
    ),
    (
        2,
        "Carers' respite services review",
        Stage::Review,
        Level::Service,
        Some("We will review how respite is offered. The total funding for respite is fixed."),
    ),
    (
        2,
        "Adult social care strategy 2027-2030",
        Stage::Initiation,
        Level::Strategic,
        Some(
            "People will shape the priorities of the strategy. Statutory duties are not open to change.",
        ),
    ),
];

/// Organisation index, name, postcode, what it offers, notes.
type DemoVenue = (
    usize,
    &'static str,
    &'static str,
    &'static [VenueFeature],
    Option<&'static str>,
);

const VENUES: [DemoVenue; 3] = [
    (
        0,
        "Northvale Ambulance Service headquarters (demo)",
        "LE1 6WW",
        &[
            VenueFeature::StepFree,
            VenueFeature::Lift,
            VenueFeature::HearingLoop,
            VenueFeature::AccessibleToilet,
            VenueFeature::Parking,
        ],
        Some("Come in by the main entrance on Station Road; reception has the hearing loop."),
    ),
    (
        0,
        "Westfield Community Centre (demo)",
        "LE3 2AB",
        &[
            VenueFeature::StepFree,
            VenueFeature::QuietRoom,
            VenueFeature::PublicTransport,
        ],
        None,
    ),
    (
        2,
        "Northvale Town Hall (demo)",
        "LE1 9HN",
        &[
            VenueFeature::StepFree,
            VenueFeature::HearingLoop,
            VenueFeature::ChangingPlaces,
            VenueFeature::AccessibleToilet,
            VenueFeature::PublicTransport,
        ],
        None,
    ),
];

/// For each project: the rung it aims for, its involvement budget in pence, what
/// cannot change, its partners (organisation index and part), and the stage it was
/// at first, with how many days ago it began (it moved to its stage now 120 days ago).
type ProjectMore = (
    Rung,
    i64,
    Option<&'static str>,
    &'static [(usize, PartnerPart)],
    Option<(Stage, u64)>,
);

const PROJECT_MORE: [ProjectMore; 6] = [
    (
        Rung::CoProduction,
        1_250_000,
        Some("National response-time targets: they are set by NHS England, not by us."),
        &[
            (1, PartnerPart::PatientsForum),
            (3, PartnerPart::Healthwatch),
        ],
        Some((Stage::Initiation, 400)),
    ),
    (
        Rung::CoDesign,
        500_000,
        Some("This year's involvement budget: it was agreed by the board in March."),
        &[(1, PartnerPart::PatientsForum)],
        None,
    ),
    (
        Rung::Engagement,
        150_000,
        None,
        &[(3, PartnerPart::Healthwatch)],
        Some((Stage::Design, 300)),
    ),
    (Rung::CoDesign, 80_000, None, &[], None),
    (
        Rung::CoProduction,
        900_000,
        Some("The total funding for respite: the council's budget for it is fixed until 2028."),
        &[
            (4, PartnerPart::VoluntarySector),
            (3, PartnerPart::Healthwatch),
        ],
        Some((Stage::Initiation, 500)),
    ),
    (
        Rung::CoProduction,
        2_000_000,
        Some("Statutory duties under the Care Act 2014."),
        &[(4, PartnerPart::VoluntarySector)],
        None,
    ),
];

/// Adds the demo's venues; each venue's organisation and id.
pub(super) async fn load_venues(
    tx: &mut crate::Tx,
    orgs: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let mut venues: Vec<(i64, i64)> = Vec::new();
    for (org, name, postcode, features, notes) in VENUES {
        let f = crate::venues::VenueFields {
            organisation_id: orgs[org],
            name: name.into(),
            address: None,
            postcode: Some(postcode.into()),
            notes: notes.map(Into::into),
            features: features.to_vec(),
        };
        venues.push((orgs[org], crate::venues::insert_venue(tx, &f, now).await?));
    }
    Ok(venues)
}

/// Adds the demo's projects, each with its history of stages; each project's id and
/// organisation, in the order of [`PROJECTS`].
pub(super) async fn load_projects(
    tx: &mut crate::Tx,
    orgs: &[i64],
    today: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let mut projects = Vec::new();
    for ((org, title, stage, level, scope), (rung, pence, fixed, partners, earlier)) in
        PROJECTS.into_iter().zip(PROJECT_MORE)
    {
        let mut f = ProjectFields {
            organisation_id: orgs[org],
            title: title.into(),
            stage,
            level,
            scope_and_limits: scope.map(Into::into),
            lead_account_id: None,
            target_rung: Some(rung),
            budget_pence: Some(pence),
            cannot_change: fixed.map(Into::into),
            partners: partners.iter().map(|(o, part)| (orgs[*o], *part)).collect(),
            stage_began_on: Some(days_before(today, 120)),
        };
        let id = match earlier {
            Some((first, ago)) => {
                let started = ProjectFields {
                    stage: first,
                    stage_began_on: Some(days_before(today, ago)),
                    ..f.clone()
                };
                let id = insert_project(&mut *tx, &started, now).await?;
                update_project_in(&mut *tx, id, &f, now).await?;
                id
            }
            None => {
                f.stage_began_on = Some(days_before(today, 400));
                insert_project(&mut *tx, &f, now).await?
            }
        };
        projects.push((id, orgs[org]));
    }
    Ok(projects)
}
