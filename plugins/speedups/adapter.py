"""Pelican glue for the speedups: linear tag scans, a render cache and parallel rendering."""

from __future__ import annotations

import logging
import os
from typing import Any

from common.progress import PROGRESS
from pelican import signals
from pelican.log import console

from writer.pelican_internals import (
    check_pelican_version,
    patch_period_archives,
    replace_article_lists,
)
from writer.signals import PAGE_WRITERS, closed, closing
from writer.signals import register as register_writer

from .lists import IndexedList
from .progress import BuildProgress
from .settings import SpeedupSettings
from .writer import FastWriter

logger = logging.getLogger(__name__)

MIN_PREFETCH = 200  # fewer clippings parse faster than worker processes start


def index_article_lists(generator) -> None:
    """Replace the tag, category and author article lists with IndexedLists."""
    replace_article_lists(generator, IndexedList)


def start_build(generator) -> None:
    """At the first file of a build: start counting, and parse the clippings in workers.

    The clippings reader parses, in DIGEST_WORKERS forked processes, every file
    whose reader-cache entry is stale (Pelican will not ask for the others).
    """
    if PROGRESS in generator.context:
        return
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    live = console.is_terminal and not os.environ.get("CI")
    progress = generator.context[PROGRESS] = BuildProgress(console, live)
    progress.phase("files read", total=len(files))  # named for the summary line
    reader = generator.readers.readers.get("txt")
    workers = worker_count(settings)
    if not hasattr(reader, "prefetch") or workers <= 1 or not hasattr(os, "fork"):
        return
    paths = [os.path.abspath(os.path.join(generator.path, f)) for f in files if f.endswith(".txt")]
    stale = [p for p in sorted(paths) if generator.readers.get_cached_data(p, None) is None]
    if len(stale) >= MIN_PREFETCH:
        reader.prefetch(stale, workers)


def start_assembly(generator) -> None:
    """End the reading phase: topics, rankings, feeds and page lists come next."""
    progress = generator.context.get(PROGRESS)
    if progress is not None:
        progress.phase("site assembled")


def count_file(generator, metadata) -> None:
    """Count one file read."""
    progress = generator.context.get(PROGRESS)
    if progress is not None:
        progress.advance()


def check_settings(pelican) -> None:
    """Fail early, with the setting's name, on a DIGEST_* value we cannot use."""
    SpeedupSettings.from_settings(pelican.settings)


def worker_count(settings) -> int:
    """Return how many processes may work at once: DIGEST_WORKERS, or one per CPU."""
    return SpeedupSettings.from_settings(settings).workers or os.cpu_count() or 1


class _RunWriter(FastWriter):
    """A FastWriter that the finalized signal can find on the Pelican object."""

    pelican: Any = None

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.pelican.speedups_writer = self


def provide_writer(pelican) -> type[FastWriter] | None:
    """Return the deferring writer, unless DIGEST_WORKERS and the cache are both off."""
    settings = SpeedupSettings.from_settings(pelican.settings)
    if settings.workers == 1 and not settings.render_cache:
        return None
    return type("FastWriterForRun", (_RunWriter,), {"pelican": pelican})


def flush_pages(pelican) -> None:
    """Render the pages the writer held back (sent as the one writer's closing signal)."""
    writer = getattr(pelican, "speedups_writer", None)
    if writer is None:
        return
    settings = SpeedupSettings.from_settings(pelican.settings)
    workers = worker_count(pelican.settings)
    writer.flush(workers, settings.render_cache, pelican.settings["CACHE_PATH"])
    logger.info(
        "speedups: rendered %d pages with %d workers, %d unchanged since the last build",
        writer.rendered,
        workers,
        writer.unchanged,
    )


def print_summary(pelican, removed: list[str] = ()) -> None:
    """Print the build's summary line, once the one writer has removed stale files."""
    writer = getattr(pelican, "speedups_writer", None)
    if writer is None:
        return
    del pelican.speedups_writer
    progress = writer.progress()
    if progress is not None:
        counts = {
            "rendered": writer.rendered,
            "unchanged": writer.unchanged,
            "old files removed": len(removed),
        }
        console.print(progress.finish(counts), soft_wrap=True)


def register() -> None:
    """Patch Pelican's period archives and connect the speedups to Pelican's signals."""
    check_pelican_version("speedups")
    signals.initialized.connect(check_settings)
    patch_period_archives()
    signals.article_generator_finalized.connect(index_article_lists)
    signals.article_generator_preread.connect(start_build)
    signals.article_generator_context.connect(count_file)
    signals.article_generator_pretaxonomy.connect(start_assembly)
    register_writer()
    PAGE_WRITERS[__name__.partition(".")[0]] = provide_writer  # the one writer asks it
    closing.connect(flush_pages)
    closed.connect(print_summary)
