"""Say in one line what became of the clippings of a build or a check."""

from __future__ import annotations

from collections.abc import Mapping


def summary_line(stats: Mapping[str, int]) -> str:
    """Return the one-line summary of clipping counts."""
    return (
        f"clippings: {stats.get('read', 0)} read, {stats.get('published', 0)} published, "
        f"{stats.get('unpublished', 0)} unpublished, {stats.get('skipped', 0)} skipped, "
        f"{stats.get('warnings', 0)} warnings"
    )
