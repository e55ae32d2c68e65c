"""Conversation and message records: immutable, validated, format-neutral.

Constraints: a conversation is identified by its `id`; `label` is 1 (grooming), 0 (not) or None
(unlabelled, scoring only); `first_risk_message` is a 0-based index into `messages`. Unknown keys
from an input file are carried in `extra` so that nothing is silently dropped on a round trip.

Example:
    >>> c = Conversation("c-1", (Message("a", "hi"), Message("b", "hey")), label=0)
    >>> c.to_json()["messages"][1]["text"]
    'hey'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SLICE_KEYS = ("lang", "platform", "kind")


@dataclass(frozen=True, slots=True)
class Message:
    """One chat message: who wrote it, what it says, and optionally when (ISO 8601)."""

    author: str
    text: str
    time: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the JSONL representation of this message."""
        record: dict[str, Any] = {"author": self.author, "text": self.text}
        if self.time is not None:
            record["time"] = self.time
        return record


@dataclass(frozen=True, slots=True)
class Conversation:
    """A chat conversation with its optional label and evaluation slices."""

    id: str
    messages: tuple[Message, ...]
    label: int | None = None
    first_risk_message: int | None = None
    lang: str | None = None
    platform: str | None = None
    kind: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.label not in (None, 0, 1):
            raise ValueError(f"The label of conversation {self.id!r} should be 0, 1 or absent.")
        frm = self.first_risk_message
        if frm is not None and not 0 <= frm < max(len(self.messages), 1):
            raise ValueError(
                f"The first_risk_message of conversation {self.id!r} should index a message."
            )

    def to_json(self) -> dict[str, Any]:
        """Return the JSONL representation, unknown keys from the source included."""
        record: dict[str, Any] = {"id": self.id}
        if self.label is not None:
            record["label"] = self.label
        if self.first_risk_message is not None:
            record["first_risk_message"] = self.first_risk_message
        for key in SLICE_KEYS:
            value = getattr(self, key)
            if value is not None:
                record[key] = value
        record.update(self.extra)
        record["messages"] = [m.to_json() for m in self.messages]
        return record
