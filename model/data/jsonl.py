"""The conversation JSONL interchange format: streaming reader with precise errors, and writer."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.data.conversation import SLICE_KEYS, Conversation, Message
from model.data.errors import DataFormatError, type_name

_KNOWN_KEYS = frozenset({"id", "messages", "label", "first_risk_message", *SLICE_KEYS})


def read_conversations(path: Path, *, require_label: bool = False) -> Iterator[Conversation]:
    """Stream the conversations of a JSONL file, checking every field; blank lines are skipped.

    Example:
        >>> for c in read_conversations(Path("train.jsonl"), require_label=True):  # doctest: +SKIP
        ...     print(c.id, c.label, len(c.messages))
        c-000123 1 42

    Memory stays bounded apart from the set of ids seen (to reject duplicates). Optional keys
    that are null count as absent. Unknown top-level keys are kept in `Conversation.extra`;
    unknown keys inside a message are ignored (a `Message` has no place for them). Bad input
    raises `DataFormatError` naming the file, line and field, while iterating; a missing file
    raises `FileNotFoundError` at once.
    """
    if not path.is_file():
        raise FileNotFoundError(f"No conversation file at {path}.")
    return _read(path, require_label)


def read_all(path: Path, *, require_label: bool = False) -> list[Conversation]:
    """Read every conversation of a JSONL file into a list (see `read_conversations`).

    Example:
        >>> len(read_all(Path("data/val.jsonl")))  # doctest: +SKIP
        1200
    """
    return list(read_conversations(path, require_label=require_label))


def write_conversations(path: Path, conversations: Iterable[Conversation]) -> int:
    """Write conversations to `path` (UTF-8, one JSON object per line); return how many.

    Example:
        >>> n = write_conversations(Path("out.jsonl"), [])  # doctest: +SKIP
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for conversation in conversations:
            handle.write(json.dumps(conversation.to_json(), ensure_ascii=False) + "\n")
            count += 1
    return count


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield the 1-based number and UTF-8 text of each line; a leading byte-order mark is dropped.

    Example:
        >>> next(numbered_lines(Path("predators.txt")))  # doctest: +SKIP
        (1, '97964e7a9e8eb9cf78f2e4d7b2ff34c7\\n')

    Undecodable bytes raise `DataFormatError` naming the line.
    """
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                problem = f"not valid UTF-8 (byte {error.start + 1} of the line)"
                raise DataFormatError(path, number, None, problem) from error
            yield number, text


def _read(path: Path, require_label: bool) -> Iterator[Conversation]:
    first_line_of: dict[str, int] = {}
    for number, text in numbered_lines(path):
        if not text.strip():
            continue
        line = _Line(path, number)
        conversation = _conversation(line.decode(text), line, require_label)
        earlier = first_line_of.setdefault(conversation.id, number)
        if earlier != number:
            problem = f"duplicate id {conversation.id!r}, first used on line {earlier}"
            raise line.error("id", problem)
        yield conversation


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the input file: decodes it and builds errors that point at it."""

    path: Path
    number: int

    def error(self, field: str | None, problem: str) -> DataFormatError:
        return DataFormatError(self.path, self.number, field, problem)

    def decode(self, text: str) -> object:
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            problem = f"invalid JSON: {error.msg} (column {error.colno})"
            raise self.error(None, problem) from error

    def required_string(self, record: dict[str, Any], key: str, field: str) -> str:
        if key not in record:
            raise self.error(field, "is missing")
        return self.string(record[key], field)

    def optional_string(self, record: dict[str, Any], key: str, field: str) -> str | None:
        value = record.get(key)
        return None if value is None else self.string(value, field)

    def string(self, value: object, field: str) -> str:
        if not isinstance(value, str):
            raise self.error(field, f"should be a string, got {type_name(value)}")
        return value


def _conversation(record: object, line: _Line, require_label: bool) -> Conversation:
    if not isinstance(record, dict):
        raise line.error(None, f"should be a JSON object, got {type_name(record)}")
    conversation_id = line.required_string(record, "id", "id")
    if not conversation_id:
        raise line.error("id", "should not be empty")
    messages = _messages(record, line)
    return Conversation(
        id=conversation_id,
        messages=messages,
        label=_label(record, line, require_label),
        first_risk_message=_first_risk_message(record, line, len(messages)),
        lang=line.optional_string(record, "lang", "lang"),
        platform=line.optional_string(record, "platform", "platform"),
        kind=line.optional_string(record, "kind", "kind"),
        extra={key: value for key, value in record.items() if key not in _KNOWN_KEYS},
    )


def _messages(record: dict[str, Any], line: _Line) -> tuple[Message, ...]:
    if "messages" not in record:
        raise line.error("messages", "is missing")
    items = record["messages"]
    if not isinstance(items, list):
        raise line.error("messages", f"should be a list, got {type_name(items)}")
    return tuple(_message(item, line, f"messages[{i}]") for i, item in enumerate(items))


def _message(item: object, line: _Line, field: str) -> Message:
    if not isinstance(item, dict):
        raise line.error(field, f"should be an object, got {type_name(item)}")
    return Message(
        author=line.required_string(item, "author", f"{field}.author"),
        text=line.required_string(item, "text", f"{field}.text"),
        time=line.optional_string(item, "time", f"{field}.time"),
    )


def _label(record: dict[str, Any], line: _Line, require_label: bool) -> int | None:
    value = record.get("label")
    if value is None and not require_label:
        return None
    if "label" not in record:
        raise line.error("label", "is missing (labels are required here)")
    if type(value) is not int or value not in (0, 1):
        raise line.error("label", f"should be 0 or 1, got {json.dumps(value)}")
    return value


def _first_risk_message(record: dict[str, Any], line: _Line, count: int) -> int | None:
    value = record.get("first_risk_message")
    if value is None:
        return None
    if type(value) is not int or not 0 <= value < count:
        problem = f"should be an integer index into the {count} messages, got {json.dumps(value)}"
        raise line.error("first_risk_message", problem)
    return value
