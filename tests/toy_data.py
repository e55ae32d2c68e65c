"""Tiny settings and a toy corpus that tests train on in seconds."""

from __future__ import annotations

import random
from typing import Any

from client.local_training import TrainSettings
from model.data.conversation import Conversation, Message
from model.network import NetworkConfig
from model.text.hashing import HashingConfig


def small_settings(**kwargs: Any) -> TrainSettings:
    """Settings with a tiny network, so tests train in seconds."""
    network = NetworkConfig(buckets=256, dim=4, hidden=4, window=10)
    return TrainSettings(
        network=network, hashing=HashingConfig(buckets=256), warmup=1, progress=False, **kwargs
    )


def toy_conversations(count: int, seed: int = 0) -> list[Conversation]:
    """Label 1 when someone asks to keep a secret; enough to learn in a few epochs."""
    rnd = random.Random(seed)
    chats = []
    for i in range(count):
        label = i % 3 == 0
        texts = [rnd.choice(["hi", "gg", "lol ok", "what game"]) for _ in range(rnd.randint(3, 8))]
        if label:
            texts.insert(rnd.randint(1, len(texts)), "dont tell anyone, our secret")
        messages = tuple(Message("ab"[k % 2], t) for k, t in enumerate(texts))
        first = next((k for k, t in enumerate(texts) if "secret" in t), None)
        chats.append(Conversation(f"t{i}", messages, label=int(label), first_risk_message=first))
    return chats
