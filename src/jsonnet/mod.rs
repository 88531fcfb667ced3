//! The one place that runs Jsonnet: HTTP request bodies of courier channels and
//! OIDC claim mappers, sandboxed (no file imports) and bounded in nesting, call
//! depth, memory, output and time.

mod depth;
mod describe;
mod evaluator;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rsjsonnet_lang::arena::Arena;
use rsjsonnet_lang::interner::InternedStr;
use rsjsonnet_lang::program::{
    Callbacks, EvalError, EvalErrorKind, EvalLimits, EvalStackTraceItem, ImportError, NativeError,
    Program, Thunk, Value as JValue,
};
use rsjsonnet_lang::span::{SpanContextId, SpanId};
use serde_json::Value;

/// The largest JSON text a program may produce, as Kratos' sandbox allows (256 KiB).
pub const MAX_OUTPUT_BYTES: usize = 256 * 1024;

/// The deepest call stack a program may build before it is stopped. Kratos stops
/// runaway programs with a 1 s timeout; the evaluator offers no way to interrupt it,
/// so a depth bound (go-jsonnet's default of 500) is what stops runaway recursion.
pub const MAX_STACK: usize = 500;

/// How deeply a program's text may nest (brackets, `if`, `local`, operators…, as
/// counted by `depth.rs`, which never counts less than the syntax tree's depth).
/// The parser and analyser recurse once per level; this keeps them far inside the
/// evaluator thread's stack.
pub const MAX_NESTING: usize = 500;

/// The bytes a program's growing operations (string and array `+`, `std.repeat`,
/// `std.join`, `std.makeArray`, `std.range`, manifesting) may allocate in all.
pub const MAX_ALLOC_BYTES: usize = 64 * 1024 * 1024;

/// The live values (thunks, arrays, objects, closures) a program may hold at once.
pub const MAX_LIVE_VALUES: usize = 1_000_000;

/// The stack of the thread an evaluation runs on: at [`MAX_NESTING`] the parser
/// and analyser of a debug build use a few MiB of it.
const EVAL_STACK_BYTES: usize = 64 * 1024 * 1024;

/// The wall time one evaluation (or one template render) may take unless
/// `OTPCTL_EVAL_TIMEOUT` (a Go duration, `500ms`, `5s`) says otherwise. Kratos
/// stops Jsonnet after 1 s; 2 s leaves room for a loaded CI machine.
pub const DEFAULT_EVAL_TIMEOUT: Duration = Duration::from_secs(2);

/// The wall time one evaluation or template render may take: `OTPCTL_EVAL_TIMEOUT`
/// when it holds a valid Go duration above zero, else [`DEFAULT_EVAL_TIMEOUT`].
pub fn eval_timeout() -> Duration {
    static TIMEOUT: OnceLock<Duration> = OnceLock::new();
    *TIMEOUT.get_or_init(|| {
        std::env::var("OTPCTL_EVAL_TIMEOUT")
            .ok()
            .and_then(|s| crate::time::parse_duration(s.trim()).ok())
            .filter(|d| !d.is_zero())
            .unwrap_or(DEFAULT_EVAL_TIMEOUT)
    })
}

