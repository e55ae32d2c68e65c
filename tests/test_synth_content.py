"""The content rule: nothing sexual or explicit anywhere in the synthetic corpus or its sources.

The blocklist holds clinical, mild English and Dutch words only, stored as hashes; matches are
whole words, checked on the raw text and on a version with coded writing undone.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from simulations.synth import generate_conversations
from simulations.synth.coding import HOMOGLYPHS, LEET, ZERO_WIDTH
from simulations.synth.library import LANGUAGES, PLATFORMS, bank_texts, slot_values, writer_banks

# SHA-256 prefixes of the blocked words (clinical, mild EN/NL words), so that the repository
# itself never spells them out; a word is blocked when its hash prefix is in this set.
BLOCKED_HASHES = frozenset(
    {
        "12a667c9be6ff8f6",
        "230d8358dc8e8890",
        "431e876d148bdfb0",
        "444a1ca77fbee3fc",
        "4ead7ac268d67200",
        "63d59737bfdeda50",
        "6577be77529947bf",
        "6c4e44004698c129",
        "7f5a9ba14cb89dc2",
        "7f5d1618e7d28cc7",
        "89d19d63941a517f",
        "8f684d401d2bd253",
        "908ada823720127c",
        "98d44e13f455d916",
        "9b21ba29ae8fd98b",
        "aba4f57ea0c297f0",
        "d12e325c1f323a8f",
        "d92f4cf1e2d7e812",
        "d937a9f37df4a9b5",
        "e79e695c180d30bd",
    }
)
UNDO = str.maketrans(
    {**{v: k for k, v in LEET.items()}, **{v: k for k, v in HOMOGLYPHS.items()}}
    | dict.fromkeys(ZERO_WIDTH, "")
)
SOURCES = Path(__file__).resolve().parents[1] / "simulations" / "synth"


def offending(text: str) -> list[str]:
    lowered = text.lower()
    words = re.findall(r"\w+", lowered) + re.findall(r"\w+", lowered.translate(UNDO))
    return [w for w in words if hashlib.sha256(w.encode()).hexdigest()[:16] in BLOCKED_HASHES]


@pytest.mark.parametrize("phrasing", ["train", "heldout"])
def test_a_large_coded_sample_in_both_languages_holds_no_blocked_word(phrasing: str) -> None:
    for platform in PLATFORMS:
        corpus = generate_conversations(
            1500, seed=31, phrasing=phrasing, platform=platform, coded_rate=0.5, grooming_rate=0.5
        )
        assert {c.lang for c in corpus} == {"en", "nl"}
        for conversation in corpus:
            for message in conversation.messages:
                assert not offending(message.text), (conversation.id, message.text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_template_or_slot_value_holds_a_blocked_word(lang: str) -> None:
    for name, texts in [*bank_texts(lang).items(), *writer_banks(lang).items()]:
        for text in texts:
            assert not offending(text), (name, text)
    for platform in PLATFORMS:
        for name, values in slot_values(lang, platform).items():
            assert not any(offending(v) for v in values), name


def test_no_source_file_of_the_generator_holds_a_blocked_word() -> None:
    for path in sorted(SOURCES.glob("*.py")):
        assert not offending(path.read_text(encoding="utf-8")), path.name
