"""Helpers for the theme tests: build the demo digest, serve it, drive Chromium."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitebuild import ROOT, build_site
from sitecrawl import serve

PUBLISHED_AT = "https://example.org/newsdigest"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


def build_demo(output: Path, site_url: str = PUBLISHED_AT) -> Path:
    """Build the demo digest (content/) into output for site_url; return output."""
    return build_site(ROOT / "content", output, SITEURL=site_url)


@contextlib.contextmanager
def served_demo(folder: Path, prefix: str = "/newsdigest") -> Iterator[str]:
    """Serve the demo digest on 127.0.0.1 under prefix, built for that URL; yield it."""
    folder.mkdir(parents=True, exist_ok=True)
    with serve(folder, prefix=prefix) as base:
        build_demo(folder, base)
        yield base


def require_chromium() -> Path:
    """Return Debian's Chromium, failing (never skipping) the test when it is missing."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run tests/tools/install-test-deps.sh as root")
    return CHROMIUM


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Launch headless Chromium through Playwright; yield the browser."""
    from playwright.sync_api import sync_playwright

    executable = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def local_only(page, base_url: str) -> None:
    """Let the page fetch only from the served site: publishers' images are never loaded."""
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(base_url.split("/newsdigest")[0])
            else route.abort()
        ),
    )
