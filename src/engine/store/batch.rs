//! Group commit for SQLite. sqlx runs each SQLite connection on a thread of its
//! own, and every statement is a round trip to it (about 85 µs on this class of
//! machine, most of it two context switches), while SQLite allows one writer at
//! a time. So steps are not run one transaction each: the batcher takes every
//! step waiting, runs them side by side in one transaction, and whenever all of
//! them wait for the database it sends all their statements as one
//! multi-statement round trip. One commit then writes the pages of many steps.
//!
//! Steps only meet at statement boundaries, as concurrent transactions do under
//! PostgreSQL's READ COMMITTED with the row locks of one writer: the
//! conditional updates that make codes single-use decide between them here too.
//! A step that fails after writing (or whose deferred write fails) cannot be
//! undone alone, so its batch is rolled back and each step is run again in a
//! batch of its own, where failure rolls back just that step, as before.

use std::future::Future;
use std::sync::Arc;
use std::sync::Mutex;

use futures_util::future::{BoxFuture, join_all};
use sqlx::error::ErrorKind;
use sqlx::{Any, AnyConnection, AnyPool, AssertSqlSafe, Either, Executor};
use tokio::sync::{Notify, mpsc, oneshot};

use super::StoreError;
use super::tx::{Done, Op, Statement, Tx, lock};

type Result<T> = std::result::Result<T, StoreError>;

/// Most steps in one transaction: enough to amortise the round trips, few
/// enough that one slow batch does not hold many callers.
const MAX_STEPS: usize = 256;

/// A step handed to the batcher, its result type erased.
pub(super) trait Job: Send + Sync {
    /// Runs the step against `tx`; true if it succeeded.
    fn start(self: Arc<Self>, tx: Tx) -> BoxFuture<'static, bool>;
    /// Sends the step's result to its caller (after commit).
    fn deliver(&self);
    /// Sends the step's own error, or `error` if the step had succeeded.
    fn deliver_or_fail(&self, error: StoreError);
}

/// A typed step and the channel its caller waits on.
pub(super) struct StepJob<T, E, F> {
    step: F,
    result: Mutex<Option<std::result::Result<T, E>>>,
    reply: Mutex<Option<oneshot::Sender<std::result::Result<T, E>>>>,
}

impl<T, E, F, Fut> StepJob<T, E, F>
where
    F: Fn(Tx) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = std::result::Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: From<StoreError> + Send + 'static,
{
    pub(super) fn new(step: F) -> (Arc<Self>, oneshot::Receiver<std::result::Result<T, E>>) {
        let (reply, receiver) = oneshot::channel();
        let job = StepJob {
            step,
            result: Mutex::new(None),
            reply: Mutex::new(Some(reply)),
        };
        (Arc::new(job), receiver)
    }

    fn send(&self, result: std::result::Result<T, E>) {
        if let Some(reply) = lock(&self.reply).take() {
            // The caller may have gone away (a dropped request): nothing to do.
            let _ = reply.send(result);
        }
    }
}

impl<T, E, F, Fut> Job for StepJob<T, E, F>
where
    F: Fn(Tx) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = std::result::Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: From<StoreError> + Send + 'static,
{
    fn start(self: Arc<Self>, tx: Tx) -> BoxFuture<'static, bool> {
        let running = (self.step)(tx);
        Box::pin(async move {
            let result = running.await;
            let ok = result.is_ok();
            *lock(&self.result) = Some(result);
            ok
        })
    }

    fn deliver(&self) {
        if let Some(result) = lock(&self.result).take() {
            self.send(result);
        }
    }

    fn deliver_or_fail(&self, error: StoreError) {
        match lock(&self.result).take() {
            Some(Err(own)) => self.send(Err(own)),
            _ => self.send(Err(E::from(error))),
        }
    }
}

/// The handle steps are sent through; the batcher task owns the connection.
#[derive(Debug, Clone)]
pub(super) struct Batcher {
    jobs: mpsc::UnboundedSender<Arc<dyn Job>>,
}

impl std::fmt::Debug for dyn Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Job")
    }
}

