"""PAN-2012 predator-identification XML to conversations, streamed in bounded memory.

The XML is parsed incrementally (an `ElementTree.XMLPullParser`, the engine behind `iterparse`,
fed one line at a time so that every element and error is tied to its line in the file), and
each conversation is dropped from the tree once yielded. Message texts are HTML-unescaped; times
are kept as given (HH:MM); `lang` is "en" and `platform` None.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import cast
from xml.parsers.expat import ErrorString

from model.data.conversation import Conversation, Message
from model.data.errors import DataFormatError
from model.data.jsonl import numbered_lines

_CHUNK_BYTES = 1 << 16


def read_pan_conversations(
    xml_path: Path,
    predators_path: Path | None = None,
    predatory_lines_path: Path | None = None,
) -> Iterator[Conversation]:
    """Stream the conversations of a PAN-2012 XML file, labelled from the ground-truth files.

    Example:
        >>> stream = read_pan_conversations(  # doctest: +SKIP
        ...     Path("pan12-test.xml"),
        ...     Path("pan12-test-groundtruth-problem1.txt"),
        ...     Path("pan12-test-groundtruth-problem2.txt"))

    `label` is 1 when an author is a listed predator, else 0 (None without `predators_path`).
    `first_risk_message` is the index of the earliest message whose `line` attribute the
    problem-2 file lists for that conversation. The ground-truth files are read at once; bad XML,
    a missing conversation id or message author, or a ground-truth conversation that the XML
    lacks, raise `DataFormatError` while iterating.
    """
    if not xml_path.is_file():
        raise FileNotFoundError(f"No PAN-2012 XML file at {xml_path}.")
    predators = None if predators_path is None else read_predator_ids(predators_path)
    risk = _RiskLines.read(predatory_lines_path)
    return _PanStream(xml_path, predators, risk).conversations()


def read_predator_ids(path: Path) -> frozenset[str]:
    """Read a PAN-2012 predator list (problem-1 ground truth): one author id per line.

    Example:
        >>> ids = read_predator_ids(Path("pan12-groundtruth-problem1.txt"))  # doctest: +SKIP
        >>> "97964e7a9e8eb9cf78f2e4d7b2ff34c7" in ids  # doctest: +SKIP
        True
    """
    return frozenset(text.strip() for _, text in numbered_lines(path) if text.strip())


@dataclass
class _RiskLines:
    """Problem-2 ground truth: per conversation, its predatory message lines and its source line."""

    path: Path | None = None
    lines: dict[str, set[int]] = field(default_factory=dict)
    source_line: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path | None) -> _RiskLines:
        risk = cls(path)
        if path is None:
            return risk
        for number, text in numbered_lines(path):
            if text.strip():
                conversation_id, line = _parse_risk_line(path, number, text)
                risk.lines.setdefault(conversation_id, set()).add(line)
                risk.source_line.setdefault(conversation_id, number)
        return risk


def _parse_risk_line(path: Path, number: int, text: str) -> tuple[str, int]:
    parts = text.split()
    if len(parts) != 2:
        problem = f"should be 'conversation_id<TAB>line', got {text.strip()!r}"
        raise DataFormatError(path, number, None, problem)
    line = _positive_int(parts[1])
    if line is None:
        problem = f"should be a positive integer, got {parts[1]!r}"
        raise DataFormatError(path, number, "line", problem)
    return parts[0], line


class _PanStream:
    """The state of one pass over the XML: the conversation being read and its messages."""

    def __init__(self, path: Path, predators: frozenset[str] | None, risk: _RiskLines):
        self.path = path
        self.predators = predators
        self.risk = risk
        self.root: ET.Element | None = None
        self.conversation_id = ""
        self.conversation_line = 0
        self.message_line = 0
        self.messages: list[Message] = []
        self.message_numbers: list[int | None] = []
        self.found: set[str] = set()

    def conversations(self) -> Iterator[Conversation]:
        for event, element, line in _xml_events(self.path):
            if event == "start":
                self.start(element, line)
            elif element.tag == "message":
                self.end_message(element)
            elif element.tag == "conversation":
                yield self.end_conversation(element)
        self.check_risk_conversations_found()

    def start(self, element: ET.Element, line: int) -> None:
        if self.root is None:
            self.root = element
        if element.tag == "conversation":
            self.conversation_id = (element.get("id") or "").strip()
            if not self.conversation_id:
                raise DataFormatError(self.path, line, "conversation/@id", "is missing or empty")
            self.conversation_line = line
            self.messages, self.message_numbers = [], []
        elif element.tag == "message":
            self.message_line = line

    def end_message(self, element: ET.Element) -> None:
        author = (element.findtext("author") or "").strip()
        if not author:
            raise DataFormatError(self.path, self.message_line, "message/author", "is missing")
        text = html.unescape(element.findtext("text") or "")
        time = (element.findtext("time") or "").strip() or None
        self.messages.append(Message(author=author, text=text, time=time))
        self.message_numbers.append(_positive_int(element.get("line") or ""))
        element.clear()

    def end_conversation(self, element: ET.Element) -> Conversation:
        authors = {message.author for message in self.messages}
        label = None if self.predators is None else int(not authors.isdisjoint(self.predators))
        conversation = Conversation(
            id=self.conversation_id,
            messages=tuple(self.messages),
            label=label,
            first_risk_message=self.first_risk_message(),
            lang="en",
        )
        element.clear()
        if self.root is not None:
            self.root.clear()
        return conversation

    def first_risk_message(self) -> int | None:
        risky = self.risk.lines.get(self.conversation_id)
        if risky is None:
            return None
        self.found.add(self.conversation_id)
        for index, number in enumerate(self.message_numbers):
            if number in risky:
                return index
        problem = f"has no message with a predatory line {sorted(risky)} of the ground truth"
        raise DataFormatError(self.path, self.conversation_line, "message/@line", problem)

    def check_risk_conversations_found(self) -> None:
        missing = self.risk.lines.keys() - self.found
        if missing and self.risk.path is not None:
            first = min(missing, key=self.risk.source_line.__getitem__)
            problem = f"conversation {first!r} is not in {self.path}"
            line = self.risk.source_line[first]
            raise DataFormatError(self.risk.path, line, "conversation_id", problem)


def _xml_events(path: Path) -> Iterator[tuple[str, ET.Element, int]]:
    """Yield (event, element, line) for start and end tags; `line` is where the tag ends."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    line = 1
    try:
        with path.open("rb") as handle:
            for chunk in iter(partial(handle.readline, _CHUNK_BYTES), b""):
                parser.feed(chunk)
                # typeshed types read_events for every event kind; start/end give (str, Element)
                events = cast(Iterator[tuple[str, ET.Element]], parser.read_events())
                for event, element in events:
                    yield event, element, line
                line += chunk.count(b"\n")
        parser.close()
    except ET.ParseError as error:
        row, column = error.position
        problem = f"malformed XML: {ErrorString(error.code)} (column {column + 1})"
        raise DataFormatError(path, row, None, problem) from error


def _positive_int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdecimal() and int(text) > 0 else None
