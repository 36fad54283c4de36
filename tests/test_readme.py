"""The README documents every DIGEST_* setting the plugins read, and the two commands."""

from __future__ import annotations

import re

from sitebuild import ROOT


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
