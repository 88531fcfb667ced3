//! Where the store lives: Kratos-style `dsn` values resolved against the config.

use std::path::{Path, PathBuf};

/// A resolved data source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dsn {
    /// A SQLite database file.
    Sqlite(PathBuf),
    /// A PostgreSQL URL, passed to the driver as given.
    Postgres(String),
}

/// Why a `dsn` could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DsnError {
    /// An in-memory database would forget every flow between two commands.
    #[error(
        "dsn `memory` is not supported: each otpctl command is its own process, so flows would be lost; use sqlite://FILE"
    )]
    Memory,
    /// The SQLite path names something that is not an SQLite database: otpctl
    /// leaves it alone rather than wait on it or write to it.
    #[error(
        "dsn: `{path}` is {what}, not an SQLite database; otpctl did not touch it (point `dsn` at a new or SQLite file)"
    )]
    NotADatabase {
        /// The file.
        path: String,
        /// What it is instead.
        what: String,
    },
    /// A scheme the engine does not speak.
    #[error("unsupported dsn scheme in `{0}`: use sqlite://FILE or postgres://…")]
    Scheme(String),
}

/// The file used when the config names no `dsn`.
pub(super) const DEFAULT_SQLITE_FILE: &str = "otpctl.db";

impl Dsn {
    /// Resolves a config's `dsn` (or its absence) against the config's directory.
    /// SQLite paths are relative to it, and Go driver options such as `_fk=true`
    /// are dropped: the engine sets its own pragmas.
    pub fn resolve(dsn: Option<&str>, base_dir: &Path) -> Result<Dsn, DsnError> {
        let Some(dsn) = dsn.map(str::trim).filter(|d| !d.is_empty()) else {
            return Ok(Dsn::Sqlite(base_dir.join(DEFAULT_SQLITE_FILE)));
        };
        if dsn == "memory" || dsn.starts_with("sqlite://file::memory:") {
            return Err(DsnError::Memory);
        }
        if dsn.starts_with("postgres://") || dsn.starts_with("postgresql://") {
            return Ok(Dsn::Postgres(dsn.to_string()));
        }
        let path = dsn
            .strip_prefix("sqlite://")
            .or_else(|| dsn.strip_prefix("sqlite:"))
            .ok_or_else(|| DsnError::Scheme(redact(dsn)))?;
        let path = path.split('?').next().unwrap_or_default();
        if path.is_empty() || path == ":memory:" {
            return Err(DsnError::Memory);
        }
        Ok(Dsn::Sqlite(base_dir.join(path)))
    }

    /// The URL handed to sqlx.
    pub fn url(&self) -> String {
        match self {
            Dsn::Sqlite(path) => format!("sqlite://{}?mode=rwc", path.display()),
            Dsn::Postgres(url) => url.clone(),
        }
    }

    /// For messages: the file, or the URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Dsn::Sqlite(path) => path.display().to_string(),
            Dsn::Postgres(url) => redact(url),
        }
    }
}

/// The first bytes of every SQLite 3 database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Checks that an existing SQLite path is a regular file that is empty (just
/// created) or starts with SQLite's header: a `dsn` naming a FIFO, a device or
/// some other file is refused at once, and nothing is written to it. Reads at
/// most 16 bytes.
pub(super) fn check_sqlite_file(path: &Path) -> Result<(), DsnError> {
    use std::io::Read;
    let refuse = |what: &str| DsnError::NotADatabase {
        path: path.display().to_string(),
        what: what.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(|e| refuse(&format!("unreadable ({e})")))?;
    if let Some(kind) = crate::config::source::file_kind(&meta) {
        return Err(refuse(kind));
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|file| file.take(16).read(&mut header))
        .map_err(|e| refuse(&format!("unreadable ({e})")))?;
    if read == header.len() && &header == SQLITE_HEADER {
        Ok(())
    } else {
        Err(refuse("another kind of file"))
    }
}

/// Hides the password of a URL's userinfo.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{tail}")
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "precious text\n").expect("write");
        let error = check_sqlite_file(&text).expect_err("not a database");
        assert!(
            error.to_string().contains("another kind of file"),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(&text).expect("read"),
            "precious text\n"
        );
        let dev = check_sqlite_file(Path::new("/dev/null")).expect_err("a device");
        assert!(dev.to_string().contains("character device"), "{dev}");
        let empty = dir.path().join("new.db");
        std::fs::write(&empty, "").expect("write");
        assert_eq!(check_sqlite_file(&empty), Ok(()));
        let db = dir.path().join("real.db");
        std::fs::write(&db, [SQLITE_HEADER.as_slice(), &[0; 84]].concat()).expect("write");
        assert_eq!(check_sqlite_file(&db), Ok(()));
    }

    #[test]
    fn sqlite_paths_are_relative_to_the_config() {
        let base = Path::new("/p");
        assert_eq!(
            Dsn::resolve(Some("sqlite://otpctl.db?_fk=true&mode=rwc"), base),
            Ok(Dsn::Sqlite(PathBuf::from("/p/otpctl.db")))
        );
        assert_eq!(
            Dsn::resolve(Some("sqlite:///var/db/k.sqlite"), base),
            Ok(Dsn::Sqlite(PathBuf::from("/var/db/k.sqlite")))
        );
        assert_eq!(
            Dsn::resolve(None, base),
            Ok(Dsn::Sqlite(PathBuf::from("/p/otpctl.db")))
        );
    }

    #[test]
    fn memory_and_unknown_schemes_are_refused() {
        let base = Path::new("/p");
        assert_eq!(Dsn::resolve(Some("memory"), base), Err(DsnError::Memory));
        assert!(matches!(
            Dsn::resolve(Some("mysql://u:secret@h/db"), base),
            Err(DsnError::Scheme(s)) if !s.contains("secret")
        ));
    }

    #[test]
    fn postgres_urls_are_described_without_password() {
        let dsn = Dsn::resolve(
            Some("postgres://app:hunter2@db:5432/kratos"),
            Path::new("/"),
        );
        assert_eq!(
            dsn.map(|d| d.describe()),
            Ok("postgres://app:***@db:5432/kratos".to_string())
        );
    }
}
