"""The ranking plugin's DIGEST_RANK_* settings: defaults in one place, validated once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .score import RankWeights

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    "DIGEST_RANK_HEAT_WEIGHT": 0.35,
    "DIGEST_RANK_QUALITY_WEIGHT": 0.25,
    "DIGEST_RANK_RECENCY_WEIGHT": 0.25,
    "DIGEST_RANK_BREADTH_WEIGHT": 0.15,
    # Hours after which a story's recency signal has halved.
    "DIGEST_RANK_HALF_LIFE_HOURS": 48,
    # Related items plus inbound links at which the breadth signal reaches 0.5.
    "DIGEST_RANK_BREADTH_SATURATION": 3,
    # How many top stories the home page shows, and each topic or provider page.
    "DIGEST_RANK_HOME_TOP": 8,
    "DIGEST_RANK_LIST_TOP": 3,
}

_WEIGHTS = (
    "DIGEST_RANK_HEAT_WEIGHT",
    "DIGEST_RANK_QUALITY_WEIGHT",
    "DIGEST_RANK_RECENCY_WEIGHT",
    "DIGEST_RANK_BREADTH_WEIGHT",
)


class RankSettingsError(ValueError):
    """A DIGEST_RANK_* setting has a value the plugin cannot use."""


@dataclass(frozen=True)
class RankSettings:
    """The validated ranking settings."""

    weights: RankWeights
    home_top: int
    list_top: int


def _number(name: str, value: Any, *, positive: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise RankSettingsError(f"ranking: {name} must be a number, not {value!r}")
    if value < 0 or (positive and value == 0):
        kind = "greater than 0" if positive else "0 or more"
        raise RankSettingsError(f"ranking: {name} must be {kind}, not {value!r}")
    return float(value)


def _count(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RankSettingsError(f"ranking: {name} must be a whole number 0 or more, not {value!r}")
    return value


def rank_settings(settings: Mapping[str, Any]) -> RankSettings:
    """Return the ranking settings with defaults filled in, checked once."""
    merged = dict(DEFAULTS, **{k: settings[k] for k in DEFAULTS if k in settings})
    weights = [_number(name, merged[name], positive=False) for name in _WEIGHTS]
    if not any(weights):
        raise RankSettingsError("ranking: at least one DIGEST_RANK_*_WEIGHT must be above 0")
    return RankSettings(
        weights=RankWeights(
            *weights,
            half_life_hours=_number(
                "DIGEST_RANK_HALF_LIFE_HOURS", merged["DIGEST_RANK_HALF_LIFE_HOURS"], positive=True
            ),
            breadth_saturation=_number(
                "DIGEST_RANK_BREADTH_SATURATION",
                merged["DIGEST_RANK_BREADTH_SATURATION"],
                positive=True,
            ),
        ),
        home_top=_count("DIGEST_RANK_HOME_TOP", merged["DIGEST_RANK_HOME_TOP"]),
        list_top=_count("DIGEST_RANK_LIST_TOP", merged["DIGEST_RANK_LIST_TOP"]),
    )
