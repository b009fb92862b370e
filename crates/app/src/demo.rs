//! The demo: its partnership of organisations, charters, people and work, dated from
//! the context's clock, and one sign-in for each role with a password made up at
//! each start. Used only by `serve --demo` and `demo`, on a fresh database.

use coproduce_domain::Vocabulary;
use coproduce_domain::account::Role;
use coproduce_domain::meeting_rules::RuleKind;
use coproduce_store::accounts::AccountFields;

use crate::{Actor, AppError, Context, accounts, password};

/// (role, email, organisation index in the demo, 1-based id).
const ACCOUNTS: [(Role, &str, Option<i64>); 6] = [
    (Role::Administrator, "admin@demo.example", None),
    (
        Role::InvolvementLead,
        "involvement.lead@demo.example",
        Some(1),
    ),
    (Role::Staff, "project.lead@demo.example", Some(1)),
    (Role::Participant, "participant@demo.example", Some(2)),
    (Role::Partner, "healthwatch@demo.example", Some(4)),
    (Role::BoardViewer, "board@demo.example", Some(1)),
];

/// Loads the demo partnership, dated relative to now, in one transaction. A
/// database that already holds organisations is refused.
pub async fn load(ctx: &Context) -> Result<coproduce_store::demo::DemoSummary, AppError> {
    Ok(ctx.store.load_demo(ctx.now()).await?)
}

