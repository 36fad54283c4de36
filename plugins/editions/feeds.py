"""The edition feeds: one entry per edition, full HTML content, ids that never change."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from feedgen.feed import FeedGenerator
from lxml import etree

ATOM_PATH = "feeds/editions.atom.xml"
RSS_PATH = "feeds/editions.rss.xml"
JSON_PATH = "feeds/editions.json"
FEED_TYPES = (
    (ATOM_PATH, "application/atom+xml", "Atom"),
    (RSS_PATH, "application/rss+xml", "RSS"),
    (JSON_PATH, "application/feed+json", "JSON Feed"),
)


@dataclass(frozen=True)
class EditionEntry:
    """One edition as a feed entry."""

    url: str  # absolute: also the entry's id
    title: str
    summary: str  # the opening line, plain text
    content_html: str  # the edition's stories as HTML (trusted: rendered from our template)
    published: datetime  # the edition's first clipping date
    updated: datetime  # its newest clipping date


@dataclass(frozen=True)
class EditionFeed:
    """The edition feed's own metadata."""

    title: str
    description: str
    base_url: str  # absolute site URL without the trailing slash
    page_url: str  # absolute URL of /editions/
    author: str
    language: str = "en"


def _generator(feed: EditionFeed, entries: Sequence[EditionEntry]) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(f"{feed.base_url}/{ATOM_PATH}")
    fg.title(feed.title)
    fg.subtitle(feed.description)
    fg.author({"name": feed.author})
    fg.language(feed.language)
    fg.generator("newsdigest")
    # Never "now": the newest edition's dates, so a rebuild gives the same bytes.
    newest = max((e.updated for e in entries), default=None)
    if newest is not None:
        fg.updated(newest)
        fg.lastBuildDate(newest)
        fg.pubDate(max(e.published for e in entries))
    for entry in entries:
        fe = fg.add_entry(order="append")
        fe.id(entry.url)
        fe.guid(entry.url, permalink=True)
        fe.title(entry.title)
        fe.link(href=entry.url, rel="alternate", type="text/html")
        fe.published(entry.published)
        fe.updated(entry.updated)
        fe.summary(entry.summary)
        fe.description(entry.summary)
        fe.content(entry.content_html, type="html")
    return fg


def _html_text(rss: bytes) -> bytes:
    """Escape RSS titles and descriptions for HTML: readers render them as HTML."""
    root = etree.fromstring(rss)
    channel = root.find("channel")
    for element in [channel.find("title"), channel.find("description")] + [
        item.find(tag) for item in channel.iter("item") for tag in ("title", "description")
    ]:
        if element is not None and element.text:
            element.text = escape(element.text, quote=False)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def render_feeds(feed: EditionFeed, entries: Sequence[EditionEntry]) -> dict[str, bytes]:
    """Return {output path: bytes} for the Atom, RSS and JSON edition feeds."""
    fg = _generator(feed, entries)
    fg.link(href=f"{feed.base_url}/{ATOM_PATH}", rel="self", type="application/atom+xml")
    fg.link(href=feed.page_url, rel="alternate", type="text/html")
    atom = fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    fg.link(
        href=f"{feed.base_url}/{RSS_PATH}", rel="self", type="application/rss+xml", replace=True
    )
    fg.link(href=feed.page_url, rel="alternate", type="text/html")
    rss = _html_text(fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True))
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "description": feed.description,
        "home_page_url": feed.page_url,
        "feed_url": f"{feed.base_url}/{JSON_PATH}",
        "language": feed.language,
        "authors": [{"name": feed.author}],
        "items": [
            {
                "id": e.url,
                "url": e.url,
                "title": e.title,
                "summary": e.summary,
                "content_html": e.content_html,
                "date_published": e.published.isoformat(),
                "date_modified": e.updated.isoformat(),
            }
            for e in entries
        ],
    }
    data = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return {ATOM_PATH: atom, RSS_PATH: rss, JSON_PATH: data.encode("utf-8")}
