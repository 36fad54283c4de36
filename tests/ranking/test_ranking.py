"""The ranking function on its own: signals, weights, recency decay, ties, settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from common.settings import SettingsError

from ranking.score import (
    RankWeights,
    Report,
    Story,
    age_hours,
    breadth,
    combine,
    rank,
    reason,
    recency,
    reference_date,
    score,
    unit,
)
from ranking.settings import DEFAULTS, RankSettings

NOW = datetime(2021, 3, 9, 12, 0, tzinfo=UTC)
# Heat alone, and a half-life so long that hours of age change nothing.
ONLY_HEAT_NO_DECAY = RankWeights(heat=1, quality=0, recency=0, breadth=0, half_life_hours=1e12)


def story(key: str, hours_old: float = 0, **fields) -> Story:
    return Story(key=key, date=NOW - timedelta(hours=hours_old), **fields)


def test_signals_are_fractions_with_missing_values_counting_zero():
    assert unit(None) == 0 and unit(0) == 0 and unit(55) == 0.55 and unit(100) == 1
    assert unit(-5) == 0 and unit(250) == 1
    assert breadth(0, 3) == 0 and breadth(3, 3) == 0.5 and breadth(9, 3) == 0.75


def test_recency_halves_every_half_life_and_never_exceeds_one():
    assert recency(0, 48) == 1
    assert recency(48, 48) == pytest.approx(0.5)
    assert recency(96, 48) == pytest.approx(0.25)
    assert recency(-10, 48) == 1  # newer than the reference: clamped, not boosted
    assert recency(None, 48) == 0


def test_recency_counts_from_the_newest_exact_date_not_the_clock():
    stories = [story("old", 48), story("new", 0), story("guess", -500, date_approximate=True)]
    reference = reference_date(stories)
    assert reference == NOW  # the guessed date is newer but is not evidence
    assert age_hours(stories[0], reference) == 48
    assert age_hours(stories[2], reference) is None
    assert reference_date([story("guess", 0, date_approximate=True)]) is None


def test_score_is_the_weighted_merit_times_recency():
    weights = RankWeights(
        heat=0.4, quality=0.3, recency=0.2, breadth=0.1, half_life_hours=24, breadth_saturation=2
    )
    item = story("a", 24, heat=80, quality=50, sources=3)  # two sources beyond the first
    expected = (0.4 * 0.8 + 0.3 * 0.5 + 0.1 * 0.5 + 0.2) * 0.5
    assert score(item, weights, NOW) == pytest.approx(expected)
    assert score(story("guess", 0, heat=99, date_approximate=True), weights, NOW) == 0


def test_each_signal_moves_a_story_up():
    base = {"heat": 50, "quality": 50, "sources": 2}
    weights = RankWeights()
    plain = score(story("p", 24, **base), weights, NOW)
    assert score(story("h", 24, **{**base, "heat": 90}), weights, NOW) > plain
    assert score(story("q", 24, **{**base, "quality": 90}), weights, NOW) > plain
    assert score(story("r", 0, **base), weights, NOW) > plain
    assert score(story("b", 24, **{**base, "sources": 5}), weights, NOW) > plain


def test_an_old_story_never_tops_a_recent_one_however_hot():
    """A digest whose newest story is from December 2022 puts no 2021 story on top."""
    weights = RankWeights()
    old = story("old", 24 * 365, heat=100, quality=100, sources=12)
    new = story("new", 24 * 3, heat=10, quality=10, sources=1)
    assert [s.key for s, _ in rank([old, new], weights)] == ["new", "old"]


def test_rank_orders_best_first_and_breaks_ties_newest_then_by_key():
    stories = [
        story("b-older", 10, heat=50),
        story("a-hot", 30, heat=90),
        story("c-newer", 5, heat=50),
        story("a-same", 5, heat=50),
    ]
    ranked = [s.key for s, _ in rank(stories, ONLY_HEAT_NO_DECAY)]
    assert ranked == ["a-hot", "a-same", "c-newer", "b-older"]


def test_rank_is_reproducible_whatever_the_input_order():
    stories = [story(f"s{i}", i * 7, heat=(i * 37) % 100, sources=1 + i % 3) for i in range(20)]
    first = rank(stories, RankWeights())
    assert rank(list(reversed(stories)), RankWeights()) == first


def test_a_story_combines_its_clippings():
    reports = [
        Report(NOW - timedelta(hours=5), heat=40, quality=90, source="Reuters"),
        Report(NOW, heat=91, source="AP"),
        Report(NOW + timedelta(days=9), date_approximate=True, heat=10, source="Reuters"),
    ]
    combined = combine("s1", reports)
    assert combined == Story("s1", NOW, False, heat=91, quality=90, sources=2)
    assert reason(combined) == "2 sources · heat 91"
    assert reason(Story("s2", NOW)) == "1 source"
    guessed = combine("s3", [Report(NOW, date_approximate=True)])
    assert guessed.date_approximate and guessed.heat is None


def test_settings_default_and_override():
    settings = RankSettings.from_settings({})
    assert settings.weights == RankWeights(0.35, 0.25, 0.25, 0.15, 48.0, 3.0)
    assert (settings.home_top, settings.list_top) == (8, 3)
    changed = RankSettings.from_settings(
        {"DIGEST_RANK_HALF_LIFE_HOURS": 6, "DIGEST_RANK_HOME_TOP": 0}
    )
    assert changed.weights.half_life_hours == 6 and changed.home_top == 0
    assert all(name.startswith("DIGEST_RANK_") for name in DEFAULTS)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DIGEST_RANK_HEAT_WEIGHT", -1),
        ("DIGEST_RANK_HEAT_WEIGHT", "high"),
        ("DIGEST_RANK_QUALITY_WEIGHT", True),
        ("DIGEST_RANK_HALF_LIFE_HOURS", 0),
        ("DIGEST_RANK_BREADTH_SATURATION", float("nan")),
        ("DIGEST_RANK_HOME_TOP", 2.5),
        ("DIGEST_RANK_LIST_TOP", -1),
    ],
)
def test_bad_settings_are_refused_with_the_setting_named(name, value):
    with pytest.raises(SettingsError, match=name):
        RankSettings.from_settings({name: value})


def test_all_zero_weights_are_refused():
    zero = {name: 0 for name in DEFAULTS if name.endswith("_WEIGHT")}
    with pytest.raises(SettingsError, match="WEIGHT"):
        RankSettings.from_settings(zero)
