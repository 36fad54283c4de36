"""axe-core finds no violation on the main pages, light and dark, at 390 and 1280 px."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator

import pytest

from sitebuild import ROOT
from themesite import chromium, local_only, served_demo

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "/",
    "article": "/volkswagen-taps-microsoft-azure-to-build-a-cloud-based-automated-driving/",
    "topic": "/topics/ai-in-autos/",
    "provider": "/providers/cnbc/",
    "archives": "/archives/",
    "editions": "/editions/",
    "edition": "/editions/2021-W06/",
    "edition email": "/editions/2021-W06/email.html",
    "not found": "/no-such-page/",
}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the demo digest under /newsdigest for this module."""
    with served_demo(tmp_path_factory.mktemp("axe") / "output") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium for every check of this module."""
    with chromium() as launched:
        yield launched


def story_path(site: str) -> str:
    """Return the path of the served demo's first story page (two clippings or more)."""
    with urllib.request.urlopen(site + "/stories.json") as response:
        stories = json.load(response)["stories"]
    return next(s["url"] for s in stories if len(s["clippings"]) > 1).removeprefix(site)


def axe_source() -> str:
    """Return axe.min.js, failing when npm has not installed it."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run tests/tools/install-test-deps.sh (npm ci)")
    return AXE.read_text(encoding="utf-8")


def describe(name: str, violations: list[dict]) -> list[str]:
    """Return one line per violating element: page, rule, impact, selector."""
    return [
        f"{name}: {v['id']} ({v['impact']}) {node['target']} {node.get('failureSummary', '')}"
        for v in violations
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_violations(site: str, browser, scheme: str, width: int) -> None:
    source = axe_source()
    # The pages forbid inline script by CSP; the test's own injected axe is exempt.
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    local_only(page, site)
    problems: list[str] = []
    try:
        for name, path in {**PAGES, "story": story_path(site)}.items():
            page.goto(site + path)
            assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (
                scheme == "dark"
            )
            page.add_script_tag(content=source)
            result = page.evaluate("async () => await axe.run(document)")
            problems += describe(name, result["violations"])
            assert result["passes"], name
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def test_axe_reports_a_planted_violation(site: str, browser) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    local_only(page, site)
    try:
        page.goto(site + "/")
        page.evaluate("document.querySelector('main').append(document.createElement('img'))")
        page.add_script_tag(content=axe_source())
        result = page.evaluate("async () => await axe.run(document)")
    finally:
        context.close()
    assert "image-alt" in {v["id"] for v in result["violations"]}
