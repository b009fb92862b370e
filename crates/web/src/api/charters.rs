//! `/api/v1/charters`: charter versions, their content, and who has signed them.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use coproduce_domain::Vocabulary;
use coproduce_domain::account::Capability as C;
use coproduce_domain::charter::{
    Charter, CharterDraft, CharterSettings, SectionDraft, SignatoryStatus,
};
use coproduce_domain::text::{FieldErrors, LONG, Problem as Why, SHORT};
use coproduce_domain::{templates, time};
use coproduce_store::charters::{CharterFields, CharterRecord, Signatory};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    ApiJson, ApiQuery, Id, ListOut, ListQuery, created, from_value, id_field, object_at, optional,
    required, vocab,
};
use crate::routes::Routes;
use crate::{ApiError, AppState};

pub fn routes(r: Routes) -> Routes {
    r.get("/api/v1/charters", C::ReadPublic, list)
        .post("/api/v1/charters", C::ManageCharters, create)
        .get("/api/v1/charters/{id}", C::ReadPublic, read)
        .put("/api/v1/charters/{id}", C::ManageCharters, update)
        .get(
            "/api/v1/charters/{id}/signatories",
            C::ReadPublic,
            signatories,
        )
        .post(
            "/api/v1/charters/{id}/signatories",
            C::ManageCharters,
            add_signatory,
        )
        .get("/api/v1/charter-templates", C::ReadPublic, template_list)
        .post(
            "/api/v1/charter-templates/{key}/adopt",
            C::ManageCharters,
            adopt_template,
        )
}

fn status_schema() -> utoipa::openapi::schema::Object {
    super::vocabulary_schema::<SignatoryStatus>()
}

/// A stored charter version, without its content.
#[derive(Debug, Serialize, ToSchema)]
pub struct CharterSummaryOut {
    pub id: i64,
    pub key: String,
    pub version: String,
    pub title: String,
    pub source: String,
    pub summary: Option<String>,
    pub settings: SettingsOut,
    #[schema(format = DateTime)]
    pub created_at: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsOut {
    /// Days within which people hear what happened to what they said.
    #[schema(minimum = 1, maximum = 365)]
    pub feedback_days: i64,
    /// How often, in months, the charter is reviewed at least.
    #[schema(minimum = 1, maximum = 36)]
    pub review_months: i64,
}

impl From<CharterRecord> for CharterSummaryOut {
    fn from(r: CharterRecord) -> Self {
        CharterSummaryOut {
            id: r.id,
            key: r.key,
            version: r.version,
            title: r.title,
            source: r.source,
            summary: r.summary,
            settings: SettingsOut {
                feedback_days: r.feedback_days,
                review_months: r.review_months,
            },
            created_at: time::machine(r.created_at),
        }
    }
}

/// A charter version with all its sections and commitments.
#[derive(Debug, Serialize, ToSchema)]
pub struct CharterOut {
    #[serde(flatten)]
    pub charter: CharterSummaryOut,
    pub sections: Vec<SectionDraft>,
}

/// The fields of a stored charter version that can change. Its text cannot: a new
/// text is a new version.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CharterUpdateBody {
    #[schema(schema_with = super::short_text)]
    pub title: String,
    #[schema(schema_with = super::optional_long_text)]
    pub summary: Option<String>,
    pub settings: SettingsOut,
}

impl CharterUpdateBody {
    pub(crate) fn check(&self) -> Result<CharterFields, ApiError> {
        let mut errs = FieldErrors::new();
        let title = required(&mut errs, "title", &self.title, SHORT);
        let summary = optional(&mut errs, "summary", self.summary.as_deref(), LONG);
        let mut setting = |field: &str, v: i64, max: i64| {
            if (1..=max).contains(&v) {
                Some(v as u16)
            } else {
                errs.add(
                    field,
                    Why::OutOfRange {
                        min: 1,
                        max,
                        given: v,
                    },
                );
                None
            }
        };
        let feedback_days = setting("settings.feedback_days", self.settings.feedback_days, 365);
        let review_months = setting("settings.review_months", self.settings.review_months, 36);
        let (Some(title), Some(summary), Some(feedback_days), Some(review_months)) =
            (title, summary, feedback_days, review_months)
        else {
            return Err(errs.into());
        };
        Ok(CharterFields {
            title,
            summary,
            settings: CharterSettings {
                feedback_days,
                review_months,
            },
        })
    }
}

/// An organisation invited to sign, or that has signed, a charter version.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignatoryOut {
    pub organisation_id: i64,
    pub organisation_name: String,
    #[schema(schema_with = status_schema)]
    pub status: &'static str,
    #[schema(format = Date)]
    pub invited_on: String,
    #[schema(format = Date)]
    pub signed_on: Option<String>,
}

