//! `coproduce import people FILE`: a register spreadsheet into the database, after a
//! dry run that reports every problem by row and column. All or nothing.

use std::path::PathBuf;

use clap::Subcommand;
use coproduce_app::import::{
    self as register_import, Choices, MAX_BYTES, ValueMap, parse_override,
};
use coproduce_app::{Actor, AppError};
use coproduce_import::Field;
use indicatif::{ProgressBar, ProgressStyle};

use crate::run::open;
use crate::{DbArgs, Failure, shown};

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import people from a spreadsheet (CSV or XLSX). Every row is checked first;
    /// if any row has a problem, each is listed by row and column and nothing is
    /// stored. People already in the register (the same email or phone number) are
    /// listed and skipped.
    #[command(after_help = "Examples:
  coproduce import people network.xlsx --organisation 2 --dry-run
  coproduce import people network.csv --organisation 2
  coproduce import people network.csv --organisation 2 --map \"Contact=email\" --map \"Notes=ignore\"
  coproduce import people network.csv --organisation 2 --map-value \"Access needs:Sign lang.=bsl-interpreter\"

Columns are matched from their headers as registers name them (First name and
Surname, DOB, Ethnicity, Access needs, Date joined, ...); the fields are name,
first_name, surname, preferred_name, pronouns, email, phone, address, postcode,
preferred_contact, roles, affiliations, interests, availability, avoid_rush_hour,
languages, born_on, needs, guardian, ethnic_group, joined_on.

Values are read as people write them (\"BSL interpreter\", \"Large print 24pt\", the
Census wording of ethnic groups, 31/01/2024). The dry run lists each value it does
not know once, with how many rows have it; --map-value says what it means.")]
    People {
        /// The spreadsheet: CSV (UTF-8) or XLSX.
        file: PathBuf,
        /// The organisation whose register the people join (its id).
        #[arg(long, value_name = "ID")]
        organisation: i64,
        /// Read a column as a field: HEADER=FIELD, or HEADER=ignore. May be repeated.
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        map: Vec<String>,
        /// Read a value of a column as an entry: "COLUMN:VALUE=ENTRY", or
        /// "COLUMN:VALUE=ignore" to leave it out. May be repeated.
        #[arg(long = "map-value", value_name = "COLUMN:VALUE=ENTRY")]
        map_value: Vec<String>,
        /// Make each person a member of this network of the organisation (its id),
        /// from their "Date joined" column or from today.
        #[arg(long, value_name = "ID")]
        network: Option<i64>,
        /// How many rows with problems to list after the summary (0 for none).
        #[arg(long, value_name = "N", default_value_t = 20)]
        show_rows: usize,
        /// Check the file and report, storing nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        db: DbArgs,
    },
}

pub async fn run(cmd: ImportCommand) -> Result<(), Failure> {
    let ImportCommand::People {
        file,
        organisation,
        map,
        map_value,
        network,
        show_rows,
        dry_run,
        db,
    } = cmd;
    let choices = Choices {
        columns: map
            .iter()
            .map(|m| parse_override(m).map_err(|e| Failure::input(format!("--map: {e}"))))
            .collect::<Result<_, _>>()?,
        values: map_value
            .iter()
            .map(|m| ValueMap::parse(m).map_err(|e| Failure::input(format!("--map-value: {e}"))))
            .collect::<Result<_, _>>()?,
    };
    let size = std::fs::metadata(&file)
        .map_err(|e| Failure::input(format!("{}: {e}", shown(&file))))?
        .len();
    if size > MAX_BYTES as u64 {
        return Err(Failure::input(format!(
            "{}: the file is larger than {} MB",
            shown(&file),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let bytes =
        std::fs::read(&file).map_err(|e| Failure::input(format!("{}: {e}", shown(&file))))?;
    let store = open(&db.url()).await?;
    store.organisation(organisation).await.map_err(|_| {
        Failure::input(format!(
            "--organisation: there is no organisation with id {organisation}"
        ))
    })?;
    // Run on the server by whoever runs it: Coproduce itself is the actor.
    let ctx = crate::run::command_context(store);
    let actor = Actor::system();
    let today = coproduce_domain::time::london_date(ctx.now());
    let plan = register_import::plan(&ctx, &actor, organisation, &bytes, &choices, today)
        .await
        .map_err(failed)?;
    let report = &plan.report;
    if report.header_row > 0 {
        println!("Header: row {}", report.header_row);
        for (header, field) in &report.columns {
            println!("  {header:<30} {}", field.map_or("(ignored)", |f| f.key()));
        }
    }
    let to_add = plan.to_add().len();
    println!(
        "{} people read, {} blank rows skipped, {} already in the register",
        report.rows.len(),
        report.blank_rows,
        plan.duplicates.len()
    );
    if report.repeated_headers > 0 {
        println!(
            "{} rows repeating the header skipped",
            report.repeated_headers
        );
    }
    for d in &plan.duplicates {
        println!(
            "  row {}: already in the register as {} (id {}), same {}: skipped",
            d.row,
            d.existing_name,
            d.existing_id,
            if d.on == Field::Email {
                "email"
            } else {
                "phone number"
            }
        );
    }
    if !report.problems.is_empty() {
        let name = shown(&file);
        eprintln!("{name}: what is wrong, by column, most rows first:");
        for g in report.groups() {
            eprintln!("  {g}");
        }
        let unknown = report.unknown_values();
        if !unknown.is_empty() {
            eprintln!("Values Coproduce does not know, each once; say what each means with");
            eprintln!("--map-value \"COLUMN:VALUE=ENTRY\" (or =ignore):");
            for u in &unknown {
                let rows = if u.rows == 1 { "row" } else { "rows" };
                eprintln!("  {}: \"{}\" on {} {rows}", u.column, u.value, u.rows);
            }
        }
        if show_rows > 0 {
            eprintln!("The rows:");
            for p in report.problems.iter().take(show_rows) {
                eprintln!("  {p}");
            }
            if report.problems.len() > show_rows {
                eprintln!(
                    "  ... and {} more (--show-rows N lists more)",
                    report.problems.len() - show_rows
                );
            }
        }
        return Err(Failure::input(format!(
            "{} problems found; nothing was imported",
            report.problems.len()
        )));
    }
    if dry_run {
        println!("Dry run: {to_add} people would be added; nothing was stored.");
        return Ok(());
    }
    if to_add == 0 {
        println!("No one to add.");
        return Ok(());
    }
    let bar = ProgressBar::new(to_add as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} people")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let into = register_import::Destination {
        organisation_id: organisation,
        network_id: network,
    };
    let ids = register_import::import(&ctx, &actor, into, &plan, today, |n| {
        bar.set_position(n as u64)
    })
    .await
    .map_err(|e| match e {
        AppError::Invalid(errors) => Failure::input(format!(
            "--network: {}; nothing was imported",
            errors
                .0
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("; ")
        )),
        other => Failure::running(format!("nothing was imported: {other}")),
    })?;
    bar.finish_and_clear();
    match network {
        Some(n) => println!(
            "Imported {} people, each a member of network {n}.",
            ids.len()
        ),
        None => println!("Imported {} people.", ids.len()),
    }
    Ok(())
}

/// A failure of the application, as the command line reports it.
fn failed(e: AppError) -> Failure {
    match e {
        AppError::NotFound => Failure::input("--organisation: there is no such organisation"),
        other => Failure::running(other.to_string()),
    }
}
