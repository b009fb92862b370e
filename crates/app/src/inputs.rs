//! "You said, we did": recording what people said, answering it, and telling the
//! people who said it.
//!
//! An input comes from an activity (those named were on its list), from an
//! opportunity (those named said they were interested), or from a project by
//! another way (those named are on the organisation's register). It has an owner,
//! the member of staff answering for it (whoever recorded it, until another is
//! chosen), and a due day from the charter's feedback deadline. Each response is
//! kept; the first, and each that changes the status, is sent to everyone named as
//! having said it, each the way they prefer: an email through the outbox, or a
//! letter or call for staff to make, recorded when made. Someone who has withdrawn
//! consent to contact is not told, and the owner is. Two jobs remind the owner:
//! three days before the due day, and the day after it, each only if nothing has
//! reached the people by then.

use chrono::{NaiveDate, NaiveTime};
use coproduce_domain::account::Capability;
use coproduce_domain::input::{self, CheckedResponse, Response, check_response, tells};
use coproduce_domain::invitation::{Reach, reach};
use coproduce_domain::person::ContactMethod;
use coproduce_domain::text::{FieldErrors, LONG, Problem};
use coproduce_domain::time::{from_london, london_date, show_date};
use coproduce_domain::{Vocabulary, input::ResponseStatus};
use coproduce_store::Tx;
use coproduce_store::indicators::SaidFigures;
use coproduce_store::inputs::{
    GivenResponse, Input, InputFields, InputFilter, NewResponse, Told, fed_back_in, insert_input,
    insert_told_in, lock_input, mark_told_in, respond_in, update_input_in,
};
use coproduce_store::invitations::Invitee;
use coproduce_store::jobs::{NewJob, enqueue};
use serde::{Deserialize, Serialize};

use crate::audit::{self, Entry};
use crate::i18n::Tr;
use crate::invitations::{Letter, Printed, words_for};
use crate::scope::{Owned, referenced, visible_record};
use crate::{Actor, AppError, Context, outbox};

/// The job kind of a reminder to an input's owner.
pub const DUE: &str = "input-due";

/// How many days before the due day the owner is reminded.
pub const REMIND_BEFORE_DAYS: u64 = 3;

/// How many times a reminder job is tried.
const ATTEMPTS: i64 = 10;

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

/// Whom a response reached, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reached {
    /// Whether this response was sent at all: the first, or a change of status.
    pub sent: bool,
    pub emailed: usize,
    /// The names of people to post a letter to or phone, from the input's page.
    pub to_tell: Vec<String>,
    /// The names of people not told, having withdrawn consent to contact.
    pub held_back: Vec<String>,
}

