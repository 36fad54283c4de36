"""One settings shape: DEFAULTS plus a frozen dataclass per plugin, checked once at start-up."""

from __future__ import annotations

import dataclasses

import pytest
from common.settings import SettingsError
from pelican import Pelican
from pelican.settings import read_settings

from clippings.options import ParseOptions
from clippings.settings import DEFAULTS as CLIPPING_DEFAULTS
from clippings.settings import ClippingSettings
from editions.settings import EditionSettings
from feeds.config import FeedSettings
from ranking.settings import RankSettings
from sitebuild import ROOT
from speedups.settings import SpeedupSettings

SHAPES = [ClippingSettings, FeedSettings, RankSettings, SpeedupSettings, EditionSettings]


@pytest.mark.parametrize("shape", SHAPES)
def test_every_plugin_has_a_frozen_dataclass_with_defaults(shape):
    loaded = shape.from_settings({})
    assert dataclasses.is_dataclass(loaded)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(loaded, dataclasses.fields(loaded)[0].name, None)


@pytest.mark.parametrize(
    ("shape", "plugin", "name", "value", "wanted"),
    [
        (ClippingSettings, "clippings", "DIGEST_MAX_TOPICS", "x", "a positive integer"),
        (ClippingSettings, "clippings", "DIGEST_STRICT", "yes", "True or False"),
        (ClippingSettings, "clippings", "DIGEST_TIMEZONE", "Mars/Base", "a time zone name"),
        (FeedSettings, "feeds", "DIGEST_FEED_MAX_ITEMS", "x", "a positive integer"),
        (FeedSettings, "feeds", "DIGEST_FEED_PROVIDERS", 1, "True or False"),
        (RankSettings, "ranking", "DIGEST_RANK_HOME_TOP", 2.5, "a whole number 0 or more"),
        (RankSettings, "ranking", "DIGEST_RANK_HALF_LIFE_HOURS", 0, "greater than 0"),
        (SpeedupSettings, "speedups", "DIGEST_WORKERS", -1, "a whole number 0 or more"),
        (EditionSettings, "editions", "DIGEST_EDITION_PERIOD", "month", "'week' or 'day'"),
    ],
)
def test_a_bad_value_is_refused_naming_the_setting(shape, plugin, name, value, wanted):
    with pytest.raises(SettingsError) as raised:
        shape.from_settings({name: value})
    assert str(raised.value) == f"{plugin}: {name} must be {wanted}, got {value!r}"


def test_parser_defaults_are_the_settings_defaults():
    plain = ParseOptions()
    built = ParseOptions.from_settings(ClippingSettings.from_settings({}))
    assert (
        (plain.max_bytes, plain.max_topics, plain.title_length)
        == (
            built.max_bytes,
            built.max_topics,
            built.title_length,
        )
        == (
            CLIPPING_DEFAULTS["DIGEST_MAX_CLIPPING_BYTES"],
            CLIPPING_DEFAULTS["DIGEST_MAX_TOPICS"],
            CLIPPING_DEFAULTS["DIGEST_TITLE_LENGTH"],
        )
    )


def test_a_bad_setting_stops_the_build_before_anything_is_read(tmp_path):
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(ROOT / "content"),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "DIGEST_FEED_MAX_ITEMS": "x",
        },
    )
    with pytest.raises(SettingsError, match="DIGEST_FEED_MAX_ITEMS must be a positive integer"):
        Pelican(settings)
    assert not (tmp_path / "output").exists()