impl From<Signatory> for SignatoryOut {
    fn from(s: Signatory) -> Self {
        SignatoryOut {
            organisation_id: s.organisation_id,
            organisation_name: s.organisation_name,
            status: s.status.slug(),
            invited_on: s.invited_on.to_string(),
            signed_on: s.signed_on.map(|d| d.to_string()),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatoryBody {
    #[schema(minimum = 1)]
    pub organisation_id: i64,
    #[schema(schema_with = status_schema)]
    pub status: String,
    /// Default: the day it was signed, or today. Not after today.
    #[schema(schema_with = super::optional_date_schema)]
    pub invited_on: Option<String>,
    /// Required when the status is `signed`, and only then. Not after today.
    #[schema(schema_with = super::optional_date_schema)]
    pub signed_on: Option<String>,
}

/// The schema of a built-in charter's key: one of their keys.
pub(crate) fn template_key_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{Object, SchemaType, Type};
    Object::builder()
        .schema_type(SchemaType::new(Type::String))
        .enum_values(Some(templates::all().into_iter().map(|c| c.key)))
        .build()
}

/// A built-in charter template.
#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateOut {
    pub key: String,
    pub title: String,
    pub source: String,
    pub sections: usize,
    pub commitments: usize,
}

/// List stored charter versions, a page at a time. Anyone may.
#[utoipa::path(get, path = "/api/v1/charters", tag = "charters",
    operation_id = "listCharters",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of charter versions, by id.", body = ListOut<CharterSummaryOut>),
        (status = 400, response = super::BadRequest),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn list(
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<ListOut<CharterSummaryOut>>, ApiError> {
    let page = q.page()?;
    let rows = s.store.charters(page).await?;
    Ok(Json(ListOut::from_page(
        rows,
        "/api/v1/charters",
        page.limit,
        Into::into,
    )))
}

/// Read a charter version with its sections and commitments. Anyone may.
#[utoipa::path(get, path = "/api/v1/charters/{id}", tag = "charters",
    operation_id = "getCharter",
    params(("id" = i64, Path, minimum = 1, description = "Charter version id")),
    responses(
        (status = 200, description = "The charter version.", body = CharterOut),
        (status = 404, response = super::NotFound),
    ))]
pub async fn read(State(s): State<AppState>, Id(id): Id) -> Result<Json<CharterOut>, ApiError> {
    let (record, charter) = s.store.charter(id).await?;
    Ok(Json(CharterOut {
        charter: record.into(),
        sections: charter.to_draft().sections,
    }))
}

