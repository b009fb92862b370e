//! Writing an opportunity and changing it: the form, turned into the same draft the
//! API checks.

#[allow(unused_imports)]
use super::*;

/// The opportunity form, as typed.
#[derive(Deserialize, Default)]
pub struct OpportunityForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    expected: String,
    #[serde(default)]
    involved: String,
    #[serde(default)]
    time_asked: String,
    #[serde(default)]
    recognition: String,
    #[serde(default)]
    recognition_detail: String,
    #[serde(default)]
    access_support: String,
    #[serde(default)]
    rung: String,
    #[serde(default, rename = "closes_on-day")]
    closes_day: String,
    #[serde(default, rename = "closes_on-month")]
    closes_month: String,
    #[serde(default, rename = "closes_on-year")]
    closes_year: String,
    #[serde(default)]
    places: String,
    #[serde(default)]
    who_may_apply: String,
    #[serde(default)]
    network_id: String,
    #[serde(default)]
    easy_read: String,
}

async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    f: &OpportunityForm,
    errors: Vec<FieldError>,
    editing: Option<&Opportunity>,
) -> Result<FormPage, PageError> {
    let mut parts = Vec::new();
    parts
        .extend(crate::pages::organisation_part(state, viewer, &f.organisation_id, &errors).await?);
    let text = |id: &'static str, label: &'static str, hint: Option<&'static str>, value: &str| {
        let mut field = FormField::new(id, label, "text")
            .value(value)
            .errors(&errors);
        if let Some(h) = hint {
            field = field.hint(h);
        }
        field
    };
    parts.push(Part::Field(text(
        "title",
        "staff-opportunity-title",
        Some("staff-opportunity-title-hint"),
        &f.title,
    )));
    parts.push(Part::Heading("staff-opportunity-the-role"));
    parts.push(Part::Text(text(
        "expected",
        "staff-opportunity-expected",
        Some("staff-opportunity-expected-hint"),
        &f.expected,
    )));
    parts.push(Part::Text(text(
        "involved",
        "staff-opportunity-involved",
        Some("staff-opportunity-involved-hint"),
        &f.involved,
    )));
    parts.push(Part::Field(text(
        "time_asked",
        "staff-opportunity-time",
        Some("staff-opportunity-time-hint"),
        &f.time_asked,
    )));
    parts.push(Part::Choose(Radios::of::<Recognition>(
        "recognition",
        "staff-opportunity-recognition",
        &f.recognition,
        &errors,
        |_| None,
    )));
    parts.push(Part::Text(text(
        "recognition_detail",
        "staff-opportunity-recognition-detail",
        Some("staff-opportunity-recognition-detail-hint"),
        &f.recognition_detail,
    )));
    parts.push(Part::Text(text(
        "access_support",
        "staff-opportunity-access-support",
        Some("staff-opportunity-access-support-hint"),
        &f.access_support,
    )));
    parts.push(Part::Pick(Select {
        id: "rung",
        label: "staff-opportunity-rung".into(),
        options: crate::pages::forms::after_none(
            viewer.tr.t("staff-not-set"),
            Rung::ALL
                .iter()
                .map(|r| Choice {
                    value: r.slug().into(),
                    label: r.label().into(),
                    hint: None,
                })
                .collect(),
        ),
        selected: f.rung.clone(),
        error: error_of(&errors, "rung"),
    }));
    parts.push(Part::Heading("staff-opportunity-who-and-when"));
    let mut closes = DateField::typed(
        "closes_on",
        "staff-opportunity-closes",
        "staff-opportunity-closes-hint",
        &f.closes_day,
        &f.closes_month,
        &f.closes_year,
    );
    closes.error = error_of(&errors, "closes_on-day");
    parts.push(Part::Date(closes));
    let mut places = text(
        "places",
        "staff-opportunity-places",
        Some("staff-opportunity-places-hint"),
        &f.places,
    );
    places.width = Some("nhsuk-input--width-4");
    places.inputmode = "numeric";
    parts.push(Part::Field(places));
    parts.push(Part::Choose(Radios::of::<WhoMayApply>(
        "who_may_apply",
        "staff-opportunity-who-may-apply",
        &f.who_may_apply,
        &errors,
        |_| None,
    )));
    let organisation = editing.map(|o| o.organisation_id).or_else(|| {
        viewer
            .account()
            .filter(|a| !a.role.sees_every_organisation())
            .and_then(|a| a.organisation_id)
    });
    let within = organisation.map_or(Within::All, Within::Parent);
    let networks = state
        .store
        .networks(PageRequest::first(PageRequest::MAX_LIMIT), within)
        .await?;
    parts.push(Part::Pick(Select {
        id: "network_id",
        label: "staff-opportunity-network".into(),
        options: crate::pages::forms::after_none(
            viewer.tr.t("staff-opportunity-no-network"),
            networks
                .items
                .into_iter()
                .map(|n| Choice {
                    value: n.id.to_string(),
                    label: n.name,
                    hint: None,
                })
                .collect(),
        ),
        selected: f.network_id.clone(),
        error: error_of(&errors, "network_id"),
    }));
    parts.push(Part::Text(text(
        "easy_read",
        "staff-opportunity-easy-read",
        Some("staff-opportunity-easy-read-hint"),
        &f.easy_read,
    )));
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "opportunities"),
        errors,
        back: Some(match editing {
            Some(o) => (
                format!("/opportunities/{}", o.id),
                "staff-back-to-the-opportunity".into(),
            ),
            None => ("/opportunities".into(), "staff-opportunities".into()),
        }),
        caption: None,
        heading: if editing.is_some() {
            "staff-change-the-opportunity".into()
        } else {
            "staff-offer-an-opportunity".into()
        },
        intro: vec!["staff-opportunity-form-intro".into()],
        action: match editing {
            Some(o) => format!("/opportunities/{}", o.id),
            None => "/opportunities".into(),
        },
        parts,
        button: if editing.is_some() {
            "staff-save-changes"
        } else {
            "staff-save-the-draft"
        },
    }
    .ordered())
}

