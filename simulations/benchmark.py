"""The benchmark: quality and speed targets of the detector, measured and printed side by side.

Constraints: quality comes from a fresh centralized run on held-out phrasing (its thresholds
chosen on validation data); DP epoch time and peak memory come from the same code path a
platform runs; scoring throughput is measured end to end (`score` on a JSONL file: parsing,
normalization, hashing, the network, writing) with torch limited to one thread.

Example:
    >>> rows = run_benchmark(Path("runs/benchmark"), CentralizedSettings())  # doctest: +SKIP
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch

from client.jobs import score_file
from model.data.jsonl import write_conversations
from simulations.centralized import CentralizedResult, CentralizedSettings, corpus, run_centralized
from simulations.report import TEST, write_run

Row = tuple[str, str, float, bool]


def quality_rows(result: CentralizedResult, epsilon: float) -> list[Row]:
    """Targets on held-out phrasing: F1, the DP gap, hard negatives, languages, the baseline."""
    plain, private = result.metrics["non-dp"][TEST], result.metrics[f"dp-eps{epsilon:g}"][TEST]
    baseline = result.metrics["keyword-baseline"][TEST]
    f1, dp_f1 = plain["conversation"]["f1"], private["conversation"]["f1"]
    share = plain["dataset"]["positives"] / plain["dataset"]["conversations"]
    flag_all = 2 * share / (1 + share)  # the F1 of flagging every conversation
    learned = dp_f1 > flag_all + 0.05 and private["conversation"]["roc_auc"] > 0.6
    rows: list[Row] = [
        ("F1 non-DP (held-out phrasing)", ">= 0.90", f1, f1 >= 0.90),
        ("F1 of flagging everything (reference)", "(comparison)", flag_all, True),
        (
            f"F1 DP eps {epsilon:g} gap to non-DP",
            "<= 0.05, DP above flag-all",
            f1 - dp_f1,
            f1 - dp_f1 <= 0.05 and learned,
        ),
        (f"ROC-AUC DP eps {epsilon:g}", "(comparison)", private["conversation"]["roc_auc"], True),
    ]
    for name, metrics in (("non-DP", plain), ("DP", private)):
        worst = max(_hard_negative_rates(metrics))
        rows.append((f"worst hard-negative FPR, {name}", "<= 0.05", worst, worst <= 0.05))
        by_lang = metrics["by_lang"]
        gap = abs(by_lang["en"]["f1"] - by_lang["nl"]["f1"])
        rows.append((f"|F1 en - F1 nl|, {name}", "<= 0.05", gap, gap <= 0.05))
    base_worst = max(_hard_negative_rates(baseline))
    mean_hn = float(np.mean(_hard_negative_rates(private)))
    base_mean = float(np.mean(_hard_negative_rates(baseline)))
    rows.append(("keyword baseline: worst hard-negative FPR", "(comparison)", base_worst, True))
    rows.append(
        (
            "mean hard-negative FPR: baseline minus DP model",
            ">= 0.20 (wide margin)",
            base_mean - mean_hn,
            base_mean - mean_hn >= 0.20,
        )
    )
    return rows


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
        ("DP epoch time / non-DP epoch time", "<= 3.0", private / plain, private / plain <= 3.0),
        ("score throughput, 1 thread (messages/s)", ">= 20000", throughput, throughput >= 20000),
        ("peak memory of DP training (MiB)", "<= 2048", peak, peak <= 2048),
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


def dp_training_peak_mib(work: Path, settings: CentralizedSettings) -> float:
    """Peak resident memory (MiB) of `lurewatch-platform train-local --epsilon` in a child."""
    data = work / "train.jsonl"
    write_conversations(data, corpus(settings.train_conversations, settings.seed, "train"))
    command = [
        sys.executable,
        "-m",
        "client.cli",
        "train-local",
        "--data",
        str(data),
        "--out",
        str(work / "peak-model"),
        "--epsilon",
        str(settings.epsilon),
        "--epochs",
        "2",
        "--quiet",
    ]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return float(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def run_benchmark(work: Path, settings: CentralizedSettings) -> list[Row]:
    """Run everything and return the rows; also writes them to `work/benchmark.json`."""
    work.mkdir(parents=True, exist_ok=True)
    result = run_centralized(settings)
    run = write_run(result, work / "run")
    model = run / f"model-dp-eps{settings.epsilon:g}"
    rows = quality_rows(result, settings.epsilon) + speed_rows(result, work, model, settings)
    (work / "benchmark.json").write_text(
        json.dumps(
            [{"measure": m, "target": t, "measured": v, "met": ok} for m, t, v, ok in rows],
            indent=2,
        )
    )
    return rows


def format_rows(rows: list[Row]) -> str:
    """A fixed-width table of target vs measured."""
    width = max(len(r[0]) for r in rows)
    lines = [f"{'measure':<{width}}  {'target':<22}  {'measured':>10}  met"]
    lines += [f"{m:<{width}}  {t:<22}  {v:>10.3f}  {'yes' if ok else 'NO'}" for m, t, v, ok in rows]
    return "\n".join(lines)
