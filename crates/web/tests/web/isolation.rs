//! Organisation isolation, built from the route table: every route whose address
//! names a record of an organisation is asked, for a record of organisation A, by
//! every role of organisation B. Each answers "not found" (or refuses the role, where
//! the role may not use the route at all), and nothing changes. A route added later
//! is in the table, so it is tested too; a route whose ids name no known kind of
//! record cannot be added at all (`routes::path_ids`).

use crate::support::{As, Fixture, account_with_token, fixture, request, session_for};
use crate::support::{Site, site_tests};
use axum::http::{Method, StatusCode};
use coproduce_domain::account::{Capability, Role};
use coproduce_store::testing::fingerprint;
use coproduce_web::auth::secret;
use coproduce_web::routes::{PathId, RouteEntry};

/// The route's address with each placeholder filled from `f`.
fn fill(entry: &RouteEntry, f: &Fixture) -> String {
    let mut path = entry.path.to_string();
    for (name, named) in &entry.ids {
        let value = match named {
            PathId::Record(kind) => f.id(*kind).to_string(),
            PathId::Public => f.charter.to_string(),
            PathId::OwnAccount | PathId::System => "999999".to_string(),
            PathId::NotARecord => match *name {
                "action" => "induction".to_string(),
                "code" => "pl".to_string(),
                "on" => "on".to_string(),
                "key" if entry.path.contains("meeting-rules") => "debrief".to_string(),
                _ => "x".to_string(),
            },
        };
        path = path.replace(&format!("{{{name}}}"), &value);
    }
    path
}

async fn ask(
    store: &Site,
    role: Role,
    account: i64,
    token: &str,
    method: &Method,
    path: &str,
) -> crate::support::Reply {
    let changes = *method != Method::GET;
    if path.starts_with("/api/") {
        return request(
            store,
            As::Token(token),
            method.clone(),
            path,
            changes.then_some("{}"),
            "application/json",
        )
        .await;
    }
    let cookie = session_for(store, account).await;
    let body = format!("csrf={}", secret::csrf_token(&cookie));
    let _ = role;
    request(
        store,
        As::Cookie(&cookie),
        method.clone(),
        path,
        changes.then_some(body.as_str()),
        "application/x-www-form-urlencoded",
    )
    .await
}

fn refused_by_role(r: &crate::support::Reply) -> bool {
    r.status == StatusCode::UNAUTHORIZED
        || r.status == StatusCode::FORBIDDEN
        || (r.status == StatusCode::SEE_OTHER
            && r.location
                .as_deref()
                .is_some_and(|l| l.starts_with("/sign-in?next=")))
}

async fn another_organisations_records_do_not_exist_on_any_route(store: Site) {
    store
        .import_charter(
            &coproduce_domain::templates::get("las-pflas").unwrap(),
            store.now(),
        )
        .await
        .unwrap();
    let a = fixture(&store, "Trust A").await;
    let b = fixture(&store, "Trust B").await;
    let roles = [
        Role::InvolvementLead,
        Role::Staff,
        Role::Participant,
        Role::Partner,
        Role::BoardViewer,
    ];
    let mut askers = Vec::new();
    for role in roles {
        let token = format!(
            "cpt_iso_{}",
            coproduce_domain::Vocabulary::slug(role).replace('-', "_")
        );
        let id = account_with_token(&store, role, Some(b.organisation), &token).await;
        askers.push((role, id, token));
    }
    let table = coproduce_web::routes::table();
    let scoped: Vec<&RouteEntry> = table
        .iter()
        .filter(|e| e.capability != Capability::ReadPublic)
        .filter(|e| e.ids.iter().any(|(_, n)| matches!(n, PathId::Record(_))))
        .collect();
    assert!(
        scoped.len() > 40,
        "only {} routes name an organisation's record",
        scoped.len()
    );
    let mut problems = Vec::new();
    let before = fingerprint(&store).await;
    for entry in &scoped {
        let path = fill(entry, &a);
        for (role, id, token) in &askers {
            let r = ask(&store, *role, *id, token, &entry.method, &path).await;
            let may_use = role.can(entry.capability);
            let ok = if may_use {
                r.status == StatusCode::NOT_FOUND
            } else {
                refused_by_role(&r)
            };
            if !ok {
                problems.push(format!(
                    "{} {path} as {role:?} of another organisation: expected {}, got {} {}",
                    entry.method,
                    if may_use { "404" } else { "a refusal" },
                    r.status,
                    r.location.clone().unwrap_or_default()
                ));
            }
        }
        let now = fingerprint(&store).await;
        if now != before {
            problems.push(format!(
                "{} {path} changed something: {before:?} became {now:?}",
                entry.method
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The same requests with organisation B's own records are not refused as missing:
    // the 404s above are about whose record it is, not about the address.
    // (A kept spreadsheet is only ever shown to the account that uploaded it, and a
    // `/me/` page only to a person about their own record.)
    let lead = &askers[0];
    for entry in scoped.iter().filter(|e| {
        e.method == Method::GET
            && lead.0.can(e.capability)
            && !e.path.starts_with("/people/import/")
            && !e.path.starts_with("/me/")
    }) {
        let path = fill(entry, &b);
        let r = ask(&store, lead.0, lead.1, &lead.2, &entry.method, &path).await;
        assert_ne!(
            r.status,
            StatusCode::NOT_FOUND,
            "GET {path} as the lead of its own organisation"
        );
    }
}

site_tests!(another_organisations_records_do_not_exist_on_any_route);
