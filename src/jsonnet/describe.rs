//! One-line messages for the evaluator's error values, which carry data but no text.

use rsjsonnet_lang::ast::{BinaryOp, UnaryOp};
use rsjsonnet_lang::lexer::LexError;
use rsjsonnet_lang::parser::{ActualToken, ExpectedToken, ParseError};
use rsjsonnet_lang::program::{AnalyzeError, EvalErrorKind, EvalErrorValueType, LoadError};
use rsjsonnet_lang::span::SpanId;
use rsjsonnet_lang::token::STokenKind;

/// The message of a lexing, parsing or analysis error and where it points.
/// `snippet` gives the program text under a span.
pub(super) fn load_error(
    error: &LoadError,
    snippet: impl Fn(SpanId) -> Option<String>,
) -> (String, Option<SpanId>) {
    match error {
        LoadError::Lex(e) => lex_error(e),
        LoadError::Parse(ParseError::Expected {
            span,
            expected,
            instead,
        }) => {
            let found = match instead {
                ActualToken::EndOfFile => "the end of the file".to_string(),
                _ => snippet(*span).map_or_else(|| "a token".to_string(), |s| format!("`{s}`")),
            };
            let wanted: Vec<String> = expected.iter().map(expected_token).collect();
            (
                format!("expected {}, found {found}", one_of(&wanted)),
                Some(*span),
            )
        }
        LoadError::Analyze(e) => analyze_error(e),
    }
}

fn one_of(items: &[String]) -> String {
    match items {
        [] => "something else".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn lex_error(error: &LexError) -> (String, Option<SpanId>) {
    let (message, span) = match error {
        LexError::InvalidChar { span, chr } => (format!("invalid character {chr:?}"), span),
        LexError::InvalidUtf8 { span, .. } => ("invalid UTF-8".to_string(), span),
        LexError::UnfinishedMultilineComment { span } => {
            ("unterminated `/*` comment".to_string(), span)
        }
        LexError::LeadingZeroInNumber { span } => {
            ("a number cannot start with 0".to_string(), span)
        }
        LexError::MissingFracDigits { span } => {
            ("missing digits after the decimal point".to_string(), span)
        }
        LexError::MissingExpDigits { span } => ("missing exponent digits".to_string(), span),
        LexError::MissingDigitAfterUnderscore { span } => {
            ("missing digit after `_`".to_string(), span)
        }
        LexError::ExpOverflow { span } => ("exponent too large".to_string(), span),
        LexError::InvalidEscapeInString { span, chr } => {
            (format!("invalid escape `\\{chr}` in string"), span)
        }
        LexError::IncompleteUnicodeEscape { span } => ("incomplete `\\u` escape".to_string(), span),
        LexError::InvalidUtf16EscapeSequence { span, .. } => {
            ("invalid UTF-16 escape sequence".to_string(), span)
        }
        LexError::UnfinishedString { span } => ("unterminated string".to_string(), span),
        LexError::MissingLineBreakAfterTextBlockStart { span } => {
            ("missing line break after `|||`".to_string(), span)
        }
        LexError::MissingWhitespaceTextBlockStart { span } => (
            "text block lines must start with whitespace".to_string(),
            span,
        ),
        LexError::InvalidTextBlockTermination { span } => {
            ("invalid end of text block".to_string(), span)
        }
    };
    (message, Some(*span))
}

fn analyze_error(error: &AnalyzeError) -> (String, Option<SpanId>) {
    let (message, span) = match error {
        AnalyzeError::UnknownVariable { span, name } => {
            (format!("unknown variable `{name}`"), span)
        }
        AnalyzeError::SelfOutsideObject { self_span } => {
            ("`self` outside an object".to_string(), self_span)
        }
        AnalyzeError::SuperOutsideObject { super_span } => {
            ("`super` outside an object".to_string(), super_span)
        }
        AnalyzeError::DollarOutsideObject { dollar_span } => {
            ("`$` outside an object".to_string(), dollar_span)
        }
        AnalyzeError::RepeatedLocalName {
            repeated_span,
            name,
            ..
        } => (format!("local `{name}` is defined twice"), repeated_span),
        AnalyzeError::RepeatedFieldName {
            repeated_span,
            name,
            ..
        } => (format!("field `{name}` is defined twice"), repeated_span),
        AnalyzeError::RepeatedParamName {
            repeated_span,
            name,
            ..
        } => (
            format!("parameter `{name}` is defined twice"),
            repeated_span,
        ),
        AnalyzeError::PositionalArgAfterNamed { arg_span } => (
            "positional argument after a named argument".to_string(),
            arg_span,
        ),
        AnalyzeError::TextBlockAsImportPath { span }
        | AnalyzeError::ComputedImportPath { span } => (
            "imports are disabled: Jsonnet here cannot read files".to_string(),
            span,
        ),
    };
    (message, Some(*span))
}

fn expected_token(token: &ExpectedToken) -> String {
    match token {
        ExpectedToken::EndOfFile => "the end of the file".to_string(),
        ExpectedToken::Simple(kind) => format!("`{}`", token_text(*kind)),
        ExpectedToken::Ident => "an identifier".to_string(),
        ExpectedToken::Number => "a number".to_string(),
        ExpectedToken::String => "a string".to_string(),
        ExpectedToken::TextBlock => "a text block".to_string(),
        ExpectedToken::Expr => "an expression".to_string(),
        ExpectedToken::BinaryOp => "an operator".to_string(),
    }
}

fn token_text(kind: STokenKind) -> &'static str {
    use STokenKind as T;
    match kind {
        T::Assert => "assert",
        T::Else => "else",
        T::Error => "error",
        T::False => "false",
        T::For => "for",
        T::Function => "function",
        T::If => "if",
        T::Import => "import",
        T::Importstr => "importstr",
        T::Importbin => "importbin",
        T::In => "in",
        T::Local => "local",
        T::Null => "null",
        T::Tailstrict => "tailstrict",
        T::Then => "then",
        T::Self_ => "self",
        T::Super => "super",
        T::True => "true",
        T::Exclam => "!",
        T::ExclamEq => "!=",
        T::Dollar => "$",
        T::Percent => "%",
        T::Amp => "&",
        T::AmpAmp => "&&",
        T::LeftParen => "(",
        T::RightParen => ")",
        T::Asterisk => "*",
        T::Plus => "+",
        T::PlusColon => "+:",
        T::PlusColonColon => "+::",
        T::PlusColonColonColon => "+:::",
        T::Comma => ",",
        T::Minus => "-",
        T::Dot => ".",
        T::Slash => "/",
        T::Colon => ":",
        T::ColonColon => "::",
        T::ColonColonColon => ":::",
        T::Semicolon => ";",
        T::Lt => "<",
        T::LtLt => "<<",
        T::LtEq => "<=",
        T::Eq => "=",
        T::EqEq => "==",
        T::Gt => ">",
        T::GtEq => ">=",
        T::GtGt => ">>",
        T::LeftBracket => "[",
        T::RightBracket => "]",
        T::Hat => "^",
        T::LeftBrace => "{",
        T::Pipe => "|",
        T::PipePipe => "||",
        T::RightBrace => "}",
        T::Tilde => "~",
    }
}

fn type_name(ty: &EvalErrorValueType) -> &'static str {
    match ty {
        EvalErrorValueType::Null => "null",
        EvalErrorValueType::Bool => "boolean",
        EvalErrorValueType::Number => "number",
        EvalErrorValueType::String => "string",
        EvalErrorValueType::Array => "array",
        EvalErrorValueType::Object => "object",
        EvalErrorValueType::Function => "function",
    }
}

