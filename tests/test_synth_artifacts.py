"""Guards against class artifacts: outside the annotated sign lines, no reply, reaction or small
talk may tell grooming chats (label 1) from label-0 chats by its mere presence.

A detector trained on the corpus should learn the warning signs and their context, not that
"i cant" or "hmm" only ever occur in grooming chats. The thresholds leave room for sampling noise
(a smoothed per-conversation rate ratio of at most 3 for frequent messages and words) and failed
on the corpus that gave refusals, apologies and hesitations to grooming chats only.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from model.text.normalize import normalize
from simulations.synth.generator import generate_with_templates
from simulations.synth.library import PLATFORMS

MIN_COUNT = 30
MAX_RATIO = 3.0


@cache
def corpus() -> tuple[tuple[int, tuple[str, ...], tuple[str, ...], frozenset[int]], ...]:
    """Return (label, texts, template ids, sign indices) of a train-phrasing sample."""
    out = []
    for index, platform in enumerate(PLATFORMS):
        for c, ids in generate_with_templates(
            1500, seed=4242 + index, platform=platform, phrasing="train"
        ):
            signs = frozenset(int(i) for i, _ in c.extra["signs"])
            out.append((c.label, tuple(m.text for m in c.messages), ids, signs))
    return tuple(out)


def one_sided(by_label: dict[int, Counter[str]], sizes: Counter[int]) -> list[tuple[str, float]]:
    """Return the items seen >= MIN_COUNT times in label 1 and over MAX_RATIO times as often (per
    conversation, smoothed) as in label 0."""
    pos, neg = by_label[1], by_label[0]
    rows = []
    for item, count in pos.items():
        if count >= MIN_COUNT:
            ratio = (count / sizes[1]) / ((neg[item] + 1) / sizes[0])
            if ratio > MAX_RATIO:
                rows.append((item, round(ratio, 1)))
    return sorted(rows, key=lambda row: -row[1])


def test_no_frequent_non_sign_message_or_word_is_a_grooming_give_away() -> None:
    messages: dict[int, Counter[str]] = {0: Counter(), 1: Counter()}
    words: dict[int, Counter[str]] = {0: Counter(), 1: Counter()}
    sizes: Counter[int] = Counter()
    for label, texts, _, signs in corpus():
        sizes[label] += 1
        for index, text in enumerate(texts):
            if index not in signs:
                normal = normalize(text)
                messages[label][normal] += 1
                words[label].update(normal.split())
    assert sizes[0] and sizes[1]
    assert one_sided(messages, sizes) == []
    assert one_sided(words, sizes) == []


def test_every_reply_bank_is_used_by_both_classes_at_similar_rates() -> None:
    uses: dict[int, Counter[str]] = {0: Counter(), 1: Counter()}
    sizes: Counter[int] = Counter()
    for label, _, ids, _ in corpus():
        sizes[label] += 1
        uses[label].update(i.split("#")[0] for i in ids if i.startswith("reply/"))
    banks = set(uses[0]) | set(uses[1])
    assert {"reply/refuse", "reply/sorry", "reply/cave", "reply/short"} <= banks
    for bank in banks:
        rates = [uses[label][bank] / sizes[label] for label in (0, 1)]
        assert min(rates) > 0, bank
        assert max(rates) / min(rates) < 2.0, (bank, rates)
