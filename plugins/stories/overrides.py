"""Curator overrides (front matter ``story:``): the conflicts ``make check`` reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .ids import order_members
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


Rebuild = Callable[[list[list[Member]], list[Story]], list[Story]]


def apply_overrides(
    stories: list[Story], members: Sequence[Member], previous: list[Story], rebuild: Rebuild
) -> list[Story]:
    """Move every clipping with ``story: <id>`` into the story of that id, when it exists.

    The receiving story keeps its id; a story that lost a clipping is rebuilt (by
    ``rebuild(groups, previous)``) and may get a new id if it lost its earliest member.
    """
    by_key = {member.key: member for member in members}
    alias = {old: story.id for story in stories for old in (story.id, *story.absorbed)}
    moves = {
        member.key: alias[member.override]
        for member in members
        if member.override not in (None, NO_STORY) and member.override in alias
    }
    if not moves:
        return stories
    pinned = {story.id: story for story in stories}
    groups: dict[str, list[Member]] = {}
    for story in stories:
        for key in story.members:
            groups.setdefault(moves.get(key, story.id), []).append(by_key[key])
    unchanged = {
        old_id
        for old_id, group in groups.items()
        if {m.key for m in group} == set(pinned[old_id].members)
    }
    keeps = unchanged | set(moves.values())
    free = [story for story in previous if story.id not in keeps]
    result = []
    for old_id, group in sorted(groups.items()):
        story = pinned[old_id]
        if old_id in unchanged:
            result.append(story)
        elif old_id in keeps:
            received = rebuild([order_members(group)], [])[0]
            result.append(
                Story(old_id, received.members, received.wire_groups, absorbed=story.absorbed)
            )
        else:
            rebuilt = rebuild([group], free)
            free = [s for s in free if s.id != rebuilt[0].id]
            result.extend(rebuilt)
    return sorted(result, key=lambda story: story.id)
