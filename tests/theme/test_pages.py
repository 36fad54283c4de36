"""Every page the theme promises, built for real and checked as parsed HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from pelican import Pelican
from pelican.settings import read_settings

from clipfactory import clipping, write
from sitebuild import ROOT, all_files, article_pages, build_site, newest_first_exact_first, page
from themesite import PUBLISHED_AT, build_demo

VW = "/volkswagen-taps-microsoft-azure-to-build-a-cloud-based-automated-driving/"


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the demo digest once, published under a sub-path."""
    return build_demo(tmp_path_factory.mktemp("theme-demo") / "output")


def html_pages(output: Path) -> dict[str, lxml_html.HtmlElement]:
    """Return {relative path: parsed page} for every HTML page of a site.

    An edition's email.html is a mail document, not a page of the site (no site
    header, inline styles by design); tests/editions checks it.
    """
    return {
        name: lxml_html.fromstring(data)
        for name, data in all_files(output).items()
        if name.endswith(".html") and not name.endswith("/email.html")
    }


def stories(output: Path) -> list[dict]:
    """Return the stories the build lists in /stories.json."""
    return json.loads((output / "stories.json").read_bytes())["stories"]


def test_every_page_of_the_issue_exists(demo_site):
    for url in (
        "/",
        "/topics/",
        "/topics/ai-in-autos/",
        "/providers/",
        "/providers/geekwire/",
        "/archives/",
        "/archives/2021/02/",
        "/about/",
        "/404.html",
        VW,
    ):
        assert page(demo_site, url).xpath("string(//h1)").strip(), url
    assert (demo_site / "sitemap.xml").is_file() and (demo_site / "robots.txt").is_file()


def test_home_has_ranked_top_stories_and_the_latest_newest_first(demo_site):
    tree = page(demo_site, "/")
    top = tree.xpath("//section[@aria-labelledby='top-stories']//article[@class='story']")
    assert 0 < len(top) <= 8
    assert all(story.xpath(".//h3/a/@href") for story in top)
    times = tree.xpath("//section[@aria-labelledby='latest']//article[@class='item']//time")
    # One item per story, not per clipping.
    assert newest_first_exact_first(times) and len(times) == len(stories(demo_site))


def test_more_line_links_our_page_for_our_own_clippings(demo_site):
    tree = page(demo_site, "/")
    hrefs = tree.xpath("//p[@class='more']/a/@href")
    ours = [h for h in hrefs if h.startswith(PUBLISHED_AT)]
    assert ours and all(
        (demo_site / h[len(PUBLISHED_AT) + 1 :] / "index.html").is_file() for h in ours
    )
    assert all(h.startswith(("https://", PUBLISHED_AT)) for h in hrefs)
    assert all(a.get("title") for a in tree.xpath("//p[@class='more']/a"))


def test_article_head_has_canonical_social_tags_and_honest_json_ld(demo_site):
    tree = page(demo_site, VW)
    head = tree.find("head")
    canonical = f"{PUBLISHED_AT}{VW}"
    assert head.xpath("string(link[@rel='canonical']/@href)") == canonical
    assert head.xpath("string(meta[@name='description']/@content)").startswith("Volkswagen’s")
    assert head.xpath("string(meta[@property='og:url']/@content)") == canonical
    assert head.xpath("string(meta[@property='og:type']/@content)") == "article"
    assert head.xpath("string(meta[@property='og:title']/@content)") == tree.xpath("string(//h1)")
    assert head.xpath("string(meta[@property='og:image']/@content)").startswith("https://")
    assert head.xpath("string(meta[@name='twitter:card']/@content)") == "summary_large_image"
    (script,) = head.xpath("script[@type='application/ld+json']/text()")
    data = json.loads(script)
    assert data["@type"] == "WebPage" and data["url"] == canonical
    cited = data["isBasedOn"]
    assert cited["@type"] == "NewsArticle"
    assert cited["url"] == tree.xpath("string(//p[@class='source']/a/@href)")
    assert cited["publisher"] == {
        "@type": "Organization",
        "name": "GeekWire",
        "url": "https://geekwire.com",
    }
    assert cited["datePublished"] == "2021-02-11T17:42:00+00:00"
    assert "author" not in data and "datePublished" not in data  # we wrote a summary, not the story


