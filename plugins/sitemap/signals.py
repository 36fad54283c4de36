"""Pelican glue: note every page the writer writes, then write the sitemap and robots.txt."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from typing import Any

from common.urls import is_absolute_url
from pelican import signals

import writer

from .build import robots_txt, sitemap_xml

logger = logging.getLogger(__name__)

OWNER = "sitemap"  # how collision errors name this writer
# A page written with this template variable true (write_file(..., noindex=True)) is
# left out of sitemap.xml: the stories plugin's redirects of absorbed stories.
NOINDEX = "noindex"

# {real output folder: {page path relative to it: last modified}} for builds under way.
_pages: dict[str, dict[str, datetime | None]] = {}


def site_url(settings: dict[str, Any]) -> str:
    """Return SITEURL when it is absolute, else "" (root-relative URLs for a preview)."""
    url = str(settings.get("SITEURL") or "")
    return url.rstrip("/") if is_absolute_url(url) else ""


def last_modified(context: dict[str, Any]) -> datetime | None:
    """Return an article page's exact date (None for other pages and guessed dates)."""
    article = context.get("article")
    if article is None or article.clipping.date_approximate:
        return None
    return getattr(article, "modified", None) or getattr(article, "date", None)


def start(pelican: Any) -> None:
    """Begin recording the pages of one build (each run of `pelican --autoreload` too)."""
    _pages[os.path.realpath(pelican.output_path)] = {}


def record(path: str, context: dict[str, Any] | None = None) -> None:
    """Remember one written page of a build under way (not one written with ``noindex=True``)."""
    if context and context.get(NOINDEX):
        return  # a redirect or another page search engines should not list
    real = path if any(path.startswith(root + os.sep) for root in _pages) else None
    real = real or os.path.realpath(path)  # a stat per folder: only when the output is a link
    for root, pages in _pages.items():
        if real.startswith(root + os.sep):
            pages[os.path.relpath(real, root).replace(os.sep, "/")] = last_modified(context or {})


def write(pelican: Any) -> None:
    """Write sitemap.xml and robots.txt into the output folder, through the one writer."""
    pages = _pages.pop(os.path.realpath(pelican.output_path), {})
    url = site_url(pelican.settings)
    writer.write_file(pelican, "sitemap.xml", sitemap_xml(pages, url).encode(), OWNER)
    writer.write_file(pelican, "robots.txt", robots_txt(url).encode(), OWNER)
    logger.info("sitemap: listed %d pages in sitemap.xml", len(pages))


def register() -> None:
    """Connect the sitemap plugin to Pelican's signals."""
    # get_writer is sent once per run, just before any page is written.
    signals.get_writer.connect(start)
    signals.content_written.connect(record)
    # Written when every page is known, before the writer removes stale files.
    writer.register()
    writer.closing.connect(write)
