"""Per-story feeds: every clipping of a story of two or more, newest coverage first.

Imports no Pelican. Articles carry their story as ``article.story`` (a
``stories.views.StoryView``: ``id``, ``title``, ``url``, ``has_page``); this module
reads only those attributes, so the feeds plugin does not need the stories plugin.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .config import FeedSettings
from .entries import FeedEntry, absolute_url, entry_from_article, is_published
from .specs import FEEDS_DIR, FeedSpec, newest_first

STORY_FEEDS_DIR = f"{FEEDS_DIR}/stories"


def story_entries(
    articles: Iterable[Any], built: Iterable[FeedEntry], settings: FeedSettings
) -> dict[str, tuple[Any, list[FeedEntry]]]:
    """Return {story id: (story, entries)} for stories with a page; reuse built entries."""
    by_url = {entry.url: entry for entry in built}
    found: dict[str, tuple[Any, list[FeedEntry]]] = {}
    for article in articles:
        story = getattr(article, "story", None)
        if story is None or not story.has_page or not is_published(article):
            continue
        url = absolute_url(settings.base_url, str(article.url))
        entry = by_url.get(url) or entry_from_article(article, settings)
        found.setdefault(story.id, (story, []))[1].append(entry)
    return found


def story_spec(
    story: Any, entries: Sequence[FeedEntry], settings: FeedSettings, limit: int
) -> FeedSpec:
    """Return the feed of one story: its clippings, newest first."""
    path = f"{STORY_FEEDS_DIR}/{story.id}"
    return FeedSpec(
        kind="story",
        slug=story.id,
        name=story.title,
        title=f"{settings.site_name}: {story.title}",
        description=f"New coverage of this story in {settings.site_name}, from every source.",
        base_url=settings.base_url,
        page_url=absolute_url(settings.base_url, story.url),
        atom_path=f"{path}.atom.xml",
        rss_path=f"{path}.rss.xml",
        json_path=f"{path}.json",
        entries=tuple(newest_first(entries)[:limit]),
    )


def story_specs(
    articles: Iterable[Any], built: Iterable[FeedEntry], settings: FeedSettings, limit: int
) -> list[FeedSpec]:
    """Return a spec per story of two or more clippings, by story id."""
    found = story_entries(articles, built, settings)
    return [story_spec(*found[story_id], settings, limit) for story_id in sorted(found)]
