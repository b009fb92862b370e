//! Inviting people to an activity, their replies, the waiting list, and telling
//! everyone invited when the activity changes or is called off.
//!
//! Each person is reached the way they asked ([`reach`]): by email through the
//! outbox, with the event attached as iCalendar; or on the organiser's list to
//! phone or to post a letter. Nobody is contacted without consent to contact in
//! force: they are left out, and the organiser is told. Someone under 18 is
//! invited only with a parent or guardian's consent on record. A reply link
//! works without signing in until the activity ends, and the answer can be
//! changed; when someone with a place says no, the first person waiting is
//! offered it in the same transaction. The words are in the person's language
//! (Polish when they speak Polish and not English) and in Easy Read when that is
//! their need.
//!
//! Nothing here sends mail itself: messages are jobs written in the transaction of
//! the change that causes them.

use chrono::{DateTime, Utc};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability;
use coproduce_domain::calendar::{self, Method};
use coproduce_domain::invitation::{Closed, Place, Reach, Reply, closed, has_room, reach};
use coproduce_domain::person::{AttendanceStatus, ContactMethod, is_child};
use coproduce_domain::text::{FieldErrors, Problem};
use coproduce_domain::time::london_date;
use coproduce_store::Tx;
use coproduce_store::activities::{Activity, upsert_attendance_if_none};
use coproduce_store::invitations::{
    Invitation, Invitee, add_reply_link, insert_invitation, invitations_in, lock_activity,
};

use crate::audit::{self, Entry};
use crate::mail::CalendarPart;
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context, outbox, secret};

mod feeds;
mod letters;
mod replies;

pub use feeds::{personal_feed, public_feed, replace_feed};
pub use letters::{Letter, Meeting, Notice, letter, words_for};
pub use replies::{invitation_by_link, own_invitation, record_reply, reply_by_link, reply_own};

/// An activity's calendar UID, the same in every message and feed.
fn uid(ctx: &Context, activity_id: i64) -> String {
    format!("activity-{activity_id}@{}", ctx.settings.host())
}

/// Makes a new reply link for an invitation on the caller's transaction.
pub async fn new_reply_link(
    tx: &mut Tx,
    ctx: &Context,
    invitation_id: i64,
) -> Result<String, AppError> {
    let token = secret::generate("cpr_");
    add_reply_link(tx, invitation_id, &secret::hash(&token), ctx.now()).await?;
    Ok(format!("{}/reply/{token}", ctx.settings.public_url))
}

/// Queues the email `notice` gives one invited person, with a new reply link and,
/// except for the waiting list and reminders, the calendar event. `words` are the
/// organiser's own, put after the greeting.
pub(crate) async fn email(
    tx: &mut Tx,
    ctx: &Context,
    meeting: &Meeting,
    notice: Notice,
    invitation_id: i64,
    invitee: &Invitee,
    words: Option<&str>,
) -> Result<(), AppError> {
    let Some(address) = invitee.email.as_deref() else {
        return Ok(());
    };
    let reply = if notice == Notice::Cancelled {
        None
    } else {
        Some(new_reply_link(tx, ctx, invitation_id).await?)
    };
    let mut l = letter(
        words_for(invitee),
        notice,
        meeting,
        invitee.preferred_name.as_deref().unwrap_or(&invitee.name),
        reply.as_deref(),
        true,
    );
    if let Some(w) = words.map(str::trim).filter(|w| !w.is_empty())
        && let Some((greeting, rest)) = l.body.split_once("\n\n")
    {
        l.body = format!("{greeting}\n\n{w}\n\n{rest}");
    }
    let method = match notice {
        Notice::Waiting | Notice::Reminder | Notice::Papers => None,
        Notice::Cancelled => Some(Method::Cancel),
        Notice::Invite | Notice::Changed => Some(Method::Request),
    };
    let part = method.map(|m| CalendarPart {
        method: m.name().to_string(),
        text: calendar::calendar(
            m,
            &meeting.organisation,
            &[meeting.event(ctx, Some((invitee.name.clone(), address.to_string())))],
        ),
    });
    outbox::queue_email_with(tx, ctx, address, &l.subject, l.body, part).await?;
    Ok(())
}

