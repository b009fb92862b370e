//! Opportunities: roles offered to participants. Staff write one as a draft, open it
//! once it has an Easy Read version (and, for one only for people invited, someone
//! invited), and choose from the people interested once it has closed. People say
//! they are interested from their own record, or staff say it for them; everyone
//! interested hears back, chosen or not, through the outbox (or on the list for the
//! lead to phone or write to, when they have no email). The lead sees the make-up of
//! those interested beside that of the network (or the organisation) only as
//! suppressed totals.
//!
//! Every operation checks the role and the organisation, then writes in one
//! transaction with its audit entry and the emails it causes.

use coproduce_domain::account::Capability;
use coproduce_domain::equality::{QuestionTotals, totals};
use coproduce_domain::opportunity::{
    ApplicationStatus, MAX_INVITED, NotReady, Opportunity as Terms, OpportunityDraft, Standing,
    WhoMayApply, check_chosen, not_ready,
};
use coproduce_domain::person::is_child;
use coproduce_domain::text::{FieldErrors, Problem, optional};
use coproduce_domain::time::{london_date, show_date};
use coproduce_store::equality::Among;
use coproduce_store::invitations::Invitee;
use coproduce_store::opportunities::{
    Opportunity, apply_in, decide_in, foreign_reference, insert_opportunity_in, invite_in,
    publish_opportunity_in, update_opportunity_in, withdraw_in,
};

use crate::audit::{self, Entry};
use crate::invitations::words_for;
use crate::scope::{Owned, referenced, referenced_organisation, visible_record};
use coproduce_store::Tx;

use crate::{Actor, AppError, Context, outbox};

/// Who was told, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Told {
    /// Sent an email.
    pub emailed: usize,
    /// Who has no email, for the lead to phone or write to.
    pub to_tell: Vec<String>,
    /// Who was not contacted, having no consent to contact in force.
    pub not_contacted: Vec<String>,
}

fn today(ctx: &Context) -> chrono::NaiveDate {
    london_date(ctx.now())
}

/// Refuses a network or project of another organisation, on its field, as if it did
/// not exist.
async fn own_references(ctx: &Context, organisation: i64, o: &Terms) -> Result<(), AppError> {
    match foreign_reference(&ctx.store, organisation, o).await? {
        Some((field, noun, id)) => Err(AppError::refused(field, Problem::NoSuch { noun, id })),
        None => Ok(()),
    }
}

/// Writes a draft opportunity for an organisation the actor sees; audited.
pub async fn create(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    draft: &OpportunityDraft,
) -> Result<Opportunity, AppError> {
    actor.require(Capability::WriteWork)?;
    referenced_organisation(ctx, actor, organisation_id).await?;
    let terms = draft.check(today(ctx))?;
    own_references(ctx, organisation_id, &terms).await?;
    let mut tx = ctx.begin().await?;
    let id = insert_opportunity_in(&mut tx, organisation_id, &terms, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("opportunity.create", "opportunity", id).organisation(Some(organisation_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.opportunity(id).await?)
}

/// Changes an opportunity's terms until its people are chosen. A closing date left
/// as it was stands even once past; one that is open must still have what opening
/// needed (its Easy Read version, someone invited). Audited.
pub async fn update(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    draft: &OpportunityDraft,
) -> Result<Opportunity, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Opportunity, id).await?;
    let before = ctx.store.opportunity(id).await?;
    let decided =
        || AppError::Conflict("its people have been chosen, so it can no longer change".into());
    if before.decided_at.is_some() {
        return Err(decided());
    }
    let terms = draft.check_keeping(today(ctx), Some(before.closes_on))?;
    own_references(ctx, organisation, &terms).await?;
    if before.published_at.is_some() {
        // Open already: a change may not take away what opening needed.
        let invited = ctx.store.invited_count(id).await?;
        let why: Vec<&str> = not_ready(
            terms.easy_read.is_some(),
            terms.closes_on,
            terms.who_may_apply,
            invited,
            terms.closes_on,
        )
        .iter()
        .map(|w| w.explain())
        .collect();
        if !why.is_empty() {
            return Err(AppError::Conflict(format!(
                "it is open, so it must still be ready to be: {}",
                why.join("; ")
            )));
        }
    }
    let mut tx = ctx.begin().await?;
    update_opportunity_in(&mut tx, id, &terms)
        .await
        .map_err(|e| match e {
            coproduce_store::StoreError::Stale => decided(),
            other => other.into(),
        })?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("opportunity.update", "opportunity", id).organisation(Some(organisation)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.opportunity(id).await?)
}

