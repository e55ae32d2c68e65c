"""ERDE (early risk detection error) on hand-computed examples."""

from __future__ import annotations

import math
import re
import warnings

import pytest

from model.evaluation import erde

# Conversation 0: positive, flagged at index 4 (k = 5 messages seen) -> true positive.
# Conversation 1: negative, flagged at index 2 -> false positive, costs c_fp = 2/3 positives.
# Conversation 2: positive, never flagged -> false negative, costs 1.
LABELS = [1, 0, 1]
DECISIONS = [4, 2, None]


def test_erde5_on_three_conversations() -> None:
    # TP: 1 - 1/(1 + e^(5 - 5)) = 1/2. Mean (1/2 + 2/3 + 1) / 3 = (13/6) / 3 = 13/18.
    assert erde(LABELS, DECISIONS, o=5) == pytest.approx(13 / 18, rel=1e-12)


def test_erde50_on_three_conversations() -> None:
    # TP: 1 - 1/(1 + e^(5 - 50)) = e^-45 / (1 + e^-45) ~ 2.9e-20. Mean ~ (5/3) / 3 = 5/9.
    expected = (math.exp(-45) / (1 + math.exp(-45)) + 2 / 3 + 1) / 3
    assert erde(LABELS, DECISIONS, o=50) == pytest.approx(expected, rel=1e-12)
    assert erde(LABELS, DECISIONS, o=50) == pytest.approx(5 / 9, rel=1e-12)


def test_late_true_positive_costs_almost_as_much_as_a_miss() -> None:
    # k = 15 with o = 5: 1 - 1/(1 + e^10) = 0.9999546.
    assert erde([1], [14], o=5) == pytest.approx(1 - 1 / (1 + math.exp(10)), rel=1e-12)
    assert erde([1, 0], [None, None], o=5) == 0.5  # FN 1, TN 0


def test_extreme_delays_do_not_overflow() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert erde([1], [5000], o=5) == 1.0
        assert erde([1], [0], o=2000) == 0.0


@pytest.mark.parametrize(
    ("decisions", "o", "message"),
    [
        (DECISIONS, 0, "The o should be an integer of at least 1, got 0."),
        ([4, 2], 5, "The decision_indices should have 3 items, one per label, not 2."),
        ([4, -1, None], 5, "The decision_indices item should be an integer of at least 0"),
        ([4, 1.5, None], 5, "The decision_indices item should be an integer of at least 0"),
        ([4, True, None], 5, "The decision_indices item should be an integer of at least 0"),
    ],
)
def test_bad_input_is_rejected(decisions: list[int | None], o: int, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        erde(LABELS, decisions, o)
