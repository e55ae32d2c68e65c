"""The conversation risk network: hashed message bags -> message states -> per-author risk.

Constraints: every layer is DP-SGD-trainable with Opacus ghost clipping (the bag embedding has
its own exact norm sampler in `privacy.bag_norms`; the rest are `nn.Linear`); every input of a
parametrised module is batch-first, one row per conversation window. A window holds at most
`window` messages, oldest first. Authors are numbered by first appearance in the conversation;
the first `authors` of them are scored, later ones count only as "other" context. The window's
logit is the maximum over its scored authors, so the risk is "does someone here behave like a
groomer towards the others", which is what separates a stranger's probing from peers or family.

Example:
    >>> net = ConversationRiskNet(NetworkConfig(buckets=64, dim=8, hidden=8, window=4))
    >>> ids = torch.tensor([[1, 2, 3, 0]]); slots = torch.tensor([[0, 0, 1, 3]])
    >>> weights = torch.tensor([[0.5, 0.5, 1.0, 0.0]])
    >>> authors = torch.tensor([[0, 1, 4, 4]]); mask = torch.tensor([[1.0, 1.0, 0.0, 0.0]])
    >>> net(ids, slots, weights, authors, mask).shape
    torch.Size([1])
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

_AUTHOR_STATS = 3


@dataclass(frozen=True)
class NetworkConfig:
    """Sizes of the network; the update size is about `buckets * dim * 4` bytes."""

    buckets: int = 2**15
    dim: int = 32
    hidden: int = 64
    window: int = 50
    authors: int = 4
    dropout: float = 0.5

    def __post_init__(self) -> None:
        for name in ("buckets", "dim", "hidden", "window", "authors"):
            if getattr(self, name) < 1:
                raise ValueError(f"The network size '{name}' should be a positive integer.")
        if not 0 <= self.dropout < 1:
            raise ValueError("The dropout rate should be in [0, 1).")

    def to_json(self) -> dict[str, Any]:
        """Return the configuration as a JSON-ready dict."""
        return asdict(self)


class HashedBagEmbedding(nn.Module):
    """Weighted sum of table rows per message bag, shaped (windows, window, dim).

    `ids[b, t]` is a bucket id of window b, `slots[b, t]` the message (0..window-1) it belongs to
    (non-decreasing along t) and `weights[b, t]` its weight: 1 (the detector sums, so a message's
    vector grows with its evidence and short filler messages cannot dominate a window), 0 for
    padding.
    """

    def __init__(self, buckets: int, dim: int, window: int) -> None:
        super().__init__()
        self.window = window
        self.weight = nn.Parameter(torch.randn(buckets, dim) * 0.1)

    def forward(
        self, ids: torch.Tensor, slots: torch.Tensor, weights: torch.Tensor
    ) -> torch.Tensor:
        batch = ids.shape[0]
        bag = (torch.arange(batch).unsqueeze(1) * self.window + slots).reshape(-1)
        offsets = torch.searchsorted(bag, torch.arange(batch * self.window))
        bags = F.embedding_bag(
            ids.reshape(-1),
            self.weight,
            offsets,
            mode="sum",
            per_sample_weights=weights.reshape(-1),
        )
        return bags.view(batch, self.window, -1)


class ConversationRiskNet(nn.Module):
    """Scores conversation windows; `forward` returns one logit per window."""

    def __init__(self, config: NetworkConfig) -> None:
        super().__init__()
        self.config = config
        self.embedding = HashedBagEmbedding(config.buckets, config.dim, config.window)
        self.message = nn.Linear(config.dim, config.hidden)
        self.author = nn.Linear(4 * config.hidden + _AUTHOR_STATS, config.hidden)
        self.out = nn.Linear(config.hidden, 1)
        self.evidence = nn.Linear(config.dim, 1)

    def forward(
        self,
        ids: torch.Tensor,
        slots: torch.Tensor,
        weights: torch.Tensor,
        authors: torch.Tensor,
        mask: torch.Tensor,
    ) -> torch.Tensor:
        bags = self.embedding(ids, slots, weights)
        return self.window_logits(bags, authors, mask)

    def message_states(self, bags: torch.Tensor) -> torch.Tensor:
        """Map message bag vectors (..., dim) to message states (..., hidden)."""
        return F.gelu(self.message(bags))

    def embed_messages(self, ids: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        """Bag vectors (sums) of flat messages (`offsets` has one start per message)."""
        return F.embedding_bag(ids, self.embedding.weight, offsets, mode="sum")

    def window_logits(
        self,
        bags: torch.Tensor,
        authors: torch.Tensor,
        mask: torch.Tensor,
        states: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """Logits (B,) of windows from message bag vectors (B, W, D), author slots and mask.

        `states` are `message_states(bags)` when the caller already has them.
        """
        states = self.message_states(bags) if states is None else states
        overall = self.evidence(_masked_mean(bags, mask.unsqueeze(-1)).squeeze(1)).squeeze(-1)
        mine = F.one_hot(authors, self.config.authors + 1)[..., :-1].to(states.dtype)
        mine = mine * mask.unsqueeze(-1)
        theirs = mask.unsqueeze(-1) - mine
        own_max, others_max = _author_maxima(states, authors, mask, self.config.authors)
        features = torch.cat(
            [
                _masked_mean(states, mine),
                own_max,
                _masked_mean(states, theirs),
                others_max,
                _author_stats(mine, mask),
            ],
            dim=-1,
        )
        features = F.dropout(features, self.config.dropout, self.training)
        logits = self.out(F.gelu(self.author(features))).squeeze(-1)
        present = mine.sum(1) > 0
        window_logit: torch.Tensor = logits.masked_fill(~present, -1e4).amax(dim=1) + overall
        return window_logit


def _masked_mean(states: torch.Tensor, members: torch.Tensor) -> torch.Tensor:
    """Mean state of each group: states (B, W, H), members (B, W, A) -> (B, A, H)."""
    total = torch.einsum("bwa,bwh->bah", members, states)
    return total / members.sum(1).clamp(min=1.0).unsqueeze(-1)


def _author_maxima(
    states: torch.Tensor, authors: torch.Tensor, mask: torch.Tensor, scored: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Max state of each scored author's messages and of everyone else's: 2 x (B, A, H).

    One scatter over the window (O(B W H)); an empty group gives -1 (states are GELU outputs,
    so never below -0.17).
    """
    batch, _, hidden = states.shape
    group = torch.where(mask > 0, authors, scored + 1)
    maxima = states.new_full((batch, scored + 2, hidden), -1e4).scatter_reduce(
        1, group.unsqueeze(-1).expand(-1, -1, hidden), states, reduce="amax"
    )[:, : scored + 1]
    others = torch.stack(
        [torch.cat([maxima[:, :a], maxima[:, a + 1 :]], 1).amax(1) for a in range(scored)], 1
    )
    return maxima[:, :scored].clamp(min=-1.0), others.clamp(min=-1.0)


def _author_stats(mine: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Share and log-counts of own and others' messages: (B, A, 3)."""
    own = mine.sum(1)
    total = mask.sum(1, keepdim=True)
    return torch.stack(
        [own / total.clamp(min=1.0), torch.log1p(own), torch.log1p(total - own)], dim=-1
    )
