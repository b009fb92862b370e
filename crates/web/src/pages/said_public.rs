//! The public "You said, we did" of an organisation, or of one of its projects
//! (`/you-said-we-did/{id}?project=ID`), in English, Polish and Easy Read, with an
//! Atom feed (`…/feed.atom`) and a CSV (`…/you-said-we-did.csv`) of the same items.
//! Only what staff approved is shown, as it was approved, and no one's name: the
//! rules are `coproduce_app::published`'.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use coproduce_app::published::PublicPage;
use coproduce_domain::Vocabulary;
use coproduce_domain::input::ResponseStatus;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::pages::{Chrome, PageError, id_of, show};

pub fn routes(r: crate::routes::Routes) -> crate::routes::Routes {
    use coproduce_domain::account::Capability as C;
    r.get("/you-said-we-did/{id}", C::ReadPublic, page)
        .get("/you-said-we-did/{id}/feed.atom", C::ReadPublic, feed)
        .get(
            "/you-said-we-did/{id}/you-said-we-did.csv",
            C::ReadPublic,
            csv,
        )
}

#[derive(Deserialize, Default)]
pub struct ProjectQuery {
    #[serde(default)]
    project: String,
}

impl ProjectQuery {
    /// The project asked for: none when left out; anything but an id is not found.
    fn project(&self) -> Result<Option<i64>, PageError> {
        match self.project.trim() {
            "" => Ok(None),
            p => id_of(p).map(Some),
        }
    }

    /// The query string to keep on the page's other addresses.
    fn kept(&self, page: &PublicPage) -> String {
        page.project
            .as_ref()
            .map(|(id, _)| format!("?project={id}"))
            .unwrap_or_default()
    }
}

/// One item as the public reads it.
pub struct Item {
    /// The input's id: the item's anchor, which the feed links to.
    id: i64,
    said: String,
    status: String,
    colour: &'static str,
    response: String,
    by: Option<String>,
    project: Option<String>,
    received: String,
    published: String,
    /// What it led to: title and when, in words.
    led_to: Vec<(String, String)>,
}

fn status_words(tr: &Tr, slug: &str) -> (String, &'static str) {
    match ResponseStatus::parse(slug) {
        Ok(s) => (
            tr.label(s),
            match s {
                ResponseStatus::Done => "green",
                ResponseStatus::WillDo => "blue",
                ResponseStatus::CannotDo => "orange",
                ResponseStatus::BeingConsidered => "yellow",
            },
        ),
        Err(_) => (slug.to_string(), "grey"),
    }
}

