//! Signing in and out: passwords and second-factor codes checked with a throttle,
//! sessions started, rotated, kept alive and ended, API tokens recognised.
//!
//! A session's secret is made here and handed to the caller once, to put in a
//! cookie; only its hash is stored. Signing in always starts a new session and ends
//! whatever session the browser had, so a secret seen before sign-in is worth
//! nothing after it. Each of these writes its session, its throttle records and its
//! audit entry in one transaction. The words shown to a person are the caller's:
//! this module answers what happened, not how to say it.

use chrono::{DateTime, Duration, Utc};
use coproduce_store::accounts::Account;
use coproduce_store::sessions::{
    clear_failures_in, delete_session_in, delete_sessions_of_in, insert_failure, insert_session,
    touch_session_in,
};
use coproduce_store::tokens::{ApiToken, use_api_token_in};

use crate::audit::{self, Entry};
use crate::{Actor, AppError, Context, password, secret};

/// A session ends after this long without a request.
pub const IDLE_LIMIT: Duration = Duration::minutes(30);
/// A session ends this long after sign-in, however busy.
pub const ABSOLUTE_LIMIT: Duration = Duration::hours(12);
/// Failed sign-ins allowed for one email address in [`FAILURE_WINDOW`].
pub const ACCOUNT_FAILURES: i64 = 5;
/// Failed sign-ins allowed from one network address in [`FAILURE_WINDOW`].
pub const ADDRESS_FAILURES: i64 = 20;
/// Wrong second-factor codes allowed for one account in [`FAILURE_WINDOW`].
pub const CODE_FAILURES: i64 = 5;
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);
/// A session's last activity is written at most this often.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// Whether a session is past its idle or absolute limit.
pub fn expired(last_seen: DateTime<Utc>, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= expires_at || now - last_seen >= IDLE_LIMIT
}

/// A session just started: the secret for the cookie (shown only now), and whether
/// a second-factor code must still be given before it counts.
#[derive(Debug, Clone)]
pub struct Started {
    pub account: Account,
    pub secret: String,
    pub needs_code: bool,
}

/// What a sign-in came to.
#[derive(Debug, Clone)]
pub enum SignIn {
    Started(Started),
    /// The email or the password is wrong (which one is not said).
    Wrong,
    /// Too many failures for this email or this address lately.
    TooMany,
}

/// What a second-factor code came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Right,
    Empty,
    Wrong,
    TooMany,
}

/// What a session cookie names.
#[derive(Debug, Clone)]
pub enum Visit {
    /// No such session (never was, or ended).
    Unknown,
    /// It was past its limit and has now ended.
    Expired,
    /// Signed in with a password; a second-factor code is still to come.
    Pending {
        session_id: i64,
        account: Account,
    },
    Active {
        session_id: i64,
        account: Account,
    },
}

fn by_email(email: &str) -> String {
    format!("email:{email}")
}

fn by_address(address: Option<&str>) -> String {
    format!("address:{}", address.unwrap_or("unknown"))
}

