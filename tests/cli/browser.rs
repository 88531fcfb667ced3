//! Browser flows over HTTP, as a browser without JavaScript drives them:
//! the CSRF cookie, the self-service pages, form posts, 303s, the session
//! cookie, and Kratos' CSRF error for a wrong token.

use std::collections::BTreeMap;

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use serde_json::Value;

use crate::lab::Backend;
use crate::served::{Served, project_on};
use crate::support::{World, stdout};

/// A browser: follows nothing by itself, keeps cookies.
struct Browser {
    runtime: tokio::runtime::Runtime,
    http: reqwest::Client,
    cookies: BTreeMap<String, String>,
}

/// What came back: status, `Location`, body.
struct Page {
    status: u16,
    location: Option<String>,
    body: String,
}

impl Browser {
    fn new() -> Browser {
        let _ = rustls::crypto::ring::default_provider().install_default();
        Browser {
            runtime: tokio::runtime::Runtime::new().expect("runtime"),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            cookies: BTreeMap::new(),
        }
    }

    fn send(&mut self, request: reqwest::RequestBuilder) -> Page {
        let cookie_line = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let request = if cookie_line.is_empty() {
            request
        } else {
            request.header(COOKIE, cookie_line)
        };
        let (status, location, set, body) = self.runtime.block_on(async {
            let response = request.send().await.expect("an answer");
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get(LOCATION)
                .map(|v| v.to_str().expect("ascii").to_string());
            let set: Vec<String> = response
                .headers()
                .get_all(SET_COOKIE)
                .iter()
                .map(|v| v.to_str().expect("ascii").to_string())
                .collect();
            (status, location, set, response.text().await.expect("body"))
        });
        for line in set {
            let pair = line.split(';').next().expect("a pair");
            let (name, value) = pair.split_once('=').expect("name=value");
            self.cookies.insert(name.to_string(), value.to_string());
        }
        Page {
            status,
            location,
            body,
        }
    }

    fn get(&mut self, url: &str) -> Page {
        let request = self.http.get(url).header("accept", "text/html");
        self.send(request)
    }

    fn post_form(&mut self, url: &str, fields: &[(&str, &str)]) -> Page {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let request = self
            .http
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html")
            .body(body);
        self.send(request)
    }
}

/// The value of `name="…"`'s first attribute `attribute` in a page.
fn attribute(page: &str, marker: &str, attribute: &str) -> String {
    let at = page
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in {page}"));
    let rest = &page[at..];
    let start = rest.find(&format!("{attribute}=\"")).expect("attribute") + attribute.len() + 2;
    let end = rest[start..].find('"').expect("closing quote");
    rest[start..start + end].replace("&amp;", "&")
}

/// Starts a browser flow and returns its page's form action and CSRF token.
fn open_page(browser: &mut Browser, served: &Served, kind: &str) -> (String, String, String) {
    let start = browser.get(&format!("{}/self-service/{kind}/browser", served.public));
    assert_eq!(start.status, 303, "{}", start.body);
    let page_url = start.location.expect("a redirect to the page");
    assert!(
        page_url.starts_with(&format!("{}/ui/{kind}?flow=", served.public)),
        "{page_url}"
    );
    let page = browser.get(&page_url);
    assert_eq!(page.status, 200, "{}", page.body);
    let action = attribute(&page.body, "<form", "action");
    let csrf = attribute(&page.body, "name=\"csrf_token\"", "value");
    (page_url, action, csrf)
}

/// A refused browser request: 303 to the error page with the stored error's
/// id (Kratos' error flow); the page it opens, and the error's JSON.
fn follow_error(browser: &mut Browser, served: &Served, refused: &Page) -> (Page, Value) {
    assert_eq!(refused.status, 303, "{}", refused.body);
    let to = refused.location.clone().expect("a redirect");
    let prefix = format!("{}/ui/error?id=", served.public);
    let id = to.strip_prefix(&prefix).unwrap_or_else(|| panic!("{to}"));
    let (status, error) =
        browser.get_json(&format!("{}/self-service/errors?id={id}", served.public));
    assert_eq!(status, 200, "{error}");
    assert_eq!(error["id"], id);
    let page = browser.get(&to);
    assert_eq!(page.status, 200, "{}", page.body);
    (page, error)
}

