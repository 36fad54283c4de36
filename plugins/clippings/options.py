"""Limits and defaults the clipping parser works with."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from .settings import DEFAULTS, ClippingSettings


@dataclass(frozen=True)
class ParseOptions:
    """Limits and defaults for parsing; the settings' defaults unless built from them."""

    timezone: tzinfo = UTC
    max_bytes: int = DEFAULTS["DIGEST_MAX_CLIPPING_BYTES"]
    max_topics: int = DEFAULTS["DIGEST_MAX_TOPICS"]
    title_length: int = DEFAULTS["DIGEST_TITLE_LENGTH"]
    max_title_length: int = 300
    excerpt_length: int = 600
    parse_seconds: float = DEFAULTS["DIGEST_PARSE_SECONDS"]

    @classmethod
    def from_settings(cls, settings: ClippingSettings) -> ParseOptions:
        """Return the parser options validated settings ask for."""
        return cls(
            timezone=ZoneInfo(settings.timezone),
            max_bytes=settings.max_bytes,
            max_topics=settings.max_topics,
            title_length=settings.title_length,
            parse_seconds=settings.parse_seconds,
        )


def parse_options(settings: Mapping[str, Any]) -> ParseOptions:
    """Return the parser options a Pelican settings dict asks for."""
    return ParseOptions.from_settings(ClippingSettings.from_settings(settings))
