//! Reading the files a config refers to by URL: `file://` (relative to the config),
//! `base64://` (any of the four base64 alphabets), and plain paths.

use std::path::{Path, PathBuf};

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
    std::fs::read_to_string(&path).map_err(|source| SourceError::File {
        url: url.to_string(),
        path,
        source,
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
