"""Threshold-free measures of how well scores rank positives above negatives.

Every function takes 0/1 labels and finite scores (lists or numpy arrays) and returns `nan` when
only one class is present: ROC-AUC is then undefined, and PR-AUC is either undefined (no
positives) or a trivial 1.0 (no negatives), which would read as a perfect model.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from model.evaluation.checks import FloatArray, IntArray, as_binary, as_scores, check_number


def roc_auc(labels: npt.ArrayLike, scores: npt.ArrayLike) -> float:
    """Area under the ROC curve from ranks (Mann-Whitney U); tied scores share their mean rank.

    Example:
        >>> roc_auc([0, 1, 0, 1], [0.1, 0.4, 0.4, 0.9])  # pairs won 1 + 0.5 + 1 + 1 of 4
        0.875
    """
    y, s = _checked(labels, scores)
    positives, negatives = int(y.sum()), int(y.size - y.sum())
    if positives == 0 or negatives == 0:
        return math.nan
    _, group, tied = np.unique(s, return_inverse=True, return_counts=True)
    mean_rank = np.cumsum(tied) - (tied - 1) / 2.0  # ranks are 1-based, ties averaged
    rank_sum = float(mean_rank[group][y == 1].sum())
    return (rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives)


def average_precision(labels: npt.ArrayLike, scores: npt.ArrayLike) -> float:
    """PR-AUC as step-wise average precision: sum over thresholds of (R_n - R_n-1) * P_n.

    Example:
        >>> round(average_precision([1, 0, 1], [0.9, 0.8, 0.7]), 4)  # 1/2 * 1 + 1/2 * 2/3
        0.8333

    Thresholds are the distinct scores (flag when score >= threshold), as in scikit-learn's
    `average_precision_score`; no interpolation.
    """
    y, s = _checked(labels, scores)
    if y.all() or not y.any():
        return math.nan
    _, tps, fps = threshold_curve(y, s)
    recall = tps / tps[-1]
    precision = tps / (tps + fps)
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))


def recall_at_fpr(labels: npt.ArrayLike, scores: npt.ArrayLike, max_fpr: float = 0.01) -> float:
    """The best recall of any threshold whose false-positive rate is at most `max_fpr`.

    Example:
        >>> recall_at_fpr([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1], max_fpr=0.5)  # t=0.7: FPR 1/2
        1.0

    Convention: only real operating points count (a threshold at a distinct score, flag when
    score >= threshold, or flag nothing for recall 0); no interpolation between ROC points,
    since a deployed detector cannot flip a coin. With fewer than 1/max_fpr negatives this
    means no false positive at all.
    """
    y, s = _checked(labels, scores)
    limit = check_number(max_fpr, "max_fpr", 0.0, 1.0)
    if y.all() or not y.any():
        return math.nan
    _, tps, fps = threshold_curve(y, s)
    allowed = fps / fps[-1] <= limit
    return float(tps[allowed].max(initial=0) / tps[-1])


def threshold_curve(labels: IntArray, scores: FloatArray) -> tuple[FloatArray, IntArray, IntArray]:
    """For each distinct score t, highest first: (t, true positives, false positives) at >= t.

    Example:
        >>> t, tp, fp = threshold_curve(np.array([1, 0, 1]), np.array([0.9, 0.5, 0.5]))
        >>> t.tolist(), tp.tolist(), fp.tolist()
        ([0.9, 0.5], [1, 2], [0, 1])

    Takes arrays already checked (see `checks`); the last entry flags everything.
    """
    order = np.argsort(-scores, kind="stable")
    ordered = scores[order]
    last_of_tie = np.flatnonzero(np.append(ordered[1:] != ordered[:-1], True))
    tps = np.cumsum(labels[order])[last_of_tie]
    fps = (last_of_tie + 1) - tps
    return ordered[last_of_tie], tps, fps


def _checked(labels: npt.ArrayLike, scores: npt.ArrayLike) -> tuple[IntArray, FloatArray]:
    y = as_binary(labels)
    return y, as_scores(scores, y.size)
