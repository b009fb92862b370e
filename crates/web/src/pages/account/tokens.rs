//! A person's account page and their API tokens.

#[allow(unused_imports)]
use super::*;
use crate::pages::forms::{Named, worded};

pub struct TokenRow {
    id: i64,
    name: String,
    scope: String,
    last_used: String,
    revoked: bool,
}

#[derive(Template)]
#[template(path = "account.html")]
pub(super) struct AccountPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    name: String,
    email: String,
    role: &'static str,
    organisation: String,
    second_factor: bool,
    api_access: bool,
    tokens: Vec<TokenRow>,
    token_name: FormField,
    token_scope: String,
}

pub(super) async fn account_view(
    state: &AppState,
    viewer: &Viewer,
    errors: Vec<FieldError>,
    name_typed: &str,
    scope_typed: &str,
) -> Result<AccountPage, PageError> {
    let Some(a) = viewer.account() else {
        return Err(PageError::NotFound);
    };
    let tr = viewer.tr;
    let organisation = match a.organisation_id {
        Some(org) => state.store.organisation(org).await?.name,
        None => tr.t("every-organisation"),
    };
    let tokens = state
        .store
        .api_tokens(a.id)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            scope: if t.scope == "write" {
                tr.t("token-write")
            } else {
                tr.t("token-read")
            },
            last_used: t
                .last_used_at
                .map(|t| tr.date_time(t))
                .unwrap_or_else(|| tr.t("token-never")),
            revoked: t.revoked_at.is_some(),
            name: t.name,
        })
        .collect();
    Ok(AccountPage {
        chrome: Chrome::participant(state, viewer, "account"),
        name: a.name.clone(),
        email: a.email.clone(),
        role: a.role.label(),
        organisation,
        second_factor: a.totp_enabled,
        // Participants and partners have nothing the API serves them yet.
        api_access: a.role.can(C::ReadWork) || a.role.can(C::ManageCharters),
        tokens,
        token_name: FormField::new("name", tr.t("token-name-label"), "text")
            .hint(tr.t("token-name-hint"))
            .value(name_typed)
            .errors(&errors),
        token_scope: scope_typed.to_string(),
        errors,
    })
}

pub(super) async fn account_page(State(state): State<AppState>, viewer: Viewer) -> Response {
    match account_view(&state, &viewer, vec![], "", "read").await {
        Ok(page) => render(StatusCode::OK, &page),
        Err(e) => e.respond(&state, &viewer),
    }
}

#[derive(Deserialize, Default)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
}

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub chrome: Chrome,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub secret: Option<String>,
    pub link: Option<(String, String)>,
}

pub(super) async fn create_token(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<TokenForm>,
) -> Response {
    if viewer.account().is_none() {
        return PageError::NotFound.respond(&state, &viewer);
    }
    let mut errs = FieldErrors::new();
    let name = errs.take("name", coproduce_domain::text::required(&form.name, 100));
    let scope = match form.scope.as_str() {
        "read" | "write" => Some(form.scope.clone()),
        _ => {
            errs.add_worded("scope-read", viewer.tr.t("token-scope-missing"));
            None
        }
    };
    let (Some(name), Some(scope)) = (name, scope) else {
        let errors = worded(&viewer.tr, errs.0, &[Named::As("name", "token-name-label")]);
        return match account_view(&state, &viewer, errors, &form.name, &form.scope).await {
            Ok(page) => render(StatusCode::UNPROCESSABLE_ENTITY, &page),
            Err(e) => e.respond(&state, &viewer),
        };
    };
    match coproduce_app::accounts::create_token(
        &state.ctx,
        &viewer.actor(),
        &name,
        scope == "write",
    )
    .await
    {
        Ok((_, token)) => render(
            StatusCode::CREATED,
            &MessagePage {
                chrome: Chrome::participant(&state, &viewer, "account"),
                heading: viewer.tr.t("token-created-heading"),
                paragraphs: vec![
                    viewer.tr.t1("token-created-copy", "name", &name),
                    viewer.tr.t("token-created-use"),
                ],
                secret: Some(token),
                link: Some(("/account".into(), viewer.tr.t("back-to-account"))),
            },
        ),
        Err(e) => PageError::from(e).respond(&state, &viewer),
    }
}

pub(super) async fn revoke_token(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let Ok(id) = raw.parse::<i64>() else {
        return PageError::NotFound.respond(&state, &viewer);
    };
    match coproduce_app::accounts::revoke_token(&state.ctx, &viewer.actor(), id).await {
        Ok(()) => Redirect::to("/account").into_response(),
        Err(e) => PageError::from(e).respond(&state, &viewer),
    }
}
