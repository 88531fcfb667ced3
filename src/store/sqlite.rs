//! SQLite's executor: one `rusqlite` connection on a thread of its own, running
//! the batcher's rounds (see `batch.rs`) with prepared statements kept between
//! rounds. sqlx stays for migrations and PostgreSQL; for SQLite it could not
//! keep statements prepared, as a round's text (all its statements in one
//! string) differs each time, and parsing the SQL again was a third of the
//! database thread's time. `rusqlite` 0.39 links the same `libsqlite3-sys`
//! 0.37 as sqlx 0.9, so there is one SQLite in the binary.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;

use rusqlite::config::DbConfig;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ErrorCode, ToSql};
use tokio::sync::oneshot;

use super::row::{Row, Value};
use super::statement::{Arg, Done, Statement};
use super::{SQLITE_PRAGMAS, StoreError};

type Result<T> = std::result::Result<T, StoreError>;

/// The writer's own checkpoint threshold (pages in the WAL), far above what
/// the checkpointer thread lets the WAL reach: a fallback, should it lag.
const FALLBACK_AUTOCHECKPOINT: u32 = 20_000;

/// How long the checkpointer lets commits gather before copying them back.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(20);

/// Distinct statements the engine runs (about 50, and `IN` lists of a few
/// lengths); beyond this the least recently used is finalised.
const STATEMENT_CACHE: usize = 256;

/// Statements that run together, or not at all, in a round.
#[derive(Debug)]
pub(super) struct RoundOp {
    pub statements: Vec<Statement>,
    /// A step waits for the result: a constraint violation is its answer and
    /// the transaction goes on. A deferred write's violation fails the round.
    pub awaited: bool,
}

/// One trip to the database thread.
#[derive(Debug)]
pub(super) struct Round {
    pub ops: Vec<RoundOp>,
    /// Start the transaction first (`BEGIN IMMEDIATE`).
    pub begin: bool,
    /// Commit after the ops.
    pub commit: bool,
}

/// What a round did: a result for each op run, in order, and the failure that
/// stopped it, if any; the ops after a failure were not run.
#[derive(Debug, Default)]
pub(super) struct RoundResult {
    pub done: Vec<Result<Done>>,
    pub fatal: Option<Fatal>,
}

/// A failure that ends the batch.
#[derive(Debug)]
pub(super) struct Fatal {
    /// The op that failed (its index in the round); None for BEGIN or COMMIT.
    pub op: Option<usize>,
    pub error: StoreError,
}

enum Request {
    Round(Round, oneshot::Sender<RoundResult>),
    Rollback(oneshot::Sender<()>),
}

/// The handle to the database thread. The thread ends, closing the connection,
/// when the handle is dropped.
#[derive(Debug)]
pub(super) struct Writer {
    requests: mpsc::Sender<Request>,
}

impl Writer {
    /// Opens the database file (already migrated) and starts the thread, and
    /// a checkpointer beside it.
    pub(super) fn open(path: &Path) -> Result<Writer> {
        let conn = connect(path)?;
        conn.pragma_update(None, "wal_autocheckpoint", FALLBACK_AUTOCHECKPOINT)?;
        let checkpointer = connect(path)?;
        let (commits, committed) = mpsc::channel();
        let (requests, queue) = mpsc::channel();
        let path = path.to_path_buf();
        spawn("otpctl-sqlite", move || {
            serve(conn, &path, &queue, &commits)
        })?;
        spawn("otpctl-checkpoint", move || {
            checkpoint(&checkpointer, &committed)
        })?;
        Ok(Writer { requests })
    }

    /// Runs a round.
    pub(super) async fn round(&self, round: Round) -> Result<RoundResult> {
        let (reply, result) = oneshot::channel();
        self.requests
            .send(Request::Round(round, reply))
            .map_err(|_| StoreError::Stopped)?;
        result.await.map_err(|_| StoreError::Stopped)
    }

    /// Rolls back the open transaction, if any.
    pub(super) async fn rollback(&self) {
        let (reply, done) = oneshot::channel();
        if self.requests.send(Request::Rollback(reply)).is_ok() {
            let _ = done.await;
        }
    }
}

fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    for pragma in SQLITE_PRAGMAS {
        // `journal_mode` answers with a row; the others with none.
        conn.query_row(pragma, [], |_| Ok(()))
            .or_else(|error| match error {
                rusqlite::Error::QueryReturnedNoRows => Ok(()),
                other => Err(other),
            })?;
    }
    // Plans must not depend on bound values: otherwise a statement with a
    // bound LIMIT is prepared again each time it is bound.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(conn)
}

