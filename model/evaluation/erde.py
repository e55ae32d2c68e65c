"""Early Risk Detection Error (ERDE, Losada and Crestani 2016): cost of late or wrong decisions."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from model.evaluation.checks import as_binary, as_optional_indices, check_count


def erde(labels: npt.ArrayLike, decision_indices: Sequence[int | None], o: int) -> float:
    """Mean ERDE_o cost over conversations; lower is better (ERDE5: o=5, ERDE50: o=50).

    Example:
        >>> erde([1, 0], [4, None], o=5)  # TP at k=5 costs 1 - 1/(1 + e^0) = 0.5; TN 0
        0.25

    decision_indices[i] is the 0-based index of the message at which conversation i was
    flagged, or None if never; k = index + 1 messages were seen. Costs: false positive c_fp =
    the share of positives in `labels`, false negative 1, true negative 0, true positive
    1 - 1/(1 + exp(k - o)).
    """
    y = as_binary(labels)
    decisions = as_optional_indices(decision_indices, y.size, "decision_indices")
    deadline = check_count(o, "o", low=1)
    c_fp = float(y.mean())
    pairs = zip(y, decisions, strict=True)
    return float(np.mean([_cost(int(label), index, c_fp, deadline) for label, index in pairs]))


def _cost(label: int, index: int | None, c_fp: float, o: int) -> float:
    if index is None:
        return float(label)  # a missed positive costs 1, a quiet negative 0
    if label == 0:
        return c_fp
    with np.errstate(over="ignore"):  # exp overflows to inf for k << o: cost 0, as it should
        return float(1.0 / (1.0 + np.exp(o - (index + 1))))  # = 1 - 1/(1 + exp(k - o))
