"""Encoded conversations and the padded window batches the network trains on.

Constraints: a conversation is hashed once (`encode_conversations`) and then sliced into windows
of at most `window` consecutive messages without re-hashing. Authors get slots by first
appearance in the conversation; slots >= `authors` collapse into the "other" slot `authors`.
Ids are stored as int32 (buckets < 2**31).

Example:
    >>> from model.text.hashing import FeatureHasher, HashingConfig
    >>> from model.data.conversation import Conversation, Message
    >>> conv = Conversation("c", (Message("a", "hi"), Message("b", "hey u")))
    >>> [enc] = encode_conversations([conv], FeatureHasher(HashingConfig(buckets=64)), authors=4)
    >>> enc.authors.tolist()
    [0, 1]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import torch

from model.data.conversation import Conversation
from model.text.hashing import FeatureHasher
from model.text.normalize import normalize


@dataclass(frozen=True)
class EncodedConversation:
    """A conversation's hashed messages: message k has ids[offsets[k]:offsets[k+1]]."""

    ids: npt.NDArray[np.int32]
    offsets: npt.NDArray[np.int64]
    authors: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.authors)

    def thinned(self, keep: npt.NDArray[np.bool_]) -> EncodedConversation:
        """The same conversation with only the ids where `keep` is true."""
        owner = np.repeat(np.arange(len(self)), np.diff(self.offsets))
        offsets = np.zeros(len(self) + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner[keep], minlength=len(self)), out=offsets[1:])
        return EncodedConversation(self.ids[keep], offsets, self.authors)


@dataclass(frozen=True)
class WindowBatch:
    """Padded tensors for `ConversationRiskNet.forward`, one row per window."""

    ids: torch.Tensor
    slots: torch.Tensor
    weights: torch.Tensor
    authors: torch.Tensor
    mask: torch.Tensor

    def as_inputs(self) -> tuple[torch.Tensor, ...]:
        """The network's positional inputs."""
        return (self.ids, self.slots, self.weights, self.authors, self.mask)


def author_slots(authors: Sequence[str], scored: int) -> npt.NDArray[np.int64]:
    """Slot of each message's author by first appearance; late authors share slot `scored`.

    Example:
        >>> author_slots(["x", "y", "x", "z"], scored=2).tolist()
        [0, 1, 0, 2]
    """
    seen: dict[str, int] = {}
    slots = [seen.setdefault(author, len(seen)) for author in authors]
    return np.minimum(np.asarray(slots, dtype=np.int64), scored)


def encode_conversations(
    conversations: Sequence[Conversation], hasher: FeatureHasher, authors: int
) -> list[EncodedConversation]:
    """Normalize and hash every message of `conversations` in one vectorised pass."""
    raw = [m.text for c in conversations for m in c.messages]
    normalized = {text: normalize(text) for text in set(raw)}  # "ok", "lol" repeat a lot
    texts = [normalized[text] for text in raw]
    ids, offsets = hasher.hash_messages(texts)
    encoded, first = [], 0
    for conversation in conversations:
        last = first + len(conversation.messages)
        local = offsets[first : last + 1]
        encoded.append(
            EncodedConversation(
                ids=ids[local[0] : local[-1]].astype(np.int32),
                offsets=local - local[0],
                authors=author_slots([m.author for m in conversation.messages], authors),
            )
        )
        first = last
    return encoded


def collate_windows(
    windows: Sequence[tuple[EncodedConversation, int, int]], window: int, authors: int
) -> WindowBatch:
    """Pad windows `(encoded, start, end)` (messages start..end-1) into one batch."""
    if not windows:
        raise ValueError("A window batch should hold at least one window.")
    rows = [_window_row(enc, start, end, window) for enc, start, end in windows]
    width = max(1, max(len(ids) for ids, _, _ in rows))
    ids = np.zeros((len(rows), width), dtype=np.int64)
    slots = np.full((len(rows), width), window - 1, dtype=np.int64)
    weights = np.zeros((len(rows), width), dtype=np.float32)
    author_rows = np.full((len(rows), window), authors, dtype=np.int64)
    mask = np.zeros((len(rows), window), dtype=np.float32)
    for r, ((row_ids, row_slots, row_weights), (enc, start, end)) in enumerate(
        zip(rows, windows, strict=True)
    ):
        ids[r, : len(row_ids)], slots[r, : len(row_ids)] = row_ids, row_slots
        weights[r, : len(row_ids)] = row_weights
        author_rows[r, : end - start] = enc.authors[start:end]
        mask[r, : end - start] = 1.0
    return WindowBatch(*(torch.from_numpy(a) for a in (ids, slots, weights, author_rows, mask)))


def _window_row(
    enc: EncodedConversation, start: int, end: int, window: int
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    if not 0 <= start < end <= len(enc) or end - start > window:
        raise ValueError(f"The window [{start}, {end}) should hold 1 to {window} messages.")
    lengths = np.diff(enc.offsets[start : end + 1])
    ids = enc.ids[enc.offsets[start] : enc.offsets[end]]
    slots = np.repeat(np.arange(end - start), lengths)
    weights = np.ones(len(ids), dtype=np.float32)
    return ids, slots, weights
