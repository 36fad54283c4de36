"""Pelican glue: a generator that builds every feed and the /feeds/ page."""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals
from pelican.generators import Generator

from writer.signals import register as register_writer
from writer.signals import store_for

from .build import FeedWriter, write_feeds
from .config import FeedSettings
from .specs import PAGE_SAVE_AS, PAGE_URL, build_index, build_specs, entries_for_feeds
from .stories import story_specs

logger = logging.getLogger(__name__)


class FeedsGenerator(Generator):
    """Build the feed specs with the context, write them with the output."""

    def generate_context(self) -> None:
        """Build every feed's entries and publish the index as ``digest_feeds``."""
        self.feed_settings = FeedSettings.from_settings(self.settings)
        # Runs after the articles and pages generators: context["articles"]
        # holds the published articles, with their content already read.
        articles = self.context.get("articles") or []
        entries = entries_for_feeds(articles, self.feed_settings)
        self.specs = build_specs(entries, self.feed_settings)
        stories = self.context.get("digest_stories")
        if stories is not None and stories.feed_max_items:
            self.specs += story_specs(articles, entries, self.feed_settings, stories.feed_max_items)
        self.index = build_index(self.specs, self.feed_settings)
        self.context["digest_feeds"] = self.index

    def generate_output(self, writer: Any) -> None:
        """Write every feed, the topics OPML and the /feeds/ page."""
        # Through the one output writer: a collision with a page either way fails,
        # and a feed the last build wrote and this one did not is removed.
        paths = write_feeds(self.specs, self.feed_settings, FeedWriter(store_for(self)))
        logger.info("feeds: wrote %d feed files", len(paths))
        writer.write_file(
            PAGE_SAVE_AS,
            self.get_template("feeds"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=PAGE_URL,
            page_name="feeds",
        )


def get_generators(pelican_object: Any) -> type[FeedsGenerator]:
    """Add the feeds generator to the build."""
    return FeedsGenerator


def check_settings(pelican_object: Any) -> None:
    """Fail early, with the setting's name, on a DIGEST_FEED_* value we cannot use."""
    FeedSettings.from_settings(pelican_object.settings)


def register() -> None:
    """Connect the feeds plugin to Pelican."""
    register_writer()
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
