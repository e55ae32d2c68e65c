"""The content rule: nothing sexual or explicit anywhere in the synthetic corpus or its sources.

The blocklist holds clinical, mild English and Dutch words only; matches are whole words, checked
on the raw text and on a version with coded writing undone (digits, confusables, zero-widths).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulations.synth import generate_conversations
from simulations.synth.coding import HOMOGLYPHS, LEET, ZERO_WIDTH
from simulations.synth.library import LANGUAGES, PLATFORMS, bank_texts, slot_values

BLOCKLIST = (
    "sex",
    "sexy",
    "seks",
    "nude",
    "nudes",
    "naked",
    "naakt",
    "bra",
    "underwear",
    "ondergoed",
    "kiss",
    "kisses",
    "zoen",
    "zoenen",
    "body",
    "lichaam",
    "hot",
    "sexting",
    "lingerie",
    "bikini",
)
BLOCKED = re.compile(r"\b(" + "|".join(BLOCKLIST) + r")\b", re.IGNORECASE)
UNDO = str.maketrans(
    {**{v: k for k, v in LEET.items()}, **{v: k for k, v in HOMOGLYPHS.items()}}
    | dict.fromkeys(ZERO_WIDTH, "")
)
SOURCES = Path(__file__).resolve().parents[1] / "simulations" / "synth"


def offending(text: str) -> list[str]:
    lowered = text.lower()
    return BLOCKED.findall(lowered) + BLOCKED.findall(lowered.translate(UNDO))


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
    for name, texts in bank_texts(lang).items():
        for text in texts:
            assert not offending(text), (name, text)
    for platform in PLATFORMS:
        for name, values in slot_values(lang, platform).items():
            assert not any(offending(v) for v in values), name


def test_no_source_file_of_the_generator_holds_a_blocked_word() -> None:
    for path in sorted(SOURCES.glob("*.py")):
        assert not offending(path.read_text(encoding="utf-8")), path.name
