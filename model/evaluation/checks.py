"""Eager validation of the measures' inputs: lists or numpy arrays in, checked numpy arrays out."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def as_binary(
    values: npt.ArrayLike, name: str = "labels", *, allow_empty: bool = False
) -> IntArray:
    """Check a 1-D sequence of 0/1 values, non-empty unless allowed, and return it as integers.

    Example:
        >>> as_binary([1, 0, True]).tolist()
        [1, 0, 1]
    """
    array = np.asarray(values)
    if array.ndim != 1 or (array.size == 0 and not allow_empty):
        kind = "1-D sequence" if allow_empty else "non-empty 1-D sequence"
        raise ValueError(f"The {name} should be a {kind}, got shape {array.shape}.")
    if not np.isin(array, (0, 1)).all():
        raise ValueError(f"The {name} should be 0 or 1.")
    return array.astype(np.int64)


def as_scores(scores: npt.ArrayLike, length: int | None, name: str = "scores") -> FloatArray:
    """Check a 1-D sequence of finite numbers, of `length` items unless None; return floats.

    Example:
        >>> as_scores([0.5, 1], 2).tolist()
        [0.5, 1.0]
    """
    try:
        array = np.asarray(scores, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"The {name} should be numbers.") from error
    if array.ndim != 1 or (length is not None and array.size != length):
        expected = "a 1-D sequence" if length is None else f"{length} values, one per label"
        raise ValueError(f"The {name} should be {expected}, got shape {array.shape}.")
    if not np.isfinite(array).all():
        raise ValueError(f"The {name} should be finite numbers.")
    return array


def check_number(value: float, name: str, low: float = -math.inf, high: float = math.inf) -> float:
    """Check that `value` is a finite real number in [low, high] and return it as a float.

    Example:
        >>> check_number(0.5, "threshold")
        0.5
    """
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise ValueError(f"The {name} should be a number, got {value!r}.")
    if not (math.isfinite(value) and low <= value <= high):
        bounds = "" if math.isinf(low) and math.isinf(high) else f" in [{low}, {high}]"
        raise ValueError(f"The {name} should be a finite number{bounds}, got {value}.")
    return float(value)


def check_count(value: int, name: str, low: int = 0) -> int:
    """Check that `value` is an integer of at least `low` and return it.

    Example:
        >>> check_count(3, "skepticism", low=1)
        3
    """
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise ValueError(f"The {name} should be an integer of at least {low}, got {value!r}.")
    return int(value)


def as_optional_indices(values: Sequence[int | None], length: int, name: str) -> list[int | None]:
    """Check `length` items, each None or a non-negative integer; return them as a list.

    Example:
        >>> as_optional_indices([3, None], 2, "decision_indices")
        [3, None]
    """
    if len(values) != length:
        problem = f"should have {length} items, one per label, not {len(values)}"
        raise ValueError(f"The {name} {problem}.")
    return [None if value is None else check_count(value, f"{name} item") for value in values]