fn code_for(world: &World, email: &str) -> String {
    let out = world.run(&["get", "code", "--recipient", email, "--wait", "10s"]);
    assert!(out.status.success());
    stdout(&out).trim().to_string()
}

#[test]
fn a_browser_signs_up_by_code_on_the_pages_and_lands_logged_in() {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let served = Served::start(&world, None, &[]);
    let mut browser = Browser::new();
    let (page_url, action, csrf) = open_page(&mut browser, &served, "registration");
    assert!(
        browser.cookies.keys().any(|k| k.starts_with("csrf_token_")),
        "{:?}",
        browser.cookies
    );
    let email = "browser@example.com";

    // A wrong token: Kratos' CSRF error, as a page and as JSON, and no code sent.
    let forged = browser.post_form(
        &action,
        &[
            ("csrf_token", "forged"),
            ("method", "code"),
            ("traits.email", email),
        ],
    );
    let (page, error) = follow_error(&mut browser, &served, &forged);
    assert_eq!(error["error"]["id"], "security_csrf_violation");
    assert_eq!(error["error"]["code"], 403);
    assert!(
        page.body.contains("data-id=\"security_csrf_violation\""),
        "{}",
        page.body
    );
    let request = browser
        .http
        .post(&action)
        .header("accept", "application/json")
        .json(&serde_json::json!({"method": "code", "traits": {"email": email}, "csrf_token": "forged"}));
    let json = browser.send(request);
    let error: Value = serde_json::from_str(&json.body).expect("json");
    assert_eq!(json.status, 403);
    assert_eq!(error["error"]["id"], "security_csrf_violation");
    let none = world.run(&["get", "code", "--recipient", email]);
    assert_eq!(
        none.status.code(),
        Some(1),
        "a code was sent despite the CSRF error"
    );

    // The right token: back to the page, which now asks for the code.
    let sent = browser.post_form(
        &action,
        &[
            ("csrf_token", &csrf),
            ("method", "code"),
            ("traits.email", email),
        ],
    );
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(sent.location.as_deref(), Some(page_url.as_str()));
    let page = browser.get(&page_url);
    assert!(page.body.contains("data-id=\"1040005\""), "{}", page.body);
    assert!(page.body.contains("name=\"code\""), "{}", page.body);

    let code = code_for(&world, email);
    // The outbox page (admin port only) shows the same code, large.
    let outbox = browser.get(&format!("{}/outbox", served.admin));
    assert!(
        outbox.body.contains(&format!("<span>{code}</span>")),
        "{}",
        outbox.body
    );
    let rows = browser.get(&format!("{}/outbox/rows", served.admin));
    assert!(rows.body.contains(email), "{}", rows.body);
    assert_eq!(
        browser.get(&format!("{}/outbox", served.public)).status,
        404
    );
    let done = browser.post_form(
        &action,
        &[
            ("csrf_token", &csrf),
            ("method", "code"),
            ("traits.email", email),
            ("code", &code),
        ],
    );
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.location.as_deref(), Some("http://127.0.0.1:3000/"));
    assert!(
        browser
            .cookies
            .get("ory_kratos_session")
            .is_some_and(|t| t.starts_with("ory_st_")),
        "{:?}",
        browser.cookies
    );
    let welcome = browser.get(&format!("{}/ui/welcome", served.public));
    assert!(
        welcome.body.contains("You are logged in."),
        "{}",
        welcome.body
    );

    // Logged in: a new login goes straight to the return URL.
    let again = browser.get(&format!("{}/self-service/login/browser", served.public));
    assert_eq!(again.status, 303);
    assert_eq!(again.location.as_deref(), Some("http://127.0.0.1:3000/"));

    // A return_to the config does not allow is Kratos' 400: the error page
    // for a browser, the error itself for a JSON client.
    let url = format!(
        "{}/self-service/login/browser?return_to=https://evil.test/",
        served.public
    );
    let refused = browser.get(&url);
    let (page, error) = follow_error(&mut browser, &served, &refused);
    assert_eq!(error["error"]["code"], 400);
    assert!(page.body.contains("is not allowed"), "{}", page.body);
    let (status, error) = browser.get_json(&url);
    assert_eq!(status, 400, "{error}");
    served.stop();
}

