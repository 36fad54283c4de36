"""Where the build's progress counter is kept, for plugins that add to the summary line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The speedups plugin's BuildProgress, kept in Pelican's shared context.
PROGRESS = "speedups_progress"


def build_progress(context: Mapping[str, Any]) -> Any | None:
    """Return the build's progress counter, or None when the speedups plugin keeps none."""
    return context.get(PROGRESS)
