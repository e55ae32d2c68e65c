"""The JSONL reader: every kind of bad input names file, line and field; good data round-trips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_data_support import assert_points_at

from model.data.conversation import Conversation, Message
from model.data.errors import DataFormatError
from model.data.jsonl import numbered_lines, read_all, read_conversations, write_conversations

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GOOD: dict[str, Any] = {"id": "c-1", "messages": [{"author": "a", "text": "hi"}]}
SECOND: dict[str, Any] = {**GOOD, "id": "c-2"}


def write_lines(path: Path, *records: object) -> Path:
    """Write one line per record: strings as they are, anything else as JSON."""
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_error(path: Path, line: int, field: str | None, fragment: str, **options: bool) -> None:
    with pytest.raises(DataFormatError) as info:
        list(read_conversations(path, **options))
    assert_points_at(info.value, path, line, field, fragment)


def with_messages(*messages: object) -> dict[str, Any]:
    return {"id": "c-2", "messages": list(messages)}


OK_MESSAGE = {"author": "a", "text": "see you at practice"}

# Each case is written on line 3, after a good conversation and a blank line.
BAD_LINES = [
    ('{"id": "c-2",', None, "invalid JSON"),
    ("[1, 2]", None, "should be a JSON object, got list"),
    ('"just text"', None, "should be a JSON object, got string"),
    ({"messages": []}, "id", "is missing"),
    ({"id": 7, "messages": []}, "id", "should be a string, got int"),
    ({"id": None, "messages": []}, "id", "should be a string, got null"),
    ({"id": "", "messages": []}, "id", "should not be empty"),
    ({"id": "c-2"}, "messages", "is missing"),
    ({"id": "c-2", "messages": "hi"}, "messages", "should be a list, got string"),
    ({"id": "c-2", "messages": {"0": OK_MESSAGE}}, "messages", "should be a list, got object"),
    (with_messages(OK_MESSAGE, "hi"), "messages[1]", "should be an object, got string"),
    (with_messages({"text": "hi"}), "messages[0].author", "is missing"),
    (with_messages({"author": 3, "text": "hi"}), "messages[0].author", "got int"),
    (with_messages({"author": "a"}), "messages[0].text", "is missing"),
    (with_messages(*[OK_MESSAGE] * 3, {"author": "a", "text": 5}), "messages[3].text", "got int"),
    (with_messages({"author": "a", "text": None}), "messages[0].text", "got null"),
    (with_messages({"author": "a", "text": ["hi"]}), "messages[0].text", "got list"),
    (with_messages({"author": "a", "text": "", "time": 1700000000}), "messages[0].time", "got int"),
    ({**SECOND, "label": 2}, "label", "should be 0 or 1, got 2"),
    ({**SECOND, "label": True}, "label", "should be 0 or 1, got true"),
    ({**SECOND, "label": "1"}, "label", 'should be 0 or 1, got "1"'),
    ({**SECOND, "label": 1.0}, "label", "should be 0 or 1, got 1.0"),
    ({**SECOND, "first_risk_message": 1}, "first_risk_message", "the 1 messages, got 1"),
    ({**SECOND, "first_risk_message": -1}, "first_risk_message", "got -1"),
    ({**SECOND, "first_risk_message": 0.0}, "first_risk_message", "got 0.0"),
    ({**SECOND, "first_risk_message": False}, "first_risk_message", "got false"),
    ({**SECOND, "messages": [], "first_risk_message": 0}, "first_risk_message", "the 0 messages"),
    ({**SECOND, "lang": 3}, "lang", "should be a string, got int"),
    ({**SECOND, "platform": ["chat"]}, "platform", "should be a string, got list"),
    ({**SECOND, "kind": {"a": 1}}, "kind", "should be a string, got object"),
]


@pytest.mark.parametrize(("record", "field", "fragment"), BAD_LINES)
def test_bad_line_names_file_line_and_field(
    tmp_path: Path, record: object, field: str | None, fragment: str
) -> None:
    path = write_lines(tmp_path / "bad.jsonl", GOOD, "", record)
    assert_error(path, 3, field, fragment)


def test_error_message_format() -> None:
    error = DataFormatError("data/x.jsonl", 17, "messages[3].text", "should be a string, got int")
    assert str(error) == "data/x.jsonl:17: field 'messages[3].text': should be a string, got int"
    assert isinstance(error, ValueError)
    assert str(DataFormatError("x.xml", None, None, "empty")) == "x.xml: empty"


def test_duplicate_id_names_the_earlier_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "dup.jsonl", GOOD, SECOND, "  ", GOOD)
    assert_error(path, 4, "id", "duplicate id 'c-1', first used on line 1")


def test_missing_label_is_an_error_only_when_required(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "unlabelled.jsonl", {**GOOD, "label": 1}, SECOND)
    assert [c.label for c in read_all(path)] == [1, None]
    assert_error(path, 2, "label", "is missing", require_label=True)


def test_null_label_is_absent_unless_required(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "null.jsonl", {**GOOD, "label": None})
    assert read_all(path)[0].label is None
    assert_error(path, 1, "label", "should be 0 or 1, got null", require_label=True)


def test_undecodable_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    second = json.dumps(SECOND).replace("hi", "caf\xe9").encode("latin-1")
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + second + b"\n")
    # '{"id": "c-2", ' 14 + '"messages": [' 13 + '{"author": "a", ' 16 + '"text": "caf' 12 = 55
    assert_error(path, 2, None, "not valid UTF-8 (byte 56 of the line)")


def test_errors_come_while_streaming_after_the_good_conversations(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "late.jsonl", GOOD, SECOND, "{oops")
    stream = read_conversations(path)
    assert [next(stream).id, next(stream).id] == ["c-1", "c-2"]
    with pytest.raises(DataFormatError, match=r"late\.jsonl:3: invalid JSON"):
        next(stream)


def test_missing_file_fails_at_once(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="No conversation file"):
        read_conversations(tmp_path / "absent.jsonl")


def test_fields_are_read_and_unknown_keys_kept(tmp_path: Path) -> None:
    record = {
        "id": "c-9", "label": 1, "first_risk_message": 1, "lang": "nl", "platform": "gaming",
        "kind": None, "source": {"batch": 3}, "score": 0.5,
        "messages": [
            {"author": "u1", "time": "2026-03-01T18:04:00Z", "text": "welke games speel jij?"},
            {"author": "k7", "text": "", "reaction": "thumbs-up"},
        ],
    }  # fmt: skip
    (conversation,) = read_all(write_lines(tmp_path / "one.jsonl", record))
    assert conversation == Conversation(
        id="c-9",
        messages=(
            Message("u1", "welke games speel jij?", "2026-03-01T18:04:00Z"),
            Message("k7", ""),  # unknown message keys are ignored: a Message cannot hold them
        ),
        label=1,
        first_risk_message=1,
        lang="nl",
        platform="gaming",
        kind=None,
        extra={"source": {"batch": 3}, "score": 0.5},
    )


def test_blank_lines_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    line = json.dumps(GOOD).encode()
    path.write_bytes(b"\xef\xbb\xbf" + line + b"\r\n\r\n \t\r\n" + line.replace(b"c-1", b"c-2"))
    assert [c.id for c in read_all(path)] == ["c-1", "c-2"]
    assert [number for number, _ in numbered_lines(path)] == [1, 2, 3, 4]


def test_written_conversations_read_back_equal(tmp_path: Path) -> None:
    conversations = [
        Conversation("a", (Message("x", "hoi", "2026-01-01T10:00:00Z"), Message("y", "")),
                     label=0, lang="nl", kind="hard-negative-parent", extra={"seed": 4}),
        Conversation("b", (Message("x", "line one\nline two \u2028 \x85 end"),),
                     label=1, first_risk_message=0, platform="social"),
        Conversation("c", ()),
    ]  # fmt: skip
    path = tmp_path / "out" / "round.jsonl"
    assert write_conversations(path, conversations) == 3
    assert read_all(path) == conversations
    copy = tmp_path / "copy.jsonl"
    write_conversations(copy, read_conversations(path))
    assert copy.read_bytes() == path.read_bytes()


texts = st.text(st.characters(codec="utf-8"), max_size=30)  # no lone surrogates
messages = st.builds(Message, texts, texts, st.none() | texts)
conversations_strategy = st.lists(
    st.builds(
        Conversation,
        id=st.text(min_size=1, max_size=8),
        messages=st.lists(messages, max_size=4).map(tuple),
        label=st.sampled_from([None, 0, 1]),
        lang=st.none() | texts,
    ),
    max_size=5,
    unique_by=lambda c: c.id,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(conversations=conversations_strategy)
def test_round_trip_of_arbitrary_text(tmp_path: Path, conversations: list[Conversation]) -> None:
    path = tmp_path / "any.jsonl"
    write_conversations(path, conversations)
    assert read_all(path) == conversations


def test_shared_example_file_loads() -> None:
    example = SHARED_DATA / "example-conversations.jsonl"
    if not example.is_file():
        pytest.skip(f"shared example data absent at {SHARED_DATA}")
    conversations = read_all(example, require_label=True)
    assert [(c.id, c.label, c.first_risk_message) for c in conversations] == [
        ("ex-1", 1, 6),
        ("ex-2", 0, None),
        ("ex-3", 0, None),
    ]
    assert [len(c.messages) for c in conversations] == [10, 5, 5]
    assert {c.lang for c in conversations} == {"en", "nl"}
