"""The editions plugin's pure modules: periods, numbering, selection, opening line, email, feeds."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import feedparser
import pytest
from common.settings import SettingsError
from lxml import html as lxml_html

from editions.email_html import capped_email, inline_css
from editions.feeds import EditionEntry, EditionFeed, render_feeds
from editions.index import EditionsIndex
from editions.opening import opening_line
from editions.periods import DAY, Period, edition_number, period_of
from editions.selection import (
    NO_TOPIC,
    Item,
    StoryRef,
    build_editions,
    group_by_story,
    story_positions,
    story_refs,
)
from editions.settings import edition_settings
from stories.model import Story


def item(key: str, day: int, *, source: str = "Reuters", topics=("AI",), score=0.0, hour=9) -> Item:
    """Return a clipping dated day February 2021 (a Monday is the 1st, 8th, 15th)."""
    return Item(
        key=key,
        title=f"Headline {key}",
        url=f"{key}/",
        date=datetime(2021, 2, day, hour, tzinfo=UTC),
        summary=f"Summary {key}",
        source=source,
        topics=tuple(topics),
        score=score,
    )


def test_iso_weeks_run_monday_to_sunday_with_their_keys_and_labels():
    assert period_of(datetime(2021, 2, 11, 11, 58, tzinfo=UTC)) == Period(date(2021, 2, 8))
    assert period_of(date(2021, 2, 14)).key == "2021-W06"
    assert period_of(date(2021, 2, 15)).key == "2021-W07"
    assert Period(date(2021, 2, 8)).label == "8–14 Feb 2021"
    assert Period(date(2021, 3, 29)).label == "29 Mar – 4 Apr 2021"
    assert Period(date(2020, 12, 28)).label == "28 Dec 2020 – 3 Jan 2021"
    assert Period(date(2020, 12, 28)).key == "2020-W53"
    assert Period(date(2021, 1, 4)).key == "2021-W01"
    day = period_of(datetime(2021, 2, 11, 23, 59, tzinfo=UTC), DAY)
    assert (day.key, day.label, day.end) == ("2021-02-11", "11 Feb 2021", date(2021, 2, 11))


def test_numbers_count_periods_from_the_first_so_empty_weeks_keep_their_number():
    first = Period(date(2021, 1, 4))
    assert edition_number(first, first) == 1
    assert edition_number(Period(date(2021, 2, 8)), first) == 6
    assert edition_number(Period(date(2021, 1, 6), DAY), Period(date(2021, 1, 4), DAY)) == 3


def test_singletons_and_stories_group_the_weeks_clippings():
    items = [item("a", 9), item("b", 10, source="CNBC"), item("c", 11), item("d", 12)]
    stories = [Story(id="vw-azure", members=("b", "a", "z-other-week"))]
    grouped = {
        s.id: [i.key for i in s.items] for s in group_by_story(items, story_positions(stories))
    }
    assert grouped == {"vw-azure": ["b", "a"], "single:c": ["c"], "single:d": ["d"]}


def test_editions_rank_by_sources_then_score_and_group_the_rest_by_topic():
    items = [
        item("lone-high", 9, score=0.9, topics=("Cloud",)),
        item("pair-1", 10, source="CNBC", topics=("AI",)),
        item("pair-2", 10, source="Reuters", hour=12),
        item("low", 11, score=0.1, topics=()),
        item("mid", 12, score=0.5, topics=("Cloud",)),
        item("last-week", 3),
    ]
    stories = [Story(id="pair", members=("pair-1", "pair-2"))]
    newest, older = build_editions(items, stories, top=2)
    assert [s.id for s in newest.top] == ["pair", "single:lone-high"]
    assert [(topic, [s.id for s in group]) for topic, group in newest.by_topic] == [
        ("Cloud", ["single:mid"]),
        (NO_TOPIC, ["single:low"]),
    ]
    assert (newest.number, older.number) == (2, 1) and newest.in_progress and not older.in_progress
    assert newest.sources == ("CNBC", "Reuters")
    assert newest.updated == datetime(2021, 2, 12, 9, tzinfo=UTC)
    assert build_editions(list(reversed(items)), stories, top=2) == [newest, older]
    assert build_editions([], stories) == []


def test_opening_line_counts_and_names_the_most_covered():
    items = [item("p1", 9, source="CNBC"), item("p2", 9, source="GeekWire"), item("x", 10)]
    [edition] = build_editions(items, [Story(id="p", members=("p1", "p2"))])
    assert opening_line(edition) == (
        "2 stories from 3 sources so far this week; most covered: Headline p1 (2 sources)."
    )
    [alone] = build_editions([item("x", 10)], [], kind=DAY)
    assert opening_line(alone) == "1 story from 1 source so far today."
    [unsourced] = build_editions([item("y", 10, source="")], [])
    assert opening_line(unsourced) == "1 story so far this week."


def test_index_titles_paths_and_neighbours():
    editions = build_editions([item("a", 1), item("b", 9), item("c", 23)], [])
    index = EditionsIndex(tuple(editions), site_name="Digest")
    newest = index.latest
    assert index.title(newest) == "Edition 4 · 22–28 Feb 2021"
    assert index.path(newest) == "editions/2021-W08/"
    assert index.newer(newest) is None and index.older(newest) == editions[1]
    assert index.older(editions[-1]) is None
    assert [link.path for link in index.links] == [
        "feeds/editions.atom.xml",
        "feeds/editions.rss.xml",
        "feeds/editions.json",
    ]


def test_settings_are_validated_with_the_setting_named():
    assert edition_settings({}).top == 10 and edition_settings({}).period == "week"
    for name, value in (
        ("DIGEST_EDITION_PERIOD", "month"),
        ("DIGEST_EDITION_TOP", 0),
        ("DIGEST_EDITIONS", "yes"),
        ("DIGEST_EDITION_FEED_ITEMS", 2.5),
        ("DIGEST_EDITION_EMAIL_MAX_BYTES", 5_000),
    ):
        with pytest.raises(SettingsError, match=name):
            edition_settings({name: value})


EMAIL = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>
p { color: #111; } @media (prefers-color-scheme: dark) { p { color: #eee !important; } }
</style></head><body>{body}</body></html>"""


