"""Tests of the synthetic platforms: skewed profiles and the per-platform JSONL corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulations.synth.platforms import (
    MIN_CONVERSATIONS,
    generate_platform_corpora,
    make_platform_profiles,
)


@settings(max_examples=60, deadline=None)
@given(
    num_platforms=st.integers(1, 12),
    extra=st.integers(0, 20_000),
    seed=st.integers(0, 2**32),
)
def test_profiles_are_skewed_within_their_ranges(num_platforms: int, extra: int, seed: int) -> None:
    total = MIN_CONVERSATIONS * num_platforms + extra
    profiles = make_platform_profiles(num_platforms, total, seed=seed)
    assert sum(p.conversations for p in profiles) == total
    assert len({p.name for p in profiles}) == num_platforms
    for index, p in enumerate(profiles):
        assert p.conversations >= MIN_CONVERSATIONS
        assert p.platform == ("social", "gaming", "metaverse")[index % 3]
        assert 0.1 <= p.grooming_rate <= 0.4 and 0.1 <= p.coded_rate <= 0.5
        assert set(p.languages) == {"en", "nl"} and abs(sum(p.languages.values()) - 1) < 1e-9
        assert 0.1 <= p.languages["nl"] <= 0.9


def test_language_mixes_run_from_mostly_dutch_to_mostly_english() -> None:
    profiles = make_platform_profiles(10, 5000, seed=7)
    dutch = sorted(p.languages["nl"] for p in profiles)
    assert dutch[0] < 0.25 and dutch[-1] > 0.75
    sizes = sorted(p.conversations for p in profiles)
    assert sizes[-1] > 2 * sizes[0]


def test_profiles_are_deterministic_by_seed() -> None:
    assert make_platform_profiles(5, 900, seed=3) == make_platform_profiles(5, 900, seed=3)
    assert make_platform_profiles(5, 900, seed=3) != make_platform_profiles(5, 900, seed=4)


@pytest.mark.parametrize(
    ("num_platforms", "total", "message"),
    [
        (0, 100, "The number of platforms should be a positive integer."),
        (3, 100, "The total number of conversations should be at least 40 per platform."),
        (2, 90.5, "The total number of conversations should be at least 40 per platform."),
    ],
)
def test_invalid_profiles_are_rejected(num_platforms: int, total: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_platform_profiles(num_platforms, total, seed=1)


def test_corpora_are_readable_jsonl_with_a_manifest(tmp_path: Path) -> None:
    paths = generate_platform_corpora(4, 400, seed=2, out_dir=tmp_path, phrasing="heldout")
    assert [p.name for p in paths] == [f"platform-{i:02d}.jsonl" for i in range(4)]
    manifest = json.loads((tmp_path / "platforms.json").read_text(encoding="utf-8"))
    assert manifest["phrasing"] == "heldout" and len(manifest["platforms"]) == 4
    ids: list[str] = []
    for path, profile in zip(paths, manifest["platforms"], strict=True):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert len(records) == profile["conversations"] and profile["file"] == path.name
        assert {r["platform"] for r in records} == {profile["platform"]}
        assert all(r["id"].startswith(profile["name"]) and r["messages"] for r in records)
        ids += [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == 400


def test_corpora_reject_an_unknown_phrasing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="The phrasing should be"):
        generate_platform_corpora(2, 100, seed=1, out_dir=tmp_path, phrasing="test")
