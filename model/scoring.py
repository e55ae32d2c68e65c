"""Risk after every message: batch scoring of whole conversations, and a streaming scorer.

Constraints: the risk after message k is the network's score of the window of the last
`window` messages ending at k, exactly what training sees, except during the warm-up: before a
conversation holds `warmup` messages its risk is 0, since two or three messages cannot yet show
who is talking to whom (on the development sets, early windows were where most false alarms
peaked). Both scorers compute each message's bag vector once and pool windows from those
vectors, and they agree to float precision (tested). The streaming scorer keeps
per-conversation state only for the last `window` messages.

Example:
    >>> scores = conversation_scores(net, encoded)  # doctest: +SKIP
    >>> scores[0][k]  # risk after message k of the first conversation  # doctest: +SKIP
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import torch

from model.network import ConversationRiskNet
from model.text.hashing import FeatureHasher
from model.text.normalize import normalize
from model.windows import EncodedConversation

_WINDOWS_PER_CALL = 1024
Scores = npt.NDArray[np.float32]


def message_bags(
    net: ConversationRiskNet, ids: npt.NDArray[np.integer], offsets: npt.NDArray[np.int64]
) -> torch.Tensor:
    """Bag vectors (messages, dim) of flat messages; `offsets` has one start per message."""
    with torch.no_grad():
        return net.embed_messages(
            torch.as_tensor(ids, dtype=torch.int64), torch.as_tensor(offsets[:-1])
        )


def window_risks(
    net: ConversationRiskNet,
    bags: torch.Tensor,
    authors: torch.Tensor,
    lengths: torch.Tensor,
    states: torch.Tensor | None = None,
) -> Scores:
    """Risks of windows: bags (B, W, D) left-aligned, author slots (B, W), lengths (B,)."""
    mask = (torch.arange(bags.shape[1]).unsqueeze(0) < lengths.unsqueeze(1)).float()
    authors = authors.masked_fill(mask == 0, net.config.authors)
    with torch.no_grad():
        return torch.sigmoid(net.window_logits(bags, authors, mask, states)).numpy()


def conversation_scores(
    net: ConversationRiskNet, encoded: Sequence[EncodedConversation], warmup: int = 1
) -> list[Scores]:
    """Per-message risks of each conversation (risk after message k at index k, 0 before
    message `warmup`)."""
    if not encoded:
        return []
    ids = np.concatenate([e.ids for e in encoded])
    sizes = np.concatenate([np.diff(e.offsets) for e in encoded])
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    bags = message_bags(net, ids, offsets)
    with torch.no_grad():
        states = net.message_states(bags)
    index, lengths = _prefix_windows([len(e) for e in encoded], net.config.window)
    authors = torch.from_numpy(np.concatenate([e.authors for e in encoded]))
    risks = np.empty(len(index), dtype=np.float32)
    for order, rows, lens in _chunks(index, lengths):
        risks[order] = window_risks(
            net, bags[rows], authors[rows], torch.from_numpy(lens), states[rows]
        )
    risks[_positions([len(e) for e in encoded]) < warmup - 1] = 0.0
    return np.split(risks, np.cumsum([len(e) for e in encoded])[:-1])


def _positions(counts: Sequence[int]) -> npt.NDArray[np.int64]:
    """The 0-based position of every message in its conversation, conversations concatenated."""
    return np.concatenate([np.arange(c) for c in counts]) if counts else np.zeros(0, np.int64)


def conversation_risk(scores: Scores) -> float:
    """A conversation's risk: the highest risk after any of its messages (0 when empty).

    Example:
        >>> conversation_risk(np.array([0.1, 0.7, 0.2], dtype=np.float32))
        0.699999988079071
    """
    return float(scores.max()) if scores.size else 0.0


def _prefix_windows(
    counts: Sequence[int], window: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Global message indices (N, W) of the window ending at each message, and its length."""
    starts = np.repeat(np.cumsum([0, *counts[:-1]]), counts)
    position = _positions(counts)
    lengths = np.minimum(position + 1, window)
    first = starts + position - lengths + 1
    index = first[:, None] + np.arange(window)[None, :]
    last = (starts + position)[:, None]
    return np.minimum(index, last), lengths


def _chunks(
    index: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]
) -> list[tuple[npt.NDArray[np.int64], torch.Tensor, npt.NDArray[np.int64]]]:
    """Windows grouped by length, each chunk only as wide as its longest window: `(positions,
    rows, lengths)`; short windows (early messages) no longer pay for the full window width."""
    by_length = np.argsort(lengths, kind="stable")
    chunks = []
    for start in range(0, len(by_length), _WINDOWS_PER_CALL):
        order = by_length[start : start + _WINDOWS_PER_CALL]
        width = int(lengths[order].max())
        chunks.append((order, torch.from_numpy(index[order, :width]), lengths[order]))
    return chunks


class ConversationState:
    """What the streaming scorer remembers of one live conversation: its last `window` messages."""

    def __init__(self, window: int) -> None:
        self.authors: dict[str, int] = {}
        self.bags: deque[torch.Tensor] = deque(maxlen=window)
        self.states: deque[torch.Tensor] = deque(maxlen=window)
        self.slots: deque[int] = deque(maxlen=window)
        self.messages = 0

    def push(self, bag: torch.Tensor, state: torch.Tensor, author: str, scored: int) -> None:
        """Append one message's bag vector and state; the oldest leaves a full window."""
        self.bags.append(bag)
        self.states.append(state)
        self.slots.append(min(self.authors.setdefault(author, len(self.authors)), scored))
        self.messages += 1


class StreamingScorer:
    """Scores messages as they arrive; `score_events` micro-batches many conversations."""

    def __init__(self, net: ConversationRiskNet, hasher: FeatureHasher, warmup: int = 1) -> None:
        self.net = net
        self.hasher = hasher
        self.warmup = warmup
        self.conversations: dict[str, ConversationState] = {}

    def score_events(self, events: Sequence[tuple[str, str, str]]) -> Scores:
        """Risk after each `(conversation_id, author, text)` event, in order."""
        ids, offsets = self.hasher.hash_messages([normalize(text) for _, _, text in events])
        bags = message_bags(self.net, ids, offsets)
        with torch.no_grad():
            states = self.net.message_states(bags)
        cfg = self.net.config
        windows, window_states, slots, lengths, seen = [], [], [], [], []
        for (conversation_id, author, _), bag, state in zip(events, bags, states, strict=True):
            live = self.conversations.setdefault(conversation_id, ConversationState(cfg.window))
            live.push(bag, state, author, cfg.authors)
            seen.append(live.messages)
            padding = cfg.window - len(live.bags)
            windows.append(torch.stack([*live.bags, *[bag] * padding]))
            window_states.append(torch.stack([*live.states, *[state] * padding]))
            slots.append(list(live.slots) + [cfg.authors] * padding)
            lengths.append(len(live.bags))
        risks = window_risks(
            self.net,
            torch.stack(windows),
            torch.tensor(slots),
            torch.tensor(lengths),
            torch.stack(window_states),
        )
        risks[np.array(seen) < self.warmup] = 0.0
        return risks
