"""The stories of a set of members, as the build makes them (pure: no Pelican).

One function for the build (``signals.attach_stories``) and ``make check``
(``clippings.check``), so the check's override conflicts are the build's.

The clusterer (and with it NumPy, SciPy and scikit-learn) is imported only when
clustering runs; the build runs it in a forked child (``isolated``), so that the
libraries never sit in the build's memory or in its render workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from common.child import can_fork, run_in_child

from .ids import story_id
from .model import Member, Story
from .settings import StorySettings


def group_stories(
    members: Sequence[Member],
    settings: StorySettings,
    previous: Iterable[Story] = (),
    *,
    isolated: bool = False,
) -> list[Story]:
    """Return the stories of members: clustered, or one per clipping when clustering is off.

    isolated: cluster in a forked child process (where the platform can fork).
    """
    if not settings.cluster:
        return [Story(story_id(member), (member.key,)) for member in members]
    previous = list(previous)
    if isolated and can_fork():
        return run_in_child(_cluster, members, settings.link_days, previous)
    return _cluster(members, settings.link_days, previous)


def _cluster(members: Sequence[Member], link_days: float, previous: list[Story]) -> list[Story]:
    from .cluster import ClusterSettings, cluster_stories  # NumPy, SciPy, scikit-learn

    return cluster_stories(members, ClusterSettings(link_days=link_days), previous=previous)
