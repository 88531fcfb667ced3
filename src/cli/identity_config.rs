//! `get|patch|update identity-config`.

use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::Value;

use super::output::{self, Failure, emit, emit_line};
use super::project::SMS_WARNING;
use super::{Context, ProjectArg, target};
use crate::config::patch::{self, Op};
use crate::config::{self, Document, Format};
use crate::schema;

/// `--format` of `get identity-config`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ConfigFormat {
    /// YAML (the file's own text when it is YAML: comments kept).
    Yaml,
    /// Compact JSON on one line.
    Json,
    /// Indented JSON.
    JsonPretty,
    /// The JSON value at an RFC 6901 pointer.
    JsonPointer(String),
}

fn parse_config_format(s: &str) -> Result<ConfigFormat, String> {
    match s {
        "yaml" => Ok(ConfigFormat::Yaml),
        "json" => Ok(ConfigFormat::Json),
        "json-pretty" => Ok(ConfigFormat::JsonPretty),
        _ => match s.strip_prefix("jsonpointer=") {
            Some(p) if p.is_empty() || p.starts_with('/') => {
                Ok(ConfigFormat::JsonPointer(p.to_string()))
            }
            Some(p) => Err(format!(
                "`{p}` is not a JSON pointer: it must be empty or start with `/`"
            )),
            None if s == "jsonpointer" => {
                Err("jsonpointer needs a pointer: --format jsonpointer=/some/key".into())
            }
            None => Err("expected yaml, json, json-pretty or jsonpointer=/pointer".into()),
        },
    }
}

// `--workspace`, accepted so that commands pasted from Ory's docs run.
#[derive(Debug, Args)]
pub(super) struct WorkspaceFlag {
    /// Accepted for the Ory CLI's commands and ignored: workspaces are an Ory Network notion.
    #[arg(long, value_name = "WORKSPACE")]
    workspace: Option<String>,
}

impl WorkspaceFlag {
    /// Says once that `--workspace` does nothing here.
    fn note(&self, cx: Context) {
        if self.workspace.is_some() {
            output::status(
                cx,
                "--workspace is ignored: workspaces are an Ory Network notion, and otpctl works on local projects",
            );
        }
    }
}

#[derive(Debug, Args)]
pub(super) struct GetArgs {
    #[command(flatten)]
    project: ProjectArg,
    /// yaml, json, json-pretty or jsonpointer=/pointer (default: the file's own format, as written).
    #[arg(long, value_parser = parse_config_format, value_name = "FORMAT")]
    format: Option<ConfigFormat>,
    #[command(flatten)]
    workspace: WorkspaceFlag,
    /// Mask secrets: secrets.*, passwords, API keys, client secrets, passwords inside URIs.
    #[arg(long)]
    redact: bool,
}

#[derive(Debug, Args)]
#[command(after_long_help = PATCH_HELP)]
pub(super) struct PatchArgs {
    #[command(flatten)]
    project: ProjectArg,
    /// Add a value: '/json/pointer=<JSON value>' (strict JSON: quote strings, '/x="text"').
    #[arg(long, value_name = "PTR=JSON")]
    add: Vec<String>,
    /// Replace an existing value: '/json/pointer=<JSON value>'.
    #[arg(long, value_name = "PTR=JSON")]
    replace: Vec<String>,
    /// Remove a value: '/json/pointer'.
    #[arg(long, value_name = "PTR")]
    remove: Vec<String>,
    /// A patch file (YAML or JSON, `-` for stdin): an RFC 6902 array or an RFC 7396 merge-patch mapping.
    #[arg(short, long, value_name = "FILE")]
    file: Vec<PathBuf>,
    /// Print the patched config instead of writing it.
    #[arg(long)]
    dry_run: bool,
    /// Print a unified diff of the change.
    #[arg(long)]
    diff: bool,
    /// After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer.
    #[arg(long, value_parser = parse_config_format, value_name = "FORMAT", conflicts_with = "diff")]
    format: Option<ConfigFormat>,
    #[command(flatten)]
    workspace: WorkspaceFlag,
    /// If the change cannot be made in place, write the config re-serialised (comments are lost).
    #[arg(long)]
    reformat: bool,
    /// Refuse the result for any error, also one that was in the config before this patch.
    #[arg(long)]
    strict: bool,
    /// Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept.
    #[arg(long)]
    force: bool,
}

