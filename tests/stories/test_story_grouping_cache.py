"""group_stories keeps its last result in the cache folder and reuses it only for the same input."""

import dataclasses

import pytest

from stories import grouping
from stories.grouping import CACHE_NAME, group_stories
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
    assert again == first
    assert partition(first) == {frozenset({"a.txt", "b.txt"}), frozenset({"c.txt"})}
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
    stories = group_stories(_members(), SETTINGS, cache=tmp_path)
    assert len(counted) == 1 and len(stories) == 2
    assert group_stories(_members(), SETTINGS, cache=tmp_path) == stories
    assert len(counted) == 1
