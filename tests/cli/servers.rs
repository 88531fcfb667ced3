//! Real SMTP and HTTP servers (tests/servers/*.py) as child processes, for any test.
//!
//! ```ignore
//! let smtp = SmtpServer::start(SmtpMode::StartTls);          // or SmtpServer::builder(..)
//! let uri = format!("smtp://127.0.0.1:{}/?skip_ssl_verify=true", smtp.port());
//! // … deliver …
//! let messages = smtp.wait_for(1);                            // parsed JSON lines
//! let http = HttpReceiver::start(&[500, 200]);                // statuses in turn
//! let requests = http.wait_for(2);
//! ```
//! Each server listens on a port the OS picks, and is killed when dropped.

#![allow(dead_code)] // Each test module uses a different part of this helper.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

/// How long a server may take to say `ready` (Python start-up plus a TLS key).
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// How long `wait_for` waits for records by default.
pub const WAIT_TIMEOUT: Duration = Duration::from_secs(10);

/// A Python server process writing one JSON line per thing it received.
pub struct ServerProcess {
    child: Child,
    port: u16,
    out: PathBuf,
    stderr: PathBuf,
    _dir: TempDir,
}

impl ServerProcess {
    /// Starts `tests/servers/<script>` with `args` (plus `--port 0 --out FILE`) and
    /// waits for its `ready <port>` line.
    pub fn start(script: &str, args: &[String]) -> ServerProcess {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("received.jsonl");
        let stderr = dir.path().join("stderr.log");
        let mut child = Command::new("python3")
            .arg(servers_dir().join(script))
            .args(["--port", "0", "--out"])
            .arg(&out)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).expect("stderr log"))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start python3 {script}: {e}"));
        let port = match read_ready_port(&mut child) {
            Some(port) => port,
            None => {
                let _ = child.kill();
                let _ = child.wait();
                let log = std::fs::read_to_string(&stderr).unwrap_or_default();
                panic!(
                    "{script} did not become ready (is aiosmtpd installed? scripts/test installs it):\n{log}"
                );
            }
        };
        ServerProcess {
            child,
            port,
            out,
            stderr,
            _dir: dir,
        }
    }

    /// The port it listens on (on 127.0.0.1).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Everything received so far, one JSON value per message or request.
    pub fn records(&self) -> Vec<Value> {
        let Ok(text) = std::fs::read_to_string(&self.out) else {
            return Vec::new();
        };
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| serde_json::from_str(line).expect("server writes JSON lines"))
            .collect()
    }

    /// Waits until at least `count` records arrived (at most [`WAIT_TIMEOUT`]) and returns them all.
    pub fn wait_for(&self, count: usize) -> Vec<Value> {
        self.wait_for_within(count, WAIT_TIMEOUT)
    }

    /// Waits until at least `count` records arrived, panicking after `timeout`.
    pub fn wait_for_within(&self, count: usize, timeout: Duration) -> Vec<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let records = self.records();
            if records.len() >= count {
                return records;
            }
            if Instant::now() >= deadline {
                panic!(
                    "expected {count} records within {timeout:?}, got {}: {records:#?}\nserver stderr:\n{}",
                    records.len(),
                    self.stderr_log()
                );
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// What the server wrote to stderr, for failure messages.
    pub fn stderr_log(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How the SMTP server protects connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpMode {
    /// Cleartext, no STARTTLS offered.
    Plain,
    /// Cleartext greeting, STARTTLS offered and required before MAIL.
    StartTls,
    /// TLS from the first byte (`smtps://`).
    Tls,
}

/// An aiosmtpd server; TLS modes use a self-signed certificate for `smtp.test.invalid`.
pub struct SmtpServer {
    process: ServerProcess,
}

/// Options for [`SmtpServer`] beyond the mode.
pub struct SmtpServerBuilder {
    mode: SmtpMode,
    reply_code: Option<u16>,
    auth: Option<String>,
    echo: bool,
}

impl SmtpServerBuilder {
    /// Refuse every message at DATA with this reply code (e.g. 550 or 451).
    pub fn reply_code(mut self, code: u16) -> Self {
        self.reply_code = Some(code);
        self
    }

    /// With `reply_code`: the refusal quotes the password (plain and as AUTH
    /// PLAIN sent it) and the whole message, as a careless server echoes.
    pub fn echo(mut self) -> Self {
        self.echo = true;
        self
    }

    /// Require AUTH with these credentials (TLS modes only).
    pub fn auth(mut self, user: &str, password: &str) -> Self {
        self.auth = Some(format!("{user}:{password}"));
        self
    }

    /// Starts the server and waits until it listens.
    pub fn start(self) -> SmtpServer {
        let mode = match self.mode {
            SmtpMode::Plain => "plain",
            SmtpMode::StartTls => "starttls",
            SmtpMode::Tls => "tls",
        };
        let mut args = vec!["--mode".to_string(), mode.to_string()];
        if let Some(code) = self.reply_code {
            args.extend(["--reply-code".to_string(), code.to_string()]);
        }
        if let Some(auth) = self.auth {
            args.extend(["--auth".to_string(), auth]);
        }
        if self.echo {
            args.push("--echo".to_string());
        }
        SmtpServer {
            process: ServerProcess::start("smtp_server.py", &args),
        }
    }
}

impl SmtpServer {
    /// A server in `mode` with no other options.
    pub fn start(mode: SmtpMode) -> SmtpServer {
        SmtpServer::builder(mode).start()
    }

    /// A server with options.
    pub fn builder(mode: SmtpMode) -> SmtpServerBuilder {
        SmtpServerBuilder {
            mode,
            reply_code: None,
            auth: None,
            echo: false,
        }
    }

    /// The port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.process.port()
    }

    /// Messages received so far: `mail_from`, `rcpt_tos`, `helo`, `tls`,
    /// `auth_user`, `data` (raw), `headers` (decoded), `text`, `html`.
    pub fn messages(&self) -> Vec<Value> {
        self.process.records()
    }

    /// Waits for at least `count` messages.
    pub fn wait_for(&self, count: usize) -> Vec<Value> {
        self.process.wait_for(count)
    }
}

/// A stdlib HTTP receiver answering with a status sequence.
pub struct HttpReceiver {
    process: ServerProcess,
}

impl HttpReceiver {
    /// A receiver answering with `statuses` in turn, the last one repeating.
    pub fn start(statuses: &[u16]) -> HttpReceiver {
        HttpReceiver::start_slow(statuses, Duration::ZERO)
    }

    /// As `start`, each reply carrying the request back (method, path, headers and
    /// body as JSON), as an upstream that reflects what it was sent.
    pub fn start_echo(statuses: &[u16]) -> HttpReceiver {
        HttpReceiver::launch(statuses, Duration::ZERO, true)
    }

    /// As `start`, waiting `delay` before each reply.
    pub fn start_slow(statuses: &[u16], delay: Duration) -> HttpReceiver {
        HttpReceiver::launch(statuses, delay, false)
    }

    /// A receiver answering 200, except that it records and never answers a
    /// request whose body holds `text` (a silent upstream).
    pub fn start_stalling_on(text: &str) -> HttpReceiver {
        HttpReceiver::launch_with(&[200], Duration::ZERO, false, &["--stall-if", text])
    }

    fn launch(statuses: &[u16], delay: Duration, echo: bool) -> HttpReceiver {
        HttpReceiver::launch_with(statuses, delay, echo, &[])
    }

    fn launch_with(statuses: &[u16], delay: Duration, echo: bool, extra: &[&str]) -> HttpReceiver {
        let list = statuses
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let mut args = vec![
            "--statuses".to_string(),
            list,
            "--delay-ms".to_string(),
            delay.as_millis().to_string(),
        ];
        if echo {
            args.push("--echo".to_string());
        }
        args.extend(extra.iter().map(|a| a.to_string()));
        HttpReceiver {
            process: ServerProcess::start("http_receiver.py", &args),
        }
    }

    /// The port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.process.port()
    }

    /// `http://127.0.0.1:<port><path>`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port())
    }

    /// Requests received so far: `method`, `path`, `headers` (lower-case names), `body`.
    pub fn requests(&self) -> Vec<Value> {
        self.process.records()
    }

    /// Waits for at least `count` requests.
    pub fn wait_for(&self, count: usize) -> Vec<Value> {
        self.process.wait_for(count)
    }

    /// Waits up to `timeout` for at least `count` requests.
    pub fn wait_for_within(&self, count: usize, timeout: Duration) -> Vec<Value> {
        self.process.wait_for_within(count, timeout)
    }
}

/// A port nothing listens on: bound once by us, then released.
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

fn servers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers")
}

/// Reads stdout lines until `ready <port>`, on a thread so a hung start-up times out.
fn read_ready_port(child: &mut Child) -> Option<u16> {
    let stdout = child.stdout.take()?;
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(port) = line.strip_prefix("ready ") {
                let _ = sender.send(port.trim().parse::<u16>().ok());
                return;
            }
        }
        let _ = sender.send(None);
    });
    receiver.recv_timeout(START_TIMEOUT).ok().flatten()
}
