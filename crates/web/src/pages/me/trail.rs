//! Who has looked at or changed a person's record, as their own record shows it:
//! the latest entries of the audit trail about them, in their language.

use super::PageError;
use crate::AppState;
use crate::auth::Viewer;

/// How many of the latest entries about a person their record shows.
const SHOWN: i64 = 20;

/// (when, who, what) for each of the latest entries about the viewer's record.
pub(super) async fn rows(
    state: &AppState,
    viewer: &Viewer,
) -> Result<Vec<(String, String, String)>, PageError> {
    let tr = viewer.tr;
    let me = viewer.actor();
    let entries = coproduce_app::oversight::my_record_trail(
        &state.ctx,
        &me,
        coproduce_store::PageRequest::first(SHOWN),
    )
    .await?
    .items;
    Ok(entries
        .into_iter()
        .map(|e| {
            let who = if e.account_id.is_some() && e.account_id == me.account_id {
                tr.t("me-trail-you")
            } else if let (Some(name), Some(role)) = (
                e.account_name.clone(),
                e.role
                    .as_deref()
                    .and_then(|r| coproduce_domain::Vocabulary::parse(r).ok()),
            ) {
                let role: coproduce_domain::account::Role = role;
                format!("{name} ({})", tr.label(role))
            } else {
                tr.t("me-trail-coproduce")
            };
            (tr.date_time(e.at), who, tr.t(action(&e.action)))
        })
        .collect())
}

/// The words for what someone did to a person's record.
fn action(action: &str) -> &'static str {
    match action {
        "person.create" => "me-trail-person-create",
        "person.update" => "me-trail-person-update",
        "person.export" => "me-trail-person-export",
        "need.add" => "me-trail-need-add",
        "need.remove" => "me-trail-need-remove",
        "needs.view" => "me-trail-needs-view",
        "consent.record" => "me-trail-consent-record",
        "consent.withdraw" => "me-trail-consent-withdraw",
        "equality.save" => "me-trail-equality-save",
        "attendance.set" => "me-trail-attendance-set",
        "membership.add" => "me-trail-membership-add",
        "membership.change" => "me-trail-membership-change",
        "training.complete" => "me-trail-training-complete",
        "account.link-person" => "me-trail-account-link",
        "opportunity.apply" => "me-trail-opportunity-apply",
        "opportunity.withdraw" => "me-trail-opportunity-withdraw",
        "opportunity.invite" => "me-trail-opportunity-invite",
        "opportunity.chosen" | "opportunity.not-chosen" => "me-trail-opportunity-decided",
        _ => "me-trail-other",
    }
}
