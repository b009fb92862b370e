//! Inviting people to an activity and following their replies: who has a place,
//! who is waiting, who to phone or post a letter to, and the letter itself. The
//! inviting, the places and the replies are `coproduce_app::invitations`.

#[allow(unused_imports)]
use super::*;

use coproduce_app::AppError;
use coproduce_domain::invitation::{Place, Reach, Reply};
use coproduce_domain::text::FieldErrors;
use coproduce_store::activities::Activity;
use coproduce_store::invitations::Invitation;
use coproduce_store::people::PeopleFilter;

/// How many people one search shows.
const SHOWN: i64 = 50;

/// An activity the viewer may see, and its project.
async fn visible_activity(
    state: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(Activity, Project), PageError> {
    let a = state.store.activity(id_of(raw)?).await?;
    let p = visible_project(state, viewer, a.project_id).await?;
    Ok((a, p))
}

/// An invitation named in an address, which must be of the activity it names.
async fn invitation_of(
    state: &AppState,
    activity: &Activity,
    raw: &str,
) -> Result<Invitation, PageError> {
    let i = state.store.invitation(id_of(raw)?).await?;
    if i.activity_id != activity.id {
        return Err(PageError::NotFound);
    }
    Ok(i)
}

pub struct InvitationRow {
    id: i64,
    person_id: i64,
    name: String,
    place: &'static str,
    waiting: bool,
    reach: &'static str,
    reply: Option<&'static str>,
    /// How to reach them when it is not by email: their phone number or address,
    /// shown to those who may read the register.
    contact: Option<String>,
    by_hand: bool,
    /// When the organiser phoned them or posted their letter, in words.
    contacted: Option<String>,
}

#[derive(Template)]
#[template(path = "invitations.html")]
pub struct InvitationsPage {
    chrome: Chrome,
    activity: Activity,
    rows: Vec<InvitationRow>,
    /// "3 of 12 places taken; 2 waiting", or how many are invited.
    summary: String,
    can_write: bool,
    /// Why nobody can be invited now, in words; `None` while it is open.
    closed: Option<String>,
    /// The reminders set: when each goes, its words, and whether it went.
    /// When each goes, its words, whether it was sent, and its id while it can be
    /// removed.
    reminders: Vec<(String, Option<String>, String, Option<i64>)>,
}

/// Why an activity is closed, in the staff's words.
fn closed_words(tr: &Tr, a: &Activity, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
    use coproduce_domain::invitation::Closed;
    coproduce_app::invitations::closed_now(a, now).map(|c| {
        tr.t(match c {
            Closed::Draft => "staff-invite-closed-draft",
            Closed::Cancelled => "staff-invite-closed-cancelled",
            Closed::Over => "staff-invite-closed-over",
        })
    })
}

pub(super) async fn invitations_page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let (a, _) = visible_activity(&state, &viewer, &raw).await?;
        let invited = state.store.invitations(a.id).await?;
        let reads_people = viewer.can(C::ReadPeople);
        // Phone numbers and addresses of those reached by hand, in one query.
        let by_hand: Vec<i64> = invited
            .iter()
            .filter(|i| i.reach != Reach::Email)
            .map(|i| i.person_id)
            .collect();
        let details = if reads_people {
            state
                .store
                .invitees(&by_hand, crate::today(&state.ctx))
                .await?
        } else {
            vec![]
        };
        let tr = viewer.tr;
        let holding = invited.iter().filter(|i| i.holds_place()).count() as i64;
        let waiting = invited
            .iter()
            .filter(|i| i.place == Place::Waiting && i.reply() != Some(Reply::NotComing))
            .count() as i64;
        let summary = match a.places {
            Some(p) => tr.tn(
                "staff-places-taken",
                &[("taken", holding), ("places", p), ("waiting", waiting)],
            ),
            None => tr.tn(
                "staff-invited-count",
                &[("count", invited.len() as i64), ("taken", holding)],
            ),
        };
        let rows = invited
            .into_iter()
            .map(|i| {
                let contact =
                    details
                        .iter()
                        .find(|d| d.id == i.person_id)
                        .and_then(|d| match i.reach {
                            Reach::Phone => d.phone.clone(),
                            _ => [d.address.clone(), d.postcode.clone()]
                                .into_iter()
                                .flatten()
                                .reduce(|a, b| format!("{a}, {b}")),
                        });
                InvitationRow {
                    id: i.id,
                    person_id: i.person_id,
                    place: i.place.label(),
                    waiting: i.place == Place::Waiting,
                    reach: i.reach.label(),
                    reply: i.reply().map(|r| r.label()),
                    by_hand: i.reach != Reach::Email,
                    contacted: i
                        .contacted_at
                        .map(|t| tr.t1("staff-contacted-on", "date", time::show(t))),
                    contact,
                    name: i.person_name,
                }
            })
            .collect();
        let reminders = state
            .store
            .reminders(a.id)
            .await?
            .into_iter()
            .map(|r| {
                let at = NaiveTime::parse_from_str(&r.at_time, "%H:%M").unwrap_or_default();
                let when =
                    coproduce_domain::invitation::reminder_time(a.starts_at, r.days_before, at);
                let state = match (r.sent_at, r.sent_to) {
                    (Some(t), n) => tr.t2(
                        "staff-reminder-sent",
                        ("count", n.unwrap_or(0)),
                        ("date", time::show(t)),
                    ),
                    (None, _) => tr.t("staff-reminder-not-sent"),
                };
                let removable = r.sent_at.is_none().then_some(r.id);
                (time::show(when), r.words, state, removable)
            })
            .collect();
        Ok(InvitationsPage {
            reminders,
            chrome: Chrome::new(&state, &viewer, "projects"),
            closed: closed_words(&tr, &a, state.ctx.now()),
            activity: a,
            rows,
            summary,
            can_write: viewer.can(C::WriteWork),
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Template)]
#[template(path = "invite.html")]
pub struct InvitePage {
    chrome: Chrome,
    errors: Vec<FieldError>,
    activity: Activity,
    search: FormField,
    searched: bool,
    people: Checkboxes,
    /// The people found who are invited already.
    invited: Vec<String>,
    more: bool,
}

/// The search, and the people ticked.
#[derive(Deserialize, Default)]
pub struct InviteForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    person_id: Vec<String>,
}