/// Checks an email and password against the throttle and the account, and starts a
/// session when they are right. `ending` is the browser's present session, if any:
/// it ends in the same commit. `email` is already trimmed and in lower case.
pub async fn sign_in(
    ctx: &Context,
    actor: &Actor,
    email: &str,
    password_given: String,
    ending: &[i64],
) -> Result<SignIn, AppError> {
    let now = ctx.now();
    let (email_subject, address_subject) = (by_email(email), by_address(actor.address.as_deref()));
    let since = now - FAILURE_WINDOW;
    if ctx.store.failures_since(&email_subject, since).await? >= ACCOUNT_FAILURES
        || ctx.store.failures_since(&address_subject, since).await? >= ADDRESS_FAILURES
    {
        return Ok(SignIn::TooMany);
    }
    let account = ctx.store.account_by_email(email).await?;
    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    // Checked even when there is no such account, so the time taken tells nothing.
    let right = password::verify(password_given, stored).await;
    let account = match account {
        Some(a) if right => a,
        _ => {
            let mut tx = ctx.begin().await?;
            insert_failure(&mut tx, &email_subject, now).await?;
            insert_failure(&mut tx, &address_subject, now).await?;
            ctx.commit(tx).await?;
            return Ok(SignIn::Wrong);
        }
    };
    let needs_code =
        account.totp_enabled || crate::accounts::second_factor_required(ctx, &account).await?;
    let mut tx = ctx.begin().await?;
    clear_failures_in(&mut tx, &email_subject).await?;
    let secret = start(
        &mut tx,
        ctx,
        &account,
        !needs_code,
        ending,
        actor.address.clone(),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(SignIn::Started(Started {
        account,
        secret,
        needs_code,
    }))
}

/// Ends the sessions named and starts a new one on the transaction; audits a sign-in
/// once it is complete. Answers the new session's secret.
async fn start(
    tx: &mut coproduce_store::Tx,
    ctx: &Context,
    account: &Account,
    complete: bool,
    ending: &[i64],
    address: Option<String>,
) -> Result<String, AppError> {
    let now = ctx.now();
    for id in ending {
        delete_session_in(tx, *id).await?;
    }
    let secret = secret::generate("cps_");
    let id = insert_session(
        tx,
        account.id,
        &secret::hash(&secret),
        complete,
        now,
        now + ABSOLUTE_LIMIT,
    )
    .await?;
    if complete {
        let actor = Actor::account(
            account.id,
            account.role,
            account.organisation_id,
            account.person_id,
            address,
        );
        audit::record(
            tx,
            ctx,
            &actor,
            Entry::new("account.sign-in", "account", account.id)
                .organisation(account.organisation_id)
                .detail(format!("session {id}")),
        )
        .await?;
    }
    Ok(secret)
}

/// Checks a typed second-factor code against the account's secret, with a throttle
/// of [`CODE_FAILURES`] in [`FAILURE_WINDOW`].
pub async fn check_code(ctx: &Context, account: &Account, code: &str) -> Result<Code, AppError> {
    let now = ctx.now();
    let subject = format!("code:{}", account.id);
    if ctx
        .store
        .failures_since(&subject, now - FAILURE_WINDOW)
        .await?
        >= CODE_FAILURES
    {
        return Ok(Code::TooMany);
    }
    let right = account
        .totp_secret
        .as_deref()
        .is_some_and(|s| crate::second_factor::check(s, &account.email, code, now));
    let mut tx = ctx.begin().await?;
    if right {
        clear_failures_in(&mut tx, &subject).await?;
    } else {
        insert_failure(&mut tx, &subject, now).await?;
    }
    ctx.commit(tx).await?;
    Ok(match (right, code.trim().is_empty()) {
        (true, _) => Code::Right,
        (false, true) => Code::Empty,
        (false, false) => Code::Wrong,
    })
}

/// Finishes a sign-in whose code was right: the half-signed-in session ends and a
/// whole one starts, in one commit. Answers the new session's secret.
pub async fn complete_sign_in(
    ctx: &Context,
    actor: &Actor,
    pending_session: i64,
    account: &Account,
) -> Result<String, AppError> {
    let mut tx = ctx.begin().await?;
    let secret = start(
        &mut tx,
        ctx,
        account,
        true,
        &[pending_session],
        actor.address.clone(),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(secret)
}

/// What the secret of a session cookie names. An expired session is ended; a live
/// one has its last activity written (at most once a minute).
pub async fn visit(ctx: &Context, cookie_secret: &str) -> Result<Visit, AppError> {
    let now = ctx.now();
    let Some(s) = ctx.store.session(&secret::hash(cookie_secret)).await? else {
        return Ok(Visit::Unknown);
    };
    if expired(s.last_seen_at, s.expires_at, now) {
        let mut tx = ctx.begin().await?;
        delete_session_in(&mut tx, s.id).await?;
        ctx.commit(tx).await?;
        return Ok(Visit::Expired);
    }
    if !s.second_factor_done {
        return Ok(Visit::Pending {
            session_id: s.id,
            account: s.account,
        });
    }
    if now - s.last_seen_at >= TOUCH_EVERY {
        let mut tx = ctx.begin().await?;
        touch_session_in(&mut tx, s.id, now).await?;
        ctx.commit(tx).await?;
    }
    Ok(Visit::Active {
        session_id: s.id,
        account: s.account,
    })
}

/// The live API token a bearer secret names, with its account, marking it used.
pub async fn token(ctx: &Context, bearer: &str) -> Result<Option<(ApiToken, Account)>, AppError> {
    let mut tx = ctx.begin().await?;
    let token = use_api_token_in(&mut tx, &secret::hash(bearer), ctx.now()).await?;
    ctx.commit(tx).await?;
    match token {
        Some(t) => {
            let account = ctx.store.account(t.account_id).await?;
            Ok(Some((t, account)))
        }
        None => Ok(None),
    }
}

/// Ends the sessions named (the one this browser holds, and any half-finished one).
pub async fn sign_out(ctx: &Context, actor: &Actor, sessions: &[i64]) -> Result<(), AppError> {
    if sessions.is_empty() {
        return Ok(());
    }
    let mut tx = ctx.begin().await?;
    for id in sessions {
        delete_session_in(&mut tx, *id).await?;
    }
    if let Some(account) = actor.account_id {
        audit::record(
            &mut tx,
            ctx,
            actor,
            Entry::new("account.sign-out", "account", account).organisation(actor.organisation_id),
        )
        .await?;
    }
    ctx.commit(tx).await
}

/// Ends every session of the actor's own account, on every device.
pub async fn sign_out_everywhere(ctx: &Context, actor: &Actor) -> Result<u64, AppError> {
    let Some(account) = actor.account_id else {
        return Ok(0);
    };
    let mut tx = ctx.begin().await?;
    let ended = delete_sessions_of_in(&mut tx, account).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("account.sign-out-everywhere", "account", account)
            .organisation(actor.organisation_id)
            .detail(format!("{ended} sessions")),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ended)
}
