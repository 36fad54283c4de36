"""The stories plugin's DIGEST_STORY_* settings: defaults in one place, validated once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    # Related links join two clippings into one story only this many days apart.
    "DIGEST_STORY_LINK_DAYS": 7,
    # At most this many entries in each story's feeds (new coverage first).
    "DIGEST_STORY_FEED_MAX_ITEMS": 50,
    # Write Atom, RSS and JSON Feed for every story of two clippings or more.
    "DIGEST_STORY_FEEDS": True,
}


class StorySettingsError(ValueError):
    """A DIGEST_STORY_* setting has a value the plugin cannot use."""


@dataclass(frozen=True)
class StorySettings:
    """The validated story settings."""

    link_days: float
    feed_max_items: int
    feeds: bool

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> StorySettings:
        """Merge the user's settings over the defaults and validate them."""
        merged = dict(DEFAULTS, **{k: settings[k] for k in DEFAULTS if k in settings})
        days = merged["DIGEST_STORY_LINK_DAYS"]
        if isinstance(days, bool) or not isinstance(days, int | float) or not days > 0:
            raise StorySettingsError(
                f"stories: DIGEST_STORY_LINK_DAYS must be a number above 0, got {days!r}"
            )
        items = merged["DIGEST_STORY_FEED_MAX_ITEMS"]
        if isinstance(items, bool) or not isinstance(items, int) or items < 1:
            raise StorySettingsError(
                f"stories: DIGEST_STORY_FEED_MAX_ITEMS must be a positive integer, got {items!r}"
            )
        feeds = merged["DIGEST_STORY_FEEDS"]
        if not isinstance(feeds, bool):
            raise StorySettingsError(
                f"stories: DIGEST_STORY_FEEDS must be True or False, got {feeds!r}"
            )
        return cls(link_days=float(days), feed_max_items=items, feeds=feeds)
