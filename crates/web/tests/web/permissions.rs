//! The permission matrix: every route, for every role and for the public, on SQLite
//! and PostgreSQL. The expected answers are written out here by hand, independently of
//! the capability table in the code; a route added without a row here fails, and so
//! does a row for a route that no longer exists.

use crate::support::{As, Fixture, Reply, account_with_token, fixture, request, session_for};
use crate::support::{Site, site_tests};
use axum::http::{Method, StatusCode};
use coproduce_domain::account::Role;
use coproduce_web::auth::secret;
use serde_json::json;

/// Who asks: the public, or a signed-in role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Public,
    Admin,
    Lead,
    Staff,
    Participant,
    Partner,
    Board,
}

use Who::*;

const EVERYONE: &[Who] = &[Public, Admin, Lead, Staff, Participant, Partner, Board];
const SIGNED_IN: &[Who] = &[Admin, Lead, Staff, Participant, Partner, Board];
const DASHBOARD: &[Who] = &[Admin, Lead, Staff, Partner, Board];
const READ_WORK: &[Who] = &[Admin, Lead, Staff, Board];
const WRITE_WORK: &[Who] = &[Admin, Lead, Staff];
const PEOPLE_READ: &[Who] = &[Admin, Lead, Staff];
const LEADS: &[Who] = &[Admin, Lead];
const EQUALITY: &[Who] = &[Admin, Lead, Board];
const ADMIN_ONLY: &[Who] = &[Admin];

