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

pub use coproduce_app::password;
pub use coproduce_app::second_factor;
pub use coproduce_app::secret;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use coproduce_app::Actor;
use coproduce_app::sessions::{self, Visit};
use coproduce_domain::account::{Audience, Capability, Role};
use coproduce_store::accounts::Account;

use crate::{ApiError, AppState};

/// The cookie that remembers the chosen language.
pub const LANGUAGE_COOKIE: &str = "coproduce_language";
/// The cookie that remembers Easy Read: `on` or absent.
pub const EASY_READ_COOKIE: &str = "coproduce_easy_read";

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "coproduce_session";
pub use coproduce_app::sessions::{ABSOLUTE_LIMIT, IDLE_LIMIT, expired};

pub use coproduce_app::accounts::{
    INVITATION, INVITATION_LIFETIME, PASSWORD_RESET, RESET_LIFETIME,
};

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
    /// The network address the request came from, for the audit trail.
    pub address: Option<String>,
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

    /// Who is acting, as the application layer knows them.
    pub fn actor(&self) -> Actor {
        match self.account() {
            Some(a) => Actor::account(
                a.id,
                a.role,
                a.organisation_id,
                a.person_id,
                self.address.clone(),
            ),
            None => Actor::public(self.address.clone()),
        }
    }

    /// Whether the viewer may see records of this organisation (the application's
    /// one rule, [`Actor::sees`]).
    pub fn sees(&self, organisation_id: i64) -> bool {
        self.actor().sees(organisation_id)
    }

    /// The organisation a list must be narrowed to ([`Actor::scope`]).
    pub fn scope(&self, asked: Option<i64>) -> Result<Option<i64>, ApiError> {
        self.actor().scope(asked).map_err(|_| {
            ApiError::NotFound(crate::i18n::API.t(if self.account().is_some() {
                "api-no-organisation-you-see"
            } else {
                "api-nothing-here"
            }))
        })
    }

    /// A 404 unless the viewer may see this organisation's records
    /// ([`Actor::visible`]): another organisation's records are not even admitted
    /// to exist.
    pub fn check(&self, organisation_id: i64) -> Result<(), ApiError> {
        Ok(self.actor().visible(organisation_id)?)
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

/// Resolves the viewer of every request, once. A bearer token that is not valid is
/// refused at once rather than treated as the public.
pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let mut viewer = Viewer {
        tr: crate::i18n::Tr {
            lang: cookie(req.headers(), LANGUAGE_COOKIE)
                .and_then(crate::i18n::Lang::parse)
                .unwrap_or_default(),
            easy: cookie(req.headers(), EASY_READ_COOKIE) == Some("on"),
        },
        address: req
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip().to_string()),
        ..Viewer::default()
    };
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_string());
    if let Some(auth) = bearer {
        let token = auth.strip_prefix("Bearer ").map(str::trim).unwrap_or("");
        match sessions::token(&state.ctx, token).await {
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
        match sessions::visit(&state.ctx, &cookie_secret).await {
            Ok(Visit::Expired) => viewer.session_expired = true,
            Ok(Visit::Pending {
                session_id,
                account,
            }) => viewer.pending_second_factor = Some((session_id, account)),
            Ok(Visit::Active {
                session_id,
                account,
            }) => {
                viewer.signed_in = Some((
                    account,
                    Credential::Session {
                        id: session_id,
                        csrf: secret::csrf_token(&cookie_secret),
                    },
                ));
            }
            Ok(Visit::Unknown) => {}
            Err(e) => return ApiError::from(e).into_response(),
        }
    }
    req.extensions_mut().insert(viewer);
    // The route guards answer "not found" with the application's pages.
    req.extensions_mut().insert(state);
    next.run(req).await
}
