//! Networks as pages: the list, starting and changing a network, its page (the
//! documents members sign, who has not signed the current versions, the chairs and
//! the members), adopting a new version of a document, and a membership's page with
//! the forms that record what happens to a member: induction, signing, a change of
//! role, standing down, reinstatement and leaving.
//!
//! A network is seen by those who see its organisation. The date rules are
//! `coproduce_domain::network`'s; this module reads forms and words the problems.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::network::{self as rules, DocumentKind, MemberRole, NetworkKind, StandDown};
use coproduce_domain::text::{self, FieldError, FieldErrors};
use coproduce_store::networks::{
    DocumentFields, Membership, Network, NetworkDocument, NetworkFields, current_documents,
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
        .get("/networks/{id}/documents/new", C::WritePeople, new_document)
        .post("/networks/{id}/documents", C::WritePeople, adopt_document)
        .get("/memberships/{id}", C::ReadPeople, membership_page)
        .get(
            "/memberships/{id}/{action}",
            C::WritePeople,
            membership_form,
        )
        .post(
            "/memberships/{id}/{action}",
            C::WritePeople,
            membership_save,
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
            Ok(fields) if viewer.sees(fields.organisation_id) => {
                match state.store.create_network(&fields).await {
                    Ok(n) => {
                        return Ok(Redirect::to(&format!("/networks/{}", n.id)).into_response());
                    }
                    Err(StoreError::Missing { .. }) => vec![FieldError::worded(
                        "organisation_id",
                        viewer.tr.t("staff-choose-an-organisation"),
                    )],
                    Err(e) => return Err(e.into()),
                }
            }
            Ok(_) => vec![FieldError::worded(
                "organisation_id",
                viewer.tr.t("staff-choose-an-organisation"),
            )],
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
                state.store.update_network(n.id, &fields).await?;
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
    kind: &'static str,
    title: String,
    version: String,
    adopted: String,
    charter_id: Option<i64>,
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
                kind: d.kind.label(),
                title: d.title.clone(),
                version: d.version.clone(),
                adopted: tr.date(d.adopted_on),
                charter_id: d.charter_id,
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

#[derive(Deserialize, Default)]
pub struct DocumentForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    charter_id: String,
    #[serde(default, rename = "adopted_on-day")]
    day: String,
    #[serde(default, rename = "adopted_on-month")]
    month: String,
    #[serde(default, rename = "adopted_on-year")]
    year: String,
}

async fn document_form(
    state: &AppState,
    viewer: &Viewer,
    network: &Network,
    f: &DocumentForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let charters = state
        .store
        .charters(PageRequest::first(PageRequest::MAX_LIMIT))
        .await?;
    let mut charter = Select {
        id: "charter_id",
        label: "staff-document-charter".into(),
        options: charters
            .items
            .into_iter()
            .map(|c| Choice {
                value: c.id.to_string(),
                label: format!("{} (version {})", c.title, c.version),
                hint: None,
            })
            .collect(),
        selected: f.charter_id.clone(),
        error: error_of(&errors, "charter_id"),
    };
    charter.options.insert(
        0,
        Choice {
            value: String::new(),
            label: viewer.tr.t("staff-not-a-charter-here"),
            hint: None,
        },
    );
    let mut adopted_on = DateField::typed(
        "adopted_on",
        "staff-date-adopted",
        "staff-for-example-1-4-2026",
        &f.day,
        &f.month,
        &f.year,
    );
    adopted_on.error = error_of(&errors, "adopted_on-day");
    let parts = vec![
        Part::Choose(Radios::of::<DocumentKind>(
            "kind",
            "staff-document-kind",
            &f.kind,
            &errors,
            |_| None,
        )),
        Part::Pick(charter),
        Part::Field(
            FormField::new("title", "staff-document-title", "text")
                .hint("staff-document-title-hint")
                .value(&f.title)
                .errors(&errors),
        ),
        Part::Field(
            FormField::new("version", "staff-document-version", "text")
                .hint("staff-document-version-hint")
                .value(&f.version)
                .errors(&errors),
        ),
        Part::Date(adopted_on),
    ];
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "networks"),
        errors,
        back: Some((
            format!("/networks/{}", network.id),
            "staff-back-to-the-network".into(),
        )),
        caption: Some(network.name.clone()),
        heading: "staff-adopt-a-document".into(),
        intro: vec!["staff-adopt-a-document-intro".into()],
        action: format!("/networks/{}/documents", network.id),
        parts,
        button: "staff-adopt-the-document",
    }
    .ordered())
}

