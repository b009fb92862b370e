//! Experience feedback after an activity: asking each person who came (by email
//! through the outbox with a link of their own, or on the organiser's list when
//! they have no email; nobody without consent to contact), their answers by that
//! link or from their own record, named or anonymous as they choose, answers from a
//! paper form typed in by staff (always anonymous), and totals with small numbers
//! hidden.

use coproduce_domain::account::Capability;
use coproduce_domain::equality::SMALLEST;
use coproduce_domain::feedback::{Answers, StatementTotals, totals};
use coproduce_domain::person::AttendanceStatus;
use coproduce_domain::time::london_date;
use coproduce_store::activities::Activity;
use coproduce_store::feedback::{FeedbackRequest, answer_in, ask_in};

use crate::audit::{self, Entry};
use crate::invitations::words_for;
use crate::scope::{Owned, visible_record};
use crate::{Actor, AppError, Context, outbox, secret};

/// Who was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// Sent a link by email.
    pub emailed: usize,
    /// Who came and has no email to send it to, for the organiser to ask another way.
    pub to_ask: Vec<String>,
    /// Who came and was not asked, having no consent to contact in force.
    pub not_contacted: Vec<String>,
}

/// Asks everyone recorded as having come to an activity, who has not been asked
/// before, how it went. Not before it starts, nor for one called off (conflicts).
/// Audited.
pub async fn ask(ctx: &Context, actor: &Actor, activity_id: i64) -> Result<Asked, AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let activity = ctx.store.activity(activity_id).await?;
    if activity.cancelled_at.is_some() {
        return Err(AppError::Conflict("the activity is cancelled".into()));
    }
    if activity.starts_at > ctx.now() {
        return Err(AppError::Conflict(
            "people can be asked how it went once it has started".into(),
        ));
    }
    let came: Vec<i64> = ctx
        .store
        .attendance(activity_id)
        .await?
        .into_iter()
        .filter(|a| a.status == AttendanceStatus::Attended)
        .map(|a| a.person_id)
        .collect();
    let people = ctx.store.invitees(&came, london_date(ctx.now())).await?;
    let organisation_name = ctx.store.organisation(organisation).await?.name;
    let mut asked = Asked {
        emailed: 0,
        to_ask: Vec::new(),
        not_contacted: Vec::new(),
    };
    let mut tx = ctx.begin().await?;
    for p in &people {
        if p.erased {
            continue;
        }
        if !p.may_contact {
            asked.not_contacted.push(p.name.clone());
            continue;
        }
        let token = secret::generate("cpf_");
        if !ask_in(&mut tx, activity_id, p.id, &secret::hash(&token), ctx.now()).await? {
            continue;
        }
        match p.email.as_deref() {
            Some(address) => {
                let tr = words_for(p);
                let link = format!("{}/feedback/{token}", ctx.settings.public_url);
                let name = p.preferred_name.as_deref().unwrap_or(&p.name);
                let body = [
                    tr.t1("letter-greeting", "name", name),
                    String::new(),
                    tr.t1("feedback-intro", "title", &activity.title),
                    String::new(),
                    tr.t1("feedback-link", "link", &link),
                    tr.t("feedback-anonymous"),
                    String::new(),
                    tr.t1("letter-sign-off", "organisation", &organisation_name),
                ]
                .join("\n");
                let subject = tr.t1("feedback-subject", "title", &activity.title);
                outbox::queue_email(&mut tx, ctx, address, &subject, body).await?;
                asked.emailed += 1;
            }
            None => asked.to_ask.push(p.name.clone()),
        }
    }
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("feedback.ask", "activity", activity_id)
            .organisation(Some(organisation))
            .detail(format!(
                "{} emailed, {} to ask another way, {} not contacted",
                asked.emailed,
                asked.to_ask.len(),
                asked.not_contacted.len()
            )),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(asked)
}

/// The request a feedback link is for, with its activity; a link that is not one
/// answers [`AppError::NotFound`].
pub async fn request_by_link(
    ctx: &Context,
    token: &str,
) -> Result<(FeedbackRequest, Activity), AppError> {
    let r = ctx
        .store
        .feedback_request_by_token(&secret::hash(token.trim()))
        .await?;
    let a = ctx.store.activity(r.activity_id).await?;
    Ok((r, a))
}

/// The signed-in person's own request about an activity; anyone else's, or none,
/// answers [`AppError::NotFound`].
pub async fn own_request(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
) -> Result<(FeedbackRequest, Activity), AppError> {
    let Some(person) = actor.person_id else {
        return Err(AppError::NotFound);
    };
    let r = match ctx.store.feedback_request_of(activity_id, person).await {
        Ok(r) => r,
        Err(coproduce_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let a = ctx.store.activity(activity_id).await?;
    Ok((r, a))
}

/// Keeps a person's answers to their request, named only when `anonymous` is false.
/// Answering twice is a conflict: the first answers stand.
pub async fn answer(
    ctx: &Context,
    request: &FeedbackRequest,
    answers: &Answers,
    anonymous: bool,
) -> Result<(), AppError> {
    if request.answered_at.is_some() {
        return Err(AppError::Conflict(
            "these questions are already answered".into(),
        ));
    }
    let mut tx = ctx.begin().await?;
    let named = (!anonymous).then_some(request.person_id);
    match answer_in(
        &mut tx,
        request.activity_id,
        Some(request.id),
        named,
        answers,
        london_date(ctx.now()),
        ctx.now(),
    )
    .await
    {
        Err(coproduce_store::StoreError::Stale) => {
            return Err(AppError::Conflict(
                "these questions are already answered".into(),
            ));
        }
        other => other?,
    }
    ctx.commit(tx).await
}

/// Keeps answers given on a paper form, typed in by staff: always anonymous. Not for
/// an activity that has not started. Audited.
pub async fn record_paper(
    ctx: &Context,
    actor: &Actor,
    activity_id: i64,
    answers: &Answers,
) -> Result<(), AppError> {
    actor.require(Capability::WriteWork)?;
    let organisation = visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    if ctx.store.activity(activity_id).await?.starts_at > ctx.now() {
        return Err(AppError::Conflict(
            "feedback can be recorded once it has started".into(),
        ));
    }
    let mut tx = ctx.begin().await?;
    answer_in(
        &mut tx,
        activity_id,
        None,
        None,
        answers,
        london_date(ctx.now()),
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("feedback.record", "activity", activity_id).organisation(Some(organisation)),
    )
    .await?;
    ctx.commit(tx).await
}

/// An activity's feedback as it may be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub asked: i64,
    pub answered: i64,
    /// `None` with fewer than 5 answers: nothing is shown that could point at anyone.
    pub totals: Option<Vec<StatementTotals>>,
    /// The comments, without names, shown only with the totals.
    pub comments: Vec<String>,
}

/// The feedback on an activity the actor sees.
pub async fn summary(ctx: &Context, actor: &Actor, activity_id: i64) -> Result<Summary, AppError> {
    actor.require(Capability::ReadWork)?;
    visible_record(ctx, actor, Owned::Activity, activity_id).await?;
    let c = ctx.store.feedback_counts(activity_id).await?;
    let shown = totals(c.answered, &c.counts);
    Ok(Summary {
        asked: c.asked,
        answered: c.answered,
        comments: if c.answered >= SMALLEST {
            c.comments
        } else {
            Vec::new()
        },
        totals: shown,
    })
}
