"""Training-only lines written by other writers, merged into the generator's banks.

Constraints: the files under `simulations/data/handwritten/lines/` hold one JSON object per line,
`{"lang", "bank", "text"}`: one chat message of a sign, mirror or hard-negative look-alike bank,
written from the public warning-sign taxonomy by writers who did not read the phrase banks, the
held-out templates or the evaluation sets. The lines may use `{slot}` holes (filled from the
platform's slot values, so the held-out slot values stay held out) but no other template syntax.
They are training phrasing only: the held-out and dev phrasings never draw them, so they widen
what the detector learns from without touching what it is measured on.

Example:
    >>> WRITERS_DIR.name, WRITER_BANK_PREFIXES
    ('lines', ('sign/', 'mirror/', 'neg/'))
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from model.data.errors import DataFormatError, type_name

WRITERS_DIR = Path(__file__).resolve().parents[1] / "data" / "handwritten" / "lines"
WRITER_BANK_PREFIXES = ("sign/", "mirror/", "neg/")
_FORBIDDEN = re.compile(r"[\[\]|@]|^[>!]")
_SLOT = re.compile(r"\{(\w+)\}")


def read_writer_file(
    path: Path, slots: Mapping[str, frozenset[str]]
) -> Iterator[tuple[str, str, str]]:
    """Yield `(lang, bank, text)` for every line of one writers' file, validated.

    `slots` maps each language to its slot names. A bad line raises `DataFormatError` naming the
    file, the line and the field.
    """
    with path.open(encoding="utf-8") as stream:
        for number, raw in enumerate(stream, start=1):
            if raw.strip():
                yield _writer_line(path, number, raw, slots)


def _writer_line(
    path: Path, number: int, raw: str, slots: Mapping[str, frozenset[str]]
) -> tuple[str, str, str]:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise DataFormatError(path, number, None, f"is not valid JSON ({error.msg})") from None
    if not isinstance(record, dict):
        raise DataFormatError(path, number, None, f"should be an object, got {type_name(record)}")
    lang, bank, text = (_string(record, key, path, number) for key in ("lang", "bank", "text"))
    if lang not in slots:
        raise DataFormatError(path, number, "lang", f"unknown language {lang!r}")
    if not bank.startswith(WRITER_BANK_PREFIXES):
        raise DataFormatError(path, number, "bank", f"{bank!r} is not a sign, mirror or neg bank")
    if _FORBIDDEN.search(text.strip()):
        raise DataFormatError(path, number, "text", "uses template syntax ([ ] | @ > !)")
    unknown = sorted(set(_SLOT.findall(text)) - slots[lang])
    if unknown:
        raise DataFormatError(path, number, "text", f"unknown slot(s) {', '.join(unknown)}")
    return lang, bank, text.strip()


def _string(record: dict[str, object], key: str, path: Path, number: int) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFormatError(
            path, number, key, f"should be a non-empty string, got {type_name(value)}"
        )
    return value


def load_writer_lines(
    slots: Mapping[str, frozenset[str]], directory: Path = WRITERS_DIR
) -> dict[str, dict[str, tuple[str, ...]]]:
    """Return every writers' line by language and bank name, in file and line order, without
    repeats; `slots` maps each language to its slot names.

    Example:
        >>> load_writer_lines({"en": frozenset({"app"})}, Path("/nonexistent"))
        {}
    """
    lines: dict[str, dict[str, dict[str, None]]] = {}
    for path in sorted(directory.glob("*.jsonl")):
        for lang, bank, text in read_writer_file(path, slots):
            lines.setdefault(lang, {}).setdefault(bank, {})[text] = None
    return {lang: {b: tuple(t) for b, t in banks.items()} for lang, banks in lines.items()}