async fn invite_page(
    state: &AppState,
    viewer: &Viewer,
    activity: Activity,
    organisation_id: i64,
    f: &InviteForm,
    errors: Vec<FieldError>,
) -> Result<InvitePage, PageError> {
    let name = f.name.trim();
    let searched = !name.is_empty();
    let (found, invited, more) = if searched {
        let page = state
            .store
            .find_people(
                &PeopleFilter {
                    name: Some(name.to_string()),
                    ..PeopleFilter::default()
                },
                PageRequest::first(SHOWN),
                Within::Parent(organisation_id),
            )
            .await?;
        let already = state.store.invitations(activity.id).await?;
        let (invited, found): (Vec<_>, Vec<_>) = page
            .items
            .into_iter()
            .partition(|p| already.iter().any(|i| i.person_id == p.id));
        (
            found,
            invited.into_iter().map(|p| p.name).collect(),
            page.next_after.is_some(),
        )
    } else {
        (vec![], vec![], false)
    };
    Ok(InvitePage {
        chrome: Chrome::new(state, viewer, "projects"),
        search: FormField::new("name", "staff-search-the-register", "text")
            .hint("staff-search-the-register-hint")
            .autocomplete("off")
            .value(name),
        people: Checkboxes {
            id: "person_id",
            legend: "staff-who-to-invite",
            hint: Some("staff-who-to-invite-hint"),
            options: found
                .into_iter()
                .map(|p| Choice {
                    value: p.id.to_string(),
                    label: match p.email {
                        Some(e) => format!("{} ({e})", p.name),
                        None => p.name,
                    },
                    hint: None,
                })
                .collect(),
            checked: f.person_id.clone(),
            error: error_of(&errors, "person_id"),
        },
        searched,
        invited,
        more,
        errors,
        activity,
    })
}

