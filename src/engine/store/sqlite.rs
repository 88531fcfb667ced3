//! SQLite's executor: one `rusqlite` connection on a thread of its own, running
//! the batcher's rounds (see `batch.rs`) with prepared statements kept between
//! rounds. sqlx stays for migrations and PostgreSQL; for SQLite it could not
//! keep statements prepared, as a round's text (all its statements in one
//! string) differs each time, and parsing the SQL again was a third of the
//! database thread's time. `rusqlite` 0.39 links the same `libsqlite3-sys`
//! 0.37 as sqlx 0.9, so there is one SQLite in the binary.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ErrorCode, ToSql};
use tokio::sync::oneshot;

use super::row::{Row, Value};
use super::tx::{Arg, Done, Statement};
use super::{SQLITE_PRAGMAS, StoreError};

type Result<T> = std::result::Result<T, StoreError>;

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
    /// Opens the database file (already migrated) and starts the thread.
    pub(super) fn open(path: &Path) -> Result<Writer> {
        let conn = connect(path)?;
        let (requests, queue) = mpsc::channel();
        let path = path.to_path_buf();
        std::thread::Builder::new()
            .name("otpctl-sqlite".to_string())
            .spawn(move || serve(conn, &path, &queue))
            .map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
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
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(conn)
}

fn serve(mut conn: Connection, path: &Path, queue: &mpsc::Receiver<Request>) {
    while let Ok(request) = queue.recv() {
        match request {
            Request::Round(round, reply) => {
                let _ = reply.send(execute(&conn, round));
            }
            Request::Rollback(reply) => {
                rollback(&mut conn, path);
                let _ = reply.send(());
            }
        }
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

fn execute(conn: &Connection, round: Round) -> RoundResult {
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
        match run_op(conn, &op.statements) {
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
fn run_op(conn: &Connection, statements: &[Statement]) -> rusqlite::Result<Done> {
    if let [statement] = statements {
        // SQLite undoes a failed statement on its own.
        return run_statement(conn, statement);
    }
    control(conn, "SAVEPOINT op")?;
    let mut done = Done::default();
    for statement in statements {
        match run_statement(conn, statement) {
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

fn run_statement(conn: &Connection, statement: &Statement) -> rusqlite::Result<Done> {
    let mut prepared = conn.prepare_cached(&statement.sql)?;
    bind(&mut prepared, &statement.args)?;
    if prepared.column_count() == 0 {
        let changed = prepared.raw_execute()?;
        return Ok(Done {
            rows: Vec::new(),
            rows_affected: changed as u64,
        });
    }
    let columns: Arc<[String]> = prepared
        .column_names()
        .into_iter()
        .map(str::to_string)
        .collect();
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
        ValueRef::Text(text) => Value::Text(String::from_utf8_lossy(text).into_owned()),
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
