"""Property tests: no input crashes the parser or the build; no planted text becomes markup."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clippings.parse import parse_clipping
from sitebuild import all_files, build_site

FALLBACK = (datetime(2021, 1, 1, tzinfo=UTC), "a fixed date")
SETTINGS = settings(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.text(), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.datetimes(), st.dates(),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = [
    "title",
    "excerpt",
    "publishedDateTime",
    "webUrl",
    "originalUrl",
    "provider",
    "topics",
    "images",
    "related",
    "quality",
    "heat",
    "published",
    "type",
    "category",
]


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_never_crash_the_parser(data):
    clip = parse_clipping(data, "x.txt", fallback_date=lambda: FALLBACK)
    assert clip.usable or clip.problems


@SETTINGS
@given(st.text(max_size=2000))
def test_arbitrary_text_never_crashes_the_parser(text):
    for source in (text, " date 2021-01-01 " + text, "---\n" + text + "\n---\n" + text):
        clip = parse_clipping(
            source.encode("utf-8", "surrogatepass"), "x.txt", fallback_date=lambda: FALLBACK
        )
        assert clip.usable or clip.problems


@SETTINGS
@given(st.dictionaries(st.sampled_from(FIELDS), values, max_size=8))
def test_arbitrary_field_values_never_crash_the_parser(meta):
    source = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n"
    clip = parse_clipping(
        source.encode("utf-8", "surrogatepass"), "x.txt", fallback_date=lambda: FALLBACK
    )
    if clip.usable:
        assert clip.title and clip.date and clip.date.tzinfo


plants = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40
).map(lambda s: f'<em data-x="1">{s}</em><script>alert(1)</script>')


@settings(SETTINGS, max_examples=10)
@given(plants, st.binary(max_size=300))
def test_planted_text_never_becomes_markup_and_the_build_survives(plant, junk):
    meta = {
        "title": plant,
        "excerpt": plant,
        "publishedDateTime": "2021-02-11T11:58:00Z",
        "webUrl": "https://example.com/planted",
        "provider": {"name": plant, "domain": "example.com"},
        "topics": [plant, "Plain"],
        "category": plant,
        "images": [{"url": "https://example.com/a.jpg", "alt": plant}],
        "related": [
            {"title": plant, "webUrl": "https://example.org/r", "provider": {"name": plant}}
        ],
    }
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        content.mkdir()
        (content / "planted.txt").write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + plant
        )
        (content / "junk.txt").write_bytes(junk)
        output = build_site(content, Path(folder) / "output")
        files = all_files(output)
        assert any(
            name.endswith("index.html") and b"planted" not in name.encode() for name in files
        )
        for name, data in files.items():
            if name.endswith((".html", ".xml", ".opml")):
                assert b"<em data-x" not in data and b"<script>alert" not in data, name
