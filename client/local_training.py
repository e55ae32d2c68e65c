"""Training on a platform's own labelled conversations, with DP-SGD or without, one code path.

Constraints: the platform's conversations are split (stratified, by seed) into a training part
and a validation part; only the training part is touched by DP-SGD, and the epsilon in the card
comes from the Opacus accountant of that run. The decision threshold is the F1-best threshold on
the validation part scored under stress (`threshold_stress`: that share of every validation
conversation's hashed features dropped), because validation chats share the training chats'
wording and an unstressed threshold is far too confident for wordings the model never saw. It
is a single number that depends on validation data outside the DP guarantee, which the card
states (pass a fixed threshold to avoid it).

A run can start from another detector (`start`: the federation's global model, or a
coordinator's seed model trained on public synthetic data) instead of fresh weights; the DP
guarantee then covers only this run's data, and the start model's own privacy is its card's.

Example:
    >>> result = train_local(conversations, TrainSettings(dp=None))  # doctest: +SKIP
    >>> tuned = train_local(conversations, settings, start=result.detector)  # doctest: +SKIP
"""

from __future__ import annotations

import copy
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import torch
from tqdm import tqdm

from model.data.conversation import Conversation
from model.detector import WARMUP_MESSAGES, Detector
from model.evaluation import best_threshold, classification_metrics
from model.network import NetworkConfig
from model.scoring import conversation_risk
from model.text.hashing import HashingConfig
from model.training import TrainingConfig, WindowDataset, make_loader, run_epoch
from model.windows import EncodedConversation
from privacy.dp_sgd import DPConfig, make_private


@dataclass(frozen=True)
class TrainSettings:
    """Everything a local training run needs besides the data."""

    training: TrainingConfig = field(default_factory=TrainingConfig)
    network: NetworkConfig = field(default_factory=NetworkConfig)
    hashing: HashingConfig = field(default_factory=HashingConfig)
    dp: DPConfig | None = None
    validation_share: float = 0.15
    threshold: float | None = None
    threshold_stress: float = 0.8
    warmup: int = WARMUP_MESSAGES
    progress: bool = True

    def __post_init__(self) -> None:
        if self.warmup < 1:
            raise ValueError("The warm-up should be at least 1 message.")
        if not 0 <= self.threshold_stress < 1:
            raise ValueError("The threshold stress should be in [0, 1).")
        if not 0 < self.validation_share < 1 and self.threshold is None:
            raise ValueError("The validation share should be between 0 and 1.")
        if self.network.buckets != self.hashing.buckets:
            raise ValueError("The network and the hashing should use the same number of buckets.")


@dataclass
class TrainResult:
    """The trained detector and the facts that go into its model card."""

    detector: Detector
    card: dict[str, Any]
    epoch_losses: list[float]


def split_train_validation(
    conversations: Sequence[Conversation], share: float, seed: int
) -> tuple[list[Conversation], list[Conversation]]:
    """Stratified deterministic split into (train, validation)."""
    rng = np.random.default_rng(seed)
    train: list[Conversation] = []
    validation: list[Conversation] = []
    for label in (0, 1):
        group = [c for c in conversations if c.label == label]
        order = rng.permutation(len(group))
        cut = round(len(group) * share)
        validation.extend(group[i] for i in order[:cut])
        train.extend(group[i] for i in order[cut:])
    return train, validation


def train_local(
    conversations: Sequence[Conversation], settings: TrainSettings, start: Detector | None = None
) -> TrainResult:
    """Train a detector on labelled conversations and describe the run in a card.

    With `start`, training continues from a copy of its weights (`start` is not changed).
    """
    _require_labels(conversations)
    cfg = settings.training
    share = settings.validation_share if settings.threshold is None else 0.0
    train, validation = split_train_validation(conversations, share, cfg.seed)
    detector = _initial_detector(settings, start)
    detector.warmup = settings.warmup
    dataset = WindowDataset(
        detector.encode(train),
        [c.label or 0 for c in train],
        [c.first_risk_message for c in train],
        window=settings.network.window,
        prefix_rate=cfg.prefix_rate,
        token_dropout=cfg.token_dropout,
        seed=cfg.seed,
    )
    loader = make_loader(dataset, cfg.batch_size, settings.network.authors)
    optimizer = torch.optim.Adam(detector.net.parameters(), lr=cfg.learning_rate)
    started = time.perf_counter()
    losses, privacy = _fit(detector, loader, optimizer, settings)
    seconds = time.perf_counter() - started
    detector.threshold, validation_metrics = _choose_threshold(detector, validation, settings)
    card = {
        "training": cfg.to_json(),
        "data": _data_sizes(train, validation),
        "privacy": privacy,
        "validation": validation_metrics,
        "train_seconds": round(seconds, 2),
        "threshold_note": _THRESHOLD_NOTE if settings.threshold is None else "fixed by the user",
    }
    return TrainResult(detector, card, losses)


