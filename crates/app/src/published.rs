//! The public "You said, we did": staff approve an answered input for its
//! organisation's public page, after a check that what was said and the response
//! name no one known to the organisation and hold no email address or phone number
//! (held back, naming the field, until the words are anonymised); the page, its
//! Atom feed and its CSV then show the words as approved, and no one's name. A
//! later change to the words shows once it is approved again.

use coproduce_domain::account::Capability;
use coproduce_domain::personal::check_public;
use coproduce_domain::text::FieldErrors;
use coproduce_store::outcomes::LedTo;
use coproduce_store::published::{PublicItem, Publication, ToPublish, publish_in, unpublish_in};

use crate::audit::{self, Entry};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context};

/// Approves an answered input of the actor's organisation for the public page, as
/// its words are now. Refused, naming the field, while what was said or the
/// response names a person known to the organisation (on its register, or one of
/// its accounts) or holds an email address or a phone number. Audited.
pub async fn publish(ctx: &Context, actor: &Actor, id: i64) -> Result<Publication, AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Input, id).await?;
    let input = ctx.store.input(id).await?;
    let (Some(response), Some(status)) = (input.response.as_deref(), input.status()) else {
        return Err(AppError::Conflict(
            "give a response first: the public page shows what was done".into(),
        ));
    };
    let names = ctx
        .store
        .names_in_text(org, &format!("{}\n{}", input.said, response))
        .await?;
    let mut errs = FieldErrors::new();
    errs.take("said", check_public(&input.said, &names));
    errs.take("response", check_public(response, &names));
    errs.finish(|| ())?;
    let mut tx = ctx.begin().await?;
    publish_in(
        &mut tx,
        id,
        &ToPublish {
            said: &input.said,
            response,
            status: coproduce_domain::Vocabulary::slug(status),
            will_do_by: input.will_do_by,
            by: actor.account_id,
            at: ctx.now(),
        },
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("input.publish", "input", id).organisation(Some(org)),
    )
    .await?;
    ctx.commit(tx).await?;
    ctx.store
        .publication(id)
        .await?
        .ok_or_else(|| AppError::Internal(format!("input {id} was published and is not")))
}

/// Takes an input off the public page. One not on it is a conflict. Audited.
pub async fn unpublish(ctx: &Context, actor: &Actor, id: i64) -> Result<(), AppError> {
    actor.require(Capability::WriteWork)?;
    let org = visible_record(ctx, actor, Owned::Input, id).await?;
    let mut tx = ctx.begin().await?;
    if !unpublish_in(&mut tx, id).await? {
        return Err(AppError::Conflict("it is not on the public page".into()));
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("input.unpublish", "input", id).organisation(Some(org)),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(())
}

/// What is published of an input the actor sees.
pub async fn publication(
    ctx: &Context,
    actor: &Actor,
    id: i64,
) -> Result<Option<Publication>, AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Input, id).await?;
    Ok(ctx.store.publication(id).await?)
}

/// An organisation's public page: its name, the project asked for, and its
/// published items, newest first, each with the outcomes it led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicPage {
    pub organisation_id: i64,
    pub organisation: String,
    /// The project the page is narrowed to: id and title.
    pub project: Option<(i64, String)>,
    pub items: Vec<(PublicItem, Vec<LedTo>)>,
}

/// The public page of an organisation, or of one of its projects: anyone may read
/// it. An organisation or project that does not exist (or a project of another
/// organisation) is not found.
pub async fn public_page(
    ctx: &Context,
    organisation_id: i64,
    project_id: Option<i64>,
) -> Result<PublicPage, AppError> {
    let organisation = match ctx.store.organisation(organisation_id).await {
        Ok(o) => o.name,
        Err(coproduce_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let project = match project_id {
        Some(p) => match ctx.store.project(p).await {
            Ok(project) if project.organisation_id == organisation_id => {
                Some((project.id, project.title))
            }
            Ok(_) | Err(coproduce_store::StoreError::NotFound) => return Err(AppError::NotFound),
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    let items = ctx.store.public_items(organisation_id, project_id).await?;
    let ids: Vec<i64> = items.iter().map(|i| i.input_id).collect();
    let led = ctx.store.led_to(&ids).await?;
    Ok(PublicPage {
        organisation_id,
        organisation,
        project,
        items: items
            .into_iter()
            .map(|i| {
                let outcomes = led
                    .iter()
                    .filter(|l| l.input_id == i.input_id)
                    .cloned()
                    .collect();
                (i, outcomes)
            })
            .collect(),
    })
}
