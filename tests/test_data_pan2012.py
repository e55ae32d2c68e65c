"""The PAN-2012 XML reader: labels from the ground truth, precise errors, bounded memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from test_data_support import assert_points_at

from model.data.conversation import Conversation, Message
from model.data.errors import DataFormatError
from model.data.jsonl import read_all, write_conversations
from model.data.pan2012 import read_pan_conversations, read_predator_ids

# Line numbers matter in these files: the numbers in the comments are the file's lines.
CORPUS = """\
<?xml version="1.0" encoding="UTF-8"?>
<conversations>
  <conversation id="c1">
    <message line="1">
      <author>u1</author>
      <time>03:20</time>
      <text>did you finish the maths homework &amp;amp; the essay?</text>
    </message>
    <message line="2"><author>p1</author><time>03:21</time><text/></message>
    <message line="3"><author>p1</author><time>03:22</time></message>
    <message line="4"><author>u1</author><time>03:24</time><text>ok &amp;lt;3</text></message>
  </conversation>
  <conversation id="c2">
    <message line="1"><author>u2</author><time>23:59</time><text>gg</text></message>
  </conversation>
  <conversation id="c3">
  </conversation>
</conversations>
"""
PREDATORS = "p1\n\n  p9  \n"
PREDATORY_LINES = "c1\t3\nc1\t4\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def read(
    tmp_path: Path, xml: str, predators: str | None = None, lines: str | None = None
) -> list[Conversation]:
    """Write the XML and the given ground-truth files to tmp_path and read them all."""
    xml_path = write(tmp_path / "pan.xml", xml)
    predators_path = None if predators is None else write(tmp_path / "p1.txt", predators)
    lines_path = None if lines is None else write(tmp_path / "p2.txt", lines)
    return list(read_pan_conversations(xml_path, predators_path, lines_path))


def read_error(
    tmp_path: Path, xml: str, predators: str | None = None, lines: str | None = None
) -> DataFormatError:
    with pytest.raises(DataFormatError) as info:
        read(tmp_path, xml, predators, lines)
    return info.value


def test_conversations_labels_and_first_risk_message(tmp_path: Path) -> None:
    c1, c2, c3 = read(tmp_path, CORPUS, PREDATORS, PREDATORY_LINES)
    assert c1 == Conversation(
        id="c1",
        messages=(
            Message("u1", "did you finish the maths homework & the essay?", "03:20"),
            Message("p1", "", "03:21"),  # empty <text/>
            Message("p1", "", "03:22"),  # no <text> at all
            Message("u1", "ok <3", "03:24"),  # &amp;lt; is XML for &lt;, then HTML for <
        ),
        label=1,  # p1 is a listed predator
        first_risk_message=2,  # lines 3 and 4 are predatory; line 3 is message index 2
        lang="en",
    )
    assert (c2.id, c2.label, c2.first_risk_message, c2.messages) == (
        "c2",
        0,
        None,
        (Message("u2", "gg", "23:59"),),
    )
    assert (c3.id, c3.label, c3.messages, c3.platform) == ("c3", 0, (), None)


def test_without_ground_truth_labels_are_none(tmp_path: Path) -> None:
    conversations = read(tmp_path, CORPUS)
    assert [(c.id, c.label, c.first_risk_message) for c in conversations] == [
        ("c1", None, None),
        ("c2", None, None),
        ("c3", None, None),
    ]


def test_round_trip_through_jsonl(tmp_path: Path) -> None:
    conversations = read(tmp_path, CORPUS, PREDATORS, PREDATORY_LINES)
    write_conversations(tmp_path / "pan.jsonl", conversations)
    assert read_all(tmp_path / "pan.jsonl", require_label=True) == conversations


def test_predator_ids_skip_blank_lines_and_whitespace(tmp_path: Path) -> None:
    assert read_predator_ids(write(tmp_path / "p.txt", PREDATORS)) == {"p1", "p9"}


def test_malformed_xml_gives_the_parser_line(tmp_path: Path) -> None:
    xml = CORPUS.replace("<text>gg</text></message>", "<text>gg</message>")  # line 14
    assert_points_at(read_error(tmp_path, xml), tmp_path / "pan.xml", 14, None, "mismatched tag")


def test_truncated_xml_is_an_error(tmp_path: Path) -> None:
    truncated = "\n".join(CORPUS.splitlines()[:12])  # ends after </conversation> of c1
    with pytest.raises(DataFormatError, match=r"pan\.xml:12: malformed XML: no element found"):
        read(tmp_path, truncated)


def test_missing_conversation_id_names_its_line(tmp_path: Path) -> None:
    xml = CORPUS.replace('<conversation id="c2">', "<conversation>")  # line 13
    error = read_error(tmp_path, xml)
    assert_points_at(error, tmp_path / "pan.xml", 13, "conversation/@id", "is missing or empty")


def test_missing_author_names_the_message_line(tmp_path: Path) -> None:
    xml = CORPUS.replace("<author>u1</author>\n", "")  # the message that starts on line 4
    error = read_error(tmp_path, xml)
    assert_points_at(error, tmp_path / "pan.xml", 4, "message/author", "is missing")


def test_empty_author_is_missing(tmp_path: Path) -> None:
    xml = CORPUS.replace("<author>u2</author>", "<author> </author>")  # line 14
    assert_points_at(
        read_error(tmp_path, xml), tmp_path / "pan.xml", 14, "message/author", "missing"
    )


def test_line_numbers_stay_right_after_a_line_longer_than_a_read(tmp_path: Path) -> None:
    long_text = "la " * 30_000  # 90,000 bytes on line 7, read in two pieces
    xml = CORPUS.replace("did you finish", long_text).replace("<author>u2</author>", "")
    error = read_error(tmp_path, xml)
    assert_points_at(error, tmp_path / "pan.xml", 14, "message/author", "is missing")


def test_errors_come_after_the_good_conversations(tmp_path: Path) -> None:
    xml = CORPUS.replace('<conversation id="c3">', '<conversation id="">')
    stream = read_pan_conversations(write(tmp_path / "pan.xml", xml))
    assert [next(stream).id, next(stream).id] == ["c1", "c2"]
    with pytest.raises(DataFormatError, match=r"pan\.xml:16: field 'conversation/@id'"):
        next(stream)


@pytest.mark.parametrize(
    ("lines", "line", "field", "fragment"),
    [
        ("c1\t3\nc2 3 extra\n", 2, None, "should be 'conversation_id<TAB>line', got 'c2 3 extra'"),
        ("c1\n", 1, None, "should be 'conversation_id<TAB>line'"),
        ("c1\t3\n\nc1\tthree\n", 3, "line", "should be a positive integer, got 'three'"),
        ("c1\t0\n", 1, "line", "should be a positive integer, got '0'"),
    ],
)
def test_bad_predatory_lines_file(
    tmp_path: Path, lines: str, line: int, field: str | None, fragment: str
) -> None:
    error = read_error(tmp_path, CORPUS, PREDATORS, lines)
    assert_points_at(error, tmp_path / "p2.txt", line, field, fragment)


def test_predatory_line_that_is_no_message_is_an_error(tmp_path: Path) -> None:
    error = read_error(tmp_path, CORPUS, PREDATORS, "c2\t7\n")
    assert_points_at(error, tmp_path / "pan.xml", 13, "message/@line", "predatory line [7]")


def test_ground_truth_conversation_missing_from_the_xml_is_an_error(tmp_path: Path) -> None:
    error = read_error(tmp_path, CORPUS, PREDATORS, "c1\t3\nc404\t1\nc405\t2\n")
    assert_points_at(
        error, tmp_path / "p2.txt", 2, "conversation_id", "conversation 'c404' is not in"
    )


def test_undecodable_predator_list_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "p1.txt").write_bytes(b"p1\np\xff2\n")
    with pytest.raises(DataFormatError, match=r"p1\.txt:2: not valid UTF-8"):
        read_pan_conversations(write(tmp_path / "pan.xml", CORPUS), tmp_path / "p1.txt")


def test_missing_xml_fails_at_once(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="No PAN-2012 XML file"):
        read_pan_conversations(tmp_path / "absent.xml")


def synthetic_corpus(path: Path, conversations: int) -> Path:
    message = '<message line="{}"><author>u{}</author><time>12:00</time><text>{}</text></message>\n'
    text = "see you at training tomorrow, bring the ball " * 3
    with path.open("w", encoding="utf-8") as handle:
        handle.write("<conversations>\n")
        for number in range(conversations):
            handle.write(f'<conversation id="c{number}">\n')
            handle.writelines(message.format(line, line % 2, text) for line in range(1, 11))
            handle.write("</conversation>\n")
        handle.write("</conversations>\n")
    return path


def peak_memory_while_streaming(path: Path) -> int:
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_pan_conversations(path))
        return tracemalloc.get_traced_memory()[1] if count else 0
    finally:
        tracemalloc.stop()


def test_memory_stays_bounded_as_the_corpus_grows(tmp_path: Path) -> None:
    small = peak_memory_while_streaming(synthetic_corpus(tmp_path / "small.xml", 200))
    large = peak_memory_while_streaming(synthetic_corpus(tmp_path / "large.xml", 4000))
    # 4000 conversations x 10 messages of ~150 characters would hold > 6 MB if kept.
    assert large < small + 200_000
