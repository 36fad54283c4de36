"""Swap the article lists Pelican scans for lists with a constant-time ``in``."""

from __future__ import annotations

from pelican import signals

from .lists import IndexedList


def index_article_lists(generator) -> None:
    """Replace the tag, category and author article lists with IndexedLists."""
    for tag, articles in list(generator.tags.items()):
        generator.tags[tag] = IndexedList(articles)
    generator.categories = [(c, IndexedList(a)) for c, a in generator.categories]
    generator.authors = [(a, IndexedList(items)) for a, items in generator.authors]
    generator.context["tags"] = list(generator.tags.items())
    generator.context["categories"] = generator.categories
    generator.context["authors"] = generator.authors


def register() -> None:
    """Connect the speedups to Pelican's signals."""
    signals.article_generator_finalized.connect(index_article_lists)
