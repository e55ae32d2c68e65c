"""Exact per-window gradient norms of the hashed bag embedding, for Opacus ghost clipping.

Constraints: Opacus' own EmbeddingBag support materialises a dense (batch x buckets x dim)
per-sample gradient and mishandles repeated ids and per-sample weights. Here the gradient of the
table for window b is G_b = sum_m x_m g_m^T, where x_m is message m's weighted id-count vector
(repeated ids add up) and g_m the gradient reaching its bag vector. So
||G_b||^2 = sum_{m,m'} (x_m . x_m') (g_m . g_m'): the Gram matrix of the messages' sparse
feature vectors (one block-diagonal scipy product per batch, never dense over the buckets)
against the Gram matrix of their gradients, a (window x window) bmm per window.

Example (the sampler is registered on import; Opacus calls it during `loss.backward()`):
    >>> import privacy.bag_norms  # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
import torch
from opacus.grad_sample.utils import register_norm_sampler

from model.network import HashedBagEmbedding


@register_norm_sampler(HashedBagEmbedding)  # type: ignore[untyped-decorator]
def bag_embedding_norm_sample(
    layer: HashedBagEmbedding, activations: list[torch.Tensor], backprops: torch.Tensor
) -> dict[torch.nn.Parameter, torch.Tensor]:
    """Per-window L2 norms of the table gradient: (ids, slots, weights), (B, W, D) -> (B,)."""
    ids, slots, weights = (a.numpy() for a in activations)
    features = torch.from_numpy(
        message_gram(ids, slots, weights, layer.weight.shape[0], backprops.shape[1])
    )
    gradients = torch.bmm(backprops, backprops.transpose(1, 2))
    squared = (features.to(gradients.dtype) * gradients).sum(dim=(1, 2))
    return {layer.weight: squared.clamp(min=0.0).sqrt()}


def message_gram(
    ids: npt.NDArray[np.int64],
    slots: npt.NDArray[np.int64],
    weights: npt.NDArray[np.float32],
    buckets: int,
    window: int,
) -> npt.NDArray[np.float64]:
    """(B, W, W) inner products of the messages' weighted id-count vectors, window by window.

    One sparse product for the whole batch: window b's ids are shifted into their own column
    block (b * buckets + id), so the product is block diagonal and holds no cross-window terms.
    """
    batch = ids.shape[0]
    rows = (np.arange(batch)[:, None] * window + slots).ravel()
    columns = (np.arange(batch, dtype=np.int64)[:, None] * buckets + ids).ravel()
    x = sp.csr_matrix(
        (weights.astype(np.float64).ravel(), (rows, columns)),
        shape=(batch * window, batch * buckets),
    )
    product = (x @ x.T).tocoo()
    grams = np.zeros((batch, window, window))
    grams[product.row // window, product.row % window, product.col % window] = product.data
    return grams
