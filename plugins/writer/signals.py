"""Pelican glue for the one output writer: one store per build and the API other plugins call.

Other plugins write every file of theirs with ``write_file(site, path, data,
owner)`` at any time of a build up to the ``closing`` signal (connect to it
for files that need the whole build, as the sitemap does), or on ``built``
for files made from the written pages (the search index). Pages written by
Pelican's writer are claimed by owner "pages" as they are written.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import Any

from blinker import signal
from pelican import signals

from .pelican_internals import StoreWriter, check_pelican_version, static_outputs
from .store import OutputStore

logger = logging.getLogger(__name__)

# Sent with the Pelican object once every generator has written: write now
# what needs the whole build (the sitemap; held-back pages). Stale files are
# removed after it.
closing = signal("newsdigest-output-closing")
# Sent after closing, with files=<the relative paths this build made, sorted>:
# every page is on disk now, and no HTML page of the previous build that this one
# did not make. Read the built site here and write what is made from it (the
# search index); other stale files are removed after it.
built = signal("newsdigest-output-built")
# Sent after stale files are removed, with removed=<list of relative paths>.
closed = signal("newsdigest-output-closed")

# {real output folder: store} for the builds under way (one per output folder).
_stores: dict[str, OutputStore] = {}

# {plugin name: function(pelican) -> StoreWriter subclass or None}: a plugin in
# PLUGINS that renders pages its own way (speedups) provides the page writer.
PAGE_WRITERS: dict[str, Callable[[Any], type[StoreWriter] | None]] = {}


def output_folder(site: Any) -> str:
    """Return the real output folder of a Pelican object, generator, writer, settings or path."""
    if isinstance(site, str | os.PathLike):
        folder = site
    elif isinstance(site, Mapping):
        folder = site["OUTPUT_PATH"]
    else:
        folder = site.output_path
    return os.path.realpath(folder)


def store_for(site: Any) -> OutputStore:
    """Return the store of the build writing into site's output folder (opened if needed)."""
    folder = output_folder(site)
    store = _stores.get(folder)
    if store is None:
        store = _stores[folder] = OutputStore(folder)
    return store


def write_file(site: Any, relative_path: str, data: bytes, owner: str) -> bool:
    """Write data to relative_path in the build's output folder through the one writer.

    site is the Pelican object, a generator, the settings or the output path;
    owner names the writer in collision errors ("feeds", "sitemap", "search").
    Writes only when the bytes changed, atomically; a path another owner
    already wrote raises OutputCollisionError; a file written by the last
    build and not by this one is removed at the end of the build. Returns
    whether the file's bytes changed.
    """
    return store_for(site).write(relative_path, data, owner)


def claim_file(site: Any, relative_path: str, owner: str) -> str:
    """Record a file that a tool writes itself; return the absolute path to write it to."""
    return store_for(site).claim(relative_path, owner)


def open_build(pelican: Any) -> None:
    """Start a build's record (each `pelican --autoreload` run too), dropping unfinished ones."""
    folder = output_folder(pelican)
    _stores[folder] = OutputStore(folder)


def claim_page(path: str, context: Any = None) -> None:
    """Claim a page Pelican's writer wrote (sent as content_written)."""
    for store in _stores.values():
        relative = store.relative(path)
        if relative is not None:
            store.claim(relative, "pages", repeat_ok=True)
            return


def provide_writer(pelican: Any) -> type[StoreWriter]:
    """Give Pelican the page writer: a PAGE_WRITERS plugin's, else the plain StoreWriter."""
    for name in pelican.settings.get("PLUGINS", ()):
        factory = PAGE_WRITERS.get(name)
        writer = factory(pelican) if factory else None
        if writer is not None:
            return writer
    return StoreWriter


def claim_static(generator: Any) -> None:
    """Claim the theme and static files Pelican's static generator copies (owner "static")."""
    store = store_for(generator)
    for path in static_outputs(generator):
        store.claim(path, "static", repeat_ok=True)


def finish_build(pelican: Any) -> None:
    """Let late writers write, then remove the previous build's files this one did not make."""
    closing.send(pelican)
    folder = output_folder(pelican)
    store = _stores.get(folder)
    if store is None:
        return
    store.remove_stale_pages()
    built.send(pelican, files=sorted(store.owners))  # the search index writes through the store
    del _stores[folder]
    removed = store.finish()
    logger.info(
        "output: %d files written, %d unchanged, %d left from the last build removed",
        store.written,
        store.unchanged,
        len(removed),
    )
    closed.send(pelican, removed=removed)


def register() -> None:
    """Connect the output writer to Pelican (safe to call from every plugin that writes)."""
    check_pelican_version("writer")
    # get_generators is sent once per run, before any generator reads or writes.
    signals.get_generators.connect(open_build)
    signals.get_writer.connect(provide_writer)
    signals.content_written.connect(claim_page)
    signals.static_generator_finalized.connect(claim_static)
    signals.finalized.connect(finish_build)
