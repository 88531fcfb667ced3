//! A result row as the engine reads it, the same whichever database produced it:
//! SQLite's rows come from `rusqlite` (see `sqlite.rs`), PostgreSQL's from sqlx.

use std::sync::Arc;

use sqlx::Row as _;
use sqlx::any::AnyRow;

use super::{StoreError, json_column};

type Result<T> = std::result::Result<T, StoreError>;

/// One column's value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// SQL NULL.
    #[default]
    Null,
    /// An integer (every integer type).
    Int(i64),
    /// A floating-point number.
    Real(f64),
    /// Text.
    Text(String),
    /// Bytes.
    Blob(Vec<u8>),
}

/// One row: the statement's column names (shared by all its rows) and values.
#[derive(Debug, Clone)]
pub struct Row {
    columns: Arc<[String]>,
    values: Vec<Value>,
}

impl Row {
    /// A row of `values`, one per name in `columns`.
    pub fn new(columns: Arc<[String]>, values: Vec<Value>) -> Row {
        Row { columns, values }
    }

    /// The value of a column, by name.
    pub fn value(&self, column: &str) -> Result<&Value> {
        self.columns
            .iter()
            .position(|name| name == column)
            .and_then(|index| self.values.get(index))
            .ok_or_else(|| decode_error(column, "no such column"))
    }

    /// The value of a column, by position.
    pub fn at(&self, index: usize) -> Option<&Value> {
        self.values.get(index)
    }

    /// A TEXT column, borrowed.
    pub fn str(&self, column: &str) -> Result<&str> {
        match self.value(column)? {
            Value::Text(text) => Ok(text),
            other => Err(mismatch(column, "TEXT", other)),
        }
    }

    /// A TEXT column.
    pub fn text(&mut self, column: &str) -> Result<String> {
        match self.take(column)? {
            Value::Text(text) => Ok(text),
            other => Err(mismatch(column, "TEXT", &other)),
        }
    }

    /// A TEXT column that may be NULL.
    pub fn opt_text(&mut self, column: &str) -> Result<Option<String>> {
        match self.take(column)? {
            Value::Null => Ok(None),
            Value::Text(text) => Ok(Some(text)),
            other => Err(mismatch(column, "TEXT", &other)),
        }
    }

    /// Moves a column's value out, leaving NULL: record constructors read each
    /// column once, and moving saves a copy of every string.
    fn take(&mut self, column: &str) -> Result<Value> {
        let index = self
            .columns
            .iter()
            .position(|name| name == column)
            .ok_or_else(|| decode_error(column, "no such column"))?;
        self.values
            .get_mut(index)
            .map(std::mem::take)
            .ok_or_else(|| decode_error(column, "no such column"))
    }

    /// An integer column.
    pub fn int(&self, column: &str) -> Result<i64> {
        match self.value(column)? {
            Value::Int(n) => Ok(*n),
            other => Err(mismatch(column, "an integer", other)),
        }
    }

    /// An integer column that may be NULL.
    pub fn opt_int(&self, column: &str) -> Result<Option<i64>> {
        match self.value(column)? {
            Value::Null => Ok(None),
            Value::Int(n) => Ok(Some(*n)),
            other => Err(mismatch(column, "an integer", other)),
        }
    }

    /// A row read through sqlx's `Any` driver (PostgreSQL).
    pub(super) fn from_any(row: &AnyRow) -> Result<Row> {
        let columns: Arc<[String]> = sqlx::Row::columns(row)
            .iter()
            .map(|c| sqlx::Column::name(c).to_string())
            .collect();
        let values = (0..columns.len())
            .map(|index| any_value(row, index))
            .collect::<Result<Vec<_>>>()?;
        Ok(Row { columns, values })
    }
}

/// Tries the decodings the schema's column types need, narrowest first.
fn any_value(row: &AnyRow, index: usize) -> Result<Value> {
    if let Ok(n) = row.try_get::<Option<i64>, _>(index) {
        return Ok(n.map_or(Value::Null, Value::Int));
    }
    if let Ok(text) = row.try_get::<Option<String>, _>(index) {
        return Ok(text.map_or(Value::Null, Value::Text));
    }
    if let Ok(real) = row.try_get::<Option<f64>, _>(index) {
        return Ok(real.map_or(Value::Null, Value::Real));
    }
    Ok(row
        .try_get::<Option<Vec<u8>>, _>(index)?
        .map_or(Value::Null, Value::Blob))
}

fn mismatch(column: &str, expected: &str, found: &Value) -> StoreError {
    let found = match found {
        Value::Null => "NULL",
        Value::Int(_) => "an integer",
        Value::Real(_) => "a real number",
        Value::Text(_) => "TEXT",
        Value::Blob(_) => "a BLOB",
    };
    decode_error(column, &format!("expected {expected}, found {found}"))
}

fn decode_error(column: &str, problem: &str) -> StoreError {
    StoreError::Decode {
        column: column.to_string(),
        problem: problem.to_string(),
    }
}

/// A JSON column of a row.
pub(super) fn json(row: &Row, column: &'static str) -> Result<serde_json::Value> {
    json_column(column, row.str(column)?)
}

/// `$first, $first+1, …`: `count` placeholders for an `IN (…)` list.
pub(super) fn placeholder_list(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> Row {
        let columns: Arc<[String]> = ["id", "count", "gone"].map(String::from).into();
        let values = vec![Value::Text("a".into()), Value::Int(3), Value::Null];
        Row::new(columns, values)
    }

    #[test]
    fn columns_are_read_by_name_with_their_types() {
        let mut row = row();
        assert_eq!(row.text("id").ok(), Some("a".to_string()));
        assert_eq!(row.at(0), Some(&Value::Null), "a text column is moved out");
        assert_eq!(row.int("count").ok(), Some(3));
        assert_eq!(row.opt_int("gone").ok(), Some(None));
        assert_eq!(row.opt_text("gone").ok(), Some(None));
        assert_eq!(row.at(1), Some(&Value::Int(3)));
    }

    #[test]
    fn a_wrong_type_or_name_is_an_error_naming_the_column() {
        let mut row = row();
        let error = |result: Result<_>| result.err().map(|e: StoreError| e.to_string());
        let wrong = error(row.int("id").map(drop)).unwrap_or_default();
        assert!(wrong.contains("id") && wrong.contains("TEXT"), "{wrong}");
        let null = error(row.text("gone").map(drop)).unwrap_or_default();
        assert!(null.contains("NULL"), "{null}");
        let missing = error(row.int("nope").map(drop)).unwrap_or_default();
        assert!(missing.contains("no such column"), "{missing}");
    }
}
