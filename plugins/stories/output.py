"""Pelican glue: a generator that writes story pages, redirects, the home page and /stories.json."""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican.generators import Generator

from feeds.config import site_base_url

from .index import INDEX_SAVE_AS, render_index
from .views import story_save_as, story_url

logger = logging.getLogger(__name__)


class StoriesGenerator(Generator):
    """Write what the stories add to the site (the clusters come from the article step)."""

    def generate_context(self) -> None:
        """Nothing to add: the stories are in the context since the articles were read."""

    def generate_output(self, writer: Any) -> None:
        """Write every story page, a redirect per absorbed story, the home page, /stories.json."""
        index = self.context.get("digest_stories")
        if index is None:
            return
        relative = self.settings["RELATIVE_URLS"]
        template = self.get_template("story")
        live = {view.id for view in index.views}
        for view in index.pages:
            writer.write_file(
                story_save_as(view.id),
                template,
                self.context,
                relative_urls=relative,
                url=story_url(view.id),
                story=view,
                page_name=story_url(view.id).rstrip("/"),
            )
        redirect = self.get_template("story_redirect")
        for view in index.views:
            for old in view.absorbed:
                if old in live:
                    continue
                writer.write_file(
                    story_save_as(old),
                    redirect,
                    self.context,
                    relative_urls=relative,
                    url=story_url(old),
                    story=view,
                    old_id=old,
                    noindex=True,  # not a page of its own: the sitemap leaves it out
                )
        self._write_home(writer, index)
        self._write_index(writer, index)

    def _write_home(self, writer: Any, index: Any) -> None:
        """Write the home page over one item per story (Pelican's own is turned off)."""
        if "index" in self.settings["DIRECT_TEMPLATES"]:
            logger.warning(
                "stories: 'index' is in DIRECT_TEMPLATES, so the home page lists clippings, "
                "not stories; remove it to let the stories plugin write the home page"
            )
            return
        save_as = self.settings.get("INDEX_SAVE_AS", "index.html")
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template("index"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            articles=index.home_articles,
            dates=index.home_dates,
            blog=True,
            template_name="index",
            page_name=os.path.splitext(save_as)[0],
            url=self.settings.get("INDEX_URL", "index.html"),
        )

    def _write_index(self, writer: Any, index: Any) -> None:
        """Write /stories.json through the one output writer."""
        from writer.signals import write_file

        data = render_index(index.views, site_base_url(self.settings))
        write_file(self, INDEX_SAVE_AS, data, owner="stories")
