//! The threads evaluations run on: long-lived, each with a stack sized for
//! [`MAX_NESTING`](super::MAX_NESTING), each keeping one program (its standard
//! library built once) for many evaluations; a thread of its own when none
//! could be started.

use std::sync::OnceLock;
use std::time::Instant;

use rsjsonnet_lang::arena::Arena;
use serde_json::Value;

use super::{EVAL_STACK_BYTES, JsonnetError, evaluate_here, evaluate_in, new_program};

/// One evaluation for the evaluator thread.
pub(super) struct Job {
    code: String,
    name: String,
    ctx: Option<Value>,
    ext_vars: Vec<(String, Value)>,
    deadline: Instant,
}

impl Job {
    /// An evaluation of `code` with its own copies of the inputs (it crosses
    /// to another thread).
    pub(super) fn new(
        code: &str,
        name: &str,
        ctx: Option<&Value>,
        ext_vars: &[(&str, &Value)],
        deadline: Instant,
    ) -> Job {
        Job {
            code: code.to_string(),
            name: name.to_string(),
            ctx: ctx.cloned(),
            ext_vars: ext_vars
                .iter()
                .map(|(key, value)| ((*key).to_string(), (*value).clone()))
                .collect(),
            deadline,
        }
    }

    fn run(&self) -> Result<Value, JsonnetError> {
        let ext_vars: Vec<(&str, &Value)> = self
            .ext_vars
            .iter()
            .map(|(key, value)| (key.as_str(), value))
            .collect();
        evaluate_here(
            &self.code,
            &self.name,
            self.ctx.as_ref(),
            &ext_vars,
            self.deadline,
        )
    }
}

type Reply = std::sync::mpsc::SyncSender<Result<Value, JsonnetError>>;

/// Where evaluations wait for an evaluator thread.
type Queue = std::sync::Mutex<std::sync::mpsc::Sender<(Job, Reply)>>;

/// The evaluator threads: started once, each with a stack sized for
/// [`MAX_NESTING`], taking jobs in turn. Starting a thread (and mapping its
/// 64 MiB stack) per evaluation cost more than the seed's SMS body itself.
/// Every job ends by itself (the evaluator checks its deadline), so a thread
/// is never held by one.
fn evaluators() -> Option<&'static Queue> {
    static QUEUE: OnceLock<Option<Queue>> = OnceLock::new();
    QUEUE
        .get_or_init(|| {
            let (sender, receiver) = std::sync::mpsc::channel::<(Job, Reply)>();
            let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
            let mut started = 0;
            for _ in 0..threads {
                let receiver = std::sync::Arc::clone(&receiver);
                let spawned = std::thread::Builder::new()
                    .name("jsonnet".to_string())
                    .stack_size(EVAL_STACK_BYTES)
                    .spawn(move || serve_jobs(&receiver));
                started += usize::from(spawned.is_ok());
            }
            (started > 0).then(|| std::sync::Mutex::new(sender))
        })
        .as_ref()
}

/// How many evaluations one program serves before a new one is made: its
/// arena keeps every source it loaded, so it is dropped now and then.
const PROGRAM_RUNS: usize = 256;

/// An evaluator thread's loop: jobs without external variables share one
/// program (its standard library built once) for [`PROGRAM_RUNS`] runs.
fn serve_jobs(receiver: &std::sync::Mutex<std::sync::mpsc::Receiver<(Job, Reply)>>) {
    loop {
        let arena = Arena::new();
        let mut program = new_program(&arena);
        for _ in 0..PROGRAM_RUNS {
            let next = match receiver.lock() {
                Ok(queue) => queue.recv(),
                Err(_) => return,
            };
            let Ok((job, reply)) = next else { return };
            let result = if job.ext_vars.is_empty() {
                evaluate_in(
                    &mut program,
                    &job.code,
                    &job.name,
                    job.ctx.as_ref(),
                    job.deadline,
                )
            } else {
                job.run()
            };
            let _ = reply.send(result);
        }
    }
}

/// Runs `job` on an evaluator thread, or on a thread of its own if none
/// could be started.
pub(super) fn run(job: Job) -> Result<Value, JsonnetError> {
    let name = job.name.clone();
    let stopped = || stopped(&name);
    let Some(queue) = evaluators() else {
        return on_own_thread(job);
    };
    let (reply, answer) = std::sync::mpsc::sync_channel(1);
    let sent = queue
        .lock()
        .map_err(|_| stopped())?
        .send((job, reply))
        .map_err(|_| stopped());
    sent?;
    answer.recv().unwrap_or_else(|_| Err(stopped()))
}

fn on_own_thread(job: Job) -> Result<Value, JsonnetError> {
    on_big_stack(&job.name, "run", || job.run())
}

/// Runs `work` on a thread of its own with the evaluator's stack and waits
/// for it; `doing` says what could not be done if the thread cannot start.
pub(super) fn on_big_stack<T: Send>(
    name: &str,
    doing: &str,
    work: impl FnOnce() -> Result<T, JsonnetError> + Send,
) -> Result<T, JsonnetError> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("jsonnet".to_string())
            .stack_size(EVAL_STACK_BYTES)
            .spawn_scoped(scope, work)
            .map_err(|e| JsonnetError::Limit {
                name: name.to_string(),
                what: format!("could not be {doing}: cannot start the evaluator thread: {e}"),
            })?;
        worker.join().unwrap_or_else(|_| Err(stopped(name)))
    })
}

fn stopped(name: &str) -> JsonnetError {
    JsonnetError::Limit {
        name: name.to_string(),
        what: "stopped the evaluator (an internal error)".to_string(),
    }
}
