"""Training from a start model: its weights are the starting point, it is never changed, sizes
must match, and the command line records where a fine-tuned model came from."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import torch
from toy_data import small_settings, toy_conversations

from client.cli import main as platform_main
from client.local_training import train_local
from model.data.jsonl import write_conversations
from model.detector import Detector
from model.training import TrainingConfig
from privacy.dp_sgd import DPConfig


def _weights(detector: Detector) -> torch.Tensor:
    return torch.cat([p.detach().flatten() for p in detector.net.parameters()])


def _seed_model() -> Detector:
    settings = small_settings(training=TrainingConfig(epochs=6, batch_size=16, learning_rate=0.02))
    return train_local(toy_conversations(300), settings).detector


def test_fine_tuning_starts_from_the_start_weights_and_leaves_them_alone() -> None:
    start = _seed_model()
    before = _weights(start).clone()
    gentle = small_settings(training=TrainingConfig(epochs=1, batch_size=16, learning_rate=1e-4))
    tuned = train_local(toy_conversations(120, seed=1), gentle, start).detector
    fresh = train_local(toy_conversations(120, seed=1), gentle).detector
    assert torch.equal(_weights(start), before)
    moved = (_weights(tuned) - before).norm()
    assert 0 < moved < 0.1 * (_weights(fresh) - before).norm()


def test_dp_fine_tuning_keeps_what_the_start_model_knows() -> None:
    start = _seed_model()
    settings = small_settings(
        training=TrainingConfig(epochs=2, batch_size=32, learning_rate=1e-3),
        dp=DPConfig(target_epsilon=4.0, target_delta=1e-5),
    )
    tuned = train_local(toy_conversations(240, seed=2), settings, start)
    assert 0 < tuned.card["privacy"]["epsilon"] <= 4.05
    assert tuned.card["validation"]["f1"] >= 0.9  # DP from fresh weights: about 0.4 here


def test_a_start_model_of_other_sizes_is_refused() -> None:
    start = _seed_model()
    other = small_settings()
    other = replace(other, network=replace(other.network, hidden=8))
    with pytest.raises(ValueError, match="network sizes differ"):
        train_local(toy_conversations(30), other, start)


def test_train_local_init_records_the_start_models_hash(tmp_path: Path) -> None:
    data = tmp_path / "chats.jsonl"
    write_conversations(data, toy_conversations(150))
    common = ["--data", str(data), "--epochs", "1", "--batch-size", "16", "--quiet"]
    seed_dir, tuned_dir = tmp_path / "seed", tmp_path / "tuned"
    assert platform_main(["train-local", *common, "--buckets", "512", "--no-dp", "--out",
                          str(seed_dir)]) == 0  # fmt: skip
    assert platform_main(["train-local", *common, "--epsilon", "4", "--init", str(seed_dir),
                          "--out", str(tuned_dir)]) == 0  # fmt: skip
    seed_card = json.loads((seed_dir / "model-card.json").read_text())
    tuned_card = json.loads((tuned_dir / "model-card.json").read_text())
    origin = tuned_card["initialized_from"]
    assert origin["weights_sha256"] == seed_card["weights_sha256"]
    assert origin["privacy"] == {"dp": False, "epsilon": None, "delta": None}
    assert tuned_card["network"]["buckets"] == 512  # the start model's sizes, not the default
    assert tuned_card["privacy"]["dp"] is True


def test_train_local_refuses_a_tampered_start_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "chats.jsonl"
    write_conversations(data, toy_conversations(60))
    common = ["--data", str(data), "--epochs", "1", "--no-dp", "--quiet", "--buckets", "256"]
    assert platform_main(["train-local", *common, "--out", str(tmp_path / "seed")]) == 0
    with (tmp_path / "seed" / "weights.pt").open("ab") as weights:
        weights.write(b"\0")
    code = platform_main(["train-local", *common, "--init", str(tmp_path / "seed"), "--out",
                          str(tmp_path / "tuned")])  # fmt: skip
    assert code == 2 and "do not match" in capsys.readouterr().err
    assert not (tmp_path / "tuned").exists()
