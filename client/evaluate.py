"""Evaluation of a scorer on labelled conversations: every measure of design/evaluation.md.

Constraints: conversations are streamed in chunks, so memory holds one chunk of text plus one
float per message; a slice (language, platform, kind) gets classification figures only when it
holds both classes, and false-positive rates otherwise. Hard-negative scenarios are the `kind`
values starting with "hard-negative".

Example:
    >>> report = evaluate(detector, read_conversations(path, require_label=True))  # doctest: +SKIP
    >>> report["conversation"]["f1"]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from model.data.conversation import Conversation
from model.evaluation import (
    base_rate_projection,
    classification_metrics,
    early_warning_metrics,
    rate_by_slice,
    sweep_skepticism,
)
from model.scoring import conversation_risk

CHUNK = 512


class Scorer(Protocol):
    """Anything that gives a risk after every message and has a decision rule."""

    threshold: float
    skepticism: int

    def message_scores(self, conversations: Sequence[Conversation]) -> list[Any]: ...


@dataclass
class ScoredSet:
    """Per-conversation facts kept while streaming: label, slices, per-message risks."""

    labels: list[int] = field(default_factory=list)
    scores: list[npt.NDArray[np.float32]] = field(default_factory=list)
    first_risk: list[int | None] = field(default_factory=list)
    slices: dict[str, list[str]] = field(
        default_factory=lambda: {"lang": [], "platform": [], "kind": []}
    )

    def add(self, conversations: Sequence[Conversation], scores: Sequence[Any]) -> None:
        """Record one scored chunk."""
        for conversation, message_scores in zip(conversations, scores, strict=True):
            if conversation.label is None:
                raise ValueError(f"Conversation {conversation.id!r} has no label to evaluate.")
            self.labels.append(conversation.label)
            self.scores.append(np.asarray(message_scores, dtype=np.float32))
            self.first_risk.append(conversation.first_risk_message)
            for key, values in self.slices.items():
                values.append(getattr(conversation, key) or "unknown")

    @property
    def risks(self) -> npt.NDArray[np.float64]:
        """Conversation risk: the maximum over its messages (0 for an empty conversation)."""
        return np.array([conversation_risk(s) for s in self.scores])


def chunked(items: Iterable[Conversation], size: int = CHUNK) -> Iterator[list[Conversation]]:
    """Consecutive lists of at most `size` conversations."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def score_all(scorer: Scorer, conversations: Iterable[Conversation]) -> ScoredSet:
    """Score labelled conversations chunk by chunk."""
    scored = ScoredSet()
    for chunk in chunked(conversations):
        scored.add(chunk, scorer.message_scores(chunk))
    return scored


def evaluate(scorer: Scorer, conversations: Iterable[Conversation]) -> dict[str, Any]:
    """The full evaluation report of `scorer` on labelled `conversations`."""
    return report(score_all(scorer, conversations), scorer.threshold, scorer.skepticism)


def report(scored: ScoredSet, threshold: float, skepticism: int) -> dict[str, Any]:
    """Every measure of the protocol from already scored conversations."""
    labels, risks = np.array(scored.labels), scored.risks
    if labels.size == 0:
        raise ValueError("There are no conversations to evaluate.")
    flags = risks >= threshold
    result: dict[str, Any] = {
        "dataset": {
            "conversations": int(labels.size),
            "positives": int(labels.sum()),
            "messages": int(sum(s.size for s in scored.scores)),
        },
        "conversation": classification_metrics(labels, risks, threshold),
        "false_positive_rate_by_kind": _negative_rates(flags, labels, scored.slices["kind"]),
        "by_lang": _by_slice(labels, risks, threshold, scored.slices["lang"]),
        "by_platform": _by_slice(labels, risks, threshold, scored.slices["platform"]),
    }
    if labels.any():
        result["early_warning"] = early_warning_metrics(
            labels, scored.scores, threshold, skepticism, scored.first_risk
        )
        result["skepticism_sweep"] = sweep_skepticism(
            labels, scored.scores, threshold, scored.first_risk
        )
    if labels.any() and not labels.all():
        result["base_rates"] = base_rate_projection(labels, risks, threshold)
    return result


def _negative_rates(
    flags: npt.NDArray[np.bool_], labels: npt.NDArray[np.int64], kinds: list[str]
) -> dict[str, dict[str, float | int]]:
    negatives = labels == 0
    return rate_by_slice(flags[negatives], [k for k, n in zip(kinds, negatives, strict=True) if n])


def _by_slice(
    labels: npt.NDArray[np.int64],
    risks: npt.NDArray[np.float64],
    threshold: float,
    values: list[str],
) -> dict[str, dict[str, Any]]:
    keys = np.array(values)
    result = {}
    for value in sorted(set(values)):
        inside = keys == value
        result[value] = classification_metrics(labels[inside], risks[inside], threshold)
    return result
