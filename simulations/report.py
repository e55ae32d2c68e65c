"""The run directory: model directories, metrics.json, report.md and matplotlib plots.

Constraints: every figure in the report is read from the metrics computed in this run (nothing
typed by hand); plots are written with the non-interactive Agg backend.

Example:
    >>> write_run(result, Path("runs/latest"))  # doctest: +SKIP
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from model.detector import save_detector
from simulations.centralized import INDEPENDENT, CentralizedResult

HEADLINE = ("f1", "f05", "precision", "recall", "roc_auc", "pr_auc", "recall_at_fpr")
TEST = "heldout-phrasing"


def write_run(result: CentralizedResult, out: Path) -> Path:
    """Write models, metrics, plots and the markdown report into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    for name, trained in result.models.items():
        card = {**trained.card, "epoch_losses": trained.epoch_losses}
        save_detector(out / f"model-{name}", trained.detector, card)
    cards = {name: trained.card for name, trained in result.models.items()}
    (out / "metrics.json").write_text(
        json.dumps({"evaluation": result.metrics, "training": cards}, indent=2, default=float)
    )
    plots = [
        _plot_losses(result, out),
        _plot_hard_negatives(result, out),
        _plot_skepticism(result, out),
        _plot_trajectories(result, out),
    ]
    (out / "report.md").write_text(_markdown(result, [p.name for p in plots]))
    return out


def _table(rows: list[list[str]]) -> str:
    header, *body = rows
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value == 0 or abs(value) >= 0.001 else f"{value:.0e}"
    return str(value)


def _markdown(result: CentralizedResult, plots: list[str]) -> str:
    quality = [["model", "test set", "n", "positives", *HEADLINE, "warning F_latency"]]
    for name, by_test in result.metrics.items():
        for test, m in by_test.items():
            c = m["conversation"]
            quality.append(
                [
                    name,
                    test,
                    _fmt(m["dataset"]["conversations"]),
                    _fmt(m["dataset"]["positives"]),
                    *(_fmt(c[k]) for k in HEADLINE),
                    _fmt(m.get("early_warning", {}).get("f_latency")),
                ]
            )
    kinds = sorted(next(iter(result.metrics.values()))[TEST]["false_positive_rate_by_kind"])
    fpr = [["model", *kinds]] + [
        [name, *(_fmt(by[TEST]["false_positive_rate_by_kind"][k]["rate"]) for k in kinds)]
        for name, by in result.metrics.items()
    ]
    langs = [["model", "lang", "n", "positives", "f1", "recall", "precision"]] + [
        [
            name,
            lang,
            _fmt(m["positives"] + m["negatives"]),
            _fmt(m["positives"]),
            _fmt(m["f1"]),
            _fmt(m["recall"]),
            _fmt(m["precision"]),
        ]
        for name, by in result.metrics.items()
        for lang, m in by[TEST]["by_lang"].items()
    ]
    privacy = [["model", "epsilon", "delta", "noise multiplier", "train seconds", "threshold"]] + [
        [
            name,
            _fmt(t.card["privacy"]["epsilon"]),
            _fmt(t.card["privacy"]["delta"]),
            _fmt(t.card["privacy"].get("noise_multiplier")),
            _fmt(t.card["train_seconds"]),
            _fmt(t.detector.threshold),
        ]
        for name, t in result.models.items()
    ]
    sections = [
        "# LureWatch centralized run\n",
        "Training data: the synthetic corpus (its training phrasing, widened by other writers' "
        "lines) and the chats hand-written for training by other writers; thresholds chosen on "
        "each model's validation split of the training data, scored with a share of its "
        "features dropped (the threshold stress in each model card). "
        f"The test set that counts is `{TEST}`: phrasing never seen in training. "
        f"`{INDEPENDENT}` holds conversations written by hand by other writers, never used for "
        "any setting; it is small, so its figures are rough.\n",
        "## Conversation-level quality\n",
        _table(quality),
        f"\n## False-positive rate per scenario ({TEST}, negatives only)\n",
        _table(fpr),
        f"\n## Per language ({TEST})\n",
        _table(langs),
        "\n## Training and privacy\n",
        _table(privacy),
        "\nEpsilon is record-level (one conversation), from the Opacus RDP accountant.\n",
        "\n## Plots\n",
        *(f"![{p}]({p})\n" for p in plots),
    ]
    return "\n".join(sections)


def _plot_losses(result: CentralizedResult, out: Path) -> Path:
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, trained in result.models.items():
        ax.plot(range(1, len(trained.epoch_losses) + 1), trained.epoch_losses, label=name)
    ax.set(xlabel="epoch", ylabel="mean training loss", title="Training loss")
    ax.legend()
    return _save(fig, out / "training-loss.png")


def _plot_hard_negatives(result: CentralizedResult, out: Path) -> Path:
    names = list(result.metrics)
    kinds = sorted(result.metrics[names[0]][TEST]["false_positive_rate_by_kind"])
    fig, ax = plt.subplots(figsize=(11, 4))
    width = 0.8 / len(names)
    for i, name in enumerate(names):
        rates = [
            result.metrics[name][TEST]["false_positive_rate_by_kind"][k]["rate"] for k in kinds
        ]
        ax.bar(np.arange(len(kinds)) + i * width, rates, width, label=name)
    ax.set_xticks(np.arange(len(kinds)) + 0.4 - width / 2, kinds, rotation=35, ha="right")
    ax.set(ylabel="false-positive rate", title=f"False positives per scenario ({TEST})")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    return _save(fig, out / "false-positives-by-scenario.png")


def _plot_skepticism(result: CentralizedResult, out: Path) -> Path:
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, by_test in result.metrics.items():
        sweep = by_test[TEST].get("skepticism_sweep", [])
        ax.plot([r["skepticism"] for r in sweep], [r["f_latency"] for r in sweep], "o-", label=name)
    ax.set(
        xlabel="skepticism s (of the last 10 windows)",
        ylabel="F_latency",
        title=f"Early warning ({TEST})",
    )
    ax.legend(fontsize="small")
    return _save(fig, out / "early-warning-skepticism.png")


def _plot_trajectories(result: CentralizedResult, out: Path) -> Path:
    name = next(iter(result.models))
    scored, data = result.scored[name][TEST], result.test_sets[TEST]
    picks = [
        _first(data, lambda c: c.label == 1),
        _first(data, lambda c: c.label == 0 and (c.kind or "").startswith("hard-negative")),
    ]
    fig, ax = plt.subplots(figsize=(7, 4))
    for index in picks:
        conversation = data[index]
        ax.plot(scored.scores[index], label=f"{conversation.kind} ({conversation.lang})")
        if conversation.first_risk_message is not None:
            ax.axvline(conversation.first_risk_message, ls="--", color="grey")
    ax.axhline(result.models[name].detector.threshold, color="red", lw=0.8, label="threshold")
    ax.set(xlabel="message", ylabel="risk", title=f"Risk after each message ({name})")
    ax.legend()
    return _save(fig, out / "risk-trajectories.png")


def _first(items: list[Any], wanted: Any) -> int:
    return next(i for i, item in enumerate(items) if wanted(item))


def _save(fig: Any, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