async fn new_document(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let n = visible_network(&state, &viewer, &raw).await?;
        document_form(&state, &viewer, &n, &DocumentForm::default(), vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

async fn adopt_document(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<DocumentForm>,
) -> Response {
    let result = async {
        let n = visible_network(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let mut errs = FieldErrors::new();
        let kind = DocumentKind::parse(f.kind.trim()).ok();
        if kind.is_none() {
            errs.add_worded("kind", tr.t("staff-choose-document-kind"));
        }
        let charter_id = match f.charter_id.trim() {
            "" => None,
            s => match s.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errs.add_worded("charter_id", tr.t("staff-choose-from-list"));
                    None
                }
            },
        };
        let charter = match charter_id {
            Some(id) => match state.store.charter_record(id).await {
                Ok(c) => Some(c),
                Err(StoreError::NotFound) => {
                    errs.add_worded("charter_id", tr.t("staff-choose-from-list"));
                    None
                }
                Err(e) => return Err(e.into()),
            },
            None => None,
        };
        if kind == Some(DocumentKind::Charter) && charter.is_none() && errs.is_empty() {
            errs.add_worded("charter_id", tr.t("staff-choose-the-charter"));
        }
        if kind == Some(DocumentKind::CodeOfConduct) && charter.is_some() {
            errs.add_worded("charter_id", tr.t("staff-code-is-not-a-charter"));
        }
        // A charter's title and version are the charter's own; a code of conduct's
        // are typed.
        let (title, version) = match &charter {
            Some(c) if kind == Some(DocumentKind::Charter) => {
                (Some(c.title.clone()), Some(c.version.clone()))
            }
            _ => (
                errs.take("title", text::required(&f.title, text::SHORT)),
                errs.take("version", text::required(&f.version, 40)),
            ),
        };
        let adopted_on = typed_date(&mut errs, "adopted_on", (&f.day, &f.month, &f.year), true);
        if adopted_on.is_some_and(|d| d > crate::today()) {
            errs.add("adopted_on-day", text::Problem::InFuture);
        }
        let mut errors = worded(
            &tr,
            errs.0,
            &[
                Named::As("title", "staff-document-title"),
                Named::As("version", "staff-document-version"),
                Named::As("adopted_on-day", "staff-date-adopted"),
            ],
        );
        if let (Some(kind), Some(title), Some(version), Some(adopted_on), true) =
            (kind, title, version, adopted_on, errors.is_empty())
        {
            let fields = DocumentFields {
                kind,
                title,
                version,
                charter_id: charter.as_ref().map(|c| c.id),
                adopted_on,
            };
            match state.store.adopt_document(n.id, &fields).await {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("/networks/{}#documents", n.id)).into_response()
                    );
                }
                Err(StoreError::Duplicate(_)) => {
                    errors.push(FieldError::worded(
                        "version",
                        tr.t("staff-version-already-adopted"),
                    ));
                }
                Err(e) => return Err(e.into()),
            }
        }
        let page = document_form(&state, &viewer, &n, &f, errors).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// A membership the viewer may see, by the id in the address.
