"""/stories.json: the machine-readable index of every story, and the last build's stories.

Imports no Pelican. The format (documented in the README as an interface)::

    {"stories": [{"id": "s1a2b3c4d5e6f",
                  "url": "https://example.org/stories/s1a2b3c4d5e6f/",
                  "title": "The lead clipping's title",
                  "clippings": [{"source": "2021/000_vw.txt", "url": "https://..."}],
                  "absorbed": ["s0123456789ab"]}]}

``source`` is the clipping's path relative to the content folder (the key the
clustering core uses), ``url`` its webUrl or null; ``clippings`` lists the lead
first. ``absorbed`` names stories merged into this one (their pages redirect
here). The next build reads this file back to keep ids and find merges.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

from .model import Story
from .views import StoryView

logger = logging.getLogger(__name__)

INDEX_SAVE_AS = "stories.json"


def index_document(views: Iterable[StoryView], base_url: str) -> dict:
    """Return the /stories.json document for views (by id), with absolute URLs."""
    base = base_url.rstrip("/")
    return {
        "stories": [
            {
                "id": view.id,
                "url": f"{base}/{view.url}",
                "title": view.title,
                "clippings": [
                    {"source": clip.key, "url": clip.source_url or None} for clip in view.members
                ],
                "absorbed": list(view.absorbed),
            }
            for view in sorted(views, key=lambda v: v.id)
        ]
    }


def render_index(views: Iterable[StoryView], base_url: str) -> bytes:
    """Return /stories.json as UTF-8 bytes, the same for the same stories."""
    document = index_document(views, base_url)
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def previous_stories(data: bytes | None, where: str = INDEX_SAVE_AS) -> list[Story]:
    """Return the stories a previous build's /stories.json lists ([] when unreadable)."""
    if not data:
        return []
    try:
        document = json.loads(data)
        stories = [
            Story(
                id=str(item["id"]),
                members=tuple(str(clip["source"]) for clip in item["clippings"]),
                absorbed=tuple(str(old) for old in item.get("absorbed", ())),
            )
            for item in document["stories"]
        ]
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        logger.warning(
            "stories: %s of the last build is unreadable (%s); ids start afresh", where, error
        )
        return []
    return [story for story in stories if story.id and story.members]