/// Why a Jsonnet program gave no value.
#[derive(Debug, thiserror::Error)]
pub enum JsonnetError {
    /// The program raised `error "cancel"`: the caller skips what it was about to do,
    /// as Kratos does with `request.ErrCancel`.
    #[error("`{name}` cancelled the request (`error \"cancel\"`)")]
    Cancelled {
        /// The program's name.
        name: String,
    },
    /// The text is not valid Jsonnet.
    #[error("{name}:{line}:{col}: syntax error: {message}")]
    Syntax {
        /// The program's name.
        name: String,
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        col: usize,
        /// What is wrong.
        message: String,
    },
    /// The program failed while running (a runtime error, `error`, `assert`, a
    /// refused import, or the call depth limit).
    #[error("{name}{at}: {message}", at = at_suffix(*.at))]
    Runtime {
        /// The program's name.
        name: String,
        /// Where in the program, when the error points into it.
        at: Option<(usize, usize)>,
        /// What went wrong.
        message: String,
    },
    /// The program ran past a bound: its wall time, its memory, or the evaluator
    /// thread could not start.
    #[error("`{name}` {what}")]
    Limit {
        /// The program's name.
        name: String,
        /// Which bound, with its value.
        what: String,
    },
    /// The result does not fit in [`MAX_OUTPUT_BYTES`].
    #[error(
        "`{name}` produced {size} bytes of JSON, more than the {MAX_OUTPUT_BYTES} bytes allowed"
    )]
    OutputTooLarge {
        /// The program's name.
        name: String,
        /// The size of the manifested JSON.
        size: usize,
    },
    /// The same external variable was given twice.
    #[error("external variable `{var}` is given twice")]
    DuplicateExtVar {
        /// The variable.
        var: String,
    },
    /// The manifested JSON could not be read back (deeper than serde_json allows).
    #[error("`{name}` produced JSON that cannot be read back: {source}")]
    Output {
        /// The program's name.
        name: String,
        /// The JSON error.
        source: serde_json::Error,
    },
}

fn at_suffix(at: Option<(usize, usize)>) -> String {
    at.map(|(line, col)| format!(":{line}:{col}"))
        .unwrap_or_default()
}

/// Evaluates a Jsonnet program to JSON.
///
/// `name` names the program in errors (a config key or file). When `ctx` is given
/// and the program's value is a function, it is called with the top-level argument
/// `ctx` (go-jsonnet TLA semantics: any other value ignores it); a function with no
/// `ctx` is called with its defaults. `ext_vars` are what `std.extVar` returns.
///
/// The evaluation runs on a thread of its own with a stack sized for
/// [`MAX_NESTING`], and stops with an error at the first bound it crosses: nesting,
/// [`MAX_STACK`], [`MAX_ALLOC_BYTES`], [`MAX_LIVE_VALUES`], [`MAX_OUTPUT_BYTES`] or
/// [`eval_timeout`] (the evaluator checks its deadline itself, so nothing is left
/// running).
pub fn evaluate(
    code: &str,
    name: &str,
    ctx: Option<&Value>,
    ext_vars: &[(&str, &Value)],
) -> Result<Value, JsonnetError> {
    let deadline = Instant::now() + eval_timeout();
    evaluator::run(evaluator::Job::new(code, name, ctx, ext_vars, deadline))
}

/// Checks that `code` parses (and nests within [`MAX_NESTING`]) without running it.
pub fn check_syntax(code: &str, name: &str) -> Result<(), JsonnetError> {
    evaluator::on_big_stack(name, "checked", || {
        let arena = Arena::new();
        let mut program = Program::new(&arena);
        load(&mut program, code, name).map(|_| ())
    })
}

/// Refuses a program nested deeper than [`MAX_NESTING`], then parses it.
fn load<'p>(
    program: &mut Program<'p>,
    code: &str,
    name: &str,
) -> Result<(Thunk<'p>, SpanContextId), JsonnetError> {
    if let Some(offset) = depth::too_deep_at(code, MAX_NESTING) {
        let (line, col) = line_col(code, offset);
        return Err(JsonnetError::Syntax {
            name: name.to_string(),
            line,
            col,
            message: format!("the program nests deeper than {MAX_NESTING} levels"),
        });
    }
    let (context, _) = program.span_manager_mut().insert_source_context(code.len());
    let run = Run {
        name,
        code,
        context,
    };
    let thunk = program
        .load_source(context, code.as_bytes(), true, name)
        .map_err(|e| run.load_error(program, &e))?;
    Ok((thunk, context))
}

