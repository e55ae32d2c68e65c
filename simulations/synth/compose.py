"""Chat assembly shared by every scenario: who speaks, slot context, rendering and small talk.

Constraints: the same machinery (openings, small talk, decorations, double texts, closings) runs
for every class, so nothing but the scenario's content tells the classes apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from random import Random
from typing import NamedTuple, TypeVar

from simulations.synth.bank import Line, Template, render
from simulations.synth.library import Library

T = TypeVar("T")

DECORATE_RATE = 0.1
DOUBLE_TEXT_RATE = 0.06
FORMAL_CHAT_SHARE = 0.5


def pick(rng: Random, items: Sequence[T]) -> T:
    """Return a uniformly chosen item (faster than `Random.choice` for short sequences).

    Example:
        >>> pick(Random(1), ["a"])
        'a'
    """
    return items[int(rng.random() * len(items))]


@dataclass(frozen=True, slots=True)
class Person:
    """A participant: role, true age and the age they claim (a fake peer claims a younger one)."""

    role: str
    age: int
    shown_age: int


class Turn(NamedTuple):
    """One generated message before author ids, times and coded writing are applied."""

    speaker: int
    text: str
    template: str
    sign: str | None = None


class Chat:
    """A conversation under construction between speaker 0 and speaker 1."""

    def __init__(self, rng: Random, library: Library, people: tuple[Person, Person]) -> None:
        self.rng = rng
        self.library = library
        self.people = people
        self.turns: list[Turn] = []
        self.context: dict[str, str] = {}
        self.used: set[str] = set()
        self._ages = (str(people[0].shown_age), str(people[1].shown_age))

    def fill(self, name: str) -> str:
        """Return the conversation's value for slot `name`, drawing it on first use."""
        value = self.context.get(name)
        if value is None:
            value = self.context[name] = pick(self.rng, self.library.pools[name])
        return value

    def say(self, speaker: int, bank: str, sign: str | None = None) -> None:
        """Render one template of `bank`; its first message is spoken by `speaker`.

        Replies may repeat ("ok", "idk"); other templates are rarely repeated within a chat.
        """
        if bank.startswith("reply/"):
            self.emit(speaker, pick(self.rng, self.library.banks[bank]), sign, decorate=False)
        else:
            self.emit(speaker, self.fresh((bank,))[1], sign, decorate=True)

    def fresh(self, banks: Sequence[str]) -> tuple[str, Template]:
        """Draw a bank and one of its templates, redrawing (up to 12 times) ones this chat used."""
        for _ in range(12):
            bank = pick(self.rng, banks)
            template = pick(self.rng, self.library.banks[bank])
            if template.id not in self.used:
                break
        self.used.add(template.id)
        return bank, template

    def opener(self, bank: str, first_share: float = 0.5) -> int:
        """Return who opens an exchange of `bank`.

        A scenario's own bank is written from speaker 0's side (`>` hands it over), school talk
        from the pupil's (the younger speaker), the rest is opened by speaker 0 with probability
        `first_share`.
        """
        if bank.startswith("neg/"):
            return 0
        if bank == "talk/school" and self._ages[0] != self._ages[1]:
            return 0 if self.people[0].shown_age < self.people[1].shown_age else 1
        return 0 if self.rng.random() < first_share else 1

    def emit(self, speaker: int, template: Template, sign: str | None, decorate: bool) -> None:
        """Append the messages of `template`, alternating speakers; `sign` marks the first.

        Its first message may get a lead-in or tail and a double text of its speaker; a plain
        (`!`, formal) template does so in `FORMAL_CHAT_SHARE` of the cases, with the formal subset
        of the same lead-ins, tails and double texts (formal people chat too).
        """
        who = 1 - speaker if template.other_starts else speaker
        rng, context, ages = self.rng, self.context, self._ages
        formal = template.plain
        decorate = decorate and (not formal or rng.random() < FORMAL_CHAT_SHARE)
        for index, line in enumerate(template.lines):
            context["age"], context["other_age"] = ages[who], ages[1 - who]
            text = self.text(line)
            if decorate and index == 0:
                text = self.decorate(text, formal)
            self.turns.append(Turn(who, text, template.id, sign if index == 0 else None))
            if decorate and rng.random() < DOUBLE_TEXT_RATE:
                if formal:
                    followup = pick(rng, self.library.formal_followups)
                    self.emit(who, followup, None, decorate=False)
                else:
                    self.say(who, "reply/followup")
            who = 1 - who

    def text(self, line: Line) -> str:
        """Render one message; a line `@name` is a reply drawn from the shared bank `reply/name`."""
        if isinstance(line, str) and line.startswith("@"):
            line = pick(self.rng, self.library.banks[f"reply/{line[1:]}"]).lines[0]
        return render(line, self.rng, self.fill)

    def decorate(self, text: str, formal: bool = False) -> str:
        """Add an optional chat lead-in ("btw", "trouwens") or tail ("lol", "just curious?");
        a `formal` speaker draws from the formal subset ("btw", ":)")."""
        roll = self.rng.random()
        lib = self.library
        leads, tails, question_tails = (
            lib.formal if formal else (lib.leads, lib.tails, lib.question_tails)
        )
        if roll < DECORATE_RATE:
            return f"{pick(self.rng, leads)} {text}"
        if roll >= 2 * DECORATE_RATE:
            return text
        if text.endswith("?"):
            tail = pick(self.rng, question_tails)
            return f"{text}{tail}" if tail == "?" else f"{text} {tail}"
        return f"{text} {pick(self.rng, tails)}"

    def talk(self, until: int, banks: Sequence[str]) -> None:
        """Add small-talk exchanges, avoiding repeats across `banks`, until `until` messages."""
        while len(self.turns) < until:
            bank, template = self.fresh(banks)
            self.emit(self.opener(bank), template, None, decorate=True)

    def last_speaker(self) -> int:
        """Return who spoke last (-1 for an empty chat)."""
        return self.turns[-1].speaker if self.turns else -1
