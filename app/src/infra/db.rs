//! The database: SQLite (embedded, WAL, foreign keys on) or PostgreSQL, chosen by the URL scheme and
//! reached through sqlx's `Any` driver so one set of portable SQL serves both (the one exception,
//! JSON aggregation, is written once in `DbKind::packed_rows`). Each dialect has its own migration
//! folder; the integration suite runs on both to prove they stay equivalent.
//! Portable conventions: integers are 64-bit, money is integer cents, times are unix seconds,
//! flags are 0/1 integers, parameters are written `$1, $2, ...`.

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub kind: DbKind,
}

impl DbKind {
    /// The kind of database a connection (or transaction) is to, as sqlx names its backend.
    pub fn of(conn: &sqlx::AnyConnection) -> DbKind {
        if conn.backend_name().eq_ignore_ascii_case("sqlite") {
            DbKind::Sqlite
        } else {
            DbKind::Postgres
        }
    }

    /// A column that packs the rows of a group into one JSON array of arrays (`columns` in order,
    /// rows ordered by `order`), as text: the one place the dialects differ in a query. A page that
    /// reads many small rows (a schedule, a ledger) gets one row per contract instead: with sqlx
    /// every row is a hand-off between threads, and those hand-offs, not the queries, were what
    /// the dashboard spent its time on (BENCHMARKS.md).
    pub fn packed_rows(self, columns: &str, order: &str) -> String {
        match self {
            DbKind::Sqlite => {
                format!("CAST(json_group_array(json_array({columns}) ORDER BY {order}) AS TEXT)")
            }
            DbKind::Postgres => {
                format!("CAST(json_agg(json_build_array({columns}) ORDER BY {order}) AS TEXT)")
            }
        }
    }
}

impl Db {
    /// `DbKind::packed_rows` for this database.
    pub fn packed_rows(&self, columns: &str, order: &str) -> String {
        self.kind.packed_rows(columns, order)
    }

    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let kind = if url.starts_with("sqlite:") {
            DbKind::Sqlite
        } else {
            DbKind::Postgres
        };
        if kind == DbKind::Sqlite {
            ensure_sqlite_dir(url);
        }
        let options = AnyConnectOptions::from_str(url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(if kind == DbKind::Sqlite { 8 } else { 16 })
            // Far above any wait of a healthy pool under load; in an outage a person hears so in 5 s.
            .acquire_timeout(Duration::from_secs(5))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if kind == DbKind::Sqlite {
                        conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        if kind == DbKind::Sqlite {
            pool.execute("PRAGMA journal_mode = WAL;").await?;
        }
        Ok(Db { pool, kind })
    }

    /// Starts a transaction that will write. On SQLite it is `BEGIN IMMEDIATE`: the write lock is
    /// taken (waiting up to the busy timeout) before the first read, because a deferred
    /// transaction that reads and then writes fails at once (SQLITE_BUSY_SNAPSHOT) when another
    /// connection — a background job on this instance — committed in between.
    pub async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.kind {
            DbKind::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            DbKind::Postgres => self.pool.begin().await,
        }
    }

    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self.kind {
            DbKind::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await,
            DbKind::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await,
        }
    }
}

fn ensure_sqlite_dir(url: &str) {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return;
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        let _ = std::fs::create_dir_all(parent);
    }
}

/// Whether an error is a unique-constraint violation (both dialects).
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.is_unique_violation()
                || db.code().as_deref() == Some("23505")
                || db.code().as_deref() == Some("2067")
        }
        _ => false,
    }
}
