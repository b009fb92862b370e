//! Importing a register spreadsheet: the dry run (every problem by row and column,
//! and the people already in the register), then the import itself, all or nothing,
//! with its audit entry in the same transaction. The command line and the web pages
//! both use this; neither has rules of its own.

use chrono::NaiveDate;
use coproduce_domain::account::Capability;
use coproduce_domain::text::Problem;
use coproduce_import::{Field, Report};
use coproduce_store::import::{
    NewPerson, PendingImport, forget_import_in, import_people_in, keep_import_in,
    set_import_overrides_in, set_import_values_in,
};

use crate::audit::{self, Entry};
use crate::{Actor, AppError, Context};

pub use coproduce_import::{Choices, MAX_BYTES, RowProblem, ValueMap, parse_override};

/// A row whose person is already in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub row: usize,
    pub existing_id: i64,
    pub existing_name: String,
    /// What matched: the email address or the phone number.
    pub on: Field,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub report: Report,
    /// Rows skipped because the person is already in the register.
    pub duplicates: Vec<Duplicate>,
}

impl Plan {
    /// The people the import would add: every row read, less duplicates.
    pub fn to_add(&self) -> Vec<NewPerson> {
        self.report
            .rows
            .iter()
            .filter(|r| !self.duplicates.iter().any(|d| d.row == r.row))
            .map(|r| NewPerson {
                profile: r.profile.clone(),
                needs: r.needs.clone(),
                guardian: r.guardian.clone(),
                ethnic_group: r.ethnic_group,
            })
            .collect()
    }

    /// The day each person the import would add joined (from a "date joined"
    /// column), in the order of [`Plan::to_add`].
    pub fn joined_dates(&self) -> Vec<Option<NaiveDate>> {
        self.report
            .rows
            .iter()
            .filter(|r| !self.duplicates.iter().any(|d| d.row == r.row))
            .map(|r| r.joined_on)
            .collect()
    }

    /// Whether the import may go ahead: no problem anywhere, and someone to add.
    pub fn can_import(&self) -> bool {
        self.report.problems.is_empty() && !self.to_add().is_empty()
    }
}

/// Reads a file for an organisation's register and finds who in it is already
/// there: nothing is stored.
pub async fn plan(
    ctx: &Context,
    actor: &Actor,
    organisation_id: i64,
    bytes: &[u8],
    choices: &Choices,
    today: NaiveDate,
) -> Result<Plan, AppError> {
    actor.require(Capability::WritePeople)?;
    actor.visible(organisation_id)?;
    ctx.store
        .owner_of(
            coproduce_store::owners::Owned::Organisation,
            organisation_id,
        )
        .await?;
    let store = &ctx.store;
    let report = coproduce_import::dry_run(bytes, organisation_id, choices, today);
    let emails: Vec<String> = report
        .contacts
        .iter()
        .filter_map(|c| c.email.clone())
        .collect();
    let phones: Vec<String> = report
        .contacts
        .iter()
        .filter_map(|c| c.phone_digits.clone())
        .collect();
    let existing = store
        .existing_contacts(organisation_id, &emails, &phones)
        .await?;
    // Every row, however it fared, so a person already in the register is named
    // even on a row with other problems.
    let duplicates = report
        .contacts
        .iter()
        .filter_map(|c| {
            existing.iter().find_map(|e| {
                let on =
                    if c.email.is_some() && e.email.as_deref().map(str::to_lowercase) == c.email {
                        Field::Email
                    } else if c.phone_digits.is_some() && e.phone_digits == c.phone_digits {
                        Field::Phone
                    } else {
                        return None;
                    };
                Some(Duplicate {
                    row: c.row,
                    existing_id: e.id,
                    existing_name: e.name.clone(),
                    on,
                })
            })
        })
        .collect();
    Ok(Plan { report, duplicates })
}

/// Where an import puts people: an organisation's register, and a network of it if
/// one is named (each person a member from their "date joined", or from `today`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Destination {
    pub organisation_id: i64,
    pub network_id: Option<i64>,
}

/// Stores the plan's people, all or none, with their memberships of the network
/// named and the import's audit entry, in one transaction; `progress` hears after
/// each person.
pub async fn import(
    ctx: &Context,
    actor: &Actor,
    into: Destination,
    plan: &Plan,
    today: NaiveDate,
    progress: impl Fn(usize),
) -> Result<Vec<i64>, AppError> {
    import_and_forget(ctx, actor, into, plan, today, progress, None).await
}

/// Imports a spreadsheet kept between its dry run and its import, and forgets the
/// file in the same commit. The plan is made again from the file as kept.
pub async fn import_kept(
    ctx: &Context,
    actor: &Actor,
    kept: &PendingImport,
    network_id: Option<i64>,
    plan: &Plan,
    today: NaiveDate,
) -> Result<Vec<i64>, AppError> {
    import_and_forget(
        ctx,
        actor,
        Destination {
            organisation_id: kept.organisation_id,
            network_id,
        },
        plan,
        today,
        |_| {},
        Some(kept.id),
    )
    .await
}

