//! Kratos' public and admin HTTP APIs, called over `reqwest`: the flows,
//! whoami, identities and courier messages, with the paths, query parameters
//! and headers Kratos' SDKs use. What comes back is untrusted: bodies are read
//! up to a limit, and an answer that is not JSON is an error that says so.

use std::time::Duration;

use reqwest::header::{ACCEPT, HeaderMap, LINK};
use reqwest::{Client, Method, RequestBuilder, Url};
use serde_json::Value;

use super::reply::Reply;
use crate::engine::FlowKind;

/// How long to wait for a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a whole request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest answer read (a page of 1,000 identities fits).
const BODY_LIMIT: usize = 16 << 20;

/// Why a call got no answer to read.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// An endpoint that is not an http(s) URL.
    #[error("{flag} {url:?} is not an http:// or https:// URL")]
    BadUrl {
        /// `--endpoint` or `--admin-endpoint`.
        flag: &'static str,
        /// What was given.
        url: String,
    },
    /// A call to an API whose endpoint was not given.
    #[error("{what} calls Kratos' {api} API: give {flag} URL")]
    Missing {
        /// The command or step.
        what: String,
        /// `public` or `admin`.
        api: &'static str,
        /// The flag that names it.
        flag: &'static str,
    },
    /// No connection, a timeout, or a broken answer.
    #[error("cannot reach {url}: {reason}")]
    Unreachable {
        /// Where (never with credentials).
        url: String,
        /// Why, with the causes.
        reason: String,
    },
    /// A body that is not JSON (not a Kratos, or a proxy's error page).
    #[error("{url} answered {status} with a body that is not JSON; is it a Kratos API?")]
    NotJson {
        /// Where.
        url: String,
        /// The status.
        status: u16,
    },
    /// A body over [`BODY_LIMIT`].
    #[error("{url} answered with more than {limit} bytes")]
    TooLarge {
        /// Where.
        url: String,
        /// The limit.
        limit: usize,
    },
    /// The client could not be built.
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
}

/// The filters and page of a courier message listing.
#[derive(Debug, Clone, Copy, Default)]
pub struct MessageQuery<'a> {
    /// `queued`, `processing`, `sent` or `abandoned`.
    pub status: Option<&'a str>,
    /// An address or number.
    pub recipient: Option<&'a str>,
}

/// A Kratos reached over HTTP.
#[derive(Debug, Clone)]
pub struct Remote {
    http: Client,
    public: Option<Url>,
    admin: Option<Url>,
}

impl Remote {
    /// A client of the public API at `public` and the admin API at `admin`;
    /// either may be absent, and calls to it are then refused.
    pub fn new(public: Option<&str>, admin: Option<&str>) -> Result<Remote, ClientError> {
        crate::courier::delivery::install_crypto_provider();
        let http = Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            // Kratos' API answers never redirect; a redirect would be a proxy's.
            .redirect(reqwest::redirect::Policy::none())
            .retry(reqwest::retry::never())
            .build()
            .map_err(|e| ClientError::Client(e.to_string()))?;
        Ok(Remote {
            http,
            public: public.map(|u| base_url("--endpoint", u)).transpose()?,
            admin: admin.map(|u| base_url("--admin-endpoint", u)).transpose()?,
        })
    }

    /// Whether the admin API was given.
    pub fn has_admin(&self) -> bool {
        self.admin.is_some()
    }

    /// `GET /self-service/{kind}/api`: a new native flow.
    pub async fn create_flow(&self, kind: FlowKind) -> Result<Reply, ClientError> {
        let url = self.public_url(kind, &["self-service", kind.as_str(), "api"])?;
        self.call(self.http.get(url)).await
    }

    /// `GET /self-service/{kind}/flows?id=`.
    pub async fn get_flow(&self, kind: FlowKind, id: &str) -> Result<Reply, ClientError> {
        let mut url = self.public_url(kind, &["self-service", kind.as_str(), "flows"])?;
        url.query_pairs_mut().append_pair("id", id);
        self.call(self.http.get(url)).await
    }

    /// `POST /self-service/{kind}?flow=` with a JSON body.
    pub async fn submit(
        &self,
        kind: FlowKind,
        id: &str,
        body: &Value,
    ) -> Result<Reply, ClientError> {
        let mut url = self.public_url(kind, &["self-service", kind.as_str()])?;
        url.query_pairs_mut().append_pair("flow", id);
        self.call(self.http.post(url).json(body)).await
    }

