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
    ApiJson, ApiQuery, Id, ListOut, ListQuery, created, id_field, optional, required, vocab,
};
use crate::error::Problem;
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
    pub created_at: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsOut {
    pub feedback_days: i64,
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
    pub title: String,
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
    pub invited_on: String,
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
    pub organisation_id: i64,
    #[schema(schema_with = status_schema)]
    pub status: String,
    /// Default: today.
    pub invited_on: Option<String>,
    /// Required when the status is `signed`.
    pub signed_on: Option<String>,
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

#[utoipa::path(get, path = "/api/v1/charters", tag = "charters", params(ListQuery),
    responses((status = 200, body = ListOut<CharterSummaryOut>), (status = 422, body = Problem)))]
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

#[utoipa::path(get, path = "/api/v1/charters/{id}", tag = "charters", params(("id" = i64, Path)),
    responses((status = 200, body = CharterOut), (status = 404, body = Problem)))]
pub async fn read(State(s): State<AppState>, Id(id): Id) -> Result<Json<CharterOut>, ApiError> {
    let (record, charter) = s.store.charter(id).await?;
    Ok(Json(CharterOut {
        charter: record.into(),
        sections: charter.to_draft().sections,
    }))
}

#[utoipa::path(post, path = "/api/v1/charters", tag = "charters", request_body = CharterDraft,
    responses((status = 201, body = CharterSummaryOut), (status = 400, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(s): State<AppState>,
    ApiJson(draft): ApiJson<CharterDraft>,
) -> Result<Response, ApiError> {
    let charter = Charter::from_draft(&draft)?;
    let r = s.store.import_charter(&charter).await?;
    Ok(created(
        format!("/api/v1/charters/{}", r.id),
        CharterSummaryOut::from(r),
    ))
}

#[utoipa::path(put, path = "/api/v1/charters/{id}", tag = "charters", params(("id" = i64, Path)), request_body = CharterUpdateBody,
    responses((status = 200, body = CharterSummaryOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(s): State<AppState>,
    Id(id): Id,
    ApiJson(body): ApiJson<CharterUpdateBody>,
) -> Result<Json<CharterSummaryOut>, ApiError> {
    let fields = body.check()?;
    Ok(Json(s.store.update_charter(id, &fields).await?.into()))
}

#[utoipa::path(get, path = "/api/v1/charters/{id}/signatories", tag = "charters", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<SignatoryOut>), (status = 404, body = Problem)))]
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

#[utoipa::path(post, path = "/api/v1/charters/{id}/signatories", tag = "charters", params(("id" = i64, Path)), request_body = SignatoryBody,
    responses((status = 201, body = SignatoryOut), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add_signatory(
    State(s): State<AppState>,
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
    let sig = s
        .store
        .add_signatory(id, organisation_id, status, invited_on, signed_on)
        .await?;
    Ok(created(
        format!("/api/v1/charters/{id}/signatories"),
        SignatoryOut::from(sig),
    ))
}

#[utoipa::path(get, path = "/api/v1/charter-templates", tag = "charters",
    responses((status = 200, body = Vec<TemplateOut>)))]
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

#[utoipa::path(post, path = "/api/v1/charter-templates/{key}/adopt", tag = "charters", params(("key" = String, Path)),
    responses((status = 201, body = CharterSummaryOut), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn adopt_template(
    State(s): State<AppState>,
    Path(key): Path<String>,
) -> Result<Response, ApiError> {
    let charter = templates::get(&key)
        .ok_or_else(|| ApiError::NotFound(crate::i18n::API.t1("api-no-template", "key", key)))?;
    let r = s.store.import_charter(&charter).await?;
    Ok(created(
        format!("/api/v1/charters/{}", r.id),
        CharterSummaryOut::from(r),
    ))
}
