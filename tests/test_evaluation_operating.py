"""Base-rate projection and per-slice rates on hand-computed examples."""

from __future__ import annotations

import re

import pytest

from model.evaluation import base_rate_projection, rate_by_slice

# Two positives (one flagged at 0.5) and eight negatives (one flagged): TPR 1/2, FPR 1/8.
LABELS = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
SCORES = [0.9, 0.2, 0.8, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]


def test_projection_at_the_default_base_rates() -> None:
    rows = base_rate_projection(LABELS, SCORES, threshold=0.5)
    # b = 0.001: true 10,000 * 0.001 * 1/2 = 5, false 10,000 * 0.999 / 8 = 1248.75.
    # b = 0.01: true 50, false 1237.5; b = 0.03: true 150, false 1212.5.
    expected = [(0.001, 5.0, 1248.75), (0.01, 50.0, 1237.5), (0.03, 150.0, 1212.5)]
    assert rows == [
        pytest.approx(
            {
                "base_rate": b,
                "tpr": 0.5,
                "fpr": 0.125,
                "alerts_per_10k": true + false,
                "true_alerts_per_10k": true,
                "false_alerts_per_10k": false,
                "precision": true / (true + false),
            },
            rel=1e-12,
        )
        for b, true, false in expected
    ]
    assert [round(row["precision"], 6) for row in rows] == [0.003988, 0.038835, 0.110092]


def test_projection_when_nothing_is_flagged() -> None:
    (row,) = base_rate_projection(LABELS, SCORES, threshold=0.95, base_rates=[0.02])
    assert (row["alerts_per_10k"], row["precision"]) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("labels", "base_rates", "message"),
    [
        ([0] * 10, [0.01], "needs both positive and negative labels"),
        (LABELS, [1.5], "base rate should be a finite number in [0.0, 1.0]"),
    ],
)
def test_projection_rejects_bad_input(
    labels: list[int], base_rates: list[float], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        base_rate_projection(labels, SCORES, 0.5, base_rates)


def test_rate_by_slice_counts_and_shares() -> None:
    rates = rate_by_slice([1, 0, 0, 1, 1], ["coach", "coach", "parent", "teen", "coach"])
    assert list(rates) == ["coach", "parent", "teen"]
    assert rates == {
        "coach": {"count": 3, "flagged": 2, "rate": 2 / 3},
        "parent": {"count": 1, "flagged": 0, "rate": 0.0},
        "teen": {"count": 1, "flagged": 1, "rate": 1.0},
    }


def test_rate_by_slice_of_no_conversations_is_empty() -> None:
    assert rate_by_slice([], []) == {}


@pytest.mark.parametrize(
    ("flags", "slices", "message"),
    [
        ([1, 0], ["coach"], "The slices should be 2 strings, one per flag."),
        ([1, 0], ["coach", None], "The slices should be 2 strings, one per flag."),
        ([1, 2], ["coach", "teen"], "The flags should be 0 or 1."),
    ],
)
def test_rate_by_slice_rejects_bad_input(flags: list[int], slices: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        rate_by_slice(flags, slices)
