"""The eSPD early-warning protocol: warning index per skepticism, latency penalty, metrics."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pytest

from model.evaluation import (
    early_warning_metrics,
    latency_penalty,
    sweep_skepticism,
    warning_index,
)

# Above 0.5 (strictly) at messages 0, 2, 4 and 5.
SCORES = [0.6, 0.2, 0.7, 0.1, 0.8, 0.9]


@pytest.mark.parametrize(
    ("skepticism", "expected"),
    [
        (1, 0),  # message 0 alone
        (2, 2),  # messages 0 and 2
        (3, 4),  # 0, 2, 4
        (4, 5),  # 0, 2, 4, 5
        (5, None),  # only four scores are ever above
    ],
)
def test_warning_index_per_skepticism(skepticism: int, expected: int | None) -> None:
    assert warning_index(SCORES, 0.5, skepticism) == expected


def test_short_history_forgets_old_scores() -> None:
    # History 3: counts at k = 0..5 are 1, 1, 2, 1 (1..3), 2 (2..4), 2 (3..5).
    assert warning_index(SCORES, 0.5, skepticism=2, history=3) == 2
    assert warning_index(SCORES, 0.5, skepticism=3, history=3) is None


def test_default_history_is_the_last_ten_windows() -> None:
    scores = np.zeros(12)
    scores[[0, 1, 10, 11]] = 1.0
    # At k = 10 the window is messages 1..10 (two above); at k = 11 it is 2..11 (two above).
    assert warning_index(scores, 0.5, skepticism=3) is None
    assert warning_index(scores, 0.5, skepticism=2) == 1
    scores[9] = 1.0  # now messages 0, 1 and 9 are all in the window 0..9
    assert warning_index(scores, 0.5, skepticism=3) == 9


def test_a_score_equal_to_the_threshold_is_not_above_it() -> None:
    assert warning_index([0.5, 0.5, 0.5], 0.5, 1) is None
    assert warning_index([0.5, 0.5000001], 0.5, 1) == 1
    assert warning_index([], 0.5, 1) is None


def test_latency_penalty_values() -> None:
    p = math.log(3) / 89
    assert latency_penalty(1) == 0.0
    assert latency_penalty(90) == pytest.approx(0.5, abs=1e-12)  # 2 / (1 + 1/3) - 1
    assert latency_penalty(2) == pytest.approx(math.tanh(p / 2), rel=1e-12)  # 0.0061719008
    assert latency_penalty(2) == pytest.approx(0.0061719008, abs=1e-10)
    assert latency_penalty(179) == pytest.approx(0.8, abs=1e-12)  # e^(-2 ln 3): 2/(10/9) - 1
    assert 0.99999 < latency_penalty(1000) < 1.0  # e^(-999 p) ~ 4.4e-6


# Skepticism 2 on four conversations (threshold 0.5):
# 0 positive, above at 1, 2      -> warning at index 2 (message 3): TP
# 1 positive, above at 0, 1      -> warning at index 1 (message 2): TP
# 2 negative, above at 0, 2      -> warning at index 2: FP
# 3 positive, above at 0 only    -> no warning: FN
LABELS = [1, 1, 0, 1]
MESSAGE_SCORES = [[0.2, 0.6, 0.7, 0.1], [0.9, 0.8, 0.1], [0.6, 0.4, 0.9], [0.9, 0.1, 0.2]]
FIRST_RISK = [1, None, 0, 2]


def test_early_warning_metrics_on_four_conversations() -> None:
    # P = R = F1 = 2/3. Latency = median(3, 2) = 2.5.
    # penalty(3) = tanh(p) = 0.0123433314, penalty(2) = tanh(p/2) = 0.0061719008 (p = ln 3 / 89);
    # speed = 1 - (0.0123433314 + 0.0061719008) / 2 = 0.9907423839, F_latency = 2/3 * speed.
    # First risk known for TP 0 only: warning index 2 - first risk 1 = 1 message.
    # ERDE5: c_fp = 3/4; TP costs 1/(1 + e^(5-3)) = 0.1192029220 and 1/(1 + e^(5-2)) =
    # 0.0474258732, FP 0.75, FN 1: mean = 1.9166287952 / 4 = 0.4791571988.
    # ERDE50: TP costs ~ e^-47 and e^-48, so (0.75 + 1) / 4 = 0.4375.
    metrics = early_warning_metrics(LABELS, MESSAGE_SCORES, 0.5, 2, FIRST_RISK)
    assert metrics == pytest.approx(
        {
            "threshold": 0.5,
            "skepticism": 2,
            "tp": 2,
            "fp": 1,
            "fn": 1,
            "tn": 0,
            "positives": 3,
            "negatives": 1,
            "precision": 2 / 3,
            "recall": 2 / 3,
            "f1": 2 / 3,
            "latency": 2.5,
            "speed": 0.9907423839,
            "f_latency": 2 / 3 * 0.9907423839,
            "risk_to_warning": 1.0,
            "risk_to_warning_n": 1,
            "erde5": 0.4791571988,
            "erde50": 0.4375,
        },
        abs=1e-10,
    )


def test_without_true_positives_timeliness_is_undefined_and_f_latency_zero() -> None:
    metrics = early_warning_metrics([1, 0], [[0.1, 0.2], [0.9]], 0.5, skepticism=1)
    assert (metrics["tp"], metrics["fp"], metrics["fn"], metrics["f1"]) == (0, 1, 1, 0.0)
    assert math.isnan(metrics["latency"]) and math.isnan(metrics["speed"])
    assert math.isnan(metrics["risk_to_warning"]) and metrics["risk_to_warning_n"] == 0
    assert metrics["f_latency"] == 0.0
    assert metrics["erde5"] == pytest.approx((1 + 0.5) / 2)  # FN 1, FP c_fp = 1/2


def test_a_warning_before_the_first_risk_message_counts_negative() -> None:
    metrics = early_warning_metrics([1], [[0.9, 0.1, 0.1, 0.1]], 0.5, 1, first_risk_messages=[3])
    assert (metrics["risk_to_warning"], metrics["risk_to_warning_n"]) == (-3.0, 1)


def test_sweep_covers_skepticism_one_to_ten() -> None:
    rows = sweep_skepticism(LABELS, MESSAGE_SCORES, 0.5, FIRST_RISK)
    assert [row["skepticism"] for row in rows] == list(range(1, 11))
    # s = 1: every conversation warns at its first score above 0.5 (three TP, one FP);
    # s = 2 as above; s >= 3: no conversation has three scores above 0.5.
    assert [row["tp"] for row in rows] == [3, 2] + [0] * 8
    assert [row["fp"] for row in rows] == [1, 1] + [0] * 8
    assert rows[1] == early_warning_metrics(LABELS, MESSAGE_SCORES, 0.5, 2, FIRST_RISK)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: warning_index(SCORES, 0.5, 0), "skepticism should be an integer of at least 1"),
        (lambda: warning_index(SCORES, 0.5, 11), "The history should be an integer of at least 11"),
        (lambda: warning_index([[0.1]], 0.5, 1), "The message scores should be a 1-D sequence"),
        (lambda: warning_index([math.nan], 0.5, 1), "The message scores should be finite numbers."),
        (lambda: warning_index(SCORES, math.nan, 1), "The threshold should be a finite number"),
        (lambda: latency_penalty(0), "The message number k should be an integer of at least 1"),
        (
            lambda: early_warning_metrics(LABELS, MESSAGE_SCORES[:3], 0.5, 2),
            "The message scores should be 4 sequences, one per label.",
        ),
        (
            lambda: early_warning_metrics(LABELS, MESSAGE_SCORES, 0.5, 2, [1, 2]),
            "The first_risk_messages should have 4 items, one per label, not 2.",
        ),
        (
            lambda: early_warning_metrics(LABELS, MESSAGE_SCORES, 0.5, 2, [1, 2, 3, -1]),
            "The first_risk_messages item should be an integer of at least 0, got -1.",
        ),
        (lambda: early_warning_metrics([2], [[0.1]], 0.5, 1), "The labels should be 0 or 1."),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        call()
