"""Run Pagefind over a built site and return its search bundle as bytes, written nowhere.

Pagefind comes from PyPI (``pagefind[bin]``: the wheel carries the binary), so
indexing works offline and never downloads anything. Only pages with a
``data-pagefind-body`` element are indexed (the theme puts it on the main
content of clipping and story pages), so navigation, sidebars and footers never
show up in results. Imports no Pelican.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import shutil
import tempfile
import time
from collections.abc import Coroutine, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .canonical import canonical_bundle

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
    pages a previous build left behind are never indexed; they are linked into
    a scratch copy of the site (in scratch, or the system's temporary folder).
    """
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsdigest-pagefind-", dir=scratch) as folder:
        bundle = Path(folder, "bundle")
        source = (
            Path(site).resolve() if pages is None else link_pages(site, pages, Path(folder, "site"))
        )
        # Pagefind writes its bundle into the scratch folder, read back as bytes so
        # that the caller writes it like any other output file. (get_files() would
        # hand the bytes over directly, but the Python API reads each reply as one
        # line of at most 2 MiB, and a site of a few thousand clippings exceeds it.)
        try:
            run_in_own_loop(_run_pagefind(source, bundle, language))
        except Exception as error:  # Pagefind's service reports its failures as bare Exception
            raise SearchIndexError(f"search: Pagefind failed on {site}: {error}") from error
        files = canonical_bundle(read_tree(bundle))
    seconds = time.perf_counter() - started
    return SearchIndex(files=files, pages=indexed_pages(files), seconds=seconds)


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


def run_in_own_loop(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run coroutine to the end on a fresh event loop in a thread of its own.

    The caller may already be inside a running loop (Playwright's sync API,
    a notebook), where asyncio.run() refuses to start.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


async def _run_pagefind(site: Path, bundle: Path, language: str) -> None:
    """Index site with Pagefind's Python API and write the bundle to the bundle folder."""
    from pagefind.index import IndexConfig, PagefindIndex

    # One language for the whole digest: Pagefind would otherwise split the
    # index by each page's <html lang>, and a clipping in another language
    # would land in an index that the search page never loads.
    config = IndexConfig(force_language=language, output_path=str(bundle))
    # Leaving the context writes the bundle to output_path.
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site))


def indexed_pages(files: Mapping[str, bytes]) -> int:
    """Return how many pages the bundle's entry file says were indexed."""
    try:
        entry = json.loads(files["pagefind-entry.json"])
        return sum(int(language["page_count"]) for language in entry["languages"].values())
    except (KeyError, TypeError, ValueError):
        return 0


def read_tree(folder: Path) -> dict[str, bytes]:
    """Return {relative POSIX path: bytes} of every file under folder, sorted."""
    files = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = Path(directory, name)
            files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return dict(sorted(files.items()))
