"""Editions built for real: the demo digest and a generated 2,000-clipping digest."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html

from benchmarks.synthetic import write_clippings
from editions.periods import period_of
from sitebuild import ROOT, build_site, page

PUBLISHED_AT = "https://example.org/newsdigest"
VW = "volkswagen-taps-microsoft-azure-to-build-a-cloud-based-automated-driving/"
FEEDS = ("feeds/editions.atom.xml", "feeds/editions.rss.xml")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo digest, built once for the module."""
    output = tmp_path_factory.mktemp("editions-demo") / "output"
    return build_site(ROOT / "content", output, SITEURL=PUBLISHED_AT)


def dated_weeks(output: Path) -> set[str]:
    """Return the ISO week keys of every exactly dated article page."""
    weeks = set()
    for path in output.rglob("index.html"):
        tree = lxml_html.fromstring(path.read_bytes())
        for article in tree.xpath("//article[contains(@class, 'clipping')]"):
            stamp = article.xpath("string(.//p[@class='meta']/time/@datetime)")
            text = article.xpath("string(.//p[@class='meta']/time)")
            if stamp and not text.startswith("about"):
                weeks.add(period_of(date.fromisoformat(stamp[:10])).key)
    return weeks


def test_every_dated_week_has_its_edition_and_vw_is_in_2021_w06(demo):
    weeks = dated_weeks(demo)
    assert "2021-W06" in weeks and len(weeks) >= 3
    built = {p.parent.name for p in (demo / "editions").glob("*/index.html")}
    assert built == weeks
    edition = page(demo, "/editions/2021-W06/")
    assert re.fullmatch(r"Edition \d+ · 8–14 Feb 2021", edition.xpath("string(//h1)").strip())
    assert f"{PUBLISHED_AT}/{VW}" in edition.xpath("//main//a/@href")
    opening = edition.xpath("string(//p[@class='opening'])")
    assert re.match(r"\d+ stor(y|ies) from \d+ sources? this week", opening)


def test_a_story_of_several_articles_links_its_story_page(demo):
    stories = json.loads((demo / "stories.json").read_text(encoding="utf-8"))["stories"]
    grouped = [s for s in stories if len(s["clippings"]) > 1]
    assert grouped, "the demo has a story of two articles or more"
    for edition_page in (demo / "editions").glob("*/index.html"):
        hrefs = lxml_html.fromstring(edition_page.read_bytes()).xpath("//main//a/@href")
        for story in grouped:
            assert story["url"].startswith(f"{PUBLISHED_AT}/stories/")
            members = [h for h in hrefs if h == story["url"] or h.endswith("/" + story["id"] + "/")]
            assert len(members) <= 1, (edition_page, story["id"])
    linked = {
        h
        for p in (demo / "editions").glob("*/index.html")
        for h in lxml_html.fromstring(p.read_bytes()).xpath("//main//a/@href")
    }
    assert {s["url"] for s in grouped} <= linked


def test_editions_index_numbers_neighbours_and_the_home_link(demo):
    index = page(demo, "/editions/")
    items = index.xpath("//ol[@class='editions']/li")
    keys = [li.xpath("string(a/@href)").rstrip("/").rsplit("/", 1)[-1] for li in items]
    assert keys == sorted(keys, reverse=True)
    numbers = [int(li.get("value")) for li in items]
    assert numbers == sorted(numbers, reverse=True) and numbers[-1] == 1
    assert "(so far)" in items[0].text_content() and "(so far)" not in items[1].text_content()
    assert all(re.search(r"\d+ stor(y|ies)$", li.text_content().strip()) for li in items)
    newest = page(demo, f"/editions/{keys[0]}/")
    assert not newest.xpath("//a[@class='newer']")
    assert (
        newest.xpath("string(//a[@class='older']/@href)") == f"{PUBLISHED_AT}/editions/{keys[1]}/"
    )
    home = page(demo, "/")
    assert f"{PUBLISHED_AT}/editions/{keys[0]}/" in home.xpath("//main//a/@href")
    for tree in (home, newest, page(demo, "/" + VW)):
        feeds = tree.xpath("//head/link[@rel='alternate']/@href")
        assert {f"{PUBLISHED_AT}/{path}" for path in (*FEEDS, "feeds/editions.json")} <= set(feeds)


def test_email_version_follows_the_rules(demo):
    for path in sorted((demo / "editions").glob("*/email.html")):
        data = path.read_bytes()
        assert len(data) <= 102_000, path
        tree = lxml_html.fromstring(data)
        assert not tree.xpath("//script") and not tree.xpath("//link[@rel='stylesheet']")
        styles = tree.xpath("//style")
        assert len(styles) == 1
        assert styles[0].text.strip().startswith("@media (prefers-color-scheme: dark)")
        assert tree.xpath("//h1/@style") and tree.xpath("//body/@style")
        for href in tree.xpath("//@href | //@src"):
            assert href.startswith(("https://", "http://")), (path, href)
        for img in tree.xpath("//img"):
            assert img.get("width") and img.get("height") and img.get("alt") is not None
        assert f"{PUBLISHED_AT}/editions/{path.parent.name}/" in tree.xpath("//a/@href")


