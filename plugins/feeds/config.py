"""The feeds plugin's DIGEST_FEED_* settings: defaults in one place, validated once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from common.settings import fail, flag, merged, positive_int
from common.urls import is_absolute_url

# Every setting the plugin reads, with its default. The README's settings table
# documents exactly these names.
DEFAULTS: dict[str, Any] = {
    # At most this many entries in each feed, newest first.
    "DIGEST_FEED_MAX_ITEMS": 50,
    # Absolute base for feed URLs when neither SITEURL nor FEED_DOMAIN is an
    # absolute URL (local preview): feed readers cannot resolve relative links.
    "DIGEST_FEED_BASE_URL": "http://127.0.0.1:8000",
    # Authority and date of the tag: URIs (RFC 4151) minted as entry ids for
    # clippings without a source URL. Set it to a domain you own and a date.
    "DIGEST_FEED_TAG_AUTHORITY": "newsdigest.invalid,2024",
    # Write a feed per provider as well as per topic.
    "DIGEST_FEED_PROVIDERS": True,
}

_TAG_AUTHORITY = re.compile(
    r"^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|[^@\s,]+@[A-Za-z0-9.-]+)"
    r",\d{4}(?:-\d{2}(?:-\d{2})?)?$"
)


@dataclass(frozen=True)
class FeedSettings:
    """The validated feed settings, plus the site values feeds need."""

    max_items: int
    base_url: str
    tag_authority: str
    providers: bool
    site_name: str
    site_subtitle: str
    site_author: str
    language: str

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> FeedSettings:
        """Merge the user's settings over the defaults and validate them."""
        values = merged(DEFAULTS, settings)
        fallback = values["DIGEST_FEED_BASE_URL"]
        if not is_absolute_url(fallback):
            raise fail("feeds", "DIGEST_FEED_BASE_URL", "an absolute http(s) URL", fallback)
        authority = values["DIGEST_FEED_TAG_AUTHORITY"]
        if not isinstance(authority, str) or not _TAG_AUTHORITY.match(authority):
            raise fail(
                "feeds",
                "DIGEST_FEED_TAG_AUTHORITY",
                "of the form 'example.org,2024' (RFC 4151)",
                authority,
            )
        return cls(
            max_items=positive_int(
                "feeds", "DIGEST_FEED_MAX_ITEMS", values["DIGEST_FEED_MAX_ITEMS"]
            ),
            base_url=pick_base_url(settings, fallback),
            tag_authority=authority,
            providers=flag("feeds", "DIGEST_FEED_PROVIDERS", values["DIGEST_FEED_PROVIDERS"]),
            site_name=str(settings.get("SITENAME") or "newsdigest"),
            site_subtitle=str(settings.get("SITESUBTITLE") or ""),
            site_author=str(settings.get("AUTHOR") or settings.get("SITENAME") or "newsdigest"),
            language=str(settings.get("DEFAULT_LANG") or "en"),
        )


def site_base_url(settings: Mapping[str, Any]) -> str:
    """Return the site's absolute base URL as feeds, stories.json and editions write it.

    SITEURL or FEED_DOMAIN when absolute, else DIGEST_FEED_BASE_URL (or its default).
    """
    return pick_base_url(settings, merged(DEFAULTS, settings)["DIGEST_FEED_BASE_URL"])


def pick_base_url(settings: Mapping[str, Any], fallback: str) -> str:
    """Return the first absolute URL of SITEURL, FEED_DOMAIN and fallback."""
    for candidate in (settings.get("SITEURL"), settings.get("FEED_DOMAIN"), fallback):
        if is_absolute_url(candidate):
            return str(candidate).rstrip("/")
    return fallback.rstrip("/")
