//! "You said, we did": recording what people said, answering it, and telling the
//! people who said it.
//!
//! An input comes from an activity (those named were on its list), from an
//! opportunity (those named said they were interested), or from a project by
//! another way (those named are on the organisation's register). It has an owner,
//! the member of staff answering for it (whoever recorded it, until another is
//! chosen), and a due day from the charter's feedback deadline. Responses are given
//! and sent in `responses`; the owner's reminders are `reminders`.

mod reminders;
mod responses;

pub use reminders::{DUE, REMIND_BEFORE_DAYS, remind};
pub use responses::{Reached, letter, mark_told, record_fed_back, respond};

use chrono::NaiveDate;
use coproduce_domain::account::Capability;
use coproduce_domain::input;
use coproduce_domain::text::{FieldErrors, Problem};
use coproduce_domain::time::london_date;
use coproduce_store::indicators::SaidFigures;
use coproduce_store::inputs::{
    GivenResponse, Input, InputFields, InputFilter, Told, insert_input, update_input_in,
};

use crate::audit::{self, Entry};
use crate::scope::{Owned, referenced, visible_record};
use crate::{Actor, AppError, Context};
pub(crate) use reminders::queue_reminders;

/// What was said, where it came from and who said it, as given: checked here
/// against the records it names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SaidFields {
    /// The project; taken from the activity or opportunity when there is one.
    pub project_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub opportunity_id: Option<i64>,
    pub said: String,
    pub received_on: NaiveDate,
    pub anonymous_count: i64,
    pub said_by: Vec<i64>,
    pub themes: Vec<String>,
    /// The account answering for it: `None` keeps the one it has (on a new input,
    /// whoever records it).
    pub owner_account_id: Option<i64>,
    /// The due day: `None` keeps the one it has, unless the day it was received
    /// changes (on a new input, and then, the charter's deadline after that day).
    pub due_on: Option<NaiveDate>,
}

fn today(ctx: &Context) -> NaiveDate {
    london_date(ctx.now())
}