    /// `GET /sessions/whoami` with `X-Session-Token`.
    pub async fn whoami(&self, token: &str) -> Result<Reply, ClientError> {
        let url = join(
            self.endpoint(&self.public, "whoami", "public", "--endpoint")?,
            &["sessions", "whoami"],
        );
        self.call(self.http.get(url).header("X-Session-Token", token))
            .await
    }

    /// `DELETE /self-service/logout/api` with `{"session_token"}`.
    pub async fn logout(&self, token: &str) -> Result<Reply, ClientError> {
        let base = self.endpoint(&self.public, "logout", "public", "--endpoint")?;
        let url = join(base, &["self-service", "logout", "api"]);
        let body = serde_json::json!({ "session_token": token });
        self.call(self.http.request(Method::DELETE, url).json(&body))
            .await
    }

    /// `GET /admin/identities`, one page.
    pub async fn list_identities(
        &self,
        page_size: i64,
        page_token: Option<&str>,
    ) -> Result<Reply, ClientError> {
        let mut url = self.admin_url("listing identities", &["identities"])?;
        page(&mut url, page_size, page_token);
        self.call(self.http.get(url)).await
    }

    /// `GET /admin/identities/{id}`.
    pub async fn get_identity(&self, id: &str) -> Result<Reply, ClientError> {
        let url = self.admin_url("showing an identity", &["identities", id])?;
        self.call(self.http.get(url)).await
    }

    /// `POST /admin/identities`.
    pub async fn create_identity(&self, body: &Value) -> Result<Reply, ClientError> {
        let url = self.admin_url("importing identities", &["identities"])?;
        self.call(self.http.post(url).json(body)).await
    }

    /// `DELETE /admin/identities/{id}`.
    pub async fn delete_identity(&self, id: &str) -> Result<Reply, ClientError> {
        let url = self.admin_url("deleting an identity", &["identities", id])?;
        self.call(self.http.request(Method::DELETE, url)).await
    }

    /// `GET /admin/courier/messages`, one page.
    pub async fn list_messages(
        &self,
        query: MessageQuery<'_>,
        page_size: i64,
        page_token: Option<&str>,
    ) -> Result<Reply, ClientError> {
        let mut url = self.admin_url("listing courier messages", &["courier", "messages"])?;
        page(&mut url, page_size, page_token);
        {
            let mut pairs = url.query_pairs_mut();
            if let Some(status) = query.status {
                pairs.append_pair("status", status);
            }
            if let Some(recipient) = query.recipient {
                pairs.append_pair("recipient", recipient);
            }
        }
        self.call(self.http.get(url)).await
    }

    /// `GET /admin/courier/messages/{id}`.
    pub async fn get_message(&self, id: &str) -> Result<Reply, ClientError> {
        let url = self.admin_url("showing a courier message", &["courier", "messages", id])?;
        self.call(self.http.get(url)).await
    }

    fn public_url(&self, kind: FlowKind, path: &[&str]) -> Result<Url, ClientError> {
        let what = format!("a {} flow", kind.as_str());
        Ok(join(
            self.endpoint(&self.public, &what, "public", "--endpoint")?,
            path,
        ))
    }

    fn admin_url(&self, what: &str, path: &[&str]) -> Result<Url, ClientError> {
        let base = self.endpoint(&self.admin, what, "admin", "--admin-endpoint")?;
        let mut full = vec!["admin"];
        full.extend_from_slice(path);
        Ok(join(base, &full))
    }

    fn endpoint<'a>(
        &self,
        url: &'a Option<Url>,
        what: &str,
        api: &'static str,
        flag: &'static str,
    ) -> Result<&'a Url, ClientError> {
        url.as_ref().ok_or_else(|| ClientError::Missing {
            what: what.to_string(),
            api,
            flag,
        })
    }

    async fn call(&self, request: RequestBuilder) -> Result<Reply, ClientError> {
        let request = request
            .header(ACCEPT, "application/json")
            .build()
            .map_err(|e| ClientError::Client(e.to_string()))?;
        let shown = shown_url(request.url());
        let mut response = self
            .http
            .execute(request)
            .await
            .map_err(|e| unreachable(&shown, &e))?;
        let status = response.status().as_u16();
        let next_page = next_page_token(response.headers());
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| unreachable(&shown, &e))?
        {
            if bytes.len() + chunk.len() > BODY_LIMIT {
                return Err(ClientError::TooLarge {
                    url: shown,
                    limit: BODY_LIMIT,
                });
            }
            bytes.extend_from_slice(&chunk);
        }
        let body = if bytes.iter().all(u8::is_ascii_whitespace) {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .map_err(|_| ClientError::NotJson { url: shown, status })?
        };
        Ok(Reply {
            status,
            body,
            next_page,
        })
    }
}

