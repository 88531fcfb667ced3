//! Local projects: directories in the data dir that hold an identity config and
//! its identity schema, plus the selected-project state.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::time::format::now_rfc3339;

/// The config file every project directory holds.
pub const CONFIG_FILE: &str = "identity-config.yaml";
/// The identity schema file a preset project starts with.
pub const SCHEMA_FILE: &str = "identity.schema.json";
const META_FILE: &str = "project.json";
const STATE_FILE: &str = "state.json";

/// File names tried, in order, when a project is given as a directory path.
pub const CONFIG_CANDIDATES: &[&str] = &[
    "identity-config.yaml",
    "identity-config.yml",
    "identity-config.json",
    "kratos.yml",
    "kratos.yaml",
    "kratos.json",
];

/// The identity schema a new project starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Email address, code by email.
    Email,
    /// Phone number, code by SMS.
    Sms,
    /// Email address and phone number, code by either.
    EmailSms,
}

impl Preset {
    /// The preset's name as written in configs and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Email => "email",
            Preset::Sms => "sms",
            Preset::EmailSms => "email-sms",
        }
    }

    /// The preset's identity schema (JSON).
    pub fn identity_schema(self) -> &'static str {
        match self {
            Preset::Email => include_str!("presets/email.schema.json"),
            Preset::Sms => include_str!("presets/sms.schema.json"),
            Preset::EmailSms => include_str!("presets/email-sms.schema.json"),
        }
    }

    /// The commented `identity-config.yaml` for a new project of this preset.
    pub fn identity_config(self, name: &str) -> String {
        include_str!("presets/identity-config.yaml")
            .replace("{{name}}", name)
            .replace("{{preset}}", self.name())
            .replace("{{sms_channel}}", self.sms_channel())
            .replace("{{secret_default}}", &random_secret())
            .replace("{{secret_cookie}}", &random_secret())
    }

    /// The courier channel of presets that send SMS: a local webhook receiver, with
    /// the Ory guide's Jsonnet body (`function(ctx) { ctx: ctx }`).
    fn sms_channel(self) -> &'static str {
        match self {
            Preset::Email => "",
            Preset::Sms | Preset::EmailSms => {
                "
  # Replace the URL with your SMS provider's (the body passes `ctx` through).
  channels:
    - id: sms
      type: http
      request_config:
        url: http://127.0.0.1:4480/sms
        method: POST
        body: base64://ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0="
            }
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// 32 hex characters from the OS CSPRNG (a v4 UUID's random bits).
fn random_secret() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A project's metadata, as stored in its `project.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Project {
    /// A UUID.
    pub id: String,
    /// A human name; not necessarily unique.
    pub name: String,
    /// The preset it was created from.
    pub preset: Preset,
    /// RFC 3339 creation time.
    pub created_at: String,
    /// The project directory (not stored; known from where the file was found).
    #[serde(skip)]
    pub dir: PathBuf,
}

impl Project {
    /// The project's identity config file.
    pub fn config_path(&self) -> PathBuf {
        self.dir.join(CONFIG_FILE)
    }
}

/// Errors of the project store.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// No data directory could be determined.
    #[error("cannot find a data directory: set $OTPCTL_HOME (or $XDG_DATA_HOME or $HOME)")]
    NoHome,
    /// File-system trouble, with the path.
    #[error("{action} `{path}`: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// Where.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A metadata or state file is not what we wrote.
    #[error("`{path}` is corrupt: {message}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// No project was given and none is selected.
    #[error(
        "no project was specified: pass one (ID, name or path), set $OTPCTL_PROJECT, or run `otpctl use project ID`"
    )]
    NoneSelected,
    /// No project was given and there are none at all.
    #[error(
        "there are no projects yet: create one with `otpctl create project --name NAME`, or pass the path of a Kratos config file"
    )]
    NoProjects,
    /// Nothing matches.
    #[error("no project found with name or ID `{query}`{known}", known = list_hint(.known))]
    NotFound {
        /// What was asked for.
        query: String,
        /// The projects that exist.
        known: Vec<String>,
    },
    /// More than one project matches a prefix.
    #[error("the name or ID prefix `{query}` is not unique, use more characters; it matches: {}", .matches.join(", "))]
    Ambiguous {
        /// What was asked for.
        query: String,
        /// What it matched.
        matches: Vec<String>,
    },
    /// A path was given but holds no config.
    #[error("`{path}` holds no identity config (looked for {})", CONFIG_CANDIDATES.join(", "))]
    NoConfigInDir {
        /// The directory.
        path: PathBuf,
    },
}

