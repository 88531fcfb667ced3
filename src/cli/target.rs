//! Which config file a command works on: positional argument > `--project` >
//! `$OTPCTL_PROJECT` > the selected project; each an ID, a prefix, or a path.

use std::path::PathBuf;

use super::{Failure, ProjectArg};
use crate::project::{self, Home};

/// Resolves the project argument to a config file path.
pub(super) fn config_path(arg: &ProjectArg) -> Result<PathBuf, Failure> {
    arg.flag.apply_allow_outside();
    let given = arg.given();
    if let Some(given) = given.filter(|g| project::looks_like_path(g)) {
        return project::config_in(std::path::Path::new(given)).map_err(Failure::op);
    }
    let home = Home::from_env().map_err(Failure::op)?;
    let query = match given {
        Some(query) => query.to_string(),
        None => home
            .selected()
            .map_err(Failure::op)?
            .ok_or_else(|| Failure::usage(home.none_selected()))?,
    };
    Ok(home.find(&query).map_err(Failure::op)?.config_path())
}
