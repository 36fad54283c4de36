"""What the theme reads about editions: the list, neighbours, opening lines, feed links."""

from __future__ import annotations

from dataclasses import dataclass

from .feeds import FEED_TYPES
from .opening import opening_line
from .selection import Edition

PAGE_PATH = "editions/"


@dataclass(frozen=True)
class FeedLink:
    """One edition feed, as <link rel="alternate"> and as a visible link."""

    path: str
    mime_type: str
    label: str
    title: str


@dataclass(frozen=True)
class EditionsNav:
    """What every page shows of the editions: the latest one and the feeds.

    Kept apart from EditionsIndex so that a page's render fingerprint changes only
    when the latest edition's title does, not whenever any edition changes.
    """

    page_path: str
    latest_path: str
    latest_title: str
    in_progress: bool
    links: tuple[FeedLink, ...]


@dataclass(frozen=True)
class EditionsIndex:
    """Every edition, newest first, with the helpers the templates call."""

    editions: tuple[Edition, ...]
    site_name: str = ""
    page_path: str = PAGE_PATH

    @property
    def latest(self) -> Edition | None:
        """Return the newest edition, or None for a digest without dated clippings."""
        return self.editions[0] if self.editions else None

    @property
    def links(self) -> tuple[FeedLink, ...]:
        """Return the edition feeds' links."""
        return tuple(
            FeedLink(path, mime, label, f"{self.site_name} editions")
            for path, mime, label in FEED_TYPES
        )

    def nav(self) -> EditionsNav | None:
        """Return the small summary every page shows, or None without editions."""
        latest = self.latest
        if latest is None:
            return None
        return EditionsNav(
            self.page_path, self.path(latest), self.title(latest), latest.in_progress, self.links
        )

    def path(self, edition: Edition) -> str:
        """Return the edition page's path relative to SITEURL ("editions/2021-W06/")."""
        return f"{self.page_path}{edition.period.key}/"

    def title(self, edition: Edition) -> str:
        """Return "Edition 12 · 8–14 Feb 2021"."""
        return f"Edition {edition.number} · {edition.period.label}"

    def opening(self, edition: Edition) -> str:
        """Return the edition's generated opening line."""
        return opening_line(edition)

    def newer(self, edition: Edition) -> Edition | None:
        """Return the next edition, if any."""
        position = self.editions.index(edition)
        return self.editions[position - 1] if position > 0 else None

    def older(self, edition: Edition) -> Edition | None:
        """Return the previous edition, if any."""
        position = self.editions.index(edition)
        return self.editions[position + 1] if position + 1 < len(self.editions) else None
