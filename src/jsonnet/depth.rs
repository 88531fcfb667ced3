//! A bound on how deeply a program nests, found from its tokens before the
//! evaluator's recursive parser and analyser see it.
//!
//! The estimate never undercounts the syntax tree's depth: each open bracket is a
//! level; inside a level, each prefix construct (`if`, `local`, `function`,
//! `assert`, `error`, …) nests what follows it up to the level's end, and each
//! operator nests its operands until a separator (`;`, `then`, `else`, `:`, `=`,
//! `,`) starts a sibling. A comma ends the prefix constructs of an array or
//! object element, except after `local` (whose binds are comma-separated).

use rsjsonnet_lang::arena::Arena;
use rsjsonnet_lang::interner::StrInterner;
use rsjsonnet_lang::lexer::Lexer;
use rsjsonnet_lang::span::{SpanId, SpanManager};
use rsjsonnet_lang::token::{STokenKind, TokenKind};

/// Where a program first nests deeper than `limit`: the byte offset of the token
/// that crossed it. `None` when it stays within the limit, or when it does not lex
/// (the parser reports that).
pub(super) fn too_deep_at(code: &str, limit: usize) -> Option<usize> {
    let arena = Arena::new();
    let ast_arena = Arena::new();
    let interner = StrInterner::new();
    let mut spans = SpanManager::new();
    let (context, _) = spans.insert_source_context(code.len());
    let mut lexer = Lexer::new(
        &arena,
        &ast_arena,
        &interner,
        &mut spans,
        context,
        code.as_bytes(),
    );
    let mut levels = vec![Level::default()];
    // The sum of `weight()` over every level but the innermost.
    let mut outer = 0usize;
    let mut crossed: Option<SpanId> = None;
    loop {
        let token = lexer.next_token().ok()?;
        let simple = match token.kind {
            TokenKind::EndOfFile => break,
            TokenKind::Whitespace | TokenKind::Comment => continue,
            TokenKind::Simple(kind) => kind,
            // Operators the lexer does not name (`!=`, `<=`, …): one like any other.
            TokenKind::OtherOp(_) => STokenKind::Tilde,
            TokenKind::Ident(_)
            | TokenKind::Number(_)
            | TokenKind::String(_)
            | TokenKind::TextBlock(_) => continue,
        };
        use STokenKind as T;
        match simple {
            T::LeftBrace | T::LeftBracket | T::LeftParen => {
                outer += levels.last().map_or(0, Level::weight);
                levels.push(Level::default());
            }
            T::RightBrace | T::RightBracket | T::RightParen => {
                if levels.len() > 1 {
                    levels.pop();
                    outer -= levels.last().map_or(0, Level::weight);
                }
            }
            T::Comma => {
                if let Some(level) = levels.last_mut() {
                    level.ops = 0;
                    if !level.in_local {
                        level.prefix = 0;
                    }
                }
            }
            T::Semicolon => {
                if let Some(level) = levels.last_mut() {
                    level.ops = 0;
                    level.in_local = false;
                }
            }
            T::Then | T::Else | T::Colon | T::ColonColon | T::ColonColonColon | T::Eq => {
                if let Some(level) = levels.last_mut() {
                    level.ops = 0;
                }
            }
            T::If
            | T::Local
            | T::Function
            | T::Assert
            | T::Error
            | T::Import
            | T::Importstr
            | T::Importbin
            | T::For
            | T::Tailstrict => {
                if let Some(level) = levels.last_mut() {
                    // What came before the construct is above it in the tree.
                    level.prefix += level.ops + 1;
                    level.ops = 0;
                    if simple == T::Local {
                        level.in_local = true;
                    }
                }
            }
            T::Self_ | T::Super | T::Dollar | T::True | T::False | T::Null => continue,
            _ => {
                if let Some(level) = levels.last_mut() {
                    level.ops += 1;
                }
            }
        }
        let depth = outer + levels.last().map_or(0, Level::weight);
        if depth > limit {
            crossed = Some(token.span);
            break;
        }
    }
    crossed.map(|span| spans.get_span(span).1)
}

/// The nesting inside one bracket (or the program's top level).
#[derive(Debug, Default)]
struct Level {
    /// Prefix constructs open since the last element separator.
    prefix: usize,
    /// Operators since the last separator.
    ops: usize,
    /// A `local` whose binds have not ended with `;` yet.
    in_local: bool,
}

impl Level {
    fn weight(&self) -> usize {
        1 + self.prefix + self.ops
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(code: &str, limit: usize) -> bool {
        too_deep_at(code, limit).is_none()
    }

    #[test]
    fn ordinary_programs_stay_shallow() {
        let mapper = r#"local claims = std.extVar('claims');
{
  identity: {
    traits: {
      email: if 'email' in claims then claims.email else null,
      name: claims.given_name + ' ' + claims.family_name,
      [if 'phone' in claims then 'phone']: claims.phone,
    },
  },
}"#;
        assert!(depth_ok(mapper, 20), "{:?}", too_deep_at(mapper, 20));
        let wide = format!("[{}]", vec!["if true then 1 else 2"; 2000].join(", "));
        assert!(depth_ok(&wide, 10));
    }

    #[test]
    fn every_kind_of_nesting_counts() {
        let deep = [
            format!("{}1{}", "{a:".repeat(60), "}".repeat(60)),
            format!("{}1{}", "if true then ".repeat(60), " else 0".repeat(60)),
            format!("{}1", "local a = 1; ".repeat(60)),
            format!("{}1", "local a = 1, b = 2; ".repeat(60)),
            format!("{}1", "1 + ".repeat(60)),
            format!("{}1", "-".repeat(60)),
            format!("{}1", "function(x) ".repeat(60)),
            format!("x{}", ".a".repeat(60)),
            format!("{}1{}", "[".repeat(60), "]".repeat(60)),
            format!("[{}1]", "if true then 1 else ".repeat(60)),
            format!("{}1", "error ".repeat(60)),
            format!("{}1", "assert true; ".repeat(60)),
            format!("{{ {} a: 1 }}", "local a = 1, ".repeat(60)),
        ];
        for code in deep {
            assert!(!depth_ok(&code, 50), "{code}");
        }
    }
}
