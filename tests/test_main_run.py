"""`lurewatch-simulate run` at a small scale: every model, test set, report section and plot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.detector import load_detector, read_card
from simulations.cli import main as simulate_main

MODELS = ("non-dp", "dp-eps8", "public-seed", "dp-eps8-from-public-seed", "keyword-baseline")
TEST_SETS = {"heldout-phrasing", "training-phrasing", "independent-writers"}


@pytest.mark.slow
def test_the_main_run_writes_models_metrics_report_and_plots(tmp_path: Path) -> None:
    out = tmp_path / "latest"
    args = ["run", "--out", str(out), "--train-conversations", "600"]
    assert simulate_main([*args, "--test-conversations", "300", "--epochs", "1", "--quiet"]) == 0
    metrics = json.loads((out / "metrics.json").read_text())
    assert tuple(metrics["evaluation"]) == MODELS
    assert all(set(by_test) == TEST_SETS for by_test in metrics["evaluation"].values())
    for name in MODELS[:-1]:
        load_detector(out / f"model-{name}")  # verifies the weights against the card
    tuned = read_card(out / "model-dp-eps8-from-public-seed")
    assert 0 < tuned["privacy"]["epsilon"] <= 8.05
    assert tuned["initialized_from"]["model"] == "public-seed"
    report = (out / "report.md").read_text()
    assert "independent-writers" in report and "dp-eps8-from-public-seed" in report
    plots = sorted(p.name for p in out.glob("*.png"))
    assert len(plots) == 4 and all(f"]({p})" in report for p in plots)
