//! Projects, their activities, and "you said, we did": the pages staff record the
//! work on. The rules are the API's: forms are turned into the same bodies and checked
//! by the same code, so a page and the API can never disagree.

mod activities;
mod closing;
mod feedback;
mod forms;
mod input_edit;
mod inputs;
mod invitations;
mod outcomes;
mod papers;
mod partners;
mod payments;
mod projects;
mod provision;
mod recognition;
mod respond;
mod rules;
mod said;
mod told;
mod venues;

pub(crate) use papers::file_response;
pub(crate) use payments::{ChoiceForm, choice_words};
pub(crate) use said::activity_view;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveTime;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::activity::{ActivityType, Mode};
use coproduce_domain::input::ResponseStatus;
use coproduce_domain::ladder::{Level, Rung, Stage};
use coproduce_domain::project::PartnerPart;
use coproduce_domain::text::FieldError;
use coproduce_domain::time;
use coproduce_store::projects::{Project, ProjectFields};
use coproduce_store::{PageRequest, Within};
use serde::Deserialize;

use crate::AppState;
use crate::api::activities::ActivityBody;
use crate::api::inputs::InputBody;
use crate::api::projects::{PartnerBody, ProjectBody};
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::pages::forms::{
    Checkboxes, Choice, DateField, FormField, FormPage, HtmlForm, Named, Part, Radios, Select,
    error_of, field_errors, worded,
};
use crate::pages::{AfterQuery, Chrome, PageError, own_records, render, show};
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    use activities::*;
    use projects::*;
    use said::*;
    r.get("/projects", C::ReadWork, list)
        .get("/projects/new", C::WriteWork, new_project)
        .post("/projects", C::WriteWork, create_project)
        .get("/projects/{id}", C::ReadWork, project_page)
        .get("/projects/{id}/edit", C::WriteWork, edit_project)
        .get("/venues", C::ReadWork, venues::list)
        .get("/venues/new", C::WriteWork, venues::new_venue)
        .post("/venues", C::WriteWork, venues::create_venue)
        .get("/venues/{id}/edit", C::WriteWork, venues::edit_venue)
        .post("/venues/{id}", C::WriteWork, venues::update_venue)
        .get(
            "/projects/{id}/partners",
            C::WriteWork,
            partners::partners_form,
        )
        .post(
            "/projects/{id}/partners",
            C::WriteWork,
            partners::save_partners,
        )
        .post("/projects/{id}", C::WriteWork, update_project)
        .get("/projects/{id}/activities/new", C::WriteWork, new_activity)
        .post("/projects/{id}/activities", C::WriteWork, create_activity)
        .get("/activities/{id}", C::ReadWork, activity_page)
        .post("/activities/{id}/inputs", C::WriteWork, add_input)
        .post(
            "/activities/{id}/publish",
            C::WriteWork,
            rules::publish_activity,
        )
        .get(
            "/organisations/{id}/meeting-rules",
            C::ReadWork,
            rules::rules_page,
        )
        .get(
            "/organisations/{id}/meeting-rules/{key}",
            C::ManageCharters,
            rules::rule_edit,
        )
        .post(
            "/organisations/{id}/meeting-rules/{key}",
            C::ManageCharters,
            rules::rule_save,
        )
        .get(
            "/activities/{id}/ground-rules",
            C::WriteWork,
            rules::ground_rules_edit,
        )
        .post(
            "/activities/{id}/ground-rules",
            C::WriteWork,
            rules::ground_rules_save,
        )
        .get(
            "/activities/{id}/feedback",
            C::ReadWork,
            feedback::feedback_page,
        )
        .post("/activities/{id}/feedback/ask", C::WriteWork, feedback::ask)
        .get(
            "/activities/{id}/feedback/paper",
            C::WriteWork,
            feedback::paper_new,
        )
        .post(
            "/activities/{id}/feedback/paper",
            C::WriteWork,
            feedback::paper_save,
        )
        .get("/activities/{id}/papers", C::ReadWork, papers::papers_page)
        .get(
            "/activities/{id}/papers/new",
            C::WriteWork,
            papers::new_paper,
        )
        .post_upload(
            "/activities/{id}/papers",
            C::WriteWork,
            papers::add_paper,
            coproduce_domain::papers::MAX_BYTES + 64 * 1024,
        )
        .post(
            "/activities/{id}/papers/send",
            C::WriteWork,
            papers::send_papers,
        )
        .get(
            "/activities/{id}/papers/{paper_id}",
            C::ReadWork,
            papers::download,
        )
        .post(
            "/activities/{id}/papers/{paper_id}/remove",
            C::WriteWork,
            papers::remove_paper,
        )
        .get(
            "/activities/{id}/ground-rules/print",
            C::ReadWork,
            rules::ground_rules_print,
        )
        .get("/activities/{id}/edit", C::WriteWork, edit_activity)
        .post("/activities/{id}", C::WriteWork, update_activity)
        .get("/activities/{id}/cancel", C::WriteWork, cancel_form)
        .get("/activities/{id}/close", C::WriteWork, closing::close_form)
        .post("/activities/{id}/close", C::WriteWork, closing::close)
        .get(
            "/activities/{id}/sign-in-sheet",
            C::ReadWork,
            closing::sign_in_sheet,
        )
        .get(
            "/activities/{id}/provision",
            C::ReadWork,
            provision::provision_page,
        )
        .get(
            "/activities/{id}/provision/book",
            C::WriteWork,
            provision::book_form,
        )
        .post(
            "/activities/{id}/provision/book",
            C::WriteWork,
            provision::book,
        )
        .get(
            "/activities/{id}/provision/outcome",
            C::WriteWork,
            provision::outcome_form,
        )
        .post(
            "/activities/{id}/provision/outcome",
            C::WriteWork,
            provision::record_outcome,
        )
        .post("/activities/{id}/cancel", C::WriteWork, cancel)
        .get(
            "/activities/{id}/invitations",
            C::ReadWork,
            invitations::invitations_page,
        )
        .get(
            "/activities/{id}/invitations/new",
            C::WriteWork,
            invitations::invite_form,
        )
        .post(
            "/activities/{id}/invitations",
            C::WriteWork,
            invitations::invite,
        )
        .get(
            "/activities/{id}/invitations/{invitation_id}/reply",
            C::WriteWork,
            invitations::reply_form,
        )
        .post(
            "/activities/{id}/invitations/{invitation_id}/reply",
            C::WriteWork,
            invitations::record_reply,
        )
        .post(
            "/activities/{id}/invitations/{invitation_id}/contacted",
            C::WriteWork,
            invitations::mark_contacted,
        )
        .post(
            "/activities/{id}/reminders/{key}/remove",
            C::WriteWork,
            invitations::remove_reminder,
        )
        .get(
            "/activities/{id}/reminders/new",
            C::WriteWork,
            invitations::reminder_form,
        )
        .post(
            "/activities/{id}/reminders",
            C::WriteWork,
            invitations::add_reminder,
        )
        .post(
            "/activities/{id}/invitations/{invitation_id}/letter",
            C::WriteWork,
            invitations::letter,
        )
        .get("/inputs", C::ReadWork, inputs::list)
        .get("/inputs/{id}", C::ReadWork, inputs::page)
        .get("/inputs/{id}/edit", C::WriteWork, input_edit::edit)
        .post("/inputs/{id}", C::WriteWork, input_edit::update)
        .get("/inputs/{id}/respond", C::WriteWork, respond::respond_page)
        .post("/inputs/{id}/respond", C::WriteWork, respond::respond)
        .post("/inputs/{id}/publish", C::WriteWork, inputs::publish)
        .post("/inputs/{id}/unpublish", C::WriteWork, inputs::unpublish)
        .get("/inputs/{id}/fed-back", C::WriteWork, told::fed_back_page)
        .post("/inputs/{id}/fed-back", C::WriteWork, told::fed_back)
        .get(
            "/inputs/{id}/told/{told_id}/letter",
            C::WriteWork,
            told::letter,
        )
        .post(
            "/inputs/{id}/told/{told_id}/done",
            C::WriteWork,
            told::told_done,
        )
        .get(
            "/organisations/{id}/recognition",
            C::ReadWork,
            recognition::page,
        )
        .get(
            "/organisations/{id}/recognition/new",
            C::ManageRecognition,
            recognition::new_version,
        )
        .post(
            "/organisations/{id}/recognition",
            C::ManageRecognition,
            recognition::save,
        )
        .get("/payments", C::ManagePayments, payments::list)
        .get("/payments/export", C::ManageRecognition, payments::export)
        .get("/payments/{id}", C::ManagePayments, payments::page)
        .post(
            "/payments/{id}/approve",
            C::ManageRecognition,
            payments::approve,
        )
        .post("/payments/{id}/paid", C::ManageRecognition, payments::paid)
        .post(
            "/payments/{id}/reverse",
            C::ManagePayments,
            payments::reverse,
        )
        .get(
            "/activities/{id}/payments",
            C::ManagePayments,
            payments::activity_payments,
        )
        .post(
            "/activities/{id}/payments",
            C::ManagePayments,
            payments::work_out,
        )
        .get(
            "/people/{id}/recognition",
            C::WritePeople,
            payments::person_choice,
        )
        .post(
            "/people/{id}/recognition",
            C::WritePeople,
            payments::save_person_choice,
        )
        .get("/forms", C::ReadWork, forms::list)
        .get("/forms/new", C::WriteWork, forms::new_form)
        .post("/forms", C::WriteWork, forms::create)
        .get("/forms/{id}", C::ReadWork, forms::page)
        .get("/forms/{id}/edit", C::WriteWork, forms::edit)
        .post("/forms/{id}", C::WriteWork, forms::update)
        .post("/forms/{id}/open", C::WriteWork, forms::open)
        .post("/forms/{id}/close", C::WriteWork, forms::close)
        .get("/outcomes", C::ReadWork, outcomes::list)
        .get("/outcomes/new", C::WriteWork, outcomes::new_outcome)
        .post("/outcomes", C::WriteWork, outcomes::create)
        .get("/outcomes/{id}", C::ReadWork, outcomes::page)
        .get("/outcomes/{id}/edit", C::WriteWork, outcomes::edit)
        .post("/outcomes/{id}", C::WriteWork, outcomes::update)
        .get(
            "/outcomes/{id}/evidence/new",
            C::WriteWork,
            outcomes::new_evidence,
        )
        .post_upload(
            "/outcomes/{id}/evidence",
            C::WriteWork,
            outcomes::add_evidence,
            coproduce_domain::papers::MAX_BYTES + 64 * 1024,
        )
        .get(
            "/outcomes/{id}/evidence/{evidence_id}",
            C::ReadWork,
            outcomes::download,
        )
}

