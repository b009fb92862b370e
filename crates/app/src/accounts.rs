//! Accounts: invitations and password resets, each sent through the outbox.
//!
//! An invitation makes the account, its single-use link, the email and the audit
//! entry in one transaction; a password reset writes its link, the email, the
//! throttle's record and the audit entry in one. Only the link's hash is stored; the
//! link itself travels in the queued email until it is sent. The words of each email
//! come from the caller, in the reader's language.

use chrono::Duration;
use coproduce_domain::account::Capability;
use coproduce_store::accounts::{Account, AccountFields, insert_account};
use coproduce_store::sessions::insert_failure;
use coproduce_store::tokens::insert_email_token;

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

/// Sets the password a single-use link was sent for (`purpose` is [`INVITATION`] or
/// [`PASSWORD_RESET`]): the link works once, every other session of the account
/// ends, and the change is audited. `None` when the link is unknown, used or
/// expired. `password_hash` is the new password's Argon2id hash.
pub async fn set_password_by_link(
    ctx: &Context,
    actor: &Actor,
    purpose: &str,
    token: &str,
    password_hash: &str,
) -> Result<Option<i64>, AppError> {
    let mut tx = ctx.begin().await?;
    let Some(account_id) = coproduce_store::tokens::use_email_token_for_password_in(
        &mut tx,
        purpose,
        &secret::hash(token),
        password_hash,
        ctx.now(),
    )
    .await?
    else {
        return Ok(None);
    };
    let action = if purpose == INVITATION {
        "account.invitation-accept"
    } else {
        "account.password-reset"
    };
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new(action, "account", account_id),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(Some(account_id))
}

/// A new personal API token for the actor's own account: `write` lets it change
/// things. Answers the token (shown once; only its hash is kept) and its record.
pub async fn create_token(
    ctx: &Context,
    actor: &Actor,
    name: &str,
    write: bool,
) -> Result<(coproduce_store::tokens::ApiToken, String), AppError> {
    actor.require(Capability::OwnAccount)?;
    let account_id = actor.account_id.ok_or(AppError::NotFound)?;
    let token = secret::generate("cpt_");
    let scope = if write { "write" } else { "read" };
    let mut tx = ctx.begin().await?;
    let id = coproduce_store::tokens::insert_api_token(
        &mut tx,
        account_id,
        name,
        scope,
        &secret::hash(&token),
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("token.create", "api-token", id)
            .organisation(actor.organisation_id)
            .detail(scope),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok((ctx.store.api_token(id).await?, token))
}

/// Revokes one of the actor's own tokens; another account's is not found.
pub async fn revoke_token(ctx: &Context, actor: &Actor, token_id: i64) -> Result<(), AppError> {
    actor.require(Capability::OwnAccount)?;
    let account_id = actor.account_id.ok_or(AppError::NotFound)?;
    let mut tx = ctx.begin().await?;
    coproduce_store::tokens::revoke_api_token_in(&mut tx, account_id, token_id, ctx.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("token.revoke", "api-token", token_id).organisation(actor.organisation_id),
    )
    .await?;
    ctx.commit(tx).await
}

/// Whether an account must use a second factor: staff of an organisation that
/// requires it.
pub async fn second_factor_required(ctx: &Context, account: &Account) -> Result<bool, AppError> {
    Ok(match account.organisation_id {
        Some(org) if account.role.is_staff() => {
            ctx.store.organisation(org).await?.require_second_factor
        }
        _ => false,
    })
}

/// Gives an account a second-factor secret to set up, if it has none. Answers the
/// secret.
pub async fn second_factor_secret(ctx: &Context, account: &Account) -> Result<String, AppError> {
    if let Some(s) = &account.totp_secret {
        return Ok(s.clone());
    }
    let s = crate::second_factor::new_secret();
    ctx.store.set_totp(account.id, Some(&s), false).await?;
    Ok(s)
}

/// Turns an account's second factor on, once a code from it has been checked.
pub async fn second_factor_on(
    ctx: &Context,
    actor: &Actor,
    account: &Account,
) -> Result<(), AppError> {
    set_second_factor(ctx, actor, account, account.totp_secret.as_deref(), true).await
}

/// Turns the actor's own second factor off, unless their organisation requires it
/// ([`AppError::Forbidden`]).
pub async fn second_factor_off(
    ctx: &Context,
    actor: &Actor,
    account: &Account,
) -> Result<(), AppError> {
    if actor.account_id != Some(account.id) {
        return Err(AppError::NotFound);
    }
    if second_factor_required(ctx, account).await? {
        return Err(AppError::Forbidden(Capability::OwnAccount));
    }
    set_second_factor(ctx, actor, account, None, false).await
}

/// Stores the second factor's secret and whether it is on, with its audit entry.
async fn set_second_factor(
    ctx: &Context,
    actor: &Actor,
    account: &Account,
    secret: Option<&str>,
    on: bool,
) -> Result<(), AppError> {
    let mut tx = ctx.begin().await?;
    coproduce_store::accounts::set_totp_in(&mut tx, account.id, secret, on).await?;
    let action = if on {
        "account.second-factor-on"
    } else {
        "account.second-factor-off"
    };
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new(action, "account", account.id).organisation(account.organisation_id),
    )
    .await?;
    ctx.commit(tx).await
}
