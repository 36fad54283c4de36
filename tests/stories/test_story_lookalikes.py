"""Look-alike clippings: one vocabulary, one headline pattern, different companies.

The benchmark corpus writes every headline as "<Company> <verb> <object>" and every body
from one small vocabulary, so two unrelated clippings share most of their words and only
the company's name tells them apart. Such clippings must stay apart, and a follow-up of
one of them ("Analysis: ...", "UPDATE 1-...", "... (Update 2)", Title Case) must join it.
"""

import random

import numpy as np

from benchmarks.eval_stories import assignment, bcubed, load_set
from stories.cluster import cluster_stories
from stories.names import Names
from storyfactory import member, partition

_WORDS = (
    "the group said its new service would let customers and suppliers plan orders faster "
    "while shared storage keeps records from thousands of shops analysts see margins "
    "improving as automation spreads across warehouses fuel and labour stay costly though "
    "lenders in Asia and Europe ask for clearer reporting on risks shareholders cheered "
    "the plan stock climbed at the open managers outlined a system linking stores trucks "
    "and buyers through a single network changes roll out in days instead of quarters"
)
VOCABULARY = _WORDS.split(" ")
COMPANIES = ("Quorvane", "Belmiro", "Tashkel", "Ovindra", "Pellucid", "Zarquon", "Mirtellis",
             "Hevanto", "Calvique", "Dunmarrow", "Estrilo", "Fanwick")  # fmt: skip
ACTIONS = ("expands delivery platform", "delays delivery platform", "tests payment app",
           "launches payment app", "invests in delivery platform", "scales back payment app")  # fmt: skip


def _body(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(4, 8)):
        words = rng.choices(VOCABULARY, k=rng.randint(8, 16))
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def _corpus():
    rng = random.Random(3)
    members, follow = [], {}
    for n, company in enumerate(COMPANIES):
        title = f"{company} {ACTIONS[n % len(ACTIONS)]}"
        day = 0.1 * n  # all in one busy week
        day_or_none = None if n % 5 == 4 else day  # some undated, as bare text is
        members.append(member(f"{n:02d}.txt", title, _body(rng), day=day_or_none))
        if n % 3 == 0:
            variant = (f"Analysis: {title}", f"UPDATE 1-{title}", f"{title} (Update 2)",
                       title.title())[n // 3 % 4]  # fmt: skip
            members.append(member(f"{n:02d}b.txt", variant, _body(rng), day=day + 0.5))
            follow[f"{n:02d}.txt"] = f"{n:02d}b.txt"
    return members, follow


def test_same_vocabulary_different_companies_stay_apart_and_follow_ups_join():
    members, follow = _corpus()
    expected = {
        frozenset({m.key, follow[m.key]} if m.key in follow else {m.key})
        for m in members
        if not m.key.endswith("b.txt")
    }
    assert partition(cluster_stories(members)) == expected


def test_a_headline_opening_with_a_company_names_it_and_desk_prefixes_are_not_names():
    members, _ = _corpus()
    names = Names(members)
    assert {"quorvane", "belmiro", "fanwick"} <= names.known
    assert not {"analysis", "update", "expands", "delays"} & names.known
    assert names.of("UPDATE 1-Quorvane expands delivery platform") == {"quorvane"}


def test_titles_whose_names_the_other_never_mentions_are_disjoint():
    members = [
        member("a.txt", "Quorvane tests payment app", "Lenders in Asia cheered."),
        member("b.txt", "Belmiro tests payment app", "Lenders in Asia cheered."),
        member("c.txt", "Why Quorvane tests a payment app", "Lenders cheered."),
        member("d.txt", "Payment apps get tested", "Lenders in Asia cheered."),
    ]
    disjoint = Names(members).disjoint(np.array([0, 0, 0]), np.array([1, 2, 3]))
    # a/b: two companies, neither mentioned by the other; a/c: the same company; a/d: d's
    # title has no name, so nothing contradicts.
    assert disjoint.tolist() == [True, False, False]


def test_benchmark_corpus_with_follow_ups_is_not_over_merged():
    members, gold, wires = load_set("synthetic")
    found = assignment(cluster_stories(members))
    precision, _, f1 = bcubed(found, gold)
    assert precision >= 0.95 and f1 >= 0.90
    assert all(len({found[key] for key in group}) == 1 for group in wires)


APART = [
    ("volvo-recall", "polestar-recall"),  # two recalls over software, one week
    ("lufthansa-order", "ryanair-order"),  # "X orders 20 jets", one week
    ("lufthansa-order", "a350f-delay"),  # one aircraft, two events
    ("nokia-telekom", "ericsson-vodafone"),  # two 5G radio contracts, one week
    ("baidu-ernie", "alibaba-tongyi"),  # two chatbot launches, one week
    ("nuance-deal", "nuance-closed"),  # a deal and, six weeks later, its completion
    ("toyota-halt", "honda-ohio"),  # two plant stoppages, one day
    ("korvane-model", "drelmic-model"),  # the benchmark corpus's pattern, one generic body
    ("korvane-model", "tessaly-model"),
    ("tessaly-model", "ombrix-assistant"),
]


def test_handwritten_look_alikes_stay_apart_and_the_set_meets_the_targets():
    members, gold, wires = load_set("handwritten")
    found = assignment(cluster_stories(members))
    for first, second in APART:
        one = {found[k] for k, label in gold.items() if label == first}
        other = {found[k] for k, label in gold.items() if label == second}
        assert one and other and not one & other, (first, second)
    assert all(len({found[key] for key in group}) == 1 for group in wires)
    precision, _, f1 = bcubed(found, gold)
    assert precision >= 0.95 and f1 >= 0.90


def test_a_name_in_many_clippings_does_not_make_two_companies_alike():
    companies = [f"Zed{a}{b}ar" for a in "bcdfghjklmnp" for b in "aeiou"]
    members = [
        member(f"{n:02d}.txt", f"{name} adds AI assistant", f"{name} said AI helps.", day=n / 10)
        for n, name in enumerate(companies)
    ]
    pair = np.array([0]), np.array([1])
    # In 60 clippings "AI" is common: the two companies share nothing else.
    assert Names(members).disjoint(*pair).tolist() == [True]
    # In 10 it is not, and they share it.
    assert Names(members[:10]).disjoint(*pair).tolist() == [False]