/// Every route and who may use it.
const MATRIX: &[(&str, &str, &[Who])] = &[
    ("GET", "/", EVERYONE),
    ("GET", "/organisations/{id}", DASHBOARD),
    ("GET", "/organisations/{id}/equality", EQUALITY),
    ("GET", "/api/v1/organisations/{id}/equality", EQUALITY),
    ("GET", "/me", SIGNED_IN),
    ("GET", "/me/data.json", SIGNED_IN),
    ("GET", "/me/equality", SIGNED_IN),
    ("POST", "/me/equality", SIGNED_IN),
    ("POST", "/me/consents/{id}/withdraw", SIGNED_IN),
    ("GET", "/me/documents/{id}", SIGNED_IN),
    ("GET", "/me/invitations/{id}", SIGNED_IN),
    ("POST", "/me/invitations/{id}", SIGNED_IN),
    ("GET", "/reply/{token}", EVERYONE),
    ("GET", "/calendar/public.ics", EVERYONE),
    ("GET", "/calendar/{token}", EVERYONE),
    ("POST", "/me/calendar", SIGNED_IN),
    ("POST", "/reply/{token}", EVERYONE),
    ("POST", "/me/documents/{id}/sign", SIGNED_IN),
    ("GET", "/people/inactive", LEADS),
    ("GET", "/people/import", LEADS),
    ("POST", "/people/import", LEADS),
    ("GET", "/people/import/{id}", LEADS),
    ("POST", "/people/import/{id}/columns", LEADS),
    ("POST", "/people/import/{id}/values", LEADS),
    ("POST", "/people/import/{id}/run", LEADS),
    ("GET", "/people/{id}/erase", LEADS),
    ("POST", "/people/{id}/erase", LEADS),
    ("GET", "/charters", EVERYONE),
    ("GET", "/charters/{id}", EVERYONE),
    ("POST", "/charters/adopt", LEADS),
    ("POST", "/charters/import", LEADS),
    ("POST", "/charters/{id}/signatories", LEADS),
    ("GET", "/charters/{id}/settings", LEADS),
    ("POST", "/charters/{id}/settings", LEADS),
    ("GET", "/sign-in", EVERYONE),
    ("POST", "/sign-in", EVERYONE),
    ("GET", "/sign-in/code", EVERYONE),
    ("POST", "/sign-in/code", EVERYONE),
    ("POST", "/sign-out", SIGNED_IN),
    ("POST", "/sign-out-everywhere", SIGNED_IN),
    ("GET", "/account", SIGNED_IN),
    ("POST", "/account/tokens", SIGNED_IN),
    ("POST", "/account/tokens/{id}/revoke", SIGNED_IN),
    ("GET", "/account/second-factor", SIGNED_IN),
    ("POST", "/account/second-factor", SIGNED_IN),
    ("POST", "/account/second-factor/off", SIGNED_IN),
    ("GET", "/accounts", ADMIN_ONLY),
    ("POST", "/accounts", ADMIN_ONLY),
    ("GET", "/admin/jobs", ADMIN_ONLY),
    ("POST", "/admin/jobs/{id}/retry", ADMIN_ONLY),
    ("GET", "/admin/audit", ADMIN_ONLY),
    ("GET", "/projects", READ_WORK),
    ("GET", "/projects/new", WRITE_WORK),
    ("POST", "/projects", WRITE_WORK),
    ("GET", "/projects/{id}", READ_WORK),
    ("GET", "/projects/{id}/edit", WRITE_WORK),
    ("GET", "/projects/{id}/partners", WRITE_WORK),
    ("GET", "/venues", READ_WORK),
    ("GET", "/venues/new", WRITE_WORK),
    ("POST", "/venues", WRITE_WORK),
    ("GET", "/venues/{id}/edit", WRITE_WORK),
    ("POST", "/venues/{id}", WRITE_WORK),
    ("POST", "/projects/{id}/partners", WRITE_WORK),
    ("POST", "/projects/{id}", WRITE_WORK),
    ("GET", "/projects/{id}/activities/new", WRITE_WORK),
    ("POST", "/projects/{id}/activities", WRITE_WORK),
    ("GET", "/activities/{id}", READ_WORK),
    ("POST", "/activities/{id}/inputs", WRITE_WORK),
    ("POST", "/activities/{id}/publish", WRITE_WORK),
    ("GET", "/payments", WRITE_WORK),
    ("GET", "/payments/export", LEADS),
    ("GET", "/payments/{id}", WRITE_WORK),
    ("POST", "/payments/{id}/approve", LEADS),
    ("POST", "/payments/{id}/paid", LEADS),
    ("POST", "/payments/{id}/reverse", WRITE_WORK),
    ("GET", "/activities/{id}/payments", WRITE_WORK),
    ("POST", "/activities/{id}/payments", WRITE_WORK),
    ("GET", "/people/{id}/recognition", LEADS),
    ("POST", "/people/{id}/recognition", LEADS),
    ("GET", "/me/recognition", SIGNED_IN),
    ("POST", "/me/recognition", SIGNED_IN),
    ("GET", "/organisations/{id}/recognition", READ_WORK),
    ("GET", "/organisations/{id}/recognition/new", LEADS),
    ("POST", "/organisations/{id}/recognition", LEADS),
    ("GET", "/organisations/{id}/meeting-rules", READ_WORK),
    ("GET", "/organisations/{id}/meeting-rules/{key}", LEADS),
    ("POST", "/organisations/{id}/meeting-rules/{key}", LEADS),
    ("GET", "/activities/{id}/ground-rules", WRITE_WORK),
    ("POST", "/activities/{id}/ground-rules", WRITE_WORK),
    ("GET", "/activities/{id}/ground-rules/print", READ_WORK),
    ("GET", "/activities/{id}/papers", READ_WORK),
    ("GET", "/activities/{id}/feedback", READ_WORK),
    ("POST", "/activities/{id}/feedback/ask", WRITE_WORK),
    (
        "POST",
        "/activities/{id}/invitations/{invitation_id}/contacted",
        WRITE_WORK,
    ),
    ("POST", "/api/v1/invitations/{id}/contacted", WRITE_WORK),
    (
        "POST",
        "/activities/{id}/reminders/{key}/remove",
        WRITE_WORK,
    ),
    ("GET", "/activities/{id}/feedback/paper", WRITE_WORK),
    ("POST", "/activities/{id}/feedback/paper", WRITE_WORK),
    ("GET", "/feedback/{token}", EVERYONE),
    ("POST", "/feedback/{token}", EVERYONE),
    ("GET", "/me/feedback/{key}", SIGNED_IN),
    ("POST", "/me/feedback/{key}", SIGNED_IN),
    ("GET", "/activities/{id}/papers/new", WRITE_WORK),
    ("POST", "/activities/{id}/papers", WRITE_WORK),
    ("POST", "/activities/{id}/papers/send", WRITE_WORK),
    ("GET", "/activities/{id}/papers/{paper_id}", READ_WORK),
    (
        "POST",
        "/activities/{id}/papers/{paper_id}/remove",
        WRITE_WORK,
    ),
    ("GET", "/reply/{token}/papers/{key}", EVERYONE),
    ("GET", "/me/invitations/{id}/papers/{key}", SIGNED_IN),
    ("GET", "/activities/{id}/edit", WRITE_WORK),
    ("POST", "/activities/{id}", WRITE_WORK),
    ("GET", "/activities/{id}/cancel", WRITE_WORK),
    ("POST", "/activities/{id}/cancel", WRITE_WORK),
    ("GET", "/activities/{id}/invitations", READ_WORK),
    ("GET", "/activities/{id}/invitations/new", WRITE_WORK),
    ("POST", "/activities/{id}/invitations", WRITE_WORK),
    (
        "GET",
        "/activities/{id}/invitations/{invitation_id}/reply",
        WRITE_WORK,
    ),
    (
        "POST",
        "/activities/{id}/invitations/{invitation_id}/reply",
        WRITE_WORK,
    ),
    (
        "POST",
        "/activities/{id}/invitations/{invitation_id}/letter",
        WRITE_WORK,
    ),
    ("GET", "/inputs", READ_WORK),
    ("GET", "/inputs/{id}", READ_WORK),
    ("GET", "/inputs/{id}/edit", WRITE_WORK),
    ("POST", "/inputs/{id}", WRITE_WORK),
    ("GET", "/inputs/{id}/respond", WRITE_WORK),
    ("POST", "/inputs/{id}/respond", WRITE_WORK),
    ("GET", "/inputs/{id}/fed-back", WRITE_WORK),
    ("POST", "/inputs/{id}/fed-back", WRITE_WORK),
    ("GET", "/inputs/{id}/told/{told_id}/letter", WRITE_WORK),
    ("POST", "/inputs/{id}/told/{told_id}/done", WRITE_WORK),
    ("POST", "/inputs/{id}/publish", WRITE_WORK),
    ("POST", "/inputs/{id}/unpublish", WRITE_WORK),
    ("GET", "/you-said-we-did/{id}", EVERYONE),
    ("GET", "/you-said-we-did/{id}/feed.atom", EVERYONE),
    ("GET", "/you-said-we-did/{id}/you-said-we-did.csv", EVERYONE),
    ("GET", "/forms", READ_WORK),
    ("GET", "/forms/new", WRITE_WORK),
    ("POST", "/forms", WRITE_WORK),
    ("GET", "/forms/{id}", READ_WORK),
    ("GET", "/forms/{id}/edit", WRITE_WORK),
    ("POST", "/forms/{id}", WRITE_WORK),
    ("POST", "/forms/{id}/open", WRITE_WORK),
    ("POST", "/forms/{id}/close", WRITE_WORK),
    ("GET", "/say/{id}", EVERYONE),
    ("POST", "/say/{id}", EVERYONE),
    ("GET", "/say/{id}/thanks", EVERYONE),
    ("GET", "/outcomes", READ_WORK),
    ("GET", "/outcomes/new", WRITE_WORK),
    ("POST", "/outcomes", WRITE_WORK),
    ("GET", "/outcomes/{id}", READ_WORK),
    ("GET", "/outcomes/{id}/edit", WRITE_WORK),
    ("POST", "/outcomes/{id}", WRITE_WORK),
    ("GET", "/outcomes/{id}/evidence/new", WRITE_WORK),
    ("POST", "/outcomes/{id}/evidence", WRITE_WORK),
    ("GET", "/outcomes/{id}/evidence/{evidence_id}", READ_WORK),
    ("GET", "/preferences/language/{code}", EVERYONE),
    ("GET", "/preferences/easy-read/{on}", EVERYONE),
    ("GET", "/accessibility", EVERYONE),
    ("GET", "/people", PEOPLE_READ),
    ("GET", "/people/new", LEADS),
    ("POST", "/people", LEADS),
    ("GET", "/people/{id}", PEOPLE_READ),
    ("GET", "/people/{id}/edit", LEADS),
    ("POST", "/people/{id}", LEADS),
    ("GET", "/people/{id}/needs/new", LEADS),
    ("POST", "/people/{id}/needs", LEADS),
    ("GET", "/people/{id}/consents/new", LEADS),
    ("GET", "/people/{id}/networks/new", LEADS),
    ("GET", "/people/{id}/training/new", LEADS),
    ("POST", "/people/{id}/needs/{need}/remove", LEADS),
    ("POST", "/people/{id}/consents", LEADS),
    ("POST", "/consents/{id}/withdraw", LEADS),
    ("POST", "/people/{id}/networks", LEADS),
    ("POST", "/people/{id}/training", LEADS),
    ("GET", "/networks", PEOPLE_READ),
    ("GET", "/networks/new", LEADS),
    ("POST", "/networks", LEADS),
    ("GET", "/networks/{id}", PEOPLE_READ),
    ("GET", "/networks/{id}/edit", LEADS),
    ("POST", "/networks/{id}", LEADS),
    ("GET", "/networks/{id}/documents/new", LEADS),
    ("GET", "/documents/{id}", PEOPLE_READ),
    ("GET", "/networks/{id}/members/new", LEADS),
    ("POST", "/networks/{id}/members", LEADS),
    ("POST", "/networks/{id}/documents", LEADS),
    ("GET", "/memberships/{id}", PEOPLE_READ),
    ("GET", "/memberships/{id}/{action}", LEADS),
    ("POST", "/memberships/{id}/{action}", LEADS),
    ("GET", "/training", PEOPLE_READ),
    ("GET", "/training/new", LEADS),
    ("POST", "/training", LEADS),
    ("GET", "/training/{id}", PEOPLE_READ),
    ("GET", "/training/{id}/edit", LEADS),
    ("POST", "/training/{id}", LEADS),
    ("GET", "/training/{id}/sessions/new", LEADS),
    ("POST", "/training/{id}/sessions", LEADS),
    ("GET", "/sessions/{id}/remove", LEADS),
    ("POST", "/sessions/{id}/remove", LEADS),
    ("GET", "/completions/{id}/remove", LEADS),
    ("POST", "/completions/{id}/remove", LEADS),
    ("GET", "/organisations/new", ADMIN_ONLY),
    ("POST", "/organisations", ADMIN_ONLY),
    ("GET", "/organisations/{id}/settings", ADMIN_ONLY),
    ("POST", "/organisations/{id}/settings", ADMIN_ONLY),
    ("POST", "/activities/{id}/attendance", WRITE_WORK),
    ("GET", "/password-reset", EVERYONE),
    ("POST", "/password-reset", EVERYONE),
    ("GET", "/password-reset/{token}", EVERYONE),
    ("POST", "/password-reset/{token}", EVERYONE),
    ("GET", "/invitations/{token}", EVERYONE),
    ("POST", "/invitations/{token}", EVERYONE),
    ("GET", "/api/v1/organisations", EVERYONE),
    ("POST", "/api/v1/organisations", ADMIN_ONLY),
    ("GET", "/api/v1/organisations/{id}", EVERYONE),
    ("PUT", "/api/v1/organisations/{id}", ADMIN_ONLY),
    ("GET", "/api/v1/charters", EVERYONE),
    ("POST", "/api/v1/charters", LEADS),
    ("GET", "/api/v1/charters/{id}", EVERYONE),
    ("PUT", "/api/v1/charters/{id}", LEADS),
    ("GET", "/api/v1/charters/{id}/signatories", EVERYONE),
    ("POST", "/api/v1/charters/{id}/signatories", LEADS),
    ("GET", "/api/v1/charter-templates", EVERYONE),
    ("POST", "/api/v1/charter-templates/{key}/adopt", LEADS),
    ("GET", "/api/v1/people", PEOPLE_READ),
    ("POST", "/api/v1/people", LEADS),
    ("GET", "/api/v1/people/{id}", PEOPLE_READ),
    ("GET", "/api/v1/networks", PEOPLE_READ),
    ("GET", "/api/v1/networks/{id}", PEOPLE_READ),
    ("GET", "/api/v1/networks/{id}/members", PEOPLE_READ),
    ("GET", "/api/v1/courses", PEOPLE_READ),
    ("GET", "/api/v1/courses/{id}/completions", PEOPLE_READ),
    ("PUT", "/api/v1/people/{id}", LEADS),
    ("GET", "/api/v1/projects", READ_WORK),
    ("POST", "/api/v1/projects", WRITE_WORK),
    ("GET", "/api/v1/projects/{id}", READ_WORK),
    ("PUT", "/api/v1/projects/{id}", WRITE_WORK),
    ("GET", "/api/v1/activities", READ_WORK),
    ("POST", "/api/v1/activities", WRITE_WORK),
    ("GET", "/api/v1/activities/{id}", READ_WORK),
    ("PUT", "/api/v1/activities/{id}", WRITE_WORK),
    ("POST", "/api/v1/activities/{id}/publish", WRITE_WORK),
    ("GET", "/api/v1/payments", WRITE_WORK),
    ("GET", "/api/v1/payments/{id}", WRITE_WORK),
    ("POST", "/api/v1/activities/{id}/payments", WRITE_WORK),
    ("POST", "/api/v1/payments/{id}/approve", LEADS),
    ("POST", "/api/v1/payments/{id}/paid", LEADS),
    ("POST", "/api/v1/payments/{id}/reverse", WRITE_WORK),
    (
        "GET",
        "/api/v1/people/{id}/recognition-choices",
        PEOPLE_READ,
    ),
    ("POST", "/api/v1/people/{id}/recognition-choices", LEADS),
    (
        "GET",
        "/api/v1/organisations/{id}/recognition-policy",
        READ_WORK,
    ),
    (
        "GET",
        "/api/v1/organisations/{id}/recognition-policies",
        READ_WORK,
    ),
    (
        "POST",
        "/api/v1/organisations/{id}/recognition-policies",
        LEADS,
    ),
    ("GET", "/api/v1/organisations/{id}/meeting-rules", READ_WORK),
    (
        "PUT",
        "/api/v1/organisations/{id}/meeting-rules/{key}",
        LEADS,
    ),
    ("GET", "/api/v1/activities/{id}/warnings", READ_WORK),
    ("GET", "/api/v1/activities/{id}/ground-rules", READ_WORK),
    ("PUT", "/api/v1/activities/{id}/ground-rules", WRITE_WORK),
    ("GET", "/api/v1/activities/{id}/papers", READ_WORK),
    ("GET", "/api/v1/activities/{id}/feedback", READ_WORK),
    ("POST", "/api/v1/activities/{id}/feedback", WRITE_WORK),
    ("POST", "/api/v1/activities/{id}/feedback/ask", WRITE_WORK),
    (
        "POST",
        "/api/v1/activities/{id}/reminders/{key}/remove",
        WRITE_WORK,
    ),
    ("POST", "/api/v1/activities/{id}/papers", WRITE_WORK),
    ("POST", "/api/v1/activities/{id}/papers/send", WRITE_WORK),
    ("POST", "/api/v1/activities/{id}/cancel", WRITE_WORK),
    ("POST", "/api/v1/activities/{id}/close", WRITE_WORK),
    ("GET", "/activities/{id}/close", WRITE_WORK),
    ("POST", "/activities/{id}/close", WRITE_WORK),
    ("GET", "/activities/{id}/sign-in-sheet", READ_WORK),
    ("GET", "/activities/{id}/provision", READ_WORK),
    ("GET", "/api/v1/activities/{id}/provision", READ_WORK),
    (
        "POST",
        "/api/v1/activities/{id}/provision/booking",
        WRITE_WORK,
    ),
    (
        "POST",
        "/api/v1/activities/{id}/provision/outcome",
        WRITE_WORK,
    ),
    ("GET", "/activities/{id}/provision/book", WRITE_WORK),
    ("POST", "/activities/{id}/provision/book", WRITE_WORK),
    ("GET", "/activities/{id}/provision/outcome", WRITE_WORK),
    ("POST", "/activities/{id}/provision/outcome", WRITE_WORK),
    ("GET", "/api/v1/activities/{id}/invitations", READ_WORK),
    ("POST", "/api/v1/activities/{id}/invitations", WRITE_WORK),
    ("PUT", "/api/v1/invitations/{id}/reply", WRITE_WORK),
    ("GET", "/api/v1/activities/{id}/reminders", READ_WORK),
    ("POST", "/api/v1/activities/{id}/reminders", WRITE_WORK),
    ("GET", "/activities/{id}/reminders/new", WRITE_WORK),
    ("POST", "/activities/{id}/reminders", WRITE_WORK),
    ("GET", "/api/v1/venues", READ_WORK),
    ("POST", "/api/v1/venues", WRITE_WORK),
    ("GET", "/api/v1/venues/{id}", READ_WORK),
    ("PUT", "/api/v1/venues/{id}", WRITE_WORK),
    ("GET", "/api/v1/activities/{id}/attendance", READ_WORK),
    (
        "PUT",
        "/api/v1/activities/{id}/attendance/{person_id}",
        WRITE_WORK,
    ),
    ("GET", "/api/v1/inputs", READ_WORK),
    ("POST", "/api/v1/inputs", WRITE_WORK),
    ("GET", "/api/v1/inputs/{id}", READ_WORK),
    ("PUT", "/api/v1/inputs/{id}", WRITE_WORK),
    ("GET", "/api/v1/inputs/{id}/responses", READ_WORK),
    ("POST", "/api/v1/inputs/{id}/responses", WRITE_WORK),
    ("GET", "/api/v1/inputs/{id}/told", PEOPLE_READ),
    (
        "POST",
        "/api/v1/inputs/{id}/told/{told_id}/done",
        WRITE_WORK,
    ),
    ("POST", "/api/v1/inputs/{id}/fed-back", WRITE_WORK),
    ("POST", "/api/v1/inputs/{id}/publish", WRITE_WORK),
    ("POST", "/api/v1/inputs/{id}/unpublish", WRITE_WORK),
    ("GET", "/api/v1/forms", READ_WORK),
    ("POST", "/api/v1/forms", WRITE_WORK),
    ("GET", "/api/v1/forms/{id}", READ_WORK),
    ("PUT", "/api/v1/forms/{id}", WRITE_WORK),
    ("POST", "/api/v1/forms/{id}/open", WRITE_WORK),
    ("POST", "/api/v1/forms/{id}/close", WRITE_WORK),
    ("GET", "/api/v1/outcomes", READ_WORK),
    ("POST", "/api/v1/organisations/{id}/outcomes", WRITE_WORK),
    ("GET", "/api/v1/outcomes/{id}", READ_WORK),
    ("PUT", "/api/v1/outcomes/{id}", WRITE_WORK),
    ("POST", "/api/v1/outcomes/{id}/evidence", WRITE_WORK),
    (
        "GET",
        "/api/v1/organisations/{id}/indicators/you-said-we-did",
        DASHBOARD,
    ),
    (
        "GET",
        "/api/v1/organisations/{id}/indicators/feedback-within-days",
        DASHBOARD,
    ),
    ("GET", "/opportunities", READ_WORK),
    ("GET", "/opportunities/new", WRITE_WORK),
    ("POST", "/opportunities", WRITE_WORK),
    ("GET", "/opportunities/{id}", READ_WORK),
    ("GET", "/opportunities/{id}/edit", WRITE_WORK),
    ("POST", "/opportunities/{id}", WRITE_WORK),
    ("POST", "/opportunities/{id}/publish", WRITE_WORK),
    ("GET", "/opportunities/{id}/invited", WRITE_WORK),
    ("POST", "/opportunities/{id}/invited", WRITE_WORK),
    ("GET", "/opportunities/{id}/apply", WRITE_WORK),
    ("POST", "/opportunities/{id}/apply", WRITE_WORK),
    (
        "POST",
        "/opportunities/{id}/applications/{person_id}/withdraw",
        WRITE_WORK,
    ),
    ("GET", "/opportunities/{id}/choose", WRITE_WORK),
    ("POST", "/opportunities/{id}/choose", WRITE_WORK),
    ("GET", "/open-opportunities", EVERYONE),
    ("GET", "/open-opportunities/{id}", EVERYONE),
    ("GET", "/open-opportunities/{id}/easy-read", EVERYONE),
    ("GET", "/me/opportunities/{id}", SIGNED_IN),
    ("POST", "/me/opportunities/{id}", SIGNED_IN),
    ("POST", "/me/opportunities/{id}/withdraw", SIGNED_IN),
    ("GET", "/api/v1/opportunities", READ_WORK),
    (
        "POST",
        "/api/v1/organisations/{id}/opportunities",
        WRITE_WORK,
    ),
    ("GET", "/api/v1/opportunities/{id}", READ_WORK),
    ("PUT", "/api/v1/opportunities/{id}", WRITE_WORK),
    ("POST", "/api/v1/opportunities/{id}/publish", WRITE_WORK),
    ("GET", "/api/v1/opportunities/{id}/invited", PEOPLE_READ),
    ("POST", "/api/v1/opportunities/{id}/invited", WRITE_WORK),
    (
        "GET",
        "/api/v1/opportunities/{id}/applications",
        PEOPLE_READ,
    ),
    (
        "POST",
        "/api/v1/opportunities/{id}/applications",
        WRITE_WORK,
    ),
    (
        "POST",
        "/api/v1/opportunities/{id}/applications/{person_id}/withdraw",
        WRITE_WORK,
    ),
    ("POST", "/api/v1/opportunities/{id}/decide", WRITE_WORK),
    ("GET", "/api/v1/opportunities/{id}/make-up", EQUALITY),
    ("GET", "/api/v1/open-opportunities", EVERYONE),
    ("GET", "/api/openapi.json", EVERYONE),
    ("GET", "/healthz", EVERYONE),
    ("GET", "/readyz", EVERYONE),
    ("GET", "/assets/{*path}", EVERYONE),
];

