"""The stories plugin's DIGEST_STORY_* settings: defaults in one place, validated once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from common.settings import flag, merged, number, positive_int

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    # Group clippings into stories; False makes every clipping a story of its own.
    "DIGEST_STORY_CLUSTER": True,
    # Related links join two clippings into one story only this many days apart.
    "DIGEST_STORY_LINK_DAYS": 7,
    # At most this many entries in each story's feeds (new coverage first).
    "DIGEST_STORY_FEED_MAX_ITEMS": 50,
    # Write Atom, RSS and JSON Feed for every story of two clippings or more.
    "DIGEST_STORY_FEEDS": True,
}


@dataclass(frozen=True)
class StorySettings:
    """The validated story settings."""

    cluster: bool
    link_days: float
    feed_max_items: int
    feeds: bool

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> StorySettings:
        """Merge the user's settings over the defaults and validate them."""
        values = merged(DEFAULTS, settings)
        return cls(
            cluster=flag("stories", "DIGEST_STORY_CLUSTER", values["DIGEST_STORY_CLUSTER"]),
            link_days=number(
                "stories", "DIGEST_STORY_LINK_DAYS", values["DIGEST_STORY_LINK_DAYS"], positive=True
            ),
            feed_max_items=positive_int(
                "stories", "DIGEST_STORY_FEED_MAX_ITEMS", values["DIGEST_STORY_FEED_MAX_ITEMS"]
            ),
            feeds=flag("stories", "DIGEST_STORY_FEEDS", values["DIGEST_STORY_FEEDS"]),
        )
