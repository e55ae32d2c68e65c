"""Stable feature hashing: exact MurmurHash3, grouping by message, same ids in every process."""

from __future__ import annotations

import json
import subprocess
import sys

import mmh3
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.text.hashing import FeatureHasher, HashingConfig, murmur3_ngrams

TEXTS = ["are you home alone right now ?", "", "zeg niks tegen je ouders 🤐", "ok"]


@given(st.text(min_size=1, max_size=30), st.integers(0, 2**32 - 1))
def test_vectorised_ngram_hash_is_murmur3(text: str, seed: int) -> None:
    units = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    for n, hashes in zip(range(1, 4), murmur3_ngrams(units, 1, 3, seed), strict=True):
        expected = [
            mmh3.hash(text[i : i + n].encode("utf-32-le"), seed, signed=False)
            for i in range(len(text) - n + 1)
        ]
        assert hashes.tolist() == expected


@settings(max_examples=50)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_batch_hashing_equals_one_message_at_a_time(texts: list[str]) -> None:
    hasher = FeatureHasher(HashingConfig(buckets=4096))
    ids, offsets = hasher.hash_messages(texts)
    for k, text in enumerate(texts):
        alone, _ = hasher.hash_messages([text])
        assert sorted(ids[offsets[k] : offsets[k + 1]].tolist()) == sorted(alone.tolist())


def test_message_has_word_and_char_ngrams_in_range() -> None:
    config = HashingConfig(buckets=1000, char_min=3, char_max=5, word_max=2)
    ids, offsets = FeatureHasher(config).hash_messages(["ab cd"])
    # padded " ab cd " has 7 chars: 5 + 4 + 3 char n-grams; 2 words + 1 bigram
    assert offsets.tolist() == [0, 15]
    assert ids.min() >= 0 and ids.max() < 1000


def test_empty_message_gets_no_ids() -> None:
    _, offsets = FeatureHasher(HashingConfig()).hash_messages(["", "x"])
    assert offsets.tolist() == [0, 0, 2]  # "  " has no 3-gram; " x " has one, plus word "x"


def test_ids_are_identical_in_a_fresh_process() -> None:
    ids, _ = FeatureHasher(HashingConfig()).hash_messages(TEXTS)
    code = (
        "import json, sys; from model.text.hashing import FeatureHasher, HashingConfig;"
        "ids, _ = FeatureHasher(HashingConfig()).hash_messages(json.loads(sys.argv[1]));"
        "print(json.dumps(ids.tolist()))"
    )
    other = subprocess.run(
        [sys.executable, "-c", code, json.dumps(TEXTS)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345"},
    )
    assert json.loads(other.stdout) == ids.tolist()


@pytest.mark.parametrize("bad", [{"buckets": 1}, {"char_min": 4, "char_max": 3}, {"word_max": -1}])
def test_config_validation_names_the_problem(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="should"):
        HashingConfig(**bad)