def test_edition_feeds_parse_and_hold_every_edition(demo):
    editions = sorted(p.parent.name for p in (demo / "editions").glob("*/index.html"))
    for name in FEEDS:
        parsed = feedparser.parse((demo / name).read_bytes())
        assert not parsed.bozo, name
        ids = [entry.id for entry in parsed.entries]
        assert ids == [f"{PUBLISHED_AT}/editions/{key}/" for key in reversed(editions)][:20]
    atom = feedparser.parse((demo / FEEDS[0]).read_bytes())
    w06 = next(e for e in atom.entries if e.id.endswith("/2021-W06/"))
    assert "Volkswagen" in w06.content[0].value
    assert f'href="{PUBLISHED_AT}/{VW}"' in w06.content[0].value


def late_clipping(folder: Path) -> None:
    """Add a clipping dated in 2021-W06 after every other clipping of that week."""
    (folder / "late-w06.txt").write_text(
        "---\ntitle: A late clipping about cloud cars\nexcerpt: Filed late.\n"
        "publishedDateTime: 2021-02-14T23:30:00Z\nwebUrl: https://late.example.com/story\n"
        "provider: {name: Late Wire, domain: late.example.com}\ntopics: [AI in Autos]\n---\n",
        encoding="utf-8",
    )


def entries(output: Path) -> dict[str, tuple[str, str]]:
    """Return {edition id: (updated, title)} of the Atom edition feed."""
    root = etree.fromstring((output / FEEDS[0]).read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    return {
        e.findtext("a:id", namespaces=ns): (
            e.findtext("a:updated", namespaces=ns),
            etree.tostring(e.find("a:content", ns)),
        )
        for e in root.findall("a:entry", ns)
    }


def test_rebuilds_keep_ids_and_a_late_clipping_moves_only_its_edition(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    first = entries(build_site(content, tmp_path / "one", SITEURL=PUBLISHED_AT))
    again = entries(build_site(content, tmp_path / "two", SITEURL=PUBLISHED_AT))
    assert again == first
    late_clipping(content)
    later = entries(build_site(content, tmp_path / "three", SITEURL=PUBLISHED_AT))
    assert later.keys() == first.keys()
    changed = {key for key in first if later[key] != first[key]}
    assert changed == {f"{PUBLISHED_AT}/editions/2021-W06/"}
    assert later[f"{PUBLISHED_AT}/editions/2021-W06/"][0] == "2021-02-14T23:30:00+00:00"


# Small enough that the busiest generated weeks (just over 10 KB uncapped, now that their
# clippings are grouped into stories) must be cut down.
CAP = 10_000  # the smallest cap the setting allows (editions.settings.SMALLEST_EMAIL)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated digest of 2,000 clippings in all three shapes, emails capped small."""
    base = tmp_path_factory.mktemp("editions-generated")
    write_clippings(base / "content", 2000, seed=14)
    return build_site(
        base / "content",
        base / "output",
        SITEURL=PUBLISHED_AT,
        DIGEST_EDITION_EMAIL_MAX_BYTES=CAP,
        DIGEST_FEED_PROVIDERS=False,
    )


def test_generated_digest_has_an_edition_for_every_dated_week(generated):
    weeks = dated_weeks(generated)
    assert len(weeks) >= 10
    built = {p.parent.name for p in (generated / "editions").glob("*/index.html")}
    assert built == weeks
    first = min(weeks)
    numbers = {
        key: int(
            re.search(r"Edition (\d+)", page(generated, f"/editions/{key}/").xpath("string(//h1)"))[
                1
            ]
        )
        for key in weeks
    }
    monday = date.fromisocalendar(*map(int, first.replace("-W", " ").split()), 1)
    for key, number in numbers.items():
        start = date.fromisocalendar(*map(int, key.replace("-W", " ").split()), 1)
        assert number == (start - monday).days // 7 + 1
    assert min(numbers.values()) == 1 and (start - timedelta(days=7 * (number - 1))) == monday


def test_generated_emails_are_capped_and_link_the_web_edition(generated):
    capped = 0
    for path in (generated / "editions").glob("*/email.html"):
        data = path.read_bytes()
        assert len(data) <= 12_000, path
        if b"more stories in the web edition" in data:
            capped += 1
    assert capped > 0


def test_daily_editions_and_editions_turned_off(tmp_path):
    daily = build_site(
        ROOT / "content", tmp_path / "daily", SITEURL=PUBLISHED_AT, DIGEST_EDITION_PERIOD="day"
    )
    vw_day = page(daily, "/editions/2021-02-11/")
    assert vw_day.xpath("string(//h1)").strip().endswith("· 11 Feb 2021")
    assert f"{PUBLISHED_AT}/{VW}" in vw_day.xpath("//main//a/@href")
    assert (daily / "editions" / "2021-02-11" / "email.html").is_file()
    off = build_site(
        ROOT / "content", tmp_path / "off", SITEURL=PUBLISHED_AT, DIGEST_EDITIONS=False
    )
    assert not (off / "editions").exists() and not (off / "feeds" / "editions.atom.xml").exists()
    home = page(off, "/")
    assert not [href for href in home.xpath("//@href") if "/editions" in href]


def test_an_emptied_week_leaves_no_stale_edition(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = build_site(content, tmp_path / "output", SITEURL=PUBLISHED_AT)
    assert (output / "editions" / "2021-W06" / "email.html").is_file()
    for path in content.glob("*.txt"):
        if re.search(r"^publishedDateTime: 2021-02-1", path.read_text(encoding="utf-8"), re.M):
            path.unlink()
    build_site(content, output, SITEURL=PUBLISHED_AT)
    assert not (output / "editions" / "2021-W06").exists()
    feed = (output / "feeds" / "editions.atom.xml").read_text(encoding="utf-8")
    assert "2021-W06" not in feed and "2021-W05" in feed