fn fill(path: &str, f: &Fixture) -> String {
    let id = if path.starts_with("/people/import/") {
        999_999
    } else if path.starts_with("/api/v1/people/") || path.starts_with("/people/") {
        f.person
    } else if path.starts_with("/api/v1/projects/") || path.starts_with("/projects/") {
        f.project
    } else if path.starts_with("/api/v1/activities/") || path.starts_with("/activities/") {
        f.activity
    } else if path.starts_with("/api/v1/inputs/") || path.starts_with("/inputs/") {
        f.input
    } else if path.contains("/charters/") {
        f.charter
    } else if path.starts_with("/networks/") || path.starts_with("/api/v1/networks/") {
        f.network
    } else if path.starts_with("/memberships/") {
        f.membership
    } else if path.starts_with("/training/") || path.starts_with("/api/v1/courses/") {
        f.course
    } else if path.starts_with("/sessions/") {
        f.session
    } else if path.starts_with("/completions/") {
        f.completion
    } else if path.starts_with("/documents/") {
        f.document
    } else if path.starts_with("/venues/") || path.starts_with("/api/v1/venues/") {
        f.venue
    } else if path.starts_with("/invitations/") || path.starts_with("/api/v1/invitations/") {
        f.invitation
    } else if path.contains("/opportunities/") {
        f.opportunity
    } else if path.starts_with("/outcomes/") || path.starts_with("/api/v1/outcomes/") {
        f.outcome
    } else if path.starts_with("/payments/") || path.starts_with("/api/v1/payments/") {
        f.payment
    } else if path.starts_with("/forms/")
        || path.starts_with("/api/v1/forms/")
        || path.starts_with("/say/")
    {
        f.said_form
    } else if path.starts_with("/account/tokens/")
        || path.starts_with("/consents/")
        || path.starts_with("/me/consents/")
        || path.starts_with("/me/documents/")
        || path.starts_with("/me/invitations/")
        || path.starts_with("/me/feedback/")
    {
        999_999
    } else {
        f.organisation
    };
    path.replace("{id}", &id.to_string())
        .replace("{person_id}", &f.person.to_string())
        .replace("{invitation_id}", &f.invitation.to_string())
        .replace("{paper_id}", &f.paper.to_string())
        .replace("{told_id}", &f.told.to_string())
        .replace("{evidence_id}", &f.evidence.to_string())
        .replace(
            "{key}",
            if path.contains("meeting-rules") {
                "debrief"
            } else {
                "scie"
            },
        )
        .replace("{token}", "cpe_not_a_real_link")
        .replace("{*path}", "app.css")
        .replace("{code}", "pl")
        .replace("{on}", "on")
        .replace("{need}", "999999")
        .replace("{action}", "induction")
}

