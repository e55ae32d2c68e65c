"""Early warning over a conversation's messages (the eSPD protocol, Vogt, Leser and Akbik 2021).

The caller scores, after each message k, the window of the last 50 messages ending at k; a
warning is raised once at least `skepticism` of the last `history` window scores are strictly
above the threshold, and stays raised. A conversation counts as flagged if a warning was raised
anywhere in it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from model.evaluation.checks import (
    FloatArray,
    IntArray,
    as_binary,
    as_optional_indices,
    as_scores,
    check_count,
    check_number,
)
from model.evaluation.classification import Confusion, f_beta
from model.evaluation.erde import erde

# p = ln 3 / 89, so that a warning at message 90 costs a penalty of 0.5.
LATENCY_P = math.log(3.0) / 89.0


def warning_index(
    message_scores: npt.ArrayLike, threshold: float, skepticism: int, history: int = 10
) -> int | None:
    """The 0-based index of the message that raises the warning, or None if none does.

    Example:
        >>> warning_index([0.6, 0.2, 0.7, 0.1, 0.8], threshold=0.5, skepticism=3)
        4

    A warning is raised at the first k where at least `skepticism` of the window scores of
    messages max(0, k - history + 1)..k are > threshold; 1 <= skepticism <= history.
    """
    scores = as_scores(message_scores, None, "message scores")
    cut = check_number(threshold, "threshold")
    needed = check_count(skepticism, "skepticism", low=1)
    window = check_count(history, "history", low=needed)
    above = np.cumsum(scores > cut)
    recent = above - np.concatenate([np.zeros(window, dtype=above.dtype), above])[: above.size]
    raised = np.flatnonzero(recent >= needed)
    return int(raised[0]) if raised.size else None


def latency_penalty(k: int) -> float:
    """The eSPD latency penalty of a warning at 1-based message k: -1 + 2 / (1 + e^(-p(k-1))).

    Example:
        >>> latency_penalty(1), round(latency_penalty(90), 12)
        (0.0, 0.5)
    """
    return float(_penalties(np.array([check_count(k, "message number k", low=1)]))[0])


def early_warning_metrics(
    labels: npt.ArrayLike,
    message_scores_list: Sequence[npt.ArrayLike],
    threshold: float,
    skepticism: int,
    first_risk_messages: Sequence[int | None] | None = None,
    *,
    history: int = 10,
) -> dict[str, float | int]:
    """Warning precision, recall, F1, latency, speed, F_latency and ERDE for one skepticism.

    Example:
        >>> m = early_warning_metrics([1, 0], [[0.9, 0.9], [0.1, 0.2]], 0.5, skepticism=2)
        >>> m["tp"], m["f1"], m["latency"], m["speed"]  # doctest: +ELLIPSIS
        (1, 1.0, 2.0, 0.9938280...)

    Over true positives (no true positive: latency, speed and risk_to_warning are nan, and
    f_latency is 0.0 since F1 is): latency = median 1-based warning message; speed = 1 - median
    penalty; f_latency = f1 * speed; risk_to_warning = median of (warning index -
    first_risk_message) over the `risk_to_warning_n` of them whose first risk message is
    known (negative when the warning came first). erde5 and erde50 use the warnings as
    decisions. Keys also hold threshold, skepticism and the counts.
    """
    y = as_binary(labels)
    if len(message_scores_list) != y.size:
        raise ValueError(f"The message scores should be {y.size} sequences, one per label.")
    known = [None] * y.size if first_risk_messages is None else first_risk_messages
    first_risk = as_optional_indices(known, y.size, "first_risk_messages")
    cut, needed = check_number(threshold, "threshold"), check_count(skepticism, "skepticism", 1)
    warnings = [warning_index(m, cut, needed, history) for m in message_scores_list]
    confusion = Confusion.of(y, np.array([w is not None for w in warnings], dtype=bool))
    f1 = f_beta(confusion.precision, confusion.recall)
    return {
        "threshold": cut,
        "skepticism": needed,
        **confusion.counts(),
        "precision": confusion.precision,
        "recall": confusion.recall,
        "f1": f1,
        **_timeliness(y, warnings, first_risk, f1),
        "erde5": erde(y, warnings, 5),
        "erde50": erde(y, warnings, 50),
    }


def sweep_skepticism(
    labels: npt.ArrayLike,
    message_scores_list: Sequence[npt.ArrayLike],
    threshold: float,
    first_risk_messages: Sequence[int | None] | None = None,
    *,
    history: int = 10,
) -> list[dict[str, float | int]]:
    """`early_warning_metrics` for every skepticism from 1 to `history` (10), in that order.

    Example:
        >>> rows = sweep_skepticism([1, 0], [[0.9, 0.9], [0.1, 0.2]], 0.5)
        >>> [row["tp"] for row in rows[:3]]
        [1, 1, 0]
    """
    window = check_count(history, "history", low=1)
    return [
        early_warning_metrics(
            labels, message_scores_list, threshold, s, first_risk_messages, history=window
        )
        for s in range(1, window + 1)
    ]


def _timeliness(
    labels: IntArray, warnings: list[int | None], first_risk: list[int | None], f1: float
) -> dict[str, float | int]:
    rows = zip(labels, warnings, first_risk, strict=True)
    hits = [(w, r) for y, w, r in rows if y and w is not None]
    ks = np.array([w + 1 for w, _ in hits], dtype=np.int64)
    delays = [w - r for w, r in hits if r is not None]
    speed = 1.0 - float(np.median(_penalties(ks))) if hits else math.nan
    return {
        "latency": float(np.median(ks)) if hits else math.nan,
        "speed": speed,
        "f_latency": f1 * speed if hits else 0.0,
        "risk_to_warning": float(np.median(delays)) if delays else math.nan,
        "risk_to_warning_n": len(delays),
    }


def _penalties(ks: IntArray) -> FloatArray:
    penalties: FloatArray = -1.0 + 2.0 / (1.0 + np.exp(-LATENCY_P * (ks - 1)))
    return penalties
