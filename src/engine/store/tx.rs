//! A transaction as an engine step sees it: statements are values, handed to
//! whichever executor runs the step. On PostgreSQL that is the step's own
//! transaction ([`Direct`]); on SQLite it is a batch shared with other steps
//! (see `batch.rs`), so every call here is written to work in either.

use std::borrow::Cow;
use std::sync::Arc;

use sqlx::any::AnyArguments;
use sqlx::{Any, AssertSqlSafe, Either, Executor};
use tokio::sync::Mutex;

use super::StoreError;
use super::batch::Batch;
use super::row::Row;

type Result<T> = std::result::Result<T, StoreError>;

/// A bound parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// TEXT.
    Text(String),
    /// TEXT or NULL.
    OptText(Option<String>),
    /// BIGINT.
    Int(i64),
    /// BIGINT or NULL.
    OptInt(Option<i64>),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_string())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}

impl From<Option<&str>> for Arg {
    fn from(value: Option<&str>) -> Self {
        Arg::OptText(value.map(str::to_string))
    }
}

impl From<Option<String>> for Arg {
    fn from(value: Option<String>) -> Self {
        Arg::OptText(value)
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Int(value)
    }
}

impl From<Option<i64>> for Arg {
    fn from(value: Option<i64>) -> Self {
        Arg::OptInt(value)
    }
}

/// One SQL statement with `$1…$n` placeholders and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub(super) sql: Cow<'static, str>,
    pub(super) args: Vec<Arg>,
}

impl Statement {
    /// A statement from fixed SQL.
    pub fn new(sql: &'static str) -> Statement {
        Statement {
            sql: Cow::Borrowed(sql),
            args: Vec::new(),
        }
    }

    /// A statement from SQL built at run time (from constants, never from input).
    pub fn built(sql: String) -> Statement {
        Statement {
            sql: Cow::Owned(sql),
            args: Vec::new(),
        }
    }

    /// Binds the next placeholder.
    pub fn bind(mut self, arg: impl Into<Arg>) -> Statement {
        self.args.push(arg.into());
        self
    }

    /// Runs it in `tx`: all rows.
    pub async fn fetch_all(self, tx: &Tx) -> Result<Vec<Row>> {
        tx.fetch_all(self).await
    }

    /// Runs it in `tx`: the first row, if any.
    pub async fn fetch_optional(self, tx: &Tx) -> Result<Option<Row>> {
        tx.fetch_optional(self).await
    }

    /// Runs it in `tx`: the one row it must return.
    pub async fn fetch_one(self, tx: &Tx) -> Result<Row> {
        tx.fetch_optional(self)
            .await?
            .ok_or(StoreError::Database(sqlx::Error::RowNotFound))
    }

    /// Runs it in `tx`: how many rows it changed.
    pub async fn execute(self, tx: &Tx) -> Result<u64> {
        tx.execute(self).await
    }

    /// Queues it in `tx` (see [`Tx::defer`]).
    pub fn defer(self, tx: &Tx) {
        tx.defer(self);
    }

    /// Whether it changes rows (decides whether a failed step's work must be
    /// rolled back).
    pub(super) fn writes(&self) -> bool {
        let verb = self.sql.trim_start().get(..6).unwrap_or_default();
        ["INSERT", "UPDATE", "DELETE"]
            .iter()
            .any(|w| verb.eq_ignore_ascii_case(w))
    }

    /// Adds the arguments to a query's argument list.
    pub(super) fn bind_into<'q>(
        &self,
        mut query: sqlx::query::Query<'q, Any, AnyArguments>,
    ) -> sqlx::query::Query<'q, Any, AnyArguments> {
        for arg in &self.args {
            query = match arg {
                Arg::Text(v) => query.bind(v.clone()),
                Arg::OptText(v) => query.bind(v.clone()),
                Arg::Int(v) => query.bind(*v),
                Arg::OptInt(v) => query.bind(*v),
            };
        }
        query
    }
}

/// What a statement returned.
#[derive(Default)]
pub struct Done {
    /// The rows, for `SELECT` and `RETURNING`.
    pub rows: Vec<Row>,
    /// Rows inserted, updated or deleted.
    pub rows_affected: u64,
}

impl std::fmt::Debug for Done {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Done")
            .field("rows", &self.rows.len())
            .field("rows_affected", &self.rows_affected)
            .finish()
    }
}

/// Statements run together: one, or several that succeed or fail as one.
#[derive(Debug)]
pub(super) struct Op {
    pub statements: Vec<Statement>,
}

/// The transaction of one engine step.
#[derive(Debug, Clone)]
pub struct Tx {
    mode: Mode,
}

#[derive(Debug, Clone)]
enum Mode {
    Direct(Arc<Direct>),
    Batched { batch: Arc<Batch>, step: usize },
}

