"""Link, URL, wire, time and name evidence, and curator overrides, in the clusterer."""

from stories.cluster import ClusterSettings, cluster_stories
from stories.overrides import override_conflicts
from storyfactory import member, partition

A = "https://www.a.example/vw-microsoft"
B = "https://b.example/vw-azure"

VW = "Volkswagen will build its automated driving platform on Microsoft Azure, the carmaker said."
VW2 = "Microsoft's cloud will host the Volkswagen driving software, Car.Software executives said."


def test_same_normalised_source_url_is_one_story_even_without_text():
    members = [
        member("1.txt", "VW", day=0, url=A + "?utm_source=feed"),
        member("2.txt", "Other words", day=0.2, url="https://a.example/vw-microsoft/amp/"),
    ]
    assert partition(cluster_stories(members)) == {frozenset({"1.txt", "2.txt"})}


def test_a_related_link_tips_a_borderline_pair_but_never_joins_unrelated_text():
    one = member("1.txt", "Volkswagen and Microsoft partner", VW, day=0, url=A)
    two = member("2.txt", "Carmaker picks a cloud", VW2, day=1, url=B)
    linked = member("2.txt", "Carmaker picks a cloud", VW2, day=1, url=B, related=(A,))
    wrong = member("3.txt", "Bakery chain opens in Lyon", "Croissants and baguettes.", day=1,
                   url="https://c.example/bread", related=(A,))  # fmt: skip
    assert len(cluster_stories([one, two], ClusterSettings(threshold=0.4))) == 2
    assert len(cluster_stories([one, linked], ClusterSettings(threshold=0.4))) == 1
    assert frozenset({"3.txt"}) in partition(cluster_stories([one, wrong]))


def test_same_text_far_apart_in_time_stays_apart():
    first = member("1.txt", "Volkswagen and Microsoft partner", VW, day=0, url=A)
    later = member("2.txt", "Volkswagen and Microsoft partner", VW, day=40, url=B, related=(A,))
    assert len(cluster_stories([first, later])) == 2


def test_story_none_keeps_a_clipping_alone():
    members = [
        member("1.txt", "VW and Microsoft", VW, day=0, url=A),
        member("2.txt", "VW and Microsoft", VW, day=0.1, url=A + "/amp/", override="none"),
    ]
    assert partition(cluster_stories(members)) == {frozenset({"1.txt"}), frozenset({"2.txt"})}


def test_story_id_moves_a_clipping_into_that_story():
    base = [member("1.txt", "VW", VW, day=0, url=A), member("2.txt", "VW", VW, day=1, url=B)]
    (story,) = cluster_stories(base)
    stray = member("3.txt", "Unlinked", day=1, url="https://c.example/x", override=story.id)
    (joined,) = cluster_stories([*base, stray])
    assert joined.id == story.id and joined.members == ("1.txt", "2.txt", "3.txt")
    assert override_conflicts([*base, stray], [joined]) == []


def test_override_to_an_absorbed_id_follows_the_merge():
    one, two = member("1.txt", day=0, url=A), member("2.txt", day=1, url=B)
    before = cluster_stories([one, two])
    absorbed_id = next(s.id for s in before if s.members == ("2.txt",))
    bridge = member("3.txt", day=1, url=B + "/amp/", urls=(A + "?utm_medium=x", B + "/amp/"))
    (merged,) = cluster_stories([one, two, bridge], previous=before)
    assert merged.absorbed == (absorbed_id,)
    stray = member("4.txt", day=2, url="https://d.example/y", override=absorbed_id)
    stories = cluster_stories([one, two, bridge, stray], previous=before)
    assert partition(stories) == {frozenset({"1.txt", "2.txt", "3.txt", "4.txt"})}
    assert stories[0].id == merged.id


def test_conflicts_unknown_id_and_merge_across_months():
    base = [member("1.txt", day=0, url=A)]
    (story,) = cluster_stories(base)
    members = [
        *base,
        member("2.txt", day=1, override="s000000000000"),
        member("3.txt", day=75, override=story.id),
        member("4.txt", day=None, override=story.id),
        member("5.txt", day=3, override="none"),
    ]
    stories = cluster_stories(members)
    found = {c.key: str(c) for c in override_conflicts(members, stories)}
    assert set(found) == {"2.txt", "3.txt"}
    assert "names no story" in found["2.txt"] and "s000000000000" in found["2.txt"]
    assert "75 days" in found["3.txt"]
    # The unknown id leaves the clipping where clustering put it: alone.
    assert frozenset({"2.txt"}) in partition(stories)
    assert frozenset({"1.txt", "3.txt", "4.txt"}) in partition(stories)
