"""The detector a platform runs: network + hashing + decision rule, saved as a model directory.

Constraints: a model directory holds `weights.pt` (the network's state dict, loaded with
`weights_only=True`), `config.json` (network, hashing, threshold, skepticism, warm-up) and
`model-card.json`. Loading validates every key and names the file and key on error; the card
records the SHA-256 of the weights and loading refuses weights whose hash differs.

Example:
    >>> detector = Detector.new(NetworkConfig(buckets=64, dim=4, hidden=4), HashingConfig(64))
    >>> detector.threshold
    0.5
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from model.data.conversation import Conversation
from model.network import ConversationRiskNet, NetworkConfig
from model.scoring import Scores, StreamingScorer, conversation_scores
from model.text.hashing import FeatureHasher, HashingConfig
from model.windows import EncodedConversation, encode_conversations

WEIGHTS, CONFIG, CARD = "weights.pt", "config.json", "model-card.json"
# no risk before the 10th message: chosen on both development sets (generator and hand-written),
# where it gave the best early-warning F_latency of 1, 6, 10, 15 and 20 messages
WARMUP_MESSAGES = 10


@dataclass
class Detector:
    """A trained (or fresh) detector with its decision rule."""

    net: ConversationRiskNet
    hashing: HashingConfig
    threshold: float = 0.5
    skepticism: int = 1
    warmup: int = WARMUP_MESSAGES

    def __post_init__(self) -> None:
        if self.warmup < 1:
            raise ValueError("The warm-up should be at least 1 message.")

    @classmethod
    def new(cls, network: NetworkConfig, hashing: HashingConfig, seed: int = 0) -> Detector:
        """A freshly initialised detector, deterministic by `seed`."""
        torch.manual_seed(seed)
        return cls(ConversationRiskNet(network), hashing)

    @property
    def hasher(self) -> FeatureHasher:
        """The feature hasher matching this detector's table."""
        return FeatureHasher(self.hashing)

    def encode(self, conversations: Sequence[Conversation]) -> list[EncodedConversation]:
        """Normalize and hash conversations for this detector."""
        return encode_conversations(conversations, self.hasher, self.net.config.authors)

    def message_scores(self, conversations: Sequence[Conversation]) -> list[Scores]:
        """Risk after every message of every conversation."""
        return self.encoded_scores(self.encode(conversations))

    def encoded_scores(self, encoded: Sequence[EncodedConversation]) -> list[Scores]:
        """Risk after every message of conversations already encoded with `encode`."""
        self.net.eval()
        return conversation_scores(self.net, encoded, self.warmup)

    def streaming(self) -> StreamingScorer:
        """A scorer for live messages that keeps per-conversation state."""
        self.net.eval()
        return StreamingScorer(self.net, self.hasher, self.warmup)

    def config_json(self) -> dict[str, Any]:
        """Everything needed to rebuild this detector besides its weights."""
        return {
            "network": self.net.config.to_json(),
            "hashing": self.hashing.to_json(),
            "threshold": self.threshold,
            "skepticism": self.skepticism,
            "warmup": self.warmup,
        }


def save_detector(directory: Path, detector: Detector, card: dict[str, Any]) -> Path:
    """Write weights, config and model card (with the weights' SHA-256) to `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    torch.save(detector.net.state_dict(), directory / WEIGHTS)
    card = {**card, "weights_sha256": file_sha256(directory / WEIGHTS)}
    (directory / CONFIG).write_text(json.dumps(detector.config_json(), indent=2) + "\n")
    (directory / CARD).write_text(json.dumps(card, indent=2, default=_json_default) + "\n")
    return directory


def load_detector(directory: Path) -> Detector:
    """Load a model directory written by `save_detector`, validating as it goes."""
    config = _read_json(directory / CONFIG)
    card = _read_json(directory / CARD)
    network = _build(NetworkConfig, config, "network", directory / CONFIG)
    hashing = _build(HashingConfig, config, "hashing", directory / CONFIG)
    if file_sha256(directory / WEIGHTS) != card.get("weights_sha256"):
        raise ValueError(f"{directory / WEIGHTS}: the weights do not match the model card hash.")
    net = ConversationRiskNet(network)
    net.load_state_dict(torch.load(directory / WEIGHTS, weights_only=True))
    return Detector(
        net,
        hashing,
        threshold=_number(config, "threshold", directory / CONFIG),
        skepticism=int(_number(config, "skepticism", directory / CONFIG)),
        warmup=int(_number(config, "warmup", directory / CONFIG)),
    )


def read_card(directory: Path) -> dict[str, Any]:
    """The model card of a model directory (load the detector first to verify its weights)."""
    return _read_json(directory / CARD)


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ValueError(f"{path}: missing; is this a LureWatch model directory?")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: not valid JSON ({error}).") from error
    if not isinstance(data, dict):
        raise ValueError(f"{path}: should hold a JSON object.")
    return data


def _build(kind: Any, config: dict[str, Any], key: str, path: Path) -> Any:
    section = config.get(key)
    if not isinstance(section, dict):
        raise ValueError(f"{path}: field '{key}' should be an object.")
    try:
        return kind(**section)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{path}: field '{key}': {error}") from error


def _number(config: dict[str, Any], key: str, path: Path) -> float:
    value = config.get(key)
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ValueError(f"{path}: field '{key}' should be a number.")
    return float(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"Cannot serialise {type(value).__name__} in a model card.")
