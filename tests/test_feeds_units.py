"""Unit tests of the feeds plugin's pure modules, on plain data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import feedparser
import jinja2
import pytest
from common.settings import SettingsError
from lxml import etree, html

from clippings.model import Clipping, Image, Provider, Related
from feeds.build import (
    FeedCollisionError,
    FeedWriter,
    render_atom_and_rss,
    render_json,
    render_opml,
    write_feeds,
)
from feeds.config import DEFAULTS, FeedSettings
from feeds.entries import (
    FeedEntry,
    Group,
    compose_content,
    entries_from_articles,
    entry_id,
    guess_image_type,
    sanitise_html,
)
from feeds.specs import build_index, build_specs, entries_for_feeds, newest_first
from writer.store import OutputStore

ATOM = "{http://www.w3.org/2005/Atom}"
TEMPLATES = Path(__file__).resolve().parent.parent / "theme" / "templates"
SITE = "https://digest.example.org"


def settings(**override) -> FeedSettings:
    """Return feed settings for a site at SITE, with overrides."""
    return FeedSettings.from_settings(
        {"SITENAME": "Digest", "SITEURL": SITE, "AUTHOR": "Curators", **override}
    )


def entry(number: int, **fields) -> FeedEntry:
    """Return a plain entry dated `number` days after 1 May 2022."""
    when = datetime(2022, 5, 1, tzinfo=UTC) + timedelta(days=number)
    values = {
        "id": f"https://news.example/{number}",
        "title": f"Story {number}",
        "url": f"{SITE}/story-{number}/",
        "published": when,
        "updated": when,
        "summary": f"Summary {number}",
        "content_html": f"<p>Body {number}</p>",
        "external_url": f"https://news.example/{number}",
        "topics": (Group("Robotics", "robotics", f"{SITE}/topics/robotics/"),),
        "provider": Group("News Co", "news-co", f"{SITE}/providers/news-co/"),
        "provider_url": "https://news.example/",
    }
    values.update(fields)
    return FeedEntry(**values)


# Settings


def test_defaults_are_valid_and_documented_in_one_place():
    loaded = FeedSettings.from_settings({})
    assert loaded.max_items == DEFAULTS["DIGEST_FEED_MAX_ITEMS"] == 50
    assert loaded.base_url == DEFAULTS["DIGEST_FEED_BASE_URL"]
    assert all(name.startswith("DIGEST_FEED_") for name in DEFAULTS)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DIGEST_FEED_MAX_ITEMS", 0),
        ("DIGEST_FEED_MAX_ITEMS", "50"),
        ("DIGEST_FEED_MAX_ITEMS", True),
        ("DIGEST_FEED_BASE_URL", "/relative"),
        ("DIGEST_FEED_BASE_URL", "ftp://example.org"),
        ("DIGEST_FEED_TAG_AUTHORITY", "example.org"),
        ("DIGEST_FEED_PROVIDERS", "yes"),
    ],
)
def test_invalid_settings_are_refused_with_the_setting_named(name, value):
    with pytest.raises(SettingsError, match=f"feeds: {name} must be .*, got "):
        FeedSettings.from_settings({name: value})


@pytest.mark.parametrize(
    ("site", "domain", "expected"),
    [
        ("https://a.example/digest/", "", "https://a.example/digest"),
        ("", "https://feeds.example", "https://feeds.example"),
        ("/relative", "", "http://127.0.0.1:8000"),
        ("", "", "http://127.0.0.1:8000"),
    ],
)
def test_base_url_is_siteurl_then_feed_domain_then_fallback(site, domain, expected):
    loaded = FeedSettings.from_settings({"SITEURL": site, "FEED_DOMAIN": domain})
    assert loaded.base_url == expected


# Entries


def test_entry_ids_come_from_the_clipping_id_only():
    url = "https://news.example/a story?x=1&y=2"
    assert entry_id(url, "example.org,2024") == "https://news.example/a%20story?x=1&y=2"
    assert (
        entry_id("clipping:003 notes.txt", "example.org,2024")
        == "tag:example.org,2024:clipping/003%20notes.txt"
    )


@pytest.mark.parametrize(
    ("url", "mime"),
    [
        ("https://i.example/a.JPG", "image/jpeg"),
        ("https://i.example/a.png?w=800", "image/png"),
        ("https://i.example/a.webp", "image/webp"),
        ("https://i.example/a.gif#x", "image/gif"),
        ("https://i.example/photo?id=3", "image/jpeg"),
    ],
)
def test_image_type_is_guessed_from_the_extension(url, mime):
    assert guess_image_type(url) == mime


def test_sanitise_html_strips_scripts_and_makes_urls_absolute():
    dirty = (
        '<p onclick="x()">Hi <a href="../other/">o</a> <a href="javascript:x()">j</a>'
        '<img src="/img/a.png"><script>alert(1)</script></p>'
    )
    clean = sanitise_html(dirty, f"{SITE}/story/")
    tree = html.fragment_fromstring(clean, create_parent="div")
    assert not tree.xpath("//script|//@onclick")
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert hrefs == [f"{SITE}/other/", None]
    assert tree.find(".//img").get("src") == f"{SITE}/img/a.png"


def test_content_has_read_at_link_and_escaped_related_coverage():
    related = [
        Related(
            "A <b>bold</b> claim",
            "https://other.example/x",
            Provider("Other"),
            datetime(2022, 5, 2, tzinfo=UTC),
        ),
        Related("Ours", "https://p.example/"),
    ]
    links = {"https://p.example/": "ours/"}
    body = compose_content("<p>Body</p>", "https://pub.example/a", "Pub", related, links, SITE)
    tree = html.fragment_fromstring(body, create_parent="div")
    links = [(a.text_content(), a.get("href")) for a in tree.iter("a")]
    assert links == [
        ("Read at Pub", "https://pub.example/a"),
        ("A <b>bold</b> claim", "https://other.example/x"),
        ("Ours", f"{SITE}/ours/"),
    ]
    assert "(Other, 02 May 2022)" in tree.text_content()


def _article(title: str, clip: dict | None = None, **fields) -> SimpleNamespace:
    """Return an object with the article contract's attributes (see docs/architecture.md)."""
    clipping = {
        "path": "pub.txt",
        "shape": "front_matter",
        "title": title,
        "excerpt": "An excerpt",
        "source_url": "https://pub.example/a",
        "source_urls": ("https://pub.example/a",),
        "provider": Provider("Pub", "pub.example"),
        "image": Image("https://pub.example/i.png", 8, None),
        **(clip or {}),
    }
    values = {
        "title": title,
        "url": "story/",
        "date": datetime(2022, 5, 1, 12, 0, 0, 123, tzinfo=timezone(timedelta(hours=2))),
        "status": "published",
        "content": "<p>Body</p>",
        "tags": [SimpleNamespace(name="AI", slug="ai", url="topics/ai/")],
        "author": SimpleNamespace(name="Pub", slug="pub", url="providers/pub/"),
        "clipping": Clipping(**clipping),
        "related_links": {},
    }
    values.update(fields)
    return SimpleNamespace(**values)


