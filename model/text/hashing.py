"""Stable feature hashing: normalized messages -> bucket ids, with no vocabulary to share.

Constraints: every hash is MurmurHash3 (x86, 32-bit) with a fixed seed, so ids are identical
across processes, machines and Python versions (never Python's salted `hash`). Character n-grams
are hashed over the UTF-32 code units of the padded message, vectorised over a whole batch with
numpy; word n-grams and concept tokens (`model.text.concepts`) use `mmh3` on the UTF-8 text.
All land in one table of `buckets` rows.

Example:
    >>> hasher = FeatureHasher(HashingConfig(buckets=1024))
    >>> ids, offsets = hasher.hash_messages(["are you alone", "hi"])
    >>> offsets.tolist()[0], len(offsets)
    (0, 3)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import mmh3
import numpy as np
import numpy.typing as npt

from model.text.concepts import concepts

IdArray = npt.NDArray[np.int64]
_C1, _C2 = 0xCC9E2D51, 0x1B873593
_SEPARATOR = 0


@dataclass(frozen=True)
class HashingConfig:
    """Which n-grams become features and how many buckets they share."""

    buckets: int = 2**15
    char_min: int = 3
    char_max: int = 5
    word_max: int = 2
    concepts: bool = True
    seed: int = 0x4C57

    def __post_init__(self) -> None:
        if self.buckets < 2:
            raise ValueError("The number of buckets should be at least 2.")
        if not 1 <= self.char_min <= self.char_max:
            raise ValueError("The character n-gram range should satisfy 1 <= min <= max.")
        if self.word_max < 0:
            raise ValueError("The word n-gram length should not be negative.")

    def to_json(self) -> dict[str, Any]:
        """Return the configuration as a JSON-ready dict."""
        return asdict(self)


def _rotl(x: npt.NDArray[np.uint32], r: int) -> npt.NDArray[np.uint32]:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _fmix(h: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def murmur3_ngrams(
    code_units: npt.NDArray[np.uint32], n_min: int, n_max: int, seed: int
) -> list[npt.NDArray[np.uint32]]:
    """Hash every n-gram of `code_units` for n in [n_min, n_max]; element i starts at i.

    Equals `mmh3.hash(s[i:i+n].encode("utf-32-le"), seed, signed=False)` for each n-gram.

    Example:
        >>> units = np.frombuffer("abcd".encode("utf-32-le"), dtype="<u4")
        >>> [len(h) for h in murmur3_ngrams(units, 3, 4, seed=1)]
        [2, 1]
    """
    blocks = _rotl(code_units.astype(np.uint32) * np.uint32(_C1), 15) * np.uint32(_C2)
    state = np.full(len(code_units), seed, dtype=np.uint32)
    hashes: list[npt.NDArray[np.uint32]] = []
    for j in range(n_max):
        state = state[: len(code_units) - j] ^ blocks[j:]
        state = _rotl(state, 13) * np.uint32(5) + np.uint32(0xE6546B64)
        if j + 1 >= n_min:
            hashes.append(_fmix(state ^ np.uint32(4 * (j + 1))))
    return hashes


class FeatureHasher:
    """Turns normalized messages into bags of bucket ids (flat ids + per-message offsets)."""

    def __init__(self, config: HashingConfig) -> None:
        self.config = config

    def hash_messages(self, texts: Sequence[str]) -> tuple[IdArray, IdArray]:
        """Return `(ids, offsets)`: message k's ids are `ids[offsets[k]:offsets[k + 1]]`.

        Example:
            >>> ids, offsets = FeatureHasher(HashingConfig()).hash_messages(["hey you"])
            >>> int(offsets[-1]) == len(ids)
            True
        """
        parts = [self._word_ngrams(texts), *self._char_ngrams(texts)]
        return _group_by_owner(parts, len(texts))

    def _char_ngrams(self, texts: Sequence[str]) -> list[tuple[IdArray, IdArray]]:
        cfg = self.config
        joined = "\x00".join(f" {text.replace(chr(_SEPARATOR), ' ')} " for text in texts)
        units = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4")
        is_separator = units == _SEPARATOR
        segment = np.cumsum(is_separator)
        parts = []
        hashes = murmur3_ngrams(units, cfg.char_min, cfg.char_max, cfg.seed)
        for n, h in zip(range(cfg.char_min, cfg.char_max + 1), hashes, strict=True):
            starts = segment[: len(h)]
            valid = (segment[n - 1 :] == starts) & ~is_separator[: len(h)]
            ids = (h[valid] % np.uint32(cfg.buckets)).astype(np.int64)
            parts.append((ids, starts[valid].astype(np.int64)))
        return parts

    def _word_ngrams(self, texts: Sequence[str]) -> tuple[IdArray, IdArray]:
        everything: list[str] = []
        owners: list[int] = []
        for index, text in enumerate(texts):
            grams = _word_grams(text.split(), self.config.word_max)
            if self.config.concepts:
                grams.extend(concepts(text))
            everything.extend(grams)
            owners.extend([index] * len(grams))
        buckets, seed = self.config.buckets, self.config.seed + 1
        # chat vocabulary repeats: hash each distinct gram once per batch
        bucket_of = {g: mmh3.hash(g, seed, signed=False) % buckets for g in set(everything)}
        ids = [bucket_of[gram] for gram in everything]
        return np.asarray(ids, dtype=np.int64), np.asarray(owners, dtype=np.int64)


def _word_grams(tokens: list[str], word_max: int) -> list[str]:
    grams = [f"w {token}" for token in tokens] if word_max >= 1 else []
    for n in range(2, word_max + 1):
        grams.extend("w " + " ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _group_by_owner(parts: list[tuple[IdArray, IdArray]], owners: int) -> tuple[IdArray, IdArray]:
    """Merge (ids, owner) parts, each sorted by owner, into one owner-grouped id array."""
    counts = [np.bincount(owner, minlength=owners) for _, owner in parts]
    offsets = np.zeros(owners + 1, dtype=np.int64)
    np.cumsum(np.sum(counts, axis=0), out=offsets[1:])
    ids = np.empty(int(offsets[-1]), dtype=np.int64)
    filled = offsets[:-1].copy()
    for (part_ids, owner), count in zip(parts, counts, strict=True):
        part_starts = np.cumsum(count) - count
        rank = np.arange(len(owner)) - part_starts[owner]
        ids[filled[owner] + rank] = part_ids
        filled += count
    return ids, offsets
