"""Shared fixtures: real site builds from clipping folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitebuild import FIXTURES, build_site

FIXED_MTIME = 1_613_000_000  # 2021-02-10: bare-text dates come from mtimes outside git


def copy_fixtures(names: list[str], target: Path) -> Path:
    """Copy the named clipping fixtures into target with a fixed mtime."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        destination = target / name
        shutil.copyfile(FIXTURES / "clippings" / name, destination)
        os.utime(destination, (FIXED_MTIME, FIXED_MTIME))
    return target


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build every clipping fixture once per module; return the output folder."""
    base = tmp_path_factory.mktemp("fixture-site")
    names = sorted(p.name for p in (FIXTURES / "clippings").glob("*.txt"))
    content = copy_fixtures(names, base / "content")
    return build_site(content, base / "output")
