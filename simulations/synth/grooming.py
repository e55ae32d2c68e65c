"""Grooming scripts (label 1): a stranger's chain of 2-6 warning signs amid ordinary small talk.

Constraints: the signs are the 17 of indicators.md and are all non-sexual. Their order follows
O'Connell's stages only loosely (a noisy stage order); guilt and pressure follow a refused
request; a fake peer claims a teen age right after asking the child's, and slips later (the
inconsistent-age sign). Only the stranger's sign lines are annotated. The same chain planner and
the same reply choice drive the label-0 mirror chains (`mirror_events`), whose benign look-alike
prompts get the same answers, refusals, apologies and giving in at the same rates.
"""

from __future__ import annotations

from bisect import bisect
from itertools import accumulate
from random import Random
from typing import NamedTuple

from simulations.synth.compose import Chat, Person, pick
from simulations.synth.scenarios import Event, Script, platform_talk

STAGES: dict[str, float] = {
    "rapport": 0.0,
    "flattery": 0.3,
    "age-probing": 0.8,
    "location-probing": 1.2,
    "supervision-probing": 1.4,
    "secrecy": 2.0,
    "exclusivity": 1.8,
    "alienation": 2.0,
    "gifts": 1.0,
    "off-platform": 2.2,
    "photo-request": 2.8,
    "compliance-testing": 2.6,
    "mentor-framing": 0.6,
    "meeting-proposal": 3.2,
}
REACTIVE = ("guilt", "pressure-after-refusal")
SIGNS = (*STAGES, *REACTIVE, "inconsistent-age")
REQUESTS = frozenset(
    {"secrecy", "off-platform", "photo-request", "compliance-testing", "meeting-proposal"}
)
REPLIES: dict[str, str] = {
    "rapport": "agree",
    "flattery": "flattered",
    "age-probing": "age",
    "location-probing": "wary",
    "supervision-probing": "alone",
    "secrecy": "secret",
    "exclusivity": "flattered",
    "alienation": "parents",
    "gifts": "gift",
    "off-platform": "app",
    "photo-request": "photo",
    "compliance-testing": "depends",
    "guilt": "sorry",
    "inconsistent-age": "confused",
    "mentor-framing": "agree",
    "meeting-proposal": "meet",
    "pressure-after-refusal": "cave",
}
CHAIN_SIZES = (2, 3, 4, 5, 6)
CHAIN_WEIGHTS = tuple(accumulate((0.26, 0.3, 0.22, 0.13, 0.09)))
FAKE_PEER_RATE = 0.3
REACTIVE_RATE = 0.5
REFUSAL_RATE = 0.2
SHORT_REPLY_RATE = 0.2
STRANGER_OPEN_RATE = 0.5


class Step(NamedTuple):
    """One sign of the chain; a refused request may draw a reaction (guilt or pressure)."""

    sign: str
    refused: bool = False
    reaction: str | None = None


def plan_chain(rng: Random, fake_peer: bool) -> list[Step]:
    """Return the chain: 2-6 signs (reactions included, 2-4 most often) in a noisy stage order.

    Example:
        >>> chain = plan_chain(Random(4), fake_peer=True)
        >>> chain[0].sign, 2 <= len(chain) + sum(s.reaction is not None for s in chain) <= 6
        ('age-probing', True)
    """
    size = CHAIN_SIZES[bisect(CHAIN_WEIGHTS, rng.random() * CHAIN_WEIGHTS[-1])]
    if fake_peer:
        others = [s for s in STAGES if s != "age-probing"]
        chosen = ["inconsistent-age", *rng.sample(others, size - 2)]
    else:
        chosen = rng.sample(list(STAGES), size)
    order = sorted(chosen, key=lambda sign: STAGES.get(sign, 2.5) + rng.gauss(0.0, 0.9))
    steps = [Step(sign, sign in REQUESTS and rng.random() < REFUSAL_RATE) for sign in order]
    if fake_peer:
        steps.insert(0, Step("age-probing"))
    return _add_reaction(rng, steps)


def _add_reaction(rng: Random, steps: list[Step]) -> list[Step]:
    requests = [i for i, step in enumerate(steps) if step.sign in REQUESTS]
    if len(steps) >= 6 or not requests or rng.random() >= REACTIVE_RATE:
        return steps
    index = pick(rng, requests)
    steps[index] = Step(steps[index].sign, True, pick(rng, REACTIVE))
    return steps


def sign_event(step: Step, fake_peer: bool, prefix: str = "sign") -> Event:
    """Return the event of one step: speaker 0's line and the child's reply, then the claimed age
    or the reaction to a refusal where the step calls for one.

    With the default `prefix` the line is the stranger's annotated sign; with a mirror prefix
    (`mirror/peer`, `mirror/elder`) it is a benign look-alike, not annotated, answered the same way.

    Example:
        >>> callable(sign_event(Step("gifts"), fake_peer=False))
        True
    """

    def event(chat: Chat) -> None:
        _say_sign(chat, prefix, step.sign, step.refused)
        if fake_peer and step.sign == "age-probing":
            chat.say(0, "reply/claim")
            chat.context["claimed"] = "yes"
        if step.reaction is not None:
            _say_sign(chat, prefix, step.reaction, refused=False)

    return event


def mirror_events(rng: Random, relation: str, fake_peer: bool) -> list[Event]:
    """Return a label-0 mirror chain: benign look-alikes of a planned sign chain, unannotated.

    Example:
        >>> len(mirror_events(Random(4), "peer", fake_peer=True)) >= 2
        True
    """
    prefix = f"mirror/{relation}"
    return [sign_event(step, fake_peer, prefix) for step in plan_chain(rng, fake_peer)]


def _say_sign(chat: Chat, prefix: str, sign: str, refused: bool) -> None:
    chat.say(0, f"{prefix}/{sign}", sign if prefix == "sign" else None)
    if chat.last_speaker() == 0:
        chat.say(1, _reply_bank(chat, sign, refused))


def _reply_bank(chat: Chat, sign: str, refused: bool) -> str:
    if refused:
        return "reply/refuse"
    if sign == "inconsistent-age" and "claimed" not in chat.context:
        return "reply/short"
    roll = chat.rng.random()
    if roll < SHORT_REPLY_RATE:
        return "reply/short" if roll < SHORT_REPLY_RATE / 2 else "reply/ack"
    return f"reply/{REPLIES[sign]}"


def grooming(rng: Random, platform: str) -> tuple[tuple[Person, Person], Script]:
    """Return the cast (stranger, child) and script of a grooming chat.

    Example:
        >>> grooming(Random(2), "gaming")[1].label
        1
    """
    child_age = rng.randint(8, 16)
    adult_age = rng.randint(19, 48)
    fake_peer = child_age >= 11 and rng.random() < FAKE_PEER_RATE
    claimed = min(17, max(13, child_age + (0, 0, 1, 2)[int(rng.random() * 4)]))
    stranger = Person("stranger-adult", adult_age, claimed if fake_peer else adult_age)
    cast = (stranger, Person("child", child_age, child_age))
    events = tuple(sign_event(step, fake_peer) for step in plan_chain(rng, fake_peer))
    opening = "talk/open-stranger" if rng.random() < STRANGER_OPEN_RATE else "talk/open-friend"
    kind = "grooming-fake-peer" if fake_peer else "grooming"
    return cast, Script(kind, 1, opening, platform_talk(platform), events)