async fn visible_membership(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<Membership, PageError> {
    let id = super::id_of(raw)?;
    let m = state.store.membership(id).await?;
    super::seen(viewer, m.organisation_id, m)
}

#[derive(Template)]
#[template(path = "membership.html")]
struct MembershipPage {
    chrome: Chrome,
    can_write: bool,
    m: Membership,
    /// Label key and value.
    rows: Vec<(&'static str, String)>,
    /// Kind, title, version, signed on.
    signatures: Vec<(&'static str, String, String, String)>,
    /// The current versions not yet signed: kind, title, version.
    unsigned: Vec<(&'static str, String, String)>,
    /// Stood down, reason, review, reinstated.
    stand_downs: Vec<(String, String, String, String)>,
    current: bool,
    stood_down: bool,
}

async fn membership_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let m = visible_membership(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let signatures = state.store.signatures_of(m.id).await?;
        let all = state.store.documents(m.network_id).await?;
        let unsigned = current_documents(&all)
            .into_iter()
            .filter(|d| !signatures.iter().any(|s| s.document.id == d.id))
            .map(|d| (d.kind.label(), d.title.clone(), d.version.clone()))
            .collect();
        let stand_downs = state
            .store
            .stand_downs_of(m.id)
            .await?
            .into_iter()
            .map(|s| {
                (
                    tr.date(s.stood_down_on),
                    s.reason,
                    s.review_on.map(|d| tr.date(d)).unwrap_or_default(),
                    s.reinstated_on.map(|d| tr.date(d)).unwrap_or_default(),
                )
            })
            .collect();
        let mut rows = vec![
            ("staff-network", m.network_name.clone()),
            ("staff-member-role", m.role.label().to_string()),
            ("staff-joined", tr.date(m.joined_on)),
            (
                "staff-left",
                m.left_on.map(|d| tr.date(d)).unwrap_or_default(),
            ),
        ];
        rows.push((
            "staff-induction",
            match (&m.inducted_on, &m.inducted_by) {
                (Some(on), Some(by)) => tr.t2(
                    "staff-inducted-on-by",
                    ("date", &tr.date(*on)),
                    ("name", by),
                ),
                (Some(on), None) => tr.date(*on),
                _ => String::new(),
            },
        ));
        Ok::<_, PageError>(MembershipPage {
            chrome: Chrome::new(&state, &viewer, "networks"),
            can_write: viewer.can(C::WritePeople),
            current: m.left_on.is_none(),
            stood_down: m.stood_down.is_some(),
            rows,
            signatures: signatures
                .into_iter()
                .map(|s| {
                    (
                        s.document.kind.label(),
                        s.document.title,
                        s.document.version,
                        tr.date(s.signed_on),
                    )
                })
                .collect(),
            unsigned,
            stand_downs,
            m,
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// Everything the membership forms can send; each form sends its own part.
#[derive(Deserialize, Default)]
pub struct MembershipForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    document_id: String,
    #[serde(default)]
    inducted_by: String,
    #[serde(default)]
    reason: String,
    #[serde(default, rename = "on-day")]
    day: String,
    #[serde(default, rename = "on-month")]
    month: String,
    #[serde(default, rename = "on-year")]
    year: String,
    #[serde(default, rename = "review_on-day")]
    review_day: String,
    #[serde(default, rename = "review_on-month")]
    review_month: String,
    #[serde(default, rename = "review_on-year")]
    review_year: String,
}

/// What can be recorded about a member, each on its own form page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Induction,
    Sign,
    Role,
    StandDown,
    Reinstate,
    Leave,
}

impl Action {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "induction" => Action::Induction,
            "sign" => Action::Sign,
            "role" => Action::Role,
            "stand-down" => Action::StandDown,
            "reinstate" => Action::Reinstate,
            "leave" => Action::Leave,
            _ => return None,
        })
    }

    fn slug(self) -> &'static str {
        match self {
            Action::Induction => "induction",
            Action::Sign => "sign",
            Action::Role => "role",
            Action::StandDown => "stand-down",
            Action::Reinstate => "reinstate",
            Action::Leave => "leave",
        }
    }

    /// The heading, the button and the name of the form's date.
    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Action::Induction => (
                "staff-record-induction",
                "staff-record-the-induction",
                "staff-date-inducted",
            ),
            Action::Sign => (
                "staff-record-signature",
                "staff-record-the-signature",
                "staff-date-signed",
            ),
            Action::Role => ("staff-change-role", "staff-save-changes", ""),
            Action::StandDown => (
                "staff-stand-down-member",
                "staff-record-stand-down",
                "staff-date-stood-down",
            ),
            Action::Reinstate => (
                "staff-reinstate-member",
                "staff-reinstate",
                "staff-date-reinstated",
            ),
            Action::Leave => (
                "staff-member-leaves",
                "staff-record-leaving",
                "staff-date-left",
            ),
        }
    }

    /// Whether the action can be taken now: a former member can only have their
    /// induction or signatures recorded after the fact; only the stood down can be
    /// reinstated, and only the others stood down.
    fn allowed(self, m: &Membership) -> bool {
        let current = m.left_on.is_none();
        match self {
            Action::Induction | Action::Sign => true,
            Action::Role | Action::Leave => current,
            Action::StandDown => current && m.stood_down.is_none(),
            Action::Reinstate => current && m.stood_down.is_some(),
        }
    }
}

