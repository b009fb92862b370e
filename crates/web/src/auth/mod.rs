//! Who is asking, and whether they may.
//!
//! Every request is resolved once, by [`resolve`], into a [`Viewer`]: the public, an
//! account signed in with a session cookie, or an account using an API token. Every
//! route declares the [`Capability`] it needs when it is registered (see
//! [`crate::routes`]); the guard there refuses what the viewer's role may not do, and
//! refuses state-changing requests from other sites. Handlers then scope what they
//! read to the viewer's organisation with [`Viewer::sees`] and [`Viewer::scope`].
//!
//! This module must not decide what a role may do: that table is
//! `coproduce_domain::account::Role::can`.

pub mod demo;
pub mod password;
pub mod second_factor;
pub mod secret;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use coproduce_domain::account::{Audience, Capability, Role};
use coproduce_store::accounts::Account;

use crate::{ApiError, AppState};

/// The cookie that remembers the chosen language.
pub const LANGUAGE_COOKIE: &str = "coproduce_language";
/// The cookie that remembers Easy Read: `on` or absent.
pub const EASY_READ_COOKIE: &str = "coproduce_easy_read";

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "coproduce_session";
/// A session ends after this long without a request.
pub const IDLE_LIMIT: Duration = Duration::minutes(30);
/// A session ends this long after sign-in, however active.
pub const ABSOLUTE_LIMIT: Duration = Duration::hours(12);

/// How long an emailed invitation works.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);
/// How long an emailed password-reset link works.
pub const RESET_LIFETIME: Duration = Duration::hours(1);

/// What an emailed single-use link is for.
pub const INVITATION: &str = "invitation";
pub const PASSWORD_RESET: &str = "password-reset";

/// Makes a single-use link for an account: `purpose` is [`INVITATION`] or
/// [`PASSWORD_RESET`]. Only the link's hash is stored.
pub async fn single_use_link(
    store: &coproduce_store::Store,
    account_id: i64,
    purpose: &str,
    lifetime: Duration,
    public_url: &str,
) -> Result<String, String> {
    let now = coproduce_store::now();
    let token = secret::generate("cpe_");
    store
        .create_email_token(
            account_id,
            purpose,
            &secret::hash(&token),
            now,
            now + lifetime,
        )
        .await
        .map_err(|e| e.to_string())?;
    let path = if purpose == INVITATION {
        "invitations"
    } else {
        "password-reset"
    };
    Ok(format!("{public_url}/{path}/{token}"))
}

/// An invitation link for a new account, working for a day: for the first
/// administrator, made at the command line.
pub async fn invite(
    store: &coproduce_store::Store,
    account_id: i64,
    public_url: &str,
) -> Result<String, String> {
    single_use_link(store, account_id, INVITATION, Duration::days(1), public_url).await
}

/// How a signed-in request proved who it is.
#[derive(Clone, Debug)]
pub enum Credential {
    /// A session cookie; `csrf` is the token its forms must carry.
    Session { id: i64, csrf: String },
    /// A personal access token; `write` if it may change things.
    Token { write: bool },
}

/// Who is asking.
#[derive(Clone, Debug, Default)]
pub struct Viewer {
    pub signed_in: Option<(Account, Credential)>,
    /// A session that has given a password but still owes a second factor.
    pub pending_second_factor: Option<(i64, Account)>,
    /// A session cookie was sent but had expired: say so on the sign-in page.
    pub session_expired: bool,
    /// The language and Easy Read choice this browser made.
    pub tr: crate::i18n::Tr,
}

impl Viewer {
    pub fn account(&self) -> Option<&Account> {
        self.signed_in.as_ref().map(|(a, _)| a)
    }

    pub fn audience(&self) -> Audience {
        match self.account() {
            Some(a) => Audience::Signed(a.role),
            None => Audience::Public,
        }
    }

    pub fn can(&self, c: Capability) -> bool {
        self.audience().can(c)
    }

    pub fn role(&self) -> Option<Role> {
        self.account().map(|a| a.role)
    }

