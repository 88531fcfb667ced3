//! Implicit TLS (`smtps://`) over a socket the courier opened itself, so that
//! it runs without Nagle's algorithm like plain SMTP: lettre's own dial leaves
//! Nagle on, and its last write of a message (the final `.`) then waits for
//! the server's delayed ACK, about 40 ms per email. lettre does the handshake
//! (with the same `TlsParameters`); this is the bridge from its stream back to
//! the tokio stream its connection takes.
//!
//! `AsyncNetworkStream` is public but deprecated in lettre 0.11 ("not meant to
//! be made public"); lettre's own `connect_with_transport` goes through it too.
//! The smtps delivery tests (`tests/cli/delivery.rs`) run this path against a
//! real TLS server, so a lettre upgrade that changes it fails there first.
#![allow(deprecated)]

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_io::{AsyncRead as FuturesRead, AsyncWrite as FuturesWrite};
use lettre::transport::smtp::Error;
use lettre::transport::smtp::client::{AsyncNetworkStream, AsyncTokioStream, TlsParameters};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// A TLS session over a TCP socket, as a tokio stream.
#[derive(Debug)]
pub(super) struct ImplicitTls(AsyncNetworkStream);

impl ImplicitTls {
    /// Runs the TLS handshake on `socket` before any SMTP is spoken.
    pub(super) async fn handshake(
        socket: TcpStream,
        tls: TlsParameters,
    ) -> Result<ImplicitTls, Error> {
        let mut stream = AsyncNetworkStream::use_existing_tokio1(Box::new(socket));
        stream.upgrade_tls(tls).await?;
        Ok(ImplicitTls(stream))
    }
}

impl AsyncRead for ImplicitTls {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let unfilled = buf.initialize_unfilled();
        match Pin::new(&mut self.0).poll_read(cx, unfilled) {
            Poll::Ready(Ok(read)) => {
                buf.advance(read);
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(error)) => Poll::Ready(Err(error)),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncWrite for ImplicitTls {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_close(cx)
    }
}

impl AsyncTokioStream for ImplicitTls {
    fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.0.peer_addr()
    }
}