pub(super) async fn invite_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Query(f): Query<InviteForm>,
) -> Response {
    let result = async {
        let (a, p) = visible_activity(&state, &viewer, &raw).await?;
        if let Some(why) = closed_words(&viewer.tr, &a, state.ctx.now()) {
            return Err(PageError::Conflict(why));
        }
        invite_page(&state, &viewer, a, p.organisation_id, &f, vec![]).await
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Template)]
#[template(path = "invited.html")]
pub struct InvitedPage {
    chrome: Chrome,
    activity: Activity,
    emailed: Vec<String>,
    waiting: Vec<String>,
    by_hand: Vec<String>,
    held_back: Vec<String>,
    already: Vec<String>,
}

pub(super) async fn invite(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    HtmlForm(f): HtmlForm<InviteForm>,
) -> Response {
    let result = async {
        let (a, p) = visible_activity(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        // A box that is not a whole number cannot come from the page: it names no one.
        let people: Vec<i64> = f.person_id.iter().filter_map(|p| p.parse().ok()).collect();
        let mut errs = FieldErrors::new();
        if people.is_empty() {
            errs.add_worded("person_id", tr.t("staff-tick-who-to-invite"));
        }
        if errs.is_empty() {
            match coproduce_app::invitations::invite(&state.ctx, &viewer.actor(), a.id, &people)
                .await
            {
                Ok(done) => {
                    let names = |v: Vec<(i64, String)>| v.into_iter().map(|(_, n)| n).collect();
                    let mut page = InvitedPage {
                        chrome: Chrome::new(&state, &viewer, "projects"),
                        activity: a,
                        emailed: vec![],
                        waiting: vec![],
                        by_hand: vec![],
                        held_back: names(done.held_back),
                        already: names(done.already),
                    };
                    for i in done.invited {
                        match (i.place, i.reach) {
                            (Place::Waiting, _) => page.waiting.push(i.person_name),
                            (_, Reach::Email) => page.emailed.push(i.person_name),
                            _ => page.by_hand.push(i.person_name),
                        }
                    }
                    return Ok(render(StatusCode::OK, &page));
                }
                Err(AppError::Invalid(e)) => {
                    // Each problem names the person at fault, read in one query, and
                    // only from this organisation: a tampered box names nobody.
                    let named = state
                        .store
                        .invitees(&people, crate::today(&state.ctx))
                        .await?;
                    for fe in e.0 {
                        let name = fe
                            .field
                            .strip_prefix("person_ids[")
                            .and_then(|r| r.strip_suffix(']'))
                            .and_then(|n| n.parse::<usize>().ok())
                            .and_then(|n| people.get(n))
                            .and_then(|id| {
                                named
                                    .iter()
                                    .find(|x| x.id == *id && x.organisation_id == p.organisation_id)
                            })
                            .map(|x| x.name.clone())
                            .unwrap_or_default();
                        let why = match &fe.problem {
                            Some(p) => tr.why(p, ""),
                            None => fe.message.clone(),
                        };
                        errs.add_worded("person_id", format!("{name}: {why}"));
                    }
                }
                Err(e) => return Err(e.into()),
            }
        }
        let page = invite_page(&state, &viewer, a, p.organisation_id, &f, errs.0).await?;
        Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Deserialize, Default)]
pub struct ReplyForm {
    #[serde(default)]
    reply: String,
}

fn reply_form_page(
    state: &AppState,
    viewer: &Viewer,
    a: &Activity,
    i: &Invitation,
    selected: &str,
    errors: Vec<FieldError>,
) -> FormPage {
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/activities/{}/invitations", a.id),
            "staff-back-to-the-invitations".into(),
        )),
        caption: Some(i.person_name.clone()),
        heading: "staff-record-their-reply".into(),
        intro: vec![],
        action: format!("/activities/{}/invitations/{}/reply", a.id, i.id),
        parts: vec![Part::Choose(Radios::of::<Reply>(
            "reply",
            "staff-can-they-come",
            selected,
            &errors,
            |_| None,
        ))],
        errors,
        button: "staff-record",
    }
}

