//! The charter's meeting rules, checked while an activity is planned: what is in
//! force for an organisation (from the charters it signed, or its own values),
//! the warnings for an activity with the reasons given to go ahead, and the ground
//! rules attached to it.
//!
//! A breach never stops planning. Publishing an activity, or changing one already
//! published, that breaks a rule nobody has given a reason for asks for a reason
//! (refused on `go_ahead_reason`); the reason is kept against each breach, with
//! who gave it and when, in the same transaction as the change.

use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability;
use coproduce_domain::activity::{ActivityType, Mode, VenueFeature};
use coproduce_domain::meeting_rules::{self as rules, Breach, MeetingRule, Plan, RuleKind, Window};
use coproduce_domain::needs::Need;
use coproduce_domain::text::{self, Problem};
use coproduce_domain::time::london_date;
use coproduce_store::Tx;
use coproduce_store::activities::{Activity, ActivityFields};
use coproduce_store::meeting_rules::{
    Exception, RuleSetting, add_exception_in, clear_rule_in, set_ground_rules_in, set_rule_in,
};

use crate::audit::{self, Entry};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context};

/// The longest reason to go ahead: a short paragraph.
pub const REASON_LENGTH: usize = 1000;

/// The rules as an organisation the actor sees has them, one for each kind.
pub async fn settings(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
) -> Result<Vec<RuleSetting>, AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Organisation, organisation_id).await?;
    Ok(ctx.store.rule_settings(organisation_id).await?)
}

/// What an organisation sets for one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    /// What its charters say (a rule no charter states is then off).
    FromCharter,
    Off,
    /// In force with these values.
    On(MeetingRule),
}

/// Sets one rule for an organisation; for those who manage charters. Audited.
pub async fn set(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    kind: RuleKind,
    setting: &Setting,
) -> Result<RuleSetting, AppError> {
    actor.require(Capability::ManageCharters)?;
    visible_record(ctx, actor, Owned::Organisation, organisation_id).await?;
    let mut tx = ctx.begin().await?;
    let detail = match setting {
        Setting::FromCharter => {
            clear_rule_in(&mut tx, organisation_id, kind).await?;
            "as the charters say".to_string()
        }
        Setting::Off => {
            set_rule_in(&mut tx, organisation_id, kind, None, ctx.now()).await?;
            "off".to_string()
        }
        Setting::On(rule) => {
            set_rule_in(&mut tx, organisation_id, kind, Some(rule), ctx.now()).await?;
            rule.values()
        }
    };
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("meeting-rule.set", "organisation", organisation_id)
            .organisation(Some(organisation_id))
            .detail(format!("{}: {detail}", kind.slug())),
    )
    .await?;
    ctx.commit(tx).await?;
    ctx.store
        .rule_settings(organisation_id)
        .await?
        .into_iter()
        .find(|s| s.kind == kind)
        .ok_or(AppError::NotFound)
}

/// Reads a rule's values as people write them (minutes, days or meetings; rush
/// hours one to a line; kinds of activity not counted), naming each problem on its
/// field: `amount`, `windows`, `not_counting`.
pub fn read_rule(
    kind: RuleKind,
    amount: Option<i64>,
    windows: &str,
    not_counting: &[String],
) -> Result<MeetingRule, AppError> {
    let mut errs = text::FieldErrors::new();
    let windows = if windows.trim().is_empty() {
        Vec::new()
    } else {
        errs.take("windows", rules::parse_windows(windows))
            .unwrap_or_default()
    };
    let mut kinds = Vec::new();
    for (i, k) in not_counting.iter().enumerate() {
        if let Some(t) = errs.take(&format!("not_counting[{i}]"), ActivityType::read(k)) {
            kinds.push(t);
        }
    }
    if !errs.is_empty() {
        return Err(errs.into());
    }
    MeetingRule::new(kind, amount, windows, kinds).map_err(|problems| {
        let mut errs = text::FieldErrors::new();
        for (field, p) in problems {
            errs.add(field, p);
        }
        errs.into()
    })
}

/// One warning about an activity, with the reason given to go ahead, if one was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub breach: Breach,
    pub went_ahead: Option<Exception>,
}

/// What is checked about an activity as it would be: its own fields, and the
/// ground rules and papers it has.
pub(crate) struct Planned {
    pub id: Option<i64>,
    pub project_id: i64,
    pub activity_type: ActivityType,
    pub mode: Mode,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub venue_id: Option<i64>,
    pub debrief_minutes: Option<i64>,
    pub ground_rules: bool,
}

