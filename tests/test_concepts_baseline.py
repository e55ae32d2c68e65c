"""Concept features and the keyword baseline."""

from __future__ import annotations

import pytest

from model.data.conversation import Conversation, Message
from model.text.concepts import LEXICON, concepts
from model.text.normalize import normalize
from simulations.baseline import KeywordBaseline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("are you alone", {"c:alone"}),
        ("ben je nu alleen thuis", {"c:now", "c:alone", "c:home"}),
        ("dont tell your parents", {"c:dont-tell", "c:parents"}),
        ("add me on snap", {"c:move-chat", "c:private-app"}),
        ("im 13", {"c:age-minor"}),
        ("im 34", {"c:age-adult"}),
        ("800 robux", {"c:gift"}),
        ("nice weather today", set()),
    ],
)
def test_concepts_of_a_message(text: str, expected: set[str]) -> None:
    assert set(concepts(normalize(text))) == expected


def test_concepts_match_whole_words_only() -> None:
    assert concepts("snapshotting alonely") == []


def test_every_concept_has_english_and_dutch_forms() -> None:
    assert all(len(forms) >= 2 for forms in LEXICON.values())


def _chat(texts: list[str], label: int) -> Conversation:
    messages = tuple(Message("ab"[i % 2], t) for i, t in enumerate(texts))
    return Conversation(f"k{len(texts)}{label}", messages, label=label)


def test_baseline_counts_distinct_cues_in_the_window() -> None:
    baseline = KeywordBaseline(window=2, saturation=2)
    [scores] = baseline.message_scores([_chat(["hi", "are you alone", "secret ok", "lol"], 1)])
    assert scores.tolist() == [0.0, 0.5, 1.0, 0.5]  # "alone" leaves the 2-message window


def test_baseline_threshold_is_fitted_on_training_data() -> None:
    chats = [_chat(["hi", "are you alone", "keep it secret"], 1), _chat(["hi", "lol"], 0)]
    assert KeywordBaseline(saturation=2).fit(chats).threshold == 1.0
