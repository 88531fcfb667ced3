//! `create|list|use|get|delete project`.

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::Context;
use super::output::{self, Failure, emit};
use crate::project::{Home, Preset, Project};

/// Output of the project commands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub(super) enum ProjectFormat {
    /// Aligned columns for people.
    #[default]
    Table,
    /// Versioned JSON for scripts.
    Json,
}

#[derive(Debug, Args)]
pub(super) struct CreateArgs {
    /// A name for the project (default: the preset and the start of the ID).
    #[arg(short, long)]
    name: Option<String>,
    /// The identity schema to start from.
    #[arg(long, value_enum, default_value_t = Preset::Email)]
    preset: Preset,
    /// Select the new project (done anyway when none is selected yet).
    #[arg(long = "use")]
    use_project: bool,
    /// Create it even if a project with this name exists (it is then found by ID only).
    #[arg(long)]
    allow_duplicate: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ProjectFormat,
}

#[derive(Debug, Args)]
pub(super) struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ProjectFormat,
}

#[derive(Debug, Args)]
pub(super) struct UseArgs {
    /// Project ID or unambiguous ID/name prefix; omit to print the selected project.
    id: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ProjectFormat,
}

#[derive(Debug, Args)]
pub(super) struct GetArgs {
    /// Project ID or unambiguous ID/name prefix (default: the selected project).
    id: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ProjectFormat,
}

#[derive(Debug, Args)]
pub(super) struct DeleteArgs {
    /// Project ID or unambiguous ID/name prefix.
    id: String,
}

/// A project as the JSON output shows it.
#[derive(Debug, Serialize)]
struct ProjectOut<'a> {
    id: &'a str,
    name: &'a str,
    preset: Preset,
    created_at: &'a str,
    config: String,
    selected: bool,
}

impl<'a> ProjectOut<'a> {
    fn new(project: &'a Project, selected: Option<&str>) -> Self {
        ProjectOut {
            id: &project.id,
            name: &project.name,
            preset: project.preset,
            created_at: &project.created_at,
            config: project.config_path().display().to_string(),
            selected: selected == Some(project.id.as_str()),
        }
    }
}

/// `{"version":1,"project":{…}}`
#[derive(Debug, Serialize)]
struct OneOut<'a> {
    version: u32,
    project: ProjectOut<'a>,
}

/// `{"version":1,"projects":[…]}`
#[derive(Debug, Serialize)]
struct ListOut<'a> {
    version: u32,
    projects: Vec<ProjectOut<'a>>,
}

fn home() -> Result<Home, Failure> {
    Home::from_env().map_err(Failure::op)
}

fn show_one(
    project: &Project,
    selected: Option<&str>,
    format: ProjectFormat,
) -> Result<(), Failure> {
    let out = ProjectOut::new(project, selected);
    match format {
        ProjectFormat::Json => output::emit_json(&OneOut {
            version: 1,
            project: out,
        }),
        ProjectFormat::Table => emit(&table(&[out])),
    }
}

