"""Scenario skeleton shared by every class (the label-0 scripts live in `negatives.py`).

Constraints: every class runs `run_skeleton` (opening, a long stretch of small talk, events spread
over the rest, an optional closing) with the same length distribution, so lengths, positions and
pacing overlap between classes; only the events and the context they carry differ.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from simulations.synth.compose import Chat, Person

Event = Callable[[Chat], None]

MIN_LENGTH, MAX_LENGTH = 8, 70
CLOSE_RATE = 0.35


@dataclass(frozen=True)
class Script:
    """What a scenario contributes to the skeleton: its opening, small talk and events.

    `aliases` maps a slot to the pool it is drawn from in this chat (a teacher's `club` is a class);
    `closing` is the bank of the optional goodbye.
    """

    kind: str
    label: int
    opening: str
    talk: tuple[str, ...]
    events: tuple[Event, ...]
    aliases: tuple[tuple[str, str], ...] = ()
    closing: str = "talk/close"


def draw_length(rng: Random) -> int:
    """Return a target length in messages, the same distribution for every class.

    Example:
        >>> MIN_LENGTH <= draw_length(Random(3)) <= MAX_LENGTH
        True
    """
    return MIN_LENGTH + int((MAX_LENGTH - MIN_LENGTH) * rng.random() ** 1.8)


def run_skeleton(chat: Chat, script: Script, length: int) -> None:
    """Build the chat: opening, small talk to 25-60 % of `length`, events, padding, closing.

    Example:
        >>> from simulations.synth.library import library
        >>> from simulations.synth.negatives import benign
        >>> chat = Chat(Random(0), library("en", "social", "all"), benign(Random(0), "social")[0])
        >>> run_skeleton(chat, benign(Random(1), "social")[1], 20)
        >>> len(chat.turns) >= 20
        True
    """
    rng = chat.rng
    chat.say(chat.opener(script.opening, first_share=0.7), script.opening)
    chat.talk(max(3, round(length * (0.25 + 0.35 * rng.random()))), script.talk)
    for left, event in zip(range(len(script.events), 0, -1), script.events, strict=True):
        event(chat)
        room = max(0, length - len(chat.turns) - 2 * (left - 1))
        chat.talk(len(chat.turns) + int(room / left * (0.3 + rng.random())), script.talk)
    chat.talk(min(length, MAX_LENGTH - 2), script.talk)
    if rng.random() < CLOSE_RATE:
        chat.say(chat.opener(script.closing), script.closing)


def platform_talk(platform: str) -> tuple[str, ...]:
    """Return the small-talk banks of a platform: everyday talk, school talk and the platform's.

    Example:
        >>> platform_talk("gaming")
        ('talk/generic', 'talk/school', 'talk/gaming', 'talk/gaming')
    """
    return ("talk/generic", "talk/school", f"talk/{platform}", f"talk/{platform}")


def exchange(speaker: int, bank: str) -> Event:
    """Return an event that renders one exchange of `bank`, opened by `speaker`.

    Example:
        >>> callable(exchange(0, "talk/generic"))
        True
    """

    def event(chat: Chat) -> None:
        chat.say(speaker, bank)

    return event


def peers(rng: Random, role: str, low: int, high: int, spread: int) -> tuple[Person, Person]:
    """Return two peers aged `low`-`high` whose ages differ by at most `spread`.

    Example:
        >>> a, b = peers(Random(0), "peer-teen", 12, 15, 0)
        >>> a.age == b.age
        True
    """
    age = rng.randint(low, high)
    other = min(high, max(low, age + rng.randint(-spread, spread)))
    return Person(role, age, age), Person(role, other, other)
