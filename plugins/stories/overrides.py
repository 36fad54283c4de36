"""Curator overrides (front matter ``story:``): the conflicts ``make check`` reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import NO_STORY, Member, Story

DEFAULT_SPAN_DAYS = 31.0


@dataclass(frozen=True)
class Conflict:
    """One problem with a clipping's ``story:`` field."""

    key: str  # the clipping's path relative to the content folder
    message: str

    def __str__(self) -> str:
        return f"{self.key}: story: {self.message}"


def override_conflicts(
    members: Sequence[Member], stories: Sequence[Story], span_days: float = DEFAULT_SPAN_DAYS
) -> list[Conflict]:
    """Return the override conflicts of a clustering, sorted by clipping key.

    Reported: an id that names no story (nor a story merged into another), and a
    clipping forced into a story whose other dated members are more than ``span_days``
    away from it (a forced merge across months).
    """
    by_key = {member.key: member for member in members}
    alias = {old: story for story in stories for old in (story.id, *story.absorbed)}
    conflicts = []
    for member in sorted(members, key=lambda m: m.key):
        wanted = member.override
        if wanted in (None, NO_STORY):
            continue
        story = alias.get(wanted)
        if story is None:
            conflicts.append(
                Conflict(member.key, f"{wanted!r} names no story (use an id from /stories.json)")
            )
            continue
        if member.date is None:
            continue
        others = [
            by_key[key].date
            for key in story.members
            if key != member.key and key in by_key and by_key[key].date is not None
        ]
        if not others:
            continue
        gap = max(abs((member.date - when).total_seconds()) for when in others) / 86400
        if gap > span_days:
            conflicts.append(
                Conflict(
                    member.key,
                    f"{wanted!r} forces a merge across {gap:.0f} days "
                    f"(more than {span_days:g}); is it the same event?",
                )
            )
    return conflicts
