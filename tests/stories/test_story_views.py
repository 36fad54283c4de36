"""The site side's pure story modules: views, list collapsing, /stories.json round trip."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from common.settings import SettingsError

from stories.index import previous_stories, render_index
from stories.model import Story
from stories.settings import StorySettings
from stories.views import Clip, Link, build_views, collapse, delay_label

T0 = datetime(2023, 3, 9, 9, 0, tzinfo=UTC)


def clip(key: str, hours: float, provider: str, **fields) -> Clip:
    return Clip(key=key, url=f"{key}/", title=f"Title {key}", date=T0 + timedelta(hours=hours),
                provider=provider, **fields)  # fmt: skip


CLIPS = {
    "a": clip("a", 0, "Reuters", source_url="https://r.example/a",
              related=(Link("Out", "https://x.example/1"), Link("Ours", "https://ap.example/b"))),
    "b": clip("b", 5, "AP", source_url="https://ap.example/b", topics=(Link("Cloud", "topics/cloud/"),)),
    "c": clip("c", 50, "Reuters", related=(Link("Out again", "https://x.example/1"),)),
    "d": clip("d", 3, "Wire Copy", date_approximate=True),
}  # fmt: skip


def test_a_view_has_lead_sources_timeline_wire_copies_and_outside_links():
    story = Story("s1", ("a", "b", "c", "d"), wire_groups=(("a", "c"),), absorbed=("s0",))
    (view,) = build_views([story], CLIPS)
    assert view.title == "Title a" and view.size == 4 and view.has_page
    assert view.url == "stories/s1/"
    assert [c.key for c in view.members] == ["a", "b", "c", "d"]  # undated last
    assert view.sources == ("Reuters", "AP", "Wire Copy")
    assert [(s.clip.key, s.label, [c.key for c in s.also]) for s in view.steps] == [
        ("a", "First", ["c"]),  # c carries a's wire text: shown once, under a
        ("b", "+5 h", []),
        ("d", "Undated", []),
    ]
    assert [link.url for link in view.related] == ["https://x.example/1"]  # b is ours
    assert [t.title for t in view.topics] == ["Cloud"]
    assert [c.source for c in view.more("b/")] == ["Reuters", "Wire Copy"]  # each name once


def test_a_story_of_one_points_at_its_clipping_and_unknown_members_are_dropped():
    (view,) = build_views([Story("s2", ("b", "gone"))], CLIPS)
    assert not view.has_page and view.url == "b/" and view.size == 1
    assert build_views([Story("s3", ("gone",))], CLIPS) == []


def test_delay_labels():
    assert delay_label(T0, T0 + timedelta(minutes=20)) == "within the hour"
    assert delay_label(T0, T0 + timedelta(hours=47)) == "+47 h"
    assert delay_label(T0, T0 + timedelta(days=6, hours=3)) == "+6 days"


def test_collapse_keeps_one_item_per_story_the_same_in_either_order():
    story = {"a1": "A", "a2": "A", "b1": "B", "a3": "A"}
    order = {"a1": 0, "a2": 1, "a3": 2, "b1": 0}
    newest_first = ["a3", "b1", "a2", "a1"]
    kept = collapse(newest_first, story.__getitem__, order.__getitem__)
    assert kept == ["a1", "b1"]  # the lead, where the story's newest clipping stood
    assert collapse(newest_first[::-1], story.__getitem__, order.__getitem__) == ["a1", "b1"]


def test_stories_json_round_trips_ids_members_and_merges():
    stories = [Story("s1", ("a", "b"), absorbed=("s0",)), Story("s2", ("d",))]
    views = build_views(stories, CLIPS)
    data = render_index(views, "https://example.org/site/")
    document = json.loads(data)
    assert document["stories"][0] == {
        "id": "s1",
        "url": "https://example.org/site/stories/s1/",
        "title": "Title a",
        "clippings": [
            {"source": "a", "url": "https://r.example/a"},
            {"source": "b", "url": "https://ap.example/b"},
        ],
        "absorbed": ["s0"],
    }
    assert document["stories"][1]["url"] == "https://example.org/site/d/"
    assert document["stories"][1]["clippings"] == [{"source": "d", "url": None}]
    assert render_index(reversed(views), "https://example.org/site") == data
    assert previous_stories(data) == [
        Story("s1", ("a", "b"), absorbed=("s0",)),
        Story("s2", ("d",)),
    ]


def test_an_unreadable_previous_index_means_fresh_ids():
    assert previous_stories(b"") == []
    assert previous_stories(b"{not json") == []
    assert previous_stories(b'{"stories": [{"id": "s1"}]}') == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DIGEST_STORY_LINK_DAYS", 0),
        ("DIGEST_STORY_FEED_MAX_ITEMS", "many"),
        ("DIGEST_STORY_FEEDS", "yes"),
        ("DIGEST_STORY_CLUSTER", 1),
    ],
)
def test_bad_story_settings_are_refused_with_the_setting_named(name, value):
    with pytest.raises(SettingsError, match=name):
        StorySettings.from_settings({name: value})
    assert StorySettings.from_settings({}) == StorySettings(True, 7.0, 50, True)
