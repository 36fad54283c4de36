"""Real builds with search on and off: what Pagefind indexes, the header form, /search/, the bundle."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from common.settings import SettingsError
from lxml import html as lxml_html

from search.canonical import decode_chunk
from sitebuild import FIXTURES, all_files, article_pages, build_site, copy_fixtures, page

SITEURL = "https://example.org/newsdigest"
NAMES = sorted(p.name for p in (FIXTURES / "clippings").glob("*.txt"))


def build(tmp_path: Path, name: str = "site", **overrides) -> Path:
    """Build every clipping fixture into tmp_path/name/output; return the output folder."""
    content = copy_fixtures(NAMES, tmp_path / name / "content")
    return build_site(content, tmp_path / name / "output", SITEURL=SITEURL, **overrides)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture clippings built once with search on (the default)."""
    return build(tmp_path_factory.mktemp("search-site"))


def html_pages(output: Path) -> dict[str, object]:
    """Return {relative path: parsed page} of every HTML page but the bundle's."""
    return {
        path.relative_to(output).as_posix(): lxml_html.fromstring(path.read_bytes())
        for path in sorted(output.rglob("*.html"))
        if not path.relative_to(output).as_posix().startswith("pagefind/")
        # An edition's email.html is a mail document, not a page of the site.
        and path.name != "email.html"
    }


def test_clipping_pages_offer_pagefind_their_article_alone(site: Path) -> None:
    pages = article_pages(site)
    assert len(pages) >= 6
    for url, tree in pages.items():
        bodies = tree.xpath("//*[@data-pagefind-body]")
        assert [b.get("class") for b in bodies] == ["clipping"], url
        assert not tree.xpath("//nav//*[@data-pagefind-body] | //footer//*[@data-pagefind-body]")
        article = bodies[0]
        topics = [
            a.text_content() for a in tree.xpath("//p[@class='meta']//span[@class='topics']/a")
        ]
        assert article.xpath(".//*[@data-pagefind-filter='topic']/text()") == topics, url
        years = article.xpath(".//*[@data-pagefind-filter='year']/text()")
        stamp = article.xpath(".//*[@data-pagefind-sort='date']/text()")
        assert len(years) == 1 and years[0].isdigit() and len(stamp) == 1 and stamp[0].isdigit()
        date = tree.xpath("//p[@class='meta']/time/@datetime")[0]
        assert date.startswith(years[0]), url
        for related in tree.xpath("//section[@class='related'] | //p[@class='source']"):
            assert related.get("data-pagefind-ignore") is not None, url


def test_hostile_filter_values_are_stored_escaped_for_pagefinds_ui(site: Path) -> None:
    # Pagefind's UI puts filter values into the page as HTML: the bundle keeps them escaped.
    tree = page(site, "/alerttitle-breaking-bold-news/")
    assert tree.xpath("//*[@data-pagefind-filter='topic']/text()") == ["<script>topic</script>"]
    values = {}
    for path in (site / "pagefind" / "filter").iterdir():
        name, pairs = decode_chunk(path.read_bytes())
        values[name] = [value for value, _ in pairs]
    assert "&lt;script&gt;topic&lt;/script&gt;" in values["topic"]
    assert "&lt;i&gt;Evil&lt;/i&gt; Provider" in values["source"]
    assert not [v for vs in values.values() for v in vs if "<" in v]


def test_every_page_has_the_plain_search_form_in_its_header(site: Path) -> None:
    pages = html_pages(site)
    assert len(pages) > 15
    for name, tree in pages.items():
        forms = tree.xpath("//header//form")
        assert len(forms) == 1, name
        form = forms[0]
        assert (form.get("action"), form.get("method")) == (f"{SITEURL}/search/", "get"), name
        (field,) = form.xpath(".//input[@name='q']")
        (label,) = form.xpath(f".//label[@for='{field.get('id')}']")
        assert label.text_content().strip() == "Search" and field.get("type") == "search"
        assert form.xpath(".//button[@type='submit']")
        assert tree.xpath(f"//footer//a[@href='{SITEURL}/search/']"), name


def test_only_the_search_page_runs_scripts_and_only_it_may_compile_webassembly(
    site: Path,
) -> None:
    for name, tree in html_pages(site).items():
        (policy,) = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        scripts = tree.xpath("//script")
        assert not [
            s for s in scripts if s.get("src") is None and s.get("type") != "application/ld+json"
        ]
        if name == "search/index.html":
            assert "script-src 'self' 'wasm-unsafe-eval';" in policy
            assert [s.get("src") for s in scripts if s.get("src")] == [
                f"{SITEURL}/pagefind/pagefind-ui.js",
                f"{SITEURL}/theme/js/search.js",
            ]
        else:
            assert "script-src 'self';" in policy and "unsafe" not in policy, name
            assert [s.get("type") for s in scripts] in ([], ["application/ld+json"]), name


