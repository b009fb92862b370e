//! Payments for staff: the ledger by where entries stand, one entry with its
//! approval, the day it was paid and its reversal, working out an activity's
//! payments, and recording a person's choice for them. The rules are
//! `coproduce_app::payments`'.

#[allow(unused_imports)]
use super::*;
use coproduce_app::payments::{Payment, PaymentFilter, StoredChoice};
use coproduce_domain::money::{read_pounds, show_pounds};
use coproduce_domain::payment::{ChoiceDraft, MAX_LESS, PaymentChoice, PaymentStatus};

/// One entry, in words.
pub struct PaymentRow {
    id: i64,
    person_id: i64,
    person: String,
    what: String,
    amount: String,
    paid_as: String,
    status: String,
    status_colour: &'static str,
}

fn status_words(tr: &Tr, p: &Payment) -> (String, &'static str) {
    match p.status() {
        Some(s) => (
            tr.label(s),
            match s {
                PaymentStatus::Created => "yellow",
                PaymentStatus::Approved => "blue",
                PaymentStatus::Paid => "green",
            },
        ),
        None => (p.status.clone(), "grey"),
    }
}

fn row(tr: &Tr, p: Payment) -> PaymentRow {
    let (status, status_colour) = status_words(tr, &p);
    PaymentRow {
        id: p.id,
        person_id: p.person_id,
        what: match (&p.activity_title, p.reverses_id) {
            (_, Some(r)) => tr.t1("staff-payment-reverses", "id", r),
            (Some(t), None) => t.clone(),
            (None, None) => tr.t("staff-not-set"),
        },
        amount: show_pounds(p.amount_pence),
        paid_as: p.paid_as().map(|a| tr.label(a)).unwrap_or_default(),
        person: p.person_name,
        status,
        status_colour,
    }
}

#[derive(Template)]
#[template(path = "payments.html")]
pub struct PaymentsPage {
    chrome: Chrome,
    tabs: Vec<(&'static str, String, bool)>,
    rows: Vec<PaymentRow>,
    next: Option<String>,
    /// Whether the viewer may export for finance.
    exports: bool,
}

#[derive(Deserialize, Default)]
pub struct PaymentsQuery {
    #[serde(default)]
    show: String,
    #[serde(default)]
    after: String,
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<PaymentsQuery>,
) -> Response {
    let result = async {
        let status = PaymentStatus::parse(&q.show).ok();
        let showing = status.map(|s| s.slug()).unwrap_or("all");
        let page = PageRequest::new(q.after.parse().ok(), Some(50));
        let rows = coproduce_app::payments::list(
            &state.ctx,
            &viewer.actor(),
            page,
            PaymentFilter {
                status,
                ..PaymentFilter::default()
            },
        )
        .await?;
        let tr = viewer.tr;
        Ok::<_, PageError>(PaymentsPage {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            tabs: PaymentStatus::ALL
                .iter()
                .map(|s| (s.slug(), tr.label(*s), s.slug() == showing))
                .chain([("all", tr.t("staff-payments-all"), showing == "all")])
                .collect(),
            next: rows
                .next_after
                .map(|a| format!("/payments?show={showing}&after={a}")),
            rows: rows.items.into_iter().map(|p| row(&tr, p)).collect(),
            exports: viewer.can(C::ManageRecognition)
                && matches!(viewer.scope(None), Ok(Some(o)) if o > 0),
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Template)]
#[template(path = "payment.html")]
pub struct PaymentPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    p: Payment,
    row: PaymentRow,
    /// How it was worked out, in words.
    worked: Option<String>,
    created: String,
    approved: Option<String>,
    paid: Option<String>,
    may_approve: bool,
    may_mark_paid: bool,
    may_reverse: bool,
    paid_on: DateField,
    reason: FormField,
}

async fn payment_page(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    typed: (&PaidForm, &ReverseForm),
    errors: Vec<FieldError>,
) -> Result<PaymentPage, PageError> {
    let p = coproduce_app::payments::read(&state.ctx, &viewer.actor(), id).await?;
    let tr = &viewer.tr;
    let status = p.status();
    let mut paid_on = DateField::typed(
        "paid_on",
        "staff-payment-paid-on",
        "staff-for-example-14-3-2027",
        &typed.0.day,
        &typed.0.month,
        &typed.0.year,
    );
    paid_on.error = error_of(&errors, "paid_on-day");
    let reason = FormField::new("reason", "staff-payment-reason", "text")
        .hint("staff-payment-reason-hint")
        .value(&typed.1.reason)
        .errors(&errors);
    let worked = match (
        &p.basis,
        p.rate_pence,
        p.attended_minutes,
        p.scheduled_minutes,
    ) {
        (Some(b), Some(rate), Some(came), Some(lasted)) => Some(tr.t2(
            "staff-payment-worked",
            ("rate", format!("{} {}", show_pounds(rate), b)),
            (
                "minutes",
                tr.tn(
                    "staff-payment-minutes",
                    &[("came", came), ("lasted", lasted)],
                ),
            ),
        )),
        _ => None,
    };
    let when = |t: chrono::DateTime<chrono::Utc>, who: &Option<String>| {
        format!(
            "{} {}",
            tr.date(coproduce_domain::time::london_date(t)),
            who.clone().unwrap_or_default()
        )
        .trim()
        .to_string()
    };
    Ok(PaymentPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        created: when(p.created_at, &p.created_by_name),
        approved: p.approved_at.map(|t| when(t, &p.approved_by_name)),
        paid: p.paid_on.map(|d| tr.date(d)),
        may_approve: status == Some(PaymentStatus::Created)
            && viewer.can(C::ManageRecognition)
            && p.created_by != viewer.actor().account_id,
        may_mark_paid: status == Some(PaymentStatus::Approved) && viewer.can(C::ManageRecognition),
        may_reverse: p.reverses_id.is_none() && p.reversed_by.is_none(),
        row: row(tr, p.clone()),
        worked,
        paid_on,
        reason,
        errors,
        p,
    })
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        payment_page(
            &state,
            &viewer,
            id_of(&raw)?,
            (&PaidForm::default(), &ReverseForm::default()),
            vec![],
        )
        .await
    }
    .await;
    show(&state, &viewer, result)
}