/// An endpoint as given, checked; a trailing `/admin` (as `otpctl serve`
/// prints its admin API) is the API's own prefix and is left to the calls.
fn base_url(flag: &'static str, given: &str) -> Result<Url, ClientError> {
    let bad = || ClientError::BadUrl {
        flag,
        url: given.to_string(),
    };
    let mut url = Url::parse(given).map_err(|_| bad())?;
    if !matches!(url.scheme(), "http" | "https") || url.cannot_be_a_base() || url.host().is_none() {
        return Err(bad());
    }
    url.set_query(None);
    url.set_fragment(None);
    if flag == "--admin-endpoint" {
        let trimmed = url.path().trim_end_matches('/');
        if let Some(prefix) = trimmed.strip_suffix("/admin") {
            let prefix = prefix.to_string();
            url.set_path(&prefix);
        }
    }
    Ok(url)
}

/// `base` with `segments` appended, each escaped (an id cannot add a `/`).
fn join(base: &Url, segments: &[&str]) -> Url {
    let mut url = base.clone();
    if let Ok(mut path) = url.path_segments_mut() {
        path.pop_if_empty().extend(segments);
    }
    url
}

fn page(url: &mut Url, page_size: i64, page_token: Option<&str>) {
    let mut pairs = url.query_pairs_mut();
    pairs.append_pair("page_size", &page_size.to_string());
    if let Some(token) = page_token {
        pairs.append_pair("page_token", token);
    }
}

/// The `page_token` of the `Link` header's `rel="next"` URL.
fn next_page_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(LINK)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter(|link| link.contains("rel=\"next\""))
        .find_map(|link| {
            let target = link.split_once('<')?.1.split_once('>')?.0;
            let url = Url::parse("http://link.invalid").ok()?.join(target).ok()?;
            url.query_pairs()
                .find(|(name, _)| name == "page_token")
                .map(|(_, token)| token.into_owned())
        })
}

/// A URL for messages: without user name, password or query.
fn shown_url(url: &Url) -> String {
    let mut shown = url.clone();
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    shown.set_query(None);
    shown.to_string()
}

fn unreachable(url: &str, error: &reqwest::Error) -> ClientError {
    let mut reason = if error.is_timeout() {
        "timed out".to_string()
    } else if error.is_connect() {
        "no connection".to_string()
    } else {
        "the request failed".to_string()
    };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        reason.push_str(": ");
        reason.push_str(&cause.to_string());
        source = cause.source();
    }
    ClientError::Unreachable {
        url: url.to_string(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_keep_their_path_and_ids_are_escaped() {
        let base = base_url("--endpoint", "https://x.example/kratos/").expect("url");
        assert_eq!(
            join(&base, &["self-service", "login", "api"]).as_str(),
            "https://x.example/kratos/self-service/login/api"
        );
        let admin = base_url("--admin-endpoint", "http://127.0.0.1:4434/admin/").expect("url");
        assert_eq!(
            join(&admin, &["admin", "identities", "../x?y"]).as_str(),
            "http://127.0.0.1:4434/admin/identities/..%2Fx%3Fy"
        );
        for bad in ["ftp://x", "127.0.0.1:4433", "http://", "mailto:a@b.c"] {
            assert!(base_url("--endpoint", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_next_page_token_is_read_from_the_link_header() {
        let mut headers = HeaderMap::new();
        headers.insert(
            LINK,
            "</admin/identities?page_size=2&page_token=b>; rel=\"next\", </admin/identities?page_size=2&page_token=a>; rel=\"first\""
                .parse()
                .expect("header"),
        );
        assert_eq!(next_page_token(&headers).as_deref(), Some("b"));
        assert_eq!(next_page_token(&HeaderMap::new()), None);
    }

    #[test]
    fn credentials_never_reach_a_message() {
        let url = Url::parse("http://user:secret@h/p?token=t").expect("url");
        assert_eq!(shown_url(&url), "http://h/p");
    }
}
