"""Group clippings into stories: one per news event, from every source that covered it.

Entry point: :func:`cluster_stories`. Pure (no Pelican), offline, deterministic: the
result depends only on the set of members, never on their order.

Evidence that joins two clippings, strongest first:

1. curator overrides: ``story: <id>`` moves a clipping into that story, ``story: none``
   keeps it alone (see :mod:`stories.overrides` for the conflicts ``make check`` reports);
2. the same article: equal normalised source URLs (:func:`stories.urls.normalise_url`);
3. related links: a clipping whose ``related`` lists another clipping's URL, when both
   fall within ``link_days`` of each other (the clipping service is sometimes wrong).

Story ids follow :mod:`stories.ids`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .ids import assign_ids, order_members
from .model import NO_STORY, Member, Story
from .urls import normalise_url


@dataclass(frozen=True)
class ClusterSettings:
    """Tuning of the clusterer; every field has the documented default."""

    link_days: float = 7.0  # related links join clippings at most this many days apart


class _Union:
    """Disjoint sets over member indexes (union by smaller index keeps it deterministic)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _within(a: Member, b: Member, days: float) -> bool:
    if a.date is None or b.date is None:
        return True
    return abs((a.date - b.date).total_seconds()) <= days * 86400


def _urls(member: Member) -> set[str]:
    found = {normalise_url(url) for url in (member.source_url, *member.source_urls)}
    found.discard("")
    return found


def _link_edges(members: Sequence[Member], settings: ClusterSettings) -> Iterable[tuple[int, int]]:
    """Yield pairs sharing a source URL, or linked by a related URL within the window."""
    owners: dict[str, list[int]] = {}
    for index, member in enumerate(members):
        for url in _urls(member):
            owners.setdefault(url, []).append(index)
    for indexes in owners.values():
        for other in indexes[1:]:
            yield indexes[0], other
    for index, member in enumerate(members):
        for url in sorted({normalise_url(url) for url in member.related_urls} - {""}):
            for other in owners.get(url, ()):
                if other != index and _within(member, members[other], settings.link_days):
                    yield index, other


def cluster_stories(
    members: Sequence[Member],
    settings: ClusterSettings | None = None,
    *,
    previous: Iterable[Story] = (),
) -> list[Story]:
    """Return the stories of ``members``, each lead first, sorted by id.

    ``previous`` is the last build's stories (only ``id``, ``members`` and ``absorbed``
    are read): ids carry over and merged stories are listed in ``absorbed``.
    """
    settings = settings or ClusterSettings()
    ordered = sorted(members, key=lambda member: member.key)
    alone = [member.override == NO_STORY for member in ordered]
    union = _Union(len(ordered))
    for a, b in _link_edges(ordered, settings):
        if not (alone[a] or alone[b]):
            union.union(a, b)
    groups: dict[int, list[Member]] = {}
    for index, member in enumerate(ordered):
        groups.setdefault(union.find(index), []).append(member)
    previous = list(previous)
    stories = _build(list(groups.values()), previous)
    return _apply_overrides(stories, ordered, previous)


def _build(groups: list[list[Member]], previous: list[Story]) -> list[Story]:
    groups = [order_members(group) for group in groups]
    named = assign_ids(groups, previous)
    return sorted(
        (
            Story(id=story_id, members=tuple(m.key for m in group), absorbed=absorbed)
            for group, (story_id, absorbed) in zip(groups, named, strict=True)
        ),
        key=lambda story: story.id,
    )


def _apply_overrides(
    stories: list[Story], members: Sequence[Member], previous: list[Story]
) -> list[Story]:
    """Move every clipping with ``story: <id>`` into the story of that id, when it exists."""
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
    keeps = {
        old_id
        for old_id, group in groups.items()
        if old_id in moves.values() or {m.key for m in group} == set(pinned[old_id].members)
    }
    free = [story for story in previous if story.id not in keeps]
    result = []
    for old_id, group in sorted(groups.items()):
        story = pinned[old_id]
        if old_id not in keeps:
            rebuilt = _build([group], free)
            free = [s for s in free if s.id != rebuilt[0].id]
            result.extend(rebuilt)
        elif {m.key for m in group} == set(story.members):
            result.append(story)
        else:
            # A story that received a clipping by id keeps that id.
            group = order_members(group)
            result.append(Story(old_id, tuple(m.key for m in group), absorbed=story.absorbed))
    return sorted(result, key=lambda story: story.id)
