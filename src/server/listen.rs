//! Sockets and connections: the public and admin listeners, limits on what a
//! connection may hold (request head size, time to send it, how many at
//! once), the courier beside them, and the graceful shutdown.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};

use super::log::{LogFormat, Logger};
use super::state::AppState;
use super::{admin, public};
use crate::config::ValidConfig;
use crate::protocol::project::{OpenError, Project};

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The public API's address.
    pub public: SocketAddr,
    /// The admin API's address.
    pub admin: SocketAddr,
    /// Allow the admin API on an address other than loopback.
    pub expose_admin: bool,
    /// How log lines are written.
    pub log_format: LogFormat,
    /// The largest request body, in bytes.
    pub body_limit: usize,
    /// How long a client has to send a request's head (also how long an
    /// idle keep-alive connection is kept).
    pub header_timeout: Duration,
    /// How long a request may take, body and answer included.
    pub request_timeout: Duration,
    /// Connections held at once, over both listeners; more wait in the
    /// kernel's backlog.
    pub max_connections: usize,
    /// How long a shutdown waits for requests in flight.
    pub drain_timeout: Duration,
    /// Development: cookies without `Secure` on any address.
    pub dev: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            public: SocketAddr::from(([127, 0, 0, 1], 4433)),
            admin: SocketAddr::from(([127, 0, 0, 1], 4434)),
            expose_admin: false,
            log_format: LogFormat::Text,
            body_limit: 1 << 20,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_connections: 8192,
            drain_timeout: Duration::from_secs(10),
            dev: false,
        }
    }
}

/// Where the server listens (ports given as 0 resolved).
#[derive(Debug, Clone, Copy)]
pub struct Listeners {
    /// The public API.
    pub public: SocketAddr,
    /// The admin API.
    pub admin: SocketAddr,
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// An address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The admin API would be reachable from other machines.
    #[error(
        "the admin API needs no credentials; it listens on loopback unless --expose-admin is given (asked for {0})"
    )]
    AdminNotLoopback(SocketAddr),
    /// The store, a schema, a template or a delivery channel.
    #[error(transparent)]
    Open(#[from] OpenError),
}

/// The largest request head (request line and headers): beyond it hyper
/// answers 431 and closes the connection.
const MAX_HEAD_BYTES: usize = 32 * 1024;

/// Opens the project of `config` and runs the public and admin APIs and the
/// courier until `shutdown` resolves, then stops accepting, lets requests in
/// flight finish (up to `drain_timeout`) and stops the courier. `ready` sees
/// the bound addresses. `lease` is the courier's (see [`crate::protocol::project::open`]).
pub async fn serve(
    config: ValidConfig,
    lease: Duration,
    options: ServeOptions,
    ready: impl FnOnce(&Listeners),
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServeError> {
    if !options.admin.ip().is_loopback() && !options.expose_admin {
        return Err(ServeError::AdminNotLoopback(options.admin));
    }
    let public_listener = bind(options.public).await?;
    let admin_listener = bind(options.admin).await?;
    let listeners = Listeners {
        public: local_addr(&public_listener, options.public),
        admin: local_addr(&admin_listener, options.admin),
    };
    let config = Arc::new(config.with_public_address(listeners.public));
    let logger = Logger::new(options.log_format);
    warn_if_elsewhere(&config, listeners.public, logger);
    let project = crate::protocol::project::open(&config, lease).await?;
    let state = AppState {
        engine: project.engine.clone(),
        config,
        body_limit: options.body_limit,
        csrf_cookie: crate::protocol::csrf::cookie_name(&project.engine.settings().public_base_url),
        secure_cookies: secure_cookies(&project.engine.settings().public_base_url, options.dev),
    };
    let public_routes = public::routes().merge(super::pages::routes());
    let mut public_app = app(public_routes, state.clone(), logger, &options);
    let cors = &state.config.model().serve.public.cors;
    if cors.enabled {
        // Around the whole router, so that a preflight (OPTIONS, which no route
        // takes) is answered too.
        public_app =
            Router::new()
                .fallback_service(public_app)
                .layer(axum::middleware::from_fn_with_state(
                    Arc::new(cors.clone()),
                    super::cors::apply,
                ));
    }
    let admin_app = app(
        admin::routes()
            .merge(public::shared_routes())
            .merge(super::outbox::routes()),
        state,
        logger,
        &options,
    );
    ready(&listeners);

    let (stop_tx, stop_rx) = watch::channel(false);
    let courier = tokio::spawn(run_courier(project, stop_rx.clone(), logger));
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(options.max_connections));
    {
        let accept_public = accept(
            public_listener,
            public_app,
            &graceful,
            &slots,
            &options,
            logger,
        );
        let accept_admin = accept(
            admin_listener,
            admin_app,
            &graceful,
            &slots,
            &options,
            logger,
        );
        tokio::pin!(shutdown);
        tokio::select! {
            () = &mut shutdown => {}
            () = accept_public => {}
            () = accept_admin => {}
        }
    }
    logger.line(
        "info",
        "shutting down: draining requests and the courier",
        &[],
    );
    if tokio::time::timeout(options.drain_timeout, graceful.shutdown())
        .await
        .is_err()
    {
        logger.line(
            "warn",
            "requests still running at the drain deadline were cut",
            &[],
        );
    }
    let _ = stop_tx.send(true);
    if let Err(error) = courier.await {
        logger.failure("the courier task ended abnormally", &error);
    }
    Ok(())
}

