//! The register of people: profiles, access needs, consent, equality answers and
//! erasure, each with its audit entry in the same transaction.
//!
//! A person's access needs and equality answers are special: every time someone
//! other than the person reads their needs, the reading is audited; equality answers
//! are read by the person alone. What the audit entry keeps is which record and who,
//! never the need or the answer itself.

use chrono::NaiveDate;
use coproduce_domain::account::Capability;
use coproduce_domain::consent::{ConsentGiven, Purpose};
use coproduce_domain::equality::Answers;
use coproduce_domain::person::Profile;
use coproduce_store::consents::{Consent, insert_consent, withdraw_consent_in};
use coproduce_store::equality::save_equality_in;
use coproduce_store::needs::{NeedFields, PersonNeed, insert_need, remove_need_in};
use coproduce_store::people::{Person, erase_person_in, insert_person, update_person_in};

use crate::audit::{self, Entry};
use crate::scope::referenced_organisation;
use crate::{Actor, AppError, Context};

/// A person in the register the actor may see, not erased; otherwise
/// [`AppError::NotFound`].
pub async fn visible(ctx: &Context, actor: &Actor, id: i64) -> Result<Person, AppError> {
    let p = ctx.store.person(id).await?;
    actor.visible(p.organisation_id())?;
    if p.erased_at.is_some() {
        return Err(AppError::NotFound);
    }
    Ok(p)
}

/// The actor's own record in the register, if their account is linked to one.
pub async fn own(ctx: &Context, actor: &Actor) -> Result<Person, AppError> {
    let id = actor.person_id.ok_or(AppError::NotFound)?;
    let p = ctx.store.person(id).await?;
    if p.erased_at.is_some() {
        return Err(AppError::NotFound);
    }
    Ok(p)
}

fn entry(action: &'static str, kind: &'static str, id: i64, person: &Person) -> Entry {
    Entry::new(action, kind, id)
        .organisation(Some(person.organisation_id()))
        .person(Some(person.id))
}

/// Adds a person to the register.
pub async fn create(ctx: &Context, actor: &Actor, profile: &Profile) -> Result<Person, AppError> {
    actor.require(Capability::WritePeople)?;
    referenced_organisation(ctx, actor, profile.organisation_id).await?;
    let mut tx = ctx.begin().await?;
    let id = insert_person(&mut tx, profile, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("person.create", "person", id)
            .organisation(Some(profile.organisation_id))
            .person(Some(id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.person(id).await?)
}

/// Changes a person's profile.
pub async fn update(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    profile: &Profile,
) -> Result<Person, AppError> {
    actor.require(Capability::WritePeople)?;
    let before = visible(ctx, actor, id).await?;
    referenced_organisation(ctx, actor, profile.organisation_id).await?;
    let mut tx = ctx.begin().await?;
    update_person_in(&mut tx, id, profile, ctx.now()).await?;
    let moved = if before.organisation_id() == profile.organisation_id {
        String::new()
    } else {
        format!(
            "moved from organisation {} to {}",
            before.organisation_id(),
            profile.organisation_id
        )
    };
    audit::record(
        &mut tx,
        ctx,
        actor,
        entry("person.update", "person", id, &before).detail(moved),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.person(id).await?)
}

/// Erases a person's personal data (see `Store::erase_person`).
pub async fn erase(ctx: &Context, actor: &Actor, id: i64) -> Result<(), AppError> {
    actor.require(Capability::WritePeople)?;
    let p = visible(ctx, actor, id).await?;
    let mut tx = ctx.begin().await?;
    erase_person_in(&mut tx, id, ctx.now()).await?;
    audit::record(&mut tx, ctx, actor, entry("person.erase", "person", id, &p)).await?;
    ctx.commit(tx).await
}

/// Records an access or communication need.
pub async fn add_need(
    ctx: &Context,
    actor: &Actor,
    person_id: i64,
    fields: &NeedFields,
) -> Result<PersonNeed, AppError> {
    actor.require(Capability::WritePeople)?;
    let p = visible(ctx, actor, person_id).await?;
    let mut tx = ctx.begin().await?;
    let id = insert_need(&mut tx, person_id, fields, ctx.now()).await?;
    audit::record(&mut tx, ctx, actor, entry("need.add", "need", id, &p)).await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.need(id).await?)
}

/// Removes one of a person's needs.
pub async fn remove_need(
    ctx: &Context,
    actor: &Actor,
    person_id: i64,
    need_id: i64,
) -> Result<(), AppError> {
    actor.require(Capability::WritePeople)?;
    let p = visible(ctx, actor, person_id).await?;
    let mut tx = ctx.begin().await?;
    remove_need_in(&mut tx, person_id, need_id).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        entry("need.remove", "need", need_id, &p),
    )
    .await?;
    ctx.commit(tx).await
}

