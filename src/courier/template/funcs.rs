//! The few hermetic sprig functions templates may use besides Go's builtins:
//! `upper`, `lower`, `trim` and `default`.

use gtmpl_ng::{Func, FuncError, Template, Value};

/// Adds the functions to a template; must run before it is parsed, because the
/// parser rejects calls to functions it does not know.
pub(super) fn register(template: &mut Template) {
    template.add_funcs(&[
        ("upper", upper as Func),
        ("lower", lower as Func),
        ("trim", trim as Func),
        ("default", default as Func),
    ]);
}

fn one_string<'a>(name: &str, args: &'a [Value]) -> Result<&'a str, FuncError> {
    match args {
        [Value::String(s)] => Ok(s),
        [_] => Err(FuncError::Generic(format!("{name} takes a string"))),
        _ => Err(FuncError::ExactlyXArgs(name.to_string(), 1)),
    }
}

/// sprig `upper`: the string in upper case.
fn upper(args: &[Value]) -> Result<Value, FuncError> {
    Ok(Value::from(one_string("upper", args)?.to_uppercase()))
}

/// sprig `lower`: the string in lower case.
fn lower(args: &[Value]) -> Result<Value, FuncError> {
    Ok(Value::from(one_string("lower", args)?.to_lowercase()))
}

/// sprig `trim`: the string without leading and trailing white space.
fn trim(args: &[Value]) -> Result<Value, FuncError> {
    Ok(Value::from(one_string("trim", args)?.trim()))
}

/// sprig `default D V`: V unless it is empty (missing, nil, false, 0, "", or an
/// empty list or map), else D. In a pipeline V comes last: `{{ .X | default "d" }}`.
fn default(args: &[Value]) -> Result<Value, FuncError> {
    match args {
        [fallback] => Ok(fallback.clone()),
        [fallback, given] if is_empty(given) => Ok(fallback.clone()),
        [_, given] => Ok(given.clone()),
        _ => Err(FuncError::AtLeastXArgs("default".to_string(), 1)),
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::NoValue | Value::Nil => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Map(map) | Value::Object(map) => map.is_empty(),
        Value::Number(n) => n.as_i64() == Some(0) || n.as_f64() == Some(0.0),
        Value::Function(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use gtmpl_ng::Context;

    use super::*;

    fn render(text: &str, data: Value) -> String {
        let mut template = Template::default();
        register(&mut template);
        template.parse(text).expect("parses");
        template.render(&Context::from(data)).expect("renders")
    }

    #[test]
    fn string_functions() {
        let data = Value::from("  Jane  ");
        assert_eq!(
            render("{{ upper . }}|{{ . | lower }}|{{ trim . }}", data),
            "  JANE  |  jane  |Jane"
        );
    }

    #[test]
    fn default_replaces_empty_values_only() {
        assert_eq!(
            render(r#"{{ . | default "there" }}"#, Value::from("")),
            "there"
        );
        assert_eq!(
            render(r#"{{ . | default "there" }}"#, Value::from("Jane")),
            "Jane"
        );
        assert_eq!(render(r#"{{ default "x" 0 }}"#, Value::Nil), "x");
        assert_eq!(render(r#"{{ default "x" }}"#, Value::Nil), "x");
    }
}
