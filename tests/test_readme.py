"""The README documents every DIGEST_* setting the plugins read, and the two commands."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

from sitebuild import FIXTURES, ROOT


def settings_read_by_plugins() -> set[str]:
    names = set()
    for path in (ROOT / "plugins").rglob("*.py"):
        names |= set(re.findall(r'"(DIGEST_[A-Z_]+)"', path.read_text()))
    return names


def settings_table_rows() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    return set(re.findall(r"^\| `(DIGEST_[A-Z_]+)` \|", readme, flags=re.MULTILINE))


def test_every_setting_is_in_the_readme_settings_table():
    assert settings_read_by_plugins() - settings_table_rows() == set()
    assert settings_table_rows() - settings_read_by_plugins() == set()


def test_the_readme_gives_the_two_commands_that_ci_runs():
    readme = (ROOT / "README.md").read_text()
    assert "make html" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_the_any_directory_command_works_from_another_directory(tmp_path):
    readme = (ROOT / "README.md").read_text()
    (line,) = [x for x in readme.splitlines() if x.startswith("/path/to/newsdigest/")]
    folder = tmp_path / "clips"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "clippings" / "front_matter_full.txt", folder / "one.txt")
    words = shlex.split(line.replace("/path/to/newsdigest", str(ROOT)))
    words = [{"SOME_FOLDER": str(folder), "OUT": str(tmp_path / "out")}.get(w, w) for w in words]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Its own cache folder, so the test leaves the checkout's cache/ alone.
    words += ["--cache-path", str(tmp_path / "cache")]
    result = subprocess.run(words, cwd=elsewhere, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "index.html").exists()
    assert list((tmp_path / "out").glob("*/index.html"))