impl Batcher {
    /// Starts the batcher task on the current runtime.
    pub(super) fn start(pool: AnyPool) -> Batcher {
        let (jobs, queue) = mpsc::unbounded_channel();
        tokio::spawn(work(pool, queue));
        Batcher { jobs }
    }

    /// Queues a step; false if the batcher has stopped (the runtime is ending).
    pub(super) fn submit(&self, job: Arc<dyn Job>) -> bool {
        self.jobs.send(job).is_ok()
    }
}

async fn work(pool: AnyPool, mut queue: mpsc::UnboundedReceiver<Arc<dyn Job>>) {
    while let Some(first) = queue.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < MAX_STEPS {
            match queue.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        match run_batch(&pool, &jobs).await {
            Ending::Committed => jobs.iter().for_each(|job| job.deliver()),
            Ending::RolledBack(error) if jobs.len() == 1 => jobs[0].deliver_or_fail(error),
            Ending::RolledBack(_) => {
                for job in jobs {
                    match run_batch(&pool, std::slice::from_ref(&job)).await {
                        Ending::Committed => job.deliver(),
                        Ending::RolledBack(error) => job.deliver_or_fail(error),
                    }
                }
            }
        }
    }
}

enum Ending {
    Committed,
    RolledBack(StoreError),
}

/// Runs steps side by side in one transaction and commits it, or rolls it all
/// back if any step failed after writing.
///
/// Each step is a task of its own, so steps compute on every worker thread. A
/// round is sent once all of them wait: sending as soon as one statement waits
/// (so steps would compute while the SQLite thread works) made rounds smaller
/// and was slower, as each round costs a thread round trip.
async fn run_batch(pool: &AnyPool, jobs: &[Arc<dyn Job>]) -> Ending {
    let batch = Arc::new(Batch::new(jobs.len()));
    let steps: Vec<_> = jobs
        .iter()
        .enumerate()
        .map(|(index, job)| {
            let tx = Tx::batched(Arc::clone(&batch), index);
            let running = Arc::clone(job).start(tx);
            let stopped = StepStopped(Arc::clone(&batch));
            tokio::spawn(async move {
                let _stopped = stopped;
                running.await
            })
        })
        .collect();
    let mut conn = None;
    let mut first_error = None;
    while batch.next_round().await {
        let began = conn.is_some();
        let Some(conn) = connection(pool, &mut conn, &batch).await else {
            continue;
        };
        if let Err(error) = execute_round(conn, &batch, !began, false).await {
            batch.abort(&error);
            first_error.get_or_insert(error);
        }
    }
    // A step that panicked counts as failed.
    let outcomes: Vec<bool> = join_all(steps)
        .await
        .into_iter()
        .map(|joined| joined.unwrap_or(false))
        .collect();
    let began = conn.is_some();
    if !began && batch.has_pending() {
        // Only deferred writes: the transaction starts with the last round.
        connection(pool, &mut conn, &batch).await;
    }
    let Some(mut conn) = conn else {
        // Nothing reached the database (or it could not be reached).
        return match batch.aborted() {
            Some(reason) => Ending::RolledBack(first_error.unwrap_or(StoreError::Aborted(reason))),
            None => Ending::Committed,
        };
    };
    let failed_after_writing = outcomes
        .iter()
        .enumerate()
        .any(|(step, ok)| !ok && batch.wrote(step));
    let ending = match batch.aborted() {
        Some(reason) => Err(first_error.unwrap_or(StoreError::Aborted(reason))),
        None if failed_after_writing => Err(StoreError::Aborted(
            "a step failed after writing".to_string(),
        )),
        None => execute_round(&mut conn, &batch, !began, true).await,
    };
    match ending {
        Ok(()) => Ending::Committed,
        Err(error) => {
            // A failed ROLLBACK leaves nothing to save: the connection is
            // closed with the transaction still open, and SQLite discards it.
            if conn.execute("ROLLBACK").await.is_err() {
                conn.close_on_drop();
            }
            Ending::RolledBack(error)
        }
    }
}

