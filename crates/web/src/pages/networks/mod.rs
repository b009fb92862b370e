//! Networks as pages: the list, starting and changing a network, its page (the
//! documents members sign, who has not signed the current versions, the chairs and
//! the members), adopting a new version of a document, and a membership's page with
//! the forms that record what happens to a member: induction, signing, a change of
//! role, standing down, reinstatement and leaving.
//!
//! A network is seen by those who see its organisation. The date rules are
//! `coproduce_domain::network`'s; these modules read forms and word the problems:
//! `documents` (adopting a version), `membership` (a member's page and its forms).

mod adding;
mod documents;
mod membership;
pub(crate) mod reading;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::network::{self as rules, DocumentKind, MemberRole, NetworkKind, StandDown};
use coproduce_domain::text::{self, FieldError, FieldErrors};
use coproduce_store::memberships::Membership;
use coproduce_store::networks::{
    DocumentFields, Network, NetworkDocument, NetworkFields, current_documents,
};
use coproduce_store::{PageRequest, StoreError};
use serde::Deserialize;

use super::forms::{
    Choice, DateField, FormField, FormPage, Named, Part, Radios, Select, error_of, typed_date,
    worded,
};
use super::{AfterQuery, Chrome, PageError, own_records, render, show};
use crate::AppState;
use crate::auth::Viewer;
use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    r.get("/networks", C::ReadPeople, list)
        .get("/networks/new", C::WritePeople, new_network)
        .post("/networks", C::WritePeople, create_network)
        .get("/networks/{id}", C::ReadPeople, page)
        .get("/networks/{id}/edit", C::WritePeople, edit_network)
        .post("/networks/{id}", C::WritePeople, update_network)
        .get(
            "/networks/{id}/documents/new",
            C::WritePeople,
            documents::new_document,
        )
        .post(
            "/networks/{id}/documents",
            C::WritePeople,
            documents::adopt_document,
        )
        .get("/documents/{id}", C::ReadPeople, reading::staff_page)
        .get(
            "/networks/{id}/members/new",
            C::WritePeople,
            adding::add_form,
        )
        .post("/networks/{id}/members", C::WritePeople, adding::add)
        .get(
            "/memberships/{id}",
            C::ReadPeople,
            membership::membership_page,
        )
        .get(
            "/memberships/{id}/{action}",
            C::WritePeople,
            membership::membership_form,
        )
        .post(
            "/memberships/{id}/{action}",
            C::WritePeople,
            membership::membership_save,
        )
}

