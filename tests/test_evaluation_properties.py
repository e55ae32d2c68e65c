"""Properties of the measures that must hold for any data, checked with Hypothesis."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from hypothesis import assume, given
from hypothesis import strategies as st

from model.evaluation import (
    average_precision,
    best_threshold,
    classification_metrics,
    f_beta,
    recall_at_fpr,
    roc_auc,
    warning_index,
)

# Integer-valued scores make ties common and keep monotone transforms exact.
labelled_scores = st.lists(
    st.tuples(st.integers(0, 1), st.integers(-20, 20)), min_size=2, max_size=40
).filter(lambda rows: len({label for label, _ in rows}) == 2)

FloatArray = npt.NDArray[np.float64]
MONOTONE: list[Callable[[FloatArray], FloatArray]] = [
    lambda s: np.exp(s / 7.0),
    lambda s: 3.0 * s - 11.0,
    lambda s: s**3,
]


def split(rows: list[tuple[int, int]]) -> tuple[list[int], FloatArray]:
    labels, scores = zip(*rows, strict=True)
    return list(labels), np.array(scores, dtype=np.float64)


@given(positives=st.integers(1, 10), negatives=st.integers(1, 10), gap=st.floats(0.01, 5))
def test_perfectly_separated_scores_rank_perfectly(
    positives: int, negatives: int, gap: float
) -> None:
    labels = [1] * positives + [0] * negatives
    scores = np.concatenate([np.linspace(gap, gap + 1, positives), -np.arange(negatives)])
    assert roc_auc(labels, scores) == 1.0
    assert average_precision(labels, scores) == 1.0
    assert recall_at_fpr(labels, scores, max_fpr=0.0) == 1.0


@given(rows=labelled_scores)
def test_ranking_measures_ignore_monotone_transforms(rows: list[tuple[int, int]]) -> None:
    labels, scores = split(rows)
    for transform in MONOTONE:
        moved = transform(scores)
        assert roc_auc(labels, moved) == roc_auc(labels, scores)
        assert average_precision(labels, moved) == average_precision(labels, scores)
        assert recall_at_fpr(labels, moved, 0.2) == recall_at_fpr(labels, scores, 0.2)


@given(rows=labelled_scores)
def test_reversed_scores_give_one_minus_the_auc(rows: list[tuple[int, int]]) -> None:
    labels, scores = split(rows)
    assert math.isclose(roc_auc(labels, -scores), 1.0 - roc_auc(labels, scores), abs_tol=1e-12)


@given(rows=labelled_scores)
def test_roc_auc_is_the_share_of_correctly_ordered_pairs(rows: list[tuple[int, int]]) -> None:
    labels, scores = split(rows)
    pairs = [
        1.0 if p > n else 0.5 if p == n else 0.0
        for (lp, p), (ln, n) in itertools.product(zip(labels, scores, strict=True), repeat=2)
        if lp == 1 and ln == 0
    ]
    assert math.isclose(roc_auc(labels, scores), sum(pairs) / len(pairs), abs_tol=1e-12)


@given(labels=st.lists(st.integers(0, 1), min_size=2, max_size=30), data=st.data())
def test_average_precision_without_ties_is_mean_precision_at_each_positive(
    labels: list[int], data: st.DataObject
) -> None:
    assume(0 < sum(labels) < len(labels))
    scores = data.draw(st.permutations(range(len(labels))))
    ranked = [label for _, label in sorted(zip(scores, labels, strict=True), reverse=True)]
    hits = np.cumsum(ranked)
    precisions = [hits[i] / (i + 1) for i, label in enumerate(ranked) if label]
    assert math.isclose(average_precision(labels, scores), float(np.mean(precisions)))


# Precision and recall are ratios of counts: k / n with 0 <= k <= n.
ratios = st.tuples(st.integers(1, 10**9), st.integers(0, 10**9)).map(lambda t: min(t) / t[0])


@given(precision=ratios, recall=ratios, beta=st.floats(0.05, 20))
def test_f_beta_lies_between_precision_and_recall(
    precision: float, recall: float, beta: float
) -> None:
    value = f_beta(precision, recall, beta)
    if precision == 0 or recall == 0:
        assert value == 0.0
    else:
        assert min(precision, recall) * (1 - 1e-12) <= value <= max(precision, recall) * (1 + 1e-12)


@given(rows=labelled_scores)
def test_best_threshold_beats_every_other_score_threshold(rows: list[tuple[int, int]]) -> None:
    labels, scores = split(rows)
    best = best_threshold(labels, scores)
    best_f1 = classification_metrics(labels, scores, best)["f1"]
    for candidate in set(scores.tolist()):
        f1 = classification_metrics(labels, scores, candidate)["f1"]
        assert f1 <= best_f1 + 1e-12
        assert candidate <= best or f1 < best_f1 - 1e-12  # no higher threshold ties


@given(
    scores=st.lists(st.sampled_from([0.1, 0.5, 0.9]), max_size=25),
    skepticism=st.integers(1, 10),
    history=st.integers(1, 12),
)
def test_warning_index_follows_its_definition(
    scores: list[float], skepticism: int, history: int
) -> None:
    assume(skepticism <= history)
    expected = next(
        (
            k
            for k in range(len(scores))
            if sum(s > 0.5 for s in scores[max(0, k - history + 1) : k + 1]) >= skepticism
        ),
        None,
    )
    assert warning_index(scores, 0.5, skepticism, history) == expected
