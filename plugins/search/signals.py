"""Pelican glue: add the /search/ page, then index the written pages with Pagefind."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.log import console

from .bundle import sync_folder
from .pagefind_index import BUNDLE_DIR, SearchIndexError, index_site
from .settings import search_enabled

logger = logging.getLogger(__name__)

SEARCH_TEMPLATE = "search"  # theme/templates/search.html, written to SEARCH_SAVE_AS


def configure(pelican: Any) -> None:
    """Check DIGEST_SEARCH once; when on, add the search page to the direct templates."""
    settings = pelican.settings
    enabled = settings["DIGEST_SEARCH"] = search_enabled(settings)
    templates = [name for name in settings["DIRECT_TEMPLATES"] if name != SEARCH_TEMPLATE]
    if enabled:
        templates.append(SEARCH_TEMPLATE)
        settings.setdefault("SEARCH_URL", "search/")
        settings.setdefault("SEARCH_SAVE_AS", "search/index.html")
    settings["DIRECT_TEMPLATES"] = templates


def index_output(pelican: Any) -> None:
    """Index the built site with Pagefind and put the bundle in /pagefind/."""
    if not pelican.settings.get("DIGEST_SEARCH"):
        return
    output = Path(pelican.output_path)
    language = str(pelican.settings.get("DEFAULT_LANG") or "en")
    try:
        index = index_site(output, language=language)
    except SearchIndexError as error:
        logger.error("%s", error)
        return
    written, removed = sync_folder(output / BUNDLE_DIR, index.files)
    logger.info(
        "search: indexed %d pages; %d bundle files written, %d stale removed",
        index.pages,
        written,
        removed,
    )
    console.print(f"search: {index.summary()}", soft_wrap=True)


def register() -> None:
    """Connect the search plugin to Pelican's signals."""
    signals.initialized.connect(configure)
    # finalized: after every page is written (the speedups plugin, listed
    # before this one in PLUGINS, renders its held-back pages on it first).
    signals.finalized.connect(index_output)