/// A network the viewer may see, by the id in the address.
pub(super) async fn visible_network(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<Network, PageError> {
    let id = super::id_of(raw)?;
    let n = state.store.network(id).await?;
    super::seen(viewer, n.organisation_id, n)
}

#[derive(Template)]
#[template(path = "networks.html")]
struct NetworksPage {
    chrome: Chrome,
    can_write: bool,
    /// Id, name, kind, current members.
    networks: Vec<(i64, String, &'static str, i64)>,
    next: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let result = async {
        let page = state
            .store
            .networks(q.page(50), own_records(&viewer)?)
            .await?;
        Ok::<_, PageError>(NetworksPage {
            chrome: Chrome::new(&state, &viewer, "networks"),
            can_write: viewer.can(C::WritePeople),
            next: page.next_after.map(|a| format!("/networks?after={a}")),
            networks: page
                .items
                .into_iter()
                .map(|n| (n.id, n.name, n.kind.label(), n.members))
                .collect(),
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct NetworkForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
}

async fn network_form(
    state: &AppState,
    viewer: &Viewer,
    f: &NetworkForm,
    errors: Vec<FieldError>,
    editing: Option<i64>,
) -> Result<FormPage, PageError> {
    let mut parts = Vec::new();
    if editing.is_none() {
        parts.extend(super::organisation_part(state, viewer, &f.organisation_id, &errors).await?);
    }
    parts.push(Part::Field(
        FormField::new("name", "staff-network-name", "text")
            .value(&f.name)
            .errors(&errors),
    ));
    parts.push(Part::Choose(Radios::of::<NetworkKind>(
        "kind",
        "staff-network-kind",
        &f.kind,
        &errors,
        |_| None,
    )));
    parts.push(Part::Text(
        FormField::new("description", "staff-network-description", "text")
            .hint("staff-network-description-hint")
            .value(&f.description)
            .errors(&errors),
    ));
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "networks"),
        errors,
        back: Some(match editing {
            Some(id) => (
                format!("/networks/{id}"),
                "staff-back-to-the-network".into(),
            ),
            None => ("/networks".into(), "staff-networks".into()),
        }),
        caption: None,
        heading: if editing.is_some() {
            "staff-change-the-network".into()
        } else {
            "staff-start-a-network".into()
        },
        intro: vec![],
        action: match editing {
            Some(id) => format!("/networks/{id}"),
            None => "/networks".into(),
        },
        parts,
        button: if editing.is_some() {
            "staff-save-changes"
        } else {
            "staff-start-the-network"
        },
    }
    .ordered())
}

async fn new_network(State(state): State<AppState>, viewer: Viewer) -> Response {
    let page = network_form(&state, &viewer, &NetworkForm::default(), vec![], None).await;
    show(&state, &viewer, page)
}

/// Checks the network form: the organisation is the viewer's own unless they see
/// every organisation.
fn read_network(
    viewer: &Viewer,
    f: &NetworkForm,
    organisation_id: Option<i64>,
) -> Result<NetworkFields, Vec<FieldError>> {
    let mut errs = FieldErrors::new();
    let organisation_id =
        organisation_id.unwrap_or_else(|| super::chosen_organisation(viewer, &f.organisation_id));
    if organisation_id <= 0 {
        errs.add("organisation_id", text::Problem::NotAnId);
    }
    let name = errs.take("name", text::required(&f.name, text::SHORT));
    let kind = errs.take("kind", NetworkKind::parse(f.kind.trim()));
    let description = errs
        .take(
            "description",
            text::optional(Some(&f.description), text::LONG),
        )
        .flatten();
    match (name, kind) {
        (Some(name), Some(kind)) if errs.is_empty() => Ok(NetworkFields {
            organisation_id,
            name,
            kind,
            description,
        }),
        _ => Err(worded(
            &viewer.tr,
            errs.0,
            &[
                Named::Always("organisation_id", "staff-choose-an-organisation"),
                Named::As("name", "staff-network-name"),
                Named::Always("kind", "staff-choose-network-kind"),
                Named::As("description", "staff-network-description"),
            ],
        )),
    }
}

async fn create_network(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<NetworkForm>,
) -> Response {
    let result = async {
        let errors = match read_network(&viewer, &f, None) {
            Ok(fields) => {
                match coproduce_app::networks::create_network(&state.ctx, &viewer.actor(), &fields)
                    .await
                {
                    Ok(n) => {
                        return Ok(Redirect::to(&format!("/networks/{}", n.id)).into_response());
                    }
                    // An organisation that does not exist, or that the viewer
                    // does not see.
                    Err(coproduce_app::AppError::Invalid(_)) => vec![FieldError::worded(
                        "organisation_id",
                        viewer.tr.t("staff-choose-an-organisation"),
                    )],
                    Err(e) => return Err(e.into()),
                }
            }
            Err(errors) => errors,
        };
        let page = network_form(&state, &viewer, &f, errors, None).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

async fn edit_network(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let n = visible_network(&state, &viewer, &raw).await?;
        let f = NetworkForm {
            organisation_id: n.organisation_id.to_string(),
            name: n.name,
            kind: n.kind.slug().into(),
            description: n.description.unwrap_or_default(),
        };
        network_form(&state, &viewer, &f, vec![], Some(n.id)).await
    }
    .await;
    show(&state, &viewer, result)
}

async fn update_network(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<NetworkForm>,
) -> Response {
    let result = async {
        let n = visible_network(&state, &viewer, &raw).await?;
        match read_network(&viewer, &f, Some(n.organisation_id)) {
            Ok(fields) => {
                coproduce_app::networks::update_network(&state.ctx, &viewer.actor(), n.id, &fields)
                    .await?;
                Ok(Redirect::to(&format!("/networks/{}", n.id)).into_response())
            }
            Err(errors) => {
                let page = network_form(&state, &viewer, &f, errors, Some(n.id)).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// A document as the network page shows it.
struct DocumentShown {
    id: i64,
    kind: &'static str,
    title: String,
    version: String,
    adopted: String,
    /// For a current version: how many current members have not signed it.
    unsigned: Option<i64>,
}

/// A member as the network page lists them.
struct MemberShown {
    membership_id: i64,
    name: String,
    role: &'static str,
    joined: String,
    inducted: bool,
    /// The current documents they have not signed, by kind.
    unsigned: Vec<&'static str>,
    /// "Stood down", with the review date if there is one.
    stood_down: Option<String>,
}

#[derive(Template)]
#[template(path = "network.html")]
struct NetworkPage {
    chrome: Chrome,
    can_write: bool,
    network: Network,
    kind: &'static str,
    chairs: Vec<(i64, String, &'static str)>,
    documents: Vec<DocumentShown>,
    members: Vec<MemberShown>,
    next: Option<String>,
}

async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(q): Query<AfterQuery>,
) -> Response {
    let result = async {
        let network = visible_network(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let all = state.store.documents(network.id).await?;
        let current: Vec<&NetworkDocument> = current_documents(&all);
        let current_ids: Vec<i64> = current.iter().map(|d| d.id).collect();
        let unsigned = state
            .store
            .unsigned_counts(network.id, &current_ids)
            .await?;
        let documents = all
            .iter()
            .map(|d| DocumentShown {
                id: d.id,
                kind: d.kind.label(),
                title: d.title.clone(),
                version: d.version.clone(),
                adopted: tr.date(d.adopted_on),
                unsigned: unsigned.iter().find(|(id, _)| *id == d.id).map(|(_, n)| *n),
            })
            .collect();
        let page = state
            .store
            .members(network.id, &current_ids, q.page(50))
            .await?;
        let members = page
            .items
            .into_iter()
            .map(|m| {
                let ms = m.membership;
                MemberShown {
                    membership_id: ms.id,
                    name: ms.person_name,
                    role: ms.role.label(),
                    joined: tr.date(ms.joined_on),
                    inducted: ms.inducted_on.is_some(),
                    unsigned: current
                        .iter()
                        .filter(|d| !m.signed.contains(&d.id))
                        .map(|d| d.kind.label())
                        .collect(),
                    stood_down: ms.stood_down.map(|(_, review)| match review {
                        Some(r) => tr.t1("staff-stood-down-review", "date", tr.date(r)),
                        None => tr.t("staff-stood-down"),
                    }),
                }
            })
            .collect();
        let chairs = state
            .store
            .chairs(network.id)
            .await?
            .into_iter()
            .map(|m| (m.person_id, m.person_name, m.role.label()))
            .collect();
        Ok::<_, PageError>(NetworkPage {
            chrome: Chrome::new(&state, &viewer, "networks"),
            can_write: viewer.can(C::WritePeople),
            kind: network.kind.label(),
            next: page
                .next_after
                .map(|a| format!("/networks/{}?after={a}#members", network.id)),
            network,
            chairs,
            documents,
            members,
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// The networks a person may be added to: those of their organisation, by name.
pub(super) async fn network_choices(
    state: &AppState,
    organisation_id: i64,
) -> Result<Vec<Choice>, PageError> {
    let page = state
        .store
        .networks(
            PageRequest::first(PageRequest::MAX_LIMIT),
            coproduce_store::Within::Parent(organisation_id),
        )
        .await?;
    Ok(page
        .items
        .into_iter()
        .map(|n| Choice {
            value: n.id.to_string(),
            label: n.name,
            hint: None,
        })
        .collect())
}
