"""Run Pagefind over a built site and return its search bundle as bytes, written nowhere.

Pagefind comes from PyPI (``pagefind[bin]``: the wheel carries the binary), so
indexing works offline and never downloads anything; ``service.py`` drives it. Only pages with a
``data-pagefind-body`` element are indexed (the theme puts it on the main
content of clipping and story pages), so navigation, sidebars and footers never
show up in results. Imports no Pelican.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .canonical import canonical_bundle
from .service import PagefindService, PagefindServiceError

BUNDLE_DIR = "pagefind"  # where the bundle goes in the site: /pagefind/pagefind-ui.js, ...


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


def index_site(
    site: Path,
    pages: Iterable[str] | None = None,
    language: str = "en",
    scratch: Path | None = None,
) -> SearchIndex:
    """Index the pages of site that have a data-pagefind-body element.

    pages (paths relative to site) limits the index to those files, so that
    pages a previous build left behind are never indexed. When every HTML file
    in site is one of them (the usual case: the one writer removes stale pages
    first), Pagefind reads site itself, several pages at a time; otherwise the
    pages are linked into a scratch copy of the site (in scratch, or the
    system's temporary folder) and Pagefind reads that.
    """
    started = time.perf_counter()
    site = Path(site).resolve()
    try:
        with PagefindService() as service:
            if pages is None or html_files(site) <= set(pages):
                files = service.index_directory(site, language)
            else:
                with tempfile.TemporaryDirectory(
                    prefix="newsdigest-pagefind-", dir=scratch
                ) as copy:
                    source = link_pages(site, pages, Path(copy))
                    files = service.index_directory(source, language)
    except PagefindServiceError as error:
        raise SearchIndexError(f"{error} (indexing {site})") from error
    files = canonical_bundle(files)
    seconds = time.perf_counter() - started
    return SearchIndex(files=files, pages=indexed_pages(files), seconds=seconds)


def html_files(site: Path) -> set[str]:
    """Return the paths (relative, with slashes) of every HTML file under site."""
    found = set()
    for folder, _, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        for name in names:
            if name.endswith(".html"):
                found.add(name if relative == "." else f"{relative}/{name}".replace(os.sep, "/"))
    return found


def link_pages(site: Path, pages: Iterable[str], target: Path) -> Path:
    """Make target a copy of site holding only pages (hard links where possible); return it."""
    target.mkdir(parents=True, exist_ok=True)
    for relative in pages:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(Path(site, relative), destination)
        except OSError:  # another file system, or links not allowed: copy
            shutil.copyfile(Path(site, relative), destination)
    return target.resolve()


def indexed_pages(files: Mapping[str, bytes]) -> int:
    """Return how many pages the bundle's entry file says were indexed."""
    try:
        entry = json.loads(files["pagefind-entry.json"])
        return sum(int(language["page_count"]) for language in entry["languages"].values())
    except (KeyError, TypeError, ValueError):
        return 0
