"""One training loop for private and non-private training: windows in, a better model out.

Constraints: one sample is one conversation (the unit of record-level privacy): each time a
conversation is drawn it yields a single window, either its last `window` messages or, with
probability `prefix_rate`, a random prefix (a positive's prefix always reaches its first risk
message, so early windows learn to warn); each hashed feature is dropped with probability
`token_dropout`, so that no single memorised n-gram can carry a decision. The loop only sees a
loader, an optimizer and a criterion, so wrapping them with Opacus (`privacy.dp_sgd`) changes
nothing here.

Example:
    >>> config = TrainingConfig(epochs=1, batch_size=8)
    >>> config.epochs
    1
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

from model.windows import EncodedConversation, collate_windows

Window = tuple[EncodedConversation, int, int, float]
Criterion = Callable[[torch.Tensor, torch.Tensor], Any]


@dataclass(frozen=True)
class TrainingConfig:
    """Optimisation settings shared by the DP and non-DP paths.

    The defaults (4 epochs, 85 % token dropout, 80 % prefix windows) were chosen on the
    generator's development split (train on "dev-train" phrasing, measure on "dev"), never on the
    held-out test phrasing: there, 4 epochs at 70 % dropout raised ROC-AUC on unseen phrasing from
    0.65 to 0.73 over 8 epochs at 30 %, and 85 % dropout with 80 % prefixes raised it from 0.723
    to 0.764 (means over 5 training seeds; every seed of the new setting above every old one).
    """

    epochs: int = 4
    batch_size: int = 128
    learning_rate: float = 3e-3
    prefix_rate: float = 0.8
    token_dropout: float = 0.85
    seed: int = 0

    def __post_init__(self) -> None:
        if self.epochs < 1:
            raise ValueError("The number of epochs should be a positive integer.")
        if self.batch_size < 1:
            raise ValueError("The batch size should be a positive integer.")
        if self.learning_rate <= 0:
            raise ValueError("The learning rate should be a positive value.")
        if not 0 <= self.prefix_rate <= 1:
            raise ValueError("The prefix rate should be between 0 and 1.")
        if not 0 <= self.token_dropout < 1:
            raise ValueError("The token dropout should be in [0, 1).")

    def to_json(self) -> dict[str, Any]:
        """Return the configuration as a JSON-ready dict."""
        return asdict(self)


class WindowDataset(Dataset[Window]):
    """Conversations as training windows, one (randomly placed) window per draw."""

    def __init__(
        self,
        encoded: Sequence[EncodedConversation],
        labels: Sequence[int],
        first_risk: Sequence[int | None],
        *,
        window: int,
        prefix_rate: float,
        token_dropout: float = 0.0,
        seed: int,
    ) -> None:
        if not len(encoded) == len(labels) == len(first_risk):
            raise ValueError("Every conversation should have one label and one first_risk entry.")
        self.encoded, self.labels, self.first_risk = encoded, labels, first_risk
        self.window, self.prefix_rate, self.token_dropout = window, prefix_rate, token_dropout
        self.rng = np.random.default_rng(seed)

    def __len__(self) -> int:
        return len(self.encoded)

    def __getitem__(self, index: int) -> Window:
        enc, length = self.encoded[index], len(self.encoded[index])
        end = length
        if self.rng.random() < self.prefix_rate:
            earliest = 1 if self.labels[index] == 0 else (self.first_risk[index] or 0) + 1
            end = int(self.rng.integers(min(earliest, length), length + 1))
        if self.token_dropout > 0:
            enc = enc.thinned(self.rng.random(len(enc.ids)) >= self.token_dropout)
        return enc, max(0, end - self.window), end, float(self.labels[index])


def make_loader(dataset: WindowDataset, batch_size: int, authors: int) -> DataLoader[Window]:
    """A shuffling loader whose batches are `(ids, slots, weights, authors, mask, labels)`."""
    window = dataset.window

    def collate(items: Sequence[Window]) -> tuple[torch.Tensor, ...]:
        batch = collate_windows([(e, s, t) for e, s, t, _ in items], window, authors)
        return (*batch.as_inputs(), torch.tensor([y for *_, y in items], dtype=torch.float32))

    generator = torch.Generator().manual_seed(int(dataset.rng.integers(2**31)))
    return DataLoader(
        dataset, batch_size=batch_size, shuffle=True, collate_fn=collate, generator=generator
    )


def run_epoch(
    model: torch.nn.Module,
    loader: DataLoader[Window],
    optimizer: torch.optim.Optimizer,
    criterion: Criterion,
    on_step: Callable[[], None] = lambda: None,
) -> float:
    """Train one pass over `loader`; return the mean batch loss."""
    model.train()
    losses = []
    for *inputs, labels in loader:
        loss = criterion(model(*inputs), labels)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(float(loss.item()))
        on_step()
    return float(np.mean(losses)) if losses else float("nan")
