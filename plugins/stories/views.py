"""What the site shows of a story: plain, frozen views built from stories and clippings.

Imports no Pelican. The glue turns each published article into a :class:`Clip`
(the fields a story page, a list or a feed shows), and :func:`build_views` joins
them with the clustering core's :class:`~stories.model.Story` records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from .model import Story

STORIES_DIR = "stories"
T = TypeVar("T")


@dataclass(frozen=True)
class Link:
    """A titled link: a topic, or related coverage outside the digest."""

    title: str
    url: str
    provider: str = ""


@dataclass(frozen=True)
class Clip:
    """One published clipping as a story page, a list or a feed shows it."""

    key: str  # Member.key: the source path relative to the content folder
    url: str  # our page for it, relative to the site root
    title: str
    date: datetime
    date_approximate: bool = False
    excerpt: str = ""
    provider: str = ""
    provider_url: str = ""  # our page for the provider, relative to the site root
    source_url: str = ""  # webUrl (or originalUrl), "" when there is none
    topics: tuple[Link, ...] = ()
    related: tuple[Link, ...] = ()  # related coverage that is not in the digest

    @property
    def source(self) -> str:
        """Return the name the clipping's source goes by (its host when unnamed)."""
        return self.provider or _host(self.source_url) or "Unknown source"


@dataclass(frozen=True)
class Step:
    """One clipping on a story's coverage timeline, with the copies of its wire text."""

    clip: Clip
    label: str  # "First" or how long after the first report ("+5 h", "+2 days")
    also: tuple[Clip, ...] = ()  # wire copies: the same text from other sources


@dataclass(frozen=True)
class StoryView:
    """One story as every page, list and feed of the site shows it."""

    id: str
    members: tuple[Clip, ...]  # lead (earliest) first, then in timeline order
    steps: tuple[Step, ...]  # the timeline, wire copies folded into their first carrier
    sources: tuple[str, ...]  # distinct source names, in timeline order
    topics: tuple[Link, ...]
    related: tuple[Link, ...]
    absorbed: tuple[str, ...] = ()

    @property
    def lead(self) -> Clip:
        """Return the lead clipping: the story's earliest report."""
        return self.members[0]

    @property
    def title(self) -> str:
        """Return the story's headline: its lead clipping's title."""
        return self.lead.title

    @property
    def size(self) -> int:
        """Return how many clippings the story has."""
        return len(self.members)

    @property
    def has_page(self) -> bool:
        """Tell whether the story gets a page of its own (two clippings or more)."""
        return self.size > 1

    @property
    def url(self) -> str:
        """Return the story's page, or its one clipping's page, relative to the site root."""
        return story_url(self.id) if self.has_page else self.lead.url

    @property
    def newest(self) -> Clip:
        """Return the most recent clipping (the newest coverage)."""
        return max(self.members, key=lambda clip: (clip.date, clip.key))

    def more(self, url: str) -> tuple[Clip, ...]:
        """Return one clipping per other source than the one of the clipping at url."""
        shown = next((clip.source for clip in self.members if clip.url == url), None)
        seen = {shown}
        found = []
        for clip in self.members:
            if clip.source not in seen:
                seen.add(clip.source)
                found.append(clip)
        return tuple(found)


def story_url(story_id: str) -> str:
    """Return the URL of a story page, relative to the site root."""
    return f"{STORIES_DIR}/{story_id}/"


def story_save_as(story_id: str) -> str:
    """Return the output path of a story page (or of its redirect)."""
    return f"{STORIES_DIR}/{story_id}/index.html"


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1] if "://" in url else ""
    return rest.split("/", 1)[0].split("@")[-1].split(":")[0].removeprefix("www.")


def delay_label(first: datetime, later: datetime) -> str:
    """Return how long after first later came, to the hour or day ("+5 h", "+2 days")."""
    hours = int((later - first).total_seconds() // 3600)
    if hours < 1:
        return "within the hour"
    if hours < 48:
        return f"+{hours} h"
    return f"+{hours // 24} days"


def _steps(members: Sequence[Clip], wire_groups: Iterable[Sequence[str]]) -> tuple[Step, ...]:
    """Return the timeline: each clipping once, a wire group under its first carrier."""
    carrier: dict[str, str] = {}
    for group in wire_groups:
        present = [key for key in group if any(m.key == key for m in members)]
        for key in present[1:]:
            carrier[key] = present[0]
    copies: dict[str, list[Clip]] = {}
    for clip in members:
        if clip.key in carrier:
            copies.setdefault(carrier[clip.key], []).append(clip)
    first = next((clip.date for clip in members if not clip.date_approximate), None)
    steps = []
    for position, clip in enumerate(members):
        if clip.key in carrier:
            continue
        if position == 0:
            label = "First"
        elif clip.date_approximate or first is None:
            label = "Undated"
        else:
            label = delay_label(first, clip.date)
        steps.append(Step(clip, label, tuple(copies.get(clip.key, ()))))
    return tuple(steps)


def _topics(members: Sequence[Clip]) -> tuple[Link, ...]:
    """Return the members' topics, the most shared first, then by name."""
    counts: dict[str, tuple[int, Link]] = {}
    for clip in members:
        for topic in clip.topics:
            count, _ = counts.get(topic.url, (0, topic))
            counts[topic.url] = (count + 1, topic)
    ordered = sorted(counts.values(), key=lambda pair: (-pair[0], pair[1].title.casefold()))
    return tuple(link for _, link in ordered)


def _related(members: Sequence[Clip]) -> tuple[Link, ...]:
    """Return the members' outside coverage, each URL once, in member order."""
    own = {clip.source_url for clip in members if clip.source_url}
    seen: set[str] = set()
    found = []
    for clip in members:
        for link in clip.related:
            if link.url and link.url not in seen and link.url not in own:
                seen.add(link.url)
                found.append(link)
    return tuple(found)


def _timeline_order(story: Story, clips: Mapping[str, Clip]) -> tuple[Clip, ...]:
    """Return the lead, then the other members oldest first (undated ones last)."""
    lead, *rest = (clips[key] for key in story.members)
    rest.sort(key=lambda clip: (clip.date_approximate, clip.date, clip.key))
    return (lead, *rest)


def build_view(story: Story, clips: Mapping[str, Clip]) -> StoryView:
    """Return the view of one story whose members all have a Clip."""
    members = _timeline_order(story, clips)
    sources = tuple(dict.fromkeys(clip.source for clip in members))
    return StoryView(
        id=story.id,
        members=members,
        steps=_steps(members, story.wire_groups),
        sources=sources,
        topics=_topics(members),
        related=_related(members),
        absorbed=story.absorbed,
    )


def build_views(stories: Iterable[Story], clips: Mapping[str, Clip]) -> list[StoryView]:
    """Return a view per story, by id; members without a Clip are left out."""
    views = []
    for story in sorted(stories, key=lambda s: s.id):
        known = tuple(key for key in story.members if key in clips)
        if known:
            views.append(
                build_view(
                    Story(story.id, known, story.wire_groups, story.absorbed),
                    clips,
                )
            )
    return views


def collapse(
    items: Sequence[T], story_of: Callable[[T], str], order: Callable[[T], int]
) -> list[T]:
    """Return one item per story, where the story first appears in items.

    The item kept is the story's first member (smallest ``order``, the lead
    when present) among items, so two orderings of one list (newest first and
    oldest first) keep the same items, as Pelican's paginator needs.
    """
    best: dict[str, T] = {}
    for item in items:
        story = story_of(item)
        if story not in best or order(item) < order(best[story]):
            best[story] = item
    return [best[story] for story in dict.fromkeys(story_of(item) for item in items)]