/// Where an input came from: its organisation and project, once the records it
/// names are found visible to the actor, and whom it may name.
struct Source {
    organisation_id: i64,
    project_id: Option<i64>,
    /// The people who took part in it, or `None` for a project, where anyone of
    /// the organisation may be named.
    took_part: Option<(Vec<i64>, &'static str)>,
}

async fn source(ctx: &Context, actor: &Actor, f: &SaidFields) -> Result<Source, AppError> {
    match (f.activity_id, f.opportunity_id) {
        (Some(_), Some(_)) => Err(AppError::refused(
            "opportunity_id",
            Problem::ActivityOrOpportunity,
        )),
        (Some(a), None) => {
            let org = referenced(ctx, actor, Owned::Activity, "activity_id", a).await?;
            let activity = ctx.store.activity(a).await?;
            let roster = ctx.store.attendance(a).await?;
            Ok(Source {
                organisation_id: org,
                project_id: Some(activity.project_id),
                took_part: Some((roster.iter().map(|r| r.person_id).collect(), "activity")),
            })
        }
        (None, Some(o)) => {
            let org = referenced(ctx, actor, Owned::Opportunity, "opportunity_id", o).await?;
            let opportunity = ctx.store.opportunity(o).await?;
            let applied = ctx.store.applications(o).await?;
            Ok(Source {
                organisation_id: org,
                project_id: opportunity.project_id,
                took_part: Some((applied.iter().map(|a| a.person_id).collect(), "opportunity")),
            })
        }
        (None, None) => {
            let Some(p) = f.project_id else {
                return Err(AppError::refused("project_id", Problem::NeedsWhereFrom));
            };
            let org = referenced(ctx, actor, Owned::Project, "project_id", p).await?;
            Ok(Source {
                organisation_id: org,
                project_id: Some(p),
                took_part: None,
            })
        }
    }
}

/// Checks the people named and the owner against the source and organisation.
async fn check_names(
    ctx: &Context,
    source: &Source,
    f: &SaidFields,
    errs: &mut FieldErrors,
) -> Result<(), AppError> {
    match &source.took_part {
        Some((ids, noun)) => {
            for id in &f.said_by {
                if !ids.contains(id) {
                    if *noun == "activity" {
                        errs.add("said_by", Problem::NotOnRoster(*id));
                    } else {
                        errs.add("said_by", Problem::NotOfSource(noun));
                    }
                }
            }
        }
        None => {
            let found = ctx.store.invitees(&f.said_by, today(ctx)).await?;
            for id in &f.said_by {
                if !found.iter().any(|p| {
                    p.id == *id && p.organisation_id == source.organisation_id && !p.erased
                }) {
                    errs.add(
                        "said_by",
                        Problem::NoSuch {
                            noun: "person",
                            id: *id,
                        },
                    );
                }
            }
        }
    }
    if let Some(owner) = f.owner_account_id {
        check_owner(ctx, source.organisation_id, owner, errs).await?;
    }
    Ok(())
}

/// An owner is a staff account of the input's organisation.
async fn check_owner(
    ctx: &Context,
    organisation_id: i64,
    owner: i64,
    errs: &mut FieldErrors,
) -> Result<(), AppError> {
    match ctx.store.account(owner).await {
        Ok(a) if a.organisation_id == Some(organisation_id) && a.role.is_staff() => {}
        Ok(_) | Err(coproduce_store::StoreError::NotFound) => {
            errs.add("owner_account_id", Problem::NotStaffHere)
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

fn dedupe(ids: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

/// Records what people said. Audited; the owner's reminders are queued.
pub async fn record(ctx: &Context, actor: &Actor, f: &SaidFields) -> Result<Input, AppError> {
    actor.require(Capability::WriteWork)?;
    let source = source(ctx, actor, f).await?;
    let mut errs = FieldErrors::new();
    check_names(ctx, &source, f, &mut errs).await?;
    let promise = ctx.store.feedback_promise(source.organisation_id).await?;
    let due_on = f
        .due_on
        .unwrap_or_else(|| input::due_on(f.received_on, promise.days));
    input::check_dates(f.received_on, due_on, today(ctx), &mut errs);
    let themes = errs.take("themes", input::read_themes(&f.themes));
    errs.finish(|| ())?;
    let fields = InputFields {
        organisation_id: source.organisation_id,
        project_id: source.project_id,
        activity_id: f.activity_id,
        opportunity_id: f.opportunity_id,
        form_id: None,
        said: f.said.clone(),
        received_on: f.received_on,
        anonymous_count: f.anonymous_count,
        // Whoever records it owns it, when they are staff of its organisation.
        owner_account_id: f.owner_account_id.or(actor.account_id.filter(|_| {
            actor.organisation_id == Some(source.organisation_id)
                && actor.role.is_some_and(|r| r.is_staff())
        })),
        due_on,
        said_by: dedupe(&f.said_by),
        themes: themes.unwrap_or_default(),
    };
    let mut tx = ctx.begin().await?;
    let id = insert_input(&mut tx, &fields).await?;
    queue_reminders(&mut tx, ctx, id, due_on).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("input.create", "input", id).organisation(Some(source.organisation_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.input(id).await?)
}

/// Changes what was said, where it came from and who said it, its themes, owner
/// or due day; its responses stay. A new due day queues new reminders (the old
/// ones find it changed and send nothing). Audited.
pub async fn change(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    f: &SaidFields,
) -> Result<Input, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Input, id).await?;
    let current = ctx.store.input(id).await?;
    let source = source(ctx, actor, f).await?;
    let mut errs = FieldErrors::new();
    if source.organisation_id != org {
        // Moving an input to another organisation's record is not a change it has.
        return Err(AppError::NotFound);
    }
    check_names(ctx, &source, f, &mut errs).await?;
    // Left out, the due day stays; moved with the day it was said when that changes.
    let due_on = match f.due_on {
        Some(d) => d,
        None if f.received_on == current.received_on => current.due_on,
        None => {
            let promise = ctx.store.feedback_promise(org).await?;
            input::due_on(f.received_on, promise.days)
        }
    };
    input::check_dates(f.received_on, due_on, today(ctx), &mut errs);
    let themes = errs.take("themes", input::read_themes(&f.themes));
    errs.finish(|| ())?;
    let fields = InputFields {
        organisation_id: org,
        project_id: source.project_id,
        activity_id: f.activity_id,
        opportunity_id: f.opportunity_id,
        form_id: None,
        said: f.said.clone(),
        received_on: f.received_on,
        anonymous_count: f.anonymous_count,
        owner_account_id: f.owner_account_id.or(current.owner_account_id),
        due_on,
        said_by: dedupe(&f.said_by),
        themes: themes.unwrap_or_default(),
    };
    let mut tx = ctx.begin().await?;
    update_input_in(&mut tx, id, &fields).await?;
    if due_on != current.due_on {
        queue_reminders(&mut tx, ctx, id, due_on).await?;
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("input.change", "input", id).organisation(Some(org)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.input(id).await?)
}

/// A page of the inputs the actor sees, narrowed by `filter`: an organisation,
/// project, activity or opportunity named must be one the actor sees.
pub async fn list(
    ctx: &Context,
    actor: &Actor,
    page: coproduce_store::PageRequest,
    mut filter: InputFilter,
) -> Result<coproduce_store::Page<Input>, AppError> {
    actor.require(Capability::ReadWork)?;
    filter.organisation_id = actor.scope(filter.organisation_id)?;
    for (kind, field, id) in [
        (Owned::Project, "project_id", filter.project_id),
        (Owned::Activity, "activity_id", filter.activity_id),
        (Owned::Opportunity, "opportunity_id", filter.opportunity_id),
        (Owned::SaidForm, "form_id", filter.form_id),
    ] {
        if let Some(id) = id {
            referenced(ctx, actor, kind, field, id).await?;
        }
    }
    Ok(ctx.store.inputs(page, &filter).await?)
}

/// An input with every response given to it, and whom each was to reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputRecord {
    pub input: Input,
    pub responses: Vec<GivenResponse>,
    pub told: Vec<Told>,
    /// The outcomes it led to, earliest first.
    pub led_to: Vec<coproduce_store::outcomes::LedTo>,
    /// The names of the people named as having said it, by id; someone erased
    /// since is not among them.
    pub names: Vec<(i64, String)>,
}

/// Reads an input the actor sees, with its responses and whom they reached.
pub async fn read(ctx: &Context, actor: &Actor, id: i64) -> Result<InputRecord, AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Input, id).await?;
    let input = ctx.store.input(id).await?;
    let names = ctx
        .store
        .invitees(&input.said_by, today(ctx))
        .await?
        .into_iter()
        .filter(|p| !p.erased)
        .map(|p| (p.id, p.name))
        .collect();
    Ok(InputRecord {
        responses: ctx.store.responses(id).await?,
        told: ctx.store.told(id).await?,
        led_to: ctx.store.led_to(&[id]).await?,
        names,
        input,
    })
}

/// The staff of an organisation the actor sees, one of whom may own an input: id
/// and name.
pub async fn owners(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
) -> Result<Vec<(i64, String)>, AppError> {
    actor.require(Capability::ReadWork)?;
    actor.visible(organisation_id)?;
    Ok(ctx
        .store
        .staff_choices(Some(organisation_id))
        .await?
        .into_iter()
        .map(|(id, name, _)| (id, name))
        .collect())
}

/// "Inputs fed back by their due day" for an organisation the actor sees and a
/// period: the deadline its charters set, and the counts.
pub async fn feedback_within(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<
    (
        coproduce_store::indicators::FeedbackPromise,
        coproduce_domain::indicator::FeedbackTally,
    ),
    AppError,
> {
    actor.require(Capability::ReadDashboard)?;
    actor.visible(organisation_id)?;
    ctx.store.organisation(organisation_id).await?;
    let promise = ctx.store.feedback_promise(organisation_id).await?;
    let tally = ctx
        .store
        .feedback_tally(organisation_id, from, to, today(ctx))
        .await?;
    Ok((promise, tally))
}

/// "You said, we did" figures for an organisation the actor sees, for inputs
/// received between `from` and `to`: all together, then each project apart (the
/// project's id and title; none for inputs of no project).
pub async fn figures(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(SaidFigures, Vec<(Option<(i64, String)>, SaidFigures)>), AppError> {
    actor.require(Capability::ReadDashboard)?;
    crate::scope::referenced_organisation(ctx, actor, organisation_id)
        .await
        .map_err(|_| AppError::NotFound)?;
    let today = today(ctx);
    let all = ctx
        .store
        .said_figures(organisation_id, from, to, today, false)
        .await?
        .pop()
        .unwrap_or(SaidFigures {
            grp: 0,
            received: 0,
            due: 0,
            on_time: 0,
            fed_back: 0,
            median_days: None,
            led_to_outcome: 0,
            project_title: None,
        });
    let by_project = ctx
        .store
        .said_figures(organisation_id, from, to, today, true)
        .await?;
    let rows = by_project
        .into_iter()
        .map(|f| (f.project_title.clone().map(|t| (f.grp, t)), f))
        .collect();
    Ok((all, rows))
}
