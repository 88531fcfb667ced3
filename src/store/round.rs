//! One batch of group-committed steps (see `batch.rs`): the statements its steps
//! wait on, and what each step has written.

use std::sync::Mutex;

use tokio::sync::{Notify, oneshot};

use super::StoreError;
use super::sqlite::{Fatal, Round, RoundOp, Writer};
use super::statement::{Done, Op, Statement, lock};

type Result<T> = std::result::Result<T, StoreError>;

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
    pub(super) fn new(steps: usize) -> Batch {
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

    pub(super) fn has_pending(&self) -> bool {
        !lock(&self.state).pending.is_empty()
    }

    /// Waits until every step waits for the database or has stopped. True if a
    /// round is due (a statement waits for its result); false once every step
    /// has stopped: what is pending then is deferred writes, for the final round.
    pub(super) async fn next_round(&self) -> bool {
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

    pub(super) fn step_stopped(&self) {
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

    pub(super) fn wrote(&self, step: usize) -> bool {
        lock(&self.state).wrote.get(step).copied().unwrap_or(false)
    }

    fn mark_wrote(&self, step: usize) {
        if let Some(wrote) = lock(&self.state).wrote.get_mut(step) {
            *wrote = true;
        }
    }

    pub(super) fn aborted(&self) -> Option<String> {
        lock(&self.state).aborted.clone()
    }

    /// Stops the batch: it will be rolled back; waiting statements get the error.
    pub(super) fn abort(&self, error: &StoreError) {
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

/// Sends every waiting statement of the batch to the database thread (after
/// `BEGIN IMMEDIATE` on the first round, before `COMMIT` on the last) and hands
/// each op its result. A constraint violation fails only its op, as it would
/// alone; any other failure is returned and aborts the batch.
pub(super) async fn execute_round(
    writer: &Writer,
    batch: &Batch,
    begin: bool,
    commit: bool,
) -> Result<()> {
    let mut pending = batch.take_pending();
    let writes: Vec<bool> = pending
        .iter()
        .map(|p| p.op.statements.iter().any(Statement::writes))
        .collect();
    let ops = pending
        .iter_mut()
        .map(|p| RoundOp {
            statements: std::mem::take(&mut p.op.statements),
            awaited: p.reply.is_some(),
        })
        .collect();
    let result = writer.round(Round { ops, begin, commit }).await?;
    let mut pending = pending.into_iter();
    for ((waiting, done), writes) in pending.by_ref().zip(result.done).zip(writes) {
        if writes && done.is_ok() {
            batch.mark_wrote(waiting.step);
        }
        batch.finish(waiting, done);
    }
    let Some(Fatal { op, error }) = result.fatal else {
        return Ok(());
    };
    batch.abort(&error);
    let reason = error.to_string();
    let failed = op.and_then(|_| pending.next());
    for rest in pending {
        batch.finish(rest, Err(StoreError::Aborted(reason.clone())));
    }
    // An awaited statement's step gets the error itself; a deferred one's
    // error is the batch's, and reaches its step when it is run alone.
    match failed {
        Some(failed) if failed.reply.is_some() => {
            batch.finish(failed, Err(error));
            Err(StoreError::Aborted(reason))
        }
        _ => Err(error),
    }
}