/// Whether the answer is a refusal by the permission check.
fn refused(r: &Reply) -> bool {
    r.status == StatusCode::UNAUTHORIZED
        || r.status == StatusCode::FORBIDDEN
        || (r.status == StatusCode::SEE_OTHER
            && r.location
                .as_deref()
                .is_some_and(|l| l.starts_with("/sign-in?next=")))
}

async fn ask(
    store: &Site,
    who: Who,
    accounts: &[(Who, i64, &str)],
    method: &Method,
    path: &str,
) -> Reply {
    let api = path.starts_with("/api/");
    let changes = *method != Method::GET;
    if who == Public {
        let (body, ct) = if api {
            ("{}", "application/json")
        } else {
            ("", "application/x-www-form-urlencoded")
        };
        return request(
            store,
            As::Public,
            method.clone(),
            path,
            changes.then_some(body),
            ct,
        )
        .await;
    }
    let (_, id, token) = accounts.iter().find(|(w, _, _)| *w == who).unwrap();
    if api {
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
    // Pages: a fresh session, and its form token on anything that changes state.
    let cookie = session_for(store, *id).await;
    let body = format!("csrf={}", secret::csrf_token(&cookie));
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

async fn every_route_answers_every_role_as_the_matrix_says(store: Site) {
    store
        .import_charter(
            &coproduce_domain::templates::get("las-pflas").unwrap(),
            store.now(),
        )
        .await
        .unwrap();
    let a = fixture(&store, "Trust A").await;
    let accounts = vec![
        (
            Admin,
            account_with_token(&store, Role::Administrator, None, "cpt_m_admin").await,
            "cpt_m_admin",
        ),
        (
            Lead,
            account_with_token(
                &store,
                Role::InvolvementLead,
                Some(a.organisation),
                "cpt_m_lead",
            )
            .await,
            "cpt_m_lead",
        ),
        (
            Staff,
            account_with_token(&store, Role::Staff, Some(a.organisation), "cpt_m_staff").await,
            "cpt_m_staff",
        ),
        (
            Participant,
            account_with_token(
                &store,
                Role::Participant,
                Some(a.organisation),
                "cpt_m_participant",
            )
            .await,
            "cpt_m_participant",
        ),
        (
            Partner,
            account_with_token(&store, Role::Partner, Some(a.organisation), "cpt_m_partner").await,
            "cpt_m_partner",
        ),
        (
            Board,
            account_with_token(
                &store,
                Role::BoardViewer,
                Some(a.organisation),
                "cpt_m_board",
            )
            .await,
            "cpt_m_board",
        ),
    ];
    let table = coproduce_web::routes::table();
    let mut problems = Vec::new();
    for entry in &table {
        let row = MATRIX
            .iter()
            .find(|(m, p, _)| *m == entry.method.as_str() && *p == entry.path);
        let Some((_, _, allowed)) = row else {
            problems.push(format!(
                "{} {} has no row in the permission matrix",
                entry.method, entry.path
            ));
            continue;
        };
        let path = fill(entry.path, &a);
        for who in EVERYONE {
            let r = ask(&store, *who, &accounts, &entry.method, &path).await;
            let expected = allowed.contains(who);
            if refused(&r) == expected {
                problems.push(format!(
                    "{} {path} as {who:?}: expected {}, got {} {}",
                    entry.method,
                    if expected { "allowed" } else { "refused" },
                    r.status,
                    r.location.clone().unwrap_or_default()
                ));
            }
            assert_ne!(
                r.status,
                StatusCode::INTERNAL_SERVER_ERROR,
                "{} {path} as {who:?}: {}",
                entry.method,
                r.text
            );
        }
    }
    for (m, p, _) in MATRIX {
        if !table
            .iter()
            .any(|e| e.method.as_str() == *m && e.path == *p)
        {
            problems.push(format!("{m} {p} is in the matrix but is not a route"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

async fn one_organisations_records_never_show_to_anothers_staff(store: Site) {
    let a = fixture(&store, "Trust A").await;
    let b = fixture(&store, "Trust B").await;
    account_with_token(&store, Role::Staff, Some(a.organisation), "cpt_staff_a").await;
    let token = As::Token("cpt_staff_a");
    let get = |path: String| {
        let store = store.clone();
        async move { request(&store, token, Method::GET, &path, None, "").await }
    };
    for path in [
        format!("/api/v1/projects/{}", b.project),
        format!("/api/v1/activities/{}", b.activity),
        format!("/api/v1/activities/{}/attendance", b.activity),
        format!("/api/v1/inputs/{}", b.input),
        format!("/api/v1/people/{}", b.person),
        format!("/api/v1/people?organisation_id={}", b.organisation),
        format!("/api/v1/projects?organisation_id={}", b.organisation),
        format!(
            "/api/v1/organisations/{}/indicators/feedback-within-days",
            b.organisation
        ),
        format!("/organisations/{}", b.organisation),
        format!("/api/v1/networks/{}", b.network),
        format!("/api/v1/networks/{}/members", b.network),
        format!("/api/v1/courses/{}/completions", b.course),
        format!("/api/v1/networks?organisation_id={}", b.organisation),
    ] {
        assert_eq!(
            get(path.clone()).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // Pages of another organisation's networks, memberships and courses are not found.
    let cookie = {
        let id = account_with_token(
            &store,
            Role::InvolvementLead,
            Some(a.organisation),
            "cpt_lead_a",
        )
        .await;
        session_for(&store, id).await
    };
    for path in [
        format!("/networks/{}", b.network),
        format!("/networks/{}/edit", b.network),
        format!("/memberships/{}", b.membership),
        format!("/memberships/{}/leave", b.membership),
        format!("/training/{}", b.course),
        format!("/training/{}/sessions/new", b.course),
    ] {
        assert_eq!(
            request(&store, As::Cookie(&cookie), Method::GET, &path, None, "")
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    for path in [
        format!("/networks/{}/documents", b.network),
        format!("/memberships/{}/leave", b.membership),
        format!("/training/{}/sessions", b.course),
    ] {
        let body = format!(
            "csrf={}&on-day=1&on-month=2&on-year=2026&kind=code-of-conduct&title=x&version=9&body=x&adopted_on-day=1&adopted_on-month=1&adopted_on-year=2026&held_on-day=1&held_on-month=1&held_on-year=2026&place=x",
            secret::csrf_token(&cookie)
        );
        assert_eq!(
            request(
                &store,
                As::Cookie(&cookie),
                Method::POST,
                &path,
                Some(&body),
                "application/x-www-form-urlencoded"
            )
            .await
            .status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let untouched = store.membership(b.membership).await.unwrap();
    assert_eq!(
        untouched.left_on, None,
        "nothing changed in another organisation"
    );
    assert_eq!(
        store.documents(b.network).await.unwrap().len(),
        1,
        "only the fixture's own version"
    );
    // Lists show only the viewer's organisation.
    for (path, own) in [
        ("/api/v1/projects", a.project),
        ("/api/v1/activities", a.activity),
        ("/api/v1/inputs", a.input),
        ("/api/v1/people", a.person),
        ("/api/v1/networks", a.network),
        ("/api/v1/courses", a.course),
    ] {
        let items = get(path.to_string()).await.json()["items"]
            .as_array()
            .unwrap()
            .clone();
        let ids: Vec<i64> = items.iter().map(|i| i["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, [own], "{path}");
    }
    let bad = request(
        &store,
        token,
        Method::GET,
        &format!("/api/v1/activities?project_id={}", b.project),
        None,
        "",
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Writing into, or moving records to, another organisation is refused as if it did not exist.
    let r = request(&store, token, Method::POST, "/api/v1/projects", Some(&json!({"organisation_id": b.organisation, "title": "x", "stage": "design", "level": "service"}).to_string()), "application/json").await;
    assert_eq!(r.fields(), ["organisation_id"]);
    let r = request(&store, token, Method::PUT, &format!("/api/v1/projects/{}", b.project), Some(&json!({"organisation_id": a.organisation, "title": "Taken", "stage": "design", "level": "service"}).to_string()), "application/json").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = request(
        &store,
        token,
        Method::POST,
        "/api/v1/inputs",
        Some(
            &json!({"activity_id": b.activity, "said": "x", "received_on": "2026-05-01"})
                .to_string(),
        ),
        "application/json",
    )
    .await;
    assert_eq!(r.fields(), ["activity_id"]);
    let r = request(
        &store,
        token,
        Method::PUT,
        &format!("/api/v1/activities/{}/attendance/{}", a.activity, b.person),
        Some(&json!({"status": "attended"}).to_string()),
        "application/json",
    )
    .await;
    // The person is named by the address: another organisation's is not found.
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // An administrator sees both.
    assert_eq!(
        crate::support::get(&store, &format!("/api/v1/projects/{}", b.project))
            .await
            .status,
        StatusCode::OK
    );
}

site_tests!(
    every_route_answers_every_role_as_the_matrix_says,
    one_organisations_records_never_show_to_anothers_staff,
);
