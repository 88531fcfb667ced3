#!/usr/bin/env python3
"""A real HTTP receiver for tests (standard library only).

Each request is appended to --out as one JSON line:
  {"method", "path", "headers": {lower-case name: value}, "body"}
and answered with the next status of --statuses (the last one repeats), with the
body `status <code>`, or with --echo the request itself (method, path, headers and
body as JSON), as a careless upstream reflects what it was sent. With --stall-if TEXT
a request whose body holds TEXT is recorded and never answered, as a silent
upstream that accepted the connection. Prints `ready <port>` on stdout once listening
(--port 0 picks a free port).
"""

import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True, help="JSON Lines file of received requests")
    parser.add_argument("--statuses", default="200", help="e.g. 500,500,200")
    parser.add_argument("--delay-ms", type=int, default=0, help="wait before each reply")
    parser.add_argument("--echo", action="store_true", help="reply with the request as JSON")
    parser.add_argument("--stall-if", default="", help="never answer a request whose body holds this")
    return parser.parse_args()


class Statuses:
    """Hands out the configured statuses in order; the last one repeats."""

    def __init__(self, text):
        self.codes = [int(code) for code in text.split(",") if code.strip()]
        self.lock = threading.Lock()

    def next(self):
        with self.lock:
            return self.codes.pop(0) if len(self.codes) > 1 else self.codes[0]


def handler_class(out, statuses, delay, echo, stall_if):
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {}
            for name, value in self.headers.items():
                name = name.lower()
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
            record = {
                "method": self.command,
                "path": self.path,
                "headers": headers,
                "body": body.decode("utf-8", "replace"),
            }
            # Written before the reply, so a client that saw the status finds the line.
            with lock, open(out, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
            if stall_if and stall_if in record["body"]:
                time.sleep(3600)  # the process is killed long before
                return
            if delay:
                time.sleep(delay)
            status = statuses.next()
            reply = json.dumps(record).encode() if echo else f"status {status}".encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if echo else "text/plain")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply)

        def log_message(self, format, *args):
            # Quiet: stdout carries only the ready line, stderr only real problems.
            pass

    for method in METHODS:
        setattr(Handler, f"do_{method}", Handler.handle_any)
    return Handler


def main():
    args = parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler_class(args.out, Statuses(args.statuses), args.delay_ms / 1000.0, args.echo, args.stall_if))
    print(f"ready {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