const PATCH_HELP: &str = "\
Operations apply in the order they are given on the command line, flags and files
interleaved; each file's operations apply in file order. The whole patch applies or
nothing does, the result is validated before it is written, and the write is atomic.
The patch is refused for errors it introduces; errors that were already in the config
are shown as warnings (--strict refuses them too).

Examples:
  otpctl patch identity-config --add '/selfservice/methods/code/passwordless_enabled=true'
  otpctl patch identity-config ./kratos.yml --replace '/courier/message_retries=10' --diff
  otpctl patch identity-config --file patch.yaml --dry-run";

#[derive(Debug, Args)]
pub(super) struct UpdateArgs {
    #[command(flatten)]
    project: ProjectArg,
    /// The new config (YAML or JSON, `-` for stdin); several files are merged in order.
    #[arg(short, long, value_name = "FILE", required = true)]
    file: Vec<PathBuf>,
    /// Print the new config instead of writing it.
    #[arg(long)]
    dry_run: bool,
    /// Print a unified diff of the change.
    #[arg(long)]
    diff: bool,
    /// After writing, print the resulting config: yaml (comments kept), json, json-pretty or jsonpointer=/pointer.
    #[arg(long, value_parser = parse_config_format, value_name = "FORMAT", conflicts_with = "diff")]
    format: Option<ConfigFormat>,
    #[command(flatten)]
    workspace: WorkspaceFlag,
    /// Refuse the result for any error, also one that was in the config before.
    #[arg(long)]
    strict: bool,
    /// Write also a read-only or hard-linked config (breaking the link), or one whose owner cannot be kept.
    #[arg(long)]
    force: bool,
}

pub(super) fn get(args: GetArgs, cx: Context) -> Result<(), Failure> {
    args.workspace.note(cx);
    let path = target::config_path(&args.project)?;
    let doc = Document::load(&path).map_err(Failure::op)?;
    let (text, value) = if args.redact {
        redacted(&doc)?
    } else {
        (doc.text.clone(), doc.value.clone())
    };
    match &args.format {
        None => emit(&text),
        Some(format) => emit_config(
            format,
            &Config {
                doc: &doc,
                text: &text,
                value: &value,
            },
        ),
    }
}

/// A config to print: its text (in the format of `doc`) and value.
struct Config<'a> {
    doc: &'a Document,
    text: &'a str,
    value: &'a Value,
}

/// Prints a config in a `--format`: YAML is the text itself when the file is YAML
/// (comments kept), else the value serialised.
fn emit_config(format: &ConfigFormat, config: &Config<'_>) -> Result<(), Failure> {
    let value = config.value;
    match format {
        ConfigFormat::Yaml if config.doc.format == Format::Yaml => emit(config.text),
        ConfigFormat::Yaml => emit(&config::serialize(value, Format::Yaml, "")),
        ConfigFormat::Json => emit_line(&value.to_string()),
        ConfigFormat::JsonPretty => emit(&config::to_json_indented(value, "  ")),
        ConfigFormat::JsonPointer(pointer) => match value.pointer(pointer) {
            Some(found) => emit(&config::to_json_indented(found, "  ")),
            None => Err(Failure::op(format!(
                "`{pointer}` does not exist in `{}`: {}",
                config.doc.path.display(),
                patch::describe_missing(value, pointer)
            ))),
        },
    }
}

