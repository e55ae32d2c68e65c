"""Hardest-window draws: training the windows whose maximum the conversation risk is."""

from __future__ import annotations

import numpy as np
import pytest

from model.training import TrainingConfig, WindowDataset
from model.windows import EncodedConversation


def _chat(messages: int) -> EncodedConversation:
    ids = np.arange(messages, dtype=np.int32)
    offsets = np.arange(messages + 1, dtype=np.int64)
    return EncodedConversation(ids, offsets, np.zeros(messages, dtype=np.int64))


def _dataset(rate: float, prefix_rate: float = 0.0) -> WindowDataset:
    return WindowDataset(
        [_chat(5), _chat(5), _chat(4)],
        [0, 1, 1],
        [None, 3, 1],
        window=3,
        prefix_rate=prefix_rate,
        hardest_rate=rate,
        seed=0,
    )


def test_hardest_end_is_the_top_window_a_label_allows() -> None:
    dataset = _dataset(1.0)
    scores = [
        np.array([0.1, 0.9, 0.2, 0.3, 0.1], dtype=np.float32),  # safe: anywhere, message 1
        np.array([0.1, 0.9, 0.2, 0.3, 0.1], dtype=np.float32),  # grooming from message 3 on
        np.array([0.8, 0.1, 0.2, 0.7], dtype=np.float32),  # grooming from message 1 on
    ]
    dataset.set_hardest(scores)
    assert dataset.hardest_ends == [2, 4, 4]  # window ends are exclusive message indexes


def test_draws_use_the_hardest_window_at_rate_one() -> None:
    dataset = _dataset(1.0)
    dataset.set_hardest([np.array([0.0, 1.0, 0, 0, 0]), np.zeros(5), np.zeros(4)])
    _, start, end, label = dataset[0]
    assert (start, end, label) == (0, 2, 0.0)
    _, start, end, label = dataset[1]
    assert (start, end, label) == (1, 4, 1.0)  # argmax of zeros from message 3: window 1..4


def test_without_scores_or_at_rate_zero_draws_are_unchanged() -> None:
    plain, unscored, off = _dataset(0.0, 0.5), _dataset(1.0, 0.5), _dataset(0.0, 0.5)
    off.set_hardest([np.ones(5), np.ones(5), np.ones(4)])
    draws = [[ds[i][1:] for i in range(3) for _ in range(20)] for ds in (plain, unscored, off)]
    assert draws[0] == draws[1] == draws[2]


def test_scores_must_cover_every_conversation() -> None:
    with pytest.raises(ValueError, match="one score array"):
        _dataset(1.0).set_hardest([np.zeros(5)])


def test_hardest_window_rate_is_validated() -> None:
    with pytest.raises(ValueError, match="hardest-window rate"):
        TrainingConfig(hardest_window_rate=1.5)
