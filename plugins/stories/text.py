"""Text similarity for clustering: TF-IDF vectors and time-blocked candidate pairs.

No all-pairs comparison: dated clippings are compared only with clippings dated within
``window`` days (buckets of that width, each against itself and the next one), keeping
each clipping's ``top_k`` most similar; undated clippings, which can be compared with
anything, meet only clippings sharing one of their rare terms (a term in at most
``rare_df`` clippings), so a common word never fans out into a quadratic block.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from .model import Member


def documents(members: Sequence[Member], text_chars: int) -> list[str]:
    """Return the text each member is vectorised from: title twice, then its text."""
    return [f"{m.title}. {m.title}. {m.text[:text_chars]}" for m in members]


def vectorise(
    members: Sequence[Member], text_chars: int, idf_floor: float = 1.0
) -> sparse.csr_matrix:
    """Return L2-normalised TF-IDF rows, one per member, in the members' order.

    Plurals count as their singular (:func:`singular`): "A350s" and "A350", "jets" and
    "jet" are one term. scikit-learn's idf is ``ln((1 + n) / (1 + df)) + 1``; ``idf_floor``
    replaces that ``+ 1`` (below 1, words found in most clippings weigh less).
    """
    counter = CountVectorizer(
        strip_accents="unicode",
        stop_words="english",
        dtype=np.float32,
        token_pattern=r"(?u)\b\w\w+\b",
    )
    try:
        counts = counter.fit_transform(documents(members, text_chars))
    except ValueError:  # no token at all (empty texts)
        return sparse.csr_matrix((len(members), 1), dtype=np.float32)
    counts = counts @ _singulars(counter.get_feature_names_out())
    weigher = TfidfTransformer(sublinear_tf=True).fit(counts)
    weigher.idf_ = (weigher.idf_ - 1.0 + idf_floor).astype(np.float32)
    return weigher.transform(counts).astype(np.float32).tocsr()


def singular(word: str) -> str:
    """Return a word's singular by Harman's S-stemmer (1991): "ies" -> "y", "s" -> ""."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("us", "ss")):
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    return word[:-1]


def _singulars(vocabulary: np.ndarray) -> sparse.csr_matrix:
    """Return the 0/1 matrix that adds each term's counts into its singular's column."""
    columns: dict[str, int] = {}
    target = [columns.setdefault(singular(word), len(columns)) for word in vocabulary]
    ones = np.ones(len(target), dtype=np.float32)
    rows = np.arange(len(target))
    return sparse.csr_matrix((ones, (rows, target)), shape=(len(target), len(columns)))


def _top_pairs(
    rows: np.ndarray, cols: np.ndarray, sims: sparse.csr_matrix, floor: float, top_k: int
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Return (i, j, sim) arrays of each row's top_k entries at or above floor."""
    sims = sims.tocsr()
    sims.data[sims.data < floor] = 0
    sims.eliminate_zeros()
    out_i, out_j, out_s = [], [], []
    indptr, indices, data = sims.indptr, sims.indices, sims.data
    for r in range(sims.shape[0]):
        lo, hi = indptr[r], indptr[r + 1]
        if lo == hi:
            continue
        seg_j, seg_s = indices[lo:hi], data[lo:hi]
        if hi - lo > top_k:
            # Ties broken by column (member order) so the result never depends on the input.
            order = np.lexsort((seg_j, -seg_s))[:top_k]
            seg_j, seg_s = seg_j[order], seg_s[order]
        out_i.append(np.full(len(seg_j), rows[r]))
        out_j.append(cols[seg_j])
        out_s.append(seg_s)
    return [(np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_s))] if out_i else []


def candidate_pairs(
    vectors: sparse.csr_matrix,
    times: np.ndarray,
    window_days: float,
    floor: float,
    top_k: int,
    rare_df: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return arrays (i, j, cosine), i < j, sorted, of the candidate pairs (see the module doc)."""
    found = _dated_pairs(vectors, times, window_days, floor, top_k)
    found += _undated_pairs(vectors, times, floor, top_k, rare_df)
    empty = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, np.float32)
    if not found:
        return empty
    ii, jj, ss = (np.concatenate(parts) for parts in zip(*found, strict=True))
    keep = ii != jj
    ii, jj, ss = ii[keep], jj[keep], ss[keep]
    if not len(ii):
        return empty
    low, high = np.minimum(ii, jj).astype(np.int64), np.maximum(ii, jj).astype(np.int64)
    code = low * vectors.shape[0] + high
    order = np.lexsort((-ss, code))
    code, ss = code[order], ss[order]
    first = np.r_[True, code[1:] != code[:-1]]
    code, ss = code[first], ss[first]
    return code // vectors.shape[0], code % vectors.shape[0], ss


def _dated_pairs(vectors, times, window_days, floor, top_k):
    dated = np.flatnonzero(~np.isnan(times))
    if not len(dated):
        return []
    width = window_days * 86400.0
    buckets = np.floor(times[dated] / width).astype(np.int64)
    order = np.lexsort((dated, buckets))
    dated, buckets = dated[order], buckets[order]
    starts = np.flatnonzero(np.r_[True, buckets[1:] != buckets[:-1]])
    ends = np.r_[starts[1:], len(dated)]
    found = []
    for n, (lo, hi) in enumerate(zip(starts, ends, strict=True)):
        rows = dated[lo:hi]
        adjacent = n + 1 < len(starts) and buckets[starts[n + 1]] == buckets[lo] + 1
        cols = dated[lo : ends[n + 1] if adjacent else hi]
        sims = (vectors[rows] @ vectors[cols].T).tocoo()
        near = np.abs(times[rows][sims.row] - times[cols][sims.col]) <= width
        keep = near & (sims.data >= floor)
        sims = sparse.csr_matrix(
            (sims.data[keep], (sims.row[keep], sims.col[keep])), shape=sims.shape
        )
        found += _top_pairs(rows, cols, sims, floor, top_k)
    return found


def pair_cosines(vectors: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Return the cosine of each pair (i[n], j[n]) of L2-normalised rows."""
    out = np.empty(len(i), dtype=np.float32)
    for lo in range(0, len(i), 50_000):
        a, b = vectors[i[lo : lo + 50_000]], vectors[j[lo : lo + 50_000]]
        out[lo : lo + 50_000] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _undated_pairs(vectors, times, floor, top_k, rare_df):
    undated = np.flatnonzero(np.isnan(times))
    if not len(undated):
        return []
    df = np.bincount(vectors.indices, minlength=vectors.shape[1])
    rare = sparse.diags((df <= rare_df).astype(np.float32))
    reach = ((vectors[undated] @ rare) @ vectors.T).tocoo()  # only rare terms meet
    cos = pair_cosines(vectors, undated[reach.row], reach.col)
    keep = cos >= floor
    sims = sparse.csr_matrix(
        (cos[keep], (reach.row[keep], reach.col[keep])), shape=(len(undated), vectors.shape[0])
    )
    return _top_pairs(undated, np.arange(vectors.shape[0]), sims, floor, top_k)
