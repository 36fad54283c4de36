"""The generated opening line of an edition ("12 stories from 31 sources this week; ...")."""

from __future__ import annotations

from .periods import DAY
from .selection import Edition

MOST_COVERED = 2  # stories named after "most covered:"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def opening_line(edition: Edition) -> str:
    """Return one plain-text sentence summing up the edition."""
    when = "on this day" if edition.period.kind == DAY else "this week"
    if edition.in_progress:
        when = f"so far {when}" if edition.period.kind != DAY else "so far today"
    stories = edition.stories
    counted = _plural(len(stories), "story", "stories")
    sources = _plural(len(edition.sources), "source", "sources")
    line = f"{counted} from {sources} {when}" if edition.sources else f"{counted} {when}"
    # A stable sort: stories equally covered stay in the edition's order.
    covered = sorted((s for s in stories if len(s.sources) > 1), key=lambda s: -len(s.sources))
    if covered:
        named = ", ".join(
            f"{s.lead.title} ({len(s.sources)} sources)" for s in covered[:MOST_COVERED]
        )
        line += f"; most covered: {named}"
    return line + "."
