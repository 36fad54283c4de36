"""Turn articles and their frozen ``clipping`` into plain FeedEntry records; no Pelican."""

from __future__ import annotations

import logging
import mimetypes
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from html import escape
from html import unescape as html_unescape
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import nh3
from common.text import xml_safe
from common.urls import is_absolute_url

from clippings.model import Image, Related

from .config import FeedSettings

logger = logging.getLogger(__name__)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# Lead images are mostly served with one of these extensions; mimetypes does not
# know every one of them on every platform.
_IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".jpe": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}
# An image URL without a telling extension (".../photo?w=1000") is most often a
# JPEG; feed readers need some image type to show an enclosure at all.
DEFAULT_IMAGE_TYPE = "image/jpeg"

_URL_ATTRIBUTES = {"href", "src", "cite"}
_URL_SCHEMES = {"http", "https", "mailto"}
_TAGS = re.compile(r"<[^>]*>")
# Characters kept as they are when an id URL is made a valid IRI.
_IRI_SAFE = ":/?#[]@!$&'()*+,;=%~"


@dataclass(frozen=True)
class Group:
    """A topic or provider: what a per-topic or per-provider feed is about."""

    name: str
    slug: str
    url: str


@dataclass(frozen=True)
class EntryKey:
    """What feed membership depends on; cheap to get for every article."""

    index: int
    id: str
    published: datetime
    topics: tuple[str, ...]
    provider: str
    approximate: bool = False


@dataclass(frozen=True)
class FeedEntry:
    """One clipping as every feed format sees it; all URLs absolute."""

    id: str
    title: str
    url: str
    published: datetime
    updated: datetime
    summary: str = ""
    content_html: str = ""
    external_url: str = ""
    topics: tuple[Group, ...] = ()
    provider: Group | None = None
    provider_url: str = ""
    image: Image | None = None

    @property
    def image_type(self) -> str:
        """Return the lead image's MIME type, or "" when there is no image."""
        return guess_image_type(self.image.url) if self.image else ""

    # A guessed date: listed after every exact one, and the item says so.
    approximate: bool = False

    @property
    def categories(self) -> tuple[str, ...]:
        """Return the topic names, the entry's categories."""
        return tuple(topic.name for topic in self.topics)

    @property
    def author(self) -> str:
        """Return the provider name, or "" when the clipping names none."""
        return self.provider.name if self.provider else ""


def text(value: Any) -> str:
    """Return value as a stripped string without characters XML cannot carry."""
    return xml_safe(str(value or "")).strip()


def is_published(article: Any) -> bool:
    """Tell whether an article-like object has Pelican's status "published"."""
    return str(getattr(article, "status", "published")) == "published"


