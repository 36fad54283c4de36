"""The record of one build's output files: claims, atomic writes and stale-file removal.

An ``OutputStore`` belongs to one output folder and one build. Every file the
build makes is *claimed* by a named owner ("pages", "feeds", "sitemap", ...);
a second owner claiming the same path is an error that names both. ``finish``
removes every file the previous build into this folder claimed and this one
did not, and saves the new record as a manifest inside the output folder, so
the record travels with the files it describes: whichever content folder,
settings or cache the next build uses, it knows what the last one wrote.
Imports no Pelican.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile

logger = logging.getLogger(__name__)

MANIFEST_NAME = ".newsdigest-output.json"
MANIFEST_VERSION = 1


class OutputCollisionError(RuntimeError):
    """Two writers of one build want the same output path."""


class OutputStore:
    """What one build writes into one output folder (see the module docstring)."""

    def __init__(self, output_path: str) -> None:
        self.output_path = os.path.realpath(output_path)
        # Pelican names files under the output folder as given (os.path.abspath):
        # matching that prefix saves a realpath() (a stat per folder) per page.
        self.roots = (os.path.abspath(output_path) + os.sep, self.output_path + os.sep)
        self.owners: dict[str, str] = {}  # relative path -> owner, this build
        self.previous = load_manifest(self.output_path)
        self.written = self.unchanged = 0
        self.removed_early: list[str] = []  # stale pages removed before the site is read

    def resolve(self, relative_path: str) -> tuple[str, str]:
        """Return (key, absolute path) of relative_path; raise if it leaves the output folder."""
        key = os.path.normpath(relative_path).replace(os.sep, "/")
        if key in (".", "..", MANIFEST_NAME) or key.startswith(("../", "/")):
            message = f"output: {relative_path} is not a file of the output folder"
            raise OutputCollisionError(message)
        return key, os.path.join(self.output_path, key)

    def relative(self, path: str) -> str | None:
        """Return path relative to the output folder, or None if it lies elsewhere."""
        for root in self.roots:
            if path.startswith(root):
                return path[len(root) :]
        real = os.path.realpath(path)
        return real[len(self.roots[1]) :] if real.startswith(self.roots[1]) else None

    def claim(self, relative_path: str, owner: str, repeat_ok: bool = False) -> str:
        """Record that owner makes relative_path in this build; return its absolute path.

        A path claimed by another owner raises OutputCollisionError naming both;
        the same owner claiming it twice does too, unless repeat_ok (Pelican's
        writer has its own rules for a page written twice).
        """
        key, path = self.resolve(relative_path)
        first = self.owners.get(key)
        if first is not None and (first != owner or not repeat_ok):
            who = f"both {first!r} and {owner!r}" if first != owner else f"{owner!r} twice"
            raise OutputCollisionError(f"output: {key} is written by {who} in one build")
        self.owners[key] = owner
        return path

    def write(self, relative_path: str, data: bytes, owner: str) -> bool:
        """Claim relative_path for owner and write data there; return whether bytes changed."""
        path = self.claim(relative_path, owner)
        return self.put(path, data)

    def put(self, path: str, data: bytes) -> bool:
        """Write data to an already claimed absolute path, unless it holds exactly data."""
        changed = write_if_changed(path, data)
        if changed:
            self.written += 1
        else:
            self.unchanged += 1
        return changed

    def tally(self, written: int, unchanged: int) -> None:
        """Count files a claimant wrote itself (say, in worker processes)."""
        self.written += written
        self.unchanged += unchanged

    def remove_stale_pages(self) -> None:
        """Remove now the HTML pages the previous build wrote and this one did not.

        Done before the whole site is read (the search index), so that it sees
        this build's pages only; everything else stale goes in :meth:`finish`.
        """
        stale = sorted(
            key for key in set(self.previous) - set(self.owners) if key.endswith(".html")
        )
        self.removed_early += [key for key in stale if remove_file(self.output_path, key)]

    def finish(self) -> list[str]:
        """Remove what the previous build wrote and this one did not; save the record."""
        stale = sorted(set(self.previous) - set(self.owners) - set(self.removed_early))
        removed = [key for key in stale if remove_file(self.output_path, key)]
        save_manifest(self.output_path, self.owners)
        return sorted(self.removed_early + removed)


def write_if_changed(path: str, data: bytes) -> bool:
    """Write data to path atomically, unless the file already holds exactly these bytes.

    Rewriting an unchanged file costs more than reading it (ext4 flushes a
    file that is truncated and written again), and keeps its mtime for rsync
    and the render cache. The new bytes go to a temporary file in the same
    folder that then replaces the old one, so a server never sends half a file.
    """
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as handle:
                if handle.read() == data:
                    return False
    except OSError:
        pass
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return True


def remove_file(output_path: str, key: str) -> bool:
    """Remove output_path/key if it is a file inside output_path; prune emptied folders."""
    root = os.path.realpath(output_path)
    path = os.path.join(root, key)
    if os.path.commonpath([os.path.realpath(path), root]) != root or os.path.isdir(path):
        return False
    try:
        os.remove(path)
    except OSError:
        return False
    folder = os.path.dirname(path)
    while folder != root and folder.startswith(root + os.sep):
        try:
            os.rmdir(folder)  # only succeeds on an empty folder
        except OSError:
            break
        folder = os.path.dirname(folder)
    return True


def load_manifest(output_path: str) -> dict[str, str]:
    """Return {relative path: owner} the last build into output_path recorded ({} if none)."""
    try:
        with open(os.path.join(output_path, MANIFEST_NAME), encoding="utf-8") as handle:
            data = json.load(handle)
        files = data["files"] if data.get("version") == MANIFEST_VERSION else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {str(key): str(owner) for key, owner in files.items()}


def save_manifest(output_path: str, owners: dict[str, str]) -> None:
    """Record {relative path: owner} in the output folder, sorted (reproducible bytes)."""
    record = {"version": MANIFEST_VERSION, "files": dict(sorted(owners.items()))}
    data = (json.dumps(record, indent=0, sort_keys=True, ensure_ascii=False) + "\n").encode()
    write_if_changed(os.path.join(output_path, MANIFEST_NAME), data)
