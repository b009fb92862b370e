//! The work: projects, their activities, who came, and what people said.
//!
//! Each operation checks the role, then that every record it names is of an
//! organisation the actor sees (a record named by the caller's address answers
//! [`AppError::NotFound`]; one named inside the value is refused on its field), then
//! writes in one transaction. Attendance is a person's data: each change to it is
//! audited.

use coproduce_domain::account::Capability;
use coproduce_domain::activity::{NotReady, not_ready};
use coproduce_domain::person::AttendanceStatus;
use coproduce_domain::text::{FieldErrors, Problem};
use coproduce_store::activities::{
    Activity, ActivityFields, Attendance, insert_activity, update_activity_in, upsert_attendance,
};
use coproduce_store::projects::{Project, ProjectFields, insert_project, update_project_in};

use crate::audit::{self, Entry};
use crate::meeting_rules::{Planned, breaches, go_ahead, planned_change};
use crate::scope::{Owned, referenced, visible_record};
use crate::{Actor, AppError, Context};

/// Checks what a project names beyond its organisation: its lead is a staff account
/// of the project's organisation, and each partner is another organisation that
/// exists. Every problem is named on its field.
async fn check_project_names(ctx: &Context, f: &ProjectFields) -> Result<(), AppError> {
    let mut errs = FieldErrors::new();
    if let Some(lead) = f.lead_account_id {
        match ctx.store.account(lead).await {
            Ok(a) if a.organisation_id == Some(f.organisation_id) && a.role.is_staff() => {}
            Ok(_) | Err(coproduce_store::StoreError::NotFound) => {
                errs.add("lead_account_id", Problem::NotStaffHere)
            }
            Err(e) => return Err(e.into()),
        }
    }
    let ids: Vec<i64> = f.partners.iter().map(|(o, _)| *o).collect();
    let existing = ctx.store.organisations_among(&ids).await?;
    for (i, (org, _)) in f.partners.iter().enumerate() {
        let field = format!("partners[{i}].organisation_id");
        if *org == f.organisation_id {
            errs.add(field, Problem::OwnOrganisation);
        } else if !existing.contains(org) {
            errs.add(
                field,
                Problem::NoSuch {
                    noun: "organisation",
                    id: *org,
                },
            );
        }
    }
    errs.finish(|| ()).map_err(AppError::from)
}