pub(super) async fn reply_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, inv)): Path<(String, String)>,
) -> Response {
    let result = async {
        let (a, _) = visible_activity(&state, &viewer, &raw).await?;
        let i = invitation_of(&state, &a, &inv).await?;
        let selected = i.reply().map(|r| r.slug()).unwrap_or_default();
        Ok::<_, PageError>(reply_form_page(&state, &viewer, &a, &i, selected, vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn record_reply(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, inv)): Path<(String, String)>,
    Form(f): Form<ReplyForm>,
) -> Response {
    let result = async {
        let (a, _) = visible_activity(&state, &viewer, &raw).await?;
        let i = invitation_of(&state, &a, &inv).await?;
        let Ok(reply) = Reply::parse(f.reply.trim()) else {
            let errors = vec![FieldError::worded(
                "reply",
                viewer.tr.t("staff-choose-their-reply"),
            )];
            return Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &reply_form_page(&state, &viewer, &a, &i, &f.reply, errors),
            ));
        };
        coproduce_app::invitations::record_reply(&state.ctx, &viewer.actor(), i.id, reply).await?;
        Ok(Redirect::to(&format!("/activities/{}/invitations", a.id)).into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

#[derive(Template)]
#[template(path = "letter.html")]
pub struct LetterPage {
    pub(super) chrome: Chrome,
    /// Where the breadcrumb goes back to, and its words' key.
    pub(super) back: (String, &'static str),
    /// What the letter is about, above its heading.
    pub(super) caption: String,
    /// The key of the words saying what to do with it.
    pub(super) how: &'static str,
    pub(super) printed: coproduce_app::invitations::Printed,
    /// The letter's lines.
    pub(super) lines: Vec<String>,
    /// The print size, in points: 12 unless they need larger.
    pub(super) points: i64,
    pub(super) lang: &'static str,
}

/// Makes a letter to print for one person invited (or to read out on the phone).
pub(super) async fn letter(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, inv)): Path<(String, String)>,
) -> Response {
    let result = async {
        let (a, _) = visible_activity(&state, &viewer, &raw).await?;
        let i = invitation_of(&state, &a, &inv).await?;
        let printed =
            coproduce_app::invitations::print_letter(&state.ctx, &viewer.actor(), i.id).await?;
        Ok::<_, PageError>(LetterPage {
            chrome: Chrome::new(&state, &viewer, "projects"),
            lines: printed.letter.body.lines().map(str::to_string).collect(),
            points: printed.large_print.unwrap_or(12),
            lang: printed.letter.words.lang.code(),
            back: (
                format!("/activities/{}/invitations", a.id),
                "staff-back-to-the-invitations",
            ),
            caption: a.title,
            how: "staff-letter-how",
            printed,
        })
    }
    .await;
    show(&state, &viewer, result)
}

#[derive(Deserialize, Default)]
pub struct ReminderForm {
    #[serde(default)]
    days_before: String,
    #[serde(default)]
    at: String,
    #[serde(default)]
    words: String,
}

fn reminder_form_page(
    state: &AppState,
    viewer: &Viewer,
    a: &Activity,
    f: &ReminderForm,
    errors: Vec<FieldError>,
) -> FormPage {
    FormPage {
        chrome: Chrome::new(state, viewer, "projects"),
        back: Some((
            format!("/activities/{}/invitations", a.id),
            "staff-back-to-the-invitations".into(),
        )),
        caption: Some(a.title.clone()),
        heading: "staff-add-a-reminder".into(),
        intro: vec!["staff-reminder-intro".into()],
        action: format!("/activities/{}/reminders", a.id),
        parts: vec![
            Part::Field(
                FormField::new("days_before", "staff-reminder-days", "text")
                    .hint("staff-reminder-days-hint")
                    .value(&f.days_before)
                    .errors(&errors)
                    .numeric_code(),
            ),
            Part::Field(
                FormField::new("at", "staff-reminder-at", "text")
                    .hint("staff-london-time-for-example-14-30")
                    .value(&f.at)
                    .errors(&errors)
                    .numeric_code(),
            ),
            Part::Text(
                FormField::new("words", "staff-reminder-words", "text")
                    .hint("staff-reminder-words-hint")
                    .value(&f.words)
                    .errors(&errors),
            ),
        ],
        errors,
        button: "staff-add-the-reminder",
    }
    .ordered()
}

pub(super) async fn reminder_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
) -> Response {
    let result = async {
        let (a, _) = visible_activity(&state, &viewer, &raw).await?;
        if let Some(why) = closed_words(&viewer.tr, &a, state.ctx.now()) {
            return Err(PageError::Conflict(why));
        }
        let typed = ReminderForm {
            days_before: "2".into(),
            at: "10:00".into(),
            words: String::new(),
        };
        Ok(reminder_form_page(&state, &viewer, &a, &typed, vec![]))
    }
    .await;
    show(&state, &viewer, result)
}

pub(super) async fn add_reminder(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(raw): Path<String>,
    Form(f): Form<ReminderForm>,
) -> Response {
    let result = async {
        let (a, _) = visible_activity(&state, &viewer, &raw).await?;
        let tr = viewer.tr;
        let mut errors = Vec::new();
        let days = match f.days_before.trim().parse::<i64>() {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::worded(
                    "days_before",
                    tr.t("staff-reminder-days-as-number"),
                ));
                None
            }
        };
        let at = NaiveTime::parse_from_str(f.at.trim(), "%H:%M").ok();
        if at.is_none() {
            errors.push(FieldError::worded("at", tr.t("staff-reminder-at-as-clock")));
        }
        if let (Some(days), Some(at)) = (days, at) {
            let words = Some(f.words.as_str());
            match coproduce_app::reminders::add_reminder(
                &state.ctx,
                &viewer.actor(),
                a.id,
                days,
                at,
                words,
            )
            .await
            {
                Ok(_) => {
                    return Ok(Redirect::to(&format!(
                        "/activities/{}/invitations#reminders",
                        a.id
                    ))
                    .into_response());
                }
                Err(AppError::Invalid(e)) => errors.extend(worded(
                    &tr,
                    e.0,
                    &[
                        Named::As("days_before", "staff-reminder-days"),
                        Named::As("at", "staff-reminder-at"),
                        Named::As("words", "staff-reminder-words"),
                    ],
                )),
                Err(e) => return Err(e.into()),
            }
        }
        Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &reminder_form_page(&state, &viewer, &a, &f, errors),
        ))
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// Removes a reminder not yet sent, and goes back to the list; one sent meanwhile
/// stays, and the list says so.
pub(super) async fn remove_reminder(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, key)): Path<(String, String)>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let reminder = key.parse::<i64>().map_err(|_| PageError::NotFound)?;
        match coproduce_app::reminders::remove_reminder(&state.ctx, &viewer.actor(), id, reminder)
            .await
        {
            Ok(_) | Err(coproduce_app::AppError::Conflict(_)) => Ok(Redirect::to(&format!(
                "/activities/{id}/invitations#reminders"
            ))
            .into_response()),
            Err(e) => Err(e.into()),
        }
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}

/// Records that the organiser phoned someone, or posted their letter, and goes back
/// to the list.
pub(super) async fn mark_contacted(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((raw, invitation)): Path<(String, String)>,
) -> Response {
    let result = async {
        let id = id_of(&raw)?;
        let invitation = id_of(&invitation)?;
        if state.store.invitation(invitation).await?.activity_id != id {
            return Err(PageError::NotFound);
        }
        coproduce_app::invitations::mark_contacted(&state.ctx, &viewer.actor(), invitation).await?;
        Ok(Redirect::to(&format!("/activities/{id}/invitations")).into_response())
    }
    .await;
    result.unwrap_or_else(|e: PageError| e.respond(&state, &viewer))
}
