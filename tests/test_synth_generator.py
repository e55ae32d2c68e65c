"""Tests of the synthetic generator's public API: determinism, labels, annotations, validation."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from model.data.conversation import Conversation
from simulations.synth import generate_conversations
from simulations.synth.generator import HARD_NEGATIVE_KINDS
from simulations.synth.grooming import SIGNS
from simulations.synth.library import PLATFORMS

REPO = Path(__file__).resolve().parents[1]
DUMP = (
    "import json, sys\n"
    "from simulations.synth import generate_conversations\n"
    "for c in generate_conversations(150, seed=9, platform='gaming'):\n"
    "    sys.stdout.write(json.dumps(c.to_json(), ensure_ascii=False, sort_keys=True) + '\\n')\n"
)
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
HEX_ID = re.compile(r"^[0-9a-f]{6}$")


def dump(conversations: list[Conversation]) -> str:
    return "".join(
        json.dumps(c.to_json(), ensure_ascii=False, sort_keys=True) + "\n" for c in conversations
    )


@cache
def sample(platform: str) -> tuple[Conversation, ...]:
    return tuple(generate_conversations(1200, seed=11, platform=platform, coded_rate=0.3))


def everything() -> list[Conversation]:
    return [c for platform in PLATFORMS for c in sample(platform)]


def test_the_same_seed_gives_the_same_corpus() -> None:
    assert dump(generate_conversations(200, seed=4)) == dump(generate_conversations(200, seed=4))


@pytest.mark.parametrize("hash_seed", ["1", "2"])
def test_the_same_seed_gives_the_same_corpus_in_another_process(hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-c", DUMP], capture_output=True, text=True, check=True, cwd=REPO, env=env
    )
    assert result.stdout == dump(generate_conversations(150, seed=9, platform="gaming"))


def test_different_seeds_give_different_corpora() -> None:
    first, second = generate_conversations(50, seed=1), generate_conversations(50, seed=2)
    assert [c.messages for c in first] != [c.messages for c in second]


def test_both_languages_all_platforms_and_every_scenario_appear() -> None:
    seen = {(c.lang, c.platform, c.kind) for c in everything()}
    kinds = {*HARD_NEGATIVE_KINDS, "benign", "grooming", "grooming-fake-peer"}
    for lang in ("en", "nl"):
        for platform in PLATFORMS:
            assert {k for la, p, k in seen if la == lang and p == platform} == kinds


def test_class_counts_follow_the_rates_exactly() -> None:
    corpus = generate_conversations(200, seed=3, grooming_rate=0.25, hard_negative_share=0.6)
    kinds = Counter(c.kind or "" for c in corpus)
    assert sum(c.label == 1 for c in corpus) == 50
    assert sum(n for k, n in kinds.items() if k.startswith("hard-negative-")) == 90
    assert kinds["benign"] == 60


def test_ids_are_unique_and_prefixed() -> None:
    corpus = generate_conversations(120, seed=5, id_prefix="plat-a")
    assert [c.id for c in corpus] == [f"plat-a-{i:06d}" for i in range(120)]


def test_first_risk_message_is_the_first_annotated_sign_of_the_stranger() -> None:
    for c in everything():
        signs = c.extra["signs"]
        if c.label == 0:
            assert signs == [] and c.first_risk_message is None
            continue
        authors = c.extra["authors"]
        assert c.first_risk_message == min(index for index, _ in signs)
        assert 2 <= len(signs) <= 6
        for index, sign in signs:
            assert sign in SIGNS
            assert authors[c.messages[index].author]["role"] == "stranger-adult"


def test_authors_carry_roles_and_ages_and_look_alike_across_classes() -> None:
    for c in everything():
        authors = c.extra["authors"]
        assert len(authors) == 2 and {m.author for m in c.messages} <= set(authors)
        assert all(HEX_ID.match(author) for author in authors)
        roles = {a["role"] for a in authors.values()}
        if c.label == 1:
            child = next(a for a in authors.values() if a["role"] == "child")
            assert roles == {"stranger-adult", "child"} and 8 <= child["age"] <= 16
        if c.kind == "grooming-fake-peer":
            stranger = next(a for a in authors.values() if a["role"] == "stranger-adult")
            assert 13 <= stranger["claimed_age"] <= 17 < stranger["age"]


def test_timestamps_are_iso_and_increasing() -> None:
    for c in sample("social"):
        times = [m.time or "" for m in c.messages]
        assert all(ISO.match(t) for t in times) and times == sorted(times)


def test_lengths_stay_in_range_and_overlap_between_classes() -> None:
    lengths: dict[int, list[int]] = {0: [], 1: []}
    for c in everything():
        lengths[c.label or 0].append(len(c.messages))
    for values in lengths.values():
        assert 8 <= min(values) <= 12 and 60 <= max(values) <= 70
    means = [sum(v) / len(v) for v in lengths.values()]
    assert abs(means[0] - means[1]) < 4


def test_coded_writing_changes_only_texts_at_the_requested_rate() -> None:
    plain = generate_conversations(600, seed=8, coded_rate=0.0)
    coded = generate_conversations(600, seed=8, coded_rate=0.4)
    changed = {0: [0, 0], 1: [0, 0]}
    for a, b in zip(plain, coded, strict=True):
        pairs = list(zip(a.messages, b.messages, strict=True))
        assert all((x.author, x.time) == (y.author, y.time) for x, y in pairs)
        assert a.extra == b.extra
        changed[a.label or 0][0] += sum(x.text != y.text for x, y in pairs)
        changed[a.label or 0][1] += len(pairs)
    rates = [hits / total for hits, total in changed.values()]
    assert all(0.35 <= rate <= 0.45 for rate in rates), rates


def test_no_template_syntax_leaks_into_texts() -> None:
    for c in everything():
        for m in c.messages:
            assert m.text and not re.search(r"[{}\[\]]|\|\||^[>!]", m.text), m.text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"count": -1}, "The count should be a non-negative integer."),
        ({"count": 2.5}, "The count should be a non-negative integer."),
        ({"seed": "x"}, "The seed should be an integer."),
        ({"phrasing": "test"}, "The phrasing should be one of train, heldout, all, dev-train"),
        ({"platform": "forum"}, "The platform should be 'social', 'gaming' or 'metaverse'."),
        ({"grooming_rate": 1.5}, "The grooming rate should be between 0 and 1."),
        ({"grooming_rate": -0.1}, "The grooming rate should be between 0 and 1."),
        ({"hard_negative_share": 2}, "The hard-negative share should be between 0 and 1."),
        ({"coded_rate": "high"}, "The coded rate should be between 0 and 1."),
        ({"languages": {"de": 1.0}}, "The languages should map 'en' and/or 'nl'"),
        ({"languages": {"en": 0.0}}, "The languages should map 'en' and/or 'nl'"),
        ({"languages": {"en": -1.0, "nl": 2.0}}, "The languages should map 'en' and/or 'nl'"),
        ({"id_prefix": ""}, "The id prefix should be a non-empty string without spaces."),
        ({"id_prefix": "a b"}, "The id prefix should be a non-empty string without spaces."),
    ],
)
def test_invalid_arguments_are_rejected_eagerly(arguments: dict[str, object], message: str) -> None:
    options: dict[str, object] = {"count": 5, "seed": 1, **arguments}
    with pytest.raises(ValueError, match=re.escape(message)):
        generate_conversations(**options)  # type: ignore[arg-type]


def test_a_single_language_is_honoured() -> None:
    assert {c.lang for c in generate_conversations(80, seed=2, languages={"nl": 1.0})} == {"nl"}


def test_zero_conversations_is_an_empty_corpus() -> None:
    assert generate_conversations(0, seed=1) == []
