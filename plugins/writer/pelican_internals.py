"""Every place newsdigest relies on Pelican's private API, in one module.

Pelican's public API (settings, signals, readers, generators' public
attributes, ``Writer.write_file``) is stable; what is below is not. Each item
names the Pelican 4.12 function it mirrors or replaces, so that a Pelican
upgrade has one file to read. ``check_pelican_version`` warns on a version
these were not checked against; the site builds byte-identically without the
speedups plugin (tests/writer/test_internals_site.py), so removing it from
``PLUGINS`` is always a way out.
"""

from __future__ import annotations

import fnmatch
import io
import logging
import os
from typing import Any

import pelican
from pelican.contents import Content
from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError, Writer

from .store import OutputStore

logger = logging.getLogger(__name__)

TESTED_PELICAN = ("4.12",)  # major.minor versions these touch points were checked against


def check_pelican_version(plugin: str, version: str | None = None) -> bool:
    """Warn, naming what to do, when Pelican is a version the touch points were not checked on."""
    version = version or pelican.__version__
    if ".".join(version.split(".")[:2]) in TESTED_PELICAN:
        return True
    logger.warning(
        "%s: tested with Pelican %s only, found %s. It relies on Pelican internals "
        "(plugins/writer/pelican_internals.py): if the build fails or its pages look wrong, "
        "remove %r from PLUGINS (the site builds the same without it, only slower), or "
        "install pelican==%s.*",
        plugin,
        " and ".join(TESTED_PELICAN),
        version,
        plugin,
        TESTED_PELICAN[-1],
    )
    return False


# --- The writer ---------------------------------------------------------------


class _StoreFile(io.StringIO):
    """What StoreWriter._open_w returns: text that goes to the store when closed."""

    def __init__(self, store: OutputStore, path: str) -> None:
        super().__init__()
        self._store, self._path = store, path

    def __exit__(self, kind: Any, *rest: Any) -> None:
        if kind is None:
            self._store.put(self._path, self.getvalue().encode("utf-8"))
        return super().__exit__(kind, *rest)


class StoreWriter(Writer):
    """Pelican's Writer, with every file it opens written through the build's OutputStore."""

    _store: OutputStore | None = None

    def store(self) -> OutputStore:
        """Return the one writer's store of this build (a writer lives for one build)."""
        if self._store is None:
            from .signals import store_for  # the glue imports this module

            self._store = store_for(self.output_path)
        return self._store

    def claim_page(self, filename: str, override: bool) -> str:
        """Apply Pelican's overwrite rules and claim the page; return where to write (or devnull).

        Mirrors ``pelican.writers.Writer._open_w`` (4.12), which keeps the
        private sets ``_written_files`` and ``_overridden_files``.
        """
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            return os.devnull
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        store = self.store()
        relative = store.relative(filename)
        if relative is None:
            raise FileOverwriteFailedError(f'"{filename}" is outside the output folder')
        return store.claim(relative, "pages", repeat_ok=True)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        # Replaces pelican.writers.Writer._open_w, which write_file and
        # write_feed call to open each output file.
        path = self.claim_page(filename, override)
        if path == os.devnull:
            return io.StringIO()
        return _StoreFile(self.store(), path)


class _DeferredTemplate:
    """Stands in for a template: records the context instead of rendering."""

    def __init__(self, writer: DeferringWriter, template: Any) -> None:
        self._writer, self._template = writer, template

    def render(self, context: dict[str, Any]) -> str:
        self._writer._pending = (self._template, context)
        return ""


class DeferringWriter(StoreWriter):
    """A StoreWriter that hands each page to ``defer`` instead of rendering it.

    Relies on ``pelican.writers.Writer.write_file`` (4.12) rendering with
    ``template.render(localcontext)`` just before ``self._open_w(path, ...)``:
    the stand-in template records the context, ``_open_w`` the path.
    """

    _pending: tuple[Any, dict[str, Any]] | None = None

    def write_file(self, name: str, template: Any, context: dict[str, Any], *args, **kwargs):
        """Let Pelican paginate and signal as usual, holding back the rendering."""
        return super().write_file(name, _DeferredTemplate(self, template), context, *args, **kwargs)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if self._pending is None:  # write_feed, or a plugin calling _open_w itself
            return super()._open_w(filename, encoding, override)
        template, context = self._pending
        self._pending = None
        path = self.claim_page(filename, override)
        if path != os.devnull:
            self.defer(path, template, context)
        return io.StringIO()

    def defer(self, path: str, template: Any, context: dict[str, Any]) -> None:
        """Record one page to render later (see speedups.writer.FastWriter)."""
        raise NotImplementedError