/// What stands in the way of opening an opportunity today.
pub async fn not_ready_to_open(ctx: &Context, o: &Opportunity) -> Result<Vec<NotReady>, AppError> {
    let invited = ctx.store.invited_count(o.id).await?;
    Ok(not_ready(
        o.easy_read.is_some(),
        o.closes_on,
        o.who_may_apply,
        invited,
        today(ctx),
    ))
}

/// Opens an opportunity to the people it is for, once nothing stands in the way (a
/// conflict until then). Everyone invited to one only for people invited is told.
/// Opening twice keeps the first time and tells nobody again. Audited.
pub async fn publish(ctx: &Context, actor: &Actor, id: i64) -> Result<Told, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Opportunity, id).await?;
    let o = ctx.store.opportunity(id).await?;
    if o.decided_at.is_some() {
        return Err(AppError::Conflict("its people have been chosen".into()));
    }
    let why = not_ready_to_open(ctx, &o).await?;
    if !why.is_empty() {
        let words: Vec<&str> = why.iter().map(|w| w.explain()).collect();
        return Err(AppError::Conflict(words.join("; ")));
    }
    let mut told = Told::default();
    let mut tx = ctx.begin().await?;
    let opened = publish_opportunity_in(&mut tx, id, ctx.now()).await?;
    if opened && o.who_may_apply == WhoMayApply::Invited {
        let ids: Vec<i64> = ctx
            .store
            .invited(id)
            .await?
            .into_iter()
            .map(|i| i.person_id)
            .collect();
        told = tell_invited(ctx, &mut tx, &o, &ids).await?;
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("opportunity.publish", "opportunity", id).organisation(Some(organisation)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(told)
}

/// What inviting did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvitedPeople {
    /// How many were newly invited (not those invited before).
    pub added: usize,
    /// Who was told, when it is open already.
    pub told: Told,
}

/// Invites people of the organisation to apply for an opportunity only for people
/// invited, while it is a draft or open. Each named must be of its organisation and
/// not erased, and one under 18 must have a guardian's consent on record; otherwise
/// nothing is written and each problem is named on `person_ids[i]`. Those invited to
/// one already open are told straight away; the rest when it opens. Audited per
/// person.
pub async fn invite(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    people: &[i64],
) -> Result<InvitedPeople, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Opportunity, id).await?;
    let o = ctx.store.opportunity(id).await?;
    if o.who_may_apply != WhoMayApply::Invited {
        return Err(AppError::Conflict(
            "it is not only for people invited: anyone it is for may say they are interested"
                .into(),
        ));
    }
    match o.standing(today(ctx)) {
        Standing::Draft | Standing::Open => {}
        Standing::Closed | Standing::Decided => {
            return Err(AppError::Conflict(format!(
                "it closed on {}",
                show_date(o.closes_on)
            )));
        }
    }
    if people.is_empty() {
        return Err(AppError::refused("person_ids", Problem::Empty));
    }
    if people.len() > MAX_INVITED {
        return Err(AppError::refused(
            "person_ids",
            Problem::TooMany(MAX_INVITED),
        ));
    }
    let day = today(ctx);
    let found = ctx.store.invitees(people, day).await?;
    let mut errs = FieldErrors::new();
    let mut ids: Vec<i64> = Vec::new();
    for (i, person) in people.iter().enumerate() {
        let field = format!("person_ids[{i}]");
        match found.iter().find(|p| p.id == *person) {
            Some(p) if p.organisation_id == organisation && !p.erased => {
                if p.born_on.is_some_and(|b| is_child(b, day)) && !p.guardian_agrees {
                    errs.add(field, Problem::NeedsGuardianConsent);
                } else if !ids.contains(person) {
                    ids.push(*person);
                }
            }
            _ => errs.add(
                field,
                Problem::NoSuch {
                    noun: "person",
                    id: *person,
                },
            ),
        }
    }
    errs.finish(|| ())?;
    let mut tx = ctx.begin().await?;
    let added = invite_in(&mut tx, id, &ids, ctx.now()).await?;
    let told = if o.published_at.is_some() {
        tell_invited(ctx, &mut tx, &o, &added).await?
    } else {
        Told::default()
    };
    for person in &added {
        audit::record(
            &mut tx,
            ctx,
            actor,
            Entry::new("opportunity.invite", "opportunity", id)
                .organisation(Some(organisation))
                .person(Some(*person)),
        )
        .await?;
    }
    ctx.commit(tx).await?;
    Ok(InvitedPeople {
        added: added.len(),
        told,
    })
}