/// A person's needs, where the actor may see them: the person always; someone who
/// may change the register; someone who may read it, while the person consents on
/// `today` to share their needs. `None` when the actor may not see them. Read by
/// anyone but the person, the reading is audited.
pub async fn needs_of(
    ctx: &Context,
    actor: &Actor,
    person_id: i64,
    today: NaiveDate,
) -> Result<Option<Vec<PersonNeed>>, AppError> {
    if actor.person_id == Some(person_id) {
        own(ctx, actor).await?;
        return Ok(Some(ctx.store.needs_of(person_id).await?));
    }
    actor.require(Capability::ReadPeople)?;
    let p = visible(ctx, actor, person_id).await?;
    let shown = actor.can(Capability::WritePeople)
        || ctx
            .store
            .has_consent(person_id, Purpose::ShareNeeds, today)
            .await?;
    if !shown {
        return Ok(None);
    }
    let needs = ctx.store.needs_of(person_id).await?;
    let mut tx = ctx.begin().await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        entry("needs.view", "person", person_id, &p),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(Some(needs))
}

/// The needs shown on an activity's roster: of those who consented, on `today`, to
/// share them. Each person whose needs are shown gets an audit entry of the reading.
pub async fn roster_needs(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    today: NaiveDate,
) -> Result<Vec<PersonNeed>, AppError> {
    actor.require(Capability::ReadWork)?;
    let org = ctx.store.organisation_of_activity(activity_id).await?;
    actor.visible(org)?;
    let needs = ctx.store.shared_needs_on_roster(activity_id, today).await?;
    let mut people: Vec<i64> = needs
        .iter()
        .map(|n| n.person_id)
        .filter(|p| actor.person_id != Some(*p))
        .collect();
    people.dedup();
    if !people.is_empty() {
        let mut tx = ctx.begin().await?;
        for person in people {
            audit::record(
                &mut tx,
                ctx,
                actor,
                Entry::new("needs.view", "person", person)
                    .organisation(Some(org))
                    .person(Some(person))
                    .detail(format!("on the roster of activity {activity_id}")),
            )
            .await?;
        }
        ctx.commit(tx).await?;
    }
    Ok(needs)
}

/// Records consent a person gave, recorded by the actor.
pub async fn record_consent(
    ctx: &Context,
    actor: &Actor,
    person_id: i64,
    consent: &ConsentGiven,
) -> Result<Consent, AppError> {
    actor.require(Capability::WritePeople)?;
    let p = visible(ctx, actor, person_id).await?;
    let mut tx = ctx.begin().await?;
    let id = insert_consent(&mut tx, person_id, consent, actor.account_id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        entry("consent.record", "consent", id, &p)
            .detail(coproduce_domain::Vocabulary::slug(consent.purpose)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.consent(id).await?)
}

/// Withdraws a consent from `on`: by the person themselves, or by someone who may
/// change the register of the person's organisation. Withdrawing consent to keep
/// equality answers deletes them in the same transaction.
pub async fn withdraw_consent(
    ctx: &Context,
    actor: &Actor,
    consent_id: i64,
    on: NaiveDate,
) -> Result<Consent, AppError> {
    let consent = ctx.store.consent(consent_id).await?;
    let p = if actor.person_id == Some(consent.person_id) {
        own(ctx, actor).await?
    } else {
        actor.require(Capability::WritePeople)?;
        visible(ctx, actor, consent.person_id).await?
    };
    let mut tx = ctx.begin().await?;
    withdraw_consent_in(&mut tx, &consent, on).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        entry("consent.withdraw", "consent", consent_id, &p)
            .detail(coproduce_domain::Vocabulary::slug(consent.purpose)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.consent(consent_id).await?)
}

/// Withdraws one of the actor's own consents; another person's consent is
/// [`AppError::NotFound`] here, whatever the actor's role.
pub async fn withdraw_own_consent(
    ctx: &Context,
    actor: &Actor,
    consent_id: i64,
    on: NaiveDate,
) -> Result<Consent, AppError> {
    let consent = ctx.store.consent(consent_id).await?;
    if actor.person_id != Some(consent.person_id) {
        return Err(AppError::NotFound);
    }
    withdraw_consent(ctx, actor, consent_id, on).await
}

/// Saves the actor's own equality answers (nobody else's), recording their consent
/// to keep them if none stands.
pub async fn save_own_equality(
    ctx: &Context,
    actor: &Actor,
    answers: &Answers,
    today: NaiveDate,
) -> Result<(), AppError> {
    let p = own(ctx, actor).await?;
    let mut tx = ctx.begin().await?;
    save_equality_in(&mut tx, &p, answers, today, actor.account_id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        entry("equality.save", "person", p.id, &p),
    )
    .await?;
    ctx.commit(tx).await
}

/// The actor's own equality answers: nobody else reads a person's answers.
pub async fn own_equality(ctx: &Context, actor: &Actor) -> Result<Option<Answers>, AppError> {
    let p = own(ctx, actor).await?;
    Ok(ctx.store.equality_of(p.id).await?)
}

/// Records that the actor downloaded everything held about them.
pub async fn record_own_export(ctx: &Context, actor: &Actor) -> Result<Person, AppError> {
    let p = own(ctx, actor).await?;
    let mut tx = ctx.begin().await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        entry("person.export", "person", p.id, &p),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(p)
}
