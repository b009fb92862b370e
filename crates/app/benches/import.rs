//! How long a register import takes through the application layer, as the import
//! page and `coproduce import people` make it: a dry run of a 50,000-row register
//! written the way registers are (first name and surname, Census wording, needs as
//! staff write them, three values Coproduce does not know), the same dry run with
//! those three values mapped, and the import into a network, all or nothing.
//!
//! `cargo bench -p coproduce-app --bench import` (SQLite; PostgreSQL too when
//! `COPRODUCE_TEST_POSTGRES` is set). `COPRODUCE_BENCH_ROWS` changes the size.

use std::time::Instant;

use coproduce_app::import::{Choices, ValueMap};
use coproduce_app::testing::TestApp;
use coproduce_domain::account::Role;
use coproduce_domain::network::NetworkKind;
use coproduce_store::networks::NetworkFields;
use coproduce_store::organisations::OrganisationFields;

/// A register as a team keeps it: `rows` people, each with a different email, and
/// three spellings of needs Coproduce does not know spread through the file.
fn register(rows: usize) -> String {
    let ethnic = [
        "White: English, Welsh, Scottish, Northern Irish or British",
        "Black, Black British, Caribbean or African: African",
        "Asian or Asian British: Indian",
        "Mixed or Multiple ethnic groups: White and Asian",
        "Other ethnic group: Arab",
    ];
    let needs = [
        "BSL interpreter",
        "Large print 24pt",
        "Braille",
        "Polish interpreter",
        "Easy Read",
        "wheelchair user",
        "",
    ];
    let odd = ["Sign lang.", "Big writing", "Loop sys"];
    let mut csv = String::from(
        "First name,Surname,E-mail address,Mobile,DOB,Ethnicity,Access needs,Date joined\n",
    );
    for i in 0..rows {
        let need = if i % 10 == 0 {
            odd[(i / 10) % 3]
        } else {
            needs[i % needs.len()]
        };
        csv.push_str(&format!(
            "Person,Number {i},person.{i}@example.org,07700 9{:05},{:02}/{:02}/19{:02},\"{}\",{need},31/01/2024\n",
            i % 100_000,
            1 + i % 28,
            1 + i % 12,
            40 + i % 50,
            ethnic[i % ethnic.len()],
        ));
    }
    csv
}

async fn run(label: &str, app: TestApp, rows: usize) {
    let ctx = &app.ctx;
    let org = ctx
        .store
        .create_organisation(
            &OrganisationFields {
                name: "Bench Trust".into(),
                kind: coproduce_domain::organisation::OrganisationKind::NhsTrust,
                require_second_factor: false,
            },
            coproduce_store::testing::now(),
        )
        .await
        .expect("an organisation")
        .id;
    let lead = app.signed_in(Role::InvolvementLead, Some(org)).await;
    let network = coproduce_app::networks::create_network(
        ctx,
        &lead.actor,
        &NetworkFields {
            organisation_id: org,
            name: "Register".into(),
            kind: NetworkKind::ServiceUserCarer,
            description: None,
        },
    )
    .await
    .expect("a network")
    .id;
    let csv = register(rows);
    let today = coproduce_store::testing::today();
    println!("{label}: {rows} rows, {} bytes", csv.len());

    let t = Instant::now();
    let plan = coproduce_app::import::plan(
        ctx,
        &lead.actor,
        org,
        csv.as_bytes(),
        &Choices::default(),
        today,
    )
    .await
    .expect("a dry run");
    let dry = t.elapsed();
    let groups = plan.report.groups();
    println!(
        "  dry run, values not mapped        {:>9.1} ms  ({} problems in {} groups, {} unknown values)",
        dry.as_secs_f64() * 1000.0,
        plan.report.problems.len(),
        groups.len(),
        plan.report.unknown_values().len()
    );

    let choices = Choices {
        columns: vec![],
        values: [
            "Access needs:Sign lang.=bsl-interpreter",
            "Access needs:Big writing=large-print-20",
            "Access needs:Loop sys=hearing-loop",
        ]
        .iter()
        .map(|m| ValueMap::parse(m).expect("a value map"))
        .collect(),
    };
    let t = Instant::now();
    let plan = coproduce_app::import::plan(ctx, &lead.actor, org, csv.as_bytes(), &choices, today)
        .await
        .expect("a dry run");
    let mapped = t.elapsed();
    println!(
        "  dry run, three values mapped      {:>9.1} ms  ({} problems, {} to add)",
        mapped.as_secs_f64() * 1000.0,
        plan.report.problems.len(),
        plan.to_add().len()
    );
    assert!(plan.can_import(), "{:?}", plan.report.groups());

    let t = Instant::now();
    let ids = coproduce_app::import::import(
        ctx,
        &lead.actor,
        coproduce_app::import::Destination {
            organisation_id: org,
            network_id: Some(network),
        },
        &plan,
        today,
        |_| {},
    )
    .await
    .expect("the import");
    let import = t.elapsed();
    let members = ctx
        .store
        .network(network)
        .await
        .expect("the network")
        .members;
    println!(
        "  import into the network           {:>9.1} ms  ({} people added, {members} members)",
        import.as_secs_f64() * 1000.0,
        ids.len(),
    );
    app.finish().await;
}

#[tokio::main]
async fn main() {
    let rows: usize = std::env::var("COPRODUCE_BENCH_ROWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    run("SQLite", TestApp::sqlite().await, rows).await;
    if let Some(app) = TestApp::postgres().await {
        run("PostgreSQL", app, rows).await;
    }
}
