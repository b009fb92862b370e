//! Access support per activity: one list of what the people coming need (from the
//! needs they consented to share: a BSL interpreter x1, Easy Read papers x3), each
//! booked (from whom, by whom, at what cost) and afterwards met or not met, with
//! the reason. Counts only: nobody's needs are named on the list.

use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability;
use coproduce_domain::needs::Need;
use coproduce_domain::person::Language;
use coproduce_domain::text::{FieldErrors, Problem, SHORT};
use coproduce_domain::time::london_date;
use coproduce_store::provision::{Provision, book_in, outcome_in};

use crate::audit::{self, Entry};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context};

/// The most a booking can cost, in pence: £100,000.
pub const MAX_COST: i64 = 10_000_000;

/// One thing the people coming need, how many need it, and what was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub need: Need,
    /// The language of an interpreter.
    pub language: Option<Language>,
    /// How many of the people coming need it now (0 when they no longer come, but
    /// something was booked).
    pub people: i64,
    pub provision: Option<Provision>,
}

impl Item {
    fn key(&self) -> (String, String) {
        (
            self.need.slug().to_string(),
            self.language
                .map(|l| l.slug().to_string())
                .unwrap_or_default(),
        )
    }
}

fn read(need: &str, language: &str) -> Option<(Need, Option<Language>)> {
    let need = Need::parse(need).ok()?;
    let language = match language {
        "" => None,
        l => Some(Language::parse(l).ok()?),
    };
    Some((need, language))
}

/// The provision list of an activity the actor sees.
pub async fn list(ctx: &Context, actor: &Actor, activity_id: i64) -> Result<Vec<Item>, AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let needed = ctx
        .store
        .needed(activity_id, london_date(ctx.now()))
        .await?;
    let mut booked = ctx.store.provisions(activity_id).await?;
    let mut items = Vec::new();
    for n in needed {
        let Some((need, language)) = read(&n.need, &n.language) else {
            continue;
        };
        let at = booked
            .iter()
            .position(|p| p.need == n.need && p.language == n.language);
        items.push(Item {
            need,
            language,
            people: n.people,
            provision: at.map(|i| booked.remove(i)),
        });
    }
    for p in booked {
        if let Some((need, language)) = read(&p.need, &p.language) {
            items.push(Item {
                need,
                language,
                people: 0,
                provision: Some(p),
            });
        }
    }
    Ok(items)
}

/// An item of the list; a need not on it is a conflict with the list as it is now.
async fn item(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    need: Need,
    language: Option<Language>,
) -> Result<Item, AppError> {
    let items = list(ctx, actor, activity_id).await?;
    items
        .into_iter()
        .find(|i| i.need == need && i.language == language)
        .ok_or_else(|| {
            AppError::Conflict(format!(
                "nobody coming to this activity has shared the need \"{}\"",
                need.label()
            ))
        })
}

/// Records a booking for one need on the list: from whom (required), by whom, and
/// its cost in pence (0 to [`MAX_COST`]). Not for an activity called off. Audited.
#[allow(clippy::too_many_arguments)]
pub async fn book(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    need: Need,
    language: Option<Language>,
    booked_with: &str,
    booked_by: Option<&str>,
    cost_pence: Option<i64>,
) -> Result<Item, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    if ctx
        .store
        .activity(activity_id)
        .await?
        .cancelled_at
        .is_some()
    {
        return Err(AppError::Conflict("the activity is cancelled".into()));
    }
    let it = item(ctx, actor, activity_id, need, language).await?;
    let mut errs = FieldErrors::new();
    let with = booked_with.trim();
    if with.is_empty() {
        errs.add("booked_with", Problem::Empty);
    } else if with.chars().count() > SHORT {
        errs.add(
            "booked_with",
            Problem::TooLong {
                max: SHORT,
                len: with.chars().count(),
            },
        );
    }
    let by = booked_by.map(str::trim).filter(|b| !b.is_empty());
    if let Some(b) = by
        && b.chars().count() > SHORT
    {
        errs.add(
            "booked_by",
            Problem::TooLong {
                max: SHORT,
                len: b.chars().count(),
            },
        );
    }
    if let Some(c) = cost_pence
        && !(0..=MAX_COST).contains(&c)
    {
        errs.add(
            "cost_pence",
            Problem::OutOfRange {
                min: 0,
                max: MAX_COST,
                given: c,
            },
        );
    }
    errs.finish(|| ())?;
    let (n, l) = it.key();
    let mut tx = ctx.begin().await?;
    book_in(
        &mut tx,
        activity_id,
        &n,
        &l,
        with,
        by,
        cost_pence,
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("provision.book", "activity", activity_id)
            .organisation(Some(org))
            .detail(n.clone()),
    )
    .await?;
    ctx.commit(tx).await?;
    item(ctx, actor, activity_id, need, language).await
}

/// Records, once the activity has started (a conflict before), whether one need
/// on the list was met; one not met needs the reason. Audited.
pub async fn record_outcome(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    need: Need,
    language: Option<Language>,
    met: bool,
    reason: Option<&str>,
) -> Result<Item, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let activity = ctx.store.activity(activity_id).await?;
    let it = item(ctx, actor, activity_id, need, language).await?;
    if activity.starts_at > ctx.now() {
        return Err(AppError::Conflict(
            "whether it was met can be recorded once the activity has started".into(),
        ));
    }
    let mut errs = FieldErrors::new();
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    match reason {
        None if !met => errs.add("reason", Problem::Empty),
        Some(r) if r.chars().count() > SHORT * 5 => errs.add(
            "reason",
            Problem::TooLong {
                max: SHORT * 5,
                len: r.chars().count(),
            },
        ),
        _ => {}
    }
    errs.finish(|| ())?;
    let (n, l) = it.key();
    let mut tx = ctx.begin().await?;
    outcome_in(&mut tx, activity_id, &n, &l, met, reason, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("provision.outcome", "activity", activity_id)
            .organisation(Some(org))
            .detail(format!("{n} {}", if met { "met" } else { "not met" })),
    )
    .await?;
    ctx.commit(tx).await?;
    item(ctx, actor, activity_id, need, language).await
}
