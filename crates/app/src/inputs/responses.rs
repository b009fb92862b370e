//! Responses to an input: each kept, and the first and each change of status sent
//! to everyone named as having said it, each the way they prefer: an email through
//! the outbox, or a letter or call for staff to make, recorded when made. Someone
//! who has withdrawn consent to contact is not told, and the owner is. Feedback
//! given by hand (at a meeting) is recorded here too.

use chrono::NaiveDate;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability;
use coproduce_domain::input::{
    self, CheckedResponse, Response, ResponseStatus, check_response, tells,
};
use coproduce_domain::invitation::{Reach, reach};
use coproduce_domain::person::ContactMethod;
use coproduce_domain::text::{FieldErrors, LONG};
use coproduce_store::Tx;
use coproduce_store::inputs::{
    Input, NewResponse, Told, fed_back_in, insert_told_in, lock_input, mark_told_in, respond_in,
};
use coproduce_store::invitations::Invitee;

use super::{check_owner, today};
use crate::audit::{self, Entry};
use crate::i18n::Tr;
use crate::invitations::{Letter, Printed, words_for};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context, outbox};

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