/// 1-based line and character column of a byte offset.
fn line_col(code: &str, offset: usize) -> (usize, usize) {
    let before = code.get(..offset).unwrap_or(code);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn evaluate_here(
    code: &str,
    name: &str,
    ctx: Option<&Value>,
    ext_vars: &[(&str, &Value)],
    deadline: Instant,
) -> Result<Value, JsonnetError> {
    let arena = Arena::new();
    let mut program = new_program(&arena);
    add_ext_vars(&mut program, ext_vars)?;
    evaluate_in(&mut program, code, name, ctx, deadline)
}

/// A program with the standard library built (most of an evaluation's cost
/// when it is made for one small body) and the stack bound set.
fn new_program(arena: &Arena) -> Program<'_> {
    let mut program = Program::new(arena);
    program.set_max_stack(MAX_STACK);
    program
}

/// Evaluates `code` in `program`, which may have run others before: the
/// deadline and the memory budget start afresh, and what earlier runs left
/// is collected first.
fn evaluate_in(
    program: &mut Program<'_>,
    code: &str,
    name: &str,
    ctx: Option<&Value>,
    deadline: Instant,
) -> Result<Value, JsonnetError> {
    program.gc();
    program.reset_spent_bytes();
    program.set_limits(EvalLimits {
        deadline: Some(deadline),
        max_bytes: Some(MAX_ALLOC_BYTES),
        max_objects: Some(MAX_LIVE_VALUES),
    });
    let (thunk, context) = load(program, code, name)?;
    let run = Run {
        name,
        code,
        context,
    };
    let value = run.call_top_level(program, &thunk, ctx)?;
    let text = program
        .manifest_json(&value, false)
        .map_err(|e| run.eval_error(program, &e))?;
    if text.len() > MAX_OUTPUT_BYTES {
        return Err(JsonnetError::OutputTooLarge {
            name: name.to_string(),
            size: text.len(),
        });
    }
    serde_json::from_str(&text).map_err(|source| JsonnetError::Output {
        name: name.to_string(),
        source,
    })
}

/// Makes each value available to `std.extVar` under its name.
fn add_ext_vars(
    program: &mut Program<'_>,
    ext_vars: &[(&str, &Value)],
) -> Result<(), JsonnetError> {
    for (i, (var, value)) in ext_vars.iter().enumerate() {
        // The evaluator panics on a second value for a name.
        if ext_vars[..i].iter().any(|(seen, _)| seen == var) {
            return Err(JsonnetError::DuplicateExtVar {
                var: (*var).to_string(),
            });
        }
        let value = to_jsonnet(program, value);
        let thunk = program.value_to_thunk(&value);
        let var = program.intern_str(var);
        program.add_ext_var(var, &thunk);
    }
    Ok(())
}

/// One evaluation: the program's name, text and span context, for turning spans
/// into positions.
struct Run<'a> {
    name: &'a str,
    code: &'a str,
    context: SpanContextId,
}

