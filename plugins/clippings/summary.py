"""Count what became of the clippings of a build or a check, and say it in one line.

The build (reader.log_summary) and ``make check`` (check.report) both count
with count_clippings, so their summaries cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from .model import ERROR, WARNING, Clipping


def count_clippings(
    clippings: Iterable[Clipping], repeated: Mapping[str, str] | None = None, unread: int = 0
) -> Counter:
    """Return the counts of the summary line.

    ``repeated`` maps the path of a clipping dropped for a source URL an earlier
    one has to that earlier path; ``unread`` files were never read at all
    (symlinks out of the content folder, FIFOs): each is a skip and a warning.
    """
    repeated = repeated or {}
    stats = Counter(read=0, published=0, unpublished=0, skipped=unread, errors=0, warnings=unread)
    for clip in clippings:
        stats["read"] += 1
        stats["errors"] += sum(p.level == ERROR for p in clip.problems)
        stats["warnings"] += sum(p.level == WARNING for p in clip.problems)
        if not clip.usable:
            stats["skipped"] += 1
        elif not clip.published:
            stats["unpublished"] += 1
        elif clip.path in repeated:
            stats["errors"] += 1
            stats["skipped"] += 1
        else:
            stats["published"] += 1
    return stats


def summary_line(stats: Mapping[str, int]) -> str:
    """Return the one-line summary of clipping counts (errors and warnings apart)."""
    return (
        f"clippings: {stats.get('read', 0)} read, {stats.get('published', 0)} published, "
        f"{stats.get('unpublished', 0)} unpublished, {stats.get('skipped', 0)} skipped, "
        f"{_count(stats.get('errors', 0), 'error')}, {_count(stats.get('warnings', 0), 'warning')}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
