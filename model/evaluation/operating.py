"""What a threshold means on a platform: alerts and review-queue precision, rates per slice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy.typing as npt

from model.evaluation.checks import as_binary, as_scores, check_number
from model.evaluation.classification import Confusion

DEFAULT_BASE_RATES = (0.001, 0.01, 0.03)


def base_rate_projection(
    labels: npt.ArrayLike,
    scores: npt.ArrayLike,
    threshold: float,
    base_rates: Sequence[float] = DEFAULT_BASE_RATES,
) -> list[dict[str, float]]:
    """Project the TPR and FPR measured at `threshold` onto realistic shares of positives.

    Example:
        >>> rows = base_rate_projection([1, 1, 0, 0], [0.9, 0.2, 0.8, 0.1], 0.5, [0.01])
        >>> rows[0]["alerts_per_10k"], round(rows[0]["precision"], 4)  # TPR 1/2, FPR 1/2
        (5000.0, 0.01)

    Per base rate b: alerts per 10,000 conversations = 10,000 (b TPR + (1 - b) FPR), of which
    10,000 b TPR are true; the review queue's precision is b TPR / (b TPR + (1 - b) FPR), 0.0
    when nothing is flagged. Needs both classes in `labels`; flag when score >= threshold.
    """
    y = as_binary(labels)
    flags = as_scores(scores, y.size) >= check_number(threshold, "threshold")
    rates = [check_number(b, "base rate", 0.0, 1.0) for b in base_rates]
    if y.all() or not y.any():
        raise ValueError("The base-rate projection needs both positive and negative labels.")
    confusion = Confusion.of(y, flags)
    return [_projection(b, confusion.recall, confusion.false_positive_rate) for b in rates]


def rate_by_slice(flags: npt.ArrayLike, slices: Sequence[str]) -> dict[str, dict[str, float | int]]:
    """Per slice value (e.g. hard-negative `kind`): conversations, how many flagged, what share.

    Example:
        >>> rate_by_slice([1, 0, 0], ["coach", "coach", "parent"])["coach"]
        {'count': 2, 'flagged': 1, 'rate': 0.5}

    Pass the flags of negatives only to read the rates as false-positive rates per scenario.
    Slices come out sorted by name; no conversations give an empty dict.
    """
    flagged = as_binary(flags, "flags", allow_empty=True)
    if len(slices) != flagged.size or not all(isinstance(name, str) for name in slices):
        raise ValueError(f"The slices should be {flagged.size} strings, one per flag.")
    counts = Counter(slices)
    hits = Counter(name for name, flag in zip(slices, flagged, strict=True) if flag)
    return {
        name: {"count": counts[name], "flagged": hits[name], "rate": hits[name] / counts[name]}
        for name in sorted(counts)
    }


def _projection(base_rate: float, tpr: float, fpr: float) -> dict[str, float]:
    true_alerts = 10_000 * base_rate * tpr
    false_alerts = 10_000 * (1.0 - base_rate) * fpr
    alerts = true_alerts + false_alerts
    return {
        "base_rate": base_rate,
        "tpr": tpr,
        "fpr": fpr,
        "alerts_per_10k": alerts,
        "true_alerts_per_10k": true_alerts,
        "false_alerts_per_10k": false_alerts,
        "precision": true_alerts / alerts if alerts > 0 else 0.0,
    }
