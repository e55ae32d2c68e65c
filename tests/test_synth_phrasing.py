"""Tests of the phrase inventory: parallel languages, richness, and the disjoint held-out split."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from random import Random

import pytest

from simulations.synth.bank import compile_template
from simulations.synth.compose import Chat, Person
from simulations.synth.generator import generate_with_templates
from simulations.synth.grooming import SIGNS
from simulations.synth.library import (
    LANGUAGES,
    PLATFORMS,
    UNSPLIT_SLOTS,
    bank_texts,
    compiled,
    dev_values,
    heldout_values,
    is_split,
    library,
    slot_values,
    writer_banks,
)
from simulations.synth.negatives import SCENARIOS

ENTITY_SLOTS = ("app", "game", "currency", "show", "music", "city", "shop", "work_app")
PHRASINGS = ("train", "heldout", "all", "dev-train", "dev")


@cache
def templates_used(phrasing: str) -> frozenset[str]:
    used: set[str] = set()
    for platform in PLATFORMS:
        for _, ids in generate_with_templates(
            700, seed=21, phrasing=phrasing, platform=platform, coded_rate=0.0
        ):
            used.update(ids)
    return frozenset(used)


@cache
def texts_used(phrasing: str) -> str:
    lines = [
        m.text
        for platform in PLATFORMS
        for c, _ in generate_with_templates(
            700, seed=21, phrasing=phrasing, platform=platform, coded_rate=0.0
        )
        for m in c.messages
    ]
    return "\n".join(lines)


def test_both_languages_have_the_same_banks_and_slots() -> None:
    assert bank_texts("en").keys() == bank_texts("nl").keys()
    for platform in PLATFORMS:
        assert slot_values("en", platform).keys() == slot_values("nl", platform).keys()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sign_has_20_to_40_core_templates(lang: str) -> None:
    for sign in SIGNS:
        assert 20 <= len(bank_texts(lang)[f"sign/{sign}"]) <= 40, sign


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_scenario_has_a_rich_look_alike_bank(lang: str) -> None:
    groups = {c.banks or s for s, casts in SCENARIOS.items() for c in casts}
    for group in groups:
        banks = bank_texts(lang)
        assert len(banks[f"neg/{group}/lookalike"]) >= 16, group
        assert len(banks[f"neg/{group}/open"]) >= 6 and len(banks[f"neg/{group}/talk"]) >= 8


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_bank_repeats_a_template(lang: str) -> None:
    for name, texts in bank_texts(lang).items():
        assert len(set(texts)) == len(texts), name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_about_a_quarter_of_every_split_bank_is_held_out(lang: str) -> None:
    texts = bank_texts(lang)
    for name, templates in compiled(lang).items():
        own = [t for t in templates if t.text in texts[name]]
        share = sum(t.heldout for t in own) / len(own)
        assert (0.2 <= share <= 0.35) if is_split(name) else share == 0, name


def test_the_split_depends_only_on_the_template_text() -> None:
    first = compile_template("sign/x", "add me on {app}", heldout=False)
    assert first.id == compile_template("sign/x", "add me on {app}", heldout=True).id
    assert first.id != compile_template("sign/x", "add me on {app} pls", heldout=False).id


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("platform", PLATFORMS)
def test_slot_pools_are_filled_and_disjoint_in_every_mode(lang: str, platform: str) -> None:
    train, heldout = library(lang, platform, "train"), library(lang, platform, "heldout")
    for name, values in slot_values(lang, platform).items():
        assert train.pools[name] and heldout.pools[name], name
        if name not in UNSPLIT_SLOTS:
            assert len(values) >= 5, name
            assert not set(train.pools[name]) & set(heldout.pools[name]), name


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_dev_split_divides_the_training_side(lang: str, platform: str) -> None:
    train = library(lang, platform, "train")
    dev_train, dev = library(lang, platform, "dev-train"), library(lang, platform, "dev")
    for name, templates in train.banks.items():
        assert set(dev_train.banks[name]) | set(dev.banks[name]) == set(templates), name
        if is_split(name) and len(templates) >= 3:
            assert dev.banks[name] and not set(dev.banks[name]) & set(dev_train.banks[name])
    for name, values in train.pools.items():
        assert dev_train.pools[name] and dev.pools[name], name
        if name not in UNSPLIT_SLOTS:
            assert set(dev_train.pools[name]) | set(dev.pools[name]) == set(values), name
            assert not set(dev_train.pools[name]) & set(dev.pools[name]), name
    assert dev_values().isdisjoint(heldout_values())


def test_about_a_fifth_of_the_slot_values_are_held_out() -> None:
    values = {
        v
        for lang in LANGUAGES
        for platform in PLATFORMS
        for name, items in slot_values(lang, platform).items()
        if name not in UNSPLIT_SLOTS
        for v in items
    }
    assert 0.15 <= len(heldout_values() & values) / len(values) <= 0.3


def test_held_out_entity_names_never_appear_in_train_templates_or_writers_lines() -> None:
    reserved = {
        v
        for lang in LANGUAGES
        for platform in PLATFORMS
        for name in ENTITY_SLOTS
        for v in slot_values(lang, platform)[name]
        if v in heldout_values()
    }
    for lang in LANGUAGES:
        banks = [*bank_texts(lang).values(), *writer_banks(lang).values()]
        text = "\n".join(t for texts in banks for t in texts)
        for value in reserved:
            assert not re.search(rf"\b{re.escape(value)}\b", text), value


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("phrasing", PHRASINGS)
def test_every_template_renders_in_every_library(lang: str, phrasing: str) -> None:
    for platform in PLATFORMS:
        lib = library(lang, platform, phrasing)
        chat = Chat(Random(0), lib, (Person("adult", 30, 30), Person("child", 12, 12)))
        chat.context.update(age="12", other_age="30")
        for templates in lib.banks.values():
            assert templates
            for template in templates:
                for line in template.lines:
                    assert not re.search(r"[{}\[\]|@]", chat.text(line)), template.text


def test_held_out_templates_are_disjoint_from_train_templates() -> None:
    train, heldout = templates_used("train"), templates_used("heldout")
    split = {t.id: t.heldout for lang in LANGUAGES for ts in compiled(lang).values() for t in ts}
    split_banks = {i for i in train | heldout if is_split(i.split("#")[0])}
    assert not (train & heldout) & split_banks
    assert all(split[i] for i in heldout & split_banks)
    assert not any(split[i] for i in train & split_banks)
    assert len(heldout & split_banks) > 300


def test_held_out_entity_values_only_appear_in_held_out_text() -> None:
    train_text, heldout_text = texts_used("train"), texts_used("heldout")
    reserved = [
        v
        for name in ("app", "game", "currency")
        for v in slot_values("en", "gaming")[name]
        if v in heldout_values()
    ]
    assert reserved
    for value in reserved:
        assert not re.search(rf"\b{re.escape(value)}\b", train_text), value
    assert any(re.search(rf"\b{re.escape(v)}\b", heldout_text) for v in reserved)


def test_signs_are_phrased_in_hundreds_of_ways_per_language() -> None:
    texts: dict[str, set[str]] = defaultdict(set)
    per_sign: dict[tuple[str, str], set[str]] = defaultdict(set)
    for platform in PLATFORMS:
        for c, _ in generate_with_templates(
            900, seed=5, platform=platform, coded_rate=0.0, grooming_rate=0.6
        ):
            for index, sign in c.extra["signs"]:
                texts[c.lang or ""].add(c.messages[index].text)
                per_sign[(c.lang or "", sign)].add(c.messages[index].text)
    assert len(texts["en"]) >= 200 and len(texts["nl"]) >= 200
    assert all(len(per_sign[(lang, sign)]) >= 10 for lang in LANGUAGES for sign in SIGNS)