/// Marks a step's task as stopped when it ends, even by a panic, so that the
/// batch never waits for it.
struct StepStopped(Arc<Batch>);

impl Drop for StepStopped {
    fn drop(&mut self) {
        self.0.step_stopped();
    }
}

/// The batch's connection, acquired at its first statement. On failure the
/// batch is aborted (its waiting steps get the error) and None is returned.
async fn connection<'c>(
    pool: &AnyPool,
    slot: &'c mut Option<sqlx::pool::PoolConnection<Any>>,
    batch: &Batch,
) -> Option<&'c mut AnyConnection> {
    if slot.is_none() {
        match pool.acquire().await {
            Ok(conn) => *slot = Some(conn),
            Err(error) => {
                batch.abort(&StoreError::Database(error));
                return None;
            }
        }
    }
    slot.as_deref_mut()
}

/// The shared state of one batch: statements waiting to be sent, and what each
/// step has done.
#[derive(Debug)]
pub(super) struct Batch {
    state: Mutex<BatchState>,
    /// Signalled when a step starts waiting for the database or stops.
    changed: Notify,
}

#[derive(Debug)]
struct BatchState {
    pending: Vec<Pending>,
    /// Steps neither waiting for a statement's result nor stopped.
    running: usize,
    wrote: Vec<bool>,
    aborted: Option<String>,
}

#[derive(Debug)]
struct Pending {
    step: usize,
    op: Op,
    /// None for a deferred write.
    reply: Option<oneshot::Sender<Result<Done>>>,
}

impl Batch {
    fn new(steps: usize) -> Batch {
        Batch {
            state: Mutex::new(BatchState {
                pending: Vec::new(),
                running: steps,
                wrote: vec![false; steps],
                aborted: None,
            }),
            changed: Notify::new(),
        }
    }

    pub(super) async fn run(&self, step: usize, op: Op) -> Result<Done> {
        let (reply, receiver) = oneshot::channel();
        {
            let mut state = lock(&self.state);
            if let Some(reason) = &state.aborted {
                return Err(StoreError::Aborted(reason.clone()));
            }
            state.pending.push(Pending {
                step,
                op,
                reply: Some(reply),
            });
            state.running = state.running.saturating_sub(1);
        }
        self.changed.notify_one();
        receiver
            .await
            .unwrap_or_else(|_| Err(StoreError::Aborted("the batch ended".to_string())))
    }

    pub(super) fn defer(&self, step: usize, statement: Statement) {
        let mut state = lock(&self.state);
        if state.aborted.is_none() {
            state.pending.push(Pending {
                step,
                op: Op {
                    statements: vec![statement],
                },
                reply: None,
            });
        }
    }

    fn has_pending(&self) -> bool {
        !lock(&self.state).pending.is_empty()
    }

    /// Waits until every step waits for the database or has stopped. True if a
    /// round is due (a statement waits for its result); false once every step
    /// has stopped: what is pending then is deferred writes, for the final round.
    async fn next_round(&self) -> bool {
        loop {
            {
                let state = lock(&self.state);
                if state.running == 0 {
                    return state.pending.iter().any(|p| p.reply.is_some());
                }
            }
            // A notification sent since the check above is kept for this wait.
            self.changed.notified().await;
        }
    }

    fn step_stopped(&self) {
        {
            let mut state = lock(&self.state);
            state.running = state.running.saturating_sub(1);
        }
        self.changed.notify_one();
    }

    /// Hands a waiting statement its result; its step runs again.
    fn finish(&self, pending: Pending, result: Result<Done>) {
        let Some(reply) = pending.reply else {
            return;
        };
        lock(&self.state).running += 1;
        if reply.send(result).is_err() {
            // The step is gone (it panicked): it will not run again.
            self.step_stopped();
        }
    }

    fn take_pending(&self) -> Vec<Pending> {
        std::mem::take(&mut lock(&self.state).pending)
    }

    fn wrote(&self, step: usize) -> bool {
        lock(&self.state).wrote.get(step).copied().unwrap_or(false)
    }

