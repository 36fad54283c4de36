"""Build real sites from clipping folders into temporary directories, for tests."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXED_MTIME = 1_613_000_000  # 2021-02-10: bare-text dates come from mtimes outside git


def copy_fixtures(names: list[str], target: Path) -> Path:
    """Copy the named clipping fixtures into target with a fixed mtime."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        destination = target / name
        shutil.copyfile(FIXTURES / "clippings" / name, destination)
        os.utime(destination, (FIXED_MTIME, FIXED_MTIME))
    return target


def build_site(
    content: Path, output: Path, settings_file: str = "pelicanconf.py", **overrides: Any
) -> Path:
    """Build content into output with the project's settings; return output."""
    settings = read_settings(
        str(ROOT / settings_file),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
            "LOAD_CONTENT_CACHE": False,
            **overrides,
        },
    )
    logging.getLogger("pelican").setLevel(logging.INFO)
    Pelican(settings).run()
    return output


def page(output: Path, url_path: str):
    """Return the parsed HTML of the page at url_path ("/" or "/slug/")."""
    target = (
        output / url_path.strip("/") / "index.html"
        if not url_path.endswith(".html")
        else output / url_path.lstrip("/")
    )
    return lxml_html.fromstring(target.read_bytes())


def all_files(output: Path) -> dict[str, bytes]:
    """Return {relative path: bytes} for every file under output."""
    return {
        str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()
    }


def article_pages(output: Path) -> dict[str, Any]:
    """Return {url path: parsed page} for every article page (pages with h1 in article.clipping)."""
    found = {}
    for path in sorted(output.rglob("index.html")):
        tree = lxml_html.fromstring(path.read_bytes())
        if tree.xpath("//article[contains(@class, 'clipping')]"):
            found["/" + str(path.parent.relative_to(output)) + "/"] = tree
    return found


def newest_first_exact_first(times) -> bool:
    """Tell whether <time> elements run newest first, guessed ("about …") after exact."""
    stamps = [t.get("datetime") for t in times]
    guessed = [t.text_content().strip().startswith("about") for t in times]
    exact = [s for s, g in zip(stamps, guessed, strict=True) if not g]
    rest = [s for s, g in zip(stamps, guessed, strict=True) if g]
    return stamps == sorted(exact, reverse=True) + sorted(rest, reverse=True)


def assert_golden(built: bytes, golden: Path) -> None:
    """Check built against the golden file; with UPDATE_GOLDEN=1 (make golden) rewrite it."""
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(built)
    assert golden.exists(), f"{golden} missing: run make golden"
    assert built == golden.read_bytes(), f"{golden} differs: run make golden and review the diff"