def _initial_detector(settings: TrainSettings, start: Detector | None) -> Detector:
    """Fresh weights, or a copy of `start` once its sizes match the settings'."""
    if start is None:
        return Detector.new(settings.network, settings.hashing, seed=settings.training.seed)
    if start.net.config != settings.network:
        raise ValueError("The start model's network sizes differ from the training settings'.")
    if start.hashing != settings.hashing:
        raise ValueError("The start model's hashing differs from the training settings'.")
    torch.manual_seed(settings.training.seed)  # dropout masks, as for fresh weights
    detector = copy.deepcopy(start)
    detector.net.train()  # a start model that has scored anything is in eval mode
    return detector


_THRESHOLD_NOTE = (
    "chosen as the F1-best threshold on the platform's own validation split, scored with a share "
    "of each conversation's features dropped (threshold_stress) so that it holds for unseen "
    "wording; this one number is not covered by the DP guarantee"
)


def _fit(
    detector: Detector,
    loader: Any,
    optimizer: torch.optim.Optimizer,
    settings: TrainSettings,
) -> tuple[list[float], dict[str, Any]]:
    epochs = settings.training.epochs
    model: torch.nn.Module = detector.net
    criterion: Any = torch.nn.BCEWithLogitsLoss()
    private = (
        None if settings.dp is None else make_private(model, optimizer, loader, settings.dp, epochs)
    )
    if private is not None:
        model, optimizer, criterion, loader = (
            private.model,
            private.optimizer,
            private.criterion,
            private.loader,
        )
    bar = tqdm(total=epochs * len(loader), desc="training", disable=not settings.progress)
    losses = [
        run_epoch(model, loader, optimizer, criterion, lambda: bar.update()) for _ in range(epochs)
    ]
    bar.close()
    if private is None:
        return losses, {"dp": False, "epsilon": None, "delta": None}
    return losses, private.card()


def _choose_threshold(
    detector: Detector, validation: Sequence[Conversation], settings: TrainSettings
) -> tuple[float, dict[str, Any]]:
    if settings.threshold is not None:
        return settings.threshold, {}
    labels = np.array([c.label for c in validation])
    stress = settings.threshold_stress
    encoded = detector.encode(validation)
    stressed = _validation_risks(detector, encoded, stress, settings.training.seed)
    threshold = best_threshold(labels, stressed, beta=1.0)
    plain = _validation_risks(detector, encoded, 0.0, settings.training.seed)
    metrics = classification_metrics(labels, plain, threshold)
    return threshold, {**metrics, "split": "validation", "threshold_stress": stress}


def _validation_risks(
    detector: Detector, encoded: list[EncodedConversation], stress: float, seed: int
) -> npt.NDArray[np.float64]:
    """Conversation risks of encoded validation chats with a `stress` share of features dropped."""
    if stress > 0:
        rng = np.random.default_rng(seed)
        encoded = [e.thinned(rng.random(len(e.ids)) >= stress) for e in encoded]
    return np.array([conversation_risk(s) for s in detector.encoded_scores(encoded)])


def _data_sizes(
    train: Sequence[Conversation], validation: Sequence[Conversation]
) -> dict[str, int]:
    return {
        "train_conversations": len(train),
        "train_positives": sum(c.label == 1 for c in train),
        "train_messages": sum(len(c.messages) for c in train),
        "validation_conversations": len(validation),
        "validation_positives": sum(c.label == 1 for c in validation),
    }


def _require_labels(conversations: Sequence[Conversation]) -> None:
    missing = [c.id for c in conversations if c.label is None]
    if missing:
        raise ValueError(f"Training needs labels; conversation {missing[0]!r} has none.")
    if not {c.label for c in conversations} >= {0, 1}:
        raise ValueError("Training needs both grooming (1) and other (0) conversations.")
