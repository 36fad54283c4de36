"""Pelican glue: cluster the published clippings into stories and attach each one's story.

Steps, in Pelican's order:

1. ``initialized``: validate the DIGEST_STORY_* settings once.
2. ``article_generator_finalized`` (after the clippings plugin's link step):
   build a :class:`~stories.model.Member` per published article, cluster them,
   set ``article.story`` (a frozen :class:`~stories.views.StoryView`) once, and
   put the stories in the context as ``digest_stories``.
3. ``all_generators_finalized`` (after every other plugin read the full lists):
   topic, section and month lists and the home page keep one item per story.
4. :class:`~stories.output.StoriesGenerator` writes the story pages, redirects,
   the home page and ``/stories.json``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from typing import Any

from common.paths import source_key
from common.progress import build_progress
from pelican import signals
from pelican.generators import ArticlesGenerator

from writer.signals import register as register_writer

from .grouping import group_stories
from .index import INDEX_SAVE_AS, previous_stories
from .members import member_from_clipping, member_text
from .model import Member
from .overrides import override_conflicts
from .settings import StorySettings
from .views import Clip, Link, StoryView, build_views, collapse

logger = logging.getLogger(__name__)


@dataclass
class StoryIndex:
    """Every story of the build, as templates and the other plugins see it (``digest_stories``)."""

    views: list[StoryView] = field(default_factory=list)
    feed_max_items: int = 0  # entries per story feed; 0 when story feeds are off
    home_articles: list[Any] = field(default_factory=list)  # one per story, newest first
    home_dates: list[Any] = field(default_factory=list)  # the same, oldest first
    # {story id: page URL}, built once: every edition render looks stories up in it.
    _page_urls: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._page_urls = {view.id: view.url for view in self.views if view.has_page}

    @property
    def pages(self) -> list[StoryView]:
        """Return the stories that get a page of their own."""
        return [view for view in self.views if view.has_page]

    def page_urls(self) -> dict[str, str]:
        """Return {story id: URL of its page} for the stories that get a page of their own."""
        return self._page_urls


def member_of(article: Any, key: str) -> Member:
    """Return what clustering reads of one article (its clipping, keyed by its path)."""
    clip = article.clipping
    # The body as Pelican finished it (what pages show), not the raw parse.
    member = member_from_clipping(clip)
    return replace(member, key=key, text=member_text(clip.excerpt, article.content or ""))


def clip_of(article: Any, key: str) -> Clip:
    """Return what story pages, lists and feeds show of one article."""
    clip = article.clipping
    author = getattr(article, "author", None)
    internal = getattr(article, "related_links", None) or {}
    return Clip(
        key=key,
        url=article.url,
        title=str(article.title),
        date=article.date,
        date_approximate=clip.date_approximate,
        excerpt=clip.excerpt,
        provider=clip.provider.name if clip.provider else "",
        provider_url=author.url if author is not None and author.slug else "",
        source_url=clip.source_url,
        topics=tuple(Link(str(tag.name), tag.url) for tag in getattr(article, "tags", None) or ()),
        related=tuple(
            Link(r.title or r.url, r.url, r.provider.name if r.provider else "")
            for r in clip.related
            if r.url and r.url not in internal
        ),
    )


def _previous(settings: dict[str, Any]) -> list:
    path = os.path.join(settings["OUTPUT_PATH"], INDEX_SAVE_AS)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return []
    return previous_stories(data, path)


def _cache_on(settings: dict[str, Any]) -> bool:
    """Return whether this build keeps its clustering result for the next (CACHE_CONTENT)."""
    return bool(settings.get("CACHE_CONTENT")) and bool(settings.get("CACHE_PATH"))


def check_settings(pelican: Any) -> None:
    """Fail early, with the setting's name, on a DIGEST_STORY_* value we cannot use."""
    StorySettings.from_settings(pelican.settings)


def attach_stories(generator: Any) -> None:
    """Cluster the published articles; set ``article.story`` and ``digest_stories``."""
    settings = StorySettings.from_settings(generator.settings)
    content = generator.settings["PATH"]
    keyed = [(source_key(a.source_path, content), a) for a in generator.articles]
    members = [member_of(article, key) for key, article in keyed]
    grouping = group_stories(
        members,
        settings,
        _previous(generator.settings),
        isolated=True,
        cache=generator.settings["CACHE_PATH"] if _cache_on(generator.settings) else None,
        reuse=bool(generator.settings.get("LOAD_CONTENT_CACHE")),
    )
    stories = grouping.stories
    for conflict in override_conflicts(members, stories):
        logger.warning("stories: %s", conflict)
    views = build_views(stories, {key: clip_of(article, key) for key, article in keyed})
    by_key = {clip.key: view for view in views for clip in view.members}
    for key, article in keyed:
        article.story = by_key[key]
    generator.context["digest_stories"] = StoryIndex(
        views, feed_max_items=settings.feed_max_items if settings.feeds else 0
    )
    logger.info(
        "stories: %s, %d with a page",
        grouping.summary(),
        sum(1 for view in views if view.has_page),
    )
    progress = build_progress(generator.context)  # the summary line, when speedups is loaded
    if progress is not None:
        progress.note(grouping.summary())


def _position(article: Any) -> int:
    """Return the article's place in its story (0 for the lead)."""
    return next(i for i, clip in enumerate(article.story.members) if clip.url == article.url)


def _one_per_story(articles: list) -> list:
    kept = collapse(articles, lambda a: a.story.id, _position)
    return kept if type(articles) is list else type(articles)(kept)


def collapse_lists(generators: list) -> None:
    """Make topic, section, month and home lists show each story once."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        index = generator.context.get("digest_stories")
        if index is None:
            continue
        for tag in list(generator.tags):
            generator.tags[tag] = _one_per_story(generator.tags[tag])
        generator.categories = [(c, _one_per_story(a)) for c, a in generator.categories]
        for archives in generator.period_archives.values():
            for archive in archives:
                archive["articles"] = _one_per_story(archive["articles"])
                archive["dates"] = _one_per_story(archive["dates"])
        generator.context["tags"] = list(generator.tags.items())
        generator.context["categories"] = generator.categories
        index.home_articles = _one_per_story(generator.articles)
        index.home_dates = _one_per_story(generator.dates)


def get_generators(pelican: Any) -> type:
    """Add the generator that writes story pages and /stories.json."""
    from .output import StoriesGenerator

    return StoriesGenerator


def register() -> None:
    """Connect the stories plugin to Pelican's signals."""
    register_writer()
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(attach_stories)
    signals.all_generators_finalized.connect(collapse_lists)
    signals.get_generators.connect(get_generators)
