//! Writing a config: atomically (temp file, fsync, rename) and under an exclusive
//! lock, so concurrent writers never lose an update and a reader never sees half a file.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a write did not happen; the file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Taking the lock failed.
    #[error("failed to lock `{path}`: {source}")]
    Lock {
        /// What was locked.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Writing the temporary file or renaming it failed.
    #[error("failed to write `{path}`: {source}")]
    Write {
        /// The target file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Holds an exclusive lock on a directory's config files until dropped.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

/// Takes the exclusive lock that serialises read-modify-write cycles on the configs
/// in `dir`, waiting for other holders. The lock is on the directory itself, so
/// nothing is left behind in the user's tree.
pub fn lock_dir(dir: &Path) -> Result<DirLock, WriteError> {
    let lock_err = |source| WriteError::Lock {
        path: dir.to_path_buf(),
        source,
    };
    let file = File::open(dir).map_err(lock_err)?;
    file.lock().map_err(lock_err)?;
    Ok(DirLock { _file: file })
}

/// Replaces `path` with `contents`: a temporary file in the same directory is
/// written, flushed to disk and renamed over the target, keeping its permissions.
/// The rename is atomic and the data is on disk before it, so after a crash the
/// file holds either the old or the new config, complete. (The directory is not
/// synced: that would only decide which of the two, at the cost of a second fsync.)
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let write_err = |source| WriteError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = super::parent_dir(path);
    let mut temp = tempfile::Builder::new()
        .prefix(".otpctl-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(write_err)?;
    if let Ok(meta) = std::fs::metadata(path) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(write_err)?;
    }
    temp.write_all(contents).map_err(write_err)?;
    temp.as_file().sync_all().map_err(write_err)?;
    temp.persist(path).map_err(|e| write_err(e.error))?;
    // The rename is durable only once the directory entry is on disk too.
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(write_err)?;
    Ok(())
}
