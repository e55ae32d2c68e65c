"""The benchmark's combination of training seeds and its printed table."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.training import TrainingConfig
from simulations.benchmark import Row, combine, dp_training_peak_mib, format_rows, seed_settings
from simulations.centralized import CentralizedSettings


def test_combine_takes_mean_and_population_sd_per_row() -> None:
    runs = [
        [Row("F1", ">= 0.90", 0.50, False), Row("speed", ">= 1", 4.0, True)],
        [Row("F1", ">= 0.90", 0.70, False), Row("speed", ">= 1", 4.0, True)],
        [Row("F1", ">= 0.90", 0.60, False), Row("speed", ">= 1", 4.0, True)],
    ]
    f1, speed = combine(runs)
    assert f1.measured == pytest.approx(0.6)
    assert f1.spread == pytest.approx((0.02 / 3) ** 0.5)  # deviations 0.1, 0.1, 0
    assert (speed.measured, speed.spread, speed.met) == (4.0, 0.0, True)
    assert (f1.measure, f1.target) == ("F1", ">= 0.90")


def test_a_target_counts_as_met_only_when_every_seed_meets_it() -> None:
    runs = [[Row("gap", "<= 0.05", 0.04, True)], [Row("gap", "<= 0.05", 0.06, False)]]
    (gap,) = combine(runs)
    assert gap.measured == pytest.approx(0.05)
    assert not gap.met


def test_combine_refuses_runs_with_different_rows() -> None:
    with pytest.raises(ValueError):
        combine([[Row("a", "", 1.0, True)], [Row("a", "", 1.0, True), Row("b", "", 1.0, True)]])


def test_seed_settings_vary_only_the_training_seed() -> None:
    settings = CentralizedSettings(seed=7, training=TrainingConfig(seed=7, epochs=2))
    runs = seed_settings(settings, 3)
    assert [r.training.seed for r in runs] == [7, 8, 9]
    assert {r.seed for r in runs} == {7}
    assert {r.training.epochs for r in runs} == {2}


def test_seed_settings_need_at_least_one_seed() -> None:
    with pytest.raises(ValueError, match="training seeds"):
        seed_settings(CentralizedSettings(), 0)


def test_format_rows_prints_spread_and_verdict() -> None:
    table = format_rows([Row("F1", ">= 0.90", 0.6, False, 0.05), Row("mem", "<= 2", 1.0, True)])
    first, f1, mem = table.splitlines()
    assert "sd" in first
    assert "0.600" in f1 and "0.050" in f1 and f1.endswith("NO")
    assert mem.split()[-2:] == ["-", "yes"]


def _resident_mib() -> float:
    status = Path("/proc/self/status").read_text().splitlines()
    return float(next(line.split()[1] for line in status if line.startswith("VmRSS:"))) / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_dp_peak_memory_is_the_childs_own_not_the_benchmarks(tmp_path: Path) -> None:
    ballast = bytearray(1536 * 2**20)  # the benchmark process holding 1.5 GiB of results
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page so it is resident
    settings = CentralizedSettings(train_conversations=90, test_conversations=30)
    peak = dp_training_peak_mib(tmp_path, settings)
    assert 50 < peak < _resident_mib() - 1024  # a DP run on 90 chats, without our ballast
    assert (tmp_path / "peak-model" / "model-card.json").exists()
    del ballast