/// The config with its secrets masked, as text in its own format and as a value.
fn redacted(doc: &Document) -> Result<(String, Value), Failure> {
    let edits = config::redaction_edits(&doc.value);
    let mut value = doc.value.clone();
    for edit in &edits {
        config::apply_edit(&mut value, edit).map_err(Failure::op)?;
    }
    let text = config::render_edits(doc, &edits, &value)
        .unwrap_or_else(|_| config::serialize(&value, doc.format, "  "));
    Ok((text, value))
}

pub(super) fn patch(
    args: PatchArgs,
    matches: Option<&clap::ArgMatches>,
    cx: Context,
) -> Result<(), Failure> {
    if args.add.is_empty()
        && args.replace.is_empty()
        && args.remove.is_empty()
        && args.file.is_empty()
    {
        return Err(Failure::usage(
            "at least one of --add, --replace, --remove or --file must be given",
        ));
    }
    args.workspace.note(cx);
    // Patch files are read before the lock is taken: stdin or a FIFO may be slow.
    let sources = ordered_sources(&args, matches)?;
    let path = target::config_path(&args.project)?;
    let _lock = lock(&path, args.dry_run)?;
    let doc = Document::load(&path).map_err(Failure::op)?;
    let ops = resolve_ops(&doc.value, sources)?;
    let applied = patch::apply(&doc.value, &ops)
        .map_err(|e| Failure::op(format!("{e}; `{}` was not changed", path.display())))?;
    let text = match config::render_edits(&doc, &applied.edits, &applied.value) {
        Ok(text) => text,
        Err(_) if args.reformat => config::serialize(&applied.value, doc.format, "  "),
        Err(e) => {
            return Err(Failure::op(format!(
                "{e}; `{}` was not changed (pass --reformat to write it re-serialised, without comments)",
                path.display()
            )));
        }
    };
    check_size(&doc, &text)?;
    check_result(&doc, &applied.value, args.strict)?;
    for replaced in &applied.replaced {
        note_replaced(replaced, cx);
    }
    let summary = format!(
        "applied {} operation{}",
        ops.len(),
        if ops.len() == 1 { "" } else { "s" }
    );
    commit(
        &doc,
        &text,
        &applied.value,
        Commit {
            dry_run: args.dry_run,
            diff: args.diff,
            format: args.format,
            force: args.force,
            summary,
        },
        cx,
    )
}

/// Says that an `--add` replaced a value, with the old and new value as a diff
/// would show them: an add to an existing key replaces it without a word otherwise.
fn note_replaced(replaced: &patch::Replaced, cx: Context) {
    output::status(
        cx,
        &format!(
            "{} replaced the existing value at `{}` (an add to an existing key replaces it):\n  - {}\n  + {}",
            replaced.origin,
            replaced.path,
            shortened(&replaced.old),
            shortened(&replaced.new)
        ),
    );
}

/// A value as one line of JSON, cut to a readable length.
fn shortened(value: &Value) -> String {
    const MAX_CHARS: usize = 160;
    let text = value.to_string();
    if text.chars().count() <= MAX_CHARS {
        return text;
    }
    let cut: String = text.chars().take(MAX_CHARS).collect();
    format!("{cut}…")
}

/// A patch source in command-line order.
enum Source {
    Op(Op),
    /// A `--file`, read and parsed.
    File(PathBuf, Value),
}