/// A session for `email`, made by the CLI (the preset's `session` hook).
fn session_token(world: &World, email: &str) -> String {
    let out = world.run(&["register", "--trait", &format!("email={email}"), "--auto"]);
    assert!(out.status.success(), "{}", crate::support::stderr(&out));
    stdout(&out)
        .lines()
        .find_map(|line| line.strip_prefix("session_token: "))
        .expect("a session token")
        .to_string()
}

impl Browser {
    fn get_json(&mut self, url: &str) -> (u16, Value) {
        let request = self.http.get(url).header("accept", "application/json");
        let page = self.send(request);
        (
            page.status,
            serde_json::from_str(&page.body).unwrap_or(Value::Null),
        )
    }
}

/// Kratos' browser logout (`selfservice/flow/logout/handler.go`): the logout
/// URL of the session in the cookie, then the URL ends that session only,
/// clears the cookie and sends the browser on; every wrong request is
/// refused with Kratos' status and reason, and the session survives it.
#[test]
fn a_browser_logs_out_with_its_logout_url_and_only_its_own() {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let served = Served::start(&world, None, &[]);
    let public = served.public.clone();
    let token = session_token(&world, "ada@example.com");
    let other = session_token(&world, "bob@example.com");
    let mut browser = Browser::new();

    // Without a session: 401 session_inactive.
    let (status, body) = browser.get_json(&format!("{public}/self-service/logout/browser"));
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["error"]["id"], "session_inactive");

    browser
        .cookies
        .insert("ory_kratos_session".into(), token.clone());
    let (status, body) = browser.get_json(&format!("{public}/self-service/logout/browser"));
    assert_eq!(status, 200, "{body}");
    let logout_token = body["logout_token"]
        .as_str()
        .expect("a logout token")
        .to_string();
    assert!(
        logout_token.starts_with("ory_lo_") && logout_token.len() == 39,
        "{logout_token}"
    );
    let logout_url = body["logout_url"]
        .as_str()
        .expect("a logout url")
        .to_string();
    assert_eq!(
        logout_url,
        format!("{public}/self-service/logout?token={logout_token}")
    );
    let (status, body) = browser.get_json(&format!(
        "{public}/self-service/logout/browser?return_to=https://evil.test/"
    ));
    assert_eq!(status, 400, "{body}");

    // Refusals, and the session is still there after each.
    let mut bob = Browser::new();
    bob.cookies
        .insert("ory_kratos_session".into(), other.clone());
    let (_, bobs) = bob.get_json(&format!("{public}/self-service/logout/browser"));
    let bobs_token = bobs["logout_token"]
        .as_str()
        .expect("bob's token")
        .to_string();
    assert_ne!(bobs_token, logout_token);
    for (url, status, reason) in [
        (
            format!("{public}/self-service/logout"),
            400,
            "Please include a token in the URL query.",
        ),
        (
            format!("{public}/self-service/logout?token=ory_lo_forged"),
            403,
            "does not match the session cookie",
        ),
        (
            format!("{public}/self-service/logout?token={bobs_token}"),
            403,
            "does not match the session cookie",
        ),
    ] {
        let (_, json) = browser.get_json(&url);
        assert_eq!(json["error"]["code"], status, "{url}: {json}");
        let refused = browser.get(&url);
        let (page, error) = follow_error(&mut browser, &served, &refused);
        assert_eq!(error["error"]["code"], status, "{url}: {error}");
        assert!(page.body.contains(reason), "{url}: {}", page.body);
        let (status, _) = browser.get_json(&format!("{public}/sessions/whoami"));
        assert_eq!(status, 200, "the session survived {url}");
    }

    // The logout URL: 303 to the default return URL, the cookie cleared, the
    // session gone; Bob's session is untouched.
    let out = browser.get(&logout_url);
    assert_eq!(out.status, 303, "{}", out.body);
    assert_eq!(out.location.as_deref(), Some("http://127.0.0.1:3000/"));
    assert_eq!(
        browser
            .cookies
            .get("ory_kratos_session")
            .map(String::as_str),
        Some("")
    );
    let (status, _) = Browser::new().get_json(&format!("{public}/sessions/whoami"));
    assert_eq!(status, 401);
    let mut by_token = Browser::new();
    by_token
        .cookies
        .insert("ory_kratos_session".into(), token.clone());
    let (status, _) = by_token.get_json(&format!("{public}/sessions/whoami"));
    assert_eq!(
        status, 401,
        "the session must be revoked, not only its cookie cleared"
    );
    let (status, _) = bob.get_json(&format!("{public}/sessions/whoami"));
    assert_eq!(status, 200);
    // Used again, the URL has no session to end.
    let again = by_token.get(&logout_url);
    let (_, error) = follow_error(&mut by_token, &served, &again);
    assert_eq!(error["error"]["id"], "session_inactive");

    // The welcome page's link logs out and comes back to it; JSON clients get 204.
    let welcome = bob.get(&format!("{public}/ui/welcome"));
    let link = attribute(&welcome.body, "id=\"logout\"", "href");
    let out = bob.get(&format!("{public}{link}"));
    assert_eq!(out.status, 303, "{}", out.body);
    assert_eq!(out.location, Some(format!("{public}/ui/welcome")));
    let back = bob.get(&format!("{public}/ui/welcome"));
    assert!(
        back.body.contains("You are not logged in."),
        "{}",
        back.body
    );
    let carl = session_token(&world, "carl@example.com");
    let mut json = Browser::new();
    json.cookies.insert("ory_kratos_session".into(), carl);
    let (_, flow) = json.get_json(&format!("{public}/self-service/logout/browser"));
    let (status, _) = json.get_json(flow["logout_url"].as_str().expect("url"));
    assert_eq!(status, 204);
    served.stop();
}