fn items(tr: &Tr, page: &PublicPage) -> Vec<Item> {
    page.items
        .iter()
        .map(|(i, led)| {
            let (status, colour) = status_words(tr, &i.status);
            Item {
                id: i.input_id,
                said: i.said.clone(),
                status,
                colour,
                response: i.response.clone(),
                by: i
                    .will_do_by
                    .map(|d| tr.t1("me-said-will-do-by", "date", tr.date(d))),
                project: i.project_title.clone(),
                received: tr.date(i.received_on),
                published: tr.date(coproduce_domain::time::london_date(i.published_at)),
                led_to: led
                    .iter()
                    .map(|l| (l.title.clone(), tr.date(l.happened_on)))
                    .collect(),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "said_public.html")]
struct SaidPage {
    chrome: Chrome,
    organisation_id: i64,
    organisation: String,
    project: Option<(i64, String)>,
    items: Vec<Item>,
    /// `?project=ID` when narrowed to a project, for the feed and the CSV.
    kept: String,
}

/// The page an address names: of the organisation, or of the project asked for.
async fn load(state: &AppState, raw: &str, q: &ProjectQuery) -> Result<PublicPage, PageError> {
    Ok(coproduce_app::published::public_page(&state.ctx, id_of(raw)?, q.project()?).await?)
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(q): Query<ProjectQuery>,
) -> Response {
    let result = async {
        let p = load(&state, &raw, &q).await?;
        Ok::<_, PageError>(SaidPage {
            chrome: Chrome::participant(&state, &viewer, "inputs"),
            items: items(&viewer.tr, &p),
            kept: q.kept(&p),
            organisation_id: p.organisation_id,
            organisation: p.organisation,
            project: p.project,
        })
    }
    .await;
    show(&state, &viewer, result)
}

/// The same items as an Atom feed, newest first, each entry's content the words
/// as approved.
pub(super) async fn feed(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(q): Query<ProjectQuery>,
) -> Response {
    let result = async {
        let p = load(&state, &raw, &q).await?;
        let tr = crate::i18n::API;
        let base = &state.ctx.settings.public_url;
        let address = format!("{base}/you-said-we-did/{}{}", p.organisation_id, q.kept(&p));
        let title = match &p.project {
            Some((_, t)) => format!("You said, we did: {} ({t})", p.organisation),
            None => format!("You said, we did: {}", p.organisation),
        };
        let updated = p
            .items
            .iter()
            .map(|(i, _)| i.published_at)
            .max()
            .unwrap_or_else(|| state.ctx.now());
        let entries = p
            .items
            .iter()
            .map(|(i, led)| {
                let (status, _) = status_words(&tr, &i.status);
                let mut content = format!("You said: {}\n\n{status}: {}", i.said, i.response);
                if let Some(d) = i.will_do_by {
                    content.push_str(&format!("\n\nBy {}", tr.date(d)));
                }
                for l in led {
                    content.push_str(&format!(
                        "\n\nIt led to: {} ({})",
                        l.title,
                        tr.date(l.happened_on)
                    ));
                }
                atom_syndication::Entry {
                    title: atom_syndication::Text::plain(
                        i.said.chars().take(120).collect::<String>(),
                    ),
                    id: format!(
                        "{base}/you-said-we-did/{}#input-{}",
                        p.organisation_id, i.input_id
                    ),
                    updated: i.published_at.fixed_offset(),
                    published: Some(i.published_at.fixed_offset()),
                    links: vec![atom_syndication::Link {
                        href: format!("{address}#input-{}", i.input_id),
                        rel: "alternate".into(),
                        ..Default::default()
                    }],
                    content: Some(atom_syndication::Content {
                        value: Some(content),
                        content_type: Some("text".into()),
                        ..Default::default()
                    }),
                    ..Default::default()
                }
            })
            .collect();
        let feed = atom_syndication::Feed {
            title: atom_syndication::Text::plain(title),
            id: address.clone(),
            updated: updated.fixed_offset(),
            authors: vec![atom_syndication::Person {
                name: p.organisation.clone(),
                ..Default::default()
            }],
            links: vec![
                atom_syndication::Link {
                    href: address.clone(),
                    rel: "alternate".into(),
                    ..Default::default()
                },
                atom_syndication::Link {
                    href: format!(
                        "{base}/you-said-we-did/{}/feed.atom{}",
                        p.organisation_id,
                        q.kept(&p)
                    ),
                    rel: "self".into(),
                    ..Default::default()
                },
            ],
            entries,
            ..Default::default()
        };
        Ok::<_, PageError>(
            (
                [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
                feed.to_string(),
            )
                .into_response(),
        )
    }
    .await;
    result.unwrap_or_else(|e| e.respond(&state, &viewer))
}

/// The same items as a CSV: one row each, newest first, with a header row.
pub(super) async fn csv(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(q): Query<ProjectQuery>,
) -> Response {
    let result = async {
        let p = load(&state, &raw, &q).await?;
        let mut out = csv::Writer::from_writer(Vec::new());
        let header = [
            "received_on",
            "project",
            "you_said",
            "status",
            "we_did",
            "will_do_by",
            "led_to",
            "published_on",
        ];
        let write = |out: &mut csv::Writer<Vec<u8>>, row: &[String]| {
            out.write_record(row)
                .map_err(|e| PageError::Internal(e.to_string()))
        };
        write(&mut out, &header.map(String::from))?;
        for (i, led) in &p.items {
            write(
                &mut out,
                &[
                    i.received_on.to_string(),
                    i.project_title.clone().unwrap_or_default(),
                    i.said.clone(),
                    i.status.clone(),
                    i.response.clone(),
                    i.will_do_by.map(|d| d.to_string()).unwrap_or_default(),
                    led.iter()
                        .map(|l| format!("{} ({})", l.title, l.happened_on))
                        .collect::<Vec<_>>()
                        .join("; "),
                    coproduce_domain::time::london_date(i.published_at).to_string(),
                ],
            )?;
        }
        let bytes = out
            .into_inner()
            .map_err(|e| PageError::Internal(e.to_string()))?;
        Ok::<_, PageError>(
            (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!(
                            "attachment; filename=\"you-said-we-did-{}.csv\"",
                            p.organisation_id
                        ),
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
