//! `coproduce audit verify`: checks the audit trail's chain of hashes.

use clap::Subcommand;

use crate::run::open;
use crate::{DbArgs, Failure};

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check that no entry of the audit trail was changed, removed or inserted out
    /// of order. Exits with 1 and names each entry at fault if any was.
    #[command(after_help = "Example:
  coproduce audit verify --database-url postgres://coproduce@db.example/coproduce")]
    Verify {
        #[command(flatten)]
        db: DbArgs,
    },
}

pub async fn run(cmd: AuditCommand) -> Result<(), Failure> {
    let AuditCommand::Verify { db } = cmd;
    let store = open(&db.url()).await?;
    let report = store.verify_audit().await?;
    store.close().await;
    if report.problems.is_empty() {
        println!(
            "The audit trail is whole: {} entries, each following the one before.",
            report.entries
        );
        return Ok(());
    }
    for p in &report.problems {
        println!("{p}");
    }
    Err(Failure::running(format!(
        "the audit trail has been tampered with: {} problem{} in {} entries",
        report.problems.len(),
        if report.problems.len() == 1 { "" } else { "s" },
        report.entries
    )))
}
