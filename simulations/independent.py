"""Conversations written by hand by other writers, an evaluation set the generator never saw.

Constraints: the files under `data/independent/` were written for evaluation only, by writers
who did not read the generator's phrase banks or the concept lexicon, from the public warning-
sign taxonomy (non-explicit by the same rule as the generator). They are never trained on and
no setting is chosen on them: they exist to show how far the generator's held-out phrasing is
from phrasing written by somebody else. They are small (160 conversations), so their figures
carry wide confidence intervals.

Example:
    >>> chats = independent_conversations()
    >>> sorted({c.lang for c in chats})
    ['en', 'nl']
"""

from __future__ import annotations

from pathlib import Path

from model.data.conversation import Conversation
from model.data.jsonl import read_all

INDEPENDENT_DIR = Path(__file__).resolve().parent / "data" / "independent"


def independent_conversations(directory: Path = INDEPENDENT_DIR) -> list[Conversation]:
    """Every labelled conversation of the `*.jsonl` files in `directory`, in file-name order."""
    files = sorted(directory.glob("*.jsonl"))
    if not files:
        raise ValueError(f"{directory}: no independently written conversations (*.jsonl) found.")
    return [c for path in files for c in read_all(path, require_label=True)]