/// Gives a response to an input the actor sees: its status, words and owner, and
/// for "will do" the day it will be done by. It is kept with the ones before. The
/// first response, and each that changes the status, goes to everyone named as
/// having said it (see the module's notes). Audited, with an entry on the record of
/// each person told.
pub async fn respond(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    r: &Response<'_>,
) -> Result<Reached, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Input, id).await?;
    let current = ctx.store.input(id).await?;
    let checked = check_response(r, current.received_on, LONG)?;
    let mut errs = FieldErrors::new();
    check_owner(ctx, org, checked.owner, &mut errs).await?;
    errs.finish(|| ())?;
    let people = ctx.store.invitees(&current.said_by, today(ctx)).await?;
    let organisation = ctx.store.organisation(org).await?.name;
    let mut tx = ctx.begin().await?;
    let previous = lock_input(&mut tx, id)
        .await?
        .and_then(|s| ResponseStatus::parse(&s).ok());
    let sent = tells(previous, checked.status);
    let response_id = respond_in(
        &mut tx,
        id,
        &NewResponse {
            status: checked.status,
            text: &checked.text,
            will_do_by: checked.will_do_by,
            owner: Some(checked.owner),
            given_by: actor.account_id,
            at: ctx.now(),
            on: today(ctx),
            told: sent,
        },
    )
    .await?;
    let mut reached = Reached {
        sent,
        ..Reached::default()
    };
    if sent {
        reached = tell(
            ctx,
            &mut tx,
            &current,
            &checked,
            response_id,
            &people,
            &organisation,
        )
        .await?;
        for p in people.iter().filter(|p| !p.erased) {
            audit::record(
                &mut tx,
                ctx,
                actor,
                Entry::new("input.told", "input", id)
                    .organisation(Some(org))
                    .person(Some(p.id)),
            )
            .await?;
        }
        if !reached.held_back.is_empty() {
            tell_owner_held_back(ctx, &mut tx, &current, checked.owner, &reached.held_back).await?;
        }
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("input.respond", "input", id)
            .organisation(Some(org))
            .detail(format!(
                "{}; {} emailed, {} to post or phone, {} held back",
                checked.status.slug(),
                reached.emailed,
                reached.to_tell.len(),
                reached.held_back.len()
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(reached)
}

/// The way a person is told: their preferred contact method, as far as what is on
/// record allows.
fn way(p: &Invitee) -> Reach {
    let preferred = p
        .preferred_contact
        .as_deref()
        .and_then(|c| ContactMethod::parse(c).ok());
    reach(
        p.may_contact,
        preferred,
        p.email.is_some(),
        p.phone.is_some(),
    )
}

/// Sends a response to everyone named as having said the input, and records how
/// each is told.
async fn tell(
    ctx: &Context,
    tx: &mut Tx,
    input: &Input,
    r: &CheckedResponse,
    response_id: i64,
    people: &[Invitee],
    organisation: &str,
) -> Result<Reached, AppError> {
    let mut reached = Reached {
        sent: true,
        ..Reached::default()
    };
    let on = today(ctx);
    let mut rows: Vec<(i64, &'static str, Option<NaiveDate>)> = Vec::new();
    for p in people.iter().filter(|p| !p.erased) {
        match (way(p), p.email.as_deref()) {
            (Reach::HeldBack, _) => {
                reached.held_back.push(p.name.clone());
                rows.push((p.id, "held-back", None));
            }
            (Reach::Email, Some(address)) => {
                let letter = words(ctx, words_for(p), p, input, r, organisation);
                outbox::queue_email(tx, ctx, address, &letter.subject, letter.body).await?;
                reached.emailed += 1;
                rows.push((p.id, "email", Some(on)));
            }
            (Reach::Phone, _) => {
                reached.to_tell.push(p.name.clone());
                rows.push((p.id, "phone", None));
            }
            _ => {
                reached.to_tell.push(p.name.clone());
                rows.push((p.id, "letter", None));
            }
        }
    }
    insert_told_in(tx, input.id, response_id, &rows).await?;
    if reached.emailed > 0 {
        fed_back_in(tx, input.id, on).await?;
    }
    Ok(reached)
}

/// The words a person reads about what happened to what they said: an email's, a
/// letter's, or what is read out on the phone.
fn words(
    ctx: &Context,
    tr: Tr,
    p: &Invitee,
    input: &Input,
    r: &CheckedResponse,
    organisation: &str,
) -> Letter {
    let name = p.preferred_name.as_deref().unwrap_or(&p.name);
    let status = match r.status {
        ResponseStatus::Done => tr.t("said-done"),
        ResponseStatus::WillDo => tr.t1(
            "said-will-do",
            "date",
            tr.date(r.will_do_by.unwrap_or(input.due_on)),
        ),
        ResponseStatus::CannotDo => tr.t("said-cannot-do"),
        ResponseStatus::BeingConsidered => tr.t("said-being-considered"),
    };
    let body = [
        tr.t1("letter-greeting", "name", name),
        String::new(),
        tr.t2(
            "said-you-told-us",
            ("said", &input.said),
            ("date", tr.date(input.received_on)),
        ),
        String::new(),
        status,
        r.text.clone(),
        String::new(),
        tr.t1(
            "said-see-more",
            "link",
            format!("{}/me", ctx.settings.public_url),
        ),
        String::new(),
        tr.t1("letter-sign-off", "organisation", organisation),
    ]
    .join("\n");
    Letter {
        subject: tr.t("said-subject"),
        body,
        words: tr,
    }
}

/// Emails the owner the names of people who were not told, having withdrawn
/// consent to contact.
async fn tell_owner_held_back(
    ctx: &Context,
    tx: &mut Tx,
    input: &Input,
    owner: i64,
    names: &[String],
) -> Result<(), AppError> {
    let account = ctx.store.account(owner).await?;
    let body = format!(
        "Hello {},\n\nYou answered what people said: \"{}\"\n\nThese people said it, but have withdrawn their consent to be contacted, so they were not told what happened:\n\n{}\n\nTell them only if they get in touch, and do not contact them.\n\n{}/inputs/{}\n",
        account.name,
        input.said,
        names
            .iter()
            .map(|n| format!("- {n}"))
            .collect::<Vec<_>>()
            .join("\n"),
        ctx.settings.public_url,
        input.id
    );
    outbox::queue_email(
        tx,
        ctx,
        &account.email,
        "People not told what happened to what they said",
        body,
    )
    .await?;
    Ok(())
}

/// The row of whom a response to input `input_id` was to reach, if the actor sees
/// the input: a row of another input is not found.
async fn visible_told(
    ctx: &Context,
    actor: &Actor,
    input_id: i64,
    told_id: i64,
) -> Result<(Told, i64), AppError> {
    let told = match ctx.store.told_row(told_id).await {
        Ok(t) if t.input_id == input_id => t,
        Ok(_) => return Err(AppError::NotFound),
        Err(coproduce_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let org = visible_record(ctx, actor, Owned::Input, told.input_id).await?;
    Ok((told, org))
}

/// Records that a letter was posted, or a call made, today. Once only; an email
/// or someone held back is a conflict. Audited.
pub async fn mark_told(
    ctx: &Context,
    actor: &Actor,
    input_id: i64,
    told_id: i64,
) -> Result<Told, AppError> {
    actor.require(Capability::WriteWork)?;
    let (told, org) = visible_told(ctx, actor, input_id, told_id).await?;
    let mut tx = ctx.begin().await?;
    if !mark_told_in(&mut tx, told_id, today(ctx)).await? {
        return Err(AppError::Conflict(match told.reach.as_str() {
            "email" => "they were emailed: there is nothing to post or phone".into(),
            "held-back" => "they withdrew consent to contact: they are not to be told".into(),
            _ => "it was already recorded as done".into(),
        }));
    }
    fed_back_in(&mut tx, told.input_id, today(ctx)).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("input.told-by-hand", "input", told.input_id)
            .organisation(Some(org))
            .person(Some(told.person_id))
            .detail(told.reach.clone()),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.told_row(told_id).await?)
}

/// Makes the letter to post (or read out on the phone) telling one person of a
/// response. Audited, as it shows their address.
pub async fn letter(
    ctx: &Context,
    actor: &Actor,
    input_id: i64,
    told_id: i64,
) -> Result<Printed, AppError> {
    actor.require(Capability::WriteWork)?;
    let (told, org) = visible_told(ctx, actor, input_id, told_id).await?;
    if told.reach == "held-back" {
        return Err(AppError::Conflict(
            "they withdrew consent to contact: there is no letter to send".into(),
        ));
    }
    let input = ctx.store.input(told.input_id).await?;
    let given = ctx
        .store
        .responses(told.input_id)
        .await?
        .into_iter()
        .find(|r| r.id == told.response_id)
        .ok_or(AppError::NotFound)?;
    let person = ctx
        .store
        .invitees(&[told.person_id], today(ctx))
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let organisation = ctx.store.organisation(org).await?.name;
    let response = CheckedResponse {
        status: given.status().unwrap_or(ResponseStatus::BeingConsidered),
        text: given.response.clone(),
        owner: given.owner_account_id.unwrap_or_default(),
        will_do_by: given.will_do_by,
    };
    let letter = words(
        ctx,
        words_for(&person),
        &person,
        &input,
        &response,
        &organisation,
    );
    let mut tx = ctx.begin().await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("input.letter", "input", input.id)
            .organisation(Some(org))
            .person(Some(person.id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(Printed {
        letter,
        name: person.name,
        address: person.address,
        postcode: person.postcode,
        large_print: person.large_print,
    })
}

/// Records the day a response was given by hand (read out at a meeting, say) to
/// people not named: there must be a response, and the day fits. Audited.
pub async fn record_fed_back(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    on: NaiveDate,
) -> Result<Input, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Input, id).await?;
    let current = ctx.store.input(id).await?;
    input::check_fed_back(
        on,
        current.received_on,
        current.response.is_some(),
        today(ctx),
    )
    .map_err(|p| AppError::refused("fed_back_on", p))?;
    let mut tx = ctx.begin().await?;
    fed_back_in(&mut tx, id, on).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("input.fed-back", "input", id)
            .organisation(Some(org))
            .detail(on.to_string()),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.input(id).await?)
}

#[derive(Debug, Serialize, Deserialize)]
struct DuePayload {
    input: i64,
    due_on: NaiveDate,
    /// Before the due day, or after it.
    before: bool,
}

/// Nine in the morning, London time, on `day`.
fn morning(day: NaiveDate) -> Option<chrono::DateTime<chrono::Utc>> {
    from_london(day.and_time(NaiveTime::from_hms_opt(9, 0, 0)?)).ok()
}

/// Queues the owner's two reminders for an input due on `due_on`: the one before
/// only while its time is still to come.
async fn queue_reminders(
    tx: &mut Tx,
    ctx: &Context,
    input: i64,
    due_on: NaiveDate,
) -> Result<(), AppError> {
    let before = due_on
        .checked_sub_days(chrono::Days::new(REMIND_BEFORE_DAYS))
        .and_then(morning)
        .filter(|t| *t > ctx.now());
    let after = due_on
        .checked_add_days(chrono::Days::new(1))
        .and_then(morning);
    for (at, is_before) in [(before, true), (after, false)] {
        let Some(at) = at else { continue };
        let payload = serde_json::to_string(&DuePayload {
            input,
            due_on,
            before: is_before,
        })
        .map_err(|e| AppError::Internal(e.to_string()))?;
        enqueue(
            tx,
            &NewJob {
                kind: DUE.into(),
                payload,
                run_at: at,
                max_attempts: ATTEMPTS,
            },
            ctx.now(),
        )
        .await?;
    }
    Ok(())
}

/// The job: reminds an input's owner that feedback is due soon, or overdue.
/// Answers what the job keeps.
pub async fn remind(ctx: &Context, payload: &str) -> Result<Option<String>, String> {
    let p: DuePayload =
        serde_json::from_str(payload).map_err(|e| format!("the job cannot be read: {e}"))?;
    remind_owner(ctx, &p)
        .await
        .map(|outcome| {
            Some(serde_json::json!({ "input": p.input, "outcome": outcome }).to_string())
        })
        .map_err(|e| e.to_string())
}

async fn remind_owner(ctx: &Context, p: &DuePayload) -> Result<&'static str, AppError> {
    let input = match ctx.store.input(p.input).await {
        Ok(i) => i,
        Err(coproduce_store::StoreError::NotFound) => return Ok("gone"),
        Err(e) => return Err(e.into()),
    };
    if input.due_on != p.due_on {
        return Ok("not sent: its due day has changed");
    }
    if input.fed_back_on.is_some() {
        return Ok("not sent: it has been fed back");
    }
    let Some(owner) = input.owner_account_id else {
        return Ok("not sent: it has no owner");
    };
    let account = ctx.store.account(owner).await?;
    let (subject, lead) = if p.before {
        (
            format!("Feedback due by {}", show_date(input.due_on)),
            format!(
                "Feedback on what people said is due by {}, and has not yet reached them.",
                show_date(input.due_on)
            ),
        )
    } else {
        (
            format!("Feedback overdue since {}", show_date(input.due_on)),
            format!(
                "Feedback on what people said was due by {}, and has not reached them. The charter's deadline has passed.",
                show_date(input.due_on)
            ),
        )
    };
    let body = format!(
        "Hello {},\n\n{}\n\nThey said: \"{}\"\n(from {}, on {})\n\nGive a response, and it goes to them: {}/inputs/{}\n",
        account.name,
        lead,
        input.said,
        input.came_from,
        show_date(input.received_on),
        ctx.settings.public_url,
        input.id
    );
    let mut tx = ctx.begin().await?;
    outbox::queue_email(&mut tx, ctx, &account.email, &subject, body).await?;
    ctx.commit(tx).await?;
    Ok(if p.before {
        "the owner was reminded"
    } else {
        "the owner was told it is overdue"
    })
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
}

/// Reads an input the actor sees, with its responses and whom they reached.
pub async fn read(ctx: &Context, actor: &Actor, id: i64) -> Result<InputRecord, AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Input, id).await?;
    Ok(InputRecord {
        input: ctx.store.input(id).await?,
        responses: ctx.store.responses(id).await?,
        told: ctx.store.told(id).await?,
        led_to: ctx.store.led_to(&[id]).await?,
    })
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
