"""Stable story ids: rebuild, a new member, a title edit, a merge, a split."""

import dataclasses
import random

from stories.cluster import cluster_stories
from stories.ids import story_id
from storyfactory import member, partition

A = "https://a.example/vw-microsoft"
B = "https://b.example/vw-azure"
C = "https://c.example/volkswagen-cloud"


VW = "Volkswagen will build its automated driving platform on Microsoft Azure, the carmaker said."


def _vw(day_shift=0.0):
    return [
        member("vw/a.txt", "VW and Microsoft team up", VW, day=0 + day_shift, url=A),
        member("vw/b.txt", "Volkswagen picks Azure", VW, day=1 + day_shift, url=B, related=(A,)),
    ]


def test_id_is_derived_from_the_earliest_member_key():
    (story,) = cluster_stories(_vw())
    assert story.members == ("vw/a.txt", "vw/b.txt")
    assert story.id == story_id(member("vw/a.txt"))
    assert story.id.startswith("s") and len(story.id) == 13


def test_rebuild_and_input_order_keep_ids():
    members = [*_vw(), member("other.txt", "Chip plant opens", day=3, url=C)]
    first = cluster_stories(members)
    for seed in range(5):
        shuffled = members[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_stories(shuffled) == first
    assert cluster_stories(members, previous=first) == first


def test_title_edit_keeps_the_id():
    before = cluster_stories(_vw())
    edited = [dataclasses.replace(m, title=m.title + " (updated)") for m in _vw()]
    assert [s.id for s in cluster_stories(edited)] == [s.id for s in before]


def test_a_new_member_joining_keeps_the_id_even_when_earlier():
    before = cluster_stories(_vw())
    later = member("vw/c.txt", "Later take", VW, day=2, url=C, related=(B,))
    earlier = member("vw/0.txt", "Scoop", VW, day=-1, url="https://z.example/scoop", related=(A,))
    (after,) = cluster_stories([*_vw(), later], previous=before)
    assert after.id == before[0].id and after.size == 3
    (after,) = cluster_stories([*_vw(), later, earlier], previous=before)
    assert after.id == before[0].id and after.members[0] == "vw/0.txt"
    # Without the previous build, the earliest member names the story.
    (fresh,) = cluster_stories([*_vw(), later, earlier])
    assert fresh.id == story_id(earlier)


def test_merge_lists_the_absorbed_id_and_carries_older_absorptions():
    one = [member("vw/a.txt", "VW and Microsoft", day=0, url=A)]
    two = [member("vw/b.txt", "Volkswagen picks Azure", day=1, url=B)]
    before = cluster_stories(one + two)
    assert len(before) == 2
    ids = {s.members[0]: s.id for s in before}
    bridge = member("vw/c.txt", "Both", day=1.5, url=C, urls=(C, A + "/amp/", B + "?utm_source=x"))
    (merged,) = cluster_stories(one + two + [bridge], previous=before)
    assert merged.id == ids["vw/a.txt"]
    assert merged.absorbed == (ids["vw/b.txt"],)
    # A later rebuild keeps the redirect.
    (again,) = cluster_stories(one + two + [bridge], previous=[merged])
    assert again.absorbed == (ids["vw/b.txt"],) and again.id == merged.id


def test_split_keeps_the_id_with_the_earliest_remaining_member():
    before = cluster_stories(_vw())
    apart = [member("vw/a.txt", day=0, url=A), member("vw/b.txt", day=1, url=B)]
    after = cluster_stories(apart, previous=before)
    ids = {s.members[0]: s.id for s in after}
    assert ids["vw/a.txt"] == before[0].id
    assert ids["vw/b.txt"] == story_id(apart[1])
    assert partition(after) == {frozenset({"vw/a.txt"}), frozenset({"vw/b.txt"})}


def test_undated_members_come_last_in_a_story():
    members = [
        member("a.txt", day=None, url=A),
        member("b.txt", day=5, url=A + "/amp/"),
    ]
    (story,) = cluster_stories(members)
    assert story.members == ("b.txt", "a.txt")
    assert story.id == story_id(members[1])