/// Store a charter version, checked as a charter file is.
#[utoipa::path(post, path = "/api/v1/charters", tag = "charters",
    operation_id = "createCharter",
    security(("bearer" = [])),
    request_body = CharterDraft,
    responses(
        (status = 201, description = "Stored; `Location` is its address.", body = CharterSummaryOut,
            headers(("Location" = String, description = "The new charter version's address"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 409, description = "A charter with this key and version is already stored.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn create(
    State(s): State<AppState>,
    viewer: crate::auth::Viewer,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<Response, ApiError> {
    // Each part of a charter is an object, never an array of its fields.
    object_at(&body["settings"], "settings")?;
    if let Some(sections) = body["sections"].as_array() {
        for (i, section) in sections.iter().enumerate() {
            object_at(section, &format!("sections[{i}]"))?;
            if let Some(commitments) = section["commitments"].as_array() {
                for (j, c) in commitments.iter().enumerate() {
                    object_at(c, &format!("sections[{i}].commitments[{j}]"))?;
                }
            }
        }
    }
    let draft: CharterDraft = from_value(body)?;
    let charter = Charter::from_draft(&draft)?;
    let r = coproduce_app::charters::adopt(&s.ctx, &viewer.actor(), &charter).await?;
    Ok(created(
        format!("/api/v1/charters/{}", r.id),
        CharterSummaryOut::from(r),
    ))
}

/// Change a charter version's title, summary and settings. Its text cannot change: a
/// new text is a new version.
#[utoipa::path(put, path = "/api/v1/charters/{id}", tag = "charters",
    operation_id = "updateCharter",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Charter version id")),
    request_body = CharterUpdateBody,
    responses(
        (status = 200, description = "The charter version as changed.", body = CharterSummaryOut),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn update(
    State(s): State<AppState>,
    viewer: crate::auth::Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> Result<Json<CharterSummaryOut>, ApiError> {
    object_at(&body["settings"], "settings")?;
    let body: CharterUpdateBody = from_value(body)?;
    let fields = body.check()?;
    Ok(Json(
        coproduce_app::charters::update(&s.ctx, &viewer.actor(), id, &fields)
            .await?
            .into(),
    ))
}

/// List the organisations invited to sign, or that signed, a charter version. Anyone
/// may.
#[utoipa::path(get, path = "/api/v1/charters/{id}/signatories", tag = "charters",
    operation_id = "listCharterSignatories",
    params(("id" = i64, Path, minimum = 1, description = "Charter version id")),
    responses(
        (status = 200, description = "Every signatory of the charter version.", body = Vec<SignatoryOut>),
        (status = 404, response = super::NotFound),
    ))]
pub async fn signatories(
    State(s): State<AppState>,
    Id(id): Id,
) -> Result<Json<Vec<SignatoryOut>>, ApiError> {
    s.store.charter_record(id).await?;
    Ok(Json(
        s.store
            .signatories(id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// Record an organisation as invited to sign, having signed, or having declined a
/// charter version.
#[utoipa::path(post, path = "/api/v1/charters/{id}/signatories", tag = "charters",
    operation_id = "addCharterSignatory",
    security(("bearer" = [])),
    params(("id" = i64, Path, minimum = 1, description = "Charter version id")),
    request_body = SignatoryBody,
    responses(
        (status = 201, description = "Recorded; `Location` is the list of signatories.", body = SignatoryOut,
            headers(("Location" = String, description = "The charter version's signatories"))),
        (status = 400, response = super::BadRequest),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "The organisation is already on the charter's list of signatories.",
            body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, response = super::Unprocessable),
    ))]
pub async fn add_signatory(
    State(s): State<AppState>,
    viewer: crate::auth::Viewer,
    Id(id): Id,
    ApiJson(body): ApiJson<SignatoryBody>,
) -> Result<Response, ApiError> {
    s.store.charter_record(id).await?;
    let today = crate::today(&s.ctx);
    let mut errs = FieldErrors::new();
    let organisation_id = id_field(&mut errs, "organisation_id", body.organisation_id);
    let status = vocab::<SignatoryStatus>(&mut errs, "status", &body.status);
    let mut date = |field: &str, raw: &Option<String>| match raw.as_deref().map(str::trim) {
        None | Some("") => Some(None),
        Some(v) => match time::parse_date(v) {
            Ok(d) if d > today => {
                errs.add(field, Why::InFuture);
                None
            }
            other => errs.take(field, other).map(Some),
        },
    };
    let invited_on = date("invited_on", &body.invited_on);
    let signed_on = date("signed_on", &body.signed_on);
    if status == Some(SignatoryStatus::Signed) && signed_on == Some(None) {
        errs.add("signed_on", Why::NeedsSignedDate);
    }
    if status.is_some_and(|s| s != SignatoryStatus::Signed) && matches!(signed_on, Some(Some(_))) {
        errs.add("signed_on", Why::DateOnlyWhenSigned);
    }
    let (Some(organisation_id), Some(status), Some(invited_on), Some(signed_on)) =
        (organisation_id, status, invited_on, signed_on)
    else {
        return Err(errs.into());
    };
    errs.finish(|| ())?;
    let invited_on = invited_on.or(signed_on).unwrap_or(today);
    let sig = coproduce_app::charters::add_signatory(
        &s.ctx,
        &viewer.actor(),
        id,
        organisation_id,
        status,
        invited_on,
        signed_on,
    )
    .await?;
    Ok(created(
        format!("/api/v1/charters/{id}/signatories"),
        SignatoryOut::from(sig),
    ))
}

/// List the built-in charters. Anyone may.
#[utoipa::path(get, path = "/api/v1/charter-templates", tag = "charters",
    operation_id = "listCharterTemplates",
    responses((status = 200, description = "Every built-in charter.", body = Vec<TemplateOut>)))]
pub async fn template_list() -> Json<Vec<TemplateOut>> {
    Json(
        templates::all()
            .into_iter()
            .map(|c| TemplateOut {
                commitments: c.commitment_count(),
                sections: c.sections.len(),
                key: c.key,
                title: c.title,
                source: c.source,
            })
            .collect(),
    )
}

/// Store a built-in charter as a charter version.
#[utoipa::path(post, path = "/api/v1/charter-templates/{key}/adopt", tag = "charters",
    operation_id = "adoptCharterTemplate",
    security(("bearer" = [])),
    params(("key" = String, Path, description = "A built-in charter's key, from `listCharterTemplates`")),
    responses(
        (status = 201, description = "Stored; `Location` is its address.", body = CharterSummaryOut,
            headers(("Location" = String, description = "The new charter version's address"))),
        (status = 401, response = super::Unauthorised),
        (status = 403, response = super::Forbidden),
        (status = 404, response = super::NotFound),
        (status = 409, description = "This version of the built-in charter is already stored.",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ))]
pub async fn adopt_template(
    State(s): State<AppState>,
    viewer: crate::auth::Viewer,
    Path(key): Path<String>,
) -> Result<Response, ApiError> {
    let charter = templates::get(&key)
        .ok_or_else(|| ApiError::NotFound(crate::i18n::API.t1("api-no-template", "key", key)))?;
    let r = coproduce_app::charters::adopt(&s.ctx, &viewer.actor(), &charter).await?;
    Ok(created(
        format!("/api/v1/charters/{}", r.id),
        CharterSummaryOut::from(r),
    ))
}
