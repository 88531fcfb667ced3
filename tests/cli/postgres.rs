//! The databases the engine's store runs on, reached through sqlx's Any driver:
//! a real PostgreSQL (from `scripts/pg`, via `OTPCTL_TEST_POSTGRES_URL`) and
//! SQLite, with the one SQL dialect the store writes for both.

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyConnection, AnyPool, Connection, Row};

/// The PostgreSQL server to test against; the policy for a missing one is
/// [`crate::lab::require_postgres`]'s (a failure unless `OTPCTL_SKIP_POSTGRES=1`).
fn postgres_url() -> Option<String> {
    crate::lab::require_postgres("this PostgreSQL test")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

#[test]
fn postgres_answers_select_1() {
    let Some(url) = postgres_url() else {
        return;
    };
    sqlx::any::install_default_drivers();
    runtime().block_on(async {
        let pool: AnyPool = AnyPoolOptions::new()
            .max_connections(1)
            .connect(&url)
            .await
            .unwrap_or_else(|e| panic!("connect to {url}: {e}"));
        let one: i32 = sqlx::query_scalar("SELECT 1")
            .fetch_one(&pool)
            .await
            .expect("SELECT 1");
        assert_eq!(one, 1);
        pool.close().await;
    });
}

#[test]
fn postgres_takes_the_store_dialect() {
    let Some(url) = postgres_url() else {
        return;
    };
    sqlx::any::install_default_drivers();
    runtime().block_on(async {
        let mut conn = AnyConnection::connect(&url).await.expect("connect");
        store_dialect(&mut conn).await;
        conn.close().await.expect("close");
    });
}

#[test]
fn sqlite_takes_the_store_dialect() {
    sqlx::any::install_default_drivers();
    runtime().block_on(async {
        let mut conn = AnyConnection::connect("sqlite::memory:")
            .await
            .expect("connect");
        store_dialect(&mut conn).await;
        conn.close().await.expect("close");
    });
}

/// sqlx's Any driver cannot decode a column SQLite declares BOOLEAN, and the
/// whole row fails with it; so the store keeps flags in integer columns (0/1),
/// which both databases decode. When this test fails, sqlx has lifted the limit.
#[test]
fn sqlite_boolean_columns_do_not_decode_through_any() {
    sqlx::any::install_default_drivers();
    runtime().block_on(async {
        let mut conn = AnyConnection::connect("sqlite::memory:")
            .await
            .expect("connect");
        sqlx::query("CREATE TEMPORARY TABLE t (flag BOOLEAN NOT NULL)")
            .execute(&mut conn)
            .await
            .expect("create table");
        sqlx::query("INSERT INTO t (flag) VALUES ($1)")
            .bind(true)
            .execute(&mut conn)
            .await
            .expect("a bool binds");
        let Err(error) = sqlx::query("SELECT flag FROM t").fetch_one(&mut conn).await else {
            panic!("a BOOLEAN column decoded through Any");
        };
        assert!(
            error
                .to_string()
                .contains("does not support the SQLite type"),
            "{error}"
        );
        let flag: i64 = sqlx::query_scalar("SELECT flag + 0 FROM t")
            .fetch_one(&mut conn)
            .await
            .expect("as an integer it does");
        assert_eq!(flag, 1);
        conn.close().await.expect("close");
    });
}

/// What the store relies on, on either database: `$n` placeholders (reused and
/// out of order), `UPDATE … RETURNING` for the per-flow submission counter,
/// `ON CONFLICT DO NOTHING`, NULLs, 64-bit integers, integer flags and rows
/// affected.
/// A temporary table lives only on this connection, so runs never collide.
async fn store_dialect(conn: &mut AnyConnection) {
    sqlx::query(
        "CREATE TEMPORARY TABLE flows (
            id TEXT PRIMARY KEY,
            submit_count BIGINT NOT NULL DEFAULT 0,
            used_at BIGINT NULL,
            active BIGINT NOT NULL DEFAULT 1
        )",
    )
    .execute(&mut *conn)
    .await
    .expect("create table");

    let inserted = sqlx::query("INSERT INTO flows (id, used_at) VALUES ($1, $2)")
        .bind("f1")
        .bind(None::<i64>)
        .execute(&mut *conn)
        .await
        .expect("insert with $1, $2");
    assert_eq!(inserted.rows_affected(), 1);
    let duplicate = sqlx::query("INSERT INTO flows (id) VALUES ($1) ON CONFLICT (id) DO NOTHING")
        .bind("f1")
        .execute(&mut *conn)
        .await
        .expect("insert on conflict");
    assert_eq!(duplicate.rows_affected(), 0);

    for expected in 1..=3_i64 {
        let count: i64 = sqlx::query_scalar(
            "UPDATE flows SET submit_count = submit_count + 1 WHERE id = $1 RETURNING submit_count",
        )
        .bind("f1")
        .fetch_one(&mut *conn)
        .await
        .expect("update returning");
        assert_eq!(count, expected);
    }
    let none = sqlx::query_scalar::<_, i64>(
        "UPDATE flows SET submit_count = submit_count + 1 WHERE id = $1 RETURNING submit_count",
    )
    .bind("missing")
    .fetch_optional(&mut *conn)
    .await
    .expect("update returning nothing");
    assert_eq!(none, None);

    // Single use: the second consumption matches no row.
    let consume = "UPDATE flows SET used_at = $2 WHERE id = $1 AND used_at IS NULL";
    let first = sqlx::query(consume)
        .bind("f1")
        .bind(1_767_225_600_000_i64)
        .execute(&mut *conn)
        .await
        .expect("consume");
    let second = sqlx::query(consume)
        .bind("f1")
        .bind(1_767_225_600_001_i64)
        .execute(&mut *conn)
        .await
        .expect("consume again");
    assert_eq!((first.rows_affected(), second.rows_affected()), (1, 0));

    let row = sqlx::query(
        "SELECT submit_count, used_at, active, $1 AS echoed FROM flows WHERE id = $2 AND $1 = $1",
    )
    .bind("again")
    .bind("f1")
    .fetch_one(&mut *conn)
    .await
    .expect("select with a reused placeholder");
    assert_eq!(row.get::<i64, _>("submit_count"), 3);
    assert_eq!(
        row.get::<Option<i64>, _>("used_at"),
        Some(1_767_225_600_000)
    );
    assert_eq!(row.get::<i64, _>("active"), 1);
    assert_eq!(row.get::<String, _>("echoed"), "again");
}