/// Kratos' error flow: a refused browser request is stored and the browser
/// sent to `selfservice.flows.error.ui_url?id=` (an app's own page here),
/// and `GET /self-service/errors?id=` gives it on both ports; unknown ids are
/// 404, `stub:500` is Kratos' stub.
#[test]
fn a_browser_error_goes_to_the_configured_error_page_and_is_read_by_id() {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let patched = world.run(&[
        "patch",
        "identity-config",
        "--yes",
        "--add",
        r#"/selfservice/flows/error={"ui_url": "https://app.test/error?lang=en"}"#,
    ]);
    assert!(
        patched.status.success(),
        "{}",
        crate::support::stderr(&patched)
    );
    let served = Served::start(&world, None, &[]);
    let mut browser = Browser::new();
    let (_, action, _) = open_page(&mut browser, &served, "login");
    let refused = browser.post_form(
        &action,
        &[
            ("csrf_token", "forged"),
            ("method", "code"),
            ("identifier", "a@b.c"),
        ],
    );
    assert_eq!(refused.status, 303, "{}", refused.body);
    let to = refused.location.expect("a redirect");
    let id = to
        .strip_prefix("https://app.test/error?lang=en&id=")
        .unwrap_or_else(|| panic!("{to}"))
        .to_string();
    for port in [&served.public, &served.admin] {
        let (status, error) = browser.get_json(&format!("{port}/self-service/errors?id={id}"));
        assert_eq!(status, 200, "{error}");
        assert_eq!(error["id"], id.as_str());
        assert_eq!(error["error"]["id"], "security_csrf_violation");
        assert_eq!(error["error"]["code"], 403);
        assert!(
            error["created_at"]
                .as_str()
                .is_some_and(|t| t.ends_with('Z')),
            "{error}"
        );
    }
    // The default page reads any stored error too.
    let page = browser.get(&format!("{}/ui/error?id={id}", served.public));
    assert!(
        page.body.contains("data-id=\"security_csrf_violation\""),
        "{}",
        page.body
    );

    let unknown = "01a2517e-0000-7000-8000-000000000000";
    for bad in [unknown, "nope", ""] {
        let (status, error) =
            browser.get_json(&format!("{}/self-service/errors?id={bad}", served.public));
        assert_eq!(status, 404, "{bad}: {error}");
        assert_eq!(error["error"]["code"], 404);
    }
    assert_eq!(
        browser
            .get(&format!("{}/ui/error?id={unknown}", served.public))
            .status,
        404
    );
    let (status, stub) = browser.get_json(&format!(
        "{}/self-service/errors?id=stub:500",
        served.public
    ));
    assert_eq!(status, 200);
    assert_eq!(stub["error"]["code"], 500);
    assert_eq!(stub["error"]["reason"], "This is a stub error.");
    served.stop();
}

