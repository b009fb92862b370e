//! An activity's papers: the list with when each was sent, adding one (a file whose
//! type is read from its content), taking one off before it is sent, sending them
//! to everyone coming, and downloading one. The rules are
//! `coproduce_app::papers`'.

#[allow(unused_imports)]
use super::*;
use axum::extract::Multipart;
use axum::http::header;
use coproduce_domain::papers::{MAX_BYTES, PaperFormat, kinds_in_words};
use coproduce_store::papers::Paper;

/// One paper, in words.
pub struct PaperRow {
    id: i64,
    title: String,
    format: &'static str,
    file: String,
    sent: Option<String>,
}

/// Bytes in words: "840 KB", "2.4 MB".
pub(crate) fn size_words(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

fn row(p: Paper) -> PaperRow {
    PaperRow {
        id: p.id,
        file: format!("{}, {}", p.file_name, size_words(p.size_bytes)),
        title: p.title,
        format: p.format.label(),
        sent: p.sent_at.map(time::show),
    }
}

#[derive(Template)]
#[template(path = "papers.html")]
pub(super) struct PapersPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    activity: coproduce_store::activities::Activity,
    rows: Vec<PaperRow>,
    can_write: bool,
    /// What happened when the papers were sent, in words.
    sent: Vec<String>,
}

async fn papers_view(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    errors: Vec<FieldError>,
    sent: Vec<String>,
) -> Result<PapersPage, PageError> {
    let activity = state.store.activity(id).await?;
    visible_project(state, viewer, activity.project_id).await?;
    let rows = coproduce_app::papers::list(&state.ctx, &viewer.actor(), id)
        .await?
        .into_iter()
        .map(row)
        .collect();
    Ok(PapersPage {
        chrome: Chrome::new(state, viewer, "projects"),
        errors,
        activity,
        rows,
        can_write: viewer.can(C::WriteWork),
        sent,
    })
}

pub(super) async fn papers_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async { papers_view(&state, &viewer, id_of(&raw)?, vec![], vec![]).await }.await;
    show(&state, &viewer, result)
}

#[derive(Template)]
#[template(path = "paper_new.html")]
pub(super) struct NewPaperPage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    activity: coproduce_store::activities::Activity,
    title: FormField,
    format: Radios,
    /// The kinds of file a paper may be, and the largest, in words.
    kinds: String,
    max_mb: usize,
    file_error: Option<String>,
}

fn new_paper_page(
    state: &AppState,
    viewer: &Viewer,
    activity: coproduce_store::activities::Activity,
    title: &str,
    format: &str,
    errors: Vec<FieldError>,
) -> NewPaperPage {
    NewPaperPage {
        chrome: Chrome::new(state, viewer, "projects"),
        title: FormField::new("title", "staff-paper-title", "text")
            .hint("staff-paper-title-hint")
            .value(title)
            .errors(&errors),
        format: Radios::of::<PaperFormat>("format", "staff-paper-format", format, &errors, |_| {
            None
        }),
        kinds: kinds_in_words(),
        max_mb: MAX_BYTES / (1024 * 1024),
        file_error: error_of(&errors, "file"),
        errors,
        activity,
    }
}

pub(super) async fn new_paper(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        Ok::<_, PageError>(new_paper_page(&state, &viewer, a, "", "standard", vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

/// Reads the upload and adds the paper; every problem comes back on the form, with
/// the title and format kept (a browser cannot keep a chosen file).
pub(super) async fn add_paper(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    mut form: Multipart,
) -> Response {
    let result = async {
        let a = state.store.activity(id_of(&raw)?).await?;
        visible_project(&state, &viewer, a.project_id).await?;
        let tr = viewer.tr;
        let upload = read_upload(&mut form).await;
        let (title, format, file) = (upload.text("title"), upload.text("format"), upload.file);
        let mut errors = upload.errors;
        let chosen = PaperFormat::parse(&format).ok();
        if chosen.is_none() {
            errors.push(FieldError::worded(
                "format",
                tr.t("staff-choose-a-paper-format"),
            ));
        }
        if file.is_none() && errors.iter().all(|e| e.field != "file") {
            errors.push(FieldError::worded(
                "file",
                tr.t("staff-choose-a-paper-file"),
            ));
        }
        if let (Some(format), Some((name, bytes)), true) = (chosen, &file, errors.is_empty()) {
            match coproduce_app::papers::add(
                &state.ctx,
                &viewer.actor(),
                a.id,
                &title,
                format,
                name,
                bytes,
            )
            .await
            {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("/activities/{}/papers", a.id)).into_response()
                    );
                }
                Err(coproduce_app::AppError::Invalid(e)) => errors.extend(e.0),
                Err(coproduce_app::AppError::Conflict(why)) => {
                    errors.push(FieldError::worded("file", why))
                }
                Err(e) => return Err(e.into()),
            }
        } else if title.trim().is_empty() {
            errors.push(FieldError::new(
                "title",
                coproduce_domain::text::Problem::Empty,
            ));
        }
        let errors = worded(
            &tr,
            errors,
            &[
                Named::As("title", "staff-paper-title"),
                Named::As("file", "staff-paper-file"),
            ],
        );
        let page = new_paper_page(&state, &viewer, a, &title, &format, errors);
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// A paper of the activity in the address, as a download.
pub(super) async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, paper)): Path<(String, String)>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let (p, bytes) =
            coproduce_app::papers::content(&state.ctx, &viewer.actor(), id_of(&paper)?).await?;
        if p.activity_id != id {
            return Err(PageError::NotFound);
        }
        Ok(file_response(&p, bytes))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// What a form sent with a file: its text fields, the file (its name and bytes; none
