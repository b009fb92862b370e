//! How fast the register answers at scale: fills a fresh database with people (100,000
//! unless `COPRODUCE_BENCH_PEOPLE` says otherwise), then times the searches the
//! register page makes. Runs on SQLite, and on PostgreSQL too when
//! `COPRODUCE_TEST_POSTGRES` names a server.
//!
//!     cargo bench -p coproduce-store --bench register
//!     COPRODUCE_BENCH_PEOPLE=1000000 cargo bench -p coproduce-store --bench register
//!
//! Speed goals live here, not in tests: a search is meant to answer a page in well
//! under 50 ms however many people there are.
// A benchmark stops on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use coproduce_domain::needs::Need;
use coproduce_domain::network::{MemberRole, NetworkKind};
use coproduce_domain::organisation::OrganisationKind;
use coproduce_domain::person::{Language, PersonRole, Profile, ServiceArea};
use coproduce_store::import::NewPerson;
use coproduce_store::networks::NetworkFields;
use coproduce_store::organisations::OrganisationFields;
use coproduce_store::people::PeopleFilter;
use coproduce_store::testing::TestDb;
use coproduce_store::{PageRequest, Store, Within};

const FIRST: [&str; 12] = [
    "Amara", "Bill", "Chen", "Dafydd", "Esi", "Farah", "Grace", "Harjit", "Irena", "Joseph",
    "Kate", "Leon",
];
const LAST: [&str; 10] = [
    "Okafor", "Hughes", "Wei", "Morgan", "Mensah", "Siddiqui", "O'Neill", "Kaur", "Nowak",
    "Adeyemi",
];

fn person(org: i64, i: usize) -> NewPerson {
    let roles = [
        PersonRole::ServiceUser,
        PersonRole::Carer,
        PersonRole::Patient,
    ];
    let languages = [
        Language::English,
        Language::Polish,
        Language::Urdu,
        Language::Somali,
    ];
    NewPerson {
        profile: Profile {
            organisation_id: org,
            // A number in every name makes each one its own, as real names mostly are.
            name: format!("{} {}{}", FIRST[i % 12], LAST[(i / 12) % 10], i),
            preferred_name: None,
            pronouns: None,
            email: Some(format!("person{i}@example.org")),
            phone: None,
            address: None,
            postcode: None,
            preferred_contact: None,
            roles: [roles[i % 3]].into_iter().collect(),
            affiliations: None,
            interests: [AREAS[i % 4]].into_iter().collect(),
            availability: Default::default(),
            avoid_rush_hour: false,
            languages: [languages[i % 4]].into_iter().collect(),
            born_on: None,
        },
        // One person in a thousand needs a BSL interpreter: a rare filter.
        needs: if i.is_multiple_of(1000) {
            vec![(Need::BslInterpreter, None)]
        } else {
            vec![]
        },
        guardian: None,
        ethnic_group: None,
    }
}

const AREAS: [ServiceArea; 4] = [
    ServiceArea::MentalHealth,
    ServiceArea::Maternity,
    ServiceArea::PrimaryCare,
    ServiceArea::Housing,
];

