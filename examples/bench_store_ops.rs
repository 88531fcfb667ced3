//! The cost of each store operation a code login uses, run the way the engine
//! runs them: 256 concurrent one-operation steps through `Store::run`, so they
//! are group-committed on SQLite. `SELECT 1` is the floor of a batched step.
//! Run with `cargo run --release --example bench_store_ops`.

#![allow(clippy::print_stdout)] // A benchmark reports on stdout.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use otpctl::engine::{FlowRequest, LoginSubmission};
use otpctl::store::{self, MessageFilter, Statement, Store, StoreError, Tx};

mod support;

const USERS: usize = 1_000;
const FLOWS: usize = 2_000;
const OPERATIONS: usize = 8_000;
const CONCURRENCY: usize = 256;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Realistic rows: users, and flows waiting for their code.
    let (_dir, engine) = support::engine_with_users(USERS).await?;
    let mut flows = Vec::with_capacity(FLOWS);
    for i in 0..FLOWS {
        let flow = engine.create_login_flow(&FlowRequest::default()).await?;
        let id = flow["id"].as_str().unwrap_or_default().to_string();
        let submission = LoginSubmission {
            identifier: Some(support::email(i % USERS)),
            ..LoginSubmission::default()
        };
        engine.submit_login(&id, &submission).await?;
        flows.push(id);
    }
    let flows = Arc::new(flows);
    let store = engine.store().clone();
    let flow = move |i: usize| flows[i % FLOWS].clone();
    let email = |i: usize| support::email(i % USERS);

    measure("SELECT 1", &store, |tx, _| async move {
        Statement::new("SELECT 1").fetch_all(&tx).await.map(drop)
    })
    .await?;
    let id = flow.clone();
    measure("flow row, 13 columns, unparsed", &store, move |tx, i| {
        let id = id(i);
        // What sqlx costs per column, before any parsing of ours.
        async move {
            Statement::new(
                "SELECT id, kind, type, state, active, submit_count, request_url, return_to, \
                 context, ui, issued_at, expires_at, updated_at FROM flows WHERE id = $1",
            )
            .bind(id)
            .fetch_all(&tx)
            .await
            .map(drop)
        }
    })
    .await?;
    let id = flow.clone();
    measure("flow row, id only", &store, move |tx, i| {
        let id = id(i);
        async move {
            Statement::new("SELECT id FROM flows WHERE id = $1")
                .bind(id)
                .fetch_all(&tx)
                .await
                .map(drop)
        }
    })
    .await?;
    let id = flow.clone();
    measure(
        "flow row as one JSON column, parsed",
        &store,
        move |tx, i| {
            let id = id(i);
            // The same row packed by SQLite into one value, then parsed by serde.
            async move {
                let rows = Statement::new(
                    "SELECT json_object('id', id, 'kind', kind, 'type', type, 'state', state, \
                 'active', active, 'submit_count', submit_count, 'request_url', request_url, \
                 'return_to', return_to, 'context', json(context), 'ui', json(ui), \
                 'issued_at', issued_at, 'expires_at', expires_at, 'updated_at', updated_at) \
                 AS flow FROM flows WHERE id = $1",
                )
                .bind(id)
                .fetch_all(&tx)
                .await?;
                for row in rows {
                    let value: serde_json::Value = serde_json::from_str(row.str("flow")?)
                        .map_err(|e| StoreError::Aborted(e.to_string()))?;
                    std::hint::black_box(value);
                }
                Ok(())
            }
        },
    )
    .await?;
    let id = flow.clone();
    measure("get_flow", &store, move |tx, i| {
        let id = id(i);
        async move { store::get_flow(&tx, &id).await.map(drop) }
    })
    .await?;
    let id = flow.clone();
    measure("get_flow_counting_submission", &store, move |tx, i| {
        let id = id(i);
        // Not a verification flow: counts nothing, costs the same.
        async move {
            store::get_flow_counting_submission(&tx, &id, "verification")
                .await
                .map(drop)
        }
    })
    .await?;
    measure("find_by_identifier", &store, move |tx, i| async move {
        store::find_by_identifier(&tx, "code", &[&email(i)])
            .await
            .map(drop)
    })
    .await?;
    let id = flow.clone();
    measure("codes_of_flow", &store, move |tx, i| {
        let id = id(i);
        async move { store::codes_of_flow(&tx, &id).await.map(drop) }
    })
    .await?;
    let id = flow.clone();
    measure("list_messages of a flow", &store, move |tx, i| {
        let filter = MessageFilter {
            flow_id: Some(id(i)),
            ..MessageFilter::default()
        };
        async move { store::list_messages(&tx, &filter, 1, 0).await.map(drop) }
    })
    .await?;
    let id = flow.clone();
    measure("get_flow + update_flow", &store, move |tx, i| {
        let id = id(i);
        async move {
            if let Some(flow) = store::get_flow(&tx, &id).await? {
                store::update_flow(&tx, &flow);
            }
            Ok(())
        }
    })
    .await?;
    Ok(())
}

/// Runs `OPERATIONS` steps of `operation`, `CONCURRENCY` at a time, and prints
/// the time per step.
async fn measure<F, Fut>(name: &str, store: &Store, operation: F) -> Result<(), StoreError>
where
    F: Fn(Tx, usize) -> Fut + Send + Sync + Clone + 'static,
    Fut: Future<Output = Result<(), StoreError>> + Send + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let workers: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let (store, operation, next) = (store.clone(), operation.clone(), Arc::clone(&next));
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= OPERATIONS {
                        return Ok::<(), StoreError>(());
                    }
                    let operation = operation.clone();
                    store.run(move |tx| operation(tx, i)).await?;
                }
            })
        })
        .collect();
    for worker in workers {
        worker
            .await
            .map_err(|e| StoreError::Aborted(e.to_string()))??;
    }
    let micros = start.elapsed().as_secs_f64() * 1e6 / OPERATIONS as f64;
    println!("{name:<30} {micros:>7.1} µs per step");
    Ok(())
}
