//! Adopting a new version of a network's charter or code of conduct, with its words,
//! and reading a version as adopted (`/documents/{id}`).

#[allow(unused_imports)]
use super::*;

/// The longest a document's words may be: 50,000 characters, a long code of conduct.
const DOCUMENT_LENGTH: usize = 50_000;

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
    #[serde(default)]
    body: String,
    #[serde(default)]
    easy_read: String,
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
        Part::Text(
            FormField::new("body", "staff-document-body", "text")
                .hint("staff-document-body-hint")
                .value(&f.body)
                .errors(&errors),
        ),
        Part::Text(
            FormField::new("easy_read", "staff-document-easy-read", "text")
                .hint("staff-document-easy-read-hint")
                .value(&f.easy_read)
                .errors(&errors),
        ),
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

pub(super) async fn new_document(
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

pub(super) async fn adopt_document(
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
        // A charter's words are the charter's own; a code of conduct's are typed.
        let body = if charter.is_some() && kind == Some(DocumentKind::Charter) {
            Some(String::new())
        } else {
            errs.take("body", text::required(&f.body, DOCUMENT_LENGTH))
        };
        let easy_read = errs
            .take(
                "easy_read",
                text::optional(Some(&f.easy_read), DOCUMENT_LENGTH),
            )
            .flatten();
        let adopted_on = typed_date(&mut errs, "adopted_on", (&f.day, &f.month, &f.year), true);
        if adopted_on.is_some_and(|d| d > crate::today(&state.ctx)) {
            errs.add("adopted_on-day", text::Problem::InFuture);
        }
        let mut errors = worded(
            &tr,
            errs.0,
            &[
                Named::As("title", "staff-document-title"),
                Named::As("version", "staff-document-version"),
                Named::As("adopted_on-day", "staff-date-adopted"),
                Named::As("body", "staff-document-body"),
                Named::As("easy_read", "staff-document-easy-read"),
            ],
        );
        if let (Some(kind), Some(title), Some(version), Some(adopted_on), Some(body), true) =
            (kind, title, version, adopted_on, body, errors.is_empty())
        {
            let fields = DocumentFields {
                kind,
                title,
                version,
                charter_id: charter.as_ref().map(|c| c.id),
                adopted_on,
                body,
                easy_read,
            };
            match coproduce_app::networks::adopt_document(
                &state.ctx,
                &viewer.actor(),
                n.id,
                &fields,
            )
            .await
            {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("/networks/{}#documents", n.id)).into_response()
                    );
                }
                Err(coproduce_app::AppError::Conflict(_)) => {
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
