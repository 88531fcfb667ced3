//! Writing to the terminal: data on stdout, messages on stderr, exit codes, prompts.

use std::fmt::Display;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const NOTE: Style = AnsiColor::Cyan.on_default().bold();

/// Why a command failed, which decides its exit code.
#[derive(Debug)]
pub enum Failure {
    /// Exit 1: something went wrong doing what was asked (I/O, a patch that does not apply).
    Operational(String),
    /// Exit 2: the command line is wrong.
    Usage(String),
    /// Exit 10: validation found errors; each line is one problem.
    Invalid {
        /// The headline.
        message: String,
        /// The problems, one per line.
        problems: Vec<String>,
    },
    /// stdout was closed by the reader (`| head`): not an error, exit 0.
    BrokenPipe,
    /// The output already says what is wrong; exit with this code and print nothing.
    Silent(u8),
}

impl Failure {
    /// An operational failure from any error, its causes joined with `: `.
    pub fn op(err: impl Display) -> Failure {
        Failure::Operational(err.to_string())
    }

    /// A usage failure.
    pub fn usage(err: impl Display) -> Failure {
        Failure::Usage(err.to_string())
    }

    /// Prints the failure on stderr and returns its exit code.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::BrokenPipe => ExitCode::SUCCESS,
            Failure::Silent(code) => ExitCode::from(code),
            Failure::Operational(message) => {
                error(&message);
                ExitCode::from(1)
            }
            Failure::Usage(message) => {
                error(&message);
                ExitCode::from(2)
            }
            Failure::Invalid { message, problems } if problems.len() == 1 => {
                error(&format!("{message}: {}", problems[0]));
                ExitCode::from(10)
            }
            Failure::Invalid { message, problems } => {
                error(&message);
                for problem in problems {
                    line(&format!("  {problem}"));
                }
                ExitCode::from(10)
            }
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(err: std::io::Error) -> Failure {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::op(format!("failed to write output: {err}"))
        }
    }
}

/// Flags that lose something when given by mistake: clap's "a similar argument
/// exists" tip must not lead a user who mistyped another flag to one of them.
const LOSSY_FLAGS: [&str; 2] = ["--reformat", "--force"];

/// A command-line error without a tip that points at a lossy flag (`--format`
/// once suggested `--reformat`, which drops every comment). The usage line
/// clap built around that suggestion goes too.
pub(super) fn without_lossy_tip(mut err: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue};
    let lossy = match err.get(ContextKind::SuggestedArg) {
        Some(ContextValue::String(flag)) => LOSSY_FLAGS.contains(&flag.as_str()),
        Some(ContextValue::Strings(flags)) => {
            flags.iter().any(|f| LOSSY_FLAGS.contains(&f.as_str()))
        }
        _ => false,
    };
    if lossy {
        err.remove(ContextKind::SuggestedArg);
        err.remove(ContextKind::Usage);
    }
    err
}

/// Writes data to stdout. A closed pipe ends the command quietly.
pub(super) fn emit(text: &str) -> Result<(), Failure> {
    let mut out = anstream::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Writes data to stdout, adding a final newline if it has none.
pub(super) fn emit_line(text: &str) -> Result<(), Failure> {
    if text.ends_with('\n') {
        emit(text)
    } else {
        emit(&format!("{text}\n"))
    }
}

fn line(text: &str) {
    // stderr going away is nothing to report on stderr.
    let _ = writeln!(anstream::stderr(), "{}", no_forged_lines(text));
}

/// Messages may hold paths and keys from untrusted input. A line break that would
/// start a line with `::` (a workflow command in a CI log) is written as `\n`, and
/// every carriage return as `\r`; the line breaks of our own messages stay.
fn no_forged_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\r') && !text.lines().skip(1).any(forged) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, part) in text.replace('\r', "\\r").split('\n').enumerate() {
        if i > 0 {
            out.push_str(if forged(part) { "\\n" } else { "\n" });
        }
        out.push_str(part);
    }
    std::borrow::Cow::Owned(out)
}

fn forged(line: &str) -> bool {
    line.trim_start().starts_with("::")
}

/// `error: …` on stderr.
pub(super) fn error(message: &str) {
    line(&format!("{ERROR}error{ERROR:#}: {message}"));
}

/// `warning: …` on stderr (even with --quiet: warnings are not chatter).
pub(super) fn warning(message: &str) {
    line(&format!("{WARNING}warning{WARNING:#}: {message}"));
}

/// Whether notes go to stdout: a command whose stdout is a story for people
/// (`quickstart`) keeps its notes in that story, in order.
static NOTES_ON_STDOUT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sends the notes of this process to stdout from now on.
pub(super) fn notes_on_stdout() {
    NOTES_ON_STDOUT.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// A progress or result note on stderr (or stdout, see `notes_on_stdout`),
/// suppressed by --quiet.
pub(super) fn status(cx: super::Context, message: &str) {
    if cx.quiet {
        return;
    }
    let note = format!("{NOTE}note{NOTE:#}: {message}");
    if NOTES_ON_STDOUT.load(std::sync::atomic::Ordering::Relaxed) {
        // Notes are not data: a closed stdout is nothing to report.
        let _ = emit_line(&no_forged_lines(&note));
    } else {
        line(&note);
    }
}

/// Whether the user can be asked: stdin and stderr are both terminals.
pub(super) fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Asks a yes/no question on stderr (`dialoguer`: y or n, then Enter; Enter alone
/// is no; anything else is asked again). `--yes` answers yes; without a terminal the answer is `None` (the caller
/// decides what that means), so nothing ever blocks. The end of input is no.
pub(super) fn confirm(cx: super::Context, question: &str) -> Result<Option<bool>, Failure> {
    if cx.yes {
        return Ok(Some(true));
    }
    if !interactive() {
        return Ok(None);
    }
    // An input line rather than dialoguer's `Confirm`, which hides the cursor
    // while it waits: Ctrl-C there would leave the terminal without one.
    let answer = dialoguer::Input::<String>::new()
        .with_prompt(format!("{question} [y/N]"))
        .allow_empty(true)
        .validate_with(|text: &String| match yes_or_no(text) {
            Some(_) => Ok(()),
            None => Err("answer y or n"),
        })
        .interact_text_on(&dialoguer::console::Term::stderr());
    Ok(Some(matches!(
        answer.as_deref().map(yes_or_no),
        Ok(Some(true))
    )))
}

/// `y`/`yes` is yes; `n`/`no` and nothing at all are no; anything else is
/// not an answer.
fn yes_or_no(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Some(true),
        "" | "n" | "no" => Some(false),
        _ => None,
    }
}

/// A value as pretty JSON on stdout, one trailing newline.
pub(super) fn emit_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(Failure::op)?;
    emit_line(&text)
}

/// Asks on stderr for a one-time code (`dialoguer`: checked as typed, six
/// digits); None without a terminal (never blocks a script) or at the end of input.
pub(super) fn prompt_code(question: &str) -> Result<Option<String>, Failure> {
    if !interactive() {
        return Ok(None);
    }
    let answer = dialoguer::Input::<String>::new()
        .with_prompt(question)
        .validate_with(|code: &String| -> Result<(), &str> {
            if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
                Ok(())
            } else {
                Err("a code is six digits")
            }
        })
        .interact_text_on(&dialoguer::console::Term::stderr());
    Ok(answer.ok())
}

/// A log line on stderr, as is (JSON Lines from long-running commands).
pub(super) fn log_line(text: &str) {
    line(text);
}
