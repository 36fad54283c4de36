"""Score and order stories by heat, quality, recency and breadth of coverage.

score = Wh·heat + Wq·quality + Wr·recency + Wb·breadth, every signal in [0, 1]:

- heat, quality: the clipping's 0–100 values divided by 100 (missing counts as 0);
- recency: 0.5 ** (age / half-life), the age in hours measured back from the
  newest exactly dated story of the digest, never from the wall clock, so a
  build is reproducible; an approximate (guessed) date earns no recency;
- breadth: n / (n + saturation), n = related items + other stories linking here.

Ties go to the newer story, then to the smaller key. Imports no Pelican.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RankWeights:
    """The weights and shape parameters of the score."""

    heat: float = 0.35
    quality: float = 0.25
    recency: float = 0.25
    breadth: float = 0.15
    half_life_hours: float = 48.0
    breadth_saturation: float = 3.0


@dataclass(frozen=True)
class Story:
    """What ranking needs to know about one clipping."""

    key: str
    date: datetime
    date_approximate: bool = False
    heat: int | None = None
    quality: int | None = None
    related: int = 0
    inbound: int = 0


def unit(value: int | None) -> float:
    """Return a 0–100 value as a fraction in [0, 1]; None counts as 0."""
    if value is None:
        return 0.0
    return min(max(value, 0), 100) / 100


def recency(age_hours: float | None, half_life_hours: float) -> float:
    """Return 1 for age 0, halving every half-life; 0 when the age is unknown."""
    if age_hours is None:
        return 0.0
    return 0.5 ** (max(age_hours, 0.0) / half_life_hours)


def breadth(count: int, saturation: float) -> float:
    """Return count / (count + saturation): 0 for none, 0.5 at saturation, towards 1."""
    count = max(count, 0)
    return count / (count + saturation)


def reference_date(stories: Iterable[Story]) -> datetime | None:
    """Return the newest exact date among stories (None when every date is a guess)."""
    exact = [s.date for s in stories if not s.date_approximate]
    return max(exact) if exact else None


def age_hours(story: Story, reference: datetime | None) -> float | None:
    """Return how many hours story is older than reference (None if unknown)."""
    if reference is None or story.date_approximate:
        return None
    return (reference - story.date).total_seconds() / 3600


def score(story: Story, weights: RankWeights, reference: datetime | None) -> float:
    """Return the story's score: the weighted sum of its four signals."""
    return (
        weights.heat * unit(story.heat)
        + weights.quality * unit(story.quality)
        + weights.recency * recency(age_hours(story, reference), weights.half_life_hours)
        + weights.breadth * breadth(story.related + story.inbound, weights.breadth_saturation)
    )


def rank(stories: Sequence[Story], weights: RankWeights) -> list[tuple[Story, float]]:
    """Return (story, score) pairs, best first; ties newest first, then by key."""
    reference = reference_date(stories)
    scored = [(story, score(story, weights, reference)) for story in stories]
    return sorted(scored, key=lambda pair: (-pair[1], -pair[0].date.timestamp(), pair[0].key))


def inbound_counts(links: Iterable[tuple[str, str]]) -> Counter[str]:
    """Count, for each target, the distinct sources among (source, target) links."""
    distinct = {(source, target) for source, target in links if source != target}
    return Counter(target for _source, target in distinct)
