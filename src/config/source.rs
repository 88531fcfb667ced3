//! Reading the files a config refers to by URL: `file://` (relative to the config),
//! `base64://` (any of the four base64 alphabets), and plain paths.
//!
//! A config may come from someone we do not trust (a pull request in CI), so a
//! `file://` reference reaches only the config's tree: its directory, or the root of
//! the git repository it is in, plus what `--allow-outside` adds. It must be a
//! regular file (no device, FIFO or socket, nothing under `/proc`) and is read up to
//! [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES). Every loader of referenced files
//! (identity schemas, templates, Jsonnet bodies) comes through [`read_source`] or
//! [`check_reference`], so the rule holds for `validate` and the engine alike.

use std::path::{Component, Path, PathBuf};
use std::sync::RwLock;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};

/// Why a referenced source could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// A `file://` target could not be read.
    #[error("cannot read `{url}` ({path}): {source}")]
    File {
        /// The URL as written.
        url: String,
        /// Where it resolved to.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A `base64://` payload does not decode in any alphabet, or is not UTF-8.
    #[error("`{url}` is not valid base64 text")]
    Base64 {
        /// The URL, shortened.
        url: String,
    },
    /// `http(s)://` sources are not fetched by otpctl.
    #[error("`{url}` is a remote source; otpctl reads only file:// and base64:// sources")]
    Remote {
        /// The URL.
        url: String,
    },
    /// A `file://` target outside the config's tree (and outside `--allow-outside`):
    /// it was not read.
    #[error(
        "`{url}` resolves to `{path}`, outside the config's tree `{root}`; it was not read (pass --allow-outside to allow it)"
    )]
    OutsideTree {
        /// The URL as written.
        url: String,
        /// Where it resolved to.
        path: PathBuf,
        /// The tree it had to stay in.
        root: PathBuf,
    },
    /// A `file://` target that is a device, FIFO, socket or directory, or in `/proc`.
    #[error("`{url}` ({path}) is not a regular file ({kind}); it was not read")]
    NotRegular {
        /// The URL as written.
        url: String,
        /// Where it resolved to.
        path: PathBuf,
        /// What it is instead.
        kind: &'static str,
    },
    /// A `file://` target over the size limit.
    #[error("`{url}` ({path}) is over the {limit} byte limit")]
    TooLarge {
        /// The URL as written.
        url: String,
        /// Where it resolved to.
        path: PathBuf,
        /// The limit.
        limit: u64,
    },
}

/// Trees beyond the config's own that `file://` references may reach
/// (`--allow-outside`), canonical; set once by the command line.
static ALLOWED_OUTSIDE: RwLock<Vec<PathBuf>> = RwLock::new(Vec::new());

/// Lets `file://` references reach into these directories (or files) too, for the
/// rest of the process (`--allow-outside PATH`).
pub fn allow_outside(paths: &[PathBuf]) {
    let mut canonical: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| absolute(p)))
        .collect();
    if let Ok(mut allowed) = ALLOWED_OUTSIDE.write() {
        allowed.append(&mut canonical);
    }
}

/// The tree `file://` references of a config in `base_dir` must stay in: the root
/// of the git repository `base_dir` is in, else `base_dir` itself (canonical).
pub fn tree_root(base_dir: &Path) -> PathBuf {
    let base = std::fs::canonicalize(base_dir).unwrap_or_else(|_| absolute(base_dir));
    base.ancestors()
        .find(|dir| dir.join(".git").exists())
        .map_or_else(|| base.clone(), Path::to_path_buf)
}

/// Checks a `file://` reference against the tree rule without reading it: `None`
/// when `url` is not a `file://` URL, else the path to read (as written, joined to
/// `base_dir`) or why it may not be read. A target outside the tree is refused on
/// its name alone, before anything about it is looked up.
pub fn check_reference(url: &str, base_dir: &Path) -> Option<Result<PathBuf, SourceError>> {
    let path = file_url_path(url, base_dir)?;
    Some(check_path(url, &path, base_dir).map(|()| path))
}

fn check_path(url: &str, path: &Path, base_dir: &Path) -> Result<(), SourceError> {
    let root = tree_root(base_dir);
    let base = std::fs::canonicalize(base_dir).unwrap_or_else(|_| absolute(base_dir));
    let written = Path::new(url.strip_prefix("file://").unwrap_or(url));
    let lexical = normalize(&base.join(written));
    let outside = |resolved: &Path| SourceError::OutsideTree {
        url: url.to_string(),
        path: resolved.to_path_buf(),
        root: root.clone(),
    };
    let not_regular = |kind| SourceError::NotRegular {
        url: url.to_string(),
        path: path.to_path_buf(),
        kind,
    };
    if in_proc(&lexical) {
        return Err(not_regular("a /proc file"));
    }
    if !allowed(&lexical, &root) {
        return Err(outside(&lexical));
    }
    // Inside by name: follow symlinks, and check where they really lead.
    let real = std::fs::canonicalize(path).map_err(|source| SourceError::File {
        url: url.to_string(),
        path: path.to_path_buf(),
        source,
    })?;
    if in_proc(&real) {
        return Err(not_regular("a /proc file"));
    }
    if !allowed(&real, &root) {
        return Err(outside(&real));
    }
    let meta = std::fs::metadata(&real).map_err(|source| SourceError::File {
        url: url.to_string(),
        path: path.to_path_buf(),
        source,
    })?;
    match file_kind(&meta) {
        None => Ok(()),
        Some(kind) => Err(not_regular(kind)),
    }
}

