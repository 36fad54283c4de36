"""A small golden site: the demo's home, one topic and one source page, byte for byte.

A template or ranking change shows up here as a reviewable diff of
tests/golden/site/. Rewrite the golden files with ``make golden`` (which sets
UPDATE_GOLDEN=1) and commit them with the change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import ROOT, assert_golden, build_site

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "site"
PAGES = ("index.html", "topics/ai-in-autos/index.html", "providers/reuters/index.html")


@pytest.fixture(scope="module")
def demo_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the demo digest once for this module."""
    return build_site(ROOT / "content", tmp_path_factory.mktemp("golden") / "output")


def normalised(data: bytes) -> bytes:
    """Return page bytes without trailing spaces, so the golden diff is only real changes."""
    return b"\n".join(line.rstrip() for line in data.splitlines()) + b"\n"


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_the_golden_copy(demo_output, page):
    assert_golden(normalised((demo_output / page).read_bytes()), GOLDEN / page)