    fn mark_wrote(&self, step: usize) {
        if let Some(wrote) = lock(&self.state).wrote.get_mut(step) {
            *wrote = true;
        }
    }

    fn aborted(&self) -> Option<String> {
        lock(&self.state).aborted.clone()
    }

    /// Stops the batch: it will be rolled back; waiting statements get the error.
    fn abort(&self, error: &StoreError) {
        let waiting = {
            let mut state = lock(&self.state);
            state.aborted.get_or_insert_with(|| error.to_string());
            std::mem::take(&mut state.pending)
        };
        let reason = error.to_string();
        for pending in waiting {
            self.finish(pending, Err(StoreError::Aborted(reason.clone())));
        }
    }
}

/// A piece of a round's SQL: a statement of an op, or transaction control.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Segment {
    Begin,
    Savepoint,
    Release,
    Commit,
    Statement { op: usize },
}

/// Sends every waiting statement of the batch as one multi-statement query
/// (after `BEGIN IMMEDIATE` on the first round, before `COMMIT` on the last)
/// and hands each op its result. A constraint violation fails only its op, as
/// it would alone (SQLite undoes just that statement); the ops after it go in
/// the next round. Any other failure is returned and aborts the batch.
async fn execute_round(
    conn: &mut AnyConnection,
    batch: &Batch,
    begin: bool,
    commit: bool,
) -> Result<()> {
    let mut ops = batch.take_pending();
    let mut begin = begin;
    loop {
        let (sql, segments, args) = compose(&ops, begin, commit);
        if segments.is_empty() {
            return Ok(());
        }
        let query = args.bind_into(sqlx::query(AssertSqlSafe(sql)).persistent(false));
        let mut results: Vec<Done> = ops.iter().map(|_| Done::default()).collect();
        let mut position = 0;
        let mut failure = None;
        {
            let mut stream = conn.fetch_many(query);
            while let Some(item) = futures_util::StreamExt::next(&mut stream).await {
                match item {
                    Ok(Either::Right(row)) => {
                        if let Some(Segment::Statement { op }) = segments.get(position) {
                            results[*op].rows.push(row);
                        }
                    }
                    Ok(Either::Left(done)) => {
                        if let Some(Segment::Statement { op }) = segments.get(position) {
                            results[*op].rows_affected += done.rows_affected();
                        }
                        position += 1;
                    }
                    Err(error) => {
                        failure = Some(error);
                        break;
                    }
                }
            }
        }
        let Some(error) = failure else {
            for (pending, done) in ops.into_iter().zip(results) {
                if pending.op.statements.iter().any(Statement::writes) {
                    batch.mark_wrote(pending.step);
                }
                batch.finish(pending, Ok(done));
            }
            return Ok(());
        };
        let failed_op = match segments.get(position) {
            Some(Segment::Statement { op }) => *op,
            _ => return Err(StoreError::Database(error)),
        };
        let recoverable = is_constraint(&error) && ops[failed_op].reply.is_some();
        if recoverable && ops[failed_op].op.statements.len() > 1 {
            conn.execute("ROLLBACK TO op").await?;
            conn.execute("RELEASE op").await?;
        }
        let mut rest = ops.split_off(failed_op + 1);
        let failed = ops.pop();
        for (pending, done) in ops.into_iter().zip(results) {
            if pending.op.statements.iter().any(Statement::writes) {
                batch.mark_wrote(pending.step);
            }
            batch.finish(pending, Ok(done));
        }
        if !recoverable {
            let error = StoreError::Database(error);
            batch.abort(&error);
            let reason = error.to_string();
            for pending in rest.drain(..) {
                batch.finish(pending, Err(StoreError::Aborted(reason.clone())));
            }
            // An awaited statement's step gets the error itself; a deferred
            // one's error is the batch's, and reaches its step when it is run alone.
            return match failed {
                Some(failed) if failed.reply.is_some() => {
                    batch.finish(failed, Err(error));
                    Err(StoreError::Aborted(reason))
                }
                _ => Err(error),
            };
        }
        if let Some(failed) = failed {
            batch.finish(failed, Err(StoreError::Database(error)));
        }
        ops = rest;
        begin = false;
    }
}

