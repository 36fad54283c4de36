"""Shared fixtures: real site builds from clipping folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import FIXTURES, build_site, copy_fixtures


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build every clipping fixture once per module; return the output folder."""
    base = tmp_path_factory.mktemp("fixture-site")
    names = sorted(p.name for p in (FIXTURES / "clippings").glob("*.txt"))
    content = copy_fixtures(names, base / "content")
    return build_site(content, base / "output")
