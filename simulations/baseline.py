"""A keyword-lexicon baseline: what a detector that only matches warning-sign words achieves.

Constraints: the lexicon lists surface cues of the warning signs in English and Dutch (after
`normalize`), as a keyword filter would; it is deliberately not tuned to the synthetic generator.
The risk after message k is the number of distinct cues in the window ending at k, divided by
`saturation`; the threshold is fitted (F1-best) on training data, never on test data.

Example:
    >>> baseline = KeywordBaseline()
    >>> baseline.cues("are you home alone right now ?")
    {'alone'}
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from model.data.conversation import Conversation
from model.evaluation import best_threshold
from model.scoring import conversation_risk
from model.text.normalize import normalize

LEXICON = (
    # English
    "alone",
    "how old",
    "what school",
    "where do you live",
    "mature",
    "secret",
    "dont tell",
    "delete",
    "snap",
    "whatsapp",
    "discord",
    "telegram",
    "kik",
    "private",
    "robux",
    "vbucks",
    "v bucks",
    "gift",
    "selfie",
    "photo",
    "pic",
    "cam",
    "video call",
    "meet",
    "pick you up",
    "parents",
    "nobody understands",
    "special",
    "trust me",
    "if you cared",
    "after everything",
    # Dutch
    "alleen",
    "hoe oud",
    "welke school",
    "waar woon",
    "volwassen",
    "geheim",
    "zeg niks",
    "niks zeggen",
    "verwijder",
    "snapchat",
    "prive",
    "cadeau",
    "foto",
    "videobellen",
    "webcam",
    "afspreken",
    "ophalen",
    "ouders",
    "niemand begrijpt",
    "vertrouw",
    "na alles",
)


class KeywordBaseline:
    """Counts distinct warning-sign cues in the recent window; same interface as `Detector`."""

    def __init__(self, window: int = 50, saturation: int = 5, skepticism: int = 1) -> None:
        if window < 1 or saturation < 1:
            raise ValueError("The window and the saturation should be positive integers.")
        self.window, self.saturation, self.skepticism = window, saturation, skepticism
        self.threshold = 0.5

    def cues(self, text: str) -> set[str]:
        """Lexicon entries found in one message (as whole words after normalization)."""
        padded = f" {normalize(text)} "
        return {cue for cue in LEXICON if f" {cue} " in padded or f" {cue}" in padded}

    def message_scores(
        self, conversations: Sequence[Conversation]
    ) -> list[npt.NDArray[np.float32]]:
        """Risk after every message: distinct cues in the window / saturation, capped at 1."""
        return [self._scores([self.cues(m.text) for m in c.messages]) for c in conversations]

    def fit(self, conversations: Sequence[Conversation]) -> KeywordBaseline:
        """Choose the F1-best threshold on labelled training conversations."""
        risks = [conversation_risk(s) for s in self.message_scores(conversations)]
        self.threshold = best_threshold([int(c.label == 1) for c in conversations], risks)
        return self

    def _scores(self, found: list[set[str]]) -> npt.NDArray[np.float32]:
        scores = np.zeros(len(found), dtype=np.float32)
        for k in range(len(found)):
            distinct = set().union(*found[max(0, k - self.window + 1) : k + 1])
            scores[k] = min(1.0, len(distinct) / self.saturation)
        return scores