/// Parses every flag into operations, ordered as they stood on the command line.
/// Syntax errors come out here, before any file is touched.
fn ordered_sources(
    args: &PatchArgs,
    matches: Option<&clap::ArgMatches>,
) -> Result<Vec<Source>, Failure> {
    let indices = |id: &str, count: usize| -> Vec<usize> {
        matches
            .and_then(|m| m.indices_of(id))
            .map(|i| i.collect())
            .unwrap_or_else(|| (0..count).collect())
    };
    let mut sources: Vec<(usize, Source)> = Vec::new();
    for (arg, index) in args.add.iter().zip(indices("add", args.add.len())) {
        let op = patch::parse_assignment("--add", arg).map_err(Failure::usage)?;
        sources.push((index, Source::Op(op)));
    }
    for (arg, index) in args
        .replace
        .iter()
        .zip(indices("replace", args.replace.len()))
    {
        let op = patch::parse_assignment("--replace", arg).map_err(Failure::usage)?;
        sources.push((index, Source::Op(op)));
    }
    for (arg, index) in args.remove.iter().zip(indices("remove", args.remove.len())) {
        let op = patch::parse_removal(arg).map_err(Failure::usage)?;
        sources.push((index, Source::Op(op)));
    }
    if args.file.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(Failure::usage("stdin (`-`) can be given only once"));
    }
    for (file, index) in args.file.iter().zip(indices("file", args.file.len())) {
        let text = config::read_text(file).map_err(Failure::op)?;
        let format = Format::detect(file, &text);
        let value = config::parse_value(file, format, &text).map_err(Failure::op)?;
        sources.push((index, Source::File(file.clone(), value)));
    }
    sources.sort_by_key(|(index, _)| *index);
    Ok(sources.into_iter().map(|(_, source)| source).collect())
}

/// Reads the patch files in place. A merge-patch file is turned into operations
/// against the document as patched by everything before it.
fn resolve_ops(doc: &Value, sources: Vec<Source>) -> Result<Vec<Op>, Failure> {
    let mut ops = Vec::new();
    for source in sources {
        match source {
            Source::Op(op) => ops.push(op),
            Source::File(file, value) => {
                let so_far = patch::apply(doc, &ops).map_err(Failure::op)?.value;
                ops.extend(patch::file_ops(&file, value, &so_far).map_err(Failure::usage)?);
            }
        }
    }
    Ok(ops)
}

pub(super) fn update(args: UpdateArgs, cx: Context) -> Result<(), Failure> {
    args.workspace.note(cx);
    if args.file.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(Failure::usage("stdin (`-`) can be given only once"));
    }
    let path = target::config_path(&args.project)?;
    // Inputs are read before the lock is taken: stdin may be slow.
    let inputs: Vec<Document> = args
        .file
        .iter()
        .map(|f| Document::load(f).map_err(Failure::op))
        .collect::<Result<_, _>>()?;
    let _lock = lock(&path, args.dry_run)?;
    let doc = Document::load(&path).map_err(Failure::op)?;
    let merged = config::merge_documents(inputs.iter().map(|d| d.value.clone()));
    let text = merged_text(&inputs, &doc, &merged);
    check_size(&doc, &text)?;
    check_result(&doc, &merged, args.strict)?;
    warn_dropped_keys(&doc.value, &merged);
    let count = inputs.len();
    let summary = format!(
        "replaced the config with {count} file{}",
        if count == 1 { "" } else { "s" }
    );
    commit(
        &doc,
        &text,
        &merged,
        Commit {
            dry_run: args.dry_run,
            diff: args.diff,
            format: args.format,
            force: args.force,
            summary,
        },
        cx,
    )
}

/// The text of the merged config. One input in the target's own format is written
/// as it is; with several, the first is edited in place with the later files'
/// values, so its comments and layout stay. When that cannot be done the merged
/// value is written re-serialised, and a warning says the comments are gone.
fn merged_text(inputs: &[Document], target: &Document, merged: &Value) -> String {
    match inputs {
        [only] if only.format == target.format => return only.text.clone(),
        [first, ..] if first.format == target.format => {
            if let Some(text) = edited_in_place(first, merged) {
                return text;
            }
        }
        _ => {}
    }
    if let Some(first) = inputs.first().filter(|f| f.format == Format::Yaml) {
        output::warning(&format!(
            "the merged config is written re-serialised: the comments and layout of `{}` are not kept",
            first.path.display()
        ));
    }
    config::serialize(merged, target.format, "  ")
}

