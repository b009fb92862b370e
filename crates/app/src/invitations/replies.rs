//! Replies to invitations: by the link in an email or letter (no sign-in), by the
//! person from their own record, or recorded by staff from a call or a letter; and
//! the waiting list moving up when someone with a place says no.

use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability;
use coproduce_domain::invitation::{Place, Reach, Reply, has_room};
use coproduce_domain::person::AttendanceStatus;
use coproduce_domain::time::london_date;
use coproduce_store::activities::upsert_attendance_if_none;
use coproduce_store::invitations::{
    Invitation, invitations_in, lock_activity, offer_place_in, set_reply_in, wait_again_in,
};

use super::{Meeting, Notice, email, open};
use crate::audit::{self, Entry};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context, secret};

/// Records a reply given through a reply link, by whoever holds it: no sign-in.
/// A link that does not exist answers [`AppError::NotFound`]; one for an activity
/// that has ended or is cancelled, a conflict.
pub async fn reply_by_link(
    ctx: &Context,
    actor: &Actor,
    token: &str,
    reply: Reply,
) -> Result<Invitation, AppError> {
    let invitation = invitation_by_link(ctx, token).await?;
    apply_reply(ctx, actor, invitation, reply).await
}

/// The invitation a reply link belongs to.
pub async fn invitation_by_link(ctx: &Context, token: &str) -> Result<Invitation, AppError> {
    Ok(ctx
        .store
        .invitation_by_link(&secret::hash(token.trim()))
        .await?)
}

/// Records a reply someone gave the organiser (on the phone, by letter).
pub async fn record_reply(
    ctx: &Context,
    actor: &Actor,
    invitation_id: i64,
    reply: Reply,
) -> Result<Invitation, AppError> {
    actor.require(Capability::WriteWork)?;
    visible_record(ctx, actor, Owned::Invitation, invitation_id).await?;
    let invitation = ctx.store.invitation(invitation_id).await?;
    apply_reply(ctx, actor, invitation, reply).await
}

/// Records a reply a signed-in person gives to their own invitation; anyone
/// else's answers [`AppError::NotFound`].
pub async fn reply_own(
    ctx: &Context,
    actor: &Actor,
    invitation_id: i64,
    reply: Reply,
) -> Result<Invitation, AppError> {
    let invitation = own_invitation(ctx, actor, invitation_id).await?;
    apply_reply(ctx, actor, invitation, reply).await
}

/// A signed-in person's own invitation; anyone else's answers
/// [`AppError::NotFound`].
pub async fn own_invitation(
    ctx: &Context,
    actor: &Actor,
    invitation_id: i64,
) -> Result<Invitation, AppError> {
    let invitation = match ctx.store.invitation(invitation_id).await {
        Ok(i) => i,
        Err(coproduce_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    if actor.person_id.is_none() || actor.person_id != Some(invitation.person_id) {
        return Err(AppError::NotFound);
    }
    Ok(invitation)
}

/// Records a reply. Saying no frees a place for the first person waiting who has
/// not said no, who is offered it and told; coming back after saying no, when the
/// place has gone, puts them on the waiting list.
async fn apply_reply(
    ctx: &Context,
    actor: &Actor,
    invitation: Invitation,
    reply: Reply,
) -> Result<Invitation, AppError> {
    let activity = ctx.store.activity(invitation.activity_id).await?;
    open(&activity, ctx.now())?;
    let org = ctx
        .store
        .owner_of(Owned::Activity, invitation.activity_id)
        .await?;
    let now = ctx.now();
    let mut tx = ctx.begin().await?;
    lock_activity(&mut tx, activity.id).await?;
    let all = invitations_in(&mut tx, activity.id).await?;
    let Some(me) = all.iter().find(|i| i.id == invitation.id) else {
        return Err(AppError::NotFound);
    };
    let held = me.holds_place();
    set_reply_in(&mut tx, me.id, reply, now).await?;
    let mut moved_up = None;
    if held && reply == Reply::NotComing {
        moved_up = all
            .iter()
            .find(|i| i.place == Place::Waiting && i.reply() != Some(Reply::NotComing));
    } else if !held && me.place == Place::Offered && reply != Reply::NotComing {
        let holding = all
            .iter()
            .filter(|i| i.id != me.id && i.holds_place())
            .count() as i64;
        if !has_room(activity.places, holding) {
            wait_again_in(&mut tx, me.id, now).await?;
        }
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("invitation.reply", "invitation", me.id)
            .organisation(Some(org))
            .person(Some(me.person_id))
            .detail(reply.slug()),
    )
    .await?;
    if let Some(next) = moved_up {
        offer_place_in(&mut tx, next.id, now).await?;
        upsert_attendance_if_none(
            &mut tx,
            activity.id,
            next.person_id,
            AttendanceStatus::Invited,
        )
        .await?;
        audit::record(
            &mut tx,
            ctx,
            &Actor::system(),
            Entry::new("invitation.offer-place", "invitation", next.id)
                .organisation(Some(org))
                .person(Some(next.person_id)),
        )
        .await?;
        if next.reach == Reach::Email {
            let meeting = Meeting::of(ctx, activity.clone()).await?;
            let people = ctx
                .store
                .invitees(&[next.person_id], london_date(now))
                .await?;
            if let Some(p) = people.first() {
                email(&mut tx, ctx, &meeting, Notice::Invite, next.id, p, None).await?;
            }
        }
    }
    ctx.commit(tx).await?;
    Ok(ctx.store.invitation(invitation.id).await?)
}
