"""The DIGEST_* settings of the clippings plugin: defaults and validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .options import ParseOptions

DEFAULTS: dict[str, Any] = {
    # None: Pelican's TIMEZONE (itself UTC when unset).
    "DIGEST_TIMEZONE": None,
    "DIGEST_MAX_CLIPPING_BYTES": 2_000_000,
    "DIGEST_MAX_TOPICS": 25,
    "DIGEST_TITLE_LENGTH": 100,
    "DIGEST_STRICT": False,
    "DIGEST_PARSE_SECONDS": 5,  # CPU seconds one clipping may take to parse
}


class SettingsError(ValueError):
    """A DIGEST_* setting has a value the plugin cannot use."""


def digest_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Return the DIGEST_* settings with defaults filled in, checked once."""
    merged = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    if merged["DIGEST_TIMEZONE"] is None:
        merged["DIGEST_TIMEZONE"] = settings.get("TIMEZONE") or "UTC"
    for key in (
        "DIGEST_MAX_CLIPPING_BYTES",
        "DIGEST_MAX_TOPICS",
        "DIGEST_TITLE_LENGTH",
    ):
        value = merged[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise SettingsError(f"clippings: {key} must be a positive whole number, not {value!r}")
    seconds = merged["DIGEST_PARSE_SECONDS"]
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not seconds > 0:
        raise SettingsError(
            f"clippings: DIGEST_PARSE_SECONDS must be a positive number, not {seconds!r}"
        )
    try:
        ZoneInfo(merged["DIGEST_TIMEZONE"])
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise SettingsError(
            f"clippings: DIGEST_TIMEZONE {merged['DIGEST_TIMEZONE']!r} is not a time zone name"
        ) from None
    return merged


def parse_options(settings: Mapping[str, Any]) -> ParseOptions:
    """Return the parser options the settings ask for."""
    digest = digest_settings(settings)
    return ParseOptions(
        timezone=ZoneInfo(digest["DIGEST_TIMEZONE"]),
        max_bytes=digest["DIGEST_MAX_CLIPPING_BYTES"],
        max_topics=digest["DIGEST_MAX_TOPICS"],
        title_length=digest["DIGEST_TITLE_LENGTH"],
        parse_seconds=digest["DIGEST_PARSE_SECONDS"],
    )
