//! A transaction as an engine step sees it: statements are values, handed to
//! whichever executor runs the step. On PostgreSQL that is the step's own
//! transaction ([`Direct`]); on SQLite it is a batch shared with other steps
//! (see `batch.rs`), so every call here is written to work in either.

use std::sync::Arc;

use sqlx::{Any, AssertSqlSafe, Either, Executor};
use tokio::sync::Mutex;

use super::StoreError;
use super::round::Batch;
use super::row::Row;
use super::statement::{Done, Op, Statement, lock};

type Result<T> = std::result::Result<T, StoreError>;

/// Running a statement needs a transaction.
impl Statement {
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
