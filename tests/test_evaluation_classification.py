"""Conversation-level measures on hand-computed examples: counts, P, R, F, AUCs, thresholds."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pytest

from model.evaluation import Confusion, best_threshold, classification_metrics, f_beta

# Six conversations; the two scored 0.5 (one positive, one negative) are tied.
LABELS = [1, 0, 1, 1, 0, 0]
SCORES = [0.9, 0.8, 0.7, 0.5, 0.5, 0.1]


def test_six_conversations_at_threshold_075() -> None:
    # Flagged (score >= 0.75): 0.9 (positive) and 0.8 (negative): tp 1, fp 1, fn 2, tn 2.
    # P = 1/2, R = 1/3, F1 = 2 (1/6) / (5/6) = 2/5,
    # F0.5 = 1.25 (1/6) / (0.25 (1/2) + 1/3) = (5/24) / (11/24) = 5/11, accuracy = 3/6.
    # ROC-AUC, ranks from the bottom: 0.1 -> 1, 0.5 tie -> 2.5 each, 0.7 -> 4, 0.8 -> 5, 0.9 -> 6;
    # positives' ranks 6 + 4 + 2.5 = 12.5, minus 3 * 4 / 2 = 6 leaves 6.5 of 3 * 3 pairs: 13/18.
    # AP, by distinct threshold: 0.9 (R 1/3, P 1), 0.8 (R 1/3, P 1/2), 0.7 (R 2/3, P 2/3),
    # 0.5 (R 1, P 3/5), 0.1 (R 1, P 1/2): 1/3 * 1 + 1/3 * 2/3 + 1/3 * 3/5 = 34/45.
    # Recall at FPR <= 1 % with 3 negatives allows no false positive: threshold 0.9, R = 1/3.
    metrics = classification_metrics(LABELS, SCORES, threshold=0.75)
    assert metrics == pytest.approx(
        {
            "threshold": 0.75,
            "max_fpr": 0.01,
            "tp": 1,
            "fp": 1,
            "fn": 2,
            "tn": 2,
            "positives": 3,
            "negatives": 3,
            "precision": 1 / 2,
            "recall": 1 / 3,
            "f1": 2 / 5,
            "f05": 5 / 11,
            "accuracy": 1 / 2,
            "roc_auc": 13 / 18,
            "pr_auc": 34 / 45,
            "recall_at_fpr": 1 / 3,
        },
        rel=1e-12,
    )


def test_a_score_equal_to_the_threshold_is_flagged() -> None:
    # Flagged (score >= 0.5): tp 3, fp 2, fn 0, tn 1: P 3/5, R 1, F1 = 1.2 / 1.6 = 3/4,
    # F0.5 = 1.25 * 0.6 / (0.25 * 0.6 + 1) = 0.75 / 1.15 = 15/23, accuracy 4/6.
    metrics = classification_metrics(np.array(LABELS), np.array(SCORES), 0.5, max_fpr=1 / 3)
    assert (metrics["tp"], metrics["fp"], metrics["fn"], metrics["tn"]) == (3, 2, 0, 1)
    assert metrics["f1"] == pytest.approx(3 / 4)
    assert metrics["f05"] == pytest.approx(15 / 23)
    assert metrics["accuracy"] == pytest.approx(4 / 6)
    # One false positive of 3 allowed: threshold 0.7 (tp 2, fp 1) gives R 2/3.
    assert metrics["recall_at_fpr"] == pytest.approx(2 / 3)


def test_nothing_flagged_gives_zero_precision_recall_and_f() -> None:
    metrics = classification_metrics(LABELS, SCORES, threshold=0.95)
    assert (metrics["tp"], metrics["fp"], metrics["fn"], metrics["tn"]) == (0, 0, 3, 3)
    assert (metrics["precision"], metrics["recall"], metrics["f1"], metrics["f05"]) == (0, 0, 0, 0)


@pytest.mark.parametrize("label", [0, 1])
def test_one_class_gives_nan_aucs(label: int) -> None:
    metrics = classification_metrics([label] * 3, [0.2, 0.6, 0.9], threshold=0.5)
    assert math.isnan(metrics["roc_auc"])
    assert math.isnan(metrics["pr_auc"])
    assert math.isnan(metrics["recall_at_fpr"])
    assert metrics["accuracy"] == pytest.approx(2 / 3 if label else 1 / 3)
    assert metrics["recall"] == (2 / 3 if label else 0.0)  # no positives: recall 0.0


def test_f_beta_values() -> None:
    assert f_beta(0.5, 1 / 3) == pytest.approx(0.4)  # 2 (1/6) / (5/6)
    assert f_beta(0.5, 1 / 3, beta=0.5) == pytest.approx(5 / 11)
    assert f_beta(0.5, 1.0, beta=2.0) == pytest.approx(5 * 0.5 / (4 * 0.5 + 1))  # 5/6
    assert f_beta(0.0, 0.0) == 0.0
    assert f_beta(1.0, 0.0) == 0.0


def test_best_threshold_maximises_f1_on_the_example() -> None:
    # F1 per threshold: 0.9 -> 1/2, 0.8 -> 2/5, 0.7 -> 2/3, 0.5 -> 3/4, 0.1 -> 2/3.
    assert best_threshold(LABELS, SCORES) == 0.5


def test_best_threshold_for_f05_prefers_precision() -> None:
    # F0.5 per threshold: 0.9 -> 1.25 (1/3) / (0.25 + 1/3) = 5/7, 0.8 -> 5/11, 0.7 -> 2/3,
    # 0.5 -> 0.75 / 1.15 = 15/23, 0.1 -> 0.625 / 1.125 = 5/9.
    assert best_threshold(LABELS, SCORES, beta=0.5) == 0.9


def test_best_threshold_ties_go_to_the_higher_threshold() -> None:
    # F1 at 0.9: P 1, R 1/2 -> 2/3; at 0.6: P 1/2, R 1 -> 2/3.
    assert best_threshold([1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6]) == 0.9
    assert best_threshold([1, 0, 0, 1], [0.6, 0.7, 0.8, 0.9]) == 0.9  # order does not matter


def test_best_threshold_ties_survive_rounding() -> None:
    # At 0.9: tp 3, fp 2 -> P 3/5, R 3/4, F1 = 2 (9/20) / (27/20) = 2/3; at 0.1: P 1/2, R 1,
    # F1 = 2/3. In floating point the first comes out one unit lower than the second.
    assert best_threshold([1, 1, 1, 0, 0, 1, 0, 0], [0.9] * 5 + [0.1] * 3) == 0.9


def test_confusion_counts_and_rates() -> None:
    confusion = Confusion.of(np.array([1, 1, 0, 0, 0]), np.array([True, False, True, False, False]))
    assert confusion == Confusion(tp=1, fp=1, fn=1, tn=2)
    assert (confusion.precision, confusion.recall) == (0.5, 0.5)
    assert confusion.false_positive_rate == pytest.approx(1 / 3)
    assert confusion.counts()["negatives"] == 3


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: classification_metrics([0, 2], [0.1, 0.2], 0.5), "The labels should be 0 or 1."),
        (lambda: classification_metrics(["1", "0"], [0.1, 0.2], 0.5), "labels should be 0 or 1"),
        (lambda: classification_metrics([], [], 0.5), "non-empty 1-D"),
        (lambda: classification_metrics([[1, 0]], [[0.1, 0.2]], 0.5), "non-empty 1-D"),
        (lambda: classification_metrics([1, 0], [0.1], 0.5), "2 values, one per label"),
        (lambda: classification_metrics([1, 0], [0.1, math.nan], 0.5), "finite numbers"),
        (lambda: classification_metrics([1, 0], ["high", "low"], 0.5), "should be numbers"),
        (lambda: classification_metrics([1, 0], [0.1, 0.2], math.inf), "threshold"),
        (lambda: classification_metrics([1, 0], [0.1, 0.2], 0.5, max_fpr=2.0), "max_fpr"),
        (lambda: best_threshold([0, 0], [0.1, 0.2]), "at least one positive"),
        (lambda: best_threshold([1, 0], [0.1, 0.2], beta=0.0), "beta should be positive"),
        (lambda: f_beta(1.2, 0.5), "precision should be a finite number in [0.0, 1.0]"),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        call()
