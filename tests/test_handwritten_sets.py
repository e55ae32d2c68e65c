"""The hand-written sets: loadable, balanced as documented, disjoint, and non-explicit."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from test_synth_content import offending

from model.data.conversation import Conversation
from model.data.jsonl import read_all
from simulations.handwritten import HANDWRITTEN_DIR, HANDWRITTEN_SETS, handwritten_conversations
from simulations.synth.negatives import SCENARIOS

HARD_NEGATIVES = {f"hard-negative-{scenario}" for scenario in SCENARIOS}
FILES_PER_SET = {"train": 6, "dev": 2, "test": 4}


@pytest.mark.parametrize("name", HANDWRITTEN_SETS)
def test_every_writer_file_holds_both_labels_every_scenario_and_one_language(name: str) -> None:
    paths = sorted((HANDWRITTEN_DIR / name).glob("*.jsonl"))
    assert len(paths) >= FILES_PER_SET[name]
    for path in paths:
        chats = read_all(path, require_label=True)
        kinds = Counter(c.kind for c in chats)
        assert {c.label for c in chats} == {0, 1}, path
        assert set(kinds) >= HARD_NEGATIVES | {"grooming", "benign"}, path
        assert len({c.lang for c in chats}) == 1, path


def all_sets() -> dict[str, list[Conversation]]:
    return {name: handwritten_conversations(name) for name in HANDWRITTEN_SETS}


def test_both_languages_in_every_set_and_no_chat_in_two_sets() -> None:
    sets = all_sets()
    for chats in sets.values():
        assert Counter(c.lang for c in chats).keys() == {"en", "nl"}
    ids = [c.id for chats in sets.values() for c in chats]
    assert len(set(ids)) == len(ids)
    texts = [tuple(m.text for m in c.messages) for chats in sets.values() for c in chats]
    assert len(set(texts)) == len(texts)


def test_positives_point_at_a_message_of_theirs() -> None:
    for chats in all_sets().values():
        for chat in chats:
            if chat.label == 1:
                assert chat.first_risk_message is not None, chat.id
                assert 0 <= chat.first_risk_message < len(chat.messages), chat.id


def test_no_blocked_word_anywhere() -> None:
    for chats in all_sets().values():
        for chat in chats:
            for message in chat.messages:
                assert not offending(message.text), chat.id


def test_an_unknown_set_or_an_empty_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Unknown hand-written set 'independent'"):
        handwritten_conversations("independent")
    with pytest.raises(ValueError, match="no hand-written conversations"):
        handwritten_conversations("dev", tmp_path)
