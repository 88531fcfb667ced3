//! The engine's persistence: one SQL dialect over sqlx's `Any` driver, SQLite by
//! default (a file beside the config, WAL) and PostgreSQL for shared deployments.

mod batch;
mod dsn;
mod errors;
mod flows;
mod identities;
mod meta;
pub(crate) mod outbox;
mod round;
mod row;
mod sessions;
mod sqlite;
mod statement;
mod tx;

use std::str::FromStr;
use std::time::Duration;

#[cfg(test)]
use sqlx::AssertSqlSafe;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Executor, SqlSafeStr};

pub(crate) use dsn::{Dsn, DsnError};
pub(crate) use errors::*;
pub(crate) use flows::*;
pub(crate) use identities::*;
pub(crate) use meta::*;
pub(crate) use sessions::*;
pub(crate) use statement::Statement;
pub(crate) use tx::Tx;

use batch::{Batcher, StepJob};
use sqlite::Writer;
use std::future::Future;
use std::sync::Arc;

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
    Migrator::with_migrations(vec![
        migration(
            20261122000001,
            "engine",
            include_str!("../../migrations/20261122000001_engine.sql"),
        ),
        migration(
            20261207000001,
            "errors",
            include_str!("../../migrations/20261207000001_errors.sql"),
        ),
        migration(
            20261207000002,
            "metadata_admin",
            include_str!("../../migrations/20261207000002_metadata_admin.sql"),
        ),
    ])
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
    /// SQLite refused a statement (the engine's SQLite executor).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A column did not hold what the engine reads from it.
    #[error("database column `{column}`: {problem}")]
    Decode {
        /// The column's name.
        column: String,
        /// What was wrong.
        problem: String,
    },
    /// Migrations failed.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The transaction this statement belonged to was abandoned; the step is
    /// run again on its own, or the reason reaches its caller.
    #[error("the transaction was abandoned: {0}")]
    Aborted(String),
    /// A statement came after its transaction had ended.
    #[error("the transaction has ended")]
    Finished,
    /// The store's worker has stopped (the process is shutting down).
    #[error("the store has stopped")]
    Stopped,
    /// A stored JSON column did not parse: the database was edited by hand.
    #[error("corrupt {column} in the database: {message}")]
    Corrupt {
        /// Table and column.
        column: &'static str,
        /// The parser's complaint.
        message: String,
    },
}

/// A connection pool with migrations applied, and how steps are run on it.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite only: the group-commit worker (see `batch.rs`).
    batcher: Option<Batcher>,
}

/// Set on every SQLite connection (sqlx's and the executor's), one statement each (a multi-statement string
/// would run only its first). WAL lets readers in other processes (`list
/// courier-messages` during `courier watch`) run beside the writer; NORMAL sync
/// is durable in WAL but for the last commits before a power cut, never corrupting.
const SQLITE_PRAGMAS: &[&str] = &[
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
];

/// Creates a new SQLite database file (and its directory) private to its owner:
/// it holds the courier's outbox, codes included. SQLite gives the `-wal` and `-shm`
/// files the database's mode. An existing database keeps the mode it has.
fn create_private(path: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)?;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

impl Store {
    /// Connects, applies pending migrations and returns the store.
    pub async fn open(dsn: &Dsn) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let store = match dsn {
            Dsn::Sqlite(path) => {
                create_private(path).map_err(sqlx::Error::Io)?;
                dsn::check_sqlite_file(path)?;
                Store::connect(&dsn.url(), Backend::Sqlite, 1).await?
            }
            Dsn::Postgres(url) => Store::connect(url, Backend::Postgres, 8).await?,
        };
        migrator().run(&store.pool).await?;
        let batcher = match dsn {
            Dsn::Sqlite(path) => Some(Batcher::start(Writer::open(path)?)),
            Dsn::Postgres(_) => None,
        };
        Ok(Store { batcher, ..store })
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
        Ok(Store {
            pool,
            backend,
            batcher: None,
        })
    }

    /// The database kind.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for single statements outside a transaction.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Runs one step of work as a transaction: committed if `step` returns Ok,
    /// rolled back if it returns an error. `step` may run more than once (on
    /// SQLite, when a step it was batched with failed), so it must have no
    /// effects outside the transaction before it returns. A step must not call
    /// `run` itself: on SQLite that would wait for its own batch.
    pub async fn run<T, E, F, Fut>(&self, step: F) -> Result<T, E>
    where
        F: Fn(Tx) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<T, E>> + Send + 'static,
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let Some(batcher) = &self.batcher else {
            return self.run_direct(step).await;
        };
        let (job, result) = StepJob::new(step);
        if !batcher.submit(job) {
            return Err(StoreError::Stopped.into());
        }
        result.await.unwrap_or(Err(StoreError::Stopped.into()))
    }

    /// How many SQLite batches (shared transactions) have started; None on
    /// PostgreSQL, where each step has a transaction of its own.
    pub fn batches(&self) -> Option<u64> {
        self.batcher.as_ref().map(Batcher::batches)
    }

    /// A step in a transaction of its own (PostgreSQL: the pool runs several at once).
    async fn run_direct<T, E, F, Fut>(&self, step: F) -> Result<T, E>
    where
        F: Fn(Tx) -> Fut,
        Fut: Future<Output = Result<T, E>>,
        E: From<StoreError>,
    {
        let tx = self.pool.begin().await.map_err(StoreError::from)?;
        let direct = Arc::new(tx::Direct::new(tx));
        let value = step(Tx::direct(Arc::clone(&direct))).await?;
        direct.commit().await?;
        Ok(value)
    }

    /// Closes the pool, waiting for connections to finish.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A new row id: a time-ordered UUID (v7). Rows made together then sit
