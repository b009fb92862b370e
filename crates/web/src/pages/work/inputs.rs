//! "You said, we did" for staff: every input (or those overdue, or one's own), one
//! input with its responses and whom they reached, giving a response, changing what
//! was said, printing a letter and recording it posted. The forms become the API's
//! bodies, and everything is done by the application's operations.

#[allow(unused_imports)]
use super::*;

use coproduce_app::inputs::InputRecord;
use coproduce_domain::input::{self, Response as GivenWords};
use coproduce_store::inputs::{Input, InputFilter};

/// The staff words of a response status.
fn status_words(tr: &Tr, status: Option<ResponseStatus>) -> (&'static str, String) {
    match status {
        Some(ResponseStatus::Done) => ("green", tr.t("staff-status-done")),
        Some(ResponseStatus::WillDo) => ("blue", tr.t("staff-status-will-do")),
        Some(ResponseStatus::CannotDo) => ("orange", tr.t("staff-status-cannot-do")),
        Some(ResponseStatus::BeingConsidered) => ("yellow", tr.t("staff-status-being-considered")),
        None => ("grey", tr.t("staff-no-answer-yet")),
    }
}

/// One input in a list.
pub struct InputRow {
    id: i64,
    said: String,
    came_from: String,
    status: (&'static str, String),
    due: String,
    overdue: bool,
    fed_back: Option<String>,
    owner: Option<String>,
}

fn row(tr: &Tr, i: Input, today: chrono::NaiveDate) -> InputRow {
    InputRow {
        overdue: input::overdue(i.due_on, i.fed_back_on, today),
        status: status_words(tr, i.status()),
        due: tr.date(i.due_on),
        fed_back: i.fed_back_on.map(|d| tr.date(d)),
        id: i.id,
        said: i.said,
        came_from: i.came_from,
        owner: i.owner_name,
    }
}

#[derive(Template)]
#[template(path = "inputs.html")]
pub struct InputsPage {
    chrome: Chrome,
    /// The choice of which inputs: key, words' key, and whether it is the one shown.
    tabs: Vec<(&'static str, &'static str, bool)>,
    overdue_shown: bool,
    rows: Vec<InputRow>,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct InputsQuery {
    #[serde(default)]
    show: String,
    #[serde(default)]
    after: String,
}

pub(super) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<InputsQuery>,
) -> Response {
    let result = async {
        let today = crate::today(&state.ctx);
        let showing = match q.show.as_str() {
            "overdue" => "overdue",
            "mine" => "mine",
            _ => "all",
        };
        let filter = InputFilter {
            overdue_on: (showing == "overdue").then_some(today),
            owner_account_id: if showing == "mine" {
                Some(viewer.actor().account_id.unwrap_or(0))
            } else {
                None
            },
            ..Default::default()
        };
        let page = PageRequest::new(q.after.parse().ok(), Some(50));
        let rows = coproduce_app::inputs::list(&state.ctx, &viewer.actor(), page, filter).await?;
        Ok::<_, PageError>(InputsPage {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            next: rows
                .next_after
                .map(|a| format!("/inputs?show={showing}&after={a}")),
            rows: rows
                .items
                .into_iter()
                .map(|i| row(&viewer.tr, i, today))
                .collect(),
            tabs: [
                ("all", "staff-inputs-all"),
                ("overdue", "staff-inputs-overdue"),
                ("mine", "staff-inputs-mine"),
            ]
            .into_iter()
            .map(|(k, w)| (k, w, k == showing))
            .collect(),
            overdue_shown: showing == "overdue",
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// One response in an input's history.
pub struct HistoryRow {
    /// When and by whom, in words.
    given: String,
    status: (&'static str, String),
    words: String,
    will_do_by: Option<String>,
    sent: bool,
}

/// One person a response was to reach.
pub struct ToldRow {
    id: i64,
    person_id: i64,
    name: String,
    /// The way, in words.
    how: String,
    /// The day it reached them, in words.
    on: Option<String>,
    /// A letter to post or a call to make, still waiting.
    waiting: bool,
    held_back: bool,
    letter: bool,
}

#[derive(Template)]
#[template(path = "input.html")]
pub struct InputPage {
    chrome: Chrome,
    input: Input,
    /// Where it came from: address and title.
    came_from: (String, String),
    received: String,
    /// Named people: id and name.
    said_by: Vec<(i64, String)>,
    due: String,
    overdue: bool,
    fed_back: Option<String>,
    status: (&'static str, String),
    will_do_by: Option<String>,
    history: Vec<HistoryRow>,
    told: Vec<ToldRow>,
    /// The outcomes it led to: id, title, and when, in words.
    led_to: Vec<(i64, String, String)>,
    can_write: bool,
    /// Whether the viewer may read about people: who said it, and who was told.
    reads_people: bool,
}

async fn input_page(state: &AppState, viewer: &Viewer, id: i64) -> Result<InputPage, PageError> {
    let InputRecord {
        input,
        responses,
        told,
        led_to,
    } = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id).await?;
    let tr = &viewer.tr;
    let today = crate::today(&state.ctx);
    let names = state.store.invitees(&input.said_by, today).await?;
    let latest = responses.last().map(|r| r.id);
    Ok(InputPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        came_from: (
            match (input.activity_id, input.opportunity_id, input.project_id) {
                (Some(a), _, _) => format!("/activities/{a}"),
                (_, Some(o), _) => format!("/opportunities/{o}"),
                (_, _, Some(p)) => format!("/projects/{p}"),
                _ => "/inputs".into(),
            },
            input.came_from.clone(),
        ),
        received: tr.date(input.received_on),
        said_by: input
            .said_by
            .iter()
            .map(|p| {
                let name = names
                    .iter()
                    .find(|n| n.id == *p)
                    .map_or_else(|| tr.t("staff-erased"), |n| n.name.clone());
                (*p, name)
            })
            .collect(),
        due: tr.date(input.due_on),
        overdue: input::overdue(input.due_on, input.fed_back_on, today),
        fed_back: input.fed_back_on.map(|d| tr.date(d)),
        status: status_words(tr, input.status()),
        will_do_by: input.will_do_by.map(|d| tr.date(d)),
        history: responses
            .into_iter()
            .rev()
            .map(|r| HistoryRow {
                given: match &r.given_by_name {
                    Some(name) => tr.t2(
                        "staff-given-on-by",
                        ("date", tr.date(r.given_on)),
                        ("name", name),
                    ),
                    None => tr.t1("staff-given-on", "date", tr.date(r.given_on)),
                },
                status: status_words(tr, r.status()),
                will_do_by: r.will_do_by.map(|d| tr.date(d)),
                sent: r.told,
                words: r.response,
            })
            .collect(),
        told: told
            .into_iter()
            .filter(|t| Some(t.response_id) == latest)
            .map(|t| ToldRow {
                how: tr.t(match t.reach.as_str() {
                    "email" => "staff-told-by-email",
                    "letter" => "staff-told-by-letter",
                    "phone" => "staff-told-by-phone",
                    _ => "staff-held-back",
                }),
                on: t.told_on.map(|d| tr.date(d)),
                waiting: t.told_on.is_none() && matches!(t.reach.as_str(), "letter" | "phone"),
                held_back: t.reach == "held-back",
                letter: t.reach != "held-back",
                id: t.id,
                person_id: t.person_id,
                name: t.person_name,
            })
            .collect(),
        led_to: led_to
            .into_iter()
            .map(|o| (o.outcome_id, o.title, tr.date(o.happened_on)))
            .collect(),
        can_write: viewer.can(C::WriteWork),
        reads_people: viewer.can(C::ReadPeople),
        input,
    })
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async { input_page(&state, &viewer, id_of(&raw)?).await }.await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct RespondForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    response: String,
    #[serde(default)]
    owner_account_id: String,
    #[serde(rename = "will_do_by-day", default)]
    day: String,
    #[serde(rename = "will_do_by-month", default)]
    month: String,
    #[serde(rename = "will_do_by-year", default)]
    year: String,
}

/// The names of the response form's fields in its error messages.
const RESPOND_NAMES: &[Named] = &[
    Named::Always("status", "staff-choose-the-response-status"),
    Named::As("response", "staff-the-answer"),
    Named::Always("owner_account_id", "staff-choose-who-answers"),
    Named::As("will_do_by", "staff-will-do-by"),
    Named::As("will_do_by-day", "staff-will-do-by"),
];

/// The staff of an organisation to choose an owner from.
async fn owners(state: &AppState, organisation_id: i64) -> Result<Vec<Choice>, PageError> {
    Ok(state
        .store
        .staff_choices(Some(organisation_id))
        .await?
        .into_iter()
        .map(|(id, name, _)| Choice {
            value: id.to_string(),
            label: name,
            hint: None,
        })
        .collect())
}

async fn respond_form(
    state: &AppState,
    viewer: &Viewer,
    input: &Input,
    f: &RespondForm,
    errors: Vec<FieldError>,
) -> Result<FormPage, PageError> {
    let mut by = DateField::typed(
        "will_do_by",
        "staff-will-do-by",
        "staff-will-do-by-hint",
        &f.day,
        &f.month,
        &f.year,
    );
    by.error = error_of(&errors, "will_do_by-day").or_else(|| error_of(&errors, "will_do_by"));
    Ok(FormPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        back: Some((
            format!("/inputs/{}", input.id),
            "staff-back-to-what-was-said".into(),
        )),
        caption: Some(input.said.chars().take(80).collect()),
        heading: "staff-give-a-response".into(),
        intro: vec![viewer.tr.t("staff-give-a-response-intro")],
        action: format!("/inputs/{}/respond", input.id),
        parts: vec![
            Part::Choose(Radios::of::<ResponseStatus>(
                "status",
                "staff-what-is-the-answer",
                &f.status,
                &errors,
                |s| match s {
                    ResponseStatus::WillDo => Some(viewer.tr.t("staff-status-will-do-hint")),
                    ResponseStatus::CannotDo => Some(viewer.tr.t("staff-status-cannot-do-hint")),
                    _ => None,
                },
            )),
            Part::Text(
                FormField::new("response", "staff-the-answer", "text")
                    .hint("staff-write-it-so-the-people-who")
                    .value(&f.response)
                    .errors(&errors),
            ),
            Part::Date(by),
            Part::Pick(Select {
                id: "owner_account_id",
                label: "staff-who-answers-for-it".into(),
                options: owners(state, input.organisation_id).await?,
                selected: f.owner_account_id.clone(),
                error: error_of(&errors, "owner_account_id"),
            }),
        ],
        errors,
        button: "staff-give-the-response",
    }
    .ordered())
}

pub(super) async fn respond_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let r = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        let i = &r.input;
        let mut f = RespondForm {
            status: i.response_status.clone().unwrap_or_default(),
            response: i.response.clone().unwrap_or_default(),
            owner_account_id: i
                .owner_account_id
                .or(viewer.actor().account_id)
                .map(|o| o.to_string())
                .unwrap_or_default(),
            ..Default::default()
        };
        if let Some(d) = i.will_do_by {
            let mut shown = DateField::typed("", "", "", "", "", "");
            shown.show(d);
            (f.day, f.month, f.year) = (shown.day, shown.month, shown.year);
        }
        respond_form(&state, &viewer, i, &f, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn respond(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<RespondForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let r = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id).await?;
        let mut errs = coproduce_domain::text::FieldErrors::new();
        let will_do_by = crate::pages::forms::typed_date(
            &mut errs,
            "will_do_by",
            (&f.day, &f.month, &f.year),
            false,
        );
        let status = if f.status.trim().is_empty() {
            None
        } else {
            errs.take("status", ResponseStatus::read_exact(&f.status))
        };
        let given = if errs.0.is_empty() {
            coproduce_app::inputs::respond(
                &state.ctx,
                &viewer.actor(),
                id,
                &GivenWords {
                    status,
                    text: &f.response,
                    owner: f.owner_account_id.trim().parse().ok(),
                    will_do_by,
                },
            )
            .await
            .map(|_| ())
            .map_err(crate::ApiError::from)
        } else {
            Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
                errs,
            )))
        };
        match given {
            Ok(()) => Ok(Redirect::to(&format!("/inputs/{id}#told")).into_response()),
            Err(e) => {
                let errors = worded(&viewer.tr, field_errors(e)?, RESPOND_NAMES);
                let page = respond_form(&state, &viewer, &r.input, &f, errors).await?;
                Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct SaidForm {
    #[serde(default)]
    said: String,
    #[serde(default)]
    themes: String,
    #[serde(default)]
    anonymous_count: String,
    #[serde(rename = "received_on-day", default)]
    received_day: String,
    #[serde(rename = "received_on-month", default)]
    received_month: String,
    #[serde(rename = "received_on-year", default)]
    received_year: String,
    #[serde(rename = "due_on-day", default)]
    due_day: String,
    #[serde(rename = "due_on-month", default)]
    due_month: String,
    #[serde(rename = "due_on-year", default)]
    due_year: String,
}

const SAID_NAMES: &[Named] = &[
    Named::As("said", "staff-what-people-said"),
    Named::As("themes", "staff-themes"),
    Named::As("anonymous_count", "staff-anonymous-count"),
    Named::As("received_on-day", "staff-the-date-said"),
    Named::As("received_on", "staff-the-date-said"),
    Named::As("due_on-day", "staff-due-by"),
    Named::As("due_on", "staff-due-by"),
];

fn said_form(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    f: &SaidForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let mut received = DateField::typed(
        "received_on",
        "staff-when-did-people-say-it",
        "staff-for-example-14-3-2027",
        &f.received_day,
        &f.received_month,
        &f.received_year,
    );
    received.error =
        error_of(&errors, "received_on-day").or_else(|| error_of(&errors, "received_on"));
    let mut due = DateField::typed(
        "due_on",
        "staff-due-by",
        "staff-due-by-hint",
        &f.due_day,
        &f.due_month,
        &f.due_year,
    );
    due.error = error_of(&errors, "due_on-day").or_else(|| error_of(&errors, "due_on"));
    FormPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        back: Some((
            format!("/inputs/{id}"),
            "staff-back-to-what-was-said".into(),
        )),
        caption: Some("staff-you-said-we-did".into()),
        heading: "staff-change-what-was-said".into(),
        intro: vec![],
        action: format!("/inputs/{id}"),
        parts: vec![
            Part::Text(
                FormField::new("said", "staff-what-people-said", "text")
                    .value(&f.said)
                    .errors(&errors),
            ),
            Part::Date(received),
            Part::Field(
                FormField::new("themes", "staff-themes", "text")
                    .hint("staff-themes-hint")
                    .value(&f.themes)
                    .errors(&errors),
            ),
            Part::Field(
                FormField::new("anonymous_count", "staff-anonymous-count", "text")
                    .hint("staff-anonymous-count-hint")
                    .value(&f.anonymous_count)
                    .errors(&errors)
                    .numeric_code(),
            ),
            Part::Date(due),
        ],
        errors,
        button: "staff-save-changes",
    }
    .ordered()
}

pub(super) async fn edit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let r = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id_of(&raw)?).await?;
        let i = r.input;
        let mut d = DateField::typed("", "", "", "", "", "");
        d.show(i.received_on);
        let (received_day, received_month, received_year) =
            (d.day.clone(), d.month.clone(), d.year.clone());
        d.show(i.due_on);
        let f = SaidForm {
            said: i.said.clone(),
            themes: i.themes.join(", "),
            anonymous_count: i.anonymous_count.to_string(),
            received_day,
            received_month,
            received_year,
            due_day: d.day,
            due_month: d.month,
            due_year: d.year,
        };
        Ok::<_, PageError>(said_form(&state, &viewer, i.id, &f, vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<SaidForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let current = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id)
            .await?
            .input;
        let mut errs = coproduce_domain::text::FieldErrors::new();
        let received = crate::pages::forms::typed_date(
            &mut errs,
            "received_on",
            (&f.received_day, &f.received_month, &f.received_year),
            true,
        );
        let due = crate::pages::forms::typed_date(
            &mut errs,
            "due_on",
            (&f.due_day, &f.due_month, &f.due_year),
            true,
        );
        let anonymous = if f.anonymous_count.trim().is_empty() {
            Some(0)
        } else {
            match f.anonymous_count.trim().parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errs.add(
                        "anonymous_count",
                        coproduce_domain::text::Problem::NotWholeNumber {
                            min: 0,
                            max: input::MAX_ANONYMOUS,
                        },
                    );
                    None
                }
            }
        };
        let body = crate::api::inputs::InputBody {
            project_id: current.project_id,
            activity_id: current.activity_id,
            opportunity_id: current.opportunity_id,
            said: f.said.clone(),
            received_on: received.unwrap_or(current.received_on).to_string(),
            said_by: Some(current.said_by.clone()),
            anonymous_count: anonymous,
            themes: Some(vec![f.themes.clone()]),
            owner_account_id: None,
            due_on: due.map(|d| d.to_string()),
        };
        let saved = match body.check() {
            Ok(fields) if errs.0.is_empty() => {
                coproduce_app::inputs::change(&state.ctx, &viewer.actor(), id, &fields)
                    .await
                    .map(|_| ())
                    .map_err(crate::ApiError::from)
            }
            Ok(_) => Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
                errs,
            ))),
            Err(e) => {
                let mut all = errs;
                for e in field_errors(e)? {
                    if !all.0.iter().any(|x| x.field.starts_with(&e.field)) {
                        all.0.push(e);
                    }
                }
                Err(crate::ApiError::from(coproduce_app::AppError::Invalid(all)))
            }
        };
        match saved {
            Ok(()) => Ok(Redirect::to(&format!("/inputs/{id}")).into_response()),
            Err(e) => {
                let errors = worded(&viewer.tr, field_errors(e)?, SAID_NAMES);
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &said_form(&state, &viewer, id, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// The letter telling one person of a response, to print or read out.
pub(super) async fn letter(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, told)): Path<(String, String)>,
) -> Response {
    let result = async {
        let (id, told) = (id_of(&raw)?, id_of(&told)?);
        let printed = coproduce_app::inputs::letter(&state.ctx, &viewer.actor(), id, told).await?;
        Ok::<_, PageError>(super::invitations::LetterPage {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            back: (format!("/inputs/{id}"), "staff-back-to-what-was-said"),
            caption: viewer.tr.t("staff-you-said-we-did"),
            how: "staff-input-letter-how",
            lines: printed.letter.body.lines().map(str::to_string).collect(),
            points: printed.large_print.unwrap_or(12),
            lang: printed.letter.words.lang.code(),
            printed,
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// Records a letter posted or a call made today, and goes back to the input.
pub(super) async fn told_done(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, told)): Path<(String, String)>,
) -> Response {
    let result = async {
        let (id, told) = (id_of(&raw)?, id_of(&told)?);
        match coproduce_app::inputs::mark_told(&state.ctx, &viewer.actor(), id, told).await {
            // Already recorded (a second press): the page shows it as done.
            Ok(_) | Err(coproduce_app::AppError::Conflict(_)) => {
                Ok::<_, PageError>(Redirect::to(&format!("/inputs/{id}#told")).into_response())
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct FedBackForm {
    #[serde(rename = "fed_back_on-day", default)]
    day: String,
    #[serde(rename = "fed_back_on-month", default)]
    month: String,
    #[serde(rename = "fed_back_on-year", default)]
    year: String,
}

fn fed_back_form(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    f: &FedBackForm,
    errors: Vec<FieldError>,
) -> FormPage {
    let mut on = DateField::typed(
        "fed_back_on",
        "staff-when-was-it-fed-back",
        "staff-fed-back-by-hand-hint",
        &f.day,
        &f.month,
        &f.year,
    );
    on.error = error_of(&errors, "fed_back_on-day").or_else(|| error_of(&errors, "fed_back_on"));
    FormPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        back: Some((
            format!("/inputs/{id}"),
            "staff-back-to-what-was-said".into(),
        )),
        caption: Some("staff-you-said-we-did".into()),
        heading: "staff-record-feedback-by-hand".into(),
        intro: vec![viewer.tr.t("staff-record-feedback-by-hand-intro")],
        action: format!("/inputs/{id}/fed-back"),
        parts: vec![Part::Date(on)],
        errors,
        button: "staff-save-changes",
    }
    .ordered()
}

pub(super) async fn fed_back_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id).await?;
        Ok::<_, PageError>(fed_back_form(
            &state,
            &viewer,
            id,
            &FedBackForm::default(),
            vec![],
        ))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn fed_back(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<FedBackForm>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id).await?;
        let mut errs = coproduce_domain::text::FieldErrors::new();
        let on = crate::pages::forms::typed_date(
            &mut errs,
            "fed_back_on",
            (&f.day, &f.month, &f.year),
            true,
        );
        let saved = match on {
            Some(on) => coproduce_app::inputs::record_fed_back(&state.ctx, &viewer.actor(), id, on)
                .await
                .map(|_| ())
                .map_err(crate::ApiError::from),
            None => Err(crate::ApiError::from(coproduce_app::AppError::Invalid(
                errs,
            ))),
        };
        match saved {
            Ok(()) => Ok(Redirect::to(&format!("/inputs/{id}")).into_response()),
            Err(e) => {
                let names = [
                    Named::As("fed_back_on", "staff-the-date-fed-back"),
                    Named::As("fed_back_on-day", "staff-the-date-fed-back"),
                ];
                let errors = worded(&viewer.tr, field_errors(e)?, &names);
                Ok(render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &fed_back_form(&state, &viewer, id, &f, errors),
                ))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
