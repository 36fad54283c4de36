"""Pelican glue: score every published article once its links are known."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pelican import signals

from .score import Story, inbound_counts, rank
from .settings import RankSettings

logger = logging.getLogger(__name__)


@dataclass
class Ranking:
    """What templates see as ``digest_ranking``: the home page's top stories and a sorter."""

    home: list[Any] = field(default_factory=list)
    list_top: int = 3

    def top(self, articles: Iterable[Any], count: int | None = None) -> list[Any]:
        """Return the best-ranked count (default: list_top) of articles."""
        ordered = sorted(articles, key=lambda a: getattr(a, "rank", float("inf")))
        return ordered[: self.list_top if count is None else count]


def story(article: Any, inbound: int) -> Story:
    """Return the ranking record of one article, from its clipping."""
    clip = article.clipping
    return Story(
        key=article.url,
        date=article.date,
        date_approximate=clip.date_approximate,
        heat=clip.heat,
        quality=clip.quality,
        related=len(clip.related),
        inbound=inbound,
    )


def rank_articles(articles: Sequence[Any], settings: RankSettings) -> list[Any]:
    """Set rank, rank_score and breadth on every article; return them best first."""
    links = ((article.url, page) for article in articles for page in article.related_links.values())
    inbound = inbound_counts(links)
    by_key = {article.url: article for article in articles}
    ranked = rank([story(a, inbound[a.url]) for a in articles], settings.weights)
    ordered = []
    for position, (record, value) in enumerate(ranked, start=1):
        article = by_key[record.key]
        article.rank = position
        article.rank_score = round(value, 4)
        article.breadth = record.related + record.inbound
        ordered.append(article)
    return ordered


def check_settings(pelican: Any) -> None:
    """Fail early, with the setting's name, on a DIGEST_RANK_* value we cannot use."""
    RankSettings.from_settings(pelican.settings)


def rank_generator(generator: Any) -> None:
    """Rank the generator's articles and publish ``digest_ranking`` to templates."""
    settings = RankSettings.from_settings(generator.settings)
    ordered = rank_articles(generator.articles, settings)
    generator.context["digest_ranking"] = Ranking(
        home=ordered[: settings.home_top], list_top=settings.list_top
    )
    logger.debug("ranking: ranked %d articles", len(ordered))


def register() -> None:
    """Connect the ranking plugin to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(rank_generator)
