"""`lurewatch-platform`: what a platform partner runs (train-local, score, evaluate)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from client.jobs import evaluate_file, score_file, train_file
from client.local_training import TrainSettings
from model.network import NetworkConfig
from model.text.hashing import HashingConfig
from model.training import TrainingConfig
from privacy.dp_sgd import DPConfig

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lurewatch-platform", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train-local", help="train a detector on your own labelled data")
    train.add_argument("--data", type=Path, required=True, help="labelled conversations (JSONL)")
    train.add_argument("--out", type=Path, required=True, help="model directory to write")
    privacy = train.add_mutually_exclusive_group(required=True)
    privacy.add_argument("--epsilon", type=float, help="record-level DP budget for this run")
    privacy.add_argument("--no-dp", action="store_true", help="train without differential privacy")
    train.add_argument("--delta", type=float, default=1e-5)
    train.add_argument("--epochs", type=int, default=TrainingConfig.epochs)
    train.add_argument("--batch-size", type=int, default=TrainingConfig.batch_size)
    train.add_argument("--learning-rate", type=float, default=TrainingConfig.learning_rate)
    train.add_argument("--max-grad-norm", type=float, default=1.0)
    train.add_argument("--buckets", type=int, default=NetworkConfig.buckets)
    train.add_argument(
        "--init",
        type=Path,
        help="model directory to continue from (its sizes and hashing are used; --buckets is not)",
    )
    train.add_argument("--threshold", type=float, help="fixed decision threshold")
    train.add_argument(
        "--threshold-stress",
        type=float,
        default=TrainSettings.threshold_stress,
        help="share of validation features dropped when choosing the threshold (0 = none)",
    )
    train.add_argument(
        "--warmup",
        type=int,
        default=TrainSettings.warmup,
        help="messages a conversation needs before it gets a risk above 0 (1 = from the first)",
    )
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--quiet", action="store_true", help="no progress bar")
    score = commands.add_parser("score", help="score conversations (JSONL or PAN-2012 XML)")
    score.add_argument("conversations", type=Path)
    score.add_argument("--model", type=Path, required=True)
    score.add_argument("--out", type=Path, required=True)
    evaluate = commands.add_parser("evaluate", help="measure a model on labelled conversations")
    evaluate.add_argument("conversations", type=Path)
    evaluate.add_argument("--model", type=Path, required=True)
    evaluate.add_argument("--out", type=Path, help="write the report as JSON here")
    return parser


def _settings(args: argparse.Namespace) -> TrainSettings:
    dp = None if args.no_dp else DPConfig(args.epsilon, args.delta, args.max_grad_norm)
    return TrainSettings(
        training=TrainingConfig(
            epochs=args.epochs,
            batch_size=args.batch_size,
            learning_rate=args.learning_rate,
            seed=args.seed,
        ),
        network=NetworkConfig(buckets=args.buckets),
        hashing=HashingConfig(buckets=args.buckets),
        dp=dp,
        threshold=args.threshold,
        threshold_stress=args.threshold_stress,
        warmup=args.warmup,
        progress=not args.quiet,
    )


def _train(args: argparse.Namespace) -> None:
    card = train_file(args.data, args.out, _settings(args), args.init)
    privacy = card["privacy"]
    spent = (
        f"epsilon {privacy['epsilon']:.3f} at delta {privacy['delta']:g}"
        if privacy["dp"]
        else "no DP"
    )
    print(f"wrote {args.out} ({spent}; validation F1 {card['validation'].get('f1', 'n/a')})")


def _score(args: argparse.Namespace) -> None:
    count = score_file(args.conversations, args.model, args.out)
    print(f"scored {count} conversations -> {args.out}")


def _evaluate(args: argparse.Namespace) -> None:
    report = evaluate_file(args.conversations, args.model, args.out)
    print(json.dumps(_headline(report), indent=2))


def _headline(report: dict[str, Any]) -> dict[str, Any]:
    keys = ("precision", "recall", "f1", "f05", "roc_auc", "pr_auc", "recall_at_fpr")
    warning = report.get("early_warning", {})
    return {
        **report["dataset"],
        **{key: report["conversation"][key] for key in keys},
        **{f"warning_{key}": warning.get(key) for key in ("f1", "latency", "f_latency")},
        "erde5": warning.get("erde5"),
        "erde50": warning.get("erde50"),
        "false_positive_rate_by_kind": {
            kind: row["rate"] for kind, row in report["false_positive_rate_by_kind"].items()
        },
    }


COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {
    "train-local": _train,
    "score": _score,
    "evaluate": _evaluate,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `lurewatch-platform`."""
    args = _parser().parse_args(argv)
    try:
        COMMANDS[args.command](args)
    except (ValueError, OSError) as error:
        print(f"lurewatch-platform: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