async fn import_and_forget(
    ctx: &Context,
    actor: &Actor,
    into: Destination,
    plan: &Plan,
    today: NaiveDate,
    progress: impl Fn(usize),
    forget: Option<i64>,
) -> Result<Vec<i64>, AppError> {
    let organisation_id = into.organisation_id;
    actor.require(Capability::WritePeople)?;
    actor.visible(organisation_id)?;
    if let Some(network) = into.network_id {
        // A network of another organisation, or none, is refused on its field.
        let owner = ctx
            .store
            .owner_of(coproduce_store::owners::Owned::Network, network)
            .await
            .ok();
        if owner != Some(organisation_id) {
            return Err(AppError::refused(
                "network_id",
                Problem::NoSuch {
                    noun: "network",
                    id: network,
                },
            ));
        }
    }
    let people = plan.to_add();
    if people
        .iter()
        .any(|p| p.profile.organisation_id != organisation_id)
    {
        return Err(AppError::Internal(
            "the plan was made for another organisation".into(),
        ));
    }
    let mut tx = ctx.begin().await?;
    let ids = import_people_in(
        &mut tx,
        &people,
        actor.account_id,
        today,
        ctx.now(),
        progress,
    )
    .await?;
    if let Some(network) = into.network_id {
        let joining: Vec<(i64, NaiveDate)> = ids
            .iter()
            .zip(plan.joined_dates())
            .map(|(id, joined)| (*id, joined.unwrap_or(today)))
            .collect();
        coproduce_store::memberships::insert_members(
            &mut tx,
            network,
            &joining,
            coproduce_domain::network::MemberRole::Member,
            ctx.now(),
        )
        .await?;
    }
    let added = match ids.len() {
        1 => "1 person added".to_string(),
        n => format!("{n} people added"),
    };
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("people.import", "organisation", organisation_id)
            .organisation(Some(organisation_id))
            .detail(match into.network_id {
                Some(n) => format!("{added}, members of network {n}"),
                None => added,
            }),
    )
    .await?;
    if let Some(id) = forget {
        forget_import_in(&mut tx, id).await?;
    }
    ctx.commit(tx).await?;
    // After many rows the planner's statistics are out of date; searches of the
    // register choose their indexes by them.
    if ids.len() >= 1000 {
        ctx.store.analyze().await?;
    }
    Ok(ids)
}

/// The organisation an upload is for: staff's own; for someone who sees every
/// organisation, the one they chose, which must exist.
pub async fn organisation_for(
    ctx: &Context,
    actor: &Actor,
    chosen: Option<i64>,
) -> Result<i64, AppError> {
    actor.require(Capability::WritePeople)?;
    let id = match actor.organisation_id {
        Some(own) if !actor.sees_every_organisation() => own,
        _ => chosen.ok_or_else(|| AppError::refused("organisation_id", Problem::Empty))?,
    };
    let exists = actor.sees(id)
        && ctx
            .store
            .owner_of(coproduce_store::owners::Owned::Organisation, id)
            .await
            .is_ok();
    if exists {
        Ok(id)
    } else {
        Err(AppError::refused(
            "organisation_id",
            Problem::NoSuch {
                noun: "organisation",
                id,
            },
        ))
    }
}

/// Keeps an uploaded spreadsheet for the actor's account until it is imported or a
/// day has passed, with an audit entry (a register file holds people's data).
/// Answers the kept file's id.
pub async fn keep(
    ctx: &Context,
    actor: &Actor,
    chosen_organisation: Option<i64>,
    filename: &str,
    bytes: &[u8],
) -> Result<i64, AppError> {
    let organisation_id = organisation_for(ctx, actor, chosen_organisation).await?;
    let account_id = actor.account_id.ok_or(AppError::NotFound)?;
    if bytes.is_empty() {
        return Err(AppError::refused("file", Problem::Empty));
    }
    let mut tx = ctx.begin().await?;
    let id = keep_import_in(
        &mut tx,
        organisation_id,
        account_id,
        filename,
        bytes,
        ctx.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        actor,
        Entry::new("people.import-upload", "organisation", organisation_id)
            .organisation(Some(organisation_id))
            .detail(format!("kept file {id}, {} bytes", bytes.len())),
    )
    .await?;
    ctx.commit(tx).await?;
    Ok(id)
}

/// A spreadsheet the actor kept: only the account that uploaded it sees it.
pub async fn kept(ctx: &Context, actor: &Actor, id: i64) -> Result<PendingImport, AppError> {
    actor.require(Capability::WritePeople)?;
    let account_id = actor.account_id.ok_or(AppError::NotFound)?;
    let pending = ctx.store.pending_import(id, account_id).await?;
    actor.visible(pending.organisation_id)?;
    Ok(pending)
}

/// Stores the column choices for a kept spreadsheet (`Header=field` or
/// `Header=ignore`, one a line).
pub async fn choose_columns(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    overrides: &[String],
) -> Result<(), AppError> {
    let pending = kept(ctx, actor, id).await?;
    let mut tx = ctx.begin().await?;
    set_import_overrides_in(&mut tx, pending.id, &overrides.join("\n")).await?;
    ctx.commit(tx).await
}

/// How a kept spreadsheet is to be read: its column choices and value maps, as
/// stored with it (a line that no longer reads is left out).
pub fn choices_of(kept: &PendingImport) -> Choices {
    Choices {
        columns: kept
            .overrides
            .lines()
            .filter_map(|l| parse_override(l).ok())
            .collect(),
        values: kept
            .value_map
            .lines()
            .filter_map(|l| ValueMap::parse(l).ok())
            .collect(),
    }
}

/// Stores what values of a kept spreadsheet mean, beside those said before (a new
/// word for the same column and value replaces the old).
pub async fn choose_values(
    ctx: &Context,
    actor: &Actor,
    id: i64,
    maps: &[ValueMap],
) -> Result<(), AppError> {
    let pending = kept(ctx, actor, id).await?;
    let mut all = choices_of(&pending).values;
    for m in maps {
        all.retain(|old| !old.matches(&m.column, &m.value));
        all.push(m.clone());
    }
    let lines: Vec<String> = all.iter().map(ValueMap::line).collect();
    let mut tx = ctx.begin().await?;
    set_import_values_in(&mut tx, pending.id, &lines.join("\n")).await?;
    ctx.commit(tx).await
}
