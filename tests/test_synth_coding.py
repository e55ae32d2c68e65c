"""Tests of coded writing: every transform alters the text, deterministically and class-blind."""

from __future__ import annotations

from random import Random

from hypothesis import given
from hypothesis import strategies as st

from simulations.synth.coding import (
    HOMOGLYPHS,
    ZERO_WIDTH,
    abbreviate,
    code_message,
    emoji,
    homoglyphs,
    leetspeak,
    repeated,
    spaced,
    typo,
    zero_width,
)

chat_text = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz éë?!'0123456789"), min_size=1, max_size=60
)


@given(text=chat_text, seed=st.integers(0, 2**32), lang=st.sampled_from(["en", "nl"]))
def test_a_coded_message_always_differs_and_is_reproducible(
    text: str, seed: int, lang: str
) -> None:
    coded = code_message(text, Random(seed), lang)
    assert coded != text
    assert coded == code_message(text, Random(seed), lang)


@given(seed=st.integers(0, 2**32))
def test_leetspeak_swaps_letters_for_digits(seed: int) -> None:
    coded = leetspeak("send me ur snap tonight", Random(seed), "en")
    assert coded != "send me ur snap tonight" and any(c in "430157" for c in coded)


def test_spaced_and_repeated_letters() -> None:
    assert spaced("snap", Random(0), "en") == "s n a p"
    assert repeated("hey", Random(0), "en").startswith("heyy")


def test_abbreviations_in_both_languages() -> None:
    assert abbreviate("where are you right now", Random(0), "en") == "wru rn"
    assert abbreviate("waarom doe je even gewoon raar", Random(0), "nl") == "wrm doe je ff gwn raar"


def test_emoji_follow_keywords_and_stay_tokens() -> None:
    assert emoji("dont tell anyone its a secret", Random(1), "en").endswith("🤫")
    assert emoji("stuur een foto", Random(1), "nl").endswith("📸")


@given(seed=st.integers(0, 2**32))
def test_typos_zero_width_and_confusables_alter_one_word(seed: int) -> None:
    text = "message everyone tomorrow"
    assert typo(text, Random(seed), "en") != text
    assert any(mark in zero_width(text, Random(seed), "en") for mark in ZERO_WIDTH)
    assert any(c in HOMOGLYPHS.values() for c in homoglyphs("hello people", Random(seed), "en"))
