//! Statements as values: SQL with its bound arguments, and what running one
//! returned. Which executor runs them is `tx.rs`'s concern.

use std::borrow::Cow;

use sqlx::Any;
use sqlx::any::AnyArguments;

use super::row::Row;

/// A bound parameter. Text is owned (a deferred statement outlives the step
/// that made it) or a constant, which is borrowed: bind owned values by value,
/// constants with [`Statement::bind_const`]; `&str` and `&String` are copied.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// TEXT.
    Text(Cow<'static, str>),
    /// TEXT or NULL.
    OptText(Option<Cow<'static, str>>),
    /// BIGINT.
    Int(i64),
    /// BIGINT or NULL.
    OptInt(Option<i64>),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(Cow::Owned(value.to_string()))
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(Cow::Owned(value))
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(Cow::Owned(value.clone()))
    }
}

impl From<Option<&str>> for Arg {
    fn from(value: Option<&str>) -> Self {
        Arg::OptText(value.map(|text| Cow::Owned(text.to_string())))
    }
}

impl From<Option<String>> for Arg {
    fn from(value: Option<String>) -> Self {
        Arg::OptText(value.map(Cow::Owned))
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Int(value)
    }
}

impl From<Option<i64>> for Arg {
    fn from(value: Option<i64>) -> Self {
        Arg::OptInt(value)
    }
}

/// One SQL statement with `$1…$n` placeholders and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub(super) sql: Cow<'static, str>,
    pub(super) args: Vec<Arg>,
}

impl Statement {
    /// A statement from fixed SQL.
    pub fn new(sql: &'static str) -> Statement {
        Statement::of(Cow::Borrowed(sql))
    }

    /// A statement from SQL built at run time (from constants, never from input).
    pub fn built(sql: String) -> Statement {
        Statement::of(Cow::Owned(sql))
    }

    /// Room for an argument per `$` in the SQL (a placeholder used twice
    /// counts twice): the arguments are then collected without growing.
    fn of(sql: Cow<'static, str>) -> Statement {
        let placeholders = sql.bytes().filter(|&b| b == b'$').count();
        Statement {
            sql,
            args: Vec::with_capacity(placeholders),
        }
    }

    /// Binds the next placeholder.
    pub fn bind(mut self, arg: impl Into<Arg>) -> Statement {
        self.args.push(arg.into());
        self
    }

    /// Binds the next placeholder to a constant, borrowed rather than copied.
    pub fn bind_const(mut self, text: &'static str) -> Statement {
        self.args.push(Arg::Text(Cow::Borrowed(text)));
        self
    }

    /// Whether it changes rows (decides whether a failed step's work must be
    /// rolled back).
    pub(super) fn writes(&self) -> bool {
        let verb = self.sql.trim_start().get(..6).unwrap_or_default();
        ["INSERT", "UPDATE", "DELETE"]
            .iter()
            .any(|w| verb.eq_ignore_ascii_case(w))
    }

    /// Adds the arguments to a query's argument list.
    pub(super) fn bind_into<'q>(
        &self,
        mut query: sqlx::query::Query<'q, Any, AnyArguments>,
    ) -> sqlx::query::Query<'q, Any, AnyArguments> {
        for arg in &self.args {
            query = match arg {
                Arg::Text(v) => query.bind(v.to_string()),
                Arg::OptText(v) => query.bind(v.as_deref().map(str::to_string)),
                Arg::Int(v) => query.bind(*v),
                Arg::OptInt(v) => query.bind(*v),
            };
        }
        query
    }
}

/// What a statement returned.
#[derive(Default)]
pub struct Done {
    /// The rows, for `SELECT` and `RETURNING`.
    pub rows: Vec<Row>,
    /// Rows inserted, updated or deleted.
    pub rows_affected: u64,
}

impl std::fmt::Debug for Done {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Done")
            .field("rows", &self.rows.len())
            .field("rows_affected", &self.rows_affected)
            .finish()
    }
}

/// Statements run together: one, or several that succeed or fail as one.
#[derive(Debug)]
pub(super) struct Op {
    pub statements: Vec<Statement>,
}

/// Locks a mutex whose data stays consistent even if a holder panicked.
pub(super) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_insert_update_and_delete_count_as_writes() {
        assert!(Statement::new("INSERT INTO t VALUES ($1)").writes());
        assert!(Statement::new("  update t SET a = 1").writes());
        assert!(Statement::new("DELETE FROM t").writes());
        assert!(!Statement::new("SELECT 1").writes());
        assert!(!Statement::new("").writes());
    }

    #[test]
    fn constants_are_borrowed_and_owned_text_is_moved_in() {
        let owned = String::from("moved");
        let at = owned.as_ptr();
        let statement = Statement::new("UPDATE t SET a = $1, b = $2 WHERE c = $3")
            .bind_const("constant")
            .bind(owned)
            .bind(7);
        assert!(matches!(
            &statement.args[0],
            Arg::Text(Cow::Borrowed("constant"))
        ));
        assert!(matches!(&statement.args[1], Arg::Text(Cow::Owned(text)) if text.as_ptr() == at));
        assert_eq!(
            statement.args.capacity(),
            3,
            "one per placeholder, no growth"
        );
    }
}
