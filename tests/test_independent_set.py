"""The hand-written evaluation set: loadable, balanced as documented, and non-explicit."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from test_synth_content import offending

from model.data.jsonl import read_all
from simulations.independent import INDEPENDENT_DIR, independent_conversations
from simulations.synth.negatives import SCENARIOS

HARD_NEGATIVES = {f"hard-negative-{scenario}" for scenario in SCENARIOS}


def test_every_writer_file_holds_both_labels_and_every_scenario() -> None:
    paths = sorted(INDEPENDENT_DIR.glob("*.jsonl"))
    assert len(paths) == 4  # two writers per language
    for path in paths:
        chats = read_all(path, require_label=True)
        kinds = Counter(c.kind for c in chats)
        assert {c.label for c in chats} == {0, 1}, path
        assert set(kinds) >= HARD_NEGATIVES | {"grooming", "benign"}, path
        assert len({c.lang for c in chats}) == 1, path


def test_both_languages_and_unique_ids() -> None:
    chats = independent_conversations()
    assert Counter(c.lang for c in chats).keys() == {"en", "nl"}
    assert len({c.id for c in chats}) == len(chats)


def test_positives_point_at_a_message_of_theirs() -> None:
    for chat in independent_conversations():
        if chat.label == 1:
            assert chat.first_risk_message is not None, chat.id
            assert 0 <= chat.first_risk_message < len(chat.messages), chat.id


def test_no_blocked_word_anywhere() -> None:
    for chat in independent_conversations():
        for message in chat.messages:
            assert not offending(message.text), chat.id


def test_an_empty_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no independently written conversations"):
        independent_conversations(tmp_path)
