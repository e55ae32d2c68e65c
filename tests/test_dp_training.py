"""DP-SGD training: calibrated noise spends the budget, the accountant agrees, validation."""

from __future__ import annotations

import pytest
from opacus.accountants import RDPAccountant
from toy_data import small_settings, toy_conversations

from client.local_training import TrainSettings, split_train_validation, train_local
from model.data.conversation import Conversation
from model.training import TrainingConfig
from privacy.dp_sgd import DPConfig, calibrate_noise


def test_noise_calibration_spends_the_whole_budget() -> None:
    config = DPConfig(target_epsilon=4.0, target_delta=1e-5)
    sigma = calibrate_noise(config, sample_rate=0.02, epochs=5)
    accountant = RDPAccountant()
    accountant.history = [(sigma, 0.02, 5 * 50)]
    assert accountant.get_epsilon(1e-5) == pytest.approx(4.0, abs=0.05)
    assert calibrate_noise(DPConfig(1.0, 1e-5), 0.02, 5) > sigma  # a tighter budget, more noise


def test_dp_training_reports_the_accountants_epsilon() -> None:
    settings = small_settings(
        training=TrainingConfig(epochs=3, batch_size=16, learning_rate=0.01),
        dp=DPConfig(target_epsilon=3.0, target_delta=1e-5),
    )
    result = train_local(toy_conversations(240), settings)
    privacy = result.card["privacy"]
    independent = RDPAccountant()
    steps = round(3 / privacy["sample_rate"])
    independent.history = [(privacy["noise_multiplier"], privacy["sample_rate"], steps)]
    assert privacy["epsilon"] == pytest.approx(independent.get_epsilon(1e-5), rel=0.02)
    assert 2.5 < privacy["epsilon"] <= 3.05


def test_non_private_training_learns_the_toy_task() -> None:
    settings = small_settings(training=TrainingConfig(epochs=6, batch_size=16, learning_rate=0.02))
    result = train_local(toy_conversations(300), settings)
    assert result.card["privacy"]["dp"] is False
    assert result.card["validation"]["f1"] >= 0.9
    assert result.epoch_losses[-1] < result.epoch_losses[0]


def test_training_refuses_unlabelled_or_one_class_data() -> None:
    chats = toy_conversations(30)
    unlabelled = [Conversation("u", chats[0].messages)]
    with pytest.raises(ValueError, match="has none"):
        train_local(chats + unlabelled, small_settings())
    negatives = [c for c in chats if c.label == 0]
    with pytest.raises(ValueError, match="both grooming"):
        train_local(negatives, small_settings())


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
    chats = toy_conversations(90)
    train, validation = split_train_validation(chats, 0.2, seed=1)
    assert sum(c.label == 1 for c in validation) == 6 and len(validation) == 18
    assert len(train) == 72 and not {c.id for c in train} & {c.id for c in validation}
    assert [c.id for c in split_train_validation(chats, 0.2, seed=1)[1]] == [
        c.id for c in validation
    ]


def test_threshold_stress_and_warm_up_are_validated() -> None:
    with pytest.raises(ValueError, match="threshold stress"):
        small_settings(threshold_stress=1.0)
    with pytest.raises(ValueError, match="warm-up should be at least 1"):
        TrainSettings(warmup=0)


def test_a_stressed_threshold_is_less_confident_than_the_plain_one() -> None:
    chats = toy_conversations(300)
    training = TrainingConfig(epochs=6, batch_size=16, learning_rate=0.02)
    plain = train_local(chats, small_settings(training=training, threshold_stress=0.0))
    stressed = train_local(chats, small_settings(training=training, threshold_stress=0.8))
    assert stressed.card["validation"]["threshold_stress"] == 0.8
    assert stressed.detector.threshold < plain.detector.threshold
    assert stressed.card["validation"]["f1"] >= 0.9  # still right on the plain validation chats
