//! `list|get|import|delete identities`: on the embedded engine, or through
//! Kratos' admin API (`--admin-endpoint`).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::Value;

use super::backend::{self, EndpointFlags, success};
use super::engine::Page;
use super::{Context, Failure, ProjectFlag, output};
use crate::config::{Format, parse_value};

/// `list identities --format json`: versioned.
#[derive(Debug, Serialize)]
struct IdentitiesOutput<'a> {
    version: u32,
    identities: &'a [Value],
}

/// `get identity`: versioned.
#[derive(Debug, Serialize)]
struct IdentityOutput<'a> {
    version: u32,
    identity: &'a Value,
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
    #[command(flatten)]
    endpoints: EndpointFlags,
}

// `get identity`.
#[derive(Debug, Args)]
pub(super) struct GetArgs {
    /// The identity id.
    id: String,
    #[command(flatten)]
    project: ProjectFlag,
    #[command(flatten)]
    endpoints: EndpointFlags,
}

// `import identities`.
#[derive(Debug, Args)]
pub(super) struct ImportArgs {
    /// JSON or YAML files, each one identity (createIdentityBody) or a list of them; `-` for stdin.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    project: ProjectFlag,
    #[command(flatten)]
    endpoints: EndpointFlags,
}

// `delete identity`.
#[derive(Debug, Args)]
pub(super) struct DeleteArgs {
    /// The identity id.
    id: String,
    #[command(flatten)]
    project: ProjectFlag,
    #[command(flatten)]
    endpoints: EndpointFlags,
}

/// Lists identities.
pub(super) fn list(args: ListArgs) -> Result<(), Failure> {
    let backend = backend::open(&args.endpoints, &args.project)?;
    let identities = backend.list_identities(args.page)?;
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
    let backend = backend::open(&args.endpoints, &args.project)?;
    let reply = success(
        backend.get_identity(&args.id)?,
        &format!("identity `{}`", args.id),
    )?;
    emit(&IdentityOutput {
        version: 1,
        identity: &reply.body,
    })
}

/// Imports identities; each document stands alone, and every refusal is
/// named (Kratos' 400 and 409); anything else stops the import.
pub(super) fn import(args: ImportArgs, cx: Context) -> Result<(), Failure> {
    let documents = read_documents(&args.files)?;
    let backend = backend::open(&args.endpoints, &args.project)?;
    let mut failed = Vec::new();
    for (name, document) in &documents {
        let reply = backend.create_identity(document)?;
        match reply.status {
            200..=299 => output::emit_line(reply.body["id"].as_str().unwrap_or_default())?,
            400..=499 => failed.push(format!("{name}: {}", reply.reason())),
            _ => {
                success(reply, name)?;
            }
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
    let backend = backend::open(&args.endpoints, &args.project)?;
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
    success(
        backend.delete_identity(&args.id)?,
        &format!("identity `{}`", args.id),
    )?;
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

fn table(identities: &[Value]) -> String {
    let header = [
        "ID",
        "SCHEMA",
        "STATE",
        "IDENTIFIERS",
        "VERIFIED",
        "CREATED",
    ];
    let text = super::project::json_cell;
    let rows: Vec<[String; 6]> = identities
        .iter()
        .map(|i| {
            let identifiers = i["credentials"]["code"]["identifiers"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(",");
            let addresses = i["verifiable_addresses"]
                .as_array()
                .map_or(&[][..], Vec::as_slice);
            let verified = addresses.iter().filter(|a| a["verified"] == true).count();
            [
                text(&i["id"]),
                text(&i["schema_id"]),
                text(&i["state"]),
                identifiers,
                format!("{verified}/{}", addresses.len()),
                text(&i["created_at"]),
            ]
        })
        .collect();
    super::project::columns(&header, &rows)
}
