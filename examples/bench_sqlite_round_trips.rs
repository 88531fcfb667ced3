//! What one statement costs through sqlx's SQLite driver, the figure behind the
//! engine's group commit (`src/engine/store/batch.rs`): a statement per round
//! trip, against many statements in one multi-statement round trip.
//! Run with `cargo run --release --example bench_sqlite_round_trips`.

#![allow(clippy::print_stdout)] // A benchmark reports on stdout.

use std::str::FromStr;
use std::time::Instant;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AssertSqlSafe, Executor};

const STATEMENTS: usize = 20_000;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    sqlx::any::install_default_drivers();
    let dir = tempfile::tempdir()?;
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("probe.db").display()
    );
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect_with(AnyConnectOptions::from_str(&url)?)
        .await?;
    let mut conn = pool.acquire().await?;
    conn.execute("PRAGMA journal_mode = WAL").await?;
    conn.execute("PRAGMA synchronous = NORMAL").await?;
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT)")
        .await?;
    let value = "x".repeat(200);

    let start = Instant::now();
    for _ in 0..STATEMENTS {
        sqlx::query("SELECT 1").fetch_one(&mut *conn).await?;
    }
    report("SELECT 1, one per round trip", start, STATEMENTS);

    let start = Instant::now();
    conn.execute("BEGIN").await?;
    for i in 0..STATEMENTS {
        sqlx::query("INSERT INTO t VALUES ($1, $2)")
            .bind(format!("single-{i}"))
            .bind(&value)
            .execute(&mut *conn)
            .await?;
    }
    conn.execute("COMMIT").await?;
    report("INSERT, one per round trip", start, STATEMENTS);

    for per_trip in [8, 32, 128] {
        let sql: String = (0..per_trip)
            .map(|i| format!("INSERT INTO t VALUES (${}, ${});\n", 2 * i + 1, 2 * i + 2))
            .collect();
        let trips = STATEMENTS / per_trip;
        let start = Instant::now();
        conn.execute("BEGIN").await?;
        for trip in 0..trips {
            // Not cached, as the engine's rounds are not: each differs.
            let mut query = sqlx::query(AssertSqlSafe(sql.clone())).persistent(false);
            for i in 0..per_trip {
                query = query
                    .bind(format!("multi-{per_trip}-{trip}-{i}"))
                    .bind(&value);
            }
            query.execute(&mut *conn).await?;
        }
        conn.execute("COMMIT").await?;
        report(
            &format!("INSERT, {per_trip} per round trip"),
            start,
            trips * per_trip,
        );
    }
    Ok(())
}

fn report(what: &str, start: Instant, statements: usize) {
    let micros = start.elapsed().as_secs_f64() * 1e6 / statements as f64;
    println!("{what:<32} {micros:>7.1} µs per statement");
}
