//! Feedback forms a project publishes, and the answers people give through them.
//!
//! Staff make, change, open and close a form ([`create`], [`change`],
//! [`set_open`]). Anyone may answer an open one ([`shown`], then [`answer`]): each
//! answer becomes an input of the form's project, owned by the project's lead, due
//! by the charter's feedback deadline, and answered like any other. Someone signed
//! in whose record is with the form's organisation may put their name to it, and is
//! then told what happens; everyone else is counted as one person not named.
//!
//! The spam guard ([`coproduce_domain::said_form`]) needs no script: a box people
//! do not see, the time the form was shown signed into the form with the form's own
//! key, and a limit on answers from one address, counted on a hash of the address
//! salted with that key, and forgotten once the limit's window has passed. The audit entry of
//! an answer holds no address.

use chrono::{DateTime, Utc};
use coproduce_domain::account::Capability;
use coproduce_domain::input;
use coproduce_domain::said_form::{
    self, AnswerDraft, FormDraft, WINDOW, check_answer, check_timing,
};
use coproduce_domain::text::{FieldErrors, Problem};
use coproduce_domain::time::london_date;
use coproduce_store::inputs::{InputFields, insert_input};
/// A feedback form as kept, for the pages and the API.
pub use coproduce_store::said_forms::SaidForm;
use coproduce_store::said_forms::{
    close_said_form_in, insert_said_form_in, lock_said_form_in, note_said_form_answer_in,
    said_form_answers_since_in, update_said_form_in,
};
use coproduce_store::{Page, PageRequest, Within};

use crate::audit::{self, Entry};
use crate::scope::{Owned, referenced, visible_record};
use crate::{Actor, AppError, Context, secret};

/// The organisation of the project a form is for, when the actor sees it.
async fn project_organisation(
    ctx: &Context,
    actor: &Actor,
    project_id: i64,
) -> Result<i64, AppError> {
    referenced(ctx, actor, Owned::Project, "project_id", project_id).await
}

/// Makes a form for a project of an organisation the actor sees, open. Audited.
pub async fn create(ctx: &Context, actor: &Actor, draft: &FormDraft) -> Result<SaidForm, AppError> {
    actor.require(Capability::WriteWork)?;
    let form = draft.check()?;
    let organisation_id = project_organisation(ctx, actor, form.project_id).await?;
    let key = secret::generate("cpf_");
    let mut tx = ctx.begin().await?;
    let id = insert_said_form_in(
        &mut tx,
        organisation_id,
        &form,
        &key,
        actor.account_id,
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("said_form.create", "said form", id).organisation(Some(organisation_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.said_form(id).await?)
}

/// Changes a form's title, question or project (one of the same organisation);
/// the answers it had stay. Audited.
pub async fn change(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    draft: &FormDraft,
) -> Result<SaidForm, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation_id = visible_record(ctx, actor, Owned::SaidForm, id).await?;
    let form = draft.check()?;
    if project_organisation(ctx, actor, form.project_id).await? != organisation_id {
        return Err(AppError::refused(
            "project_id",
            Problem::NoSuch {
                noun: "project",
                id: form.project_id,
            },
        ));
    }
    let mut tx = ctx.begin().await?;
    update_said_form_in(&mut tx, id, &form).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("said_form.change", "said form", id).organisation(Some(organisation_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.said_form(id).await?)
}

/// Opens a form to answers, or closes it. Doing what is already done changes
/// nothing and is not audited again.
pub async fn set_open(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    open: bool,
) -> Result<SaidForm, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation_id = visible_record(ctx, actor, Owned::SaidForm, id).await?;
    let current = ctx.store.said_form(id).await?;
    if current.is_open() == open {
        return Ok(current);
    }
    let mut tx = ctx.begin().await?;
    close_said_form_in(&mut tx, id, (!open).then(|| ctx.now())).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new(
            if open {
                "said_form.open"
            } else {
                "said_form.close"
            },
            "said form",
            id,
        )
        .organisation(Some(organisation_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.said_form(id).await?)
}

/// A page of the forms the actor sees: of a project, of an organisation, or all.
pub async fn list(
    ctx: &Context,
    actor: &Actor,
    page: PageRequest,
    organisation_id: Option<i64>,
    project_id: Option<i64>,
) -> Result<Page<SaidForm>, AppError> {
    actor.require(Capability::ReadWork)?;
    let organisation_id = actor.scope(organisation_id)?;
    let within = match (project_id, organisation_id) {
        (Some(p), asked) => {
            let org = project_organisation(ctx, actor, p).await?;
            if asked.is_some_and(|o| o != org) {
                return Ok(Page {
                    items: vec![],
                    next_after: None,
                });
            }
            Within::Parent(p)
        }
        (None, Some(o)) => Within::Organisation(o),
        (None, None) => Within::All,
    };
    Ok(ctx.store.said_forms(page, within).await?)
}

/// A form the actor sees, for staff.
pub async fn read(ctx: &Context, actor: &Actor, id: i64) -> Result<SaidForm, AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::SaidForm, id).await?;
    Ok(ctx.store.said_form(id).await?)
}