/// Whom an email reaches: the people of `ids` who exist, sorted into those emailed,
/// those to tell another way, and those not to contact; `write` words each email.
async fn tell(
    ctx: &Context,
    tx: &mut Tx,
    ids: &[i64],
    write: impl Fn(&Invitee) -> (String, String),
) -> Result<Told, AppError> {
    let mut told = Told::default();
    for p in ctx.store.invitees(ids, today(ctx)).await? {
        if p.erased {
            continue;
        }
        if !p.may_contact {
            told.not_contacted.push(p.name.clone());
            continue;
        }
        match p.email.as_deref() {
            Some(address) => {
                let (subject, body) = write(&p);
                outbox::queue_email(tx, ctx, address, &subject, body).await?;
                told.emailed += 1;
            }
            None => told.to_tell.push(p.name.clone()),
        }
    }
    Ok(told)
}

async fn tell_invited(
    ctx: &Context,
    tx: &mut Tx,
    o: &Opportunity,
    ids: &[i64],
) -> Result<Told, AppError> {
    let link = format!("{}/me/opportunities/{}", ctx.settings.public_url, o.id);
    tell(ctx, tx, ids, |p| {
        let tr = words_for(p);
        let name = p.preferred_name.as_deref().unwrap_or(&p.name);
        let body = [
            tr.t1("letter-greeting", "name", name),
            String::new(),
            tr.t1("opportunity-invited-intro", "title", &o.title),
            tr.t1("opportunity-closes-on", "date", show_date(o.closes_on)),
            String::new(),
            tr.t1("opportunity-link", "link", &link),
            tr.t1(
                "opportunity-or-contact",
                "organisation",
                &o.organisation_name,
            ),
            String::new(),
            tr.t1("letter-sign-off", "organisation", &o.organisation_name),
        ]
        .join("\n");
        (
            tr.t1("opportunity-invited-subject", "title", &o.title),
            body,
        )
    })
    .await
}

/// Whether `person` may say they are interested now: it is open, and they are one
/// of the people it is for (anyone of its organisation, a current member of its
/// network, or someone invited: a matter of who they are, so a conflict). `field`
/// says who is asking: "opportunity" for the person themselves.
async fn check_may_apply(
    ctx: &Context,
    o: &Opportunity,
    person: i64,
    field: &'static str,
) -> Result<(), AppError> {
    match o.standing(today(ctx)) {
        Standing::Open => {}
        Standing::Draft => return Err(AppError::Conflict("it is not open yet".into())),
        Standing::Closed | Standing::Decided => {
            return Err(AppError::Conflict(format!(
                "it closed on {}",
                show_date(o.closes_on)
            )));
        }
    }
    if !ctx.store.may_apply(o.id, person).await? {
        return Err(AppError::Conflict(format!(
            "{who} not one of the people it is for: {whom}",
            who = if field == "opportunity" {
                "you are"
            } else {
                "they are"
            },
            whom = match o.who_may_apply {
                WhoMayApply::Network => "the members of its network",
                WhoMayApply::Invited => "the people invited",
                WhoMayApply::Public => "the people of its organisation",
            }
        )));
    }
    Ok(())
}

fn read_why(why: Option<&str>) -> Result<Option<String>, AppError> {
    optional(why, coproduce_domain::opportunity::WHY_LENGTH)
        .map_err(|e| AppError::refused("why", e))
}

/// The signed-in person says they are interested in an open opportunity they may
/// apply for, with what they want to say about why. Audited.
pub async fn apply_self(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    why: Option<&str>,
) -> Result<(), AppError> {
    actor.require(Capability::OwnAccount)?;
    let Some(person) = actor.person_id else {
        return Err(AppError::NotFound);
    };
    let organisation = visible_record(ctx, actor, Owned::Opportunity, id).await?;
    let o = ctx.store.opportunity(id).await?;
    let why = read_why(why)?;
    check_may_apply(ctx, &o, person, "opportunity").await?;
    let mut tx = ctx.begin().await?;
    apply_in(&mut tx, id, person, why.as_deref(), None, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("opportunity.apply", "opportunity", id)
            .organisation(Some(organisation))
            .person(Some(person))
            .detail("by themselves"),
    )
    .await?;
    ctx.commit(tx).await
}

