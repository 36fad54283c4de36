"""The editions plugin's DIGEST_EDITION* settings: defaults in one place, validated once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .periods import KINDS, WEEK

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    "DIGEST_EDITIONS": True,  # build editions at all
    "DIGEST_EDITION_PERIOD": WEEK,  # "week" (ISO weeks) or "day" (busy digests)
    "DIGEST_EDITION_TOP": 10,  # top stories with summary; the rest get one line each
    "DIGEST_EDITION_FEED_ITEMS": 20,  # editions in each edition feed, newest first
    "DIGEST_EDITION_EMAIL_MAX_BYTES": 102_000,  # Gmail clips larger messages
}


class EditionSettingsError(ValueError):
    """A DIGEST_EDITION* setting has a value the plugin cannot use."""


@dataclass(frozen=True)
class EditionSettings:
    """The validated edition settings."""

    enabled: bool = True
    period: str = WEEK
    top: int = 10
    feed_items: int = 20
    email_max_bytes: int = 102_000


def _whole(name: str, value: Any, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise EditionSettingsError(
            f"editions: {name} must be a whole number {minimum} or more, not {value!r}"
        )
    return value


def edition_settings(settings: Mapping[str, Any]) -> EditionSettings:
    """Return the validated settings, raising EditionSettingsError naming the bad one."""
    merged = {name: settings.get(name, default) for name, default in DEFAULTS.items()}
    enabled = merged["DIGEST_EDITIONS"]
    if not isinstance(enabled, bool):
        raise EditionSettingsError(
            f"editions: DIGEST_EDITIONS must be True or False, not {enabled!r}"
        )
    period = merged["DIGEST_EDITION_PERIOD"]
    if period not in KINDS:
        raise EditionSettingsError(
            f"editions: DIGEST_EDITION_PERIOD must be one of {', '.join(KINDS)}, not {period!r}"
        )
    return EditionSettings(
        enabled=enabled,
        period=period,
        top=_whole("DIGEST_EDITION_TOP", merged["DIGEST_EDITION_TOP"], 1),
        feed_items=_whole("DIGEST_EDITION_FEED_ITEMS", merged["DIGEST_EDITION_FEED_ITEMS"], 1),
        email_max_bytes=_whole(
            "DIGEST_EDITION_EMAIL_MAX_BYTES", merged["DIGEST_EDITION_EMAIL_MAX_BYTES"], 10_000
        ),
    )