pub(super) use super::id_of;

/// A project the viewer may see, or "not found".
pub(super) async fn visible_project(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<Project, PageError> {
    let p = state.store.project(id).await?;
    if viewer.sees(p.organisation_id) {
        Ok(p)
    } else {
        Err(PageError::NotFound)
    }
}

/// How the project, activity and "you said, we did" forms name their fields in
/// messages, following the NHS error message style: a choice says what to choose.
pub(super) const NAMES: &[Named] = &[
    Named::As("title", "staff-project-name"),
    Named::As("said", "staff-what-people-said"),
    Named::As("said_by", "staff-who-said-it"),
    Named::As("budget", "staff-budget"),
    Named::As("venue_id", "staff-venue"),
    Named::As("joining_link", "staff-joining-link"),
    Named::As("chair", "staff-chair"),
    Named::As("facilitator", "staff-facilitator"),
    Named::As("places", "staff-places"),
    Named::As("debrief_minutes", "staff-debrief-minutes"),
    Named::As("name", "staff-venue-name"),
    Named::As("address", "staff-address"),
    Named::As("postcode", "staff-postcode"),
    Named::As("notes", "staff-venue-notes"),
    Named::As("features", "staff-what-the-venue-offers"),
    Named::As("cannot_change", "staff-cannot-change"),
    Named::As("lead_account_id", "staff-project-lead"),
    Named::As("target_rung", "staff-target-rung"),
    Named::As("stage_began_on", "staff-stage-began-on"),
    Named::As("stage_began_on-day", "staff-stage-began-on"),
    Named::As("response", "staff-the-answer"),
    Named::As("scope_and_limits", "staff-scope-and-limits"),
    Named::As("starts", "staff-the-start-time"),
    Named::As("ends", "staff-the-end-time"),
    Named::As("date-day", "staff-the-date"),
    Named::As("received_on-day", "staff-the-date-said"),
    Named::As("fed_back_on-day", "staff-the-date-fed-back"),
    Named::Always("organisation_id", "staff-choose-an-organisation"),
    Named::Always("stage", "staff-choose-the-stage"),
    Named::Always("level", "staff-choose-the-level"),
    Named::Always("activity_type", "staff-choose-the-activity-type"),
    Named::Always("mode", "staff-choose-the-mode"),
    Named::Always("rung", "staff-choose-the-rung"),
    Named::Always("response_status", "staff-choose-the-response-status"),
];
