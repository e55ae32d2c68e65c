"""DP-SGD training: calibrated noise spends the budget, the accountant agrees, validation."""

from __future__ import annotations

import random
from typing import Any

import pytest
from opacus.accountants import RDPAccountant

from client.local_training import TrainSettings, split_train_validation, train_local
from model.data.conversation import Conversation, Message
from model.network import NetworkConfig
from model.text.hashing import HashingConfig
from model.training import TrainingConfig
from privacy.dp_sgd import DPConfig, calibrate_noise


def _small(**kwargs: Any) -> TrainSettings:
    """Settings with a tiny network, so tests train in seconds."""
    network = NetworkConfig(buckets=256, dim=4, hidden=4, window=10)
    return TrainSettings(
        network=network, hashing=HashingConfig(buckets=256), progress=False, **kwargs
    )


def _toy(count: int, seed: int = 0) -> list[Conversation]:
    """Label 1 when someone asks to keep a secret; enough to learn in a few epochs."""
    rnd = random.Random(seed)
    chats = []
    for i in range(count):
        label = i % 3 == 0
        texts = [rnd.choice(["hi", "gg", "lol ok", "what game"]) for _ in range(rnd.randint(3, 8))]
        if label:
            texts.insert(rnd.randint(1, len(texts)), "dont tell anyone, our secret")
        messages = tuple(Message("ab"[k % 2], t) for k, t in enumerate(texts))
        first = next((k for k, t in enumerate(texts) if "secret" in t), None)
        chats.append(Conversation(f"t{i}", messages, label=int(label), first_risk_message=first))
    return chats


def test_noise_calibration_spends_the_whole_budget() -> None:
    config = DPConfig(target_epsilon=4.0, target_delta=1e-5)
    sigma = calibrate_noise(config, sample_rate=0.02, epochs=5)
    accountant = RDPAccountant()
    accountant.history = [(sigma, 0.02, 5 * 50)]
    assert accountant.get_epsilon(1e-5) == pytest.approx(4.0, abs=0.05)
    assert calibrate_noise(DPConfig(1.0, 1e-5), 0.02, 5) > sigma  # a tighter budget, more noise


def test_dp_training_reports_the_accountants_epsilon() -> None:
    settings = _small(
        training=TrainingConfig(epochs=3, batch_size=16, learning_rate=0.01),
        dp=DPConfig(target_epsilon=3.0, target_delta=1e-5),
    )
    result = train_local(_toy(240), settings)
    privacy = result.card["privacy"]
    independent = RDPAccountant()
    steps = round(3 / privacy["sample_rate"])
    independent.history = [(privacy["noise_multiplier"], privacy["sample_rate"], steps)]
    assert privacy["epsilon"] == pytest.approx(independent.get_epsilon(1e-5), rel=0.02)
    assert 2.5 < privacy["epsilon"] <= 3.05


def test_non_private_training_learns_the_toy_task() -> None:
    settings = _small(training=TrainingConfig(epochs=6, batch_size=16, learning_rate=0.02))
    result = train_local(_toy(300), settings)
    assert result.card["privacy"]["dp"] is False
    assert result.card["validation"]["f1"] >= 0.9
    assert result.epoch_losses[-1] < result.epoch_losses[0]


def test_training_refuses_unlabelled_or_one_class_data() -> None:
    chats = _toy(30)
    unlabelled = [Conversation("u", chats[0].messages)]
    with pytest.raises(ValueError, match="has none"):
        train_local(chats + unlabelled, _small())
    negatives = [c for c in chats if c.label == 0]
    with pytest.raises(ValueError, match="both grooming"):
        train_local(negatives, _small())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"target_epsilon": 0, "target_delta": 1e-5}, "epsilon"),
        ({"target_epsilon": 1, "target_delta": 1.5}, "delta"),
        ({"target_epsilon": 1, "target_delta": 1e-5, "max_grad_norm": -1}, "clipping norm"),
        ({"target_epsilon": 1, "target_delta": 1e-5, "accountant": "gdp"}, "accountant"),
    ],
)
def test_dp_config_is_validated(kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DPConfig(**kwargs)  # type: ignore[arg-type]


def test_split_is_stratified_and_deterministic() -> None:
    chats = _toy(90)
    train, validation = split_train_validation(chats, 0.2, seed=1)
    assert sum(c.label == 1 for c in validation) == 6 and len(validation) == 18
    assert len(train) == 72 and not {c.id for c in train} & {c.id for c in validation}
    assert [c.id for c in split_train_validation(chats, 0.2, seed=1)[1]] == [
        c.id for c in validation
    ]


def test_threshold_stress_is_validated() -> None:
    with pytest.raises(ValueError, match="threshold stress"):
        _small(threshold_stress=1.0)


def test_a_stressed_threshold_is_less_confident_than_the_plain_one() -> None:
    chats = _toy(300)
    training = TrainingConfig(epochs=6, batch_size=16, learning_rate=0.02)
    plain = train_local(chats, _small(training=training, threshold_stress=0.0))
    stressed = train_local(chats, _small(training=training, threshold_stress=0.8))
    assert stressed.card["validation"]["threshold_stress"] == 0.8
    assert stressed.detector.threshold < plain.detector.threshold
    assert stressed.card["validation"]["f1"] >= 0.9  # still right on the plain validation chats
