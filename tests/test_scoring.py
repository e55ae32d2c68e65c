"""Streaming scores equal batch scores; saving and loading a detector keeps its scores."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from model.data.conversation import Conversation, Message
from model.detector import CARD, WEIGHTS, Detector, load_detector, save_detector
from model.network import NetworkConfig
from model.text.hashing import HashingConfig

WORDS = ["hi", "home", "alone", "snap", "ok", "14", "robux", "🤫", "lol", "mom", ""]


def _detector(window: int = 5, warmup: int = 1) -> Detector:
    network = NetworkConfig(buckets=512, dim=8, hidden=8, window=window, authors=2)
    detector = Detector.new(network, HashingConfig(buckets=512), seed=3)
    detector.warmup = warmup
    return detector


def _conversations(seed: int, count: int = 8) -> list[Conversation]:
    rnd = random.Random(seed)
    return [
        Conversation(
            f"c{i}",
            tuple(
                Message(rnd.choice("abcd"), " ".join(rnd.choices(WORDS, k=rnd.randint(0, 6))))
                for _ in range(rnd.randint(1, 14))
            ),
        )
        for i in range(count)
    ]


def _interleaved(conversations: list[Conversation], seed: int) -> list[tuple[str, str, str]]:
    """All messages, conversations mixed at random, each conversation's order kept."""
    queues = {c.id: [(c.id, m.author, m.text) for m in c.messages] for c in conversations}
    rnd, events = random.Random(seed), []
    while queues:
        key = rnd.choice(sorted(queues))
        events.append(queues[key].pop(0))
        if not queues[key]:
            del queues[key]
    return events


@pytest.mark.parametrize(("seed", "warmup"), [(0, 1), (1, 1), (2, 4)])
def test_streaming_equals_batch_scores(seed: int, warmup: int) -> None:
    detector, conversations = _detector(warmup=warmup), _conversations(seed)
    batch = {
        c.id: s for c, s in zip(conversations, detector.message_scores(conversations), strict=True)
    }
    events = _interleaved(conversations, seed)
    scorer, streamed = detector.streaming(), {c.id: [] for c in conversations}
    for start in range(0, len(events), 7):  # micro-batches of 7 events
        chunk = events[start : start + 7]
        for (conversation_id, _, _), risk in zip(chunk, scorer.score_events(chunk), strict=True):
            streamed[conversation_id].append(risk)
    for conversation_id, scores in batch.items():
        assert np.asarray(streamed[conversation_id]) == pytest.approx(scores, abs=1e-5)


def test_the_warm_up_zeroes_exactly_the_risks_before_its_message() -> None:
    conversations = _conversations(4, count=12)
    plain = _detector(warmup=1).message_scores(conversations)
    warm = _detector(warmup=6).message_scores(conversations)
    for before, after in zip(plain, warm, strict=True):
        assert not after[:5].any()
        assert after[5:] == pytest.approx(before[5:])
        assert before[:5].all()


def test_a_warm_up_below_one_message_is_refused() -> None:
    with pytest.raises(ValueError, match="warm-up should be at least 1"):
        Detector(_detector().net, HashingConfig(buckets=512), warmup=0)


def test_streaming_state_keeps_only_the_window() -> None:
    detector = _detector(window=5)
    scorer = detector.streaming()
    scorer.score_events([("c", "a", f"message {i}") for i in range(12)])
    assert len(scorer.conversations["c"].bags) == 5
    assert scorer.conversations["c"].messages == 12


def test_saved_detector_scores_the_same(tmp_path: Path) -> None:
    detector, conversations = _detector(), _conversations(5)
    detector.threshold, detector.skepticism, detector.warmup = 0.42, 2, 3
    save_detector(tmp_path, detector, {"note": "test"})
    loaded = load_detector(tmp_path)
    assert (loaded.threshold, loaded.skepticism, loaded.warmup) == (0.42, 2, 3)
    for a, b in zip(
        detector.message_scores(conversations), loaded.message_scores(conversations), strict=True
    ):
        assert a == pytest.approx(b)


def test_tampered_weights_are_refused(tmp_path: Path) -> None:
    save_detector(tmp_path, _detector(), {})
    with (tmp_path / WEIGHTS).open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ValueError, match="do not match the model card hash"):
        load_detector(tmp_path)


def test_bad_config_names_file_and_key(tmp_path: Path) -> None:
    save_detector(tmp_path, _detector(), {})
    config = json.loads((tmp_path / "config.json").read_text())
    config["network"]["dim"] = 0
    (tmp_path / "config.json").write_text(json.dumps(config))
    with pytest.raises(ValueError, match=r"config\.json: field 'network'.*dim"):
        load_detector(tmp_path)
    (tmp_path / CARD).unlink()
    with pytest.raises(ValueError, match=r"model-card\.json: missing"):
        load_detector(tmp_path)