/// What a file is when it is not a regular file.
pub fn file_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let ty = meta.file_type();
    if ty.is_file() {
        None
    } else if ty.is_dir() {
        Some("a directory")
    } else if ty.is_char_device() {
        Some("a character device")
    } else if ty.is_block_device() {
        Some("a block device")
    } else if ty.is_fifo() {
        Some("a FIFO")
    } else if ty.is_socket() {
        Some("a socket")
    } else {
        Some("not a file")
    }
}

fn in_proc(path: &Path) -> bool {
    path.starts_with("/proc")
}

fn allowed(path: &Path, root: &Path) -> bool {
    path.starts_with(root)
        || ALLOWED_OUTSIDE
            .read()
            .is_ok_and(|allowed| allowed.iter().any(|a| path.starts_with(a)))
}

/// `path` made absolute against the working directory, without touching the disk.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path)
        .map(|p| normalize(&p))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Removes `.` and resolves `..` by name (the disk is not asked).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Where a `file://` URL points, relative paths taken from `base_dir` (the config's
/// directory, unlike the Ory CLI, which uses the working directory).
pub fn file_url_path(url: &str, base_dir: &Path) -> Option<PathBuf> {
    let rest = url.strip_prefix("file://")?;
    let path = Path::new(rest);
    Some(if path.is_absolute() {
        path.to_path_buf()
    } else {
        base_dir.join(path)
    })
}

/// Reads the text a URL refers to.
pub fn read_source(url: &str, base_dir: &Path) -> Result<String, SourceError> {
    if let Some(payload) = url.strip_prefix("base64://") {
        return decode_base64(payload).ok_or_else(|| SourceError::Base64 { url: shorten(url) });
    }
    if url.starts_with("http://") || url.starts_with("https://") {
        return Err(SourceError::Remote {
            url: url.to_string(),
        });
    }
    let path = file_url_path(url, base_dir).unwrap_or_else(|| base_dir.join(url));
    check_path(url, &path, base_dir)?;
    let file_err = |source| SourceError::File {
        url: url.to_string(),
        path: path.clone(),
        source,
    };
    let bytes = super::read_limited(std::fs::File::open(&path).map_err(file_err)?)
        .map_err(file_err)?
        .ok_or_else(|| SourceError::TooLarge {
            url: url.to_string(),
            path: path.clone(),
            limit: super::MAX_FILE_BYTES,
        })?;
    String::from_utf8(bytes).map_err(|e| {
        file_err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not UTF-8 text: {}", e.utf8_error()),
        ))
    })
}

/// Decodes base64 in the standard or URL-safe alphabet, padded or not, as Ory does.
pub fn decode_base64(payload: &str) -> Option<String> {
    let payload = payload.trim();
    [STANDARD, URL_SAFE, URL_SAFE_NO_PAD, STANDARD_NO_PAD]
        .iter()
        .find_map(|engine| engine.decode(payload).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok())
}

/// `base64://` followed by the standard, padded encoding (what the Ory CLI writes).
pub fn encode_base64(text: &str) -> String {
    format!("base64://{}", STANDARD.encode(text))
}

fn shorten(url: &str) -> String {
    match url.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &url[..i]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_four_alphabets_decode() {
        // "function(ctx) {\r\nctx: ctx,\r\n}" from the Ory SMS guide, in each alphabet.
        let text = "function(ctx) {\r\nctx: ctx,\r\n}";
        for engine in [STANDARD, URL_SAFE, URL_SAFE_NO_PAD, STANDARD_NO_PAD] {
            assert_eq!(decode_base64(&engine.encode(text)).as_deref(), Some(text));
        }
        assert_eq!(
            decode_base64("ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0=").as_deref(),
            Some(text)
        );
    }

    #[test]
    fn references_stay_in_the_tree() {
        let dir = tempfile::tempdir().expect("dir");
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(&repo).expect("mkdir");
        std::fs::write(repo.join("s.json"), "{}").expect("write");
        std::fs::write(dir.path().join(".env"), "SECRET=1").expect("write");
        assert!(matches!(
            check_reference("file://s.json", &repo),
            Some(Ok(_))
        ));
        for url in [
            "file://../.env",
            "file:///etc/passwd",
            "file://./../repo/../.env",
        ] {
            assert!(
                matches!(
                    check_reference(url, &repo),
                    Some(Err(SourceError::OutsideTree { .. }))
                ),
                "{url}"
            );
        }
        assert!(matches!(
            read_source("file:///proc/self/environ", &repo),
            Err(SourceError::NotRegular { .. })
        ));
        assert!(check_reference("base64://e30=", &repo).is_none());
    }

    #[test]
    fn file_urls_are_relative_to_the_config() {
        let base = Path::new("/etc/kratos");
        assert_eq!(
            file_url_path("file://schema.json", base),
            Some(PathBuf::from("/etc/kratos/schema.json"))
        );
        assert_eq!(
            file_url_path("file:///abs/s.json", base),
            Some(PathBuf::from("/abs/s.json"))
        );
    }
}
