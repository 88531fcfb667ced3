//! The engine's database read directly, as an auditor reads it, never through the
//! engine: the SQLite file with rusqlite, PostgreSQL by its URL with sqlx. The tables
//! come from the schema (`sqlite_master`, `information_schema`), so a table added
//! later is read too.

#![allow(dead_code)] // Each test module uses a different part of this helper.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;
use sqlx::Connection;

use crate::lab::Lab;

/// Where a lab's engine keeps its data.
#[derive(Debug, Clone)]
pub enum Database {
    /// The SQLite file.
    Sqlite(PathBuf),
    /// The PostgreSQL database URL.
    Postgres(String),
}

/// One row of one table, every column as text (`None` for NULL).
#[derive(Debug, Clone)]
pub struct Row {
    pub table: String,
    pub columns: BTreeMap<String, Option<String>>,
}

impl Row {
    /// A column's text.
    pub fn get(&self, column: &str) -> Option<&str> {
        self.columns.get(column).and_then(Option::as_deref)
    }

    /// `table:id` (or the table alone when it has no `id`), for messages.
    pub fn name(&self) -> String {
        match self.get("id") {
            Some(id) => format!("{}:{id}", self.table),
            None => self.table.clone(),
        }
    }

    /// How often `needle` occurs in the row's values, all columns together.
    pub fn occurrences(&self, needle: &str) -> usize {
        self.columns
            .values()
            .flatten()
            .map(|v| v.matches(needle).count())
            .sum()
    }
}

impl Database {
    /// The database of a lab: its PostgreSQL database, else `engine.db` beside its config.
    pub fn of(lab: &Lab) -> Database {
        match &lab.dsn {
            Some(url) => Database::Postgres(url.clone()),
            None => Database::Sqlite(lab.dir.path().join("engine.db")),
        }
    }

    /// The tables, from the schema, sorted.
    pub async fn tables(&self) -> Vec<String> {
        match self {
            Database::Sqlite(path) => {
                let conn = rusqlite::Connection::open(path).expect("open the SQLite file");
                let mut statement = conn
                    .prepare(
                        "SELECT name FROM sqlite_master \
                         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                    )
                    .expect("prepare");
                statement
                    .query_map([], |row| row.get::<_, String>(0))
                    .expect("tables")
                    .collect::<Result<Vec<_>, _>>()
                    .expect("table names")
            }
            Database::Postgres(url) => {
                let mut conn = sqlx::PgConnection::connect(url).await.expect("connect");
                sqlx::query_scalar::<_, String>(
                    "SELECT table_name::text FROM information_schema.tables \
                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                     ORDER BY table_name",
                )
                .fetch_all(&mut conn)
                .await
                .expect("tables")
            }
        }
    }

    /// Every row of every table.
    pub async fn rows(&self) -> Vec<Row> {
        let tables = self.tables().await;
        assert!(!tables.is_empty(), "the schema lists no table: {self:?}");
        let mut out = Vec::new();
        match self {
            Database::Sqlite(path) => {
                let conn = rusqlite::Connection::open(path).expect("open the SQLite file");
                for table in tables {
                    let mut statement = conn
                        .prepare(&format!("SELECT * FROM \"{table}\""))
                        .expect("prepare");
                    let names: Vec<String> = statement
                        .column_names()
                        .iter()
                        .map(|n| n.to_string())
                        .collect();
                    let mut rows = statement.query([]).expect("select");
                    while let Some(row) = rows.next().expect("row") {
                        let mut columns = BTreeMap::new();
                        for (i, name) in names.iter().enumerate() {
                            use rusqlite::types::ValueRef;
                            let value = match row.get_ref(i).expect("value") {
                                ValueRef::Null => None,
                                ValueRef::Integer(n) => Some(n.to_string()),
                                ValueRef::Real(x) => Some(x.to_string()),
                                ValueRef::Text(t) | ValueRef::Blob(t) => {
                                    Some(String::from_utf8_lossy(t).into_owned())
                                }
                            };
                            columns.insert(name.clone(), value);
                        }
                        out.push(Row {
                            table: table.clone(),
                            columns,
                        });
                    }
                }
            }
            Database::Postgres(url) => {
                let mut conn = sqlx::PgConnection::connect(url).await.expect("connect");
                for table in tables {
                    // The row as a JSON object names its columns, whatever their types.
                    let rows = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(format!(
                        "SELECT to_jsonb(t)::text FROM \"{table}\" t"
                    )))
                    .fetch_all(&mut conn)
                    .await
                    .expect("select");
                    for row in rows {
                        let object: serde_json::Map<String, Value> =
                            serde_json::from_str(&row).expect("a row as JSON");
                        let columns = object
                            .into_iter()
                            .map(|(name, value)| {
                                let text = match value {
                                    Value::Null => None,
                                    Value::String(s) => Some(s),
                                    other => Some(other.to_string()),
                                };
                                (name, text)
                            })
                            .collect();
                        out.push(Row {
                            table: table.clone(),
                            columns,
                        });
                    }
                }
            }
        }
        out
    }

    /// The rows of one table.
    pub async fn rows_of(&self, table: &str) -> Vec<Row> {
        self.rows()
            .await
            .into_iter()
            .filter(|r| r.table == table)
            .collect()
    }
}
