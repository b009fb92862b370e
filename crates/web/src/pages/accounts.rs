//! Administrators' list of accounts, and inviting someone to an account.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::{Capability as C, Role};
use coproduce_domain::text::{self, FieldError, FieldErrors};
use coproduce_store::accounts::AccountFields;
use coproduce_store::{PageRequest, Within};
use serde::Deserialize;

use super::account::FormField;
use super::forms::{Named, worded};
use super::{AfterQuery, Chrome, PageError, render};
use crate::AppState;
use crate::auth::{INVITATION_LIFETIME, Viewer};
use crate::routes::Routes;
use coproduce_app::AppError;
use coproduce_app::accounts::{self, Letter};

pub fn routes(r: Routes) -> Routes {
    r.get("/accounts", C::ManageAccounts, list)
        .post("/accounts", C::ManageAccounts, invite)
}

#[derive(Template)]
#[template(path = "accounts.html")]
struct AccountsPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    notice: Option<String>,
    link: Option<String>,
    accounts: Vec<(String, String, &'static str, &'static str)>,
    next: Option<String>,
    name: FormField,
    email: FormField,
    roles: Vec<(&'static str, &'static str)>,
    role: String,
    role_error: Option<String>,
    organisations: Vec<(i64, String)>,
    organisation: String,
    organisation_error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct InviteForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    after: Option<i64>,
    form: &InviteForm,
    errors: Vec<FieldError>,
    notice: Option<(String, Option<String>)>,
) -> Result<AccountsPage, PageError> {
    let page = state
        .store
        .accounts(PageRequest::new(after, Some(100)), Within::All)
        .await?;
    let organisations = state
        .store
        .organisations(PageRequest::first(PageRequest::MAX_LIMIT))
        .await?
        .items
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let error_of = |f: &str| {
        errors
            .iter()
            .find(|e| e.field == f)
            .map(|e| e.message.clone())
    };
    Ok(AccountsPage {
        chrome: Chrome::new(state, viewer, "accounts"),
        notice: notice.as_ref().map(|n| n.0.clone()),
        link: notice.and_then(|n| n.1),
        next: page.next_after.map(|a| format!("/accounts?after={a}")),
        accounts: page
            .items
            .into_iter()
            .map(|a| {
                let status = if a.password_hash.is_some() {
                    "staff-active"
                } else {
                    "staff-invited"
                };
                (a.name, a.email, a.role.label(), status)
            })
            .collect(),
        name: FormField::new("name", "staff-name", "text")
            .autocomplete("off")
            .value(&form.name)
            .errors(&errors),
        email: FormField::new("email", "staff-email-address", "email")
            .autocomplete("off")
            .value(&form.email)
            .errors(&errors),
        roles: Role::ALL.iter().map(|r| (r.slug(), r.label())).collect(),
        role: form.role.clone(),
        role_error: error_of("role"),
        organisations,
        organisation: form.organisation.clone(),
        organisation_error: error_of("organisation"),
        errors,
    })
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let after = q.after.as_deref().and_then(|a| a.parse().ok());
    match page(&state, &viewer, after, &InviteForm::default(), vec![], None).await {
        Ok(p) => render(StatusCode::OK, &p),
        Err(e) => e.respond(&state, &viewer),
    }
}

async fn invite(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<InviteForm>,
) -> Response {
    let result = async {
        let tr = viewer.tr;
        let mut errs = FieldErrors::new();
        let name = errs.take("name", text::required(&form.name, text::SHORT));
        let email = errs.take("email", text::email(&form.email));
        let role = errs.take("role", Role::parse(&form.role));
        let organisation_id = match form.organisation.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) if state.store.organisation(id).await.is_ok() => Some(id),
                _ => {
                    errs.add_worded("organisation", tr.t("staff-choose-organisation-listed"));
                    None
                }
            },
        };
        match (role, organisation_id) {
            (Some(Role::Administrator), Some(_)) => {
                errs.add_worded("organisation", tr.t("staff-administrator-no-organisation"))
            }
            (Some(r), None) if r != Role::Administrator => {
                errs.add_worded("organisation", tr.t("staff-choose-their-organisation"))
            }
            _ => {}
        }
        let errors = worded(
            &tr,
            errs.0,
            &[
                Named::As("name", "staff-name"),
                Named::Always("email", "staff-enter-email-form"),
                Named::Always("role", "staff-choose-role"),
            ],
        );
        let (Some(name), Some(email), Some(role), true) = (name, email, role, errors.is_empty())
        else {
            let page = page(&state, &viewer, None, &form, errors, None).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        };
        let fields = AccountFields {
            email: email.clone(),
            name: name.clone(),
            role,
            organisation_id,
        };
        // The invitation is in English: the person's language is not known yet.
        let mail = crate::i18n::Tr::default();
        let invited = match accounts::invite(
            &state.ctx,
            &viewer.actor(),
            &fields,
            INVITATION_LIFETIME,
            |link| Letter {
                subject: mail.t("invitation-email-subject"),
                body: mail.t2("invitation-email-body", ("name", &name), ("link", link)),
            },
        )
        .await
        {
            Ok(i) => i,
            Err(AppError::Conflict(_)) => {
                let errors = vec![FieldError::worded(
                    "email",
                    tr.t1("staff-account-exists", "email", &email),
                )];
                let page = page(&state, &viewer, None, &form, errors, None).await?;
                return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
            }
            Err(e) => return Err(e.into()),
        };
        let notice = if invited.emailed {
            (tr.t1("staff-invitation-sent", "email", &email), None)
        } else {
            (
                tr.t1("staff-invitation-no-email", "email", &email),
                Some(invited.link),
            )
        };
        Ok(render(
            StatusCode::CREATED,
            &page(
                &state,
                &viewer,
                None,
                &InviteForm::default(),
                vec![],
                Some(notice),
            )
            .await?,
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