fn list_hint(known: &[String]) -> String {
    if known.is_empty() {
        "; there are no projects yet (`otpctl create project`)".to_string()
    } else {
        format!("; known projects: {}", known.join(", "))
    }
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> ProjectError {
    let path = path.to_path_buf();
    move |source| ProjectError::Io {
        action,
        path,
        source,
    }
}

/// The selected-project state, as stored in `state.json`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    selected_project: Option<String>,
}

/// The data directory that holds the projects and the state file.
#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    /// `$OTPCTL_HOME`, else `$XDG_DATA_HOME/otpctl`, else `$HOME/.local/share/otpctl`.
    pub fn from_env() -> Result<Home, ProjectError> {
        let var = |name| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let root = var("OTPCTL_HOME")
            .or_else(|| var("XDG_DATA_HOME").map(|d| d.join("otpctl")))
            .or_else(|| var("HOME").map(|h| h.join(".local/share/otpctl")))
            .ok_or(ProjectError::NoHome)?;
        Ok(Home { root })
    }

    /// A home at an explicit directory.
    pub fn at(root: impl Into<PathBuf>) -> Home {
        Home { root: root.into() }
    }

    fn projects_dir(&self) -> PathBuf {
        self.root.join("projects")
    }

    /// Every project, oldest first.
    pub fn list(&self) -> Result<Vec<Project>, ProjectError> {
        let dir = self.projects_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io("failed to read", &dir)(e)),
        };
        let mut projects = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io("failed to read", &dir))?;
            let meta = entry.path().join(META_FILE);
            // Directories without metadata are half-created or foreign: not projects.
            if meta.is_file() {
                projects.push(load_meta(&meta)?);
            }
        }
        projects.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        Ok(projects)
    }

    /// Creates a project from a preset. The directory is built under a temporary
    /// name and renamed into place, so a failure leaves no half-made project.
    pub fn create(&self, name: Option<&str>, preset: Preset) -> Result<Project, ProjectError> {
        let id = uuid::Uuid::new_v4().to_string();
        let name = name.map_or_else(|| format!("{}-{}", preset.name(), &id[..8]), str::to_string);
        let projects = self.projects_dir();
        private_dir(&projects).map_err(io("failed to create", &projects))?;
        let staging = tempfile::Builder::new()
            .prefix(".creating-")
            .tempdir_in(&projects)
            .map_err(io("failed to create a directory in", &projects))?;
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(staging.path(), std::fs::Permissions::from_mode(0o700))
                .map_err(io("failed to create", staging.path()))?;
        }
        let project = Project {
            id: id.clone(),
            name: name.clone(),
            preset,
            created_at: now_rfc3339(),
            dir: projects.join(&id),
        };
        let files = [
            (CONFIG_FILE, preset.identity_config(&name)),
            (SCHEMA_FILE, preset.identity_schema().to_string()),
            (META_FILE, meta_json(&project)),
        ];
        for (file, contents) in files {
            let path = staging.path().join(file);
            write_private(&path, &contents).map_err(io("failed to write", &path))?;
        }
        let staged = staging.keep();
        std::fs::rename(&staged, &project.dir).map_err(io("failed to create", &project.dir))?;
        Ok(project)
    }

    /// Why no project could be chosen when none was given: none is selected, or
    /// there are none at all (then the way to make one is the next step).
    pub fn none_selected(&self) -> ProjectError {
        match self.list() {
            Ok(projects) if projects.is_empty() => ProjectError::NoProjects,
            Ok(_) => ProjectError::NoneSelected,
            Err(e) => e,
        }
    }

    /// Finds a project by ID, or by an unambiguous prefix of its ID or name.
    pub fn find(&self, query: &str) -> Result<Project, ProjectError> {
        let projects = self.list()?;
        if let Some(exact) = projects.iter().find(|p| p.id == query || p.name == query) {
            // An exact name can still be shared by two projects.
            let same_name: Vec<&Project> = projects.iter().filter(|p| p.name == query).collect();
            if exact.id != query && same_name.len() > 1 {
                return Err(ambiguous(query, &same_name));
            }
            return Ok(exact.clone());
        }
        let matches: Vec<&Project> = projects
            .iter()
            .filter(|p| p.id.starts_with(query) || p.name.starts_with(query))
            .collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(ProjectError::NotFound {
                query: query.to_string(),
                known: projects
                    .iter()
                    .map(|p| format!("{} ({})", p.name, p.id))
                    .collect(),
            }),
            many => Err(ambiguous(query, many)),
        }
    }

    /// Deletes a project's directory, and forgets it if it was selected.
    pub fn delete(&self, project: &Project) -> Result<(), ProjectError> {
        // Rename first so the project disappears at once, then remove the files.
        let trash = self
            .projects_dir()
            .join(format!(".deleting-{}", project.id));
        std::fs::rename(&project.dir, &trash).map_err(io("failed to delete", &project.dir))?;
        std::fs::remove_dir_all(&trash).map_err(io("failed to delete", &trash))?;
        if self.selected()?.as_deref() == Some(project.id.as_str()) {
            self.save_state(&State::default())?;
        }
        Ok(())
    }

    /// The ID of the selected project, if any.
    pub fn selected(&self) -> Result<Option<String>, ProjectError> {
        let path = self.root.join(STATE_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str::<State>(&text)
                .map(|s| s.selected_project)
                .map_err(|e| ProjectError::Corrupt {
                    path,
                    message: e.to_string(),
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io("failed to read", &path)(e)),
        }
    }

    /// Makes `project` the selected one.
    pub fn select(&self, project: &Project) -> Result<(), ProjectError> {
        self.save_state(&State {
            selected_project: Some(project.id.clone()),
        })
    }

    fn save_state(&self, state: &State) -> Result<(), ProjectError> {
        let path = self.root.join(STATE_FILE);
        private_dir(&self.root).map_err(io("failed to create", &self.root))?;
        let text = serde_json::to_string_pretty(state).unwrap_or_default();
        let write_err = |e: crate::config::WriteError| ProjectError::Io {
            action: "failed to write",
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        };
        let _lock = crate::config::lock_dir(&self.root).map_err(write_err)?;
        crate::config::write_atomic(&path, text.as_bytes(), false).map_err(|e| ProjectError::Io {
            action: "failed to write",
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })
    }
}