fn spawn(name: &str, work: impl FnOnce() + Send + 'static) -> Result<()> {
    std::thread::Builder::new()
        .name(name.to_string())
        .spawn(work)
        .map(drop)
        .map_err(|e| StoreError::Database(sqlx::Error::Io(e)))
}

fn serve(
    mut conn: Connection,
    path: &Path,
    queue: &mpsc::Receiver<Request>,
    commits: &mpsc::Sender<()>,
) {
    let mut names = ColumnNames::default();
    while let Ok(request) = queue.recv() {
        match request {
            Request::Round(round, reply) => {
                let commit = round.commit;
                let result = execute(&conn, &mut names, round);
                if commit && result.fatal.is_none() {
                    let _ = commits.send(());
                }
                let _ = reply.send(result);
            }
            Request::Rollback(reply) => {
                rollback(&mut conn, path);
                let _ = reply.send(());
            }
        }
    }
}

/// Copies committed pages from the WAL back into the database file, on a
/// connection of its own, so that the writer never stops for it (SQLite's
/// automatic checkpoint runs inside the committing writer). PASSIVE never
/// waits for readers or the writer; once a checkpoint has caught up, the next
/// write transaction starts the WAL over, so it stays small. Ends when the
/// writer's thread does.
fn checkpoint(conn: &Connection, committed: &mpsc::Receiver<()>) {
    while committed.recv().is_ok() {
        std::thread::sleep(CHECKPOINT_EVERY);
        while committed.try_recv().is_ok() {}
        // A busy database or a failed copy is retried after the next commit.
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }
}

/// Ends the open transaction. SQLite may have rolled it back already (after
/// some errors it does); if ROLLBACK fails and the transaction is still open,
/// the connection is replaced, which discards it.
fn rollback(conn: &mut Connection, path: &Path) {
    if conn.is_autocommit() {
        return;
    }
    let _ = control(conn, "ROLLBACK");
    if !conn.is_autocommit()
        && let Ok(fresh) = connect(path)
    {
        *conn = fresh;
    }
}

fn execute(conn: &Connection, names: &mut ColumnNames, round: Round) -> RoundResult {
    let mut result = RoundResult::default();
    let fatal = |op, error: rusqlite::Error| {
        Some(Fatal {
            op,
            error: error.into(),
        })
    };
    if round.begin
        && let Err(error) = control(conn, "BEGIN IMMEDIATE")
    {
        result.fatal = fatal(None, error);
        return result;
    }
    for (index, op) in round.ops.iter().enumerate() {
        match run_op(conn, names, &op.statements) {
            Ok(done) => result.done.push(Ok(done)),
            Err(error) if op.awaited && is_constraint(&error) => {
                result.done.push(Err(error.into()));
            }
            Err(error) => {
                result.fatal = fatal(Some(index), error);
                return result;
            }
        }
    }
    if round.commit
        && let Err(error) = control(conn, "COMMIT")
    {
        result.fatal = fatal(None, error);
    }
    result
}

/// Transaction control, prepared once like everything else.
fn control(conn: &Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.raw_execute().map(drop)
}

/// Runs an op's statements; several run inside a savepoint, so that a failure
/// leaves none of them done and the transaction usable.
fn run_op(
    conn: &Connection,
    names: &mut ColumnNames,
    statements: &[Statement],
) -> rusqlite::Result<Done> {
    if let [statement] = statements {
        // SQLite undoes a failed statement on its own.
        return run_statement(conn, names, statement);
    }
    control(conn, "SAVEPOINT op")?;
    let mut done = Done::default();
    for statement in statements {
        match run_statement(conn, names, statement) {
            Ok(one) => {
                done.rows.extend(one.rows);
                done.rows_affected += one.rows_affected;
            }
            Err(error) => {
                control(conn, "ROLLBACK TO op")?;
                control(conn, "RELEASE op")?;
                return Err(error);
            }
        }
    }
    control(conn, "RELEASE op")?;
    Ok(done)
}

