"""Put Pagefind's bundle into the output folder: changed files only, no stale chunks left.

Index chunks have content-hashed names, so every rebuild that changes a page
makes new names; the ones the new bundle no longer has must go. Imports no Pelican.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def sync_folder(folder: Path, files: Mapping[str, bytes]) -> tuple[int, int]:
    """Make folder hold exactly files ({relative path: bytes}); return (written, removed)."""
    written = removed = 0
    for relative, data in files.items():
        path = folder / relative
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        written += 1
    wanted = {folder / relative for relative in files}
    for directory, _, names in os.walk(folder, topdown=False):
        for name in names:
            path = Path(directory, name)
            if path not in wanted:
                path.unlink()
                removed += 1
        if directory != str(folder) and not os.listdir(directory):
            os.rmdir(directory)
    return written, removed