def test_entries_keep_published_articles_only_with_utc_dates():
    found = entries_from_articles(
        [
            _article("Kept"),
            _article("Draft", status="draft"),
            _article("Hidden", status="hidden"),
        ],
        settings(),
    )
    assert [e.title for e in found] == ["Kept"]
    kept = found[0]
    assert kept.published == datetime(2022, 5, 1, 10, 0, 0, tzinfo=UTC)
    assert kept.url == f"{SITE}/story/"
    assert kept.categories == ("AI",)
    assert kept.author == "Pub"
    assert kept.provider_url == "https://pub.example/"
    # An image without alt text is described by the title.
    assert kept.image == Image("https://pub.example/i.png", 8, None, "Kept")
    assert kept.image_type == "image/png"


def test_entry_without_provider_has_no_author():
    (found,) = entries_from_articles(
        [_article("Bare", {"provider": None}, author=None)],
        settings(),
    )
    assert found.provider is None and found.author == ""


# Specs


def test_newest_first_drops_repeated_ids(caplog):
    older = entry(1)
    newer = entry(2, id=older.id, title="Newer copy")
    ordered = newest_first([older, entry(3), newer])
    assert [e.title for e in ordered] == ["Story 3", "Newer copy"]
    assert "feeds: " in caplog.text


