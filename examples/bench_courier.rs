//! Messages per second through the running courier: SMS through the HTTP
//! channel with the seed's Jsonnet body to a local receiver, and email over
//! SMTP to a local server, each next to the receiver's own floor measured in
//! the same run (a client doing nothing but the same requests), so a slow
//! test server shows as such. Run with `scripts/bench-courier`.
//!
//! Usage: bench_courier [--messages N]

#![allow(clippy::print_stdout)] // A benchmark reports on stdout.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use otpctl::courier::worker::WorkerSettings;
use otpctl::engine::{Engine, FlowRequest, LoginSubmission};
use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

mod support;

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// The Ory guide's SMS body (the seed): `function(ctx) { ctx: ctx, }`.
const SEED_BODY: &str = "base64://ZnVuY3Rpb24oY3R4KSB7DQpjdHg6IGN0eCwNCn0=";
const SCHEMA: &str = include_str!("../src/project/presets/email-sms.schema.json");

/// An HTTP receiver that answers 200 to everything; counts requests.
async fn http_receiver(count: Arc<AtomicUsize>) -> Result<u16, Failure> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    let app = axum::Router::new().fallback(move || {
        let count = count.clone();
        async move {
            count.fetch_add(1, Ordering::Relaxed);
            "ok"
        }
    });
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(port)
}

/// An SMTP server that accepts every message; counts them.
async fn smtp_receiver(count: Arc<AtomicUsize>) -> Result<u16, Failure> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let count = count.clone();
            tokio::spawn(async move { smtp_session(stream, &count).await });
        }
    });
    Ok(port)
}

async fn smtp_session(stream: TcpStream, count: &AtomicUsize) -> Result<(), Failure> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 bench ESMTP\r\n").await?;
    let mut in_data = false;
    while let Some(line) = lines.next_line().await? {
        if in_data {
            if line == "." {
                in_data = false;
                count.fetch_add(1, Ordering::Relaxed);
                write.write_all(b"250 2.0.0 queued\r\n").await?;
            }
            continue;
        }
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-bench\r\n250 8BITMIME\r\n",
            "DATA" => {
                in_data = true;
                b"354 go ahead\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"250 OK\r\n",
        };
        write.write_all(reply).await?;
    }
    Ok(())
}

/// The receivers' floor: `n` requests like the courier's, from one client,
/// one after another, as the courier sends.
async fn http_floor(port: u16, n: usize) -> Result<f64, Failure> {
    let client = reqwest::Client::new();
    let body = json!({"ctx": {"recipient": "+4917667111638", "template_type": "login_code_valid", "template_data": {"login_code": "123456"}}});
    let started = Instant::now();
    for _ in 0..n {
        client
            .post(format!("http://127.0.0.1:{port}/send"))
            .json(&body)
            .send()
            .await?
            .error_for_status()?;
    }
    Ok(n as f64 / started.elapsed().as_secs_f64())
}

async fn smtp_floor(port: u16, n: usize) -> Result<f64, Failure> {
    let started = Instant::now();
    for _ in 0..n {
        // A new connection per message, as the courier (and Kratos) dial.
        let stream = TcpStream::connect(("127.0.0.1", port)).await?;
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read).lines();
        lines.next_line().await?;
        for command in ["EHLO bench", "MAIL FROM:<a@b.c>", "RCPT TO:<d@e.f>", "DATA"] {
            write.write_all(format!("{command}\r\n").as_bytes()).await?;
            // EHLO answers two lines.
            let replies = if command.starts_with("EHLO") { 2 } else { 1 };
            for _ in 0..replies {
                lines.next_line().await?;
            }
        }
        write
            .write_all(b"Subject: x\r\n\r\nUse code 123456\r\n.\r\nQUIT\r\n")
            .await?;
        lines.next_line().await?;
        lines.next_line().await?;
    }
    Ok(n as f64 / started.elapsed().as_secs_f64())
}

