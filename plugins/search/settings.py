"""The search plugin's DIGEST_SEARCH setting: its default in one place, validated once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    # Index the site with Pagefind, write /search/ and put a search form in every header.
    "DIGEST_SEARCH": True,
}


class SearchSettingsError(ValueError):
    """A DIGEST_SEARCH* setting has a value the plugin cannot use."""


def search_enabled(settings: Mapping[str, Any]) -> bool:
    """Return DIGEST_SEARCH (default True), refusing anything but True or False."""
    value = settings.get("DIGEST_SEARCH", DEFAULTS["DIGEST_SEARCH"])
    if not isinstance(value, bool):
        raise SearchSettingsError(f"search: DIGEST_SEARCH must be True or False, not {value!r}")
    return value