/// A form as the people answering it see it: no key, no counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub id: i64,
    /// Its organisation and project, whose public "You said, we did" page shows
    /// what became of the answers.
    pub organisation_id: i64,
    pub project_id: i64,
    pub organisation_name: String,
    pub project_title: String,
    pub title: String,
    pub question: String,
    pub question_pl: Option<String>,
    pub question_easy: String,
    pub open: bool,
    /// The time it is shown, signed: sent back with the answer.
    pub token: String,
    /// Whether the viewer may put their name to an answer.
    pub may_name: bool,
}

/// The signed time a form is shown at: `seconds.signature`.
pub(crate) fn token(form: &SaidForm, at: DateTime<Utc>) -> String {
    let t = at.timestamp();
    format!(
        "{t}.{}",
        secret::sign(&form.signing_key, &format!("{}.{t}", form.id))
    )
}

/// When a form with this token was shown; `None` when it was not made by us for
/// this form.
fn shown_at(form: &SaidForm, token: &str) -> Option<DateTime<Utc>> {
    let (t, sig) = token.trim().split_once('.')?;
    let expected = secret::sign(&form.signing_key, &format!("{}.{t}", form.id));
    if !secret::same(sig, &expected) {
        return None;
    }
    DateTime::from_timestamp(t.parse().ok()?, 0)
}

