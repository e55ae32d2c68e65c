"""Conversations written by hand by other writers: a training, a development and a test set.

Constraints: every writer wrote from the public warning-sign taxonomy (non-explicit by the same
rule as the generator) without reading the generator's phrase banks, the concept lexicon or any
other hand-written set. The three sets never share a writer and are used in one way each:
`train` (`data/handwritten/train/`) joins every training corpus; `dev` (`data/handwritten/dev/`)
is for choosing settings and is never trained on; `test` (`data/handwritten/test/`, the
"independent-writers" set of the reports) is never trained on and no setting is chosen on it.
The dev and test sets are small (100 and 160 conversations), so their figures are rough.

Example:
    >>> chats = handwritten_conversations("test")
    >>> sorted({c.lang for c in chats})
    ['en', 'nl']
"""

from __future__ import annotations

from pathlib import Path

from model.data.conversation import Conversation
from model.data.jsonl import read_all

HANDWRITTEN_DIR = Path(__file__).resolve().parent / "data" / "handwritten"
HANDWRITTEN_SETS = ("train", "dev", "test")


def handwritten_conversations(name: str, directory: Path = HANDWRITTEN_DIR) -> list[Conversation]:
    """Every labelled conversation of the set `name`, in file-name order.

    Example:
        >>> handwritten_conversations("unseen")
        Traceback (most recent call last):
        ...
        ValueError: Unknown hand-written set 'unseen'; expected one of train, dev, test.
    """
    if name not in HANDWRITTEN_SETS:
        expected = ", ".join(HANDWRITTEN_SETS)
        raise ValueError(f"Unknown hand-written set {name!r}; expected one of {expected}.")
    files = sorted((directory / name).glob("*.jsonl"))
    if not files:
        raise ValueError(f"{directory / name}: no hand-written conversations (*.jsonl) found.")
    return [c for path in files for c in read_all(path, require_label=True)]
