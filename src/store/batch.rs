//! Group commit for SQLite. The connection lives on a thread of its own (see
//! `sqlite.rs`), and every trip to it costs two context switches (about 70 µs
//! of latency on this class of machine), while SQLite allows one writer at a
//! time. So steps are not run one transaction each: the batcher takes every
//! step waiting, runs them side by side in one transaction, and whenever all of
//! them wait for the database it sends all their statements in one round trip.
//! One commit then writes the pages of many steps.
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
use std::sync::atomic::{AtomicU64, Ordering};

use futures_util::future::{BoxFuture, join_all};
use tokio::sync::{mpsc, oneshot};

use super::StoreError;
use super::round::{Batch, execute_round};
use super::sqlite::Writer;
use super::statement::lock;
use super::tx::Tx;

/// Most steps in one transaction: enough to amortise the round trips, few
/// enough that one slow batch does not hold many callers.
const MAX_STEPS: usize = 256;

/// Most times the batcher yields to let steps join a batch before it starts.
/// A yield costs a few microseconds; a step that misses a batch waits a whole
/// batch (milliseconds).
const GATHER_YIELDS: usize = 4;

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
    /// Batches started so far (each one transaction, retries aside).
    batches: Arc<AtomicU64>,
}

impl std::fmt::Debug for dyn Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Job")
    }
}

impl Batcher {
    /// Starts the batcher task on the current runtime.
    pub(super) fn start(writer: Writer) -> Batcher {
        let (jobs, queue) = mpsc::unbounded_channel();
        let batches = Arc::new(AtomicU64::new(0));
        tokio::spawn(work(writer, queue, Arc::clone(&batches)));
        Batcher { jobs, batches }
    }

    /// How many batches have started: steps per batch is how well commits are shared.
    pub(super) fn batches(&self) -> u64 {
        self.batches.load(Ordering::Relaxed)
    }

    /// Queues a step; false if the batcher has stopped (the runtime is ending).
    pub(super) fn submit(&self, job: Arc<dyn Job>) -> bool {
        self.jobs.send(job).is_ok()
    }
}

async fn work(
    writer: Writer,
    mut queue: mpsc::UnboundedReceiver<Arc<dyn Job>>,
    batches: Arc<AtomicU64>,
) {
    while let Some(first) = queue.recv().await {
        let jobs = gather(first, &mut queue).await;
        batches.fetch_add(1, Ordering::Relaxed);
        match run_batch(&writer, &jobs).await {
            Ending::Committed => jobs.iter().for_each(|job| job.deliver()),
            Ending::RolledBack(error) if jobs.len() == 1 => jobs[0].deliver_or_fail(error),
            Ending::RolledBack(_) => {
                for job in jobs {
                    match run_batch(&writer, std::slice::from_ref(&job)).await {
                        Ending::Committed => job.deliver(),
                        Ending::RolledBack(error) => job.deliver_or_fail(error),
                    }
                }
            }
        }
    }
}

/// The steps of the next batch: `first` and those that join it. Callers whose
/// steps the last batch just delivered are about to submit their next ones, but
/// their tasks have not run yet; starting at once would take the one or two
/// that came first and leave the rest a whole batch to wait (a third of the
/// batches held at most three steps at 32 callers). So the batcher yields while
/// yielding brings more steps: with one caller it costs a yield per batch.
async fn gather(
    first: Arc<dyn Job>,
    queue: &mut mpsc::UnboundedReceiver<Arc<dyn Job>>,
) -> Vec<Arc<dyn Job>> {
    let mut jobs = vec![first];
    for yields in 0..=GATHER_YIELDS {
        let before = jobs.len();
        while jobs.len() < MAX_STEPS {
            match queue.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        let settled = yields > 0 && jobs.len() == before;
        if settled || jobs.len() == MAX_STEPS || yields == GATHER_YIELDS {
            break;
        }
        tokio::task::yield_now().await;
    }
    jobs
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
async fn run_batch(writer: &Writer, jobs: &[Arc<dyn Job>]) -> Ending {
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
    let mut began = false;
    let mut first_error = None;
    while batch.next_round().await {
        let begin = !began;
        began = true;
        if let Err(error) = execute_round(writer, &batch, begin, false).await {
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
    if !began && !batch.has_pending() {
        // Nothing reached the database.
        return match batch.aborted() {
            Some(reason) => Ending::RolledBack(first_error.unwrap_or(StoreError::Aborted(reason))),
            None => Ending::Committed,
        };
    }
    let failed_after_writing = outcomes
        .iter()
        .enumerate()
        .any(|(step, ok)| !ok && batch.wrote(step));
    // Only deferred writes: the transaction starts with the last round.
    let ending = match batch.aborted() {
        Some(reason) => Err(first_error.unwrap_or(StoreError::Aborted(reason))),
        None if failed_after_writing => Err(StoreError::Aborted(
            "a step failed after writing".to_string(),
        )),
        None => execute_round(writer, &batch, !began, true).await,
    };
    match ending {
        Ok(()) => Ending::Committed,
        Err(error) => {
            writer.rollback().await;
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
