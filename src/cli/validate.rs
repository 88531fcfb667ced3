//! `validate identity-config|identity-schema|identity`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{Failure, emit};
use super::{ProjectFlag, target};
use crate::diag::{OutputFormat, Report, render};
use crate::schema::identity::IdentitySchemas;
use crate::schema::{config, identity, identity_schema, par_map};

// Output options shared by the validate commands.
#[derive(Debug, Args)]
pub(super) struct ReportArgs {
    /// human, json (versioned), github (workflow annotations) or sarif (2.1.0).
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
    /// Fail (exit 10) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Debug, Args)]
pub(super) struct ConfigArgs {
    /// Config files, directories or projects (default: the project of --project,
    /// $OTPCTL_PROJECT, or the selected one).
    #[arg(value_name = "PROJECT|FILE")]
    targets: Vec<String>,
    #[command(flatten)]
    project: ProjectFlag,
    #[command(flatten)]
    report: ReportArgs,
}

#[derive(Debug, Args)]
pub(super) struct SchemaArgs {
    /// Identity schema files (JSON, or YAML by extension).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
}

#[derive(Debug, Args)]
pub(super) struct IdentityArgs {
    /// Identity documents (JSON or YAML): `{"schema_id": …, "traits": {…}}`.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    project: ProjectFlag,
    /// Check every document against this identity schema instead of the project's.
    #[arg(long, value_name = "FILE", conflicts_with = "project")]
    schema: Option<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
}

pub(super) fn identity_config(args: ConfigArgs) -> Result<(), Failure> {
    args.project.apply_allow_outside();
    let paths: Vec<PathBuf> = if args.targets.is_empty() {
        vec![target::config_path(&args.project.into())?]
    } else {
        args.targets
            .iter()
            .map(|t| target::config_path(&t.as_str().into()))
            .collect::<Result<_, _>>()?
    };
    let checks: &[config::ConfigCheck] = &[crate::courier::template::check_config];
    finish(
        validate_all(&paths, |p| config::validate_file_with(p, checks)),
        &args.report,
    )
}

pub(super) fn identity_schema(args: SchemaArgs) -> Result<(), Failure> {
    finish(
        validate_all(&args.files, |p| identity_schema::validate_file(p).report),
        &args.report,
    )
}

pub(super) fn identities(args: IdentityArgs) -> Result<(), Failure> {
    let schemas = match &args.schema {
        Some(file) => IdentitySchemas::from_file(file).map_err(Failure::op)?,
        None => {
            let config_path = target::config_path(&args.project.clone().into())?;
            let doc = crate::config::Document::load(&config_path).map_err(Failure::op)?;
            IdentitySchemas::from_config(&doc.value, &doc.base_dir()).map_err(Failure::op)?
        }
    };
    finish(
        validate_all(&args.files, |p| identity::validate_file(p, &schemas)),
        &args.report,
    )
}

/// Validates files on every core, with a progress bar on a terminal.
fn validate_all(paths: &[PathBuf], validate: impl Fn(&Path) -> Report + Sync) -> Report {
    let bar = (paths.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(paths.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} validating {pos}/{len} {wide_bar} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let reports = par_map(
        paths,
        |p| validate(p),
        || {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        },
    );
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut all = Report::default();
    for report in reports {
        all.extend(report);
    }
    all
}

/// Prints the report and decides the exit code: 10 on errors (or warnings with
/// `--deny-warnings`), 0 otherwise.
fn finish(report: Report, args: &ReportArgs) -> Result<(), Failure> {
    emit(&render(&report, args.format))?;
    let (errors, warnings) = report.counts();
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        return Err(Failure::Silent(10));
    }
    Ok(())
}
