"""Pelican glue: build the editions from the published articles, then write their files."""

from __future__ import annotations

import logging
from typing import Any

from common.paths import source_key
from pelican import signals
from pelican.generators import Generator

import writer
from feeds.config import site_base_url

from .email_html import capped_email
from .feeds import EditionEntry, EditionFeed, render_feeds
from .index import EditionsIndex
from .selection import Edition, Item, build_editions, story_refs
from .settings import edition_settings

logger = logging.getLogger(__name__)

OWNER = "editions"  # how collision errors name this writer


def is_exact(article: Any) -> bool:
    """Tell whether an article is a clipping with an exact (not guessed) date."""
    clip = getattr(article, "clipping", None)
    return clip is not None and not clip.date_approximate


def item_of(article: Any, content_path: str) -> Item:
    """Return the Item an edition shows for one exactly dated article."""
    clip = article.clipping
    return Item(
        key=source_key(article.source_path, content_path),
        title=clip.title or str(article.title),
        url=article.url,
        date=article.date,
        summary=clip.excerpt,
        source=clip.provider.name if clip.provider else "",
        source_url=clip.source_url,
        topics=tuple(tag.name for tag in getattr(article, "tags", None) or ()),
        score=float(getattr(article, "rank_score", 0.0) or 0.0),
    )


class EditionsGenerator(Generator):
    """Build the editions with the context; write pages, email versions and feeds."""

    def generate_context(self) -> None:
        """Group the dated articles into editions; publish them as ``digest_editions``."""
        self.config = edition_settings(self.settings)
        self.index: EditionsIndex | None = None
        if not self.config.enabled:
            return
        # Runs after the articles generator: context["articles"] holds the published ones.
        articles = self.context.get("articles") or []
        content = self.settings["PATH"]
        items = [item_of(a, content) for a in articles if is_exact(a)]
        # The story plugin sets article.story (id, members with keys); without it
        # every clipping is a story of its own.
        stories = story_refs(getattr(a, "story", None) for a in articles)
        editions = build_editions(items, stories, self.config.period, self.config.top)
        self.index = EditionsIndex(tuple(editions), site_name=str(self.settings["SITENAME"]))
        self.context["digest_editions"] = self.index
        # Every page reads only this small summary (see EditionsNav).
        self.context["digest_edition_nav"] = self.index.nav()

    def generate_output(self, pages: Any) -> None:
        """Write /editions/, each edition's page and email.html, and the edition feeds."""
        if self.index is None:
            return
        index, relative = self.index, self.settings["RELATIVE_URLS"]
        base = site_base_url(self.settings)
        pages.write_file(
            f"{index.page_path}index.html",
            self.get_template("editions"),
            self.context,
            relative_urls=relative,
            url=index.page_path,
            page_name="editions",
        )
        for edition in index.editions:
            path = index.path(edition)
            context = dict(self.context, edition=edition)
            pages.write_file(
                f"{path}index.html",
                self.get_template("edition"),
                context,
                relative_urls=relative,
                url=path,
                page_name=path.rstrip("/"),
            )
            html, shown = self._email(edition, base)
            if shown < len(edition.stories):
                logger.info("editions: %semail.html shows %d stories to fit", path, shown)
            writer.write_file(self, f"{path}email.html", html.encode("utf-8"), OWNER)
        for path, data in render_feeds(self._feed(base), self._entries(base)).items():
            writer.write_file(self, path, data, OWNER)
        logger.info("editions: wrote %d editions", len(index.editions))

    def _render(self, template: str, edition: Edition, base: str, limit: int | None) -> str:
        context = dict(self.context, edition=edition, base=base, limit=limit)
        return self.get_template(template).render(context)

    def _email(self, edition: Edition, base: str) -> tuple[str, int]:
        def render(limit: int | None) -> str:
            return self._render("edition_email", edition, base, limit)

        return capped_email(render, len(edition.stories), self.config.email_max_bytes)

    def _feed(self, base: str) -> EditionFeed:
        name = str(self.settings["SITENAME"])
        return EditionFeed(
            title=f"{name}: editions",
            description=f"Every edition of {name}: the period's top stories, then the rest.",
            base_url=base,
            page_url=f"{base}/{self.index.page_path}",
            author=str(self.settings.get("AUTHOR") or name),
            language=str(self.settings.get("DEFAULT_LANG") or "en"),
        )

    def _entries(self, base: str) -> list[EditionEntry]:
        index = self.index
        return [
            EditionEntry(
                url=f"{base}/{index.path(edition)}",
                title=index.title(edition) + (" (so far)" if edition.in_progress else ""),
                summary=index.opening(edition),
                content_html=self._render("_edition_body", edition, base, None),
                published=min(i.date for s in edition.stories for i in s.items),
                updated=edition.updated,
            )
            for edition in index.editions[: self.config.feed_items]
        ]


def check_settings(pelican: Any) -> None:
    """Fail the build at start-up on an unusable DIGEST_EDITION* setting."""
    edition_settings(pelican.settings)


def get_generators(pelican_object: Any) -> type[EditionsGenerator]:
    """Add the editions generator to the build."""
    return EditionsGenerator


def register() -> None:
    """Connect the editions plugin to Pelican's signals."""
    writer.register()
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
