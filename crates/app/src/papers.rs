//! Meeting papers: adding a file (its type read from its content, its size
//! limited), taking one off before it is sent, sending the papers to the people
//! coming, and reading one: staff of the organisation, or the person invited, by
//! their reply link or from their own record. Sending records when each paper
//! first went out, which the "papers before" meeting rule measures.

use coproduce_domain::account::Capability;
use coproduce_domain::invitation::Reach;
use coproduce_domain::papers::{self, PaperFormat};
use coproduce_domain::text::{self, FieldErrors};
use coproduce_domain::time::london_date;
use coproduce_store::invitations::{Invitation, invitations_in};
use coproduce_store::papers::{NewPaper, Paper, delete_paper_in, insert_paper_in, mark_sent_in};

use crate::audit::{self, Entry};
use crate::invitations::{Meeting, Notice, closed_now, email};
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context};

/// The papers of an activity the actor sees.
pub async fn list(ctx: &Context, actor: &Actor, activity_id: i64) -> Result<Vec<Paper>, AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    Ok(ctx.store.papers(activity_id).await?)
}

/// Adds a paper to an activity: `title` and `file` are each refused on their field
/// (a file whose content is not what its name says, too large, or not a kind a
/// paper may be). Not for an activity called off. Audited.
pub async fn add(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    title: &str,
    format: PaperFormat,
    file_name: &str,
    bytes: &[u8],
) -> Result<Paper, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let mut errs = FieldErrors::new();
    let title = errs.take("title", text::required(title, text::SHORT));
    let kind = errs.take("file", papers::check_file(file_name, bytes));
    let (Some(title), Some(kind)) = (title, kind) else {
        return Err(errs.into());
    };
    if ctx
        .store
        .activity(activity_id)
        .await?
        .cancelled_at
        .is_some()
    {
        return Err(AppError::Conflict("the activity is cancelled".into()));
    }
    let name = papers::clean_name(file_name);
    let sha256 = crate::secret::sha256_hex(bytes);
    let mut tx = ctx.begin().await?;
    let id = insert_paper_in(
        &mut tx,
        &NewPaper {
            activity_id,
            title: &title,
            file_name: &name,
            media_type: kind.media_type,
            format,
            sha256: &sha256,
            content: bytes,
        },
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("paper.add", "paper", id)
            .organisation(Some(organisation))
            .detail(format!("{name}, {} bytes", bytes.len())),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(ctx.store.paper(id).await?)
}

/// Takes a paper off before it is sent; one already sent stays on record (a
/// conflict). Audited.
pub async fn remove(ctx: &Context, actor: &Actor, paper_id: i64) -> Result<Paper, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Paper, paper_id).await?;
    let paper = ctx.store.paper(paper_id).await?;
    if paper.sent_at.is_some() {
        return Err(AppError::Conflict(
            "a paper already sent stays on record".into(),
        ));
    }
    let mut tx = ctx.begin().await?;
    delete_paper_in(&mut tx, paper_id).await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("paper.remove", "paper", paper_id)
            .organisation(Some(organisation))
            .detail(paper.file_name.clone()),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(paper)
}

/// A paper and its bytes, for staff of its organisation.
pub async fn content(
    ctx: &Context,
    actor: &Actor,
    paper_id: i64,
) -> Result<(Paper, Vec<u8>), AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Paper, paper_id).await?;
    Ok((
        ctx.store.paper(paper_id).await?,
        ctx.store.paper_content(paper_id).await?,
    ))
}

/// The format of paper a person needs: Easy Read or large print where that is
/// their need, standard print otherwise.
pub async fn format_for(ctx: &Context, person_id: i64) -> Result<PaperFormat, AppError> {
    let people = ctx
        .store
        .invitees(&[person_id], london_date(ctx.now()))
        .await?;
    Ok(match people.first() {
        Some(p) if p.easy_read => PaperFormat::EasyRead,
        Some(p) if p.large_print.is_some() => PaperFormat::LargePrint,
        _ => PaperFormat::Standard,
    })
}

/// The papers someone invited may read: those of their activity, once sent, while
/// they hold a place. Their own format first.
pub async fn for_invitation(
    ctx: &Context,
    invitation: &Invitation,
    format: Option<PaperFormat>,
) -> Result<Vec<Paper>, AppError> {
    if !invitation.holds_place() {
        return Ok(Vec::new());
    }
    let mut sent: Vec<Paper> = ctx
        .store
        .papers(invitation.activity_id)
        .await?
        .into_iter()
        .filter(|p| p.sent_at.is_some())
        .collect();
    sent.sort_by_key(|p| (Some(p.format) != format, p.id));
    Ok(sent)
}

/// A paper and its bytes for the person an invitation is for, if it is one they
/// may read; any other answers [`AppError::NotFound`].
pub async fn content_for_invitation(
    ctx: &Context,
    invitation: &Invitation,
    paper_id: i64,
) -> Result<(Paper, Vec<u8>), AppError> {
    let readable = for_invitation(ctx, invitation, None).await?;
    let Some(paper) = readable.into_iter().find(|p| p.id == paper_id) else {
        return Err(AppError::NotFound);
    };
    let bytes = ctx.store.paper_content(paper_id).await?;
    Ok((paper, bytes))
}

/// Who the papers went to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// Emailed a link to the papers.
    pub emailed: usize,
    /// Reached by phone or letter: for the organiser to post the papers to.
    pub to_post: Vec<i64>,
    /// Papers sent for the first time.
    pub papers: u64,
}

/// Sends an activity's papers to everyone with a place who has not said no: by
/// email (through the outbox, with their own link to read them), or listed for
/// the organiser to post. Records when each paper not sent before went out. A
/// conflict for an activity closed to invitations, or with no papers. Audited.
pub async fn send(ctx: &Context, actor: &Actor, activity_id: i64) -> Result<Sent, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let activity = ctx.store.activity(activity_id).await?;
    if let Some(why) = closed_now(&activity, ctx.now()) {
        return Err(AppError::Conflict(why.explain().into()));
    }
    if ctx.store.papers(activity_id).await?.is_empty() {
        return Err(AppError::Conflict("there are no papers to send".into()));
    }
    let mut tx = ctx.begin().await?;
    let papers = mark_sent_in(&mut tx, activity_id, ctx.now()).await?;
    let coming: Vec<Invitation> = invitations_in(&mut tx, activity_id)
        .await?
        .into_iter()
        .filter(Invitation::holds_place)
        .collect();
    let ids: Vec<i64> = coming.iter().map(|i| i.person_id).collect();
    let people = ctx.store.invitees(&ids, london_date(ctx.now())).await?;
    let meeting = Meeting::of(ctx, activity).await?;
    let mut sent = Sent {
        emailed: 0,
        to_post: Vec::new(),
        papers,
    };
    for i in &coming {
        match (i.reach, people.iter().find(|p| p.id == i.person_id)) {
            (Reach::Email, Some(p)) => {
                email(&mut tx, ctx, &meeting, Notice::Papers, i.id, p, None).await?;
                sent.emailed += 1;
            }
            (Reach::Phone | Reach::Letter, _) => sent.to_post.push(i.person_id),
            _ => {}
        }
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("papers.send", "activity", activity_id)
            .organisation(Some(organisation))
            .detail(format!(
                "{} emailed, {} to post",
                sent.emailed,
                sent.to_post.len()
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(sent)
}