fn unary_op(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Minus => "-",
        UnaryOp::Plus => "+",
        UnaryOp::BitwiseNot => "~",
        UnaryOp::LogicNot => "!",
    }
}

fn binary_op(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Div => "/",
        BinaryOp::Rem => "%",
        BinaryOp::Shl => "<<",
        BinaryOp::Shr => ">>",
        BinaryOp::Lt => "<",
        BinaryOp::Le => "<=",
        BinaryOp::Gt => ">",
        BinaryOp::Ge => ">=",
        BinaryOp::Eq => "==",
        BinaryOp::Ne => "!=",
        BinaryOp::In => "in",
        BinaryOp::BitwiseAnd => "&",
        BinaryOp::BitwiseOr => "|",
        BinaryOp::BitwiseXor => "^",
        BinaryOp::LogicAnd => "&&",
        BinaryOp::LogicOr => "||",
    }
}

/// A wall-time bound as people write it: `2s`, `500ms`, `1.5s`.
pub(super) fn duration(d: std::time::Duration) -> String {
    if d.subsec_millis() == 0 && d.subsec_nanos() == 0 {
        format!("{}s", d.as_secs())
    } else if d.as_secs() == 0 {
        format!("{}ms", d.as_millis())
    } else {
        format!("{}s", d.as_secs_f64())
    }
}

