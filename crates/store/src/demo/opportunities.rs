//! The demo's opportunity that has already closed, dated from today: opened three
//! weeks ago, with three people interested, waiting for the lead to choose. (Open
//! ones are made through the application layer, in `coproduce_app::demo`.)

use chrono::{DateTime, Days, NaiveDate, Utc};
use coproduce_domain::ladder::Rung;
use coproduce_domain::opportunity::{Opportunity, Recognition, WhoMayApply};

use crate::opportunities::{apply_in, insert_opportunity_in, publish_opportunity_in};
use crate::{StoreError, Tx};

pub(super) async fn load_opportunities(
    tx: &mut Tx,
    orgs: &[i64],
    people: &[i64],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let closed = Opportunity {
        title: "Patient panel: choosing the new ambulance station signs".into(),
        expected: "Look at three designs for the signs at our ambulance stations, and tell us which ones are easy to read and to find.".into(),
        involved: "One meeting at Northvale station, and a short walk round the building with the design team.".into(),
        time_asked: "One afternoon of about 3 hours".into(),
        recognition: Recognition::Payment,
        recognition_detail: Some("£15 an hour, and travel or taxi repaid. Ask us if you get benefits.".into()),
        access_support: "Step-free building; a quiet room; papers in Easy Read or large print; a taxi if you need one.".into(),
        rung: Rung::CoProduction,
        closes_on: today.checked_sub_days(Days::new(2)).unwrap_or(today),
        places: 2,
        who_may_apply: WhoMayApply::Public,
        network_id: None,
        project_id: None,
        easy_read: Some("We are making new signs for our ambulance stations.\nWe want you to help us choose.\nYou look at 3 signs.\nYou tell us which one is easy to read.\nWe pay you for your time.".into()),
    };
    let id = insert_opportunity_in(tx, orgs[0], &closed, now - chrono::Duration::days(30)).await?;
    publish_opportunity_in(tx, id, now - chrono::Duration::days(24)).await?;
    for (person, days_ago, why) in [
        (
            10,
            12,
            Some("I use a wheelchair, and signs are often too high for me."),
        ),
        (11, 9, None),
        (
            14,
            5,
            Some("I am partially sighted and would like to help."),
        ),
    ] {
        apply_in(
            tx,
            id,
            people[person],
            why,
            None,
            now - chrono::Duration::days(days_ago),
        )
        .await?;
    }
    Ok(())
}