def as_utc(value: Any, what: str = "date") -> datetime:
    """Return value as a plain UTC datetime to the second; naive means UTC."""
    if not isinstance(value, datetime):
        raise ValueError(f"feeds: {what} is not a datetime: {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        logger.warning("feeds: %s %s has no timezone, assuming UTC", what, value)
        value = value.replace(tzinfo=UTC)
    utc = value.astimezone(UTC)
    # A plain datetime (not Pelican's SafeDatetime subclass), whole seconds.
    return datetime(*utc.timetuple()[:6], tzinfo=UTC)


def absolute_url(base_url: str, url: str) -> str:
    """Resolve url against the site's base URL (a folder, not a page)."""
    if not url:
        return ""
    if is_absolute_url(url):
        return url
    return urljoin(base_url.rstrip("/") + "/", url.lstrip("/"))


def clean_url(url: str) -> str:
    """Percent-encode the characters (spaces, quotes) a URL may not contain."""
    return quote(url.strip(), safe=_IRI_SAFE)


def entry_id(clipping_id: str, tag_authority: str) -> str:
    """Return the stable Atom/RSS/JSON id for a clipping id.

    A source URL is its own id; a file-name id ("clipping:<name>") becomes a
    tag: URI (RFC 4151) under tag_authority. Neither depends on the title,
    slug, theme or site URL.
    """
    if is_absolute_url(clipping_id):
        return clean_url(clipping_id)
    name = clipping_id.removeprefix("clipping:")
    return f"tag:{tag_authority}:clipping/{quote(name, safe='')}"


def guess_image_type(url: str) -> str:
    """Guess an image's MIME type from its URL's extension."""
    extension = posixpath.splitext(urlsplit(url).path)[1].lower()
    if extension in _IMAGE_TYPES:
        return _IMAGE_TYPES[extension]
    guessed = mimetypes.guess_type("x" + extension)[0] if extension else None
    if guessed and guessed.startswith("image/"):
        return guessed
    return DEFAULT_IMAGE_TYPE


def sanitise_html(html: str, page_url: str) -> str:
    """Sanitise html and make every link and image URL absolute."""

    def absolutise(tag: str, attribute: str, value: str) -> str | None:
        if attribute not in _URL_ATTRIBUTES:
            return value
        if is_absolute_url(value):
            return value
        resolved = urljoin(page_url, value.strip())
        scheme = urlsplit(resolved).scheme.lower()
        return resolved if scheme in _URL_SCHEMES else None

    return nh3.clean(
        html,
        attribute_filter=absolutise,
        link_rel=None,
        url_schemes=_URL_SCHEMES,
    ).strip()


def provider_label(name: str, domain: str, source_url: str) -> str:
    """Return the provider's name for "Read at …", falling back to its host."""
    if name:
        return name
    if domain:
        return domain
    return urlsplit(source_url).hostname or "the publisher"


def date_note(published: datetime, origin: str) -> str:
    """Return the paragraph that tells a feed reader an item's date is a guess."""
    when = published.strftime("%d %b %Y")
    source = f" ({escape(origin)})" if origin else ""
    return f"<p><small>Date approximate: about {when}{source}.</small></p>"


def lead_html(summary: str, image: Image | None, body_html: str) -> str:
    """Return the summary paragraph and the lead image that open an entry's content.

    The summary is left out when the body already opens with it (a clipping
    whose summary was taken from its body's first paragraph).
    """
    parts = []
    opening = " ".join(html_unescape(_TAGS.sub(" ", body_html[: len(summary) * 2 + 200])).split())
    if summary and not opening.startswith(summary.rstrip("…").rstrip()):
        parts.append(f"<p>{escape(summary)}</p>")
    if image:
        size = "".join(
            f' {name}="{value}"'
            for name, value in (("width", image.width), ("height", image.height))
            if value
        )
        parts.append(f'<p><img src="{escape(image.url)}"{size} alt="{escape(image.alt)}"></p>')
    return "\n".join(parts)


def compose_content(
    body_html: str,
    source_url: str,
    label: str,
    related: Iterable[Related],
    related_links: Mapping[str, str],
    base_url: str,
    note: str = "",
    lead: str = "",
) -> str:
    """Return the entry content: summary and image, body, "Read at", related coverage, note.

    ``related_links`` maps a related item's URL to our page for it (relative to
    the site), for the items that are clippings of this digest.
    """
    parts = [lead, body_html or ""]
    if source_url:
        parts.append(f'<p><a href="{escape(source_url)}">Read at {escape(label)}</a></p>')
    items = [_related_item(item, related_links.get(item.url, ""), base_url) for item in related]
    items = [item for item in items if item]
    if items:
        parts.append("<h2>Related coverage</h2>")
        parts.append("<ul>\n" + "\n".join(items) + "\n</ul>")
    parts.append(note)
    return "\n".join(part for part in parts if part)


def story_line(story: Any, base_url: str) -> str:
    """Return "Part of: <story>, N sources" for a clipping whose story has a page, else ""."""
    if story is None or not story.has_page:
        return ""
    count = len(story.sources)
    url = escape(absolute_url(base_url, story.url))
    sources = "source" if count == 1 else "sources"
    return f'\n<p>Part of: <a href="{url}">{escape(text(story.title))}</a>, {count} {sources}</p>'


def _related_item(item: Related, internal: str, base_url: str) -> str:
    """Render one related item as an escaped <li>, or "" when empty."""
    title = text(item.title)
    url = clean_url(absolute_url(base_url, internal) if internal else item.url)
    if not title and not url:
        return ""
    label = escape(title or url)
    line = f'<a href="{escape(url)}">{label}</a>' if url else label
    details = []
    provider = text(item.provider.name or item.provider.domain) if item.provider else ""
    if provider:
        details.append(escape(provider))
    if item.date is not None:
        details.append(as_utc(item.date, "related date").strftime("%d %b %Y"))
    if details:
        line += " (" + ", ".join(details) + ")"
    return f"<li>{line}</li>"


def _group(obj: Any, name: str, base_url: str | None) -> Group | None:
    """Build a Group from a Pelican Tag/Author-like object, or None.

    Without a base_url the group gets no URL: cheaper, for EntryKey.
    """
    if obj is None:
        return None
    slug = str(getattr(obj, "slug", "") or "")
    if not name or not slug:
        return None
    if base_url is None:
        return Group(name=name, slug=slug, url="")
    url = absolute_url(base_url, str(getattr(obj, "url", "") or ""))
    return Group(name=name, slug=slug, url=url)


def _topics(article: Any, base_url: str | None) -> tuple[Group, ...]:
    """Return the article's topics in their order, without repeats."""
    topics: dict[str, Group] = {}
    for tag in getattr(article, "tags", None) or ():
        group = _group(tag, text(getattr(tag, "name", tag)), base_url)
        if group and group.slug not in topics:
            topics[group.slug] = group
    return tuple(topics.values())


def _provider(article: Any, base_url: str | None) -> Group | None:
    """Return the article's provider as a Group, or None when it names none."""
    author = getattr(article, "author", None)
    provider = article.clipping.provider
    name = text(provider.name if provider else "")
    if author is not None and not name:
        name = text(getattr(author, "name", author))
    return _group(author, name, base_url)


def _image(image: Image | None, base_url: str, title: str = "") -> Image | None:
    """Return the lead image with a clean absolute URL (alt: its own, else the title)."""
    if image is None or not image.url:
        return None
    url = clean_url(absolute_url(base_url, image.url))
    if not is_absolute_url(url):
        return None
    return replace(image, url=url, alt=text(image.alt) or title)


def entry_from_article(article: Any, settings: FeedSettings) -> FeedEntry:
    """Build a FeedEntry from an article: Pelican's url, title, date, tags, author and
    content, the reader's frozen ``clipping`` and the link step's ``related_links``."""
    clip = article.clipping
    base = settings.base_url
    url = absolute_url(base, str(getattr(article, "url", "") or ""))
    excerpt = text(clip.excerpt)
    title = text(getattr(article, "title", "")) or excerpt[:80]
    published = as_utc(getattr(article, "date", None), "date")
    modified = getattr(article, "modified", None)
    updated = as_utc(modified, "modified") if modified else published
    source_url = clean_url(clip.source_url)
    if not is_absolute_url(source_url):
        source_url = ""
    provider = _provider(article, base)
    domain = text(clip.provider.domain if clip.provider else "")
    label = provider_label(provider.name if provider else "", domain, source_url)
    approximate = clip.date_approximate
    origin = text(clip.date_origin)
    image = _image(clip.image, base, title)
    body = text(getattr(article, "content", ""))
    content = compose_content(
        body,
        source_url,
        label,
        clip.related,
        article.related_links,
        base,
        date_note(published, origin) if approximate else "",
        lead_html(excerpt, image, body),
    ) + story_line(getattr(article, "story", None), base)
    return FeedEntry(
        id=entry_id(article.clipping.identity, settings.tag_authority),
        title=title or "Untitled clipping",
        url=url,
        published=published,
        updated=max(updated, published),
        summary=excerpt,
        content_html=sanitise_html(content, url or base + "/"),
        external_url=source_url,
        topics=_topics(article, base),
        provider=provider,
        provider_url=f"https://{domain}/" if domain and "/" not in domain else "",
        image=image,
        approximate=approximate,
    )


def entry_key(article: Any, index: int, settings: FeedSettings) -> EntryKey:
    """Return the id, date and group slugs of the article at index."""
    provider = _provider(article, None)
    return EntryKey(
        index=index,
        id=entry_id(article.clipping.identity, settings.tag_authority),
        published=as_utc(getattr(article, "date", None), "date"),
        topics=tuple(topic.slug for topic in _topics(article, None)),
        provider=provider.slug if provider else "",
        approximate=article.clipping.date_approximate,
    )


def entries_from_articles(articles: Iterable[Any], settings: FeedSettings) -> list[FeedEntry]:
    """Build entries for the published articles, skipping every other status."""
    entries = []
    for article in articles:
        if not is_published(article):
            logger.debug(
                "feeds: skipping %s (status %s)",
                getattr(article, "source_path", article),
                getattr(article, "status", "?"),
            )
            continue
        entries.append(entry_from_article(article, settings))
    return entries
