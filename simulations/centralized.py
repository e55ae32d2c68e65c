"""The centralized experiment: DP and non-DP detectors and the keyword baseline, on one corpus.

Constraints: training data uses only the training part of the phrase inventory; the test sets
are generated with other seeds, one with the training phrasing (memorization) and one with the
held-out phrasing (generalization, the figure that counts). Thresholds come from each model's
validation split of the training data; nothing is tuned on a test set.

Example:
    >>> result = run_centralized(CentralizedSettings(train_conversations=600))  # doctest: +SKIP
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from client.evaluate import ScoredSet, report, score_all
from client.local_training import TrainResult, TrainSettings, train_local
from model.data.conversation import Conversation
from model.training import TrainingConfig
from privacy.dp_sgd import DPConfig
from simulations.baseline import KeywordBaseline
from simulations.synth import generate_conversations

PLATFORMS = ("social", "gaming", "metaverse")


@dataclass(frozen=True)
class CentralizedSettings:
    """Sizes, seeds and the privacy target of the centralized experiment."""

    train_conversations: int = 9000
    test_conversations: int = 3000
    epsilon: float = 8.0
    delta: float = 1e-5
    seed: int = 7
    training: TrainingConfig = field(default_factory=TrainingConfig)
    progress: bool = True


@dataclass
class CentralizedResult:
    """Trained models and their scored test sets, keyed by model name and test set."""

    models: dict[str, TrainResult]
    baseline: KeywordBaseline
    scored: dict[str, dict[str, ScoredSet]]
    metrics: dict[str, Any]
    test_sets: dict[str, list[Conversation]]


def corpus(count: int, seed: int, phrasing: str) -> list[Conversation]:
    """A mixed-platform corpus: an equal share of each platform type."""
    share = count // len(PLATFORMS)
    return [
        conversation
        for index, platform in enumerate(PLATFORMS)
        for conversation in generate_conversations(
            share,
            seed=seed * 31 + index,
            phrasing=phrasing,
            platform=platform,
            id_prefix=f"{phrasing}-{platform}",
        )
    ]


def run_centralized(settings: CentralizedSettings) -> CentralizedResult:
    """Generate, train (non-DP, DP), fit the baseline, evaluate all on both test sets."""
    train = corpus(settings.train_conversations, settings.seed, "train")
    test_sets = {
        "heldout-phrasing": corpus(settings.test_conversations, settings.seed + 1, "heldout"),
        "training-phrasing": corpus(settings.test_conversations, settings.seed + 2, "train"),
    }
    dp = DPConfig(settings.epsilon, settings.delta)
    models = {
        name: _train(train, settings, privacy)
        for name, privacy in (("non-dp", None), (f"dp-eps{settings.epsilon:g}", dp))
    }
    baseline = KeywordBaseline().fit(train)
    scorers: dict[str, Any] = {name: result.detector for name, result in models.items()}
    scorers["keyword-baseline"] = baseline
    scored = {
        name: {test: score_all(s, data) for test, data in test_sets.items()}
        for name, s in scorers.items()
    }
    metrics = {
        name: {
            test: report(sc, scorers[name].threshold, scorers[name].skepticism)
            for test, sc in by_test.items()
        }
        for name, by_test in scored.items()
    }
    return CentralizedResult(models, baseline, scored, metrics, test_sets)


def _train(
    train: list[Conversation], settings: CentralizedSettings, dp: DPConfig | None
) -> TrainResult:
    started = time.perf_counter()
    result = train_local(
        train, TrainSettings(training=settings.training, dp=dp, progress=settings.progress)
    )
    result.card["wall_seconds"] = round(time.perf_counter() - started, 2)
    return result
