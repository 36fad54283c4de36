"""Build real sites and check every feed against the Atom, RSS and JSON Feed specs.

The golden files under tests/golden/feeds/ are the fixture site's all.atom.xml
and all.json. After an intended change, regenerate them with
``make golden``
and review the diff.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html

from feeds.build import FeedCollisionError
from sitebuild import FIXTURES, ROOT, assert_golden, build_site, page

SITEURL = "https://digest.example.org"
GOLDEN = Path(__file__).resolve().parent / "golden" / "feeds"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC_822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)$"
)

FIXTURE_FEEDS = {
    "feeds/all.atom.xml",
    "feeds/all.rss.xml",
    "feeds/all.json",
    "feeds/topics.opml",
    "feeds/index.html",
    # The editions plugin's feeds (tests/editions checks their entries).
    "feeds/editions.atom.xml",
    "feeds/editions.rss.xml",
    "feeds/editions.json",
    *(
        f"feeds/topics/{slug}.{ext}"
        for slug in ("ai", "robotics", "sensors")
        for ext in ("atom.xml", "rss.xml", "json")
    ),
    *(
        f"feeds/providers/{slug}.{ext}"
        for slug in ("arena-tech", "port-wire", "sensor-weekly")
        for ext in ("atom.xml", "rss.xml")
    ),
}


class _Errors(logging.Handler):
    """Collect error records, so a build that only logs a failure still fails."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build(content: Path, output: Path, **overrides) -> Path:
    """Build content into output at SITEURL; fail on any logged error."""
    overrides = {"SITEURL": SITEURL, "FEED_DOMAIN": SITEURL, **overrides}
    errors = _Errors()
    logging.getLogger().addHandler(errors)
    try:
        build_site(content, output, **overrides)
    finally:
        logging.getLogger().removeHandler(errors)
    assert not errors.records, [r.getMessage() for r in errors.records]
    return output


def copy_content(target: Path) -> Path:
    """Copy the feed fixture clippings into target/content."""
    return Path(shutil.copytree(FIXTURES / "feeds", target / "content"))