/// when none was chosen), and the file's problem if it was too large to read.
pub(crate) struct Upload {
    texts: Vec<(String, String)>,
    pub(crate) file: Option<(String, Vec<u8>)>,
    pub(crate) errors: Vec<FieldError>,
}

impl Upload {
    pub(crate) fn text(&self, name: &str) -> String {
        self.texts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Reads a form sent as `multipart/form-data`, its file in the field `file`.
pub(crate) async fn read_upload(form: &mut Multipart) -> Upload {
    let mut upload = Upload {
        texts: Vec::new(),
        file: None,
        errors: Vec::new(),
    };
    let too_large = || {
        FieldError::new(
            "file",
            coproduce_domain::text::Problem::FileTooLarge(MAX_BYTES / (1024 * 1024)),
        )
    };
    loop {
        match form.next_field().await {
            Ok(Some(field)) => match field.name().map(str::to_string) {
                Some(name) if name == "file" => {
                    let file_name = field.file_name().unwrap_or("").to_string();
                    match field.bytes().await {
                        Ok(b) if !b.is_empty() => upload.file = Some((file_name, b.to_vec())),
                        Ok(_) => {}
                        Err(_) => upload.errors.push(too_large()),
                    }
                }
                Some(name) => {
                    let value = field.text().await.unwrap_or_default();
                    upload.texts.push((name, value));
                }
                None => {}
            },
            Ok(None) => break,
            Err(_) => {
                upload.errors.push(too_large());
                break;
            }
        }
    }
    upload
}

/// A paper's bytes as a download with its own name and type.
pub(crate) fn file_response(p: &Paper, bytes: Vec<u8>) -> Response {
    download_response(&p.file_name, &p.media_type, bytes)
}

/// A file's bytes as a download with its own name and type.
pub(crate) fn download_response(file_name: &str, media_type: &str, bytes: Vec<u8>) -> Response {
    let name: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, media_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub(super) async fn remove_paper(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, paper)): Path<(String, String)>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let paper_id = id_of(&paper)?;
        if state.store.paper(paper_id).await?.activity_id != id {
            return Err(PageError::NotFound);
        }
        match coproduce_app::papers::remove(&state.ctx, &viewer.actor(), paper_id).await {
            Ok(_) => Ok(Redirect::to(&format!("/activities/{id}/papers")).into_response()),
            Err(coproduce_app::AppError::Conflict(why)) => {
                let errors = vec![FieldError::worded("papers", why)];
                let page = papers_view(&state, &viewer, id, errors, vec![]).await?;
                Ok(render(StatusCode::CONFLICT, &page))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

pub(super) async fn send_papers(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let tr = viewer.tr;
        match coproduce_app::papers::send(&state.ctx, &viewer.actor(), id).await {
            Ok(sent) => {
                let mut said = vec![tr.tn("staff-papers-emailed", &[("n", sent.emailed as i64)])];
                if !sent.to_post.is_empty() {
                    let names: Vec<String> = state
                        .store
                        .invitations(id)
                        .await?
                        .into_iter()
                        .filter(|i| sent.to_post.contains(&i.person_id))
                        .map(|i| i.person_name)
                        .collect();
                    said.push(tr.t1("staff-papers-to-post", "names", names.join(", ")));
                }
                let page = papers_view(&state, &viewer, id, vec![], said).await?;
                Ok(render(StatusCode::OK, &page))
            }
            Err(coproduce_app::AppError::Conflict(why)) => {
                let errors = vec![FieldError::worded("papers", why)];
                let page = papers_view(&state, &viewer, id, errors, vec![]).await?;
                Ok(render(StatusCode::CONFLICT, &page))
            }
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