/// An engine whose courier sends SMS to `http_port` with the seed body and
/// email to the SMTP server on `smtp_port`; `users` identities with both.
async fn engine(
    dir: &std::path::Path,
    http_port: u16,
    smtp_port: u16,
    users: usize,
) -> Result<(Engine, otpctl::courier::worker::Courier), Failure> {
    let courier = json!({
        "smtp": { "connection_uri": format!("smtp://127.0.0.1:{smtp_port}/?disable_starttls=true"), "from_address": "bench@example.com" },
        "channels": [{ "id": "sms", "type": "http", "request_config": {
            "url": format!("http://127.0.0.1:{http_port}/send"), "method": "POST", "body": SEED_BODY } }],
        "worker": { "pull_count": 255 }
    });
    let config = support::write_config_with(dir, SCHEMA, courier).map_err(|e| e.to_string())?;
    let config = otpctl::config::ValidConfig::from_value(&config, dir)
        .map_err(|report| format!("invalid bench config: {:?}", report.diagnostics))?;
    let engine = Engine::open(&config).await?;
    for i in 0..users {
        let traits =
            json!({ "email": format!("user{i}@example.com"), "phone": format!("+49176671{i:05}") });
        engine.import_identity(&json!({ "traits": traits })).await?;
    }
    let worker = WorkerSettings::from_model(&config.model().courier, Duration::from_secs(60));
    let courier = engine.courier(&config, worker)?;
    Ok((engine, courier))
}

/// Queues `n` code messages by starting logins for the users' `identifier`s.
async fn queue(engine: &Engine, n: usize, users: usize, by_phone: bool) -> Result<(), Failure> {
    for i in 0..n {
        let identifier = if by_phone {
            format!("+49176671{:05}", i % users)
        } else {
            format!("user{}@example.com", i % users)
        };
        let flow = engine.create_login_flow(&FlowRequest::default()).await?;
        let submission = LoginSubmission {
            identifier: Some(identifier),
            ..LoginSubmission::default()
        };
        engine.submit_login(&flow.id, &submission).await?;
    }
    Ok(())
}

/// Drains the queue; messages per second and how many were sent.
async fn drain(courier: &otpctl::courier::worker::Courier) -> Result<(f64, usize), Failure> {
    let started = Instant::now();
    let report = courier.drain(Duration::from_secs(300)).await?;
    Ok((
        report.sent as f64 / started.elapsed().as_secs_f64(),
        report.sent,
    ))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Failure> {
    let n = support::number("--messages", 5_000);
    let users = 100;
    let (http_count, smtp_count) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let http_port = http_receiver(http_count.clone()).await?;
    let smtp_port = smtp_receiver(smtp_count.clone()).await?;
    let dir = tempfile::tempdir()?;
    let (engine, courier) = engine(dir.path(), http_port, smtp_port, users).await?;

    queue(&engine, n, users, true).await?;
    let (sms_rate, sms_sent) = drain(&courier).await?;
    let sms_floor = http_floor(http_port, n).await?;
    queue(&engine, n, users, false).await?;
    let (email_rate, email_sent) = drain(&courier).await?;
    let email_floor = smtp_floor(smtp_port, n).await?;

    println!("otpctl courier, one worker, pull_count 255, receivers on loopback");
    println!(
        "  SMS over HTTP, seed Jsonnet body   {sms_rate:>7.0} messages/s ({sms_sent} of {n} sent; the receiver counted {})",
        http_count.load(Ordering::Relaxed) - n
    );
    println!("    receiver floor (bare client)     {sms_floor:>7.0} requests/s");
    println!(
        "  email over SMTP, a dial each       {email_rate:>7.0} messages/s ({email_sent} of {n} sent; the server counted {})",
        smtp_count.load(Ordering::Relaxed) - n
    );
    println!("    server floor (bare client)       {email_floor:>7.0} messages/s");
    Ok(())
}
