"""Real Chromium walks the demo digest, with and without JavaScript, at two widths."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from themesite import ARTIFACTS, chromium, local_only, served_demo

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Serve the demo digest under /newsdigest; yield (base URL, output folder)."""
    output = tmp_path_factory.mktemp("browser") / "output"
    with served_demo(output) as base:
        yield base, output


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium for every check of this module."""
    with chromium() as launched:
        yield launched


def every_page(output: Path, base: str) -> list[str]:
    """Return the URL of every HTML page of the built site."""
    urls = []
    for path in sorted(output.rglob("*.html")):
        relative = path.relative_to(output).as_posix()
        urls.append(f"{base}/{relative.removesuffix('index.html')}")
    return urls


def story_path(output: Path) -> str:
    """Return the path of the demo's first story page (a story of two clippings or more)."""
    stories = json.loads((output / "stories.json").read_bytes())["stories"]
    found = next(s for s in stories if len(s["clippings"]) > 1)
    return f"/stories/{found['id']}/"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_walk_home_topic_article_source(site, browser, javascript: bool) -> None:
    base, _ = site
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
    page = context.new_page()
    local_only(page, base)
    try:
        assert page.goto(base + "/").status == 200
        assert page.locator("h2", has_text="Top stories").is_visible()
        page.get_by_role("navigation", name="Site").get_by_role("link", name="Topics").click()
        assert page.url == f"{base}/topics/" and page.locator("h1").inner_text() == "Topics"
        topic = page.locator("ol.index a").first
        name = topic.inner_text()
        topic.click()
        assert page.url.startswith(f"{base}/topics/") and page.url != f"{base}/topics/"
        assert page.locator("h1").inner_text() == f"Topic: {name}"
        headline = page.locator("article.story h3 a").first
        title = headline.inner_text()
        headline.click()
        assert page.locator("article.clipping h1").inner_text() == title
        assert name in page.locator("article.clipping .topics").inner_text()
        source = page.locator("p.source a")
        assert source.inner_text().startswith("Read at ")
        # The publisher's site is outside the test: check the link, never fetch it.
        href = source.get_attribute("href")
        assert href.startswith("https://") and not href.startswith(base)
    finally:
        context.close()


@pytest.mark.parametrize(("label", "viewport"), [("desktop", DESKTOP), ("mobile", MOBILE)])
def test_screenshots(site, browser, label: str, viewport: dict) -> None:
    base, output = site
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    local_only(page, base)
    try:
        for name, path in (
            ("home", "/"),
            (
                "article",
                "/volkswagen-taps-microsoft-azure-to-build-a-cloud-based-automated-driving/",
            ),
            ("story", story_path(output)),
        ):
            page.goto(base + path)
            target = ARTIFACTS / f"{name}-{label}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_walk_from_a_story_line_to_the_story_and_a_member(site, browser, javascript: bool) -> None:
    base, output = site
    context = browser.new_context(viewport=MOBILE, java_script_enabled=javascript)
    page = context.new_page()
    local_only(page, base)
    try:
        page.goto(base + "/")
        page.locator("p.more a[title='Every source of this story']").first.click()
        assert page.url == base + story_path(output)
        assert page.locator("h1").inner_text()
        steps = page.locator("section.timeline li")
        assert steps.count() >= 2 and steps.first.locator(".when").inner_text() == "First"
        member = steps.nth(1).locator("h3 a")
        title = member.inner_text()
        member.click()
        assert page.locator("article.clipping h1").inner_text() == title
        assert page.locator("p.part-of a").get_attribute("href") == base + story_path(output)
    finally:
        context.close()


def test_no_page_scrolls_sideways_at_390_px(site, browser) -> None:
    base, output = site
    context = browser.new_context(viewport=MOBILE)
    page = context.new_page()
    local_only(page, base)
    wide = []
    urls = every_page(output, base)
    assert len(urls) > 30
    try:
        for url in urls:
            page.goto(url)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                wide.append(f"{url} is {overflow}px too wide")
    finally:
        context.close()
    assert wide == []


def test_dark_scheme_changes_the_colours(site, browser) -> None:
    base, _ = site
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, java_script_enabled=True)
        page = context.new_page()
        local_only(page, base)
        page.goto(base + "/")
        colours[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        context.close()
    assert colours["light"] == "rgb(255, 255, 255)" and colours["dark"] != colours["light"]


def test_print_hides_navigation_and_shows_the_source_address(site, browser) -> None:
    base, _ = site
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    local_only(page, base)
    try:
        page.goto(
            base + "/volkswagen-taps-microsoft-azure-to-build-a-cloud-based-automated-driving/"
        )
        page.emulate_media(media="print")
        assert page.locator(".site-header nav").is_hidden()
        assert page.locator(".site-footer").is_hidden()
        after = page.evaluate(
            "getComputedStyle(document.querySelector('.source a'), '::after').content"
        )
        assert "geekwire.com" in after
    finally:
        context.close()
