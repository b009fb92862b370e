//! "You said, we did" for staff: every input (or those overdue, or one's own), and
//! one input with its responses, whom they reached, what it led to, and publishing
//! it. Giving a response is `respond`, changing what was said `input_edit`, letters
//! and feedback given by hand `told`. Everything is done by the application's
//! operations.

#[allow(unused_imports)]
use super::*;

use coproduce_app::inputs::InputRecord;
use coproduce_domain::input;
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
    /// The feedback form the list is narrowed to: id and title.
    form: Option<(i64, String)>,
    rows: Vec<InputRow>,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct InputsQuery {
    #[serde(default)]
    show: String,
    #[serde(default)]
    after: String,
    /// Only the answers to one feedback form.
    #[serde(default)]
    form: String,
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
            form_id: q.form.trim().parse().ok(),
            ..Default::default()
        };
        let also = filter
            .form_id
            .map(|f| format!("&form={f}"))
            .unwrap_or_default();
        let page = PageRequest::new(q.after.parse().ok(), Some(50));
        let form = match filter.form_id {
            Some(f) => {
                let form = coproduce_app::said_forms::read(&state.ctx, &viewer.actor(), f).await?;
                Some((form.id, form.title))
            }
            None => None,
        };
        let rows = coproduce_app::inputs::list(&state.ctx, &viewer.actor(), page, filter).await?;
        Ok::<_, PageError>(InputsPage {
            chrome: Chrome::new(&state, &viewer, "inputs"),
            next: rows
                .next_after
                .map(|a| format!("/inputs?show={showing}{also}&after={a}")),
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
            form,
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
    /// When it was published, in words, and whether its words have changed since.
    published: Option<(String, bool)>,
    /// Why it could not be published.
    errors: Vec<FieldError>,
    /// Whether it can be published now: never yet, or changed since.
    can_publish: bool,
    can_write: bool,
    /// Whether the viewer may read about people: who said it, and who was told.
    reads_people: bool,
}

async fn input_page(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    errors: Vec<FieldError>,
) -> Result<InputPage, PageError> {
    let InputRecord {
        input,
        responses,
        told,
        led_to,
        names,
    } = coproduce_app::inputs::read(&state.ctx, &viewer.actor(), id).await?;
    let tr = &viewer.tr;
    let today = crate::today(&state.ctx);
    let latest = responses.last().map(|r| r.id);
    let published = coproduce_app::published::publication(&state.ctx, &viewer.actor(), id)
        .await?
        .map(|p| {
            let changed = p.said != input.said
                || Some(&p.response) != input.response.as_ref()
                || Some(p.status.as_str()) != input.response_status.as_deref()
                || p.will_do_by != input.will_do_by;
            (
                tr.date(coproduce_domain::time::london_date(p.published_at)),
                changed,
            )
        });
    Ok(InputPage {
        chrome: Chrome::new(state, viewer, "inputs"),
        came_from: (
            match (
                input.activity_id,
                input.opportunity_id,
                input.form_id,
                input.project_id,
            ) {
                (Some(a), ..) => format!("/activities/{a}"),
                (_, Some(o), ..) => format!("/opportunities/{o}"),
                (_, _, Some(f), _) => format!("/forms/{f}"),
                (.., Some(p)) => format!("/projects/{p}"),
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
                    .find(|n| n.0 == *p)
                    .map_or_else(|| tr.t("staff-erased"), |n| n.1.clone());
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
        can_publish: published.as_ref().is_none_or(|p| p.1),
        published,
        errors,
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
    let result = async { input_page(&state, &viewer, id_of(&raw)?, vec![]).await }.await;
    show(&state, &viewer, result)
}

/// Publishes an input on its organisation's public page; what holds it back is
/// shown on its page, naming what was said or the response.
pub(super) async fn publish(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let errors = match coproduce_app::published::publish(&state.ctx, &viewer.actor(), id).await
        {
            Ok(_) => return Ok(Redirect::to(&format!("/inputs/{id}#public")).into_response()),
            Err(coproduce_app::AppError::Conflict(why)) => {
                vec![FieldError::worded("publish", capitalised(&why))]
            }
            Err(e) => field_errors(crate::ApiError::from(e))?,
        };
        // Each problem links to the publishing buttons, where it is mended from.
        let errors = worded(
            &viewer.tr,
            errors,
            &[
                Named::As("said", "staff-what-people-said"),
                Named::As("response", "staff-the-answer"),
            ],
        )
        .into_iter()
        .map(|mut e| {
            e.field = "publish".into();
            e
        })
        .collect();
        let page = input_page(&state, &viewer, id, errors).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Takes an input off the public page, and goes back to it.
pub(super) async fn unpublish(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        match coproduce_app::published::unpublish(&state.ctx, &viewer.actor(), id).await {
            // Already off it (a second press): the page shows it is.
            Ok(()) | Err(coproduce_app::AppError::Conflict(_)) => {
                Ok::<_, PageError>(Redirect::to(&format!("/inputs/{id}#public")).into_response())
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
