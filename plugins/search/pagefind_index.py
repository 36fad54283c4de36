"""Run Pagefind over a built site and return its search bundle as bytes, written nowhere.

Pagefind comes from PyPI (``pagefind[bin]``: the wheel carries the binary), so
indexing works offline and never downloads anything; ``service.py`` drives it. Only pages with a
``data-pagefind-body`` element are indexed (the theme puts it on the main
content of clipping and story pages), so navigation, sidebars and footers never
show up in results. Imports no Pelican.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .canonical import canonical_bundle
from .service import PagefindService, PagefindServiceError

BUNDLE_DIR = "pagefind"  # where the bundle goes in the site: /pagefind/pagefind-ui.js, ...
MARKER = b"data-pagefind-body"  # pages without it are not indexed


class SearchIndexError(RuntimeError):
    """Pagefind could not be started or could not index the site."""


@dataclass(frozen=True)
class SearchIndex:
    """Pagefind's bundle for one site: {path inside the bundle folder: bytes}."""

    files: Mapping[str, bytes]
    pages: int
    seconds: float

    @property
    def size(self) -> int:
        """Return the bundle's size in bytes."""
        return sum(len(data) for data in self.files.values())

    def summary(self) -> str:
        """Return the build summary's words for the index: pages, time and size."""
        return (
            f"{self.pages} pages indexed for search in {self.seconds:.1f} s "
            f"({self.size / 1_000_000:.1f} MB in {len(self.files)} files)"
        )


def index_site(site: Path, pages: Iterable[str] | None = None, language: str = "en") -> SearchIndex:
    """Index the pages of site that have a data-pagefind-body element.

    pages (paths relative to site) limits the index to those files, so that
    pages a previous build left behind are never indexed; None means every
    HTML file under site. Pages are read here and handed to Pagefind in memory,
    in path order.
    """
    started = time.perf_counter()
    if pages is None:
        pages = (path.relative_to(site).as_posix() for path in Path(site).rglob("*.html"))
    try:
        with PagefindService() as service:
            files = service.index_pages(searchable_pages(Path(site), sorted(pages)), language)
    except PagefindServiceError as error:
        raise SearchIndexError(f"{error} (indexing {site})") from error
    files = canonical_bundle(files)
    seconds = time.perf_counter() - started
    return SearchIndex(files=files, pages=indexed_pages(files), seconds=seconds)


def searchable_pages(site: Path, pages: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Yield (URL, HTML) for each page that marks content for the index.

    The URL is the one Pagefind gives a page it finds on disk: the page's path
    from the site root, less a final ``index.html``. Pages without
    ``data-pagefind-body`` are not sent: Pagefind would skip them anyway.
    """
    for relative in pages:
        data = Path(site, relative).read_bytes()
        if MARKER not in data:
            continue
        url = "/" + relative
        if url.endswith("/index.html") or url == "/index.html":
            url = url[: -len("index.html")]
        yield url, data.decode("utf-8", errors="replace")


def indexed_pages(files: Mapping[str, bytes]) -> int:
    """Return how many pages the bundle's entry file says were indexed."""
    try:
        entry = json.loads(files["pagefind-entry.json"])
        return sum(int(language["page_count"]) for language in entry["languages"].values())
    except (KeyError, TypeError, ValueError):
        return 0
