"""Score and order stories by heat, quality, breadth of coverage and recency.

score = (Wh·heat + Wq·quality + Wb·breadth + Wr) × recency, every signal in [0, 1]:

- heat, quality: the story's best 0–100 values divided by 100 (missing counts as 0);
- breadth: n / (n + saturation), n = the distinct sources beyond the first;
- recency: 0.5 ** (age / half-life), the age in hours of the story's newest
  exactly dated clipping, measured back from the newest exactly dated story of
  the digest, never from the wall clock, so a build is reproducible; a story
  whose dates are all guessed earns no recency.

Recency multiplies the rest, so a story weeks older than the digest's newest
cannot stay on top however hot it was; Wr is the part of the score a story
earns just for being new.

Ties go to the newer story, then to the smaller key. Imports no Pelican.
"""

from __future__ import annotations

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
    """What ranking needs to know about one story."""

    key: str
    date: datetime  # the newest exactly dated clipping's date (any, if all are guessed)
    date_approximate: bool = False  # True when every clipping's date is guessed
    heat: int | None = None  # the hottest clipping's heat
    quality: int | None = None  # the best clipping's quality
    sources: int = 1  # distinct sources


@dataclass(frozen=True)
class Report:
    """What ranking needs to know about one clipping of a story."""

    date: datetime
    date_approximate: bool = False
    heat: int | None = None
    quality: int | None = None
    source: str = ""


def combine(key: str, reports: Sequence[Report]) -> Story:
    """Return the ranking record of a story from its clippings (at least one)."""
    exact = [r.date for r in reports if not r.date_approximate]
    heats = [r.heat for r in reports if r.heat is not None]
    qualities = [r.quality for r in reports if r.quality is not None]
    return Story(
        key=key,
        date=max(exact) if exact else max(r.date for r in reports),
        date_approximate=not exact,
        heat=max(heats) if heats else None,
        quality=max(qualities) if qualities else None,
        sources=len({r.source for r in reports}),
    )


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
    """Return the story's score: its weighted merit, times its recency."""
    merit = (
        weights.heat * unit(story.heat)
        + weights.quality * unit(story.quality)
        + weights.breadth * breadth(story.sources - 1, weights.breadth_saturation)
        + weights.recency
    )
    return merit * recency(age_hours(story, reference), weights.half_life_hours)


def reason(story: Story) -> str:
    """Return why a story ranks where it does, e.g. "5 sources · heat 91"."""
    text = f"{story.sources} {'source' if story.sources == 1 else 'sources'}"
    return text if story.heat is None else f"{text} · heat {story.heat}"


def rank(stories: Sequence[Story], weights: RankWeights) -> list[tuple[Story, float]]:
    """Return (story, score) pairs, best first; ties newest first, then by key."""
    reference = reference_date(stories)
    scored = [(story, score(story, weights, reference)) for story in stories]
    return sorted(scored, key=lambda pair: (-pair[1], -pair[0].date.timestamp(), pair[0].key))