def test_article_page_shows_its_neighbours_and_top_stories(demo_site):
    tree = page(demo_site, VW)
    nav = tree.xpath("//nav[@class='neighbours']//a")
    assert {a.get("rel") for a in nav} == {"prev", "next"}
    for a in nav:
        assert (demo_site / a.get("href")[len(PUBLISHED_AT) + 1 :] / "index.html").is_file()
    side = tree.xpath("//aside//li/a/@href")
    assert side and f"{PUBLISHED_AT}{VW}" not in side


def test_approximate_dates_claim_no_publication_date(demo_site):
    pages = article_pages(demo_site)
    approximate = [
        t for t in pages.values() if t.xpath("string(//p[@class='meta']/time)").startswith("about ")
    ]
    assert approximate
    for tree in approximate:
        data = json.loads(tree.xpath("string(//script[@type='application/ld+json'])"))
        assert "datePublished" not in json.dumps(data)


def test_every_image_is_sized_lazy_private_and_described(demo_site):
    images = [img for tree in html_pages(demo_site).values() for img in tree.iter("img")]
    assert images
    for img in images:
        assert img.get("width", "").isdigit() and img.get("height", "").isdigit()
        assert (img.get("loading"), img.get("decoding")) == ("lazy", "async")
        assert img.get("referrerpolicy") == "no-referrer"
        assert img.get("alt", "").strip()


def test_every_page_has_head_metadata_csp_and_no_executable_script(demo_site):
    for name, tree in html_pages(demo_site).items():
        head = tree.find("head")
        assert head.findtext("title").strip(), name
        assert head.xpath("meta[@name='description']/@content")[0].strip(), name
        assert head.xpath("string(link[@rel='canonical']/@href)").startswith(PUBLISHED_AT + "/"), (
            name
        )
        assert head.xpath("meta[@property='og:title'] and meta[@name='twitter:card']"), name
        csp = head.xpath("string(meta[@http-equiv='Content-Security-Policy']/@content)")
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, name
        for script in tree.iter("script"):
            if name == "search/index.html" and script.get("src"):
                continue  # Pagefind's and the theme's script files: tests/search checks which
            assert script.get("type") == "application/ld+json" and not script.get("src"), name
            json.loads(script.text)
        assert not tree.xpath("//@style | //style | //@*[starts-with(name(), 'on')]"), name


def test_every_local_link_uses_the_site_url(demo_site):
    for name, tree in html_pages(demo_site).items():
        for url in tree.xpath("//@href | //@src"):
            assert not url.startswith("/"), (name, url)
            assert url.startswith(("https://", "http://", "#", "mailto:")), (name, url)


def test_topics_are_sorted_by_count_and_providers_show_domain_and_count(demo_site):
    topics = page(demo_site, "/topics/").xpath("//ol[@class='index']/li")
    counts = [int(li.xpath("string(span[@class='count'])")) for li in topics]
    assert counts == sorted(counts, reverse=True) and len(counts) >= 5
    providers = page(demo_site, "/providers/").xpath("//ul[@class='index']/li")
    cnbc = next(li for li in providers if li.xpath("string(a)") == "CNBC")
    assert cnbc.xpath("string(span[@class='domain'])") == "cnbc.com"
    assert cnbc.xpath("string(span[@class='count'])") == "2"


def test_topic_page_ranks_then_lists_newest_and_links_its_feeds(demo_site):
    tree = page(demo_site, "/topics/ai-in-autos/")
    count = int(tree.xpath("string(//p[@class='summary-line'])").split()[0])
    top = tree.xpath("//section[@aria-labelledby='top-stories']//article[@class='story']")
    assert len(top) == min(3, count)
    assert len(tree.xpath("//section[@aria-labelledby='newest']//article[@class='item']")) == count
    feeds = tree.xpath("//p[@class='summary-line']/a/@href")
    assert any(href.endswith("/feeds/topics/ai-in-autos.atom.xml") for href in feeds)