/// After a step: back to the entry, or it again with the problem.
async fn after_step(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    done: Result<Payment, coproduce_app::AppError>,
    typed: (&PaidForm, &ReverseForm),
) -> Result<Response, PageError> {
    match done.map_err(crate::ApiError::from) {
        Ok(p) => Ok(Redirect::to(&format!("/payments/{}", p.id)).into_response()),
        Err(crate::ApiError::Conflict(why)) => {
            let page = payment_page(
                state,
                viewer,
                id,
                typed,
                vec![FieldError::worded("steps", why)],
            )
            .await?;
            Ok(render(StatusCode::CONFLICT, &page))
        }
        Err(e) => {
            let mut errors = field_errors(e)?;
            for e in errors.iter_mut().filter(|e| e.field == "paid_on") {
                e.field = "paid_on-day".into();
            }
            let errors = worded(
                &viewer.tr,
                errors,
                &[
                    Named::As("paid_on-day", "staff-payment-paid-on"),
                    Named::As("reason", "staff-payment-reason"),
                ],
            );
            let page = payment_page(state, viewer, id, typed, errors).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
    }
}

pub(super) async fn approve(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let done = coproduce_app::payments::approve(&state.ctx, &viewer.actor(), id).await;
        after_step(
            &state,
            &viewer,
            id,
            done,
            (&PaidForm::default(), &ReverseForm::default()),
        )
        .await
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct PaidForm {
    #[serde(rename = "paid_on-day", default)]
    day: String,
    #[serde(rename = "paid_on-month", default)]
    month: String,
    #[serde(rename = "paid_on-year", default)]
    year: String,
}

pub(super) async fn paid(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<PaidForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let mut errs = coproduce_domain::text::FieldErrors::new();
        let typed = crate::pages::forms::typed_date(
            &mut errs,
            "paid_on",
            (&f.day, &f.month, &f.year),
            true,
        );
        let done = match typed {
            Some(d) => {
                coproduce_app::payments::mark_paid(&state.ctx, &viewer.actor(), id, &d.to_string())
                    .await
            }
            None => Err(coproduce_app::AppError::Invalid(errs)),
        };
        after_step(&state, &viewer, id, done, (&f, &ReverseForm::default())).await
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct ReverseForm {
    #[serde(default)]
    reason: String,
}

pub(super) async fn reverse(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<ReverseForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let done =
            coproduce_app::payments::reverse(&state.ctx, &viewer.actor(), id, &f.reason).await;
        after_step(&state, &viewer, id, done, (&PaidForm::default(), &f)).await
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

#[derive(Template)]
#[template(path = "activity_payments.html")]
pub struct ActivityPaymentsPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    activity_id: i64,
    title: String,
    /// The tiers of the policy in force on its day; none when there is none.
    tier: Option<Select>,
    /// What the last run did, in words.
    worked: Vec<String>,
    rows: Vec<PaymentRow>,
}

async fn activity_page(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    chosen: &str,
    errors: Vec<FieldError>,
    worked: Vec<String>,
) -> Result<ActivityPaymentsPage, PageError> {
    let actor = viewer.actor();
    let (a, org) = coproduce_app::payments::activity(&state.ctx, &actor, id).await?;
    let tr = &viewer.tr;
    let day = coproduce_domain::time::london_date(a.starts_at);
    let policy = coproduce_app::recognition::in_force(&state.ctx, &actor, org, day).await?;
    let rows = coproduce_app::payments::list(
        &state.ctx,
        &actor,
        PageRequest::first(PageRequest::MAX_LIMIT),
        PaymentFilter {
            activity_id: Some(id),
            ..PaymentFilter::default()
        },
    )
    .await?
    .items
    .into_iter()
    .map(|p| row(tr, p))
    .collect();
    Ok(ActivityPaymentsPage {
        chrome: Chrome::new(state, viewer, "projects"),
        activity_id: id,
        title: a.title.clone(),
        tier: policy.map(|p| Select {
            id: "tier",
            label: "staff-payments-tier".into(),
            options: p
                .policy
                .tiers
                .iter()
                .map(|t| Choice {
                    value: t.key.clone(),
                    label: t.name.clone(),
                    hint: None,
                })
                .collect(),
            selected: chosen.to_string(),
            error: error_of(&errors, "tier"),
        }),
        errors,
        worked,
        rows,
    })
}

pub(super) async fn activity_payments(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result =
        async { activity_page(&state, &viewer, id_of(&raw)?, "", vec![], vec![]).await }.await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct WorkOutForm {
    #[serde(default)]
    tier: String,
}

pub(super) async fn work_out(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<WorkOutForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let tr = viewer.tr;
        match coproduce_app::payments::work_out(&state.ctx, &viewer.actor(), id, &f.tier)
            .await
            .map_err(crate::ApiError::from)
        {
            Ok(w) => {
                let mut said = vec![tr.tn("staff-payments-made", &[("n", w.created.len() as i64)])];
                for (key, names) in [
                    ("staff-payments-declined", &w.declined),
                    ("staff-payments-already", &w.already),
                    ("staff-payments-no-fee", &w.no_fee),
                ] {
                    if !names.is_empty() {
                        said.push(tr.t1(key, "names", names.join(", ")));
                    }
                }
                let page = activity_page(&state, &viewer, id, &f.tier, vec![], said).await?;
                Ok::<_, PageError>(render(StatusCode::OK, &page))
            }
            Err(crate::ApiError::Conflict(why)) => {
                let page = activity_page(
                    &state,
                    &viewer,
                    id,
                    &f.tier,
                    vec![FieldError::worded("tier", why)],
                    vec![],
                )
                .await?;
                Ok(render(StatusCode::CONFLICT, &page))
            }
            Err(e) => {
                let errors = worded(
                    &tr,
                    field_errors(e)?,
                    &[Named::As("tier", "staff-payments-tier")],
                );
                let page = activity_page(&state, &viewer, id, &f.tier, errors, vec![]).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

/// A person's choice as typed on a page: the amount in pounds.
#[derive(Deserialize, Default, Clone)]
pub struct ChoiceForm {
    #[serde(default)]
    pub choice: String,
    #[serde(rename = "amount_pence", default)]
    pub amount: String,
    #[serde(default)]
    pub charity: String,
}

impl ChoiceForm {
    /// The draft for the domain, with an amount that is not money named.
    pub fn draft(&self, errs: &mut coproduce_domain::text::FieldErrors) -> ChoiceDraft {
        let amount_pence = match self.amount.trim() {
            "" => None,
            typed => errs.take("amount_pence", read_pounds(typed, MAX_LESS)),
        };
        ChoiceDraft {
            choice: self.choice.clone(),
            amount_pence,
            charity: self.charity.clone(),
            chosen_on: String::new(),
        }
    }
}

/// A choice in the reader's words.
pub fn choice_words(tr: &Tr, c: &StoredChoice) -> String {
    let what = PaymentChoice::parse(&c.choice)
        .map(|v| tr.t(&format!("choice-{}", v.slug())))
        .unwrap_or_else(|_| c.choice.clone());
    let more = match (c.amount_pence, &c.charity) {
        (Some(a), _) => format!(": {}", show_pounds(a)),
        (_, Some(ch)) => format!(": {ch}"),
        _ => String::new(),
    };
    tr.t2(
        "choice-since",
        ("choice", format!("{what}{more}")),
        ("date", tr.date(c.chosen_on)),
    )
}

#[derive(Template)]
#[template(path = "person_recognition.html")]
pub struct PersonChoicePage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    person_id: i64,
    name: String,
    history: Vec<String>,
    choice: Radios,
    amount: FormField,
    charity: FormField,
}

async fn person_page(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    f: &ChoiceForm,
    errors: Vec<FieldError>,
) -> Result<PersonChoicePage, PageError> {
    let actor = viewer.actor();
    let history = coproduce_app::payments::choices(&state.ctx, &actor, id).await?;
    let name = coproduce_app::people::visible(&state.ctx, &actor, id)
        .await?
        .profile
        .name;
    let tr = &viewer.tr;
    Ok(PersonChoicePage {
        chrome: Chrome::new(state, viewer, "people"),
        person_id: id,
        name,
        history: history.iter().map(|c| choice_words(tr, c)).collect(),
        choice: Radios {
            id: "choice",
            legend: "staff-choice-legend",
            hint: None,
            options: PaymentChoice::ALL
                .iter()
                .map(|c| Choice {
                    value: c.slug().into(),
                    label: tr.t(&format!("choice-{}", c.slug())),
                    hint: None,
                })
                .collect(),
            selected: f.choice.clone(),
            error: error_of(&errors, "choice"),
        },
        amount: FormField::new("amount_pence", "choice-amount", "text")
            .hint("choice-amount-hint")
            .value(&f.amount)
            .errors(&errors),
        charity: FormField::new("charity", "choice-charity-name", "text")
            .value(&f.charity)
            .errors(&errors),
        errors,
    })
}

pub(super) async fn person_choice(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        person_page(
            &state,
            &viewer,
            id_of(&raw)?,
            &ChoiceForm::default(),
            vec![],
        )
        .await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn save_person_choice(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<ChoiceForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let mut errs = coproduce_domain::text::FieldErrors::new();
        let draft = f.draft(&mut errs);
        let done = if errs.0.is_empty() {
            coproduce_app::payments::record_choice(&state.ctx, &viewer.actor(), id, &draft)
                .await
                .map_err(crate::ApiError::from)
        } else {
            Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
                errs,
            )))
        };
        match done {
            Ok(_) => Ok(Redirect::to(&format!("/people/{id}/recognition")).into_response()),
            Err(e) => {
                let errors = worded(
                    &viewer.tr,
                    field_errors(e)?,
                    &[
                        Named::Always("choice", "choice-choose-one"),
                        Named::As("amount_pence", "choice-amount"),
                        Named::As("charity", "choice-charity-name"),
                    ],
                );
                let page = person_page(&state, &viewer, id, &f, errors).await?;
                Ok::<_, PageError>(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    format: String,
    #[serde(flatten)]
    period: crate::pages::dashboard::PeriodForm,
}

#[derive(Template)]
#[template(path = "payments_export.html")]
pub struct ExportPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    organisation_id: i64,
    from: DateField,
    to: DateField,
}

/// The columns of an export, in the order a finance team loads them.
const EXPORT_COLUMNS: [&str; 16] = [
    "payment_id",
    "person_id",
    "person",
    "activity",
    "activity_date",
    "tier",
    "basis",
    "rate_gbp",
    "minutes",
    "amount_gbp",
    "paid_as",
    "charity",
    "status",
    "approved_on",
    "paid_on",
    "reverses_payment_id",
];

fn export_row(p: &Payment) -> [String; 16] {
    let pounds = |pence: i64| format!("{}.{:02}", pence / 100, (pence % 100).abs());
    let amount = if p.amount_pence < 0 && p.amount_pence > -100 {
        format!("-{}", pounds(p.amount_pence))
    } else {
        pounds(p.amount_pence)
    };
    [
        p.id.to_string(),
        p.person_id.to_string(),
        p.person_name.clone(),
        p.activity_title.clone().unwrap_or_default(),
        p.activity_starts_at
            .map(|t| coproduce_domain::time::london_date(t).to_string())
            .unwrap_or_default(),
        p.tier.clone().unwrap_or_default(),
        p.basis.clone().unwrap_or_default(),
        p.rate_pence.map(pounds).unwrap_or_default(),
        p.attended_minutes
            .map(|m| m.to_string())
            .unwrap_or_default(),
        amount,
        p.paid_as.clone(),
        p.charity.clone().unwrap_or_default(),
        p.status.clone(),
        p.approved_at
            .map(|t| coproduce_domain::time::london_date(t).to_string())
            .unwrap_or_default(),
        p.paid_on.map(|d| d.to_string()).unwrap_or_default(),
        p.reverses_id.map(|r| r.to_string()).unwrap_or_default(),
    ]
}

fn export_file(rows: &[Payment], format: &str) -> Result<(String, Vec<u8>), PageError> {
    let fault = |e: String| PageError::Internal(e);
    if format == "xlsx" {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, name) in EXPORT_COLUMNS.iter().enumerate() {
            sheet
                .write_string(0, c as u16, *name)
                .map_err(|e| fault(e.to_string()))?;
        }
        for (r, p) in rows.iter().enumerate() {
            for (c, v) in export_row(p).iter().enumerate() {
                sheet
                    .write_string(r as u32 + 1, c as u16, v)
                    .map_err(|e| fault(e.to_string()))?;
            }
        }
        let bytes = book.save_to_buffer().map_err(|e| fault(e.to_string()))?;
        return Ok((
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".into(),
            bytes,
        ));
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(EXPORT_COLUMNS)
        .map_err(|e| fault(e.to_string()))?;
    for p in rows {
        out.write_record(export_row(p))
            .map_err(|e| fault(e.to_string()))?;
    }
    let bytes = out.into_inner().map_err(|e| fault(e.to_string()))?;
    Ok(("text/csv; charset=utf-8".into(), bytes))
}

/// The form for an export, or the file: approved and paid payments of the
/// organisation for the days asked, as CSV or XLSX. Bank details are never in it:
/// Coproduce holds none.
pub(super) async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<ExportQuery>,
) -> Response {
    let result = async {
        let org = match viewer.scope(q.organisation_id.trim().parse().ok()) {
            Ok(Some(o)) if o > 0 => o,
            _ => return Err(PageError::NotFound),
        };
        let (period, from, to, errs) = q.period.read(&viewer.tr, crate::today(&state.ctx));
        let page = |errors: Vec<FieldError>, from: DateField, to: DateField| ExportPage {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            errors,
            organisation_id: org,
            from,
            to,
        };
        // The form, filled in with the twelve months to today unless other days were
        // asked for; or the period asked for, with what is wrong with it.
        let Some((start, end)) = period.filter(|_| !q.format.is_empty()) else {
            let status = if errs.0.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let errors = errs
                .0
                .into_iter()
                .map(|mut e| {
                    e.field = format!("{}-day", e.field);
                    e
                })
                .collect();
            return Ok(render(status, &page(errors, from, to)));
        };
        let rows = coproduce_app::payments::export(&state.ctx, &viewer.actor(), org, start, end)
            .await
            .map_err(|e| match crate::ApiError::from(e) {
                crate::ApiError::NotFound(_) => PageError::NotFound,
                other => PageError::Internal(other.reference()),
            })?;
        let format = if q.format == "xlsx" { "xlsx" } else { "csv" };
        let (kind, bytes) = export_file(&rows, format)?;
        Ok::<_, PageError>(
            (
                StatusCode::OK,
                [
                    (axum::http::header::CONTENT_TYPE, kind),
                    (
                        axum::http::header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"payments-{org}-{start}-{end}.{format}\""),
                    ),
                ],
                bytes,
            )
                .into_response(),
        )
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}
