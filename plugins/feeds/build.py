"""Write FeedSpecs as Atom and RSS (feedgen), JSON Feed 1.1 and OPML bytes."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from email.utils import format_datetime
from html import escape
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem
from lxml import etree

from writer.store import OutputCollisionError, OutputStore

from .config import FeedSettings
from .entries import FeedEntry
from .specs import ATOM_TYPE, OPML_SAVE_AS, RSS_TYPE, FeedSpec

logger = logging.getLogger(__name__)

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "newsdigest"


OWNER = "feeds"  # how collision errors name this writer

# Two files of one build want the same output path (the one writer's error).
FeedCollisionError = OutputCollisionError


def _as_html_text(element: Any, plain: str) -> None:
    """Escape an RSS element's plain text for HTML, which is how readers show it.

    RSS titles and descriptions are rendered as HTML by most readers (and
    feedparser calls them text/html), so plain text is escaped once for HTML
    here, and once more for XML when it is written. Atom says type="text".
    """
    if element is not None and plain and element.text == plain:
        element.text = escape(plain, quote=False)


class _LinksExtension(BaseExtension):
    """Feed-level half of the entry workaround: the channel's text, escaped for HTML."""

    def __init__(self) -> None:
        self.plain: dict[str, str] = {}

    def extend_rss(self, feed: Any) -> Any:
        """Escape the channel's plain-text title and description for HTML."""
        channel = feed.find("channel")
        for tag, plain in self.plain.items():
            _as_html_text(channel.find(tag), plain)
        return feed


class _LinksEntryExtension(BaseEntryExtension):
    """Write the entry links feedgen 1.0 cannot write.

    feedgen's atom_entry() drops every attribute but href of an entry <link>
    (upstream issue #135), so rel="related" and rel="enclosure" would turn into
    alternate links. This extension writes them itself, and the RSS <enclosure>
    with them, so one FeedEntry still serves both formats.
    """

    def __init__(self) -> None:
        self.related = ""
        self.enclosure: tuple[str, str] | None = None  # (url, MIME type)
        self.plain: dict[str, str] = {}

    def extend_atom(self, entry: Any) -> Any:
        """Append the related and enclosure links to an Atom <entry>."""
        if self.related:
            xml_elem("link", entry, href=self.related, rel="related", type="text/html")
        if self.enclosure:
            xml_elem(
                "link",
                entry,
                href=self.enclosure[0],
                rel="enclosure",
                type=self.enclosure[1],
            )
        return entry

    def extend_rss(self, item: Any) -> Any:
        """Escape the item's plain text for HTML; append the enclosure (size unknown, 0)."""
        for tag, plain in self.plain.items():
            _as_html_text(item.find(tag), plain)
        if self.enclosure:
            xml_elem(
                "enclosure",
                item,
                url=self.enclosure[0],
                length="0",
                type=self.enclosure[1],
            )
        return item


def _add_entry(fg: FeedGenerator, entry: FeedEntry) -> None:
    """Add one entry to fg, after the ones already there."""
    fe = fg.add_entry(order="append")
    fe.id(entry.id)
    fe.title(entry.title)
    fe.link(href=entry.url)  # rel defaults to alternate, which #135 keeps
    fe.published(entry.published)
    fe.updated(entry.updated)
    if entry.summary:
        fe.summary(entry.summary)
    if entry.content_html:
        fe.content(entry.content_html, type="html")
    if entry.provider:
        author = {"name": entry.provider.name}
        if entry.provider_url:
            author["uri"] = entry.provider_url
        fe.author(author)
        # RSS <author> must be an email address; Dublin Core names the provider.
        fe.dc.dc_creator(entry.provider.name)
    for topic in entry.topics:
        fe.category(term=topic.name)
    fe.digest.related = entry.external_url
    fe.digest.plain = {"title": entry.title, "description": entry.summary}
    if entry.image:
        fe.digest.enclosure = (entry.image.url, entry.image_type)
        media = {"url": entry.image.url, "type": entry.image_type}
        media["medium"] = "image"
        if entry.image.width:
            media["width"] = str(entry.image.width)
        if entry.image.height:
            media["height"] = str(entry.image.height)
        fe.media.content(media, group=None)


def feed_generator(spec: FeedSpec, settings: FeedSettings) -> FeedGenerator:
    """Build the FeedGenerator for a spec, with its entries newest first."""
    fg = FeedGenerator()
    fg.register_extension("digest", _LinksExtension, _LinksEntryExtension)
    fg.load_extension("dc", atom=False, rss=True)
    fg.load_extension("media", atom=False, rss=True)
    fg.id(spec.atom_url)
    fg.title(spec.title)
    fg.subtitle(spec.description)
    fg.digest.plain = {"title": spec.title, "description": spec.description}
    fg.author({"name": settings.site_author})
    fg.language(settings.language)
    fg.generator(GENERATOR)
    # Never "now": the newest entry's dates, so rebuilding gives the same bytes.
    fg.updated(spec.updated)
    fg.pubDate(spec.published)
    for entry in spec.entries:
        _add_entry(fg, entry)
    return fg