/// Whether the actor may put their name to an answer: signed in, with a record
/// kept by the form's organisation.
async fn may_name(ctx: &Context, actor: &Actor, form: &SaidForm) -> Result<bool, AppError> {
    let Some(person) = actor.person_id else {
        return Ok(false);
    };
    match ctx.store.owner_of(Owned::Person, person).await {
        Ok(org) => Ok(org == form.organisation_id),
        Err(coproduce_store::StoreError::NotFound) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// A form as shown to anyone who may answer it, open or closed, with the time it
/// is shown signed into it.
pub async fn shown(ctx: &Context, actor: &Actor, id: i64) -> Result<Shown, AppError> {
    actor.require(Capability::ReadPublic)?;
    let form = ctx.store.said_form(id).await?;
    Ok(Shown {
        token: token(&form, ctx.now()),
        may_name: may_name(ctx, actor, &form).await?,
        id: form.id,
        organisation_id: form.organisation_id,
        project_id: form.project_id,
        open: form.is_open(),
        organisation_name: form.organisation_name,
        project_title: form.project_title,
        title: form.title,
        question: form.question,
        question_pl: form.question_pl,
        question_easy: form.question_easy,
    })
}

/// What became of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answered {
    /// Kept as this input; `named` when the person put their name to it.
    Taken { input_id: i64, named: bool },
    /// The form has closed: nothing kept.
    Closed,
    /// Enough answers came from this address lately: nothing kept.
    TooMany,
}

/// Takes an answer to a form from anyone: checked, then kept as an input of the
/// form's project, unless the form has closed or its address has answered enough
/// lately. Refused, naming the field, when the words are missing or too long, the
/// hidden box is filled in, or it came too soon or too late after the form was
/// shown (`token`). Audited, without the address.
pub async fn answer(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    token: &str,
    draft: &AnswerDraft,
) -> Result<Answered, AppError> {
    actor.require(Capability::ReadPublic)?;
    let form = ctx.store.said_form(id).await?;
    if !form.is_open() {
        return Ok(Answered::Closed);
    }
    let now = ctx.now();
    let mut errs = FieldErrors::new();
    let said = match check_answer(draft) {
        Ok(s) => Some(s),
        Err(e) => {
            errs.0.extend(e.0);
            None
        }
    };
    let timing = shown_at(&form, token)
        .ok_or(Problem::FormTooOld)
        .and_then(|at| check_timing(at, now));
    if let Err(p) = timing {
        errs.add("said", p);
    }
    let said = errs.finish(|| said.unwrap_or_default())?;
    let named = draft.named && may_name(ctx, actor, &form).await?;
    let address = secret::sign(
        &form.signing_key,
        &format!("address:{}", actor.address.as_deref().unwrap_or("unknown")),
    );
    let project = ctx.store.project(form.project_id).await?;
    let promise = ctx.store.feedback_promise(form.organisation_id).await?;
    let today = london_date(now);
    let due_on = input::due_on(today, promise.days);
    let owner = match project.lead_account_id {
        Some(a) => ctx
            .store
            .account(a)
            .await
            .ok()
            .filter(|acc| acc.organisation_id == Some(form.organisation_id) && acc.role.is_staff())
            .map(|acc| acc.id),
        None => None,
    };
    let mut tx = ctx.begin().await?;
    if !lock_said_form_in(&mut tx, id).await? {
        return Ok(Answered::Closed);
    }
    let given = said_form_answers_since_in(&mut tx, id, &address, now - WINDOW).await?;
    if said_form::too_many(given) {
        return Ok(Answered::TooMany);
    }
    note_said_form_answer_in(&mut tx, id, &address, now, now - WINDOW).await?;
    let input_id = insert_input(
        &mut tx,
        &InputFields {
            organisation_id: form.organisation_id,
            project_id: Some(form.project_id),
            activity_id: None,
            opportunity_id: None,
            form_id: Some(form.id),
            said,
            received_on: today,
            anonymous_count: if named { 0 } else { 1 },
            owner_account_id: owner,
            due_on,
            said_by: if named {
                actor.person_id.into_iter().collect()
            } else {
                vec![]
            },
            themes: vec![],
        },
    )
    .await?;
    crate::inputs::queue_reminders(&mut tx, ctx, input_id, due_on).await?;
    // The address is left out: an answer given without a name stays that way.
    let without_address = Actor {
        address: None,
        ..actor.clone()
    };
    audit::record(
        &mut tx,
        ctx,
        &without_address,
        Entry::new("input.create", "input", input_id)
            .organisation(Some(form.organisation_id))
            .detail(format!(
                "answer to feedback form {}{}",
                form.id,
                if named { ", named" } else { ", not named" }
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(Answered::Taken { input_id, named })
}

/// The projects of an organisation the actor sees, one of which a form is for:
/// id and title.
pub async fn projects(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
) -> Result<Vec<(i64, String)>, AppError> {
    actor.require(Capability::ReadWork)?;
    actor.visible(organisation_id)?;
    Ok(ctx
        .store
        .projects(
            PageRequest::first(PageRequest::MAX_LIMIT),
            Within::Parent(organisation_id),
        )
        .await?
        .items
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect())
}
