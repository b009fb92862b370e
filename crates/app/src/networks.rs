//! Network members: adding a person to a network and what is recorded about their
//! membership (induction, signatures, role, standing down, reinstatement, leaving).
//! A membership is a person's data: each change has its audit entry in the same
//! transaction, naming the person and what kind of change it was, never a reason.

use chrono::NaiveDate;
use coproduce_domain::account::Capability;
use coproduce_domain::network::MemberRole;
use coproduce_store::memberships::{MemberChange, Membership, change_membership_in, insert_member};

use crate::audit::{self, Entry};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context};

/// Adds a person to a network of the same organisation, both seen by the actor.
pub async fn add_member(
    ctx: &Context,
    actor: &Actor,
    network_id: i64,
    person_id: i64,
    role: MemberRole,
    joined_on: NaiveDate,
) -> Result<Membership, AppError> {
    actor.require(Capability::WritePeople)?;
    let org = visible_record(ctx, actor, Owned::Network, network_id).await?;
    let person = crate::people::visible(ctx, actor, person_id).await?;
    if person.organisation_id() != org {
        return Err(AppError::refused(
            "network_id",
            coproduce_domain::text::Problem::NoSuch {
                noun: "network",
                id: network_id,
            },
        ));
    }
    let mut tx = ctx.begin().await?;
    let id = insert_member(&mut tx, network_id, person_id, role, joined_on, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("membership.add", "membership", id)
            .organisation(Some(org))
            .person(Some(person_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.membership(id).await?)
}

/// The most people added to a network in one go.
pub const MAX_ADDED: usize = 200;

/// Adds several people of the network's organisation to it at once, all joining on
/// the same day in the same role: one transaction, one audit entry each. Someone
/// already a current member refuses the whole change (a conflict); nobody is added.
pub async fn add_members(
    ctx: &Context,
    actor: &Actor,
    network_id: i64,
    people: &[i64],
    role: MemberRole,
    joined_on: NaiveDate,
) -> Result<Vec<i64>, AppError> {
    actor.require(Capability::WritePeople)?;
    let org = visible_record(ctx, actor, Owned::Network, network_id).await?;
    if people.is_empty() {
        return Err(AppError::refused(
            "person_id",
            coproduce_domain::text::Problem::Empty,
        ));
    }
    if people.len() > MAX_ADDED {
        return Err(AppError::refused(
            "person_id",
            coproduce_domain::text::Problem::OutOfRange {
                min: 1,
                max: MAX_ADDED as i64,
                given: people.len() as i64,
            },
        ));
    }
    let found = ctx.store.people_of(org, people).await?;
    if let Some(missing) = people.iter().find(|id| !found.contains(id)) {
        return Err(AppError::refused(
            "person_id",
            coproduce_domain::text::Problem::NoSuch {
                noun: "person",
                id: *missing,
            },
        ));
    }
    let joining: Vec<(i64, NaiveDate)> = people.iter().map(|p| (*p, joined_on)).collect();
    let mut tx = ctx.begin().await?;
    let added = coproduce_store::memberships::insert_members(
        &mut tx,
        network_id,
        &joining,
        role,
        ctx.now(),
    )
    .await?;
    let mut ids = Vec::with_capacity(added.len());
    for (id, person_id) in added {
        audit::record(
            &mut tx,
            ctx,
            actor,
            Entry::new("membership.add", "membership", id)
                .organisation(Some(org))
                .person(Some(person_id)),
        )
        .await?;
        ids.push(id);
    }
    ctx.commit(tx).await?;
    Ok(ids)
}

/// Records one change to a membership the actor sees.
pub async fn change_membership(
    ctx: &Context,
    actor: &Actor,
    membership_id: i64,
    change: &MemberChange,
) -> Result<(), AppError> {
    actor.require(Capability::WritePeople)?;
    visible_record(ctx, actor, Owned::Membership, membership_id).await?;
    let m = ctx.store.membership(membership_id).await?;
    let mut tx = ctx.begin().await?;
    change_membership_in(&mut tx, membership_id, change, actor.account_id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("membership.change", "membership", membership_id)
            .organisation(Some(m.organisation_id))
            .person(Some(m.person_id))
            .detail(change.name()),
    )
    .await?;
    ctx.commit(tx).await
}

/// Records that a person completed a course of their organisation, on a session of
/// it or another day; audited against the person.
pub async fn record_completion(
    ctx: &Context,
    actor: &Actor,
    f: &coproduce_store::training::CompletionFields,
) -> Result<coproduce_store::training::Completion, AppError> {
    actor.require(Capability::WritePeople)?;
    let person = crate::people::visible(ctx, actor, f.person_id).await?;
    let org = visible_record(ctx, actor, Owned::Course, f.course_id).await?;
    if org != person.organisation_id() {
        return Err(AppError::refused(
            "course_id",
            coproduce_domain::text::Problem::NoSuch {
                noun: "course",
                id: f.course_id,
            },
        ));
    }
    let course = ctx.store.course(f.course_id, f.completed_on).await?;
    let mut tx = ctx.begin().await?;
    let id = coproduce_store::training::insert_completion(
        &mut tx,
        f,
        course.valid_months,
        actor.account_id,
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("training.complete", "completion", id)
            .organisation(Some(org))
            .person(Some(f.person_id)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.completion(id).await?)
}

/// Starts a network in an organisation the actor sees.
pub async fn create_network(
    ctx: &Context,
    actor: &Actor,
    f: &coproduce_store::networks::NetworkFields,
) -> Result<coproduce_store::networks::Network, AppError> {
    actor.require(Capability::WritePeople)?;
    crate::scope::referenced_organisation(ctx, actor, f.organisation_id).await?;
    Ok(ctx.store.create_network(f, ctx.now()).await?)
}

/// Changes a network the actor sees; it stays in an organisation they see.
pub async fn update_network(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    f: &coproduce_store::networks::NetworkFields,
) -> Result<coproduce_store::networks::Network, AppError> {
    actor.require(Capability::WritePeople)?;
    visible_record(ctx, actor, Owned::Network, id).await?;
    crate::scope::referenced_organisation(ctx, actor, f.organisation_id).await?;
    Ok(ctx.store.update_network(id, f).await?)
}

/// A network adopts a version of its charter or code of conduct, keeping its words
/// with the version: a charter's are the charter's own, taken as it stands today.
/// Audited against the network's organisation.
pub async fn adopt_document(
    ctx: &Context,
    actor: &Actor,
    network_id: i64,
    f: &coproduce_store::networks::DocumentFields,
) -> Result<coproduce_store::networks::NetworkDocument, AppError> {
    actor.require(Capability::WritePeople)?;
    let organisation = visible_record(ctx, actor, Owned::Network, network_id).await?;
    let mut f = f.clone();
    if let Some(charter) = f.charter_id {
        match ctx.store.charter(charter).await {
            Ok((_, c)) => f.body = c.plain_text(),
            Err(coproduce_store::StoreError::NotFound) => {
                return Err(AppError::refused(
                    "charter_id",
                    coproduce_domain::text::Problem::NoSuch {
                        noun: "charter",
                        id: charter,
                    },
                ));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut tx = ctx.begin().await?;
    let id = coproduce_store::networks::insert_document(&mut tx, network_id, &f, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("document.adopt", "document", id)
            .organisation(Some(organisation))
            .detail(coproduce_domain::Vocabulary::slug(f.kind)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.document(id).await?)
}

/// The person signed in signs the current version of a document of a network they
/// belong to, having read it: recorded on their membership as signed today, and
/// audited against them. A version that is not the current one, or one already
/// signed, is a conflict; a network they do not belong to is not found.
pub async fn sign_own(ctx: &Context, actor: &Actor, document_id: i64) -> Result<(), AppError> {
    actor.require(Capability::OwnAccount)?;
    let person = crate::people::own(ctx, actor).await?;
    let (document, membership) = own_document(ctx, actor, document_id).await?;
    let membership = membership.ok_or(AppError::NotFound)?;
    let all = ctx.store.documents(document.network_id).await?;
    if !coproduce_store::networks::current_documents(&all)
        .iter()
        .any(|d| d.id == document.id)
    {
        return Err(AppError::Conflict(
            "a newer version of this document has been adopted".into(),
        ));
    }
    if ctx
        .store
        .signatures_of(membership.id)
        .await?
        .iter()
        .any(|s| s.document.id == document.id)
    {
        return Err(AppError::Conflict("this version is already signed".into()));
    }
    let on = coproduce_domain::time::london_date(ctx.now());
    let mut tx = ctx.begin().await?;
    change_membership_in(
        &mut tx,
        membership.id,
        &MemberChange::Sign { document_id, on },
        actor.account_id,
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("membership.sign-own", "membership", membership.id)
            .organisation(Some(person.organisation_id()))
            .person(Some(person.id)),
    )
    .await?;
    ctx.commit(tx).await
}

/// A version of a document of a network the person signed in belongs to, or has
/// belonged to, with their current membership of that network if they have one.
/// Any other document is not found.
pub async fn own_document(
    ctx: &Context,
    actor: &Actor,
    document_id: i64,
) -> Result<
    (
        coproduce_store::networks::NetworkDocument,
        Option<Membership>,
    ),
    AppError,
> {
    actor.require(Capability::OwnAccount)?;
    let person = crate::people::own(ctx, actor).await?;
    let document = ctx.store.document(document_id).await?;
    let memberships: Vec<Membership> = ctx
        .store
        .memberships_of(person.id)
        .await?
        .into_iter()
        .filter(|m| m.network_id == document.network_id)
        .collect();
    if memberships.is_empty() {
        return Err(AppError::NotFound);
    }
    let current = memberships.into_iter().find(|m| m.left_on.is_none());
    Ok((document, current))
}

/// Offers a course in an organisation the actor sees.
pub async fn create_course(
    ctx: &Context,
    actor: &Actor,
    f: &coproduce_store::training::CourseFields,
) -> Result<coproduce_store::training::Course, AppError> {
    actor.require(Capability::WritePeople)?;
    crate::scope::referenced_organisation(ctx, actor, f.organisation_id).await?;
    Ok(ctx.store.create_course(f, ctx.now()).await?)
}

/// Renames a course the actor sees, or changes its audience, length or
/// description; every completion's expiry follows the new length. Audited.
pub async fn update_course(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    f: &coproduce_store::training::CourseFields,
) -> Result<coproduce_store::training::Course, AppError> {
    actor.require(Capability::WritePeople)?;
    let org = visible_record(ctx, actor, Owned::Course, id).await?;
    let before = ctx.store.course(id, ctx.now().date_naive()).await?;
    let mut tx = ctx.begin().await?;
    coproduce_store::training::update_course_in(&mut tx, id, f).await?;
    let length = |m: Option<i64>| m.map_or("no end".to_string(), |m| format!("{m} months"));
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("course.update", "course", id)
            .organisation(Some(org))
            .detail(format!(
                "length {} to {}",
                length(before.valid_months),
                length(f.valid_months)
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.course(id, ctx.now().date_naive()).await?)
}

/// Removes a session of a course the actor sees (one entered by mistake, or that
/// did not happen); completions recorded with it stay. Audited.
pub async fn remove_session(ctx: &Context, actor: &Actor, id: i64) -> Result<i64, AppError> {
    actor.require(Capability::WritePeople)?;
    let org = visible_record(ctx, actor, Owned::TrainingSession, id).await?;
    let session = ctx.store.training_session(id).await?;
    let mut tx = ctx.begin().await?;
    coproduce_store::training::delete_session_in(&mut tx, id).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("session.remove", "training-session", id)
            .organisation(Some(org))
            .detail(format!(
                "course {}, held on {}",
                session.course_id, session.held_on
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(session.course_id)
}

/// Removes a completion recorded by mistake, of a course the actor sees. Audited
/// against the person. Answers the person's id.
pub async fn remove_completion(ctx: &Context, actor: &Actor, id: i64) -> Result<i64, AppError> {
    actor.require(Capability::WritePeople)?;
    let org = visible_record(ctx, actor, Owned::Completion, id).await?;
    let completion = ctx.store.completion(id).await?;
    let mut tx = ctx.begin().await?;
    coproduce_store::training::delete_completion_in(&mut tx, id).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("completion.remove", "completion", id)
            .organisation(Some(org))
            .person(Some(completion.person_id))
            .detail(format!(
                "course {}, completed on {}",
                completion.course_id, completion.completed_on
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(completion.person_id)
}

/// Adds a session of a course the actor sees.
pub async fn add_session(
    ctx: &Context,
    actor: &Actor,
    course_id: i64,
    f: &coproduce_store::training::SessionFields,
) -> Result<coproduce_store::training::TrainingSession, AppError> {
    actor.require(Capability::WritePeople)?;
    visible_record(ctx, actor, Owned::Course, course_id).await?;
    Ok(ctx.store.add_session(course_id, f, ctx.now()).await?)
}