/// Why an activity is closed to invitations and replies now, if it is: a draft,
/// called off, or over.
pub fn closed_now(activity: &Activity, now: DateTime<Utc>) -> Option<Closed> {
    closed(
        activity.published_at.is_some(),
        activity.cancelled_at.is_some(),
        activity.ends_at,
        now,
    )
}

/// Refuses inviting to, or replying about, an activity that is closed.
fn open(activity: &Activity, now: DateTime<Utc>) -> Result<(), AppError> {
    match closed_now(activity, now) {
        Some(why) => Err(AppError::Conflict(why.explain().into())),
        None => Ok(()),
    }
}

/// Who was invited, and who was not contacted and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invited {
    /// The new invitations, with a place or on the waiting list.
    pub invited: Vec<Invitation>,
    /// People left out because they have no consent to contact in force.
    pub held_back: Vec<(i64, String)>,
    /// People already invited, left as they were.
    pub already: Vec<(i64, String)>,
}

/// Invites people of the activity's organisation to a published activity that has
/// not ended. Each gets a place while places last, then a turn on the waiting list.
/// Every person named must be one the actor sees in that organisation, and one
/// under 18 must have a guardian's consent on record; otherwise nothing is written
/// and each problem is named on `person_ids[i]`. Audited per person.
pub async fn invite(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    person_ids: &[i64],
) -> Result<Invited, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let activity = ctx.store.activity(activity_id).await?;
    open(&activity, ctx.now())?;
    if person_ids.is_empty() {
        return Err(AppError::refused("person_ids", Problem::Empty));
    }
    let today = london_date(ctx.now());
    let people = ctx.store.invitees(person_ids, today).await?;
    let mut errs = FieldErrors::new();
    let mut chosen: Vec<&Invitee> = Vec::new();
    for (i, id) in person_ids.iter().enumerate() {
        let field = format!("person_ids[{i}]");
        match people.iter().find(|p| p.id == *id) {
            Some(p) if p.organisation_id == org && !p.erased => {
                if p.born_on.is_some_and(|b| is_child(b, today)) && !p.guardian_agrees {
                    errs.add(field, Problem::NeedsGuardianConsent);
                } else if !chosen.iter().any(|c| c.id == p.id) {
                    chosen.push(p);
                }
            }
            _ => errs.add(
                field,
                Problem::NoSuch {
                    noun: "person",
                    id: *id,
                },
            ),
        }
    }
    errs.finish(|| ())?;
    let meeting = Meeting::of(ctx, activity).await?;
    let now = ctx.now();
    let mut tx = ctx.begin().await?;
    lock_activity(&mut tx, activity_id).await?;
    let existing = invitations_in(&mut tx, activity_id).await?;
    let mut holding = existing.iter().filter(|i| i.holds_place()).count() as i64;
    let mut out = Invited::default();
    let mut new_ids = Vec::new();
    for p in chosen {
        if existing.iter().any(|i| i.person_id == p.id) {
            out.already.push((p.id, p.name.clone()));
            continue;
        }
        let how = reach(
            p.may_contact,
            p.preferred_contact
                .as_deref()
                .and_then(|c| ContactMethod::parse(c).ok()),
            p.email.is_some(),
            p.phone.is_some(),
        );
        if how == Reach::HeldBack {
            out.held_back.push((p.id, p.name.clone()));
            continue;
        }
        let place = if has_room(meeting.activity.places, holding) {
            holding += 1;
            Place::Offered
        } else {
            Place::Waiting
        };
        let Some(id) = insert_invitation(&mut tx, activity_id, p.id, place, how, now).await? else {
            continue;
        };
        if place == Place::Offered {
            upsert_attendance_if_none(&mut tx, activity_id, p.id, AttendanceStatus::Invited)
                .await?;
        }
        if how == Reach::Email {
            let notice = match place {
                Place::Offered => Notice::Invite,
                Place::Waiting => Notice::Waiting,
            };
            email(&mut tx, ctx, &meeting, notice, id, p, None).await?;
        }
        audit::record(
            &mut tx,
            ctx,
            actor,
            Entry::new("invitation.create", "invitation", id)
                .organisation(Some(org))
                .person(Some(p.id))
                .detail(format!("{} {}", place.slug(), how.slug())),
        )
        .await?;
        new_ids.push(id);
    }
    ctx.commit(tx).await?;
    out.invited = ctx
        .store
        .invitations(activity_id)
        .await?
        .into_iter()
        .filter(|i| new_ids.contains(&i.id))
        .collect();
    Ok(out)
}

