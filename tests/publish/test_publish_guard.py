"""make publish refuses to build without SITEURL and warns about the placeholder tag authority."""

from __future__ import annotations

import os
import subprocess

import pytest
from common.settings import SettingsError
from publish.guard import PLACEHOLDER_TAG_AUTHORITY, publish_problems

from sitebuild import ROOT


def publish(tmp_path, siteurl: str | None) -> subprocess.CompletedProcess:
    """Run `make publish` into tmp_path, with or without SITEURL in the environment."""
    env = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    if siteurl is not None:
        env["SITEURL"] = siteurl
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "publish",
            f"OUTPUTDIR={tmp_path / 'out'}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_publish_without_siteurl_refuses_and_says_how_to_set_it(tmp_path):
    result = publish(tmp_path, None)
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "SITEURL is not set" in said
    assert "SITEURL=https://USER.github.io/REPO make publish" in " ".join(said.split())
    assert not (tmp_path / "out" / "index.html").exists()


def test_the_guard_only_speaks_for_publish_builds():
    assert publish_problems({"SITEURL": ""}) == ([], [])
    errors, warnings = publish_problems({"DIGEST_PUBLISH": True, "SITEURL": "/"})
    assert len(errors) == 1 and "SITEURL is '/'" in errors[0]
    assert "DIGEST_FEED_TAG_AUTHORITY" in warnings[0] and PLACEHOLDER_TAG_AUTHORITY in warnings[0]
    errors, warnings = publish_problems(
        {
            "DIGEST_PUBLISH": True,
            "SITEURL": "https://news.example.org",
            "DIGEST_FEED_TAG_AUTHORITY": "news.example.org,2026",
        }
    )
    assert (errors, warnings) == ([], [])


def test_digest_publish_must_be_true_or_false():
    with pytest.raises(SettingsError, match="publish: DIGEST_PUBLISH must be True or False"):
        publish_problems({"DIGEST_PUBLISH": "yes"})