    /// Whether the viewer may see records of this organisation.
    pub fn sees(&self, organisation_id: i64) -> bool {
        match self.account() {
            Some(a) if a.role.sees_every_organisation() => true,
            Some(a) => a.organisation_id == Some(organisation_id),
            None => false,
        }
    }

    /// The organisation a list must be narrowed to: the one asked for if the viewer
    /// may see it, the viewer's own otherwise; `None` (everything) only for those who
    /// see every organisation and asked for no narrowing.
    pub fn scope(&self, asked: Option<i64>) -> Result<Option<i64>, ApiError> {
        match (self.account(), asked) {
            (Some(a), asked) if a.role.sees_every_organisation() => Ok(asked),
            (Some(a), Some(org)) if a.organisation_id == Some(org) => Ok(Some(org)),
            (Some(_), Some(_)) => Err(ApiError::NotFound(
                crate::i18n::API.t("api-no-organisation-you-see"),
            )),
            (Some(a), None) => Ok(Some(a.organisation_id.unwrap_or(0))),
            (None, _) => Err(ApiError::NotFound(crate::i18n::API.t("api-nothing-here"))),
        }
    }

    /// A 404 unless the viewer may see this organisation's records: another
    /// organisation's records are not even admitted to exist.
    pub fn check(&self, organisation_id: i64) -> Result<(), ApiError> {
        if self.sees(organisation_id) {
            Ok(())
        } else {
            Err(ApiError::NotFound(
                crate::i18n::API.t("api-nothing-with-id"),
            ))
        }
    }

    /// The form token for this viewer's session, if signed in with one.
    pub fn csrf(&self) -> Option<&str> {
        match &self.signed_in {
            Some((_, Credential::Session { csrf, .. })) => Some(csrf),
            _ => None,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .unwrap_or_default())
    }
}

/// The value of a cookie in a request's headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Whether a session is past its idle or absolute limit.
pub fn expired(last_seen: DateTime<Utc>, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= expires_at || now - last_seen >= IDLE_LIMIT
}

/// Resolves the viewer of every request, once. A bearer token that is not valid is
/// refused at once rather than treated as the public.
pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let now = coproduce_store::now();
    let mut viewer = Viewer {
        tr: crate::i18n::Tr {
            lang: cookie(req.headers(), LANGUAGE_COOKIE)
                .and_then(crate::i18n::Lang::parse)
                .unwrap_or_default(),
            easy: cookie(req.headers(), EASY_READ_COOKIE) == Some("on"),
        },
        ..Viewer::default()
    };
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_string());
    if let Some(auth) = bearer {
        let token = auth.strip_prefix("Bearer ").map(str::trim).unwrap_or("");
        match state.store.use_api_token(&secret::hash(token), now).await {
            Ok(Some((t, account))) => {
                viewer.signed_in = Some((
                    account,
                    Credential::Token {
                        write: t.scope == "write",
                    },
                ));
            }
            Ok(None) => {
                return ApiError::Unauthorised(crate::i18n::API.t("api-token-not-valid"))
                    .into_response();
            }
            Err(e) => return ApiError::from(e).into_response(),
        }
    } else if let Some(cookie_secret) = cookie(req.headers(), SESSION_COOKIE).map(str::to_string) {
        match state.store.session(&secret::hash(&cookie_secret)).await {
            Ok(Some(s)) if expired(s.last_seen_at, s.expires_at, now) => {
                let _ = state.store.delete_session(s.id).await;
                viewer.session_expired = true;
            }
            Ok(Some(s)) if !s.second_factor_done => {
                viewer.pending_second_factor = Some((s.id, s.account));
            }
            Ok(Some(s)) => {
                // Record activity at most once a minute, not on every request.
                if now - s.last_seen_at >= Duration::minutes(1) {
                    let _ = state.store.touch_session(s.id, now).await;
                }
                viewer.signed_in = Some((
                    s.account,
                    Credential::Session {
                        id: s.id,
                        csrf: secret::csrf_token(&cookie_secret),
                    },
                ));
            }
            Ok(None) => {}
            Err(e) => return ApiError::from(e).into_response(),
        }
    }
    req.extensions_mut().insert(viewer);
    next.run(req).await
}