/// Creates the demo accounts and returns (role, email, password) for each. Made by
/// Coproduce itself, so each is in the audit trail.
pub async fn create_demo_accounts(
    ctx: &Context,
) -> Result<Vec<(String, String, String)>, AppError> {
    let system = Actor::system();
    let mut out = Vec::new();
    let mut involvement_lead = None;
    for (role, email, organisation_id) in ACCOUNTS {
        let bytes: [u8; 5] = rand::random();
        let pass = format!(
            "demo-{}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        );
        let hash = password::hash(pass.clone())
            .await
            .map_err(AppError::Internal)?;
        let account = accounts::create_with_password(
            ctx,
            &system,
            &AccountFields {
                email: email.into(),
                name: format!("Demo {}", role.label().to_lowercase()),
                role,
                organisation_id,
            },
            &hash,
        )
        .await?;
        if role == Role::Participant
            && let Some(org) = organisation_id
        {
            // The participant is someone in the demo register, so "my record" has
            // something in it.
            let first = ctx
                .store
                .people(
                    coproduce_store::PageRequest::first(1),
                    coproduce_store::Within::Parent(org),
                )
                .await?;
            if let Some(p) = first.items.first() {
                accounts::link_person(ctx, &system, account.id, p.id).await?;
                feedback_asked(ctx, &system, p.id).await?;
            }
        }
        if role == Role::InvolvementLead {
            involvement_lead = Some(account.id);
        }
        if role == Role::Staff
            && let Some(org) = organisation_id
        {
            // The project lead leads the organisation's projects.
            lead_projects(ctx, &system, org, account.id).await?;
        }
        out.push((role.label().to_string(), email.to_string(), pass));
    }
    upcoming_meeting(ctx, &system).await?;
    open_opportunities(ctx, &system).await?;
    if let Some(lead) = involvement_lead {
        said_and_answered(ctx, &system, lead).await?;
        recognition_policy(ctx, &system).await?;
        payments(ctx, lead).await?;
    }
    Ok(out)
}

/// The people who came to the participant's latest past activity are asked how it
/// went, through the same operation staff use; six answers from paper forms are
/// typed in, so its totals show with small numbers hidden. The participant has
/// questions to answer on `/me`.
async fn feedback_asked(ctx: &Context, system: &Actor, person_id: i64) -> Result<(), AppError> {
    use coproduce_domain::person::AttendanceStatus;
    let now = ctx.now();
    let Some(came) = ctx
        .store
        .taken_part(person_id)
        .await?
        .into_iter()
        .find(|t| t.status == AttendanceStatus::Attended && t.starts_at < now)
    else {
        return Ok(());
    };
    crate::feedback::ask(ctx, system, came.activity_id).await?;
    let forms = [
        ("yes", "yes", "partly", "The room was too warm."),
        ("yes", "yes", "yes", ""),
        (
            "yes",
            "partly",
            "no",
            "I did not get the papers in large print.",
        ),
        ("partly", "yes", "yes", ""),
        ("yes", "yes", "yes", "Good to be asked first."),
        ("yes", "", "partly", ""),
    ];
    for (l, n, k, c) in forms {
        let answers = coproduce_domain::feedback::Answers::read(l, n, k, c)?;
        crate::feedback::record_paper(ctx, system, came.activity_id, &answers).await?;
    }
    Ok(())
}

/// A meeting two weeks ahead in the participant's organisation (the patients'
/// forum), in a project of its own, published and with people invited through the
/// same operations staff use: some by email (written to the demo's mail folder
/// with their calendar event), a waiting list, and those without consent to
/// contact left out. The participant is among those invited, so `/me` has an
/// invitation to answer.
async fn upcoming_meeting(ctx: &Context, system: &Actor) -> Result<(), AppError> {
    use coproduce_domain::activity::{ActivityType, Mode, Schedule};
    use coproduce_domain::ladder::{Level, Rung, Stage};
    let org = 2;
    let within = coproduce_store::Within::Parent(org);
    let project = crate::work::create_project(
        ctx,
        system,
        &coproduce_store::projects::ProjectFields {
            organisation_id: org,
            title: "The forum's priorities for 2027".into(),
            stage: Stage::Design,
            level: Level::Service,
            scope_and_limits: Some(
                "Members choose the three questions the forum puts to the ambulance service's board next year.".into(),
            ),
            lead_account_id: None,
            target_rung: Some(Rung::CoProduction),
            budget_pence: Some(60_000),
            cannot_change: Some(
                "The date of the board meeting, which is set by the trust.".into(),
            ),
            partners: vec![(1, coproduce_domain::project::PartnerPart::Commissioner)],
            stage_began_on: None,
        },
    )
    .await?;
    let day = coproduce_domain::time::london_date(ctx.now()) + chrono::Days::new(14);
    let at = |h, m| {
        coproduce_domain::time::from_london(
            day.and_time(chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()),
        )
    };
    let schedule = match (at(18, 0), at(19, 30)) {
        (Ok(s), Ok(e)) => Schedule::new(s, e).ok(),
        _ => None,
    };
    let Some(schedule) = schedule else {
        return Ok(());
    };
    let fields = coproduce_store::activities::ActivityFields {
        project_id: project.id,
        title: "Forum meeting: our priorities for 2027".into(),
        activity_type: ActivityType::Meeting,
        mode: Mode::Virtual,
        rung: Rung::CoProduction,
        schedule,
        details: coproduce_store::activities::MeetingDetails {
            venue_id: None,
            joining_link: Some("https://meet.example.org/northvale-demo-forum".into()),
            chair: Some("Amara Okafor".into()),
            facilitator: Some("Bill Hughes".into()),
            places: Some(2),
            debrief_minutes: Some(20),
        },
    };
    // The forum sets its own meeting rules, beside the rush hours of the charter it
    // signed; the meeting goes ahead without ground rules, for the reason given.
    let org_rules = [
        (RuleKind::LongestOnline, Some(120)),
        (RuleKind::Debrief, Some(20)),
        (RuleKind::GroundRules, None),
    ];
    for (kind, amount) in org_rules {
        let rule = crate::meeting_rules::read_rule(kind, amount, "", &[])?;
        crate::meeting_rules::set(
            ctx,
            system,
            org,
            kind,
            &crate::meeting_rules::Setting::On(rule),
        )
        .await?;
    }
    let a = crate::work::create_activity(ctx, system, &fields).await?;
    crate::work::publish_activity(
        ctx,
        system,
        a.id,
        Some("The forum writes its ground rules together at this first meeting."),
    )
    .await?;
    let people: Vec<i64> = ctx
        .store
        .people(coproduce_store::PageRequest::first(10), within)
        .await?
        .items
        .iter()
        .map(|p| p.id)
        .collect();
    crate::invitations::invite(ctx, system, a.id, &people).await?;
    // The agenda, in standard print and in Easy Read, sent to everyone coming.
    let agenda = "Forum meeting: our priorities for 2027\n\n1. Welcome, and the ground rules we agree together (10 minutes)\n2. What members told us this year (20 minutes)\n3. Choosing the three questions for the board (45 minutes)\n4. What happens next (5 minutes)\n5. Debrief (20 minutes)\n";
    let easy = "Forum meeting\n\nWe will say hello.\nWe will agree how we talk to each other.\nWe will hear what members told us.\nWe will choose 3 questions for the board.\nWe will talk about how the meeting went.\n";
    for (title, format, name, words) in [
        (
            "Agenda",
            coproduce_domain::papers::PaperFormat::Standard,
            "agenda.txt",
            agenda,
        ),
        (
            "Agenda in Easy Read",
            coproduce_domain::papers::PaperFormat::EasyRead,
            "agenda-easy-read.txt",
            easy,
        ),
    ] {
        crate::papers::add(ctx, system, a.id, title, format, name, words.as_bytes()).await?;
    }
    crate::papers::send(ctx, system, a.id).await?;
    Ok(())
}
/// Makes an account the lead of every project of an organisation, through the same
/// operation a person would use, so each change is audited.
async fn lead_projects(
    ctx: &Context,
    system: &Actor,
    organisation_id: i64,
    lead: i64,
) -> Result<(), AppError> {
    let projects = ctx
        .store
        .projects(
            coproduce_store::PageRequest::first(coproduce_store::PageRequest::MAX_LIMIT),
            coproduce_store::Within::Parent(organisation_id),
        )
        .await?;
    for p in projects.items {
        let partners = ctx.store.partners(p.id).await?;
        let fields = coproduce_store::projects::ProjectFields {
            organisation_id: p.organisation_id,
            title: p.title.clone(),
            stage: p.stage,
            level: p.level,
            scope_and_limits: p.scope_and_limits.clone(),
            lead_account_id: Some(lead),
            target_rung: p.target_rung(),
            budget_pence: p.budget_pence,
            cannot_change: p.cannot_change.clone(),
            partners: partners
                .iter()
                .map(|x| (x.organisation_id, x.part))
                .collect(),
            stage_began_on: None,
        };
        crate::work::update_project(ctx, system, p.id, &fields).await?;
    }
    Ok(())
}

/// Open opportunities, made and opened through the same operations staff use: one
/// for anyone and one for the forum's members in the participant's organisation
/// (so `/me` lists both), the first with someone's interest said for them by
/// staff; and in the ambulance service one only for two people invited, who are
/// emailed (to the demo's mail folder) when it opens.
async fn open_opportunities(ctx: &Context, system: &Actor) -> Result<(), AppError> {
    use coproduce_domain::opportunity::OpportunityDraft;
    use coproduce_store::{PageRequest, Within};
    let today = coproduce_domain::time::london_date(ctx.now());
    let closes = |days: u64| {
        today
            .checked_add_days(chrono::Days::new(days))
            .unwrap_or(today)
            .to_string()
    };
    let forum = 2;
    let forum_people = ctx
        .store
        .people(PageRequest::first(3), Within::Parent(forum))
        .await?
        .items;
    let forum_network = ctx
        .store
        .networks(PageRequest::first(1), Within::Parent(forum))
        .await?
        .items
        .first()
        .map(|n| n.id);
    let letters = OpportunityDraft {
        title: "Reader panel for letters to patients".into(),
        expected: "Read letters we send to patients before they go out, and tell us what is hard to understand.".into(),
        involved: "We post or email you two or three letters a month. You send your comments back by email, by post or by phone.".into(),
        time_asked: "About 1 hour a month, for 6 months".into(),
        recognition: "vouchers".into(),
        recognition_detail: "A £10 shopping voucher for each month you take part.".into(),
        access_support: "Letters in large print, Easy Read or Polish; you can give your comments by phone.".into(),
        rung: "co-design".into(),
        closes_on: closes(21),
        places: "4".into(),
        who_may_apply: "public".into(),
        network_id: None,
        project_id: None,
        easy_read: "We send letters to patients.\nWe want letters that are easy to understand.\nYou read our letters.\nYou tell us what is hard.\nWe give you a shopping voucher.".into(),
    };
    let o = crate::opportunities::create(ctx, system, forum, &letters).await?;
    crate::opportunities::publish(ctx, system, o.id).await?;
    if let Some(p) = forum_people.get(1) {
        crate::opportunities::apply_for(
            ctx,
            system,
            o.id,
            p.id,
            Some("Told us by phone that hospital letters are hard to follow."),
        )
        .await?;
    }
    if let Some(network) = forum_network {
        let seat = OpportunityDraft {
            title: "Forum seat on the discharge project board".into(),
            expected: "Bring the forum's view to the project board that is changing how people leave hospital, and report back to the forum.".into(),
            involved: "Board meetings every other month, online or at the hospital, with papers a week before.".into(),
            time_asked: "Six 2-hour meetings over a year, and reading time".into(),
            recognition: "payment".into(),
            recognition_detail: "£25 a meeting, and travel repaid.".into(),
            access_support: "Papers a week before, in the format you need; a pre-meeting with the chair if you want one.".into(),
            rung: "co-production".into(),
            closes_on: closes(14),
            places: "1".into(),
            who_may_apply: "network".into(),
            network_id: Some(network),
            project_id: None,
            easy_read: "A group is changing how people leave hospital.\nWe want 1 forum member to join the group.\nThe group meets 6 times in a year.\nWe pay you for each meeting.".into(),
        };
        let o = crate::opportunities::create(ctx, system, forum, &seat).await?;
        crate::opportunities::publish(ctx, system, o.id).await?;
    }
    let ambulance = 1;
    let invited: Vec<i64> = ctx
        .store
        .people(PageRequest::first(2), Within::Parent(ambulance))
        .await?
        .items
        .into_iter()
        .map(|p| p.id)
        .collect();
    if !invited.is_empty() {
        let panel = OpportunityDraft {
            title: "Interview panel: Head of Patient Experience".into(),
            expected: "Sit on the panel that interviews for our new Head of Patient Experience, and ask the candidates your own question.".into(),
            involved: "A briefing the week before, then one day of interviews at headquarters.".into(),
            time_asked: "One hour's briefing and one full day".into(),
            recognition: "payment".into(),
            recognition_detail: "£120 for the day, £15 for the briefing, and travel repaid.".into(),
            access_support: "Step-free building; breaks when you need them; the candidates' papers in the format you need.".into(),
            rung: "co-production".into(),
            closes_on: closes(10),
            places: "1".into(),
            who_may_apply: "invited".into(),
            network_id: None,
            project_id: None,
            easy_read: "We need a new boss for patient experience.\nWe want you to help choose.\nYou meet the people who want the job.\nYou ask them a question.\nWe pay you for the day.".into(),
        };
        let o = crate::opportunities::create(ctx, system, ambulance, &panel).await?;
        crate::opportunities::invite(ctx, system, o.id, &invited).await?;
        crate::opportunities::publish(ctx, system, o.id).await?;
    }
    Ok(())
}

/// "You said, we did" in the ambulance service, through the operations staff use:
/// the involvement lead owns what people said there; and a letter from two people
/// about the new crisis pathway is answered twice (being considered, then will do),
/// so its history shows both, one of them is emailed each time, and the other, who
/// prefers letters, has a letter waiting to be printed and posted.
async fn said_and_answered(ctx: &Context, system: &Actor, lead: i64) -> Result<(), AppError> {
    use coproduce_domain::consent::{ConsentGiven, ConsentMethod, Purpose};
    use coproduce_domain::input::{Response, ResponseStatus};
    use coproduce_domain::person::PersonDraft;
    use coproduce_store::inputs::InputFilter;
    use coproduce_store::{PageRequest, Within};
    let ambulance = 1;
    let today = coproduce_domain::time::london_date(ctx.now());
    let theirs = ctx
        .store
        .inputs(
            PageRequest::first(PageRequest::MAX_LIMIT),
            &InputFilter {
                organisation_id: Some(ambulance),
                ..InputFilter::default()
            },
        )
        .await?;
    // The crisis line and what calms people led to a change in the crisis pathway.
    let behind: Vec<i64> = theirs
        .items
        .iter()
        .filter(|i| {
            i.said.starts_with("Crews need a direct line")
                || i.said.starts_with("Ask people what calms")
        })
        .map(|i| i.id)
        .collect();
    for i in theirs.items {
        crate::inputs::change(
            ctx,
            system,
            i.id,
            &crate::inputs::SaidFields {
                project_id: i.project_id,
                activity_id: i.activity_id,
                opportunity_id: i.opportunity_id,
                said: i.said.clone(),
                received_on: i.received_on,
                anonymous_count: i.anonymous_count,
                said_by: i.said_by.clone(),
                themes: i.themes.clone(),
                owner_account_id: Some(lead),
                due_on: None,
            },
        )
        .await?;
    }
    let Some(project) = ctx
        .store
        .projects(PageRequest::first(1), Within::Parent(ambulance))
        .await?
        .items
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    let profile = PersonDraft {
        organisation_id: ambulance,
        name: "Pat Quill".into(),
        address: Some("14 Mill Lane, Northvale".into()),
        postcode: Some("NV2 4QT".into()),
        preferred_contact: Some("letter".into()),
        roles: vec!["carer".into()],
        ..PersonDraft::default()
    }
    .check(today)?;
    let pat = crate::people::create(ctx, system, &profile).await?;
    crate::people::record_consent(
        ctx,
        system,
        pat.id,
        &ConsentGiven {
            purpose: Purpose::Contact,
            given_on: today
                .checked_sub_days(chrono::Days::new(20))
                .unwrap_or(today),
            method: ConsentMethod::Written,
            given_by: None,
        },
    )
    .await?;
    let emailed = ctx
        .store
        .people(PageRequest::first(1), Within::Parent(ambulance))
        .await?
        .items
        .into_iter()
        .next()
        .map(|p| p.id);
    let said_by: Vec<i64> = [Some(pat.id), emailed].into_iter().flatten().collect();
    let received_on = today
        .checked_sub_days(chrono::Days::new(12))
        .unwrap_or(today);
    let input = crate::inputs::record(
        ctx,
        system,
        &crate::inputs::SaidFields {
            project_id: Some(project.id),
            said: "Crews should be able to see a person's crisis plan before they arrive.".into(),
            received_on,
            said_by,
            themes: vec!["crisis care".into(), "information sharing".into()],
            owner_account_id: Some(lead),
            ..crate::inputs::SaidFields::default()
        },
    )
    .await?;
    // What they said is answered, names no one, and is published.
    for id in &behind {
        crate::published::publish(ctx, system, *id).await?;
    }
    if !behind.is_empty() {
        let outcome = crate::outcomes::create(
            ctx,
            system,
            ambulance,
            &coproduce_domain::outcome::OutcomeDraft {
                title: "A direct line from crews to the crisis team".into(),
                kind: "service".into(),
                happened_on: today
                    .checked_sub_days(chrono::Days::new(30))
                    .unwrap_or(today)
                    .to_string(),
                impact: "Crews can speak to a crisis clinician from the scene, and call handlers note what calms the person, so fewer people are taken to A&E when they do not need to be.".into(),
                project_id: Some(project.id),
                inputs: behind,
            },
        )
        .await?;
        crate::outcomes::add_evidence(
            ctx,
            system,
            outcome.id,
            "The new crisis pathway, page 4",
            "crisis-pathway-page-4.txt",
            b"Crisis pathway, version 2. Crews call the crisis line on 0300 000 0000 (a made-up number) from the scene. Call handlers ask what helps the person stay calm and pass it to the crew.",
        )
        .await?;
    }
    for (status, text, will_do_by) in [
        (
            ResponseStatus::BeingConsidered,
            "We are talking to the mental health trust about sharing crisis plans safely.",
            None,
        ),
        (
            ResponseStatus::WillDo,
            "Crews will be able to read a person's crisis plan on their tablets. We will test it with the crisis team first.",
            today.checked_add_days(chrono::Days::new(90)),
        ),
    ] {
        crate::inputs::respond(
            ctx,
            system,
            input.id,
            &Response {
                status: Some(status),
                text,
                owner: Some(lead),
                will_do_by,
            },
        )
        .await?;
    }
    said_form(ctx, system, project.id).await
}

/// A feedback form for the ambulance service's project, open, with two answers
/// given without a name a minute after it was shown.
async fn said_form(ctx: &Context, system: &Actor, project_id: i64) -> Result<(), AppError> {
    use coproduce_domain::said_form::{AnswerDraft, FormDraft};
    let form = crate::said_forms::create(
        ctx,
        system,
        &FormDraft {
            project_id: Some(project_id),
            title: "When we came to help you".into(),
            question: "If an ambulance crew came to help you or someone you care for, what would have made it better?".into(),
            question_pl: "Jeśli załoga karetki przyjechała pomóc Tobie lub osobie, którą się opiekujesz, co mogłoby sprawić, że byłoby lepiej?".into(),
            question_easy: "Did an ambulance come to help you? What would have made it better?".into(),
        },
    )
    .await?;
    for said in [
        "The crew explained everything to my mum slowly, which helped. Waiting two hours on the floor did not.",
        "Please write down what happens next. I could not take it all in on the night.",
    ] {
        let shown = crate::said_forms::token(&form, ctx.now() - chrono::Duration::minutes(1));
        crate::said_forms::answer(
            ctx,
            system,
            form.id,
            &shown,
            &AnswerDraft {
                said: said.into(),
                ..AnswerDraft::default()
            },
        )
        .await?;
    }
    Ok(())
}

/// The ambulance service's recognition policy: in force for more than a year, and a new version raising the hourly rate that takes effect next month.
async fn recognition_policy(ctx: &Context, system: &Actor) -> Result<(), AppError> {
    use coproduce_domain::recognition::{ExpensesDraft, PolicyDraft, RateDraft, TierDraft};
    let today = coproduce_domain::time::london_date(ctx.now());
    let tier = |key: &str, name: &str, description: &str| TierDraft {
        key: key.into(),
        name: name.into(),
        description: description.into(),
    };
    let rate = |tier: &str, basis: &str, activity_type: &str, amount_pence: i64| RateDraft {
        tier: tier.into(),
        basis: basis.into(),
        activity_type: activity_type.into(),
        amount_pence,
    };
    let mut policy = PolicyDraft {
        effective_from: today
            .checked_sub_days(chrono::Days::new(400))
            .unwrap_or(today)
            .to_string(),
        offered: vec![
            "payment".into(),
            "vouchers".into(),
            "time-credits".into(),
            "training".into(),
        ],
        pro_rata: Some(true),
        tiers: vec![
            tier("tier-1", "Sharing views", "Surveys, focus groups and listening events"),
            tier("tier-2", "Taking part in groups", "Regular meetings of a group or panel"),
            tier("tier-3", "Working together", "Co-designing a service, sitting on interview panels"),
            tier("tier-4", "Leading and governing", "Strategic roles and board committees"),
        ],
        rates: vec![
            rate("tier-1", "hour", "", 1_500),
            rate("tier-2", "half-day", "", 6_000),
            rate("tier-2", "day", "", 12_000),
            rate("tier-3", "half-day", "", 7_500),
            rate("tier-3", "day", "", 15_000),
            rate("tier-3", "activity", "interview-panel", 10_000),
            rate("tier-4", "day", "", 20_000),
        ],
        expenses: ExpensesDraft {
            per_mile: 45,
            per_mile_passenger: 5,
            per_mile_bicycle: 20,
            public_transport: true,
            taxis_with_approval: true,
            care_costs: true,
            meal_cap: 1_000,
            home_working: 500,
            claim_within_days: 90,
        },
        advice: "Citizens Advice can tell you how a payment affects your benefits: call 0800 144 8848 (free) or visit citizensadvice.org.uk. Our involvement team can also put you in touch with a benefits adviser.".into(),
    };
    crate::recognition::set_policy(ctx, system, 1, &policy).await?;
    policy.effective_from = today
        .checked_add_days(chrono::Days::new(30))
        .unwrap_or(today)
        .to_string();
    policy.rates[0].amount_pence = 1_550;
    crate::recognition::set_policy(ctx, system, 1, &policy).await?;
    Ok(())
}

/// Payments for the ambulance service's latest activity that people came to: the
/// project lead works them out (someone who came has declined payment, another takes
/// less), the involvement lead approves one and marks it paid, and the rest wait.
async fn payments(ctx: &Context, lead: i64) -> Result<(), AppError> {
    use coproduce_domain::payment::ChoiceDraft;
    use coproduce_domain::person::AttendanceStatus;
    use coproduce_store::{PageRequest, Within};
    let ambulance = 1;
    let Some(project_lead) = ctx
        .store
        .account_by_email("project.lead@demo.example")
        .await?
    else {
        return Ok(());
    };
    let staff = Actor::account(project_lead.id, Role::Staff, Some(ambulance), None, None);
    let lead = Actor::account(lead, Role::InvolvementLead, Some(ambulance), None, None);
    let now = ctx.now();
    let mut chosen = None;
    for a in ctx
        .store
        .activities(
            PageRequest::first(PageRequest::MAX_LIMIT),
            Within::Organisation(ambulance),
        )
        .await?
        .items
        .into_iter()
        .rev()
    {
        if a.ends_at >= now || a.cancelled_at.is_some() {
            continue;
        }
        let came: Vec<i64> = ctx
            .store
            .attendance(a.id)
            .await?
            .into_iter()
            .filter(|r| r.status == AttendanceStatus::Attended)
            .map(|r| r.person_id)
            .collect();
        // Their choices are recorded by the ambulance service: its own people.
        let today = coproduce_domain::time::london_date(now);
        let came: Vec<i64> = ctx
            .store
            .invitees(&came, today)
            .await?
            .into_iter()
            .filter(|p| p.organisation_id == ambulance && !p.erased)
            .map(|p| p.id)
            .collect();
        if !came.is_empty() {
            chosen = Some((a.id, came));
            break;
        }
    }
    let Some((activity, came)) = chosen else {
        return Ok(());
    };
    let choice = |choice: &str, amount_pence| ChoiceDraft {
        choice: choice.into(),
        amount_pence,
        charity: String::new(),
        chosen_on: String::new(),
    };
    if let Some(p) = came.get(1) {
        crate::payments::record_choice(ctx, &lead, *p, &choice("decline", None)).await?;
    }
    if let Some(p) = came.get(2) {
        crate::payments::record_choice(ctx, &lead, *p, &choice("less", Some(2_000))).await?;
    }
    let worked = crate::payments::work_out(ctx, &staff, activity, "tier-2").await?;
    if let Some(first) = worked.created.first() {
        crate::payments::approve(ctx, &lead, *first).await?;
        crate::payments::mark_paid(
            ctx,
            &lead,
            *first,
            &coproduce_domain::time::london_date(now).to_string(),
        )
        .await?;
    }
    Ok(())
}
