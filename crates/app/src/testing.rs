//! The test application: the app on either database, with a set clock, the
//! in-memory mailer, and a way to run the jobs that are due.

use chrono::{DateTime, Utc};
use coproduce_store::testing::TestDb;

use coproduce_domain::account::Role;
use coproduce_store::accounts::{Account, AccountFields};

use crate::jobs::{Handlers, Ran, Worker};
use crate::mail::Memory;
use crate::sessions::{self, SignIn};
use crate::{Actor, Clock, Context, Mailer, Settings};

/// The password of every account [`TestApp::signed_in`] makes.
pub const PASSWORD: &str = "correct horse battery";

/// An account signed in through the real sign-in.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub account: Account,
    /// Who the account acts as, for calling operations directly.
    pub actor: Actor,
    /// The secret of its session cookie.
    pub session: String,
}

/// The time a test application's clock starts at unless told otherwise: a Tuesday
/// in summer, London an hour ahead of UTC.
pub fn default_start() -> DateTime<Utc> {
    coproduce_store::testing::now()
}

/// An application on a database of its own.
pub struct TestApp {
    pub ctx: Context,
    /// What the in-memory mailer was given.
    pub mail: Memory,
    db: TestDb,
}

impl TestApp {
    /// Builds one on the database given, with a set clock and the in-memory mailer.
    pub fn on(db: TestDb) -> TestApp {
        let (mailer, mail) = Mailer::memory();
        let ctx = Context::new(
            db.store.clone(),
            Clock::set(default_start()),
            mailer,
            Settings {
                public_url: "https://coproduce.test".into(),
                ..Settings::default()
            },
        );
        TestApp { ctx, mail, db }
    }

    pub async fn sqlite() -> TestApp {
        TestApp::on(TestDb::sqlite().await)
    }

    /// `None` (with a message) where PostgreSQL is not configured outside CI.
    pub async fn postgres() -> Option<TestApp> {
        TestDb::postgres().await.map(TestApp::on)
    }

    /// The same application with another mailer (a real SMTP server, say).
    pub fn with_mailer(mut self, mailer: Mailer) -> TestApp {
        self.ctx.mailer = mailer;
        self
    }

    /// The same application with other settings.
    pub fn with_settings(mut self, settings: Settings) -> TestApp {
        self.ctx.settings = std::sync::Arc::new(settings);
        self
    }

    /// The database's URL, for a process of its own.
    pub fn database_url(&self) -> &str {
        &self.db.url
    }

    pub fn clock(&self) -> &Clock {
        &self.ctx.clock
    }

    /// Runs every job due now with Coproduce's own handlers.
    pub async fn run_jobs(&self) -> Vec<Ran> {
        self.run_jobs_with(Handlers::default()).await
    }

    /// Runs every job due now with the handlers given.
    pub async fn run_jobs_with(&self, handlers: Handlers) -> Vec<Ran> {
        Worker::new(self.ctx.clone(), handlers)
            .run_pending()
            .await
            .unwrap_or_else(|e| panic!("the worker could not run: {e}"))
    }

    /// Makes an account of this role (in this organisation) with [`PASSWORD`] and
    /// signs it in as a person would, through [`sessions::sign_in`].
    pub async fn signed_in(&self, role: Role, organisation_id: Option<i64>) -> SignedIn {
        let email = format!(
            "{}.{:08x}@test.example",
            coproduce_domain::Vocabulary::slug(role),
            rand::random::<u32>()
        );
        let fields = AccountFields {
            email: email.clone(),
            name: format!("Test {}", coproduce_domain::Vocabulary::label(role)),
            role,
            organisation_id,
        };
        let hash = crate::password::hash(PASSWORD.into())
            .await
            .unwrap_or_else(|e| panic!("could not hash the test password: {e}"));
        crate::accounts::create_with_password(&self.ctx, &Actor::system(), &fields, &hash)
            .await
            .unwrap_or_else(|e| panic!("could not make the test account: {e}"));
        let signed = sessions::sign_in(
            &self.ctx,
            &Actor::public(None),
            &email,
            PASSWORD.into(),
            &[],
        )
        .await
        .unwrap_or_else(|e| panic!("could not sign in: {e}"));
        let SignIn::Started(started) = signed else {
            panic!("the test account could not sign in: {signed:?}");
        };
        let a = started.account;
        SignedIn {
            actor: Actor::account(a.id, a.role, a.organisation_id, a.person_id, None),
            account: a,
            session: started.secret,
        }
    }

    /// Removes the database.
    pub async fn finish(self) {
        self.db.finish().await;
    }
}

/// Runs each named `async fn(&TestApp)` once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! app_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let app = $crate::testing::TestApp::sqlite().await;
                    super::$name(&app).await;
                    app.finish().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let Some(app) = $crate::testing::TestApp::postgres().await else {
                        return;
                    };
                    super::$name(&app).await;
                    app.finish().await;
                }
            )*
        }
    };
}