def test_specs_are_limited_grouped_and_sorted():
    config = settings(DIGEST_FEED_MAX_ITEMS=2)
    sensors = Group("Sensors", "sensors", f"{SITE}/topics/sensors/")
    entries = [entry(n) for n in range(4)] + [entry(9, topics=(sensors,))]
    specs = build_specs(entries, config)
    assert [(s.kind, s.slug) for s in specs] == [
        ("site", "all"),
        ("topic", "robotics"),
        ("topic", "sensors"),
        ("provider", "news-co"),
    ]
    site, robotics = specs[0], specs[1]
    assert [e.title for e in site.entries] == ["Story 9", "Story 3"]
    assert [e.title for e in robotics.entries] == ["Story 3", "Story 2"]
    assert site.updated == entry(9).updated
    assert robotics.json_path == "feeds/topics/robotics.json"
    assert specs[3].json_path == ""


def test_provider_feeds_can_be_switched_off():
    specs = build_specs([entry(1)], settings(DIGEST_FEED_PROVIDERS=False))
    assert {s.kind for s in specs} == {"site", "topic"}


def test_empty_site_feed_is_dated_at_the_epoch():
    (site,) = build_specs([], settings())
    assert site.updated == datetime(1970, 1, 1, tzinfo=UTC)
    atom, rss = render_atom_and_rss(site, settings())
    assert feedparser.parse(atom).bozo == 0
    assert feedparser.parse(rss).bozo == 0


# Rendering


def test_atom_keeps_related_and_enclosure_links():
    image = Image("https://news.example/i.jpg", 10, 5)
    spec = build_specs([entry(1, image=image)], settings())[0]
    atom, _ = render_atom_and_rss(spec, settings())
    links = etree.fromstring(atom).findall(f"{ATOM}entry/{ATOM}link")
    assert [(link.get("rel"), link.get("type")) for link in links] == [
        (None, None),  # alternate by default (RFC 4287 4.2.7.2)
        ("related", "text/html"),
        ("enclosure", "image/jpeg"),
    ]
    parsed = feedparser.parse(atom).entries[0]
    rels = {link["rel"]: link["href"] for link in parsed.links}
    assert rels == {
        "alternate": f"{SITE}/story-1/",
        "related": "https://news.example/1",
        "enclosure": "https://news.example/i.jpg",
    }


def test_rss_has_guid_enclosure_creator_and_channel_link():
    image = Image("https://news.example/i.jpg", 10, 5)
    spec = build_specs([entry(1, image=image)], settings())[0]
    _, rss = render_atom_and_rss(spec, settings())
    channel = etree.fromstring(rss).find("channel")
    assert channel.findtext("link") == f"{SITE}/"
    item = channel.find("item")
    assert item.findtext("guid") == "https://news.example/1"
    assert item.find("enclosure").attrib == {
        "url": "https://news.example/i.jpg",
        "length": "0",
        "type": "image/jpeg",
    }
    creator = item.findtext("{http://purl.org/dc/elements/1.1/}creator")
    assert creator == "News Co"


def test_rendering_never_uses_the_clock():
    spec = build_specs([entry(1), entry(2)], settings())[0]
    first = render_atom_and_rss(spec, settings()), render_json(spec, settings())
    second = render_atom_and_rss(spec, settings()), render_json(spec, settings())
    assert first == second
    assert b"2022-05-03T00:00:00+00:00" in first[0][0]


def test_json_feed_items_come_from_the_same_entries():
    spec = build_specs([entry(1)], settings())[0]
    feed = json.loads(render_json(spec, settings()))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    (item,) = feed["items"]
    assert item["id"] == "https://news.example/1"
    assert item["external_url"] == "https://news.example/1"
    assert item["tags"] == ["Robotics"]
    assert item["authors"] == [{"name": "News Co", "url": "https://news.example/"}]


