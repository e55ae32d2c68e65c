"""The phrase library: every language's banks compiled once, filtered per platform and phrasing.

Constraints: bank names are `sign/<sign>`, `talk/<key>`, `reply/<key>`, `neg/<scenario>/<key>`
and `mirror/<relation>/<sign>`; sign, talk, hard-negative and mirror banks are split into train
and held-out templates, replies (short generic answers) are shared by both. Slot values are split
too, except the closed lists in `UNSPLIT_SLOTS` (days, times, amounts, family words).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from simulations.synth import (
    phrases_en_mirrors,
    phrases_en_negatives,
    phrases_en_signs,
    phrases_en_talk,
    phrases_nl_mirrors,
    phrases_nl_negatives,
    phrases_nl_signs,
    phrases_nl_talk,
    vocab_en,
    vocab_nl,
)
from simulations.synth.bank import (
    MIN_SPLIT_VALUES,
    PHRASINGS,
    SLOT_HELDOUT_SHARE,
    Template,
    compile_bank,
    compile_template,
    dev_items,
    heldout_items,
    select,
    select_values,
)
from simulations.synth.writers import load_writer_lines

LANGUAGES = ("en", "nl")
PLATFORMS = ("social", "gaming", "metaverse")
SPLIT_PREFIXES = ("sign/", "talk/", "neg/", "mirror/")
UNSPLIT_SLOTS = frozenset({"day", "hour", "amount", "sib", "parent", "pa", "relative"})

_MODULES: dict[str, tuple[ModuleType, ModuleType, ModuleType, ModuleType, ModuleType]] = {
    "en": (phrases_en_signs, phrases_en_talk, phrases_en_negatives, vocab_en, phrases_en_mirrors),
    "nl": (phrases_nl_signs, phrases_nl_talk, phrases_nl_negatives, vocab_nl, phrases_nl_mirrors),
}


@dataclass(frozen=True)
class Library:
    """The templates and slot values one language, platform and phrasing may use."""

    lang: str
    banks: Mapping[str, tuple[Template, ...]]
    pools: Mapping[str, tuple[str, ...]]
    leads: tuple[str, ...]
    tails: tuple[str, ...]
    question_tails: tuple[str, ...]
    formal: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    formal_followups: tuple[Template, ...]


def is_split(bank: str) -> bool:
    """Return whether a bank is divided into train and held-out templates.

    Example:
        >>> is_split("sign/secrecy"), is_split("reply/short")
        (True, False)
    """
    return bank.startswith(SPLIT_PREFIXES)


def bank_texts(lang: str) -> dict[str, Sequence[str]]:
    """Return the raw template texts of every bank of `lang`, by bank name.

    Example:
        >>> "neg/parent/lookalike" in bank_texts("nl")
        True
    """
    signs, talk, negatives, _, mirrors = _MODULES[lang]
    texts: dict[str, Sequence[str]] = {}
    texts.update({f"sign/{name}": items for name, items in signs.SIGNS.items()})
    texts.update({f"talk/{name}": items for name, items in talk.TALK.items()})
    texts.update({f"reply/{name}": items for name, items in talk.REPLIES.items()})
    for scenario, banks in negatives.NEGATIVES.items():
        texts.update({f"neg/{scenario}/{name}": items for name, items in banks.items()})
    for relation, banks in mirrors.MIRRORS.items():
        texts.update({f"mirror/{relation}/{name}": items for name, items in banks.items()})
    return texts


def slot_values(lang: str, platform: str) -> dict[str, Sequence[str]]:
    """Return every slot list of `lang`, with the words of `platform` merged in.

    Example:
        >>> "robux" in slot_values("en", "gaming")["currency"]
        True
    """
    vocab = _MODULES[lang][3]
    values: dict[str, Sequence[str]] = dict(vocab.SLOTS)
    values.update(vocab.PLATFORM_SLOTS[platform])
    return values


@cache
def compiled(lang: str) -> dict[str, tuple[Template, ...]]:
    """Return every bank of `lang` compiled, with its held-out templates marked, and the
    writers' lines of each bank appended as training-only templates.

    Example:
        >>> any(t.heldout for t in compiled("en")["sign/secrecy"])
        True
    """
    texts = bank_texts(lang)
    extra = writer_banks(lang)
    unknown = sorted(extra.keys() - texts.keys())
    if unknown:
        raise ValueError(f"Writers' lines name unknown banks: {', '.join(unknown)}.")
    return {
        name: compile_bank(name, items, is_split(name))
        + tuple(compile_template(name, t, False) for t in extra.get(name, ()) if t not in items)
        for name, items in texts.items()
    }


def writer_banks(lang: str) -> dict[str, tuple[str, ...]]:
    """Return the writers' training-only lines of `lang` by bank name (see `writers.py`).

    Example:
        >>> all(is_split(bank) for bank in writer_banks("en"))
        True
    """
    return _writer_lines().get(lang, {})


@cache
def _writer_lines() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every writers' line of every language, read and validated once per process."""
    slots = {
        code: frozenset(name for p in PLATFORMS for name in slot_values(code, p))
        for code in LANGUAGES
    }
    return load_writer_lines(slots)


def _split_values(choose: Callable[[Sequence[str]], frozenset[str]]) -> frozenset[str]:
    """Union of `choose(values)` over every split slot list of every language and platform."""
    chosen: set[str] = set()
    for lang in LANGUAGES:
        for platform in PLATFORMS:
            for name, values in slot_values(lang, platform).items():
                if name not in UNSPLIT_SLOTS:
                    chosen |= choose(values)
    return frozenset(chosen)


@cache
def heldout_values() -> frozenset[str]:
    """Return every slot value reserved for held-out phrasing, over all languages and platforms.

    Example:
        >>> "snap" in heldout_values() or "snap" in slot_values("en", "social")["app"]
        True
    """
    return _split_values(lambda values: heldout_items(values, SLOT_HELDOUT_SHARE, MIN_SPLIT_VALUES))


@cache
def dev_values() -> frozenset[str]:
    """Return every training-side slot value set aside for the "dev" phrasing.

    Example:
        >>> dev_values().isdisjoint(heldout_values())
        True
    """
    reserved = heldout_values()
    return _split_values(lambda values: dev_items(values, reserved, SLOT_HELDOUT_SHARE))


@cache
def library(lang: str, platform: str, phrasing: str) -> Library:
    """Return the library for one language, platform and phrasing (cached).

    Example:
        >>> lib = library("nl", "gaming", "heldout")
        >>> all(t.heldout for t in lib.banks["sign/gifts"])
        True
    """
    if lang not in LANGUAGES or platform not in PLATFORMS or phrasing not in PHRASINGS:
        raise ValueError(f"Unknown library {lang!r}, {platform!r}, {phrasing!r}.")
    banks = {name: select(t, phrasing, is_split(name)) for name, t in compiled(lang).items()}
    reserved, dev = heldout_values(), dev_values()
    pools = {
        name: tuple(values)
        if name in UNSPLIT_SLOTS
        else select_values(values, phrasing, reserved, dev)
        for name, values in slot_values(lang, platform).items()
    }
    talk = _MODULES[lang][1]
    tails = (tuple(talk.LEADS), tuple(talk.TAILS), tuple(talk.QUESTION_TAILS))
    formal = (tuple(talk.FORMAL_LEADS), tuple(talk.FORMAL_TAILS), tuple(talk.FORMAL_QUESTION_TAILS))
    followups = tuple(t for t in banks["reply/followup"] if t.text in talk.FORMAL_FOLLOWUPS)
    return Library(lang, banks, pools, *tails, formal, followups)
