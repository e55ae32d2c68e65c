"""Synthetic platforms with realistic non-IID skew, and one JSONL corpus per platform.

Constraints: profiles are drawn from `seed` alone (a `random.Random` instance); sizes follow
lognormal shares with at least 40 conversations per platform; platform types cycle social,
gaming, metaverse; each platform's corpus is seeded from the seed and the platform's name, and its
ids carry the platform name, so ids are unique across files.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from random import Random

from model.data.jsonl import write_conversations
from simulations.synth.bank import PHRASINGS, digest
from simulations.synth.generator import generate_conversations
from simulations.synth.library import PLATFORMS

MIN_CONVERSATIONS = 40


@dataclass(frozen=True)
class PlatformProfile:
    """One synthetic platform: its size, type, grooming rate, language mix and coded rate."""

    name: str
    platform: str
    conversations: int
    grooming_rate: float
    languages: dict[str, float]
    coded_rate: float


def _validate(num_platforms: int, total: int) -> None:
    if isinstance(num_platforms, bool) or not isinstance(num_platforms, int) or num_platforms < 1:
        raise ValueError("The number of platforms should be a positive integer.")
    if isinstance(total, bool) or not isinstance(total, int) or total < 40 * num_platforms:
        raise ValueError("The total number of conversations should be at least 40 per platform.")


def _sizes(rng: Random, count: int, total: int) -> list[int]:
    weights = [rng.lognormvariate(0.0, 0.9) for _ in range(count)]
    spare = total - MIN_CONVERSATIONS * count
    shares = [spare * w / sum(weights) for w in weights]
    sizes = [MIN_CONVERSATIONS + int(share) for share in shares]
    by_remainder = sorted(range(count), key=lambda i: shares[i] - int(shares[i]), reverse=True)
    for i in by_remainder[: total - sum(sizes)]:
        sizes[i] += 1
    return sizes


def make_platform_profiles(
    num_platforms: int, total_conversations: int, *, seed: int
) -> list[PlatformProfile]:
    """Return `num_platforms` skewed profiles whose sizes add up to `total_conversations`.

    Example:
        >>> profiles = make_platform_profiles(4, 1000, seed=3)
        >>> sum(p.conversations for p in profiles), [p.platform for p in profiles][:3]
        (1000, ['social', 'gaming', 'metaverse'])
    """
    _validate(num_platforms, total_conversations)
    rng = Random(seed)
    sizes = _sizes(rng, num_platforms, total_conversations)
    dutch = [0.1 + 0.8 * (i + rng.random()) / num_platforms for i in range(num_platforms)]
    rng.shuffle(dutch)
    return [
        PlatformProfile(
            name=f"platform-{i:02d}",
            platform=PLATFORMS[i % len(PLATFORMS)],
            conversations=sizes[i],
            grooming_rate=round(rng.uniform(0.1, 0.4), 3),
            languages={"en": round(1 - dutch[i], 3), "nl": round(dutch[i], 3)},
            coded_rate=round(rng.uniform(0.1, 0.5), 3),
        )
        for i in range(num_platforms)
    ]


def _write_corpus(profile: PlatformProfile, seed: int, out_dir: Path, phrasing: str) -> Path:
    corpus = generate_conversations(
        profile.conversations,
        seed=digest(f"{seed}:{profile.name}"),
        phrasing=phrasing,
        languages=profile.languages,
        platform=profile.platform,
        grooming_rate=profile.grooming_rate,
        coded_rate=profile.coded_rate,
        id_prefix=profile.name,
    )
    path = out_dir / f"{profile.name}.jsonl"
    write_conversations(path, corpus)
    return path


def generate_platform_corpora(
    num_platforms: int, conversations: int, *, seed: int, out_dir: Path, phrasing: str = "train"
) -> list[Path]:
    """Write one JSONL corpus per platform plus `platforms.json`; return the JSONL paths.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     paths = generate_platform_corpora(3, 300, seed=1, out_dir=Path(tmp))
        ...     [p.name for p in paths]
        ['platform-00.jsonl', 'platform-01.jsonl', 'platform-02.jsonl']
    """
    if phrasing not in PHRASINGS:
        raise ValueError(f"The phrasing should be one of {', '.join(PHRASINGS)}.")
    profiles = make_platform_profiles(num_platforms, conversations, seed=seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [_write_corpus(profile, seed, out_dir, phrasing) for profile in profiles]
    described = [{**asdict(p), "file": path.name} for p, path in zip(profiles, paths, strict=True)]
    manifest = {"seed": seed, "phrasing": phrasing, "platforms": described}
    (out_dir / "platforms.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return paths
