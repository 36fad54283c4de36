"""The pure pieces behind the hostile-input fixes (issue 10), tested directly."""

from __future__ import annotations

import os

import pytest

from clippings.body import MarkdownRenderer, neutralise_link_syntax, too_complex
from clippings.fields import DateRangeError, FieldError, moment, text
from clippings.files import UnreadableFile, printable, read_limited, unreadable_reason, walk
from clippings.linking import capped_slug, short_slug
from clippings.parse import parse_clipping
from clippings.yaml_header import load_header


def test_walk_follows_inner_links_and_refuses_loops_and_the_outside(tmp_path):
    root = tmp_path / "content"
    (root / "a").mkdir(parents=True)
    (root / "a" / "one.txt").write_text("x")
    os.symlink("a", root / "alias")
    os.symlink("..", root / "up")
    os.symlink(".", root / "a" / "self")
    skipped: list[tuple[str, str]] = []
    seen = [
        os.path.relpath(os.path.join(d, f), root)
        for d, _, files in walk(str(root), str(root.resolve()), lambda p, r: skipped.append((p, r)))
        for f in files
    ]
    assert sorted(seen) in (["a/one.txt"], ["alias/one.txt"])
    reasons = {os.path.basename(p): r for p, r in skipped}
    assert "outside" in reasons["up"] and "loop" in reasons["self"]


def test_only_regular_files_inside_the_folder_are_read(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    os.symlink("../secret.txt", root / "link.txt")
    os.symlink("missing.txt", root / "dangling.txt")
    os.mkfifo(root / "pipe.txt")
    real = str(root.resolve())
    assert "outside" in unreadable_reason(str(root / "link.txt"), real)
    assert "dangling" in unreadable_reason(str(root / "dangling.txt"), real)
    with pytest.raises(UnreadableFile, match="FIFO"):
        read_limited(str(root / "pipe.txt"), real, 100)


def test_file_names_are_printed_without_raw_bytes_or_escapes():
    assert printable(os.fsdecode(b"a\xff\x1b[31m.txt")) == "a\\xff\\x1b[31m.txt"


def test_link_syntax_is_written_as_references():
    html, _ = MarkdownRenderer()('[a](https://x.example.com/ "{static}/.") |filename|')
    assert "{" not in html and "|" not in html and "&#123;static}" in html
    assert neutralise_link_syntax("{attach}") == "&#123;attach}"


@pytest.mark.parametrize(
    "value",
    ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", 253402300799],
)
def test_dates_no_zone_can_hold_are_rejected(value):
    with pytest.raises(DateRangeError):
        moment(value, "date")


def test_an_offset_with_seconds_becomes_utc():
    assert moment("2021-02-12T10:00:15+05:30:15", "date").isoformat() == (
        "2021-02-12T04:30:00+00:00"
    )


def test_invisible_and_control_text_is_cleaned():
    assert text("\u200b\u200d\ufeff", "title") == ""
    assert text("a\x1b[31mb\x07\x9b", "title") == "a[31mb"
    with pytest.raises(FieldError):
        text(None, "title")


def test_slugs_are_capped_in_bytes_and_stay_distinct():
    long = "x" * 150
    assert len(capped_slug(long).encode()) <= 100
    assert capped_slug(long) != capped_slug(long + "y")
    assert capped_slug("short") == "short"
    assert len(short_slug("é" * 100).encode()) <= 80


def test_bodies_markdown_cannot_render_linearly_are_refused():
    assert too_complex("[" * 18_000)
    assert too_complex("".join("    " * i + "- x\n" for i in range(40)))
    assert too_complex("> " * 50 + "x")
    assert too_complex("a\n=\n" * 20_000)
    assert too_complex("A [link](https://example.com/) in a normal paragraph.\n\n" * 500) is None


def test_repeated_keys_are_reported_with_their_lines():
    data, duplicates = load_header("\npublished: false\ntitle: x\npublished: true\n")
    assert data["published"] is True
    assert [(d.key, d.lines, d.values, d.top_level) for d in duplicates] == [
        ("published", (2, 4), ("false", "true"), True)
    ]


def test_a_flood_of_problems_is_folded_into_one_line():
    keys = "".join(f"k{i}: v\n" for i in range(5000))
    source = f"---\ntitle: Many Keys\npublishedDateTime: 2021-02-13T11:00:00Z\n{keys}---\nBody.\n"
    clip = parse_clipping(source.encode(), "many_keys.txt")
    assert len(clip.problems) == 20 and clip.usable
    assert str(clip.problems[-1]) == "many_keys.txt: 4981 more problem(s) not shown"
