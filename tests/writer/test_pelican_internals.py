"""The Pelican internals module: the period-archive patch and the version check."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from operator import attrgetter

from writer import pelican_internals as internals


class Item:
    def __init__(self, date: datetime) -> None:
        self.date = date


def test_linear_period_archives_equal_pelicans():
    rng = random.Random(7)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    articles = [Item(start + timedelta(hours=rng.randrange(24 * 800))) for _ in range(400)]
    rng.shuffle(articles)
    dates = sorted(articles, key=attrgetter("date"), reverse=True)
    settings = {
        "YEAR_ARCHIVE_SAVE_AS": "archives/{date:%Y}/index.html",
        "YEAR_ARCHIVE_URL": "archives/{date:%Y}/",
        "MONTH_ARCHIVE_SAVE_AS": "archives/{date:%Y}/{date:%m}/index.html",
        "MONTH_ARCHIVE_URL": "archives/{date:%Y}/{date:%m}/",
        "DAY_ARCHIVE_SAVE_AS": "",
        "DAY_ARCHIVE_URL": "",
    }
    expected = internals.ORIGINAL_PERIOD_ARCHIVES(None, dates, articles, settings)
    actual = internals.build_period_archives(None, dates, articles, settings)
    assert actual == expected
    assert sum(len(a["articles"]) for a in actual["month"]) == 400


def test_an_untested_pelican_version_says_what_to_do(caplog):
    assert internals.check_pelican_version("speedups", "4.12.0")
    assert not internals.check_pelican_version("speedups", "5.0.1")
    message = caplog.records[-1].getMessage()
    assert "tested with Pelican 4.12 only, found 5.0.1" in message
    assert "remove 'speedups' from PLUGINS" in message
