//! The connection pool and the one dispatch point between SQLite and PostgreSQL.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool};

use crate::StoreError;

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A handle to the database. Cheap to clone: clones share one pool.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: Pool,
}

/// An open transaction on either backend. Dropped without [`Tx::commit`], it rolls back.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

/// Runs the same query code on whichever pool the store holds.
macro_rules! on_pool {
    ($store:expr, |$p:ident| $body:expr) => {
        match &$store.pool {
            $crate::db::Pool::Sqlite($p) => $body,
            $crate::db::Pool::Postgres($p) => $body,
        }
    };
}

/// Runs the same query code on whichever connection a transaction holds.
macro_rules! on_tx {
    ($tx:expr, |$c:ident| $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::db::Tx::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}

impl Tx {
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// Explains a database URL that cannot be used, in one line.
fn bad_url(url: &str, why: impl std::fmt::Display) -> StoreError {
    StoreError::Config(format!(
        "the database URL {} cannot be used: {why}",
        redact(url)
    ))
}

/// A database URL with any password replaced, safe to print or log.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:****{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

impl Store {
    /// Connects to the database a URL names: `sqlite:path` (the file is created if
    /// missing) or `postgres://...`. Fails fast with a one-line reason if the URL is
    /// malformed or the server cannot be reached.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let pool = if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)
                .map_err(|e| bad_url(url, e))?
                .create_if_missing(true)
                .foreign_keys(true)
                .journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(5));
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(5))
                .connect_with(opts)
                .await
                .map_err(|e| StoreError::Unreachable(format!("{}: {e}", redact(url))))?;
            Pool::Sqlite(pool)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url).map_err(|e| bad_url(url, e))?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(5))
                .connect_with(opts)
                .await
                .map_err(|e| StoreError::Unreachable(format!("{}: {e}", redact(url))))?;
            Pool::Postgres(pool)
        } else {
            return Err(bad_url(
                url,
                "it must start with sqlite: (for example sqlite:coproduce.db) or postgres://",
            ));
        };
        Ok(Store { pool })
    }

    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies any migrations not yet applied. Migrations are never edited once
    /// released: a change is a new file.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.pool {
            Pool::Sqlite(p) => sqlx::migrate!("./migrations/sqlite").run(p).await?,
            Pool::Postgres(p) => sqlx::migrate!("./migrations/postgres").run(p).await?,
        }
        Ok(())
    }

    /// Whether the database answers a trivial query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_pool!(self, |p| sqlx::query("SELECT 1")
            .execute(p)
            .await
            .map(|_| ()))?;
        Ok(())
    }

    /// Refreshes the statistics the query planner chooses indexes by, as after a large
    /// import: `ANALYZE` on both backends.
    pub async fn analyze(&self) -> Result<(), StoreError> {
        on_pool!(self, |p| sqlx::query("ANALYZE")
            .execute(p)
            .await
            .map(|_| ()))?;
        Ok(())
    }

    /// Starts a transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), waiting its turn behind another writer, so a transaction that
    /// reads before it writes is never refused as "database is locked" when another
    /// writer committed in between.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match &self.pool {
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }

    /// Runs one statement built at run time, for tests only: creating and dropping
    /// test databases, and tampering with rows to show that checks catch it.
    #[cfg(any(test, feature = "testing"))]
    pub async fn execute_admin(&self, sql: &str) -> Result<(), StoreError> {
        on_pool!(self, |p| {
            sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
                .execute(p)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        on_pool!(self, |p| p.close().await)
    }
}

/// A row type that reads from either backend.
pub(crate) trait Record:
    for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
    + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
    + Send
    + Unpin
    + HasId
{
}

impl<T> Record for T where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin
        + HasId
{
}

/// A record's id, the key of every list's stable order.
pub(crate) trait HasId {
    fn id(&self) -> i64;
}

impl Store {
    /// Reads one record by id (`$1`), or [`StoreError::NotFound`].
    pub(crate) async fn by_id<T: Record>(
        &self,
        sql: &'static str,
        id: i64,
    ) -> Result<T, StoreError> {
        on_pool!(self, |p| sqlx::query_as::<_, T>(sql)
            .bind(id)
            .fetch_optional(p)
            .await)?
        .ok_or(StoreError::NotFound)
    }

    /// Reads one page of a list. The query takes `$1` = the id to start after and
    /// `$2` = how many rows to read, and `$3` = `scope` when it is given; it must order
    /// by id.
    pub(crate) async fn page<T: Record>(
        &self,
        sql: &'static str,
        page: crate::PageRequest,
        scope: Option<i64>,
    ) -> Result<crate::Page<T>, StoreError> {
        let rows = on_pool!(self, |p| {
            let q = sqlx::query_as::<_, T>(sql)
                .bind(page.after)
                .bind(page.fetch());
            match scope {
                Some(s) => q.bind(s),
                None => q,
            }
            .fetch_all(p)
            .await
        })?;
        Ok(page.page(rows, HasId::id))
    }

    /// Reads one page of a list that may be narrowed: `all` for [`Within::All`],
    /// `parent` for [`Within::Parent`] and `organisation` for
    /// [`Within::Organisation`], each taking the narrowing id as `$3`.
    pub(crate) async fn page_within<T: Record>(
        &self,
        [all, parent, organisation]: [&'static str; 3],
        page: crate::PageRequest,
        within: crate::Within,
    ) -> Result<crate::Page<T>, StoreError> {
        match within {
            crate::Within::All => self.page(all, page, None).await,
            crate::Within::Parent(id) => self.page(parent, page, Some(id)).await,
            crate::Within::Organisation(id) => self.page(organisation, page, Some(id)).await,
        }
    }

    /// Fails with [`StoreError::Missing`] naming `field` unless `sql` (taking the id
    /// as `$1`) finds a row.
    pub(crate) async fn require(
        &self,
        sql: &'static str,
        field: &'static str,
        noun: &'static str,
        id: i64,
    ) -> Result<(), StoreError> {
        let found = on_pool!(self, |p| {
            sqlx::query(sql)
                .bind(id)
                .fetch_optional(p)
                .await
                .map(|r| r.is_some())
        })?;
        if found {
            Ok(())
        } else {
            Err(StoreError::Missing { field, noun, id })
        }
    }
}

/// Turns the row count of an UPDATE by id into [`StoreError::NotFound`] when no row
/// had that id.
pub(crate) fn updated(rows: u64) -> Result<(), StoreError> {
    if rows == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// Declares that records have an `id` field.
macro_rules! has_id {
    ($($t:ty),+) => {
        $(impl $crate::db::HasId for $t {
            fn id(&self) -> i64 {
                self.id
            }
        })+
    };
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_print() {
        assert_eq!(
            redact("postgres://ann:secret@db.example:5432/coproduce"),
            "postgres://ann:****@db.example:5432/coproduce"
        );
        assert_eq!(redact("postgres://ann@db/x"), "postgres://ann@db/x");
        assert_eq!(redact("sqlite:coproduce.db"), "sqlite:coproduce.db");
    }
}
