"""Label-0 scripts: the hard negatives of indicators.md with their casts and look-alikes, and the
plain benign chats between peers.

Constraints: each hard negative carries look-alike exchanges that reuse the signs' surface words;
what makes them harmless is the realistic context (cast, family and club words, matching ages,
openness, mutual requests), never a formatting difference from the grooming chats. Every chat
with a child or teen answering (benign, peers, family, coaches) also runs a mirror chain (see
`grooming.mirror_events`): the child's answers, refusals, apologies and giving in are drawn like
in a grooming chat, so no reply is a class artifact.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from simulations.synth.compose import Person, pick
from simulations.synth.grooming import mirror_events
from simulations.synth.scenarios import Event, Script, exchange, peers, platform_talk


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
STRANGER_OPENS = frozenset({*PEER_SCENARIOS, "adults"})
SHARED_TALK: dict[str, tuple[str, ...]] = {
    "parent": ("talk/generic", "talk/school", "{platform}", "{platform}"),
    "coach": ("talk/generic", "talk/school", "{platform}", "{platform}"),
    "sibling": ("talk/generic", "talk/school", "{platform}", "{platform}"),
    "helpline": ("neg/helpline/talk", "talk/school"),
    "adults": ("neg/adults/talk", "talk/generic", "{platform}", "{platform}"),
    "support": ("{platform}",),
}
FORMAL_GROUPS = frozenset({"coach", "helpline", "support", "market"})
STRANGER_OPEN_RATE = 0.4
FRIEND_OPEN_RATE = 0.4
BENIGN_STRANGER_OPEN_RATE = 0.5
CLAIM_RATES: dict[int, float] = {13: 0.8, 14: 0.36, 15: 0.36, 16: 0.36, 17: 0.27}
MIRROR_RELATIONS: dict[str, str] = {
    "teens": "peer",
    "gaming": "peer",
    "banter": "peer",
    "parent": "elder",
    "sibling": "elder",
    "coach": "elder",
}
ALIASES: dict[str, tuple[tuple[str, str], ...]] = {
    "teacher": (("club", "club_teacher"),),
    "tutor": (("club", "club_tutor"),),
}


def scenario_talk(scenario: str, group: str, platform: str) -> tuple[str, ...]:
    """Return the small-talk banks of a scenario: its own talk, plus shared talk where fitting
    (the platform's talk too: families, clubs and adults use the platform like everyone else).

    Example:
        >>> scenario_talk("helpline", "helpline", "social")
        ('neg/helpline/talk', 'neg/helpline/talk', 'talk/school')
        >>> scenario_talk("parent", "parent", "social")
        ('neg/parent/talk', 'talk/generic', 'talk/school', 'talk/social', 'talk/social')
    """
    own = f"neg/{group}/talk"
    if scenario in PEER_SCENARIOS:
        return (own, *platform_talk(platform))
    shared = SHARED_TALK.get(scenario, ())
    return (own, *(f"talk/{platform}" if b == "{platform}" else b for b in shared))


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
    roll = rng.random()
    if scenario in STRANGER_OPENS and roll < STRANGER_OPEN_RATE:
        opening = "talk/open-stranger"
    elif group not in FORMAL_GROUPS and roll >= 1 - FRIEND_OPEN_RATE:
        opening = "talk/open-friend"
    bank = f"neg/{group}/lookalike"
    relation = MIRROR_RELATIONS.get(scenario)
    lookalikes = [exchange(0, bank) for _ in range(rng.randint(*((1, 2) if relation else (2, 5))))]
    events = lookalikes
    if relation is not None:
        chain = mirror_events(rng, relation, _fakes_age(rng, relation, people))
        events = interleave(rng, chain, lookalikes)
    talk = scenario_talk(scenario, group, platform)
    aliases = ALIASES.get(cast.first, ())
    closing = f"neg/{group}/close" if group in FORMAL_GROUPS else "talk/close"
    kind = f"hard-negative-{scenario}"
    return people, Script(kind, 0, opening, talk, tuple(events), aliases, closing)


def _fakes_age(rng: Random, relation: str, cast: tuple[Person, Person]) -> bool:
    """Return whether a peer's mirror chain states speaker 0's (teen) age and slips later, like a
    fake peer's chain does; the rate by age follows the ages fake peers claim (13 most often)."""
    rate = CLAIM_RATES.get(cast[0].age, 0.0) if cast[1].age >= 11 else 0.0
    return relation == "peer" and rng.random() < rate


def interleave(rng: Random, chain: list[Event], extra: list[Event]) -> list[Event]:
    """Return the chain in order with the `extra` events inserted at random places.

    Example:
        >>> interleave(Random(0), [1, 2, 3], [9])
        [1, 2, 3, 9]
    """
    events = list(chain)
    for event in extra:
        events.insert(int(rng.random() * (len(events) + 1)), event)
    return events


def benign(rng: Random, platform: str) -> tuple[tuple[Person, Person], Script]:
    """Return the cast and script of a plain benign chat between peers: small talk and a mirror
    chain of everyday requests, questions and compliments.

    Example:
        >>> benign(Random(0), "social")[1].kind
        'benign'
    """
    cast = peers(rng, "peer-teen", 9, 17, 1)
    talk = platform_talk(platform)
    opening = (
        "talk/open-stranger" if rng.random() < BENIGN_STRANGER_OPEN_RATE else "talk/open-friend"
    )
    chain = mirror_events(rng, "peer", _fakes_age(rng, "peer", cast))
    extra = [exchange(int(rng.random() * 2), pick(rng, talk)) for _ in range(rng.randint(0, 2))]
    return cast, Script("benign", 0, opening, talk, tuple(interleave(rng, chain, extra)))
