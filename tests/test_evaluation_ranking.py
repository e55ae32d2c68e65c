"""ROC-AUC, average precision and recall at a fixed FPR on hand-computed examples."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest

from model.evaluation import average_precision, recall_at_fpr, roc_auc
from model.evaluation.ranking import threshold_curve


def test_roc_auc_counts_tied_pairs_as_half() -> None:
    # Positives 0.4, 0.9; negatives 0.1, 0.4. Pairs: (0.4, 0.1) 1, (0.4, 0.4) 1/2, (0.9, *) 2.
    assert roc_auc([0, 1, 0, 1], [0.1, 0.4, 0.4, 0.9]) == 3.5 / 4


def test_roc_auc_all_tied_is_one_half() -> None:
    assert roc_auc([1, 0, 1, 0, 0], [0.3] * 5) == 0.5


def test_matches_scikit_learn_documented_examples() -> None:
    # scikit-learn's docs: average_precision_score and roc_auc_score on these give 0.83 and 0.75.
    # AP: thresholds 0.8 (R 1/2, P 1), 0.4 (R 1/2), 0.35 (R 1, P 2/3): 1/2 + 1/2 * 2/3 = 5/6.
    labels, scores = [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]
    assert average_precision(labels, scores) == pytest.approx(5 / 6)
    assert roc_auc(labels, scores) == 0.75


def test_average_precision_with_tied_scores_uses_the_tie_as_one_threshold() -> None:
    # Thresholds 0.9 (tp 1, fp 0) and 0.5 (tp 2, fp 2): 1/2 * 1 + 1/2 * 2/4 = 3/4.
    assert average_precision([1, 1, 0, 0, 0], [0.9, 0.5, 0.5, 0.5, 0.1]) == pytest.approx(3 / 4)


def test_recall_at_fpr_takes_the_best_threshold_within_the_limit() -> None:
    labels = [1, 0, 1, 1, 0, 0, 0, 0]
    scores = [0.95, 0.9, 0.8, 0.3, 0.2, 0.2, 0.1, 0.05]
    # Thresholds: 0.95 (R 1/3, FPR 0), 0.9 (R 1/3, FPR 1/5), 0.8 (R 2/3, FPR 1/5),
    # 0.3 (R 1, FPR 1/5), 0.2 (R 1, FPR 3/5).
    assert recall_at_fpr(labels, scores) == pytest.approx(1 / 3)  # 1 %: no false positive
    assert recall_at_fpr(labels, scores, max_fpr=0.2) == 1.0
    assert recall_at_fpr(labels, scores, max_fpr=0.0) == pytest.approx(1 / 3)


def test_recall_at_fpr_is_zero_when_the_top_score_is_a_negative() -> None:
    assert recall_at_fpr([0, 1, 1], [0.9, 0.5, 0.4], max_fpr=0.01) == 0.0


def test_threshold_curve_groups_ties_highest_first() -> None:
    thresholds, tps, fps = threshold_curve(np.array([0, 1, 1, 0, 1]), np.array([1, 3, 2, 2, 0.0]))
    assert thresholds.tolist() == [3.0, 2.0, 1.0, 0.0]
    assert tps.tolist() == [1, 2, 2, 3]
    assert fps.tolist() == [0, 1, 2, 2]


@pytest.mark.parametrize("measure", [roc_auc, average_precision, recall_at_fpr])
def test_one_class_is_nan(measure: Callable[[list[int], list[float]], float]) -> None:
    assert math.isnan(measure([1, 1], [0.2, 0.3]))
    assert math.isnan(measure([0, 0], [0.2, 0.3]))
