"""The speedups only make the build faster: without them the output is byte-identical."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pelican.settings import read_settings

from sitebuild import FIXED_MTIME, FIXTURES, ROOT, all_files

PLUGINS = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]


def pelican(content: Path, output: Path, plugins: list[str], cache: Path) -> dict[str, bytes]:
    """Build content as `make html` does (a fresh process, --fatal errors); return the files."""
    overrides = {"PLUGINS": plugins, "CACHE_PATH": str(cache), "DIGEST_WORKERS": 2}
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output)]
    command += ["-s", str(ROOT / "pelicanconf.py"), "--fatal", "errors", "-e"]
    command += [f"{key}={json.dumps(value)}" for key, value in overrides.items()]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True, timeout=600)
    return all_files(output)


def test_demo_and_bad_input_build_the_same_without_speedups(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for folder in ("bad", "hostile"):
        for path in sorted((FIXTURES / folder).glob("*.txt")):
            if path.is_file() and not path.is_symlink():
                shutil.copyfile(path, content / f"{folder}_{path.name}")
    for path in content.rglob("*"):
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    assert "speedups" in PLUGINS
    plain = [name for name in PLUGINS if name != "speedups"]

    fast = pelican(content, tmp_path / "fast", PLUGINS, tmp_path / "fast-cache")
    slow = pelican(content, tmp_path / "slow", plain, tmp_path / "slow-cache")

    assert len(fast) > 60 and "feeds/all.atom.xml" in fast and "sitemap.xml" in fast
    assert sorted(fast) == sorted(slow)
    assert [name for name in fast if fast[name] != slow[name]] == []
