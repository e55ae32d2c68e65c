"""Normalization of coded chat writing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.text.normalize import normalize


@pytest.mark.parametrize(
    ("coded", "plain"),
    [
        ("R U h0me ALONE rn?", "are you home alone right now ?"),
        ("add me on s n a p", "add me on snap"),
        ("add me on sn4p", "add me on snap"),
        ("heyyyyy", "heyy"),
        ("Ｈｏｗ ＯＬＤ", "how old"),  # full-width forms (NFKC)
        ("ѕnар", "snap"),  # Cyrillic look-alikes
        ("de\u200blete", "delete"),  # zero-width space
        ("zeg n1ks t3gen je ouders", "zeg niks tegen je ouders"),
        ("wrm ben je ff weg", "waarom ben je even weg"),
        ("don't tell", "dont tell"),
    ],
)
def test_coded_writing_is_decoded(coded: str, plain: str) -> None:
    assert normalize(coded) == plain


def test_numbers_standing_alone_are_kept() -> None:
    assert normalize("im 14, u? 800 robux") == "im 14 you ? 800 robux"


def test_emoji_become_tokens_without_skin_tone() -> None:
    assert normalize("ok🤫👍🏽") == "ok 🤫 👍"


def test_short_words_are_not_glued_as_spaced_letters() -> None:
    assert normalize("r u a gamer") == "are you a gamer"


@given(st.text(max_size=80))
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text(max_size=80))
def test_output_has_no_zero_width_or_double_spaces(text: str) -> None:
    out = normalize(text)
    assert "\u200b" not in out and "  " not in out and out == out.strip()
