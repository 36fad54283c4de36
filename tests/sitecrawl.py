"""Serve a built site under a URL prefix the way GitHub Pages does, and crawl it."""

from __future__ import annotations

import contextlib
import http.server
import mimetypes
import posixpath
import re
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import lxml.etree
import lxml.html

# Content types GitHub Pages sends for the files a Pelican site is made of.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}

# (tag, attribute) pairs whose value is one URL, and those holding a srcset list.
HTML_URL_ATTRIBUTES = (
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("video", "poster"),
    ("iframe", "src"),
)
HTML_SRCSET_TAGS = ("img", "source")
# Share-card metadata must point at the published site too.
META_URL_NAMES = frozenset({"og:url", "og:image", "twitter:image"})

# Feed and sitemap elements whose text is a link to follow.
XML_LINK_ELEMENTS = frozenset({"loc", "link", "url", "comments", "docs"})
XML_LINK_ATTRIBUTES = ("href", "src", "url")

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
ABSOLUTE_URL = re.compile(r"^https?://\S+$")
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "blob:")
FEED_TYPES = ("xml", "atom", "rss")


@dataclass
class CrawlResult:
    """What a crawl found: pages, broken links, external links, URLs in XML files."""

    start_url: str
    visited: set[str] = field(default_factory=set)
    statuses: dict[str, int] = field(default_factory=dict)
    linked_from: dict[str, set[str]] = field(default_factory=dict)
    external: dict[str, set[str]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    xml_urls: dict[str, set[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    truncated: bool = False

    @property
    def broken(self) -> list[tuple[str, int, list[str]]]:
        """Return (url, status, pages linking it) for every URL not answered 200."""
        return [
            (url, status, sorted(self.linked_from.get(url, ())))
            for url, status in sorted(self.statuses.items())
            if status != 200 and url not in self.redirects
        ]

    @property
    def ok(self) -> bool:
        """Tell whether the crawl found no broken link, no unreadable file, no cut."""
        return not self.broken and not self.errors and not self.truncated

    def report(self) -> str:
        """Describe the problems found, one line each, for an assertion message."""
        lines = [
            f"{status} {url} (linked from {', '.join(pages) or 'nowhere: a start URL'})"
            for url, status, pages in self.broken
        ]
        lines += [f"unreadable {url}: {message}" for url, message in self.errors.items()]
        if self.truncated:
            lines.append(f"crawl stopped early after {len(self.visited)} URLs")
        return "\n".join(lines) or "no problems"


# --- Serving -----------------------------------------------------------------


def _normalise_prefix(prefix: str) -> str:
    """Return the prefix as "" or "/a/b" (leading slash, no trailing slash)."""
    prefix = prefix.strip("/")
    return f"/{prefix}" if prefix else ""


class _PagesHandler(http.server.BaseHTTPRequestHandler):
    """Answer like GitHub Pages: folder URLs get index.html, misses get /404.html."""

    root: Path
    prefix: str

    def do_GET(self) -> None:
        """Send the file the URL names, with its body."""
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        """Send the headers GET would send."""
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def _respond(self, *, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if path != self.prefix and not path.startswith(self.prefix + "/"):
            self._send(404, b"Not found: outside the site's prefix\n", "text/plain", send_body)
            return
        relative = path[len(self.prefix) :]
        # normpath of an absolute path never climbs above "/": no way out of root.
        normalised = posixpath.normpath("/" + relative.lstrip("/"))
        target = self.root / normalised.lstrip("/")
        page = target.parent / (target.name + ".html")
        if target.is_dir():
            if not path.endswith("/"):
                # GitHub Pages redirects a folder URL without its slash.
                self._redirect(path + "/")
                return
            target = target / "index.html"
        elif not target.is_file() and page.is_file():
            # GitHub Pages serves /about from about.html.
            target = page
        if target.is_file():
            content_type = CONTENT_TYPES.get(target.suffix) or (
                mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            )
            self._send(200, target.read_bytes(), content_type, send_body)
            return
        not_found = self.root / "404.html"
        if not_found.is_file():
            self._send(404, not_found.read_bytes(), CONTENT_TYPES[".html"], send_body)
        else:
            self._send(404, b"Not found\n", "text/plain", send_body)

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, body: bytes, content_type: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: str | Path, prefix: str = "/newsdigest") -> Iterator[str]:
    """Serve directory on 127.0.0.1 at a free port under prefix; yield the base URL.

    The base URL has no trailing slash, so it is the SITEURL to build the site with.
    The directory may be filled (or replaced) after the server starts.
    """
    handler = type(
        "PagesHandler",
        (_PagesHandler,),
        {"root": Path(directory).resolve(), "prefix": _normalise_prefix(prefix)},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    # A short poll interval makes shutdown() quick: tests start many servers.
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name="sitecrawl-serve",
        daemon=True,
    )
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}{handler.prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- Extracting links ---------------------------------------------------------


def _srcset_urls(value: str) -> list[str]:
    """Return the URLs of a srcset attribute ("a.png 1x, b.png 2x")."""
    return [part.split()[0] for part in value.split(",") if part.strip()]


def html_links(body: bytes, page_url: str) -> list[str]:
    """Return every URL an HTML page references, resolved against the page."""
    try:
        document = lxml.html.document_fromstring(body)
    except (lxml.etree.ParserError, ValueError):
        return []
    base = page_url
    for href in document.xpath("//base/@href"):
        base = urljoin(page_url, href.strip())
        break
    raw: list[str] = []
    for tag, attribute in HTML_URL_ATTRIBUTES:
        raw += document.xpath(f"//{tag}/@{attribute}")
    for tag in HTML_SRCSET_TAGS:
        for value in document.xpath(f"//{tag}/@srcset"):
            raw += _srcset_urls(value)
    for meta in document.xpath("//meta[@property or @name]"):
        if (meta.get("property") or meta.get("name")) in META_URL_NAMES:
            raw.append(meta.get("content") or "")
    return [urljoin(base, url.strip()) for url in raw if _is_followable(url)]


def css_links(text: str, sheet_url: str) -> list[str]:
    """Return the url(...) and @import targets of a stylesheet."""
    found = [m.group(2) or m.group(4) for m in CSS_URL.finditer(text)]
    return [urljoin(sheet_url, url.strip()) for url in found if _is_followable(url)]


def xml_references(body: bytes) -> tuple[set[str], list[str]]:
    """Return (every URL-like value in an XML file, the links among them to follow).

    URL-like values are href/src/url attributes, link elements' text and any text
    that is an absolute http(s) URL. Namespace declarations are not values.
    """
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True)
    root = lxml.etree.fromstring(body, parser)
    found: set[str] = set()
    follow: list[str] = []
    for element in root.iter(lxml.etree.Element):
        name = lxml.etree.QName(element).localname
        for attribute in XML_LINK_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                found.add(value.strip())
                follow.append(value.strip())
        text = (element.text or "").strip()
        if name in XML_LINK_ELEMENTS and text:
            found.add(text)
            follow.append(text)
        elif ABSOLUTE_URL.match(text):
            found.add(text)
    return found, [url for url in follow if _is_followable(url)]


def robots_sitemaps(text: str, robots_url: str) -> list[str]:
    """Return the Sitemap: URLs that a robots.txt names."""
    return [
        urljoin(robots_url, line.split(":", 1)[1].strip())
        for line in text.splitlines()
        if line.lower().startswith("sitemap:")
    ]


def _is_followable(url: str) -> bool:
    """Tell whether a reference is a web URL (not empty, mailto:, data: …)."""
    url = url.strip()
    return bool(url) and not url.lower().startswith(SKIPPED_SCHEMES)


# --- Crawling -----------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Let the crawler see redirects, so it can record them."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _fetch(
    opener: urllib.request.OpenerDirector, url: str, timeout: float
) -> tuple[int, Message, bytes]:
    """Return (status, headers, body) for url; HTTP errors are answers too."""
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def _kind(url: str, content_type: str) -> str:
    """Classify a response as html, css, xml, robots or other."""
    content_type = content_type.split(";")[0].strip().lower()
    path = urlsplit(url).path
    if content_type == "text/html":
        return "html"
    if content_type == "text/css":
        return "css"
    if content_type.endswith(("/xml", "+xml")) or path.endswith(FEED_TYPES):
        return "xml"
    if path.endswith("/robots.txt"):
        return "robots"
    return "other"


def crawl(
    start_url: str,
    *,
    seeds: Iterable[str] = (),
    max_pages: int = 2000,
    timeout: float = 10.0,
    time_limit: float = 300.0,
) -> CrawlResult:
    """Follow every link from start_url (and seeds) on the same host; never leave it.

    Fetches pages, stylesheets, scripts, images, feeds, sitemaps and robots.txt;
    follows links found in HTML, CSS, XML (feeds, sitemaps) and robots.txt. Links
    to other hosts are recorded in `external`, never fetched. Redirects are
    followed and recorded. Stops after max_pages fetches or time_limit seconds.
    """
    result = CrawlResult(start_url=start_url)
    origin = urlsplit(start_url)[:2]
    opener = urllib.request.build_opener(_NoRedirect)
    queue: deque[str] = deque()
    queued: set[str] = set()

    def add(url: str, found_on: str | None) -> None:
        url = urldefrag(url).url
        if urlsplit(url)[:2] != origin:
            if urlsplit(url).scheme in ("http", "https"):
                result.external.setdefault(url, set()).add(found_on or "")
            return
        if found_on is not None:
            result.linked_from.setdefault(url, set()).add(found_on)
        if url not in queued:
            queued.add(url)
            queue.append(url)

    add(start_url, None)
    for seed in seeds:
        add(seed, None)
    deadline = time.monotonic() + time_limit
    while queue:
        if len(result.visited) >= max_pages or time.monotonic() > deadline:
            result.truncated = True
            break
        url = queue.popleft()
        result.visited.add(url)
        try:
            status, headers, body = _fetch(opener, url, timeout)
        except OSError as error:
            result.statuses[url] = 0
            result.errors[url] = str(error)
            continue
        if 300 <= status < 400 and headers.get("Location"):
            target = urljoin(url, headers["Location"])
            result.redirects[url] = target
            add(target, url)
        result.statuses[url] = status
        if status == 200:
            _read_links(url, headers.get("Content-Type", ""), body, result, add)
    return result


def _read_links(
    url: str,
    content_type: str,
    body: bytes,
    result: CrawlResult,
    add: Callable[[str, str | None], None],
) -> None:
    """Queue the links one fetched file holds, by kind of file."""
    kind = _kind(url, content_type)
    if kind == "html":
        links = html_links(body, url)
    elif kind == "css":
        links = css_links(body.decode("utf-8", "replace"), url)
    elif kind == "robots":
        links = robots_sitemaps(body.decode("utf-8", "replace"), url)
    elif kind == "xml":
        try:
            found, follow = xml_references(body)
        except lxml.etree.XMLSyntaxError as error:
            result.errors[url] = f"not well-formed XML: {error}"
            return
        result.xml_urls[url] = found
        links = [urljoin(url, link) for link in follow]
    else:
        return
    for link in links:
        add(link, url)