def _set_links(fg: FeedGenerator, self_url: str, self_type: str, page_url: str) -> None:
    """Set the feed's self and alternate links; RSS takes the last one's href."""
    fg.link(href=self_url, rel="self", type=self_type, replace=True)
    fg.link(href=page_url, rel="alternate", type="text/html")


def render_atom_and_rss(spec: FeedSpec, settings: FeedSettings) -> tuple[bytes, bytes]:
    """Return a spec's Atom 1.0 and RSS 2.0 documents from one FeedGenerator."""
    fg = feed_generator(spec, settings)
    _set_links(fg, spec.atom_url, ATOM_TYPE, spec.page_url)
    atom = fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    _set_links(fg, spec.rss_url, RSS_TYPE, spec.page_url)
    rss = fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return atom, rss


def _rfc3339(value: Any) -> str:
    """Format an aware datetime as RFC 3339 (what JSON Feed asks for)."""
    return value.isoformat()


def json_item(entry: FeedEntry) -> dict[str, Any]:
    """Return a JSON Feed 1.1 item for an entry."""
    item: dict[str, Any] = {"id": entry.id, "url": entry.url}
    if entry.external_url:
        item["external_url"] = entry.external_url
    item["title"] = entry.title
    item["content_html"] = entry.content_html
    if entry.summary:
        item["summary"] = entry.summary
    if entry.image:
        item["image"] = entry.image.url
    item["date_published"] = _rfc3339(entry.published)
    item["date_modified"] = _rfc3339(entry.updated)
    if entry.provider:
        author = {"name": entry.provider.name}
        if entry.provider_url:
            author["url"] = entry.provider_url
        item["authors"] = [author]
    if entry.topics:
        item["tags"] = list(entry.categories)
    if entry.image:
        item["attachments"] = [{"url": entry.image.url, "mime_type": entry.image_type}]
    return item


def render_json(spec: FeedSpec, settings: FeedSettings) -> bytes:
    """Return a spec's JSON Feed 1.1 document from the same entries."""
    feed = {
        "version": JSON_FEED_VERSION,
        "title": spec.title,
        "home_page_url": spec.page_url,
        "feed_url": spec.json_url,
        "description": spec.description,
        "language": settings.language,
        "authors": [{"name": settings.site_author}],
        "items": [json_item(entry) for entry in spec.entries],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_opml(specs: Iterable[FeedSpec], settings: FeedSettings) -> bytes:
    """Return an OPML 2.0 subscription list of every topic's Atom feed."""
    topics = [spec for spec in specs if spec.kind == "topic"]
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = f"{settings.site_name}: every topic"
    if topics:
        newest = max(spec.updated for spec in topics)
        etree.SubElement(head, "dateModified").text = format_datetime(newest)
    etree.SubElement(head, "ownerName").text = settings.site_author
    body = etree.SubElement(root, "body")
    for spec in topics:
        etree.SubElement(
            body,
            "outline",
            type="rss",
            text=spec.name,
            title=spec.title,
            xmlUrl=spec.atom_url,
            htmlUrl=spec.page_url,
        )
    return etree.tostring(root, pretty_print=True, encoding="UTF-8", xml_declaration=True)


class FeedWriter:
    """Write feed files through the build's one output writer, as owner "feeds"."""

    def __init__(self, store: OutputStore) -> None:
        self.store = store

    def write(self, relative_path: str, data: bytes) -> str:
        """Write data to relative_path; raise OutputCollisionError if anything else wrote it."""
        path = self.store.claim(relative_path, OWNER)
        if self.store.put(path, data):
            logger.info("feeds: writing %s", path)
        return path


def write_feeds(specs: list[FeedSpec], settings: FeedSettings, writer: FeedWriter) -> list[str]:
    """Write every spec's feeds and the topics OPML; return the paths written."""
    paths = []
    for spec in specs:
        atom, rss = render_atom_and_rss(spec, settings)
        paths.append(writer.write(spec.atom_path, atom))
        paths.append(writer.write(spec.rss_path, rss))
        if spec.json_path:
            paths.append(writer.write(spec.json_path, render_json(spec, settings)))
    paths.append(writer.write(OPML_SAVE_AS, render_opml(specs, settings)))
    return paths
