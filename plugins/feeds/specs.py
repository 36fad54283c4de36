"""Group feed entries into FeedSpecs (site, topics, providers) and index them."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

from common import order

from .config import FeedSettings
from .entries import EPOCH, FeedEntry, Group, entry_from_article, entry_key, is_published

logger = logging.getLogger(__name__)

# Where every file goes, relative to the output folder. "feeds" is one of the
# folder names the clippings reader never gives a slug.
FEEDS_DIR = "feeds"
PAGE_URL = f"{FEEDS_DIR}/"
PAGE_SAVE_AS = f"{FEEDS_DIR}/index.html"
OPML_SAVE_AS = f"{FEEDS_DIR}/topics.opml"

ATOM_TYPE = "application/atom+xml"
RSS_TYPE = "application/rss+xml"
JSON_TYPE = "application/feed+json"
OPML_TYPE = "text/x-opml"


@dataclass(frozen=True)
class FeedSpec:
    """One feed (written as Atom, RSS and maybe JSON Feed) and its entries."""

    kind: str  # "site", "topic", "provider" or "story"
    slug: str
    name: str
    title: str
    description: str
    base_url: str
    page_url: str
    atom_path: str
    rss_path: str
    json_path: str = ""
    entries: tuple[FeedEntry, ...] = ()

    @property
    def updated(self) -> datetime:
        """Return the newest entry's updated date (the epoch when empty)."""
        return max((entry.updated for entry in self.entries), default=EPOCH)

    @property
    def published(self) -> datetime:
        """Return the newest entry's published date (the epoch when empty)."""
        return max((entry.published for entry in self.entries), default=EPOCH)

    def url(self, path: str) -> str:
        """Return the absolute URL of an output path."""
        return f"{self.base_url}/{path}"

    @property
    def atom_url(self) -> str:
        """Return the Atom feed's absolute URL."""
        return self.url(self.atom_path)

    @property
    def rss_url(self) -> str:
        """Return the RSS feed's absolute URL."""
        return self.url(self.rss_path)

    @property
    def json_url(self) -> str:
        """Return the JSON Feed's absolute URL, or "" when there is none."""
        return self.url(self.json_path) if self.json_path else ""


@dataclass(frozen=True)
class FeedLink:
    """One feed file as a page links to it."""

    title: str
    label: str
    mime_type: str
    path: str
    url: str


@dataclass(frozen=True)
class FeedListing:
    """One feed with all its formats, for the /feeds/ page."""

    kind: str
    slug: str
    name: str
    title: str
    description: str
    page_url: str
    page_path: str
    count: int
    links: tuple[FeedLink, ...]


