"""Feed items readers can use: full content, and no planted markup in any HTML context."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html

from sitebuild import build_site

SITEURL = "https://digest.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
IMAGE = "https://img.example.com/lead.jpg"


def planted(n: int) -> str:
    """Return text with markup a careless feed would hand to readers as live HTML."""
    return f'<img src=x onerror="alert({n})"><b>b{n}</b> & AT&T'


PLANTED = f"""---
title: {json.dumps("Title " + planted(1))}
excerpt: {json.dumps("Excerpt " + planted(2))}
publishedDateTime: 2021-03-01T10:00:00Z
webUrl: https://example.com/story
provider: {{name: {json.dumps("Provider " + planted(3))}, domain: example.com}}
topics: [{json.dumps("Topic " + planted(4))}]
images: [{{url: "{IMAGE}", width: 800, height: 450, alt: {json.dumps("Alt " + planted(5))}}}]
related:
  - {{title: {json.dumps("Related " + planted(6))}, webUrl: "https://other.example/r",
     provider: {{name: {json.dumps("RP " + planted(7))}}}}}
---
Body paragraph with **strong** words.
"""

BARE = """Bare story title <script>alert(8)</script> here. It opens with this summary.

And then a body paragraph.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("feed-items")
    content = base / "content"
    content.mkdir()
    (content / "planted.txt").write_text(PLANTED, encoding="utf-8")
    (content / "bare.txt").write_text(BARE, encoding="utf-8")
    return build_site(
        content, base / "out", SITEURL=SITEURL, FEED_DOMAIN=SITEURL, SITENAME="Site " + planted(0)
    )


def feed_files(site: Path, suffix: str) -> list[Path]:
    found = sorted(site.glob(f"feeds/**/*{suffix}"))
    assert found
    return found


def no_element(text: str) -> bool:
    """Tell whether text, read as HTML by a feed reader, holds no element at all."""
    wrapper = lxml_html.fragment_fromstring(text or "", create_parent="div")
    return len(list(wrapper.iter())) == 1


def safe_content(html: str) -> None:
    """Assert content HTML holds no planted element: no handlers, scripts or stray images."""
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in tree.iter():
        assert not [a for a in element.attrib if a.lower().startswith("on")], html
        assert element.tag not in ("script", "b"), html
        if element.tag == "img":
            assert element.get("src") == IMAGE, html


def test_rss_text_is_escaped_for_html_in_every_element(site):
    for path in feed_files(site, ".rss.xml"):
        assert not feedparser.parse(path.read_bytes()).bozo
        channel = etree.parse(str(path)).getroot().find("channel")
        for element in [channel.find("title"), channel.find("description")]:
            assert no_element(element.text), (path.name, element.tag, element.text)
        for item in channel.iter("item"):
            for tag in ("title", "description"):
                element = item.find(tag)
                assert no_element(element.text), (path.name, tag, element.text)
            safe_content(item.find(CONTENT).text)
        # A reader that renders the title as HTML shows the planted text as text.
        shown = lxml_html.fragment_fromstring(channel.find("title").text, create_parent="div")
        assert shown.text_content().startswith("Site " + planted(0))


def test_atom_keeps_plain_text_as_text_and_content_safe(site):
    for path in feed_files(site, ".atom.xml"):
        assert not feedparser.parse(path.read_bytes()).bozo
        root = etree.parse(str(path)).getroot()
        assert root.find(f"{ATOM}title").text.startswith("Site " + planted(0))
        for entry in root.iter(f"{ATOM}entry"):
            for tag in ("title", "summary"):
                element = entry.find(f"{ATOM}{tag}")
                if element is not None:
                    assert element.get("type", "text") == "text"
            content = entry.find(f"{ATOM}content")
            assert content.get("type") == "html"
            safe_content(content.text)
        if path.name == "editions.atom.xml":  # entries are editions, not clippings
            continue
        titles = [e.find(f"{ATOM}title").text for e in root.iter(f"{ATOM}entry")]
        assert "Title " + planted(1) in titles or "Bare story title" in titles[0]


def test_json_feed_keeps_plain_text_and_content_safe(site):
    for path in feed_files(site, ".json"):
        feed = json.loads(path.read_text())
        assert feed["title"].startswith("Site " + planted(0))
        for item in feed["items"]:
            safe_content(item["content_html"])


def contents(site: Path) -> dict[str, list[str]]:
    """Return {format: every item content of the site feed} for Atom, RSS and JSON."""
    atom = etree.parse(str(site / "feeds/all.atom.xml")).getroot()
    rss = etree.parse(str(site / "feeds/all.rss.xml")).getroot()
    items = json.loads((site / "feeds/all.json").read_text())["items"]
    return {
        "atom": [e.find(f"{ATOM}content").text for e in atom.iter(f"{ATOM}entry")],
        "rss": [i.find(CONTENT).text for i in rss.iter("item")],
        "json": [i["content_html"] for i in items],
    }


def test_item_content_holds_summary_image_body_source_and_related(site):
    for name, found in contents(site).items():
        (full,) = [c for c in found if "Body paragraph" in c]
        tree = lxml_html.fragment_fromstring(full, create_parent="div")
        text = " ".join(tree.text_content().split())
        order = [
            text.index("Excerpt " + planted(2)),
            text.index("Body paragraph with strong words."),
            text.index("Read at Provider " + planted(3)),
            text.index("Related " + planted(6)),
        ]
        assert order == sorted(order), name
        (image,) = tree.iter("img")
        assert (image.get("width"), image.get("height")) == ("800", "450"), name
        assert image.get("alt") == "Alt " + planted(5), name
        (bare,) = [c for c in found if "body paragraph" in c]
        assert "It opens with this summary." in bare, name


def test_json_feed_items_have_image_and_summary(site):
    items = json.loads((site / "feeds/all.json").read_text())["items"]
    (full,) = [i for i in items if "Body paragraph" in i["content_html"]]
    assert full["image"] == IMAGE
    assert full["summary"] == "Excerpt " + planted(2)
