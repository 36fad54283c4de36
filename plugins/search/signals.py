"""Pelican glue: add the /search/ page, then index the written pages with Pagefind."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.log import console

import writer

from .pagefind_index import BUNDLE_DIR, SearchIndexError, index_site
from .settings import SearchSettings

logger = logging.getLogger(__name__)

OWNER = "search"  # how collision errors name this writer
SEARCH_TEMPLATE = "search"  # theme/templates/search.html, written to SEARCH_SAVE_AS


def configure(pelican: Any) -> None:
    """Check DIGEST_SEARCH once; when on, add the search page to the direct templates."""
    settings = pelican.settings
    enabled = settings["DIGEST_SEARCH"] = SearchSettings.from_settings(settings).enabled
    templates = [name for name in settings["DIRECT_TEMPLATES"] if name != SEARCH_TEMPLATE]
    if enabled:
        templates.append(SEARCH_TEMPLATE)
        settings.setdefault("SEARCH_URL", "search/")
        settings.setdefault("SEARCH_SAVE_AS", "search/index.html")
    settings["DIRECT_TEMPLATES"] = templates


def index_output(pelican: Any, files: list[str] = ()) -> None:
    """Index the pages this build wrote and write the bundle to /pagefind/ through the writer."""
    settings = pelican.settings
    if not settings.get("DIGEST_SEARCH"):
        return
    pages = [f for f in files if f.endswith(".html") and not f.startswith(BUNDLE_DIR + "/")]
    scratch = Path(settings["CACHE_PATH"])
    scratch.mkdir(parents=True, exist_ok=True)  # hard links need the output's file system
    try:
        index = index_site(
            Path(pelican.output_path),
            pages,
            language=str(settings.get("DEFAULT_LANG") or "en"),
            scratch=scratch,
        )
    except SearchIndexError as error:
        logger.error("%s", error)
        return
    changed = sum(
        writer.write_file(pelican, f"{BUNDLE_DIR}/{path}", data, OWNER)
        for path, data in index.files.items()
    )
    logger.info("search: indexed %d pages; %d bundle files changed", index.pages, changed)
    progress = build_progress(pelican)
    if progress is not None:
        progress.note(index.summary())
    else:
        console.print(f"search: {index.summary()}", soft_wrap=True)


def build_progress(pelican: Any) -> Any:
    """Return the build's progress counter when the speedups plugin keeps one, else None.

    Looked up, not imported: a plugin can only import plugins Pelican loaded.
    """
    held = getattr(pelican, "speedups_writer", None)
    return held.progress() if held is not None else None


def register() -> None:
    """Connect the search plugin to Pelican's and the one writer's signals."""
    signals.initialized.connect(configure)
    writer.register()
    # built: every page is on disk (held-back pages included); stale files go after it.
    writer.built.connect(index_output)
