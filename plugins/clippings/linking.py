"""Site-wide fixes that need every clipping at once: unique slugs, internal links."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

from .model import Clipping

K = TypeVar("K")

RESERVED_SLUGS = frozenset(
    {"topics", "providers", "archives", "categories", "feeds", "page", "static",
     "theme", "drafts", "about", "tags", "authors", "index", "404", "search",
     "editions", "sections"}
)  # fmt: skip


MAX_SLUG_BYTES = 100  # file systems allow 255 bytes per name; feeds add a suffix


def short_slug(slug: str, limit: int = 80) -> str:
    """Return slug cut at a hyphen to at most limit UTF-8 bytes."""
    if len(slug.encode()) <= limit:
        return slug
    cut = _cut_bytes(slug, limit)
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


def capped_slug(slug: str, limit: int = MAX_SLUG_BYTES) -> str:
    """Return slug in at most limit UTF-8 bytes; a cut slug ends in a hash of the whole.

    Two long names that share their first limit bytes keep distinct slugs, and
    the same name always gets the same slug (topics are compared by slug).
    """
    if len(slug.encode()) <= limit:
        return slug
    digest = hashlib.sha1(slug.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{_cut_bytes(slug, limit - 11).rstrip('-')}-{digest}"


def _cut_bytes(text: str, limit: int) -> str:
    return text.encode("utf-8", "surrogatepass")[:limit].decode("utf-8", "ignore")


def fallback_slug(identity: str, prefix: str = "clipping") -> str:
    """Return a slug for a name with no letters or digits left after slugifying."""
    data = identity.encode("utf-8", "surrogatepass")
    return f"{prefix}-" + hashlib.sha1(data).hexdigest()[:10]


def unique_slugs(wanted: Iterable[tuple[str, str]], taken: Iterable[str] = ()) -> dict[str, str]:
    """Return {key: slug} with every slug distinct and none reserved or taken.

    ``wanted`` holds (key, slug) pairs in a stable order (the caller sorts by
    source path); the first keeps its slug, later ones get ``-2``, ``-3``...
    """
    used = set(RESERVED_SLUGS) | set(taken)
    result = {}
    for key, slug in wanted:
        candidate, number = slug, 1
        while candidate in used:
            number += 1
            candidate = f"{slug}-{number}"
        used.add(candidate)
        result[key] = candidate
    return result


def url_key(url: str) -> str:
    """Return url in the form two links to the same page share."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = re.sub(r"/+$", "", parts.path) or "/"
    return urlunsplit(("", host, path, parts.query, ""))


def internal_links(related_urls: Iterable[str], own_pages: Mapping[str, str]) -> dict[str, str]:
    """Return {related url: our page url} for links to clippings we publish.

    ``own_pages`` maps each clipping's source URLs (webUrl and originalUrl,
    through url_key) to the URL of our page for it.
    """
    found = {}
    for url in related_urls:
        page = own_pages.get(url_key(url))
        if page:
            found[url] = page
    return found


def related_links(
    clippings: Mapping[K, Clipping], pages: Mapping[K, str]
) -> dict[K, dict[str, str]]:
    """Return {key: {related url: our page url}} for every clipping.

    ``clippings`` and ``pages`` share keys (the caller uses source paths) and
    come in a stable order: when two clippings claim one source URL, the first
    one's page is the link target.
    """
    own_pages: dict[str, str] = {}
    for key, clip in clippings.items():
        for url in clip.source_urls:
            own_pages.setdefault(url_key(url), pages[key])
    return {
        key: internal_links((item.url for item in clip.related), own_pages)
        for key, clip in clippings.items()
    }


def duplicate_sources(items: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Return {key: key of the first item} for items whose source URL came earlier.

    ``items`` are (key, source urls) pairs in a stable order; the first item to
    claim a URL keeps it.
    """
    owner: dict[str, str] = {}
    duplicates = {}
    for key, urls in items:
        keys = [url_key(u) for u in urls]
        earlier = next((owner[k] for k in keys if k in owner), None)
        if earlier is not None:
            duplicates[key] = earlier
            continue
        for k in keys:
            owner[k] = key
    return duplicates


def duplicate_message(path: str, first: str, url: str) -> str:
    """Return the problem line for a clipping whose source an earlier one already has."""
    return f"{path}: same source URL as {first} ({url}); clipping skipped"