def test_the_search_page_without_javascript_offers_the_indexes(site: Path) -> None:
    tree = page(site, "/search/")
    (notice,) = tree.xpath("//main//noscript")
    assert "Search needs JavaScript" in lxml_html.tostring(notice, encoding="unicode")
    links = tree.xpath("//section[@class='browse']//a/@href")
    indexes = ("topics", "providers", "archives", "editions")
    assert links == [f"{SITEURL}/{name}/" for name in indexes]
    for href in links:
        assert (site / href.removeprefix(SITEURL + "/") / "index.html").is_file()
    assert tree.xpath("//*[@id='search']/@data-bundle") == [f"{SITEURL}/pagefind/"]
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert (site / "theme" / "js" / "search.js").is_file()


def test_two_builds_give_the_same_bundle_and_a_rebuild_leaves_no_stale_chunk(
    site: Path, tmp_path: Path
) -> None:
    again = build(tmp_path, "again")
    bundle = {k: v for k, v in all_files(site).items() if k.startswith("pagefind/")}
    assert {k: v for k, v in all_files(again).items() if k.startswith("pagefind/")} == bundle
    assert any(k.startswith("pagefind/fragment/") for k in bundle)
    before = {path: path.stat().st_mtime_ns for path in (again / "pagefind").rglob("*")}
    (tmp_path / "again" / "content" / "plain_with_date.txt").unlink()
    build_site(
        tmp_path / "again" / "content", again, SITEURL=SITEURL, DELETE_OUTPUT_DIRECTORY=False
    )
    fresh = tmp_path / "fresh"
    shutil.copytree(tmp_path / "again" / "content", fresh / "content")
    expected = build_site(fresh / "content", fresh / "output", SITEURL=SITEURL)
    after = {k: v for k, v in all_files(again).items() if k.startswith("pagefind/")}
    assert after == {k: v for k, v in all_files(expected).items() if k.startswith("pagefind/")}
    assert after != bundle
    unchanged = [p for p, t in before.items() if p.is_file() and p.stat().st_mtime_ns == t]
    assert again / "pagefind" / "pagefind-ui.js" in unchanged, "unchanged files are not rewritten"


def test_the_build_summary_line_gives_the_index_time_and_size(tmp_path: Path, capsys) -> None:
    build(tmp_path)
    (line,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("build: ")]
    assert re.search(
        r"; \d+ pages indexed for search in [\d.]+ s \([\d.]+ MB in \d+ files\); ", line
    )


def test_search_off_leaves_no_trace(tmp_path: Path) -> None:
    output = build(tmp_path, DIGEST_SEARCH=False)
    assert not (output / "search").exists() and not (output / "pagefind").exists()
    for name, data in all_files(output).items():
        if name.endswith(".html"):
            assert b"pagefind" not in data and b'action="' not in data, name


def test_a_bad_setting_stops_the_build_naming_it(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="DIGEST_SEARCH must be True or False"):
        build(tmp_path, DIGEST_SEARCH="yes")


def test_story_pages_are_indexed_with_their_sources_and_topics(tmp_path: Path) -> None:
    """A story of two articles gets a page, and Pagefind indexes it beside the articles."""
    names = sorted(p.name for p in (FIXTURES / "storysite").glob("*.txt"))
    content = tmp_path / "content"
    content.mkdir()
    for name in names:
        shutil.copyfile(FIXTURES / "storysite" / name, content / name)
    output = build_site(content, tmp_path / "output", SITEURL=SITEURL)
    story_pages = sorted((output / "stories").glob("*/index.html"))
    assert len(story_pages) == 1
    tree = lxml_html.fromstring(story_pages[0].read_bytes())
    bodies = tree.xpath("//*[@data-pagefind-body]")
    assert [b.get("class") for b in bodies] == ["prose story-page"]
    sources = bodies[0].xpath(".//*[@data-pagefind-filter='source']/text()")
    shown = tree.xpath("//section[@class='timeline']//span[@class='provider']//text()")
    assert len(sources) == 2 and set(sources) == {s.strip() for s in shown if s.strip()}
    assert bodies[0].xpath(".//*[@data-pagefind-filter='year']/text()")
    entry = (output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    counted = sum(int(n) for n in re.findall(r'"page_count":\s*(\d+)', entry))
    assert counted == len(article_pages(output)) + len(story_pages)