async fn action_form(
    state: &AppState,
    viewer: &Viewer,
    m: &Membership,
    action: Action,
    f: &MembershipForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let (heading, button, date_label) = action.words();
    let mut parts = Vec::new();
    let mut intro = vec![];
    match action {
        Action::Sign => {
            let all = state.store.documents(m.network_id).await?;
            let signed = state.store.signatures_of(m.id).await?;
            let options: Vec<Choice> = all
                .iter()
                .filter(|d| !signed.iter().any(|s| s.document.id == d.id))
                .map(|d| Choice {
                    value: d.id.to_string(),
                    label: format!("{}: {} (version {})", d.kind.label(), d.title, d.version),
                    hint: Some(viewer.tr.t1(
                        "staff-adopted-on",
                        "date",
                        viewer.tr.date(d.adopted_on),
                    )),
                })
                .collect();
            if options.is_empty() {
                intro.push("staff-nothing-to-sign".into());
            }
            parts.push(Part::Choose(Radios {
                id: "document_id",
                legend: "staff-what-did-they-sign",
                hint: None,
                options,
                selected: f.document_id.clone(),
                error: error_of(&errors, "document_id"),
            }));
        }
        Action::Role => {
            parts.push(Part::Choose(Radios::of::<MemberRole>(
                "role",
                "staff-member-role",
                if f.role.is_empty() {
                    m.role.slug()
                } else {
                    &f.role
                },
                &errors,
                |_| None,
            )));
        }
        _ => {}
    }
    if !date_label.is_empty() {
        let mut on = DateField::typed(
            "on",
            date_label,
            "staff-for-example-1-4-2026",
            &f.day,
            &f.month,
            &f.year,
        );
        on.error = error_of(&errors, "on-day");
        parts.push(Part::Date(on));
    }
    match action {
        Action::Induction => parts.push(Part::Field(
            FormField::new("inducted_by", "staff-inducted-by", "text")
                .hint("staff-inducted-by-hint")
                .autocomplete("off")
                .value(&f.inducted_by)
                .errors(&errors),
        )),
        Action::StandDown => {
            intro.push("staff-stand-down-intro".into());
            parts.push(Part::Text(
                FormField::new("reason", "staff-stand-down-reason", "text")
                    .hint("staff-stand-down-reason-hint")
                    .value(&f.reason)
                    .errors(&errors),
            ));
            let mut review = DateField::typed(
                "review_on",
                "staff-review-date",
                "staff-review-date-hint",
                &f.review_day,
                &f.review_month,
                &f.review_year,
            );
            review.error = error_of(&errors, "review_on-day");
            parts.push(Part::Date(review));
        }
        _ => {}
    }
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "networks"),
        errors,
        back: Some((
            format!("/memberships/{}", m.id),
            "staff-back-to-the-membership".into(),
        )),
        caption: Some(format!("{}, {}", m.person_name, m.network_name)),
        heading: heading.into(),
        intro,
        action: format!("/memberships/{}/{}", m.id, action.slug()),
        parts,
        button,
    }
    .ordered())
}

async fn membership_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, action)): Path<(String, String)>,
) -> Response {
    let result = async {
        let action = Action::parse(&action).ok_or(PageError::NotFound)?;
        let m = visible_membership(&state, &viewer, &raw).await?;
        if !action.allowed(&m) {
            return Err(PageError::NotFound);
        }
        action_form(
            &state,
            &viewer,
            &m,
            action,
            &MembershipForm::default(),
            vec![],
        )
        .await
    }
    .await;
    show(&state, &viewer, result)
}

