"""Coded writing applied to single messages: leetspeak, spacing, repeats, emoji, typos, confusables.

Constraints: the transforms depend only on the text, the language and the rng, never on the
class, so coded writing is no label artifact; a coded message always differs from its source.
"""

from __future__ import annotations

import re
from bisect import bisect
from collections.abc import Callable
from itertools import accumulate
from random import Random

LEET = {"a": "4", "e": "3", "o": "0", "i": "1", "s": "5", "t": "7"}
HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р"}  # Cyrillic look-alikes
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d")
EMOJI_BY_WORD = {
    "secret": "🤫",
    "tell": "🤫",
    "geheim": "🤫",
    "zeg": "🤫",
    "gift": "🎁",
    "cadeau": "🎁",
    "robux": "🎁",
    "v-bucks": "🎁",
    "gems": "🎁",
    "coins": "🎁",
    "pic": "📸",
    "selfie": "📸",
    "foto": "📸",
    "cam": "📸",
    "photo": "📸",
}
EMOJI = ("😊", "😂", "👍", "🔥", "😅", "🙄", "😎", "💯", "🎮", "✨", "😭", "🤣", "🙏", "👀")
ABBREVIATIONS: dict[str, dict[str, str]] = {
    "en": {
        "how old r u and where r u from": "asl",
        "what are you doing": "wyd",
        "where are you": "wru",
        "right now": "rn",
        "to be honest": "tbh",
        "not gonna lie": "ngl",
        "i don't know": "idk",
        "you": "u",
        "are": "r",
        "your": "ur",
        "because": "bc",
        "please": "pls",
        "thanks": "thx",
        "okay": "k",
        "ok": "k",
        "see you": "cya",
        "be right back": "brb",
        "what are u doing": "wyd",
        "where r u": "wru",
        "i dont know": "idk",
    },
    "nl": {
        "even": "ff",
        "waarom": "wrm",
        "inderdaad": "idd",
        "gewoon": "gwn",
        "misschien": "mss",
        "of zo": "ofz",
        "ofzo": "ofz",
        "ik weet het niet": "kweenie",
        "weet ik niet": "kweenie",
        "natuurlijk": "ntl",
        "volgens mij": "vgm",
        "in ieder geval": "iig",
        "niet": "nie",
        "ik ben": "kben",
        "ik heb": "kheb",
        "dat is": "das",
        "het": "t",
        "hoe gaat het": "hgh",
        "welterusten": "wt",
        "alsjeblieft": "ajb",
        "jij": "je",
    },
}


def _alternation(phrases: dict[str, str]) -> re.Pattern[str]:
    longest_first = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, longest_first)) + r")\b")


_ABBREVIATION_RE = {lang: _alternation(table) for lang, table in ABBREVIATIONS.items()}

Transform = Callable[[str, Random, str], str]


def _word_index(words: list[str], rng: Random, minimum: int) -> int:
    candidates = [i for i, w in enumerate(words) if len(w) >= minimum and w.isalpha()]
    return candidates[int(rng.random() * len(candidates))] if candidates else -1


def _in_one_word(text: str, rng: Random, minimum: int, change: Callable[[str], str]) -> str:
    words = text.split(" ")
    index = _word_index(words, rng, minimum)
    if index >= 0:
        words[index] = change(words[index])
    return " ".join(words)


def leetspeak(text: str, rng: Random, lang: str) -> str:
    """Replace some letters of some words by digits ("snap" -> "sn4p"); partial, like real chat.

    Example:
        >>> leetspeak("snap", Random(1), "en") != "snap"
        True
    """
    words = text.split(" ")
    chosen = _word_index(words, rng, 3)
    for i, word in enumerate(words):
        if i == chosen or rng.random() < 0.3:
            words[i] = _leet_word(word, rng, force=i == chosen)
    return " ".join(words)


def _leet_word(word: str, rng: Random, force: bool) -> str:
    coded = "".join(LEET[c] if c in LEET and rng.random() < 0.6 else c for c in word)
    return "".join(LEET.get(c, c) for c in word) if force and coded == word else coded


