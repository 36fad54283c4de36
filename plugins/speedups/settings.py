"""The DIGEST_* settings of the speedups plugin: defaults and validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    "DIGEST_WORKERS": 0,
    "DIGEST_RENDER_CACHE": True,
}


def speedup_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Return the speedups' settings with defaults filled in, checked."""
    merged = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    workers = merged["DIGEST_WORKERS"]
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        raise ValueError(
            "speedups: DIGEST_WORKERS must be 0 (one per CPU) or a positive number, "
            f"not {workers!r}"
        )
    if not isinstance(merged["DIGEST_RENDER_CACHE"], bool):
        raise ValueError("speedups: DIGEST_RENDER_CACHE must be True or False")
    return merged
