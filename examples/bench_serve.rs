//! Complete code-login flows over HTTP against `otpctl serve` on loopback,
//! the load generator on the same machine: create the flow, send the code,
//! read it through the admin API, submit it, whoami. Then, on the same
//! server and connections, a trivial route (`/health/alive`) as the ceiling.
//! Prints flows/s, per-request p50/p99, errors, and the server's peak RSS.
//! Run with `scripts/bench-serve`.
//!
//! Usage: bench_serve [--flows N] [--concurrency C] [--users U] [--bin PATH]

#![allow(clippy::print_stdout)] // A benchmark reports on stdout.

use std::process::{Child, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::sync::Mutex;

mod support;

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// One keep-alive HTTP/1.1 connection.
struct Connection {
    send: SendRequest<Full<Bytes>>,
    host: String,
}

impl Connection {
    async fn open(addr: &str) -> Result<Connection, Failure> {
        let stream = tokio::net::TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        let (send, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(connection);
        Ok(Connection {
            send,
            host: addr.to_string(),
        })
    }

    /// One request; the status, the body, and how long it took.
    async fn call(
        &mut self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        token: Option<&str>,
    ) -> Result<(u16, Bytes, Duration), Failure> {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("host", &self.host)
            .header("accept", "application/json");
        if let Some(token) = token {
            request = request.header("x-session-token", token);
        }
        let payload = match body {
            Some(body) => {
                request = request.header("content-type", "application/json");
                Bytes::from(serde_json::to_vec(body)?)
            }
            None => Bytes::new(),
        };
        let started = Instant::now();
        self.send.ready().await?;
        let response = self
            .send
            .send_request(request.body(Full::new(payload))?)
            .await?;
        let status = response.status().as_u16();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok((status, bytes, started.elapsed()))
    }
}

/// Latencies in microseconds, shared by the workers.
#[derive(Default)]
struct Latencies(Mutex<Vec<u32>>);

impl Latencies {
    async fn extend(&self, more: &[u32]) {
        self.0.lock().await.extend_from_slice(more);
    }

    async fn percentiles(&self) -> (f64, f64) {
        let mut all = self.0.lock().await.clone();
        all.sort_unstable();
        let at = |p: f64| {
            let i = ((all.len() as f64 - 1.0) * p).round() as usize;
            all.get(i).copied().unwrap_or(0) as f64 / 1000.0
        };
        (at(0.50), at(0.99))
    }
}

fn micros(duration: Duration) -> u32 {
    u32::try_from(duration.as_micros()).unwrap_or(u32::MAX)
}

/// The code of the newest message to `email`, from the admin API's list.
fn code_in(list: &[u8]) -> Option<String> {
    let list: Value = serde_json::from_slice(list).ok()?;
    let body = list.get(0)?.get("body")?.as_str()?;
    body.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .map(str::to_string)
}

/// One code login; pushes each request's latency; true if every answer was
/// the expected one.
async fn flow(
    public: &mut Connection,
    admin: &mut Connection,
    email: &str,
    latencies: &mut Vec<u32>,
) -> Result<bool, Failure> {
    let (status, body, took) = public
        .call(Method::GET, "/self-service/login/api", None, None)
        .await?;
    latencies.push(micros(took));
    let flow: Value = serde_json::from_slice(&body)?;
    let id = flow["id"].as_str().unwrap_or_default().to_string();
    if status != 200 || id.is_empty() {
        return Ok(false);
    }
    let submit = format!("/self-service/login?flow={id}");
    let (status, _, took) = public
        .call(
            Method::POST,
            &submit,
            Some(&json!({"method": "code", "identifier": email})),
            None,
        )
        .await?;
    latencies.push(micros(took));
    if status != 400 {
        return Ok(false);
    }
    let (status, list, took) = admin
        .call(
            Method::GET,
            &format!("/admin/courier/messages?recipient={email}&page_size=1"),
            None,
            None,
        )
        .await?;
    latencies.push(micros(took));
    let Some(code) = code_in(&list).filter(|_| status == 200) else {
        return Ok(false);
    };
    let (status, done, took) = public
        .call(
            Method::POST,
            &submit,
            Some(&json!({"method": "code", "identifier": email, "code": code})),
            None,
        )
        .await?;
    latencies.push(micros(took));
    let done: Value = serde_json::from_slice(&done).unwrap_or(Value::Null);
    let Some(token) = done["session_token"].as_str().filter(|_| status == 200) else {
        return Ok(false);
    };
    let (status, _, took) = public
        .call(Method::GET, "/sessions/whoami", None, Some(token))
        .await?;
    latencies.push(micros(took));
    Ok(status == 200)
}

/// `otpctl serve` on the bench config, and where it listens.
fn start_server(bin: &str, dir: &std::path::Path) -> Result<(Child, String, String), Failure> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let admin_port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let public = format!("127.0.0.1:{port}");
    let admin = format!("127.0.0.1:{admin_port}");
    let child = std::process::Command::new(bin)
        .arg("serve")
        .arg(dir.join("identity-config.json"))
        .args(["--listen", &public, "--admin-listen", &admin])
        .args(["--base-url", &format!("http://{public}/")])
        .env("OTPCTL_HOME", dir.join("home"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    Ok((child, public, admin))
}

async fn wait_until_up(public: &str) -> Result<(), Failure> {
    for _ in 0..200 {
        if let Ok(mut connection) = Connection::open(public).await
            && connection
                .call(Method::GET, "/health/ready", None, None)
                .await
                .is_ok_and(|(status, _, _)| status == 200)
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err("otpctl serve did not come up".into())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Failure> {
    let flows = support::number("--flows", 20_000);
    let concurrency = support::number("--concurrency", 32);
    let users = support::number("--users", 200);
    let bin = support::arg("--bin").unwrap_or_else(|| {
        let exe = std::env::current_exe().unwrap_or_default();
        let dir = exe
            .parent()
            .and_then(|p| p.parent())
            .map(|p| p.join("otpctl"));
        dir.map(|p| p.display().to_string())
            .unwrap_or_else(|| "otpctl".into())
    });
    let dir = tempfile::tempdir()?;
    support::write_config(dir.path()).map_err(|e| e.to_string())?;
    let (mut child, public, admin) = start_server(&bin, dir.path())?;
    let result = run(&public, &admin, flows, concurrency, users, child.id()).await;
    let _ = child.kill();
    let _ = child.wait();
    result
}

async fn run(
    public: &str,
    admin: &str,
    flows: usize,
    concurrency: usize,
    users: usize,
    pid: u32,
) -> Result<(), Failure> {
    wait_until_up(public).await?;
    let mut setup = Connection::open(admin).await?;
    for i in 0..users {
        let body = json!({ "traits": { "email": support::email(i) } });
        let (status, _, _) = setup
            .call(Method::POST, "/admin/identities", Some(&body), None)
            .await?;
        if status != 201 {
            return Err(format!("creating user {i}: HTTP {status}").into());
        }
    }

    // Flows: each worker takes the next flow number until all are done.
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Latencies::default());
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (next, errors, latencies) = (next.clone(), errors.clone(), latencies.clone());
        let (public, admin) = (public.to_string(), admin.to_string());
        workers.push(tokio::spawn(async move {
            let mut public = Connection::open(&public).await?;
            let mut admin = Connection::open(&admin).await?;
            let mut mine = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= flows {
                    break;
                }
                let email = support::email(n % users);
                if !flow(&mut public, &mut admin, &email, &mut mine).await? {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
            latencies.extend(&mine).await;
            Ok::<_, Failure>(())
        }));
    }
    for worker in workers {
        worker.await??;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let (p50, p99) = latencies.percentiles().await;
    let requests = latencies.0.lock().await.len();

    // The ceiling: the same connections' worth of workers on a trivial route.
    let ceiling_requests = requests;
    let next = Arc::new(AtomicUsize::new(0));
    let trivial = Arc::new(Latencies::default());
    let ceiling_started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (next, trivial, public) = (next.clone(), trivial.clone(), public.to_string());
        workers.push(tokio::spawn(async move {
            let mut connection = Connection::open(&public).await?;
            let mut mine = Vec::new();
            while next.fetch_add(1, Ordering::Relaxed) < ceiling_requests {
                let (_, _, took) = connection
                    .call(Method::GET, "/health/alive", None, None)
                    .await?;
                mine.push(micros(took));
            }
            trivial.extend(&mine).await;
            Ok::<_, Failure>(())
        }));
    }
    for worker in workers {
        worker.await??;
    }
    let ceiling = ceiling_requests as f64 / ceiling_started.elapsed().as_secs_f64();
    let (_, ceiling_p99) = trivial.percentiles().await;

    println!(
        "otpctl serve, code logins over HTTP on loopback (SQLite, load generator on the same machine)"
    );
    println!("  flows                {flows} ({concurrency} connections, {users} users)");
    println!("  flows/s              {:.0}", flows as f64 / elapsed);
    println!(
        "  requests/s           {:.0} (5 per flow)",
        requests as f64 / elapsed
    );
    println!("  request p50 / p99    {p50:.2} ms / {p99:.2} ms");
    println!("  errors               {}", errors.load(Ordering::Relaxed));
    println!(
        "  server peak RSS      {:.1} MiB",
        support::peak_rss_kib(&pid.to_string()) as f64 / 1024.0
    );
    println!(
        "  ceiling              {ceiling:.0} requests/s on /health/alive (p99 {ceiling_p99:.2} ms)"
    );
    Ok(())
}
