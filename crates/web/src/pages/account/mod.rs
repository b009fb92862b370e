//! Signing in and out, the second factor, and a person's own account: API tokens and
//! signing out everywhere.

mod second_factor;
mod sign_in;
mod tokens;

pub use tokens::MessagePage;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::{Capability as C, Role};
use coproduce_domain::text::{FieldError, FieldErrors};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{ABSOLUTE_LIMIT, Credential, SESSION_COOKIE, Viewer};
pub use crate::pages::forms::FormField;
use crate::pages::{Chrome, PageError, render};
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    use second_factor::*;
    use sign_in::*;
    use tokens::*;
    r.get("/sign-in", C::ReadPublic, sign_in_page)
        .post("/sign-in", C::ReadPublic, sign_in)
        .post("/sign-out", C::OwnAccount, sign_out)
        .post("/sign-out-everywhere", C::OwnAccount, sign_out_everywhere)
        .get("/account", C::OwnAccount, account_page)
        .post("/account/tokens", C::OwnAccount, create_token)
        .post("/account/tokens/{id}/revoke", C::OwnAccount, revoke_token)
        .get("/sign-in/code", C::ReadPublic, code_page)
        .post("/sign-in/code", C::ReadPublic, code_given)
        .get("/account/second-factor", C::OwnAccount, setup_page)
        .post("/account/second-factor", C::OwnAccount, setup_confirm)
        .post(
            "/account/second-factor/off",
            C::OwnAccount,
            second_factor_off,
        )
}
