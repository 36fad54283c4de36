"""Limits and defaults the clipping parser works with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, tzinfo


@dataclass(frozen=True)
class ParseOptions:
    """Limits and defaults for parsing; built from the DIGEST_* settings."""

    timezone: tzinfo = UTC
    max_bytes: int = 2_000_000
    max_topics: int = 25
    title_length: int = 100
    max_title_length: int = 300
    excerpt_length: int = 600
    parse_seconds: float = 5.0
