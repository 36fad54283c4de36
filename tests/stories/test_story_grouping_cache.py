"""group_stories keeps its last result in the cache folder and reuses it only for the same input."""

import dataclasses
import json
import re
import shutil

import pytest

from benchmarks.eval_stories import load_set
from sitebuild import ROOT, all_files, build_site
from stories import grouping
from stories.cluster import cluster_stories
from stories.grouping import CACHE_NAME, as_indexed, group_stories
from stories.settings import StorySettings
from storyfactory import member, partition

SETTINGS = StorySettings.from_settings({})
VW = "Volkswagen will build its automated driving platform on Microsoft Azure, the carmaker said."


def _members():
    return [
        member("a.txt", "VW and Microsoft team up on self-driving cloud", VW, day=0),
        member("b.txt", "Volkswagen picks Microsoft Azure for automated driving", VW, day=1),
        member("c.txt", "Nokia wins a 5G radio contract in Finland", "Nokia radios, Elisa.", day=0),
    ]


@pytest.fixture
def counted(monkeypatch):
    """Count how often the clusterer itself runs."""
    calls = []
    real = grouping._cluster

    def cluster(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(grouping, "_cluster", cluster)
    return calls


def test_the_same_input_is_clustered_once(tmp_path, counted) -> None:
    first = group_stories(_members(), SETTINGS, cache=tmp_path)
    again = group_stories(list(reversed(_members())), SETTINGS, cache=tmp_path)
    assert len(counted) == 1, "a rebuild with the same clippings reuses the stories"
    assert (first.how, again.how) == ("clustered", "reused")
    assert again.stories == first.stories
    assert again.summary() == "3 clippings in 2 stories (the last build's clustering reused)"
    assert first.summary().startswith("3 clippings in 2 stories (clustered in ")
    assert partition(first.stories) == {frozenset({"a.txt", "b.txt"}), frozenset({"c.txt"})}
    assert (tmp_path / CACHE_NAME).is_file()


def test_a_changed_clipping_or_setting_clusters_again(tmp_path, counted) -> None:
    group_stories(_members(), SETTINGS, cache=tmp_path)
    edited = _members()
    edited[2] = dataclasses.replace(edited[2], title="Nokia wins a 5G contract (revised)")
    group_stories(edited, SETTINGS, cache=tmp_path)
    group_stories(edited, dataclasses.replace(SETTINGS, link_days=3.0), cache=tmp_path)
    group_stories(edited, SETTINGS, cache=tmp_path, reuse=False)  # --ignore-cache
    assert len(counted) == 4


def test_a_damaged_cache_file_is_clustered_again_and_replaced(tmp_path, counted) -> None:
    (tmp_path / CACHE_NAME).write_bytes(b"not a pickle")
    stories = group_stories(_members(), SETTINGS, cache=tmp_path).stories
    assert len(counted) == 1 and len(stories) == 2
    assert group_stories(_members(), SETTINGS, cache=tmp_path).stories == stories
    assert len(counted) == 1


def test_the_build_summary_says_how_the_stories_were_made(tmp_path, capsys) -> None:
    """The demo built twice: clustered, then the cached result reused; counts match stories.json."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)

    def summary(**overrides) -> str:
        build_site(content, tmp_path / "output", **overrides)
        lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("build: ")]
        assert len(lines) == 1, lines
        return lines[0]

    first = summary()
    index = json.loads((tmp_path / "output" / "stories.json").read_bytes())["stories"]
    clippings = sum(len(story["clippings"]) for story in index)
    assert len(index) < clippings, "the demo has stories of several clippings"
    found = re.search(r"; (\d+) clippings in (\d+) stories \(clustered in [\d.]+ s\);", first)
    assert found, first
    assert (int(found[1]), int(found[2])) == (clippings, len(index))
    again = summary(LOAD_CONTENT_CACHE=True)
    assert f"; {clippings} clippings in {len(index)} stories (the last build's" in again, again
    reused = all_files(tmp_path / "output")
    assert "clustered in" in summary(), "LOAD_CONTENT_CACHE=False (--ignore-cache) clusters"
    assert all_files(tmp_path / "output") == reused, "the reused stories are what clustering gives"
    off = summary(DIGEST_STORY_CLUSTER=False)
    assert f"; {clippings} clippings in {clippings} stories (clustering off);" in off, off


@pytest.mark.parametrize("name", ["eval", "handwritten"])
def test_clustering_again_with_its_own_result_as_the_previous_stories_changes_nothing(name):
    """Why the cache may keep a result under the next build's key (see grouping's docstring)."""
    members = [m for m in load_set(name)[0] if not m.override]
    first = cluster_stories(members)
    assert any(story.size > 1 for story in first)
    assert cluster_stories(members, previous=as_indexed(first)) == first
