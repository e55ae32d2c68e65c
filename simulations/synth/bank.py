"""Template banks: a tiny template language, its rendering, and the stable held-out split.

Constraints: `{slot}` is filled from the conversation context (or a slot pool), `[a|b|]` picks
one option (an empty option makes the group optional), and `||` separates the messages of an
exchange, spoken alternately; a leading `>` lets the second speaker open the exchange, and a
leading `!` marks a plain (formal) template: chat lead-ins, tails and double texts only half as
often, from a formal subset. A whole
message `@name` stands for a reply drawn from the shared bank `reply/name` (see `compose.py`). The
train/held-out split ranks the items of every split bank by a BLAKE2b digest of their text, so it
is identical in every process and never depends on Python's `hash()`. Slot values are ranked the
same way within each list (about 20 % reserved); a value reserved in any list is held out
everywhere, so its side is the same in every list, platform and language. The training side is
split once more, the same way under a second digest, into "dev-train" and "dev": a development
pair for choosing settings on unseen phrasing without ever touching the held-out test phrasing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from random import Random

PHRASINGS = ("train", "heldout", "all", "dev-train", "dev")
DEV_SALT = "dev/"
TEMPLATE_HELDOUT_SHARE = 0.27
SLOT_HELDOUT_SHARE = 0.2
MIN_SPLIT_TEMPLATES = 4
MIN_SPLIT_VALUES = 5

_TOKEN = re.compile(r"\[([^\[\]]*)\]|\{(\w+)\}")
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Slot:
    """A named hole in a template, filled when the template is rendered."""

    name: str


Piece = str | Slot
Part = str | Slot | tuple[tuple[Piece, ...], ...]
Line = str | tuple[Part, ...]
Fill = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Template:
    """A compiled template: its stable id, split side, and each message (static text or parts)."""

    id: str
    text: str
    heldout: bool
    dev: bool
    lines: tuple[Line, ...]
    other_starts: bool
    plain: bool


def digest(text: str) -> int:
    """Return a stable 64-bit digest of `text` (BLAKE2b), the same in every process.

    Example:
        >>> digest("abc") == digest("abc")
        True
    """
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def heldout_items(
    items: Sequence[str], share: float, minimum: int, salt: str = ""
) -> frozenset[str]:
    """Return the items reserved for held-out phrasing: the `share` with the lowest digests
    (of `salt` + item, so a second salt draws an independent split).

    Example:
        >>> len(heldout_items([f"t{i}" for i in range(10)], 0.27, 4))
        3
    """
    if len(items) < minimum:
        return frozenset()
    count = max(1, round(len(items) * share))
    return frozenset(sorted(items, key=lambda item: digest(salt + item))[:count])


def dev_items(items: Sequence[str], reserved: frozenset[str], share: float) -> frozenset[str]:
    """Return the training-side items (not in `reserved`) set aside for the "dev" phrasing.

    Example:
        >>> sorted(dev_items(["a", "b", "c", "d"], frozenset({"a"}), 0.27))
        ['b']
    """
    training = [item for item in items if item not in reserved]
    return heldout_items(training, share, 2, DEV_SALT)


def _pieces(text: str) -> tuple[Piece, ...]:
    chunks = _SLOT.split(text)
    pieces: list[Piece] = []
    for index, chunk in enumerate(chunks):
        if index % 2:
            pieces.append(Slot(chunk))
        elif chunk:
            pieces.append(chunk)
    return tuple(pieces)


def _line(line: str) -> Line:
    parts: list[Part] = []
    position = 0
    for match in _TOKEN.finditer(line):
        if match.start() > position:
            parts.append(line[position : match.start()])
        if match.group(1) is not None:
            parts.append(tuple(_pieces(option) for option in match.group(1).split("|")))
        else:
            parts.append(Slot(match.group(2)))
        position = match.end()
    if position < len(line):
        parts.append(line[position:])
    return parts[0] if len(parts) == 1 and isinstance(parts[0], str) else tuple(parts)


def compile_template(bank: str, text: str, heldout: bool, dev: bool = False) -> Template:
    """Compile one template of `bank`; its id is the bank name and a digest of the text.

    Example:
        >>> t = compile_template("talk/x", "> hi || [hey|yo]", False)
        >>> (t.other_starts, len(t.lines))
        (True, 2)
    """
    plain = text.startswith("!")
    content = text.removeprefix("!").strip()
    other_starts = content.startswith(">")
    lines = tuple(_line(line.strip()) for line in content.removeprefix(">").split("||"))
    return Template(f"{bank}#{digest(text):016x}", text, heldout, dev, lines, other_starts, plain)


def compile_bank(bank: str, texts: Sequence[str], split: bool) -> tuple[Template, ...]:
    """Compile a bank; when `split`, about 27 % of its templates are marked held-out and about
    27 % of the rest are marked dev.

    Example:
        >>> bank = compile_bank("b", [f"t{i}" for i in range(10)], True)
        >>> sum(t.heldout for t in bank), sum(t.dev for t in bank)
        (3, 2)
    """
    if not split:
        return tuple(compile_template(bank, t, False) for t in texts)
    reserved = heldout_items(texts, TEMPLATE_HELDOUT_SHARE, MIN_SPLIT_TEMPLATES)
    dev = dev_items(texts, reserved, TEMPLATE_HELDOUT_SHARE) if reserved else frozenset()
    return tuple(compile_template(bank, t, t in reserved, t in dev) for t in texts)


def select(templates: Sequence[Template], phrasing: str, split: bool) -> tuple[Template, ...]:
    """Return the templates of a bank that `phrasing` may use (one of `PHRASINGS`).

    Example:
        >>> bank = compile_bank("b", [f"t{i}" for i in range(10)], True)
        >>> [len(select(bank, p, True)) for p in ("heldout", "train", "dev-train", "dev")]
        [3, 7, 5, 2]
    """
    if phrasing == "all" or not split:
        return tuple(templates)
    return tuple(t for t in templates if side(t.heldout, t.dev) in _SIDES[phrasing])


_SIDES: dict[str, frozenset[str]] = {
    "train": frozenset({"dev-train", "dev"}),
    "heldout": frozenset({"heldout"}),
    "dev-train": frozenset({"dev-train"}),
    "dev": frozenset({"dev"}),
}


def side(heldout: bool, dev: bool) -> str:
    """Return the side of the split an item is on: "heldout", "dev" or "dev-train".

    Example:
        >>> side(False, True)
        'dev'
    """
    return "heldout" if heldout else "dev" if dev else "dev-train"


def select_values(
    values: Sequence[str], phrasing: str, reserved: frozenset[str], dev: frozenset[str]
) -> tuple[str, ...]:
    """Return the slot values `phrasing` may use, given the `reserved` (held-out) and `dev`
    values.

    Example:
        >>> select_values(["snap", "kik", "insta"], "heldout", frozenset({"kik"}), frozenset())
        ('kik',)
        >>> select_values(["snap", "kik", "insta"], "dev", frozenset({"kik"}), frozenset({"snap"}))
        ('snap',)
    """
    if phrasing == "all":
        return tuple(values)
    return tuple(v for v in values if side(v in reserved, v in dev) in _SIDES[phrasing])


def render(parts: Line, rng: Random, fill: Fill) -> str:
    """Render one message: literals kept, slots filled, one option picked per group.

    Example:
        >>> render(_line("hi {n} [a|b]"), Random(0), lambda name: "sam")[:6]
        'hi sam'
    """
    if isinstance(parts, str):
        return parts
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, Slot):
            out.append(fill(part.name))
        else:
            for piece in part[int(rng.random() * len(part))]:
                out.append(piece if isinstance(piece, str) else fill(piece.name))
    text = "".join(out)
    return " ".join(text.split()) if "  " in text or text[:1] == " " or text[-1:] == " " else text
