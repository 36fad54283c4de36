"""Pelican glue: attach neighbours to articles and publish the topic and provider lists."""

from __future__ import annotations

from typing import Any

from common.order import newest_first
from pelican import signals

from .listing import MonthLink, by_count, by_name, month_neighbours, neighbours


def _provider_domain(article: Any) -> str:
    provider = article.clipping.provider
    return provider.domain if provider else ""


def add_navigation(generator: Any) -> None:
    """Set newer/older articles; add the topic, provider and month-archive navigation."""
    ordered = newest_first(generator.articles, key=lambda a: (a.date, a.url))
    for article, found in zip(ordered, neighbours(ordered), strict=True):
        article.newer_article = found.newer
        article.older_article = found.older
    generator.context["digest_topics"] = by_count(generator.tags.items(), name=str)
    generator.context["digest_providers"] = by_name(
        generator.authors, name=str, domain=_provider_domain
    )
    months = generator.context.get("period_archives", {}).get("month", [])
    generator.context["digest_month_neighbours"] = month_neighbours(
        (
            archive["period_num"],
            MonthLink(" ".join(map(str, reversed(archive["period"]))), archive["url"]),
        )
        for archive in months
    )


def register() -> None:
    """Connect the navigation plugin to Pelican's signals."""
    signals.article_generator_finalized.connect(add_navigation)
