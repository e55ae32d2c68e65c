"""The benchmark: quality and speed targets of the detector, measured and printed side by side.

Constraints: quality comes from a fresh centralized run on held-out phrasing (its thresholds
chosen on validation data), repeated over several training seeds on the same data and reported as
mean and standard deviation, a target counting as met only when every seed meets it (one seed's
F1 moves by about 0.03-0.05 here); DP epoch time and peak memory come from the same code path a
platform runs; scoring throughput is measured end to end (`score` on a JSONL file: parsing,
normalization, hashing, the network, writing) with torch limited to one thread.

Example:
    >>> rows = run_benchmark(Path("runs/benchmark"), CentralizedSettings())  # doctest: +SKIP
    >>> row = combine([[Row("F1", ">= 0.9", 0.5, False)], [Row("F1", ">= 0.9", 0.7, False)]])[0]
    >>> round(row.measured, 3), round(row.spread, 3)
    (0.6, 0.1)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import torch

from client.jobs import score_file
from model.data.jsonl import write_conversations
from simulations.centralized import (
    INDEPENDENT,
    PUBLIC_SEED,
    CentralizedResult,
    CentralizedSettings,
    corpus,
    run_centralized,
)
from simulations.report import TEST, write_run

TRAINING_SEEDS = 3  # training runs per benchmark; one seed moves F1 by 0.03-0.05


class Row(NamedTuple):
    """One benchmark line; with several training seeds `measured` is their mean, `spread` their
    standard deviation."""

    measure: str
    target: str
    measured: float
    met: bool
    spread: float = 0.0


def combine(runs: Sequence[Sequence[Row]]) -> list[Row]:
    """Mean and standard deviation of each row over runs; met only where every run met it."""
    combined = []
    for same in zip(*runs, strict=True):
        values = [row.measured for row in same]
        met = all(row.met for row in same)
        first = same[0]
        combined.append(
            Row(first.measure, first.target, float(np.mean(values)), met, float(np.std(values)))
        )
    return combined


def seed_settings(settings: CentralizedSettings, count: int) -> list[CentralizedSettings]:
    """`count` copies of `settings` with consecutive training seeds (the data stay the same)."""
    if count < 1:
        raise ValueError("The number of training seeds should be a positive integer.")
    base = settings.training
    return [replace(settings, training=replace(base, seed=base.seed + k)) for k in range(count)]


def quality_rows(result: CentralizedResult, epsilon: float) -> list[Row]:
    """Targets on held-out phrasing: F1, the DP gaps, hard negatives, languages, the baseline."""
    private = f"dp-eps{epsilon:g}"
    models = {
        "non-DP": result.metrics["non-dp"][TEST],
        "DP": result.metrics[private][TEST],
        "DP from public seed": result.metrics[f"{private}-from-{PUBLIC_SEED}"][TEST],
    }
    plain = models["non-DP"]
    f1 = plain["conversation"]["f1"]
    seed_f1 = result.metrics[PUBLIC_SEED][TEST]["conversation"]["f1"]
    rows = [
        Row("F1 non-DP (held-out phrasing)", ">= 0.90", f1, f1 >= 0.90),
        Row("ROC-AUC non-DP", "(comparison)", plain["conversation"]["roc_auc"], True),
        Row("F1 of flagging everything (reference)", "(comparison)", _flag_all_f1(plain), True),
        *_dp_rows(f"DP eps {epsilon:g}", models["DP"], plain),
        Row("F1 public seed model alone (no platform data)", "(comparison)", seed_f1, True),
        *_dp_rows(f"DP eps {epsilon:g} from public seed", models["DP from public seed"], plain),
    ]
    for name, metrics in models.items():
        worst = max(_hard_negative_rates(metrics))
        rows.append(Row(f"worst hard-negative FPR, {name}", "<= 0.05", worst, worst <= 0.05))
        by_lang = metrics["by_lang"]
        gap = abs(by_lang["en"]["f1"] - by_lang["nl"]["f1"])
        rows.append(Row(f"|F1 en - F1 nl|, {name}", "<= 0.05", gap, gap <= 0.05))
    rows += _independent_rows(result, ("non-dp", f"{private}-from-{PUBLIC_SEED}"))
    return rows + _baseline_rows(result.metrics["keyword-baseline"][TEST], models["DP"])


def _independent_rows(result: CentralizedResult, names: Sequence[str]) -> list[Row]:
    """F1 and ROC-AUC on the conversations other writers wrote by hand (no target: comparison)."""
    rows = []
    for name in names:
        metrics = result.metrics[name][INDEPENDENT]
        size = metrics["dataset"]["conversations"]
        for key, label in (("f1", "F1"), ("roc_auc", "ROC-AUC")):
            value = metrics["conversation"][key]
            rows.append(Row(f"{label} {name}, other writers ({size} chats)", "(comparison)", value,
                            True))  # fmt: skip
    return rows


def _flag_all_f1(metrics: dict[str, Any]) -> float:
    """The F1 of flagging every conversation of a test set."""
    share = float(metrics["dataset"]["positives"]) / float(metrics["dataset"]["conversations"])
    return 2 * share / (1 + share)


def _dp_rows(name: str, private: dict[str, Any], plain: dict[str, Any]) -> list[Row]:
    """The F1 gap of a DP model to the non-DP one (met only if it learned) and its ROC-AUC."""
    f1, dp_f1 = plain["conversation"]["f1"], private["conversation"]["f1"]
    dp_auc = private["conversation"]["roc_auc"]
    learned = dp_f1 > _flag_all_f1(plain) + 0.05 and dp_auc > 0.6
    return [
        Row(f"F1 {name}: gap to non-DP", "<= 0.05, DP above flag-all", f1 - dp_f1,
            f1 - dp_f1 <= 0.05 and learned),
        Row(f"ROC-AUC {name}", "(comparison)", dp_auc, True),
    ]  # fmt: skip


def _baseline_rows(baseline: dict[str, Any], private: dict[str, Any]) -> list[Row]:
    """The keyword baseline's worst hard-negative FPR and the DP model's margin over it."""
    base_worst = max(_hard_negative_rates(baseline))
    margin = float(np.mean(_hard_negative_rates(baseline))) - float(
        np.mean(_hard_negative_rates(private))
    )
    return [
        Row("keyword baseline: worst hard-negative FPR", "(comparison)", base_worst, True),
        Row("mean hard-negative FPR: baseline minus DP model", ">= 0.20 (wide margin)", margin,
            margin >= 0.20),
    ]  # fmt: skip


def _hard_negative_rates(metrics: dict[str, Any]) -> list[float]:
    """False-positive rates of the hard-negative scenarios in one evaluation report."""
    rates = metrics["false_positive_rate_by_kind"]
    return [float(r["rate"]) for k, r in rates.items() if k.startswith("hard-negative")]


def speed_rows(
    result: CentralizedResult, work: Path, model: Path, settings: CentralizedSettings
) -> list[Row]:
    """DP vs non-DP epoch time, scoring throughput on one thread, peak memory of DP training."""
    cards = {name: t.card for name, t in result.models.items()}
    plain = cards["non-dp"]["train_seconds"]
    private = cards[f"dp-eps{settings.epsilon:g}"]["train_seconds"]
    throughput = scoring_throughput(work, model, settings.seed)
    peak = dp_training_peak_mib(work, settings)
    return [
        Row("DP epoch time / non-DP epoch time", "<= 3.0", private / plain, private / plain <= 3.0),
        Row("score throughput, 1 thread (messages/s)", ">= 20000", throughput, throughput >= 20000),
        Row("peak memory of DP training (MiB)", "<= 2048", peak, peak <= 2048),
    ]


def scoring_throughput(work: Path, model: Path, seed: int) -> float:
    """Messages per second of `score` on a 6,000-conversation file, torch on one thread."""
    data = work / "score-input.jsonl"
    conversations = corpus(6000, seed + 5, "heldout")
    write_conversations(data, conversations)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        started = time.perf_counter()
        score_file(data, model, work / "scores.jsonl")
        seconds = time.perf_counter() - started
    finally:
        torch.set_num_threads(threads)
    return sum(len(c.messages) for c in conversations) / seconds


# Runs `lurewatch-platform` in this child and writes the peak resident memory of the child's
# own address space (VmHWM, kB). `getrusage(RUSAGE_CHILDREN)` is no use here: Linux folds the
# parent's memory into a child's maxrss at fork-and-exec, so it grows with the benchmark itself.
_PEAK_WRAPPER = """
import sys
from client.cli import main
code = main(sys.argv[2:])
status = open("/proc/self/status").read().splitlines()
peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
open(sys.argv[1], "w").write(peak)
sys.exit(code)
"""


def dp_training_peak_mib(work: Path, settings: CentralizedSettings) -> float:
    """Peak resident memory (MiB) of `lurewatch-platform train-local --epsilon` in a child."""
    if not Path("/proc/self/status").exists():
        raise OSError("Measuring peak memory needs Linux's /proc/self/status.")
    data = work / "train.jsonl"
    write_conversations(data, corpus(settings.train_conversations, settings.seed, "train"))
    peak_file = work / "peak-kib.txt"
    command = [sys.executable, "-c", _PEAK_WRAPPER, str(peak_file), "train-local"]
    command += ["--data", str(data), "--out", str(work / "peak-model")]
    command += ["--epsilon", str(settings.epsilon), "--epochs", "2", "--quiet"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return float(peak_file.read_text()) / 1024


def run_benchmark(
    work: Path, settings: CentralizedSettings, training_seeds: int = TRAINING_SEEDS
) -> list[Row]:
    """Run everything and return the rows; also writes them to `work/benchmark.json`.

    Quality rows are combined over `training_seeds` training runs; the report, the model and
    the speed rows come from the first.
    """
    runs = seed_settings(settings, training_seeds)
    work.mkdir(parents=True, exist_ok=True)
    results = [run_centralized(each) for each in runs]
    run = write_run(results[0], work / "run")
    model = run / f"model-dp-eps{settings.epsilon:g}"
    quality = combine([quality_rows(result, settings.epsilon) for result in results])
    rows = quality + speed_rows(results[0], work, model, settings)
    records = [{**row._asdict(), "training_seeds": training_seeds} for row in rows]
    (work / "benchmark.json").write_text(json.dumps(records, indent=2))
    return rows


def format_rows(rows: Sequence[Row]) -> str:
    """A fixed-width table of target vs measured (with the spread over training seeds)."""
    width = max(len(r.measure) for r in rows)
    lines = [f"{'measure':<{width}}  {'target':<26}  {'measured':>10}  {'sd':>6}  met"]
    lines += [
        f"{r.measure:<{width}}  {r.target:<26}  {r.measured:>10.3f}  "
        f"{_spread(r.spread):>6}  {'yes' if r.met else 'NO'}"
        for r in rows
    ]
    return "\n".join(lines)


def _spread(value: float) -> str:
    return f"{value:.3f}" if value else "-"