def test_opml_lists_every_topic_feed():
    specs = build_specs([entry(1)], settings())
    opml = etree.fromstring(render_opml(specs, settings()))
    outlines = opml.findall("body/outline")
    assert [o.get("xmlUrl") for o in outlines] == [f"{SITE}/feeds/topics/robotics.atom.xml"]


# Writing


def test_writer_refuses_a_second_write_to_one_path(tmp_path):
    writer = FeedWriter(OutputStore(str(tmp_path)))
    writer.write("feeds/a.xml", b"one")
    with pytest.raises(FeedCollisionError, match=r"feeds/a\.xml is written by 'feeds' twice"):
        writer.write("feeds/a.xml", b"two")
    assert (tmp_path / "feeds" / "a.xml").read_bytes() == b"one"
    with pytest.raises(FeedCollisionError):
        writer.write("../outside.xml", b"x")


def test_writer_shares_the_build_s_record_of_written_files(tmp_path):
    store = OutputStore(str(tmp_path))
    store.claim("feeds/all.atom.xml", "pages")
    with pytest.raises(FeedCollisionError, match="both 'pages' and 'feeds'"):
        write_feeds(build_specs([entry(1)], settings()), settings(), FeedWriter(store))


# Discovery partial


def render_partial(**context) -> list[tuple[str, str]]:
    """Render _feed_links.html and return its (type, href) pairs."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    markup = env.get_template("_feed_links.html").render(SITEURL="", **context)
    if not markup.strip():
        return []
    tree = html.fromstring(f"<head>{markup}</head>")
    return [(link.get("type"), link.get("href")) for link in tree.iter("link")]


def test_feed_links_partial_adds_topic_and_provider_feeds():
    index = build_index(build_specs([entry(1)], settings()), settings())
    site = [
        ("application/atom+xml", "/feeds/all.atom.xml"),
        ("application/rss+xml", "/feeds/all.rss.xml"),
        ("application/feed+json", "/feeds/all.json"),
    ]
    assert render_partial(digest_feeds=index) == site
    topic = render_partial(digest_feeds=index, tag=SimpleNamespace(slug="robotics"))
    assert topic[3:] == [
        ("application/atom+xml", "/feeds/topics/robotics.atom.xml"),
        ("application/rss+xml", "/feeds/topics/robotics.rss.xml"),
        ("application/feed+json", "/feeds/topics/robotics.json"),
    ]
    provider = render_partial(digest_feeds=index, author=SimpleNamespace(slug="news-co"))
    assert provider[3:] == [
        ("application/atom+xml", "/feeds/providers/news-co.atom.xml"),
        ("application/rss+xml", "/feeds/providers/news-co.rss.xml"),
    ]
    assert render_partial() == []


def test_only_articles_some_feed_shows_get_full_entries():
    tags = [SimpleNamespace(name=n, slug=n.lower(), url=f"topics/{n.lower()}/") for n in "ABC"]
    articles = [
        _article(
            f"Story {n}",
            url=f"story-{n}/",
            date=datetime(2022, 1, 1, tzinfo=UTC) + timedelta(hours=n),
            tags=[tags[n % 3]] if n % 4 else [],
            clip={"source_url": f"https://pub.example/{n % 17}"},  # some ids repeat
        )
        for n in range(40)
    ]
    config = settings(DIGEST_FEED_MAX_ITEMS=3)
    picked = entries_for_feeds(articles, config)
    assert len(picked) < len(articles)
    every = entries_from_articles(articles, config)
    assert build_specs(picked, config) == build_specs(every, config)


def test_characters_xml_cannot_carry_are_dropped():
    article = _article("Bad\x00 title\x0b", {"excerpt": "Ex\x0ccerpt"}, content="<p>Bo\x1fdy</p>")
    (found,) = entries_from_articles([article], settings())
    assert (found.title, found.summary) == ("Bad title", "Excerpt")
    atom, rss = render_atom_and_rss(build_specs([found], settings())[0], settings())
    assert feedparser.parse(atom).entries[0].title == "Bad title"
    assert feedparser.parse(rss).bozo == 0