async fn fill(store: &Store, people: usize) -> i64 {
    // A benchmark fills its own database as of when it runs.
    let now = coproduce_domain::time::truncate(chrono::Utc::now());
    let org = store
        .create_organisation(
            &OrganisationFields {
                name: "Bench Trust".into(),
                kind: OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let today = now.date_naive();
    let started = Instant::now();
    for chunk in (0..people).collect::<Vec<_>>().chunks(10_000) {
        let batch: Vec<NewPerson> = chunk.iter().map(|i| person(org, *i)).collect();
        store
            .import_people(&batch, None, today, |_| {}, now)
            .await
            .unwrap();
    }
    store.analyze().await.unwrap();
    println!(
        "  filled {people} people in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    org
}

/// A network with every hundredth person in it (people ids start at 1 in a fresh
/// database); one who joined later left again, so the index must tell current
/// members from former ones.
async fn network(store: &Store, org: i64, people: usize) -> i64 {
    let now = coproduce_domain::time::truncate(chrono::Utc::now());
    let started = Instant::now();
    let network = store
        .create_network(
            &NetworkFields {
                organisation_id: org,
                name: "Bench network".into(),
                kind: NetworkKind::ServiceUserCarer,
                description: None,
            },
            now,
        )
        .await
        .unwrap()
        .id;
    let joined = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    for id in (1..=people as i64).step_by(100) {
        let m = store
            .add_member(network, id, MemberRole::Member, joined, now)
            .await
            .unwrap();
        if id % 700 == 1 {
            store.leave_network(m.id, joined, now).await.unwrap();
        }
    }
    store.analyze().await.unwrap();
    println!(
        "  added {} members in {:.1} s",
        people.div_ceil(100),
        started.elapsed().as_secs_f64()
    );
    network
}

/// The median time of 21 runs of one search, and how many it found.
async fn time(
    store: &Store,
    filter: &PeopleFilter,
    after: i64,
    within: Within,
) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..21 {
        let started = Instant::now();
        let page = store
            .find_people(filter, PageRequest::new(Some(after), Some(50)), within)
            .await
            .unwrap();
        times.push(started.elapsed());
        found = page.items.len();
    }
    times.sort();
    (times[10], found)
}

async fn run(name: &str, store: &Store, people: usize) {
    println!("{name}:");
    let org = fill(store, people).await;
    let network = network(store, org, people).await;
    let within = Within::Parent(org);
    let cases: Vec<(&str, PeopleFilter, i64)> = vec![
        ("the first page, no filter", PeopleFilter::default(), 0),
        (
            "a page deep in the list",
            PeopleFilter::default(),
            (people as i64) * 9 / 10,
        ),
        (
            "name starting \"gra\"",
            PeopleFilter {
                name: Some("gra".into()),
                ..Default::default()
            },
            0,
        ),
        (
            "one person by surname and number",
            PeopleFilter {
                name: Some(format!("{}123", LAST[3].to_lowercase())),
                ..Default::default()
            },
            0,
        ),
        (
            "carers who speak Polish",
            PeopleFilter {
                role: Some(PersonRole::Carer),
                language: Some(Language::Polish),
                ..Default::default()
            },
            0,
        ),
        (
            "a rare need (1 in 1,000)",
            PeopleFilter {
                need: Some(Need::BslInterpreter),
                ..Default::default()
            },
            0,
        ),
        (
            "a rare need, interested in mental health, name \"amara\"",
            PeopleFilter {
                need: Some(Need::BslInterpreter),
                interest: Some(ServiceArea::MentalHealth),
                name: Some("amara".into()),
                ..Default::default()
            },
            0,
        ),
        (
            "interested in mental health and speaks Polish (no one)",
            PeopleFilter {
                interest: Some(ServiceArea::MentalHealth),
                language: Some(Language::Polish),
                ..Default::default()
            },
            0,
        ),
        (
            "carers who need a BSL interpreter",
            PeopleFilter {
                role: Some(PersonRole::Carer),
                need: Some(Need::BslInterpreter),
                ..Default::default()
            },
            0,
        ),
        (
            "current members of a network (1 in 100)",
            PeopleFilter {
                network: Some(network),
                ..Default::default()
            },
            0,
        ),
        (
            "network members who speak English, name \"irena\"",
            PeopleFilter {
                network: Some(network),
                language: Some(Language::English),
                name: Some("irena".into()),
                ..Default::default()
            },
            0,
        ),
    ];
    for (label, filter, after) in cases {
        let (t, found) = time(store, &filter, after, within).await;
        println!(
            "  {label:<58} {:>8.2} ms  ({found} on the page)",
            t.as_secs_f64() * 1000.0
        );
    }
}

#[tokio::main]
async fn main() {
    let people: usize = std::env::var("COPRODUCE_BENCH_PEOPLE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let db = TestDb::sqlite().await;
    run("SQLite", &db.store, people).await;
    db.finish().await;
    if let Some(db) = TestDb::postgres().await {
        run("PostgreSQL", &db.store, people).await;
        db.finish().await;
    }
}