/// Uniqueness, foreign key, not-null and check violations: SQLite undoes the
/// statement and the transaction goes on.
fn is_constraint(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if matches!(
        e.kind(),
        ErrorKind::UniqueViolation
            | ErrorKind::ForeignKeyViolation
            | ErrorKind::NotNullViolation
            | ErrorKind::CheckViolation
    ))
}

/// The round's SQL, what each of its statements is, and all arguments in order.
fn compose(ops: &[Pending], begin: bool, commit: bool) -> (String, Vec<Segment>, Statement) {
    let mut sql = String::new();
    let mut segments = Vec::new();
    let mut args = Statement::new("");
    let control = |sql: &mut String, segments: &mut Vec<Segment>, segment, text: &str| {
        sql.push_str(text);
        sql.push_str(";\n");
        segments.push(segment);
    };
    if begin {
        control(&mut sql, &mut segments, Segment::Begin, "BEGIN IMMEDIATE");
    }
    for (index, pending) in ops.iter().enumerate() {
        let atomic = pending.op.statements.len() > 1;
        if atomic {
            control(&mut sql, &mut segments, Segment::Savepoint, "SAVEPOINT op");
        }
        for statement in &pending.op.statements {
            renumber(&statement.sql, args.args.len(), &mut sql);
            sql.push_str(";\n");
            segments.push(Segment::Statement { op: index });
            args.args.extend(statement.args.iter().cloned());
        }
        if atomic {
            control(&mut sql, &mut segments, Segment::Release, "RELEASE op");
        }
    }
    if commit {
        control(&mut sql, &mut segments, Segment::Commit, "COMMIT");
    }
    (sql, segments, args)
}

/// Appends `sql` with each `$n` placeholder shifted by `offset`: SQLite reads
/// `$n` as the n-th argument of the whole multi-statement query.
fn renumber(sql: &str, offset: usize, out: &mut String) {
    let mut rest = sql;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let digits = rest[at + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        match rest[at + 1..at + 1 + digits].parse::<usize>() {
            Ok(n) => {
                out.push('$');
                out.push_str(&(n + offset).to_string());
            }
            Err(_) => out.push('$'),
        }
        rest = &rest[at + 1 + digits..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_shifted_past_earlier_statements() {
        let mut out = String::new();
        renumber("UPDATE t SET a = $1 WHERE b = $2 OR c = $1", 7, &mut out);
        assert_eq!(out, "UPDATE t SET a = $8 WHERE b = $9 OR c = $8");
        let mut out = String::new();
        renumber("SELECT '$' || $10", 2, &mut out);
        assert_eq!(out, "SELECT '$' || $12");
    }

    #[test]
    fn a_round_is_begin_statements_in_savepoints_and_commit() {
        let one = Pending {
            step: 0,
            op: Op {
                statements: vec![Statement::new("SELECT $1").bind(1)],
            },
            reply: None,
        };
        let two = Pending {
            step: 1,
            op: Op {
                statements: vec![
                    Statement::new("INSERT INTO a VALUES ($1)").bind("x"),
                    Statement::new("INSERT INTO b VALUES ($1, $2)")
                        .bind("y")
                        .bind(2),
                ],
            },
            reply: None,
        };
        let (sql, segments, args) = compose(&[one, two], true, true);
        assert_eq!(
            sql,
            "BEGIN IMMEDIATE;\nSELECT $1;\nSAVEPOINT op;\nINSERT INTO a VALUES ($2);\n\
             INSERT INTO b VALUES ($3, $4);\nRELEASE op;\nCOMMIT;\n"
        );
        assert_eq!(
            segments,
            vec![
                Segment::Begin,
                Segment::Statement { op: 0 },
                Segment::Savepoint,
                Segment::Statement { op: 1 },
                Segment::Statement { op: 1 },
                Segment::Release,
                Segment::Commit,
            ]
        );
        assert_eq!(args.args.len(), 4);
    }
}
