//! `coproduce charter ...`: the built-in templates, and charters in the database.

use std::path::PathBuf;

use clap::Subcommand;
use coproduce_domain::charter::Charter;
use coproduce_domain::{Vocabulary, charter_file, templates};

use crate::run::open;
use crate::{DbArgs, Failure, shown};

#[derive(Debug, Subcommand)]
pub enum CharterCommand {
    /// List the built-in charter templates.
    #[command(after_help = "Example:
  coproduce charter templates")]
    Templates,
    /// Show a charter: the newest stored version with this key, or else the built-in
    /// template.
    #[command(after_help = "Examples:
  coproduce charter show las-pflas
  coproduce charter show scie --database-url sqlite:coproduce.db")]
    Show {
        /// The charter's key, such as las-pflas.
        key: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Write a charter in the charter file format (docs/charter-format.md).
    #[command(after_help = "Examples:
  coproduce charter export las-pflas > las-pflas.toml
  coproduce charter export scie --output scie.toml")]
    Export {
        /// The charter's key: the newest stored version, or else the built-in template.
        key: String,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Store a charter from a file, or adopt a built-in template. Nothing is stored
    /// unless the whole charter is valid.
    #[command(after_help = "Examples:
  coproduce charter import our-charter.toml
  coproduce charter import --template las-pflas")]
    Import {
        /// A charter file (TOML).
        #[arg(required_unless_present = "template", conflicts_with = "template")]
        file: Option<PathBuf>,
        /// The key of a built-in template to adopt instead.
        #[arg(long)]
        template: Option<String>,
        #[command(flatten)]
        db: DbArgs,
    },
}

/// The largest charter file read: far more than any real charter.
const MAX_FILE: u64 = 2 * 1024 * 1024;

pub async fn run(cmd: CharterCommand) -> Result<(), Failure> {
    match cmd {
        CharterCommand::Templates => {
            for c in templates::all() {
                println!(
                    "{:<16} {} ({} sections, {} commitments)",
                    c.key,
                    c.title,
                    c.sections.len(),
                    c.commitment_count()
                );
            }
            Ok(())
        }
        CharterCommand::Show { key, db } => {
            let c = find(&key, &db).await?;
            print!("{}", describe(&c));
            Ok(())
        }
        CharterCommand::Export { key, output, db } => {
            let c = find(&key, &db).await?;
            let text = charter_file::write(&c);
            match output {
                Some(path) => std::fs::write(&path, text)
                    .map_err(|e| Failure::input(format!("cannot write {}: {e}", shown(&path))))?,
                None => print!("{text}"),
            }
            Ok(())
        }
        CharterCommand::Import { file, template, db } => {
            let charter = match (file, template) {
                (Some(path), _) => read_file(&path)?,
                (None, Some(key)) => templates::get(&key).ok_or_else(|| unknown_template(&key))?,
                (None, None) => {
                    return Err(Failure::input("give a charter file or --template KEY"));
                }
            };
            let ctx = crate::run::command_context(open(&db.url()).await?);
            let r = coproduce_app::charters::adopt(&ctx, &coproduce_app::Actor::system(), &charter)
                .await
                .map_err(crate::refused)?;
            println!(
                "Stored \"{}\" version {} (id {}): {} sections, {} commitments.",
                r.title,
                r.version,
                r.id,
                charter.sections.len(),
                charter.commitment_count()
            );
            Ok(())
        }
    }
}

fn unknown_template(key: &str) -> Failure {
    let keys: Vec<_> = templates::keys().collect();
    Failure::input(format!(
        "there is no built-in template \"{key}\"; the templates are {}",
        keys.join(", ")
    ))
}

/// Reads and checks a charter file; every problem is reported with its line.
fn read_file(path: &std::path::Path) -> Result<Charter, Failure> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", shown(path))))?;
    if meta.len() > MAX_FILE {
        return Err(Failure::input(format!(
            "{} is {} bytes; a charter file can be at most {MAX_FILE} bytes",
            shown(path),
            meta.len()
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", shown(path))))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure::input(format!(
            "{} is not a text file (UTF-8): nothing was imported",
            shown(path)
        ))
    })?;
    charter_file::parse(&text).map_err(|errs| {
        let n = errs.0.len();
        Failure::input(format!(
            "{} has {n} problem{}; nothing was imported:\n{errs}",
            shown(path),
            if n == 1 { "" } else { "s" }
        ))
    })
}

/// The newest stored version with this key, or else the built-in template.
async fn find(key: &str, db: &DbArgs) -> Result<Charter, Failure> {
    let store = open(&db.url()).await?;
    match store.charter_by_key(key).await {
        Ok(record) => Ok(store.charter(record.id).await?.1),
        Err(coproduce_store::StoreError::NotFound) => templates::get(key).ok_or_else(|| {
            let keys: Vec<_> = templates::keys().collect();
            Failure::input(format!(
                "no charter \"{key}\" is stored, and there is no built-in template by that name ({})",
                keys.join(", ")
            ))
        }),
        Err(e) => Err(e.into()),
    }
}

/// A charter as plain text for the terminal.
fn describe(c: &Charter) -> String {
    let mut out = format!(
        "{} (version {})\nSource: {}\nKey: {}\nFeedback within {} days; reviewed every {} months\n",
        c.title, c.version, c.source, c.key, c.settings.feedback_days, c.settings.review_months
    );
    if let Some(s) = &c.summary {
        out.push_str(&format!("\n{s}\n"));
    }
    for s in &c.sections {
        out.push_str(&format!("\n{}  {}\n", s.key, s.title));
        for m in &s.commitments {
            let mut tags = vec![m.kind.label().to_string()];
            if let Some(r) = m.rung {
                tags.push(format!("rung: {}", r.label()));
            }
            if let Some(i) = m.indicator {
                tags.push(format!("measured: {}", i.slug()));
            }
            out.push_str(&format!(
                "  {:<5} {} [{}]\n",
                m.key,
                m.text,
                tags.join("; ")
            ));
        }
    }
    out
}
