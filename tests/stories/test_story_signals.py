"""Single signals of the clusterer, each on a few hand-written clippings."""

import numpy as np

from stories.cluster import cluster_stories
from stories.names import Names
from stories.text import pair_cosines, singular, vectorise
from stories.wire import wire_pairs
from storyfactory import member, partition

WIRE = (
    "FRANKFURT (Reuters) - Siemens said on Tuesday it would buy software maker Quillon for "
    "4.1 billion euros in cash, its biggest deal in three years, as it pushes deeper into "
    "industrial software. The offer is a 29% premium to Quillon's closing price on Monday."
)
REWRITE = (
    "German industrial group Siemens is paying 4.1 billion euros for Quillon, betting that "
    "factory software will keep growing. Quillon shareholders get a 29% premium."
)
FILLER = [
    member(f"f{n}.txt", f"Unrelated item {n}", f"Weather in city {n} was mild and sunny.", day=n)
    for n in range(6)
]


def test_wire_copies_under_different_headlines_form_a_wire_group():
    members = [
        member("a.txt", "Siemens to buy Quillon for 4.1 billion euros", WIRE, day=0),
        member("b.txt", "Siemens bets on software with Quillon deal", WIRE[:-40], day=0.3),
        member("c.txt", "Why Siemens wants Quillon", REWRITE, day=0.5),
    ]
    (story,) = [s for s in cluster_stories(members + FILLER) if "a.txt" in s.members]
    assert set(story.members) == {"a.txt", "b.txt", "c.txt"}
    assert story.wire_groups == (("a.txt", "b.txt"),)


def test_one_template_with_other_names_is_not_a_wire_copy():
    other = WIRE.replace("Siemens", "Philips").replace("Quillon", "Marrow")
    members = [member("a.txt", "A", WIRE), member("b.txt", "B", other)]
    assert wire_pairs(members, [(0, 1)], 0.9, Names(members)) == []
    assert wire_pairs(members[:1] * 2, [(0, 1)], 0.9, Names(members[:1] * 2)) == [(0, 1)]


def test_names_conflict_only_when_each_title_has_a_name_the_other_lacks():
    text = "The carmaker said the cloud platform would speed up automated driving."
    members = [
        member("vw.txt", "Volkswagen picks Microsoft cloud", "Volkswagen and Microsoft. " + text),
        member("baidu.txt", "Baidu picks Microsoft cloud", "Baidu and Microsoft. " + text),
        member("ms.txt", "Microsoft wins a carmaker", "Volkswagen and Microsoft. " + text),
    ]
    names = Names(members)
    conflict = names.conflicts(np.array([0, 0, 1]), np.array([1, 2, 2]))
    # vw/baidu: each title names a company the other never mentions. ms/baidu: the
    # "Microsoft wins a carmaker" title names only Microsoft, which both mention.
    assert conflict.tolist() == [True, False, False]


def test_figures_tell_two_results_of_one_company_apart():
    members = [
        member(
            "q1.txt", "Cisco results", "Cisco revenue rose 4% to $18 billion in the first quarter."
        ),
        member(
            "q2.txt",
            "Cisco results",
            "Cisco revenue rose 16% to $15.5 billion in the second quarter.",
        ),
        member("q2b.txt", "Cisco beats", "Second-quarter sales of $15.5bn beat forecasts."),
    ]
    names = Names(members)
    assert names.figures_differ(np.array([0, 1]), np.array([1, 2])).tolist() == [True, False]


def test_an_undated_clipping_cannot_bridge_stories_months_apart():
    text = "Volkswagen and Microsoft will build an automated driving platform on Azure."
    members = [
        member("feb.txt", "VW and Microsoft partner on driving", text, day=0),
        member("apr.txt", "VW and Microsoft partner on driving", text, day=60),
        member("undated.txt", "VW and Microsoft partner on driving", text, day=None),
    ]
    found = partition(cluster_stories(members))
    assert not any({"feb.txt", "apr.txt"} <= story for story in found)
    assert len(found) == 2


def test_plurals_count_as_their_singular():
    assert [singular(w) for w in ("jets", "a350s", "companies", "bus", "class", "news")] == [
        "jet",
        "a350",
        "company",
        "bus",
        "class",
        "new",
    ]
    members = [
        member("a.txt", "Lufthansa orders Airbus A350 jet", "The airline ordered one jet."),
        member("b.txt", "Lufthansa orders Airbus A350s jets", "The airline ordered two jets."),
        member("c.txt", "Bakery chain opens stores", "Croissants and baguettes."),
    ]
    vectors = vectorise(members, 1000)
    cosine = pair_cosines(vectors, np.array([0, 0]), np.array([1, 2]))
    assert cosine[0] > 0.99 and cosine[1] == 0
