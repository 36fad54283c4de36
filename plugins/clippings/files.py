"""Decide which files under the content folder may be read: regular files inside it only.

Pelican walks the content folder with ``os.walk(followlinks=True)``: a symlink to
``..`` walks out of the folder, one to ``.`` loops until path names get too long,
and a FIFO named ``*.txt`` blocks ``open()`` forever. These functions walk the
folder safely and say, for every entry they refuse, why.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator

Skipped = Callable[[str, str], None]

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


def inside(path: str, root: str) -> bool:
    """Return whether the real path `path` is root or lies under it (both real paths)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def unreadable_reason(path: str, root: str) -> str | None:
    """Return why the file at path must not be read as content, or None if it may be.

    root is the real path of the content folder. Only regular files whose real
    path is inside it qualify: no symlinks that leave it, no dangling ones, no
    FIFOs, sockets or devices (open() on a FIFO waits for a writer forever).
    """
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISLNK(mode):
        try:
            real = os.path.realpath(path, strict=True)
            mode = os.stat(real).st_mode
        except (OSError, RuntimeError):
            return "is a dangling symlink (or a symlink loop)"
        if not inside(real, root):
            return "is a symlink to a file outside the content folder"
    if not stat.S_ISREG(mode):
        return f"is {_KINDS.get(stat.S_IFMT(mode), 'not a regular file')}, not a regular file"
    return None


class UnreadableFile(OSError):
    """A path that is not a regular file inside the content folder; the message says why."""


def read_limited(path: str, root: str, limit: int) -> bytes:
    """Return up to limit bytes of the regular file at path; raise UnreadableFile otherwise.

    The file is checked again here, not only when the folder is listed: it can
    change in between, and O_NONBLOCK keeps a FIFO from blocking open().
    """
    reason = unreadable_reason(path, root)
    if reason:
        raise UnreadableFile(reason)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnreadableFile(f"cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise UnreadableFile("is not a regular file")
        return handle.read(limit)


def walk(top: str, root: str, skipped: Skipped) -> Iterator[tuple[str, list[str], list[str]]]:
    """Yield (dirpath, dirnames, filenames) like os.walk(top), following only safe folder links.

    A symlinked folder is entered only when its real path is inside root (the
    content folder's real path) and not a folder already being walked or
    walked before (a loop, or a second way to the same files); every folder
    refused is reported through skipped(path, reason). Callers may prune
    dirnames in place, as with os.walk(topdown=True).
    """
    seen: set[str] = set()
    stack = [top]
    while stack:
        dirpath = stack.pop()
        real = os.path.realpath(dirpath)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(dirpath), key=lambda e: e.name)
        except OSError as exc:
            skipped(dirpath, f"folder cannot be read ({exc.strerror})")
            continue
        dirs, files = [], []
        for entry in entries:
            if _is_dir(entry):
                reason = _folder_reason(entry, root, seen)
                if reason:
                    skipped(entry.path, reason)
                else:
                    dirs.append(entry.name)
            else:
                files.append(entry.name)
        yield dirpath, dirs, files
        stack.extend(os.path.join(dirpath, d) for d in reversed(dirs))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False  # a symlink loop: reported as a file that cannot be read


def _folder_reason(entry: os.DirEntry, root: str, seen: set[str]) -> str | None:
    if not entry.is_symlink():
        return None
    try:
        real = os.path.realpath(entry.path, strict=True)
    except (OSError, RuntimeError):
        return "is a symlink loop"
    if not inside(real, root):
        return "is a symlink to a folder outside the content folder; not read"
    parent = os.path.realpath(os.path.dirname(entry.path))
    if inside(parent, real) or real in seen:
        return "is a symlink back into a folder already read (a loop); not read"
    return None


def display_path(path: str) -> str:
    """Return path as printable text: relative when it can be, odd bytes and controls escaped."""
    relative = os.path.relpath(path)
    return printable(path if relative.startswith("..") else relative)


def printable(name: str) -> str:
    """Return a file name with undecodable bytes and control characters escaped, never raw."""
    raw = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in raw
    )
