"""Normalization of coded chat writing into a canonical form that hashing can see through.

Constraints: pure and deterministic (no locale, no randomness), idempotent on its own output,
and fast (a few microseconds per message: one `translate`, a handful of compiled regexes).
Numbers standing alone ("14", "800") are kept as they are: ages and amounts are signal. Emoji are
kept as tokens of their own; skin-tone modifiers and variation selectors are dropped.

Example:
    >>> normalize("R U h0me   ALONE rn?? 🤫")
    'are you home alone right now ? 🤫'
    >>> normalize("add me on s n a p")
    'add me on snap'
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_EMOJI_MODIFIERS = "\ufe0e\ufe0f" + "".join(chr(c) for c in range(0x1F3FB, 0x1F400))
_CONFUSABLES = {
    # Cyrillic and Greek letters that look like Latin ones (after case folding).
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "ɡ": "g",
    "ԛ": "q",
    "ԝ": "w",
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    "ı": "i",
}
_PUNCTUATION_TO_SPACE = '.,;:!"()[]{}<>/\\|+=*_~^`#%&-'
_TRANSLATION = str.maketrans(
    {
        **{c: None for c in _ZERO_WIDTH + _EMOJI_MODIFIERS + "'’‘´"},
        **{chr(c): " " for c in [*range(0x20), 0x7F]},
        **_CONFUSABLES,
        **{c: " " for c in _PUNCTUATION_TO_SPACE},
        "?": " ? ",
    }
)
_LEET = str.maketrans(
    {
        "4": "a",
        "@": "a",
        "3": "e",
        "0": "o",
        "1": "i",
        "5": "s",
        "$": "s",
        "7": "t",
        "9": "g",
        "8": "b",
    }
)
_HAS_LETTER = re.compile(r"[a-z]")
_HAS_LEET = re.compile(r"[0-9@$]")
_SPACED_LETTERS = re.compile(r"\b(?:[a-z] ){3,}[a-z]\b")
_LONG_RUNS = re.compile(r"(\w)\1{2,}")
_EMOJI = re.compile("([\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff])")
_ABBREVIATIONS = {
    "u": "you",
    "r": "are",
    "ur": "your",
    "ure": "you are",
    "ya": "you",
    "rn": "right now",
    "pls": "please",
    "plz": "please",
    "ppl": "people",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "wanna": "want to",
    "gonna": "going to",
    "thx": "thanks",
    "ty": "thanks",
    "idk": "i dont know",
    "wru": "where are you",
    "wyd": "what are you doing",
    "ff": "even",
    "wrm": "waarom",
    "idd": "inderdaad",
    "gwn": "gewoon",
    "mss": "misschien",
    "ofz": "of zo",
    "kweet": "ik weet",
    "nie": "niet",
    "wa": "wat",
    "hb": "heb",
    "zn": "zijn",
    "mn": "mijn",
}


def normalize(text: str) -> str:
    """Return the canonical form of one chat message.

    Example:
        >>> normalize("Dont tell ur mom, 0k?")
        'dont tell your mom ok ?'
    """
    if not text.isascii():
        text = _EMOJI.sub(r" \1 ", unicodedata.normalize("NFKC", text))
    text = _LONG_RUNS.sub(r"\1\1", text.casefold().translate(_TRANSLATION))
    tokens = text.split()
    if _HAS_LEET.search(text):
        tokens = [_unleet(token) for token in tokens]
    if len(tokens) > 3:
        tokens = _SPACED_LETTERS.sub(_join_letters, " ".join(tokens)).split()
    return " ".join([_ABBREVIATIONS.get(token, token) for token in tokens])


def _unleet(token: str) -> str:
    if token.isalpha() or token.isdigit() or not _HAS_LETTER.search(token):
        return token
    return token.translate(_LEET)


def _join_letters(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", "")
