#!/usr/bin/env python3
"""A real SMTP server for tests (aiosmtpd): plain, STARTTLS or implicit TLS.

Each accepted message is appended to --out as one JSON line:
  {"mail_from", "rcpt_tos", "helo", "tls", "auth_user", "data",
   "headers": {name: decoded value}, "text", "html"}
TLS uses a self-signed certificate for `smtp.test.invalid`, made at start, so a
client that verifies certificates or host names must refuse it.
Prints `ready <port>` on stdout once listening (--port 0 picks a free port).
"""

import argparse
import base64
import asyncio
import datetime
import email
import email.policy
import json
import os
import ssl
import sys
import tempfile

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CERT_NAME = "smtp.test.invalid"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mode", choices=["plain", "starttls", "tls"], default="plain")
    parser.add_argument("--out", required=True, help="JSON Lines file of received messages")
    parser.add_argument("--reply-code", type=int, help="refuse every message with this code")
    parser.add_argument("--auth", help="user:pass required before MAIL (TLS modes only)")
    parser.add_argument("--echo", action="store_true",
                        help="with --reply-code: the refusal quotes the credentials and the message, as a careless server does")
    args = parser.parse_args()
    if args.auth and args.mode == "plain":
        parser.error("--auth needs --mode starttls or tls: credentials never travel in clear")
    if args.auth and ":" not in args.auth:
        parser.error("--auth must be user:pass")
    return args


def self_signed_context():
    """A server TLS context (TLS 1.2+) with a fresh self-signed EC certificate."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CERT_NAME)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(CERT_NAME)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    with tempfile.TemporaryDirectory() as scratch:
        cert_path = os.path.join(scratch, "cert.pem")
        key_path = os.path.join(scratch, "key.pem")
        with open(cert_path, "wb") as f:
            f.write(cert.public_bytes(serialization.Encoding.PEM))
        with open(key_path, "wb") as f:
            f.write(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                )
            )
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(cert_path, key_path)
    return context


def parts(message):
    """The text/plain and text/html bodies of a parsed message."""
    text = html = None
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and text is None:
            text = part.get_content()
        elif kind == "text/html" and html is None:
            html = part.get_content()
    return text, html


class Recorder:
    def __init__(self, out, reply_code, implicit_tls, echo=None):
        self.out = out
        self.reply_code = reply_code
        self.implicit_tls = implicit_tls
        self.echo = echo  # the user:pass to quote, "" for none; None: no echo

    async def handle_DATA(self, server, session, envelope):
        if self.reply_code and self.echo is not None:
            raw = (envelope.original_content or envelope.content).decode("utf-8", "replace")
            user, _, password = self.echo.partition(":")
            plain = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
            quoted = " ".join(f"{password} {plain} {raw}".split())[:900]
            return f"{self.reply_code} message refused by the test server: {quoted}"
        if self.reply_code:
            return f"{self.reply_code} message refused by the test server"
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        text, html = parts(message)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "helo": session.host_name,
            "tls": self.implicit_tls or session.ssl is not None,
            "auth_user": session.auth_data if session.authenticated else None,
            "data": raw.decode("utf-8", "replace"),
            "headers": {name: str(value) for name, value in message.items()},
            "text": text,
            "html": html,
        }
        # Written before the reply, so a client that saw 250 finds the line.
        with open(self.out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        return "250 OK"


def authenticator_for(credentials):
    user, password = credentials.split(":", 1)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode()
            and auth_data.password == password.encode()
        )
        return AuthResult(success=ok, handled=False, auth_data=user if ok else None)

    return authenticate


async def serve(args):
    tls = self_signed_context() if args.mode != "plain" else None
    handler = Recorder(args.out, args.reply_code, implicit_tls=args.mode == "tls",
                       echo=(args.auth or "") if args.echo else None)
    options = {"hostname": "smtp.test.invalid"}
    if args.mode == "starttls":
        options.update(tls_context=tls, require_starttls=True)
    if args.auth:
        options.update(
            authenticator=authenticator_for(args.auth),
            auth_required=True,
            # Implicit TLS is TLS from the first byte, which aiosmtpd cannot see.
            auth_require_tls=args.mode == "starttls",
        )
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, **options),
        host="127.0.0.1",
        port=args.port,
        ssl=tls if args.mode == "tls" else None,
    )
    port = server.sockets[0].getsockname()[1]
    print(f"ready {port}", flush=True)
    async with server:
        await server.serve_forever()


def main():
    args = parse_args()
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