fn table(rows: &[ProjectOut<'_>]) -> String {
    let header = ["ID", "NAME", "PRESET", "CREATED", "SELECTED"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|p| {
            [
                p.id.to_string(),
                p.name.to_string(),
                p.preset.to_string(),
                p.created_at.to_string(),
                if p.selected {
                    "*".into()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    columns(&header, &cells)
}

/// A JSON value as the text of a table cell: a string as it is, null as
/// nothing, anything else as JSON.
pub(super) fn json_cell(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Rows as aligned columns under a header, two spaces apart.
pub(super) fn columns<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let widths: Vec<usize> = (0..N)
        .map(|i| {
            rows.iter()
                .map(|row| row[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in std::iter::once(header.map(String::from)).chain(rows.iter().cloned()) {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub(super) fn create(args: CreateArgs, cx: Context) -> Result<(), Failure> {
    if args.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(Failure::usage("--name must not be empty"));
    }
    let home = home()?;
    if let Some(name) = args.name.as_deref().filter(|_| !args.allow_duplicate) {
        refuse_taken_name(&home, name)?;
    }
    let project = home
        .create(args.name.as_deref(), args.preset)
        .map_err(Failure::op)?;
    let select = args.use_project || home.selected().map_err(Failure::op)?.is_none();
    if select {
        home.select(&project).map_err(Failure::op)?;
    }
    output::status(
        cx,
        &format!(
            "created project `{}` ({}) in {}",
            project.name,
            project.id,
            project.dir.display()
        ),
    );
    if args.preset != Preset::Email {
        output::warning(SMS_WARNING);
    }
    let selected = home.selected().map_err(Failure::op)?;
    show_one(&project, selected.as_deref(), args.format)
}

/// Names find projects, so a second project of the same name is refused.
fn refuse_taken_name(home: &Home, name: &str) -> Result<(), Failure> {
    let projects = home.list().map_err(Failure::op)?;
    match projects.iter().find(|p| p.name == name) {
        Some(taken) => Err(Failure::op(format!(
            "a project named `{name}` exists already ({}); names select projects, so pick another --name, or pass --allow-duplicate to create it anyway",
            taken.id
        ))),
        None => Ok(()),
    }
}

/// The security warning printed whenever SMS codes are turned on (from the Ory docs).
pub(super) const SMS_WARNING: &str = "SMS one-time codes are considered insecure: SIM swapping (an attacker has the \
carrier move the number to a new SIM), SMS interception (weaknesses in the SS7 protocol), and phishing \
(users tricked into revealing their codes). Prefer more secure methods such as passkeys.";

pub(super) fn list(args: ListArgs) -> Result<(), Failure> {
    let home = home()?;
    let projects = home.list().map_err(Failure::op)?;
    let selected = home.selected().map_err(Failure::op)?;
    let rows: Vec<ProjectOut<'_>> = projects
        .iter()
        .map(|p| ProjectOut::new(p, selected.as_deref()))
        .collect();
    match args.format {
        ProjectFormat::Json => output::emit_json(&ListOut {
            version: 1,
            projects: rows,
        }),
        ProjectFormat::Table => emit(&table(&rows)),
    }
}

pub(super) fn select(args: UseArgs, cx: Context) -> Result<(), Failure> {
    let home = home()?;
    let project = match &args.id {
        Some(id) => {
            let project = home.find(id).map_err(Failure::op)?;
            home.select(&project).map_err(Failure::op)?;
            output::status(
                cx,
                &format!("selected project `{}` ({})", project.name, project.id),
            );
            project
        }
        None => selected_project(&home)?,
    };
    show_one(&project, Some(&project.id), args.format)
}

fn selected_project(home: &Home) -> Result<Project, Failure> {
    let id = home
        .selected()
        .map_err(Failure::op)?
        .ok_or_else(|| Failure::usage(home.none_selected()))?;
    home.find(&id).map_err(Failure::op)
}

pub(super) fn get(args: GetArgs) -> Result<(), Failure> {
    let home = home()?;
    let project = match &args.id {
        Some(id) => home.find(id).map_err(Failure::op)?,
        None => selected_project(&home)?,
    };
    let selected = home.selected().map_err(Failure::op)?;
    show_one(&project, selected.as_deref(), args.format)
}

pub(super) fn delete(args: DeleteArgs, cx: Context) -> Result<(), Failure> {
    let home = home()?;
    let project = home.find(&args.id).map_err(Failure::op)?;
    let question = format!(
        "Delete project `{}` ({}) and every file in {}?",
        project.name,
        project.id,
        project.dir.display()
    );
    match output::confirm(cx, &question)? {
        Some(true) => {}
        Some(false) => return Err(Failure::op("aborted; nothing was deleted")),
        None => {
            return Err(Failure::usage(
                "refusing to delete a project without confirmation: stdin is not a terminal; pass --yes",
            ));
        }
    }
    home.delete(&project).map_err(Failure::op)?;
    output::status(
        cx,
        &format!("deleted project `{}` ({})", project.name, project.id),
    );
    emit(&format!("{}\n", project.id))
}
