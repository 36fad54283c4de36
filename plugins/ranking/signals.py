"""Pelican glue: rank the stories once every clipping knows its story.

Runs at ``all_generators_finalized``: the stories plugin attaches ``article.story``
when the articles are read, and ranking must not depend on the order in which
plugins' receivers of one signal run. Without the stories plugin every clipping
ranks as a story of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator

from .score import Report, combine, rank, reason
from .settings import RankSettings

logger = logging.getLogger(__name__)


@dataclass
class Ranking:
    """What templates see as ``digest_ranking``: the home page's top stories and a sorter."""

    home: list[Any] = field(default_factory=list)
    list_top: int = 3

    def top(self, articles: Iterable[Any], count: int | None = None) -> list[Any]:
        """Return the best-ranked count (default: list_top) of articles, one per story."""
        ordered = sorted(articles, key=lambda a: (getattr(a, "rank", float("inf")), a.url))
        kept, seen = [], set()
        for article in ordered:
            story = story_key(article)
            if story not in seen:
                seen.add(story)
                kept.append(article)
        return kept[: self.list_top if count is None else count]


def story_key(article: Any) -> str:
    """Return the id of the article's story (its own URL without the stories plugin)."""
    story = getattr(article, "story", None)
    return story.id if story is not None else article.url


def report(article: Any) -> Report:
    """Return the ranking record of one clipping, from its clipping."""
    clip = article.clipping
    return Report(
        date=article.date,
        date_approximate=clip.date_approximate,
        heat=clip.heat,
        quality=clip.quality,
        source=clip.provider.name if clip.provider else "",
    )


def rank_articles(articles: Sequence[Any], settings: RankSettings) -> list[Any]:
    """Rank the stories; set rank, rank_score and rank_reason on every clipping.

    Return each story's lead clipping (the first of the story's members among
    ``articles``), best story first.
    """
    groups: dict[str, list[Any]] = {}
    for article in articles:
        groups.setdefault(story_key(article), []).append(article)
    records = [combine(key, [report(a) for a in members]) for key, members in groups.items()]
    leads = []
    for position, (record, value) in enumerate(rank(records, settings.weights), start=1):
        members = groups[record.key]
        why = reason(record)
        for article in members:
            article.rank = position
            article.rank_score = round(value, 4)
            article.rank_reason = why
        leads.append(min(members, key=_place_in_story))
    return leads


def _place_in_story(article: Any) -> int:
    story = getattr(article, "story", None)
    if story is None:
        return 0
    return next((i for i, clip in enumerate(story.members) if clip.url == article.url), 0)


def check_settings(pelican: Any) -> None:
    """Fail early, with the setting's name, on a DIGEST_RANK_* value we cannot use."""
    RankSettings.from_settings(pelican.settings)


def rank_generators(generators: Sequence[Any]) -> None:
    """Rank the articles' stories and publish ``digest_ranking`` to templates."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        settings = RankSettings.from_settings(generator.settings)
        leads = rank_articles(generator.articles, settings)
        generator.context["digest_ranking"] = Ranking(
            home=leads[: settings.home_top], list_top=settings.list_top
        )
        logger.debug("ranking: ranked %d stories", len(leads))


def register() -> None:
    """Connect the ranking plugin to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(rank_generators)