def spaced(text: str, rng: Random, lang: str) -> str:
    """Space out the letters of one word ("s n a p").

    Example:
        >>> spaced("snap", Random(0), "en")
        's n a p'
    """
    return _in_one_word(text, rng, 3, " ".join)


def repeated(text: str, rng: Random, lang: str) -> str:
    """Repeat the last letter of one word ("heyyyy").

    Example:
        >>> repeated("hey", Random(0), "en").startswith("heyy")
        True
    """
    count = 2 + int(rng.random() * 4)
    return _in_one_word(text, rng, 2, lambda w: w + w[-1] * count)


def emoji(text: str, rng: Random, lang: str) -> str:
    """Append an emoji, chosen by a keyword of the text when one matches (🤫 🎁 📸).

    Example:
        >>> emoji("send a selfie", Random(1), "en").endswith("📸")
        True
    """
    lowered = text.lower()
    matches = [e for word, e in EMOJI_BY_WORD.items() if word in lowered]
    options = matches if matches and rng.random() < 0.7 else EMOJI
    return f"{text} {options[int(rng.random() * len(options))]}"


def abbreviate(text: str, rng: Random, lang: str) -> str:
    """Shorten chat phrases ("you" -> "u", "even" -> "ff", "waarom" -> "wrm").

    Example:
        >>> abbreviate("waarom doe je even raar", Random(0), "nl")
        'wrm doe je ff raar'
    """
    table = ABBREVIATIONS[lang]
    return _ABBREVIATION_RE[lang].sub(lambda m: table[m.group(1)], text)


def typo(text: str, rng: Random, lang: str) -> str:
    """Swap, drop or double one letter of one word.

    Example:
        >>> typo("message", Random(5), "en") != "message"
        True
    """

    def change(word: str) -> str:
        at = 1 + int(rng.random() * (len(word) - 2))
        kind = int(rng.random() * 3)
        if kind == 0 and word[at] != word[at + 1]:
            return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        return word[:at] + word[at + 1 :] if kind == 1 else word[:at] + word[at] + word[at:]

    return _in_one_word(text, rng, 4, change)


def zero_width(text: str, rng: Random, lang: str) -> str:
    """Hide a zero-width character inside one word.

    Example:
        >>> len(zero_width("hello", Random(0), "en"))
        6
    """
    mark = ZERO_WIDTH[int(rng.random() * len(ZERO_WIDTH))]
    return _in_one_word(text, rng, 3, lambda w: w[:1] + mark + w[1:])


def homoglyphs(text: str, rng: Random, lang: str) -> str:
    """Swap Latin letters of one word for Cyrillic confusables (а, е, о, с, р).

    Example:
        >>> homoglyphs("hello", Random(0), "en") != "hello"
        True
    """
    return _in_one_word(text, rng, 3, lambda w: "".join(HOMOGLYPHS.get(c, c) for c in w))


TRANSFORMS: tuple[tuple[Transform, float], ...] = (
    (leetspeak, 0.2),
    (spaced, 0.08),
    (repeated, 0.15),
    (emoji, 0.15),
    (abbreviate, 0.15),
    (typo, 0.17),
    (zero_width, 0.05),
    (homoglyphs, 0.05),
)


_CUMULATIVE = tuple(accumulate(weight for _, weight in TRANSFORMS))


def _draw(rng: Random) -> Transform:
    index = bisect(_CUMULATIVE, rng.random() * _CUMULATIVE[-1])
    return TRANSFORMS[min(index, len(TRANSFORMS) - 1)][0]


def code_message(text: str, rng: Random, lang: str) -> str:
    """Apply one or two coded-writing transforms; fall back to an emoji if nothing changed.

    Example:
        >>> code_message("ok", Random(0), "en") != "ok"
        True
    """
    coded = text
    for _ in range(1 if rng.random() < 0.7 else 2):
        coded = _draw(rng)(coded, rng, lang)
    return coded if coded != text else emoji(text, rng, lang)
