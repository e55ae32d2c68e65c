"""Hard-negative scripts (label 0): the scenarios of indicators.md with their casts and look-alikes.

Constraints: each chat carries 2-5 look-alike exchanges that reuse the signs' surface words; what
makes them harmless is the realistic context (cast, family and club words, matching ages,
openness, mutual requests), never a formatting difference from the grooming chats.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from simulations.synth.compose import Person, pick
from simulations.synth.scenarios import Script, exchange, peers, platform_talk


@dataclass(frozen=True)
class Cast:
    """A pair of roles with age ranges; `spread` set means peers whose ages differ by <= spread;
    `banks` names the bank group when it is not the scenario's own (a marketplace sale)."""

    first: str
    first_ages: tuple[int, int]
    second: str
    second_ages: tuple[int, int]
    spread: int | None = None
    banks: str | None = None


SCENARIOS: dict[str, tuple[Cast, ...]] = {
    "teens": (Cast("peer-teen", (11, 16), "peer-teen", (11, 16), 0),),
    "parent": (Cast("parent", (31, 52), "child", (8, 16)),),
    "coach": (
        Cast("coach", (22, 60), "child", (9, 16)),
        Cast("teacher", (24, 62), "child", (9, 16)),
        Cast("tutor", (19, 60), "child", (8, 16)),
    ),
    "gaming": (Cast("peer-teen", (12, 17), "peer-teen", (12, 17), 1),),
    "adults": (Cast("adult", (21, 58), "adult", (21, 58)),),
    "helpline": (
        Cast("youth-worker", (23, 55), "child", (10, 16)),
        Cast("helpline-counsellor", (22, 60), "child", (10, 16)),
    ),
    "sibling": (
        Cast("sibling", (15, 25), "child", (8, 14)),
        Cast("relative", (25, 70), "child", (8, 15)),
    ),
    "support": (
        Cast("support-agent", (20, 55), "customer", (13, 60)),
        Cast("seller", (18, 65), "buyer", (16, 60), banks="market"),
    ),
    "banter": (Cast("peer-teen", (10, 16), "peer-teen", (10, 16), 1),),
}
PEER_SCENARIOS = frozenset({"teens", "gaming", "banter"})
SHARED_TALK: dict[str, tuple[str, ...]] = {
    "parent": ("talk/generic", "talk/school"),
    "coach": ("talk/generic", "talk/school"),
    "sibling": ("talk/generic", "talk/school"),
    "helpline": ("neg/helpline/talk", "talk/school"),
    "adults": ("neg/adults/talk", "talk/generic"),
}
FORMAL_GROUPS = frozenset({"coach", "helpline", "support", "market"})
STRANGER_OPEN_RATE = 0.3
ALIASES: dict[str, tuple[tuple[str, str], ...]] = {
    "teacher": (("club", "club_teacher"),),
    "tutor": (("club", "club_tutor"),),
}


def scenario_talk(scenario: str, group: str, platform: str) -> tuple[str, ...]:
    """Return the small-talk banks of a scenario: its own talk, plus shared talk where fitting.

    Example:
        >>> scenario_talk("support", "market", "social")
        ('neg/market/talk',)
        >>> scenario_talk("parent", "parent", "social")
        ('neg/parent/talk', 'talk/generic', 'talk/school')
    """
    own = f"neg/{group}/talk"
    if scenario in PEER_SCENARIOS:
        return (own, *platform_talk(platform))
    return (own, *SHARED_TALK.get(scenario, ()))


def draw_cast(rng: Random, cast: Cast) -> tuple[Person, Person]:
    """Return the two people of a cast with their ages drawn.

    Example:
        >>> draw_cast(Random(0), SCENARIOS["parent"][0])[1].role
        'child'
    """
    if cast.spread is not None:
        return peers(rng, cast.first, *cast.first_ages, cast.spread)
    first, second = rng.randint(*cast.first_ages), rng.randint(*cast.second_ages)
    return Person(cast.first, first, first), Person(cast.second, second, second)


def hard_negative(
    rng: Random, platform: str, scenario: str
) -> tuple[tuple[Person, Person], Script]:
    """Return the cast and script of one hard-negative chat of `scenario`.

    Example:
        >>> hard_negative(Random(1), "gaming", "coach")[1].kind
        'hard-negative-coach'
    """
    cast = pick(rng, SCENARIOS[scenario])
    people = draw_cast(rng, cast)
    group = cast.banks or scenario
    opening = f"neg/{group}/open"
    if scenario in PEER_SCENARIOS and rng.random() < STRANGER_OPEN_RATE:
        opening = "talk/open-stranger"
    bank = f"neg/{group}/lookalike"
    events = tuple(exchange(0, bank) for _ in range(rng.randint(2, 5)))
    talk = scenario_talk(scenario, group, platform)
    aliases = ALIASES.get(cast.first, ())
    closing = f"neg/{group}/close" if group in FORMAL_GROUPS else "talk/close"
    kind = f"hard-negative-{scenario}"
    return people, Script(kind, 0, opening, talk, events, aliases, closing)
