//! `serve`, `migrate` and `demo`.

use std::net::SocketAddr;

use coproduce_app::jobs::{Handlers, Worker};
use coproduce_app::{Clock, Context, Mailer, Settings};
use coproduce_store::Store;
use coproduce_web::{AppState, Config};

use crate::{DbArgs, Failure, ServeArgs, WebArgs, WorkerArgs};

/// The file `serve --demo` replaces at each start.
const DEMO_FILE: &str = "coproduce-demo.db";
/// Where `serve --demo` writes the email it would send.
const DEMO_MAIL: &str = "coproduce-demo-mail";

/// Connects and brings the schema up to date.
pub async fn open(url: &str) -> Result<Store, Failure> {
    let store = Store::connect(url).await?;
    store
        .migrate()
        .await
        .map_err(|e| Failure::running(format!("could not update the database tables: {e}")))?;
    Ok(store)
}

/// The application for a command run on the server, by whoever runs it: the
/// system clock, no mailer, the default settings.
pub fn command_context(store: Store) -> Context {
    Context::new(store, Clock::System, Mailer::None, Settings::default())
}

/// The application's settings and mailer, from the command line and environment.
pub fn app_settings(web: &WebArgs, addr: SocketAddr) -> Result<(Settings, Mailer), Failure> {
    let public_url = web
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"))
        .trim_end_matches('/')
        .to_string();
    if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
        return Err(Failure::input(format!(
            "the public URL \"{public_url}\" must start with http:// or https://"
        )));
    }
    let mailer = match (&web.smtp_url, &web.mail_dir) {
        (Some(url), _) => Mailer::smtp(url, &web.mail_from).map_err(Failure::input)?,
        (None, Some(dir)) => Mailer::folder(dir, &web.mail_from).map_err(Failure::input)?,
        (None, None) => Mailer::None,
    };
    let settings = Settings {
        public_url,
        job_lease: chrono::Duration::seconds(i64::from(web.job_lease_seconds)),
        mail_address: Settings::address_of(&web.mail_from),
    };
    Ok((settings, mailer))
}

/// Logs to standard error, at the level `RUST_LOG` names (info by default).
pub fn start_logging() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_target(false)
        .init();
}

/// A switch that turns on at Ctrl-C or SIGTERM, for a worker to stop by.
fn stop_on_signal() -> tokio::sync::watch::Receiver<bool> {
    let (tx, rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        coproduce_web::shutdown_signal().await;
        let _ = tx.send(true);
    });
    rx
}

pub async fn serve(args: ServeArgs) -> Result<(), Failure> {
    let ServeArgs {
        addr,
        demo,
        no_worker,
        db,
        web,
    } = args;
    let mut web = web;
    if demo && web.smtp_url.is_none() && web.mail_dir.is_none() {
        web.mail_dir = Some(DEMO_MAIL.into());
    }
    let (settings, mailer) = app_settings(&web, addr)?;
    let mut config = Config::default();
    start_logging();
    let url = if demo {
        for suffix in ["", "-wal", "-shm"] {
            let path = format!("{DEMO_FILE}{suffix}");
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Failure::running(format!("cannot replace {path}: {e}"))),
            }
        }
        format!("sqlite:{DEMO_FILE}")
    } else {
        db.url()
    };
    // Bind first: a busy port is reported before any database work.
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            Failure::input(format!(
                "cannot listen on {addr}: the address is already in use. Stop the other program or choose another address with --addr"
            ))
        } else {
            Failure::input(format!("cannot listen on {addr}: {e}"))
        }
    })?;
    let store = open(&url).await?;
    let ctx = Context::new(store.clone(), Clock::System, mailer, settings);
    if demo {
        let s = coproduce_app::demo::load(&ctx)
            .await
            .map_err(crate::refused)?;
        println!(
            "Demo loaded: {} organisations, {} charters, {} people, {} projects, {} activities, {} inputs.",
            s.organisations, s.charters, s.people, s.projects, s.activities, s.inputs
        );
        config.demo_sign_ins = coproduce_app::demo::create_demo_accounts(&ctx)
            .await
            .map_err(|e| Failure::running(e.to_string()))?;
        if let Some(dir) = &web.mail_dir {
            println!(
                "Email is written to {}/ as .eml files instead of being sent.",
                crate::shown(dir)
            );
        }
        println!("Demo sign-ins (made up for this run; also shown on the sign-in page):");
        for (role, email, password) in &config.demo_sign_ins {
            println!("  {role:<36} {email:<32} {password}");
        }
    }
    let local = listener.local_addr().unwrap_or(addr);
    println!("Coproduce is running at http://{local}/ (press Ctrl-C to stop)");
    tracing::info!(database = %coproduce_store::redact(&url), "serving");
    // The worker runs beside the server unless another process runs it.
    let stop = stop_on_signal();
    let worker = (!no_worker).then(|| {
        let w = Worker::new(ctx.clone(), Handlers::default());
        tokio::spawn(async move { w.run(stop).await })
    });
    coproduce_web::serve(listener, AppState::new(ctx, config, demo))
        .await
        .map_err(|e| Failure::running(format!("the server stopped: {e}")))?;
    if let Some(w) = worker {
        let _ = w.await;
    }
    store.close().await;
    Ok(())
}

/// `coproduce worker`: runs the job queue alone until Ctrl-C or SIGTERM, then
/// finishes or gives back the job in hand.
pub async fn worker(args: WorkerArgs) -> Result<(), Failure> {
    let WorkerArgs { db, web } = args;
    let addr = SocketAddr::from(([127, 0, 0, 1], 8080));
    let (settings, mailer) = app_settings(&web, addr)?;
    start_logging();
    let url = db.url();
    let store = open(&url).await?;
    let ctx = Context::new(store.clone(), Clock::System, mailer, settings);
    let w = Worker::new(ctx, Handlers::default());
    println!(
        "Worker {} is running jobs from {} (press Ctrl-C to stop)",
        w.name(),
        coproduce_store::redact(&url)
    );
    w.run(stop_on_signal()).await;
    store.close().await;
    Ok(())
}

pub async fn migrate(db: &DbArgs) -> Result<(), Failure> {
    let url = db.url();
    open(&url).await?;
    println!(
        "The database at {} is up to date.",
        coproduce_store::redact(&url)
    );
    Ok(())
}

pub async fn demo(db: &DbArgs) -> Result<(), Failure> {
    let url = db.url();
    let store = open(&url).await?;
    let ctx = Context::new(
        store.clone(),
        Clock::System,
        Mailer::None,
        Settings::default(),
    );
    let s = coproduce_app::demo::load(&ctx)
        .await
        .map_err(crate::refused)?;
    println!(
        "Demo loaded into {}: {} organisations, {} charters, {} people, {} projects, {} activities, {} inputs.",
        coproduce_store::redact(&url),
        s.organisations,
        s.charters,
        s.people,
        s.projects,
        s.activities,
        s.inputs
    );
    Ok(())
}
