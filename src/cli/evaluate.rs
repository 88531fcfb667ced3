//! `evaluate oidc-mapper`: what a social sign-in would carry over, from a
//! Jsonnet claims mapper and a claims document, without any provider.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Value, json};

use super::{Failure, ProjectArg, ProjectFlag, output, target};
use crate::config::{Document, Format, parse_value, read_text};
use crate::engine::oidc;
use crate::schema::identity::IdentitySchemas;

/// `evaluate …`.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub(super) enum EvaluateCommand {
    /// Run an OIDC Jsonnet claims mapper: the traits and the verified addresses it would carry over.
    #[command(name = "oidc-mapper")]
    OidcMapper(MapperArgs),
}

/// Output of `evaluate oidc-mapper`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum MapperFormat {
    /// The traits and one line per verifiable address.
    Text,
    /// `{"version":1, traits, verifiable_addresses, ignored_verified_addresses, …}`.
    Json,
}

// `evaluate oidc-mapper`.
#[derive(Debug, Args)]
pub(super) struct MapperArgs {
    /// The Jsonnet mapper (reads the claims with `std.extVar('claims')`).
    #[arg(value_name = "MAPPER")]
    mapper: PathBuf,
    /// The provider's claims, as JSON or YAML.
    #[arg(long, value_name = "FILE")]
    claims: PathBuf,
    /// The identity schema id of the project's config (default: its default schema).
    #[arg(long, value_name = "ID", conflicts_with = "schema")]
    schema_id: Option<String>,
    /// An identity schema file to use instead of the project's.
    #[arg(long, value_name = "FILE")]
    schema: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MapperFormat::Text)]
    format: MapperFormat,
    #[command(flatten)]
    project: ProjectFlag,
}

/// Runs an `evaluate` command.
pub(super) fn run(command: EvaluateCommand) -> Result<(), Failure> {
    match command {
        EvaluateCommand::OidcMapper(args) => oidc_mapper(args),
    }
}

fn oidc_mapper(args: MapperArgs) -> Result<(), Failure> {
    let mapper = read_text(&args.mapper).map_err(Failure::op)?;
    let claims_text = read_text(&args.claims).map_err(Failure::op)?;
    let claims = parse_value(
        &args.claims,
        Format::detect(&args.claims, &claims_text),
        &claims_text,
    )
    .map_err(Failure::op)?;
    let (schemas, schema_id) = identity_schemas(&args)?;
    let schema = schemas.get(&schema_id).ok_or_else(|| {
        Failure::usage(format!(
            "identity schema `{schema_id}` is not in the config"
        ))
    })?;
    let name = crate::diag::file_name(&args.mapper);
    let carried = oidc::evaluate(&mapper, &name, &claims, schema).map_err(|e| match e {
        oidc::MapperError::Traits(_) => Failure::Invalid {
            message: "the mapper's traits are not a valid identity".into(),
            problems: vec![e.to_string()],
        },
        other => Failure::op(other),
    })?;
    match args.format {
        MapperFormat::Json => {
            let mut out = carried.to_json();
            out["version"] = 1.into();
            output::emit_json(&out)
        }
        MapperFormat::Text => output::emit(&text(&carried.to_json())),
    }
}

/// The schemas to check the traits with: a file given, or the project's.
fn identity_schemas(args: &MapperArgs) -> Result<(IdentitySchemas, String), Failure> {
    if let Some(path) = &args.schema {
        let schemas = IdentitySchemas::from_file(path).map_err(Failure::op)?;
        return Ok((schemas, String::new()));
    }
    let path = target::config_path(&ProjectArg::from(args.project.clone()))?;
    let doc = Document::load(&path).map_err(Failure::op)?;
    let schemas = IdentitySchemas::from_config(&doc.value, &doc.base_dir()).map_err(Failure::op)?;
    let id = args.schema_id.clone().unwrap_or_else(|| {
        doc.value
            .pointer("/identity/default_schema_id")
            .and_then(Value::as_str)
            .unwrap_or("default")
            .to_string()
    });
    Ok((schemas, id))
}

fn text(carried: &Value) -> String {
    let mut out = format!(
        "traits: {}\n",
        serde_json::to_string(&carried["traits"]).unwrap_or_default()
    );
    for address in carried["verifiable_addresses"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let state = if address["verified"] == json!(true) {
            "verified"
        } else {
            "not verified"
        };
        out.push_str(&format!(
            "{} {}: {state}\n",
            address["via"].as_str().unwrap_or_default(),
            address["value"].as_str().unwrap_or_default()
        ));
    }
    for ignored in carried["ignored_verified_addresses"]
        .as_array()
        .into_iter()
        .flatten()
    {
        out.push_str(&format!(
            "ignored {}: {}\n",
            ignored["entry"],
            ignored["reason"].as_str().unwrap_or_default()
        ));
    }
    out
}
