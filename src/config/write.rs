//! Writing a config: atomically (temp file, fsync, rename) and under an exclusive
//! lock, so concurrent writers never lose an update and a reader never sees half a file.
//! The file keeps its identity: a symlink is followed and its target written, owner,
//! group and mode are kept, and a read-only or hard-linked file is replaced only
//! when forced.

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::MetadataExt;
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
    /// The file has no write permission; replacing it would ignore that.
    #[error(
        "`{path}` is read-only (mode {mode:04o}); it was not changed (pass --force to replace it anyway, keeping its mode)"
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The file has other names; a new file would leave them with the old config.
    #[error(
        "`{path}` has {links} hard links; writing a new file would break them (the other names would keep the old config), so it was not changed (pass --force to break the link)"
    )]
    HardLinked {
        /// The file.
        path: PathBuf,
        /// How many names it has.
        links: u64,
    },
    /// The new file could not be given the old one's owner and group.
    #[error(
        "`{path}` is owned by {uid}:{gid}, which this user cannot give the new file ({source}); it was not changed (pass --force to write it anyway)"
    )]
    Owner {
        /// The file.
        path: PathBuf,
        /// The owner to keep.
        uid: u32,
        /// The group to keep.
        gid: u32,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The file a write to `path` really changes: the target of a symlink (followed to
/// the end), else `path` itself.
pub fn write_target(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
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

/// The prefix and suffix of our temporary files, around six random characters.
const TEMP_PREFIX: &str = ".otpctl-";
const TEMP_SUFFIX: &str = ".tmp";

/// Removes the temporary files a killed writer left in `dir` (`.otpctl-XXXXXX.tmp`,
/// regular files only). Called by a writer holding the lock; failures are left for
/// the next time.
fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours = name
            .strip_prefix(TEMP_PREFIX)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
            .is_some_and(|random| {
                random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Replaces `path` with `contents`: a temporary file in the same directory is
/// written, flushed to disk and renamed over the target. The rename is atomic and the
/// data is on disk before it, so after a crash the file holds either the old or the
/// new config, complete.
///
/// The file keeps its identity: a symlink is followed and its target replaced (the
/// caller locks the target's directory, see [`write_target`]); the new file gets the
/// old one's mode, owner and group. A read-only file, a file with other hard links,
/// and one whose owner cannot be kept are refused unless `force`. The caller holds
/// [`lock_dir`] on the target's directory.
pub fn write_atomic(path: &Path, contents: &[u8], force: bool) -> Result<(), WriteError> {
    let target = write_target(path);
    let write_err = |source| WriteError::Write {
        path: path.to_path_buf(),
        source,
    };
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(write_err(e)),
    };
    if let Some(meta) = existing.as_ref().filter(|_| !force) {
        if meta.permissions().readonly() {
            return Err(WriteError::ReadOnly {
                path: path.to_path_buf(),
                mode: meta.mode() & 0o7777,
            });
        }
        if meta.nlink() > 1 {
            return Err(WriteError::HardLinked {
                path: path.to_path_buf(),
                links: meta.nlink(),
            });
        }
    }
    let dir = super::parent_dir(&target);
    // Every writer in `dir` holds its lock (see `lock_dir`): a temporary file there
    // now is one whose writer was killed. Removed at a write, so that a command that
    // fails changes nothing on disk.
    remove_stale_temp_files(dir);
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(write_err)?;
    if let Some(meta) = &existing {
        keep_owner(temp.as_file(), meta, force).map_err(|source| WriteError::Owner {
            path: path.to_path_buf(),
            uid: meta.uid(),
            gid: meta.gid(),
            source,
        })?;
        // After the owner: a change of owner may clear set-id bits.
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(write_err)?;
    }
    temp.write_all(contents).map_err(write_err)?;
    temp.as_file().sync_all().map_err(write_err)?;
    temp.persist(&target).map_err(|e| write_err(e.error))?;
    // The rename is durable only once the directory entry is on disk too.
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(write_err)?;
    Ok(())
}

/// Gives `file` the owner and group of `meta`. Only root may give a file away; a
/// user who may not is refused unless `force`, which keeps what it can (the group).
fn keep_owner(file: &File, meta: &std::fs::Metadata, force: bool) -> std::io::Result<()> {
    let current = file.metadata()?;
    if (current.uid(), current.gid()) == (meta.uid(), meta.gid()) {
        return Ok(());
    }
    match std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())) {
        Ok(()) => Ok(()),
        Err(_) if force => {
            let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
            Ok(())
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_temp_files_are_removed() {
        let dir = tempfile::tempdir().expect("dir");
        let ours = dir.path().join(".otpctl-Ab12Cd.tmp");
        let keep = [
            ".otpctl-notes.tmp",
            ".otpctl-Ab12Cd.txt",
            "otpctl-Ab12Cd.tmp",
        ];
        std::fs::write(&ours, "x").expect("write");
        for name in keep {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        std::fs::create_dir(dir.path().join(".otpctl-Dir123.tmp")).expect("mkdir");
        let _lock = lock_dir(dir.path()).expect("lock");
        assert!(ours.exists(), "a lock alone changes nothing");
        write_atomic(&dir.path().join("kratos.yaml"), b"a: 1\n", false).expect("write");
        assert!(!ours.exists());
        for name in keep {
            assert!(dir.path().join(name).exists(), "{name}");
        }
        assert!(dir.path().join(".otpctl-Dir123.tmp").exists());
    }
}
