//! The HTML pages, on SQLite and PostgreSQL, read as a person would read them.
//! (Accessibility is checked in a real browser by tests/browser.)

use crate::support::get;
use crate::support::{Site, site_tests};
use axum::http::StatusCode;

async fn demo(store: &Site) {
    coproduce_app::demo::load(&store.ctx).await.unwrap();
}

async fn the_home_page_lists_the_organisations(store: Site) {
    let empty = get(&store, "/").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.text.contains("There are no organisations yet"));
    demo(&store).await;
    let r = get(&store, "/").await;
    assert!(r.content_type.starts_with("text/html"));
    assert!(
        r.text
            .contains("Northvale Ambulance Service NHS Trust (demo)")
    );
    assert!(
        r.text.contains("Patients&#39; Forum") || r.text.contains("Patients&#x27; Forum"),
        "names are escaped"
    );
    let csp = &r.csp;
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
}

async fn the_dashboard_shows_the_feedback_indicator(store: Site) {
    demo(&store).await;
    let r = get(&store, "/organisations/1").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.contains("feedback within 28 days"), "{}", r.text);
    assert!(
        r.text.contains("8 of 15 inputs were fed back"),
        "{}",
        r.text
    );
    assert!(r.text.contains("53%"));
    assert!(
        r.text.contains(
            "Co-production charter for urgent and emergency ambulance services in London"
        )
    );
    let none = get(&store, "/organisations/1?from-day=1&from-month=1&from-year=2001&to-day=31&to-month=12&to-year=2001").await;
    assert!(
        none.text
            .contains("Showing inputs received from 1 January 2001 to 31 December 2001")
    );
    assert!(none.text.contains("No data"), "{}", none.text);
    assert!(!none.text.contains("0%"));
}

async fn a_bad_period_is_explained_and_kept(store: Site) {
    demo(&store).await;
    let r = get(
        &store,
        "/organisations/1?from-day=31&from-month=13&from-year=2026&to-day=&to-month=4&to-year=2026",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text.contains("There is a problem"));
    assert!(
        r.text.contains("The start date must be a real date"),
        "{}",
        r.text
    );
    assert!(r.text.contains("The end date must include a day"));
    assert!(
        r.text.contains("href=\"#from-day\""),
        "the summary links to the field"
    );
    assert!(r.text.contains("value=\"13\""), "what was typed is kept");
    assert!(
        !r.text.contains("inputs were fed back"),
        "no figure for a period that is not real"
    );
    let r = get(&store, "/organisations/1?from-day=31&from-month=12&from-year=2026&to-day=1&to-month=1&to-year=2026").await;
    assert!(
        r.text
            .contains("The start date must be on or before the end date")
    );
}

async fn the_charter_page_lists_sections_and_commitments(store: Site) {
    demo(&store).await;
    let r = get(&store, "/charters").await;
    assert!(
        r.text.contains("Involvement Charter") || r.text.contains("involvement charter"),
        "{}",
        r.text
    );
    let r = get(&store, "/charters/5").await;
    assert_eq!(r.status, StatusCode::OK);
    for rung in [
        "Coercion",
        "Educating",
        "Informing",
        "Consultation",
        "Engagement",
        "Co-design",
        "Co-production",
    ] {
        assert!(r.text.contains(&format!("Rung: {rung}")), "{rung}");
    }
    let r = get(&store, "/charters/1").await;
    assert!(r.text.contains("Signatories"));
    assert!(r.text.contains("Healthwatch Northvale (demo)"));
}

async fn unknown_pages_say_so_helpfully(store: Site) {
    for uri in [
        "/organisations/999",
        "/organisations/abc",
        "/charters/999",
        "/nowhere",
        "/charters/1/x",
    ] {
        let r = get(&store, uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(r.content_type.starts_with("text/html"), "{uri}");
        assert!(r.text.contains("Page not found"), "{uri}");
    }
}

async fn the_design_system_is_served(store: Site) {
    let css = get(&store, "/assets/nhsuk-frontend.min.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.content_type.starts_with("text/css"));
    assert!(css.text.contains(".nhsuk-header"));
    assert_eq!(
        get(&store, "/assets/images/nhsuk-icon-arrow-down.svg")
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(get(&store, "/assets/app.css").await.status, StatusCode::OK);
    assert_eq!(
        get(&store, "/assets/nothing.css").await.status,
        StatusCode::NOT_FOUND
    );
}

site_tests!(
    the_home_page_lists_the_organisations,
    the_dashboard_shows_the_feedback_indicator,
    a_bad_period_is_explained_and_kept,
    the_charter_page_lists_sections_and_commitments,
    unknown_pages_say_so_helpfully,
    the_design_system_is_served,
);
