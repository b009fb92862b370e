//! The venue register, as pages: the list, adding a venue and changing one. Forms are
//! checked by the API's own `VenueBody::check`.

#[allow(unused_imports)]
use super::*;
use crate::api::venues::VenueBody;
use coproduce_domain::activity::VenueFeature;
use coproduce_store::venues::Venue;

#[derive(Template)]
#[template(path = "venues.html")]
pub struct VenuesPage {
    chrome: Chrome,
    can_write: bool,
    /// Id, name, postcode, what it offers.
    venues: Vec<(i64, String, String, String)>,
    next: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<AfterQuery>,
) -> Response {
    let result = async {
        let page = state
            .store
            .venues(q.page(50), own_records(&viewer)?)
            .await?;
        Ok::<_, PageError>(VenuesPage {
            chrome: Chrome::new(&state, &viewer, "projects"),
            can_write: viewer.can(C::WriteWork),
            next: page.next_after.map(|a| format!("/venues?after={a}")),
            venues: page
                .items
                .into_iter()
                .map(|v| {
                    let offers = v
                        .features
                        .iter()
                        .map(|f| f.label())
                        .collect::<Vec<_>>()
                        .join(", ");
                    (v.id, v.name, v.postcode.unwrap_or_default(), offers)
                })
                .collect(),
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// What was typed into the venue form.
#[derive(Deserialize, Default)]
pub struct VenueForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    postcode: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    features: Vec<String>,
}

async fn venue_form(
    state: &AppState,
    viewer: &Viewer,
    f: &VenueForm,
    errors: Vec<FieldError>,
    editing: Option<i64>,
) -> Result<FormPage, PageError> {
    let errors = crate::pages::forms::on_lists(errors);
    let mut parts = Vec::new();
    parts
        .extend(super::super::organisation_part(state, viewer, &f.organisation_id, &errors).await?);
    parts.push(Part::Field(
        FormField::new("name", "staff-venue-name", "text")
            .value(&f.name)
            .errors(&errors),
    ));
    parts.push(Part::Text(
        FormField::new("address", "staff-address", "text")
            .value(&f.address)
            .errors(&errors),
    ));
    parts.push(Part::Field(
        FormField::new("postcode", "staff-postcode", "text")
            .autocomplete("postal-code")
            .value(&f.postcode)
            .errors(&errors),
    ));
    parts.push(Part::Checks(
        Checkboxes::of::<VenueFeature>(
            "features",
            "staff-what-the-venue-offers",
            &f.features,
            &errors,
        )
        .hint("staff-what-the-venue-offers-hint"),
    ));
    parts.push(Part::Text(
        FormField::new("notes", "staff-venue-notes", "text")
            .hint("staff-venue-notes-hint")
            .value(&f.notes)
            .errors(&errors),
    ));
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        errors,
        back: Some(("/venues".into(), "staff-venues".into())),
        caption: None,
        heading: if editing.is_some() {
            "staff-change-the-venue".into()
        } else {
            "staff-add-a-venue".into()
        },
        intro: vec![],
        action: match editing {
            Some(id) => format!("/venues/{id}"),
            None => "/venues".into(),
        },
        parts,
        button: if editing.is_some() {
            "staff-save-changes"
        } else {
            "staff-add-the-venue"
        },
    }
    .ordered())
}

pub(super) async fn new_venue(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = venue_form(&state, &viewer, &VenueForm::default(), vec![], None).await;
    show(&state, &viewer, result)
}

async fn visible_venue(state: &AppState, viewer: &Viewer, raw: &str) -> Result<Venue, PageError> {
    let v = state.store.venue(id_of(raw)?).await?;
    if viewer.sees(v.organisation_id) {
        Ok(v)
    } else {
        Err(PageError::NotFound)
    }
}

pub(super) async fn edit_venue(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let v = visible_venue(&state, &viewer, &raw).await?;
        let f = VenueForm {
            organisation_id: v.organisation_id.to_string(),
            name: v.name,
            address: v.address.unwrap_or_default(),
            postcode: v.postcode.unwrap_or_default(),
            notes: v.notes.unwrap_or_default(),
            features: v.features.iter().map(|f| f.slug().to_string()).collect(),
        };
        venue_form(&state, &viewer, &f, vec![], Some(v.id)).await
    }
    .await;
    show(&state, &viewer, result)
}

async fn save(
    state: &AppState,
    viewer: &Viewer,
    f: VenueForm,
    editing: Option<i64>,
) -> Result<Response, PageError> {
    if let Some(id) = editing {
        visible_venue(state, viewer, &id.to_string()).await?;
    }
    let body = VenueBody {
        organisation_id: super::super::chosen_organisation(viewer, &f.organisation_id),
        name: f.name.clone(),
        address: Some(f.address.clone()),
        postcode: Some(f.postcode.clone()),
        notes: Some(f.notes.clone()),
        features: f.features.clone(),
    };
    let actor = viewer.actor();
    let saved = match body.check() {
        Ok(fields) => match editing {
            Some(id) => coproduce_app::venues::update_venue(&state.ctx, &actor, id, &fields).await,
            None => coproduce_app::venues::create_venue(&state.ctx, &actor, &fields).await,
        }
        .map_err(crate::ApiError::from),
        Err(e) => Err(e),
    };
    match saved {
        Ok(_) => Ok(Redirect::to("/venues").into_response()),
        Err(e) => {
            let errors = worded(&viewer.tr, field_errors(e)?, NAMES);
            let page = venue_form(state, viewer, &f, errors, editing).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

pub(super) async fn create_venue(
    State(state): State<AppState>,
    viewer: Viewer,
    HtmlForm(f): HtmlForm<VenueForm>,
) -> Response {
    save(&state, &viewer, f, None)
        .await
        .unwrap_or_else(|e| e.respond(&state, &viewer))
}

pub(super) async fn update_venue(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<VenueForm>,
) -> Response {
    let result = async { save(&state, &viewer, f, Some(id_of(&raw)?)).await }.await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}