impl Planned {
    pub(crate) fn of(a: &Activity) -> Planned {
        Planned {
            id: Some(a.id),
            project_id: a.project_id,
            activity_type: a.activity_type,
            mode: a.mode,
            starts_at: a.starts_at,
            ends_at: a.ends_at,
            venue_id: a.venue_id,
            debrief_minutes: a.debrief_minutes,
            ground_rules: a.ground_rules.is_some(),
        }
    }
}

/// The breaches of a planned activity of an organisation, as of now: the rules in
/// force, the project's other activities, the venue, the needs of the people
/// coming and when the papers went out, in six queries.
pub(crate) async fn breaches(
    ctx: &Context,
    organisation_id: i64,
    p: &Planned,
) -> Result<Vec<Breach>, AppError> {
    let in_force = ctx.store.rules_in_force(organisation_id).await?;
    let others = ctx.store.other_starts(p.project_id, p.id).await?;
    let features: Option<Vec<VenueFeature>> = match p.venue_id {
        Some(v) => Some(ctx.store.venue(v).await?.features),
        None => None,
    };
    let needs: Vec<Need> = match p.id {
        Some(id) => ctx
            .store
            .needed(id, london_date(ctx.now()))
            .await?
            .into_iter()
            .filter_map(|n| Need::parse(&n.need).ok())
            .collect(),
        None => Vec::new(),
    };
    let papers_sent_at = match p.id {
        Some(id) => ctx.store.papers_sent_at(id).await?,
        None => None,
    };
    let plan = Plan {
        activity_type: p.activity_type,
        mode: p.mode,
        starts_at: p.starts_at,
        ends_at: p.ends_at,
        debrief_minutes: p.debrief_minutes,
        ground_rules: p.ground_rules,
        papers_sent_at,
        others: &others,
        venue: features.as_deref(),
        needs: &needs,
    };
    Ok(rules::check(&plan, &in_force, ctx.now()))
}

/// What a change to an activity would be checked as: its new fields, with the
/// ground rules it has now.
pub(crate) fn planned_change(id: i64, f: &ActivityFields, before: &Activity) -> Planned {
    Planned {
        id: Some(id),
        project_id: f.project_id,
        activity_type: f.activity_type,
        mode: f.mode,
        starts_at: f.schedule.starts_at(),
        ends_at: f.schedule.ends_at(),
        venue_id: f.details.venue_id,
        debrief_minutes: f.details.debrief_minutes,
        ground_rules: before.ground_rules.is_some(),
    }
}

/// The breaches a change to an activity the actor sees would bring that nobody
/// has given a reason for: what a form shows when it asks for one.
pub async fn unexcused_after_change(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    f: &ActivityFields,
) -> Result<Vec<Breach>, AppError> {
    actor.require(Capability::ReadWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, id).await?;
    let before = ctx.store.activity(id).await?;
    let found = breaches(ctx, organisation, &planned_change(id, f, &before)).await?;
    unexcused(ctx, id, found).await
}

/// The breaches of an activity the actor sees that nobody has given a reason for.
pub async fn unexcused_now(ctx: &Context, actor: &Actor, id: i64) -> Result<Vec<Breach>, AppError> {
    let found = warnings(ctx, actor, id).await?;
    Ok(found
        .into_iter()
        .filter(|w| w.went_ahead.is_none())
        .map(|w| w.breach)
        .collect())
}

async fn unexcused(ctx: &Context, id: i64, found: Vec<Breach>) -> Result<Vec<Breach>, AppError> {
    let given = ctx.store.exceptions(id).await?;
    Ok(found
        .into_iter()
        .filter(|b| !given.iter().any(|e| e.check_key == b.check.key()))
        .collect())
}