# --- The static generator ---------------------------------------------------


def static_outputs(generator: Any) -> list[str]:
    """Return the output paths (relative) the static generator copies files to.

    Mirrors ``pelican.generators.StaticGenerator.generate_output`` (4.12):
    ``_copy_paths(THEME_STATIC_PATHS, theme, THEME_STATIC_DIR, output, os.curdir)``
    with ``pelican.utils.copy``'s walk and IGNORE_FILES, then every static
    file's ``save_as``.
    """
    settings = generator.settings
    ignores = settings.get("IGNORE_FILES") or []

    def ignored(name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)

    found = []
    for path in settings.get("THEME_STATIC_PATHS") or []:
        source = os.path.abspath(os.path.join(generator.theme, path))
        target = os.path.join(settings["THEME_STATIC_DIR"], os.curdir)
        if ignored(os.path.basename(source)):
            continue
        if os.path.isfile(source):
            found.append(os.path.join(target, os.path.basename(path)))
        for folder, subfolders, files in os.walk(source, followlinks=True):
            subfolders[:] = [name for name in subfolders if not ignored(name)]
            found += [
                os.path.join(target, os.path.relpath(os.path.join(folder, name), source))
                for name in files
                if not ignored(name)
            ]
    found += [static.save_as for static in generator.context.get("staticfiles", [])]
    return found


# --- The articles generator ---------------------------------------------------

ORIGINAL_PERIOD_ARCHIVES = ArticlesGenerator._build_period_archives


def build_period_archives(self: Any, sorted_articles: list, articles: list, settings: dict) -> Any:
    """Return Pelican's period archives, with each period's articles found in linear time.

    Replaces ``pelican.generators.ArticlesGenerator._build_period_archives``
    (4.12), which finds each month's articles with ``[a for a in articles if a
    in dates]``: quadratic in the number of clippings. Pelican does the rest;
    each period's ``dates`` are ordered by position in ``articles`` instead,
    which gives the same list.
    """
    archives = ORIGINAL_PERIOD_ARCHIVES(self, sorted_articles, (), settings)
    position = {id(article): index for index, article in enumerate(articles)}
    for periods in archives.values():
        for archive in periods:
            members = [a for a in archive["dates"] if id(a) in position]
            archive["articles"] = sorted(members, key=lambda a: position[id(a)])
    return archives


def patch_period_archives() -> None:
    """Install build_period_archives (once, however often Pelican loads the plugin)."""
    ArticlesGenerator._build_period_archives = build_period_archives


def replace_article_lists(generator: Any, wrap: Any) -> None:
    """Wrap the tag, category and author article lists, and the context's copies of them.

    Mirrors the end of ``pelican.generators.ArticlesGenerator.generate_context``
    (4.12), which publishes ``tags``, ``categories`` and ``authors`` into the
    shared context as lists of (object, articles) pairs.
    """
    for tag, articles in list(generator.tags.items()):
        generator.tags[tag] = wrap(articles)
    generator.categories = [(c, wrap(a)) for c, a in generator.categories]
    generator.authors = [(a, wrap(items)) for a, items in generator.authors]
    generator.context["tags"] = list(generator.tags.items())
    generator.context["categories"] = generator.categories
    generator.context["authors"] = generator.authors


# --- Content objects, for the render cache's fingerprints ----------------------

# Private attributes count in a fingerprint: a topic (pelican.urlwrappers.URLWrapper)
# keeps its name in ``_name``, an article (pelican.contents.Content) its body
# in ``_content``. ``settings`` is hashed once for the whole build, and
# ``_context`` is Pelican's whole shared context, which every content object holds.
FINGERPRINT_SKIP = ("settings", "_context")


def is_content(value: Any) -> bool:
    """Return whether value is one of Pelican's content objects (article, page)."""
    return isinstance(value, Content)