/// `first` edited into `merged` (which has every key `first` has) through the
/// same edits as a patch, keeping its comments; None if the edit cannot be made.
fn edited_in_place(first: &Document, merged: &Value) -> Option<String> {
    let ops: Vec<Op> = patch::merge_patch_ops(&first.value, merged, "")
        .into_iter()
        .map(|operation| Op {
            origin: format!("merged value at `{}`", operation.path()),
            operation,
        })
        .collect();
    let applied = patch::apply(&first.value, &ops).ok()?;
    config::render_edits(first, &applied.edits, merged).ok()
}

/// Warns about top-level keys (identity, selfservice, secrets, courier, …) that
/// the old config had and the new one lacks: `update` replaces the whole config,
/// and a file that was meant as an overlay loses them.
fn warn_dropped_keys(old: &Value, new: &Value) {
    let (Some(old), Some(new)) = (old.as_object(), new.as_object()) else {
        return;
    };
    let dropped: Vec<&str> = old
        .keys()
        .filter(|key| !new.contains_key(*key))
        .map(String::as_str)
        .collect();
    if !dropped.is_empty() {
        output::warning(&format!(
            "the new config no longer has these top-level keys of the old one: {} (update replaces the whole config; to change a part, use patch)",
            dropped.join(", ")
        ));
    }
}

/// Takes the write lock on the config's directory, unless nothing will be written.
fn lock(path: &Path, dry_run: bool) -> Result<Option<config::DirLock>, Failure> {
    if dry_run {
        return Ok(None);
    }
    // Through a symlink, the target is written: its directory is the one to lock.
    let target = config::write_target(path);
    config::lock_dir(config::parent_dir(&target))
        .map(Some)
        .map_err(Failure::op)
}

/// Refuses a new config text that otpctl could not read back.
fn check_size(doc: &Document, text: &str) -> Result<(), Failure> {
    if text.len() as u64 > config::MAX_FILE_BYTES {
        return Err(Failure::op(format!(
            "the result would be {} bytes, over the {} byte limit for a config file; `{}` was not changed",
            text.len(),
            config::MAX_FILE_BYTES,
            doc.path.display()
        )));
    }
    Ok(())
}

/// Runs full validation on the new config (as `validate identity-config` does) and
/// refuses it if the change introduced errors; warnings are shown and do not block.
/// An error that was already in the config before the change is shown as a warning
/// instead, so that a config is mended one step at a time (the Ory guide turns
/// passwordless on before it adds the SMS channel the schema needs); `strict`
/// refuses any error.
fn check_result(doc: &Document, value: &Value, strict: bool) -> Result<(), Failure> {
    let name = crate::diag::file_name(&doc.path);
    let base = doc.base_dir();
    let mut report = crate::schema::config::validate_value(value, &base, &name);
    // The config before the change is validated only when the result has errors:
    // a clean result, the common case, costs one validation as before.
    if !strict && report.counts().0 > 0 {
        let before = crate::schema::config::validate_value(&doc.value, &base, &name);
        demote_existing_errors(&mut report, &before);
    }
    refuse_errors(&report, &name, |errors| {
        format!(
            "the result is not a valid identity config ({errors} error{}); `{}` was not changed",
            if errors == 1 { "" } else { "s" },
            doc.path.display()
        )
    })
}

/// Turns the errors of `after` that `before` had already into warnings. Errors are
/// matched by code, file and JSON pointer (a patch shifts line numbers), each
/// error of `before` matching at most one of `after`.
fn demote_existing_errors(after: &mut crate::diag::Report, before: &crate::diag::Report) {
    use crate::diag::Severity;
    let mut existing: std::collections::HashMap<(crate::diag::Code, &str, &str), usize> =
        std::collections::HashMap::new();
    for d in before
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        *existing
            .entry((d.code, d.file.as_str(), d.pointer.as_str()))
            .or_default() += 1;
    }
    for d in after
        .diagnostics
        .iter_mut()
        .filter(|d| d.severity == Severity::Error)
    {
        if let Some(left) = existing
            .get_mut(&(d.code, d.file.as_str(), d.pointer.as_str()))
            .filter(|left| **left > 0)
        {
            *left -= 1;
            d.severity = Severity::Warning;
            d.message
                .push_str(" (already in the config before this patch)");
        }
    }
}

