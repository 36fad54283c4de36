"""The stories of a set of members, as the build makes them (pure: no Pelican).

One function for the build (``signals.attach_stories``) and ``make check``
(``clippings.check``), so the check's override conflicts are the build's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .cluster import ClusterSettings, cluster_stories
from .ids import story_id
from .model import Member, Story
from .settings import StorySettings


def group_stories(
    members: Sequence[Member], settings: StorySettings, previous: Iterable[Story] = ()
) -> list[Story]:
    """Return the stories of members: clustered, or one per clipping when clustering is off."""
    if not settings.cluster:
        return [Story(story_id(member), (member.key,)) for member in members]
    return cluster_stories(
        members, ClusterSettings(link_days=settings.link_days), previous=previous
    )