def feed_bytes(output: Path) -> dict[str, bytes]:
    """Return {relative path: bytes} for everything under output/feeds."""
    return {
        str(p.relative_to(output)): p.read_bytes()
        for p in sorted((output / "feeds").rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def feed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the feed fixtures once for the module; return the output folder."""
    base = tmp_path_factory.mktemp("feed-site")
    return build(copy_content(base), base / "output")


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the demo digest in content/ once for the module."""
    base = tmp_path_factory.mktemp("demo-site")
    return build(ROOT / "content", base / "output")


# Spec checks, shared by the fixture site and the demo digest.


def is_absolute(url: str | None) -> bool:
    """Tell whether url is an absolute http(s) URL."""
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def html_urls(fragment: str) -> list[str]:
    """Return every href and src in an HTML fragment."""
    if not fragment.strip():
        return []
    tree = lxml_html.fragment_fromstring(fragment, create_parent="div")
    return tree.xpath("//@href | //@src")


def check_atom(data: bytes, self_url: str) -> list[etree._Element]:
    """Assert RFC 4287's requirements on a feed; return its entries."""
    feed = etree.fromstring(data)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    updated = datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    assert updated.tzinfo is not None
    links = feed.findall(f"{ATOM}link")
    assert any(link.get("rel", "alternate") == "alternate" for link in links)
    assert [link.get("href") for link in links if link.get("rel") == "self"] == [self_url]
    feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert datetime.fromisoformat(entry.findtext(f"{ATOM}updated")).tzinfo
        assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        alternates = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert len(alternates) <= 1
        assert alternates or entry.find(f"{ATOM}content") is not None
        for link in entry.findall(f"{ATOM}link"):
            assert is_absolute(link.get("href")), link.get("href")
        for url in html_urls(entry.findtext(f"{ATOM}content") or ""):
            assert is_absolute(url), url
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == len(set(ids))
    if entries:
        newest = max(datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries)
        assert updated == newest
        published = [datetime.fromisoformat(e.findtext(f"{ATOM}published")) for e in entries]
        # Newest first, with guessed dates after every exact one.
        guessed = ["Date approximate" in (e.findtext(f"{ATOM}content") or "") for e in entries]
        exact = [d for d, g in zip(published, guessed, strict=True) if not g]
        rest = [d for d, g in zip(published, guessed, strict=True) if g]
        assert published == sorted(exact, reverse=True) + sorted(rest, reverse=True)
    return entries


def check_rss(data: bytes, self_url: str) -> list[etree._Element]:
    """Assert RSS 2.0's requirements on a feed; return its items."""
    rss = etree.fromstring(data)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    (channel,) = rss.findall("channel")
    for name in ("title", "link", "description"):
        assert (channel.findtext(name) or "").strip(), name
    assert is_absolute(channel.findtext("link"))
    assert channel.find(f"{ATOM}link[@rel='self']").get("href") == self_url
    items = channel.findall("item")
    for item in items:
        assert item.findtext("title") or item.findtext("description")
        assert (item.findtext("guid") or "").strip()
        pub_date = item.findtext("pubDate")
        assert RFC_822.match(pub_date), pub_date
        assert parsedate_to_datetime(pub_date).tzinfo is not None
        assert is_absolute(item.findtext("link"))
        enclosure = item.find("enclosure")
        if enclosure is not None:
            assert set(enclosure.attrib) == {"url", "length", "type"}
            assert is_absolute(enclosure.get("url"))
            assert enclosure.get("type").startswith("image/")
        content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
        for url in html_urls(content or item.findtext("description") or ""):
            assert is_absolute(url), url
    guids = [item.findtext("guid") for item in items]
    assert len(guids) == len(set(guids))
    return items


def check_json(data: bytes, feed_url: str) -> list[dict]:
    """Assert JSON Feed 1.1's requirements on a feed; return its items."""
    feed = json.loads(data)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert feed["feed_url"] == feed_url
    assert is_absolute(feed["home_page_url"])
    assert isinstance(feed["items"], list)
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html", item.get("content_text")), str)
        assert is_absolute(item["url"])
        assert datetime.fromisoformat(item["date_published"]).tzinfo is not None
        for url in html_urls(item["content_html"]):
            assert is_absolute(url), url
        for attachment in item.get("attachments", []):
            assert is_absolute(attachment["url"]) and attachment["mime_type"]
    ids = [item["id"] for item in feed["items"]]
    assert len(ids) == len(set(ids))
    return feed["items"]


def check_every_feed(output: Path, base: str = SITEURL) -> dict[str, int]:
    """Check every feed under output/feeds; return {path: entry count}."""
    counts = {}
    for path, data in feed_bytes(output).items():
        url = f"{base}/{path}"
        if path.endswith((".atom.xml", ".rss.xml")):
            parsed = feedparser.parse(data)
            assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
            if path.endswith(".atom.xml"):
                assert parsed.version == "atom10"
                counts[path] = len(check_atom(data, url))
            else:
                assert parsed.version == "rss20"
                counts[path] = len(check_rss(data, url))
            assert len(parsed.entries) == counts[path]
        elif path.endswith(".json"):
            counts[path] = len(check_json(data, url))
    return counts


# The fixture site.


def test_every_feed_is_written(feed_site):
    assert set(feed_bytes(feed_site)) == FIXTURE_FEEDS


def test_every_feed_validates(feed_site):
    counts = check_every_feed(feed_site)
    assert counts["feeds/all.atom.xml"] == counts["feeds/all.json"] == 4
    assert counts["feeds/topics/robotics.rss.xml"] == 3
    assert counts["feeds/topics/sensors.json"] == 1
    assert counts["feeds/providers/port-wire.atom.xml"] == 1


def test_topic_and_provider_feeds_hold_only_their_entries(feed_site):
    parsed = feedparser.parse((feed_site / "feeds/topics/ai.atom.xml").read_bytes())
    assert [e.title for e in parsed.entries] == [
        "Harbour Robotics Teaches Cranes to Unload Ships at Night"
    ]
    parsed = feedparser.parse((feed_site / "feeds/providers/sensor-weekly.rss.xml").read_bytes())
    assert [e.get("dc_creator", e.get("author")) for e in parsed.entries] == ["Sensor Weekly"]


def test_entry_fields(feed_site):
    parsed = feedparser.parse((feed_site / "feeds/all.atom.xml").read_bytes())
    first = parsed.entries[0]
    assert first.id == "https://www.portwire.example/2022/05/harbour-robotics-night-cranes/"
    assert first.link == f"{SITEURL}/harbour-robotics-teaches-cranes-to-unload-ships-at-night/"
    assert first.author == "Port Wire"
    assert [t.term for t in first.tags] == ["Robotics", "AI"]
    assert first.summary.startswith("A Rotterdam start-up")
    rels = {link.rel: (link.href, link.get("type")) for link in first.links}
    assert rels["related"] == (first.id, "text/html")
    assert rels["enclosure"] == (
        "https://cdn.portwire.example/images/night-crane.jpg",
        "image/jpeg",
    )
    content = first.content[0].value
    assert "Read at Port Wire" in content and "Related coverage" in content
    # A clipping without a source URL gets a tag: id made from its file name.
    assert parsed.entries[2].id == "tag:newsdigest.invalid,2024:clipping/dated_text.txt"
    # Markup in a title is text, and the body's script is gone.
    markup = parsed.entries[3]
    assert markup.title == "Chips & <Dips>: Snack Robots Hit the Stadium"
    assert "<script" not in markup.content[0].value


def test_rss_enclosure_has_the_guessed_image_type(feed_site):
    items = etree.fromstring((feed_site / "feeds/all.rss.xml").read_bytes()).findall("channel/item")
    enclosures = [item.find("enclosure") for item in items]
    types = [e.get("type") if e is not None else None for e in enclosures]
    assert types == ["image/jpeg", "image/png", None, None]


def test_unpublished_clippings_are_in_no_feed(feed_site):
    for path, data in feed_bytes(feed_site).items():
        for needle in (b"hushwire", b"Embargoed", b"embargoed-topic", b"hush-wire"):
            assert needle not in data, (path, needle)


def test_opml_lists_every_topic_feed(feed_site):
    opml = etree.fromstring((feed_site / "feeds/topics.opml").read_bytes())
    assert opml.get("version") == "2.0"
    urls = [o.get("xmlUrl") for o in opml.iter("outline")]
    assert urls == [f"{SITEURL}/feeds/topics/{s}.atom.xml" for s in ("ai", "robotics", "sensors")]


def test_feeds_page_links_every_feed(feed_site):
    tree = page(feed_site, "/feeds/")
    hrefs = set(tree.xpath("//main//a/@href"))
    for path in FIXTURE_FEEDS - {"feeds/index.html"}:
        assert f"{SITEURL}/{path}" in hrefs, path


def head_feeds(output: Path, url_path: str) -> set[str]:
    """Return the feed URLs a page announces with <link rel="alternate">."""
    tree = page(output, url_path)
    return set(tree.xpath("//head/link[@rel='alternate']/@href"))


def test_pages_announce_their_feeds(feed_site):
    site = {
        f"{SITEURL}/feeds/{name}.{ext}"
        for name in ("all", "editions")
        for ext in ("atom.xml", "rss.xml", "json")
    }
    assert head_feeds(feed_site, "/") == site
    assert (
        head_feeds(feed_site, "/harbour-robotics-teaches-cranes-to-unload-ships-at-night/") == site
    )
    assert head_feeds(feed_site, "/topics/robotics/") == site | {
        f"{SITEURL}/feeds/topics/robotics.{ext}" for ext in ("atom.xml", "rss.xml", "json")
    }
    assert head_feeds(feed_site, "/providers/port-wire/") == site | {
        f"{SITEURL}/feeds/providers/port-wire.{ext}" for ext in ("atom.xml", "rss.xml")
    }


def test_golden_feeds(feed_site):
    for name in ("all.atom.xml", "all.json"):
        assert_golden((feed_site / "feeds" / name).read_bytes(), GOLDEN / name)


# Rebuilds and settings.


def test_rebuilding_gives_identical_bytes(tmp_path, feed_site):
    content = copy_content(tmp_path)
    first = feed_bytes(build(content, tmp_path / "one"))
    again = feed_bytes(build(content, tmp_path / "one"))
    other = feed_bytes(build(content, tmp_path / "two"))
    assert first == again == other == feed_bytes(feed_site)


def test_changing_a_title_keeps_the_entry_id(tmp_path):
    content = copy_content(tmp_path)
    before = feedparser.parse(build(content, tmp_path / "before") / "feeds/all.atom.xml")
    full = content / "front_matter_full.txt"
    full.write_text(full.read_text().replace("Teaches Cranes", "Trains Cranes"))
    dated = content / "dated_text.txt"
    dated.write_text(dated.read_text().replace("a second job", "a night job"))
    after = feedparser.parse(build(content, tmp_path / "after") / "feeds/all.atom.xml")
    old = {e.id: (e.title, e.link) for e in before.entries}
    new = {e.id: (e.title, e.link) for e in after.entries}
    assert old.keys() == new.keys()
    changed = {i for i in old if old[i] != new[i]}
    assert changed == {
        "https://www.portwire.example/2022/05/harbour-robotics-night-cranes/",
        "tag:newsdigest.invalid,2024:clipping/dated_text.txt",
    }


def test_max_items_limits_every_feed_to_the_newest(tmp_path):
    output = build(copy_content(tmp_path), tmp_path / "output", DIGEST_FEED_MAX_ITEMS=2)
    counts = check_every_feed(output)
    assert max(counts.values()) == 2
    parsed = feedparser.parse(output / "feeds/all.rss.xml")
    assert [e.title for e in parsed.entries] == [
        "Harbour Robotics Teaches Cranes to Unload Ships at Night",
        "Sensor Weekly: Lidar Prices Fall Below $200 for Industrial Buyers",
    ]


def test_preview_feeds_use_the_fallback_base_url(tmp_path):
    output = build(copy_content(tmp_path), tmp_path / "output", SITEURL="", FEED_DOMAIN="")
    base = "http://127.0.0.1:8000"
    check_every_feed(output, base)
    atom = (output / "feeds/all.atom.xml").read_text()
    assert f'href="{base}/feeds/all.atom.xml"' in atom
    assert "https://digest.example.org" not in atom


def test_a_page_saved_over_a_feed_fails_the_build(tmp_path):
    content = copy_content(tmp_path)
    (content / "pages").mkdir()
    (content / "pages" / "clash.md").write_text(
        "Title: Clash\nSave_as: feeds/all.atom.xml\n\nA page where a feed goes.\n"
    )
    with pytest.raises(FeedCollisionError, match=r"feeds/all\.atom\.xml"):
        build_site(content, tmp_path / "output", SITEURL=SITEURL)


def test_invalid_feed_setting_stops_the_build(tmp_path):
    with pytest.raises(ValueError, match="DIGEST_FEED_MAX_ITEMS"):
        build_site(copy_content(tmp_path), tmp_path / "output", DIGEST_FEED_MAX_ITEMS=0)


# The demo digest.


def test_demo_digest_feeds_validate(demo_site):
    counts = check_every_feed(demo_site)
    assert counts["feeds/all.atom.xml"] == counts["feeds/all.rss.xml"] == 14
    assert any(path.startswith("feeds/topics/") for path in counts)
    assert any(path.startswith("feeds/providers/") for path in counts)
    for path, data in feed_bytes(demo_site).items():
        assert b"embargoed-azure-percept" not in data, path