/// A base URL on loopback with another port than the public API's: links
/// and redirects would miss the server, which is worth a line at start.
fn warn_if_elsewhere(config: &ValidConfig, public: SocketAddr, logger: Logger) {
    let base = config.model().serve.public.base_url();
    let port = base
        .trim_end_matches('/')
        .rsplit_once(':')
        .and_then(|(_, port)| port.split('/').next()?.parse::<u16>().ok());
    let local = base.contains("://127.0.0.1") || base.contains("://localhost");
    if local && port.is_some_and(|port| port != public.port()) {
        logger.line(
            "warn",
            "serve.public.base_url names another port than the public API listens on; links and redirects point there (use --base-url)",
            &[("base_url", base.into()), ("listen", public.to_string().into())],
        );
    }
}

/// Cookies are `Secure` unless the public URL is plain HTTP on loopback, or
/// `--dev` says so (Kratos' `--dev` does the same).
fn secure_cookies(public_base_url: &str, dev: bool) -> bool {
    if dev {
        return false;
    }
    let Some(rest) = public_base_url.strip_prefix("http://") else {
        return true;
    };
    let host = rest.split(['/', '?']).next().unwrap_or_default();
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    };
    let loopback = host == "localhost"
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    !loopback
}

async fn bind(addr: SocketAddr) -> Result<TcpListener, ServeError> {
    TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })
}

fn local_addr(listener: &TcpListener, asked: SocketAddr) -> SocketAddr {
    listener.local_addr().unwrap_or(asked)
}

/// The routes with the request log, the request timeout and the JSON 404.
fn app(
    routes: Router<AppState>,
    state: AppState,
    logger: Logger,
    options: &ServeOptions,
) -> Router {
    let timeout = options.request_timeout;
    routes
        .fallback(super::response::unknown_route)
        .method_not_allowed_fallback(super::response::method_not_allowed)
        .with_state(state)
        .layer(axum::middleware::from_fn(move |request, next| {
            super::response::within(timeout, request, next)
        }))
        .layer(axum::middleware::from_fn_with_state(
            logger,
            super::log::requests,
        ))
}

/// Accepts connections until the listener fails for good. Each connection
/// takes a slot; when none is free the next accept waits, so a flood of idle
/// connections queues in the kernel instead of exhausting descriptors, and
/// idle ones are closed after `header_timeout`.
async fn accept(
    listener: TcpListener,
    app: Router,
    graceful: &GracefulShutdown,
    slots: &Arc<Semaphore>,
    options: &ServeOptions,
    logger: Logger,
) {
    loop {
        let Ok(slot) = Arc::clone(slots).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(error) => {
                // Out of descriptors or a reset before accept: wait a little
                // and go on, as Go's net/http does.
                logger.failure("accept failed", &error);
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(options.header_timeout)
            .max_buf_size(MAX_HEAD_BYTES)
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away mid-request is not the server's error.
            let _ = connection.await;
            drop(slot);
        });
    }
}

/// The courier, as `courier watch` runs it, until the server stops.
async fn run_courier(project: Project, mut stop: watch::Receiver<bool>, logger: Logger) {
    let stopped = async move {
        let _ = stop.wait_for(|stop| *stop).await;
    };
    let result = project
        .courier
        .watch(stopped, |pass| {
            for attempt in &pass.attempts {
                logger.line(
                    if attempt.error.is_some() {
                        "warn"
                    } else {
                        "info"
                    },
                    "courier dispatch",
                    &[
                        ("message_id", attempt.message_id.clone().into()),
                        ("channel", attempt.channel.clone().into()),
                        ("template_type", attempt.template_type.clone().into()),
                        ("status", attempt.status.into()),
                        ("send_count", attempt.send_count.into()),
                        ("error", attempt.error.clone().into()),
                    ],
                );
            }
        })
        .await;
    if let Err(error) = result {
        logger.failure("the courier stopped", &error);
    }
}
