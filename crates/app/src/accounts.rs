//! Accounts: invitations and password resets, each sent through the outbox.
//!
//! An invitation makes the account, its single-use link, the email and the audit
//! entry in one transaction; a password reset writes its link, the email, the
//! throttle's record and the audit entry in one. Only the link's hash is stored; the
//! link itself travels in the queued email until it is sent. The words of each email
//! come from the caller, in the reader's language.

use chrono::Duration;
use coproduce_domain::account::Capability;
use coproduce_store::accounts::{
    Account, AccountFields, insert_account, insert_email_token, insert_failure,
};

use crate::audit::{self, Entry};
use crate::{Actor, AppError, Context, outbox, secret};

/// What an emailed single-use link is for.
pub const INVITATION: &str = "invitation";
pub const PASSWORD_RESET: &str = "password-reset";

/// How long an emailed invitation works.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);
/// How long an invitation made at the command line works.
pub const FIRST_INVITATION_LIFETIME: Duration = Duration::days(1);
/// How long an emailed password-reset link works.
pub const RESET_LIFETIME: Duration = Duration::hours(1);
/// Reset emails allowed to one address in [`RESET_WINDOW`].
pub const RESETS_PER_WINDOW: i64 = 3;
pub const RESET_WINDOW: Duration = Duration::minutes(15);

/// An email's subject and body, in the reader's language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
}

/// A new account and its invitation.
#[derive(Debug, Clone)]
pub struct Invited {
    pub account: Account,
    /// The link that sets the password: shown to the one who invited only when no
    /// email could carry it.
    pub link: String,
    /// Whether the link was queued to go by email.
    pub emailed: bool,
}

/// Writes a single-use link's hash on the transaction and answers the link.
async fn link(
    tx: &mut coproduce_store::Tx,
    ctx: &Context,
    account_id: i64,
    purpose: &str,
    lifetime: Duration,
) -> Result<String, AppError> {
    let now = ctx.now();
    let token = secret::generate("cpe_");
    insert_email_token(
        tx,
        account_id,
        purpose,
        &secret::hash(&token),
        now,
        now + lifetime,
    )
    .await?;
    let path = if purpose == INVITATION {
        "invitations"
    } else {
        "password-reset"
    };
    Ok(format!("{}/{path}/{token}", ctx.settings.public_url))
}

/// Makes an account and its invitation, and queues the email that carries it when
/// email is set up (`letter` words it from the link). Answers the link either way.
pub async fn invite(
    ctx: &Context,
    actor: &Actor,
    fields: &AccountFields,
    lifetime: Duration,
    letter: impl FnOnce(&str) -> Letter,
) -> Result<Invited, AppError> {
    actor.require(Capability::ManageAccounts)?;
    if let Some(org) = fields.organisation_id {
        actor.visible(org)?;
        ctx.store
            .require_organisation("organisation_id", org)
            .await?;
    }
    let mut tx = ctx.begin().await?;
    let id = insert_account(&mut tx, fields, ctx.now()).await?;
    let link = link(&mut tx, ctx, id, INVITATION, lifetime).await?;
    let emailed = ctx.mailer.configured();
    if emailed {
        let l = letter(&link);
        outbox::queue_email(&mut tx, ctx, &fields.email, &l.subject, l.body).await?;
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("account.invite", "account", id)
            .organisation(fields.organisation_id)
            .detail(format!(
                "role {}",
                coproduce_domain::Vocabulary::slug(fields.role)
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(Invited {
        account: ctx.store.account(id).await?,
        link,
        emailed,
    })
}

/// Makes an account with a password already chosen (the first administrator, made
/// at the command line): `password_hash` is its Argon2id hash.
pub async fn create_with_password(
    ctx: &Context,
    actor: &Actor,
    fields: &AccountFields,
    password_hash: &str,
) -> Result<Account, AppError> {
    actor.require(Capability::ManageAccounts)?;
    if let Some(org) = fields.organisation_id {
        actor.visible(org)?;
        ctx.store
            .require_organisation("organisation_id", org)
            .await?;
    }
    let mut tx = ctx.begin().await?;
    let id = insert_account(&mut tx, fields, ctx.now()).await?;
    coproduce_store::accounts::set_password_in(&mut tx, id, password_hash).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("account.create", "account", id)
            .organisation(fields.organisation_id)
            .detail(format!(
                "role {}",
                coproduce_domain::Vocabulary::slug(fields.role)
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.account(id).await?)
}

/// Links an account to the register entry of the person who holds it, so "my
/// record" shows them their own.
pub async fn link_person(
    ctx: &Context,
    actor: &Actor,
    account_id: i64,
    person_id: i64,
) -> Result<(), AppError> {
    actor.require(Capability::ManageAccounts)?;
    let person = ctx.store.person(person_id).await?;
    actor.visible(person.organisation_id())?;
    let mut tx = ctx.begin().await?;
    coproduce_store::accounts::link_person_in(&mut tx, account_id, person_id).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("account.link-person", "account", account_id)
            .organisation(Some(person.organisation_id()))
            .person(Some(person_id)),
    )
    .await?;
    ctx.commit(tx).await
}

/// Queues a password-reset email for the account with this address, if there is one
/// and it has not had [`RESETS_PER_WINDOW`] in the last [`RESET_WINDOW`]. Answers
/// nothing either way, so the answer cannot tell whether an account exists.
pub async fn request_password_reset(
    ctx: &Context,
    actor: &Actor,
    email: &str,
    letter: impl FnOnce(&Account, &str) -> Letter,
) -> Result<(), AppError> {
    if !ctx.mailer.configured() {
        return Err(AppError::Conflict("no email server is configured".into()));
    }
    let now = ctx.now();
    let subject = format!("reset:{email}");
    let recent = ctx
        .store
        .failures_since(&subject, now - RESET_WINDOW)
        .await?;
    if recent >= RESETS_PER_WINDOW {
        return Ok(());
    }
    let Some(account) = ctx.store.account_by_email(email).await? else {
        return Ok(());
    };
    let mut tx = ctx.begin().await?;
    insert_failure(&mut tx, &subject, now).await?;
    let link = link(&mut tx, ctx, account.id, PASSWORD_RESET, RESET_LIFETIME).await?;
    let l = letter(&account, &link);
    outbox::queue_email(&mut tx, ctx, &account.email, &l.subject, l.body).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("account.password-reset-request", "account", account.id)
            .organisation(account.organisation_id),
    )
    .await?;
    ctx.commit(tx).await
}