/// A letter to print for someone invited, with a new reply link, in their
/// language and format.
#[derive(Debug, Clone)]
pub struct Printed {
    pub letter: Letter,
    pub name: String,
    pub address: Option<String>,
    pub postcode: Option<String>,
    /// The print size they need, in points, if large.
    pub large_print: Option<i64>,
}

/// Makes the letter an organiser prints (or reads out on the phone) for one
/// invitation. It carries a reply link of its own; making it is audited.
pub async fn print_letter(
    ctx: &Context,
    actor: &Actor,
    invitation_id: i64,
) -> Result<Printed, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Invitation, invitation_id).await?;
    let invitation = ctx.store.invitation(invitation_id).await?;
    let activity = ctx.store.activity(invitation.activity_id).await?;
    open(&activity, ctx.now())?;
    let people = ctx
        .store
        .invitees(&[invitation.person_id], london_date(ctx.now()))
        .await?;
    let Some(p) = people.into_iter().next() else {
        return Err(AppError::NotFound);
    };
    let meeting = Meeting::of(ctx, activity).await?;
    let mut tx = ctx.begin().await?;
    let link = new_reply_link(&mut tx, ctx, invitation.id).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("invitation.letter", "invitation", invitation.id)
            .organisation(Some(org))
            .person(Some(p.id)),
    )
    .await?;
    ctx.commit(tx).await?;
    let notice = match invitation.place {
        Place::Offered => Notice::Invite,
        Place::Waiting => Notice::Waiting,
    };
    Ok(Printed {
        letter: letter(
            words_for(&p),
            notice,
            &meeting,
            p.preferred_name.as_deref().unwrap_or(&p.name),
            Some(&link),
            false,
        ),
        name: p.name,
        address: p.address,
        postcode: p.postcode,
        large_print: p.large_print,
    })
}

/// Records that the organiser phoned someone invited by phone, or posted the letter
/// to someone invited by letter, now; marking again moves the time on. Not for
/// someone invited by email or not contacted (a conflict), nor for an activity
/// closed to invitations. Audited.
pub async fn mark_contacted(
    ctx: &Context,
    actor: &Actor,
    invitation_id: i64,
) -> Result<Invitation, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Invitation, invitation_id).await?;
    let invitation = ctx.store.invitation(invitation_id).await?;
    if !matches!(invitation.reach, Reach::Phone | Reach::Letter) {
        return Err(AppError::Conflict(
            "only someone reached by phone or letter is contacted by hand".into(),
        ));
    }
    let activity = ctx.store.activity(invitation.activity_id).await?;
    open(&activity, ctx.now())?;
    let mut tx = ctx.begin().await?;
    coproduce_store::invitations::mark_contacted_in(&mut tx, invitation_id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("invitation.contacted", "invitation", invitation_id)
            .organisation(Some(org))
            .person(Some(invitation.person_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.invitation(invitation_id).await?)
}

/// Tells everyone invited by email that the activity changed (`Notice::Changed`, to
/// those with a place or waiting who have not said no) or is called off
/// (`Notice::Cancelled`, to everyone invited), on the caller's transaction, after
/// the change is written. Answers how many were told.
pub(crate) async fn tell_everyone(
    tx: &mut Tx,
    ctx: &Context,
    activity: Activity,
    notice: Notice,
) -> Result<usize, AppError> {
    let all = invitations_in(tx, activity.id).await?;
    let told: Vec<&Invitation> = all
        .iter()
        .filter(|i| i.reach == Reach::Email)
        .filter(|i| notice == Notice::Cancelled || i.reply() != Some(Reply::NotComing))
        .collect();
    if told.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = told.iter().map(|i| i.person_id).collect();
    let people = ctx.store.invitees(&ids, london_date(ctx.now())).await?;
    let meeting = Meeting::of(ctx, activity).await?;
    let mut n = 0;
    for i in told {
        let Some(p) = people.iter().find(|p| p.id == i.person_id) else {
            continue;
        };
        // Someone waiting has no event in their calendar to change.
        let notice = match (notice, i.place) {
            (Notice::Changed, Place::Waiting) => continue,
            (n, _) => n,
        };
        email(tx, ctx, &meeting, notice, i.id, p, None).await?;
        n += 1;
    }
    Ok(n)
}
