//! Full code-login flows per second on the embedded engine with SQLite:
//! create flow → send code (queued in the outbox) → read it → submit → session.
//! Run with `scripts/bench-flows`; prints flows/s, CPU time per flow and peak RSS.

#![allow(clippy::print_stdout)] // A benchmark reports on stdout.

use std::sync::Arc;
use std::time::Instant;

use otpctl::courier::outbox::MessageFilter;
use otpctl::engine::{Engine, FlowRequest, FlowState, LoginSubmission, Outcome};
use serde_json::Value;

mod support;

/// Store steps per flow: create, send the code, read the outbox, submit the code.
const STEPS_PER_FLOW: usize = 4;

/// CPU time of the whole process so far (user + system, every thread), from
/// `/proc/self/stat` in clock ticks (USER_HZ, 100 per second on Linux).
fn cpu_seconds() -> f64 {
    let ticks: u64 = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            // Fields after the command name, which is in parentheses.
            let rest = stat
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .collect::<Vec<_>>();
            let user: u64 = rest.get(11)?.parse().ok()?;
            let system: u64 = rest.get(12)?.parse().ok()?;
            Some(user + system)
        })
        .unwrap_or(0);
    ticks as f64 / 100.0
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let flows = support::number("--flows", 20_000);
    let concurrency = support::number("--concurrency", 32);
    let users = support::number("--users", 1_000);
    let (_dir, engine) = support::engine_with_users(users).await?;
    let engine = Arc::new(engine);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let batches_before = engine.store_batches().unwrap_or(0);
    let start = Instant::now();
    let cpu_before = cpu_seconds();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let engine = Arc::clone(&engine);
        let next = Arc::clone(&next);
        tasks.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if n >= flows {
                    return Ok::<(), String>(());
                }
                login(&engine, &support::email(n % users)).await?;
            }
        }));
    }
    for task in tasks {
        task.await??;
    }
    let elapsed = start.elapsed();
    let cpu = cpu_seconds() - cpu_before;
    let batches = engine.store_batches().unwrap_or(0) - batches_before;
    println!(
        "otpctl engine (SQLite, {} cores): {flows} code-login flows in {:.2} s = {:.0} flows/s; concurrency {concurrency}; {:.1} steps per batch; {:.0} µs CPU per flow; peak RSS {:.1} MiB",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        elapsed.as_secs_f64(),
        flows as f64 / elapsed.as_secs_f64(),
        (flows * STEPS_PER_FLOW) as f64 / batches.max(1) as f64,
        cpu * 1e6 / flows.max(1) as f64,
        support::peak_rss_kib("self") as f64 / 1024.0
    );
    Ok(())
}

async fn login(engine: &Engine, email: &str) -> Result<(), String> {
    let flow = engine
        .create_login_flow(&FlowRequest::default())
        .await
        .map_err(|e| e.to_string())?;
    let id = flow.id.clone();
    let mut submission = LoginSubmission {
        identifier: Some(email.to_string()),
        ..LoginSubmission::default()
    };
    match engine
        .submit_login(&id, &submission)
        .await
        .map_err(|e| e.to_string())?
    {
        Outcome::Flow(flow) if flow.state == FlowState::SentEmail => {}
        _ => return Err("no code sent".into()),
    }
    submission.code = Some(code_from_outbox(engine, &id).await?);
    match engine
        .submit_login(&id, &submission)
        .await
        .map_err(|e| e.to_string())?
    {
        Outcome::Done(_) => Ok(()),
        _ => Err("login did not complete".into()),
    }
}

async fn code_from_outbox(engine: &Engine, flow_id: &str) -> Result<String, String> {
    let filter = MessageFilter {
        flow_id: Some(flow_id.to_string()),
        ..MessageFilter::default()
    };
    let messages = engine
        .list_messages(&filter, 1, 0)
        .await
        .map_err(|e| e.to_string())?;
    messages
        .first()
        .and_then(|m| m.template_data.get("login_code").and_then(Value::as_str))
        .map(str::to_string)
        .ok_or_else(|| "no code in the outbox".to_string())
}