/// Creates a directory and its missing parents private to their owner (`0700`): a
/// project holds secrets (the config) and codes (the database).
fn private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// Writes a new file readable by its owner only (`0600`).
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?
        .write_all(contents.as_bytes())
}

fn ambiguous(query: &str, matches: &[&Project]) -> ProjectError {
    ProjectError::Ambiguous {
        query: query.to_string(),
        matches: matches
            .iter()
            .map(|p| format!("{} ({})", p.name, p.id))
            .collect(),
    }
}

fn meta_json(project: &Project) -> String {
    let mut text = serde_json::to_string_pretty(project).unwrap_or_default();
    text.push('\n');
    text
}

fn load_meta(path: &Path) -> Result<Project, ProjectError> {
    let text = std::fs::read_to_string(path).map_err(io("failed to read", path))?;
    let mut project: Project = serde_json::from_str(&text).map_err(|e| ProjectError::Corrupt {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    project.dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(project)
}

/// The config file a path names: the file itself, or the first known config file
/// name inside a directory.
pub fn config_in(path: &Path) -> Result<PathBuf, ProjectError> {
    if path.is_dir() {
        CONFIG_CANDIDATES
            .iter()
            .map(|name| path.join(name))
            .find(|candidate| candidate.is_file())
            .ok_or_else(|| ProjectError::NoConfigInDir {
                path: path.to_path_buf(),
            })
    } else {
        Ok(path.to_path_buf())
    }
}

/// Whether a project argument is meant as a path rather than an ID or name.
pub fn looks_like_path(arg: &str) -> bool {
    arg == "-"
        || arg.contains(std::path::MAIN_SEPARATOR)
        || arg.contains('/')
        || arg.starts_with('.')
        || crate::config::Format::from_extension(Path::new(arg)).is_some()
        || Path::new(arg).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_fill_every_placeholder() {
        for preset in [Preset::Email, Preset::Sms, Preset::EmailSms] {
            let text = preset.identity_config("demo");
            assert!(!text.contains("{{"), "{preset}: {text}");
            assert!(serde_yaml::from_str::<serde_json::Value>(&text).is_ok());
            assert!(serde_json::from_str::<serde_json::Value>(preset.identity_schema()).is_ok());
        }
    }

    #[test]
    fn prefixes_resolve_and_ambiguity_is_reported() -> Result<(), ProjectError> {
        let dir = tempfile::tempdir().map_err(io("tempdir", Path::new("/tmp")))?;
        let home = Home::at(dir.path());
        let a = home.create(Some("alpha"), Preset::Email)?;
        home.create(Some("alpine"), Preset::Sms)?;
        assert_eq!(home.find("alph")?.id, a.id);
        assert_eq!(home.find(&a.id[..6])?.id, a.id);
        assert!(matches!(
            home.find("al"),
            Err(ProjectError::Ambiguous { .. })
        ));
        assert!(matches!(
            home.find("zzz"),
            Err(ProjectError::NotFound { .. })
        ));
        Ok(())
    }
}