fn run_statement(
    conn: &Connection,
    names: &mut ColumnNames,
    statement: &Statement,
) -> rusqlite::Result<Done> {
    let mut prepared = conn.prepare_cached(&statement.sql)?;
    bind(&mut prepared, &statement.args)?;
    if prepared.column_count() == 0 {
        let changed = prepared.raw_execute()?;
        return Ok(Done {
            rows: Vec::new(),
            rows_affected: changed as u64,
        });
    }
    let columns = names.of(&statement.sql, &prepared);
    let writes = !prepared.readonly();
    let mut rows = Vec::new();
    let mut cursor = prepared.raw_query();
    while let Some(row) = cursor.next()? {
        let values = (0..columns.len())
            .map(|index| row.get_ref(index).map(value))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.push(Row::new(Arc::clone(&columns), values));
    }
    drop(cursor);
    // `UPDATE … RETURNING`: the count is the statement's own only for writes.
    let rows_affected = if writes { conn.changes() } else { 0 };
    Ok(Done {
        rows,
        rows_affected,
    })
}

/// The column names of each statement that returns rows, by its SQL, made
/// once and shared by all its rows: copying them on every run was a tenth of a
/// code login's allocations. The engine's SQL texts are a bounded set, and
/// none selects `*`, so a text's columns never change.
#[derive(Default)]
struct ColumnNames(HashMap<String, Arc<[String]>>);

impl ColumnNames {
    fn of(&mut self, sql: &str, prepared: &rusqlite::Statement<'_>) -> Arc<[String]> {
        if let Some(columns) = self.0.get(sql) {
            return Arc::clone(columns);
        }
        if self.0.len() >= STATEMENT_CACHE {
            self.0.clear();
        }
        let columns: Arc<[String]> = prepared
            .column_names()
            .into_iter()
            .map(str::to_string)
            .collect();
        self.0.insert(sql.to_string(), Arc::clone(&columns));
        columns
    }
}

/// Binds the arguments: the engine's SQL numbers its placeholders `$1…$n`,
/// which SQLite sees as names, numbered by first appearance.
fn bind(prepared: &mut rusqlite::Statement<'_>, args: &[Arg]) -> rusqlite::Result<()> {
    for index in 1..=prepared.parameter_count() {
        let number = prepared
            .parameter_name(index)
            .and_then(|name| name.strip_prefix('$'))
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(index);
        let arg = args
            .get(number - 1)
            .ok_or(rusqlite::Error::InvalidParameterCount(number, args.len()))?;
        prepared.raw_bind_parameter(index, arg)?;
    }
    Ok(())
}

impl ToSql for Arg {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        let value = match self {
            Arg::Text(text) | Arg::OptText(Some(text)) => ValueRef::Text(text.as_bytes()),
            Arg::Int(n) | Arg::OptInt(Some(n)) => ValueRef::Integer(*n),
            Arg::OptText(None) | Arg::OptInt(None) => ValueRef::Null,
        };
        Ok(ToSqlOutput::Borrowed(value))
    }
}

fn value(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::Int(n),
        ValueRef::Real(r) => Value::Real(r),
        // `from_utf8` checks ASCII a word at a time; the lossy scan byte by byte.
        ValueRef::Text(text) => Value::Text(match std::str::from_utf8(text) {
            Ok(valid) => valid.to_owned(),
            Err(_) => String::from_utf8_lossy(text).into_owned(),
        }),
        ValueRef::Blob(bytes) => Value::Blob(bytes.to_vec()),
    }
}

/// Uniqueness, foreign key, not-null and check violations: SQLite undoes the
/// statement and the transaction goes on.
fn is_constraint(error: &rusqlite::Error) -> bool {
    error.sqlite_error_code() == Some(ErrorCode::ConstraintViolation)
}