pub(super) async fn new_page(State(state): State<AppState>, viewer: Viewer) -> Response {
    let result = form_page(&state, &viewer, &OpportunityForm::default(), vec![], None).await;
    show(&state, &viewer, result)
}

/// The draft a form describes. A closing date that is not a date is sent as typed,
/// for the check to name.
fn draft_of(f: &OpportunityForm, project_id: Option<i64>) -> OpportunityDraft {
    let closes_on = match coproduce_domain::time::date_from_parts(
        &f.closes_day,
        &f.closes_month,
        &f.closes_year,
    ) {
        Ok(Some(d)) => d.to_string(),
        Ok(None) => String::new(),
        Err(_) => format!(
            "{}-{}-{}",
            f.closes_year.trim(),
            f.closes_month.trim(),
            f.closes_day.trim()
        ),
    };
    OpportunityDraft {
        title: f.title.clone(),
        expected: f.expected.clone(),
        involved: f.involved.clone(),
        time_asked: f.time_asked.clone(),
        recognition: f.recognition.clone(),
        recognition_detail: f.recognition_detail.clone(),
        access_support: f.access_support.clone(),
        rung: f.rung.clone(),
        closes_on,
        places: f.places.clone(),
        who_may_apply: f.who_may_apply.clone(),
        // A choice that is not a number cannot come from the page: it names none.
        network_id: f.network_id.trim().parse().ok(),
        project_id,
        easy_read: f.easy_read.clone(),
    }
}

async fn save(
    state: &AppState,
    viewer: &Viewer,
    f: OpportunityForm,
    editing: Option<Opportunity>,
) -> Result<Response, PageError> {
    let actor = viewer.actor();
    let draft = draft_of(&f, editing.as_ref().and_then(|o| o.project_id));
    let saved = match &editing {
        Some(o) => coproduce_app::opportunities::update(&state.ctx, &actor, o.id, &draft).await,
        None => {
            let org = crate::pages::chosen_organisation(viewer, &f.organisation_id);
            coproduce_app::opportunities::create(&state.ctx, &actor, org, &draft).await
        }
    };
    match saved {
        Ok(o) => Ok(Redirect::to(&format!("/opportunities/{}", o.id)).into_response()),
        Err(coproduce_app::AppError::Conflict(why)) => Err(PageError::Conflict(why)),
        Err(e) => {
            let mut errors = field_errors(e)?;
            for e in errors.iter_mut().filter(|e| e.field == "closes_on") {
                e.field = "closes_on-day".into();
            }
            let errors = worded(&viewer.tr, errors, NAMES);
            let page = form_page(state, viewer, &f, errors, editing.as_ref()).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

pub(super) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(f): Form<OpportunityForm>,
) -> Response {
    save(&state, &viewer, f, None)
        .await
        .unwrap_or_else(|e| e.respond(&state, &viewer))
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<OpportunityForm>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        save(&state, &viewer, f, Some(o)).await
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

pub(super) async fn edit_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let o = visible(&state, &viewer, &raw).await?;
        let f = OpportunityForm {
            organisation_id: o.organisation_id.to_string(),
            title: o.title.clone(),
            expected: o.expected.clone(),
            involved: o.involved.clone(),
            time_asked: o.time_asked.clone(),
            recognition: o.recognition.slug().into(),
            recognition_detail: o.recognition_detail.clone().unwrap_or_default(),
            access_support: o.access_support.clone(),
            rung: o.rung.slug().into(),
            closes_day: chrono::Datelike::day(&o.closes_on).to_string(),
            closes_month: chrono::Datelike::month(&o.closes_on).to_string(),
            closes_year: chrono::Datelike::year(&o.closes_on).to_string(),
            places: o.places.to_string(),
            who_may_apply: o.who_may_apply.slug().into(),
            network_id: o.network_id.map(|n| n.to_string()).unwrap_or_default(),
            easy_read: o.easy_read.clone().unwrap_or_default(),
        };
        form_page(&state, &viewer, &f, vec![], Some(&o)).await
    }
    .await;
    show(&state, &viewer, result)
}
