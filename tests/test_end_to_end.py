"""End to end through the command lines: generate -> train-local -> score -> evaluate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from client.cli import main as platform_main
from model.data.jsonl import read_all
from simulations.cli import main as simulate_main


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("platforms")
    args = ["generate", "--platforms", "2", "--conversations", "3000", "--seed", "3"]
    assert simulate_main([*args, "--out", str(out)]) == 0
    return out


def _train(corpus_dir: Path, out: Path, *privacy: str) -> dict[str, object]:
    data = corpus_dir / "platform-00.jsonl"
    args = [
        "train-local",
        "--data",
        str(data),
        "--out",
        str(out),
        *privacy,
        "--epochs",
        "8",
        "--batch-size",
        "16",
        "--buckets",
        "4096",
        "--quiet",
    ]
    assert platform_main(args) == 0
    card: dict[str, object] = json.loads((out / "model-card.json").read_text())
    return card


@pytest.mark.slow
def test_dp_model_scores_and_evaluates(corpus_dir: Path, tmp_path: Path) -> None:
    card = _train(corpus_dir, tmp_path / "model", "--epsilon", "8")
    privacy = card["privacy"]
    assert isinstance(privacy, dict) and 0 < privacy["epsilon"] <= 8.05
    test_file = corpus_dir / "platform-01.jsonl"
    scores = tmp_path / "scores.jsonl"
    assert (
        platform_main(
            ["score", str(test_file), "--model", str(tmp_path / "model"), "--out", str(scores)]
        )
        == 0
    )
    lines = [json.loads(line) for line in scores.read_text().splitlines()]
    conversations = read_all(test_file)
    assert [line["id"] for line in lines] == [c.id for c in conversations]
    for line in lines:
        assert set(line) == {"id", "risk", "flagged", "first_alert"}
        assert 0.0 <= line["risk"] <= 1.0 and line["flagged"] == (line["first_alert"] is not None)
    report_path = tmp_path / "report.json"
    assert (
        platform_main(
            [
                "evaluate",
                str(test_file),
                "--model",
                str(tmp_path / "model"),
                "--out",
                str(report_path),
            ]
        )
        == 0
    )
    report = json.loads(report_path.read_text())
    assert report["dataset"]["conversations"] == len(conversations)
    assert {"f1", "f05", "roc_auc", "pr_auc"} <= set(report["conversation"])
    assert {"f_latency", "erde5", "erde50"} <= set(report["early_warning"])
    assert any(kind.startswith("hard-negative") for kind in report["false_positive_rate_by_kind"])


@pytest.mark.slow
def test_non_private_model_beats_chance_on_another_platform(
    corpus_dir: Path, tmp_path: Path
) -> None:
    card = _train(corpus_dir, tmp_path / "model", "--no-dp")
    assert card["privacy"] == {"dp": False, "epsilon": None, "delta": None}
    report = tmp_path / "r.json"
    test_file = str(corpus_dir / "platform-01.jsonl")
    assert (
        platform_main(
            ["evaluate", test_file, "--model", str(tmp_path / "model"), "--out", str(report)]
        )
        == 0
    )
    # Small data (about 1,200 chats), another platform type: clearly better than chance (0.5).
    assert json.loads(report.read_text())["conversation"]["roc_auc"] > 0.6


def test_bad_input_is_reported_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "label": 1, "messages": [{"author": "x", "text": 5}]}\n')
    code = platform_main(
        ["train-local", "--data", str(bad), "--out", str(tmp_path / "m"), "--no-dp", "--quiet"]
    )
    assert code == 2
    assert f"{bad}:1: field 'messages[0].text'" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_scoring_with_a_missing_model_fails_cleanly(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "scores.jsonl"
    code = platform_main(
        [
            "score",
            str(corpus_dir / "platform-00.jsonl"),
            "--model",
            str(tmp_path / "nowhere"),
            "--out",
            str(out),
        ]
    )
    assert code == 2 and "missing" in capsys.readouterr().err and not out.exists()
