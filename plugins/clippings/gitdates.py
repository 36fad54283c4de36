"""Find when each file of a folder was first committed (added), with one git call."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path


def first_commit_dates(folder: str | os.PathLike) -> dict[str, datetime]:
    """Return {absolute path: first commit time} for files under folder.

    The first commit is when the clipping was added: fixing a typo later
    must not move it to the top of the digest.

    One ``git log`` over the whole folder instead of one per file: at 10,000
    clippings a call per file would cost about a minute. Empty when the
    folder is not in a git work tree or git is missing.
    """
    folder = Path(folder).resolve()
    try:
        top = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.strip()
        log = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "log",
                "--format=\x1e%ct",
                "--name-only",
                "--no-renames",
                "-z",
                "--",
                ".",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, datetime] = {}
    for record in log.split("\x1e")[1:]:
        stamp, _, names = record.partition("\n")
        when = datetime.fromtimestamp(int(stamp.strip("\x00")), UTC)
        for name in names.split("\x00"):
            name = name.strip("\n")
            if name:
                path = os.path.join(top, name)
                dates[path] = min(when, dates.get(path, when))
    return dates


ADDED_TO_GIT = "the day it was added to the digest, its first git commit"
FILE_TIME = "the file's modification time"


def modification_date(path: str | os.PathLike) -> datetime | None:
    """Return the file's modification time, or None when it cannot be read."""
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, UTC)
    except OSError:
        return None


def approximate_date(path: str | os.PathLike, committed: dict[str, datetime]):
    """Return (date, where it came from) for a file with no date of its own, or None.

    The first git commit of the file when there is one, else its modification time.
    """
    when = committed.get(os.path.realpath(path))
    if when:
        return when, ADDED_TO_GIT
    modified = modification_date(path)
    return (modified, FILE_TIME) if modified else None
