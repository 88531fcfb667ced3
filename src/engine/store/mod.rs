//! The engine's persistence: one SQL dialect over sqlx's `Any` driver, SQLite by
//! default (a file beside the config, WAL) and PostgreSQL for shared deployments.

mod dsn;
mod rows;

use std::str::FromStr;
use std::time::Duration;

#[cfg(test)]
use sqlx::AssertSqlSafe;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Executor, SqlSafeStr};

pub use dsn::{Dsn, DsnError};
pub use rows::*;

/// The embedded migrations, shared by both databases. Built by hand rather than
/// with `sqlx::migrate!`, which would pull in sqlx's compile-time macro stack.
fn migrator() -> Migrator {
    let migration = |version: i64, description: &'static str, sql: &'static str| {
        Migration::new(
            version,
            description.into(),
            MigrationType::Simple,
            sql.into_sql_str(),
            false,
        )
    };
    Migrator::with_migrations(vec![migration(
        20261122000001,
        "engine",
        include_str!("../../../migrations/20261122000001_engine.sql"),
    )])
}

/// Which database a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file; one writer at a time.
    Sqlite,
    /// A PostgreSQL server; several engines may share it.
    Postgres,
}

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The DSN could not be used.
    #[error(transparent)]
    Dsn(#[from] DsnError),
    /// The database refused a connection or a statement.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrations failed.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored JSON column did not parse: the database was edited by hand.
    #[error("corrupt {column} in the database: {message}")]
    Corrupt {
        /// Table and column.
        column: &'static str,
        /// The parser's complaint.
        message: String,
    },
}

/// A connection pool with migrations applied.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

/// Set on every SQLite connection, one statement each (a multi-statement string
/// would run only its first). WAL lets readers in other processes (`list
/// courier-messages` during `courier watch`) run beside the writer; NORMAL sync
/// is durable in WAL but for the last commits before a power cut, never corrupting.
const SQLITE_PRAGMAS: &[&str] = &[
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
];

/// An open transaction.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

impl Store {
    /// Connects, applies pending migrations and returns the store.
    pub async fn open(dsn: &Dsn) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let store = match dsn {
            Dsn::Sqlite(path) => {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
                }
                Store::connect(&dsn.url(), Backend::Sqlite, 1).await?
            }
            Dsn::Postgres(url) => Store::connect(url, Backend::Postgres, 8).await?,
        };
        migrator().run(&store.pool).await?;
        Ok(store)
    }

    async fn connect(url: &str, backend: Backend, max: u32) -> Result<Store, StoreError> {
        let options = AnyConnectOptions::from_str(url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        for pragma in SQLITE_PRAGMAS {
                            conn.execute(*pragma).await?;
                        }
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Store { pool, backend })
    }

    /// The database kind.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for single statements outside a transaction.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so a transaction that reads and then writes cannot
    /// fail half-way because another process wrote in between.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        let statement = match self.backend {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        };
        Ok(self.pool.begin_with(statement).await?)
    }

    /// Closes the pool, waiting for connections to finish.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Parses a JSON text column.
pub(crate) fn json_column(
    column: &'static str,
    text: &str,
) -> Result<serde_json::Value, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt {
        column,
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Row;

    #[tokio::test]
    async fn sqlite_connections_run_in_wal_with_normal_sync_and_foreign_keys() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&Dsn::Sqlite(dir.path().join("t.db")))
            .await
            .expect("store");
        let mut conn = store.pool().acquire().await.expect("connection");
        let mut pragma = async |name: &str| -> String {
            let row = sqlx::query(AssertSqlSafe(format!("PRAGMA {name}")))
                .fetch_one(&mut *conn)
                .await
                .expect("pragma");
            row.try_get::<String, _>(0)
                .or_else(|_| row.try_get::<i64, _>(0).map(|n| n.to_string()))
                .expect("value")
        };
        assert_eq!(pragma("journal_mode").await, "wal");
        assert_eq!(pragma("synchronous").await, "1", "NORMAL");
        assert_eq!(pragma("foreign_keys").await, "1");
        assert_eq!(pragma("busy_timeout").await, "10000");
    }
}