@dataclass
class FeedIndex:
    """Every feed of the site, as the templates see it (``digest_feeds``)."""

    site: FeedListing
    topics: list[FeedListing] = field(default_factory=list)
    providers: list[FeedListing] = field(default_factory=list)
    opml: FeedLink | None = None
    story_feeds: dict[str, tuple[FeedLink, ...]] = field(default_factory=dict)
    page_path: str = PAGE_URL

    _topic_links: dict[str, tuple[FeedLink, ...]] = field(init=False, repr=False)
    _provider_links: dict[str, tuple[FeedLink, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Map slugs to links once, so each page's lookup is cheap."""
        self._topic_links = {item.slug: item.links for item in self.topics}
        self._provider_links = {item.slug: item.links for item in self.providers}

    def topic_links(self, slug: str) -> tuple[FeedLink, ...]:
        """Return the feed links of the topic with this slug (none if unknown)."""
        return self._topic_links.get(str(slug), ())

    def provider_links(self, slug: str) -> tuple[FeedLink, ...]:
        """Return the feed links of the provider with this slug (none if unknown)."""
        return self._provider_links.get(str(slug), ())

    def story_links(self, story_id: str) -> tuple[FeedLink, ...]:
        """Return the feed links of the story with this id (none if it has no feeds)."""
        return self.story_feeds.get(str(story_id), ())


class _Dated(Protocol):
    id: str
    published: datetime


D = TypeVar("D", bound=_Dated)


def newest_first(entries: Iterable[D]) -> list[D]:
    """Sort entries newest first (ties by id) and drop repeated ids.

    Entries with a guessed date come after every exactly dated one.
    """
    by_id = sorted(entries, key=lambda e: e.id)
    ordered = order.newest_first(
        by_id, key=lambda e: (not getattr(e, "approximate", False), e.published)
    )
    seen: set[str] = set()
    unique = []
    for entry in ordered:
        if entry.id in seen:
            logger.warning(
                "feeds: two clippings have the id %s; the older is left out of feeds", entry.id
            )
            continue
        seen.add(entry.id)
        unique.append(entry)
    return unique


def entries_for_feeds(articles: Sequence[Any], settings: FeedSettings) -> list[FeedEntry]:
    """Build entries for the published articles that some feed will show.

    A feed shows at most DIGEST_FEED_MAX_ITEMS entries, so the full entry
    (sanitised content, absolute URLs) is built only for the newest ones of
    the site, of each topic and of each provider.
    """
    published = [article for article in articles if is_published(article)]
    keys = newest_first(entry_key(a, i, settings) for i, a in enumerate(published))
    limit = settings.max_items
    wanted = {key.index for key in keys[:limit]}
    shown: dict[tuple[str, str], int] = {}
    for key in keys:
        groups = [("topic", slug) for slug in key.topics]
        if key.provider and settings.providers:
            groups.append(("provider", key.provider))
        for group in groups:
            if shown.get(group, 0) < limit:
                shown[group] = shown.get(group, 0) + 1
                wanted.add(key.index)
    return [entry_from_article(published[i], settings) for i in sorted(wanted)]


def _group_spec(
    kind: str, group: Group, members: list[FeedEntry], settings: FeedSettings, preposition: str
) -> FeedSpec:
    """Return the feed of one topic or provider; only topic feeds have a JSON Feed."""
    folder = f"{FEEDS_DIR}/{kind}s/{group.slug}"
    site_name = settings.site_name
    return FeedSpec(
        kind=kind,
        slug=group.slug,
        name=group.name,
        title=f"{site_name}: {group.name}",
        description=f"The latest {site_name} articles {preposition} {group.name}.",
        base_url=settings.base_url,
        page_url=group.url or settings.base_url + "/",
        atom_path=f"{folder}.atom.xml",
        rss_path=f"{folder}.rss.xml",
        json_path=f"{folder}.json" if kind == "topic" else "",
        entries=tuple(members[: settings.max_items]),
    )


def build_specs(entries: Iterable[FeedEntry], settings: FeedSettings) -> list[FeedSpec]:
    """Return the site feed, then topic feeds, then provider feeds, by slug."""
    ordered = newest_first(entries)
    limit = settings.max_items
    site_name = settings.site_name
    specs = [
        FeedSpec(
            kind="site",
            slug="all",
            name=site_name,
            title=site_name,
            description=settings.site_subtitle or f"The latest {site_name} articles.",
            base_url=settings.base_url,
            page_url=settings.base_url + "/",
            atom_path=f"{FEEDS_DIR}/all.atom.xml",
            rss_path=f"{FEEDS_DIR}/all.rss.xml",
            json_path=f"{FEEDS_DIR}/all.json",
            entries=tuple(ordered[:limit]),
        )
    ]
    topics = _grouped(ordered, lambda entry: entry.topics)
    specs += [_group_spec("topic", group, members, settings, "about") for group, members in topics]
    if settings.providers:
        providers = _grouped(ordered, lambda entry: (entry.provider,) if entry.provider else ())
        specs += [
            _group_spec("provider", group, members, settings, "from")
            for group, members in providers
        ]
    return specs


def _grouped(ordered, groups_of) -> list[tuple[Group, list[FeedEntry]]]:
    """Split newest-first entries by group slug; the newest entry names a group."""
    by_slug: dict[str, tuple[Group, list[FeedEntry]]] = {}
    for entry in ordered:
        for group in groups_of(entry):
            by_slug.setdefault(group.slug, (group, []))[1].append(entry)
    return [by_slug[slug] for slug in sorted(by_slug)]


def feed_links(spec: FeedSpec) -> tuple[FeedLink, ...]:
    """Return the links to every format a spec is written in."""
    links = [
        FeedLink(spec.title, "Atom", ATOM_TYPE, spec.atom_path, spec.atom_url),
        FeedLink(spec.title, "RSS", RSS_TYPE, spec.rss_path, spec.rss_url),
    ]
    if spec.json_path:
        links.append(FeedLink(spec.title, "JSON Feed", JSON_TYPE, spec.json_path, spec.json_url))
    return tuple(links)


def build_index(specs: list[FeedSpec], settings: FeedSettings) -> FeedIndex:
    """Index the specs by kind and slug for the templates."""

    def listing(spec: FeedSpec) -> FeedListing:
        return FeedListing(
            kind=spec.kind,
            slug=spec.slug,
            name=spec.name,
            title=spec.title,
            description=spec.description,
            page_url=spec.page_url,
            page_path=spec.page_url.removeprefix(spec.base_url + "/"),
            count=len(spec.entries),
            links=feed_links(spec),
        )

    site = next(spec for spec in specs if spec.kind == "site")
    return FeedIndex(
        site=listing(site),
        topics=[listing(spec) for spec in specs if spec.kind == "topic"],
        providers=[listing(spec) for spec in specs if spec.kind == "provider"],
        story_feeds={spec.slug: feed_links(spec) for spec in specs if spec.kind == "story"},
        opml=FeedLink(
            f"{settings.site_name}: every topic",
            "OPML",
            OPML_TYPE,
            OPML_SAVE_AS,
            f"{settings.base_url}/{OPML_SAVE_AS}",
        ),
    )
