"""Names and figures: the checks that tell two look-alike clippings apart.

Same-vocabulary stories ("Microsoft and VW" vs "Microsoft and Baidu") share most words;
what tells them apart is a name in each title that the other never mentions. A *name*
is a token that running text (not headlines, which capitalise every word) writes
capitalised and rarely in lower case: "Baidu" is one, "Partnership" is not (the first
word of a sentence-case headline counts like a sentence's first word: "Nokia cuts jobs"
names Nokia; desk prefixes such as "UPDATE 1-" and "Analysis:" are dropped first). Two
clippings *conflict* when each title has a name absent from the other's title and
opening: that pair's similarity is scaled down by ``ClusterSettings.name_conflict``; they
are *disjoint* when no name of either title is mentioned by the other at all (two
companies doing look-alike things), scaled down again by ``name_disjoint``; a name found
in many clippings ("AI", "China", more than 5% of them and more than 50) is left out of
that check, as it says little about which event a clipping covers.
Likewise two clippings that both cite figures (amounts, percentages, a quarter) but
share none differ (``ClusterSettings.figure_conflict``): two results of one company.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .model import Member

# Words, hyphenated words and "AT&T"; a possessive "'s" falls off as a token of its own, and
# so does a number before a hyphen ("UPDATE 1-Nokia", "5-year").
_TOKEN = re.compile(r"(?!\d+-)\w[\w&]*(?:-\w+)*")
_OPENING = 400
# Figures a report is about: amounts, percentages, quarters. Two reports of one event
# share at least one; two quarterly results of one company usually share none.
_FIGURE = re.compile(
    r"[$€£]\s?\d[\d,.]*\d?|\d[\d,.]*\s?(?:%|percent|per cent|billion|million|bn\b)"
    r"|\b(?:q[1-4]|h[12]|(?:first|second|third|fourth)[- ]quarter)\b",
    re.IGNORECASE,
)
_COMMON_SHARE, _COMMON_MIN = 0.05, 50  # a name in more clippings than both is common
_HEADLINE_WORDS = frozenset({"update", "analysis", "exclusive", "breaking", "live", "watch"})


_tokens = _TOKEN.findall
# Agency and desk prefixes that are not part of the headline ("UPDATE 2-", "Analysis:").
_PREFIX = re.compile(
    r"^\s*(?:(?:update|corrected|refile)\s*\d*\s*-|(?:analysis|exclusive|"
    r"breaking|update|opinion)\s*:)\s*",
    re.IGNORECASE,
)


def _headline(title: str) -> str:
    """Return a title without its agency or desk prefix."""
    return _PREFIX.sub("", title)


def _title_case(tokens: list[str]) -> bool:
    """Return whether a headline capitalises (nearly) every significant word."""
    words = [t for t in tokens if t[:1].isalpha() and t.lower() not in ENGLISH_STOP_WORDS]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _rows(*tables: list[frozenset[str]]) -> list[sparse.csr_matrix]:
    """Return binary matrices over one vocabulary: row n has a 1 for each item of table[n]."""
    vocabulary: dict[str, int] = {}
    built = []
    for sets in tables:
        indptr, indices = [0], []
        for items in sets:
            indices.extend(vocabulary.setdefault(item, len(vocabulary)) for item in sorted(items))
            indptr.append(len(indices))
        built.append((np.ones(len(indices), dtype=np.float32), indices, indptr))
    shape = (len(tables[0]), max(1, len(vocabulary)))
    return [sparse.csr_matrix(parts, shape=shape) for parts in built]


def _overlap(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


class Names:
    """The names and figures of every member, and the pair checks over them."""

    def __init__(self, members: Sequence[Member]) -> None:
        texts = [_tokens(m.text[:_OPENING]) for m in members]
        # What counts as a name is learnt from running text and sentence-case titles: a
        # title-case headline capitalises every word ("Ink", "Partnership").
        seen: Counter[str] = Counter()
        for tokens in texts:
            seen.update(tokens)
        for member in members:
            tokens = _tokens(_headline(member.title))
            if not _title_case(tokens):
                # Its first word counts as a sentence's first word does in running text:
                # a name unless the corpus also writes it in lower case.
                seen.update(tokens)
        lower: Counter[str] = Counter()
        upper: Counter[str] = Counter()
        for token, count in seen.items():
            (upper if token[:1].isupper() else lower)[token.lower()] += count
        self.known = frozenset(
            word
            for word, count in upper.items()
            if word not in ENGLISH_STOP_WORDS
            and word not in _HEADLINE_WORDS
            and lower[word] * 4 < count
            and not word.isdigit()
        )
        leading = [self.of(_headline(m.title)) for m in members]
        mentioned = [
            lead | self.known.intersection(token.lower() for token in tokens)
            for lead, tokens in zip(leading, texts, strict=True)
        ]
        # A name in many clippings ("AI", "China", a digest's own favourite company) says
        # little about which event a clipping is on: "disjoint" looks only at the others.
        df = Counter(name for names in mentioned for name in names)
        common = {
            name
            for name, count in df.items()
            if count > max(_COMMON_MIN, _COMMON_SHARE * len(members))
        }
        distinct = [lead - common for lead in leading]
        self._leads, self._mentioned, self._distinct = _rows(leading, mentioned, distinct)
        (self._figures,) = _rows([_figures(m.title + " " + m.text[:_OPENING]) for m in members])

    def of(self, text: str) -> frozenset[str]:
        """Return the names in a text (a name written in lower case still counts)."""
        return self.known.intersection(_tokens(text.lower()))

    def conflicts(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Return, per pair, whether each title has a name the other never mentions."""
        lead_i, lead_j = self._leads[i], self._leads[j]
        own_i = np.diff(lead_i.indptr) > _overlap(lead_i, self._mentioned[j])
        own_j = np.diff(lead_j.indptr) > _overlap(lead_j, self._mentioned[i])
        return own_i & own_j

    def disjoint(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Return, per pair, whether both titles have names and neither title's are mentioned
        by the other: nothing at all says the two are about the same people or companies."""
        lead_i, lead_j = self._distinct[i], self._distinct[j]
        named = (np.diff(lead_i.indptr) > 0) & (np.diff(lead_j.indptr) > 0)
        return (
            named
            & (_overlap(lead_i, self._mentioned[j]) == 0)
            & (_overlap(lead_j, self._mentioned[i]) == 0)
        )

    def figures_differ(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Return, per pair, whether both cite two figures or more and share none of them.

        One figure each is not enough: outlets round and convert ("$1.2 billion" and
        "1.1 billion euros" for one contract).
        """
        fig_i, fig_j = self._figures[i], self._figures[j]
        cited = (np.diff(fig_i.indptr) > 1) & (np.diff(fig_j.indptr) > 1)
        return cited & (_overlap(fig_i, fig_j) == 0)


_ORDINAL = {"first": "q1", "second": "q2", "third": "q3", "fourth": "q4"}


def _figures(text: str) -> frozenset[str]:
    """Return the figures of a text as bare numbers ("$4.2bn" -> "4.2") or quarters ("q2")."""
    found = set()
    for match in _FIGURE.findall(text):
        match = match.lower()
        number = re.search(r"\d[\d,]*(?:\.\d+)?", match)
        if number and not re.search(r"quarter|\bq\d|\bh\d", match):
            found.add(number.group().replace(",", "").removesuffix(".0"))
        else:
            word = match.split("-")[0].split()[0]
            found.add(_ORDINAL.get(word, word))
    return frozenset(found)