impl Run<'_> {
    /// Evaluates the top-level value and, if it is a function, calls it (with `ctx`
    /// when given), as go-jsonnet does with top-level arguments.
    fn call_top_level<'p>(
        &self,
        program: &mut Program<'p>,
        thunk: &Thunk<'p>,
        ctx: Option<&Value>,
    ) -> Result<JValue<'p>, JsonnetError> {
        let mut sandbox = Sandbox;
        let value = program
            .eval_value(thunk, &mut sandbox)
            .map_err(|e| self.eval_error(program, &e))?;
        if !value.is_function() {
            return Ok(value);
        }
        let mut named = Vec::new();
        if let Some(ctx) = ctx {
            let ctx = to_jsonnet(program, ctx);
            named.push((program.intern_str("ctx"), program.value_to_thunk(&ctx)));
        }
        let func = program.value_to_thunk(&value);
        program
            .eval_call(&func, &[], &named, &mut sandbox)
            .map_err(|e| self.eval_error(program, &e))
    }

    fn load_error(
        &self,
        program: &Program<'_>,
        error: &rsjsonnet_lang::program::LoadError,
    ) -> JsonnetError {
        let (message, span) = describe::load_error(error, |span| self.snippet(program, span));
        let (line, col) = span
            .and_then(|s| self.position(program, s))
            .unwrap_or((1, 1));
        JsonnetError::Syntax {
            name: self.name.to_string(),
            line,
            col,
            message,
        }
    }

    fn eval_error(&self, program: &Program<'_>, error: &EvalError) -> JsonnetError {
        match &error.kind {
            EvalErrorKind::Timeout => {
                return JsonnetError::Limit {
                    name: self.name.to_string(),
                    what: format!(
                        "did not finish within {} (set OTPCTL_EVAL_TIMEOUT to allow more)",
                        describe::duration(eval_timeout())
                    ),
                };
            }
            EvalErrorKind::MemoryLimit => {
                return JsonnetError::Limit {
                    name: self.name.to_string(),
                    what: format!(
                        "needed more memory than allowed ({} MiB of strings and arrays, \
                         {MAX_LIVE_VALUES} live values)",
                        MAX_ALLOC_BYTES / (1024 * 1024)
                    ),
                };
            }
            _ => {}
        }
        if let EvalErrorKind::ExplicitError { message, .. } = &error.kind {
            // Kratos matches the text `RUNTIME ERROR: cancel` anywhere in the error,
            // so any message starting with "cancel" cancels.
            if message.starts_with("cancel") {
                return JsonnetError::Cancelled {
                    name: self.name.to_string(),
                };
            }
        }
        let (message, span) = describe::eval_error(&error.kind);
        // An error inside the standard library points into its source; the nearest
        // frame in the program itself is what the author can act on.
        let at = span
            .and_then(|s| self.position(program, s))
            .or_else(|| self.trace_position(program, &error.stack_trace));
        JsonnetError::Runtime {
            name: self.name.to_string(),
            at,
            message,
        }
    }

    fn trace_position(
        &self,
        program: &Program<'_>,
        trace: &[EvalStackTraceItem],
    ) -> Option<(usize, usize)> {
        trace.iter().rev().find_map(|item| {
            let span = match item {
                EvalStackTraceItem::Expr { span }
                | EvalStackTraceItem::Variable { span, .. }
                | EvalStackTraceItem::Import { span } => Some(*span),
                EvalStackTraceItem::Call { span, .. }
                | EvalStackTraceItem::ArrayItem { span, .. }
                | EvalStackTraceItem::ObjectField { span, .. } => *span,
                _ => None,
            };
            span.and_then(|s| self.position(program, s))
        })
    }

    /// The byte range of a span, if it lies in this program's text.
    fn range(&self, program: &Program<'_>, span: SpanId) -> Option<(usize, usize)> {
        let (context, start, end) = program.span_manager().get_span(span);
        (context == self.context).then_some((start, end))
    }

    /// 1-based line and character column of a span's start.
    fn position(&self, program: &Program<'_>, span: SpanId) -> Option<(usize, usize)> {
        let (start, _) = self.range(program, span)?;
        let before = self.code.get(..start)?;
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some((line, before[line_start..].chars().count() + 1))
    }

    /// The program text a span covers, for "unexpected `…`" messages.
    fn snippet(&self, program: &Program<'_>, span: SpanId) -> Option<String> {
        let (start, end) = self.range(program, span)?;
        self.code.get(start..end).map(str::to_string)
    }
}

/// The callbacks of a sandboxed run: no imports, no native functions, traces dropped.
struct Sandbox;

impl<'p> Callbacks<'p> for Sandbox {
    fn import(
        &mut self,
        _: &mut Program<'p>,
        _: SpanId,
        _: &str,
    ) -> Result<Thunk<'p>, ImportError> {
        Err(ImportError)
    }

    fn import_str(
        &mut self,
        _: &mut Program<'p>,
        _: SpanId,
        _: &str,
    ) -> Result<String, ImportError> {
        Err(ImportError)
    }

    fn import_bin(
        &mut self,
        _: &mut Program<'p>,
        _: SpanId,
        _: &str,
    ) -> Result<Vec<u8>, ImportError> {
        Err(ImportError)
    }

    fn trace(&mut self, _: &mut Program<'p>, _: &str, _: &[EvalStackTraceItem]) {}

    fn native_call(
        &mut self,
        _: &mut Program<'p>,
        _: InternedStr<'p>,
        _: &[JValue<'p>],
    ) -> Result<JValue<'p>, NativeError> {
        Err(NativeError)
    }
}

