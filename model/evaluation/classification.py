"""Conversation-level measures at a threshold: confusion counts, precision, recall, F-beta.

Conventions: a conversation is flagged when its score is >= the threshold (thresholds are score
values, as `best_threshold` returns). A ratio whose denominator is 0 is 0.0 (precision without
any flag, recall without positives, F when precision and recall are both 0); ROC-AUC, PR-AUC
and recall at a fixed FPR are `nan` when only one class is present (see `ranking`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from model.evaluation.checks import (
    BoolArray,
    FloatArray,
    IntArray,
    as_binary,
    as_scores,
    check_number,
)
from model.evaluation.ranking import average_precision, recall_at_fpr, roc_auc, threshold_curve

# Two F values closer than this count as a tie in `best_threshold`.
_F_TIE = 1e-12


@dataclass(frozen=True, slots=True)
class Confusion:
    """Counts of true/false positives/negatives, with the rates derived from them."""

    tp: int
    fp: int
    fn: int
    tn: int

    @classmethod
    def of(cls, labels: IntArray, flags: BoolArray) -> Confusion:
        """Count checked 0/1 labels against flags of the same length.

        Example:
            >>> Confusion.of(np.array([1, 1, 0]), np.array([True, False, True]))
            Confusion(tp=1, fp=1, fn=1, tn=0)
        """
        positive = labels == 1
        return cls(
            tp=int(np.sum(positive & flags)),
            fp=int(np.sum(~positive & flags)),
            fn=int(np.sum(positive & ~flags)),
            tn=int(np.sum(~positive & ~flags)),
        )

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def false_positive_rate(self) -> float:
        return _ratio(self.fp, self.fp + self.tn)

    def counts(self) -> dict[str, int]:
        """The four counts and the class sizes, for a report."""
        positives, negatives = self.tp + self.fn, self.fp + self.tn
        counts = {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn}
        return {**counts, "positives": positives, "negatives": negatives}


def f_beta(precision: float, recall: float, beta: float = 1.0) -> float:
    """The weighted harmonic mean (1 + b^2) P R / (b^2 P + R); 0.0 when P and R are both 0.

    Example:
        >>> round(f_beta(0.5, 1 / 3, beta=0.5), 4)  # 1.25 * (1/6) / (0.125 + 1/3) = 5/11
        0.4545
    """
    p = check_number(precision, "precision", 0.0, 1.0)
    r = check_number(recall, "recall", 0.0, 1.0)
    return float(_f_beta(np.array([p]), np.array([r]), _checked_beta(beta))[0])


def classification_metrics(
    labels: npt.ArrayLike, scores: npt.ArrayLike, threshold: float, *, max_fpr: float = 0.01
) -> dict[str, float | int]:
    """Every conversation-level figure of the evaluation protocol at one threshold.

    Example:
        >>> m = classification_metrics([1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1], threshold=0.5)
        >>> m["tp"], m["fp"], m["precision"], m["recall"], m["roc_auc"]
        (1, 1, 0.5, 0.5, 0.75)

    Keys: threshold, max_fpr, tp, fp, fn, tn, positives, negatives, precision, recall, f1,
    f05 (F-beta, beta 0.5), accuracy, roc_auc, pr_auc (average precision) and recall_at_fpr
    (best recall with FPR <= max_fpr, see `ranking.recall_at_fpr`).
    """
    y = as_binary(labels)
    s = as_scores(scores, y.size)
    cut = check_number(threshold, "threshold")
    limit = check_number(max_fpr, "max_fpr", 0.0, 1.0)
    confusion = Confusion.of(y, s >= cut)
    p, r = confusion.precision, confusion.recall
    return {
        "threshold": cut,
        "max_fpr": limit,
        **confusion.counts(),
        "precision": p,
        "recall": r,
        "f1": f_beta(p, r, 1.0),
        "f05": f_beta(p, r, 0.5),
        "accuracy": (confusion.tp + confusion.tn) / y.size,
        "roc_auc": roc_auc(y, s),
        "pr_auc": average_precision(y, s),
        "recall_at_fpr": recall_at_fpr(y, s, limit),
    }


def best_threshold(labels: npt.ArrayLike, scores: npt.ArrayLike, beta: float = 1.0) -> float:
    """The score threshold (flag when score >= it) with the highest F-beta; ties go higher.

    Example:
        >>> best_threshold([1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6])  # F1 2/3 at 0.9 and at 0.6
        0.9

    Choose it on validation data, never on the test set. Needs at least one positive.
    """
    y = as_binary(labels)
    s = as_scores(scores, y.size)
    weight = _checked_beta(beta)
    if not y.any():
        raise ValueError("Choosing a threshold needs at least one positive label.")
    thresholds, tps, fps = threshold_curve(y, s)
    scores_f = _f_beta(tps / (tps + fps), tps / tps[-1], weight)
    best = int(np.argmax(scores_f >= scores_f.max() - _F_TIE))  # curve runs highest first
    return float(thresholds[best])


def _f_beta(precision: FloatArray, recall: FloatArray, beta: float) -> FloatArray:
    weight = beta * beta
    denominator = weight * precision + recall
    # (1 + b^2) P R / (b^2 P + R), with R / (b^2 P + R) taken first so that P R cannot underflow
    share = np.divide(recall, denominator, out=np.zeros_like(recall), where=denominator > 0)
    return (1.0 + weight) * precision * share


def _checked_beta(beta: float) -> float:
    value = check_number(beta, "beta")
    if value <= 0:
        raise ValueError(f"The beta should be positive, got {value}.")
    return value


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0