/// together in the primary-key indexes (and in `codes.flow_id`,
/// `courier_messages.flow_id`), so a commit writes a few index pages instead of
/// one per row. Kratos uses v4; to clients both are opaque UUIDs.
pub(crate) fn new_row_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Whether an error is a uniqueness violation (a duplicate identifier).
pub(crate) fn is_unique_violation(error: &StoreError) -> bool {
    match error {
        StoreError::Database(sqlx::Error::Database(e)) => e.is_unique_violation(),
        StoreError::Sqlite(e) => sqlite::is_unique_violation(e),
        _ => false,
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

    async fn sqlite_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&Dsn::Sqlite(dir.path().join("t.db")))
            .await
            .expect("store");
        (dir, store)
    }

    fn put(key: &str) -> Statement {
        Statement::new("INSERT INTO engine_meta (key, value) VALUES ($1, 'v')").bind(key)
    }

    async fn keys(store: &Store) -> Vec<String> {
        store
            .run(|tx| async move {
                let rows = Statement::new("SELECT key FROM engine_meta ORDER BY key")
                    .fetch_all(&tx)
                    .await?;
                rows.into_iter()
                    .map(|mut r| r.text("key"))
                    .collect::<Result<Vec<_>, _>>()
            })
            .await
            .expect("keys")
    }

    /// Steps started together, each writing its own key; one may misbehave.
    async fn run_together(store: &Store, failing: &'static str) -> Vec<Result<(), StoreError>> {
        let steps = (0..10).map(|i| {
            let key = format!("k{i}");
            store.run(move |tx| {
                let key = key.clone();
                async move {
                    put(&key).defer(&tx);
                    // A read makes every step wait for a round, so all share the batch.
                    Statement::new("SELECT 1").fetch_all(&tx).await?;
                    match (key.as_str(), failing) {
                        ("k3", "after writing") => Err(StoreError::Finished),
                        ("k3", "deferred") => {
                            put("k0").defer(&tx); // k0 exists by then: a duplicate
                            Ok(())
                        }
                        _ => Ok(()),
                    }
                }
            })
        });
        futures_util::future::join_all(steps).await
    }

    #[tokio::test]
    async fn steps_of_one_batch_commit_together() {
        let (_dir, store) = sqlite_store().await;
        let results = run_together(&store, "none").await;
        assert!(results.iter().all(Result::is_ok), "{results:?}");
        assert_eq!(keys(&store).await.len(), 10);
    }

    /// Callers that each submit their next step as soon as the last one is
    /// delivered, as HTTP clients and the flow benchmark do.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn callers_in_a_loop_share_batches() {
        const CALLERS: usize = 16;
        const STEPS: usize = 20;
        let (_dir, store) = sqlite_store().await;
        let started = store.batches().expect("SQLite batches");
        let callers = (0..CALLERS).map(|caller| {
            let store = store.clone();
            tokio::spawn(async move {
                for step in 0..STEPS {
                    let key = format!("c{caller}s{step}");
                    store
                        .run(move |tx| {
                            let key = key.clone();
                            async move {
                                Statement::new("SELECT 1").fetch_all(&tx).await?;
                                put(&key).defer(&tx);
                                Ok::<_, StoreError>(())
                            }
                        })
                        .await
                        .expect("step");
                }
            })
        });
        for caller in futures_util::future::join_all(callers).await {
            caller.expect("caller");
        }
        let batches = store.batches().expect("SQLite batches") - started;
        assert_eq!(keys(&store).await.len(), CALLERS * STEPS);
        // 16 here; starting each batch at once gave 8.
        let per_batch = (CALLERS * STEPS) as f64 / batches as f64;
        assert!(
            per_batch >= 12.0,
            "{per_batch:.1} steps per batch ({batches} batches)"
        );
    }

    #[tokio::test]
    async fn a_step_failing_after_writing_loses_its_writes_and_not_the_others() {
        let (_dir, store) = sqlite_store().await;
        let results = run_together(&store, "after writing").await;
        assert!(
            matches!(results[3], Err(StoreError::Finished)),
            "{results:?}"
        );
        assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 9);
        let keys = keys(&store).await;
        assert_eq!(keys.len(), 9, "{keys:?}");
        assert!(!keys.contains(&"k3".to_string()));
    }

    #[tokio::test]
    async fn a_failing_deferred_write_fails_only_its_step() {
        let (_dir, store) = sqlite_store().await;
        let results = run_together(&store, "deferred").await;
        assert!(
            matches!(&results[3], Err(e) if is_unique_violation(e)),
            "{results:?}"
        );
        let keys = keys(&store).await;
        assert_eq!(keys.len(), 9, "{keys:?}");
        assert!(!keys.contains(&"k3".to_string()));
    }

    #[tokio::test]
    async fn a_duplicate_in_statements_run_together_undoes_them_all_and_the_step_goes_on() {
        let (_dir, store) = sqlite_store().await;
        let outcome = store
            .run(|tx| async move {
                let duplicate = tx.run_all(vec![put("a"), put("b"), put("a")]).await;
                put("after").defer(&tx);
                Ok::<_, StoreError>(duplicate.is_err_and(|e| is_unique_violation(&e)))
            })
            .await
            .expect("step");
        assert!(outcome, "the duplicate was reported");
        assert_eq!(keys(&store).await, ["after"]);
    }

    fn code(id: &str, hash: &str, address: &str, identity: &str, expires_at: i64) -> CodeRecord {
        CodeRecord {
            id: id.to_string(),
            flow_id: "f".to_string(),
            code_hmac: hash.to_string(),
            address: address.to_string(),
            via: "email".to_string(),
            identity_id: Some(identity.to_string()),
            issued_at: 0,
            expires_at,
            used_at: None,
        }
    }

    #[tokio::test]
    async fn a_code_is_claimed_once_and_only_by_its_owner_while_unexpired() {
        let (_dir, store) = sqlite_store().await;
        let claims = store
            .run(|tx| async move {
                Statement::new(
                    "INSERT INTO flows (id, kind, type, state, submit_count, request_url, context, ui, \
                     issued_at, expires_at, updated_at) \
                     VALUES ('f', 'login', 'api', 'sent_email', 0, '', '{}', '{}', 0, 10000, 0)",
                )
                .defer(&tx);
                insert_code(&tx, code("c1", "h1", "a@x.io", "i1", 10000));
                insert_code(&tx, code("c2", "h2", "b@x.io", "i2", 100));
                let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
                let mut claimed = Vec::new();
                let addresses = h(&["b@x.io"]);
                for (hashes, owner, now) in [
                    (h(&["wrong"]), CodeOwner::Any, 50),
                    (h(&["h1"]), CodeOwner::Identity("i2"), 50),
                    (h(&["h1"]), CodeOwner::Addresses(&addresses), 50),
                    (h(&["h2"]), CodeOwner::Any, 100), // expired at 100
                    // The code as hashed under a new and an old secret.
                    (h(&["new", "h1"]), CodeOwner::Identity("i1"), 50),
                    (h(&["h1"]), CodeOwner::Any, 50), // already used
                    (h(&["h2"]), CodeOwner::Addresses(&addresses), 99),
                ] {
                    let code = claim_code(&tx, "f", &hashes, owner, now).await?;
                    claimed.push(code.map(|c| c.id));
                }
                Ok::<_, StoreError>(claimed)
            })
            .await
            .expect("claims");
        let expected: Vec<Option<String>> = vec![
            None,
            None,
            None,
            None,
            Some("c1".into()),
            None,
            Some("c2".into()),
        ];
        assert_eq!(claims, expected);
    }
}
