"""Build sitemap.xml and robots.txt text from page paths; imports no Pelican."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from xml.sax.saxutils import escape

# Written pages that are not pages of the site.
EXCLUDED = frozenset({"404.html"})


def page_url(path: str, site_url: str) -> str:
    """Return the URL of an output file: folders end in "/", index.html is dropped."""
    path = path.replace("\\", "/").lstrip("/")
    if path == "index.html":
        path = ""
    elif path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{site_url.rstrip('/')}/{path}"


def sitemap_xml(pages: Mapping[str, datetime | None], site_url: str) -> str:
    """Return a sitemap of the HTML pages {output path: last modified or None}, sorted."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    entries = sorted(
        (page_url(path, site_url), modified)
        for path, modified in pages.items()
        if path.endswith(".html") and path not in EXCLUDED
    )
    for url, modified in entries:
        lastmod = f"<lastmod>{modified.isoformat()}</lastmod>" if modified else ""
        lines.append(f"  <url><loc>{escape(url)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(site_url: str) -> str:
    """Return a robots.txt that allows everything and names the sitemap."""
    return f"User-agent: *\nAllow: /\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
