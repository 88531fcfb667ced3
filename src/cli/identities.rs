//! `list|get|import|delete identities` on the embedded engine's store.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::Value;

use super::engine::{self, Page};
use super::{Context, Failure, ProjectFlag, output};
use crate::config::{Format, parse_value};
use crate::engine::{Identity, ImportError};
use crate::time::format::rfc3339_millis;

/// `list identities --format json`: versioned.
#[derive(Debug, Serialize)]
struct IdentitiesOutput<'a> {
    version: u32,
    identities: &'a [Identity],
}

/// `get identity`: versioned.
#[derive(Debug, Serialize)]
struct IdentityOutput<'a> {
    version: u32,
    identity: &'a Identity,
}

fn emit(output: &impl Serialize) -> Result<(), Failure> {
    let value = serde_json::to_value(output)
        .map_err(|e| Failure::op(format!("cannot show the identity: {e}")))?;
    output::emit_json(&value)
}

/// Output of identity listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum IdentityFormat {
    /// Aligned columns.
    Table,
    /// `{"version":1,…}` with identities as Kratos' admin API returns them.
    Json,
}

// `list identities`.
#[derive(Debug, Args)]
pub(super) struct ListArgs {
    #[command(flatten)]
    page: Page,
    /// Output format.
    #[arg(long, value_enum, default_value_t = IdentityFormat::Table)]
    format: IdentityFormat,
    #[command(flatten)]
    project: ProjectFlag,
}

// `get identity`.
#[derive(Debug, Args)]
pub(super) struct GetArgs {
    /// The identity id.
    id: String,
    #[command(flatten)]
    project: ProjectFlag,
}

// `import identities`.
#[derive(Debug, Args)]
pub(super) struct ImportArgs {
    /// JSON or YAML files, each one identity (createIdentityBody) or a list of them; `-` for stdin.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    project: ProjectFlag,
}

// `delete identity`.
#[derive(Debug, Args)]
pub(super) struct DeleteArgs {
    /// The identity id.
    id: String,
    #[command(flatten)]
    project: ProjectFlag,
}

/// Lists identities.
pub(super) fn list(args: ListArgs) -> Result<(), Failure> {
    let opened = engine::open(&args.project)?;
    let identities = opened
        .runtime
        .block_on(
            opened
                .engine
                .list_identities(args.page.size, args.page.offset()),
        )
        .map_err(Failure::op)?;
    match args.format {
        IdentityFormat::Json => emit(&IdentitiesOutput {
            version: 1,
            identities: &identities,
        }),
        IdentityFormat::Table => output::emit(&table(&identities)),
    }
}

/// Shows one identity.
pub(super) fn get(args: GetArgs) -> Result<(), Failure> {
    let opened = engine::open(&args.project)?;
    let identity = opened
        .runtime
        .block_on(opened.engine.get_identity(&args.id))
        .map_err(Failure::op)?;
    emit(&IdentityOutput {
        version: 1,
        identity: &identity,
    })
}

/// Imports identities; each document stands alone, and every failure is named.
pub(super) fn import(args: ImportArgs, cx: Context) -> Result<(), Failure> {
    let documents = read_documents(&args.files)?;
    let opened = engine::open(&args.project)?;
    let mut failed = Vec::new();
    for (name, document) in &documents {
        match opened
            .runtime
            .block_on(opened.engine.import_identity(document))
        {
            Ok(identity) => {
                output::emit_line(&identity.id)?;
            }
            Err(ImportError::Engine(e)) => return Err(Failure::op(e)),
            Err(e) => failed.push(format!("{name}: {e}")),
        }
    }
    let imported = documents.len() - failed.len();
    output::status(
        cx,
        &format!("imported {imported} of {} identities", documents.len()),
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::Invalid {
            message: format!("{} identities were not imported", failed.len()),
            problems: failed,
        })
    }
}

/// Deletes an identity (asks on a terminal; `--yes` otherwise).
pub(super) fn delete(args: DeleteArgs, cx: Context) -> Result<(), Failure> {
    let opened = engine::open(&args.project)?;
    let question = format!(
        "Delete identity {} with its sessions and addresses?",
        args.id
    );
    match output::confirm(cx, &question)? {
        Some(true) => {}
        Some(false) => return Err(Failure::op("aborted; nothing was deleted")),
        None => {
            return Err(Failure::usage(
                "refusing to delete an identity without confirmation: stdin is not a terminal; pass --yes",
            ));
        }
    }
    opened
        .runtime
        .block_on(opened.engine.delete_identity(&args.id))
        .map_err(Failure::op)?;
    output::emit_line(&args.id)
}

/// Every identity document in the files, named `file` or `file[i]`.
fn read_documents(files: &[PathBuf]) -> Result<Vec<(String, Value)>, Failure> {
    let mut documents = Vec::new();
    for path in files {
        // `read_text` reads stdin for `-`, bounded like any file.
        let text = crate::config::read_text(path).map_err(Failure::op)?;
        let name = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            crate::diag::file_name(path)
        };
        let format = Format::detect(path, &text);
        let value = parse_value(path, format, &text).map_err(Failure::op)?;
        match value {
            Value::Array(items) => {
                for (i, item) in items.into_iter().enumerate() {
                    documents.push((format!("{name}[{i}]"), item));
                }
            }
            other => documents.push((name, other)),
        }
    }
    Ok(documents)
}

fn table(identities: &[Identity]) -> String {
    let header = [
        "ID",
        "SCHEMA",
        "STATE",
        "IDENTIFIERS",
        "VERIFIED",
        "CREATED",
    ];
    let rows: Vec<[String; 6]> = identities
        .iter()
        .map(|i| {
            let identifiers = i
                .credentials
                .as_ref()
                .and_then(|c| c.get("code"))
                .map(|code| code.identifiers.join(","))
                .unwrap_or_default();
            let addresses = &i.verifiable_addresses;
            let verified = addresses.iter().filter(|a| a.verified).count();
            [
                i.id.clone(),
                i.schema_id.clone(),
                i.state.clone(),
                identifiers,
                format!("{verified}/{}", addresses.len()),
                rfc3339_millis(i.created_at),
            ]
        })
        .collect();
    super::project::columns(&header, &rows)
}
