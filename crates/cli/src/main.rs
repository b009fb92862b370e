//! The `coproduce` command. Thin: it reads arguments, then calls the store and web
//! crates. Exit codes: 0 success; 2 for input that cannot be used (an argument, a
//! database URL, an address, a file); 1 for a failure while running.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

mod admin;
mod audit;
mod charter;
mod import;
mod run;

const EXAMPLES: &str = "\
Examples:
  coproduce serve --demo                      Explore the demo at http://127.0.0.1:8080
  coproduce serve --database-url postgres://coproduce@db.example/coproduce
  coproduce migrate --database-url sqlite:coproduce.db
  coproduce worker --database-url postgres://coproduce@db.example/coproduce
  coproduce audit verify
  coproduce charter templates
  coproduce charter import my-charter.toml
  coproduce import people network.xlsx --organisation 2 --dry-run";

/// Run co-production, and prove from the work itself that a charter's promises are kept.
#[derive(Debug, Parser)]
#[command(name = "coproduce", version, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web pages and the JSON API.
    #[command(after_help = "Examples:
  coproduce serve                         Serve coproduce.db in this folder on 127.0.0.1:8080
  coproduce serve --demo                  Serve the demo partnership on a fresh database
  coproduce serve --addr 0.0.0.0:3000 --database-url postgres://coproduce@db.example/coproduce")]
    Serve(ServeArgs),
    /// Run the job queue (emails, reminders) without serving pages: for deployments
    /// with several web servers started with --no-worker.
    #[command(after_help = "Examples:
  coproduce worker --database-url postgres://coproduce@db.example/coproduce --smtp-url smtp://mail.example:25
  coproduce worker --database-url sqlite:coproduce.db")]
    Worker(WorkerArgs),
    /// Check the audit trail.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Create the database tables, or bring them up to date.
    #[command(after_help = "Example:
  coproduce migrate --database-url postgres://coproduce@db.example/coproduce")]
    Migrate(DbArgs),
    /// Load the demo partnership into a new, empty database.
    #[command(after_help = "Example:
  coproduce demo --database-url sqlite:demo.db")]
    Demo(DbArgs),
    /// List, show, import and export charters.
    #[command(subcommand)]
    Charter(charter::CharterCommand),
    /// Import people from a spreadsheet into the register.
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Make the first administrator's account.
    #[command(subcommand)]
    Admin(admin::AdminCommand),
    /// Print the OpenAPI document of the JSON API.
    #[command(after_help = "Example:
  coproduce openapi > openapi.json")]
    Openapi,
}

#[derive(Debug, Args)]
pub struct DbArgs {
    /// The database: sqlite:FILE or postgres://USER@HOST/NAME. Default: sqlite:coproduce.db
    #[arg(long, env = "DATABASE_URL", value_name = "URL")]
    database_url: Option<String>,
}

impl DbArgs {
    fn url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| "sqlite:coproduce.db".to_string())
    }
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    addr: SocketAddr,
    /// Start on a fresh demo database (coproduce-demo.db in this folder, replaced at
    /// each start), with a sign-in for each role.
    #[arg(long, conflicts_with = "database_url")]
    demo: bool,
    /// Do not run the job queue in this process: run `coproduce worker` beside it.
    #[arg(long)]
    no_worker: bool,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    web: WebArgs,
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    web: WebArgs,
}

#[derive(Debug, Args)]
pub struct WebArgs {
    /// The address people reach Coproduce at, used in links in emails. With https://
    /// the session cookie is marked Secure. Default: http:// and the --addr.
    #[arg(long, env = "COPRODUCE_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// The SMTP server for email (invitations, password resets), such as
    /// smtp://user:password@mail.example:587?tls=required. Without it, no email is sent.
    #[arg(long, env = "COPRODUCE_SMTP_URL", value_name = "URL")]
    smtp_url: Option<String>,
    /// Write email as .eml files to this folder instead of sending it, to try
    /// Coproduce out without an email server. `serve --demo` uses
    /// coproduce-demo-mail unless --smtp-url is given.
    #[arg(
        long,
        env = "COPRODUCE_MAIL_DIR",
        value_name = "FOLDER",
        conflicts_with = "smtp_url"
    )]
    mail_dir: Option<PathBuf>,
    /// The address email comes from.
    #[arg(
        long,
        env = "COPRODUCE_MAIL_FROM",
        default_value = "Coproduce <coproduce@localhost>",
        value_name = "ADDRESS"
    )]
    mail_from: String,
    /// How long a worker holds a job before another may take it, in seconds: a job
    /// whose worker died runs again after this long.
    #[arg(
        long,
        env = "COPRODUCE_JOB_LEASE_SECONDS",
        default_value_t = 300,
        value_parser = clap::value_parser!(u32).range(5..=86_400),
        value_name = "SECONDS"
    )]
    job_lease_seconds: u32,
}

/// A failure, and the exit code it earns.
pub struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    /// Input that cannot be used: exit code 2.
    pub fn input(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// A failure while running: exit code 1.
    pub fn running(message: impl Into<String>) -> Self {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

/// What the application refused, as the command line says it: a person's mistake
/// (a clash, a value) is bad input, exit 2; anything else a failure, exit 1.
pub fn refused(e: coproduce_app::AppError) -> Failure {
    use coproduce_app::AppError as E;
    match e {
        E::Conflict(m) => Failure::input(m),
        E::Invalid(errors) => Failure::input(errors.to_string()),
        E::Store(s) => s.into(),
        other => Failure::running(other.to_string()),
    }
}

impl From<coproduce_store::StoreError> for Failure {
    fn from(e: coproduce_store::StoreError) -> Self {
        use coproduce_store::StoreError as E;
        match e {
            E::Config(_) | E::Unreachable(_) => Failure::input(e.to_string()),
            other => Failure::running(other.to_string()),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start: {e}");
            return ExitCode::from(1);
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve(a) => run::serve(a).await,
            Command::Worker(a) => run::worker(a).await,
            Command::Audit(c) => audit::run(c).await,
            Command::Migrate(db) => run::migrate(&db).await,
            Command::Demo(db) => run::demo(&db).await,
            Command::Charter(c) => charter::run(c).await,
            Command::Admin(c) => admin::run(c).await,
            Command::Import(c) => import::run(c).await,
            Command::Openapi => {
                println!("{}", coproduce_web::openapi_json());
                Ok(())
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// Where a file argument points, for messages.
pub fn shown(path: &std::path::Path) -> String {
    PathBuf::from(path).display().to_string()
}