/// Builds a Jsonnet value from JSON (our own data: its depth is serde_json's).
fn to_jsonnet<'p>(program: &mut Program<'p>, value: &Value) -> JValue<'p> {
    match value {
        Value::Null => JValue::null(),
        Value::Bool(b) => JValue::bool(*b),
        Value::Number(n) => JValue::number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => JValue::string(s),
        Value::Array(items) => {
            let items: Vec<_> = items.iter().map(|v| to_jsonnet(program, v)).collect();
            program.make_array(&items)
        }
        Value::Object(map) => {
            let fields: Vec<_> = map
                .iter()
                .map(|(k, v)| (program.intern_str(k), to_jsonnet(program, v)))
                .collect();
            program.make_object(&fields)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn ctx() -> Value {
        json!({
            "recipient": "+12025550123",
            "template_type": "login_code_valid",
            "message_type": "sms",
            "subject": "",
            "body": "Your login code is: 123456",
            "template_data": {"to": "+12025550123", "login_code": "123456"},
            "request_headers": {}
        })
    }

    #[test]
    fn the_ory_sms_guide_body_passes_ctx_through() {
        let out = evaluate("function(ctx) { ctx: ctx }", "body", Some(&ctx()), &[]).expect("ok");
        assert_eq!(out, json!({ "ctx": ctx() }));
    }

    #[test]
    fn the_seeded_base64_body_with_crlf_line_ends_evaluates() {
        let code = crate::config::source::decode_base64("ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0=")
            .expect("base64");
        assert!(code.contains("\r\n"));
        let out = evaluate(&code, "body", Some(&ctx()), &[]).expect("ok");
        assert_eq!(out["ctx"]["template_data"]["login_code"], "123456");
    }

    #[test]
    fn kratos_default_mailer_body_shape() {
        let code = r#"function(ctx) {
  recipient: ctx.recipient,
  template_type: ctx.template_type,
  to: if "template_data" in ctx && "to" in ctx.template_data then ctx.template_data.to else null,
  recovery_code: if "template_data" in ctx && "recovery_code" in ctx.template_data then ctx.template_data.recovery_code else null,
  recovery_url: if "template_data" in ctx && "recovery_url" in ctx.template_data then ctx.template_data.recovery_url else null,
  verification_url: if "template_data" in ctx && "verification_url" in ctx.template_data then ctx.template_data.verification_url else null,
  verification_code: if "template_data" in ctx && "verification_code" in ctx.template_data then ctx.template_data.verification_code else null,
  subject: ctx.subject,
  body: ctx.body
}"#;
        let out = evaluate(code, "mailer", Some(&ctx()), &[]).expect("ok");
        assert_eq!(out["to"], "+12025550123");
        assert_eq!(out["recovery_code"], Value::Null);
        assert_eq!(out["body"], "Your login code is: 123456");
        // Jsonnet manifests fields in sorted order, as go-jsonnet does.
        let keys: Vec<&String> = out.as_object().expect("object").keys().collect();
        assert_eq!(keys[0], "body");
    }

    #[test]
    fn a_value_that_is_not_a_function_ignores_ctx() {
        let out = evaluate("{ a: 1 + 1 }", "body", Some(&ctx()), &[]).expect("ok");
        assert_eq!(out, json!({"a": 2}));
        let out = evaluate("function(x=3) x", "body", None, &[]).expect("ok");
        assert_eq!(out, json!(3));
    }

    #[test]
    fn ext_vars_are_read_with_std_ext_var() {
        let claims = json!({"email": "jane@example.com", "email_verified": true});
        let code = "local c = std.extVar('claims'); { identity: { traits: { email: c.email } } }";
        let out = evaluate(code, "mapper", None, &[("claims", &claims)]).expect("ok");
        assert_eq!(out["identity"]["traits"]["email"], "jane@example.com");
        let twice = evaluate(
            code,
            "mapper",
            None,
            &[("claims", &claims), ("claims", &claims)],
        );
        assert!(matches!(twice, Err(JsonnetError::DuplicateExtVar { .. })));
    }

    #[test]
    fn error_cancel_cancels() {
        let code = "function(ctx) if ctx.message_type == 'sms' then error 'cancel' else {}";
        let out = evaluate(code, "body", Some(&ctx()), &[]);
        assert!(
            matches!(out, Err(JsonnetError::Cancelled { .. })),
            "{out:?}"
        );
        let other = evaluate("error 'boom'", "body", None, &[]).expect_err("fails");
        assert_eq!(other.to_string(), "body:1:1: boom");
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = evaluate("function(ctx) {\n  a: ,\n}", "courier.body", None, &[])
            .expect_err("syntax error");
        let text = err.to_string();
        assert!(
            text.starts_with("courier.body:2:6: syntax error: "),
            "{text}"
        );
        assert!(text.contains("`,`"), "{text}");
    }

    #[test]
    fn runtime_errors_point_into_the_program() {
        let err = evaluate("function(ctx)\n  ctx.nope", "b", Some(&ctx()), &[]).expect_err("fails");
        assert_eq!(err.to_string(), "b:2:3: field `nope` does not exist");
        let err = evaluate("std.length(1)", "b", None, &[]).expect_err("fails");
        assert!(err.to_string().starts_with("b:1:1: "), "{err}");
    }

    #[test]
    fn imports_are_refused() {
        for code in ["import 'x.libsonnet'", "importstr '/etc/passwd'"] {
            let err = evaluate(code, "b", None, &[]).expect_err("refused");
            assert!(
                err.to_string().contains("imports are disabled"),
                "{code}: {err}"
            );
        }
    }

    #[test]
    fn runaway_recursion_stops_with_an_error() {
        let err = evaluate("local f(x) = f(x + 1) + 1; f(0)", "b", None, &[]).expect_err("stops");
        assert!(err.to_string().contains("call stack"), "{err}");
    }

    #[test]
    fn output_beyond_256_kib_is_refused() {
        let err = evaluate("std.repeat('x', 300 * 1024)", "b", None, &[]).expect_err("too big");
        assert!(
            matches!(err, JsonnetError::OutputTooLarge { size, .. } if size > MAX_OUTPUT_BYTES)
        );
        let fits = evaluate("std.repeat('x', 1024)", "b", None, &[]).expect("fits");
        assert_eq!(fits.as_str().map(str::len), Some(1024));
    }

    // Issue 14 item 3: each of these aborted the process (stack overflow), ran
    // until killed, or allocated until killed.
    #[test]
    fn five_thousand_deep_programs_are_refused_as_too_deep() {
        let deep = [
            format!("{}1{}", "{a:".repeat(5000), "}".repeat(5000)),
            format!(
                "{}1{}",
                "if true then ".repeat(5000),
                " else 0".repeat(5000)
            ),
            format!("{}1", "local a = 1; ".repeat(5000)),
            format!("{}1", "1 + ".repeat(5000)),
        ];
        for code in deep {
            let err = evaluate(&code, "body", Some(&ctx()), &[]).expect_err("too deep");
            assert!(
                matches!(&err, JsonnetError::Syntax { message, .. } if message.contains("nests deeper than 500")),
                "{err}"
            );
            check_syntax(&code, "body").expect_err("too deep");
        }
    }

    #[test]
    fn programs_nested_up_to_the_limit_run_on_the_evaluator_stack() {
        let shapes: [(&str, &str, &str); 9] = [
            ("{a:", "1", "}"),
            ("[", "1", "]"),
            ("(", "1", ")"),
            ("if true then ", "1", " else 0"),
            ("local a = 1; ", "a", ""),
            ("1 + ", "1", ""),
            ("-", "1", ""),
            ("function(x) ", "1", ""),
            ("std.length(", "[]", ")"),
        ];
        for (open, middle, close) in shapes {
            // The deepest program of this shape the bound lets through.
            let build = |n: usize| format!("{}{middle}{}", open.repeat(n), close.repeat(n));
            let n = (1..=MAX_NESTING)
                .take_while(|&n| depth::too_deep_at(&build(n), MAX_NESTING).is_none())
                .last()
                .expect("one level fits");
            assert!(n >= MAX_NESTING / 4, "{open}: only {n} levels fit");
            // Whatever the evaluator makes of it, it answers.
            let _ = evaluate(&build(n), "body", None, &[]);
            check_syntax(&build(n), "body").expect("parses");
        }
    }

    #[test]
    fn values_built_deeper_than_the_call_stack_stop_with_an_error() {
        for code in [
            "local f(n) = if n == 0 then {} else { a: f(n - 1) }; f(5000)",
            "local f(n) = if n == 0 then [] else [f(n - 1)]; f(5000)",
            "local f(n) = if n == 0 then {} else { a: f(n - 1) }; std.manifestJson(f(5000))",
        ] {
            evaluate(code, "body", None, &[]).expect_err(code);
        }
    }

    #[test]
    fn string_doubling_stops_at_the_memory_bound() {
        for code in [
            "local d(s, n) = if n == 0 then s else d(s + s, n - 1); std.length(d('x', 40))",
            "local d(a, n) = if n == 0 then a else d(a + a, n - 1); std.length(d([1], 40))",
            "std.length(std.repeat('x', 1e9))",
            "std.length(std.makeArray(1e9, function(i) i))",
            "std.length(std.range(1, 1e9))",
            "local d(s, n) = if n == 0 then s else d(std.join(s, [s, s]), n - 1); std.length(d('x', 30))",
        ] {
            let err = evaluate(code, "body", None, &[]).expect_err(code);
            assert!(
                matches!(&err, JsonnetError::Limit { what, .. } if what.contains("memory")),
                "{code}: {err}"
            );
        }
    }

    /// The evaluator threads keep one program for many evaluations: each
    /// still gets a whole memory budget of its own (100 runs of 8 MiB add up
    /// to more than one budget), and a hostile run among them is still
    /// stopped, without harming the next.
    #[test]
    fn a_kept_program_gives_every_evaluation_its_own_budget() {
        let code = "std.length(std.repeat('x', 8 * 1024 * 1024))";
        for run in 0..100 {
            let length =
                evaluate(code, "body", None, &[]).unwrap_or_else(|e| panic!("run {run}: {e}"));
            assert_eq!(length, serde_json::json!(8 * 1024 * 1024));
        }
        let err = evaluate("std.length(std.repeat('x', 1e9))", "body", None, &[])
            .expect_err("the memory bound still holds");
        assert!(
            matches!(&err, JsonnetError::Limit { what, .. } if what.contains("memory")),
            "{err}"
        );
        let after = evaluate(
            "function(ctx) ctx.n + 1",
            "body",
            Some(&serde_json::json!({"n": 1})),
            &[],
        )
        .expect("the next evaluation runs");
        assert_eq!(after, serde_json::json!(2));
    }

    #[test]
    fn a_tail_recursive_loop_stops_at_the_deadline() {
        let started = Instant::now();
        let code = "local f(n) = if n == 0 then 0 else f(n - 1) tailstrict; f(1e8)";
        let err = evaluate(code, "body", None, &[]).expect_err("times out");
        assert!(
            err.to_string().contains("did not finish within 2s"),
            "{err}"
        );
        assert!(
            started.elapsed() < DEFAULT_EVAL_TIMEOUT * 3,
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn a_function_result_cannot_be_manifested() {
        let err = evaluate("{ f: function(x) x }", "b", None, &[]).expect_err("fails");
        assert!(err.to_string().contains("function"), "{err}");
    }
}
