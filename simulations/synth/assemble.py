"""Turning a finished chat into a `Conversation`: author ids, timestamps, coded writing, metadata.

Constraints: every step here is class-blind. Author ids are random 6-digit hex for everyone,
timestamps follow one pacing distribution, and coded writing uses its own random stream (seeded
from the conversation seed), so the coded rate changes nothing but the coding.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from random import Random
from typing import Any

from model.data.conversation import Conversation, Message
from simulations.synth.coding import code_message
from simulations.synth.compose import Chat, Person, Turn
from simulations.synth.scenarios import MAX_LENGTH, Script

START_DATE = date(2026, 1, 5)
CODING_SALT = 0x5EED_C0DE
_CLOCK = tuple(f"{hour:02d}:{minute:02d}" for hour in range(24) for minute in range(60))
_SECONDS = tuple(f"{second:02d}" for second in range(60))


def timestamps(rng: Random, count: int) -> list[str]:
    """Return `count` increasing ISO 8601 UTC times: seconds to minutes apart, rare long pauses.

    Example:
        >>> stamps = timestamps(Random(0), 3)
        >>> stamps == sorted(stamps), stamps[0][:4], stamps[0][-1]
        (True, '2026', 'Z')
    """
    first = START_DATE + timedelta(days=int(rng.random() * 150))
    days = [f"{first}"]
    stamp = (7 + int(rng.random() * 15)) * 3600 + int(rng.random() * 3600)
    out = []
    for _ in range(count):
        gap = rng.random()
        stamp += 3 + int(90 * gap * gap) + (int(rng.random() * 9000) if gap > 0.97 else 0)
        day, seconds = divmod(stamp, 86400)
        while day >= len(days):
            days.append(f"{first + timedelta(days=len(days))}")
        minute, second = divmod(seconds, 60)
        out.append(f"{days[day]}T{_CLOCK[minute]}:{_SECONDS[second]}Z")
    return out


def author_ids(rng: Random) -> tuple[str, str]:
    """Return two distinct random short hex author ids.

    Example:
        >>> a, b = author_ids(Random(0))
        >>> a != b and len(a) == len(b) == 6
        True
    """
    first = second = f"{rng.getrandbits(24):06x}"
    while second == first:
        second = f"{rng.getrandbits(24):06x}"
    return first, second


def coded_messages(
    turns: Sequence[Turn], ids: tuple[str, str], rng: Random, coded_rate: float, lang: str
) -> tuple[Message, ...]:
    """Return the messages with times; each is coded with this chat's rate (mean `coded_rate`).

    Example:
        >>> turns = [Turn(0, "hey", "t"), Turn(1, "hi", "t")]
        >>> [m.text for m in coded_messages(turns, ("a1", "b2"), Random(0), 0.0, "en")]
        ['hey', 'hi']
    """
    rate = min(1.0, coded_rate * (0.5 + rng.random()))
    times = timestamps(rng, len(turns))
    texts = (code_message(t.text, rng, lang) if rng.random() < rate else t.text for t in turns)
    return tuple(
        Message(ids[t.speaker], text, at) for t, text, at in zip(turns, texts, times, strict=True)
    )


def authors(ids: tuple[str, str], people: tuple[Person, Person]) -> dict[str, dict[str, Any]]:
    """Return the `extra["authors"]` record: role and true age, plus a claimed age if it differs.

    Example:
        >>> authors(("a", "b"), (Person("stranger-adult", 30, 14), Person("child", 13, 13)))["a"]
        {'role': 'stranger-adult', 'age': 30, 'claimed_age': 14}
    """
    record: dict[str, dict[str, Any]] = {}
    for author, person in zip(ids, people, strict=True):
        record[author] = {"role": person.role, "age": person.age}
        if person.shown_age != person.age:
            record[author]["claimed_age"] = person.shown_age
    return record


def to_conversation(
    chat: Chat, script: Script, conversation_id: str, seed: int, coded_rate: float, platform: str
) -> Conversation:
    """Return the finished conversation, its signs annotated and `first_risk_message` set.

    Example:
        >>> from simulations.synth.library import library
        >>> from simulations.synth.negatives import benign
        >>> from simulations.synth.scenarios import run_skeleton
        >>> cast, script = benign(Random(0), "social")
        >>> chat = Chat(Random(0), library("nl", "social", "all"), cast)
        >>> run_skeleton(chat, script, 12)
        >>> to_conversation(chat, script, "c-000001", 5, 0.25, "social").kind
        'benign'
    """
    turns = chat.turns[:MAX_LENGTH]
    ids = author_ids(chat.rng)
    signs: list[list[int | str]] = [[i, t.sign] for i, t in enumerate(turns) if t.sign]
    lang = chat.library.lang
    coding = Random(seed ^ CODING_SALT)
    return Conversation(
        id=conversation_id,
        messages=coded_messages(turns, ids, coding, coded_rate, lang),
        label=script.label,
        first_risk_message=next((i for i, t in enumerate(turns) if t.sign), None),
        lang=lang,
        platform=platform,
        kind=script.kind,
        extra={"signs": signs, "authors": authors(ids, chat.people)},
    )