#[test]
fn the_verification_link_opens_the_page_with_the_code_filled_in() {
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let served = Served::start(&world, None, &[]);
    let mut browser = Browser::new();
    let (_, action, csrf) = open_page(&mut browser, &served, "verification");
    let flow = action.rsplit_once("flow=").expect("flow id").1.to_string();
    // The message's link points at a flow that sent a code (an unknown
    // address gets the same answer, as Kratos gives it).
    let sent = browser.post_form(
        &action,
        &[
            ("csrf_token", &csrf),
            ("method", "code"),
            ("email", "someone@example.com"),
        ],
    );
    assert_eq!(sent.status, 303, "{}", sent.body);
    let link = browser.get(&format!(
        "{}/self-service/verification?flow={flow}&code=123456",
        served.public
    ));
    assert_eq!(link.status, 303);
    let page_url = link.location.expect("the page");
    assert!(
        page_url.ends_with(&format!("flow={flow}&code=123456")),
        "{page_url}"
    );
    let page = browser.get(&page_url);
    assert!(
        page.body
            .contains("name=\"code\" type=\"text\" value=\"123456\""),
        "{}",
        page.body
    );
    served.stop();
}

/// Debian's Chromium, driven by playwright-core (tests/sdk/browser.mjs): sign
/// up on the pages, read the code on the outbox page, type it, land logged
/// in, then follow the verification link with the code filled in. The
/// screenshots go to target/screenshots, and to docs/screenshots with
/// `OTPCTL_BLESS=1`.
#[test]
fn a_real_chromium_signs_up_by_code_and_verifies_by_link() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let sdk = root.join("tests/sdk");
    assert!(
        sdk.join("node_modules/playwright-core").is_dir(),
        "playwright-core is not installed: run scripts/test, or `npm ci --prefix tests/sdk`"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        std::path::Path::new(&chromium).exists(),
        "Chromium is not installed at {chromium}: run scripts/test (apt-get install chromium)"
    );
    let world = World::new();
    project_on(&world, "email", Backend::Sqlite);
    let out = world.run(&[
        "patch",
        "identity-config",
        "--yes",
        "--add",
        "/selfservice/flows/verification/enabled=true",
    ]);
    assert!(out.status.success(), "{}", crate::support::stderr(&out));
    let served = Served::start(&world, None, &[]);
    let shots = if std::env::var_os("OTPCTL_BLESS").is_some() {
        root.join("docs/screenshots")
    } else {
        root.join("target/screenshots")
    };
    let run = std::process::Command::new("timeout")
        .args(["180", "node", "browser.mjs", &served.public, &served.admin])
        .arg(&shots)
        .env("CHROMIUM", &chromium)
        .current_dir(&sdk)
        .output()
        .expect("node runs");
    let log = served.stop();
    assert!(
        run.status.success(),
        "{}{}\nserver log:\n{log}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    for name in [
        "1-registration",
        "3-outbox",
        "4-logged-in",
        "5-verification-link",
        "6-verified",
    ] {
        assert!(
            shots.join(format!("{name}.png")).is_file(),
            "no screenshot {name}"
        );
    }
}
