"""Tests of the writers' training-only lines: shipped coverage, the split, and bad-input errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.data.errors import DataFormatError
from simulations.synth.grooming import SIGNS
from simulations.synth.library import LANGUAGES, PLATFORMS, bank_texts, library, writer_banks
from simulations.synth.negatives import SCENARIOS
from simulations.synth.writers import load_writer_lines

SLOTS = {"en": frozenset({"app", "game"}), "nl": frozenset({"app"})}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sign_and_scenario_has_writers_lines_in_both_languages(lang: str) -> None:
    lines = writer_banks(lang)
    for sign in SIGNS:
        assert len(lines[f"sign/{sign}"]) >= 20, sign
        assert len(lines[f"mirror/peer/{sign}"]) >= 10, sign
    for scenario in SCENARIOS:
        assert len(lines[f"neg/{scenario}/lookalike"]) >= 10, scenario


@pytest.mark.parametrize("phrasing", ["train", "dev-train", "heldout", "dev"])
def test_writers_lines_are_drawn_by_training_phrasings_only(phrasing: str) -> None:
    for lang in LANGUAGES:
        own = {text for texts in bank_texts(lang).values() for text in texts}
        written = {text for texts in writer_banks(lang).values() for text in texts} - own
        for platform in PLATFORMS:
            banks = library(lang, platform, phrasing).banks.values()
            used = {t.text for templates in banks for t in templates} & written
            assert bool(used) == (phrasing in ("train", "dev-train")), (lang, platform)


def write_lines(tmp_path: Path, *records: object) -> Path:
    path = tmp_path / "en-x.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return tmp_path


def test_lines_are_read_by_language_and_bank_without_repeats(tmp_path: Path) -> None:
    line = {"lang": "en", "bank": "sign/secrecy", "text": "keep this quiet on {app}"}
    other = {"lang": "nl", "bank": "sign/gifts", "text": "wil je iets"}
    lines = load_writer_lines(SLOTS, write_lines(tmp_path, line, other, line))
    assert lines == {
        "en": {"sign/secrecy": ("keep this quiet on {app}",)},
        "nl": {"sign/gifts": ("wil je iets",)},
    }


@pytest.mark.parametrize(
    ("record", "where"),
    [
        ("not an object", "should be an object"),
        ({"lang": "en", "bank": "sign/secrecy"}, "field 'text'"),
        ({"lang": "fr", "bank": "sign/secrecy", "text": "hi"}, "field 'lang'"),
        ({"lang": "en", "bank": "reply/short", "text": "hi"}, "field 'bank'"),
        ({"lang": "en", "bank": "sign/secrecy", "text": "hi [a|b]"}, "template syntax"),
        ({"lang": "en", "bank": "sign/secrecy", "text": "on {tiktok}"}, "unknown slot(s) tiktok"),
    ],
)
def test_a_bad_line_names_the_file_line_and_field(
    tmp_path: Path, record: object, where: str
) -> None:
    good = {"lang": "en", "bank": "sign/secrecy", "text": "keep it quiet"}
    directory = write_lines(tmp_path, good, record)
    with pytest.raises(DataFormatError) as error:
        load_writer_lines(SLOTS, directory)
    assert error.value.path.name == "en-x.jsonl" and error.value.line == 2
    assert str(error.value).startswith(f"{directory / 'en-x.jsonl'}:2:")
    assert where in str(error.value)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    good = '{"lang": "nl", "bank": "sign/gifts", "text": "wil je iets"}'
    (tmp_path / "nl-y.jsonl").write_text(good + "\n{oops\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"nl-y\.jsonl:2: is not valid JSON"):
        load_writer_lines(SLOTS, tmp_path)
