"""The search plugin's DIGEST_SEARCH setting: its default in one place, validated once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from common.settings import flag, merged

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    # Index the site with Pagefind, write /search/ and put a search form in every header.
    "DIGEST_SEARCH": True,
}


@dataclass(frozen=True)
class SearchSettings:
    """The validated search settings."""

    enabled: bool

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> SearchSettings:
        """Merge the user's settings over the defaults and validate them."""
        values = merged(DEFAULTS, settings)
        return cls(enabled=flag("search", "DIGEST_SEARCH", values["DIGEST_SEARCH"]))