/// A member of staff says a person is interested, for them (after a phone call,
/// say). Audited.
pub async fn apply_for(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    person: i64,
    why: Option<&str>,
) -> Result<(), AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Opportunity, id).await?;
    referenced(ctx, actor, Owned::Person, "person_id", person).await?;
    let o = ctx.store.opportunity(id).await?;
    let why = read_why(why)?;
    check_may_apply(ctx, &o, person, "person_id").await?;
    let mut tx = ctx.begin().await?;
    apply_in(
        &mut tx,
        id,
        person,
        why.as_deref(),
        actor.account_id,
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("opportunity.apply", "opportunity", id)
            .organisation(Some(organisation))
            .person(Some(person))
            .detail("by staff, for them"),
    )
    .await?;
    ctx.commit(tx).await
}

/// Withdraws a person's interest while the opportunity is open (once it has closed,
/// who is interested no longer changes): by the person, or by staff for them.
/// Audited.
pub async fn withdraw(ctx: &Context, actor: &Actor, id: i64, person: i64) -> Result<(), AppError> {
    if actor.person_id != Some(person) {
        actor.require(Capability::WriteWork)?;
    }
    let organisation = visible_record(ctx, actor, Owned::Opportunity, id).await?;
    let o = ctx.store.opportunity(id).await?;
    if o.standing(today(ctx)) != Standing::Open {
        return Err(AppError::Conflict(format!(
            "it closed on {}: tell the organiser instead, who will not choose them",
            show_date(o.closes_on)
        )));
    }
    let interested = ctx
        .store
        .application_of(id, person)
        .await?
        .is_some_and(|a| a.status == ApplicationStatus::Interested);
    if !interested {
        return Err(AppError::Conflict(
            "they have not said they are interested, so there is nothing to withdraw".into(),
        ));
    }
    let mut tx = ctx.begin().await?;
    withdraw_in(&mut tx, id, person).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("opportunity.withdraw", "opportunity", id)
            .organisation(Some(organisation))
            .person(Some(person)),
    )
    .await?;
    ctx.commit(tx).await
}

/// Chooses the people taking part, once the opportunity has closed: each one of
/// those interested, no more than the places. Everyone interested is told, chosen
/// or not, each in their language and in Easy Read where that is their need.
/// Deciding twice is a conflict: the first decision stands. Audited.
pub async fn decide(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    chosen: &[i64],
) -> Result<Told, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Opportunity, id).await?;
    let o = ctx.store.opportunity(id).await?;
    match o.standing(today(ctx)) {
        Standing::Closed => {}
        Standing::Draft => return Err(AppError::Conflict("it has not been opened".into())),
        Standing::Open => {
            return Err(AppError::Conflict(format!(
                "it is open until the end of {}: choose once it has closed, or set an earlier closing date",
                show_date(o.closes_on)
            )));
        }
        Standing::Decided => {
            return Err(AppError::Conflict(
                "its people have already been chosen".into(),
            ));
        }
    }
    let applications = ctx.store.applications(id).await?;
    let interested: Vec<i64> = applications
        .iter()
        .filter(|a| a.status == ApplicationStatus::Interested)
        .map(|a| a.person_id)
        .collect();
    let mut chosen_once: Vec<i64> = Vec::new();
    for c in chosen {
        if !chosen_once.contains(c) {
            chosen_once.push(*c);
        }
    }
    let chosen = chosen_once.as_slice();
    check_chosen(chosen, &interested, o.places)?;
    let mut tx = ctx.begin().await?;
    decide_in(&mut tx, id, chosen, actor.account_id, ctx.now())
        .await
        .map_err(|e| match e {
            coproduce_store::StoreError::Stale => AppError::Conflict(
                "its people have already been chosen, or someone chosen has just withdrawn: look again"
                    .into(),
            ),
            other => other.into(),
        })?;
    let link = format!("{}/open-opportunities", ctx.settings.public_url);
    let told = tell(ctx, &mut tx, &interested, |p| {
        let tr = words_for(p);
        let name = p.preferred_name.as_deref().unwrap_or(&p.name);
        let (subject, news) = if chosen.contains(&p.id) {
            ("opportunity-chosen-subject", "opportunity-chosen")
        } else {
            ("opportunity-not-chosen-subject", "opportunity-not-chosen")
        };
        let body = [
            tr.t1("letter-greeting", "name", name),
            String::new(),
            tr.t1(news, "title", &o.title),
            String::new(),
            tr.t1("opportunity-see-more", "link", &link),
            String::new(),
            tr.t1("letter-sign-off", "organisation", &o.organisation_name),
        ]
        .join("\n");
        (tr.t1(subject, "title", &o.title), body)
    })
    .await?;
    for person in &interested {
        let action = if chosen.contains(person) {
            "opportunity.chosen"
        } else {
            "opportunity.not-chosen"
        };
        audit::record(
            &mut tx,
            ctx,
            actor,
            Entry::new(action, "opportunity", id)
                .organisation(Some(organisation))
                .person(Some(*person)),
        )
        .await?;
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("opportunity.decide", "opportunity", id)
            .organisation(Some(organisation))
            .detail(format!(
                "{} chosen of {}; {} emailed, {} to tell another way, {} not contacted",
                chosen.len(),
                interested.len(),
                told.emailed,
                told.to_tell.len(),
                told.not_contacted.len()
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(told)
}

/// The make-up of one group, as it may be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupMakeUp {
    /// How many of the group answered any equality question.
    pub answered: i64,
    /// `None` with too few answers to show anything.
    pub totals: Option<Vec<QuestionTotals>>,
}

/// The make-up of the people interested beside the group it is drawn from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MakeUp {
    pub applicants: GroupMakeUp,
    /// The network whose other members are beside them, or `None` for the rest of
    /// the organisation's register.
    pub network_name: Option<String>,
    pub compared_with: GroupMakeUp,
}

