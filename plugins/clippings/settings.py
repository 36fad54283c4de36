"""The clippings plugin's DIGEST_* settings: defaults in one place, validated once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from common.settings import SettingsError, flag, merged, number, positive_int

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    # None: Pelican's TIMEZONE (itself UTC when unset).
    "DIGEST_TIMEZONE": None,
    "DIGEST_MAX_CLIPPING_BYTES": 2_000_000,
    "DIGEST_MAX_TOPICS": 25,
    "DIGEST_TITLE_LENGTH": 100,
    "DIGEST_STRICT": False,
    "DIGEST_PARSE_SECONDS": 5,  # CPU seconds one clipping may take to parse
}


@dataclass(frozen=True)
class ClippingSettings:
    """The validated clippings settings."""

    timezone: str
    max_bytes: int
    max_topics: int
    title_length: int
    strict: bool
    parse_seconds: float

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> ClippingSettings:
        """Merge the user's settings over the defaults and validate them."""
        values = merged(DEFAULTS, settings)
        zone = values["DIGEST_TIMEZONE"]
        if zone is None:
            zone = settings.get("TIMEZONE") or "UTC"
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise SettingsError(
                f"clippings: DIGEST_TIMEZONE must be a time zone name, got {zone!r}"
            ) from None
        return cls(
            timezone=zone,
            max_bytes=positive_int(
                "clippings", "DIGEST_MAX_CLIPPING_BYTES", values["DIGEST_MAX_CLIPPING_BYTES"]
            ),
            max_topics=positive_int("clippings", "DIGEST_MAX_TOPICS", values["DIGEST_MAX_TOPICS"]),
            title_length=positive_int(
                "clippings", "DIGEST_TITLE_LENGTH", values["DIGEST_TITLE_LENGTH"]
            ),
            strict=flag("clippings", "DIGEST_STRICT", values["DIGEST_STRICT"]),
            parse_seconds=number(
                "clippings",
                "DIGEST_PARSE_SECONDS",
                values["DIGEST_PARSE_SECONDS"],
                positive=True,
            ),
        )