/// Shows a validation report's warnings and fails with its errors, one line
/// each, under the headline `headline(error count)`.
pub(super) fn refuse_errors(
    report: &crate::diag::Report,
    name: &str,
    headline: impl FnOnce(usize) -> String,
) -> Result<(), Failure> {
    let line = |d: &crate::diag::Diagnostic| {
        let at = if d.pointer.is_empty() {
            String::new()
        } else {
            format!(" at `{}`", d.pointer)
        };
        let file = if d.file == name {
            String::new()
        } else {
            format!(" in `{}`", d.file)
        };
        format!("[{}]{file}{at}: {}", d.code, d.message)
    };
    let (errors, _) = report.counts();
    for warning in report
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Warning)
    {
        output::warning(&line(warning));
    }
    if errors == 0 {
        return Ok(());
    }
    Err(Failure::Invalid {
        message: headline(errors),
        problems: report
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .map(line)
            .collect(),
    })
}

/// How a new config text is to be committed.
struct Commit {
    dry_run: bool,
    diff: bool,
    /// Print the result in this format (after writing it, unless a dry run).
    format: Option<ConfigFormat>,
    force: bool,
    summary: String,
}

/// The common end of `patch` and `update`: warn about SMS, show the diff or the
/// result, and write atomically unless this is a dry run.
fn commit(
    doc: &Document,
    text: &str,
    value: &Value,
    how: Commit,
    cx: Context,
) -> Result<(), Failure> {
    confirm_sms(doc, value, how.dry_run, cx)?;
    let result = Config { doc, text, value };
    if how.diff {
        emit(&unified_diff(&doc.path, &doc.text, text))?;
    } else if how.dry_run && how.format.is_none() {
        emit(text)?;
    }
    if how.dry_run {
        output::status(
            cx,
            &format!(
                "{}; dry run, `{}` was not changed",
                how.summary,
                doc.path.display()
            ),
        );
    } else if text == doc.text {
        output::status(
            cx,
            &format!("{}; `{}` is unchanged", how.summary, doc.path.display()),
        );
    } else {
        config::write_atomic(&doc.path, text.as_bytes(), how.force).map_err(Failure::op)?;
        output::status(
            cx,
            &format!("{}; wrote `{}`", how.summary, doc.path.display()),
        );
    }
    match &how.format {
        Some(format) => emit_config(format, &result),
        None => Ok(()),
    }
}

/// Prints the SMS warning when the change turns SMS codes on, and on a terminal
/// asks to go on unless --yes was given.
fn confirm_sms(doc: &Document, after: &Value, dry_run: bool, cx: Context) -> Result<(), Failure> {
    if !schema::turns_sms_on(&doc.value, after, &doc.base_dir()) {
        return Ok(());
    }
    output::warning(SMS_WARNING);
    if dry_run {
        return Ok(());
    }
    match output::confirm(cx, "Enable SMS one-time codes anyway?")? {
        Some(false) => Err(Failure::op(format!(
            "aborted; `{}` was not changed",
            doc.path.display()
        ))),
        _ => Ok(()),
    }
}

fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    // git's a/ b/ prefixes for relative paths; an absolute path stands as it is.
    let name = path.display().to_string();
    let (old_name, new_name) = if path.is_absolute() {
        (name.clone(), name)
    } else {
        let name = name.trim_start_matches("./");
        (format!("a/{name}"), format!("b/{name}"))
    };
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&old_name, &new_name)
        .to_string()
}
