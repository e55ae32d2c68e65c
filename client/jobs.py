"""The platform's batch jobs behind the CLI: train a model directory, score a file, evaluate.

Constraints: input files are streamed (`score` and `evaluate` hold one chunk of conversations at
a time); outputs are written to a temporary file and renamed, so a failed job never leaves a
half-written result in place of a good one. Files in the PAN-2012 XML format are recognised by
their `.xml` suffix.

Example:
    >>> train_file(Path("platform.jsonl"), Path("model"), TrainSettings())  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from client.evaluate import chunked, evaluate
from client.local_training import TrainSettings, train_local
from model.data.conversation import Conversation
from model.data.jsonl import read_all, read_conversations
from model.data.pan2012 import read_pan_conversations
from model.detector import Detector, load_detector, read_card, save_detector
from model.evaluation import warning_index
from model.scoring import conversation_risk


def read_any(path: Path, *, require_label: bool) -> Iterator[Conversation]:
    """Stream conversations from JSONL, or from PAN-2012 XML (with its predator list beside)."""
    if path.suffix.lower() != ".xml":
        return read_conversations(path, require_label=require_label)
    predators = path.with_suffix(".predators.txt")
    return read_pan_conversations(path, predators if predators.is_file() else None)


def train_file(
    data: Path, out: Path, settings: TrainSettings, start: Path | None = None
) -> dict[str, Any]:
    """Train on a labelled file and write the model directory; return the model card.

    `start` is a model directory to continue from: its network sizes and hashing replace the
    settings' (a fine-tuned model keeps its start's shape); the card records its hash and privacy.
    """
    conversations = read_all(data, require_label=True)
    initial, origin = None, {}
    if start is not None:
        initial = load_detector(start)  # refuses weights that do not match their card
        settings = replace(settings, network=initial.net.config, hashing=initial.hashing)
        origin = {"initialized_from": _origin(read_card(start))}
    result = train_local(conversations, settings, initial)
    card = {
        "model": "LureWatch conversation risk network",
        "trained_on": data.name,
        **origin,
        **result.card,
        "epoch_losses": result.epoch_losses,
        "network": result.detector.net.config.to_json(),
        "hashing": result.detector.hashing.to_json(),
        "threshold": result.detector.threshold,
        "intended_use": "flag conversations for human review; never report automatically",
    }
    save_detector(out, result.detector, card)
    return card


def _origin(card: dict[str, Any]) -> dict[str, Any]:
    """What a fine-tuned model's card says about the model it started from (given its card)."""
    return {key: card.get(key) for key in ("weights_sha256", "trained_on", "privacy")}


def score_lines(detector: Detector, conversations: Iterator[Conversation]) -> Iterator[str]:
    """One JSON line per conversation: id, risk, flagged, first_alert."""
    for chunk in chunked(conversations):
        for conversation, scores in zip(chunk, detector.message_scores(chunk), strict=True):
            alert = (
                warning_index(scores, detector.threshold, detector.skepticism)
                if len(scores)
                else None
            )
            record = {
                "id": conversation.id,
                "risk": round(conversation_risk(scores), 6),
                "flagged": alert is not None,
                "first_alert": alert,
            }
            yield json.dumps(record) + "\n"


def score_file(data: Path, model: Path, out: Path) -> int:
    """Score every conversation of `data` into `out`; return how many were scored."""
    detector = load_detector(model)
    return _write_atomically(out, score_lines(detector, read_any(data, require_label=False)))


def evaluate_file(data: Path, model: Path, out: Path | None) -> dict[str, Any]:
    """Evaluate a model on a labelled file; write the report as JSON when `out` is given."""
    report = evaluate(load_detector(model), read_any(data, require_label=True))
    if out is not None:
        _write_atomically(out, iter([json.dumps(report, indent=2) + "\n"]))
    return report


def _write_atomically(path: Path, chunks: Iterator[str]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    count = 0
    try:
        with partial.open("w", encoding="utf-8") as handle:
            for count, chunk in enumerate(chunks, start=1):  # noqa: B007
                handle.write(chunk)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count
