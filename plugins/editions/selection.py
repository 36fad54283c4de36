"""Choose and order an edition's stories from the period's clippings, pure and deterministic."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from .periods import Period, edition_number, period_of

NO_TOPIC = "Other news"


class Story(Protocol):
    """What editions read of a story (plugins/stories/model.py's Story has it)."""

    id: str
    members: tuple[str, ...]  # clipping keys, lead first


@dataclass(frozen=True)
class StoryRef:
    """A story reduced to what editions need: its id and its members' keys, lead first."""

    id: str
    members: tuple[str, ...]


def story_refs(views: Iterable[object]) -> list[StoryRef]:
    """Return one StoryRef per distinct story among views (each with .id and .members).

    A member is a key string or an object with a ``key`` (the story plugin's Clip).
    """
    found: dict[str, tuple[str, ...]] = {}
    for view in views:
        members = getattr(view, "members", None)
        if view is None or not members:
            continue
        found[str(view.id)] = tuple(str(getattr(m, "key", m)) for m in members)
    return [StoryRef(story_id, keys) for story_id, keys in sorted(found.items())]


@dataclass(frozen=True)
class Item:
    """One dated clipping as an edition shows it."""

    key: str  # Member.key: the clipping's path relative to the content folder
    title: str
    url: str  # the article page, relative to SITEURL
    date: datetime  # aware, in DIGEST_TIMEZONE
    summary: str = ""
    source: str = ""
    source_url: str = ""
    topics: tuple[str, ...] = ()
    score: float = 0.0  # the ranking score (0 when the ranking plugin is off)


@dataclass(frozen=True)
class EditionStory:
    """A story as one edition tells it: the period's clippings of it, lead first."""

    id: str
    items: tuple[Item, ...]

    @property
    def lead(self) -> Item:
        """Return the clipping whose headline the edition shows."""
        return self.items[0]

    @property
    def sources(self) -> tuple[str, ...]:
        """Return the distinct source names, in the story's order."""
        return tuple(dict.fromkeys(item.source for item in self.items if item.source))

    @property
    def topic(self) -> str:
        """Return the topic the story is listed under: its lead's first topic."""
        return next(iter(self.lead.topics), NO_TOPIC)


@dataclass(frozen=True)
class Edition:
    """One numbered edition: its top stories, then the rest grouped by topic."""

    period: Period
    number: int
    top: tuple[EditionStory, ...]
    by_topic: tuple[tuple[str, tuple[EditionStory, ...]], ...]
    in_progress: bool = False

    @property
    def stories(self) -> tuple[EditionStory, ...]:
        """Return every story of the edition, top stories first."""
        return self.top + tuple(s for _, group in self.by_topic for s in group)

    @property
    def sources(self) -> tuple[str, ...]:
        """Return every distinct source of the edition."""
        return tuple(dict.fromkeys(name for s in self.stories for name in s.sources))

    @property
    def updated(self) -> datetime:
        """Return the newest clipping date: it moves only when the edition's clippings do."""
        return max(item.date for s in self.stories for item in s.items)


def story_positions(stories: Sequence[Story]) -> dict[str, tuple[str, int]]:
    """Return {member key: (story id, place in the story)}."""
    return {
        key: (story.id, position) for story in stories for position, key in enumerate(story.members)
    }


def group_by_story(
    items: Iterable[Item], story_of: dict[str, tuple[str, int]]
) -> list[EditionStory]:
    """Return the items grouped by their story; an item of no story is a story of its own.

    story_of is :func:`story_positions` of the build's stories (made once for every period).
    """
    grouped: dict[str, list[tuple[int, Item]]] = defaultdict(list)
    for item in items:
        story_id, position = story_of.get(item.key, (f"single:{item.key}", 0))
        grouped[story_id].append((position, item))
    return [
        EditionStory(story_id, tuple(item for _, item in sorted(members, key=_member_order)))
        for story_id, members in sorted(grouped.items())
    ]


def _member_order(member: tuple[int, Item]) -> tuple:
    position, item = member
    return (position, item.date, item.key)


def rank_key(story: EditionStory) -> tuple:
    """Order stories: most sources, then best ranking score, then newest, then id."""
    return (
        -len(story.sources),
        -max(item.score for item in story.items),
        -max(item.date for item in story.items).timestamp(),
        story.id,
    )


def build_edition(
    period: Period, number: int, stories: Sequence[EditionStory], top: int, in_progress: bool
) -> Edition:
    """Return the edition of one period from its stories."""
    ranked = sorted(stories, key=rank_key)
    groups: dict[str, list[EditionStory]] = defaultdict(list)
    for story in ranked[top:]:
        groups[story.topic].append(story)
    by_topic = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0] == NO_TOPIC, kv[0]))
    return Edition(
        period=period,
        number=number,
        top=tuple(ranked[:top]),
        by_topic=tuple((topic, tuple(group)) for topic, group in by_topic),
        in_progress=in_progress,
    )


def build_editions(
    items: Iterable[Item], stories: Sequence[Story], kind: str = "week", top: int = 10
) -> list[Edition]:
    """Return one edition per period with dated clippings, newest first.

    The newest edition is marked in progress ("so far"): without reading the clock
    (builds must be reproducible) the digest cannot know that its period has ended.
    """
    by_period: dict[Period, list[Item]] = defaultdict(list)
    for item in items:
        by_period[period_of(item.date, kind)].append(item)
    if not by_period:
        return []
    periods = sorted(by_period)
    first, newest = periods[0], periods[-1]
    story_of = story_positions(stories)  # once, not once per period
    return [
        build_edition(
            period,
            edition_number(period, first),
            group_by_story(by_period[period], story_of),
            top,
            in_progress=period == newest,
        )
        for period in reversed(periods)
    ]