/// Starts a project in an organisation the actor sees; audited.
pub async fn create_project(
    ctx: &Context,
    actor: &Actor,
    f: &ProjectFields,
) -> Result<Project, AppError> {
    actor.require(Capability::WriteWork)?;
    crate::scope::referenced_organisation(ctx, actor, f.organisation_id).await?;
    check_project_names(ctx, f).await?;
    let mut tx = ctx.begin().await?;
    let id = insert_project(&mut tx, f, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("project.create", "project", id).organisation(Some(f.organisation_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.project(id).await?)
}

/// Changes a project; it may move only to an organisation the actor sees, and only
/// while nothing of its own organisation hangs on it (what people said about it,
/// its outcomes, feedback forms and opportunities keep their organisation).
pub async fn update_project(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    f: &ProjectFields,
) -> Result<Project, AppError> {
    actor.require(Capability::WriteWork)?;
    let current = visible_record(ctx, actor, Owned::Project, id).await?;
    crate::scope::referenced_organisation(ctx, actor, f.organisation_id).await?;
    if f.organisation_id != current && ctx.store.project_is_tied(id).await? {
        return Err(AppError::Conflict(
            "The project cannot move to another organisation: inputs, outcomes, feedback forms or opportunities of its organisation belong to it".into(),
        ));
    }
    check_project_names(ctx, f).await?;
    // A new stage cannot begin before the one it follows.
    let history = ctx.store.stage_history(id).await?;
    if let (Some(last), Some(began)) = (history.last(), f.stage_began_on)
        && last.stage != f.stage
        && began < last.began_on
    {
        return Err(AppError::refused(
            "stage_began_on",
            Problem::BeforeLastStage(last.began_on),
        ));
    }
    let mut tx = ctx.begin().await?;
    update_project_in(&mut tx, id, f, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("project.update", "project", id).organisation(Some(f.organisation_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.project(id).await?)
}

/// What stands in the way of publishing an activity of a project.
pub fn not_ready_to_publish(project: &Project, activity: &Activity) -> Vec<NotReady> {
    not_ready(
        project.scope_and_limits.is_some() && project.cannot_change.is_some(),
        activity.mode,
        activity.venue_id.is_some(),
        activity.joining_link.is_some(),
    )
}

/// Publishes an activity once nothing stands in its way ([`not_ready_to_publish`]; a
/// conflict until then: nobody should be asked to give their time before they know
/// what they can change, where to go or how to join). A plan that breaks a meeting
/// rule nobody has given a reason for needs `go_ahead_reason`
/// ([`crate::meeting_rules`]). Publishing twice keeps the first time; audited.
pub async fn publish_activity(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    go_ahead_reason: Option<&str>,
) -> Result<Activity, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, id).await?;
    let activity = ctx.store.activity(id).await?;
    let project = ctx.store.project(activity.project_id).await?;
    let why = not_ready_to_publish(&project, &activity);
    if !why.is_empty() {
        let words: Vec<&str> = why.iter().map(|w| w.explain()).collect();
        return Err(AppError::Conflict(words.join("; ")));
    }
    let found = breaches(ctx, organisation, &Planned::of(&activity)).await?;
    let mut tx = ctx.begin().await?;
    go_ahead(&mut tx, ctx, actor, id, &found, go_ahead_reason).await?;
    coproduce_store::activities::publish_activity_in(&mut tx, id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("activity.publish", "activity", id).organisation(Some(organisation)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.activity(id).await?)
}

/// Adds an activity to a project the actor sees.
pub async fn create_activity(
    ctx: &Context,
    actor: &Actor,
    f: &ActivityFields,
) -> Result<Activity, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = referenced(ctx, actor, Owned::Project, "project_id", f.project_id).await?;
    venue_of(ctx, organisation, f).await?;
    let mut tx = ctx.begin().await?;
    let id = insert_activity(&mut tx, f).await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.activity(id).await?)
}

/// Refuses a venue that is not one of the organisation's own.
async fn venue_of(ctx: &Context, organisation: i64, f: &ActivityFields) -> Result<(), AppError> {
    let Some(venue) = f.details.venue_id else {
        return Ok(());
    };
    match ctx.store.owner_of(Owned::Venue, venue).await {
        Ok(owner) if owner == organisation => Ok(()),
        Ok(_) | Err(coproduce_store::StoreError::NotFound) => Err(AppError::refused(
            "venue_id",
            Problem::NoSuch {
                noun: "venue",
                id: venue,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

/// Changes an activity; it may move only to a project the actor sees. With `seen`,
/// the version the editor started from, a change someone else made meanwhile is a
/// conflict and nothing is written. A published activity changed to break a meeting
/// rule nobody has given a reason for needs `go_ahead_reason`. Everyone invited by
/// email is sent the event again with its sequence raised. Audited.
pub async fn update_activity(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    f: &ActivityFields,
    seen: Option<i64>,
    go_ahead_reason: Option<&str>,
) -> Result<Activity, AppError> {
    actor.require(Capability::WriteWork)?;
    visible_record(ctx, actor, Owned::Activity, id).await?;
    let organisation = referenced(ctx, actor, Owned::Project, "project_id", f.project_id).await?;
    venue_of(ctx, organisation, f).await?;
    let before = ctx.store.activity(id).await?;
    let found = if before.published_at.is_some() && before.cancelled_at.is_none() {
        breaches(ctx, organisation, &planned_change(id, f, &before)).await?
    } else {
        Vec::new()
    };
    let mut tx = ctx.begin().await?;
    go_ahead(&mut tx, ctx, actor, id, &found, go_ahead_reason).await?;
    update_activity_in(&mut tx, id, f, seen).await?;
    let after = coproduce_store::activities::activity_in(&mut tx, id).await?;
    let told = if after.published_at.is_some() && after.cancelled_at.is_none() {
        crate::invitations::tell_everyone(&mut tx, ctx, after, crate::invitations::Notice::Changed)
            .await?
    } else {
        0
    };
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("activity.update", "activity", id)
            .organisation(Some(organisation))
            .detail(format!("{told} told by email")),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.activity(id).await?)
}

/// Calls an activity off. It stays on record; everyone invited by email is sent
/// the cancellation of its event. Cancelling twice is a conflict. Audited.
pub async fn cancel_activity(ctx: &Context, actor: &Actor, id: i64) -> Result<Activity, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, id).await?;
    if ctx.store.activity(id).await?.cancelled_at.is_some() {
        return Err(AppError::Conflict(
            "the activity is already cancelled".into(),
        ));
    }
    let mut tx = ctx.begin().await?;
    coproduce_store::activities::cancel_activity_in(&mut tx, id, ctx.now()).await?;
    let after = coproduce_store::activities::activity_in(&mut tx, id).await?;
    let told = crate::invitations::tell_everyone(
        &mut tx,
        ctx,
        after,
        crate::invitations::Notice::Cancelled,
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("activity.cancel", "activity", id)
            .organisation(Some(organisation))
            .detail(format!("{told} told by email")),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.activity(id).await?)
}

/// The longest anyone can be recorded as taking part in one activity: a day.
pub const MAX_MINUTES: i64 = 24 * 60;

/// Writes (or rewrites) an activity's closing notes once it has started (a
/// conflict before): what
/// happened, what was agreed, what comes next. Not for one called off. Audited.
pub async fn close_activity(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    notes: &str,
) -> Result<Activity, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, id).await?;
    let activity = ctx.store.activity(id).await?;
    if activity.cancelled_at.is_some() {
        return Err(AppError::Conflict("the activity is cancelled".into()));
    }
    let notes = notes.trim();
    let mut errs = FieldErrors::new();
    if notes.is_empty() {
        errs.add("notes", Problem::Empty);
    } else if notes.chars().count() > coproduce_domain::text::LONG {
        errs.add(
            "notes",
            Problem::TooLong {
                max: coproduce_domain::text::LONG,
                len: notes.chars().count(),
            },
        );
    }
    errs.finish(|| ())?;
    if activity.starts_at > ctx.now() {
        return Err(AppError::Conflict(
            "closing notes can be written once the activity has started".into(),
        ));
    }
    let mut tx = ctx.begin().await?;
    coproduce_store::activities::close_activity_in(&mut tx, id, notes, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("activity.close", "activity", id).organisation(Some(organisation)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.activity(id).await?)
}

/// Records whether a person came to an activity, and for someone who came how long
/// they took part (the whole activity unless `minutes` says otherwise; 1 to
/// [`MAX_MINUTES`], and only for someone who came). Both must be of organisations the
/// actor sees. Someone under 18 takes part only with a parent or guardian's consent
/// on record (refused on `person_id`); recording that they did not come is always
/// allowed. The change is audited against the person.
pub async fn set_attendance(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    person_id: i64,
    status: AttendanceStatus,
    minutes: Option<i64>,
) -> Result<Attendance, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    if let Some(m) = minutes {
        if status != AttendanceStatus::Attended {
            return Err(AppError::refused("minutes", Problem::MinutesOnlyIfCame));
        }
        if !(1..=MAX_MINUTES).contains(&m) {
            return Err(AppError::refused(
                "minutes",
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_MINUTES,
                    given: m,
                },
            ));
        }
    }
    // Someone who came took part for the whole activity unless told otherwise.
    let minutes = match status {
        AttendanceStatus::Attended => match minutes {
            Some(m) => Some(m),
            None => {
                let a = ctx.store.activity(activity_id).await?;
                Some(
                    (a.ends_at - a.starts_at)
                        .num_minutes()
                        .clamp(1, MAX_MINUTES),
                )
            }
        },
        _ => None,
    };
    visible_record(ctx, actor, Owned::Person, person_id).await?;
    let person = ctx.store.person(person_id).await?;
    let today = coproduce_domain::time::london_date(ctx.now());
    let child = person
        .profile
        .born_on
        .is_some_and(|b| coproduce_domain::person::is_child(b, today));
    if child
        && status != AttendanceStatus::Absent
        && !ctx
            .store
            .has_consent(
                person_id,
                coproduce_domain::consent::Purpose::Guardian,
                today,
            )
            .await?
    {
        return Err(AppError::refused(
            "person_id",
            coproduce_domain::text::Problem::NeedsGuardianConsent,
        ));
    }
    let mut tx = ctx.begin().await?;
    let id = upsert_attendance(&mut tx, activity_id, person_id, status).await?;
    coproduce_store::activities::set_minutes_in(&mut tx, id, minutes).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("attendance.set", "activity", activity_id)
            .organisation(Some(org))
            .person(Some(person_id))
            .detail(coproduce_domain::Vocabulary::slug(status)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.attendance_record(id).await?)
}
