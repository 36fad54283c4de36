"""The Pelican side of the clippings plugin: a reader and a few signal receivers.

Everything here adapts Pelican to the plain modules beside it; the parsing,
checking and linking logic lives in those modules and imports no Pelican.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from html import escape
from typing import Any

from common.order import newest_first
from pelican import signals
from pelican.log import console
from pelican.readers import BaseReader
from pelican.utils import order_content, slugify

from . import hooks
from .body import MarkdownRenderer
from .budget import OverBudget, cpu_budget
from .dates import exact_first, is_approximate, settle_dates
from .files import UnreadableFile, display_path, read_limited
from .gitdates import approximate_date, first_commit_dates
from .hooks import UNREAD
from .linking import (
    MAX_SLUG_BYTES,
    capped_slug,
    duplicate_message,
    duplicate_sources,
    fallback_slug,
    related_links,
    short_slug,
    unique_slugs,
)
from .model import ERROR, INFO, WARNING, Clipping
from .options import parse_options
from .parse import failed_clipping, parse_clipping, unreadable_clipping
from .settings import ClippingSettings
from .summary import count_clippings, summary_line

logger = logging.getLogger(__name__)

_LOG_LEVELS = {ERROR: logging.WARNING, WARNING: logging.WARNING, INFO: logging.INFO}
# Context keys of one build: every clipping read, {repeated path: first path}.
READ = "clippings_read"
REPEATED = "clippings_repeated"


class ClippingReader(BaseReader):
    """Read news clippings (.txt) of any shape into Pelican articles."""

    enabled = True
    file_extensions = ("txt",)

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        self._options = parse_options(settings)
        self._markdown = MarkdownRenderer()
        self._git_dates: dict | None = None
        self._prefetched: dict[str, Clipping] = {}

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Return the sanitised body HTML and the metadata of one clipping."""
        clip = self._prefetched.pop(source_path, None) or self.parse(source_path)
        if not clip.usable or not clip.published:
            return "", {"status": "skip", "title": clip.title, "clipping": clip}
        return clip.body_html, self._metadata(clip)

    def parse(self, source_path: str) -> Clipping:
        """Return the clipping in one file, parsed."""
        shown = display_path(source_path)
        root = os.path.realpath(self.settings["PATH"])
        try:
            data = read_limited(source_path, root, self._options.max_bytes + 1)
        except UnreadableFile as exc:
            return unreadable_clipping(shown, str(exc))
        seconds = self._options.parse_seconds
        try:
            with cpu_budget(seconds):
                clip = parse_clipping(
                    data,
                    shown,
                    self._options,
                    fallback_date=lambda: self._approximate_date(source_path),
                    render_markdown=self._markdown,
                )
        except OverBudget as exc:
            return failed_clipping(shown, f"parsing {exc} (DIGEST_PARSE_SECONDS = {seconds:g})")
        except Exception as exc:
            logger.debug("clippings: parsing %s failed", shown, exc_info=True)
            return failed_clipping(shown, f"could not be parsed ({type(exc).__name__}: {exc})")
        return settle_dates(clip, self._options.timezone)

    def prefetch(self, source_paths: list[str], workers: int) -> None:
        """Parse files in worker processes before Pelican asks for them one at a time.

        Parsing is most of the reading time and each file is independent; the
        Pelican side (metadata objects, caching) stays in this process.
        """
        self._commit_dates()  # once, before forking
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_adopt_reader, initargs=(self,)
        ) as pool:
            chunk = max(1, len(source_paths) // (workers * 8))
            parsed = pool.map(_parse_in_worker, source_paths, chunksize=chunk)
            try:
                for path, clip in zip(source_paths, parsed, strict=False):
                    self._prefetched[path] = clip
            except Exception as exc:
                logger.warning(
                    "clippings: a parsing worker failed (%s: %s); the files it had are "
                    "parsed one at a time",
                    type(exc).__name__,
                    exc,
                )

    def _metadata(self, clip: Clipping) -> dict[str, Any]:
        """Return Pelican's own metadata, plus the frozen clipping as ``clipping``."""
        process = self.process_metadata
        meta: dict[str, Any] = {
            "title": clip.title,
            "slug": process("slug", self._slug(clip)),
            "date": process("date", clip.date.isoformat()),
            "status": "published",
            "summary": f"<p>{escape(clip.excerpt)}</p>" if clip.excerpt else "",
            "clipping": clip,
        }
        if clip.topics:
            meta["tags"] = [_with_slug(tag, "topic") for tag in process("tags", clip.topics)]
        if clip.category:
            meta["category"] = _with_slug(process("category", clip.category), "category")
        if clip.provider:
            meta["author"] = _with_slug(process("author", clip.provider.name), "provider")
        return meta

    def _slug(self, clip: Clipping) -> str:
        slug = slugify(
            clip.title,
            regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=self.settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=self.settings.get("SLUGIFY_USE_UNICODE", False),
        )
        return short_slug(slug) or fallback_slug(clip.identity)

    def _commit_dates(self) -> dict:
        if self._git_dates is None:
            self._git_dates = first_commit_dates(self.settings["PATH"])
        return self._git_dates

    def _approximate_date(self, source_path: str):
        return approximate_date(source_path, self._commit_dates())


def _with_slug(wrapper, prefix: str):
    """Give a topic, category or provider a slug that is neither empty nor too long.

    Names made only of emoji or punctuation ("..") would otherwise get an empty
    slug and be written over their index page; a 100-character CJK name
    transliterates to a slug longer than a file name may be.
    """
    if not wrapper.slug:
        wrapper.slug = fallback_slug(wrapper.name, prefix)
    elif len(wrapper.slug.encode()) > MAX_SLUG_BYTES:
        wrapper.slug = capped_slug(wrapper.slug)
    return wrapper


_worker_reader: ClippingReader | None = None


def _adopt_reader(reader: ClippingReader) -> None:
    """Keep the reader a prefetch worker process parses with (it is forked, not copied)."""
    global _worker_reader
    _worker_reader = reader


def _parse_in_worker(source_path: str) -> Clipping:
    return _worker_reader.parse(source_path)


def add_reader(readers) -> None:
    """Register the clipping reader for .txt files."""
    readers.reader_classes["txt"] = ClippingReader


def check_settings(pelican) -> None:
    """Fail early, with the setting's name, on a DIGEST_* value we cannot use."""
    ClippingSettings.from_settings(pelican.settings)


def report_problems(generator, metadata: dict[str, Any]) -> None:
    """Log the problems the reader found in one clipping; keep it for the summary."""
    clip = metadata.get("clipping")
    if clip is None:  # an article some other reader made
        return
    for problem in clip.problems:
        logger.log(_LOG_LEVELS[problem.level], "clippings: %s", problem)
    generator.context.setdefault(READ, []).append(clip)


def link_clippings(generator) -> None:
    """Drop repeated sources, make slugs unique, find which related links are ours."""
    # Files are read in directory order (and from the cache in another), so
    # clippings with equal dates would swap places between builds: order them
    # by source path first, then let Pelican's stable sort apply ARTICLE_ORDER_BY.
    articles = sorted(_clipping_articles(generator.articles), key=lambda a: a.source_path)
    articles = _without_duplicate_sources(generator, articles)
    # A guessed date never goes ahead of an exact one ("Latest", topics, sources).
    generator.articles = exact_first(
        order_content(list(articles), generator.settings["ARTICLE_ORDER_BY"])
    )
    slugs = unique_slugs((a.source_path, a.slug) for a in articles)
    for article in articles:
        article.slug = slugs[article.source_path]
        # Freeze the URL: Pelican recomputes it (with two path walks) on every use.
        # (Not save_as: an override_save_as would let the page silently win
        # over any later page written to the same file.)
        article.override_url = article.url
    links = related_links(
        {a.source_path: a.clipping for a in articles}, {a.source_path: a.url for a in articles}
    )
    for article in articles:
        article.related_links = links[article.source_path]


def _clipping_articles(articles: list) -> list:
    """Return the articles the clipping reader made; warn about any other."""
    kept = []
    for article in articles:
        if hasattr(article, "clipping"):
            kept.append(article)
        else:
            logger.warning(
                "clippings: %s is not a clipping (only .txt files become stories); skipped",
                display_path(article.source_path),
            )
    return kept


def keep_guesses_out_of_archives(generator) -> None:
    """Build the month archives from exactly dated clippings only.

    A guessed date (the day a file was added) says nothing about the month a
    story ran in; those clippings are listed apart on the archives page as
    ``digest_undated``, newest guess first.
    """
    exact = [a for a in generator.articles if not is_approximate(a)]
    if len(exact) == len(generator.articles):
        generator.context["digest_undated"] = []
        return

    def in_order(articles: list) -> list:
        if generator.context["NEWEST_FIRST_ARCHIVES"]:
            return newest_first(articles)
        return sorted(articles, key=lambda a: a.date)

    dates = in_order(exact)
    generator.period_archives = generator._build_period_archives(dates, exact, generator.settings)
    generator.context["period_archives"] = generator.period_archives
    undated = [a for a in generator.articles if is_approximate(a)]
    generator.dates = dates + in_order(undated)
    generator.context["dates"] = generator.dates
    generator.context["digest_undated"] = newest_first(undated)


def _without_duplicate_sources(generator, articles: list) -> list:
    clips = {a.clipping.path: a.clipping for a in articles}
    duplicates = duplicate_sources((path, clip.source_urls) for path, clip in clips.items())
    generator.context[REPEATED] = duplicates
    for path, first in duplicates.items():
        message = duplicate_message(path, first, clips[path].source_url)
        logger.warning("clippings: %s", message)
    return [a for a in articles if a.clipping.path not in duplicates]


def log_summary(generators) -> None:
    """Print what became of every clipping; in strict mode, fail on any warning."""
    generator = next((g for g in generators if {READ, UNREAD} & g.context.keys()), None)
    if generator is not None:
        context = generator.context
        stats = count_clippings(
            context.get(READ, ()), context.get(REPEATED), len(context.get(UNREAD, ()))
        )
        console.print(summary_line(stats))
        problems = stats["errors"] + stats["warnings"]
        if problems and ClippingSettings.from_settings(generator.settings).strict:
            raise StrictModeError(
                f"clippings: {stats['errors']} error(s) and {stats['warnings']} warning(s) "
                "and DIGEST_STRICT is on; build failed"
            )


class StrictModeError(RuntimeError):
    """A clipping warning in a build that runs with DIGEST_STRICT = True."""


def register() -> None:
    """Connect the clippings plugin to Pelican's signals."""
    hooks.install()
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(hooks.adopt_clipping)
    signals.readers_init.connect(add_reader)
    signals.article_generator_context.connect(report_problems)
    signals.article_generator_pretaxonomy.connect(link_clippings)
    signals.article_generator_finalized.connect(keep_guesses_out_of_archives)
    signals.all_generators_finalized.connect(log_summary)
