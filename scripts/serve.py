"""Serve a built site on 127.0.0.1 the way GitHub Pages does: folders, then 404.html.

`make serve` and `make devserver` run it. Pelican's own `--listen` server answers
a missing URL with an empty reply; a reader of the preview should see the site's
not-found page, with status 404, as they will once it is published.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

NOT_FOUND_PAGE = "404.html"

# Types Python's mimetypes does not know, or knows by another name than GitHub Pages.
EXTRA_TYPES = {
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".json": "application/json",
    ".ico": "image/x-icon",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files from the output folder; a missing path gets its 404.html."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **EXTRA_TYPES,
    }

    def end_headers(self) -> None:
        """Ask the browser to revalidate every file: the preview changes under it."""
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        """Answer 404 with the site's own not-found page when it has one."""
        page = Path(self.directory) / NOT_FOUND_PAGE
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Log one line per request on stderr, as http.server does, without the client address."""
        sys.stderr.write(f"{format % args}\n")


class QuietSiteHandler(SiteHandler):
    """SiteHandler that logs nothing (for scripts that print their own report)."""

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing."""


def make_server(directory: Path, bind: str = "127.0.0.1", port: int = 8000, quiet: bool = False):
    """Return a threading HTTP server for directory (port 0 picks a free port)."""
    handler_class = QuietSiteHandler if quiet else SiteHandler
    handler = functools.partial(handler_class, directory=str(directory))
    return http.server.ThreadingHTTPServer((bind, port), handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the output folder until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default="output", type=Path)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        parser.error(f"{args.directory} does not exist: run `make html` first")
    with make_server(args.directory, args.bind, args.port) as server:
        host, port = server.server_address[:2]
        print(f"Serving {args.directory}/ at http://{host}:{port}/ (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