/// The message of a runtime error and, when it has one, the span it points at.
pub(super) fn eval_error(kind: &EvalErrorKind) -> (String, Option<SpanId>) {
    use EvalErrorKind as K;
    let at = |message: String, span: &SpanId| (message, Some(*span));
    let maybe = |message: String, span: &Option<SpanId>| (message, *span);
    match kind {
        K::StackOverflow => (
            format!(
                "the call stack grew deeper than {} frames (runaway recursion?)",
                super::MAX_STACK
            ),
            None,
        ),
        K::InfiniteRecursion => ("infinite recursion".to_string(), None),
        K::Timeout => ("the evaluation ran out of time".to_string(), None),
        K::MemoryLimit => ("the evaluation ran out of memory".to_string(), None),
        K::InvalidIndexedType { span, got_type } => {
            at(format!("cannot index a {}", type_name(got_type)), span)
        }
        K::InvalidSlicedType { span, got_type } => {
            at(format!("cannot slice a {}", type_name(got_type)), span)
        }
        K::SliceIndexOrStepIsNotNumber { span, got_type } => at(
            format!(
                "slice index or step must be a number, not a {}",
                type_name(got_type)
            ),
            span,
        ),
        K::StringIndexIsNotNumber { span, got_type }
        | K::ArrayIndexIsNotNumber { span, got_type } => at(
            format!("index must be a number, not a {}", type_name(got_type)),
            span,
        ),
        K::NumericIndexIsNotValid { span, index } => {
            at(format!("`{index}` is not a valid index"), span)
        }
        K::NumericIndexOutOfRange {
            span,
            index,
            length,
        } => at(
            format!("index {index} is out of range (length {length})"),
            span,
        ),
        K::ObjectIndexIsNotString { span, got_type } => at(
            format!(
                "object field name must be a string, not a {}",
                type_name(got_type)
            ),
            span,
        ),
        K::RepeatedFieldName { span, name } => at(format!("field `{name}` is defined twice"), span),
        K::FieldNameIsNotString { span, got_type } => at(
            format!("field name must be a string, not a {}", type_name(got_type)),
            span,
        ),
        K::UnknownObjectField { span, field_name } => {
            at(format!("field `{field_name}` does not exist"), span)
        }
        K::FieldOfNonObject { span } => at("field access on a non-object".to_string(), span),
        K::SuperWithoutSuperObject { span } => {
            at("`super` used without a super object".to_string(), span)
        }
        K::ForSpecValueIsNotArray { span, got_type } => at(
            format!("`for` needs an array, not a {}", type_name(got_type)),
            span,
        ),
        K::CondIsNotBool { span, got_type } => at(
            format!("condition must be a boolean, not a {}", type_name(got_type)),
            span,
        ),
        K::CalleeIsNotFunction { span, got_type } => {
            maybe(format!("cannot call a {}", type_name(got_type)), span)
        }
        K::TooManyCallArgs { span, num_params } => maybe(
            format!("too many arguments: the function takes {num_params}"),
            span,
        ),
        K::UnknownCallParam { span, param_name } => maybe(
            format!("the function has no parameter `{param_name}`"),
            span,
        ),
        K::RepeatedCallParam { span, param_name } => {
            maybe(format!("argument `{param_name}` is given twice"), span)
        }
        K::CallParamNotBound { span, param_name } => {
            maybe(format!("argument `{param_name}` is missing"), span)
        }
        K::NativeCallFailed => ("native functions are not available".to_string(), None),
        K::InvalidUnaryOpType { span, op, rhs_type } => at(
            format!(
                "`{}` cannot be applied to a {}",
                unary_op(*op),
                type_name(rhs_type)
            ),
            span,
        ),
        K::InvalidBinaryOpTypes {
            span,
            op,
            lhs_type,
            rhs_type,
        } => maybe(
            format!(
                "`{}` cannot be applied to a {} and a {}",
                binary_op(*op),
                type_name(lhs_type),
                type_name(rhs_type)
            ),
            span,
        ),
        K::NumberNotBitwiseSafe { span } => maybe(
            "number is too large for a bitwise operation".to_string(),
            span,
        ),
        K::NumberOverflow { span } => maybe("number overflow".to_string(), span),
        K::NumberNan { span } => maybe("not a number (NaN)".to_string(), span),
        K::DivByZero { span } => maybe("division by zero".to_string(), span),
        K::ShiftByNegative { span } => maybe("shift by a negative amount".to_string(), span),
        K::InvalidStdFuncArgType {
            func_name,
            arg_index,
            got_type,
            ..
        } => (
            format!(
                "std.{func_name}: argument {} has the wrong type ({})",
                arg_index + 1,
                type_name(got_type)
            ),
            None,
        ),
        K::AssertFailed { span, message } => at(
            match message {
                Some(message) => format!("assertion failed: {message}"),
                None => "assertion failed".to_string(),
            },
            span,
        ),
        K::AssertEqualFailed { lhs, rhs } => (format!("assertion failed: {lhs} != {rhs}"), None),
        K::ExplicitError { span, message } => at(message.clone(), span),
        K::ImportFailed { span, path } => at(
            format!("imports are disabled: Jsonnet here cannot read files (`{path}`)"),
            span,
        ),
        K::UnknownExtVar { name } => (format!("external variable `{name}` is not defined"), None),
        K::ManifestFunction => ("a function cannot be turned into JSON".to_string(), None),
        K::CompareNullInequality => ("null values cannot be ordered".to_string(), None),
        K::CompareBooleanInequality => ("booleans cannot be ordered".to_string(), None),
        K::CompareObjectInequality => ("objects cannot be ordered".to_string(), None),
        K::CompareFunctions => ("functions cannot be compared".to_string(), None),
        K::CompareDifferentTypesInequality { lhs_type, rhs_type } => (
            format!(
                "a {} and a {} cannot be compared",
                type_name(lhs_type),
                type_name(rhs_type)
            ),
            None,
        ),
        K::PrimitiveEqualsNonPrimitive { got_type } => (
            format!(
                "std.primitiveEquals cannot compare a {}",
                type_name(got_type)
            ),
            None,
        ),
        K::Other { span, message } => maybe(message.clone(), span),
    }
}
