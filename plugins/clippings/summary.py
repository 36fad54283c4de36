"""Say in one line what became of the clippings of a build or a check."""

from __future__ import annotations

from collections.abc import Mapping


def summary_line(stats: Mapping[str, int]) -> str:
    """Return the one-line summary of clipping counts (errors and warnings apart)."""
    return (
        f"clippings: {stats.get('read', 0)} read, {stats.get('published', 0)} published, "
        f"{stats.get('unpublished', 0)} unpublished, {stats.get('skipped', 0)} skipped, "
        f"{_count(stats.get('errors', 0), 'error')}, {_count(stats.get('warnings', 0), 'warning')}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
