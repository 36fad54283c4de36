"""The navigation and sitemap plugins' plain functions, without Pelican."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from navigation.listing import Group, MonthLink, by_count, by_name, month_neighbours, neighbours
from sitemap.build import page_url, robots_txt, sitemap_xml


def test_neighbours_link_each_item_to_the_next_newer_and_older():
    found = neighbours(["new", "mid", "old"])
    assert [(n.newer, n.older) for n in found] == [
        (None, "mid"),
        ("new", "old"),
        ("mid", None),
    ]
    assert neighbours([]) == []


def test_month_neighbours_skip_empty_months_and_ignore_input_order():
    links = {
        key: MonthLink(label, f"archives/{key[0]}/{key[1]:02d}/")
        for key, label in [
            ((2021, 2), "2021 February"),
            ((2020, 11), "2020 November"),
            ((2021, 1), "2021 January"),
        ]
    }
    found = month_neighbours(links.items())
    assert found[(2021, 2)].newer is None and found[(2021, 2)].older == links[(2021, 1)]
    assert (
        found[(2021, 1)].newer == links[(2021, 2)] and found[(2021, 1)].older == links[(2020, 11)]
    )
    assert found[(2020, 11)].older is None
    assert month_neighbours([]) == {}


def test_topics_sort_by_count_then_name():
    groups = [("beta", [1]), ("Alpha", [1]), ("gamma", [1, 2, 3]), ("delta", [1, 2])]
    assert [g.key for g in by_count(groups, name=str)] == ["gamma", "delta", "Alpha", "beta"]
    assert by_count(groups, name=str)[0] == Group("gamma", 3)


def test_providers_sort_by_name_with_the_first_domain_found():
    items = {"x": "", "y": "reuters.com", "z": "cnbc.com"}
    groups = [("Reuters", ["x", "y"]), ("cnbc", ["z"]), ("Nobody", ["x"])]
    result = by_name(groups, name=str, domain=items.get)
    assert result == [
        Group("cnbc", 1, "cnbc.com"),
        Group("Nobody", 1, ""),
        Group("Reuters", 2, "reuters.com"),
    ]


def test_page_urls_drop_index_html_and_keep_the_sub_path():
    base = "https://example.org/newsdigest"
    assert page_url("index.html", base) == f"{base}/"
    assert page_url("topics/ai/index.html", base) == f"{base}/topics/ai/"
    assert page_url("page/2/index.html", base + "/") == f"{base}/page/2/"
    assert page_url("feeds.html", "") == "/feeds.html"


def test_sitemap_lists_pages_sorted_and_escaped_without_the_404():
    date = datetime(2021, 2, 11, 17, 42, tzinfo=UTC)
    xml = sitemap_xml(
        {"z/index.html": date, "index.html": None, "404.html": None, "a&b/index.html": None},
        "https://example.org",
    )
    root = etree.fromstring(xml.encode())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    assert root.xpath("//s:loc/text()", namespaces=ns) == [
        "https://example.org/",
        "https://example.org/a&b/",
        "https://example.org/z/",
    ]
    assert root.xpath("//s:lastmod/text()", namespaces=ns) == ["2021-02-11T17:42:00+00:00"]


def test_robots_allows_everything_and_names_the_sitemap():
    assert robots_txt("https://example.org/newsdigest/") == (
        "User-agent: *\nAllow: /\nSitemap: https://example.org/newsdigest/sitemap.xml\n"
    )