async fn group(ctx: &Context, among: Among) -> Result<GroupMakeUp, AppError> {
    let (answered, counts) = ctx.store.equality_counts_among(among).await?;
    let counts: Vec<(String, String, i64)> = counts
        .into_iter()
        .map(|c| (c.question, c.value, c.count))
        .collect();
    Ok(GroupMakeUp {
        answered,
        totals: totals(answered, &counts),
    })
}

/// The equality make-up of those interested in an opportunity, beside the rest of
/// its network's members (or of the organisation's register), once it has closed:
/// totals only, small numbers hidden, nothing at all below the fewest answers in
/// either group. Before then the group changes with each person who says they are
/// interested, and the change would show that person's answers (a conflict). The
/// two groups are apart, so neither can be found by taking one total from another.
pub async fn make_up(ctx: &Context, actor: &Actor, id: i64) -> Result<MakeUp, AppError> {
    actor.require(Capability::ReadEquality)?;
    visible_record(ctx, actor, Owned::Opportunity, id).await?;
    let o = ctx.store.opportunity(id).await?;
    match o.standing(today(ctx)) {
        Standing::Closed | Standing::Decided => {}
        Standing::Draft | Standing::Open => {
            return Err(AppError::Conflict(
                "the make-up is shown once it has closed, when who is interested no longer changes"
                    .into(),
            ));
        }
    }
    let base = match o.network_id {
        Some(_) => Among::NetworkBesides(id),
        None => Among::OrganisationBesides(id),
    };
    Ok(MakeUp {
        applicants: group(ctx, Among::Applicants(id)).await?,
        network_name: o.network_name.clone(),
        compared_with: group(ctx, base).await?,
    })
}

/// An opportunity anyone may read about: open, and not only for people invited;
/// anything else answers [`AppError::NotFound`].
pub async fn listed(ctx: &Context, id: i64) -> Result<Opportunity, AppError> {
    let o = ctx.store.opportunity(id).await?;
    if o.standing(today(ctx)) == Standing::Open && o.who_may_apply != WhoMayApply::Invited {
        Ok(o)
    } else {
        Err(AppError::NotFound)
    }
}

/// An opportunity as the signed-in person sees it: one they may apply for that is
/// open, or one they already said they are interested in, with their interest.
/// Anything else answers [`AppError::NotFound`].
pub async fn own_view(
    ctx: &Context,
    actor: &Actor,
    id: i64,
) -> Result<
    (
        Opportunity,
        Option<coproduce_store::opportunities::Application>,
    ),
    AppError,
> {
    let Some(person) = actor.person_id else {
        return Err(AppError::NotFound);
    };
    visible_record(ctx, actor, Owned::Opportunity, id).await?;
    let o = ctx.store.opportunity(id).await?;
    let mine = ctx.store.application_of(id, person).await?;
    let may = o.standing(today(ctx)) == Standing::Open && ctx.store.may_apply(id, person).await?;
    if mine.is_none() && !may {
        return Err(AppError::NotFound);
    }
    Ok((o, mine))
}
