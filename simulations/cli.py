"""`lurewatch-simulate`: synthetic platforms, the main run, and the benchmark."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from model.training import TrainingConfig
from simulations.benchmark import TRAINING_SEEDS, format_rows, run_benchmark
from simulations.centralized import CentralizedSettings, run_centralized
from simulations.report import write_run
from simulations.synth import generate_platform_corpora
from simulations.synth.bank import PHRASINGS

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lurewatch-simulate", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="write one synthetic JSONL file per platform")
    generate.add_argument("--platforms", type=int, required=True)
    generate.add_argument("--conversations", type=int, required=True, help="total, all platforms")
    generate.add_argument("--seed", type=int, default=0)
    generate.add_argument("--phrasing", choices=PHRASINGS, default="train")
    generate.add_argument("--out", type=Path, required=True)
    for name, help_text in (
        ("run", "train and evaluate; write runs/latest"),
        ("benchmark", "measure the quality and speed targets"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument(
            "--out", type=Path, default=Path(f"runs/{'latest' if name == 'run' else 'benchmark'}")
        )
        command.add_argument(
            "--train-conversations", type=int, default=CentralizedSettings.train_conversations
        )
        command.add_argument(
            "--test-conversations", type=int, default=CentralizedSettings.test_conversations
        )
        command.add_argument("--epochs", type=int, default=TrainingConfig.epochs)
        command.add_argument("--epsilon", type=float, default=CentralizedSettings.epsilon)
        command.add_argument("--seed", type=int, default=CentralizedSettings.seed)
        command.add_argument("--quiet", action="store_true", help="no progress bars")
    benchmark = commands.choices["benchmark"]
    benchmark.add_argument(
        "--training-seeds",
        type=int,
        default=TRAINING_SEEDS,
        help="training runs whose quality is averaged",
    )
    return parser


def _settings(args: argparse.Namespace) -> CentralizedSettings:
    return CentralizedSettings(
        train_conversations=args.train_conversations,
        test_conversations=args.test_conversations,
        epsilon=args.epsilon,
        seed=args.seed,
        training=TrainingConfig(epochs=args.epochs, seed=args.seed),
        progress=not args.quiet,
    )


def _generate(args: argparse.Namespace) -> None:
    paths = generate_platform_corpora(
        args.platforms,
        args.conversations,
        seed=args.seed,
        out_dir=args.out,
        phrasing=args.phrasing,
    )
    print(f"wrote {len(paths)} platform files to {args.out}")


def _run(args: argparse.Namespace) -> None:
    out = write_run(run_centralized(_settings(args)), args.out)
    print(f"wrote {out}/report.md, metrics.json, plots and model directories")


def _benchmark(args: argparse.Namespace) -> None:
    print(format_rows(run_benchmark(args.out, _settings(args), args.training_seeds)))


COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {
    "generate": _generate,
    "run": _run,
    "benchmark": _benchmark,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `lurewatch-simulate`."""
    args = _parser().parse_args(argv)
    try:
        COMMANDS[args.command](args)
    except (ValueError, OSError) as error:
        print(f"lurewatch-simulate: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