def test_archives_list_every_month_with_its_count(demo_site):
    months = page(demo_site, "/archives/").xpath("//ul[contains(@class, 'months')]/li")
    total = 0
    for li in months:
        href = li.xpath("string(a/@href)")[len(PUBLISHED_AT) + 1 :]
        count = int(li.xpath("string(span[@class='count'])"))
        month = page(demo_site, "/" + href)
        assert len(month.xpath("//section[@aria-labelledby='newest']//article")) == count
        total += count
    # Clippings with a guessed date are listed apart, in no month; months count stories.
    undated = page(demo_site, "/archives/").xpath("//section[@aria-labelledby='undated']//li")
    assert undated and all("about" in li.text_content() for li in undated)
    assert total <= len(stories(demo_site)) <= total + len(undated)
    assert "February 2021" in [li.xpath("string(a)") for li in months]


def test_not_found_page_helps_and_is_not_indexed(demo_site):
    tree = page(demo_site, "/404.html")
    assert tree.xpath("string(//h1)") == "Page not found"
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex"]
    hrefs = tree.xpath("//main//a/@href")
    assert f"{PUBLISHED_AT}/topics/" in hrefs and f"{PUBLISHED_AT}/archives/" in hrefs


def test_sitemap_lists_every_page_and_robots_names_it(demo_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = etree.fromstring((demo_site / "sitemap.xml").read_bytes())
    locs = set(root.xpath("//s:loc/text()", namespaces=ns))
    expected = {
        f"{PUBLISHED_AT}/" + name.removesuffix("index.html")
        for name in all_files(demo_site)
        if name.endswith(".html") and name != "404.html" and not name.endswith("/email.html")
    }
    assert locs == expected
    robots = (demo_site / "robots.txt").read_text()
    assert f"Sitemap: {PUBLISHED_AT}/sitemap.xml" in robots.splitlines()


@pytest.fixture(scope="module")
def ranked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build seven clippings whose order is known; paginate by three."""
    base = tmp_path_factory.mktemp("ranked")
    target = {"title": "The target story", "webUrl": "https://news0.example.com/2024/05/target"}
    clippings = [
        clipping(0, title="Hot and recent", heat=95, quality=80, hours_ago=0),
        clipping(1, title="Hot but two months old", heat=95, quality=80, hours_ago=24 * 60),
        clipping(2, title="Lukewarm", heat=40, quality=40, hours_ago=2),
        clipping(3, title="Cold", heat=5, quality=5, hours_ago=1),
        clipping(4, title="No signals at all", heat=None, quality=None, hours_ago=3),
        clipping(5, title="Linked from two stories", heat=40, quality=40, hours_ago=2),
        clipping(6, title="Links to the target", heat=10, quality=10, related=[target]),
    ]
    clippings[5]["webUrl"] = target["webUrl"]
    clippings[2]["related"] = [target]
    # Three reports of one event: the same facts, linked to each other.
    event = "Harbour Robotics lets one remote operator run four container cranes at night."
    for number in (2, 5, 6):
        clippings[number]["excerpt"] = event
    content = write(base / "content", clippings)
    ranking = {
        "DIGEST_RANK_HEAT_WEIGHT": 0.35,
        "DIGEST_RANK_QUALITY_WEIGHT": 0.25,
        "DIGEST_RANK_RECENCY_WEIGHT": 0.25,
        "DIGEST_RANK_BREADTH_WEIGHT": 0.15,
        "DIGEST_RANK_HALF_LIFE_HOURS": 168,
        "DIGEST_RANK_HOME_TOP": 5,
    }
    return build_site(content, base / "output", DEFAULT_PAGINATION=3, **ranking)


def test_home_top_stories_follow_the_score(ranked_site):
    tree = page(ranked_site, "/")
    top = tree.xpath("//article[@class='story']//h3/a/text()")
    # Three clippings linked to each other are one story of three sources, led by its
    # earliest report; recency multiplies the score, so two months of age sink the
    # hottest story to the bottom.
    assert top == [
        "Hot and recent",
        "Links to the target",
        "Cold",
        "No signals at all",
        "Hot but two months old",
    ]
    why = tree.xpath("//article[@class='story']/p[@class='why']/text()")
    assert why[:2] == ["1 source · heat 95", "3 sources · heat 40"]
    assert why[3] == "1 source"  # no heat: nothing to quote


def test_pagination_uses_page_folders_with_working_links(ranked_site):
    # Seven clippings, five stories, three per page.
    second = page(ranked_site, "/page/2/")
    assert second.xpath("string(//h1)") == "Latest, page 2"
    assert second.xpath("//a[@rel='prev']/@href") == ["/"]
    assert second.xpath("//a[@rel='next']/@href") == []
    assert not second.xpath("//article[@class='story']")
    assert len(second.xpath("//article[@class='item']")) == 2
    assert not (ranked_site / "page" / "3").exists()


def test_budget_home_html_and_css_with_twenty_heavy_stories(tmp_path):
    clippings = [clipping(i, long=True, related_count=6, heat=90 - i) for i in range(24)]
    output = build_site(write(tmp_path / "content", clippings), tmp_path / "output")
    home = (output / "index.html").read_bytes()
    css = (output / "theme" / "css" / "site.css").read_bytes()
    tree = lxml_html.fromstring(home)
    assert len(tree.xpath("//article[@class='item']")) == 20
    assert tree.xpath("//p[@class='more']/a[contains(., 'more')]")  # "and 1 more"
    assert len(css) <= 15_000, len(css)
    assert len(home) + len(css) <= 60_000, (len(home), len(css))


def test_sitemap_is_complete_after_a_second_run_of_one_pelican(tmp_path):
    """`pelican --autoreload` calls run() again on the same Pelican object."""
    content = write(tmp_path / "content", [clipping(i) for i in range(3)])
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "LOAD_CONTENT_CACHE": False,
        },
    )
    pelican = Pelican(settings)
    pelican.run()
    first = (tmp_path / "output" / "sitemap.xml").read_bytes()
    pelican.run()
    assert (tmp_path / "output" / "sitemap.xml").read_bytes() == first
    assert first.count(b"<loc>") >= 3 + 2  # three stories, the home page, the topics index


def test_every_page_links_the_favicon_served_at_the_site_root(demo_site):
    ico = (demo_site / "favicon.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and int.from_bytes(ico[4:6], "little") == 3
    svg = etree.fromstring((demo_site / "favicon.svg").read_bytes())
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    pages = html_pages(demo_site)
    assert len(pages) > 30
    for name, tree in pages.items():
        icons = [
            (link.get("href"), link.get("type")) for link in tree.xpath("//head/link[@rel='icon']")
        ]
        assert icons == [
            (f"{PUBLISHED_AT}/favicon.ico", None),
            (f"{PUBLISHED_AT}/favicon.svg", "image/svg+xml"),
        ], name


def test_month_archives_link_the_newer_and_older_month(demo_site):
    archives = page(demo_site, "/archives/")
    months = [
        href[len(PUBLISHED_AT) :]
        for href in archives.xpath("//ul[contains(@class, 'months')]/li/a/@href")
    ]
    assert len(months) >= 3
    for number, url in enumerate(months):
        nav = page(demo_site, url).xpath("//nav[@aria-label='Newer and older months']")
        newer = nav[0].xpath("string(a[@class='newer']/@href)") if nav else ""
        older = nav[0].xpath("string(a[@class='older']/@href)") if nav else ""
        assert newer == (PUBLISHED_AT + months[number - 1] if number else ""), url
        assert older == (PUBLISHED_AT + months[number + 1] if number + 1 < len(months) else ""), url
    label = page(demo_site, months[1]).xpath("string(//a[@class='newer'])")
    assert label.split() == [
        "←",
        "Newer",
        "month",
        *archives.xpath("string(//ul[contains(@class, 'months')]/li[1]/a)").split(),
    ]


def test_one_word_for_each_thing_on_every_page(demo_site):
    pages = html_pages(demo_site)
    assert not (demo_site / "categories").exists() and not (demo_site / "sections").exists()
    for name, tree in pages.items():
        if name == "about/index.html":  # the demo's about page explains what a clipping file is
            continue
        text = " ".join(tree.xpath("//body//text()[not(ancestor::script)]"))
        assert not re.search(r"\b[Cc]lippings?\b|\bProviders?\b", text), name
        assert "Sections" not in tree.xpath("string(//footer)"), name
    feeds = pages["feeds/index.html"]
    assert feeds.xpath("//h2/text()") == ["Everything", "Editions", "Topics", "Sources"]
    summary = page(demo_site, "/topics/ai-in-autos/").xpath("string(//p[@class='summary-line'])")
    assert re.match(r"\d+ articles\b", summary)
