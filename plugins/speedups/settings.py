"""The speedups plugin's DIGEST_* settings: defaults in one place, validated once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from common.settings import count, flag, merged

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    # Processes that parse and render; 0 means one per CPU, 1 means none.
    "DIGEST_WORKERS": 0,
    "DIGEST_RENDER_CACHE": True,
}


@dataclass(frozen=True)
class SpeedupSettings:
    """The validated speedups settings."""

    workers: int
    render_cache: bool

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> SpeedupSettings:
        """Merge the user's settings over the defaults and validate them."""
        values = merged(DEFAULTS, settings)
        return cls(
            workers=count("speedups", "DIGEST_WORKERS", values["DIGEST_WORKERS"]),
            render_cache=flag("speedups", "DIGEST_RENDER_CACHE", values["DIGEST_RENDER_CACHE"]),
        )
