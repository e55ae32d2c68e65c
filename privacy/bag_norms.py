"""Exact per-window gradient norms of the hashed bag embedding, for Opacus ghost clipping.

Constraints: Opacus' own EmbeddingBag support materialises a dense (batch x buckets x dim)
per-sample gradient and mishandles repeated ids and per-sample weights. Here the per-window
gradient of the table is sparse: row j receives sum_t w_bt * g_b,slot(t) over the tokens t of
window b whose id is j. Its squared norm is summed over the distinct (window, id) pairs, so
repeated ids (within a message or across messages) are aggregated before squaring. Memory is
bounded by processing windows in chunks of about `_CHUNK_ELEMENTS` token-dimensions.

Example (the sampler is registered on import; Opacus calls it during `loss.backward()`):
    >>> import privacy.bag_norms  # doctest: +SKIP
"""

from __future__ import annotations

import torch
from opacus.grad_sample.utils import register_norm_sampler

from model.network import HashedBagEmbedding

_CHUNK_ELEMENTS = 2**23


@register_norm_sampler(HashedBagEmbedding)  # type: ignore[untyped-decorator]
def bag_embedding_norm_sample(
    layer: HashedBagEmbedding, activations: list[torch.Tensor], backprops: torch.Tensor
) -> dict[torch.nn.Parameter, torch.Tensor]:
    """Per-window L2 norms of the table gradient: (ids, slots, weights), (B, W, D) -> (B,)."""
    ids, slots, weights = activations
    batch, tokens = ids.shape
    step = max(1, _CHUNK_ELEMENTS // max(1, tokens * backprops.shape[-1]))
    norms = [
        _chunk_norms(
            ids[s : s + step], slots[s : s + step], weights[s : s + step], backprops[s : s + step]
        )
        for s in range(0, batch, step)
    ]
    return {layer.weight: torch.cat(norms) if norms else backprops.new_zeros(0)}


def _chunk_norms(
    ids: torch.Tensor, slots: torch.Tensor, weights: torch.Tensor, backprops: torch.Tensor
) -> torch.Tensor:
    batch = ids.shape[0]
    dim = backprops.shape[-1]
    message_grads = torch.gather(backprops, 1, slots.unsqueeze(-1).expand(-1, -1, dim))
    contributions = (weights.unsqueeze(-1) * message_grads).reshape(-1, dim)
    keys = (torch.arange(batch).unsqueeze(1) * (int(ids.max()) + 1) + ids).reshape(-1)
    unique_keys, inverse = torch.unique(keys, return_inverse=True)
    rows = contributions.new_zeros(len(unique_keys), dim).index_add_(0, inverse, contributions)
    owner = unique_keys // (int(ids.max()) + 1)
    squared = contributions.new_zeros(batch).index_add_(0, owner, (rows * rows).sum(1))
    return squared.sqrt()
