"""Plain data for stories: what clustering reads and what it returns.

This is the contract between the clustering core (``cluster.py``, pure, no
Pelican) and the site side (pages, feeds, ``/stories.json``, ranking). Both
sides import these types; neither mutates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clippings.model import NO_STORY  # front matter `story: none` keeps a clipping alone

__all__ = ["NO_STORY", "Member", "Story"]


@dataclass(frozen=True)
class Member:
    """One clipping as clustering sees it."""

    key: str  # the clipping's source path relative to the content folder: unique, stable
    title: str
    text: str  # plain text: excerpt plus the opening of the body
    date: datetime | None  # aware, in DIGEST_TIMEZONE; None when the date is only guessed
    provider: str = ""  # the source's display name ("" when unknown)
    source_url: str = ""  # webUrl, "" when the clipping has none
    source_urls: tuple[str, ...] = ()  # every URL the clipping was published under
    related_urls: tuple[str, ...] = ()  # the clipping service's related coverage
    override: str | None = None  # front matter `story:` (an id, NO_STORY) or None


@dataclass(frozen=True)
class Story:
    """One news event: the clippings that cover it, lead first."""

    id: str  # stable: derived from the earliest member (see cluster.story_id)
    members: tuple[str, ...]  # Member.key values; members[0] is the lead
    wire_groups: tuple[tuple[str, ...], ...] = ()  # keys carrying the same wire text
    absorbed: tuple[str, ...] = ()  # ids of earlier stories merged into this one

    @property
    def size(self) -> int:
        """Return how many clippings the story has."""
        return len(self.members)
