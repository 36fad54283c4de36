"""The editions plugin's DIGEST_EDITION* settings, in the one settings shape (common.settings)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from common.settings import fail, flag, merged, positive_int

from .periods import KINDS, WEEK

PLUGIN = "editions"

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    "DIGEST_EDITIONS": True,  # build editions at all
    "DIGEST_EDITION_PERIOD": WEEK,  # "week" (ISO weeks) or "day" (busy digests)
    "DIGEST_EDITION_TOP": 10,  # top stories with summary; the rest get one line each
    "DIGEST_EDITION_FEED_ITEMS": 20,  # editions in each edition feed, newest first
    "DIGEST_EDITION_EMAIL_MAX_BYTES": 102_000,  # Gmail clips larger messages
}
SMALLEST_EMAIL = 10_000  # below this not even one story and the masthead fit


@dataclass(frozen=True)
class EditionSettings:
    """The validated edition settings."""

    enabled: bool = True
    period: str = WEEK
    top: int = 10
    feed_items: int = 20
    email_max_bytes: int = 102_000

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> EditionSettings:
        """Merge the user's settings over the defaults and validate them."""
        values = merged(DEFAULTS, settings)
        period = values["DIGEST_EDITION_PERIOD"]
        if period not in KINDS:
            raise fail(PLUGIN, "DIGEST_EDITION_PERIOD", " or ".join(map(repr, KINDS)), period)
        email = positive_int(
            PLUGIN, "DIGEST_EDITION_EMAIL_MAX_BYTES", values["DIGEST_EDITION_EMAIL_MAX_BYTES"]
        )
        if email < SMALLEST_EMAIL:
            raise fail(PLUGIN, "DIGEST_EDITION_EMAIL_MAX_BYTES", f"{SMALLEST_EMAIL} or more", email)
        return cls(
            enabled=flag(PLUGIN, "DIGEST_EDITIONS", values["DIGEST_EDITIONS"]),
            period=period,
            top=positive_int(PLUGIN, "DIGEST_EDITION_TOP", values["DIGEST_EDITION_TOP"]),
            feed_items=positive_int(
                PLUGIN, "DIGEST_EDITION_FEED_ITEMS", values["DIGEST_EDITION_FEED_ITEMS"]
            ),
            email_max_bytes=email,
        )


def edition_settings(settings: Mapping[str, Any]) -> EditionSettings:
    """Return the validated settings (common.settings.SettingsError names a bad one)."""
    return EditionSettings.from_settings(settings)
