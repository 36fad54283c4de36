"""The ranking plugin's DIGEST_RANK_* settings: defaults in one place, validated once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from common.settings import SettingsError, count, merged, number

from .score import RankWeights

# Every setting the plugin reads, with its default (the README documents each).
DEFAULTS: dict[str, Any] = {
    "DIGEST_RANK_HEAT_WEIGHT": 0.35,
    "DIGEST_RANK_QUALITY_WEIGHT": 0.25,
    "DIGEST_RANK_RECENCY_WEIGHT": 0.25,
    "DIGEST_RANK_BREADTH_WEIGHT": 0.15,
    # Hours after which a story's recency signal has halved.
    "DIGEST_RANK_HALF_LIFE_HOURS": 48,
    # Distinct sources beyond the first at which the breadth signal reaches 0.5.
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


@dataclass(frozen=True)
class RankSettings:
    """The validated ranking settings."""

    weights: RankWeights
    home_top: int
    list_top: int

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> RankSettings:
        """Merge the user's settings over the defaults and validate them."""
        values = merged(DEFAULTS, settings)
        weights = [number("ranking", name, values[name]) for name in _WEIGHTS]
        if not any(weights):
            raise SettingsError("ranking: at least one DIGEST_RANK_*_WEIGHT must be above 0")
        return cls(
            weights=RankWeights(
                *weights,
                half_life_hours=_positive(values, "DIGEST_RANK_HALF_LIFE_HOURS"),
                breadth_saturation=_positive(values, "DIGEST_RANK_BREADTH_SATURATION"),
            ),
            home_top=count("ranking", "DIGEST_RANK_HOME_TOP", values["DIGEST_RANK_HOME_TOP"]),
            list_top=count("ranking", "DIGEST_RANK_LIST_TOP", values["DIGEST_RANK_LIST_TOP"]),
        )


def _positive(values: Mapping[str, Any], name: str) -> float:
    return number("ranking", name, values[name], positive=True)