/// A duplicate key (a unique index or the primary key).
pub(super) fn is_unique_violation(error: &rusqlite::Error) -> bool {
    const UNIQUE: i32 = 2067; // SQLITE_CONSTRAINT_UNIQUE
    const PRIMARY_KEY: i32 = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    matches!(error, rusqlite::Error::SqliteFailure(e, _)
        if e.extended_code == UNIQUE || e.extended_code == PRIMARY_KEY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Dsn, Store};
    use rusqlite::StatementStatus;

    fn fresh() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().expect("temp dir");
        let conn = connect(&dir.path().join("t.db")).expect("connection");
        conn.execute_batch("CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT)")
            .expect("table");
        (dir, conn)
    }

    fn run(conn: &Connection, statement: &Statement) -> rusqlite::Result<Done> {
        run_statement(conn, &mut ColumnNames::default(), statement)
    }

    fn text(row: &Row, column: &str) -> String {
        row.str(column)
            .map_or_else(|e| e.to_string(), str::to_string)
    }

    #[test]
    fn the_connection_runs_in_wal_with_normal_sync_foreign_keys_and_stable_plans() {
        let (_dir, conn) = fresh();
        let pragma = |name: &str| {
            conn.query_row(&format!("PRAGMA {name}"), [], |row| {
                row.get::<_, rusqlite::types::Value>(0)
            })
            .map(|v| format!("{v:?}"))
            .unwrap_or_else(|e| e.to_string())
        };
        assert_eq!(pragma("journal_mode"), r#"Text("wal")"#);
        assert_eq!(pragma("synchronous"), "Integer(1)", "NORMAL");
        assert_eq!(pragma("foreign_keys"), "Integer(1)");
        assert_eq!(pragma("busy_timeout"), "Integer(10000)");
        assert_eq!(
            conn.db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG).ok(),
            Some(true)
        );
    }

    #[test]
    fn placeholders_bind_by_their_number_not_their_place() {
        let (_dir, conn) = fresh();
        let statement = Statement::new("SELECT $2 AS b, $1 AS a, $2 || $1 AS ba")
            .bind("one")
            .bind("two");
        let done = run(&conn, &statement).expect("select");
        let row = &done.rows[0];
        assert_eq!(
            [text(row, "a"), text(row, "b"), text(row, "ba")],
            ["one", "two", "twoone"]
        );
        let short = Statement::new("SELECT $3").bind(1);
        assert!(run(&conn, &short).is_err(), "a missing argument");
    }

    #[test]
    fn a_statement_is_prepared_once_whatever_it_is_bound_to() {
        let (_dir, conn) = fresh();
        let sql = "SELECT id FROM t WHERE n >= $1 ORDER BY id LIMIT $2 OFFSET $3";
        for (id, n) in [("a", 1), ("b", 2), ("c", 3)] {
            let insert = Statement::new("INSERT INTO t (id, n) VALUES ($1, $2)")
                .bind(id)
                .bind(n);
            assert_eq!(run(&conn, &insert).map(|d| d.rows_affected).ok(), Some(1));
        }
        for (min, limit, expected) in [(1, 1, 1), (2, 5, 2), (1, 2, 2), (3, 9, 1)] {
            let select = Statement::new(sql).bind(min).bind(limit).bind(0);
            let done = run(&conn, &select).expect("select");
            assert_eq!(done.rows.len(), expected);
            assert_eq!(done.rows_affected, 0, "a read changes nothing");
        }
        let prepared = conn.prepare_cached(sql).expect("cached");
        assert_eq!(prepared.get_status(StatementStatus::RePrepare), 0);
    }

    #[test]
    fn a_statement_names_its_columns_once_for_all_its_runs() {
        let (_dir, conn) = fresh();
        let mut names = ColumnNames::default();
        let mut columns = |sql: &'static str| {
            let prepared = conn.prepare_cached(sql).expect("prepared");
            names.of(sql, &prepared)
        };
        let first = columns("SELECT id, n AS count FROM t");
        assert_eq!(first.as_ref(), ["id", "count"]);
        let again = columns("SELECT id, n AS count FROM t");
        assert!(Arc::ptr_eq(&first, &again), "named again");
        assert_eq!(columns("SELECT n FROM t").as_ref(), ["n"]);
    }

    #[test]
    fn a_write_returning_rows_counts_what_it_changed() {
        let (_dir, conn) = fresh();
        conn.execute_batch("INSERT INTO t VALUES ('a', 1), ('b', 2), ('c', 3)")
            .expect("rows");
        let update = Statement::new("UPDATE t SET n = n + 10 WHERE n > $1 RETURNING id").bind(1);
        let done = run(&conn, &update).expect("update");
        assert_eq!((done.rows.len(), done.rows_affected), (2, 2));
    }

    #[tokio::test]
    async fn committed_pages_reach_the_database_file_without_the_writer_checkpointing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.db");
        let store = Store::open(&Dsn::Sqlite(path.clone()))
            .await
            .expect("store");
        let size = || std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let before = size();
        for batch in 0..20 {
            store
                .run(move |tx| async move {
                    for key in 0..50 {
                        Statement::new("INSERT INTO engine_meta (key, value) VALUES ($1, $2)")
                            .bind(format!("{batch}-{key}"))
                            .bind("x".repeat(1000))
                            .defer(&tx);
                    }
                    Ok::<_, StoreError>(())
                })
                .await
                .expect("insert");
        }
        // About 1 MB went into the WAL, far below the writer's own threshold:
        // only the checkpointer can have copied it into the file.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while size() < before + 500_000 && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert!(size() >= before + 500_000, "{before} -> {}", size());
    }
}
