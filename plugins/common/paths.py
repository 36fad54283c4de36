"""Paths as plugins key clippings by: relative to the content folder, with slashes."""

from __future__ import annotations

import os


def content_key(relative: str) -> str:
    """Return a path relative to the content folder as the key stories, editions and ids use."""
    relative = relative.replace(os.sep, "/")
    # A file name that is not UTF-8 reaches Python with surrogate escapes, which
    # neither hashing (the id) nor /stories.json can encode: keep its bytes visible.
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def source_key(source_path: str, content_path: str) -> str:
    """Return the key of the clipping at source_path (an article's ``source_path``)."""
    return content_key(os.path.relpath(source_path, content_path))