def test_inline_css_keeps_only_the_media_query_in_a_style_block():
    tree = lxml_html.fromstring(inline_css(EMAIL.replace("{body}", "<p>Hello</p>")))
    assert "color: #111" in tree.xpath("string(//p/@style)")
    styles = tree.xpath("//style/text()")
    assert len(styles) == 1 and "@media (prefers-color-scheme: dark)" in styles[0]
    assert "p { color: #111" not in styles[0]


def test_capped_email_shows_as_many_stories_as_fit():
    def render(limit):
        count = 500 if limit is None else limit
        return EMAIL.replace("{body}", "<p>story</p>" * count)

    whole, shown = capped_email(render, 500, 1_000_000)
    assert shown == 500 and whole.count("<p") == 500
    capped, shown = capped_email(render, 500, 12_000)
    assert 0 < shown < 500 and len(capped.encode()) <= 12_000
    assert len(inline_css(render(shown + 1)).encode()) > 12_000


def test_edition_feeds_parse_with_stable_ids_and_content_dates():
    base = "https://example.org/digest"
    when = datetime(2021, 2, 14, 18, tzinfo=UTC)
    entries = [
        EditionEntry(
            url=f"{base}/editions/2021-W06/",
            title="Edition 6 · 8–14 Feb 2021",
            summary="3 stories from 4 sources this week.",
            content_html="<p>The <a href='https://example.org/digest/vw/'>VW story</a></p>",
            published=when - timedelta(days=5),
            updated=when,
        )
    ]
    feed = EditionFeed("Digest: editions", "Every edition.", base, f"{base}/editions/", "Digest")
    files = render_feeds(feed, entries)
    assert render_feeds(feed, entries) == files
    for path in ("feeds/editions.atom.xml", "feeds/editions.rss.xml"):
        parsed = feedparser.parse(files[path])
        assert not parsed.bozo, path
        [entry] = parsed.entries
        assert entry.id == f"{base}/editions/2021-W06/" and entry.link == entry.id
        assert "VW story" in entry.content[0].value if "content" in entry else entry.description
    atom = feedparser.parse(files["feeds/editions.atom.xml"])
    assert atom.entries[0].updated_parsed[:5] == (2021, 2, 14, 18, 0)
    assert atom.feed.updated_parsed[:5] == (2021, 2, 14, 18, 0)
    document = json.loads(files["feeds/editions.json"])
    assert document["items"][0]["id"] == f"{base}/editions/2021-W06/"
    assert document["items"][0]["date_modified"] == "2021-02-14T18:00:00+00:00"


class View:
    """The shape of the story plugin's StoryView that editions read: id, members with keys."""

    def __init__(self, story_id: str, *keys: str) -> None:
        self.id = story_id
        self.members = tuple(type("Clip", (), {"key": key})() for key in keys)


def test_story_refs_take_each_story_once_from_the_articles_views():
    pair = View("pair", "b", "a")
    refs = story_refs([pair, None, pair, View("solo", "c"), View("empty")])
    assert refs == [StoryRef("pair", ("b", "a")), StoryRef("solo", ("c",))]
    [edition] = build_editions([item("a", 9), item("b", 10, source="CNBC")], refs)
    assert [[i.key for i in s.items] for s in edition.stories] == [["b", "a"]]
