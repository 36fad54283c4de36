"""An edition's email.html in real Chromium at 600 px, light and dark: it looks like the site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from themesite import ARTIFACTS, chromium, local_only, served_demo

pytestmark = pytest.mark.browser

EMAIL = "/editions/2021-W06/email.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the demo digest under /newsdigest; yield its base URL."""
    with served_demo(tmp_path_factory.mktemp("email") / "output") as base:
        yield base


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_email_at_600_px_follows_the_colour_scheme(site, scheme: str) -> None:
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 600, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        local_only(page, site)
        try:
            assert page.goto(site + EMAIL).status == 200
            ARTIFACTS.mkdir(exist_ok=True)
            target = ARTIFACTS / f"edition-email-{scheme}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            heading = page.locator("h1").inner_text()
            box = page.locator("main").bounding_box()
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
        finally:
            context.close()
    assert heading.startswith("Edition ") and "8–14 Feb 2021" in heading
    expected = "rgb(21, 23, 26)" if scheme == "dark" else "rgb(243, 245, 247)"
    assert background == expected
    assert box["width"] <= 600 and overflow == 0
