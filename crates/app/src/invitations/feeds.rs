//! Calendar feeds: a person's own at a secret address they can replace, and the
//! public events of every organisation. Written as iCalendar by
//! `coproduce_domain::calendar`; this module must not send anything.

use coproduce_domain::calendar::{self, Event, Method};
use coproduce_domain::invitation::{Place, Reply};

use super::uid;
use crate::audit::{self, Entry};
use crate::{Actor, AppError, Context, secret};

/// Gives the actor's own person a new calendar feed address, ending any earlier
/// one. Answers the address, which is shown only now: only its hash is kept.
/// Audited.
pub async fn replace_feed(ctx: &Context, actor: &Actor) -> Result<String, AppError> {
    let Some(person) = actor.person_id else {
        return Err(AppError::NotFound);
    };
    let token = secret::generate("cpf_");
    let mut tx = ctx.begin().await?;
    coproduce_store::invitations::replace_feed_in(
        &mut tx,
        person,
        &secret::hash(&token),
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("calendar-feed.replace", "person", person).person(Some(person)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(format!("{}/calendar/{token}.ics", ctx.settings.public_url))
}

/// The calendar at a person's secret feed address: each activity they have a
/// place at and have not said no to, with its joining link; one called off stays,
/// marked cancelled, so calendars remove it. An address that is not one answers
/// [`AppError::NotFound`].
pub async fn personal_feed(ctx: &Context, token: &str) -> Result<String, AppError> {
    let person = ctx.store.feed_person(&secret::hash(token)).await?;
    let events: Vec<Event> = ctx
        .store
        .person_invitations(person)
        .await?
        .into_iter()
        .filter(|i| i.place == Place::Offered && i.reply() != Some(Reply::NotComing))
        .map(|i| Event {
            uid: uid(ctx, i.activity_id),
            sequence: i.version,
            stamp: ctx.now(),
            starts_at: i.starts_at,
            ends_at: i.ends_at,
            summary: i.title,
            description: i.organisation_name,
            location: place_line(i.venue_name, i.venue_address),
            url: i.joining_link,
            cancelled: i.cancelled_at.is_some(),
            organiser: None,
            attendee: None,
        })
        .collect();
    Ok(calendar::calendar(Method::Publish, "Coproduce", &events))
}

/// The public calendar: events open to the public, from a month ago on, without
/// joining links (those are for the people invited).
pub async fn public_feed(ctx: &Context) -> Result<String, AppError> {
    let events: Vec<Event> = ctx
        .store
        .public_events(ctx.now() - chrono::Duration::days(30))
        .await?
        .into_iter()
        .map(|e| Event {
            uid: uid(ctx, e.id),
            sequence: e.version,
            stamp: ctx.now(),
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            summary: e.title,
            description: e.organisation_name,
            location: place_line(e.venue_name, e.venue_address),
            url: None,
            cancelled: e.cancelled_at.is_some(),
            organiser: None,
            attendee: None,
        })
        .collect();
    Ok(calendar::calendar(
        Method::Publish,
        "Coproduce: public events",
        &events,
    ))
}

/// A venue's name and address on one line.
fn place_line(name: Option<String>, address: Option<String>) -> Option<String> {
    let parts: Vec<String> = [name, address]
        .into_iter()
        .flatten()
        .map(|s| s.replace('\n', ", "))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
