"""The two places the clippings plugin reaches into Pelican 4.12 internals, and why.

1. ``Generator.get_files`` is replaced: Pelican walks the content folder with
   ``os.walk(followlinks=True)``, so a symlink to ``..`` leaves the folder, one
   to ``.`` loops, and a symlink to ``/etc/passwd`` or a FIFO named ``*.txt``
   is handed to a reader. The replacement keeps Pelican's exclusion rules and
   lets only regular files inside the content folder through (files.py).
2. Clipping articles become ``ClippingArticle``, whose intra-site link
   replacement (``{static}``, ``{attach}``, ``{filename}``, ``|name|``...) is
   off: clipping text is data from the open web, and Pelican would otherwise
   copy any file the text names (the whole content folder for ``{static}/.``)
   into the output, or outside it. body.py also escapes the syntax itself.
"""

from __future__ import annotations

import fnmatch
import logging
import os

from pelican.contents import Article
from pelican.generators import ArticlesGenerator, Generator

from .files import display_path, unreadable_reason, walk

logger = logging.getLogger(__name__)

SKIPPED_FILES = "clippings_skipped_files"  # context key: files already warned about
UNREAD = "clippings_unread"  # context key: clipping files never read, for the summary


class ClippingArticle(Article):
    """An article read from a clipping: its text is never Pelican link syntax."""

    def _update_content(self, content: str, siteurl: str) -> str:
        return content

    def get_static_links(self) -> set[str]:
        return set()


def adopt_clipping(content) -> None:
    """Make an article read from a clipping a ClippingArticle (content_object_init)."""
    if isinstance(content, Article) and "clipping" in content.metadata:
        content.__class__ = ClippingArticle


def get_files(self, paths, exclude: list[str] | None = None, extensions=None) -> set[str]:
    """Return Pelican's list of source files, minus anything that is not a safe regular file."""
    exclude = exclude or []
    if isinstance(paths, str):
        paths = [paths]
    exclusions_by_dirpath: dict[str, set[str]] = {}
    for excluded in exclude:
        parent, name = os.path.split(os.path.join(self.path, excluded))
        exclusions_by_dirpath.setdefault(parent, set()).add(name)
    root = os.path.realpath(self.path)
    ignores = self.settings["IGNORE_FILES"]
    files = set()
    for path in paths:
        top = os.path.join(self.path, path) if path else self.path
        if os.path.isdir(top):
            for dirpath, dirs, names in walk(top, root, lambda p, why: _skip(self, p, why)):
                excluded = exclusions_by_dirpath.get(dirpath, ())
                dirs[:] = [
                    d
                    for d in dirs
                    if d not in excluded and not any(fnmatch.fnmatch(d, i) for i in ignores)
                ]
                reldir = os.path.relpath(dirpath, self.path)
                for name in names:
                    relative = os.path.join(reldir, name)  # as Pelican spells it
                    if self._include_path(relative, extensions) and _readable(self, relative, root):
                        files.add(relative)
        elif (
            os.path.lexists(top)
            and self._include_path(path, extensions)
            and _readable(self, path, root)
        ):
            files.add(path)
    return files


def _readable(generator, relative: str, root: str) -> bool:
    """Return whether relative (to the content folder, whose real path is root) may be read."""
    reason = unreadable_reason(os.path.join(generator.path, relative), root)
    if reason:
        _skip(generator, os.path.join(generator.path, relative), reason)
    return reason is None


def _skip(generator, path: str, reason: str) -> None:
    """Warn once per build about a file or folder that is not read."""
    warned = generator.context.setdefault(SKIPPED_FILES, set())
    if path in warned:
        return
    warned.add(path)
    logger.warning("clippings: %s: %s; skipped", display_path(path), reason)
    if isinstance(generator, ArticlesGenerator):
        generator.context.setdefault(UNREAD, []).append(path)  # counted by summary.py


def install() -> None:
    """Replace Generator.get_files (once, however often Pelican loads the plugin)."""
    Generator.get_files = get_files