impl Tx {
    pub(super) fn direct(direct: Arc<Direct>) -> Tx {
        Tx {
            mode: Mode::Direct(direct),
        }
    }

    pub(super) fn batched(batch: Arc<Batch>, step: usize) -> Tx {
        Tx {
            mode: Mode::Batched { batch, step },
        }
    }

    /// Runs statements that succeed or fail together: on failure none of them
    /// took effect and the transaction goes on (so a duplicate key can be
    /// reported instead of failing the step).
    pub async fn run_all(&self, statements: Vec<Statement>) -> Result<Done> {
        let op = Op { statements };
        match &self.mode {
            Mode::Direct(direct) => direct.run(op).await,
            Mode::Batched { batch, step } => batch.run(*step, op).await,
        }
    }

    /// Runs one statement and returns its rows and count.
    pub async fn run(&self, statement: Statement) -> Result<Done> {
        self.run_all(vec![statement]).await
    }

    /// All rows of a query.
    pub async fn fetch_all(&self, statement: Statement) -> Result<Vec<Row>> {
        Ok(self.run(statement).await?.rows)
    }

    /// The first row of a query, if any.
    pub async fn fetch_optional(&self, statement: Statement) -> Result<Option<Row>> {
        Ok(self.run(statement).await?.rows.into_iter().next())
    }

    /// Runs a statement and returns how many rows it changed.
    pub async fn execute(&self, statement: Statement) -> Result<u64> {
        Ok(self.run(statement).await?.rows_affected)
    }

    /// Queues a write whose result the step does not need. It runs before the
    /// step's next statement, or at commit; if it fails, the whole step fails
    /// and none of its writes are kept.
    pub fn defer(&self, statement: Statement) {
        match &self.mode {
            Mode::Direct(direct) => direct.defer(statement),
            Mode::Batched { batch, step } => batch.defer(*step, statement),
        }
    }
}

/// A step's own transaction on a pool connection (PostgreSQL): statements run
/// one by one as the step issues them.
#[derive(Debug)]
pub(super) struct Direct {
    tx: Mutex<Option<sqlx::Transaction<'static, Any>>>,
    deferred: std::sync::Mutex<Vec<Statement>>,
}

impl Direct {
    pub(super) fn new(tx: sqlx::Transaction<'static, Any>) -> Direct {
        Direct {
            tx: Mutex::new(Some(tx)),
            deferred: std::sync::Mutex::default(),
        }
    }

    fn defer(&self, statement: Statement) {
        lock(&self.deferred).push(statement);
    }

    fn take_deferred(&self) -> Vec<Statement> {
        std::mem::take(&mut *lock(&self.deferred))
    }

    async fn run(&self, op: Op) -> Result<Done> {
        let mut guard = self.tx.lock().await;
        let tx = guard.as_mut().ok_or(StoreError::Finished)?;
        for statement in self.take_deferred() {
            run_statement(tx, &statement).await?;
        }
        if let [statement] = op.statements.as_slice() {
            return run_statement(tx, statement).await;
        }
        // Several statements as one: a savepoint undoes the first ones if a
        // later one fails, and keeps the transaction usable on PostgreSQL.
        tx.execute("SAVEPOINT op").await?;
        let mut done = Done::default();
        for statement in &op.statements {
            match run_statement(tx, statement).await {
                Ok(one) => {
                    done.rows.extend(one.rows);
                    done.rows_affected += one.rows_affected;
                }
                Err(error) => {
                    tx.execute("ROLLBACK TO SAVEPOINT op").await?;
                    return Err(error);
                }
            }
        }
        tx.execute("RELEASE SAVEPOINT op").await?;
        Ok(done)
    }

    /// Runs what was deferred and commits.
    pub(super) async fn commit(&self) -> Result<()> {
        let mut tx = self.tx.lock().await.take().ok_or(StoreError::Finished)?;
        for statement in self.take_deferred() {
            run_statement(&mut tx, &statement).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Locks a mutex whose data stays consistent even if a holder panicked.
pub(super) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn run_statement(conn: &mut sqlx::AnyConnection, statement: &Statement) -> Result<Done> {
    let query = statement.bind_into(sqlx::query(AssertSqlSafe(statement.sql.clone())));
    let mut done = Done::default();
    let mut stream = conn.fetch_many(query);
    while let Some(item) = futures_util::StreamExt::next(&mut stream).await {
        match item? {
            Either::Left(result) => done.rows_affected += result.rows_affected(),
            Either::Right(row) => done.rows.push(Row::from_any(&row)?),
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_insert_update_and_delete_count_as_writes() {
        assert!(Statement::new("INSERT INTO t VALUES ($1)").writes());
        assert!(Statement::new("  update t SET a = 1").writes());
        assert!(Statement::new("DELETE FROM t").writes());
        assert!(!Statement::new("SELECT 1").writes());
        assert!(!Statement::new("").writes());
    }
}
