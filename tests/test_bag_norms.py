"""The bag embedding's ghost-clipping norm sampler against per-example autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from opacus.grad_sample import GradSampleModuleFastGradientClipping

import privacy.bag_norms  # noqa: F401
from model.network import ConversationRiskNet, NetworkConfig
from model.windows import EncodedConversation, collate_windows

CONFIG = NetworkConfig(buckets=8, dim=3, hidden=4, window=5, authors=2, dropout=0.0)


def _windows(seed: int, count: int) -> list[tuple[EncodedConversation, int, int]]:
    """Random windows over only 8 buckets, so ids repeat within and across messages."""
    rng = np.random.default_rng(seed)
    windows = []
    for _ in range(count):
        lengths = rng.integers(0, 6, size=int(rng.integers(1, 8)))
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        ids = rng.integers(0, CONFIG.buckets, size=int(offsets[-1])).astype(np.int32)
        enc = EncodedConversation(ids, offsets, rng.integers(0, 3, size=len(lengths)))
        end = int(rng.integers(1, len(enc) + 1))
        windows.append((enc, max(0, end - CONFIG.window), end))
    return windows


def _per_example_norms(
    net: torch.nn.Module, inputs: tuple[torch.Tensor, ...], labels: torch.Tensor
) -> np.ndarray:
    norms = []
    for i in range(len(labels)):
        net.zero_grad()
        logit = net(*(t[i : i + 1] for t in inputs))
        torch.nn.functional.binary_cross_entropy_with_logits(logit, labels[i : i + 1]).backward()
        norms.append([p.grad.norm().item() for p in net.parameters()])  # type: ignore[union-attr]
    return np.array(norms)


def _ghost_norms(
    net: torch.nn.Module, inputs: tuple[torch.Tensor, ...], labels: torch.Tensor
) -> np.ndarray:
    wrapped = GradSampleModuleFastGradientClipping(
        net, batch_first=True, loss_reduction="sum", max_grad_norm=1.0, use_ghost_clipping=True
    )
    logits = wrapped(*inputs)
    torch.nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction="sum").backward()
    return np.array([p._norm_sample.detach().numpy() for p in net.parameters()]).T


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 6))
def test_norms_match_per_example_autograd(seed: int, count: int) -> None:
    torch.manual_seed(seed)
    net = ConversationRiskNet(CONFIG)
    inputs = collate_windows(_windows(seed, count), CONFIG.window, CONFIG.authors).as_inputs()
    labels = torch.tensor(np.random.default_rng(seed).integers(0, 2, count), dtype=torch.float32)
    expected = _per_example_norms(net, inputs, labels)
    assert _ghost_norms(net, inputs, labels) == pytest.approx(expected, rel=1e-4, abs=1e-7)


def test_a_repeated_id_is_summed_before_squaring() -> None:
    """Two tokens of one id in one window: the norm is |g1 + g2|, not sqrt(|g1|^2 + |g2|^2)."""
    torch.manual_seed(0)
    net = ConversationRiskNet(CONFIG)
    ids = np.array([3, 3, 3], dtype=np.int32)  # id 3 in message 0 (twice) and message 1
    enc = EncodedConversation(ids, np.array([0, 2, 3]), np.array([0, 1]))
    inputs = collate_windows([(enc, 0, 2)], CONFIG.window, CONFIG.authors).as_inputs()
    labels = torch.ones(1)
    expected = _per_example_norms(net, inputs, labels)[0, 0]
    assert _ghost_norms(net, inputs, labels)[0, 0] == pytest.approx(expected, rel=1e-5)