async fn membership_save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, action)): Path<(String, String)>,
    Form(f): Form<MembershipForm>,
) -> Response {
    let result = async {
        let action = Action::parse(&action).ok_or(PageError::NotFound)?;
        let m = visible_membership(&state, &viewer, &raw).await?;
        if !action.allowed(&m) {
            return Err(PageError::NotFound);
        }
        let tr = viewer.tr;
        let today = crate::today();
        let by = viewer.account().map(|a| a.id);
        let mut errs = FieldErrors::new();
        let (_, _, date_label) = action.words();
        let on = if date_label.is_empty() {
            None
        } else {
            typed_date(&mut errs, "on", (&f.day, &f.month, &f.year), true)
        };
        // Each action checks its own fields, then its dates by the domain's rules.
        let mut done: Option<Result<(), StoreError>> = None;
        match action {
            Action::Induction => {
                let by_name = errs.take("inducted_by", text::required(&f.inducted_by, text::SHORT));
                if let Some(on) = on {
                    // An induction can come before the day the membership was
                    // recorded as starting; only the future is refused.
                    if on > today {
                        errs.add("on-day", text::Problem::InFuture);
                    }
                }
                if let (Some(on), Some(by_name), true) = (on, by_name, errs.is_empty()) {
                    done = Some(state.store.record_induction(m.id, on, &by_name).await);
                }
            }
            Action::Sign => {
                let doc = match f.document_id.trim().parse::<i64>() {
                    Ok(id) => match state.store.document(id).await {
                        Ok(d) if d.network_id == m.network_id => Some(d),
                        Ok(_) | Err(StoreError::NotFound) => None,
                        Err(e) => return Err(e.into()),
                    },
                    Err(_) => None,
                };
                if doc.is_none() {
                    errs.add_worded("document_id", tr.t("staff-choose-a-document"));
                }
                if let (Some(doc), Some(on)) = (&doc, on)
                    && let Err(p) = rules::check_signed(doc.adopted_on, on, today)
                {
                    errs.add("on-day", p);
                }
                if let (Some(doc), Some(on), true) = (&doc, on, errs.is_empty()) {
                    done = Some(state.store.sign_document(m.id, doc.id, on, by).await);
                }
            }
            Action::Role => {
                let role = MemberRole::parse(f.role.trim()).ok();
                if role.is_none() {
                    errs.add_worded("role", tr.t("staff-choose-member-role"));
                }
                if let Some(role) = role {
                    done = Some(state.store.set_member_role(m.id, role).await);
                }
            }
            Action::StandDown => {
                let reason = errs.take("reason", text::required(&f.reason, 1000));
                let review_on = typed_date(
                    &mut errs,
                    "review_on",
                    (&f.review_day, &f.review_month, &f.review_year),
                    false,
                );
                // The dates are checked even when the reason is missing, so every
                // problem is reported at once.
                if let Some(on) = on {
                    let s = StandDown {
                        on,
                        reason: reason.clone().unwrap_or_default(),
                        review_on,
                    };
                    match rules::check_stand_down(&s, m.joined_on, today) {
                        Err((field, p)) => errs.add(format!("{field}-day"), p),
                        Ok(()) if errs.is_empty() && reason.is_some() => {
                            done = Some(state.store.stand_down(m.id, &s, by).await);
                        }
                        Ok(()) => {}
                    }
                }
            }
            Action::Reinstate => {
                let since = m.stood_down.map(|(d, _)| d).unwrap_or(m.joined_on);
                if let Some(on) = on {
                    match rules::check_reinstated(since, on, today) {
                        Ok(on) => done = Some(state.store.reinstate(m.id, on).await),
                        Err(p) => errs.add("on-day", p),
                    }
                }
            }
            Action::Leave => {
                if let Some(on) = on {
                    match rules::check_member_date(m.joined_on, on, today) {
                        Ok(on) => done = Some(state.store.leave_network(m.id, on).await),
                        Err(p) => errs.add("on-day", p),
                    }
                }
            }
        }
        let mut errors = worded(
            &tr,
            errs.0,
            &[
                Named::As("on-day", date_label),
                Named::As("review_on-day", "staff-review-date"),
                Named::As("inducted_by", "staff-inducted-by"),
                Named::As("reason", "staff-stand-down-reason"),
            ],
        );
        match done {
            Some(Ok(())) => {
                return Ok(Redirect::to(&format!("/memberships/{}", m.id)).into_response());
            }
            Some(Err(StoreError::Duplicate(_))) => errors.push(FieldError::worded(
                if action == Action::Sign {
                    "document_id"
                } else {
                    "on-day"
                },
                tr.t("staff-already-recorded"),
            )),
            Some(Err(e)) => return Err(e.into()),
            None => {}
        }
        let page = action_form(&state, &viewer, &m, action, &f, errors).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
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