/// The warnings about an activity the actor sees, each with the reason given to go
/// ahead, if one was.
pub async fn warnings(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
) -> Result<Vec<Warning>, AppError> {
    actor.require(Capability::ReadWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let activity = ctx.store.activity(activity_id).await?;
    let found = breaches(ctx, organisation, &Planned::of(&activity)).await?;
    let mut given = ctx.store.exceptions(activity_id).await?;
    Ok(found
        .into_iter()
        .map(|breach| {
            let key = breach.check.key();
            let went_ahead = given
                .iter()
                .position(|e| e.check_key == key)
                .map(|i| given.remove(i));
            Warning { breach, went_ahead }
        })
        .collect())
}

/// Asks for a reason when a plan breaks a rule nobody has given one for, and keeps
/// the reason against each such breach within the caller's transaction. Without a
/// reason, refused on `go_ahead_reason`, naming how many rules it breaks.
pub(crate) async fn go_ahead(
    tx: &mut Tx,
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    found: &[Breach],
    reason: Option<&str>,
) -> Result<(), AppError> {
    let open = unexcused(ctx, activity_id, found.to_vec()).await?;
    if open.is_empty() {
        return Ok(());
    }
    let reason = match reason.map(|r| text::optional(Some(r), REASON_LENGTH)) {
        Some(Ok(Some(r))) => r,
        Some(Err(p)) => return Err(AppError::refused("go_ahead_reason", p)),
        _ => {
            return Err(AppError::refused(
                "go_ahead_reason",
                Problem::ReasonToGoAhead(open.len()),
            ));
        }
    };
    for b in open {
        add_exception_in(
            tx,
            activity_id,
            &b.check.key(),
            &b.found,
            &reason,
            actor.account_id,
            ctx.now(),
        )
        .await?;
    }
    Ok(())
}

/// Ground rules that can be attached to a meeting: a network's current code of
/// conduct or ground rules, or the section of a signed charter that sets the
/// ground-rules rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroundRules {
    /// `document-ID` or `charter-ID`.
    pub key: String,
    pub title: String,
    pub words: String,
}

/// What can be attached to an activity the actor sees as its ground rules.
pub async fn ground_rules_choices(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
) -> Result<Vec<GroundRules>, AppError> {
    actor.require(Capability::ReadWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let mut out = Vec::new();
    for (network, d) in ctx.store.ground_rules_documents(organisation).await? {
        out.push(GroundRules {
            key: format!("document-{}", d.id),
            title: format!("{network}: {} (version {})", d.title, d.version),
            words: d.body,
        });
    }
    for s in ctx.store.rule_settings(organisation).await? {
        if s.kind != RuleKind::GroundRules {
            continue;
        }
        if let Some((_, source)) = s.from_charter {
            let (_, charter) = ctx.store.charter(source.charter_id).await?;
            if let Some(section) = charter.sections.iter().find(|sec| {
                sec.commitments
                    .iter()
                    .any(|c| c.key == source.commitment_key)
            }) {
                let words: Vec<String> = section
                    .commitments
                    .iter()
                    .map(|c| format!("- {}", c.text))
                    .collect();
                out.push(GroundRules {
                    key: format!("charter-{}", source.charter_id),
                    title: format!("{}: {}", charter.title, section.title),
                    words: words.join("\n"),
                });
            }
        }
    }
    Ok(out)
}

/// Attaches ground rules to an activity (a copy of their words, so what people were
/// sent stays as it was), or takes them off with `None`. A key not among the
/// choices is refused on `ground_rules`. Audited.
pub async fn attach_ground_rules(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    key: Option<&str>,
) -> Result<Activity, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let chosen = match key {
        Some(k) => Some(
            ground_rules_choices(ctx, actor, activity_id)
                .await?
                .into_iter()
                .find(|g| g.key == k)
                .ok_or_else(|| {
                    AppError::refused(
                        "ground_rules",
                        Problem::NotKnown {
                            noun: "set of ground rules",
                            given: k.to_string(),
                        },
                    )
                })?,
        ),
        None => None,
    };
    let mut tx = ctx.begin().await?;
    set_ground_rules_in(
        &mut tx,
        activity_id,
        chosen
            .as_ref()
            .map(|g| (g.title.as_str(), g.words.as_str())),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("activity.ground-rules", "activity", activity_id)
            .organisation(Some(organisation))
            .detail(
                chosen
                    .as_ref()
                    .map(|g| g.title.clone())
                    .unwrap_or_else(|| "taken off".into()),
            ),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.activity(activity_id).await?)
}

/// A rule's kind from its slug in an address; another is not found.
pub fn kind_of(slug: &str) -> Result<RuleKind, AppError> {
    RuleKind::parse(slug).map_err(|_| AppError::NotFound)
}

/// The rush hours of a rule, written one to a line, for a form.
pub fn windows_text(w: &[Window]) -> String {
    w.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}
