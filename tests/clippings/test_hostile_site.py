"""Hostile clippings (issue 10) built with the demo through `make html`'s command line.

Files that cannot be committed (FIFOs, symlinks, names that are not UTF-8,
huge bodies) are made here; the rest are in tests/fixtures/hostile/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import feedparser
import pytest
from lxml import html as lxml_html

from clippings.parse import parse_clipping
from sitebuild import FIXED_MTIME, FIXTURES, ROOT, article_pages

HOSTILE = FIXTURES / "hostile"
SECRETS = [b"SECRET-TOKEN-7f3a9c", b"OUTSIDE-MARKER", b"root:x:0:0", b"This must never reach"]
BAD_NAME = os.fsdecode(b"bad_name_\xff\xfe.txt")
ESC_NAME = "esc_\x1b[31mred.txt"


def _make_content(base: Path) -> Path:
    content = base / "site" / "content"
    shutil.copytree(ROOT / "content", content)
    for path in HOSTILE.iterdir():
        shutil.copyfile(path, content / path.name)
    (base / "site" / "outside.txt").write_text("OUTSIDE-MARKER: a file beside the content\n")
    os.mkfifo(content / "fifo.txt")
    os.symlink("/etc/passwd", content / "passwd_link.txt")
    os.symlink("../outside.txt", content / "outside_link.txt")
    os.symlink("nowhere.txt", content / "dangling.txt")
    os.symlink("000_7c45fdc0788920cc.txt", content / "inside_link.txt")
    os.symlink("..", content / "up")
    os.symlink(".", content / "self")
    (content / "sub").mkdir()
    os.symlink("..", content / "sub" / "loop")
    (content / BAD_NAME).write_text(" date 2021-02-13 A clipping with a bad file name. More.\n")
    (content / ESC_NAME).write_text(
        "---\npublishedDateTime: 2021-02-13T10:00:00Z\nwebUrl: https://esc.example.com/x\n---\n"
    )
    _make_stalls(content)
    for path in content.iterdir():
        if path.is_file() and not path.is_symlink() and path.suffix == ".txt":
            os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return content


def _make_stalls(content: Path) -> None:
    """Write the inputs that took minutes (issue 10, items 9 to 12), at their reported sizes."""
    head = "---\ntitle: {}\npublishedDateTime: 2021-02-13T11:00:00Z\nwebUrl: {}\n{}---\n"
    url = "https://stall.example.com/"
    stalls = {
        "stall_blank_lines.txt": head.format("Blank Lines", url + "1", "") + " \n\n" * 60_000,
        "stall_abbreviations.txt": " date 2021-02-13 " + "No. 1 Fig. 2 " * 20_000,
        "stall_topics.txt": head.format(
            "Forty Thousand Topics",
            url + "2",
            "topics:\n" + "".join(f"  - Topic {n}\n" for n in range(40_000)),
        ),
        "stall_brackets.txt": head.format("Brackets", url + "3", "") + "[" * 18_000,
        "stall_images.txt": head.format("Image Brackets", url + "4", "") + "![" * 20_000,
        "stall_anchors.txt": head.format("Anchors", url + "5", "") + "<a " * 20_000,
        "stall_headings.txt": head.format("Headings", url + "6", "") + "a\n=\n" * 20_000,
    }
    for name, text in stalls.items():
        (content / name).write_text(text)


def _tree(base: Path, skip: set[Path]) -> dict[str, float]:
    found = {}
    for dirpath, dirs, files in os.walk(base):
        dirs[:] = [d for d in dirs if Path(dirpath, d) not in skip]
        for name in files:
            path = Path(dirpath, name)
            if not path.is_symlink() and path.is_file():
                found[str(path)] = path.stat().st_mtime
    return found


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """Build demo + hostile content as `make html` does; return (output, log, seconds)."""
    base = tmp_path_factory.mktemp("hostile")
    _make_content(base)
    work = base / "site"
    output, cache = work / "build" / "output", base / "cache"
    before = _tree(base, {output, cache})
    started = time.monotonic()
    command = [str(ROOT / ".venv/bin/pelican"), "content", "-o", "build/output"]
    command += ["-s", str(ROOT / "pelicanconf.py"), "--fatal", "errors", "--cache-path", str(cache)]
    result = subprocess.run(
        command,
        cwd=work,
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=240,
        env={**os.environ, "COLUMNS": "400", "TERM": "dumb"},
    )
    seconds = time.monotonic() - started
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    assert _tree(base, {output, cache}) == before, "files written outside the output folder"
    return output, log, seconds


def _titles(output: Path) -> set[str]:
    return {tree.xpath("string(//h1)").strip() for tree in article_pages(output).values()}


def _output_bytes(output: Path):
    for path in output.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes()


def test_build_is_quick_and_keeps_the_demo(hostile_build):
    output, _, seconds = hostile_build
    assert seconds < 120
    titles = _titles(output)
    for path in sorted((ROOT / "content").glob("*.txt")):
        clip = parse_clipping(path.read_bytes(), path.name)
        assert not clip.usable or not clip.published or clip.title in titles, path.name


def test_no_raw_source_secret_or_outside_file_in_the_output(hostile_build):
    output, _, _ = hostile_build
    sources = {p.name for p in output.parent.parent.joinpath("content").iterdir()}
    for path, data in _output_bytes(output):
        assert path.name not in sources, path
        assert not [s for s in SECRETS if s in data], path
        assert b"\n---\ntitle:" not in data, path
    assert not (output / "static").exists()
    assert not any(p.name.startswith("unpublished") for p in output.rglob("*"))


@pytest.mark.parametrize(
    ("file", "reason"),
    [
        ("fifo.txt", "FIFO"),
        ("passwd_link.txt", "outside the content folder"),
        ("outside_link.txt", "outside the content folder"),
        ("dangling.txt", "dangling symlink"),
        ("up", "outside the content folder"),
        ("self", "loop"),
        ("sub/loop", "loop"),
    ],
)
def test_files_that_are_not_regular_content_are_named_and_skipped(hostile_build, file, reason):
    _, log, _ = hostile_build
    assert any(file in line and reason in line for line in log.splitlines()), file


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("date_year_10000.txt", "publishedDateTime 9999-12-31T23:59:59-12:00 is outside"),
        ("date_year_10000.txt", "related item 1 date 0001-01-01T00:00:00+14:00 is outside"),
        ("date_year_zero.txt", "is outside the years"),
        ("dated_text_year_10000.txt", "is outside the years"),
        ("dated_text_year_zero.txt", "is outside the years"),
        ("deep_nesting.txt", "body too complex for Markdown"),
        ("deep_quotes.txt", "body too complex for Markdown"),
        ("stall_brackets.txt", "body too complex for Markdown"),
        ("stall_images.txt", "body too complex for Markdown"),
        ("stall_anchors.txt", "body too complex for Markdown"),
        ("stall_headings.txt", "body too complex for Markdown"),
        ("stall_topics.txt", "40000 topics; only the first 25 kept"),
        ("dropped_links.txt", "15 link(s) in the body dropped"),
        ("duplicate_published.txt", "published is given twice with different values"),
        ("duplicate_published.txt", "key 'published' appears 2 times in one mapping (lines 5, 6)"),
        ("duplicate_title_key.txt", "key 'title' appears 2 times"),
        ("capitalised_published.txt", "unknown key 'Published' ignored (keys are case-sensitive"),
        ("zero_width_title.txt", "no title: using the first sentence of the excerpt"),
        ("yaml_merge_bomb.txt", "unknown key 'a0' ignored"),
        ("yaml_merge_bomb.txt", "more problem(s) not shown"),
    ],
)
def test_bad_values_are_named(hostile_build, file, message):
    _, log, _ = hostile_build
    assert any(file in line and message in line for line in log.splitlines()), file


@pytest.mark.parametrize(
    "title",
    [
        "An Offset With Seconds",
        "Plain text with an offset in seconds",
        "Deeply Nested Lists",
        "Deeply Nested Quotes",
        "A clipping with a bad file name",
        "Blank Lines",
        "No. 1 Fig. 2 No. 1 Fig. 2 No. 1 Fig. 2 No. 1 Fig. 2 No. 1 Fig. 2 No. 1 Fig. 2 No. 1 Fig. 2 No. 1…",
        "Forty Thousand Topics",
        "Brackets",
        "Image Brackets",
        "Anchors",
        "Headings",
        "Second Title Of Two",
        "Capitalised Published Key",
        "The visible sentence becomes the title",
        "Control [31mcharacters in fields",
        "Plain C1 controls in a title",  # C1 controls in UTF-8 plain text
        "Latin one bytes in a title\u00e9",  # a byte Windows-1252 lacks: read as Latin-1
        "Merge Key Bomb",
    ],
)
def test_hostile_but_usable_clippings_are_published(hostile_build, title):
    output, _, _ = hostile_build
    assert title in _titles(output)


def test_an_ambiguous_published_flag_unpublishes(hostile_build):
    output, _, _ = hostile_build
    for _, data in _output_bytes(output):
        assert b"Published Twice With Different Answers" not in data


def test_no_control_character_reaches_the_output(hostile_build):
    output, _, _ = hostile_build
    controls = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    for path, data in _output_bytes(output):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            assert not controls.search(data.decode("utf-8")), path
    page = next(t for t in article_pages(output).values() if "Control" in t.xpath("string(//h1)"))
    alt = "alt with [31m NUL ESC BEL DEL"
    assert page.xpath("//meta[@property='og:image:alt']/@content") == [alt]
    assert page.xpath("//img[@class='lead']/@alt") == [alt]


def test_a_clipping_no_time_zone_can_place_is_skipped(hostile_build):
    output, _, _ = hostile_build
    titles = _titles(output)
    assert "Dated At The End Of Time" not in titles
    assert "Dated Before The Beginning" not in titles
    assert not any(t.startswith("Plain text dated") for t in titles)


def test_long_names_get_short_distinct_slugs(hostile_build):
    output, _, _ = hostile_build
    for path in output.rglob("*"):
        assert len(path.name.encode()) <= 255, path
    # Sections (categories) are off in pelicanconf.py, so no categories/ folder is written.
    for folder in ("topics", "providers"):
        long = [p for p in (output / folder).iterdir() if len(p.name.encode()) > 60]
        assert len(long) >= 2, folder
        assert all(len(p.name.encode()) <= 100 for p in long)


def test_every_feed_parses(hostile_build):
    output, _, _ = hostile_build
    feeds = [p for p in output.rglob("*") if p.suffix in (".xml", ".atom", ".rss")]
    assert feeds
    for path in feeds:
        assert not feedparser.parse(path.read_bytes()).bozo, path


def test_a_symlink_to_a_clipping_inside_the_folder_is_read(hostile_build):
    _, log, _ = hostile_build
    assert "inside_link.txt: same source URL as" in log


def test_pelican_link_syntax_in_clipping_text_stays_text(hostile_build):
    output, _, _ = hostile_build
    pages = article_pages(output)
    page = next(t for t in pages.values() if "Leak attempt" in t.xpath("string(//h1)"))
    assert "{static}/." in page.xpath("string(//h1)")
    titles = page.xpath("//main//a/@title | //main//abbr/@title")
    assert any("{static}/." in t for t in titles), titles
    body = lxml_html.tostring(page, encoding="unicode")
    assert "{filename}/../../etc/passwd" in page.text_content()
    assert 'src="/' not in body.split("<main", 1)[-1] or "{static}" not in body
    abbr = next(t for t in pages.values() if "Abbreviation Attach" in t.xpath("string(//h1)"))
    assert "{attach}" in "".join(abbr.xpath("//abbr/@title | //a/@title"))


def test_file_names_are_printable_in_the_log(hostile_build):
    _, log, _ = hostile_build
    assert "\x1b" not in log
    assert "esc_\\x1b[31mred.txt" in log
