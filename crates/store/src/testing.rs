//! Test databases for both backends, for this crate's tests and the web crate's.
//!
//! Every test gets a database of its own: a new SQLite file, or a new PostgreSQL
//! database on the server named by `COPRODUCE_TEST_POSTGRES` (for example
//! `postgres://postgres@127.0.0.1:5432/`), created, migrated, and dropped when the
//! test ends. Without that variable the PostgreSQL half of each test says so and does
//! nothing, unless `CI` is set, where it fails: CI always runs both.

use std::path::PathBuf;

use crate::Store;

/// The time tests write at unless they choose another: a Tuesday in summer, London
/// an hour ahead of UTC. Tests never read the system clock.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2026-07-14T09:00:00Z")
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default()
}

/// Today in London at [`now`].
pub fn today() -> chrono::NaiveDate {
    coproduce_domain::time::london_date(now())
}

/// The environment variable naming the PostgreSQL server for tests.
pub const POSTGRES_ENV: &str = "COPRODUCE_TEST_POSTGRES";

/// A database made for one test.
pub struct TestDb {
    pub store: Store,
    /// The database's URL, for a process of its own (`coproduce worker`, say).
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Database { admin_url: String, name: String },
}

fn unique_name() -> String {
    format!(
        "coproduce_test_{}_{:016x}",
        std::process::id(),
        rand::random::<u64>()
    )
}

impl TestDb {
    /// A fresh, migrated SQLite database in a temporary file.
    pub async fn sqlite() -> TestDb {
        let path = std::env::temp_dir().join(format!("{}.db", unique_name()));
        let url = format!("sqlite:{}", path.display());
        let store = Store::connect(&url)
            .await
            .expect("open a SQLite test database");
        store
            .migrate()
            .await
            .expect("migrate the SQLite test database");
        TestDb {
            store,
            url,
            cleanup: Cleanup::File(path),
        }
    }

    /// A fresh, migrated PostgreSQL database, or `None` (with a message) when no server
    /// is configured outside CI.
    pub async fn postgres() -> Option<TestDb> {
        let admin_url = match std::env::var(POSTGRES_ENV) {
            Ok(u) if !u.trim().is_empty() => u,
            _ => {
                if std::env::var_os("CI").is_some() {
                    panic!("{POSTGRES_ENV} is not set: CI must run the PostgreSQL tests");
                }
                eprintln!("PostgreSQL half skipped: set {POSTGRES_ENV} to run it");
                return None;
            }
        };
        let admin = Store::connect(&admin_url).await.unwrap_or_else(|e| {
            panic!("PostgreSQL for tests ({POSTGRES_ENV}) is unreachable: {e}")
        });
        let name = unique_name();
        admin
            .execute_admin(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create the PostgreSQL test database");
        admin.close().await;
        let url = database_url(&admin_url, &name);
        let store = Store::connect(&url)
            .await
            .expect("open the PostgreSQL test database");
        store
            .migrate()
            .await
            .expect("migrate the PostgreSQL test database");
        Some(TestDb {
            store,
            url,
            cleanup: Cleanup::Database { admin_url, name },
        })
    }

    /// Closes the store and removes the database.
    pub async fn finish(self) {
        self.store.close().await;
        match self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Database { admin_url, name } => {
                if let Ok(admin) = Store::connect(&admin_url).await {
                    let _ = admin
                        .execute_admin(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    admin.close().await;
                }
            }
        }
    }
}

/// The URL of database `name` on the server of `admin_url`.
fn database_url(admin_url: &str, name: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (admin_url, String::new()),
    };
    // Keep scheme, credentials and host; replace any path with the new database.
    let after_scheme = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[after_scheme..]
        .find('/')
        .map(|i| after_scheme + i)
        .unwrap_or(base.len());
    format!("{}/{name}{query}", &base[..host_end])
}

/// Figures that change when almost any record is added, removed or changed: how many
/// rows each table holds, the lengths of names and titles, how many things were
/// withdrawn, left or answered, and the audit trail's last number. For tests that
/// a refused request changed nothing.
pub async fn fingerprint(store: &Store) -> Vec<i64> {
    const SQL: &[&str] = &[
        "SELECT COUNT(*) FROM organisations",
        "SELECT COALESCE(SUM(LENGTH(name)), 0) FROM organisations",
        "SELECT COUNT(*) FROM people",
        "SELECT COALESCE(SUM(LENGTH(name)), 0) FROM people",
        "SELECT COUNT(*) FROM people WHERE erased_at IS NOT NULL",
        "SELECT COUNT(*) FROM projects",
        "SELECT COALESCE(SUM(LENGTH(title)), 0) FROM projects",
        "SELECT COUNT(*) FROM activities",
        "SELECT COALESCE(SUM(LENGTH(title)), 0) FROM activities",
        "SELECT COUNT(*) FROM attendance",
        "SELECT COUNT(*) FROM inputs",
        "SELECT COALESCE(SUM(LENGTH(said) + LENGTH(COALESCE(response, ''))), 0) FROM inputs",
        "SELECT COUNT(*) FROM person_needs",
        "SELECT COUNT(*) FROM consents",
        "SELECT COUNT(*) FROM consents WHERE withdrawn_on IS NOT NULL",
        "SELECT COUNT(*) FROM equality_answers",
        "SELECT COUNT(*) FROM networks",
        "SELECT COALESCE(SUM(LENGTH(name)), 0) FROM networks",
        "SELECT COUNT(*) FROM network_documents",
        "SELECT COUNT(*) FROM memberships",
        "SELECT COUNT(*) FROM memberships WHERE left_on IS NOT NULL",
        "SELECT COUNT(*) FROM signatures",
        "SELECT COUNT(*) FROM stand_downs",
        "SELECT COUNT(*) FROM courses",
        "SELECT COUNT(*) FROM training_sessions",
        "SELECT COUNT(*) FROM completions",
        "SELECT COUNT(*) FROM pending_imports",
        "SELECT COUNT(*) FROM signatories",
        "SELECT COUNT(*) FROM jobs",
        "SELECT seq FROM audit_head",
    ];
    let mut out = Vec::new();
    for sql in SQL {
        let n = on_pool!(store, |p| sqlx::query_scalar::<_, i64>(*sql)
            .fetch_one(p)
            .await)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
        out.push(n);
    }
    out
}

/// Runs each named `async fn(Store)` once on SQLite and once on PostgreSQL, as two
/// tests: `sqlite::NAME` and `postgres::NAME`.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let db = $crate::testing::TestDb::sqlite().await;
                    super::$name(db.store.clone()).await;
                    db.finish().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let Some(db) = $crate::testing::TestDb::postgres().await else {
                        return;
                    };
                    super::$name(db.store.clone()).await;
                    db.finish().await;
                }
            )*
        }
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn test_database_urls() {
        assert_eq!(
            super::database_url("postgres://postgres@127.0.0.1:5432/", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            super::database_url("postgres://u:p@h/postgres?sslmode=disable", "t1"),
            "postgres://u:p@h/t1?sslmode=disable"
        );
    }
}
