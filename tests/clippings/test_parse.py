"""Table-driven tests of the clipping parser: every field, shape and fallback."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from clippings.model import ERROR, INFO, NO_STORY, WARNING
from clippings.parse import (
    BARE_TEXT,
    DATED_TEXT,
    FRONT_MATTER,
    ParseOptions,
    parse_clipping,
)
from sitebuild import FIXTURES

FALLBACK = datetime(2020, 5, 4, 3, 2, 1, tzinfo=UTC)


def parse(source: str | bytes, **kwargs):
    data = source.encode() if isinstance(source, str) else source
    return parse_clipping(
        data, "sample.txt", fallback_date=lambda: (FALLBACK, "the test date"), **kwargs
    )


def front(body: str) -> str:
    if "publishedDateTime" not in body:
        body += "\npublishedDateTime: 2021-01-01T00:00:00Z"
    return f"---\n{body.strip()}\n---\n"


def messages(clip, level=None):
    return [p.message for p in clip.problems if level is None or p.level == level]


def test_full_front_matter_fixture_has_every_field():
    clip = parse((FIXTURES / "clippings" / "front_matter_full.txt").read_bytes())
    assert clip.shape == FRONT_MATTER
    assert clip.title == "Volkswagen, Microsoft Ink Self-Driving Software Partnership"
    assert clip.excerpt.startswith("VW's software unit")
    assert clip.date == datetime(2021, 2, 11, 11, 58, tzinfo=UTC)
    assert not clip.date_approximate
    assert clip.source_url.startswith("https://www.smarteranalyst.com/stock-news/")
    assert clip.provider.name == "Smarter Analyst" and clip.provider.domain == "smarteranalyst.com"
    assert clip.topics == ("AI in Autos", "AI", "Microsoft AI")
    assert clip.category == "news"
    assert (clip.image.width, clip.image.height) == (1000, 563)
    assert clip.image.alt == clip.title
    assert [r.provider.name for r in clip.related] == ["Nasdaq", "InvestorPlace"]
    assert clip.related[0].date == datetime(2021, 2, 11, 6, 0, tzinfo=UTC)
    assert (clip.quality, clip.heat, clip.type, clip.published) == (
        61,
        91,
        "article",
        True,
    )
    assert (
        clip.body_html
        == "<p>The platform will run on <strong>Azure</strong>, the companies said.</p>"
    )
    assert clip.problems == ()


@pytest.mark.parametrize(
    ("source", "attribute", "expected"),
    [
        (
            front("title: T\nwebUrl: https://a.example/x\noriginalUrl: https://b.example/y"),
            "source_url",
            "https://a.example/x",
        ),
        (
            front("title: T\noriginalUrl: https://b.example/y"),
            "source_url",
            "https://b.example/y",
        ),
        (
            front("title: T\nwebUrl: https://a.example/x\noriginalUrl: https://b.example/y"),
            "source_urls",
            ("https://a.example/x", "https://b.example/y"),
        ),
        (front("title: T\nquality: '42'"), "quality", 42),
        (front("title: T\nheat: 0"), "heat", 0),
        (front("title: T\ntype: Video"), "type", "video"),
        (front("title: T"), "type", "article"),
        (front("title: T\ncategory: Business"), "category", "Business"),
        (front("title: T\nprovider: Reuters"), "provider.name", "Reuters"),
        (
            front("title: T\nprovider: {name: Reuters, domain: WWW.Reuters.com}"),
            "provider.domain",
            "reuters.com",
        ),
        (front("title: T\ntopics: [AI, ai, Cloud]"), "topics", ("AI", "Cloud")),
        (
            front(
                "title: T\nimages: [{url: 'ftp://x.example/a.jpg'}, {url: 'https://x.example/b.jpg', width: '640'}]"
            ),
            "image.url",
            "https://x.example/b.jpg",
        ),
        (
            front("title: T\nimages: [{url: 'https://x.example/b.jpg', width: '640'}]"),
            "image.width",
            640,
        ),
        (
            front("title: T\nimages: [{url: 'https://x.example/b.jpg', alt: 'A car'}]"),
            "image.alt",
            "A car",
        ),
        (
            front("title: T\npublishedDateTime: 2021-02-11T11:58:00+02:00"),
            "date",
            datetime(2021, 2, 11, 11, 58, tzinfo=timezone(timedelta(hours=2))),
        ),
        (
            front("title: T\npublishedDateTime: 2021-02-11"),
            "date",
            datetime(2021, 2, 11, tzinfo=UTC),
        ),
        (
            front("title: T\npublishedDateTime: '2021-02-11 08:00'"),
            "date",
            datetime(2021, 2, 11, 8, tzinfo=UTC),
        ),
        (
            front("title: T\npublishedDateTime: 1613044680"),
            "date",
            datetime(2021, 2, 11, 11, 58, tzinfo=UTC),
        ),
        (front("title: T\npublished: 'no'"), "published", False),
        (front("title: T\npublished: 'false'"), "published", False),
        (front("title: T\npublished: false"), "published", False),
        (front("title: T"), "published", True),
        (front("title: '  Spaced\n  out  '"), "title", "Spaced out"),
    ],
)
def test_front_matter_field(source, attribute, expected):
    value = parse(source)
    for part in attribute.split("."):
        value = getattr(value, part)
    assert value == expected


@pytest.mark.parametrize(
    ("source", "field", "problem"),
    [
        (front("title: T\nquality: 140"), "quality", "outside 0 to 100"),
        (front("title: T\nheat: -3"), "heat", "outside 0 to 100"),
        (front("title: T\nheat: hot"), "heat", "must be a number"),
        (
            front("title: T\nwebUrl: 'javascript:alert(1)'"),
            "source_url",
            "http or https",
        ),
        (front("title: T\nwebUrl: '/relative/path'"), "source_url", "http or https"),
        (
            front("title: T\npublishedDateTime: 2021-13-45"),
            "date",
            "not an ISO 8601 date",
        ),
        (front("title: T\nprovider: {domain: x.com}"), "provider", "must have a name"),
        (front("title: T\ntopics: {a: 1}"), "topics", "must be a list"),
        (
            front("title: T\nrelated: [{title: X, webUrl: 'data:text/html,x'}]"),
            "related",
            "http or https",
        ),
        (
            front("title: T\nrelated: [{webUrl: 'https://x.example'}]"),
            "related",
            "must be text",
        ),
    ],
)
def test_unusable_field_is_dropped_with_a_warning(source, field, problem):
    clip = parse(source)
    assert clip.usable
    assert any(problem in m for m in messages(clip, WARNING)), messages(clip)
    if field == "date":
        assert clip.date == FALLBACK and clip.date_approximate
    else:
        assert getattr(clip, field) in (None, "", [], ())


def test_warning_names_the_line_of_the_field():
    clip = parse(front("title: T\nexcerpt: E\nquality: 500"))
    (problem,) = clip.problems
    assert problem.line == 4 and str(problem).startswith("sample.txt:4: quality 500")


@pytest.mark.parametrize(
    ("value", "story"),
    [
        ("s1a2b3c4d5e6f", "s1a2b3c4d5e6f"),
        ("'  s1a2b3c4d5e6f  '", "s1a2b3c4d5e6f"),
        ("none", NO_STORY),
        ("None", NO_STORY),
        ("'  NONE '", NO_STORY),
        ("vw-microsoft_2021", "vw-microsoft_2021"),
    ],
)
def test_story_override_is_an_id_or_none(value, story):
    clip = parse(front(f"title: T\nstory: {value}"))
    assert clip.story == story and messages(clip) == []


def test_a_clipping_without_story_has_no_override():
    assert parse(front("title: T")).story is None


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("'two words'", "'two words' is not a story id"),
        ("'<script>'", "'<script>' is not a story id"),
        ("''", "'' is not a story id"),
        ("'" + "s" * 80 + "'", "is not a story id"),
        ("12345", "must be a story id or none, not int"),
        ("no", "must be a story id or none, not bool"),
        ("[s1a2b3c4d5e6f]", "must be a story id or none, not list"),
    ],
)
def test_an_unusable_story_is_dropped_with_a_warning_naming_file_and_line(value, problem):
    clip = parse(front(f"title: T\nexcerpt: E\nstory: {value}"))
    (warning,) = clip.problems
    assert clip.usable and clip.story is None
    assert warning.level == WARNING and warning.line == 4
    assert str(warning).startswith("sample.txt:4: story ") and problem in warning.message
    assert warning.message.endswith("; ignored")


def test_unknown_keys_are_reported_and_dropped_keys_are_not():
    clip = parse(front("title: T\nsecured: abc\nampWebUrl: https://x.example\nmood: happy"))
    assert messages(clip) == ["unknown key 'mood' ignored"]


def test_dated_text_takes_title_summary_and_body_from_the_text():
    clip = parse((FIXTURES / "clippings" / "plain_with_date.txt").read_bytes())
    assert clip.shape == DATED_TEXT
    assert clip.date == datetime(2021, 2, 15, tzinfo=UTC) and not clip.date_approximate
    assert clip.title == (
        "Volkswagen says its software arm will work with Microsoft on a cloud "
        "platform for automated driving"
    )
    # The summary does not repeat the title sentence.
    assert clip.excerpt == "The companies gave no financial terms."
    assert clip.body_html.count("<p>") == 2 and "Tesla" in clip.body_html
    assert clip.problems == ()


def test_dated_text_in_another_time_zone():
    clip = parse(
        " date 2021-02-15 Text.",
        options=ParseOptions(timezone=timezone(timedelta(hours=-5))),
    )
    assert clip.date.utcoffset() == timedelta(hours=-5)


def test_bare_text_gets_an_approximate_date_and_an_info_note():
    clip = parse((FIXTURES / "clippings" / "bare_text.txt").read_bytes())
    assert clip.shape == BARE_TEXT
    assert clip.date == FALLBACK and clip.date_approximate
    assert clip.title.startswith("On Tuesday Microsoft and Baidu said") and len(clip.title) <= 100
    assert clip.title.endswith("…")
    assert messages(clip, INFO) == ["no date in the file: using the test date (approximate)"]


def test_bare_text_without_any_date_is_skipped():
    clip = parse_clipping(b"Just words.", "x.txt", fallback_date=lambda: None)
    assert not clip.usable and "no date found" in messages(clip, ERROR)[0]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Short one. Then more.", "Short one"),
        ("Dr. Smith said yes.", "Dr. Smith said yes"),
        ("Is it? Yes.", "Is it?"),
        ("Wait for it... Now.", "Wait for it..."),
        ("No full stop at all", "No full stop at all"),
        ("“Quoted!” he said. Next.", "“Quoted!” he said"),
        ("word " * 40, ("word " * 19).strip() + "…"),
    ],
)
def test_title_is_the_first_sentence_cut_at_a_word(text, title):
    assert parse(f" date 2021-01-01 {text}").title == title


@pytest.mark.parametrize(
    ("source", "fallback"),
    [
        (front("excerpt: The excerpt gives it. More here."), "The excerpt gives it"),
        (front("topics: [A]") + "The body gives it. More.", "The body gives it"),
        (front("topics: [A]"), "sample"),
    ],
)
def test_missing_title_falls_back(source, fallback):
    clip = parse(source)
    assert clip.title == fallback and any("no title" in m for m in messages(clip))


def test_missing_front_matter_date_falls_back_with_a_warning():
    clip = parse("---\ntitle: T\n---\n")
    assert clip.date == FALLBACK and clip.date_approximate
    assert messages(clip, WARNING) == ["no date in the file: using the test date (approximate)"]


@pytest.mark.parametrize(
    ("source", "problem", "line"),
    [
        ("---\ntitle: [unclosed\n---\n", "not valid YAML", 2),
        ("---\ntitle: T\n", "never closed", 1),
        ("---\n- a\n- b\n---\n", "front matter is a list", 2),
        ("---\njust a string\n---\n", "front matter is a str", 2),
        ("", "file is empty", None),
        ("  \n\t\n", "file is empty", None),
        (b"\x00\x01\x02binary\x00", "binary data", None),
    ],
)
def test_unusable_file_is_skipped_with_the_reason(source, problem, line):
    clip = parse(source)
    assert not clip.usable
    (error,) = [p for p in clip.problems if p.level == ERROR]
    assert problem in error.message and error.message.endswith("clipping skipped")
    assert error.line == line


def test_oversized_file_is_skipped():
    clip = parse(" date 2021-01-01 " + "x" * 2000, options=ParseOptions(max_bytes=1000))
    assert not clip.usable and "over the limit" in messages(clip, ERROR)[0]


@pytest.mark.parametrize(
    "data",
    [
        "\ufeff date 2021-01-01 Café crème.".encode(),
        " date 2021-01-01 Café crème.".encode("utf-16"),
        " date 2021-01-01 Café crème.".encode("latin-1"),
        " date 2021-01-01 Café crème.\r\n\r\nSecond.".encode(),
    ],
)
def test_encodings_and_line_endings(data):
    clip = parse(data)
    assert clip.title == "Café crème" and clip.usable


def test_markdown_body_is_sanitised():
    clip = parse(
        front("title: T")
        + '<script>x()</script>[a](javascript:y) <a href="https://ok.example" onclick="z">ok</a>'
    )
    assert "<script" not in clip.body_html and "javascript:" not in clip.body_html
    assert "onclick" not in clip.body_html and 'href="https://ok.example"' in clip.body_html


def test_too_many_topics_are_capped():
    topics = "\n".join(f"  - Topic {n}" for n in range(3000))
    clip = parse(front(f"title: T\ntopics:\n{topics}"), options=ParseOptions(max_topics=25))
    assert len(clip.topics) == 25 and any("3000 topics" in m for m in messages(clip))


def test_identity_prefers_the_source_url():
    assert parse(front("title: T\nwebUrl: https://x.example/a")).identity == "https://x.example/a"
    assert parse(front("title: T")).identity == "clipping:sample.txt"


@pytest.mark.parametrize(
    ("text", "title", "excerpt", "paragraphs"),
    [
        ("One line only.", "One line only", "", 0),
        ("Title here.\n\nThe summary.\n\nThe body.", "Title here", "The summary.", 1),
        ("Title here. Summary goes on.\n\nBody.", "Title here", "Summary goes on.", 1),
    ],
)
def test_plain_text_never_shows_its_title_sentence_twice(text, title, excerpt, paragraphs):
    clip = parse(f" date 2021-01-01 {text}")
    assert (clip.title, clip.excerpt) == (title, excerpt)
    assert clip.body_html.count("<p>") == paragraphs
